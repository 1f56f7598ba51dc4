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
    class SmartTrade:
        id: int
        account: SmartTradeAccount
        pair: str
        instant: bool
        status: SmartTradeStatus
        leverage: Leverage
        position: Position
        take_profit: TakeProfit
        stop_loss: StopLoss
        reduce_funds: ReduceFunds
        market_close: MarketClose
        note: str
        note_raw: None | str
        skip_enter_step: bool
        data: SmartTradeData
        profit: Profit
        margin: Margin
        is_position_not_filled: bool
        version: int | Unset = UNSET
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return SmartTrade


@_lazy_additional_properties
class SmartTrade:
    """A SmartTrade: a position entry with optional take-profit steps, stop loss, added and
    reduced funds. Field types follow the docs' JSON examples where they differ from the prose
    (quantities and prices are decimal strings; `position.total`, `reduce_funds` and the
    `trailing` objects have the shape the examples show).

    """

    __slots__ = (
        "__weakref__",
        "account",
        "additional_properties",
        "data",
        "id",
        "instant",
        "is_position_not_filled",
        "leverage",
        "margin",
        "market_close",
        "note",
        "note_raw",
        "pair",
        "position",
        "profit",
        "reduce_funds",
        "skip_enter_step",
        "status",
        "stop_loss",
        "take_profit",
        "version",
    )
    __match_args__ = (
        "id",
        "account",
        "pair",
        "instant",
        "status",
        "leverage",
        "position",
        "take_profit",
        "stop_loss",
        "reduce_funds",
        "market_close",
        "note",
        "note_raw",
        "skip_enter_step",
        "data",
        "profit",
        "margin",
        "is_position_not_filled",
        "version",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    id: int
    """ ID of the SmartTrade. """
    account: SmartTradeAccount
    """ The exchange account the SmartTrade trades on, in short; `list_accounts` and
    `get_account` give the whole Account. In the docs' examples `type` holds the Account's
    `market_code` (`binance_us`) and `market` its `exchange_name` (`Binance US Spot`).
    (Named `Account` up to version 0.2.0 of this document; `Account` is now the entity.)
     """
    pair: str
    """ Trading pair in 3Commas format, QUOTE_BASE (e.g. `USDT_DOGE`). """
    instant: bool
    """ True for a Simple Buy or Simple Sell that executes at once. """
    status: SmartTradeStatus
    """ Overall status of the SmartTrade. """
    leverage: Leverage
    """ Leverage settings; just `{"enabled": false}` when leverage is off. """
    position: Position
    """ The entry (position) order. """
    take_profit: TakeProfit
    """ Take-profit settings and steps. """
    stop_loss: StopLoss
    """ Stop-loss settings; just `{"enabled": false}` when stop loss is off. """
    reduce_funds: ReduceFunds
    """ Reduce-funds orders. (The docs call it an array; every example shows an object with
    `steps`, which this document follows.)
     """
    market_close: MarketClose
    """ The market-close order; `{}` until the SmartTrade is closed by market. """
    note: str
    """ The user's note, as displayed (empty string when there is none). """
    note_raw: None | str
    """ The note as entered; null when there is none. """
    skip_enter_step: bool
    """ True when the position entry was skipped (Smart Sell or Smart Buy of funds already
    held).
     """
    data: SmartTradeData
    """ Figures and the actions available on the SmartTrade as a whole. """
    profit: Profit
    """ Profit so far (decimal strings). """
    margin: Margin
    """ Margin of a leveraged SmartTrade (decimal strings, null otherwise). """
    is_position_not_filled: bool
    """ True while the position has not been filled yet. (The docs describe it as "whether a
    position has been successfully entered", the inverse; the examples show `true` while
    the position is pending and `false` once it is finished, which this document follows.)
     """
    version: int | Unset
    """ Version of the SmartTrade format; 2 for SmartTrade v2. """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        id: int,
        account: SmartTradeAccount,
        pair: str,
        instant: bool,
        status: SmartTradeStatus,
        leverage: Leverage,
        position: Position,
        take_profit: TakeProfit,
        stop_loss: StopLoss,
        reduce_funds: ReduceFunds,
        market_close: MarketClose,
        note: str,
        note_raw: None | str,
        skip_enter_step: bool,
        data: SmartTradeData,
        profit: Profit,
        margin: Margin,
        is_position_not_filled: bool,
        version: int | Unset = UNSET,
    ) -> None:
        self.id = id
        self.account = account
        self.pair = pair
        self.instant = instant
        self.status = status
        self.leverage = leverage
        self.position = position
        self.take_profit = take_profit
        self.stop_loss = stop_loss
        self.reduce_funds = reduce_funds
        self.market_close = market_close
        self.note = note
        self.note_raw = note_raw
        self.skip_enter_step = skip_enter_step
        self.data = data
        self.profit = profit
        self.margin = margin
        self.is_position_not_filled = is_position_not_filled
        self.version = version
        self.additional_properties = {}

    def __repr__(self) -> str:
        seen = _repr_seen()
        if id(self) in seen:
            return "..."
        seen.add(id(self))
        try:
            return (
                f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}("
                f"id={self.id!r}, "
                f"account={self.account!r}, "
                f"pair={self.pair!r}, "
                f"instant={self.instant!r}, "
                f"status={self.status!r}, "
                f"leverage={self.leverage!r}, "
                f"position={self.position!r}, "
                f"take_profit={self.take_profit!r}, "
                f"stop_loss={self.stop_loss!r}, "
                f"reduce_funds={self.reduce_funds!r}, "
                f"market_close={self.market_close!r}, "
                f"note={self.note!r}, "
                f"note_raw={self.note_raw!r}, "
                f"skip_enter_step={self.skip_enter_step!r}, "
                f"data={self.data!r}, "
                f"profit={self.profit!r}, "
                f"margin={self.margin!r}, "
                f"is_position_not_filled={self.is_position_not_filled!r}, "
                f"version={self.version!r}, "
                f"additional_properties={self.additional_properties!r}"
                ")"
            )
        finally:
            seen.discard(id(self))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.id == other.id
            and self.account == other.account
            and self.pair == other.pair
            and self.instant == other.instant
            and self.status == other.status
            and self.leverage == other.leverage
            and self.position == other.position
            and self.take_profit == other.take_profit
            and self.stop_loss == other.stop_loss
            and self.reduce_funds == other.reduce_funds
            and self.market_close == other.market_close
            and self.note == other.note
            and self.note_raw == other.note_raw
            and self.skip_enter_step == other.skip_enter_step
            and self.data == other.data
            and self.profit == other.profit
            and self.margin == other.margin
            and self.is_position_not_filled == other.is_position_not_filled
            and self.version == other.version
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        account = self.account.to_dict()

        pair = self.pair

        instant = self.instant

        status = self.status.to_dict()

        leverage = self.leverage.to_dict()

        position = self.position.to_dict()

        take_profit = self.take_profit.to_dict()

        stop_loss = self.stop_loss.to_dict()

        reduce_funds = self.reduce_funds.to_dict()

        market_close = self.market_close.to_dict()

        note = self.note

        note_raw: None | str
        note_raw = self.note_raw

        skip_enter_step = self.skip_enter_step

        data = self.data.to_dict()

        profit = self.profit.to_dict()

        margin = self.margin.to_dict()

        is_position_not_filled = self.is_position_not_filled

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "account": account,
                "pair": pair,
                "instant": instant,
                "status": status,
                "leverage": leverage,
                "position": position,
                "take_profit": take_profit,
                "stop_loss": stop_loss,
                "reduce_funds": reduce_funds,
                "market_close": market_close,
                "note": note,
                "note_raw": note_raw,
                "skip_enter_step": skip_enter_step,
                "data": data,
                "profit": profit,
                "margin": margin,
                "is_position_not_filled": is_position_not_filled,
            }
        )
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError("SmartTrade: expected a JSON object, got " + type(d).__name__)
        id = d["id"]
        if type(id) is not int and (isinstance(id, bool) or not isinstance(id, int)):
            raise TypeError("id: expected int, got " + type(id).__name__)

        account = _SmartTradeAccount_from_dict(d["account"])

        pair = d["pair"]
        if type(pair) is not str and (not isinstance(pair, str)):
            raise TypeError("pair: expected str, got " + type(pair).__name__)

        instant = d["instant"]
        if type(instant) is not bool:
            raise TypeError("instant: expected bool, got " + type(instant).__name__)

        status = _SmartTradeStatus_from_dict(d["status"])

        leverage = _Leverage_from_dict(d["leverage"])

        position = _Position_from_dict(d["position"])

        take_profit = _TakeProfit_from_dict(d["take_profit"])

        stop_loss = _StopLoss_from_dict(d["stop_loss"])

        reduce_funds = _ReduceFunds_from_dict(d["reduce_funds"])

        market_close = _MarketClose_from_dict(d["market_close"])

        note = d["note"]
        if type(note) is not str and (not isinstance(note, str)):
            raise TypeError("note: expected str, got " + type(note).__name__)

        note_raw = d["note_raw"]
        if type(note_raw) is not str and note_raw is not None and (not isinstance(note_raw, str)):
            raise TypeError("note_raw: expected str or null, got " + type(note_raw).__name__)

        skip_enter_step = d["skip_enter_step"]
        if type(skip_enter_step) is not bool:
            raise TypeError("skip_enter_step: expected bool, got " + type(skip_enter_step).__name__)

        data = _SmartTradeData_from_dict(d["data"])

        profit = _Profit_from_dict(d["profit"])

        margin = _Margin_from_dict(d["margin"])

        is_position_not_filled = d["is_position_not_filled"]
        if type(is_position_not_filled) is not bool:
            raise TypeError(
                "is_position_not_filled: expected bool, got "
                + type(is_position_not_filled).__name__
            )

        version = d.get("version", UNSET)
        if (
            type(version) is not int
            and version is not UNSET
            and (isinstance(version, bool) or not isinstance(version, int))
        ):
            raise TypeError("version: expected int, got " + type(version).__name__)

        _obj = _new(cls)
        _obj.id = id
        _obj.account = account
        _obj.pair = pair
        _obj.instant = instant
        _obj.status = status
        _obj.leverage = leverage
        _obj.position = position
        _obj.take_profit = take_profit
        _obj.stop_loss = stop_loss
        _obj.reduce_funds = reduce_funds
        _obj.market_close = market_close
        _obj.note = note
        _obj.note_raw = note_raw
        _obj.skip_enter_step = skip_enter_step
        _obj.data = data
        _obj.profit = profit
        _obj.margin = margin
        _obj.is_position_not_filled = is_position_not_filled
        _obj.version = version
        if len(d) != 18 and len(d) != 18 + (version is not UNSET):
            _extra = {
                _key: _value
                for _key, _value in d.items()
                if _key
                not in {
                    "id",
                    "account",
                    "pair",
                    "instant",
                    "status",
                    "leverage",
                    "position",
                    "take_profit",
                    "stop_loss",
                    "reduce_funds",
                    "market_close",
                    "note",
                    "note_raw",
                    "skip_enter_step",
                    "data",
                    "profit",
                    "margin",
                    "is_position_not_filled",
                    "version",
                }
            }
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains


from ..models.leverage import Leverage
from ..models.margin import Margin
from ..models.market_close import MarketClose
from ..models.position import Position
from ..models.profit import Profit
from ..models.reduce_funds import ReduceFunds
from ..models.smart_trade_account import SmartTradeAccount
from ..models.smart_trade_data import SmartTradeData
from ..models.smart_trade_status import SmartTradeStatus
from ..models.stop_loss import StopLoss
from ..models.take_profit import TakeProfit

_Leverage_from_dict = Leverage.from_dict
_Margin_from_dict = Margin.from_dict
_MarketClose_from_dict = MarketClose.from_dict
_Position_from_dict = Position.from_dict
_Profit_from_dict = Profit.from_dict
_ReduceFunds_from_dict = ReduceFunds.from_dict
_SmartTradeAccount_from_dict = SmartTradeAccount.from_dict
_SmartTradeData_from_dict = SmartTradeData.from_dict
_SmartTradeStatus_from_dict = SmartTradeStatus.from_dict
_StopLoss_from_dict = StopLoss.from_dict
_TakeProfit_from_dict = TakeProfit.from_dict
