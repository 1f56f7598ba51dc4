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
    class Position:
        type_: str
        editable: bool
        units: EditableUnits
        price: PositionPrice
        total: Total
        order_type: str
        status: OrderStatus
        conditional: PositionConditional | Unset = UNSET
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return Position


@_lazy_additional_properties
class Position:
    """The entry (position) order."""

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "conditional",
        "editable",
        "order_type",
        "price",
        "status",
        "total",
        "type_",
        "units",
    )
    __match_args__ = (
        "type_",
        "editable",
        "units",
        "price",
        "total",
        "order_type",
        "status",
        "conditional",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    type_: str
    """ Side of the entry order. Known values `buy`, `sell`. """
    editable: bool
    """ Whether the position may still be edited. """
    units: EditableUnits
    """ Amount of base-currency units, and whether it may still be edited. """
    price: PositionPrice
    """ Price of the entry order. """
    total: Total
    """ Total of an order in quote currency. (The docs type the position total as a number; every
    example shows this object.)
     """
    order_type: str
    """ Order type of the entry. Known values `market`, `limit`, `conditional`. """
    status: OrderStatus
    """ Status of one order of the SmartTrade: the position, a take-profit step, the stop loss, a
    reduce-funds step or the market close.
     """
    conditional: PositionConditional | Unset
    """ Trigger of a conditional entry order; present when `order_type` is `conditional`. """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        type_: str,
        editable: bool,
        units: EditableUnits,
        price: PositionPrice,
        total: Total,
        order_type: str,
        status: OrderStatus,
        conditional: PositionConditional | Unset = UNSET,
    ) -> None:
        self.type_ = type_
        self.editable = editable
        self.units = units
        self.price = price
        self.total = total
        self.order_type = order_type
        self.status = status
        self.conditional = conditional
        self.additional_properties = {}

    def __repr__(self) -> str:
        seen = _repr_seen()
        if id(self) in seen:
            return "..."
        seen.add(id(self))
        try:
            return (
                f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}("
                f"type_={self.type_!r}, "
                f"editable={self.editable!r}, "
                f"units={self.units!r}, "
                f"price={self.price!r}, "
                f"total={self.total!r}, "
                f"order_type={self.order_type!r}, "
                f"status={self.status!r}, "
                f"conditional={self.conditional!r}, "
                f"additional_properties={self.additional_properties!r}"
                ")"
            )
        finally:
            seen.discard(id(self))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.type_ == other.type_
            and self.editable == other.editable
            and self.units == other.units
            and self.price == other.price
            and self.total == other.total
            and self.order_type == other.order_type
            and self.status == other.status
            and self.conditional == other.conditional
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        editable = self.editable

        units = self.units.to_dict()

        price = self.price.to_dict()

        total = self.total.to_dict()

        order_type = self.order_type

        status = self.status.to_dict()

        conditional: dict[str, Any] | Unset = UNSET
        if not isinstance(self.conditional, Unset):
            conditional = self.conditional.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "editable": editable,
                "units": units,
                "price": price,
                "total": total,
                "order_type": order_type,
                "status": status,
            }
        )
        if conditional is not UNSET:
            field_dict["conditional"] = conditional

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError("Position: expected a JSON object, got " + type(d).__name__)
        type_ = d["type"]
        if type(type_) is not str and (not isinstance(type_, str)):
            raise TypeError("type: expected str, got " + type(type_).__name__)

        editable = d["editable"]
        if type(editable) is not bool:
            raise TypeError("editable: expected bool, got " + type(editable).__name__)

        units = _EditableUnits_from_dict(d["units"])

        price = _PositionPrice_from_dict(d["price"])

        total = _Total_from_dict(d["total"])

        order_type = d["order_type"]
        if type(order_type) is not str and (not isinstance(order_type, str)):
            raise TypeError("order_type: expected str, got " + type(order_type).__name__)

        status = _OrderStatus_from_dict(d["status"])

        conditional = d.get("conditional", UNSET)
        if conditional is not UNSET:
            conditional = _PositionConditional_from_dict(conditional)

        _obj = _new(cls)
        _obj.type_ = type_
        _obj.editable = editable
        _obj.units = units
        _obj.price = price
        _obj.total = total
        _obj.order_type = order_type
        _obj.status = status
        _obj.conditional = conditional
        if len(d) != 7 and len(d) != 7 + (conditional is not UNSET):
            _extra = {
                _key: _value
                for _key, _value in d.items()
                if _key
                not in {
                    "type",
                    "editable",
                    "units",
                    "price",
                    "total",
                    "order_type",
                    "status",
                    "conditional",
                }
            }
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains


from ..models.editable_units import EditableUnits
from ..models.order_status import OrderStatus
from ..models.position_conditional import PositionConditional
from ..models.position_price import PositionPrice
from ..models.total import Total

_EditableUnits_from_dict = EditableUnits.from_dict
_OrderStatus_from_dict = OrderStatus.from_dict
_PositionConditional_from_dict = PositionConditional.from_dict
_PositionPrice_from_dict = PositionPrice.from_dict
_Total_from_dict = Total.from_dict
