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
    class MarketFormFields:
        required: list[MarketFormField]
        optional: list[MarketFormField]
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return MarketFormFields


@_lazy_additional_properties
class MarketFormFields:
    """The fields a connection form of the market asks for."""

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "optional",
        "required",
    )
    __match_args__ = (
        "required",
        "optional",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    required: list[MarketFormField]
    optional: list[MarketFormField]
    additional_properties: dict[str, Any]

    def __init__(
        self,
        required: list[MarketFormField],
        optional: list[MarketFormField],
    ) -> None:
        self.required = required
        self.optional = optional
        self.additional_properties = {}

    def __repr__(self) -> str:
        seen = _repr_seen()
        if id(self) in seen:
            return "..."
        seen.add(id(self))
        try:
            return (
                f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}("
                f"required={self.required!r}, "
                f"optional={self.optional!r}, "
                f"additional_properties={self.additional_properties!r}"
                ")"
            )
        finally:
            seen.discard(id(self))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.required == other.required
            and self.optional == other.optional
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        required = []
        for required_item_data in self.required:
            required_item = required_item_data.to_dict()
            required.append(required_item)

        optional = []
        for optional_item_data in self.optional:
            optional_item = optional_item_data.to_dict()
            optional.append(optional_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "required": required,
                "optional": optional,
            }
        )

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError("MarketFormFields: expected a JSON object, got " + type(d).__name__)
        required = d["required"]
        if type(required) is not list and not isinstance(required, list | tuple):
            raise TypeError("required: expected an array, got " + type(required).__name__)
        required = [_MarketFormField_from_dict(item) for item in required]

        optional = d["optional"]
        if type(optional) is not list and not isinstance(optional, list | tuple):
            raise TypeError("optional: expected an array, got " + type(optional).__name__)
        optional = [_MarketFormField_from_dict(item) for item in optional]

        _obj = _new(cls)
        _obj.required = required
        _obj.optional = optional
        if len(d) != 2:
            _extra = {
                _key: _value for _key, _value in d.items() if _key not in {"required", "optional"}
            }
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains


from ..models.market_form_field import MarketFormField

_MarketFormField_from_dict = MarketFormField.from_dict
