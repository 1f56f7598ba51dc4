"""How an order fills (the role of nautilus's fill model): what an entry adds to the position
and what an exit order records, once the matching rules have decided that it fills."""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from threecommas.testing.simulation._market._derive import (
    commission,
    divide,
    finish_order,
    is_long,
    number,
    obj,
    open_amount,
    text,
)
from threecommas.testing.simulation._market._tick import Memory, Moment, refresh
from threecommas.testing.simulation._state import JSONObject, order_status

__all__ = [
    "add_entry",
    "fill_entry",
    "fill_exit",
    "fill_rate",
    "fill_resting_entry",
    "planned_units",
    "record_fee",
    "settle_partial_entry",
]

_ZERO: Final = Decimal(0)


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


def fill_rate(smart_trade: JSONObject, moment: Moment, *, maker: bool) -> Decimal:
    """The fee rate of one fill: the market's maker or taker fee, else the SmartTrade's."""
    return moment.config.fee(maker, commission(smart_trade))


def record_fee(order: JSONObject, smart_trade: JSONObject, moment: Moment, *, maker: bool) -> None:
    """Keep an exit fill's own rate on its order while the market sets fees (maker and taker
    fills of one SmartTrade differ); without configured fees the order stays as recorded."""
    if moment.config.charges_fees:
        order["commission"] = text(fill_rate(smart_trade, moment, maker=maker))


def fill_entry(
    smart_trade: JSONObject, price: Decimal, moment: Moment, *, maker: bool = False
) -> None:
    position = obj(smart_trade.get("position"))
    units = number(obj(position.get("units")).get("value")) or _ZERO
    units -= number(obj(smart_trade.get("data")).get("entered_amount")) or _ZERO
    if units <= 0:
        return
    add_entry(smart_trade, units, price, fill_rate(smart_trade, moment, maker=maker))
    position["status"] = order_status("finished")
    refresh(smart_trade, moment)


def fill_exit(
    smart_trade: JSONObject,
    order: JSONObject,
    units: Decimal,
    price: Decimal,
    moment: Moment,
    *,
    maker: bool = False,
) -> None:
    """An exit order fills ``units`` at ``price``: it keeps its units and gross total (and,
    while the market sets fees, its rate)."""
    units = min(units, open_amount(smart_trade))
    if units <= 0:
        finish_order(order, "cancelled", moment.now)
        refresh(smart_trade, moment)
        return
    record_fee(order, smart_trade, moment, maker=maker)
    gross = units * price
    order["units"] = {**obj(order.get("units")), "value": text(units)}
    if isinstance(order.get("total"), dict):
        order["total"] = {**order["total"], "value": text(gross)}
    else:
        order["total"] = text(gross)
    finish_order(order, "finished", moment.now)
    refresh(smart_trade, moment)


def _bar_allowance(memory: Memory, moment: Moment, key: str) -> Decimal | None:
    """How many units a resting limit order may still fill in the bar being played: its
    share of the bar's volume less what it filled in this bar already; ``None`` when nothing
    limits it (no ``volume_share``, or a price that does not come from a bar with a volume)."""
    share = moment.config.volume_share
    if share is None or moment.volume is None:
        return None
    bar, used = memory.bar_fills.get(key, (None, _ZERO))
    if bar != moment.bar:
        used = _ZERO
    return max(share * moment.volume - used, _ZERO)


def fill_resting_entry(
    smart_trade: JSONObject, memory: Memory, limit: Decimal, moment: Moment
) -> None:
    """The book crosses a resting limit entry: it fills at its price, whole, or at most its
    share of the bar's volume (the rest keeps resting for the bars to come)."""
    position = obj(smart_trade.get("position"))
    planned = number(obj(position.get("units")).get("value")) or _ZERO
    done = number(obj(smart_trade.get("data")).get("entered_amount")) or _ZERO
    allowed = _bar_allowance(memory, moment, "position")
    if allowed is None or allowed >= planned - done:
        memory.bar_fills.pop("position", None)
        fill_entry(smart_trade, limit, moment, maker=True)
        return
    if allowed <= 0:
        return
    add_entry(smart_trade, allowed, limit, fill_rate(smart_trade, moment, maker=True))
    bar, used = memory.bar_fills.get("position", (None, _ZERO))
    memory.bar_fills["position"] = (moment.bar, (used if bar == moment.bar else _ZERO) + allowed)
    refresh(smart_trade, moment)


def settle_partial_entry(smart_trade: JSONObject) -> None:
    """Closed by market while the entry was partly filled: the rest of the entry is
    cancelled and what filled becomes the position (which the close then sells)."""
    position = obj(smart_trade.get("position"))
    amount = number(obj(smart_trade.get("data")).get("entered_amount")) or _ZERO
    if not position or amount <= 0:
        return
    position["units"] = {**obj(position.get("units")), "value": text(amount)}
    position["status"] = order_status("finished")


def planned_units(order: JSONObject) -> Decimal:
    return number(obj(order.get("units")).get("value")) or _ZERO
