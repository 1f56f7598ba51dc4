from __future__ import annotations

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
    status: OrderStatus
    """ Status of one order of the SmartTrade: the position, a take-profit step, the stop loss, a
    reduce-funds step or the market close.
     """
    order_type: str | Unset = UNSET
    """ Known values `market`, `limit`. """
    editable: bool | Unset = UNSET
    """ Whether the step may still be edited. """
    units: Units | Unset = UNSET
    """ Amount of base-currency units of an order. """
    price: TriggerPrice | Unset = UNSET
    """ A price given either as a value or, while a trailing entry is still running, as a percent;
    `type` names the order-book price it follows.
     """
    volume: str | Unset = UNSET
    """ Share of the position this step closes, in percent (decimal string). """
    total: None | str | Unset = UNSET
    """ Expected total in quote currency (decimal string); null while not known. """
    trailing: Trailing | Unset = UNSET
    """ Trailing settings. (The docs list `editable` and `percent`; every example shows `enabled`
    and `percent`, which this document follows.)
     """
    closed_at: None | str | Unset = UNSET
    """ When the step closed (only in the examples; not described by the docs). """
    data: StepData | Unset = UNSET
    """ Actions available on one step. """
    position: int | Unset = UNSET
    """ Ordinal of the step, from 1. (The docs type it as a string; the examples show
    integers.)
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status = self.status.to_dict()

        order_type = self.order_type

        editable = self.editable

        units: dict[str, Any] | Unset = UNSET
        if not isinstance(self.units, Unset):
            units = self.units.to_dict()

        price: dict[str, Any] | Unset = UNSET
        if not isinstance(self.price, Unset):
            price = self.price.to_dict()

        volume = self.volume

        total: None | str | Unset
        if isinstance(self.total, Unset):
            total = UNSET
        else:
            total = self.total

        trailing: dict[str, Any] | Unset = UNSET
        if not isinstance(self.trailing, Unset):
            trailing = self.trailing.to_dict()

        closed_at: None | str | Unset
        if isinstance(self.closed_at, Unset):
            closed_at = UNSET
        else:
            closed_at = self.closed_at

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        position = self.position

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
            }
        )
        if order_type is not UNSET:
            field_dict["order_type"] = order_type
        if editable is not UNSET:
            field_dict["editable"] = editable
        if units is not UNSET:
            field_dict["units"] = units
        if price is not UNSET:
            field_dict["price"] = price
        if volume is not UNSET:
            field_dict["volume"] = volume
        if total is not UNSET:
            field_dict["total"] = total
        if trailing is not UNSET:
            field_dict["trailing"] = trailing
        if closed_at is not UNSET:
            field_dict["closed_at"] = closed_at
        if data is not UNSET:
            field_dict["data"] = data
        if position is not UNSET:
            field_dict["position"] = position

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")
        if isinstance(id, bool) or not isinstance(id, int):
            raise TypeError("id: expected int, got " + type(id).__name__)

        status = OrderStatus.from_dict(d.pop("status"))

        order_type = d.pop("order_type", UNSET)
        if not isinstance(order_type, (str, Unset)):
            raise TypeError("order_type: expected str, got " + type(order_type).__name__)

        editable = d.pop("editable", UNSET)
        if not isinstance(editable, (bool, Unset)):
            raise TypeError("editable: expected bool, got " + type(editable).__name__)

        _units = d.pop("units", UNSET)
        units: Units | Unset
        if isinstance(_units, Unset):
            units = UNSET
        else:
            units = Units.from_dict(_units)

        _price = d.pop("price", UNSET)
        price: TriggerPrice | Unset
        if isinstance(_price, Unset):
            price = UNSET
        else:
            price = TriggerPrice.from_dict(_price)

        volume = d.pop("volume", UNSET)
        if not isinstance(volume, (str, Unset)):
            raise TypeError("volume: expected str, got " + type(volume).__name__)

        total = d.pop("total", UNSET)
        if total is not None and (not isinstance(total, (str, Unset))):
            raise TypeError("total: expected str or null, got " + type(total).__name__)

        _trailing = d.pop("trailing", UNSET)
        trailing: Trailing | Unset
        if isinstance(_trailing, Unset):
            trailing = UNSET
        else:
            trailing = Trailing.from_dict(_trailing)

        closed_at = d.pop("closed_at", UNSET)
        if closed_at is not None and (not isinstance(closed_at, (str, Unset))):
            raise TypeError("closed_at: expected str or null, got " + type(closed_at).__name__)

        _data = d.pop("data", UNSET)
        data: StepData | Unset
        if isinstance(_data, Unset):
            data = UNSET
        else:
            data = StepData.from_dict(_data)

        position = d.pop("position", UNSET)
        if isinstance(position, bool) or not isinstance(position, (int, Unset)):
            raise TypeError("position: expected int, got " + type(position).__name__)

        take_profit_step = cls(
            id=id,
            status=status,
            order_type=order_type,
            editable=editable,
            units=units,
            price=price,
            volume=volume,
            total=total,
            trailing=trailing,
            closed_at=closed_at,
            data=data,
            position=position,
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
