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
    class SetNoteRequest:
        note: str
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return SetNoteRequest


@_lazy_additional_properties
class SetNoteRequest:
    """The body of `set_note`."""

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "note",
    )
    __match_args__ = ("note",)
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    note: str
    """ The note, 1 to 300 characters. """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        note: str,
    ) -> None:
        self.note = note
        self.additional_properties = {}

    def __repr__(self) -> str:
        seen = _repr_seen()
        if id(self) in seen:
            return "..."
        seen.add(id(self))
        try:
            return (
                f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}("
                f"note={self.note!r}, "
                f"additional_properties={self.additional_properties!r}"
                ")"
            )
        finally:
            seen.discard(id(self))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self.note == other.note and self.additional_properties == other.additional_properties

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "note": note,
            }
        )

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError("SetNoteRequest: expected a JSON object, got " + type(d).__name__)
        note = d["note"]
        if type(note) is not str and (not isinstance(note, str)):
            raise TypeError("note: expected str, got " + type(note).__name__)

        _obj = _new(cls)
        _obj.note = note
        if len(d) != 1:
            _extra = {_key: _value for _key, _value in d.items() if _key not in {"note"}}
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains
