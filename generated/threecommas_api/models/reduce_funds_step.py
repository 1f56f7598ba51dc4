from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReduceFundsStep")


@_attrs_define
class ReduceFundsStep:
    """One reduce-funds order."""

    id: int
    """ ID of the order's trade. """
    type_: str | Unset = UNSET
    """ Order type, known values `market`, `limit`. (The examples use `type`; one docs page
    says `order_type`.)
     """
    order_type: str | Unset = UNSET
    """ Order type, as one docs page names it; see `type`. """
    status: OrderStatus | Unset = UNSET
    """ Status of one order of the SmartTrade: the position, a take-profit step, the stop loss, a
    reduce-funds step or the market close.
     """
    units: Units | Unset = UNSET
    """ Amount of base-currency units of an order. """
    price: OrderPrice | Unset = UNSET
    """ Price of a reduce-funds or market-close order. """
    total: Total | Unset = UNSET
    """ Total of an order in quote currency. (The docs type the position total as a number; every
    example shows this object.)
     """
    closed_at: None | str | Unset = UNSET
    """ When the order closed (only in the examples). """
    filled: Filled | Unset = UNSET
    """ What an order has filled so far (named only by the older OpenAPI file of the docs). """
    data: StepData | Unset = UNSET
    """ Actions available on one step. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_

        order_type = self.order_type

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

        closed_at: None | str | Unset
        if isinstance(self.closed_at, Unset):
            closed_at = UNSET
        else:
            closed_at = self.closed_at

        filled: dict[str, Any] | Unset = UNSET
        if not isinstance(self.filled, Unset):
            filled = self.filled.to_dict()

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if order_type is not UNSET:
            field_dict["order_type"] = order_type
        if status is not UNSET:
            field_dict["status"] = status
        if units is not UNSET:
            field_dict["units"] = units
        if price is not UNSET:
            field_dict["price"] = price
        if total is not UNSET:
            field_dict["total"] = total
        if closed_at is not UNSET:
            field_dict["closed_at"] = closed_at
        if filled is not UNSET:
            field_dict["filled"] = filled
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")
        if isinstance(id, bool) or not isinstance(id, int):
            raise TypeError("id: expected int, got " + type(id).__name__)

        type_ = d.pop("type", UNSET)
        if not isinstance(type_, (str, Unset)):
            raise TypeError("type: expected str, got " + type(type_).__name__)

        order_type = d.pop("order_type", UNSET)
        if not isinstance(order_type, (str, Unset)):
            raise TypeError("order_type: expected str, got " + type(order_type).__name__)

        _status = d.pop("status", UNSET)
        status: OrderStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = OrderStatus.from_dict(_status)

        _units = d.pop("units", UNSET)
        units: Units | Unset
        if isinstance(_units, Unset):
            units = UNSET
        else:
            units = Units.from_dict(_units)

        _price = d.pop("price", UNSET)
        price: OrderPrice | Unset
        if isinstance(_price, Unset):
            price = UNSET
        else:
            price = OrderPrice.from_dict(_price)

        _total = d.pop("total", UNSET)
        total: Total | Unset
        if isinstance(_total, Unset):
            total = UNSET
        else:
            total = Total.from_dict(_total)

        closed_at = d.pop("closed_at", UNSET)
        if closed_at is not None and (not isinstance(closed_at, (str, Unset))):
            raise TypeError("closed_at: expected str or null, got " + type(closed_at).__name__)

        _filled = d.pop("filled", UNSET)
        filled: Filled | Unset
        if isinstance(_filled, Unset):
            filled = UNSET
        else:
            filled = Filled.from_dict(_filled)

        _data = d.pop("data", UNSET)
        data: StepData | Unset
        if isinstance(_data, Unset):
            data = UNSET
        else:
            data = StepData.from_dict(_data)

        reduce_funds_step = cls(
            id=id,
            type_=type_,
            order_type=order_type,
            status=status,
            units=units,
            price=price,
            total=total,
            closed_at=closed_at,
            filled=filled,
            data=data,
        )

        reduce_funds_step.additional_properties = d
        return reduce_funds_step

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


from ..models.filled import Filled
from ..models.order_price import OrderPrice
from ..models.order_status import OrderStatus
from ..models.step_data import StepData
from ..models.total import Total
from ..models.units import Units
