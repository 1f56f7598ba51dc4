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
    class Margin:
        amount: None | str
        total: None | str
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return Margin


@_lazy_additional_properties
class Margin:
    """Margin of a leveraged SmartTrade (decimal strings, null otherwise)."""

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "amount",
        "total",
    )
    __match_args__ = (
        "amount",
        "total",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    amount: None | str
    """ Margin in base currency. """
    total: None | str
    """ Margin in quote currency. """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        amount: None | str,
        total: None | str,
    ) -> None:
        self.amount = amount
        self.total = total
        self.additional_properties = {}

    def __repr__(self) -> str:
        seen = _repr_seen()
        if id(self) in seen:
            return "..."
        seen.add(id(self))
        try:
            return (
                f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}("
                f"amount={self.amount!r}, "
                f"total={self.total!r}, "
                f"additional_properties={self.additional_properties!r}"
                ")"
            )
        finally:
            seen.discard(id(self))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.amount == other.amount
            and self.total == other.total
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        amount: None | str
        amount = self.amount

        total: None | str
        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "total": total,
            }
        )

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError("Margin: expected a JSON object, got " + type(d).__name__)
        amount = d["amount"]
        if type(amount) is not str and amount is not None and (not isinstance(amount, str)):
            raise TypeError("amount: expected str or null, got " + type(amount).__name__)

        total = d["total"]
        if type(total) is not str and total is not None and (not isinstance(total, str)):
            raise TypeError("total: expected str or null, got " + type(total).__name__)

        _obj = _new(cls)
        _obj.amount = amount
        _obj.total = total
        if len(d) != 2:
            _extra = {_key: _value for _key, _value in d.items() if _key not in {"amount", "total"}}
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains
