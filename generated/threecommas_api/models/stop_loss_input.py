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
    value: OrderType | Literal["market", "limit"] | Unset,
) -> OrderType | Unset:
    if isinstance(value, Unset):
        return value
    return enum_member(OrderType, value, "StopLossInput.order_type")


# The attrs class this model is written after (its fields are the model's).
def _attrs_twin() -> type:
    from attrs import define as _attrs_define
    from attrs import field as _attrs_field

    @_attrs_define
    class StopLossInput:
        enabled: bool
        breakeven: bool | Unset = UNSET
        order_type: OrderType | Unset = _attrs_field(default=UNSET, converter=_convert_order_type)
        price: StopLossPriceInput | Unset = UNSET
        conditional: StopLossConditionalInput | Unset = UNSET
        timeout: StopLossTimeoutInput | Unset = UNSET
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return StopLossInput


@_lazy_additional_properties
class StopLossInput:
    """Stop-loss settings. When enabled, `order_type` and `conditional` are needed, and a
    `limit` stop loss needs `price`. Breakeven needs at least two take-profit steps.

    """

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "breakeven",
        "conditional",
        "enabled",
        "order_type",
        "price",
        "timeout",
    )
    __match_args__ = (
        "enabled",
        "breakeven",
        "order_type",
        "price",
        "conditional",
        "timeout",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    enabled: bool
    breakeven: bool | Unset
    order_type: OrderType | Unset
    """ Order type of a take-profit step, stop loss, condition, added or reduced funds. """
    price: StopLossPriceInput | Unset
    """ Limit price of a `limit` stop loss. """
    conditional: StopLossConditionalInput | Unset
    """ The stop loss trigger. """
    timeout: StopLossTimeoutInput | Unset
    """ Delay before the stop loss acts once triggered. """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        enabled: bool,
        breakeven: bool | Unset = UNSET,
        order_type: OrderType | Literal["market", "limit"] | Unset = UNSET,
        price: StopLossPriceInput | Unset = UNSET,
        conditional: StopLossConditionalInput | Unset = UNSET,
        timeout: StopLossTimeoutInput | Unset = UNSET,
    ) -> None:
        self.enabled = enabled
        self.breakeven = breakeven
        self.order_type = _convert_order_type(order_type)
        self.price = price
        self.conditional = conditional
        self.timeout = timeout
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
                f"enabled={self.enabled!r}, "
                f"breakeven={self.breakeven!r}, "
                f"order_type={self.order_type!r}, "
                f"price={self.price!r}, "
                f"conditional={self.conditional!r}, "
                f"timeout={self.timeout!r}, "
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
            and self.breakeven == other.breakeven
            and self.order_type == other.order_type
            and self.price == other.price
            and self.conditional == other.conditional
            and self.timeout == other.timeout
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        enabled = self.enabled

        breakeven = self.breakeven

        order_type: str | Unset = UNSET
        if not isinstance(self.order_type, Unset):
            order_type = self.order_type.value

        price: dict[str, Any] | Unset = UNSET
        if not isinstance(self.price, Unset):
            price = self.price.to_dict()

        conditional: dict[str, Any] | Unset = UNSET
        if not isinstance(self.conditional, Unset):
            conditional = self.conditional.to_dict()

        timeout: dict[str, Any] | Unset = UNSET
        if not isinstance(self.timeout, Unset):
            timeout = self.timeout.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "enabled": enabled,
            }
        )
        if breakeven is not UNSET:
            field_dict["breakeven"] = breakeven
        if order_type is not UNSET:
            field_dict["order_type"] = order_type
        if price is not UNSET:
            field_dict["price"] = price
        if conditional is not UNSET:
            field_dict["conditional"] = conditional
        if timeout is not UNSET:
            field_dict["timeout"] = timeout

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError("StopLossInput: expected a JSON object, got " + type(d).__name__)
        enabled = d["enabled"]
        if type(enabled) is not bool:
            raise TypeError("enabled: expected bool, got " + type(enabled).__name__)

        breakeven = d.get("breakeven", UNSET)
        if type(breakeven) is not bool and breakeven is not UNSET:
            raise TypeError("breakeven: expected bool, got " + type(breakeven).__name__)

        _order_type = d.get("order_type", UNSET)
        order_type: OrderType | Unset
        if isinstance(_order_type, Unset):
            order_type = UNSET
        else:
            order_type = OrderType(_order_type)

        price = d.get("price", UNSET)
        if price is not UNSET:
            price = _StopLossPriceInput_from_dict(price)

        conditional = d.get("conditional", UNSET)
        if conditional is not UNSET:
            conditional = _StopLossConditionalInput_from_dict(conditional)

        timeout = d.get("timeout", UNSET)
        if timeout is not UNSET:
            timeout = _StopLossTimeoutInput_from_dict(timeout)

        _obj = _new(cls)
        _obj.enabled = enabled
        _obj.breakeven = breakeven
        _obj.order_type = order_type
        _obj.price = price
        _obj.conditional = conditional
        _obj.timeout = timeout
        if len(d) != 1 and len(d) != 1 + (breakeven is not UNSET) + (order_type is not UNSET) + (
            price is not UNSET
        ) + (conditional is not UNSET) + (timeout is not UNSET):
            _extra = {
                _key: _value
                for _key, _value in d.items()
                if _key
                not in {"enabled", "breakeven", "order_type", "price", "conditional", "timeout"}
            }
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains


from ..models.stop_loss_conditional_input import StopLossConditionalInput
from ..models.stop_loss_price_input import StopLossPriceInput
from ..models.stop_loss_timeout_input import StopLossTimeoutInput

_StopLossConditionalInput_from_dict = StopLossConditionalInput.from_dict
_StopLossPriceInput_from_dict = StopLossPriceInput.from_dict
_StopLossTimeoutInput_from_dict = StopLossTimeoutInput.from_dict
