"""The :class:`BacktestReport`: what a backtest did, in figures, text, JSON and a web page.

Everything in it follows from the SmartTrades as the fake server left them at the end (the
same figures the API shows: ``entered_total``, the exit orders' totals, ``profit``), the bars,
and the log of requests. Money is in the pair's quote currency.

Definitions (where trading tools differ, these are the ones used):

* **equity** at a bar: the quote currency the account started with, plus every SmartTrade's
  cash flows up to the bar's close (an entry's ``entered_total`` paid, an exit's total less
  its fee received), plus its open units valued at the close as selling them would bring
  (the close less the fee): what ``profit`` counts, bar by bar.
* **max drawdown**: the largest fall of equity from a previous peak, bar by bar (absolute,
  and in percent of that peak).
* **win rate**: the share of ended SmartTrades with a profit above 0; **profit factor**: the
  sum of the profits over the sum of the losses (``None`` when there was no loss).
* **exposure**: the share of the bars during which a position was held.
* **fees**: what the commission took from every fill: entry and exits.
* **busiest minute**: the most requests in any 60 virtual seconds.
"""

from __future__ import annotations

import bisect
import json
import operator
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from itertools import chain
from pathlib import Path
from typing import Any, Final

from threecommas.testing._backtest._trades import TradeResult, iso, text, trade_result
from threecommas.testing._backtest._transport import RequestLog
from threecommas.testing.simulation._market._prices import BLOCK

__all__ = ["BacktestReport", "build_report", "curve_points"]

#: At most this many points of the equity curve in the report (every bar still counts for the
#: drawdown and the exposure): a year of minutes would otherwise be 525,600 points.
MAX_CURVE_POINTS: Final = 1000
_ZERO: Final = Decimal(0)
_CENT: Final = Decimal("0.01")
_MICROS: Final = Decimal(1_000_000)
_LOW: Final = operator.attrgetter("low")
_HIGH: Final = operator.attrgetter("high")


def _close(bar: Any) -> Decimal:
    """When a bar closes: seconds from the start."""
    closed: Decimal = bar.t + bar.seconds
    return closed


#: A path's lowest lows and highest highs, per block of BLOCK bars.
Blocks = tuple[Sequence[Decimal], Sequence[Decimal]]


@dataclass(frozen=True)
class CurvePoint:
    at: datetime
    equity: Decimal


@dataclass(frozen=True)
class PricePoint:
    """A stretch of bars drawn as one point: its time, lowest low, highest high, last close."""

    at: datetime
    low: Decimal
    high: Decimal
    close: Decimal


@dataclass(frozen=True)
class BacktestReport:
    """What :func:`~threecommas.testing.backtest` found: see the module for the definitions.

    ``summary()`` is text, ``to_json()`` the whole report as JSON (byte-identical for the same
    inputs), ``to_html(path)`` one self-contained page with the price chart and the equity
    curve as pictures (SVG drawn in the page: nothing to fetch, works offline).
    """

    pair: str
    market_code: str
    account_id: int
    quote: str
    start: datetime
    end: datetime
    bars: int
    bars_called: int
    bars_skipped: int
    balances: Mapping[str, str]
    options: Mapping[str, Any]
    trades: tuple[TradeResult, ...]
    equity_curve: tuple[CurvePoint, ...]
    price_curve: tuple[PricePoint, ...]
    start_equity: Decimal
    end_equity: Decimal
    total_fees: Decimal
    max_drawdown: Decimal
    max_drawdown_percent: Decimal
    win_rate: Decimal | None
    profit_factor: Decimal | None
    exposure: Decimal
    requests: int
    requests_by_status: Mapping[int, int]
    busiest_minute: int
    rate_limited: int
    errors: tuple[Mapping[str, Any], ...]
    #: Real seconds the backtest took (not in the JSON or the page: those are reproducible).
    wall_seconds: float = 0.0
    #: Virtual seconds the client spent waiting (limiter, lockouts, retries, wait_for).
    waited_seconds: Decimal = _ZERO

    @property
    def total_profit(self) -> Decimal:
        """Equity at the end less equity at the start (open positions at the last close)."""
        return self.end_equity - self.start_equity

    @property
    def virtual_seconds(self) -> float:
        """The seconds of market the backtest played (first open to last close)."""
        return (self.end - self.start).total_seconds()

    def to_dict(self) -> dict[str, Any]:
        """The report as plain JSON values (what :meth:`to_json` writes)."""
        ended = [trade for trade in self.trades if trade.ended_by != "open"]
        return {
            "pair": self.pair,
            "market_code": self.market_code,
            "account_id": self.account_id,
            "currency": self.quote,
            "start": iso(self.start),
            "end": iso(self.end),
            "bars": {
                "total": self.bars,
                "called": self.bars_called,
                "skipped_while_busy": self.bars_skipped,
            },
            "balances": dict(self.balances),
            "options": {key: _jsonable(value) for key, value in self.options.items()},
            "results": {
                "start_equity": text(self.start_equity),
                "end_equity": text(self.end_equity),
                "total_profit": text(self.total_profit),
                "total_profit_percent": text(_percent(self.total_profit, self.start_equity), 2),
                "total_fees": text(self.total_fees),
                "max_drawdown": text(self.max_drawdown),
                "max_drawdown_percent": text(self.max_drawdown_percent, 2),
                "smart_trades": len(self.trades),
                "ended": len(ended),
                "win_rate": text(self.win_rate, 4),
                "profit_factor": text(self.profit_factor, 4),
                "exposure": text(self.exposure, 4),
                "ended_by": dict(sorted(Counter(t.ended_by for t in self.trades).items())),
            },
            "api": {
                "requests": self.requests,
                "by_status": {
                    str(key): value for key, value in sorted(self.requests_by_status.items())
                },
                "busiest_minute": self.busiest_minute,
                "rate_limited": self.rate_limited,
                "waited_seconds": text(self.waited_seconds, 6),
                "strategy_errors": list(self.errors),
            },
            "smart_trades": [trade.to_json() for trade in self.trades],
            "equity_curve": [[iso(p.at), text(p.equity)] for p in self.equity_curve],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """The report as JSON: the same inputs give the same bytes."""
        return json.dumps(self.to_dict(), indent=indent, sort_keys=False, ensure_ascii=False)

    def summary(self) -> str:
        """The figures, as text for a terminal."""
        data = self.to_dict()
        results, api = data["results"], data["api"]
        factor = results["profit_factor"] or "n/a (no loss)"
        win = (
            "n/a" if results["win_rate"] is None else f"{Decimal(results['win_rate']) * 100:.1f} %"
        )
        lines = [
            f"Backtest of {self.pair} on {self.market_code}, {data['start']} to {data['end']}",
            f"  bars: {self.bars} ({self.bars_called} handed to the strategy, "
            f"{self.bars_skipped} passed while it waited)",
            f"  equity: {results['start_equity']} -> {results['end_equity']} {self.quote}",
            f"  profit: {results['total_profit']} {self.quote} "
            f"({results['total_profit_percent']} %), fees {results['total_fees']} {self.quote}",
            f"  max drawdown: {results['max_drawdown']} {self.quote} "
            f"({results['max_drawdown_percent']} %)",
            f"  SmartTrades: {results['smart_trades']} ({results['ended']} ended: "
            + ", ".join(f"{k} {v}" for k, v in results["ended_by"].items())
            + ")",
            f"  win rate: {win}, profit factor: {factor}, "
            f"exposure: {Decimal(results['exposure']) * 100:.1f} %",
            f"  API: {api['requests']} requests, busiest minute {api['busiest_minute']}, "
            f"{api['rate_limited']} rate-limited (429/418), "
            f"{api['waited_seconds']} s waited (virtual)",
        ]
        if self.errors:
            lines.append(
                f"  strategy errors: {len(self.errors)} (the first: {self.errors[0]['error']})"
            )
        if self.wall_seconds:
            lines.append(
                f"  took {self.wall_seconds:.2f} s for {self.virtual_seconds:,.0f} s of market"
            )
        return "\n".join(lines)

    def to_html(self, path: str | Path) -> Path:
        """Write the page (the figures, the trades, the price chart with the entries, take
        profits and stop losses marked, and the equity curve) to ``path``; its path."""
        from threecommas.testing._backtest._html import render

        target = Path(path)
        target.write_text(render(self), encoding="utf-8")
        return target


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return value


def _percent(part: Decimal, whole: Decimal) -> Decimal | None:
    return part / whole * 100 if whole else None


def _busiest_minute(times: Sequence[int]) -> int:
    best = first = 0
    for last, at in enumerate(times):
        while times[first] <= at - 60_000_000:
            first += 1
        best = max(best, last - first + 1)
    return best


def build_report(
    *,
    pair: str,
    market_code: str,
    account_id: int,
    start: datetime,
    bars: Sequence[Any],
    smart_trades: Sequence[Mapping[str, Any]],
    balances: Mapping[str, str],
    quote: str,
    requests: RequestLog,
    bars_called: int,
    bars_skipped: int,
    errors: Sequence[Mapping[str, Any]],
    options: Mapping[str, Any],
    wall_seconds: float,
    waited_micros: int,
    blocks: Blocks | None = None,
) -> BacktestReport:
    trades = tuple(trade_result(st) for st in smart_trades)
    start_equity = Decimal(str(balances.get(quote, "0")))
    curve, prices, stats = _walk(start, bars, trades, start_equity, blocks)
    ended = [t for t in trades if t.ended_by not in ("open", "cancel")]
    wins = sum((t.profit for t in ended if t.profit > 0), _ZERO)
    losses = -sum((t.profit for t in ended if t.profit < 0), _ZERO)
    statuses = Counter(requests.statuses)
    last = bars[-1]
    return BacktestReport(
        pair=pair,
        market_code=market_code,
        account_id=account_id,
        quote=quote,
        start=start,
        end=start + timedelta(microseconds=int((last.t + last.seconds) * 1_000_000)),
        bars=len(bars),
        bars_called=bars_called,
        bars_skipped=bars_skipped,
        balances=balances,
        options=options,
        trades=trades,
        equity_curve=curve,
        price_curve=prices,
        start_equity=start_equity,
        end_equity=stats["end"],
        total_fees=sum((t.fees for t in trades), _ZERO),
        max_drawdown=stats["drawdown"],
        max_drawdown_percent=stats["drawdown_percent"],
        win_rate=Decimal(sum(1 for t in ended if t.profit > 0)) / len(ended) if ended else None,
        profit_factor=wins / losses if losses else None,
        exposure=stats["exposure"],
        requests=len(requests.times),
        requests_by_status=dict(statuses),
        busiest_minute=_busiest_minute(requests.times),
        rate_limited=statuses.get(429, 0) + statuses.get(418, 0),
        errors=tuple(errors),
        wall_seconds=wall_seconds,
        waited_seconds=Decimal(waited_micros) / 1_000_000,
    )


def _walk(
    start: datetime,
    bars: Sequence[Any],
    trades: Sequence[TradeResult],
    start_equity: Decimal,
    blocks: Blocks | None = None,
) -> tuple[tuple[CurvePoint, ...], tuple[PricePoint, ...], dict[str, Any]]:
    """Equity bar by bar (at each close): the curve (thinned), the price chart's points, the
    drawdown, the exposure and the final equity."""
    # Cash flows and position changes, in time order: (µs from start, cash, units, rate, long).
    events: list[tuple[int, Decimal, Decimal, Decimal, bool]] = []
    for trade in trades:
        long = trade.side == "long"
        if trade.entered_at is not None and trade.units:
            cash = -trade.entry_total if long else trade.entry_total
            events.append(
                (_offset(start, trade.entered_at), cash, trade.units, trade.commission, long)
            )
        for exit_ in trade.exits:
            gross = exit_.units * exit_.price
            cash = gross - exit_.fee if long else -(gross + exit_.fee)
            events.append((_offset(start, exit_.at), cash, -exit_.units, trade.commission, long))
    events.sort(key=lambda event: event[0])
    # A year of minutes is half a million bars: the walk does per bar only what that bar can
    # change. An event's time is compared in Decimal seconds, as the bars' are (exact: whole
    # microseconds), the equity is worked out again only while something is held or after an
    # event, the bars between are passed over while nothing is held, and a curve point's
    # lowest and highest prices are taken over its stretch at once.
    event_seconds = [Decimal(event[0]) / _MICROS for event in events]
    pending = len(events)
    count = len(bars)
    points = curve_points(count)
    cash = start_equity
    held: dict[tuple[Decimal, bool], Decimal] = {}
    index = 0
    peak = start_equity
    drawdown = drawdown_percent = _ZERO
    exposed = 0
    curve: list[CurvePoint] = []
    prices: list[PricePoint] = []
    equity = start_equity
    stretch = 0
    # The bars that end the curve's stretches, last first.
    ahead = points[::-1]
    point = ahead.pop() if ahead else count - 1
    number = 0
    while number < count:
        if not held:
            # Nothing held: equity stays as it is up to the bar of the next event, and only the
            # curve's next point lies between (a year with no trade is a thousand steps).
            upcoming = (
                bisect.bisect_left(bars, event_seconds[index], number, count, key=_close)
                if index < pending
                else count
            )
            number = min(upcoming, point)
        bar = bars[number]
        moved = False
        if index < pending and event_seconds[index] <= bar.t + bar.seconds:
            moved = True
            while index < pending and event_seconds[index] <= bar.t + bar.seconds:
                _, flow, units, rate, long = events[index]
                cash += flow
                key = (rate, long)
                left = held.get(key, _ZERO) + units
                if left:
                    held[key] = left
                else:
                    held.pop(key, None)
                index += 1
        if held:
            exposed += 1
            equity = cash
            for (rate, long), units in held.items():
                equity += (
                    units * bar.close * (1 - rate) if long else -units * bar.close * (1 + rate)
                )
            moved = True
        elif moved:
            equity = cash
        if moved:
            if equity > peak:
                peak = equity
            elif peak - equity > drawdown:
                drawdown = peak - equity
                drawdown_percent = drawdown / peak * 100 if peak else _ZERO
        if number == point:
            close_at = int((bar.t + bar.seconds) * 1_000_000)
            moment = start + timedelta(microseconds=close_at)
            low, high = _extremes(bars, blocks, stretch, number + 1)
            curve.append(CurvePoint(moment, equity.quantize(_CENT)))
            prices.append(PricePoint(moment, low, high, bar.close))
            stretch = number + 1
            point = ahead.pop() if ahead else count - 1
        number += 1
    stats = {
        "end": equity,
        "drawdown": drawdown,
        "drawdown_percent": drawdown_percent,
        "exposure": Decimal(exposed) / count if count else _ZERO,
    }
    return tuple(curve), tuple(prices), stats


def curve_points(count: int) -> list[int]:
    """The bars (by index) at which the curves of a run of ``count`` bars have a point: each
    stands for the stretch of bars since the one before, at most MAX_CURVE_POINTS of them.

    Up to MAX_CURVE_POINTS blocks of BLOCK bars, every ``ceil(count / MAX_CURVE_POINTS)``-th
    bar and the last. Beyond, the stretches are whole blocks, as even as whole blocks go (8 or
    9 for a year of minutes), so that a point's lowest and highest prices come from the path's
    per-block extremes and not from a pass over the bars at both ends of its stretch; the
    last stretch takes the bars of the last, partial block.
    """
    if count <= 0:
        return []
    blocks = count // BLOCK
    if blocks < MAX_CURVE_POINTS:
        every = max(1, -(-count // MAX_CURVE_POINTS))
        return [*range(every - 1, count - 1, every), count - 1]
    ends = [(k * blocks // MAX_CURVE_POINTS) * BLOCK - 1 for k in range(1, MAX_CURVE_POINTS)]
    return [*ends, count - 1]


def _extremes(bars: Sequence[Any], blocks: Blocks | None, first: int, end: int) -> Any:
    """The lowest low and the highest high of ``bars[first:end]`` (the first of equals, as a
    pass bar by bar finds them), through the path's per-block extremes where given."""
    whole_from, whole_to = -(-first // BLOCK), end // BLOCK
    if blocks is None or whole_from >= whole_to:
        span = bars[first:end]
        return min(map(_LOW, span)), max(map(_HIGH, span))
    lows, highs = blocks
    if first == whole_from * BLOCK and end == whole_to * BLOCK:
        return min(lows[whole_from:whole_to]), max(highs[whole_from:whole_to])
    head, tail = bars[first : whole_from * BLOCK], bars[whole_to * BLOCK : end]
    low = min(chain(map(_LOW, head), lows[whole_from:whole_to], map(_LOW, tail)))
    high = max(chain(map(_HIGH, head), highs[whole_from:whole_to], map(_HIGH, tail)))
    return low, high


def _offset(start: datetime, moment: datetime) -> int:
    delta = moment - start
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds
