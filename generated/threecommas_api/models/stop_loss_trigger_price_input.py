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
    value: PriceType | Literal["bid", "ask", "last"],
) -> PriceType:
    return enum_member(PriceType, value, "StopLossTriggerPriceInput.type_")


# The attrs class this model is written after (its fields are the model's).
def _attrs_twin() -> type:
    from attrs import define as _attrs_define
    from attrs import field as _attrs_field

    @_attrs_define
    class StopLossTriggerPriceInput:
        type_: PriceType = _attrs_field(converter=_convert_type_)
        value: str | Unset = UNSET
        percent: str | Unset = UNSET
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return StopLossTriggerPriceInput


@_lazy_additional_properties
class StopLossTriggerPriceInput:
    """Trigger of the stop loss, as a price or (while trailing runs) a percent."""

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "percent",
        "type_",
        "value",
    )
    __match_args__ = (
        "type_",
        "value",
        "percent",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    type_: PriceType
    """ The order-book price a trigger follows. """
    value: str | Unset
    """ A positive decimal number written as a string, e.g. `"0.01"` or `"14.6"`. """
    percent: str | Unset
    """ A positive decimal number written as a string, e.g. `"0.01"` or `"14.6"`. """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        type_: PriceType | Literal["bid", "ask", "last"],
        value: str | Unset = UNSET,
        percent: str | Unset = UNSET,
    ) -> None:
        self.type_ = _convert_type_(type_)
        self.value = value
        self.percent = percent
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
                f"type_={self.type_!r}, "
                f"value={self.value!r}, "
                f"percent={self.percent!r}, "
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
            and self.value == other.value
            and self.percent == other.percent
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        value = self.value

        percent = self.percent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if value is not UNSET:
            field_dict["value"] = value
        if percent is not UNSET:
            field_dict["percent"] = percent

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError(
                "StopLossTriggerPriceInput: expected a JSON object, got " + type(d).__name__
            )
        type_ = PriceType(d["type"])

        value = d.get("value", UNSET)
        if type(value) is not str and value is not UNSET and (not isinstance(value, str)):
            raise TypeError("value: expected str, got " + type(value).__name__)

        percent = d.get("percent", UNSET)
        if type(percent) is not str and percent is not UNSET and (not isinstance(percent, str)):
            raise TypeError("percent: expected str, got " + type(percent).__name__)

        _obj = _new(cls)
        _obj.type_ = type_
        _obj.value = value
        _obj.percent = percent
        if len(d) != 1 and len(d) != 1 + (value is not UNSET) + (percent is not UNSET):
            _extra = {
                _key: _value
                for _key, _value in d.items()
                if _key not in {"type", "value", "percent"}
            }
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains
