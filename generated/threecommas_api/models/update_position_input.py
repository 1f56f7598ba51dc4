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
    class UpdatePositionInput:
        units: UnitsInput | Unset = UNSET
        price: PriceInput | Unset = UNSET
        conditional: PositionConditionalInput | Unset = UNSET
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return UpdatePositionInput


@_lazy_additional_properties
class UpdatePositionInput:
    """The editable parts of the entry order."""

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "conditional",
        "price",
        "units",
    )
    __match_args__ = (
        "units",
        "price",
        "conditional",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    units: UnitsInput | Unset
    """ An amount of base-currency units, within the pair's limits: `get_currency_rates`, or
    `get_currency_rates_with_leverage_data` where the newest create and edit pages send
    users.
     """
    price: PriceInput | Unset
    """ A limit price, within the pair's limits: `get_currency_rates`, or
    `get_currency_rates_with_leverage_data` where the newest create and edit pages send
    users.
     """
    conditional: PositionConditionalInput | Unset
    """ The trigger of a conditional entry. """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        units: UnitsInput | Unset = UNSET,
        price: PriceInput | Unset = UNSET,
        conditional: PositionConditionalInput | Unset = UNSET,
    ) -> None:
        self.units = units
        self.price = price
        self.conditional = conditional
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
                f"price={self.price!r}, "
                f"conditional={self.conditional!r}, "
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
            and self.price == other.price
            and self.conditional == other.conditional
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        units: dict[str, Any] | Unset = UNSET
        if not isinstance(self.units, Unset):
            units = self.units.to_dict()

        price: dict[str, Any] | Unset = UNSET
        if not isinstance(self.price, Unset):
            price = self.price.to_dict()

        conditional: dict[str, Any] | Unset = UNSET
        if not isinstance(self.conditional, Unset):
            conditional = self.conditional.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if units is not UNSET:
            field_dict["units"] = units
        if price is not UNSET:
            field_dict["price"] = price
        if conditional is not UNSET:
            field_dict["conditional"] = conditional

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError("UpdatePositionInput: expected a JSON object, got " + type(d).__name__)
        units = d.get("units", UNSET)
        if units is not UNSET:
            units = _UnitsInput_from_dict(units)

        price = d.get("price", UNSET)
        if price is not UNSET:
            price = _PriceInput_from_dict(price)

        conditional = d.get("conditional", UNSET)
        if conditional is not UNSET:
            conditional = _PositionConditionalInput_from_dict(conditional)

        _obj = _new(cls)
        _obj.units = units
        _obj.price = price
        _obj.conditional = conditional
        if len(d) != 0 and len(d) != 0 + (units is not UNSET) + (price is not UNSET) + (
            conditional is not UNSET
        ):
            _extra = {
                _key: _value
                for _key, _value in d.items()
                if _key not in {"units", "price", "conditional"}
            }
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains


from ..models.position_conditional_input import PositionConditionalInput
from ..models.price_input import PriceInput
from ..models.units_input import UnitsInput

_PositionConditionalInput_from_dict = PositionConditionalInput.from_dict
_PriceInput_from_dict = PriceInput.from_dict
_UnitsInput_from_dict = UnitsInput.from_dict
