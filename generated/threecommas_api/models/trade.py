from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Trade")


@_attrs_define
class Trade:
    """One trade (order) of a SmartTrade: its position, a take-profit step, the stop loss, a
    reduce-funds or market-close order. Several documented types are wrong (the docs give
    numbers where the examples send decimal strings, a number for `trigger_condition`);
    the types here follow the examples.

    """

    id: int
    """ ID of the trade; for a take-profit step, the step's `id`. """
    average_price: None | str
    """ Weighted average fill price. """
    follow_price_type: str
    """ Order-book price followed; known values `bid`, `ask`, `last`. """
    initial_amount: None | str
    """ Amount ordered, in base currency. """
    initial_total: None | str
    """ Total ordered, in quote currency. """
    initial_price: None | str
    """ Price when ordered. """
    order_price: None | str
    """ Limit price of the order. """
    order_side: str
    """ Known values `buy`, `sell` (the docs capitalise them; the examples do not). """
    order_type: str
    """ Known values `market`, `limit`, `conditional`. """
    pair: str
    """ Trading pair in 3Commas format. """
    position_percentage: None | str
    """ Share of the position, in percent. """
    realised_amount: None | str
    """ Amount filled, in base currency. """
    realised_total: None | str
    """ Total filled, in quote currency. """
    realised_percentage: None | str
    """ Share filled, in percent. """
    realised_price: None | str
    """ Average fill price. """
    status: str
    """ Status of the trade; known values include `to_process`, `finished`. """
    take_profit_percentage: None | str
    """ Take-profit distance in percent. """
    trade_purpose: str
    """ Known values `position`, `take_profit`, `stop_loss`, `reduce_funds`. """
    trail_percentage: None | str
    """ Trailing deviation in percent. """
    trail_value: None | str
    """ Trailing deviation as a price. """
    trailing_enabled: bool
    """ Whether trailing is on. """
    trailing_last_price: None | str
    """ Last price seen by the trailing. """
    trailing_last_price_updated_at: float | None | str
    """ When the trailing price last moved (unit not documented). """
    trigger_condition: None | str
    """ Known values `greater`, `less`, `greater_or_equal`, `less_or_equal`. """
    trigger_price: None | str
    """ Trigger price. """
    trigger_price_percentage: None | str
    """ Trigger distance in percent. """
    trigger_type: str
    """ Known values `conditional`, `none`. """
    created_at: str
    """ When the trade was created (ISO 8601). """
    updated_at: None | str
    """ When the trade last changed (ISO 8601). """
    cancelable: bool
    """ Whether the trade may be cancelled. """
    force_processable: bool
    """ Whether the trade may be closed by market. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        average_price: None | str
        average_price = self.average_price

        follow_price_type = self.follow_price_type

        initial_amount: None | str
        initial_amount = self.initial_amount

        initial_total: None | str
        initial_total = self.initial_total

        initial_price: None | str
        initial_price = self.initial_price

        order_price: None | str
        order_price = self.order_price

        order_side = self.order_side

        order_type = self.order_type

        pair = self.pair

        position_percentage: None | str
        position_percentage = self.position_percentage

        realised_amount: None | str
        realised_amount = self.realised_amount

        realised_total: None | str
        realised_total = self.realised_total

        realised_percentage: None | str
        realised_percentage = self.realised_percentage

        realised_price: None | str
        realised_price = self.realised_price

        status = self.status

        take_profit_percentage: None | str
        take_profit_percentage = self.take_profit_percentage

        trade_purpose = self.trade_purpose

        trail_percentage: None | str
        trail_percentage = self.trail_percentage

        trail_value: None | str
        trail_value = self.trail_value

        trailing_enabled = self.trailing_enabled

        trailing_last_price: None | str
        trailing_last_price = self.trailing_last_price

        trailing_last_price_updated_at: float | None | str
        trailing_last_price_updated_at = self.trailing_last_price_updated_at

        trigger_condition: None | str
        trigger_condition = self.trigger_condition

        trigger_price: None | str
        trigger_price = self.trigger_price

        trigger_price_percentage: None | str
        trigger_price_percentage = self.trigger_price_percentage

        trigger_type = self.trigger_type

        created_at = self.created_at

        updated_at: None | str
        updated_at = self.updated_at

        cancelable = self.cancelable

        force_processable = self.force_processable

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "average_price": average_price,
                "follow_price_type": follow_price_type,
                "initial_amount": initial_amount,
                "initial_total": initial_total,
                "initial_price": initial_price,
                "order_price": order_price,
                "order_side": order_side,
                "order_type": order_type,
                "pair": pair,
                "position_percentage": position_percentage,
                "realised_amount": realised_amount,
                "realised_total": realised_total,
                "realised_percentage": realised_percentage,
                "realised_price": realised_price,
                "status": status,
                "take_profit_percentage": take_profit_percentage,
                "trade_purpose": trade_purpose,
                "trail_percentage": trail_percentage,
                "trail_value": trail_value,
                "trailing_enabled": trailing_enabled,
                "trailing_last_price": trailing_last_price,
                "trailing_last_price_updated_at": trailing_last_price_updated_at,
                "trigger_condition": trigger_condition,
                "trigger_price": trigger_price,
                "trigger_price_percentage": trigger_price_percentage,
                "trigger_type": trigger_type,
                "created_at": created_at,
                "updated_at": updated_at,
                "cancelable": cancelable,
                "force_processable": force_processable,
            }
        )

        return field_dict

    def to_json(self, *, indent: int | None = None) -> str:
        """The model as JSON text, in the API's shape (`to_dict()` serialised): decimal
        strings stay strings, unset fields are left out."""
        return json.dumps(self.to_dict(), indent=indent)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")
        if isinstance(id, bool) or not isinstance(id, int):
            raise TypeError("id: expected int, got " + type(id).__name__)

        average_price = d.pop("average_price")
        if average_price is not None and (not isinstance(average_price, str)):
            raise TypeError(
                "average_price: expected str or null, got " + type(average_price).__name__
            )

        follow_price_type = d.pop("follow_price_type")
        if not isinstance(follow_price_type, str):
            raise TypeError(
                "follow_price_type: expected str, got " + type(follow_price_type).__name__
            )

        initial_amount = d.pop("initial_amount")
        if initial_amount is not None and (not isinstance(initial_amount, str)):
            raise TypeError(
                "initial_amount: expected str or null, got " + type(initial_amount).__name__
            )

        initial_total = d.pop("initial_total")
        if initial_total is not None and (not isinstance(initial_total, str)):
            raise TypeError(
                "initial_total: expected str or null, got " + type(initial_total).__name__
            )

        initial_price = d.pop("initial_price")
        if initial_price is not None and (not isinstance(initial_price, str)):
            raise TypeError(
                "initial_price: expected str or null, got " + type(initial_price).__name__
            )

        order_price = d.pop("order_price")
        if order_price is not None and (not isinstance(order_price, str)):
            raise TypeError("order_price: expected str or null, got " + type(order_price).__name__)

        order_side = d.pop("order_side")
        if not isinstance(order_side, str):
            raise TypeError("order_side: expected str, got " + type(order_side).__name__)

        order_type = d.pop("order_type")
        if not isinstance(order_type, str):
            raise TypeError("order_type: expected str, got " + type(order_type).__name__)

        pair = d.pop("pair")
        if not isinstance(pair, str):
            raise TypeError("pair: expected str, got " + type(pair).__name__)

        position_percentage = d.pop("position_percentage")
        if position_percentage is not None and (not isinstance(position_percentage, str)):
            raise TypeError(
                "position_percentage: expected str or null, got "
                + type(position_percentage).__name__
            )

        realised_amount = d.pop("realised_amount")
        if realised_amount is not None and (not isinstance(realised_amount, str)):
            raise TypeError(
                "realised_amount: expected str or null, got " + type(realised_amount).__name__
            )

        realised_total = d.pop("realised_total")
        if realised_total is not None and (not isinstance(realised_total, str)):
            raise TypeError(
                "realised_total: expected str or null, got " + type(realised_total).__name__
            )

        realised_percentage = d.pop("realised_percentage")
        if realised_percentage is not None and (not isinstance(realised_percentage, str)):
            raise TypeError(
                "realised_percentage: expected str or null, got "
                + type(realised_percentage).__name__
            )

        realised_price = d.pop("realised_price")
        if realised_price is not None and (not isinstance(realised_price, str)):
            raise TypeError(
                "realised_price: expected str or null, got " + type(realised_price).__name__
            )

        status = d.pop("status")
        if not isinstance(status, str):
            raise TypeError("status: expected str, got " + type(status).__name__)

        take_profit_percentage = d.pop("take_profit_percentage")
        if take_profit_percentage is not None and (not isinstance(take_profit_percentage, str)):
            raise TypeError(
                "take_profit_percentage: expected str or null, got "
                + type(take_profit_percentage).__name__
            )

        trade_purpose = d.pop("trade_purpose")
        if not isinstance(trade_purpose, str):
            raise TypeError("trade_purpose: expected str, got " + type(trade_purpose).__name__)

        trail_percentage = d.pop("trail_percentage")
        if trail_percentage is not None and (not isinstance(trail_percentage, str)):
            raise TypeError(
                "trail_percentage: expected str or null, got " + type(trail_percentage).__name__
            )

        trail_value = d.pop("trail_value")
        if trail_value is not None and (not isinstance(trail_value, str)):
            raise TypeError("trail_value: expected str or null, got " + type(trail_value).__name__)

        trailing_enabled = d.pop("trailing_enabled")
        if not isinstance(trailing_enabled, bool):
            raise TypeError(
                "trailing_enabled: expected bool, got " + type(trailing_enabled).__name__
            )

        trailing_last_price = d.pop("trailing_last_price")
        if trailing_last_price is not None and (not isinstance(trailing_last_price, str)):
            raise TypeError(
                "trailing_last_price: expected str or null, got "
                + type(trailing_last_price).__name__
            )

        trailing_last_price_updated_at = d.pop("trailing_last_price_updated_at")
        if trailing_last_price_updated_at is not None and (
            isinstance(trailing_last_price_updated_at, bool)
            or not isinstance(trailing_last_price_updated_at, (float, int, str))
        ):
            raise TypeError(
                "trailing_last_price_updated_at: expected float or int or str or null, got "
                + type(trailing_last_price_updated_at).__name__
            )

        trigger_condition = d.pop("trigger_condition")
        if trigger_condition is not None and (not isinstance(trigger_condition, str)):
            raise TypeError(
                "trigger_condition: expected str or null, got " + type(trigger_condition).__name__
            )

        trigger_price = d.pop("trigger_price")
        if trigger_price is not None and (not isinstance(trigger_price, str)):
            raise TypeError(
                "trigger_price: expected str or null, got " + type(trigger_price).__name__
            )

        trigger_price_percentage = d.pop("trigger_price_percentage")
        if trigger_price_percentage is not None and (not isinstance(trigger_price_percentage, str)):
            raise TypeError(
                "trigger_price_percentage: expected str or null, got "
                + type(trigger_price_percentage).__name__
            )

        trigger_type = d.pop("trigger_type")
        if not isinstance(trigger_type, str):
            raise TypeError("trigger_type: expected str, got " + type(trigger_type).__name__)

        created_at = d.pop("created_at")
        if not isinstance(created_at, str):
            raise TypeError("created_at: expected str, got " + type(created_at).__name__)

        updated_at = d.pop("updated_at")
        if updated_at is not None and (not isinstance(updated_at, str)):
            raise TypeError("updated_at: expected str or null, got " + type(updated_at).__name__)

        cancelable = d.pop("cancelable")
        if not isinstance(cancelable, bool):
            raise TypeError("cancelable: expected bool, got " + type(cancelable).__name__)

        force_processable = d.pop("force_processable")
        if not isinstance(force_processable, bool):
            raise TypeError(
                "force_processable: expected bool, got " + type(force_processable).__name__
            )

        trade = cls(
            id=id,
            average_price=average_price,
            follow_price_type=follow_price_type,
            initial_amount=initial_amount,
            initial_total=initial_total,
            initial_price=initial_price,
            order_price=order_price,
            order_side=order_side,
            order_type=order_type,
            pair=pair,
            position_percentage=position_percentage,
            realised_amount=realised_amount,
            realised_total=realised_total,
            realised_percentage=realised_percentage,
            realised_price=realised_price,
            status=status,
            take_profit_percentage=take_profit_percentage,
            trade_purpose=trade_purpose,
            trail_percentage=trail_percentage,
            trail_value=trail_value,
            trailing_enabled=trailing_enabled,
            trailing_last_price=trailing_last_price,
            trailing_last_price_updated_at=trailing_last_price_updated_at,
            trigger_condition=trigger_condition,
            trigger_price=trigger_price,
            trigger_price_percentage=trigger_price_percentage,
            trigger_type=trigger_type,
            created_at=created_at,
            updated_at=updated_at,
            cancelable=cancelable,
            force_processable=force_processable,
        )

        trade.additional_properties = d
        return trade

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
