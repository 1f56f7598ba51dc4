"""What the matching rules share: the memory of a SmartTrade between ticks, a tick as the
rules see it, the book's prices, and how an entry or an exit fills."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Final

from threecommas.testing.simulation._market._derive import (
    commission,
    derive,
    divide,
    finish_order,
    is_long,
    number,
    obj,
    open_amount,
    text,
)
from threecommas.testing.simulation._market._prices import Quote
from threecommas.testing.simulation._state import (
    JSONObject,
    order_status,
)

__all__ = [
    "Memory",
    "Moment",
    "add_entry",
    "breached",
    "buy_price",
    "entry_price",
    "exit_price",
    "fill_entry",
    "fill_exit",
    "limit_crossed",
    "planned_units",
    "reached",
    "refresh",
    "sell_price",
    "trailing_percent",
]

_ZERO: Final = Decimal(0)


@dataclass
class Memory:
    """What the market remembers about one SmartTrade between ticks (never shown by the API):
    the direction of the entry's trigger, the best prices that trailing orders follow, and
    since when the stop loss's trigger has been breached (for its timeout)."""

    entry_trigger: Decimal | None = None
    entry_rises: bool = True
    entry_extreme: Decimal | None = None
    step_extremes: dict[int, Decimal] = field(default_factory=dict)
    stop_extreme: Decimal | None = None
    stop_distance: Decimal | None = None
    stop_breached_since: int | None = None


@dataclass(frozen=True)
class Moment:
    """One tick as the rules see it: the pair's quote, the virtual time, and what they need
    from the store and the market."""

    quote: Quote
    now: str
    micros: int
    usd_rate: Decimal | None = None
    new_id: Callable[[], int] | None = None


# --- Helpers -------------------------------------------------------------------------------------


def refresh(smart_trade: JSONObject, moment: Moment) -> None:
    derive(smart_trade, moment.quote, now=moment.now, usd_rate=moment.usd_rate)


def buy_price(moment: Moment) -> Decimal:
    return moment.quote.ask


def sell_price(moment: Moment) -> Decimal:
    return moment.quote.bid


def entry_price(smart_trade: JSONObject, moment: Moment) -> Decimal:
    """What a market entry pays (a buy) or gets (a sell)."""
    return buy_price(moment) if is_long(smart_trade) else sell_price(moment)


def exit_price(smart_trade: JSONObject, moment: Moment) -> Decimal:
    """What a market exit gets (selling a long) or pays (buying back a short)."""
    return sell_price(moment) if is_long(smart_trade) else buy_price(moment)


def limit_crossed(buying: bool, limit: Decimal, quote: Quote) -> bool:
    """Freqtrade's rule: a buy limit fills when the ask is at or below it, a sell limit when
    the bid is at or above it."""
    return quote.ask <= limit if buying else quote.bid >= limit


def reached(long: bool, price: Decimal, target: Decimal) -> bool:
    """A take-profit price is reached: at or above it for a long, at or below for a short."""
    return price >= target if long else price <= target


def breached(long: bool, price: Decimal, trigger: Decimal) -> bool:
    """A stop-loss trigger is breached: at or below it for a long, at or above for a short."""
    return price <= trigger if long else price >= trigger


def trailing_percent(trailing: object) -> Decimal | None:
    """A trailing object's percent when it is enabled (``None`` when off or without one)."""
    trailing = obj(trailing)
    if trailing.get("enabled") is not True:
        return None
    percent = number(trailing.get("percent"))
    return percent if percent is not None and percent > 0 else None


# --- Fills ---------------------------------------------------------------------------------------


def add_entry(smart_trade: JSONObject, units: Decimal, price: Decimal, rate: Decimal) -> None:
    """Add an entry fill to ``entered_amount``/``entered_total`` and the average price."""
    data = smart_trade.setdefault("data", {})
    amount = number(data.get("entered_amount")) or _ZERO
    total = number(data.get("entered_total")) or _ZERO
    average = number(data.get("average_enter_price_without_commission"))
    gross = units * price
    fee = gross * rate
    new_amount = amount + units
    data["entered_amount"] = text(new_amount)
    data["entered_total"] = text(total + (gross + fee if is_long(smart_trade) else gross - fee))
    if new_amount > 0:
        spent = (average or _ZERO) * amount + gross
        data["average_enter_price_without_commission"] = text(divide(spent, new_amount))


def fill_entry(smart_trade: JSONObject, price: Decimal, moment: Moment) -> None:
    position = obj(smart_trade.get("position"))
    units = number(obj(position.get("units")).get("value")) or _ZERO
    if units <= 0:
        return
    add_entry(smart_trade, units, price, commission(smart_trade))
    position["status"] = order_status("finished")
    refresh(smart_trade, moment)


def fill_exit(
    smart_trade: JSONObject, order: JSONObject, units: Decimal, price: Decimal, moment: Moment
) -> None:
    """An exit order fills ``units`` at ``price``: it keeps its units and gross total."""
    units = min(units, open_amount(smart_trade))
    if units <= 0:
        finish_order(order, "cancelled", moment.now)
        refresh(smart_trade, moment)
        return
    gross = units * price
    order["units"] = {**obj(order.get("units")), "value": text(units)}
    if isinstance(order.get("total"), dict):
        order["total"] = {**order["total"], "value": text(gross)}
    else:
        order["total"] = text(gross)
    finish_order(order, "finished", moment.now)
    refresh(smart_trade, moment)


def planned_units(order: JSONObject) -> Decimal:
    return number(obj(order.get("units")).get("value")) or _ZERO
