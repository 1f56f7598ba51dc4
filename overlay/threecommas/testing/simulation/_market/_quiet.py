"""The quiet band of a SmartTrade: the prices between which a tick cannot change its state.

Every open order or step has a threshold (a take-profit target, a stop-loss trigger, a resting
limit, an armed entry trigger). While every price of a tick (bid, ask and last) stays strictly
between the nearest threshold below and the nearest above, :func:`._matching.match` would only
move what follows the price alone (``current_price``, ``profit``), which the next tick that does
work (and the tick that ends every :meth:`._market.Market.advance`) recomputes from the quote of
the moment. So the market passes over such ticks, and over whole bars whose low and high stay
inside, without matching.

The band is worked out only in the states where that is plain; anything else (a trailing order,
a stop loss waiting out its timeout, an order about to be placed, a close or cancel pending)
has no band, and every tick is matched as before.
"""

from __future__ import annotations

from decimal import Decimal

from threecommas._constants import FINAL_STATUSES
from threecommas.testing.simulation._market._derive import (
    PENDING_ORDER,
    entered,
    is_long,
    number,
    obj,
    open_amount,
    reduce_steps,
    step_target,
    stop_trigger,
)
from threecommas.testing.simulation._market._quotes import Quote
from threecommas.testing.simulation._market._tick import Memory
from threecommas.testing.simulation._state import JSONObject, status_of, take_profit_steps

__all__ = ["EVERYWHERE", "Band", "band_of", "inside", "narrow"]

#: (lowest, highest) exclusive; ``None`` for no bound on that side.
Band = tuple[Decimal | None, Decimal | None]
EVERYWHERE: Band = (None, None)


def narrow(band: Band | None, other: Band | None) -> Band | None:
    """Both bands at once (``None``: no band, every tick is matched)."""
    if band is None or other is None:
        return None
    low = other[0] if band[0] is None else band[0] if other[0] is None else max(band[0], other[0])
    high = other[1] if band[1] is None else band[1] if other[1] is None else min(band[1], other[1])
    return low, high


def inside(band: Band, quote: Quote) -> bool:
    """True when every price of ``quote`` is strictly inside ``band``."""
    low, high = band
    if low is not None and not low < min(quote.bid, quote.last):
        return False
    return high is None or max(quote.ask, quote.last) < high


def _below(price: Decimal) -> Band:  # work once a price falls to ``price``
    return price, None


def _above(price: Decimal) -> Band:  # work once a price rises to ``price``
    return None, price


def band_of(smart_trade: JSONObject, memory: Memory | None) -> Band | None:
    """The SmartTrade's quiet band, or ``None`` when every tick must be matched."""
    status = status_of(smart_trade)
    if status in FINAL_STATUSES:
        return EVERYWHERE
    if status in ("created", "cancellation_pending", "panic_sell_pending"):
        return None
    memory = memory if memory is not None else Memory()
    long = is_long(smart_trade)
    if not entered(smart_trade):
        return _entry_band(smart_trade, memory, long)
    if open_amount(smart_trade) <= 0:
        return None
    band: Band | None = EVERYWHERE
    for step in reduce_steps(smart_trade):
        if status_of(step) in PENDING_ORDER:
            return None
    for step in take_profit_steps(smart_trade):
        current = status_of(step)
        if current not in PENDING_ORDER:
            continue
        if current in ("idle", "panic_sell_pending", "trailing_activated"):
            return None
        target = step_target(smart_trade, step)
        if target is None:
            continue
        # A resting sell limit fills when the bid rises to it, a market step when its price
        # does: either way, a long's step works at or above the target (a short's at or below).
        band = narrow(band, _above(target) if long else _below(target))
    stop_loss = obj(smart_trade.get("stop_loss"))
    current = status_of(stop_loss)
    if stop_loss.get("enabled") is True and current in PENDING_ORDER:
        if current == "idle" or memory.stop_breached_since is not None:
            return None
        if current == "order_placed":
            limit = number(obj(stop_loss.get("price")).get("value"))
            if limit is not None:
                band = narrow(band, _above(limit) if long else _below(limit))
        else:
            conditional = obj(stop_loss.get("conditional"))
            if obj(conditional.get("trailing")).get("enabled") is True:
                return None
            trigger = stop_trigger(smart_trade)
            if trigger is not None:
                band = narrow(band, _below(trigger) if long else _above(trigger))
    return band


def _entry_band(smart_trade: JSONObject, memory: Memory, long: bool) -> Band | None:
    if status_of(smart_trade) != "waiting_position":
        return None
    position = obj(smart_trade.get("position"))
    current = status_of(position)
    limit = number(obj(position.get("price")).get("value"))
    if current == "order_placed":  # a resting limit: a buy fills once the ask falls to it
        if limit is None:
            return EVERYWHERE
        return _below(limit) if long else _above(limit)
    if current == "to_process" and position.get("order_type") == "conditional":
        conditional = obj(position.get("conditional"))
        if obj(conditional.get("trailing")).get("enabled") is True:
            return None
        trigger = number(obj(conditional.get("price")).get("value"))
        if trigger is None or memory.entry_trigger != trigger:
            return None  # not armed yet: the next tick arms it
        return _above(trigger) if memory.entry_rises else _below(trigger)
    return None
