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
    class TakeProfitInput:
        enabled: bool
        steps: list[TakeProfitStepInput] | Unset = UNSET
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return TakeProfitInput


@_lazy_additional_properties
class TakeProfitInput:
    """Take-profit settings. When enabled, 1 to 8 steps are needed."""

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "enabled",
        "steps",
    )
    __match_args__ = (
        "enabled",
        "steps",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    enabled: bool
    steps: list[TakeProfitStepInput] | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        enabled: bool,
        steps: list[TakeProfitStepInput] | Unset = UNSET,
    ) -> None:
        self.enabled = enabled
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
                f"enabled={self.enabled!r}, "
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
            self.enabled == other.enabled
            and self.steps == other.steps
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        enabled = self.enabled

        steps: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.steps, Unset):
            steps = []
            for steps_item_data in self.steps:
                steps_item = steps_item_data.to_dict()
                steps.append(steps_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "enabled": enabled,
            }
        )
        if steps is not UNSET:
            field_dict["steps"] = steps

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError("TakeProfitInput: expected a JSON object, got " + type(d).__name__)
        enabled = d["enabled"]
        if type(enabled) is not bool:
            raise TypeError("enabled: expected bool, got " + type(enabled).__name__)

        steps = d.get("steps", UNSET)
        if steps is not UNSET:
            if type(steps) is not list and not isinstance(steps, list | tuple):
                raise TypeError("steps: expected an array, got " + type(steps).__name__)
            steps = [_TakeProfitStepInput_from_dict(item) for item in steps]

        _obj = _new(cls)
        _obj.enabled = enabled
        _obj.steps = steps
        if len(d) != 1 and len(d) != 1 + (steps is not UNSET):
            _extra = {
                _key: _value for _key, _value in d.items() if _key not in {"enabled", "steps"}
            }
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains


from ..models.take_profit_step_input import TakeProfitStepInput

_TakeProfitStepInput_from_dict = TakeProfitStepInput.from_dict
