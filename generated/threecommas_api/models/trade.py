from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from ..types import (
    _additional_keys,
    _attrs_fields,
    _contains,
    _delitem,
    _getitem,
    _getstate,
    _lazy_additional_properties,
    _new,
    _repr_seen,
    _setitem,
    _setstate,
    _to_json,
)


# The attrs class this model is written after (its fields are the model's).
def _attrs_twin() -> type:
    from attrs import define as _attrs_define
    from attrs import field as _attrs_field

    @_attrs_define
    class Trade:
        id: int
        average_price: None | str
        follow_price_type: str
        initial_amount: None | str
        initial_total: None | str
        initial_price: None | str
        order_price: None | str
        order_side: str
        order_type: str
        pair: str
        position_percentage: None | str
        realised_amount: None | str
        realised_total: None | str
        realised_percentage: None | str
        realised_price: None | str
        status: str
        take_profit_percentage: None | str
        trade_purpose: str
        trail_percentage: None | str
        trail_value: None | str
        trailing_enabled: bool
        trailing_last_price: None | str
        trailing_last_price_updated_at: float | None | str
        trigger_condition: None | str
        trigger_price: None | str
        trigger_price_percentage: None | str
        trigger_type: str
        created_at: str
        updated_at: None | str
        cancelable: bool
        force_processable: bool
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return Trade


@_lazy_additional_properties
class Trade:
    """One trade (order) of a SmartTrade: its position, a take-profit step, the stop loss, a
    reduce-funds or market-close order. Several documented types are wrong (the docs give
    numbers where the examples send decimal strings, a number for `trigger_condition`);
    the types here follow the examples.

    """

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "average_price",
        "cancelable",
        "created_at",
        "follow_price_type",
        "force_processable",
        "id",
        "initial_amount",
        "initial_price",
        "initial_total",
        "order_price",
        "order_side",
        "order_type",
        "pair",
        "position_percentage",
        "realised_amount",
        "realised_percentage",
        "realised_price",
        "realised_total",
        "status",
        "take_profit_percentage",
        "trade_purpose",
        "trail_percentage",
        "trail_value",
        "trailing_enabled",
        "trailing_last_price",
        "trailing_last_price_updated_at",
        "trigger_condition",
        "trigger_price",
        "trigger_price_percentage",
        "trigger_type",
        "updated_at",
    )
    __match_args__ = (
        "id",
        "average_price",
        "follow_price_type",
        "initial_amount",
        "initial_total",
        "initial_price",
        "order_price",
        "order_side",
        "order_type",
        "pair",
        "position_percentage",
        "realised_amount",
        "realised_total",
        "realised_percentage",
        "realised_price",
        "status",
        "take_profit_percentage",
        "trade_purpose",
        "trail_percentage",
        "trail_value",
        "trailing_enabled",
        "trailing_last_price",
        "trailing_last_price_updated_at",
        "trigger_condition",
        "trigger_price",
        "trigger_price_percentage",
        "trigger_type",
        "created_at",
        "updated_at",
        "cancelable",
        "force_processable",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

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
    additional_properties: dict[str, Any]

    def __init__(
        self,
        id: int,
        average_price: None | str,
        follow_price_type: str,
        initial_amount: None | str,
        initial_total: None | str,
        initial_price: None | str,
        order_price: None | str,
        order_side: str,
        order_type: str,
        pair: str,
        position_percentage: None | str,
        realised_amount: None | str,
        realised_total: None | str,
        realised_percentage: None | str,
        realised_price: None | str,
        status: str,
        take_profit_percentage: None | str,
        trade_purpose: str,
        trail_percentage: None | str,
        trail_value: None | str,
        trailing_enabled: bool,
        trailing_last_price: None | str,
        trailing_last_price_updated_at: float | None | str,
        trigger_condition: None | str,
        trigger_price: None | str,
        trigger_price_percentage: None | str,
        trigger_type: str,
        created_at: str,
        updated_at: None | str,
        cancelable: bool,
        force_processable: bool,
    ) -> None:
        self.id = id
        self.average_price = average_price
        self.follow_price_type = follow_price_type
        self.initial_amount = initial_amount
        self.initial_total = initial_total
        self.initial_price = initial_price
        self.order_price = order_price
        self.order_side = order_side
        self.order_type = order_type
        self.pair = pair
        self.position_percentage = position_percentage
        self.realised_amount = realised_amount
        self.realised_total = realised_total
        self.realised_percentage = realised_percentage
        self.realised_price = realised_price
        self.status = status
        self.take_profit_percentage = take_profit_percentage
        self.trade_purpose = trade_purpose
        self.trail_percentage = trail_percentage
        self.trail_value = trail_value
        self.trailing_enabled = trailing_enabled
        self.trailing_last_price = trailing_last_price
        self.trailing_last_price_updated_at = trailing_last_price_updated_at
        self.trigger_condition = trigger_condition
        self.trigger_price = trigger_price
        self.trigger_price_percentage = trigger_price_percentage
        self.trigger_type = trigger_type
        self.created_at = created_at
        self.updated_at = updated_at
        self.cancelable = cancelable
        self.force_processable = force_processable
        self.additional_properties = {}

    def __repr__(self) -> str:
        seen = _repr_seen()
        if id(self) in seen:
            return "..."
        seen.add(id(self))
        try:
            return (
                f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}("
                f"id={self.id!r}, "
                f"average_price={self.average_price!r}, "
                f"follow_price_type={self.follow_price_type!r}, "
                f"initial_amount={self.initial_amount!r}, "
                f"initial_total={self.initial_total!r}, "
                f"initial_price={self.initial_price!r}, "
                f"order_price={self.order_price!r}, "
                f"order_side={self.order_side!r}, "
                f"order_type={self.order_type!r}, "
                f"pair={self.pair!r}, "
                f"position_percentage={self.position_percentage!r}, "
                f"realised_amount={self.realised_amount!r}, "
                f"realised_total={self.realised_total!r}, "
                f"realised_percentage={self.realised_percentage!r}, "
                f"realised_price={self.realised_price!r}, "
                f"status={self.status!r}, "
                f"take_profit_percentage={self.take_profit_percentage!r}, "
                f"trade_purpose={self.trade_purpose!r}, "
                f"trail_percentage={self.trail_percentage!r}, "
                f"trail_value={self.trail_value!r}, "
                f"trailing_enabled={self.trailing_enabled!r}, "
                f"trailing_last_price={self.trailing_last_price!r}, "
                f"trailing_last_price_updated_at={self.trailing_last_price_updated_at!r}, "
                f"trigger_condition={self.trigger_condition!r}, "
                f"trigger_price={self.trigger_price!r}, "
                f"trigger_price_percentage={self.trigger_price_percentage!r}, "
                f"trigger_type={self.trigger_type!r}, "
                f"created_at={self.created_at!r}, "
                f"updated_at={self.updated_at!r}, "
                f"cancelable={self.cancelable!r}, "
                f"force_processable={self.force_processable!r}, "
                f"additional_properties={self.additional_properties!r}"
                ")"
            )
        finally:
            seen.discard(id(self))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.id == other.id
            and self.average_price == other.average_price
            and self.follow_price_type == other.follow_price_type
            and self.initial_amount == other.initial_amount
            and self.initial_total == other.initial_total
            and self.initial_price == other.initial_price
            and self.order_price == other.order_price
            and self.order_side == other.order_side
            and self.order_type == other.order_type
            and self.pair == other.pair
            and self.position_percentage == other.position_percentage
            and self.realised_amount == other.realised_amount
            and self.realised_total == other.realised_total
            and self.realised_percentage == other.realised_percentage
            and self.realised_price == other.realised_price
            and self.status == other.status
            and self.take_profit_percentage == other.take_profit_percentage
            and self.trade_purpose == other.trade_purpose
            and self.trail_percentage == other.trail_percentage
            and self.trail_value == other.trail_value
            and self.trailing_enabled == other.trailing_enabled
            and self.trailing_last_price == other.trailing_last_price
            and self.trailing_last_price_updated_at == other.trailing_last_price_updated_at
            and self.trigger_condition == other.trigger_condition
            and self.trigger_price == other.trigger_price
            and self.trigger_price_percentage == other.trigger_price_percentage
            and self.trigger_type == other.trigger_type
            and self.created_at == other.created_at
            and self.updated_at == other.updated_at
            and self.cancelable == other.cancelable
            and self.force_processable == other.force_processable
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

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

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError("Trade: expected a JSON object, got " + type(d).__name__)
        id = d["id"]
        if type(id) is not int and (isinstance(id, bool) or not isinstance(id, int)):
            raise TypeError("id: expected int, got " + type(id).__name__)

        average_price = d["average_price"]
        if (
            type(average_price) is not str
            and average_price is not None
            and (not isinstance(average_price, str))
        ):
            raise TypeError(
                "average_price: expected str or null, got " + type(average_price).__name__
            )

        follow_price_type = d["follow_price_type"]
        if type(follow_price_type) is not str and (not isinstance(follow_price_type, str)):
            raise TypeError(
                "follow_price_type: expected str, got " + type(follow_price_type).__name__
            )

        initial_amount = d["initial_amount"]
        if (
            type(initial_amount) is not str
            and initial_amount is not None
            and (not isinstance(initial_amount, str))
        ):
            raise TypeError(
                "initial_amount: expected str or null, got " + type(initial_amount).__name__
            )

        initial_total = d["initial_total"]
        if (
            type(initial_total) is not str
            and initial_total is not None
            and (not isinstance(initial_total, str))
        ):
            raise TypeError(
                "initial_total: expected str or null, got " + type(initial_total).__name__
            )

        initial_price = d["initial_price"]
        if (
            type(initial_price) is not str
            and initial_price is not None
            and (not isinstance(initial_price, str))
        ):
            raise TypeError(
                "initial_price: expected str or null, got " + type(initial_price).__name__
            )

        order_price = d["order_price"]
        if (
            type(order_price) is not str
            and order_price is not None
            and (not isinstance(order_price, str))
        ):
            raise TypeError("order_price: expected str or null, got " + type(order_price).__name__)

        order_side = d["order_side"]
        if type(order_side) is not str and (not isinstance(order_side, str)):
            raise TypeError("order_side: expected str, got " + type(order_side).__name__)

        order_type = d["order_type"]
        if type(order_type) is not str and (not isinstance(order_type, str)):
            raise TypeError("order_type: expected str, got " + type(order_type).__name__)

        pair = d["pair"]
        if type(pair) is not str and (not isinstance(pair, str)):
            raise TypeError("pair: expected str, got " + type(pair).__name__)

        position_percentage = d["position_percentage"]
        if (
            type(position_percentage) is not str
            and position_percentage is not None
            and (not isinstance(position_percentage, str))
        ):
            raise TypeError(
                "position_percentage: expected str or null, got "
                + type(position_percentage).__name__
            )

        realised_amount = d["realised_amount"]
        if (
            type(realised_amount) is not str
            and realised_amount is not None
            and (not isinstance(realised_amount, str))
        ):
            raise TypeError(
                "realised_amount: expected str or null, got " + type(realised_amount).__name__
            )

        realised_total = d["realised_total"]
        if (
            type(realised_total) is not str
            and realised_total is not None
            and (not isinstance(realised_total, str))
        ):
            raise TypeError(
                "realised_total: expected str or null, got " + type(realised_total).__name__
            )

        realised_percentage = d["realised_percentage"]
        if (
            type(realised_percentage) is not str
            and realised_percentage is not None
            and (not isinstance(realised_percentage, str))
        ):
            raise TypeError(
                "realised_percentage: expected str or null, got "
                + type(realised_percentage).__name__
            )

        realised_price = d["realised_price"]
        if (
            type(realised_price) is not str
            and realised_price is not None
            and (not isinstance(realised_price, str))
        ):
            raise TypeError(
                "realised_price: expected str or null, got " + type(realised_price).__name__
            )

        status = d["status"]
        if type(status) is not str and (not isinstance(status, str)):
            raise TypeError("status: expected str, got " + type(status).__name__)

        take_profit_percentage = d["take_profit_percentage"]
        if (
            type(take_profit_percentage) is not str
            and take_profit_percentage is not None
            and (not isinstance(take_profit_percentage, str))
        ):
            raise TypeError(
                "take_profit_percentage: expected str or null, got "
                + type(take_profit_percentage).__name__
            )

        trade_purpose = d["trade_purpose"]
        if type(trade_purpose) is not str and (not isinstance(trade_purpose, str)):
            raise TypeError("trade_purpose: expected str, got " + type(trade_purpose).__name__)

        trail_percentage = d["trail_percentage"]
        if (
            type(trail_percentage) is not str
            and trail_percentage is not None
            and (not isinstance(trail_percentage, str))
        ):
            raise TypeError(
                "trail_percentage: expected str or null, got " + type(trail_percentage).__name__
            )

        trail_value = d["trail_value"]
        if (
            type(trail_value) is not str
            and trail_value is not None
            and (not isinstance(trail_value, str))
        ):
            raise TypeError("trail_value: expected str or null, got " + type(trail_value).__name__)

        trailing_enabled = d["trailing_enabled"]
        if type(trailing_enabled) is not bool:
            raise TypeError(
                "trailing_enabled: expected bool, got " + type(trailing_enabled).__name__
            )

        trailing_last_price = d["trailing_last_price"]
        if (
            type(trailing_last_price) is not str
            and trailing_last_price is not None
            and (not isinstance(trailing_last_price, str))
        ):
            raise TypeError(
                "trailing_last_price: expected str or null, got "
                + type(trailing_last_price).__name__
            )

        trailing_last_price_updated_at = d["trailing_last_price_updated_at"]
        if (
            type(trailing_last_price_updated_at) is not float
            and trailing_last_price_updated_at is not None
            and (
                isinstance(trailing_last_price_updated_at, bool)
                or not isinstance(trailing_last_price_updated_at, (float, int, str))
            )
        ):
            raise TypeError(
                "trailing_last_price_updated_at: expected float or int or str or null, got "
                + type(trailing_last_price_updated_at).__name__
            )

        trigger_condition = d["trigger_condition"]
        if (
            type(trigger_condition) is not str
            and trigger_condition is not None
            and (not isinstance(trigger_condition, str))
        ):
            raise TypeError(
                "trigger_condition: expected str or null, got " + type(trigger_condition).__name__
            )

        trigger_price = d["trigger_price"]
        if (
            type(trigger_price) is not str
            and trigger_price is not None
            and (not isinstance(trigger_price, str))
        ):
            raise TypeError(
                "trigger_price: expected str or null, got " + type(trigger_price).__name__
            )

        trigger_price_percentage = d["trigger_price_percentage"]
        if (
            type(trigger_price_percentage) is not str
            and trigger_price_percentage is not None
            and (not isinstance(trigger_price_percentage, str))
        ):
            raise TypeError(
                "trigger_price_percentage: expected str or null, got "
                + type(trigger_price_percentage).__name__
            )

        trigger_type = d["trigger_type"]
        if type(trigger_type) is not str and (not isinstance(trigger_type, str)):
            raise TypeError("trigger_type: expected str, got " + type(trigger_type).__name__)

        created_at = d["created_at"]
        if type(created_at) is not str and (not isinstance(created_at, str)):
            raise TypeError("created_at: expected str, got " + type(created_at).__name__)

        updated_at = d["updated_at"]
        if (
            type(updated_at) is not str
            and updated_at is not None
            and (not isinstance(updated_at, str))
        ):
            raise TypeError("updated_at: expected str or null, got " + type(updated_at).__name__)

        cancelable = d["cancelable"]
        if type(cancelable) is not bool:
            raise TypeError("cancelable: expected bool, got " + type(cancelable).__name__)

        force_processable = d["force_processable"]
        if type(force_processable) is not bool:
            raise TypeError(
                "force_processable: expected bool, got " + type(force_processable).__name__
            )

        _obj = _new(cls)
        _obj.id = id
        _obj.average_price = average_price
        _obj.follow_price_type = follow_price_type
        _obj.initial_amount = initial_amount
        _obj.initial_total = initial_total
        _obj.initial_price = initial_price
        _obj.order_price = order_price
        _obj.order_side = order_side
        _obj.order_type = order_type
        _obj.pair = pair
        _obj.position_percentage = position_percentage
        _obj.realised_amount = realised_amount
        _obj.realised_total = realised_total
        _obj.realised_percentage = realised_percentage
        _obj.realised_price = realised_price
        _obj.status = status
        _obj.take_profit_percentage = take_profit_percentage
        _obj.trade_purpose = trade_purpose
        _obj.trail_percentage = trail_percentage
        _obj.trail_value = trail_value
        _obj.trailing_enabled = trailing_enabled
        _obj.trailing_last_price = trailing_last_price
        _obj.trailing_last_price_updated_at = trailing_last_price_updated_at
        _obj.trigger_condition = trigger_condition
        _obj.trigger_price = trigger_price
        _obj.trigger_price_percentage = trigger_price_percentage
        _obj.trigger_type = trigger_type
        _obj.created_at = created_at
        _obj.updated_at = updated_at
        _obj.cancelable = cancelable
        _obj.force_processable = force_processable
        if len(d) != 31:
            _extra = {
                _key: _value
                for _key, _value in d.items()
                if _key
                not in {
                    "id",
                    "average_price",
                    "follow_price_type",
                    "initial_amount",
                    "initial_total",
                    "initial_price",
                    "order_price",
                    "order_side",
                    "order_type",
                    "pair",
                    "position_percentage",
                    "realised_amount",
                    "realised_total",
                    "realised_percentage",
                    "realised_price",
                    "status",
                    "take_profit_percentage",
                    "trade_purpose",
                    "trail_percentage",
                    "trail_value",
                    "trailing_enabled",
                    "trailing_last_price",
                    "trailing_last_price_updated_at",
                    "trigger_condition",
                    "trigger_price",
                    "trigger_price_percentage",
                    "trigger_type",
                    "created_at",
                    "updated_at",
                    "cancelable",
                    "force_processable",
                }
            }
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains
