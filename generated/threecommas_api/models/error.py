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
    class Error:
        error: str
        error_description: str | Unset = UNSET
        error_attributes: ErrorErrorAttributes | Unset = UNSET
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return Error


@_lazy_additional_properties
class Error:
    """The error body that the API sends with every non-2xx answer."""

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "error",
        "error_attributes",
        "error_description",
    )
    __match_args__ = (
        "error",
        "error_description",
        "error_attributes",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    error: str
    """ Short error code or title, e.g. `record_invalid`, `signature_invalid`, `Not found`. """
    error_description: str | Unset
    """ Longer, localised explanation. """
    error_attributes: ErrorErrorAttributes | Unset
    """ The fields that failed validation, each with its messages. Keys are parameter names,
    bracketed paths (`take_profit[steps][0][price][value]`) or comma-joined names of
    fields that conflict. (One docs page types this as a string; every example is an
    object of string arrays.)
     """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        error: str,
        error_description: str | Unset = UNSET,
        error_attributes: ErrorErrorAttributes | Unset = UNSET,
    ) -> None:
        self.error = error
        self.error_description = error_description
        self.error_attributes = error_attributes
        self.additional_properties = {}

    def __repr__(self) -> str:
        seen = _repr_seen()
        if id(self) in seen:
            return "..."
        seen.add(id(self))
        try:
            return (
                f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}("
                f"error={self.error!r}, "
                f"error_description={self.error_description!r}, "
                f"error_attributes={self.error_attributes!r}, "
                f"additional_properties={self.additional_properties!r}"
                ")"
            )
        finally:
            seen.discard(id(self))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.error == other.error
            and self.error_description == other.error_description
            and self.error_attributes == other.error_attributes
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        error = self.error

        error_description = self.error_description

        error_attributes: dict[str, Any] | Unset = UNSET
        if not isinstance(self.error_attributes, Unset):
            error_attributes = self.error_attributes.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
            }
        )
        if error_description is not UNSET:
            field_dict["error_description"] = error_description
        if error_attributes is not UNSET:
            field_dict["error_attributes"] = error_attributes

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError("Error: expected a JSON object, got " + type(d).__name__)
        error = d["error"]
        if type(error) is not str and (not isinstance(error, str)):
            raise TypeError("error: expected str, got " + type(error).__name__)

        error_description = d.get("error_description", UNSET)
        if (
            type(error_description) is not str
            and error_description is not UNSET
            and (not isinstance(error_description, str))
        ):
            raise TypeError(
                "error_description: expected str, got " + type(error_description).__name__
            )

        error_attributes = d.get("error_attributes", UNSET)
        if error_attributes is not UNSET:
            error_attributes = _ErrorErrorAttributes_from_dict(error_attributes)

        _obj = _new(cls)
        _obj.error = error
        _obj.error_description = error_description
        _obj.error_attributes = error_attributes
        if len(d) != 1 and len(d) != 1 + (error_description is not UNSET) + (
            error_attributes is not UNSET
        ):
            _extra = {
                _key: _value
                for _key, _value in d.items()
                if _key not in {"error", "error_description", "error_attributes"}
            }
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains


from ..models.error_error_attributes import ErrorErrorAttributes

_ErrorErrorAttributes_from_dict = ErrorErrorAttributes.from_dict
