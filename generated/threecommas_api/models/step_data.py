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
    class StepData:
        cancelable: bool
        panic_sell_available: bool
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return StepData


@_lazy_additional_properties
class StepData:
    """Actions available on one step."""

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "cancelable",
        "panic_sell_available",
    )
    __match_args__ = (
        "cancelable",
        "panic_sell_available",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    cancelable: bool
    """ Whether the step's trade may be cancelled. """
    panic_sell_available: bool
    """ Whether the step may be closed by market now. """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        cancelable: bool,
        panic_sell_available: bool,
    ) -> None:
        self.cancelable = cancelable
        self.panic_sell_available = panic_sell_available
        self.additional_properties = {}

    def __repr__(self) -> str:
        seen = _repr_seen()
        if id(self) in seen:
            return "..."
        seen.add(id(self))
        try:
            return (
                f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}("
                f"cancelable={self.cancelable!r}, "
                f"panic_sell_available={self.panic_sell_available!r}, "
                f"additional_properties={self.additional_properties!r}"
                ")"
            )
        finally:
            seen.discard(id(self))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.cancelable == other.cancelable
            and self.panic_sell_available == other.panic_sell_available
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        cancelable = self.cancelable

        panic_sell_available = self.panic_sell_available

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cancelable": cancelable,
                "panic_sell_available": panic_sell_available,
            }
        )

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError("StepData: expected a JSON object, got " + type(d).__name__)
        cancelable = d["cancelable"]
        if type(cancelable) is not bool:
            raise TypeError("cancelable: expected bool, got " + type(cancelable).__name__)

        panic_sell_available = d["panic_sell_available"]
        if type(panic_sell_available) is not bool:
            raise TypeError(
                "panic_sell_available: expected bool, got " + type(panic_sell_available).__name__
            )

        _obj = _new(cls)
        _obj.cancelable = cancelable
        _obj.panic_sell_available = panic_sell_available
        if len(d) != 2:
            _extra = {
                _key: _value
                for _key, _value in d.items()
                if _key not in {"cancelable", "panic_sell_available"}
            }
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains
