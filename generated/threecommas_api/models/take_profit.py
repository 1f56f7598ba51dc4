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
    class TakeProfit:
        enabled: bool
        price_type: str
        steps: list[TakeProfitStep]
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return TakeProfit


@_lazy_additional_properties
class TakeProfit:
    """Take-profit settings and steps."""

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "enabled",
        "price_type",
        "steps",
    )
    __match_args__ = (
        "enabled",
        "price_type",
        "steps",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    enabled: bool
    """ Whether take profit is on. """
    price_type: str
    """ How step prices are given. Known values `value`, `percentage`. """
    steps: list[TakeProfitStep]
    """ The take-profit steps (at most 8), in order. """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        enabled: bool,
        price_type: str,
        steps: list[TakeProfitStep],
    ) -> None:
        self.enabled = enabled
        self.price_type = price_type
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
                f"price_type={self.price_type!r}, "
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
            and self.price_type == other.price_type
            and self.steps == other.steps
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        enabled = self.enabled

        price_type = self.price_type

        steps = []
        for steps_item_data in self.steps:
            steps_item = steps_item_data.to_dict()
            steps.append(steps_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "enabled": enabled,
                "price_type": price_type,
                "steps": steps,
            }
        )

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError("TakeProfit: expected a JSON object, got " + type(d).__name__)
        enabled = d["enabled"]
        if type(enabled) is not bool:
            raise TypeError("enabled: expected bool, got " + type(enabled).__name__)

        price_type = d["price_type"]
        if type(price_type) is not str and (not isinstance(price_type, str)):
            raise TypeError("price_type: expected str, got " + type(price_type).__name__)

        steps = d["steps"]
        if type(steps) is not list and not isinstance(steps, list | tuple):
            raise TypeError("steps: expected an array, got " + type(steps).__name__)
        steps = [_TakeProfitStep_from_dict(item) for item in steps]

        _obj = _new(cls)
        _obj.enabled = enabled
        _obj.price_type = price_type
        _obj.steps = steps
        if len(d) != 3:
            _extra = {
                _key: _value
                for _key, _value in d.items()
                if _key not in {"enabled", "price_type", "steps"}
            }
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains


from ..models.take_profit_step import TakeProfitStep

_TakeProfitStep_from_dict = TakeProfitStep.from_dict
