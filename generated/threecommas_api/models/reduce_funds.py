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
    class ReduceFunds:
        steps: list[ReduceFundsStep]
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return ReduceFunds


@_lazy_additional_properties
class ReduceFunds:
    """Reduce-funds orders. (The docs call it an array; every example shows an object with
    `steps`, which this document follows.)

    """

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "steps",
    )
    __match_args__ = ("steps",)
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    steps: list[ReduceFundsStep]
    additional_properties: dict[str, Any]

    def __init__(
        self,
        steps: list[ReduceFundsStep],
    ) -> None:
        self.steps = steps
        self.additional_properties = {}

    def __repr__(self) -> str:
        seen = _repr_seen()
        if id(self) in seen:
            return "..."
        seen.add(id(self))
        try:
            return (
                f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}("
                f"steps={self.steps!r}, "
                f"additional_properties={self.additional_properties!r}"
                ")"
            )
        finally:
            seen.discard(id(self))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.steps == other.steps and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        steps = []
        for steps_item_data in self.steps:
            steps_item = steps_item_data.to_dict()
            steps.append(steps_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "steps": steps,
            }
        )

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError("ReduceFunds: expected a JSON object, got " + type(d).__name__)
        steps = d["steps"]
        if type(steps) is not list and not isinstance(steps, list | tuple):
            raise TypeError("steps: expected an array, got " + type(steps).__name__)
        steps = [_ReduceFundsStep_from_dict(item) for item in steps]

        _obj = _new(cls)
        _obj.steps = steps
        if len(d) != 1:
            _extra = {_key: _value for _key, _value in d.items() if _key not in {"steps"}}
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains


from ..models.reduce_funds_step import ReduceFundsStep

_ReduceFundsStep_from_dict = ReduceFundsStep.from_dict
