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
    class Trailing:
        enabled: bool
        percent: None | str
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return Trailing


@_lazy_additional_properties
class Trailing:
    """Trailing settings. (The docs list `editable` and `percent`; every example shows `enabled`
    and `percent`, which this document follows.)

    """

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "enabled",
        "percent",
    )
    __match_args__ = (
        "enabled",
        "percent",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    enabled: bool
    """ Whether trailing is on. """
    percent: None | str
    """ Trailing deviation in percent (decimal string). """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        enabled: bool,
        percent: None | str,
    ) -> None:
        self.enabled = enabled
        self.percent = percent
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
            self.enabled == other.enabled
            and self.percent == other.percent
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        enabled = self.enabled

        percent: None | str
        percent = self.percent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "enabled": enabled,
                "percent": percent,
            }
        )

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError("Trailing: expected a JSON object, got " + type(d).__name__)
        enabled = d["enabled"]
        if type(enabled) is not bool:
            raise TypeError("enabled: expected bool, got " + type(enabled).__name__)

        percent = d["percent"]
        if type(percent) is not str and percent is not None and (not isinstance(percent, str)):
            raise TypeError("percent: expected str or null, got " + type(percent).__name__)

        _obj = _new(cls)
        _obj.enabled = enabled
        _obj.percent = percent
        if len(d) != 2:
            _extra = {
                _key: _value for _key, _value in d.items() if _key not in {"enabled", "percent"}
            }
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains
