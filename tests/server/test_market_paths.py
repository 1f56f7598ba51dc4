"""The market's clock and prices: quotes, price paths from JSON and CSV files, bars and their
high/low rule, seeded random walks; and one scenario driven three ways (``set_price`` calls, a
JSON path, a CSV path) ending in the same SmartTrades."""

from __future__ import annotations

import copy
import io
import json
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.market_support import (
    PAIR,
    StubStore,
    check,
    market_stop,
    request,
    status,
    statuses,
    step,
)
from threecommas.testing.simulation._market._clock import ClockError, VirtualClock
from threecommas.testing.simulation._market._market import Market
from threecommas.testing.simulation._market._prices import (
    Bar,
    PriceError,
    PricePath,
    Quote,
    quote_of,
)

# Live servers, subprocesses or long scenarios: `make test` runs them, `make unit` does not.
pytestmark = pytest.mark.slow

D = Decimal

# --- Clock ------------------------------------------------------------------------------------


def test_the_clock_moves_only_when_told() -> None:
    clock = VirtualClock()
    assert clock.timestamp() == "2024-01-01T00:00:00.000Z"
    for _ in range(10):
        clock.advance(0.1)
    assert clock.elapsed == 1  # exactly: whole microseconds, no float drift
    clock.advance("59")
    assert clock.timestamp() == "2024-01-01T00:01:00.000Z"
    assert clock.sync() == 0  # no wall source: sync reads nothing, moves nothing
    with pytest.raises(ClockError, match="seconds"):
        clock.advance(-1)
    with pytest.raises(ClockError, match="seconds"):
        clock.advance("soon")


def test_a_real_time_clock_runs_scaled_by_the_time_factor() -> None:
    wall = [100.0]
    clock = VirtualClock(datetime(2025, 5, 1, tzinfo=UTC), time_factor=0.01, wall=lambda: wall[0])
    wall[0] += 0.6  # 0.6 real seconds at a time factor of 0.01: one virtual minute
    assert clock.sync() == 60
    assert clock.timestamp() == "2025-05-01T00:01:00.000Z"
    assert clock.sync() == 0
    with pytest.raises(ClockError, match="time_factor"):
        VirtualClock(time_factor=0)


# --- Quotes -----------------------------------------------------------------------------------


def test_quotes() -> None:
    assert quote_of("0.1") == Quote(D("0.1"), D("0.1"), D("0.1"))
    assert quote_of(D("100"), "0.002") == Quote(D("99.9"), D("100.1"), D("100"))
    assert quote_of({"bid": "1", "ask": "1.2", "last": 1}).ask == D("1.2")
    assert quote_of(0.1).last == D("0.1")  # a float through its shortest text
    assert quote_of({"price": "2"}).to_json() == {"bid": "2.0", "ask": "2.0", "last": "2.0"}
    for bad, message in [
        ("0", "above 0"),
        ("NaN", "finite"),
        ("x", "decimal"),
        (True, "decimal"),
        ({"bid": "1"}, "no ask"),
        ({"bid": "2", "ask": "1", "last": "1"}, "bid must not be above ask"),
        ({"price": "1", "bid": "1"}, "not both"),
    ]:
        with pytest.raises(PriceError, match=message):
            quote_of(bad)


# --- Paths from files -------------------------------------------------------------------------

POINTS: list[tuple[int, str, str]] = [
    (0, PAIR, "0.1"),
    (0, "USDT_BTC", "100"),
    (60, PAIR, "0.11"),
    (60, "USDT_BTC", "95"),
    (120, PAIR, "0.12"),
    (150, "USDT_BTC", "90"),
    (180, PAIR, "0.14"),
    (240, PAIR, "0.135"),
    (300, PAIR, "0.133"),
    (360, PAIR, "0.15"),
    (390, PAIR, "0.085"),
]
END = 420


def points_json() -> dict[str, Any]:
    return {"points": [{"t": t, "pair": pair, "price": price} for t, pair, price in POINTS]}


def points_csv() -> str:
    return "t,pair,price\n" + "".join(f"{t},{pair},{price}\n" for t, pair, price in POINTS)


def scenario(store: StubStore) -> list[dict[str, Any]]:
    """Four SmartTrades on USDT_DOGE and one on USDT_BTC, as in the issue."""
    return [
        store.create(request(steps=[step("50", "0.12"), step("50", "0.15")])),
        store.create(request(order_type="limit", price="0.08", steps=[step("100", "0.12")])),
        store.create(request(steps=[step("100", "0.12", order_type="market", trailing="5")])),
        store.create(request(steps=[step("100", "0.2")], stop_loss=market_stop("0.09"))),
        store.create(
            request(pair="USDT_BTC", units="0.1", steps=[step("100", "120")])
            | {"stop_loss": {"enabled": True, **market_stop("90")}}
        ),
    ]


def run_by_hand() -> StubStore:
    store = StubStore()
    market = Market(store)
    scenario(store)
    for t, pair, price in POINTS:
        market.advance(D(t) - market.clock.elapsed)
        market.set_price(pair, price)
        check(store)
    market.advance(D(END) - market.clock.elapsed)
    return store


def run_from(source: Any) -> StubStore:
    store = StubStore()
    market = Market(store)
    scenario(store)
    market.play(source)
    for _ in range(END // 30):
        market.advance(30)
        check(store)
    assert market.snapshot()["scheduled"]["ticks"] == 0
    return store


def test_the_scenario_ends_as_the_issue_says() -> None:
    store = run_by_hand()
    two_steps, waiting, trailing, stopped, btc = store.items
    assert status(two_steps) == "finished" and statuses(two_steps) == ["finished", "finished"]
    assert status(waiting) == "waiting_position"
    assert status(trailing) == "finished"
    assert trailing["take_profit"]["steps"][0]["total"] == "13.3"  # fired at 0.133
    assert status(stopped) == "finished"
    assert stopped["stop_loss"]["status"]["basic_type"] == "finished"
    assert stopped["stop_loss"]["closed_at"] == "2024-01-01T00:06:30.000Z"
    assert stopped["stop_loss"]["total"]["value"] == "8.5"  # 100 units at 0.085
    assert status(btc) == "finished" and D(btc["profit"]["volume"]) < 0


def test_the_same_path_from_json_and_csv_files_gives_the_same_smart_trades(
    tmp_path: Path,
) -> None:
    expected = run_by_hand().items
    as_json = tmp_path / "path.json"
    as_json.write_text(json.dumps(points_json()), encoding="utf-8")
    as_csv = tmp_path / "path.csv"
    as_csv.write_text(points_csv(), encoding="utf-8")
    assert run_from(as_json).items == expected
    assert run_from(str(as_csv)).items == expected
    assert run_from(io.StringIO(points_csv())).items == expected  # an open file, sniffed
    assert run_from(points_json()).items == expected  # parsed JSON
    assert run_from(PricePath.load(as_json)).items == expected


def test_points_may_be_short_and_take_the_pair_of_the_path() -> None:
    path = PricePath.from_json({"pair": PAIR, "spread": "0.02", "points": [[0, "1"], [30, "2"]]})
    assert [(t.at, t.pair, t.quote.bid) for t in path] == [
        (0, PAIR, D("0.99")),
        (30_000_000, PAIR, D("1.98")),
    ]
    assert path.duration == 30
    listed = PricePath.from_json([{"t": "0.5", "price": "3"}], pair=PAIR)
    assert listed.ticks[0].at == 500_000
    csv_path = PricePath.from_csv("t,bid,ask,last\n0,1,1.1,1.05\n", pair=PAIR)
    assert csv_path.ticks[0].quote == Quote(D("1"), D("1.1"), D("1.05"))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"points": [{"t": 0, "price": "1"}]}, "no pair"),
        ({"pair": PAIR, "points": [[10, "1"], [5, "1"]]}, "go back in time"),
        ({"pair": PAIR, "points": [{"price": "1"}]}, "t .* is missing"),
        ({"pair": PAIR, "points": [[0, "-1"]]}, "above 0"),
        ({"pair": PAIR, "points": [], "bars": []}, "exactly one"),
        ({"pair": PAIR, "prices": []}, "unknown price path field prices"),
        ({"pair": "BTC", "points": []}, "3Commas pair"),
        (
            {
                "pair": PAIR,
                "bars": [{"t": 0, "open": "1", "high": "0.5", "low": "0.4", "close": "1"}],
            },
            "low <= open",
        ),
        (
            {"pair": PAIR, "bars": [{"t": 0, "open": "1", "high": "1", "close": "1"}]},
            "low is missing",
        ),
        ({"pair": PAIR, "bar_order": "random", "bars": []}, "bar_order"),
        (
            {
                "random_walk": {
                    "pair": PAIR,
                    "start": "1",
                    "steps": 2,
                    "seconds": 1,
                    "volatility": "0.1",
                }
            },
            "needs seed",
        ),
    ],
)
def test_bad_paths_are_refused_with_a_message_naming_the_problem(data: Any, message: str) -> None:
    with pytest.raises(PriceError, match=message):
        PricePath.from_json(data)


def test_bad_files_are_refused(tmp_path: Path) -> None:
    missing = tmp_path / "none.json"
    with pytest.raises(PriceError, match="cannot read"):
        PricePath.load(missing)
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(PriceError, match="not valid JSON"):
        PricePath.load(broken)
    with pytest.raises(PriceError, match="t column"):
        PricePath.from_csv("time,price\n0,1\n", pair=PAIR)
    with pytest.raises(PriceError, match="price column"):
        PricePath.from_csv("t,volume\n0,1\n", pair=PAIR)


# --- Bars -------------------------------------------------------------------------------------


def test_a_bar_plays_as_four_ticks_and_the_nearer_extreme_comes_first() -> None:
    up_first = Bar(t=D(0), pair=PAIR, open=D(10), high=D(11), low=D(7), close=D(9))
    down_first = Bar(t=D(0), pair=PAIR, open=D(10), high=D(13), low=D(9), close=D(12))
    assert up_first.prices() == (D(10), D(11), D(7), D(9))
    assert down_first.prices() == (D(10), D(9), D(13), D(12))
    # As near to both: the close decides; a bar that closed up went down first.
    closed_up = Bar(t=D(0), pair=PAIR, open=D(10), high=D(12), low=D(8), close=D(11))
    closed_down = Bar(t=D(0), pair=PAIR, open=D(10), high=D(12), low=D(8), close=D(9))
    assert closed_up.prices() == (D(10), D(8), D(12), D(11))
    assert closed_down.prices() == (D(10), D(12), D(8), D(9))
    assert down_first.prices("open_high_low_close") == (D(10), D(13), D(9), D(12))
    assert up_first.prices("open_low_high_close") == (D(10), D(7), D(11), D(9))
    path = PricePath.from_bars([up_first], bar_seconds=60)
    assert [(t.at, t.quote.last) for t in path] == [
        (0, D(10)),
        (15_000_000, D(11)),
        (30_000_000, D(7)),
        (45_000_000, D(9)),
    ]


BARS: list[dict[str, Any]] = [
    {"t": 0, "open": "0.1", "high": "0.11", "low": "0.095", "close": "0.105"},
    {"t": 60, "open": "0.105", "high": "0.13", "low": "0.1", "close": "0.125"},
    {"t": 120, "open": "0.125", "high": "0.16", "low": "0.12", "close": "0.15"},
]


def test_bars_from_json_and_csv_and_as_points_give_the_same_smart_trades(
    tmp_path: Path,
) -> None:
    as_json = tmp_path / "bars.json"
    as_json.write_text(json.dumps({"pair": PAIR, "bar_seconds": 60, "bars": BARS}), "utf-8")
    as_csv = tmp_path / "bars.csv"
    rows = "".join(f"{b['t']},{b['open']},{b['high']},{b['low']},{b['close']}\n" for b in BARS)
    as_csv.write_text("t,open,high,low,close\n" + rows, "utf-8")
    as_points = [
        {"t": b["t"] + 15 * i, "price": price}
        for b in BARS
        for i, price in enumerate(
            Bar(
                t=D(b["t"]),
                pair=PAIR,
                open=D(b["open"]),
                high=D(b["high"]),
                low=D(b["low"]),
                close=D(b["close"]),
            ).prices()
        )
    ]
    results = []
    sources: list[tuple[Any, str | None]] = [
        (as_json, None),
        (as_csv, PAIR),
        ({"pair": PAIR, "points": as_points}, None),
    ]
    for source, pair in sources:
        store = StubStore()
        store.create(request(steps=[step("50", "0.12"), step("50", "0.15")]))
        market = Market(store)
        market.play(source, pair=pair)
        market.advance(240)
        check(store)
        results.append(store.items)
    assert results[0] == results[1] == results[2]
    (smart_trade,) = results[0]
    assert status(smart_trade) == "finished"


def test_the_bar_order_decides_between_a_take_profit_and_a_stop_loss_in_one_bar() -> None:
    # Both the take profit (0.12) and the stop loss (0.08) lie inside the second bar.
    bars = [
        {"t": 0, "open": "0.1", "high": "0.1", "low": "0.1", "close": "0.1"},
        {"t": 60, "open": "0.1", "high": "0.125", "low": "0.079", "close": "0.1"},
    ]
    outcomes = {}
    for order in ("adaptive", "open_high_low_close"):
        store = StubStore()
        smart_trade = store.create(
            request(steps=[step("50", "0.12"), step("50", "0.2")], stop_loss=market_stop("0.08"))
        )
        market = Market(store, bar_order=order)
        market.play({"pair": PAIR, "bar_order": order, "bars": bars})
        market.advance(120)
        check(store)
        outcomes[order] = statuses(smart_trade), smart_trade["stop_loss"]["status"]["basic_type"]
    # The low is nearer the open (0.021 against 0.025): the stop loss comes first.
    assert outcomes["adaptive"] == (["cancelled", "cancelled"], "finished")
    assert outcomes["open_high_low_close"] == (["finished", "cancelled"], "finished")


# --- Random walks -----------------------------------------------------------------------------


def test_a_random_walk_needs_a_seed_and_repeats_with_it() -> None:
    walk = {"pair": PAIR, "start": "0.1", "steps": 50, "seconds": 60, "volatility": "0.02"}
    first = PricePath.from_json({"random_walk": walk | {"seed": 7}})
    again = PricePath.from_json({"random_walk": walk | {"seed": 7}})
    other = PricePath.from_json({"random_walk": walk | {"seed": 8}})
    assert first == again != other
    assert len(first) == 50 and first.duration == 49 * 60
    assert first.ticks[0].quote.last == D("0.1")
    with pytest.raises(PriceError, match="seed"):
        PricePath.random_walk(
            pair=PAIR,
            start="1",
            steps=2,
            seconds=1,
            volatility="0.1",
            seed=None,  # type: ignore[arg-type]
        )


# --- Playing ----------------------------------------------------------------------------------


def test_a_new_path_replaces_what_was_left_to_play_for_its_pairs() -> None:
    store = StubStore()
    market = Market(store)
    market.play({"pair": PAIR, "points": [[0, "1"], [60, "2"]]})
    market.play({"pair": "USDT_BTC", "points": [[0, "5"], [60, "6"]]})
    market.advance(30)
    market.play({"pair": PAIR, "points": [[10, "3"]]})  # from now: at 40 s
    market.advance(30)
    prices = market.snapshot()["prices"]
    assert (prices[PAIR]["last"], prices["USDT_BTC"]["last"]) == ("3.0", "6.0")
    before = copy.deepcopy(market.snapshot())
    market.advance(0)
    assert market.snapshot() == before


def test_on_a_real_time_clock_sync_plays_what_the_scaled_real_time_reached() -> None:
    wall = [0.0]
    store = StubStore()
    smart_trade = store.create(request(steps=[step("100", "0.12")]))
    market = Market(store, clock=VirtualClock(time_factor=0.01, wall=lambda: wall[0]))
    market.play({"pair": PAIR, "points": [[0, "0.1"], [60, "0.12"]]})
    wall[0] = 0.5  # 50 virtual seconds
    market.sync()
    assert status(smart_trade) == "waiting_targets"
    wall[0] = 0.6
    market.sync()
    check(store)
    assert status(smart_trade) == "finished"
    assert smart_trade["data"]["closed_at"] == "2024-01-01T00:01:00.000Z"


def test_the_markets_spread_applies_to_paths_that_give_none() -> None:
    market = Market(StubStore(), spread="0.02")
    market.play({"pair": PAIR, "points": [[0, "1"]]})
    market.play([{"t": 0, "pair": "USDT_BTC", "price": "100"}])
    market.play({"pair": "USDT_ETH", "spread": "0", "points": [[0, "10"]]})
    prices = market.snapshot()["prices"]
    assert (prices[PAIR]["bid"], prices["USDT_BTC"]["ask"]) == ("0.99", "101.0")
    assert prices["USDT_ETH"]["bid"] == "10.0"
