"""Each SmartTrade a backtest opened, read as the API shows it: entry, exits, fees, profit and
how it ended (:class:`TradeResult`), and the text forms the report writes numbers and times in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, Final

__all__ = ["Exit", "TradeResult", "iso", "text", "trade_result"]

_ZERO: Final = Decimal(0)
_FINAL: Final = ("finished", "cancelled", "failed")


def _d(value: Any) -> Decimal | None:
    if isinstance(value, dict):
        value = value.get("value")
    if value is None:
        return None
    try:
        return Decimal(str(value))
    except ArithmeticError:
        return None


def text(value: Decimal | None, places: int = 8) -> str | None:
    if value is None:
        return None
    quantum = Decimal(1).scaleb(-places)
    rounded = value.quantize(quantum)
    text = format(rounded.normalize(), "f")
    return "0" if text in ("-0", "0") else text


def _status(order: Any) -> str | None:
    status = order.get("status") if isinstance(order, dict) else None
    return status.get("basic_type") if isinstance(status, dict) else None


def _moment(text: Any) -> datetime | None:
    if not isinstance(text, str):
        return None
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


@dataclass(frozen=True)
class Exit:
    """One exit order that filled: a take-profit step, the stop loss, a market close or a
    reduce-funds step."""

    kind: str
    at: datetime
    units: Decimal
    price: Decimal
    fee: Decimal

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "at": iso(self.at),
            "units": text(self.units),
            "price": text(self.price),
            "fee": text(self.fee),
        }


@dataclass(frozen=True)
class TradeResult:
    """One SmartTrade the strategy opened, and how it ended."""

    id: int
    side: str
    status: str
    opened_at: datetime
    entered_at: datetime | None
    closed_at: datetime | None
    units: Decimal
    entry_price: Decimal | None
    entry_total: Decimal
    entry_fee: Decimal
    exits: tuple[Exit, ...]
    fees: Decimal
    profit: Decimal
    profit_percent: Decimal | None
    ended_by: str
    commission: Decimal

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "side": self.side,
            "status": self.status,
            "ended_by": self.ended_by,
            "opened_at": iso(self.opened_at),
            "entered_at": iso(self.entered_at),
            "closed_at": iso(self.closed_at),
            "units": text(self.units),
            "entry_price": text(self.entry_price),
            "entry_total": text(self.entry_total),
            "exits": [exit_.to_json() for exit_ in self.exits],
            "fees": text(self.fees),
            "profit": text(self.profit),
            "profit_percent": text(self.profit_percent, 2),
        }


def iso(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def trade_result(smart_trade: Mapping[str, Any]) -> TradeResult:
    data = smart_trade.get("data") or {}
    position = smart_trade.get("position") or {}
    long = position.get("type") != "sell"
    rate = _d(data.get("commission")) or _ZERO
    units = _d(data.get("entered_amount")) or _ZERO
    entry_price = _d(data.get("average_enter_price_without_commission"))
    entry_total = _d(data.get("entered_total")) or _ZERO
    entry_gross = units * entry_price if entry_price is not None else entry_total
    entry_fee = abs(entry_total - entry_gross) if units else _ZERO
    exits: list[Exit] = []
    orders: list[tuple[str, Any]] = [
        ("take_profit", step) for step in (smart_trade.get("take_profit") or {}).get("steps") or []
    ]
    stop_loss = smart_trade.get("stop_loss") or {}
    if stop_loss.get("enabled") is True:
        orders.append(("stop_loss", stop_loss))
    orders += [
        ("reduce_funds", step)
        for step in (smart_trade.get("reduce_funds") or {}).get("steps") or []
    ]
    market_close = smart_trade.get("market_close") or {}
    if market_close:
        orders.append(("market_close", market_close))
    for kind, order in orders:
        if _status(order) != "finished":
            continue
        exit_units, gross = _d(order.get("units")), _d(order.get("total"))
        at = _moment(order.get("closed_at"))
        if exit_units is None or gross is None or not exit_units or at is None:
            continue
        # The market keeps each exit's own rate (maker or taker) when fees are configured.
        own = _d(order.get("commission"))
        fill_rate = own if own is not None and 0 <= own < 1 else rate
        exits.append(Exit(kind, at, exit_units, gross / exit_units, gross * fill_rate))
    exits.sort(key=lambda item: item.at)
    status = _status(smart_trade) or "unknown"
    profit = _d(smart_trade.get("profit", {}).get("volume")) or _ZERO
    percent = _d(smart_trade.get("profit", {}).get("percent"))
    if status == "cancelled":
        ended_by = "cancel"
    elif status not in _FINAL:
        ended_by = "open"
    elif any(exit_.kind == "stop_loss" for exit_ in exits):
        ended_by = "stop_loss"
    elif any(exit_.kind == "market_close" for exit_ in exits):
        ended_by = "market_close"
    elif exits:
        ended_by = exits[-1].kind
    else:
        ended_by = status
    entered_at = _moment(position.get("closed_at")) or (
        _moment(data.get("created_at")) if units else None
    )
    return TradeResult(
        id=int(smart_trade["id"]),
        side="long" if long else "short",
        status=status,
        opened_at=_moment(data.get("created_at")) or datetime(1970, 1, 1, tzinfo=UTC),
        entered_at=entered_at,
        closed_at=_moment(data.get("closed_at")),
        units=units,
        entry_price=entry_price,
        entry_total=entry_total,
        entry_fee=entry_fee,
        exits=tuple(exits),
        fees=entry_fee + sum((exit_.fee for exit_ in exits), _ZERO),
        profit=profit,
        profit_percent=percent,
        ended_by=ended_by,
        commission=rate,
    )
