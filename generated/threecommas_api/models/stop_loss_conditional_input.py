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
    class StopLossConditionalInput:
        price: StopLossTriggerPriceInput
        trailing: TrailingInput | Unset = UNSET
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return StopLossConditionalInput


@_lazy_additional_properties
class StopLossConditionalInput:
    """The stop loss trigger."""

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "price",
        "trailing",
    )
    __match_args__ = (
        "price",
        "trailing",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    price: StopLossTriggerPriceInput
    """ Trigger of the stop loss, as a price or (while trailing runs) a percent. """
    trailing: TrailingInput | Unset
    """ Trailing settings of a stop loss; only for market orders. """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        price: StopLossTriggerPriceInput,
        trailing: TrailingInput | Unset = UNSET,
    ) -> None:
        self.price = price
        self.trailing = trailing
        self.additional_properties = {}

    def __repr__(self) -> str:
        seen = _repr_seen()
        if id(self) in seen:
            return "..."
        seen.add(id(self))
        try:
            return (
                f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}("
                f"price={self.price!r}, "
                f"trailing={self.trailing!r}, "
                f"additional_properties={self.additional_properties!r}"
                ")"
            )
        finally:
            seen.discard(id(self))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.price == other.price
            and self.trailing == other.trailing
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        price = self.price.to_dict()

        trailing: dict[str, Any] | Unset = UNSET
        if not isinstance(self.trailing, Unset):
            trailing = self.trailing.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "price": price,
            }
        )
        if trailing is not UNSET:
            field_dict["trailing"] = trailing

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError(
                "StopLossConditionalInput: expected a JSON object, got " + type(d).__name__
            )
        price = _StopLossTriggerPriceInput_from_dict(d["price"])

        trailing = d.get("trailing", UNSET)
        if trailing is not UNSET:
            trailing = _TrailingInput_from_dict(trailing)

        _obj = _new(cls)
        _obj.price = price
        _obj.trailing = trailing
        if len(d) != 1 and len(d) != 1 + (trailing is not UNSET):
            _extra = {
                _key: _value for _key, _value in d.items() if _key not in {"price", "trailing"}
            }
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains


from ..models.stop_loss_trigger_price_input import StopLossTriggerPriceInput
from ..models.trailing_input import TrailingInput

_StopLossTriggerPriceInput_from_dict = StopLossTriggerPriceInput.from_dict
_TrailingInput_from_dict = TrailingInput.from_dict
