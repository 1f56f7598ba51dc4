"""The rules of the three operations on one trade of a SmartTrade: list, cancel, close by market.

The Trades are derived from the SmartTrade's state (see ``_trades``); a trade id names a
take-profit step, the position, the stop loss or a reduce-funds step, and only take-profit
steps (and, for a cancel, the stop loss) can be acted on.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any, ClassVar, Final

from threecommas.testing.recording import Recording, RecordingError
from threecommas.testing.simulation._base import (
    Received,
    Seed,
    SmartTradeRule,
    Transaction,
    forbidden,
    origin_of,
    recorded_smart_trade,
    refuse_unless,
    trade_not_found,
)
from threecommas.testing.simulation._entities import POSITION_TRADE, STOP_LOSS_TRADE
from threecommas.testing.simulation._market._derive import realised
from threecommas.testing.simulation._state import (
    JSONObject,
    as_object,
    cancel_stop_loss_refusal,
    cancel_trade_refusal,
    cancels_smart_trade,
    close_trade_refusal,
    order_status,
    refresh_flags,
    smart_trade_status,
    take_profit_steps,
)
from threecommas.testing.simulation._trades import rebuild_from_trades, trades_of

__all__ = ["CancelTradeRule", "CloseTradeByMarketRule", "ListTradesRule"]


def _step(smart_trade: JSONObject, step_id: int) -> JSONObject | None:
    for step in take_profit_steps(smart_trade):
        if step.get("id") == step_id and not isinstance(step.get("id"), bool):
            return step
    return None


def _is_stop_loss_trade(tx: Transaction, smart_trade: JSONObject, trade_id: int) -> bool:
    ids = tx.trade_ids(int(smart_trade["id"]))
    stop_loss = as_object(smart_trade.get("stop_loss"))
    return ids.get(STOP_LOSS_TRADE) == trade_id and stop_loss.get("enabled") is True


def _take_profit_step(tx: Transaction, smart_trade: JSONObject, trade_id: int) -> JSONObject:
    """The take-profit step with this trade id: 404 if no trade has it, 403 if not a step."""
    step = _step(smart_trade, trade_id)
    if step is not None:
        return step
    ids = tx.trade_ids(int(smart_trade["id"]))
    if _is_stop_loss_trade(tx, smart_trade, trade_id):
        raise forbidden("This is the stop loss trade, not a take profit trade")
    reduce_steps = as_object(smart_trade.get("reduce_funds")).get("steps")
    others = (
        [s.get("id") for s in reduce_steps if isinstance(s, dict)]
        if isinstance(reduce_steps, list)
        else []
    )
    if smart_trade.get("skip_enter_step") is not True:
        others.append(ids.get(POSITION_TRADE))
    if trade_id in others:
        raise forbidden("Only take profit trades can be closed by market or cancelled")
    raise trade_not_found()


class _TradeRule(SmartTradeRule):
    id_param = "smart_trade_id"


class ListTradesRule(_TradeRule):
    """``GET /v2/smart_trades/{smart_trade_id}/trades``: the Trades, derived from the state."""

    read_only: ClassVar[bool] = True

    def starting_states(self, recording: Recording, params: Mapping[str, int]) -> list[Seed]:
        trades = recording.body
        if not 200 <= recording.status < 300 or not isinstance(trades, list):
            return []
        if not trades or not all(
            isinstance(t, dict) and isinstance(t.get("id"), int) for t in trades
        ):
            return []
        smart_trade, trade_ids = rebuild_from_trades(params["smart_trade_id"], trades)
        refresh_flags(smart_trade)
        return [Seed(smart_trade, trade_ids)]

    def act(self, tx: Transaction, smart_trade: JSONObject, request: Received) -> Any:
        trades = trades_of(
            smart_trade,
            tx.trade_ids(int(smart_trade["id"])),
            cancelable=lambda step: cancel_trade_refusal(smart_trade, step) is None,
            closable=lambda step: close_trade_refusal(step) is None,
            stop_loss_cancelable=cancel_stop_loss_refusal(smart_trade) is None,
        )
        pair = smart_trade.get("pair")
        if tx.market is not None and isinstance(pair, str) and tx.market.price(pair) is not None:
            # Once the market prices the pair, each Trade shows its order's fill.
            for trade in trades:
                trade.update(realised(smart_trade, trade))
        return trades


class CancelTradeRule(_TradeRule):
    """``DELETE /v2/smart_trades/{smart_trade_id}/trades/{id}``: removes a take-profit step.

    The answer still lists the step, in its place and as it was, as the docs' answer does: the
    API answers when it accepts the cancel, before the order is gone. The SmartTrade as stored
    (what every later request sees) no longer has it.

    As the docs warn, cancelling the last take-profit step, or the stop-loss trade, cancels the
    SmartTrade: it becomes ``cancellation_pending``, as ``cancel_smart_trade`` makes it, and
    only in the statuses that operation allows (403 otherwise). Refused (403) for the position
    and reduce-funds trades and for a step whose ``data.cancelable`` is false.
    """

    cancelling: Final[JSONObject] = smart_trade_status("cancellation_pending")

    def act(self, tx: Transaction, smart_trade: JSONObject, request: Received) -> Any:
        trade_id = request.params["id"]
        if _step(smart_trade, trade_id) is None and _is_stop_loss_trade(tx, smart_trade, trade_id):
            refuse_unless(cancel_stop_loss_refusal(smart_trade))
            smart_trade["status"] = copy.deepcopy(self.cancelling)
        else:
            step = _take_profit_step(tx, smart_trade, trade_id)
            refuse_unless(cancel_trade_refusal(smart_trade, step))
            if cancels_smart_trade(smart_trade):
                smart_trade["status"] = copy.deepcopy(self.cancelling)
            steps = smart_trade["take_profit"]["steps"]
            place = next(index for index, s in enumerate(steps) if s is step)
            del steps[place]
            tx.save(smart_trade)
            answer = copy.deepcopy(smart_trade)
            answer["take_profit"]["steps"].insert(place, step)
            return answer
        tx.save(smart_trade)
        return smart_trade


class CloseTradeByMarketRule(_TradeRule):
    """``POST /v2/smart_trades/{smart_trade_id}/trades/{id}/close_by_market``.

    Only a take-profit step can be closed this way, and only while it is waiting (status
    ``to_process``, ``order_placed`` or ``trailing_activated``). It then becomes
    ``panic_sell_pending`` and can no longer be closed by market; nothing else changes.
    """

    seed_priority = 1
    waiting_status: Final[JSONObject] = order_status("to_process")
    closing_status: Final[JSONObject] = order_status("panic_sell_pending")

    def starting_states(self, recording: Recording, params: Mapping[str, int]) -> list[Seed]:
        smart_trade = recorded_smart_trade(recording)
        if smart_trade is None:
            return []
        where = origin_of(recording)
        if smart_trade.get("id") != params["smart_trade_id"]:
            raise RecordingError(f"{where}: the body's id is not the SmartTrade id of the path")
        step = _step(smart_trade, params["id"])
        if step is None:
            raise RecordingError(f"{where}: no take-profit step has the trade id of the path")
        # The recorded answer shows the step already closing; before the request it was waiting.
        step["status"] = copy.deepcopy(self.waiting_status)
        refresh_flags(smart_trade)
        return [Seed(smart_trade)]

    def act(self, tx: Transaction, smart_trade: JSONObject, request: Received) -> Any:
        step = _take_profit_step(tx, smart_trade, request.params["id"])
        refuse_unless(close_trade_refusal(step))
        step["status"] = copy.deepcopy(self.closing_status)
        tx.save(smart_trade)
        return smart_trade
