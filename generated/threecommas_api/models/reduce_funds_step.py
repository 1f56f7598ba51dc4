from __future__ import annotations

import json
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
    order_type: str | Unset = UNSET
    """ Order type, as one docs page names it; see `type`. """
    filled: Filled | Unset = UNSET
    """ What an order has filled so far (named only by the older OpenAPI file of the docs). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

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

        type_ = d.pop("type")
        if not isinstance(type_, str):
            raise TypeError("type: expected str, got " + type(type_).__name__)

        status = OrderStatus.from_dict(d.pop("status"))

        units = Units.from_dict(d.pop("units"))

        price = OrderPrice.from_dict(d.pop("price"))

        total = Total.from_dict(d.pop("total"))

        closed_at = d.pop("closed_at")
        if closed_at is not None and (not isinstance(closed_at, str)):
            raise TypeError("closed_at: expected str or null, got " + type(closed_at).__name__)

        data = StepData.from_dict(d.pop("data"))

        order_type = d.pop("order_type", UNSET)
        if not isinstance(order_type, (str, Unset)):
            raise TypeError("order_type: expected str, got " + type(order_type).__name__)

        _filled = d.pop("filled", UNSET)
        filled: Filled | Unset
        if isinstance(_filled, Unset):
            filled = UNSET
        else:
            filled = Filled.from_dict(_filled)

        reduce_funds_step = cls(
            id=id,
            type_=type_,
            status=status,
            units=units,
            price=price,
            total=total,
            closed_at=closed_at,
            data=data,
            order_type=order_type,
            filled=filled,
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
