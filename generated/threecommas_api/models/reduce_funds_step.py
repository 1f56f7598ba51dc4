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
    class ReduceFundsStep:
        id: int
        type_: str
        status: OrderStatus
        units: Units
        price: OrderPrice
        total: Total
        closed_at: None | str
        data: StepData
        order_type: str | Unset = UNSET
        filled: Filled | Unset = UNSET
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return ReduceFundsStep


@_lazy_additional_properties
class ReduceFundsStep:
    """One reduce-funds order."""

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "closed_at",
        "data",
        "filled",
        "id",
        "order_type",
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
        "closed_at",
        "data",
        "order_type",
        "filled",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    id: int
    """ ID of the order's trade. """
    type_: str
    """ Order type, known values `market`, `limit`. (The examples use `type`; one docs page
    says `order_type`.)
     """
    status: OrderStatus
    """ Status of one order of the SmartTrade: the position, a take-profit step, the stop loss, a
    reduce-funds step or the market close.
     """
    units: Units
    """ Amount of base-currency units of an order. """
    price: OrderPrice
    """ Price of a reduce-funds or market-close order. """
    total: Total
    """ Total of an order in quote currency. (The docs type the position total as a number; every
    example shows this object.)
     """
    closed_at: None | str
    """ When the order closed (only in the examples). """
    data: StepData
    """ Actions available on one step. """
    order_type: str | Unset
    """ Order type, as one docs page names it; see `type`. """
    filled: Filled | Unset
    """ What an order has filled so far (named only by the older OpenAPI file of the docs). """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        id: int,
        type_: str,
        status: OrderStatus,
        units: Units,
        price: OrderPrice,
        total: Total,
        closed_at: None | str,
        data: StepData,
        order_type: str | Unset = UNSET,
        filled: Filled | Unset = UNSET,
    ) -> None:
        self.id = id
        self.type_ = type_
        self.status = status
        self.units = units
        self.price = price
        self.total = total
        self.closed_at = closed_at
        self.data = data
        self.order_type = order_type
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
                f"closed_at={self.closed_at!r}, "
                f"data={self.data!r}, "
                f"order_type={self.order_type!r}, "
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
            and self.closed_at == other.closed_at
            and self.data == other.data
            and self.order_type == other.order_type
            and self.filled == other.filled
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_

        status = self.status.to_dict()

        units = self.units.to_dict()

        price = self.price.to_dict()

        total = self.total.to_dict()

        closed_at: None | str
        closed_at = self.closed_at

        data = self.data.to_dict()

        order_type = self.order_type

        filled: dict[str, Any] | Unset = UNSET
        if not isinstance(self.filled, Unset):
            filled = self.filled.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "status": status,
                "units": units,
                "price": price,
                "total": total,
                "closed_at": closed_at,
                "data": data,
            }
        )
        if order_type is not UNSET:
            field_dict["order_type"] = order_type
        if filled is not UNSET:
            field_dict["filled"] = filled

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError("ReduceFundsStep: expected a JSON object, got " + type(d).__name__)
        id = d["id"]
        if type(id) is not int and (isinstance(id, bool) or not isinstance(id, int)):
            raise TypeError("id: expected int, got " + type(id).__name__)

        type_ = d["type"]
        if type(type_) is not str and (not isinstance(type_, str)):
            raise TypeError("type: expected str, got " + type(type_).__name__)

        status = _OrderStatus_from_dict(d["status"])

        units = _Units_from_dict(d["units"])

        price = _OrderPrice_from_dict(d["price"])

        total = _Total_from_dict(d["total"])

        closed_at = d["closed_at"]
        if (
            type(closed_at) is not str
            and closed_at is not None
            and (not isinstance(closed_at, str))
        ):
            raise TypeError("closed_at: expected str or null, got " + type(closed_at).__name__)

        data = _StepData_from_dict(d["data"])

        order_type = d.get("order_type", UNSET)
        if (
            type(order_type) is not str
            and order_type is not UNSET
            and (not isinstance(order_type, str))
        ):
            raise TypeError("order_type: expected str, got " + type(order_type).__name__)

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
        _obj.closed_at = closed_at
        _obj.data = data
        _obj.order_type = order_type
        _obj.filled = filled
        if len(d) != 8 and len(d) != 8 + (order_type is not UNSET) + (filled is not UNSET):
            _extra = {
                _key: _value
                for _key, _value in d.items()
                if _key
                not in {
                    "id",
                    "type",
                    "status",
                    "units",
                    "price",
                    "total",
                    "closed_at",
                    "data",
                    "order_type",
                    "filled",
                }
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
from ..models.step_data import StepData
from ..models.total import Total
from ..models.units import Units

_Filled_from_dict = Filled.from_dict
_OrderPrice_from_dict = OrderPrice.from_dict
_OrderStatus_from_dict = OrderStatus.from_dict
_StepData_from_dict = StepData.from_dict
_Total_from_dict = Total.from_dict
_Units_from_dict = Units.from_dict
