#!/usr/bin/env python3
"""`make bench`: a year of one-minute bars through the simulated market.

One pair, 10 open SmartTrades with a take profit and a stop loss (created through the SDK on a
live test server), 525,600 synthetic one-minute bars (a seeded random walk; nothing is
downloaded). The figure: the time ``server.market.advance`` takes to match the whole year,
against a bare Python loop that reads the same parsed bars (their open, high, low and close),
measured in the same run. Target: at most 2x the bare loop.

Reading the bars and building the path are timed apart (they are parsing, not matching). With
``--every-tick`` the engine also runs a slice of the year with the passing over quiet bars
turned off (every tick matched, as before the quiet bands), to show what they save.

Measured on the shared development machine (2026-12-06): bare loop 122 ms, the market 87 ms
(0.71x). The bars now carry a volume, and the year runs a second time on a market configured
with ``BACKTEST_MARKET`` (2026-12-07: bare loop 229 ms, plain 95 ms, configured 136 ms: 0.60x).
The engine before the quiet bands took about 37 ms per bar here (7.4 s for 200 bars),
some five hours for the year, and made its two million ticks up front.
"""

from __future__ import annotations

import argparse
import random
import time
from decimal import Decimal

from threecommas import ThreeCommas
from threecommas.testing.server import run_in_thread
from threecommas.testing.simulation import BACKTEST_MARKET
from threecommas.testing.simulation._market import _market as market_module
from threecommas.testing.simulation._market._prices import Bar, PricePath

PAIR = "USDT_BTC"
YEAR_OF_MINUTES = 525_600
TARGET_RATIO = 2.0


def year_of_bars(count: int, seed: int = 22) -> list[Bar]:
    """A seeded random walk of one-minute bars from 42,000 (about 0.05 % a minute)."""
    generator = random.Random(seed)
    cent = Decimal("0.01")
    price = Decimal("42000.00")
    bars = []
    for index in range(count):
        close = (price * (1 + Decimal(generator.randint(-50, 50)) / 100_000)).quantize(cent)
        high = (max(price, close) * (1 + Decimal(generator.randint(0, 20)) / 100_000)).quantize(
            cent
        )
        low = (min(price, close) * (1 - Decimal(generator.randint(0, 20)) / 100_000)).quantize(cent)
        volume = Decimal(generator.randint(1, 500)) / 10
        bars.append(Bar(Decimal(60 * index), PAIR, price, high, low, close, volume=volume))
        price = close
    return bars


def bare_loop(bars: list[Bar]) -> float:
    started = time.perf_counter()
    for bar in bars:
        _ = (bar.open, bar.high, bar.low, bar.close)
    return time.perf_counter() - started


def create_smart_trades(client: ThreeCommas, count: int = 10) -> list[int]:
    """A market entry each, a take profit k x 5 % above and a stop loss k x 5 % below."""
    ids = []
    for k in range(1, count + 1):
        take_profit = Decimal(42000) * (1 + Decimal(k) * 5 / 100)
        stop_loss = Decimal(42000) * (1 - Decimal(k) * 5 / 100)
        smart_trade = client.smart_trades.create(
            account_id=32402783,
            pair=PAIR,
            position={"type": "buy", "order_type": "market", "units": {"value": "0.01"}},
            take_profit={
                "enabled": True,
                "steps": [
                    {
                        "order_type": "limit",
                        "volume": "100",
                        "price": {"type": "last", "value": str(take_profit)},
                    }
                ],
            },
            stop_loss={
                "enabled": True,
                "order_type": "market",
                "conditional": {"price": {"type": "last", "value": str(stop_loss)}},
            },
        )
        ids.append(smart_trade.id)
    return ids


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bars", type=int, default=YEAR_OF_MINUTES)
    parser.add_argument("--every-tick", type=int, default=0, metavar="BARS")
    args = parser.parse_args()

    started = time.perf_counter()
    bars = year_of_bars(args.bars)
    made = time.perf_counter() - started
    started = time.perf_counter()
    path = PricePath.from_bars(bars)
    built = time.perf_counter() - started
    bare = min(bare_loop(bars) for _ in range(3))

    with (
        run_in_thread() as server,
        ThreeCommas(
            api_key=server.api_key, api_secret=server.api_secret, base_url=server.base_url
        ) as client,
    ):
        server.market.set_price(PAIR, "42000")
        ids = create_smart_trades(client)
        server.market.play(path)
        started = time.perf_counter()
        server.market.advance(60 * args.bars)
        matched = time.perf_counter() - started
        ends = [client.smart_trades.get(i).status.basic_type for i in ids]

    print(f"market: {args.bars:,} one-minute bars, one pair, {len(ids)} SmartTrades (TP + SL)")
    print(f"  bars made {made:.2f} s, path built {built:.2f} s (parsing, not timed below)")
    print(f"  bare loop over the parsed bars: {bare * 1000:.1f} ms")
    ratio = matched / bare
    verdict = "OK" if ratio <= TARGET_RATIO else "over target"
    print(
        f"  matched by the market: {matched * 1000:.1f} ms = {ratio:.2f}x the bare loop "
        f"(target <= {TARGET_RATIO:g}x: {verdict})"
    )
    print(f"  SmartTrades at the end: {', '.join(ends)}")

    # The same year on a market set as a backtest sets it: fees, seeded slippage, fills by
    # the bars' volume; the passing over quiet bars must stay as fast.
    with (
        run_in_thread() as server,
        ThreeCommas(
            api_key=server.api_key, api_secret=server.api_secret, base_url=server.base_url
        ) as client,
    ):
        server.market.configure(**BACKTEST_MARKET)
        server.market.set_price(PAIR, "42000")
        create_smart_trades(client)
        server.market.play(path)
        started = time.perf_counter()
        server.market.advance(60 * args.bars)
        configured = time.perf_counter() - started
    ratio = configured / bare
    verdict = "OK" if ratio <= TARGET_RATIO else "over target"
    print(
        f"  with BACKTEST_MARKET (fees, slippage, volume share): {configured * 1000:.1f} ms = "
        f"{ratio:.2f}x the bare loop (target <= {TARGET_RATIO:g}x: {verdict})"
    )

    if args.every_tick:
        slice_of = bars[: args.every_tick]
        original = market_module.band_of
        market_module.band_of = lambda smart_trade, memory: None  # type: ignore[assignment]
        try:
            with (
                run_in_thread() as server,
                ThreeCommas(
                    api_key=server.api_key, api_secret=server.api_secret, base_url=server.base_url
                ) as client,
            ):
                server.market.set_price(PAIR, "42000")
                create_smart_trades(client)
                server.market.play(PricePath.from_bars(slice_of))
                started = time.perf_counter()
                server.market.advance(60 * len(slice_of))
                slow = time.perf_counter() - started
        finally:
            market_module.band_of = original
        print(
            f"  every tick matched (no passing over), {len(slice_of):,} bars: {slow:.2f} s "
            f"(~{slow * args.bars / len(slice_of):.0f} s for {args.bars:,})"
        )


if __name__ == "__main__":
    main()
