from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Position")


@_attrs_define
class Position:
    """The entry (position) order."""

    type_: str
    """ Side of the entry order. Known values `buy`, `sell`. """
    order_type: str
    """ Order type of the entry. Known values `market`, `limit`, `conditional`. """
    status: OrderStatus
    """ Status of one order of the SmartTrade: the position, a take-profit step, the stop loss, a
    reduce-funds step or the market close.
     """
    editable: bool | Unset = UNSET
    """ Whether the position may still be edited. """
    units: EditableUnits | Unset = UNSET
    """ Amount of base-currency units, and whether it may still be edited. """
    price: PositionPrice | Unset = UNSET
    """ Price of the entry order. """
    total: Total | Unset = UNSET
    """ Total of an order in quote currency. (The docs type the position total as a number; every
    example shows this object.)
     """
    conditional: PositionConditional | Unset = UNSET
    """ Trigger of a conditional entry order; present when `order_type` is `conditional`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        order_type = self.order_type

        status = self.status.to_dict()

        editable = self.editable

        units: dict[str, Any] | Unset = UNSET
        if not isinstance(self.units, Unset):
            units = self.units.to_dict()

        price: dict[str, Any] | Unset = UNSET
        if not isinstance(self.price, Unset):
            price = self.price.to_dict()

        total: dict[str, Any] | Unset = UNSET
        if not isinstance(self.total, Unset):
            total = self.total.to_dict()

        conditional: dict[str, Any] | Unset = UNSET
        if not isinstance(self.conditional, Unset):
            conditional = self.conditional.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "order_type": order_type,
                "status": status,
            }
        )
        if editable is not UNSET:
            field_dict["editable"] = editable
        if units is not UNSET:
            field_dict["units"] = units
        if price is not UNSET:
            field_dict["price"] = price
        if total is not UNSET:
            field_dict["total"] = total
        if conditional is not UNSET:
            field_dict["conditional"] = conditional

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type")
        if not isinstance(type_, str):
            raise TypeError("type: expected str, got " + type(type_).__name__)

        order_type = d.pop("order_type")
        if not isinstance(order_type, str):
            raise TypeError("order_type: expected str, got " + type(order_type).__name__)

        status = OrderStatus.from_dict(d.pop("status"))

        editable = d.pop("editable", UNSET)
        if not isinstance(editable, (bool, Unset)):
            raise TypeError("editable: expected bool, got " + type(editable).__name__)

        _units = d.pop("units", UNSET)
        units: EditableUnits | Unset
        if isinstance(_units, Unset):
            units = UNSET
        else:
            units = EditableUnits.from_dict(_units)

        _price = d.pop("price", UNSET)
        price: PositionPrice | Unset
        if isinstance(_price, Unset):
            price = UNSET
        else:
            price = PositionPrice.from_dict(_price)

        _total = d.pop("total", UNSET)
        total: Total | Unset
        if isinstance(_total, Unset):
            total = UNSET
        else:
            total = Total.from_dict(_total)

        _conditional = d.pop("conditional", UNSET)
        conditional: PositionConditional | Unset
        if isinstance(_conditional, Unset):
            conditional = UNSET
        else:
            conditional = PositionConditional.from_dict(_conditional)

        position = cls(
            type_=type_,
            order_type=order_type,
            status=status,
            editable=editable,
            units=units,
            price=price,
            total=total,
            conditional=conditional,
        )

        position.additional_properties = d
        return position

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


from ..models.editable_units import EditableUnits
from ..models.order_status import OrderStatus
from ..models.position_conditional import PositionConditional
from ..models.position_price import PositionPrice
from ..models.total import Total
