from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, Self

from ..models.leverage_type import LeverageType
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
    value: LeverageType | Literal["cross", "isolated"] | Unset,
) -> LeverageType | Unset:
    if isinstance(value, Unset):
        return value
    return enum_member(LeverageType, value, "LeverageInput.type_")


# The attrs class this model is written after (its fields are the model's).
def _attrs_twin() -> type:
    from attrs import define as _attrs_define
    from attrs import field as _attrs_field

    @_attrs_define
    class LeverageInput:
        enabled: bool
        type_: LeverageType | Unset = _attrs_field(default=UNSET, converter=_convert_type_)
        value: int | Unset = UNSET
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return LeverageInput


@_lazy_additional_properties
class LeverageInput:
    """Leverage, for futures accounts only."""

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "enabled",
        "type_",
        "value",
    )
    __match_args__ = (
        "enabled",
        "type_",
        "value",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    enabled: bool
    type_: LeverageType | Unset
    """ Leverage type. The deprecated `custom` (still in the docs' create examples) is saved as
    `isolated` by the API, so the SDK does not offer it; the API accepts it (a docs form).
     """
    value: int | Unset
    """ Leverage value, at least 1. The exchange sets the largest: the `max_leverage` of
    the pair's `leverage_data` entry for this type, from
    `get_currency_rates_with_leverage_data` (where the newest create and edit pages
    send users).
     """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        enabled: bool,
        type_: LeverageType | Literal["cross", "isolated"] | Unset = UNSET,
        value: int | Unset = UNSET,
    ) -> None:
        self.enabled = enabled
        self.type_ = _convert_type_(type_)
        self.value = value
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
                f"enabled={self.enabled!r}, "
                f"type_={self.type_!r}, "
                f"value={self.value!r}, "
                f"additional_properties={self.additional_properties!r}"
                ")"
            )
        finally:
            seen.discard(id(self))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.enabled == other.enabled
            and self.type_ == other.type_
            and self.value == other.value
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        enabled = self.enabled

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "enabled": enabled,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError("LeverageInput: expected a JSON object, got " + type(d).__name__)
        enabled = d["enabled"]
        if type(enabled) is not bool:
            raise TypeError("enabled: expected bool, got " + type(enabled).__name__)

        _type_ = d.get("type", UNSET)
        type_: LeverageType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = LeverageType(_type_)

        value = d.get("value", UNSET)
        if (
            type(value) is not int
            and value is not UNSET
            and (isinstance(value, bool) or not isinstance(value, int))
        ):
            raise TypeError("value: expected int, got " + type(value).__name__)

        _obj = _new(cls)
        _obj.enabled = enabled
        _obj.type_ = type_
        _obj.value = value
        if len(d) != 1 and len(d) != 1 + (type_ is not UNSET) + (value is not UNSET):
            _extra = {
                _key: _value
                for _key, _value in d.items()
                if _key not in {"enabled", "type", "value"}
            }
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains
