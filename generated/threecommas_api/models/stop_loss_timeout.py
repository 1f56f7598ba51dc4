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
    class StopLossTimeout:
        enabled: bool
        value: int | None
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return StopLossTimeout


@_lazy_additional_properties
class StopLossTimeout:
    """Delay before the stop loss acts once triggered. (One docs page types `enabled` as a
    number; the examples show a boolean.)

    """

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "enabled",
        "value",
    )
    __match_args__ = (
        "enabled",
        "value",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    enabled: bool
    """ Whether the timeout is on. """
    value: int | None
    """ Timeout in seconds. """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        enabled: bool,
        value: int | None,
    ) -> None:
        self.enabled = enabled
        self.value = value
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
            and self.value == other.value
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        enabled = self.enabled

        value: int | None
        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "enabled": enabled,
                "value": value,
            }
        )

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError("StopLossTimeout: expected a JSON object, got " + type(d).__name__)
        enabled = d["enabled"]
        if type(enabled) is not bool:
            raise TypeError("enabled: expected bool, got " + type(enabled).__name__)

        value = d["value"]
        if (
            type(value) is not int
            and value is not None
            and (isinstance(value, bool) or not isinstance(value, int))
        ):
            raise TypeError("value: expected int or null, got " + type(value).__name__)

        _obj = _new(cls)
        _obj.enabled = enabled
        _obj.value = value
        if len(d) != 2:
            _extra = {
                _key: _value for _key, _value in d.items() if _key not in {"enabled", "value"}
            }
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains
