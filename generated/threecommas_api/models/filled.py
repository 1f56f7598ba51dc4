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
    class Filled:
        units: None | str | Unset = UNSET
        total: None | str | Unset = UNSET
        price: None | str | Unset = UNSET
        value: None | str | Unset = UNSET
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return Filled


@_lazy_additional_properties
class Filled:
    """What an order has filled so far (named only by the older OpenAPI file of the docs)."""

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "price",
        "total",
        "units",
        "value",
    )
    __match_args__ = (
        "units",
        "total",
        "price",
        "value",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    units: None | str | Unset
    """ Units filled (decimal string). """
    total: None | str | Unset
    """ Total filled (decimal string). """
    price: None | str | Unset
    """ Average fill price (decimal string). """
    value: None | str | Unset
    """ Filled value (decimal string). """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        units: None | str | Unset = UNSET,
        total: None | str | Unset = UNSET,
        price: None | str | Unset = UNSET,
        value: None | str | Unset = UNSET,
    ) -> None:
        self.units = units
        self.total = total
        self.price = price
        self.value = value
        self.additional_properties = {}

    def __repr__(self) -> str:
        seen = _repr_seen()
        if id(self) in seen:
            return "..."
        seen.add(id(self))
        try:
            return (
                f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}("
                f"units={self.units!r}, "
                f"total={self.total!r}, "
                f"price={self.price!r}, "
                f"value={self.value!r}, "
                f"additional_properties={self.additional_properties!r}"
                ")"
            )
        finally:
            seen.discard(id(self))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.units == other.units
            and self.total == other.total
            and self.price == other.price
            and self.value == other.value
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        units: None | str | Unset
        if isinstance(self.units, Unset):
            units = UNSET
        else:
            units = self.units

        total: None | str | Unset
        if isinstance(self.total, Unset):
            total = UNSET
        else:
            total = self.total

        price: None | str | Unset
        if isinstance(self.price, Unset):
            price = UNSET
        else:
            price = self.price

        value: None | str | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        else:
            value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if units is not UNSET:
            field_dict["units"] = units
        if total is not UNSET:
            field_dict["total"] = total
        if price is not UNSET:
            field_dict["price"] = price
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError("Filled: expected a JSON object, got " + type(d).__name__)
        units = d.get("units", UNSET)
        if (
            type(units) is not str
            and units is not None
            and units is not UNSET
            and (not isinstance(units, str))
        ):
            raise TypeError("units: expected str or null, got " + type(units).__name__)

        total = d.get("total", UNSET)
        if (
            type(total) is not str
            and total is not None
            and total is not UNSET
            and (not isinstance(total, str))
        ):
            raise TypeError("total: expected str or null, got " + type(total).__name__)

        price = d.get("price", UNSET)
        if (
            type(price) is not str
            and price is not None
            and price is not UNSET
            and (not isinstance(price, str))
        ):
            raise TypeError("price: expected str or null, got " + type(price).__name__)

        value = d.get("value", UNSET)
        if (
            type(value) is not str
            and value is not None
            and value is not UNSET
            and (not isinstance(value, str))
        ):
            raise TypeError("value: expected str or null, got " + type(value).__name__)

        _obj = _new(cls)
        _obj.units = units
        _obj.total = total
        _obj.price = price
        _obj.value = value
        if len(d) != 0 and len(d) != 0 + (units is not UNSET) + (total is not UNSET) + (
            price is not UNSET
        ) + (value is not UNSET):
            _extra = {
                _key: _value
                for _key, _value in d.items()
                if _key not in {"units", "total", "price", "value"}
            }
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains
