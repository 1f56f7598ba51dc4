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
    class MarketFormField:
        field: str
        localized_name: str
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return MarketFormField


@_lazy_additional_properties
class MarketFormField:
    """One field of a connection form."""

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "field",
        "localized_name",
    )
    __match_args__ = (
        "field",
        "localized_name",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    field: str
    """ The field's parameter name, e.g. `api_key`, `secret`, `passphrase`. """
    localized_name: str
    """ The field's label. """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        field: str,
        localized_name: str,
    ) -> None:
        self.field = field
        self.localized_name = localized_name
        self.additional_properties = {}

    def __repr__(self) -> str:
        seen = _repr_seen()
        if id(self) in seen:
            return "..."
        seen.add(id(self))
        try:
            return (
                f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}("
                f"field={self.field!r}, "
                f"localized_name={self.localized_name!r}, "
                f"additional_properties={self.additional_properties!r}"
                ")"
            )
        finally:
            seen.discard(id(self))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.field == other.field
            and self.localized_name == other.localized_name
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        field = self.field

        localized_name = self.localized_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "field": field,
                "localized_name": localized_name,
            }
        )

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError("MarketFormField: expected a JSON object, got " + type(d).__name__)
        field = d["field"]
        if type(field) is not str and (not isinstance(field, str)):
            raise TypeError("field: expected str, got " + type(field).__name__)

        localized_name = d["localized_name"]
        if type(localized_name) is not str and (not isinstance(localized_name, str)):
            raise TypeError("localized_name: expected str, got " + type(localized_name).__name__)

        _obj = _new(cls)
        _obj.field = field
        _obj.localized_name = localized_name
        if len(d) != 2:
            _extra = {
                _key: _value
                for _key, _value in d.items()
                if _key not in {"field", "localized_name"}
            }
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains
