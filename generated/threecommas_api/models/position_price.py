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
    class PositionPrice:
        value: str
        value_without_commission: None | str
        editable: bool
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return PositionPrice


@_lazy_additional_properties
class PositionPrice:
    """Price of the entry order."""

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "editable",
        "value",
        "value_without_commission",
    )
    __match_args__ = (
        "value",
        "value_without_commission",
        "editable",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    value: str
    """ Price including the commission (decimal string). """
    value_without_commission: None | str
    """ Price without the commission (decimal string). """
    editable: bool
    """ Whether the price may still be edited. """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        value: str,
        value_without_commission: None | str,
        editable: bool,
    ) -> None:
        self.value = value
        self.value_without_commission = value_without_commission
        self.editable = editable
        self.additional_properties = {}

    def __repr__(self) -> str:
        seen = _repr_seen()
        if id(self) in seen:
            return "..."
        seen.add(id(self))
        try:
            return (
                f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}("
                f"value={self.value!r}, "
                f"value_without_commission={self.value_without_commission!r}, "
                f"editable={self.editable!r}, "
                f"additional_properties={self.additional_properties!r}"
                ")"
            )
        finally:
            seen.discard(id(self))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.value == other.value
            and self.value_without_commission == other.value_without_commission
            and self.editable == other.editable
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        value = self.value

        value_without_commission: None | str
        value_without_commission = self.value_without_commission

        editable = self.editable

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "value": value,
                "value_without_commission": value_without_commission,
                "editable": editable,
            }
        )

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError("PositionPrice: expected a JSON object, got " + type(d).__name__)
        value = d["value"]
        if type(value) is not str and (not isinstance(value, str)):
            raise TypeError("value: expected str, got " + type(value).__name__)

        value_without_commission = d["value_without_commission"]
        if (
            type(value_without_commission) is not str
            and value_without_commission is not None
            and (not isinstance(value_without_commission, str))
        ):
            raise TypeError(
                "value_without_commission: expected str or null, got "
                + type(value_without_commission).__name__
            )

        editable = d["editable"]
        if type(editable) is not bool:
            raise TypeError("editable: expected bool, got " + type(editable).__name__)

        _obj = _new(cls)
        _obj.value = value
        _obj.value_without_commission = value_without_commission
        _obj.editable = editable
        if len(d) != 3:
            _extra = {
                _key: _value
                for _key, _value in d.items()
                if _key not in {"value", "value_without_commission", "editable"}
            }
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains
