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
    class PairLeverage:
        code: str
        name: str
        can_set_leverage_value: bool
        available_leverage_values: list[Any]
        max_leverage: str
        valid: LeverageRange
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return PairLeverage


@_lazy_additional_properties
class PairLeverage:
    """One leverage type a pair allows, and its bounds."""

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "available_leverage_values",
        "can_set_leverage_value",
        "code",
        "max_leverage",
        "name",
        "valid",
    )
    __match_args__ = (
        "code",
        "name",
        "can_set_leverage_value",
        "available_leverage_values",
        "max_leverage",
        "valid",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    code: str
    """ The leverage type, as `leverage.type` takes it (`cross`, `isolated`). """
    name: str
    """ Its display name (`Cross`). """
    can_set_leverage_value: bool
    """ Whether a leverage value of one's own can be set. """
    available_leverage_values: list[Any]
    """ The leverage values allowed, when the exchange allows only some (the docs name it
    without typing its items, and the example's list is empty).
     """
    max_leverage: str
    """ The largest leverage the pair allows for this type (`"25.0"`). """
    valid: LeverageRange
    """ The bounds of a leverage value. The page's prose names this object `value` with string
    bounds; its example names it `valid`, with the integer `1` as `min` and the string
    `"25.0"` as `max`. This document follows the example and takes either form for a bound.
     """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        code: str,
        name: str,
        can_set_leverage_value: bool,
        available_leverage_values: list[Any],
        max_leverage: str,
        valid: LeverageRange,
    ) -> None:
        self.code = code
        self.name = name
        self.can_set_leverage_value = can_set_leverage_value
        self.available_leverage_values = available_leverage_values
        self.max_leverage = max_leverage
        self.valid = valid
        self.additional_properties = {}

    def __repr__(self) -> str:
        seen = _repr_seen()
        if id(self) in seen:
            return "..."
        seen.add(id(self))
        try:
            return (
                f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}("
                f"code={self.code!r}, "
                f"name={self.name!r}, "
                f"can_set_leverage_value={self.can_set_leverage_value!r}, "
                f"available_leverage_values={self.available_leverage_values!r}, "
                f"max_leverage={self.max_leverage!r}, "
                f"valid={self.valid!r}, "
                f"additional_properties={self.additional_properties!r}"
                ")"
            )
        finally:
            seen.discard(id(self))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.code == other.code
            and self.name == other.name
            and self.can_set_leverage_value == other.can_set_leverage_value
            and self.available_leverage_values == other.available_leverage_values
            and self.max_leverage == other.max_leverage
            and self.valid == other.valid
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        can_set_leverage_value = self.can_set_leverage_value

        available_leverage_values = self.available_leverage_values

        max_leverage = self.max_leverage

        valid = self.valid.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "name": name,
                "can_set_leverage_value": can_set_leverage_value,
                "available_leverage_values": available_leverage_values,
                "max_leverage": max_leverage,
                "valid": valid,
            }
        )

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError("PairLeverage: expected a JSON object, got " + type(d).__name__)
        code = d["code"]
        if type(code) is not str and (not isinstance(code, str)):
            raise TypeError("code: expected str, got " + type(code).__name__)

        name = d["name"]
        if type(name) is not str and (not isinstance(name, str)):
            raise TypeError("name: expected str, got " + type(name).__name__)

        can_set_leverage_value = d["can_set_leverage_value"]
        if type(can_set_leverage_value) is not bool:
            raise TypeError(
                "can_set_leverage_value: expected bool, got "
                + type(can_set_leverage_value).__name__
            )

        available_leverage_values = d["available_leverage_values"]
        if type(available_leverage_values) is not list and not isinstance(
            available_leverage_values, list | tuple
        ):
            raise TypeError(
                "available_leverage_values: expected an array, got "
                + type(available_leverage_values).__name__
            )

        max_leverage = d["max_leverage"]
        if type(max_leverage) is not str and (not isinstance(max_leverage, str)):
            raise TypeError("max_leverage: expected str, got " + type(max_leverage).__name__)

        valid = _LeverageRange_from_dict(d["valid"])

        _obj = _new(cls)
        _obj.code = code
        _obj.name = name
        _obj.can_set_leverage_value = can_set_leverage_value
        _obj.available_leverage_values = available_leverage_values
        _obj.max_leverage = max_leverage
        _obj.valid = valid
        if len(d) != 6:
            _extra = {
                _key: _value
                for _key, _value in d.items()
                if _key
                not in {
                    "code",
                    "name",
                    "can_set_leverage_value",
                    "available_leverage_values",
                    "max_leverage",
                    "valid",
                }
            }
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains


from ..models.leverage_range import LeverageRange

_LeverageRange_from_dict = LeverageRange.from_dict
