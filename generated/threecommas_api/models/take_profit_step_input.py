from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, Self

from ..models.order_type import OrderType
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
    enum_member,
)


def _convert_order_type(
    value: OrderType | Literal["market", "limit"],
) -> OrderType:
    return enum_member(OrderType, value, "TakeProfitStepInput.order_type")


# The attrs class this model is written after (its fields are the model's).
def _attrs_twin() -> type:
    from attrs import define as _attrs_define
    from attrs import field as _attrs_field

    @_attrs_define
    class TakeProfitStepInput:
        order_type: OrderType = _attrs_field(converter=_convert_order_type)
        volume: str
        price: StepPriceInput
        id: int | Unset = UNSET
        trailing: TakeProfitTrailingInput | Unset = UNSET
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return TakeProfitStepInput


@_lazy_additional_properties
class TakeProfitStepInput:
    """One take-profit step."""

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "id",
        "order_type",
        "price",
        "trailing",
        "volume",
    )
    __match_args__ = (
        "order_type",
        "volume",
        "price",
        "id",
        "trailing",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    order_type: OrderType
    """ Order type of a take-profit step, stop loss, condition, added or reduced funds. """
    volume: str
    """ A positive decimal number written as a string, e.g. `"0.01"` or `"14.6"`. """
    price: StepPriceInput
    """ Price of a take-profit step: either `value` (a price) or `percent` (while the entry's
    trailing is still running), never both.
     """
    id: int | Unset
    """ Only when editing (`update_smart_trade`), as the docs' edit example sends it: the
    `id` of one of the SmartTrade's take-profit steps, which is then edited in place
    (it keeps its id and status). A step without `id` is a new step; an `id` that names
    none of the SmartTrade's steps is taken as a new step too, as the docs' edit answer
    shows (the edited step comes back under a new id). A create refuses it (422).
     """
    trailing: TakeProfitTrailingInput | Unset
    """ Trailing settings of a take-profit step; only the last step, a market order. """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        order_type: OrderType | Literal["market", "limit"],
        volume: str,
        price: StepPriceInput,
        id: int | Unset = UNSET,
        trailing: TakeProfitTrailingInput | Unset = UNSET,
    ) -> None:
        self.order_type = _convert_order_type(order_type)
        self.volume = volume
        self.price = price
        self.id = id
        self.trailing = trailing
        self.additional_properties = {}

    def __setattr__(self, name: str, value: Any) -> None:
        # As attrs does: an enum field set later is converted (and checked) like in __init__.
        if name == "order_type":
            value = _convert_order_type(value)
        object.__setattr__(self, name, value)

    def __repr__(self) -> str:
        seen = _repr_seen()
        if id(self) in seen:
            return "..."
        seen.add(id(self))
        try:
            return (
                f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}("
                f"order_type={self.order_type!r}, "
                f"volume={self.volume!r}, "
                f"price={self.price!r}, "
                f"id={self.id!r}, "
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
            self.order_type == other.order_type
            and self.volume == other.volume
            and self.price == other.price
            and self.id == other.id
            and self.trailing == other.trailing
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        order_type = self.order_type.value

        volume = self.volume

        price = self.price.to_dict()

        id = self.id

        trailing: dict[str, Any] | Unset = UNSET
        if not isinstance(self.trailing, Unset):
            trailing = self.trailing.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "order_type": order_type,
                "volume": volume,
                "price": price,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if trailing is not UNSET:
            field_dict["trailing"] = trailing

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError("TakeProfitStepInput: expected a JSON object, got " + type(d).__name__)
        order_type = OrderType(d["order_type"])

        volume = d["volume"]
        if type(volume) is not str and (not isinstance(volume, str)):
            raise TypeError("volume: expected str, got " + type(volume).__name__)

        price = _StepPriceInput_from_dict(d["price"])

        id = d.get("id", UNSET)
        if (
            type(id) is not int
            and id is not UNSET
            and (isinstance(id, bool) or not isinstance(id, int))
        ):
            raise TypeError("id: expected int, got " + type(id).__name__)

        trailing = d.get("trailing", UNSET)
        if trailing is not UNSET:
            trailing = _TakeProfitTrailingInput_from_dict(trailing)

        _obj = _new(cls)
        _obj.order_type = order_type
        _obj.volume = volume
        _obj.price = price
        _obj.id = id
        _obj.trailing = trailing
        if len(d) != 3 and len(d) != 3 + (id is not UNSET) + (trailing is not UNSET):
            _extra = {
                _key: _value
                for _key, _value in d.items()
                if _key not in {"order_type", "volume", "price", "id", "trailing"}
            }
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains


from ..models.step_price_input import StepPriceInput
from ..models.take_profit_trailing_input import TakeProfitTrailingInput

_StepPriceInput_from_dict = StepPriceInput.from_dict
_TakeProfitTrailingInput_from_dict = TakeProfitTrailingInput.from_dict
