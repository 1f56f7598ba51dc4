"""The market passes over ticks and bars on which nothing can trigger, and that changes nothing:
the same paths and SmartTrades end the same with the passing turned off (every tick matched)."""

from __future__ import annotations

import copy
import random
from decimal import Decimal
from typing import Any

import pytest

from tests.market_support import PAIR, StubStore, market_stop, request, status, step
from threecommas.testing.simulation._market import _market as market_module
from threecommas.testing.simulation._market._config import BACKTEST_MARKET
from threecommas.testing.simulation._market._market import Market
from threecommas.testing.simulation._market._prices import Bar, PricePath

D = Decimal


def _bars(seed: int, count: int, *, start: str = "0.1", swing: int = 60) -> list[Bar]:
    """A seeded walk of one-minute bars, with a gap now and then."""
    generator = random.Random(seed)
    price = D(start)
    bars: list[Bar] = []
    t = D(0)
    for _ in range(count):
        close = (price * (1 + D(generator.randint(-swing, swing)) / 10000)).quantize(D("1e-6"))
        high = (max(price, close) * (1 + D(generator.randint(0, 20)) / 10000)).quantize(D("1e-6"))
        low = (min(price, close) * (1 - D(generator.randint(0, 20)) / 10000)).quantize(D("1e-6"))
        bars.append(Bar(t, PAIR, price, high, low, close))
        price = close
        t += 60 * (3 if generator.random() < 0.02 else 1)
    return bars


def _scenario(store: StubStore, every_kind: bool) -> None:
    """SmartTrades of every kind the quiet band knows (take profits, stop losses, a limit
    entry, a short, a conditional entry, breakeven, percent prices) and, with ``every_kind``,
    some it does not (trailing, a stop-loss timeout), which turn the passing off while open."""
    tp_sl = {"stop_loss": market_stop("0.097")}
    store.create(request(steps=[step("50", "0.102"), step("50", "0.104")], **tp_sl))
    store.create(request(steps=[step("100", "0.2")], stop_loss=market_stop("0.098")))
    store.create(request(order_type="limit", price="0.0985", steps=[step("100", "0.101")]))
    store.create(
        request(side="sell", steps=[step("100", "0.098")], stop_loss=market_stop("0.1035"))
    )
    store.create(
        request(
            order_type="conditional",
            price="0.1015",
            conditional={"price": {"type": "last", "value": "0.1015"}, "order_type": "market"},
            steps=[step("100", "0.103")],
            stop_loss=market_stop("0.1"),
        )
    )
    store.create(
        request(
            steps=[step("50", "0.1005"), step("50", "0.106")],
            stop_loss=market_stop("0.0975", breakeven=True),
        )
    )
    store.create(
        request(
            steps=[{**step("100", "0"), "price": {"type": "bid", "percent": "2"}}],
            stop_loss={
                "order_type": "market",
                "conditional": {"price": {"type": "last", "percent": "1.5"}},
            },
        )
    )
    if not every_kind:
        return
    store.create(request(steps=[step("100", "0.101", order_type="market", trailing="0.5")]))
    store.create(
        request(
            steps=[step("100", "0.105")],
            stop_loss=market_stop("0.099", timeout={"enabled": True, "value": 120}),
        )
    )
    store.create(
        request(
            steps=[step("100", "0.104")],
            stop_loss={
                "order_type": "market",
                "conditional": {
                    "price": {"type": "last", "percent": "1.5"},
                    "trailing": {"enabled": True, "percent": "1.5"},
                },
            },
        )
    )


def _run(path: PricePath, spread: object, pieces: list[int], every_kind: bool) -> tuple[Any, Any]:
    store = StubStore()
    market = Market(store, spread=spread)
    market.set_price(PAIR, "0.1")
    _scenario(store, every_kind)
    market.tick()
    market.play(path)
    seen = []
    for seconds in pieces:
        market.advance(seconds)
        seen.append(([dict(s) for s in store.items], market.snapshot()))
    return seen, [status(s) for s in store.items]  # and the statuses at the end


@pytest.mark.slow
@pytest.mark.parametrize(
    ("seed", "spread", "every_kind"),
    [(1, None, False), (2, "0.002", False), (3, None, True), (4, "0.002", True), (5, None, False)],
)
def test_passing_over_quiet_ticks_ends_as_matching_every_tick(
    seed: int, spread: object, every_kind: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = PricePath.from_bars(_bars(seed, 1500))
    assert path.bars  # played bar by bar, the fast way
    pieces = [30, 600, 7, 3600, 86_400]
    quick, statuses = _run(path, spread, pieces, every_kind)
    monkeypatch.setattr(market_module, "band_of", lambda smart_trade, memory: None)
    every_tick, _ = _run(path, spread, pieces, every_kind)
    assert quick == every_tick
    # The SmartTrades ended at different times: some still open after the first pieces.
    assert any(status(s) != "finished" for s in quick[2][0])
    assert statuses != [status(s) for s in quick[0][0]]


def test_a_quiet_year_of_bars_is_passed_over_without_matching(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = StubStore()
    market = Market(store)
    market.set_price(PAIR, "0.1")
    for low, high in (("0.05", "0.2"), ("0.04", "0.3")):
        store.create(request(steps=[step("100", high)], stop_loss=market_stop(low)))
    market.tick()
    calls = []
    real_match = market_module.match
    monkeypatch.setattr(
        market_module, "match", lambda *args: (calls.append(1), real_match(*args))[1]
    )
    bars = [Bar(D(60 * i), PAIR, D("0.1"), D("0.11"), D("0.09"), D("0.1")) for i in range(20_000)]
    market.play(PricePath.from_bars(bars))
    market.advance(60 * 20_000)
    assert len(calls) == 2  # the final tick of the advance, one per SmartTrade
    assert market.snapshot()["scheduled"]["ticks"] == 0
    assert market.price(PAIR) is not None and market.price(PAIR).last == D("0.1")  # type: ignore[union-attr]


def _run_configured(path: PricePath, pieces: list[int]) -> list[Any]:
    """The scenario on a market that charges fees, slips, fills resting limits by volume and
    delays entries; more SmartTrades placed mid-way (market and limit entries)."""
    store = StubStore()
    market = Market(store)
    market.configure(**{**BACKTEST_MARKET, "latency": "20"})
    market.set_price(PAIR, "0.1")
    _scenario(store, every_kind=True)
    market.tick()
    market.play(path)
    seen = []
    for index, seconds in enumerate(pieces):
        market.advance(seconds)
        placed = store.create(
            request(order_type="limit", price="0.0995", units="2000", steps=[step("100", "0.101")])
            if index % 2
            else request(steps=[step("100", "0.102")], stop_loss=market_stop("0.098"))
        )
        market.place(placed, new_id=store.new_id)
        seen.append((copy.deepcopy(store.items), market.snapshot()))
    return seen


@pytest.mark.slow
@pytest.mark.parametrize("seed", [6])
def test_passing_over_quiet_bars_with_volume_fees_slippage_and_latency_changes_nothing(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    generator = random.Random(seed)
    bars = [
        Bar(
            bar.t,
            bar.pair,
            bar.open,
            bar.high,
            bar.low,
            bar.close,
            volume=D(generator.randint(0, 200)),
        )
        for bar in _bars(seed, 1500)
    ]
    path = PricePath.from_bars(bars)
    pieces = [30, 600, 7, 600, 600, 120, 120, 1800, 3600, 86_400]
    quick = _run_configured(path, pieces)
    monkeypatch.setattr(market_module, "band_of", lambda smart_trade, memory: None)
    every_tick = _run_configured(path, pieces)
    assert quick == every_tick
    smart_trades = quick[-1][0]
    # Some resting limit entries filled in parts (fewer units in a bar than ordered).
    assert any(
        s["position"]["status"]["type"] == "order_placed"
        and s["data"].get("entered_amount") not in (None, "0", "0.0")
        for snapshot, _ in quick
        for s in snapshot
    )
    assert any(status(s) == "finished" for s in smart_trades)
