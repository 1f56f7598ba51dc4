"""Copies and comparisons of SmartTrades for the market's ticks, without copy.deepcopy."""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any, Final

from threecommas.testing.simulation._state import JSONObject

#: What moves with the price alone: a change of only these is no change of the SmartTrade.
_PRICE_ONLY: Final = ("current_price", "updated_at")
_IMMUTABLE: Final = frozenset({str, int, float, bool, type(None), Decimal})


def _state_of(smart_trade: JSONObject) -> JSONObject:
    """The SmartTrade without what moves with the price alone (to compare: it shares the
    SmartTrade's nested values, which the caller must not change)."""
    state = dict(smart_trade)
    state.pop("profit", None)
    data = state.get("data")
    if isinstance(data, dict):
        data = dict(data)
        for key in _PRICE_ONLY:
            data.pop(key, None)
        state["data"] = data
    return state


def _json_copy(value: Any) -> Any:
    """A deep copy of JSON (dicts, lists, immutable scalars); anything else by copy.deepcopy.
    Made for every SmartTrade in play on each tick a backtest looks at: several times faster
    than copy.deepcopy, which keeps a memo for cycles JSON cannot have."""
    kind = type(value)
    if kind is dict:
        return {key: _json_copy(item) for key, item in value.items()}
    if kind is list:
        return [_json_copy(item) for item in value]
    if kind in _IMMUTABLE:
        return value
    return copy.deepcopy(value)
