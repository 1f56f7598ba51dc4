from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from ..types import (
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
    class PositionConditional:
        editable: bool
        order_type: str
        price: TriggerPrice
        trailing: Trailing
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return PositionConditional


@_lazy_additional_properties
class PositionConditional:
    """Trigger of a conditional entry order; present when `order_type` is `conditional`."""

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "editable",
        "order_type",
        "price",
        "trailing",
    )
    __match_args__ = (
        "editable",
        "order_type",
        "price",
        "trailing",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    editable: bool
    """ Whether the condition may still be edited. """
    order_type: str
    """ Order placed once triggered. Known values `market`, `limit`. """
    price: TriggerPrice
    """ A price given either as a value or, while a trailing entry is still running, as a percent;
    `type` names the order-book price it follows.
     """
    trailing: Trailing
    """ Trailing settings. (The docs list `editable` and `percent`; every example shows `enabled`
    and `percent`, which this document follows.)
     """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        editable: bool,
        order_type: str,
        price: TriggerPrice,
        trailing: Trailing,
    ) -> None:
        self.editable = editable
        self.order_type = order_type
        self.price = price
        self.trailing = trailing
        self.additional_properties = {}

    def __repr__(self) -> str:
        seen = _repr_seen()
        if id(self) in seen:
            return "..."
        seen.add(id(self))
        try:
            return (
                f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}("
                f"editable={self.editable!r}, "
                f"order_type={self.order_type!r}, "
                f"price={self.price!r}, "
                f"trailing={self.trailing!r}, "
                f"additional_properties={self.additional_properties!r}"
                ")"
            )
        finally:
            seen.discard(id(self))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.editable == other.editable
            and self.order_type == other.order_type
            and self.price == other.price
            and self.trailing == other.trailing
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        editable = self.editable

        order_type = self.order_type

        price = self.price.to_dict()

        trailing = self.trailing.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "editable": editable,
                "order_type": order_type,
                "price": price,
                "trailing": trailing,
            }
        )

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError("PositionConditional: expected a JSON object, got " + type(d).__name__)
        editable = d["editable"]
        if type(editable) is not bool:
            raise TypeError("editable: expected bool, got " + type(editable).__name__)

        order_type = d["order_type"]
        if type(order_type) is not str and (not isinstance(order_type, str)):
            raise TypeError("order_type: expected str, got " + type(order_type).__name__)

        price = _TriggerPrice_from_dict(d["price"])

        trailing = _Trailing_from_dict(d["trailing"])

        _obj = _new(cls)
        _obj.editable = editable
        _obj.order_type = order_type
        _obj.price = price
        _obj.trailing = trailing
        if len(d) != 4:
            _extra = {
                _key: _value
                for _key, _value in d.items()
                if _key not in {"editable", "order_type", "price", "trailing"}
            }
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains


from ..models.trailing import Trailing
from ..models.trigger_price import TriggerPrice

_Trailing_from_dict = Trailing.from_dict
_TriggerPrice_from_dict = TriggerPrice.from_dict
