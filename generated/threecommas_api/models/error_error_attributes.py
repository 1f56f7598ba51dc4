from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, cast

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
    class ErrorErrorAttributes:
        additional_properties: dict[str, list[str]] = _attrs_field(init=False, factory=dict)

    return ErrorErrorAttributes


@_lazy_additional_properties
class ErrorErrorAttributes:
    """The fields that failed validation, each with its messages. Keys are parameter names,
    bracketed paths (`take_profit[steps][0][price][value]`) or comma-joined names of
    fields that conflict. (One docs page types this as a string; every example is an
    object of string arrays.)

    """

    __slots__ = (
        "__weakref__",
        "additional_properties",
    )
    __match_args__ = ()
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    additional_properties: dict[str, list[str]]

    def __init__(
        self,
    ) -> None:
        self.additional_properties = {}

    def __repr__(self) -> str:
        seen = _repr_seen()
        if id(self) in seen:
            return "..."
        seen.add(id(self))
        try:
            return (
                f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}("
                f"additional_properties={self.additional_properties!r}"
                ")"
            )
        finally:
            seen.discard(id(self))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self.additional_properties == other.additional_properties

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError("ErrorErrorAttributes: expected a JSON object, got " + type(d).__name__)
        _obj = _new(cls)
        if d:
            _extra = dict(d)
            additional_properties = {}
            for prop_name, prop_dict in _extra.items():
                additional_property = cast(list[str], prop_dict)

                additional_properties[prop_name] = additional_property
            _obj.additional_properties = additional_properties
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains
