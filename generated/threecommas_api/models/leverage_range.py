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
    class LeverageRange:
        min_: int | str
        max_: int | str
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return LeverageRange


@_lazy_additional_properties
class LeverageRange:
    """The bounds of a leverage value. The page's prose names this object `value` with string
    bounds; its example names it `valid`, with the integer `1` as `min` and the string
    `"25.0"` as `max`. This document follows the example and takes either form for a bound.

    """

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "max_",
        "min_",
    )
    __match_args__ = (
        "min_",
        "max_",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    min_: int | str
    """ The smallest leverage allowed. """
    max_: int | str
    """ The largest leverage allowed. """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        min_: int | str,
        max_: int | str,
    ) -> None:
        self.min_ = min_
        self.max_ = max_
        self.additional_properties = {}

    def __repr__(self) -> str:
        seen = _repr_seen()
        if id(self) in seen:
            return "..."
        seen.add(id(self))
        try:
            return (
                f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}("
                f"min_={self.min_!r}, "
                f"max_={self.max_!r}, "
                f"additional_properties={self.additional_properties!r}"
                ")"
            )
        finally:
            seen.discard(id(self))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.min_ == other.min_
            and self.max_ == other.max_
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        min_: int | str
        min_ = self.min_

        max_: int | str
        max_ = self.max_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "min": min_,
                "max": max_,
            }
        )

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError("LeverageRange: expected a JSON object, got " + type(d).__name__)
        min_ = d["min"]
        if type(min_) is not int and (isinstance(min_, bool) or not isinstance(min_, (int, str))):
            raise TypeError("min: expected int or str, got " + type(min_).__name__)

        max_ = d["max"]
        if type(max_) is not int and (isinstance(max_, bool) or not isinstance(max_, (int, str))):
            raise TypeError("max: expected int or str, got " + type(max_).__name__)

        _obj = _new(cls)
        _obj.min_ = min_
        _obj.max_ = max_
        if len(d) != 2:
            _extra = {_key: _value for _key, _value in d.items() if _key not in {"min", "max"}}
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains
