"""Everything about a SmartTrade that follows from its orders and the market, computed by one
function, :func:`derive`, after every change.

What a fill writes (the *source* fields) and what :func:`derive` computes from them:

* entry fills (the position, added funds) add to ``data.entered_amount`` (base units),
  ``data.entered_total`` (quote: for a buy what was paid, commission included; for a sell what
  was received, commission taken off) and fold their price into
  ``data.average_enter_price_without_commission``;
* an exit order that fills (a take-profit step, the stop loss, a reduce-funds step, the market
  close) gets status ``finished`` and keeps what it filled: its units and its gross total
  (units times the fill price, before commission). A take-profit step's ``total`` is a string,
  the others' an object ``{"value": ...}``, as in the docs' examples;
* :func:`derive` then computes ``data.closed_amount``, ``data.closed_total`` (commission
  applied as for the entry), ``data.average_*`` prices, the position's price and total, the
  planned units and totals of the waiting orders (a percent price resolved against the average
  entry price), the stop loss moved to breakeven, ``profit``, the ``finished``/entered flags,
  ``data.current_price``, the SmartTrade's status, ``closed_at``, and the ``data.*_available``
  flags (through :func:`threecommas.testing.simulation._state.refresh_flags`, the rules' own code).

Commission: ``data.commission`` is the rate (0.001, the create example's, when the SmartTrade
has none); it is charged on the quote value of every fill, entry and exit, market and limit
alike. Profit in quote currency, for a long position::

    profit = closed_total + open_units * bid * (1 - commission) - entered_total

(the open units valued at what selling them now would bring), and for a short one::

    profit = entered_total - closed_total - open_units * ask * (1 + commission)

``profit.percent`` is that over ``entered_total``, in percent with two decimals (half up);
``profit.usd`` converts it with the quote currency's USD rate when one is known, else null.
Before anything is entered the profit is ``{"volume": null, "usd": null, "percent": "0.0"}`` as
in the create example. ``roe`` stays null: leverage is not simulated.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation
from typing import Any, Final

from threecommas._constants import FINAL_STATUSES
from threecommas.testing.simulation._market._quotes import Quote
from threecommas.testing.simulation._state import (
    JSONObject,
    decimal_text,
    order_status,
    refresh_flags,
    smart_trade_status,
    status_of,
    take_profit_steps,
)

__all__ = [
    "DEFAULT_COMMISSION",
    "PENDING_ORDER",
    "commission",
    "derive",
    "divide",
    "entered",
    "entry_price",
    "finish_order",
    "is_long",
    "number",
    "obj",
    "open_amount",
    "realised",
    "reduce_steps",
    "step_target",
    "stop_trigger",
    "text",
    "tighter",
    "usd_rate_of",
]

#: The commission rate of a SmartTrade that gives none (the create example's).
DEFAULT_COMMISSION: Final = Decimal("0.001")
#: Statuses of an order that has not filled and was not cancelled.
PENDING_ORDER: Final = frozenset(
    {"idle", "to_process", "order_placed", "trailing_activated", "panic_sell_pending"}
)
#: Position statuses once the position is held: filled, or the user's own funds.
_HELD: Final = frozenset({"finished", "smart_sell"})
_USD_LIKE: Final = frozenset({"USD", "USDT", "USDC", "BUSD", "TUSD", "DAI", "FDUSD", "USDP"})
_CONTEXT: Final = Context(prec=28)
_CENT: Final = Decimal("0.01")
_ZERO: Final = Decimal(0)


def obj(value: Any) -> JSONObject:
    return value if isinstance(value, dict) else {}


def number(value: Any) -> Decimal | None:
    """A finite Decimal from a decimal string, an int, a Decimal or a float (through its
    shortest text); ``None`` for anything else."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        if isinstance(value, float):
            result = Decimal(repr(value))
        elif isinstance(value, int | str | Decimal):
            result = Decimal(value)
        else:
            return None
    except InvalidOperation:
        return None
    return result if result.is_finite() else None


def text(value: Decimal) -> str:
    return decimal_text(value)


def divide(a: Decimal, b: Decimal) -> Decimal:
    """``a / b`` to 28 significant digits whatever the thread's decimal context says."""
    return _CONTEXT.divide(a, b)


def _cents(value: Decimal) -> Decimal:
    """To the cent, half up; a figure too large to keep its cents within the context's
    digits (a percent over an entry that cost next to nothing) keeps its digits instead."""
    if value.adjusted() >= _CONTEXT.prec - 3:
        return value
    return value.quantize(_CENT, rounding=ROUND_HALF_UP, context=_CONTEXT)


def is_long(smart_trade: JSONObject) -> bool:
    return obj(smart_trade.get("position")).get("type") != "sell"


def commission(smart_trade: JSONObject) -> Decimal:
    rate = number(obj(smart_trade.get("data")).get("commission"))
    return rate if rate is not None and 0 <= rate < 1 else DEFAULT_COMMISSION


def entered(smart_trade: JSONObject) -> bool:
    """Whether the position is held (filled, or the user's own funds of a Smart Sell/Buy)."""
    return status_of(smart_trade.get("position")) in _HELD


def _data_number(smart_trade: JSONObject, key: str) -> Decimal:
    value = number(obj(smart_trade.get("data")).get(key))
    return value if value is not None else _ZERO


def reduce_steps(smart_trade: JSONObject) -> list[JSONObject]:
    steps = obj(smart_trade.get("reduce_funds")).get("steps")
    return [s for s in steps if isinstance(s, dict)] if isinstance(steps, list) else []


def _value(part: Any) -> Decimal | None:
    """``part.value`` of an object part (``{"value": ...}``), or the part itself."""
    return number(part.get("value")) if isinstance(part, dict) else number(part)


def fill_commission(smart_trade: JSONObject, order: JSONObject) -> Decimal:
    """An exit fill's rate: its own (kept while the market sets fees), else the SmartTrade's."""
    rate = number(order.get("commission"))
    return rate if rate is not None and 0 <= rate < 1 else commission(smart_trade)


def exit_fills(smart_trade: JSONObject) -> Iterator[tuple[Decimal, Decimal, Decimal]]:
    """``(units, gross total, commission rate)`` of every exit order that filled."""
    orders: list[JSONObject] = list(take_profit_steps(smart_trade))
    stop_loss = obj(smart_trade.get("stop_loss"))
    if stop_loss.get("enabled") is True:
        orders.append(stop_loss)
    orders += reduce_steps(smart_trade)
    market_close = obj(smart_trade.get("market_close"))
    if market_close:
        orders.append(market_close)
    for order in orders:
        if status_of(order) != "finished":
            continue
        units = _value(order.get("units"))
        gross = _value(order.get("total"))
        if units is not None and gross is not None and units > 0:
            yield units, gross, fill_commission(smart_trade, order)


def open_amount(smart_trade: JSONObject) -> Decimal:
    """The units still held: entered minus closed (never below 0)."""
    closed = sum((units for units, _, _ in exit_fills(smart_trade)), _ZERO)
    return max(_data_number(smart_trade, "entered_amount") - closed, _ZERO)


def entry_price(smart_trade: JSONObject) -> Decimal | None:
    """The average entry price without commission (what percent prices are resolved against)."""
    data = obj(smart_trade.get("data"))
    price = number(data.get("average_enter_price_without_commission"))
    if price is None:
        price = number(obj(obj(smart_trade.get("position")).get("price")).get("value"))
    return price if price is not None and price > 0 else None


def step_target(smart_trade: JSONObject, step: JSONObject) -> Decimal | None:
    """A take-profit step's price: its value, or its percent above (long) or below (short)
    the average entry price."""
    price = obj(step.get("price"))
    percent = number(price.get("percent"))
    base = entry_price(smart_trade)
    if percent is not None and base is not None:
        sign = 1 if is_long(smart_trade) else -1
        return base * (1 + sign * percent / 100)
    return number(price.get("value"))


def stop_trigger(smart_trade: JSONObject) -> Decimal | None:
    """The stop loss's trigger price: its value, else its percent below (long) or above
    (short) the average entry price."""
    trigger = obj(obj(obj(smart_trade.get("stop_loss")).get("conditional")).get("price"))
    value = number(trigger.get("value"))
    if value is not None:
        return value
    percent = number(trigger.get("percent"))
    base = entry_price(smart_trade)
    if percent is None or base is None:
        return None
    sign = -1 if is_long(smart_trade) else 1
    return base * (1 + sign * abs(percent) / 100)


def tighter(smart_trade: JSONObject, a: Decimal | None, b: Decimal | None) -> Decimal | None:
    """Of two stop prices, the one nearer the market: the higher for a long, the lower for a
    short (a stop loss only ever tightens)."""
    if a is None or b is None:
        return a if b is None else b
    return max(a, b) if is_long(smart_trade) else min(a, b)


# --- The derivation ------------------------------------------------------------------------------


def _current_price(smart_trade: JSONObject, quote: Quote) -> None:
    data = smart_trade.setdefault("data", {})
    old = obj(data.get("current_price"))
    current = quote.to_json()
    current["quote_volume"] = old.get("quote_volume", "0.0")
    current["day_change_percent"] = old.get("day_change_percent", "0.0")
    data["current_price"] = current


def _entry_figures(smart_trade: JSONObject, held: bool, data: JSONObject) -> Decimal:
    """The position's price and total from the entry; returns ``entered_total``."""
    amount = _data_number(smart_trade, "entered_amount")
    total = _data_number(smart_trade, "entered_total")
    position = obj(smart_trade.get("position"))
    if amount > 0:
        average = divide(total, amount)
        data["average_enter_price"] = text(average)
        without = number(data.get("average_enter_price_without_commission"))
        if without is None:
            rate = commission(smart_trade)
            without = divide(average, 1 + rate if is_long(smart_trade) else 1 - rate)
            data["average_enter_price_without_commission"] = text(without)
        if held and position:
            position["units"] = {**obj(position.get("units")), "value": text(amount)}
            position["price"] = {
                **obj(position.get("price")),
                "value": text(average),
                "value_without_commission": text(without),
                "editable": False,
            }
            position["total"] = {**obj(position.get("total")), "value": text(total)}
    if held and position:
        position["editable"] = False
    return total


def _closed_figures(smart_trade: JSONObject, data: JSONObject) -> tuple[Decimal, Decimal]:
    """``closed_amount``, ``closed_total`` and the average close prices; returns the first
    two."""
    long = is_long(smart_trade)
    amount = gross = _ZERO
    by_rate: dict[Decimal, Decimal] = {}
    for units, value, rate in exit_fills(smart_trade):
        amount += units
        gross += value
        by_rate[rate] = by_rate.get(rate, _ZERO) + value
    # One product per rate (a single one without configured fees: the figures as before).
    total = sum(
        (value * (1 - rate) if long else value * (1 + rate) for rate, value in by_rate.items()),
        _ZERO,
    )
    data["closed_amount"] = text(amount)
    data["closed_total"] = text(total)
    if amount > 0:
        data["average_close_price"] = text(divide(total, amount))
        data["average_close_price_without_commission"] = text(divide(gross, amount))
    else:
        data["average_close_price"] = None
        data["average_close_price_without_commission"] = None
    return amount, total


def _plan_orders(smart_trade: JSONObject, open_units: Decimal, held: bool) -> None:
    """Units and totals of the waiting take-profit steps and stop loss: the waiting steps share
    the open units in proportion to their volumes; the stop loss covers them all."""
    waiting = [s for s in take_profit_steps(smart_trade) if status_of(s) in PENDING_ORDER]
    if held:
        volumes = [max(number(s.get("volume")) or _ZERO, _ZERO) for s in waiting]
        share = sum(volumes, _ZERO)
        for step, volume in zip(waiting, volumes, strict=True):
            units = (
                divide(open_units * volume, share)
                if share > 0
                else divide(open_units, Decimal(len(waiting)))
            )
            target = step_target(smart_trade, step)
            price = obj(step.get("price"))
            if target is not None and number(price.get("value")) is None:
                step["price"] = {**price, "value": text(target)}
            step["units"] = {**obj(step.get("units")), "value": text(units)}
            step["total"] = text(units * target) if target is not None else None
    stop_loss = obj(smart_trade.get("stop_loss"))
    if held and stop_loss.get("enabled") is True and status_of(stop_loss) in PENDING_ORDER:
        trigger = stop_trigger(smart_trade)
        if stop_loss.get("breakeven") is True and any(
            status_of(s) == "finished" for s in take_profit_steps(smart_trade)
        ):
            # Breakeven: after the first take profit, the stop loss moves to the average entry
            # price, commission included (closing there loses only the exit's commission).
            breakeven = number(obj(smart_trade.get("data")).get("average_enter_price"))
            trigger = tighter(smart_trade, trigger, breakeven)
        if trigger is not None:
            conditional = obj(stop_loss.get("conditional"))
            price = obj(conditional.get("price"))
            if number(price.get("value")) != trigger:
                moved = {**price, "value": text(trigger)}
                stop_loss["conditional"] = {**conditional, "price": moved}
        stop_loss["units"] = {**obj(stop_loss.get("units")), "value": text(open_units)}
        stop_loss["total"] = {
            **obj(stop_loss.get("total")),
            "value": text(open_units * trigger) if trigger is not None else None,
        }


def _profit(
    smart_trade: JSONObject,
    quote: Quote | None,
    entered_total: Decimal,
    closed_total: Decimal,
    open_units: Decimal,
    usd_rate: Decimal | None,
) -> None:
    profit = obj(smart_trade.get("profit"))
    if not profit:
        profit = {"volume": None, "usd": None, "percent": "0.0", "roe": None}
        smart_trade["profit"] = profit
    if entered_total <= 0:
        profit.update({"volume": None, "usd": None, "percent": "0.0"})
        return
    if quote is None and open_units > 0:
        return  # no price to value the open units at: keep what was shown
    rate = commission(smart_trade)
    if is_long(smart_trade):
        exit_price = quote.bid if quote is not None else _ZERO
        volume = closed_total + open_units * exit_price * (1 - rate) - entered_total
    else:
        exit_price = quote.ask if quote is not None else _ZERO
        volume = entered_total - closed_total - open_units * exit_price * (1 + rate)
    percent = _cents(divide(volume * 100, entered_total))
    profit["volume"] = text(volume)
    profit["usd"] = text(volume * usd_rate) if usd_rate is not None else None
    profit["percent"] = text(percent)


def _status(smart_trade: JSONObject, held: bool, open_units: Decimal, closed: Decimal) -> str:
    current = status_of(smart_trade)
    if current in FINAL_STATUSES or current in ("cancellation_pending", "panic_sell_pending"):
        return current
    if not held:
        return "created" if current == "created" else "waiting_position"
    if closed > 0 and open_units <= 0:
        return "finished"
    if smart_trade.get("instant") is True:
        return "finished"  # a Simple Buy/Sell is done once its one order filled
    stop_loss = obj(smart_trade.get("stop_loss"))
    if stop_loss.get("enabled") is True and status_of(stop_loss) == "order_placed":
        return "stop_loss_in_progress"
    waiting = [status_of(s) for s in reduce_steps(smart_trade) if status_of(s) in PENDING_ORDER]
    if "order_placed" in waiting:
        return "reduce_funds_in_progress"
    if waiting:
        return "pending_reduce_funds"
    return "waiting_targets"


def usd_rate_of(pair: str, quotes: dict[str, Quote], rates: dict[str, Decimal]) -> Decimal | None:
    """The USD value of one unit of the pair's quote currency: 1 for a dollar or a dollar
    stablecoin, a rate given to the market, else the last price of ``USDT_<quote>`` when the
    market has one; ``None`` when none is known."""
    currency = pair.partition("_")[0].upper()
    if currency in _USD_LIKE:
        return Decimal(1)
    if currency in rates:
        return rates[currency]
    for stable in ("USDT", "USD", "USDC"):
        quote = quotes.get(f"{stable}_{currency}")
        if quote is not None:
            return quote.last
    return None


def derive(
    smart_trade: JSONObject,
    quote: Quote | None,
    *,
    now: str,
    usd_rate: Decimal | None = None,
) -> None:
    """Recompute, in place, every derived field of the SmartTrade (see the module)."""
    data = smart_trade.get("data")
    if not isinstance(data, dict):
        data = {}
        smart_trade["data"] = data
    if quote is not None:
        _current_price(smart_trade, quote)
    held = entered(smart_trade)
    entered_total = _entry_figures(smart_trade, held, data)
    closed_amount, closed_total = _closed_figures(smart_trade, data)
    open_units = open_amount(smart_trade)
    _plan_orders(smart_trade, open_units, held)
    _profit(smart_trade, quote, entered_total, closed_total, open_units, usd_rate)
    for step in take_profit_steps(smart_trade):
        if status_of(step) not in PENDING_ORDER:
            step["editable"] = False
            step["data"] = {**obj(step.get("data")), "cancelable": False}
    data["base_order_finished"] = held
    data["base_position_step_finished"] = held
    smart_trade["is_position_not_filled"] = not held
    before = status_of(smart_trade)
    after = _status(smart_trade, held, open_units, closed_amount)
    if after != before:
        smart_trade["status"] = smart_trade_status(after)
    data["finished"] = after == "finished"
    if after in FINAL_STATUSES and data.get("closed_at") is None:
        data["closed_at"] = now
    refresh_flags(smart_trade)


def finish_order(order: JSONObject, kind: str, now: str) -> None:
    """Mark an order ``finished`` or ``cancelled`` (and when)."""
    order["status"] = order_status(kind)
    order["closed_at"] = now


def _partly_entered(smart_trade: JSONObject, data: JSONObject) -> JSONObject:
    """The position trade of an entry partly filled (by volume): what filled so far and its
    share of the order, in percent; empty while nothing filled."""
    amount = number(data.get("entered_amount"))
    planned = number(obj(obj(smart_trade.get("position")).get("units")).get("value"))
    if amount is None or amount <= 0 or planned is None or planned <= 0:
        return {}
    return {
        "average_price": data.get("average_enter_price"),
        "realised_amount": data.get("entered_amount"),
        "realised_total": data.get("entered_total"),
        "realised_percentage": text(_cents(divide(amount * 100, planned))),
        "realised_price": data.get("average_enter_price_without_commission"),
    }


def realised(smart_trade: JSONObject, trade: JSONObject) -> JSONObject:
    """What a Trade of ``/trades`` shows of its fill, from the SmartTrade's order behind it:
    the fields to update on a Trade built from the SmartTrade (by its ``trade_purpose`` and
    ``id``), empty while that order has not filled.

    ``realised_amount`` is the units filled, ``realised_price`` the fill price,
    ``realised_total`` the quote amount with commission (paid to buy, received from a sale) and
    ``average_price`` that total over the units, as the position trade shows the entry."""
    purpose = trade.get("trade_purpose")
    data = obj(smart_trade.get("data"))
    if purpose == "position":
        if smart_trade.get("skip_enter_step") is True:
            return {}
        if not entered(smart_trade):
            return _partly_entered(smart_trade, data)
        return {
            "average_price": data.get("average_enter_price"),
            "realised_amount": data.get("entered_amount"),
            "realised_total": data.get("entered_total"),
            "realised_percentage": "100.0",
            "realised_price": data.get("average_enter_price_without_commission"),
        }
    order: JSONObject | None = None
    trade_id = trade.get("id")
    if purpose == "take_profit":
        order = next((s for s in take_profit_steps(smart_trade) if s.get("id") == trade_id), None)
    elif purpose == "reduce_funds":
        order = next((s for s in reduce_steps(smart_trade) if s.get("id") == trade_id), None)
    elif purpose == "stop_loss":
        order = obj(smart_trade.get("stop_loss"))
    if order is None or status_of(order) != "finished":
        return {}
    units = _value(order.get("units"))
    gross = _value(order.get("total"))
    if units is None or gross is None or units <= 0:
        return {}
    rate = fill_commission(smart_trade, order)
    total = gross * (1 - rate) if is_long(smart_trade) else gross * (1 + rate)
    fields: JSONObject = {
        "average_price": text(divide(total, units)),
        "realised_amount": text(units),
        "realised_total": text(total),
        "realised_percentage": "100.0",
        "realised_price": text(divide(gross, units)),
    }
    closed_at = order.get("closed_at")
    if isinstance(closed_at, str):
        fields["updated_at"] = closed_at
    return fields
