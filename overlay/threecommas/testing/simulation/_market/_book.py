"""The book's side of matching (the role of nautilus's matching core): which price a buy or a
sell trades at, and when a limit is crossed, a target reached or a trigger breached."""

from __future__ import annotations

from decimal import Decimal

from threecommas.testing.simulation._market._derive import is_long, number, obj
from threecommas.testing.simulation._market._quotes import Quote
from threecommas.testing.simulation._market._tick import Moment
from threecommas.testing.simulation._state import JSONObject

__all__ = [
    "breached",
    "buy_price",
    "entry_price",
    "exit_price",
    "limit_crossed",
    "market_entry_price",
    "market_exit_price",
    "reached",
    "sell_price",
    "slipped",
    "trailing_percent",
]


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


def slipped(price: Decimal, buying: bool, moment: Moment) -> Decimal:
    """A market fill's price away from the touch by the market's slippage: a buy pays more,
    a sale gets less (see :mod:`._config` for the model)."""
    fraction = moment.config.slip()
    if not fraction:
        return price
    return price * (1 + fraction) if buying else price * (1 - fraction)


def market_entry_price(smart_trade: JSONObject, moment: Moment) -> Decimal:
    """What a market entry fills at: the book's price, slipped."""
    return slipped(entry_price(smart_trade, moment), is_long(smart_trade), moment)


def market_exit_price(smart_trade: JSONObject, moment: Moment) -> Decimal:
    """What a market exit fills at: the book's price, slipped."""
    return slipped(exit_price(smart_trade, moment), not is_long(smart_trade), moment)


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
