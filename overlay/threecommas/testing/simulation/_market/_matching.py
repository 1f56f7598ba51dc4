"""The matching rules: what one tick of the market does to one SmartTrade.

Each rule is written once and works on the SmartTrade as the API shows it (a JSON dict, changed
in place) and the pair's current :class:`._quotes.Quote`. After
every fill, :func:`._derive.derive` recomputes what follows from it.

The book: a buy fills at the ask, a sell at the bid; ``last`` only triggers (an order whose
price type is ``last`` watches the last price, then trades against the book).

* **Entry** (the position). A ``market`` entry fills at once (the create places it through
  :meth:`._market.Market.place` when its pair has a price; otherwise the first tick that sees
  it). A
  ``limit`` entry is placed: when the book already crosses its price (a buy limit at or above
  the ask, a sell limit at or below the bid) it fills at once at the book's price, as a
  marketable order would; otherwise it rests (``order_placed``) and fills at its limit price on
  the first tick the book crosses it. A ``conditional`` entry waits (``to_process``) until the
  price it follows (``conditional.price.type``; ask for a long, bid for a short by default)
  reaches the trigger from the side it started on (the trigger's direction is fixed when the
  market first sees it: above the price it waits for the price to rise to it, below to fall to
  it); it then becomes its ``conditional.order_type``: a market fill, or a limit order at the
  position's price. With ``conditional.trailing`` it becomes ``trailing_activated`` instead and
  follows the price: a buy fills at market once the price has risen ``percent`` above the
  lowest price seen since the trigger (a sell: fallen below the highest). A position that force
  start made ``panic_sell_pending`` fills at market on the next tick. A Smart Sell/Buy (the
  entry skipped) holds the user's units from the first tick, at the position's price, with no
  commission (nothing was bought).
* **Take profit**, once the position is held: the steps are placed in their order, a ``limit``
  step as a resting order at its price (``order_placed``; filled at once at the book's price if
  already crossed), a ``market`` step as a trigger (``to_process``). Every tick checks them in
  their order: a limit step fills at its price when the book crosses it, a market step when the
  price it follows (``price.type``) reaches its price (at or above for a long, at or below for a
  short), at the book's price. A price given as a percent is resolved against the average entry
  price. A step with ``trailing`` becomes ``trailing_activated`` when its price is reached,
  follows the best price from then on, and fills at market when the price retraces ``percent``
  from that best price. A step closed by market through the trade endpoint
  (``panic_sell_pending``) fills at market on the next tick. Each waiting step sells its share
  of the units still held (its volume over the volumes still waiting), so the last one sells
  everything left.
* **Stop loss**, once the position is held: it triggers when the price it follows
  (``conditional.price.type``) reaches the trigger (at or below for a long, at or above for a
  short); a percent trigger is resolved once, against the average entry price. ``breakeven``
  moves the trigger to the average entry price (commission included) after the first take-profit
  step fills; a trailing stop loss follows the best price since the position was held, keeping
  ``trailing.percent`` (or, without a percent, the distance it started with) between that price
  and the trigger, and only ever tightens. With ``timeout`` enabled, the price must stay at or
  beyond the trigger ``timeout.value`` seconds of virtual time before the stop loss fires. A
  ``market`` stop loss then sells every unit held at the book's price; a ``limit`` one places a
  limit order at ``stop_loss.price.value`` (the SmartTrade is ``stop_loss_in_progress`` until it
  fills, by the limit rule above).
* **Reduce funds**: a waiting reduce-funds step (the store adds it ``idle`` and makes the
  SmartTrade ``pending_reduce_funds``) is a market order filled on the next tick, or a limit
  order placed by the limit rule (``reduce_funds_in_progress`` while it rests); it sells its
  units (at most what is held). **Add funds**: :func:`add_funds` fills the added units at once at
  the price given (the entity has no place to show a resting add-funds order); before the
  position is held it makes the entry order bigger instead.
* **Close by market** (the SmartTrade ``panic_sell_pending``): on the next tick every unit held
  is sold at the book's price, in a ``market_close`` order.
* **Cancel** (the SmartTrade ``cancellation_pending``): on the next tick every waiting order is
  ``cancelled`` and so is the SmartTrade; units already held stay with the user (nothing is
  sold).
* When nothing is held any more after something was closed, the SmartTrade is ``finished`` and
  its remaining orders (the other steps, the stop loss) are ``cancelled``.

Within one tick the order is: cancellation, the entry, a close by market, the placing of orders,
reduce funds, the take-profit steps, then the stop loss. Orders fill whole, except a resting
limit entry with a configured ``volume_share`` (see :mod:`._config`), which fills by the bars'
volume.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from threecommas._constants import FINAL_STATUSES
from threecommas.testing.simulation._market._book import (
    breached,
    entry_price,
    exit_price,
    limit_crossed,
    market_entry_price,
    market_exit_price,
    reached,
    trailing_percent,
)
from threecommas.testing.simulation._market._derive import (
    PENDING_ORDER,
    commission,
    derive,
    divide,
    entered,
    finish_order,
    is_long,
    number,
    obj,
    open_amount,
    reduce_steps,
    step_target,
    stop_trigger,
    text,
    tighter,
)
from threecommas.testing.simulation._market._fills import (
    add_entry,
    fill_entry,
    fill_exit,
    fill_rate,
    fill_resting_entry,
    planned_units,
    record_fee,
    settle_partial_entry,
)
from threecommas.testing.simulation._market._quotes import Quote
from threecommas.testing.simulation._market._tick import Memory, Moment, refresh
from threecommas.testing.simulation._state import (
    JSONObject,
    order_status,
    smart_trade_status,
    status_of,
    take_profit_steps,
)

__all__ = ["Memory", "Moment", "add_funds", "match"]

_ZERO: Final = Decimal(0)
_MICROS: Final = 1_000_000


# --- The rules -----------------------------------------------------------------------------------


def _start(smart_trade: JSONObject) -> None:
    """The first tick for a created SmartTrade: it now waits for its position; a Smart
    Sell/Buy holds the user's own units at the position's price."""
    smart_trade["status"] = smart_trade_status("waiting_position")
    data = smart_trade.setdefault("data", {})
    if smart_trade.get("skip_enter_step") is True and not number(data.get("entered_amount")):
        position = obj(smart_trade.get("position"))
        units = number(obj(position.get("units")).get("value"))
        price = number(obj(position.get("price")).get("value"))
        if units is not None and price is not None and units > 0:
            add_entry(smart_trade, units, price, _ZERO)


def _match_entry(smart_trade: JSONObject, memory: Memory, moment: Moment) -> None:
    position = obj(smart_trade.get("position"))
    current = status_of(position)
    long = is_long(smart_trade)
    if current == "panic_sell_pending":  # force start: enter now, at market
        fill_entry(smart_trade, market_entry_price(smart_trade, moment), moment)
        return
    if current not in ("idle", "to_process", "order_placed", "trailing_activated"):
        return
    limit = number(obj(position.get("price")).get("value"))
    order_type = position.get("order_type")
    if current == "order_placed":  # a resting limit order
        if limit is not None and limit_crossed(long, limit, moment.quote):
            fill_resting_entry(smart_trade, memory, limit, moment)
        return
    if order_type == "conditional":
        conditional = obj(position.get("conditional"))
        trigger_price = obj(conditional.get("price"))
        follows = trigger_price.get("type") or ("ask" if long else "bid")
        price = moment.quote.get(follows)
        trailing = trailing_percent(conditional.get("trailing"))
        if current == "trailing_activated":
            _trail_entry(smart_trade, memory, moment, price, trailing or _ZERO)
            return
        trigger = number(trigger_price.get("value"))
        if trigger is not None:
            if memory.entry_trigger != trigger:  # armed now (or the trigger was edited)
                memory.entry_trigger = trigger
                memory.entry_rises = price <= trigger
            fired = price >= trigger if memory.entry_rises else price <= trigger
            if not fired:
                return
        if trailing is not None:
            position["status"] = order_status("trailing_activated")
            memory.entry_extreme = price
            return
        if conditional.get("order_type") == "limit":
            _place_entry_limit(smart_trade, limit if limit is not None else trigger, moment)
        else:
            fill_entry(smart_trade, market_entry_price(smart_trade, moment), moment)
        return
    if order_type == "limit" and limit is not None:
        _place_entry_limit(smart_trade, limit, moment)
        return
    fill_entry(smart_trade, market_entry_price(smart_trade, moment), moment)


def _place_entry_limit(smart_trade: JSONObject, limit: Decimal | None, moment: Moment) -> None:
    position = obj(smart_trade.get("position"))
    if limit is None:
        fill_entry(smart_trade, market_entry_price(smart_trade, moment), moment)
    elif limit_crossed(is_long(smart_trade), limit, moment.quote):
        fill_entry(smart_trade, entry_price(smart_trade, moment), moment)  # no slip past a limit
    else:
        position["status"] = order_status("order_placed")


def _trail_entry(
    smart_trade: JSONObject, memory: Memory, moment: Moment, price: Decimal, percent: Decimal
) -> None:
    """A trailing entry: a buy follows the price down and fills once it rises ``percent`` off
    the lowest price; a sell follows it up and fills once it falls ``percent`` off the
    highest."""
    long = is_long(smart_trade)
    extreme = memory.entry_extreme if memory.entry_extreme is not None else price
    extreme = min(extreme, price) if long else max(extreme, price)
    memory.entry_extreme = extreme
    turn = extreme * (1 + percent / 100) if long else extreme * (1 - percent / 100)
    if (price >= turn) if long else (price <= turn):
        memory.entry_extreme = None
        fill_entry(smart_trade, market_entry_price(smart_trade, moment), moment)


def _place_orders(smart_trade: JSONObject, moment: Moment) -> None:
    """Once the position is held: take-profit steps and the stop loss leave ``idle``."""
    long = is_long(smart_trade)
    for step in take_profit_steps(smart_trade):
        if status_of(step) != "idle":
            continue
        if step.get("order_type") == "limit" and trailing_percent(step.get("trailing")) is None:
            target = step_target(smart_trade, step)
            if target is not None and limit_crossed(not long, target, moment.quote):
                price = exit_price(smart_trade, moment)
                fill_exit(smart_trade, step, planned_units(step), price, moment)
            else:
                step["status"] = order_status("order_placed")
        else:
            step["status"] = order_status("to_process")
    stop_loss = obj(smart_trade.get("stop_loss"))
    if stop_loss.get("enabled") is True and status_of(stop_loss) == "idle":
        stop_loss["status"] = order_status("to_process")


def _match_reduce_funds(smart_trade: JSONObject, moment: Moment) -> None:
    long = is_long(smart_trade)
    for step in reduce_steps(smart_trade):
        current = status_of(step)
        if current not in PENDING_ORDER:
            continue
        units = planned_units(step)
        limit = number(obj(step.get("price")).get("value"))
        is_limit = step.get("type", step.get("order_type")) == "limit" and limit is not None
        if current == "order_placed" and limit is not None:
            if limit_crossed(not long, limit, moment.quote):
                _fill_reduce(smart_trade, step, units, limit, moment, maker=True)
        elif is_limit and limit is not None and not limit_crossed(not long, limit, moment.quote):
            step["status"] = order_status("order_placed")
        elif is_limit:  # a limit the book already crosses: at the book, no slip past it
            _fill_reduce(smart_trade, step, units, exit_price(smart_trade, moment), moment)
        else:
            _fill_reduce(smart_trade, step, units, market_exit_price(smart_trade, moment), moment)


def _fill_reduce(
    smart_trade: JSONObject,
    step: JSONObject,
    units: Decimal,
    price: Decimal,
    moment: Moment,
    *,
    maker: bool = False,
) -> None:
    rate = fill_rate(smart_trade, moment, maker=maker)
    with_commission = price * (1 - rate) if is_long(smart_trade) else price * (1 + rate)
    step["price"] = {
        **obj(step.get("price")),
        "value": text(with_commission),
        "value_without_commission": text(price),
    }
    fill_exit(smart_trade, step, units, price, moment, maker=maker)


def _match_take_profit(smart_trade: JSONObject, memory: Memory, moment: Moment) -> None:
    long = is_long(smart_trade)
    for step in take_profit_steps(smart_trade):
        if status_of(smart_trade) in FINAL_STATUSES or open_amount(smart_trade) <= 0:
            return
        current = status_of(step)
        if current not in PENDING_ORDER or current == "idle":
            continue
        units = planned_units(step)
        if current == "panic_sell_pending":  # closed by market through the trade endpoint
            fill_exit(smart_trade, step, units, market_exit_price(smart_trade, moment), moment)
            continue
        target = step_target(smart_trade, step)
        if target is None:
            continue
        price = moment.quote.get(obj(step.get("price")).get("type"))
        trailing = trailing_percent(step.get("trailing"))
        step_id = step.get("id")
        key = step_id if isinstance(step_id, int) else -1
        if current == "trailing_activated":
            best = memory.step_extremes.get(key, price)
            best = max(best, price) if long else min(best, price)
            memory.step_extremes[key] = best
            retrace = trailing or _ZERO
            turn = best * (1 - retrace / 100) if long else best * (1 + retrace / 100)
            if (price <= turn) if long else (price >= turn):
                memory.step_extremes.pop(key, None)
                fill_exit(smart_trade, step, units, market_exit_price(smart_trade, moment), moment)
            continue
        if current == "order_placed":  # a resting limit order
            if limit_crossed(not long, target, moment.quote):
                fill_exit(smart_trade, step, units, target, moment, maker=True)
            continue
        if not reached(long, price, target):
            continue
        if trailing is not None:
            step["status"] = order_status("trailing_activated")
            memory.step_extremes[key] = price
            continue
        fill_exit(smart_trade, step, units, market_exit_price(smart_trade, moment), moment)


def _match_stop_loss(smart_trade: JSONObject, memory: Memory, moment: Moment) -> None:
    stop_loss = obj(smart_trade.get("stop_loss"))
    current = status_of(stop_loss)
    if stop_loss.get("enabled") is not True or current not in PENDING_ORDER:
        return
    if status_of(smart_trade) in FINAL_STATUSES or open_amount(smart_trade) <= 0:
        return
    long = is_long(smart_trade)
    units = open_amount(smart_trade)
    limit = number(obj(stop_loss.get("price")).get("value"))
    if current == "order_placed":  # the triggered limit order rests
        if limit is not None and limit_crossed(not long, limit, moment.quote):
            fill_exit(smart_trade, stop_loss, units, limit, moment, maker=True)
        return
    conditional = obj(stop_loss.get("conditional"))
    price = moment.quote.get(obj(conditional.get("price")).get("type"))
    trigger = stop_trigger(smart_trade)
    if trigger is None:
        return
    trailing = obj(conditional.get("trailing")).get("enabled") is True
    if trailing:
        trigger = _trail_stop(smart_trade, memory, price, trigger)
    if not breached(long, price, trigger):
        memory.stop_breached_since = None
        return
    timeout = obj(stop_loss.get("timeout"))
    seconds = number(timeout.get("value"))
    if timeout.get("enabled") is True and seconds is not None and seconds > 0:
        since = memory.stop_breached_since
        if since is None:
            memory.stop_breached_since = since = moment.micros
        if Decimal(moment.micros - since) < seconds * _MICROS:
            return
    memory.stop_breached_since = None
    if stop_loss.get("order_type") == "limit" and limit is not None:
        if limit_crossed(not long, limit, moment.quote):
            fill_exit(smart_trade, stop_loss, units, exit_price(smart_trade, moment), moment)
        else:
            stop_loss["status"] = order_status("order_placed")
            refresh(smart_trade, moment)
        return
    fill_exit(smart_trade, stop_loss, units, market_exit_price(smart_trade, moment), moment)


def _trail_stop(
    smart_trade: JSONObject, memory: Memory, price: Decimal, trigger: Decimal
) -> Decimal:
    """Move a trailing stop loss's trigger after the best price; write it; return it."""
    long = is_long(smart_trade)
    stop_loss = obj(smart_trade.get("stop_loss"))
    conditional = obj(stop_loss.get("conditional"))
    percent = trailing_percent(conditional.get("trailing"))
    if memory.stop_distance is None:
        if percent is not None:
            memory.stop_distance = percent / 100
        else:
            reference = price if memory.stop_extreme is None else memory.stop_extreme
            memory.stop_distance = abs(divide(reference - trigger, reference))
    best = price if memory.stop_extreme is None else memory.stop_extreme
    best = max(best, price) if long else min(best, price)
    memory.stop_extreme = best
    follow = best * (1 - memory.stop_distance) if long else best * (1 + memory.stop_distance)
    moved = tighter(smart_trade, trigger, follow)
    if moved is not None and moved != trigger:
        trigger_price = obj(conditional.get("price"))
        conditional["price"] = {**trigger_price, "value": text(moved)}
        return moved
    return trigger


def _close_by_market(smart_trade: JSONObject, moment: Moment) -> None:
    """The SmartTrade closed by market: sell (buy back) everything held, in ``market_close``."""
    units = open_amount(smart_trade)
    if units <= 0:
        _cancel(smart_trade, moment)
        return
    price = market_exit_price(smart_trade, moment)
    rate = fill_rate(smart_trade, moment, maker=False)
    with_commission = price * (1 - rate) if is_long(smart_trade) else price * (1 + rate)
    market_close: JSONObject = {}
    if moment.new_id is not None:
        market_close["id"] = moment.new_id()
    record_fee(market_close, smart_trade, moment, maker=False)
    market_close.update(
        {
            "type": "market",
            "status": order_status("finished"),
            "units": {"value": text(units)},
            "price": {"value": text(with_commission), "value_without_commission": text(price)},
            "total": {"value": text(units * price)},
        }
    )
    smart_trade["market_close"] = market_close
    smart_trade["status"] = smart_trade_status("finished")
    _conclude(smart_trade, moment)


def _cancel(smart_trade: JSONObject, moment: Moment) -> None:
    """Cancel every waiting order, then the SmartTrade; what is held stays held."""
    position = obj(smart_trade.get("position"))
    if position and not entered(smart_trade) and status_of(position) != "failed":
        position["status"] = order_status("cancelled")
    _cancel_waiting_orders(smart_trade, moment)
    smart_trade["status"] = smart_trade_status("cancelled")
    refresh(smart_trade, moment)


def _cancel_waiting_orders(smart_trade: JSONObject, moment: Moment) -> None:
    orders = [*take_profit_steps(smart_trade), *reduce_steps(smart_trade)]
    stop_loss = obj(smart_trade.get("stop_loss"))
    if stop_loss.get("enabled") is True:
        orders.append(stop_loss)
    for order in orders:
        if status_of(order) in PENDING_ORDER:
            finish_order(order, "cancelled", moment.now)


def _conclude(smart_trade: JSONObject, moment: Moment) -> None:
    """Once nothing is held after something was closed: cancel what still waits, finish."""
    refresh(smart_trade, moment)
    if entered(smart_trade) and open_amount(smart_trade) <= 0:
        closed = number(obj(smart_trade.get("data")).get("closed_amount")) or _ZERO
        if closed > 0:
            _cancel_waiting_orders(smart_trade, moment)
            if status_of(smart_trade) not in ("cancelled", "failed"):
                smart_trade["status"] = smart_trade_status("finished")
            refresh(smart_trade, moment)


def match(smart_trade: JSONObject, memory: Memory, moment: Moment) -> None:
    """One tick for one SmartTrade (in place). A finished, cancelled or failed SmartTrade is
    left as it is."""
    status = status_of(smart_trade)
    if status in FINAL_STATUSES:
        return
    if status == "cancellation_pending":
        _cancel(smart_trade, moment)
        return
    if status == "created":
        _start(smart_trade)
    if status == "panic_sell_pending" and not entered(smart_trade):
        settle_partial_entry(smart_trade)
    refresh(smart_trade, moment)
    if memory.arrives_at is not None and moment.micros >= memory.arrives_at:
        memory.arrives_at = None  # the entry reached the exchange (latency)
    if not entered(smart_trade) and memory.arrives_at is None:
        _match_entry(smart_trade, memory, moment)
        refresh(smart_trade, moment)
    if entered(smart_trade):
        if status_of(smart_trade) == "panic_sell_pending":
            _close_by_market(smart_trade, moment)
            return
        _place_orders(smart_trade, moment)
        refresh(smart_trade, moment)
        _match_reduce_funds(smart_trade, moment)
        _match_take_profit(smart_trade, memory, moment)
        _match_stop_loss(smart_trade, memory, moment)
    _conclude(smart_trade, moment)


def add_funds(
    smart_trade: JSONObject, units: Decimal, price: Decimal, *, now: str, quote: Quote | None
) -> None:
    """Added funds: once the position is held, ``units`` bought (sold, for a short) at once at
    ``price``, with commission; before, the entry order grows by ``units``. Then everything is
    derived again."""
    if units <= 0:
        return
    if entered(smart_trade):
        add_entry(smart_trade, units, price, commission(smart_trade))
    else:
        position = smart_trade.setdefault("position", {})
        ordered = number(obj(position.get("units")).get("value")) or _ZERO
        position["units"] = {**obj(position.get("units")), "value": text(ordered + units)}
        each = number(obj(position.get("price")).get("value")) or price
        position["total"] = {**obj(position.get("total")), "value": text((ordered + units) * each)}
    derive(smart_trade, quote, now=now)
