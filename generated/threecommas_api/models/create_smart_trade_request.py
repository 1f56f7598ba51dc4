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
    class CreateSmartTradeRequest:
        account_id: int
        pair: str
        leverage: LeverageInput
        position: PositionInput
        take_profit: TakeProfitInput
        stop_loss: StopLossInput
        instant: bool | Unset = UNSET
        skip_enter_step: bool | Unset = UNSET
        note: str | Unset = UNSET
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return CreateSmartTradeRequest


@_lazy_additional_properties
class CreateSmartTradeRequest:
    """The body of `create_smart_trade`. Every doc version marks `leverage[enabled]`,
    `take_profit[enabled]` and `stop_loss[enabled]` mandatory, and the SDK always sends the
    three parts (`{"enabled": false}` for one the caller left out). The API also takes a
    body without them, as the docs' own examples show: `leverage` is optional ("uses only
    for contract exchanges"), and `take_profit` and `stop_loss` may be left out by a Simple
    Buy or Simple Sell (`instant`: "required only when instant is false", in the classic
    docs' comments); a part left out is off.

    """

    __slots__ = (
        "__weakref__",
        "account_id",
        "additional_properties",
        "instant",
        "leverage",
        "note",
        "pair",
        "position",
        "skip_enter_step",
        "stop_loss",
        "take_profit",
    )
    __match_args__ = (
        "account_id",
        "pair",
        "leverage",
        "position",
        "take_profit",
        "stop_loss",
        "instant",
        "skip_enter_step",
        "note",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    account_id: int
    """ ID of the exchange account. """
    pair: str
    """ Trading pair in 3Commas format, QUOTE_BASE (e.g. `USDT_BTC`). """
    leverage: LeverageInput
    """ Leverage, for futures accounts only. """
    position: PositionInput
    """ The entry order. A `limit` entry needs `price`; a `conditional` entry needs
    `conditional`.
     """
    take_profit: TakeProfitInput
    """ Take-profit settings. When enabled, 1 to 8 steps are needed. """
    stop_loss: StopLossInput
    """ Stop-loss settings. When enabled, `order_type` and `conditional` are needed, and a
    `limit` stop loss needs `price`. Breakeven needs at least two take-profit steps.
     """
    instant: bool | Unset
    """ True for a Simple Buy or Simple Sell (no take profit, no stop loss). """
    skip_enter_step: bool | Unset
    """ True for a Smart Sell or Smart Buy: no entry order, only take profit and stop loss for
    funds already held.
     """
    note: str | Unset
    """ A note, 1 to 300 characters. """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        account_id: int,
        pair: str,
        leverage: LeverageInput,
        position: PositionInput,
        take_profit: TakeProfitInput,
        stop_loss: StopLossInput,
        instant: bool | Unset = UNSET,
        skip_enter_step: bool | Unset = UNSET,
        note: str | Unset = UNSET,
    ) -> None:
        self.account_id = account_id
        self.pair = pair
        self.leverage = leverage
        self.position = position
        self.take_profit = take_profit
        self.stop_loss = stop_loss
        self.instant = instant
        self.skip_enter_step = skip_enter_step
        self.note = note
        self.additional_properties = {}

    def __repr__(self) -> str:
        seen = _repr_seen()
        if id(self) in seen:
            return "..."
        seen.add(id(self))
        try:
            return (
                f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}("
                f"account_id={self.account_id!r}, "
                f"pair={self.pair!r}, "
                f"leverage={self.leverage!r}, "
                f"position={self.position!r}, "
                f"take_profit={self.take_profit!r}, "
                f"stop_loss={self.stop_loss!r}, "
                f"instant={self.instant!r}, "
                f"skip_enter_step={self.skip_enter_step!r}, "
                f"note={self.note!r}, "
                f"additional_properties={self.additional_properties!r}"
                ")"
            )
        finally:
            seen.discard(id(self))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.account_id == other.account_id
            and self.pair == other.pair
            and self.leverage == other.leverage
            and self.position == other.position
            and self.take_profit == other.take_profit
            and self.stop_loss == other.stop_loss
            and self.instant == other.instant
            and self.skip_enter_step == other.skip_enter_step
            and self.note == other.note
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        pair = self.pair

        leverage = self.leverage.to_dict()

        position = self.position.to_dict()

        take_profit = self.take_profit.to_dict()

        stop_loss = self.stop_loss.to_dict()

        instant = self.instant

        skip_enter_step = self.skip_enter_step

        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "pair": pair,
                "leverage": leverage,
                "position": position,
                "take_profit": take_profit,
                "stop_loss": stop_loss,
            }
        )
        if instant is not UNSET:
            field_dict["instant"] = instant
        if skip_enter_step is not UNSET:
            field_dict["skip_enter_step"] = skip_enter_step
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError(
                "CreateSmartTradeRequest: expected a JSON object, got " + type(d).__name__
            )
        account_id = d["account_id"]
        if type(account_id) is not int and (
            isinstance(account_id, bool) or not isinstance(account_id, int)
        ):
            raise TypeError("account_id: expected int, got " + type(account_id).__name__)

        pair = d["pair"]
        if type(pair) is not str and (not isinstance(pair, str)):
            raise TypeError("pair: expected str, got " + type(pair).__name__)

        leverage = _LeverageInput_from_dict(d["leverage"])

        position = _PositionInput_from_dict(d["position"])

        take_profit = _TakeProfitInput_from_dict(d["take_profit"])

        stop_loss = _StopLossInput_from_dict(d["stop_loss"])

        instant = d.get("instant", UNSET)
        if type(instant) is not bool and instant is not UNSET:
            raise TypeError("instant: expected bool, got " + type(instant).__name__)

        skip_enter_step = d.get("skip_enter_step", UNSET)
        if type(skip_enter_step) is not bool and skip_enter_step is not UNSET:
            raise TypeError("skip_enter_step: expected bool, got " + type(skip_enter_step).__name__)

        note = d.get("note", UNSET)
        if type(note) is not str and note is not UNSET and (not isinstance(note, str)):
            raise TypeError("note: expected str, got " + type(note).__name__)

        _obj = _new(cls)
        _obj.account_id = account_id
        _obj.pair = pair
        _obj.leverage = leverage
        _obj.position = position
        _obj.take_profit = take_profit
        _obj.stop_loss = stop_loss
        _obj.instant = instant
        _obj.skip_enter_step = skip_enter_step
        _obj.note = note
        if len(d) != 6 and len(d) != 6 + (instant is not UNSET) + (skip_enter_step is not UNSET) + (
            note is not UNSET
        ):
            _extra = {
                _key: _value
                for _key, _value in d.items()
                if _key
                not in {
                    "account_id",
                    "pair",
                    "leverage",
                    "position",
                    "take_profit",
                    "stop_loss",
                    "instant",
                    "skip_enter_step",
                    "note",
                }
            }
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains


from ..models.leverage_input import LeverageInput
from ..models.position_input import PositionInput
from ..models.stop_loss_input import StopLossInput
from ..models.take_profit_input import TakeProfitInput

_LeverageInput_from_dict = LeverageInput.from_dict
_PositionInput_from_dict = PositionInput.from_dict
_StopLossInput_from_dict = StopLossInput.from_dict
_TakeProfitInput_from_dict = TakeProfitInput.from_dict
