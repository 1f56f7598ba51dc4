"""One rule per operation: how each request reads or changes the SmartTrades.

:data:`RULES` holds the rule of every operation of the spec, keyed by its operationId (the
catalogue's, :mod:`threecommas_api._catalogue`); the status of a successful answer is the
catalogue's too. The rules of the operations on one trade are in ``_trade_rules``.

The rules only take requests: what happens after them (an order that fills, a SmartTrade that
finishes) is the simulated market's (:mod:`._market`), on a tick of a pair it has a price for;
without a price nothing moves a SmartTrade on. The rules leave ``data.updated_at`` as it was
(the docs' close-trade example, which must replay byte for byte, shows it unchanged by the
close; the market moves it when a fill or a status changes the SmartTrade); a created
SmartTrade gets the creation time for both.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, ClassVar, Final

from threecommas._params import ParameterError
from threecommas.testing.recording import Recording, RecordingError
from threecommas.testing.simulation._balance_rules import (
    BALANCE_RULES,
    balance_refusal,
    funds_balance_refusal,
    track_balances,
)
from threecommas.testing.simulation._base import (
    ActionError,
    OperationRule,
    Received,
    Seed,
    SmartTradeRule,
    Transaction,
    clone,
    integral,
    origin_of,
    read_body,
    recorded_smart_trade,
    refuse_unless,
)
from threecommas.testing.simulation._entities import (
    STOP_LOSS_TRADE,
    TradeIds,
    build_conditional,
    build_leverage,
    build_reduce_funds_step,
    build_smart_trade,
    build_stop_loss,
    build_take_profit,
    market_price,
)
from threecommas.testing.simulation._listing import list_page, parse_list_query
from threecommas.testing.simulation._market import Market
from threecommas.testing.simulation._market_data import (
    MARKET_RULES,
    account_refusal,
    create_limits_refusal,
    funds_limits_refusal,
    simulated_quote,
    smart_trade_account,
)
from threecommas.testing.simulation._state import (
    JSONObject,
    add_funds_refusal,
    as_object,
    cancel_refusal,
    close_by_market_refusal,
    decimal_text,
    edit_refusal,
    force_process_refusal,
    force_start_refusal,
    order_status,
    reduce_funds_refusal,
    smart_trade_status,
    status_of,
    take_profit_steps,
    to_decimal,
)
from threecommas.testing.simulation._trade_rules import (
    CancelTradeRule,
    CloseTradeByMarketRule,
    ListTradesRule,
)

__all__ = ["RULES", "reducible_amount"]


def refuse(refusal: ActionError | None) -> None:
    """Raise the refusal, if there is one."""
    if refusal is not None:
        raise refusal


class CreateSmartTradeRule:
    """``POST /v2/smart_trades``: a new SmartTrade (new ids), ``created``, as the docs show.

    The account must be one of the data file's (``market_data.json``; 403 otherwise, as the
    API answers for an account that is not the user's) and take SmartTrades, and the order must
    fit its pair's limits (422 ``record_invalid`` otherwise, see ``_market_data``). On a pair
    the simulated market has a price for, the entry is placed at once (a market entry fills in
    the create, at that price). Otherwise nothing moves a SmartTrade on from ``created``, so,
    by the state rules, it can be read, noted, force-started and force-processed, but not
    edited or cancelled until a test puts it in another state with :meth:`SmartTradeStore.put`.
    """

    seed_priority: ClassVar[int] = 2

    def starting_states(self, recording: Recording, params: Mapping[str, int]) -> list[Seed]:
        return []  # before a create, its SmartTrade did not exist

    def run(self, tx: Transaction, request: Received) -> Any:
        body = read_body(request, "CreateSmartTradeRequest", 422)
        leverage = as_object(body.get("leverage"))
        if "value" in leverage:
            leverage["value"] = integral(leverage["value"])
        stop_loss = as_object(body.get("stop_loss"))
        timeout = as_object(stop_loss.get("timeout"))
        if "value" in timeout:
            timeout["value"] = integral(timeout["value"])
        account_id = int(integral(body["account_id"]))
        refuse(account_refusal(account_id))
        pair = str(body["pair"])
        refuse(create_limits_refusal(body, quote=simulated_quote(tx, pair)))
        smart_trade = build_smart_trade(
            body,
            smart_trade_id=tx.new_id(),
            new_id=tx.new_id,
            now=tx.now(),
            account=smart_trade_account(account_id, tx.account(account_id)),
            current_price=tx.current_price(pair),
        )
        if tx.market is not None:
            tx.market.stamp(smart_trade)  # the market's taker fee, when it sets one
        refuse(balance_refusal(tx, body, smart_trade, simulated_quote(tx, pair)))
        track_balances(tx, smart_trade)
        if tx.market is not None:
            # On a priced pair the entry is placed now: a market entry fills at this moment's
            # price, not at whatever the price is when the next request comes.
            tx.market.place(smart_trade, new_id=tx.new_id)
        tx.save(smart_trade)
        return smart_trade


class ListSmartTradesRule:
    """``GET /v2/smart_trades``: one page, filtered and ordered (see ``_listing``)."""

    seed_priority: ClassVar[int] = 0
    read_only: ClassVar[bool] = True

    def starting_states(self, recording: Recording, params: Mapping[str, int]) -> list[Seed]:
        items = recording.body
        if not 200 <= recording.status < 300 or not isinstance(items, list):
            return []
        seeds: list[Seed] = []
        for item in items:
            if not isinstance(item, dict) or not isinstance(item.get("id"), int):
                raise RecordingError(f"{origin_of(recording)}: every item must be a SmartTrade")
            seeds.append(Seed(clone(item)))
        return seeds

    def run(self, tx: Transaction, request: Received) -> Any:
        try:
            query = parse_list_query(request.query)
        except ParameterError as exc:
            raise ActionError(400, "Wrong param(s)", str(exc)) from None
        return list_page(tx.smart_trades(), query)


class GetSmartTradeRule(SmartTradeRule):
    """``GET /v2/smart_trades/{id}``: the SmartTrade as stored."""

    seed_priority = 0
    read_only: ClassVar[bool] = True

    def starting_states(self, recording: Recording, params: Mapping[str, int]) -> list[Seed]:
        smart_trade = recorded_smart_trade(recording)
        if smart_trade is None:
            return []
        if smart_trade["id"] != params["id"]:
            raise RecordingError(f"{origin_of(recording)}: the body's id is not the id of the path")
        return [Seed(smart_trade)]

    def act(self, tx: Transaction, smart_trade: JSONObject, request: Received) -> Any:
        return smart_trade


class UpdateSmartTradeRule(SmartTradeRule):
    """``PATCH /v2/smart_trades/{id}``: only in ``waiting_position``/``waiting_targets``.

    Each part in the body replaces that part: leverage, the position's units, price and
    condition, the whole take profit and the whole stop loss (a new stop-loss order). A
    take-profit step that carries the ``id`` of one of the SmartTrade's steps edits that step
    in place (it keeps its id, status and data); every other step is new (a new id, ``idle``,
    as the docs' edit example shows, whose answer gives its step a new id); a step left out is
    removed.
    """

    def act(self, tx: Transaction, smart_trade: JSONObject, request: Received) -> Any:
        body = read_body(request, "UpdateSmartTradeRequest", 400)
        refuse_unless(edit_refusal(smart_trade))
        trade_ids: TradeIds = {}
        if "leverage" in body:
            leverage = as_object(body["leverage"])
            if "value" in leverage:
                leverage["value"] = integral(leverage["value"])
            smart_trade["leverage"] = build_leverage(leverage)
        if "position" in body:
            self._edit_position(smart_trade, as_object(body["position"]))
        if "take_profit" in body:
            smart_trade["take_profit"] = build_take_profit(
                as_object(body["take_profit"]), tx.new_id, take_profit_steps(smart_trade)
            )
        if "stop_loss" in body:
            stop_loss = as_object(body["stop_loss"])
            timeout = as_object(stop_loss.get("timeout"))
            if "value" in timeout:
                timeout["value"] = integral(timeout["value"])
            smart_trade["stop_loss"] = build_stop_loss(stop_loss)
            trade_ids[STOP_LOSS_TRADE] = tx.new_id()
        tx.save(smart_trade, trade_ids)
        return smart_trade

    @staticmethod
    def _edit_position(smart_trade: JSONObject, edit: JSONObject) -> None:
        position = smart_trade.get("position")
        if not isinstance(position, dict):
            return
        units = as_object(edit.get("units")).get("value")
        if isinstance(units, str):
            position["units"] = {**as_object(position.get("units")), "value": units}
        price = as_object(edit.get("price")).get("value")
        if isinstance(price, str):
            position["price"] = {
                **as_object(position.get("price")),
                "value": price,
                "value_without_commission": price,
            }
        if "conditional" in edit:
            side = str(position.get("type"))
            position["conditional"] = build_conditional(as_object(edit["conditional"]), side)
        amount = to_decimal(as_object(position.get("units")).get("value"))
        each = to_decimal(as_object(position.get("price")).get("value"))
        if amount is not None and each is not None:
            position["total"] = {
                **as_object(position.get("total")),
                "value": decimal_text(amount * each),
            }


class CancelSmartTradeRule(SmartTradeRule):
    """``DELETE /v2/smart_trades/{id}``: the SmartTrade becomes ``cancellation_pending``.

    It is not removed: it can still be read and listed, as the docs' answer shows.
    """

    def rewind(self, smart_trade: JSONObject, recording: Recording) -> None:
        if status_of(smart_trade) == "cancellation_pending":
            finished = status_of(smart_trade.get("position")) == "finished"
            smart_trade["status"] = smart_trade_status(
                "waiting_targets" if finished else "waiting_position"
            )

    def act(self, tx: Transaction, smart_trade: JSONObject, request: Received) -> Any:
        refuse_unless(cancel_refusal(smart_trade))
        smart_trade["status"] = smart_trade_status("cancellation_pending")
        tx.save(smart_trade)
        return smart_trade


def _add(value: Any, amount: Decimal) -> str:
    current = to_decimal(value)
    return decimal_text((current if current is not None else Decimal(0)) + amount)


def _order_price(smart_trade: JSONObject, request: JSONObject, side: str) -> str | None:
    """A limit order's price, or what a market order would pay now."""
    limit = as_object(request.get("price")).get("value")
    if request.get("order_type") == "limit" and isinstance(limit, str):
        return limit
    current = as_object(as_object(smart_trade.get("data")).get("current_price"))
    price = market_price(current, side)
    if price is None:
        fallback = as_object(as_object(smart_trade.get("position")).get("price")).get("value")
        price = fallback if isinstance(fallback, str) else None
    return price


def _priced(market: Market, smart_trade: JSONObject) -> bool:
    """Whether the market has a price for the SmartTrade's pair (it moves only then)."""
    pair = smart_trade.get("pair")
    return isinstance(pair, str) and market.price(pair) is not None


class AddFundsRule(SmartTradeRule):
    """``POST /v2/smart_trades/{id}/add_funds``: the position grows by the units.

    Once the market has a price for the pair, :meth:`Market.add_funds` fills the order (with
    commission). Before that the order is taken as filled at its limit price (or the current
    price), so the position's units and total grow, and so do the entered amount and total once
    the position itself is filled (what the recorded SmartTrades answer).
    """

    def act(self, tx: Transaction, smart_trade: JSONObject, request: Received) -> Any:
        body = read_body(request, "AddFundsRequest", 400)
        refuse_unless(add_funds_refusal(smart_trade))
        quote = simulated_quote(tx, smart_trade.get("pair"))
        refuse(funds_limits_refusal(smart_trade, body, reduce=False, quote=quote))
        refuse(funds_balance_refusal(tx, smart_trade, body, quote))
        position = smart_trade.get("position")
        units = to_decimal(as_object(body.get("units")).get("value"))
        market = tx.market
        if market is not None and units is not None and _priced(market, smart_trade):
            # The market fills it, with commission, and derives the figures again.
            market.add_funds(
                smart_trade,
                units,
                order_type=str(body.get("order_type") or "market"),
                price=as_object(body.get("price")).get("value"),
            )
        elif isinstance(position, dict) and units is not None:
            side = str(position.get("type"))
            price = to_decimal(_order_price(smart_trade, body, side))
            position["units"] = {
                **as_object(position.get("units")),
                "value": _add(as_object(position.get("units")).get("value"), units),
            }
            if price is not None:
                total = as_object(position.get("total"))
                position["total"] = {**total, "value": _add(total.get("value"), units * price)}
            data = as_object(smart_trade.get("data"))
            if status_of(position) == "finished" and data:
                data["entered_amount"] = _add(data.get("entered_amount"), units)
                if price is not None:
                    data["entered_total"] = _add(data.get("entered_total"), units * price)
        tx.save(smart_trade)
        return smart_trade


def reducible_amount(smart_trade: JSONObject) -> Decimal:
    """What is left of the position: entered minus closed, minus reductions still pending."""
    data = as_object(smart_trade.get("data"))
    left = (to_decimal(data.get("entered_amount")) or Decimal(0)) - (
        to_decimal(data.get("closed_amount")) or Decimal(0)
    )
    steps = as_object(smart_trade.get("reduce_funds")).get("steps")
    for step in steps if isinstance(steps, list) else []:
        if isinstance(step, dict) and status_of(step) not in ("finished", "cancelled"):
            left -= to_decimal(as_object(step.get("units")).get("value")) or Decimal(0)
    return max(left, Decimal(0))


class GetReduceFundsInfoRule(SmartTradeRule):
    """``GET /v2/smart_trades/{id}/reduce_funds_info``: only in ``waiting_targets``."""

    def starting_states(self, recording: Recording, params: Mapping[str, int]) -> list[Seed]:
        return []  # the answer is an amount, not a SmartTrade

    def act(self, tx: Transaction, smart_trade: JSONObject, request: Received) -> Any:
        refuse_unless(reduce_funds_refusal(smart_trade))
        return {"max_reduce_funds_amount": decimal_text(reducible_amount(smart_trade))}


class ReduceFundsRule(SmartTradeRule):
    """``POST /v2/smart_trades/{id}/reduce_funds``: only in ``waiting_targets``.

    The SmartTrade becomes ``pending_reduce_funds`` with a new reduce-funds step (``idle``).
    """

    def rewind(self, smart_trade: JSONObject, recording: Recording) -> None:
        if status_of(smart_trade) != "pending_reduce_funds":
            return
        smart_trade["status"] = smart_trade_status("waiting_targets")
        steps = as_object(smart_trade.get("reduce_funds")).get("steps")
        if isinstance(steps, list) and steps:
            steps.pop()

    def act(self, tx: Transaction, smart_trade: JSONObject, request: Received) -> Any:
        body = read_body(request, "ReduceFundsRequest", 400)
        refuse_unless(reduce_funds_refusal(smart_trade))
        quote = simulated_quote(tx, smart_trade.get("pair"))
        refuse(funds_limits_refusal(smart_trade, body, reduce=True, quote=quote))
        side = "sell" if as_object(smart_trade.get("position")).get("type") != "sell" else "buy"
        step = build_reduce_funds_step(
            body, step_id=tx.new_id(), price=_order_price(smart_trade, body, side)
        )
        reduce_funds = smart_trade.get("reduce_funds")
        steps = reduce_funds.get("steps") if isinstance(reduce_funds, dict) else None
        if isinstance(steps, list):
            steps.append(step)
        else:
            smart_trade["reduce_funds"] = {"steps": [step]}
        smart_trade["status"] = smart_trade_status("pending_reduce_funds")
        tx.save(smart_trade)
        return smart_trade


class CloseSmartTradeByMarketRule(SmartTradeRule):
    """``POST /v2/smart_trades/{id}/close_by_market``: when ``data.panic_sell_available``.

    The SmartTrade becomes ``panic_sell_pending`` ("Closing at Market Price").
    """

    def rewind(self, smart_trade: JSONObject, recording: Recording) -> None:
        if status_of(smart_trade) == "panic_sell_pending":
            smart_trade["status"] = smart_trade_status("waiting_targets")

    def act(self, tx: Transaction, smart_trade: JSONObject, request: Received) -> Any:
        refuse_unless(close_by_market_refusal(smart_trade))
        smart_trade["status"] = smart_trade_status("panic_sell_pending")
        tx.save(smart_trade)
        return smart_trade


class SetNoteRule(SmartTradeRule):
    """``POST /v2/smart_trades/{id}/set_note``: stores the note (``note`` and ``note_raw``)."""

    def act(self, tx: Transaction, smart_trade: JSONObject, request: Received) -> Any:
        body = read_body(request, "SetNoteRequest", 400)
        smart_trade["note"] = body["note"]
        smart_trade["note_raw"] = body["note"]
        tx.save(smart_trade)
        return smart_trade


class ForceStartRule(SmartTradeRule):
    """``POST /v2/smart_trades/{id}/force_start``: when the position is still waiting.

    The position becomes ``panic_sell_pending`` ("Panic closing"), as the docs' example shows;
    the SmartTrade's own status does not change.
    """

    def rewind(self, smart_trade: JSONObject, recording: Recording) -> None:
        position = smart_trade.get("position")
        if isinstance(position, dict) and status_of(position) == "panic_sell_pending":
            placed = position.get("order_type") in ("limit", "conditional")
            position["status"] = order_status("order_placed" if placed else "to_process")

    def act(self, tx: Transaction, smart_trade: JSONObject, request: Received) -> Any:
        refuse_unless(force_start_refusal(smart_trade))
        smart_trade["position"]["status"] = order_status("panic_sell_pending")
        tx.save(smart_trade)
        return smart_trade


class ForceProcessRule(SmartTradeRule):
    """``POST /v2/smart_trades/{id}/force_process``: when ``data.force_process_available``.

    Neither the old reference that documents this endpoint nor the current docs say what
    "processing" does, so the SmartTrade is answered unchanged.
    """

    def act(self, tx: Transaction, smart_trade: JSONObject, request: Received) -> Any:
        refuse_unless(force_process_refusal(smart_trade))
        return smart_trade


#: The rule of each operation, by its operationId in the spec (see ``threecommas_api._catalogue``).
RULES: Final[Mapping[str, OperationRule]] = {
    "create_smart_trade": CreateSmartTradeRule(),
    "list_smart_trades": ListSmartTradesRule(),
    "get_smart_trade": GetSmartTradeRule(),
    "update_smart_trade": UpdateSmartTradeRule(),
    "cancel_smart_trade": CancelSmartTradeRule(),
    "add_funds": AddFundsRule(),
    "get_reduce_funds_info": GetReduceFundsInfoRule(),
    "reduce_funds": ReduceFundsRule(),
    "close_smart_trade_by_market": CloseSmartTradeByMarketRule(),
    "set_note": SetNoteRule(),
    "force_start": ForceStartRule(),
    "force_process": ForceProcessRule(),
    "list_trades": ListTradesRule(),
    "cancel_trade": CancelTradeRule(),
    "close_trade_by_market": CloseTradeByMarketRule(),
    **MARKET_RULES,
    **BALANCE_RULES,
}
