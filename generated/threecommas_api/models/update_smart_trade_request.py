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
    class UpdateSmartTradeRequest:
        leverage: LeverageInput | Unset = UNSET
        position: UpdatePositionInput | Unset = UNSET
        take_profit: TakeProfitInput | Unset = UNSET
        stop_loss: StopLossInput | Unset = UNSET
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return UpdateSmartTradeRequest


@_lazy_additional_properties
class UpdateSmartTradeRequest:
    """The body of `update_smart_trade`: the parts to change. A take-profit step may carry the
    `id` of an existing step to edit it in place, as the docs' edit example does. (That
    example also sends `position.type` and, per step, `units` and `total`, which the
    parameter list does not name; they are not described here.)

    """

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "leverage",
        "position",
        "stop_loss",
        "take_profit",
    )
    __match_args__ = (
        "leverage",
        "position",
        "take_profit",
        "stop_loss",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    leverage: LeverageInput | Unset
    """ Leverage, for futures accounts only. """
    position: UpdatePositionInput | Unset
    """ The editable parts of the entry order. """
    take_profit: TakeProfitInput | Unset
    """ Take-profit settings. When enabled, 1 to 8 steps are needed. """
    stop_loss: StopLossInput | Unset
    """ Stop-loss settings. When enabled, `order_type` and `conditional` are needed, and a
    `limit` stop loss needs `price`. Breakeven needs at least two take-profit steps.
     """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        leverage: LeverageInput | Unset = UNSET,
        position: UpdatePositionInput | Unset = UNSET,
        take_profit: TakeProfitInput | Unset = UNSET,
        stop_loss: StopLossInput | Unset = UNSET,
    ) -> None:
        self.leverage = leverage
        self.position = position
        self.take_profit = take_profit
        self.stop_loss = stop_loss
        self.additional_properties = {}

    def __repr__(self) -> str:
        seen = _repr_seen()
        if id(self) in seen:
            return "..."
        seen.add(id(self))
        try:
            return (
                f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}("
                f"leverage={self.leverage!r}, "
                f"position={self.position!r}, "
                f"take_profit={self.take_profit!r}, "
                f"stop_loss={self.stop_loss!r}, "
                f"additional_properties={self.additional_properties!r}"
                ")"
            )
        finally:
            seen.discard(id(self))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.leverage == other.leverage
            and self.position == other.position
            and self.take_profit == other.take_profit
            and self.stop_loss == other.stop_loss
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        leverage: dict[str, Any] | Unset = UNSET
        if not isinstance(self.leverage, Unset):
            leverage = self.leverage.to_dict()

        position: dict[str, Any] | Unset = UNSET
        if not isinstance(self.position, Unset):
            position = self.position.to_dict()

        take_profit: dict[str, Any] | Unset = UNSET
        if not isinstance(self.take_profit, Unset):
            take_profit = self.take_profit.to_dict()

        stop_loss: dict[str, Any] | Unset = UNSET
        if not isinstance(self.stop_loss, Unset):
            stop_loss = self.stop_loss.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if leverage is not UNSET:
            field_dict["leverage"] = leverage
        if position is not UNSET:
            field_dict["position"] = position
        if take_profit is not UNSET:
            field_dict["take_profit"] = take_profit
        if stop_loss is not UNSET:
            field_dict["stop_loss"] = stop_loss

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError(
                "UpdateSmartTradeRequest: expected a JSON object, got " + type(d).__name__
            )
        leverage = d.get("leverage", UNSET)
        if leverage is not UNSET:
            leverage = _LeverageInput_from_dict(leverage)

        position = d.get("position", UNSET)
        if position is not UNSET:
            position = _UpdatePositionInput_from_dict(position)

        take_profit = d.get("take_profit", UNSET)
        if take_profit is not UNSET:
            take_profit = _TakeProfitInput_from_dict(take_profit)

        stop_loss = d.get("stop_loss", UNSET)
        if stop_loss is not UNSET:
            stop_loss = _StopLossInput_from_dict(stop_loss)

        _obj = _new(cls)
        _obj.leverage = leverage
        _obj.position = position
        _obj.take_profit = take_profit
        _obj.stop_loss = stop_loss
        if len(d) != 0 and len(d) != 0 + (leverage is not UNSET) + (position is not UNSET) + (
            take_profit is not UNSET
        ) + (stop_loss is not UNSET):
            _extra = {
                _key: _value
                for _key, _value in d.items()
                if _key not in {"leverage", "position", "take_profit", "stop_loss"}
            }
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains


from ..models.leverage_input import LeverageInput
from ..models.stop_loss_input import StopLossInput
from ..models.take_profit_input import TakeProfitInput
from ..models.update_position_input import UpdatePositionInput

_LeverageInput_from_dict = LeverageInput.from_dict
_StopLossInput_from_dict = StopLossInput.from_dict
_TakeProfitInput_from_dict = TakeProfitInput.from_dict
_UpdatePositionInput_from_dict = UpdatePositionInput.from_dict
