from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, Self

from ..models.order_type import OrderType
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
    enum_member,
)


def _convert_order_type(
    value: OrderType | Literal["market", "limit"],
) -> OrderType:
    return enum_member(OrderType, value, "PositionConditionalInput.order_type")


# The attrs class this model is written after (its fields are the model's).
def _attrs_twin() -> type:
    from attrs import define as _attrs_define
    from attrs import field as _attrs_field

    @_attrs_define
    class PositionConditionalInput:
        order_type: OrderType = _attrs_field(converter=_convert_order_type)
        price: ConditionalPriceInput
        trailing: EntryTrailingInput | Unset = UNSET
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return PositionConditionalInput


@_lazy_additional_properties
class PositionConditionalInput:
    """The trigger of a conditional entry."""

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "order_type",
        "price",
        "trailing",
    )
    __match_args__ = (
        "order_type",
        "price",
        "trailing",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    order_type: OrderType
    """ Order type of a take-profit step, stop loss, condition, added or reduced funds. """
    price: ConditionalPriceInput
    """ A trigger price of a conditional entry. """
    trailing: EntryTrailingInput | Unset
    """ Trailing settings of a conditional entry; only for market orders. """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        order_type: OrderType | Literal["market", "limit"],
        price: ConditionalPriceInput,
        trailing: EntryTrailingInput | Unset = UNSET,
    ) -> None:
        self.order_type = _convert_order_type(order_type)
        self.price = price
        self.trailing = trailing
        self.additional_properties = {}

    def __setattr__(self, name: str, value: Any) -> None:
        # As attrs does: an enum field set later is converted (and checked) like in __init__.
        if name == "order_type":
            value = _convert_order_type(value)
        object.__setattr__(self, name, value)

    def __repr__(self) -> str:
        seen = _repr_seen()
        if id(self) in seen:
            return "..."
        seen.add(id(self))
        try:
            return (
                f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}("
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
            self.order_type == other.order_type
            and self.price == other.price
            and self.trailing == other.trailing
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        order_type = self.order_type.value

        price = self.price.to_dict()

        trailing: dict[str, Any] | Unset = UNSET
        if not isinstance(self.trailing, Unset):
            trailing = self.trailing.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "order_type": order_type,
                "price": price,
            }
        )
        if trailing is not UNSET:
            field_dict["trailing"] = trailing

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError(
                "PositionConditionalInput: expected a JSON object, got " + type(d).__name__
            )
        order_type = OrderType(d["order_type"])

        price = _ConditionalPriceInput_from_dict(d["price"])

        trailing = d.get("trailing", UNSET)
        if trailing is not UNSET:
            trailing = _EntryTrailingInput_from_dict(trailing)

        _obj = _new(cls)
        _obj.order_type = order_type
        _obj.price = price
        _obj.trailing = trailing
        if len(d) != 2 and len(d) != 2 + (trailing is not UNSET):
            _extra = {
                _key: _value
                for _key, _value in d.items()
                if _key not in {"order_type", "price", "trailing"}
            }
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains


from ..models.conditional_price_input import ConditionalPriceInput
from ..models.entry_trailing_input import EntryTrailingInput

_ConditionalPriceInput_from_dict = ConditionalPriceInput.from_dict
_EntryTrailingInput_from_dict = EntryTrailingInput.from_dict
