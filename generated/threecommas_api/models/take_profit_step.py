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
    class TakeProfitStep:
        id: int
        order_type: str
        editable: bool
        units: Units
        price: TriggerPrice
        volume: str
        total: None | str
        trailing: Trailing
        status: OrderStatus
        data: StepData
        position: int
        closed_at: None | str | Unset = UNSET
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return TakeProfitStep


@_lazy_additional_properties
class TakeProfitStep:
    """One take-profit step. Its `id` is the trade ID used by the trade operations
    (`/v2/smart_trades/{smart_trade_id}/trades/{id}/...`). The newest docs type several of
    its fields wrongly (`order_type`, `price.type` and `data.cancelable` as integers,
    `units.value` as a boolean); the types here are the ones the examples show.

    """

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "closed_at",
        "data",
        "editable",
        "id",
        "order_type",
        "position",
        "price",
        "status",
        "total",
        "trailing",
        "units",
        "volume",
    )
    __match_args__ = (
        "id",
        "order_type",
        "editable",
        "units",
        "price",
        "volume",
        "total",
        "trailing",
        "status",
        "data",
        "position",
        "closed_at",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

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
    closed_at: None | str | Unset
    """ When the step closed (only in the examples; not described by the docs). """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        id: int,
        order_type: str,
        editable: bool,
        units: Units,
        price: TriggerPrice,
        volume: str,
        total: None | str,
        trailing: Trailing,
        status: OrderStatus,
        data: StepData,
        position: int,
        closed_at: None | str | Unset = UNSET,
    ) -> None:
        self.id = id
        self.order_type = order_type
        self.editable = editable
        self.units = units
        self.price = price
        self.volume = volume
        self.total = total
        self.trailing = trailing
        self.status = status
        self.data = data
        self.position = position
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
                f"id={self.id!r}, "
                f"order_type={self.order_type!r}, "
                f"editable={self.editable!r}, "
                f"units={self.units!r}, "
                f"price={self.price!r}, "
                f"volume={self.volume!r}, "
                f"total={self.total!r}, "
                f"trailing={self.trailing!r}, "
                f"status={self.status!r}, "
                f"data={self.data!r}, "
                f"position={self.position!r}, "
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
            self.id == other.id
            and self.order_type == other.order_type
            and self.editable == other.editable
            and self.units == other.units
            and self.price == other.price
            and self.volume == other.volume
            and self.total == other.total
            and self.trailing == other.trailing
            and self.status == other.status
            and self.data == other.data
            and self.position == other.position
            and self.closed_at == other.closed_at
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

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

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError("TakeProfitStep: expected a JSON object, got " + type(d).__name__)
        id = d["id"]
        if type(id) is not int and (isinstance(id, bool) or not isinstance(id, int)):
            raise TypeError("id: expected int, got " + type(id).__name__)

        order_type = d["order_type"]
        if type(order_type) is not str and (not isinstance(order_type, str)):
            raise TypeError("order_type: expected str, got " + type(order_type).__name__)

        editable = d["editable"]
        if type(editable) is not bool:
            raise TypeError("editable: expected bool, got " + type(editable).__name__)

        units = _Units_from_dict(d["units"])

        price = _TriggerPrice_from_dict(d["price"])

        volume = d["volume"]
        if type(volume) is not str and (not isinstance(volume, str)):
            raise TypeError("volume: expected str, got " + type(volume).__name__)

        total = d["total"]
        if type(total) is not str and total is not None and (not isinstance(total, str)):
            raise TypeError("total: expected str or null, got " + type(total).__name__)

        trailing = _Trailing_from_dict(d["trailing"])

        status = _OrderStatus_from_dict(d["status"])

        data = _StepData_from_dict(d["data"])

        position = d["position"]
        if type(position) is not int and (
            isinstance(position, bool) or not isinstance(position, int)
        ):
            raise TypeError("position: expected int, got " + type(position).__name__)

        closed_at = d.get("closed_at", UNSET)
        if (
            type(closed_at) is not str
            and closed_at is not None
            and closed_at is not UNSET
            and (not isinstance(closed_at, str))
        ):
            raise TypeError("closed_at: expected str or null, got " + type(closed_at).__name__)

        _obj = _new(cls)
        _obj.id = id
        _obj.order_type = order_type
        _obj.editable = editable
        _obj.units = units
        _obj.price = price
        _obj.volume = volume
        _obj.total = total
        _obj.trailing = trailing
        _obj.status = status
        _obj.data = data
        _obj.position = position
        _obj.closed_at = closed_at
        if len(d) != 11 and len(d) != 11 + (closed_at is not UNSET):
            _extra = {
                _key: _value
                for _key, _value in d.items()
                if _key
                not in {
                    "id",
                    "order_type",
                    "editable",
                    "units",
                    "price",
                    "volume",
                    "total",
                    "trailing",
                    "status",
                    "data",
                    "position",
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
from ..models.step_data import StepData
from ..models.trailing import Trailing
from ..models.trigger_price import TriggerPrice
from ..models.units import Units

_OrderStatus_from_dict = OrderStatus.from_dict
_StepData_from_dict = StepData.from_dict
_Trailing_from_dict = Trailing.from_dict
_TriggerPrice_from_dict = TriggerPrice.from_dict
_Units_from_dict = Units.from_dict
