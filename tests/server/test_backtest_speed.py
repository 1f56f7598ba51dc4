"""What a backtest does per bar is cut to the bone (issue 23, "Fast"); these hold that the
cuts changed nothing a strategy or a report sees. The figures themselves are in `make bench`
(benchmarks/backtest.py): no test here depends on how fast the machine is."""

from __future__ import annotations

import copy
import itertools
import json
import pickle
import sys
from collections import deque
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from threecommas import Bar
from threecommas._schema import _validator, schema_errors
from threecommas.testing import backtest
from threecommas.testing._backtest._report import (
    MAX_CURVE_POINTS,
    CurvePoint,
    PricePoint,
    TradeResult,
    _extremes,
    _walk,
    curve_points,
)
from threecommas.testing._backtest._report import _offset as offset
from threecommas.testing.simulation._market._balances import Balances
from threecommas.testing.simulation._market._copies import _json_copy, _state_of
from threecommas.testing.simulation._market._prices import BLOCK, PricePath
from threecommas.testing.simulation._market._prices import Bar as MarketBar
from threecommas.testing.simulation._state import JSONObject

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "examples"), str(ROOT / "benchmarks")]
from buy_the_dip import BuyTheDip  # noqa: E402
from market import PAIR, year_of_bars  # noqa: E402

ZERO = Decimal(0)
CENT = Decimal("0.01")


def test_a_backtest_bar_is_the_bar_built_from_its_time() -> None:
    opened = datetime(2024, 1, 1, 0, 3, tzinfo=UTC)
    prices = (Decimal("1.5"), Decimal(2), Decimal(1), Decimal("1.75"))
    built = Bar(opened, PAIR, *prices, volume=Decimal(3), seconds=60)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    base = int(start.timestamp()) * 1_000_000
    # What a backtest hands out: the market's bar, 180 s after the start of its path.
    lazy = MarketBar(Decimal(180), PAIR, *prices, Decimal(60), Decimal(3), origin=base)
    assert isinstance(lazy, Bar)
    assert lazy.time == opened == built.time
    assert lazy.close_time == built.close_time == opened + timedelta(minutes=1)
    assert lazy == built and hash(lazy) == hash(built)
    assert repr(lazy) == repr(built)


def test_the_bars_a_strategy_gets_open_when_their_candles_did() -> None:
    seen: list[Bar] = []
    path = PricePath.from_bars(year_of_bars(50))
    backtest(lambda client, bar: seen.append(bar), candles=path, pair=PAIR)
    first = seen[0].time
    assert [bar.time - first for bar in seen] == [timedelta(minutes=i) for i in range(50)]
    assert [bar.close for bar in seen] == [bar.close for bar in path.bars]


def test_a_strategy_that_keeps_bars_keeps_each_as_it_was() -> None:
    kept: deque[Bar] = deque(maxlen=5)
    seen: list[Bar] = []

    def strategy(client: object, bar: Bar) -> None:
        kept.append(bar)
        seen.append(bar)

    path = PricePath.from_bars(year_of_bars(50))
    backtest(strategy, candles=path, pair=PAIR)
    # One object per bar, the one the market plays (made when the bars were read, not per call).
    assert all(got is played for got, played in zip(seen, path.bars, strict=True))
    assert len({id(bar) for bar in seen}) == 50
    start = datetime(2024, 1, 1, tzinfo=UTC)
    assert [bar.time for bar in kept] == [start + timedelta(minutes=m) for m in range(45, 50)]
    assert [bar.close for bar in kept] == [bar.close for bar in path.bars[-5:]]
    # So a strategy cannot change what the market plays.
    with pytest.raises(AttributeError, match="cannot be changed"):
        seen[0].close = Decimal(1)
    assert seen[0].close == path.bars[0].close


def test_a_bar_is_a_value() -> None:
    prices = (Decimal(1), Decimal(2), Decimal(1), Decimal("1.5"))
    bar = Bar(datetime(2024, 5, 1, 12, tzinfo=UTC), PAIR, *prices)
    with pytest.raises(AttributeError):
        bar.open = Decimal(2)
    with pytest.raises(AttributeError):
        del bar.open
    played = PricePath.from_bars(year_of_bars(3)).bars[2]
    for one in (bar, played):
        for again in (pickle.loads(pickle.dumps(one)), copy.copy(one), copy.deepcopy(one)):
            assert again == one and hash(again) == hash(one) and repr(again) == repr(one)
            assert type(again) is type(one)
    assert pickle.loads(pickle.dumps(played)).t == played.t == Decimal(120)
    assert {bar: 1}[Bar(bar.time, PAIR, *prices)] == 1


def test_a_path_read_from_candles_keeps_their_times(tmp_path: Path) -> None:
    opened = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)
    first_ms = int(opened.timestamp()) * 1000
    rows = [[first_ms + i * 60_000, "10", "11", "9", "10.5", "2"] for i in range(20)]
    candles = tmp_path / "candles.json"
    candles.write_text(json.dumps(rows), encoding="utf-8")
    seen: list[Bar] = []
    loaded = PricePath.load(candles, pair=PAIR)
    report = backtest(lambda client, bar: seen.append(bar), candles=loaded, pair=PAIR)
    assert report.start == opened == seen[0].time
    assert seen[-1].time == opened + timedelta(minutes=19)
    # The same report as from the candles themselves.
    assert report.to_json() == backtest(lambda c, b: None, candles=rows, pair=PAIR).to_json()
    # Bars of one path count from one start: a bar from elsewhere is moved to it.
    elsewhere = PricePath.from_bars(year_of_bars(3)).bars[2]  # from the market's fixed start
    moved = MarketBar(
        Decimal(120), PAIR, elsewhere.open, elsewhere.high, elsewhere.low, elsewhere.close
    )
    mixed = PricePath.from_bars([*loaded.bars[:2], moved])
    assert {bar.origin for bar in mixed.bars} == {loaded.bars[0].origin}
    assert mixed.bars[2].time == opened + timedelta(minutes=2)


def test_a_path_of_bars_lists_its_pairs_once() -> None:
    path = PricePath.from_bars(year_of_bars(10))
    assert path.pairs == {PAIR}
    assert path.pairs is path.pairs


@pytest.mark.slow
def test_the_report_walks_the_bars_as_the_definition_does() -> None:
    path = PricePath.from_bars(year_of_bars(3 * MAX_CURVE_POINTS + 7))
    report = backtest(
        BuyTheDip(dip="0.0005", take_profit="0.05", stop_loss="0.05"), candles=path, pair=PAIR
    )
    assert len(report.trades) > 3
    start = report.start
    expected = reference_walk(start, path.bars, report.trades, report.start_equity)
    assert _walk(start, path.bars, report.trades, report.start_equity) == expected
    # Nothing traded: the curve is flat, the price chart the same as the definition's.
    flat = reference_walk(start, path.bars, (), Decimal(100))
    assert _walk(start, path.bars, (), Decimal(100)) == flat


def reference_walk(
    start: datetime,
    bars: Sequence[Any],
    trades: Sequence[TradeResult],
    start_equity: Decimal,
) -> tuple[tuple[CurvePoint, ...], tuple[PricePoint, ...], dict[str, Any]]:
    """The walk as first written: every bar in full (the report's must give the same)."""
    # Cash flows and position changes, in time order: (µs from start, cash, units, rate, long).
    events: list[tuple[int, Decimal, Decimal, Decimal, bool]] = []
    for trade in trades:
        long = trade.side == "long"
        if trade.entered_at is not None and trade.units:
            cash = -trade.entry_total if long else trade.entry_total
            events.append(
                (offset(start, trade.entered_at), cash, trade.units, trade.commission, long)
            )
        for exit_ in trade.exits:
            gross = exit_.units * exit_.price
            cash = gross - exit_.fee if long else -(gross + exit_.fee)
            events.append((offset(start, exit_.at), cash, -exit_.units, trade.commission, long))
    events.sort(key=lambda event: event[0])
    count = len(bars)
    points = set(curve_points(count))
    cash = start_equity
    held: dict[tuple[Decimal, bool], Decimal] = {}
    index = 0
    peak = start_equity
    drawdown = drawdown_percent = ZERO
    exposed = 0
    curve: list[CurvePoint] = []
    prices: list[PricePoint] = []
    low = high = None
    equity = start_equity
    for number, bar in enumerate(bars):
        close_at = int((bar.t + bar.seconds) * 1_000_000)
        while index < len(events) and events[index][0] <= close_at:
            _, flow, units, rate, long = events[index]
            cash += flow
            key = (rate, long)
            left = held.get(key, ZERO) + units
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
        else:
            equity = cash
        if equity > peak:
            peak = equity
        elif peak - equity > drawdown:
            drawdown = peak - equity
            drawdown_percent = drawdown / peak * 100 if peak else ZERO
        low = bar.low if low is None or bar.low < low else low
        high = bar.high if high is None or bar.high > high else high
        if number in points:
            moment = start + timedelta(microseconds=close_at)
            curve.append(CurvePoint(moment, equity.quantize(CENT)))
            prices.append(PricePoint(moment, low, high, bar.close))
            low = high = None
    stats = {
        "end": equity,
        "drawdown": drawdown,
        "drawdown_percent": drawdown_percent,
        "exposure": Decimal(exposed) / count if count else ZERO,
    }
    return tuple(curve), tuple(prices), stats


@pytest.mark.parametrize("count", [1, 7, 1000, 1001, 3007, 63_999, 64_000, 64_063, 525_600])
def test_the_curves_have_at_most_a_thousand_points_on_blocks_when_long(count: int) -> None:
    points = curve_points(count)
    assert points == sorted(set(points)) and points[-1] == count - 1
    assert len(points) <= MAX_CURVE_POINTS
    if count < MAX_CURVE_POINTS * BLOCK:
        # Every ceil(count / 1000)-th bar, as the curve was first thinned.
        every = max(1, -(-count // MAX_CURVE_POINTS))
        assert points == [n for n in range(count) if n % every == every - 1 or n == count - 1]
    else:
        # Whole blocks, as even as they go: a point's extremes come from the blocks'.
        assert len(points) == MAX_CURVE_POINTS
        assert all((point + 1) % BLOCK == 0 for point in points[:-1])
        stretches = {b - a for a, b in itertools.pairwise([-1, *points[:-1]])}
        assert max(stretches) - min(stretches) <= BLOCK


class CountingBalances(Balances):
    """Each SmartTrade moves 1 USDT per unit of its id; ids above 100 are settled."""

    def __init__(self) -> None:
        super().__init__()
        self.looked_at: list[int] = []

    def _effects(self, smart_trade: JSONObject) -> dict[str, tuple[Decimal, Decimal]]:
        smart_trade_id = smart_trade["id"]
        assert isinstance(smart_trade_id, int)
        self.looked_at.append(smart_trade_id)
        found = {"USDT": (Decimal(smart_trade_id), Decimal(0) if smart_trade_id > 100 else ONE)}
        if smart_trade_id > 100:
            self._settled[smart_trade_id] = found
        return found


ONE = Decimal(1)


def test_settled_smart_trades_are_summed_once_per_account() -> None:
    balances = CountingBalances()
    balances.set(7, "USDT", Decimal(1000), [])
    trades: list[JSONObject] = [{"id": i} for i in (1, 101, 102, 2)]
    for trade in trades:
        balances.track(7, int(trade["id"]))  # type: ignore[call-overload]
    first = balances.holdings(7, trades)["USDT"]
    assert (first.total, first.on_orders) == (Decimal(1000 + 206), Decimal(2))
    balances.looked_at.clear()
    again = balances.holdings(7, trades)["USDT"]
    assert (again.total, again.on_orders) == (first.total, first.on_orders)
    assert sorted(balances.looked_at) == [1, 2]  # the settled ones come from the sums
    # One of the summed SmartTrades is gone: the sums are made again without it.
    gone = balances.holdings(7, [t for t in trades if t["id"] != 102])["USDT"]
    assert gone.total == Decimal(1000 + 104)


def test_the_market_copies_a_smart_trade_as_deepcopy_does() -> None:
    smart_trade: JSONObject = {
        "id": 1,
        "data": {"current_price": {"last": "1"}, "updated_at": "x", "list": [1, {"a": None}]},
        "profit": {"usd": "0.5"},
        "n": Decimal("1.5"),
        "t": (1, 2),
    }
    copied = _json_copy(smart_trade)
    assert copied == copy.deepcopy(smart_trade)
    assert copied["data"] is not smart_trade["data"]
    assert copied["data"]["list"][1] is not smart_trade["data"]["list"][1]  # type: ignore[index]
    state = _state_of(smart_trade)
    assert "profit" not in state and "current_price" not in state["data"]  # type: ignore[operator]
    assert smart_trade["data"]["updated_at"] == "x" and "profit" in smart_trade  # type: ignore[index]


def test_the_sdks_create_check_follows_no_reference_at_each_check() -> None:
    # The check the client makes before sending, on every create of a backtest: its schema
    # comes with its references followed, as the server's lenient one does.
    for lenient in (False, True):
        root = _validator("CreateSmartTradeRequest", lenient).schema
        assert "$ref" not in root and "properties" in root
    errors = schema_errors("CreateSmartTradeRequest", {"account_id": "x", "pair": 3})
    assert "account_id" in errors and "pair" in errors


@pytest.mark.slow
def test_a_stretch_of_bars_has_the_extremes_a_pass_bar_by_bar_finds() -> None:
    bars = list(year_of_bars(700))
    # Equal lows written differently: the first of them is the one shown, as bar by bar.
    bars[130] = with_low(bars[130], Decimal("41000.0"))
    bars[200] = with_low(bars[200], Decimal("41000.00"))
    path = PricePath.from_bars(bars)
    blocks = (path.block_lows, path.block_highs)
    for first, end in [(0, 700), (1, 699), (63, 65), (64, 128), (5, 300), (129, 201), (131, 640)]:
        span = path.bars[first:end]
        low, high = _extremes(path.bars, blocks, first, end)
        expected_low = min(span, key=lambda bar: bar.low).low
        expected_high = max(span, key=lambda bar: bar.high).high
        assert (str(low), str(high)) == (str(expected_low), str(expected_high))
    # A year's curve (stretches of 70 bars, most with a whole block) as the definition draws it.
    year = PricePath.from_bars(year_of_bars(70_000))
    start = datetime(2024, 1, 1, tzinfo=UTC)
    blocks = (year.block_lows, year.block_highs)
    assert _walk(start, year.bars, (), ONE, blocks) == reference_walk(start, year.bars, (), ONE)


def with_low(bar: MarketBar, low: Decimal) -> MarketBar:
    return MarketBar(bar.t, bar.pair, bar.open, bar.high, low, bar.close, bar.seconds, bar.volume)
