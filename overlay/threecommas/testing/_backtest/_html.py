"""The report as one self-contained web page: figures, trades, and two pictures drawn as SVG.

Why SVG written here rather than a plotting library: the page must work offline and be the
same bytes for the same backtest. SVG is a picture format every browser draws, so the page
needs no script and nothing to fetch; writing a line chart and some markers is a few dozen
lines; and no dependency means no extra to install and no version whose output drifts
(matplotlib's SVG carries a date and random ids unless told otherwise, plotly's page carries
megabytes of JavaScript).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from threecommas.testing._backtest._report import BacktestReport

__all__ = ["render"]

_WIDTH: Final = 960
_HEIGHT: Final = 320
_LEFT: Final = 80
_RIGHT: Final = 16
_TOP: Final = 16
_BOTTOM: Final = 36
_MARKERS: Final = {
    # kind: (css class, colour, label)
    "entry": ("entry", "#1f6feb", "entry"),
    "take_profit": ("take-profit", "#1a7f37", "take profit"),
    "stop_loss": ("stop-loss", "#cf222e", "stop loss"),
    "market_close": ("market-close", "#6e7781", "close by market"),
    "reduce_funds": ("reduce-funds", "#9a6700", "reduce funds"),
}

_STYLE: Final = """
body { font-family: system-ui, sans-serif; margin: 24px; color: #1f2328; }
h1 { font-size: 20px; } h2 { font-size: 16px; margin-top: 28px; }
table { border-collapse: collapse; font-size: 13px; }
td, th { border-bottom: 1px solid #d0d7de; padding: 3px 10px; text-align: right; }
th { background: #f6f8fa; } td:first-child, th:first-child { text-align: left; }
svg { background: #fff; border: 1px solid #d0d7de; display: block; }
svg text { font-size: 11px; fill: #57606a; }
.legend span { margin-right: 16px; font-size: 13px; }
"""


class _Scale:
    """Maps times and prices to the picture's pixels."""

    def __init__(self, times: Sequence[float], values: Sequence[Decimal]) -> None:
        self.t0, self.t1 = min(times), max(times)
        low, high = min(values), max(values)
        pad = (high - low) * Decimal("0.05") or abs(high) * Decimal("0.01") or Decimal(1)
        self.v0, self.v1 = low - pad, high + pad

    def x(self, t: float) -> str:
        span = self.t1 - self.t0 or 1.0
        return f"{_LEFT + (t - self.t0) / span * (_WIDTH - _LEFT - _RIGHT):.1f}"

    def y(self, value: Decimal) -> str:
        span = self.v1 - self.v0
        fraction = float((value - self.v0) / span)
        return f"{_TOP + (1 - fraction) * (_HEIGHT - _TOP - _BOTTOM):.1f}"


def _axes(scale: _Scale, start: datetime, end: datetime) -> list[str]:
    parts = [
        f'<line x1="{_LEFT}" y1="{_HEIGHT - _BOTTOM}" x2="{_WIDTH - _RIGHT}" '
        f'y2="{_HEIGHT - _BOTTOM}" stroke="#8c959f"/>',
        f'<line x1="{_LEFT}" y1="{_TOP}" x2="{_LEFT}" y2="{_HEIGHT - _BOTTOM}" stroke="#8c959f"/>',
    ]
    for step in range(5):
        value = scale.v0 + (scale.v1 - scale.v0) * step / 4
        y = scale.y(value)
        parts.append(
            f'<line x1="{_LEFT}" y1="{y}" x2="{_WIDTH - _RIGHT}" y2="{y}" stroke="#eaeef2"/>'
            f'<text x="{_LEFT - 6}" y="{y}" text-anchor="end" dominant-baseline="middle">'
            f"{_number(value)}</text>"
        )
    for label, t, anchor in (
        (start, scale.t0, "start"),
        (end, scale.t1, "end"),
    ):
        parts.append(
            f'<text x="{scale.x(t)}" y="{_HEIGHT - _BOTTOM + 16}" text-anchor="{anchor}">'
            f"{label.strftime('%Y-%m-%d %H:%M')} UTC</text>"
        )
    return parts


def _number(value: Decimal) -> str:
    magnitude = abs(value)
    places = 0 if magnitude >= 1000 else 2 if magnitude >= 1 else 6
    return f"{value:,.{places}f}"


def _svg(identifier: str, title: str, body: list[str]) -> str:
    return (
        f'<svg id="{identifier}" role="img" aria-label="{html.escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg" width="{_WIDTH}" height="{_HEIGHT}" '
        f'viewBox="0 0 {_WIDTH} {_HEIGHT}"><title>{html.escape(title)}</title>'
        + "".join(body)
        + "</svg>"
    )


def _price_chart(report: BacktestReport) -> str:
    points = report.price_curve
    start = report.start
    times = [(p.at - start).total_seconds() for p in points]
    marks: list[tuple[str, float, Decimal, str]] = []
    for trade in report.trades:
        if trade.entered_at is not None and trade.entry_price is not None:
            tip = f"#{trade.id} entry {trade.units} at {trade.entry_price}"
            marks.append(
                ("entry", (trade.entered_at - start).total_seconds(), trade.entry_price, tip)
            )
        for exit_ in trade.exits:
            what = exit_.kind.replace("_", " ")
            tip = f"#{trade.id} {what} {exit_.units} at {_number(exit_.price)}"
            marks.append((exit_.kind, (exit_.at - start).total_seconds(), exit_.price, tip))
    values = [p.low for p in points] + [p.high for p in points] + [m[2] for m in marks]
    scale = _Scale(times + [m[1] for m in marks], values)
    band = " ".join(f"{scale.x(t)},{scale.y(p.high)}" for t, p in zip(times, points, strict=True))
    band += " " + " ".join(
        f"{scale.x(t)},{scale.y(p.low)}" for t, p in reversed(list(zip(times, points, strict=True)))
    )
    line = " ".join(f"{scale.x(t)},{scale.y(p.close)}" for t, p in zip(times, points, strict=True))
    body = _axes(scale, start, report.end)
    body.append(f'<polygon class="range" points="{band}" fill="#ddf4ff" stroke="none"/>')
    body.append(
        f'<polyline class="close" points="{line}" fill="none" stroke="#0969da" stroke-width="1.2"/>'
    )
    for kind, t, price, tip in marks:
        css, colour, _ = _MARKERS.get(kind, _MARKERS["market_close"])
        x, y = scale.x(t), scale.y(price)
        if kind == "entry":
            shape = f'<path d="M{x},{y} m-5,7 l5,-10 l5,10 z"'
        elif kind == "stop_loss":
            shape = f'<path d="M{x},{y} m-5,-7 l5,10 l5,-10 z"'
        else:
            shape = f'<circle cx="{x}" cy="{y}" r="4"'
        body.append(
            f'<g class="marker {css}">{shape} fill="{colour}" stroke="#fff" stroke-width="0.8">'
            f"<title>{html.escape(tip)}</title></{shape[1 : shape.index(' ')]}></g>"
        )
    return _svg("price-chart", f"{report.pair}: price, entries and exits", body)


def _equity_chart(report: BacktestReport) -> str:
    points = report.equity_curve
    start = report.start
    times = [0.0] + [(p.at - start).total_seconds() for p in points]
    values = [report.start_equity] + [p.equity for p in points]
    scale = _Scale(times, values)
    line = " ".join(f"{scale.x(t)},{scale.y(v)}" for t, v in zip(times, values, strict=True))
    base = scale.y(report.start_equity)
    area = f"{scale.x(times[0])},{base} {line} {scale.x(times[-1])},{base}"
    body = _axes(scale, start, report.end)
    body.append(
        f'<line x1="{_LEFT}" y1="{base}" x2="{_WIDTH - _RIGHT}" y2="{base}" '
        'stroke="#8c959f" stroke-dasharray="4 3"/>'
    )
    body.append(f'<polygon class="area" points="{area}" fill="#dafbe1" stroke="none"/>')
    body.append(
        f'<polyline class="equity" points="{line}" fill="none" stroke="#1a7f37" '
        'stroke-width="1.5"/>'
    )
    return _svg("equity-curve", f"equity in {report.quote}", body)


def _rows(rows: Sequence[Sequence[object]], header: Sequence[str]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>"
        + "".join(f"<td>{html.escape('' if c is None else str(c))}</td>" for c in row)
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def render(report: BacktestReport) -> str:
    data = report.to_dict()
    results, api = data["results"], data["api"]
    figures = [
        ("period", f"{data['start']} to {data['end']}"),
        ("bars", f"{report.bars} ({report.bars_called} handed to the strategy)"),
        ("equity", f"{results['start_equity']} to {results['end_equity']} {report.quote}"),
        (
            "profit",
            f"{results['total_profit']} {report.quote} ({results['total_profit_percent']} %)",
        ),
        ("fees", f"{results['total_fees']} {report.quote}"),
        (
            "max drawdown",
            f"{results['max_drawdown']} {report.quote} ({results['max_drawdown_percent']} %)",
        ),
        ("SmartTrades", f"{results['smart_trades']} ({results['ended']} ended)"),
        ("win rate", results["win_rate"] or "n/a"),
        ("profit factor", results["profit_factor"] or "n/a (no loss)"),
        ("exposure", results["exposure"]),
        ("API requests", f"{api['requests']} (busiest minute {api['busiest_minute']})"),
        ("rate-limited (429/418)", api["rate_limited"]),
        ("strategy errors", len(api["strategy_errors"])),
    ]
    trades = [
        (
            t["id"],
            t["ended_by"],
            t["entered_at"],
            t["entry_price"],
            ", ".join(f"{e['kind']} {e['price']}" for e in t["exits"]),
            t["closed_at"],
            t["fees"],
            t["profit"],
        )
        for t in data["smart_trades"]
    ]
    legend = "".join(
        f'<span><svg width="10" height="10" style="display:inline;border:0">'
        f'<rect width="10" height="10" fill="{colour}"/></svg> {label}</span>'
        for _, colour, label in _MARKERS.values()
    )
    title = f"Backtest: {report.pair} on {report.market_code}"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"<style>{_STYLE}</style></head><body>"
        f"<h1>{html.escape(title)}</h1>"
        + _rows(figures, ("figure", "value"))
        + "<h2>Price</h2>"
        + f'<div class="legend">{legend}</div>'
        + _price_chart(report)
        + f"<h2>Equity ({html.escape(report.quote)})</h2>"
        + _equity_chart(report)
        + "<h2>SmartTrades</h2>"
        + _rows(trades, ("id", "ended by", "entered", "entry", "exits", "closed", "fees", "profit"))
        + "</body></html>\n"
    )
