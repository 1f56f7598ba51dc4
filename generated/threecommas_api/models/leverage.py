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
    class Leverage:
        enabled: bool
        type_: str | Unset = UNSET
        value: int | str | Unset = UNSET
        type_editable: bool | Unset = UNSET
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return Leverage


@_lazy_additional_properties
class Leverage:
    """Leverage settings; just `{"enabled": false}` when leverage is off."""

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "enabled",
        "type_",
        "type_editable",
        "value",
    )
    __match_args__ = (
        "enabled",
        "type_",
        "value",
        "type_editable",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    enabled: bool
    """ Whether leverage is used. """
    type_: str | Unset
    """ Leverage type chosen at creation. Known values: `cross`, `isolated` (the deprecated
    `custom` is stored as `isolated`).
     """
    value: int | str | Unset
    """ Leverage value (an integer in the docs; sent as a string in some examples). """
    type_editable: bool | Unset
    """ Whether the leverage type may be changed when editing. """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        enabled: bool,
        type_: str | Unset = UNSET,
        value: int | str | Unset = UNSET,
        type_editable: bool | Unset = UNSET,
    ) -> None:
        self.enabled = enabled
        self.type_ = type_
        self.value = value
        self.type_editable = type_editable
        self.additional_properties = {}

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
                f"type_editable={self.type_editable!r}, "
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
            and self.type_editable == other.type_editable
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        enabled = self.enabled

        type_ = self.type_

        value: int | str | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        else:
            value = self.value

        type_editable = self.type_editable

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
        if type_editable is not UNSET:
            field_dict["type_editable"] = type_editable

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError("Leverage: expected a JSON object, got " + type(d).__name__)
        enabled = d["enabled"]
        if type(enabled) is not bool:
            raise TypeError("enabled: expected bool, got " + type(enabled).__name__)

        type_ = d.get("type", UNSET)
        if type(type_) is not str and type_ is not UNSET and (not isinstance(type_, str)):
            raise TypeError("type: expected str, got " + type(type_).__name__)

        value = d.get("value", UNSET)
        if (
            type(value) is not int
            and value is not UNSET
            and (isinstance(value, bool) or not isinstance(value, (int, str)))
        ):
            raise TypeError("value: expected int or str, got " + type(value).__name__)

        type_editable = d.get("type_editable", UNSET)
        if type(type_editable) is not bool and type_editable is not UNSET:
            raise TypeError("type_editable: expected bool, got " + type(type_editable).__name__)

        _obj = _new(cls)
        _obj.enabled = enabled
        _obj.type_ = type_
        _obj.value = value
        _obj.type_editable = type_editable
        if len(d) != 1 and len(d) != 1 + (type_ is not UNSET) + (value is not UNSET) + (
            type_editable is not UNSET
        ):
            _extra = {
                _key: _value
                for _key, _value in d.items()
                if _key not in {"enabled", "type", "value", "type_editable"}
            }
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains
