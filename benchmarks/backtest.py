#!/usr/bin/env python3
"""`make bench`: a year of one-minute bars through backtest(), beside the engine alone.

525,600 synthetic one-minute bars (the seeded random walk of benchmarks/market.py; nothing is
downloaded), parsed once and timed apart. Parsing makes the market's bars, one object per bar,
and each is also the `threecommas.Bar` a strategy is handed (the market needs its bars anyway;
no second copy is made, timed or not). Three figures from the same run, the first two the
best of five rounds that take turns between them and the baselines:

* the engine alone: a backtest's market (the BACKTEST_MARKET preset) playing the year with no
  strategy, as ``server.market.advance`` does it;
* a strategy that does nothing: ``backtest(lambda client, bar: None, ...)``, the whole call
  (a fresh market and client, 525,600 calls of the strategy with a Bar each, the market
  caught up to the end, the report);
* the README's example strategy (examples/buy_the_dip.py), which trades.

Targets: the example in at most 30 s; doing nothing at most 2x the engine alone, where "the
engine alone" is M1's figure (benchmarks/market.py): the market matching 10 open SmartTrades
with a take profit and a stop loss over the same year, every bar examined where a threshold is
crossed. It is measured here in the same run and is the baseline of the target. Two more
baselines are printed beside it: the engine with nothing open (it passes over quiet bars 64 at a
time, so milliseconds for the year: no Python call per bar can come near it), and the floor, a
bare loop that calls a no-op with each of the path's bars, with no market at all: what one
Python call a bar costs on this machine.

Measured on the shared development machine (2026-12-07, three runs, other engineers' work
beside them): M1 24 ms, a strategy that does nothing 39 ms (1.6x; 41 ms and 49 ms, 1.7x and
2.1x, in the other runs), the floor 24-31 ms; before (a Bar made per bar, now set per bar, the
report walking every bar) 0.21 s, 8.6x M1, on an idle machine.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "examples")]

from buy_the_dip import BuyTheDip  # noqa: E402
from market import PAIR, YEAR_OF_MINUTES, create_smart_trades, year_of_bars  # noqa: E402

from threecommas import ThreeCommas  # noqa: E402
from threecommas.testing import BacktestReport, backtest  # noqa: E402
from threecommas.testing.server import create_app, run_in_thread  # noqa: E402
from threecommas.testing.simulation import BACKTEST_MARKET, Market, VirtualClock  # noqa: E402
from threecommas.testing.simulation._market._prices import PricePath  # noqa: E402

EXAMPLE_TARGET_S = 30.0
RUNS = 5
NOTHING_TARGET_RATIO = 2.0


def engine_alone(path: PricePath, seconds: int) -> float:
    app = create_app()
    app.state.store.use_market(Market(clock=VirtualClock()))
    control = app.state.market
    control.configure(**BACKTEST_MARKET)
    control.play(path)
    started = time.perf_counter()
    control.advance(seconds)
    return time.perf_counter() - started


def engine_m1(path: PricePath, seconds: int) -> float:
    """M1's figure: the market matching 10 open SmartTrades (TP + SL) over the bars."""
    with (
        run_in_thread() as server,
        ThreeCommas(
            api_key=server.api_key, api_secret=server.api_secret, base_url=server.base_url
        ) as client,
    ):
        server.market.set_price(PAIR, "42000")
        create_smart_trades(client)
        server.market.play(path)
        started = time.perf_counter()
        server.market.advance(seconds)
        return time.perf_counter() - started


def python_floor(path: PricePath) -> float:
    """A loop calling a strategy that does nothing with each of the path's bars: no market."""
    strategy = lambda client, bar: None  # noqa: E731
    started = time.perf_counter()
    for bar in path.bars:
        strategy(None, bar)
    return time.perf_counter() - started


def do_nothing(path: PricePath) -> tuple[float, BacktestReport]:
    started = time.perf_counter()
    report = backtest(lambda client, bar: None, candles=path, pair=PAIR)
    return time.perf_counter() - started, report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bars", type=int, default=YEAR_OF_MINUTES)
    args = parser.parse_args()
    started = time.perf_counter()
    path = PricePath.from_bars(year_of_bars(args.bars))
    parsed = time.perf_counter() - started
    # Rounds that take turns between the figures, so that a busy spell on the shared machine
    # hits the target's figure and its baseline alike; each figure's best round is kept.
    engines, m1s, floors, idles = [], [], [], []
    for _ in range(RUNS):
        engines.append(engine_alone(path, 60 * args.bars))
        m1s.append(engine_m1(path, 60 * args.bars))
        floors.append(python_floor(path))
        idles.append(do_nothing(path))
    engine, m1, floor = min(engines), min(m1s), min(floors)
    idle, nothing = min(idles, key=lambda run: run[0])
    started = time.perf_counter()
    report = backtest(BuyTheDip(), candles=path, pair=PAIR)
    example = time.perf_counter() - started

    print(f"backtest: {args.bars:,} one-minute bars, {PAIR}")
    print(
        f"  bars made and parsed (each also the Bar a strategy is handed): {parsed:.2f} s "
        "(not timed below)"
    )
    print(f"  each figure but the example's: the best of {RUNS} rounds, taking turns")
    print(
        f"  the engine alone, M1 (10 open SmartTrades with TP + SL matched, no strategy; "
        f"the target's baseline): {m1 * 1000:.0f} ms"
    )
    print(
        f"  the engine with nothing open (no strategy, quiet bars passed over): "
        f"{engine * 1000:.0f} ms"
    )
    ratio = idle / m1
    print(
        f"  a strategy that does nothing: {idle * 1000:.0f} ms = {ratio:.1f}x the engine alone "
        f"(M1) "
        f"(target <= {NOTHING_TARGET_RATIO:g}x: "
        f"{'OK' if ratio <= NOTHING_TARGET_RATIO else 'over target'}); "
        f"{nothing.bars_called:,} calls"
    )
    print(
        f"  the floor, a bare loop calling a no-op with each bar: {floor * 1000:.0f} ms "
        f"(the do-nothing backtest is {idle / floor:.1f}x that)"
    )
    print(
        f"  the example strategy: {example:.2f} s (target <= {EXAMPLE_TARGET_S:g} s: "
        f"{'OK' if example <= EXAMPLE_TARGET_S else 'over target'}); "
        f"{len(report.trades):,} SmartTrades, {report.requests:,} requests"
    )
    print("  " + report.summary().replace("\n", "\n  "))


if __name__ == "__main__":
    main()
