from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from ..types import (
    UNSET,
    Unset,
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
    class StopLoss:
        enabled: bool
        price_type: str | Unset = UNSET
        breakeven: bool | Unset = UNSET
        order_type: str | Unset = UNSET
        editable: bool | Unset = UNSET
        price: StopLossPrice | Unset = UNSET
        units: Units | Unset = UNSET
        total: Total | Unset = UNSET
        conditional: StopLossConditional | Unset = UNSET
        timeout: StopLossTimeout | Unset = UNSET
        status: OrderStatus | Unset = UNSET
        closed_at: None | str | Unset = UNSET
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return StopLoss


@_lazy_additional_properties
class StopLoss:
    """Stop-loss settings; just `{"enabled": false}` when stop loss is off."""

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "breakeven",
        "closed_at",
        "conditional",
        "editable",
        "enabled",
        "order_type",
        "price",
        "price_type",
        "status",
        "timeout",
        "total",
        "units",
    )
    __match_args__ = (
        "enabled",
        "price_type",
        "breakeven",
        "order_type",
        "editable",
        "price",
        "units",
        "total",
        "conditional",
        "timeout",
        "status",
        "closed_at",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    enabled: bool
    """ Whether stop loss is on. """
    price_type: str | Unset
    """ Known values `value`, `percentage`. """
    breakeven: bool | Unset
    """ Whether the stop loss moves to breakeven after the first take-profit step. """
    order_type: str | Unset
    """ Known values `market`, `limit`. """
    editable: bool | Unset
    """ Whether the stop loss may still be edited. """
    price: StopLossPrice | Unset
    """ Limit price of the stop-loss order (for `limit` stop losses). """
    units: Units | Unset
    """ Amount of base-currency units of an order. """
    total: Total | Unset
    """ Total of an order in quote currency. (The docs type the position total as a number; every
    example shows this object.)
     """
    conditional: StopLossConditional | Unset
    """ Trigger of the stop loss. """
    timeout: StopLossTimeout | Unset
    """ Delay before the stop loss acts once triggered. (One docs page types `enabled` as a
    number; the examples show a boolean.)
     """
    status: OrderStatus | Unset
    """ Status of one order of the SmartTrade: the position, a take-profit step, the stop loss, a
    reduce-funds step or the market close.
     """
    closed_at: None | str | Unset
    """ When the stop loss closed (only in the examples). """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        enabled: bool,
        price_type: str | Unset = UNSET,
        breakeven: bool | Unset = UNSET,
        order_type: str | Unset = UNSET,
        editable: bool | Unset = UNSET,
        price: StopLossPrice | Unset = UNSET,
        units: Units | Unset = UNSET,
        total: Total | Unset = UNSET,
        conditional: StopLossConditional | Unset = UNSET,
        timeout: StopLossTimeout | Unset = UNSET,
        status: OrderStatus | Unset = UNSET,
        closed_at: None | str | Unset = UNSET,
    ) -> None:
        self.enabled = enabled
        self.price_type = price_type
        self.breakeven = breakeven
        self.order_type = order_type
        self.editable = editable
        self.price = price
        self.units = units
        self.total = total
        self.conditional = conditional
        self.timeout = timeout
        self.status = status
        self.closed_at = closed_at
        self.additional_properties = {}

    def __repr__(self) -> str:
        seen = _repr_seen()
        if id(self) in seen:
            return "..."
        seen.add(id(self))
        try:
            return (
                f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}("
                f"enabled={self.enabled!r}, "
                f"price_type={self.price_type!r}, "
                f"breakeven={self.breakeven!r}, "
                f"order_type={self.order_type!r}, "
                f"editable={self.editable!r}, "
                f"price={self.price!r}, "
                f"units={self.units!r}, "
                f"total={self.total!r}, "
                f"conditional={self.conditional!r}, "
                f"timeout={self.timeout!r}, "
                f"status={self.status!r}, "
                f"closed_at={self.closed_at!r}, "
                f"additional_properties={self.additional_properties!r}"
                ")"
            )
        finally:
            seen.discard(id(self))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.enabled == other.enabled
            and self.price_type == other.price_type
            and self.breakeven == other.breakeven
            and self.order_type == other.order_type
            and self.editable == other.editable
            and self.price == other.price
            and self.units == other.units
            and self.total == other.total
            and self.conditional == other.conditional
            and self.timeout == other.timeout
            and self.status == other.status
            and self.closed_at == other.closed_at
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        enabled = self.enabled

        price_type = self.price_type

        breakeven = self.breakeven

        order_type = self.order_type

        editable = self.editable

        price: dict[str, Any] | Unset = UNSET
        if not isinstance(self.price, Unset):
            price = self.price.to_dict()

        units: dict[str, Any] | Unset = UNSET
        if not isinstance(self.units, Unset):
            units = self.units.to_dict()

        total: dict[str, Any] | Unset = UNSET
        if not isinstance(self.total, Unset):
            total = self.total.to_dict()

        conditional: dict[str, Any] | Unset = UNSET
        if not isinstance(self.conditional, Unset):
            conditional = self.conditional.to_dict()

        timeout: dict[str, Any] | Unset = UNSET
        if not isinstance(self.timeout, Unset):
            timeout = self.timeout.to_dict()

        status: dict[str, Any] | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.to_dict()

        closed_at: None | str | Unset
        if isinstance(self.closed_at, Unset):
            closed_at = UNSET
        else:
            closed_at = self.closed_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "enabled": enabled,
            }
        )
        if price_type is not UNSET:
            field_dict["price_type"] = price_type
        if breakeven is not UNSET:
            field_dict["breakeven"] = breakeven
        if order_type is not UNSET:
            field_dict["order_type"] = order_type
        if editable is not UNSET:
            field_dict["editable"] = editable
        if price is not UNSET:
            field_dict["price"] = price
        if units is not UNSET:
            field_dict["units"] = units
        if total is not UNSET:
            field_dict["total"] = total
        if conditional is not UNSET:
            field_dict["conditional"] = conditional
        if timeout is not UNSET:
            field_dict["timeout"] = timeout
        if status is not UNSET:
            field_dict["status"] = status
        if closed_at is not UNSET:
            field_dict["closed_at"] = closed_at

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError("StopLoss: expected a JSON object, got " + type(d).__name__)
        enabled = d["enabled"]
        if type(enabled) is not bool:
            raise TypeError("enabled: expected bool, got " + type(enabled).__name__)

        price_type = d.get("price_type", UNSET)
        if (
            type(price_type) is not str
            and price_type is not UNSET
            and (not isinstance(price_type, str))
        ):
            raise TypeError("price_type: expected str, got " + type(price_type).__name__)

        breakeven = d.get("breakeven", UNSET)
        if type(breakeven) is not bool and breakeven is not UNSET:
            raise TypeError("breakeven: expected bool, got " + type(breakeven).__name__)

        order_type = d.get("order_type", UNSET)
        if (
            type(order_type) is not str
            and order_type is not UNSET
            and (not isinstance(order_type, str))
        ):
            raise TypeError("order_type: expected str, got " + type(order_type).__name__)

        editable = d.get("editable", UNSET)
        if type(editable) is not bool and editable is not UNSET:
            raise TypeError("editable: expected bool, got " + type(editable).__name__)

        price = d.get("price", UNSET)
        if price is not UNSET:
            price = _StopLossPrice_from_dict(price)

        units = d.get("units", UNSET)
        if units is not UNSET:
            units = _Units_from_dict(units)

        total = d.get("total", UNSET)
        if total is not UNSET:
            total = _Total_from_dict(total)

        conditional = d.get("conditional", UNSET)
        if conditional is not UNSET:
            conditional = _StopLossConditional_from_dict(conditional)

        timeout = d.get("timeout", UNSET)
        if timeout is not UNSET:
            timeout = _StopLossTimeout_from_dict(timeout)

        status = d.get("status", UNSET)
        if status is not UNSET:
            status = _OrderStatus_from_dict(status)

        closed_at = d.get("closed_at", UNSET)
        if (
            type(closed_at) is not str
            and closed_at is not None
            and closed_at is not UNSET
            and (not isinstance(closed_at, str))
        ):
            raise TypeError("closed_at: expected str or null, got " + type(closed_at).__name__)

        _obj = _new(cls)
        _obj.enabled = enabled
        _obj.price_type = price_type
        _obj.breakeven = breakeven
        _obj.order_type = order_type
        _obj.editable = editable
        _obj.price = price
        _obj.units = units
        _obj.total = total
        _obj.conditional = conditional
        _obj.timeout = timeout
        _obj.status = status
        _obj.closed_at = closed_at
        if len(d) != 1 and len(d) != 1 + (price_type is not UNSET) + (breakeven is not UNSET) + (
            order_type is not UNSET
        ) + (editable is not UNSET) + (price is not UNSET) + (units is not UNSET) + (
            total is not UNSET
        ) + (conditional is not UNSET) + (timeout is not UNSET) + (status is not UNSET) + (
            closed_at is not UNSET
        ):
            _extra = {
                _key: _value
                for _key, _value in d.items()
                if _key
                not in {
                    "enabled",
                    "price_type",
                    "breakeven",
                    "order_type",
                    "editable",
                    "price",
                    "units",
                    "total",
                    "conditional",
                    "timeout",
                    "status",
                    "closed_at",
                }
            }
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains


from ..models.order_status import OrderStatus
from ..models.stop_loss_conditional import StopLossConditional
from ..models.stop_loss_price import StopLossPrice
from ..models.stop_loss_timeout import StopLossTimeout
from ..models.total import Total
from ..models.units import Units

_OrderStatus_from_dict = OrderStatus.from_dict
_StopLossConditional_from_dict = StopLossConditional.from_dict
_StopLossPrice_from_dict = StopLossPrice.from_dict
_StopLossTimeout_from_dict = StopLossTimeout.from_dict
_Total_from_dict = Total.from_dict
_Units_from_dict = Units.from_dict
