from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, Self

from ..models.price_type import PriceType
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


def _convert_type_(
    value: PriceType | Literal["bid", "ask", "last"] | Unset,
) -> PriceType | Unset:
    if isinstance(value, Unset):
        return value
    return enum_member(PriceType, value, "ConditionalPriceInput.type_")


# The attrs class this model is written after (its fields are the model's).
def _attrs_twin() -> type:
    from attrs import define as _attrs_define
    from attrs import field as _attrs_field

    @_attrs_define
    class ConditionalPriceInput:
        value: str
        type_: PriceType | Unset = _attrs_field(default=UNSET, converter=_convert_type_)
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return ConditionalPriceInput


@_lazy_additional_properties
class ConditionalPriceInput:
    """A trigger price of a conditional entry."""

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "type_",
        "value",
    )
    __match_args__ = (
        "value",
        "type_",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    value: str
    """ A positive decimal number written as a string, e.g. `"0.01"` or `"14.6"`. """
    type_: PriceType | Unset
    """ The order-book price a trigger follows. """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        value: str,
        type_: PriceType | Literal["bid", "ask", "last"] | Unset = UNSET,
    ) -> None:
        self.value = value
        self.type_ = _convert_type_(type_)
        self.additional_properties = {}

    def __setattr__(self, name: str, value: Any) -> None:
        # As attrs does: an enum field set later is converted (and checked) like in __init__.
        if name == "type_":
            value = _convert_type_(value)
        object.__setattr__(self, name, value)

    def __repr__(self) -> str:
        seen = _repr_seen()
        if id(self) in seen:
            return "..."
        seen.add(id(self))
        try:
            return (
                f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}("
                f"value={self.value!r}, "
                f"type_={self.type_!r}, "
                f"additional_properties={self.additional_properties!r}"
                ")"
            )
        finally:
            seen.discard(id(self))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.value == other.value
            and self.type_ == other.type_
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        value = self.value

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "value": value,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError(
                "ConditionalPriceInput: expected a JSON object, got " + type(d).__name__
            )
        value = d["value"]
        if type(value) is not str and (not isinstance(value, str)):
            raise TypeError("value: expected str, got " + type(value).__name__)

        _type_ = d.get("type", UNSET)
        type_: PriceType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = PriceType(_type_)

        _obj = _new(cls)
        _obj.value = value
        _obj.type_ = type_
        if len(d) != 1 and len(d) != 1 + (type_ is not UNSET):
            _extra = {_key: _value for _key, _value in d.items() if _key not in {"value", "type"}}
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains
