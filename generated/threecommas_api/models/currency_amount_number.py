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
    class CurrencyAmountNumber:
        currency: str
        amount: float
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return CurrencyAmountNumber


@_lazy_additional_properties
class CurrencyAmountNumber:
    """The total profit in the user's display currency. Unlike the other display amounts, every
    example sends this amount as a JSON number (`-0.05357667685386205`), already rounded to
    binary floating point by the server; it is typed as the examples send it.

    """

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "amount",
        "currency",
    )
    __match_args__ = (
        "currency",
        "amount",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    currency: str
    """ The currency, e.g. `USD`. """
    amount: float
    """ The amount. """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        currency: str,
        amount: float,
    ) -> None:
        self.currency = currency
        self.amount = amount
        self.additional_properties = {}

    def __repr__(self) -> str:
        seen = _repr_seen()
        if id(self) in seen:
            return "..."
        seen.add(id(self))
        try:
            return (
                f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}("
                f"currency={self.currency!r}, "
                f"amount={self.amount!r}, "
                f"additional_properties={self.additional_properties!r}"
                ")"
            )
        finally:
            seen.discard(id(self))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.currency == other.currency
            and self.amount == other.amount
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        amount = self.amount

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency": currency,
                "amount": amount,
            }
        )

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError("CurrencyAmountNumber: expected a JSON object, got " + type(d).__name__)
        currency = d["currency"]
        if type(currency) is not str and (not isinstance(currency, str)):
            raise TypeError("currency: expected str, got " + type(currency).__name__)

        amount = d["amount"]
        if type(amount) is not float and (
            isinstance(amount, bool) or not isinstance(amount, (float, int))
        ):
            raise TypeError("amount: expected float or int, got " + type(amount).__name__)

        _obj = _new(cls)
        _obj.currency = currency
        _obj.amount = amount
        if len(d) != 2:
            _extra = {
                _key: _value for _key, _value in d.items() if _key not in {"currency", "amount"}
            }
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains
