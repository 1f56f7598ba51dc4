from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TakeProfitStep")


@_attrs_define
class TakeProfitStep:
    """One take-profit step. Its `id` is the trade ID used by the trade operations
    (`/v2/smart_trades/{smart_trade_id}/trades/{id}/...`). The newest docs type several of
    its fields wrongly (`order_type`, `price.type` and `data.cancelable` as integers,
    `units.value` as a boolean); the types here are the ones the examples show.

    """

    id: int
    """ ID of the step's trade. """
    order_type: str
    """ Known values `market`, `limit`. """
    editable: bool
    """ Whether the step may still be edited. """
    units: Units
    """ Amount of base-currency units of an order. """
    price: TriggerPrice
    """ A price given either as a value or, while a trailing entry is still running, as a percent;
    `type` names the order-book price it follows.
     """
    volume: str
    """ Share of the position this step closes, in percent (decimal string). """
    total: None | str
    """ Expected total in quote currency (decimal string); null while not known. """
    trailing: Trailing
    """ Trailing settings. (The docs list `editable` and `percent`; every example shows `enabled`
    and `percent`, which this document follows.)
     """
    status: OrderStatus
    """ Status of one order of the SmartTrade: the position, a take-profit step, the stop loss, a
    reduce-funds step or the market close.
     """
    data: StepData
    """ Actions available on one step. """
    position: int
    """ Ordinal of the step, from 1. (The docs type it as a string; the examples show
    integers.)
     """
    closed_at: None | str | Unset = UNSET
    """ When the step closed (only in the examples; not described by the docs). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        order_type = self.order_type

        editable = self.editable

        units = self.units.to_dict()

        price = self.price.to_dict()

        volume = self.volume

        total: None | str
        total = self.total

        trailing = self.trailing.to_dict()

        status = self.status.to_dict()

        data = self.data.to_dict()

        position = self.position

        closed_at: None | str | Unset
        if isinstance(self.closed_at, Unset):
            closed_at = UNSET
        else:
            closed_at = self.closed_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "order_type": order_type,
                "editable": editable,
                "units": units,
                "price": price,
                "volume": volume,
                "total": total,
                "trailing": trailing,
                "status": status,
                "data": data,
                "position": position,
            }
        )
        if closed_at is not UNSET:
            field_dict["closed_at"] = closed_at

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

        order_type = d.pop("order_type")
        if not isinstance(order_type, str):
            raise TypeError("order_type: expected str, got " + type(order_type).__name__)

        editable = d.pop("editable")
        if not isinstance(editable, bool):
            raise TypeError("editable: expected bool, got " + type(editable).__name__)

        units = Units.from_dict(d.pop("units"))

        price = TriggerPrice.from_dict(d.pop("price"))

        volume = d.pop("volume")
        if not isinstance(volume, str):
            raise TypeError("volume: expected str, got " + type(volume).__name__)

        total = d.pop("total")
        if total is not None and (not isinstance(total, str)):
            raise TypeError("total: expected str or null, got " + type(total).__name__)

        trailing = Trailing.from_dict(d.pop("trailing"))

        status = OrderStatus.from_dict(d.pop("status"))

        data = StepData.from_dict(d.pop("data"))

        position = d.pop("position")
        if isinstance(position, bool) or not isinstance(position, int):
            raise TypeError("position: expected int, got " + type(position).__name__)

        closed_at = d.pop("closed_at", UNSET)
        if closed_at is not None and (not isinstance(closed_at, (str, Unset))):
            raise TypeError("closed_at: expected str or null, got " + type(closed_at).__name__)

        take_profit_step = cls(
            id=id,
            order_type=order_type,
            editable=editable,
            units=units,
            price=price,
            volume=volume,
            total=total,
            trailing=trailing,
            status=status,
            data=data,
            position=position,
            closed_at=closed_at,
        )

        take_profit_step.additional_properties = d
        return take_profit_step

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


from ..models.order_status import OrderStatus
from ..models.step_data import StepData
from ..models.trailing import Trailing
from ..models.trigger_price import TriggerPrice
from ..models.units import Units
