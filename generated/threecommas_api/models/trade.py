from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

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
    status: str
    """ Status of the trade; known values include `to_process`, `finished`. """
    trade_purpose: str
    """ Known values `position`, `take_profit`, `stop_loss`, `reduce_funds`. """
    average_price: None | str | Unset = UNSET
    """ Weighted average fill price. """
    follow_price_type: str | Unset = UNSET
    """ Order-book price followed; known values `bid`, `ask`, `last`. """
    initial_amount: None | str | Unset = UNSET
    """ Amount ordered, in base currency. """
    initial_total: None | str | Unset = UNSET
    """ Total ordered, in quote currency. """
    initial_price: None | str | Unset = UNSET
    """ Price when ordered. """
    order_price: None | str | Unset = UNSET
    """ Limit price of the order. """
    order_side: str | Unset = UNSET
    """ Known values `buy`, `sell` (the docs capitalise them; the examples do not). """
    order_type: str | Unset = UNSET
    """ Known values `market`, `limit`, `conditional`. """
    pair: str | Unset = UNSET
    """ Trading pair in 3Commas format. """
    position_percentage: None | str | Unset = UNSET
    """ Share of the position, in percent. """
    realised_amount: None | str | Unset = UNSET
    """ Amount filled, in base currency. """
    realised_total: None | str | Unset = UNSET
    """ Total filled, in quote currency. """
    realised_percentage: None | str | Unset = UNSET
    """ Share filled, in percent. """
    realised_price: None | str | Unset = UNSET
    """ Average fill price. """
    take_profit_percentage: None | str | Unset = UNSET
    """ Take-profit distance in percent. """
    trail_percentage: None | str | Unset = UNSET
    """ Trailing deviation in percent. """
    trail_value: None | str | Unset = UNSET
    """ Trailing deviation as a price. """
    trailing_enabled: bool | Unset = UNSET
    """ Whether trailing is on. """
    trailing_last_price: None | str | Unset = UNSET
    """ Last price seen by the trailing. """
    trailing_last_price_updated_at: float | None | str | Unset = UNSET
    """ When the trailing price last moved (unit not documented). """
    trigger_condition: None | str | Unset = UNSET
    """ Known values `greater`, `less`, `greater_or_equal`, `less_or_equal`. """
    trigger_price: None | str | Unset = UNSET
    """ Trigger price. """
    trigger_price_percentage: None | str | Unset = UNSET
    """ Trigger distance in percent. """
    trigger_type: str | Unset = UNSET
    """ Known values `conditional`, `none`. """
    created_at: str | Unset = UNSET
    """ When the trade was created (ISO 8601). """
    updated_at: None | str | Unset = UNSET
    """ When the trade last changed (ISO 8601). """
    cancelable: bool | Unset = UNSET
    """ Whether the trade may be cancelled. """
    force_processable: bool | Unset = UNSET
    """ Whether the trade may be closed by market. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status = self.status

        trade_purpose = self.trade_purpose

        average_price: None | str | Unset
        if isinstance(self.average_price, Unset):
            average_price = UNSET
        else:
            average_price = self.average_price

        follow_price_type = self.follow_price_type

        initial_amount: None | str | Unset
        if isinstance(self.initial_amount, Unset):
            initial_amount = UNSET
        else:
            initial_amount = self.initial_amount

        initial_total: None | str | Unset
        if isinstance(self.initial_total, Unset):
            initial_total = UNSET
        else:
            initial_total = self.initial_total

        initial_price: None | str | Unset
        if isinstance(self.initial_price, Unset):
            initial_price = UNSET
        else:
            initial_price = self.initial_price

        order_price: None | str | Unset
        if isinstance(self.order_price, Unset):
            order_price = UNSET
        else:
            order_price = self.order_price

        order_side = self.order_side

        order_type = self.order_type

        pair = self.pair

        position_percentage: None | str | Unset
        if isinstance(self.position_percentage, Unset):
            position_percentage = UNSET
        else:
            position_percentage = self.position_percentage

        realised_amount: None | str | Unset
        if isinstance(self.realised_amount, Unset):
            realised_amount = UNSET
        else:
            realised_amount = self.realised_amount

        realised_total: None | str | Unset
        if isinstance(self.realised_total, Unset):
            realised_total = UNSET
        else:
            realised_total = self.realised_total

        realised_percentage: None | str | Unset
        if isinstance(self.realised_percentage, Unset):
            realised_percentage = UNSET
        else:
            realised_percentage = self.realised_percentage

        realised_price: None | str | Unset
        if isinstance(self.realised_price, Unset):
            realised_price = UNSET
        else:
            realised_price = self.realised_price

        take_profit_percentage: None | str | Unset
        if isinstance(self.take_profit_percentage, Unset):
            take_profit_percentage = UNSET
        else:
            take_profit_percentage = self.take_profit_percentage

        trail_percentage: None | str | Unset
        if isinstance(self.trail_percentage, Unset):
            trail_percentage = UNSET
        else:
            trail_percentage = self.trail_percentage

        trail_value: None | str | Unset
        if isinstance(self.trail_value, Unset):
            trail_value = UNSET
        else:
            trail_value = self.trail_value

        trailing_enabled = self.trailing_enabled

        trailing_last_price: None | str | Unset
        if isinstance(self.trailing_last_price, Unset):
            trailing_last_price = UNSET
        else:
            trailing_last_price = self.trailing_last_price

        trailing_last_price_updated_at: float | None | str | Unset
        if isinstance(self.trailing_last_price_updated_at, Unset):
            trailing_last_price_updated_at = UNSET
        else:
            trailing_last_price_updated_at = self.trailing_last_price_updated_at

        trigger_condition: None | str | Unset
        if isinstance(self.trigger_condition, Unset):
            trigger_condition = UNSET
        else:
            trigger_condition = self.trigger_condition

        trigger_price: None | str | Unset
        if isinstance(self.trigger_price, Unset):
            trigger_price = UNSET
        else:
            trigger_price = self.trigger_price

        trigger_price_percentage: None | str | Unset
        if isinstance(self.trigger_price_percentage, Unset):
            trigger_price_percentage = UNSET
        else:
            trigger_price_percentage = self.trigger_price_percentage

        trigger_type = self.trigger_type

        created_at = self.created_at

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = self.updated_at

        cancelable = self.cancelable

        force_processable = self.force_processable

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "trade_purpose": trade_purpose,
            }
        )
        if average_price is not UNSET:
            field_dict["average_price"] = average_price
        if follow_price_type is not UNSET:
            field_dict["follow_price_type"] = follow_price_type
        if initial_amount is not UNSET:
            field_dict["initial_amount"] = initial_amount
        if initial_total is not UNSET:
            field_dict["initial_total"] = initial_total
        if initial_price is not UNSET:
            field_dict["initial_price"] = initial_price
        if order_price is not UNSET:
            field_dict["order_price"] = order_price
        if order_side is not UNSET:
            field_dict["order_side"] = order_side
        if order_type is not UNSET:
            field_dict["order_type"] = order_type
        if pair is not UNSET:
            field_dict["pair"] = pair
        if position_percentage is not UNSET:
            field_dict["position_percentage"] = position_percentage
        if realised_amount is not UNSET:
            field_dict["realised_amount"] = realised_amount
        if realised_total is not UNSET:
            field_dict["realised_total"] = realised_total
        if realised_percentage is not UNSET:
            field_dict["realised_percentage"] = realised_percentage
        if realised_price is not UNSET:
            field_dict["realised_price"] = realised_price
        if take_profit_percentage is not UNSET:
            field_dict["take_profit_percentage"] = take_profit_percentage
        if trail_percentage is not UNSET:
            field_dict["trail_percentage"] = trail_percentage
        if trail_value is not UNSET:
            field_dict["trail_value"] = trail_value
        if trailing_enabled is not UNSET:
            field_dict["trailing_enabled"] = trailing_enabled
        if trailing_last_price is not UNSET:
            field_dict["trailing_last_price"] = trailing_last_price
        if trailing_last_price_updated_at is not UNSET:
            field_dict["trailing_last_price_updated_at"] = trailing_last_price_updated_at
        if trigger_condition is not UNSET:
            field_dict["trigger_condition"] = trigger_condition
        if trigger_price is not UNSET:
            field_dict["trigger_price"] = trigger_price
        if trigger_price_percentage is not UNSET:
            field_dict["trigger_price_percentage"] = trigger_price_percentage
        if trigger_type is not UNSET:
            field_dict["trigger_type"] = trigger_type
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if cancelable is not UNSET:
            field_dict["cancelable"] = cancelable
        if force_processable is not UNSET:
            field_dict["force_processable"] = force_processable

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")
        if isinstance(id, bool) or not isinstance(id, int):
            raise TypeError("id: expected int, got " + type(id).__name__)

        status = d.pop("status")
        if not isinstance(status, str):
            raise TypeError("status: expected str, got " + type(status).__name__)

        trade_purpose = d.pop("trade_purpose")
        if not isinstance(trade_purpose, str):
            raise TypeError("trade_purpose: expected str, got " + type(trade_purpose).__name__)

        average_price = d.pop("average_price", UNSET)
        if average_price is not None and (not isinstance(average_price, (str, Unset))):
            raise TypeError(
                "average_price: expected str or null, got " + type(average_price).__name__
            )

        follow_price_type = d.pop("follow_price_type", UNSET)
        if not isinstance(follow_price_type, (str, Unset)):
            raise TypeError(
                "follow_price_type: expected str, got " + type(follow_price_type).__name__
            )

        initial_amount = d.pop("initial_amount", UNSET)
        if initial_amount is not None and (not isinstance(initial_amount, (str, Unset))):
            raise TypeError(
                "initial_amount: expected str or null, got " + type(initial_amount).__name__
            )

        initial_total = d.pop("initial_total", UNSET)
        if initial_total is not None and (not isinstance(initial_total, (str, Unset))):
            raise TypeError(
                "initial_total: expected str or null, got " + type(initial_total).__name__
            )

        initial_price = d.pop("initial_price", UNSET)
        if initial_price is not None and (not isinstance(initial_price, (str, Unset))):
            raise TypeError(
                "initial_price: expected str or null, got " + type(initial_price).__name__
            )

        order_price = d.pop("order_price", UNSET)
        if order_price is not None and (not isinstance(order_price, (str, Unset))):
            raise TypeError("order_price: expected str or null, got " + type(order_price).__name__)

        order_side = d.pop("order_side", UNSET)
        if not isinstance(order_side, (str, Unset)):
            raise TypeError("order_side: expected str, got " + type(order_side).__name__)

        order_type = d.pop("order_type", UNSET)
        if not isinstance(order_type, (str, Unset)):
            raise TypeError("order_type: expected str, got " + type(order_type).__name__)

        pair = d.pop("pair", UNSET)
        if not isinstance(pair, (str, Unset)):
            raise TypeError("pair: expected str, got " + type(pair).__name__)

        position_percentage = d.pop("position_percentage", UNSET)
        if position_percentage is not None and (not isinstance(position_percentage, (str, Unset))):
            raise TypeError(
                "position_percentage: expected str or null, got "
                + type(position_percentage).__name__
            )

        realised_amount = d.pop("realised_amount", UNSET)
        if realised_amount is not None and (not isinstance(realised_amount, (str, Unset))):
            raise TypeError(
                "realised_amount: expected str or null, got " + type(realised_amount).__name__
            )

        realised_total = d.pop("realised_total", UNSET)
        if realised_total is not None and (not isinstance(realised_total, (str, Unset))):
            raise TypeError(
                "realised_total: expected str or null, got " + type(realised_total).__name__
            )

        realised_percentage = d.pop("realised_percentage", UNSET)
        if realised_percentage is not None and (not isinstance(realised_percentage, (str, Unset))):
            raise TypeError(
                "realised_percentage: expected str or null, got "
                + type(realised_percentage).__name__
            )

        realised_price = d.pop("realised_price", UNSET)
        if realised_price is not None and (not isinstance(realised_price, (str, Unset))):
            raise TypeError(
                "realised_price: expected str or null, got " + type(realised_price).__name__
            )

        take_profit_percentage = d.pop("take_profit_percentage", UNSET)
        if take_profit_percentage is not None and (
            not isinstance(take_profit_percentage, (str, Unset))
        ):
            raise TypeError(
                "take_profit_percentage: expected str or null, got "
                + type(take_profit_percentage).__name__
            )

        trail_percentage = d.pop("trail_percentage", UNSET)
        if trail_percentage is not None and (not isinstance(trail_percentage, (str, Unset))):
            raise TypeError(
                "trail_percentage: expected str or null, got " + type(trail_percentage).__name__
            )

        trail_value = d.pop("trail_value", UNSET)
        if trail_value is not None and (not isinstance(trail_value, (str, Unset))):
            raise TypeError("trail_value: expected str or null, got " + type(trail_value).__name__)

        trailing_enabled = d.pop("trailing_enabled", UNSET)
        if not isinstance(trailing_enabled, (bool, Unset)):
            raise TypeError(
                "trailing_enabled: expected bool, got " + type(trailing_enabled).__name__
            )

        trailing_last_price = d.pop("trailing_last_price", UNSET)
        if trailing_last_price is not None and (not isinstance(trailing_last_price, (str, Unset))):
            raise TypeError(
                "trailing_last_price: expected str or null, got "
                + type(trailing_last_price).__name__
            )

        trailing_last_price_updated_at = d.pop("trailing_last_price_updated_at", UNSET)
        if trailing_last_price_updated_at is not None and (
            isinstance(trailing_last_price_updated_at, bool)
            or not isinstance(trailing_last_price_updated_at, (float, int, str, Unset))
        ):
            raise TypeError(
                "trailing_last_price_updated_at: expected float or int or str or null, got "
                + type(trailing_last_price_updated_at).__name__
            )

        trigger_condition = d.pop("trigger_condition", UNSET)
        if trigger_condition is not None and (not isinstance(trigger_condition, (str, Unset))):
            raise TypeError(
                "trigger_condition: expected str or null, got " + type(trigger_condition).__name__
            )

        trigger_price = d.pop("trigger_price", UNSET)
        if trigger_price is not None and (not isinstance(trigger_price, (str, Unset))):
            raise TypeError(
                "trigger_price: expected str or null, got " + type(trigger_price).__name__
            )

        trigger_price_percentage = d.pop("trigger_price_percentage", UNSET)
        if trigger_price_percentage is not None and (
            not isinstance(trigger_price_percentage, (str, Unset))
        ):
            raise TypeError(
                "trigger_price_percentage: expected str or null, got "
                + type(trigger_price_percentage).__name__
            )

        trigger_type = d.pop("trigger_type", UNSET)
        if not isinstance(trigger_type, (str, Unset)):
            raise TypeError("trigger_type: expected str, got " + type(trigger_type).__name__)

        created_at = d.pop("created_at", UNSET)
        if not isinstance(created_at, (str, Unset)):
            raise TypeError("created_at: expected str, got " + type(created_at).__name__)

        updated_at = d.pop("updated_at", UNSET)
        if updated_at is not None and (not isinstance(updated_at, (str, Unset))):
            raise TypeError("updated_at: expected str or null, got " + type(updated_at).__name__)

        cancelable = d.pop("cancelable", UNSET)
        if not isinstance(cancelable, (bool, Unset)):
            raise TypeError("cancelable: expected bool, got " + type(cancelable).__name__)

        force_processable = d.pop("force_processable", UNSET)
        if not isinstance(force_processable, (bool, Unset)):
            raise TypeError(
                "force_processable: expected bool, got " + type(force_processable).__name__
            )

        trade = cls(
            id=id,
            status=status,
            trade_purpose=trade_purpose,
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
            take_profit_percentage=take_profit_percentage,
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
