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
    class MarketClose:
        id: int | Unset = UNSET
        type_: str | Unset = UNSET
        status: OrderStatus | Unset = UNSET
        units: Units | Unset = UNSET
        price: OrderPrice | Unset = UNSET
        total: Total | Unset = UNSET
        filled: Filled | Unset = UNSET
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return MarketClose


@_lazy_additional_properties
class MarketClose:
    """The market-close order; `{}` until the SmartTrade is closed by market."""

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "filled",
        "id",
        "price",
        "status",
        "total",
        "type_",
        "units",
    )
    __match_args__ = (
        "id",
        "type_",
        "status",
        "units",
        "price",
        "total",
        "filled",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    id: int | Unset
    """ ID of the market-close trade. """
    type_: str | Unset
    """ Order type of the market close. (The docs type it as an integer.) """
    status: OrderStatus | Unset
    """ Status of one order of the SmartTrade: the position, a take-profit step, the stop loss, a
    reduce-funds step or the market close.
     """
    units: Units | Unset
    """ Amount of base-currency units of an order. """
    price: OrderPrice | Unset
    """ Price of a reduce-funds or market-close order. """
    total: Total | Unset
    """ Total of an order in quote currency. (The docs type the position total as a number; every
    example shows this object.)
     """
    filled: Filled | Unset
    """ What an order has filled so far (named only by the older OpenAPI file of the docs). """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        id: int | Unset = UNSET,
        type_: str | Unset = UNSET,
        status: OrderStatus | Unset = UNSET,
        units: Units | Unset = UNSET,
        price: OrderPrice | Unset = UNSET,
        total: Total | Unset = UNSET,
        filled: Filled | Unset = UNSET,
    ) -> None:
        self.id = id
        self.type_ = type_
        self.status = status
        self.units = units
        self.price = price
        self.total = total
        self.filled = filled
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
                f"type_={self.type_!r}, "
                f"status={self.status!r}, "
                f"units={self.units!r}, "
                f"price={self.price!r}, "
                f"total={self.total!r}, "
                f"filled={self.filled!r}, "
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
            and self.type_ == other.type_
            and self.status == other.status
            and self.units == other.units
            and self.price == other.price
            and self.total == other.total
            and self.filled == other.filled
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_

        status: dict[str, Any] | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.to_dict()

        units: dict[str, Any] | Unset = UNSET
        if not isinstance(self.units, Unset):
            units = self.units.to_dict()

        price: dict[str, Any] | Unset = UNSET
        if not isinstance(self.price, Unset):
            price = self.price.to_dict()

        total: dict[str, Any] | Unset = UNSET
        if not isinstance(self.total, Unset):
            total = self.total.to_dict()

        filled: dict[str, Any] | Unset = UNSET
        if not isinstance(self.filled, Unset):
            filled = self.filled.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if type_ is not UNSET:
            field_dict["type"] = type_
        if status is not UNSET:
            field_dict["status"] = status
        if units is not UNSET:
            field_dict["units"] = units
        if price is not UNSET:
            field_dict["price"] = price
        if total is not UNSET:
            field_dict["total"] = total
        if filled is not UNSET:
            field_dict["filled"] = filled

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError("MarketClose: expected a JSON object, got " + type(d).__name__)
        id = d.get("id", UNSET)
        if (
            type(id) is not int
            and id is not UNSET
            and (isinstance(id, bool) or not isinstance(id, int))
        ):
            raise TypeError("id: expected int, got " + type(id).__name__)

        type_ = d.get("type", UNSET)
        if type(type_) is not str and type_ is not UNSET and (not isinstance(type_, str)):
            raise TypeError("type: expected str, got " + type(type_).__name__)

        status = d.get("status", UNSET)
        if status is not UNSET:
            status = _OrderStatus_from_dict(status)

        units = d.get("units", UNSET)
        if units is not UNSET:
            units = _Units_from_dict(units)

        price = d.get("price", UNSET)
        if price is not UNSET:
            price = _OrderPrice_from_dict(price)

        total = d.get("total", UNSET)
        if total is not UNSET:
            total = _Total_from_dict(total)

        filled = d.get("filled", UNSET)
        if filled is not UNSET:
            filled = _Filled_from_dict(filled)

        _obj = _new(cls)
        _obj.id = id
        _obj.type_ = type_
        _obj.status = status
        _obj.units = units
        _obj.price = price
        _obj.total = total
        _obj.filled = filled
        if len(d) != 0 and len(d) != 0 + (id is not UNSET) + (type_ is not UNSET) + (
            status is not UNSET
        ) + (units is not UNSET) + (price is not UNSET) + (total is not UNSET) + (
            filled is not UNSET
        ):
            _extra = {
                _key: _value
                for _key, _value in d.items()
                if _key not in {"id", "type", "status", "units", "price", "total", "filled"}
            }
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains


from ..models.filled import Filled
from ..models.order_price import OrderPrice
from ..models.order_status import OrderStatus
from ..models.total import Total
from ..models.units import Units

_Filled_from_dict = Filled.from_dict
_OrderPrice_from_dict = OrderPrice.from_dict
_OrderStatus_from_dict = OrderStatus.from_dict
_Total_from_dict = Total.from_dict
_Units_from_dict = Units.from_dict
