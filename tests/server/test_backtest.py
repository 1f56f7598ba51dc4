"""backtest(): a strategy over candles in virtual time, and the report it gives.

Nothing here sleeps: the market, the client and the fake server's rate limit share the
backtest's virtual clock, so the waits a strategy meets (a lockout after a 429, the sweeps of
``wait_for``) pass in virtual time. Where a test says "wall time", it compares the real seconds a
backtest took with the virtual seconds it played, with a margin of two orders of magnitude.
"""

from __future__ import annotations

import asyncio
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from threecommas import AsyncThreeCommas, Bar, ThreeCommas
from threecommas.testing import BacktestReport, backtest
from threecommas.testing.faults import RateLimitConfig
from threecommas.testing.samples import SAMPLES

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "examples"))
from buy_the_dip import BuyTheDip  # noqa: E402

PAIR = "USDT_BTC"
START_MS = 1_704_067_200_000  # 2024-01-01T00:00:00Z


def line_of_candles(
    count: int, *, seconds: int = 1, price: int = 42000, step: int = 1
) -> list[Any]:
    """Candles whose price climbs ``step`` a bar, each flat (open = high = low = close)."""
    rows = []
    for index in range(count):
        value = str(price + step * index)
        rows.append([START_MS + index * seconds * 1000, value, value, value, value, "1"])
    return rows


def buy(client: ThreeCommas, pair: str, take_profit: dict[str, Any]) -> int:
    account_id = client.accounts.list()[0].id
    smart_trade = client.smart_trades.create(
        account_id=account_id,
        pair=pair,
        position={"type": "buy", "order_type": "market", "units": {"value": "0.01"}},
        take_profit={
            "enabled": True,
            "steps": [{"order_type": "market", "volume": "100", "price": take_profit}],
        },
        stop_loss={"enabled": False},
    )
    return smart_trade.id


def example() -> BuyTheDip:
    return BuyTheDip(dip="0.002", take_profit="0.3", stop_loss="0.3")


def test_the_example_backtested_twice_gives_the_same_json_and_page(tmp_path: Path) -> None:
    first = backtest(example(), candles=SAMPLES["binance"], pair=PAIR)
    second = backtest(example(), candles=SAMPLES["binance"], pair=PAIR)
    assert first.to_json() == second.to_json()
    assert (
        first.to_html(tmp_path / "a.html").read_bytes()
        == second.to_html(tmp_path / "b.html").read_bytes()
    )
    report = json.loads(first.to_json())
    assert report["results"]["smart_trades"] == len(report["smart_trades"]) > 1
    assert {t["ended_by"] for t in report["smart_trades"]} >= {"take_profit", "stop_loss"}


def test_one_example_object_backtested_twice_starts_afresh_each_time() -> None:
    """The same strategy object is meant to run again (a backtest, then paper mode): the
    second run must not carry the first one's SmartTrade or closes over."""
    strategy = example()
    first = backtest(strategy, candles=SAMPLES["binance"], pair=PAIR).to_json()
    second = backtest(strategy, candles=SAMPLES["binance"], pair=PAIR).to_json()
    assert first == second == backtest(example(), candles=SAMPLES["binance"], pair=PAIR).to_json()


def test_the_three_candle_formats_give_the_same_report() -> None:
    reports = {
        fmt: backtest(example(), candles=path, pair=PAIR).to_json() for fmt, path in SAMPLES.items()
    }
    assert len(set(reports.values())) == 1


def test_a_trade_is_reported_as_the_api_shows_it() -> None:
    """One buy of 0.01 at 42,000 whose take profit at 42,100 fills on the bar that gets there:
    entry, exit, fees at the default 0.1 % and profit, computed by hand."""

    class Once:
        def __init__(self) -> None:
            self.id: int | None = None

        def __call__(self, client: ThreeCommas, bar: Bar) -> None:
            if self.id is None:
                self.id = buy(client, bar.pair, {"type": "last", "value": "42100"})

    report = backtest(
        Once(), candles=line_of_candles(200), pair=PAIR, balances={"USDT": "1000"}, slippage="0"
    )
    (trade,) = report.to_dict()["smart_trades"]
    assert trade["entry_price"] == "42000"  # the first bar's close, when the strategy saw it
    assert trade["entered_at"] == "2024-01-01T00:00:00.750Z"  # three quarters into the bar
    assert trade["exits"] == [
        {
            "kind": "take_profit",
            "at": "2024-01-01T00:01:40.000Z",
            "units": "0.01",
            "price": "42100",
            "fee": "0.421",
        }
    ]
    assert Decimal(trade["fees"]) == Decimal("0.42") + Decimal("0.421")
    assert Decimal(trade["profit"]) == Decimal("421") - Decimal("0.421") - Decimal("420.42")
    results = report.to_dict()["results"]
    assert results["win_rate"] == "1" and results["profit_factor"] is None
    assert Decimal(results["end_equity"]) == Decimal("1000") + Decimal(trade["profit"])
    assert report.to_dict()["balances"] == {"USDT": "1000", "BTC": "0"}


def test_polling_every_bar_meets_the_rate_limit_in_virtual_time() -> None:
    """A strategy that reads its SmartTrade on every one-second bar sends 60 requests a minute
    to an account limited to 30: 429s, counted, then the client's lockout, waited in virtual
    time (300 s of it) while the test takes a few real seconds."""

    class Poller:
        def __init__(self) -> None:
            self.id: int | None = None

        def __call__(self, client: ThreeCommas, bar: Bar) -> None:
            if self.id is None:
                self.id = buy(client, bar.pair, {"type": "last", "percent": "50"})
            else:
                client.smart_trades.get(self.id)

    report = backtest(
        Poller(),
        candles=line_of_candles(1200),
        pair=PAIR,
        rate_limit=RateLimitConfig(requests=30, period=60),
    )
    api = report.to_dict()["api"]
    assert api["rate_limited"] >= 1 and api["by_status"]["429"] == api["rate_limited"]
    assert api["busiest_minute"] <= 31  # the server's window holds 30 (the 429 makes one more)
    assert report.errors and report.errors[0]["error"] == "RateLimitError"
    assert report.waited_seconds >= 300  # the API's lockout, waited on the virtual clock
    assert report.virtual_seconds == 1200
    assert report.wall_seconds < report.virtual_seconds / 20


def test_wait_for_answers_at_the_virtual_moment_the_market_made_it_true() -> None:
    """The price climbs 1 a second from 42,000: 42,100 is reached by the bar that opens at
    100 s. wait_for, asked at the first bar, sees the SmartTrade finished within one sweep
    (2.4 s at the default budget share) of that moment, on the virtual clock."""
    seen: dict[str, Any] = {}

    class Waiter:
        def __call__(self, client: ThreeCommas, bar: Bar) -> None:
            if seen:
                return
            smart_trade_id = buy(client, bar.pair, {"type": "last", "value": "42100"})
            seen["asked"] = client.clock.time()
            done = client.smart_trades.wait_for(smart_trade_id, "finished", timeout=3600)
            seen["closed_at"] = done.data.closed_at
            seen["answered"] = client.clock.time()

    report = backtest(Waiter(), candles=line_of_candles(600), pair=PAIR)
    true_at = START_MS / 1000 + 100
    assert seen["closed_at"] == "2024-01-01T00:01:40.000Z"
    assert seen["asked"] < true_at <= seen["answered"] <= true_at + 5
    assert report.bars_skipped > 90  # the bars that closed while it waited
    assert report.wall_seconds < report.virtual_seconds / 20


def test_an_async_strategy_gets_the_async_client() -> None:
    kinds: list[type] = []

    async def strategy(client: AsyncThreeCommas, bar: Bar) -> None:
        kinds.append(type(client))
        if len(kinds) == 1:
            account_id = (await client.accounts.list())[0].id
            await client.smart_trades.create(
                account_id=account_id,
                pair=bar.pair,
                position={"type": "buy", "order_type": "market", "units": {"value": "0.01"}},
            )

    report = backtest(strategy, candles=SAMPLES["ccxt"], pair=PAIR)
    assert set(kinds) == {AsyncThreeCommas} and len(kinds) == 40
    assert len(report.trades) == 1 and report.trades[0].ended_by == "open"


def test_the_bars_are_the_candles() -> None:
    bars: list[Bar] = []
    backtest(lambda client, bar: bars.append(bar), candles=SAMPLES["freqtrade"], pair=PAIR)
    first = bars[0]
    assert (first.time.isoformat(), first.pair) == ("2024-01-01T00:00:00+00:00", PAIR)
    assert (first.open, first.high, first.low, first.close) == (
        Decimal("42000.00000000"),
        Decimal("42029.40000000"),
        Decimal("41903.40000000"),
        Decimal("41903.40000000"),
    )
    assert first.volume == Decimal("15.15100000") and first.seconds == 60
    assert len(bars) == 40


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"market_code": "kraken"}, "market_code"),
        ({"pair": "BTCUSDT"}, "pair"),
        ({"balances": {"USDT": "-1"}}, "amount"),
        ({"candles": [[START_MS, "1", "2", "0.5", "1"]]}, "candle"),
        ({"client_options": {"clock": None}}, "clock"),
    ],
)
def test_bad_input_is_refused_before_the_first_bar(options: dict[str, Any], message: str) -> None:
    called: list[Bar] = []
    arguments: dict[str, Any] = {"candles": SAMPLES["binance"], "pair": PAIR, **options}
    with pytest.raises(ValueError, match=message):
        backtest(lambda client, bar: called.append(bar), **arguments)
    assert called == []


def test_the_summary_and_the_page_say_what_happened(tmp_path: Path) -> None:
    report: BacktestReport = backtest(example(), candles=SAMPLES["binance"], pair=PAIR)
    text = report.summary()
    assert "USDT_BTC" in text and "max drawdown" in text and "busiest minute" in text
    page = report.to_html(tmp_path / "report.html").read_text(encoding="utf-8")
    assert page.count("<svg id=") == 2 and "http" not in page.replace(
        'xmlns="http://www.w3.org/2000/svg"', ""
    )
    assert page.count('class="marker entry"') == len(report.trades)
    assert 'class="marker take-profit"' in page and 'class="marker stop-loss"' in page


class BuyOnce:
    def __init__(self) -> None:
        self.id: int | None = None

    def __call__(self, client: ThreeCommas, bar: Bar) -> None:
        if self.id is None:
            self.id = buy(client, bar.pair, {"type": "last", "value": "42100"})


def test_fees_and_slippage_reach_the_market() -> None:
    """fees= is the rate of every fill (0.2 % here, on 420 in and 421 out); slippage moves the
    market fills by a seeded draw: the same seed, the same fills; the options in force are in
    the report."""
    candles = line_of_candles(200)
    report = backtest(BuyOnce(), candles=candles, pair=PAIR, fees="0.002", slippage="0")
    (trade,) = report.trades
    assert trade.entry_fee == Decimal("0.84") and trade.exits[0].fee == Decimal("0.842")
    assert report.to_dict()["options"]["taker_fee"] == "0.002"
    slipped = [
        backtest(BuyOnce(), candles=candles, pair=PAIR, slippage="0.01", seed=seed).trades[0]
        for seed in (1, 1, 2)
    ]
    assert slipped[0].entry_price == slipped[1].entry_price != slipped[2].entry_price
    assert all(Decimal(42000) < t.entry_price <= Decimal("42420") for t in slipped)  # buys slip up
    with pytest.raises(ValueError, match="_fee must be"):
        backtest(BuyOnce(), candles=candles, pair=PAIR, fees="-1")


def test_a_request_copies_no_finished_smart_trade(monkeypatch: pytest.MonkeyPatch) -> None:
    """A backtest's store fills with finished SmartTrades; a request (its market sync, the
    balance check of a create) must not copy each of them, or a year takes hours: the copies a
    request makes stay the same whether 5 or 60 SmartTrades have finished before it."""
    from threecommas.testing.simulation import _base

    copies: list[int] = []
    real_copy = _base.copy_stored

    def counted(value: Any) -> Any:
        copies[-1] += 1
        return real_copy(value)

    monkeypatch.setattr(_base, "copy_stored", counted)

    class Churn:
        """A buy every other bar whose take profit fills on the next one; at bars 10 and 120,
        one more buy whose copies are counted."""

        def __init__(self) -> None:
            self.count = 0
            self.counted: list[int] = []

        def __call__(self, client: ThreeCommas, bar: Bar) -> None:
            self.count += 1
            if self.count in (10, 120):
                copies.append(0)
                buy(client, bar.pair, {"type": "last", "percent": "0.001"})
                self.counted.append(copies.pop())
            elif self.count % 2:
                buy(client, bar.pair, {"type": "last", "percent": "0.001"})

    churn = Churn()
    copies.append(0)
    report = backtest(churn, candles=line_of_candles(130, step=1), pair=PAIR, slippage="0")
    assert sum(1 for t in report.trades if t.ended_by == "take_profit") > 60
    early, late = churn.counted
    assert late == early


def test_it_runs_from_inside_an_event_loop() -> None:
    """A notebook or an async test calls backtest() with an event loop running: the backtest's
    own loop runs beside it, for a sync strategy and for an async one."""

    async def strategy(client: AsyncThreeCommas, bar: Bar) -> None:
        await client.accounts.list()

    async def main() -> tuple[BacktestReport, BacktestReport]:
        sync = backtest(example(), candles=SAMPLES["binance"], pair=PAIR)
        return sync, backtest(strategy, candles=SAMPLES["ccxt"], pair=PAIR)

    sync, asynchronous = asyncio.run(main())
    assert sync.to_json() == backtest(example(), candles=SAMPLES["binance"], pair=PAIR).to_json()
    assert asynchronous.requests == 40


def test_a_price_path_of_another_pair_is_refused_naming_the_pair() -> None:
    """The bars of a parsed path are handed to the strategy as they are: a path made for
    another pair would have the strategy trade a pair the market does not move."""
    from threecommas.testing.simulation._market._prices import PricePath

    rows = line_of_candles(3)
    path = PricePath.from_bars(
        {"t": 60 * i, "pair": "USDT_ETH", "open": r[1], "high": r[2], "low": r[3], "close": r[4]}
        for i, r in enumerate(rows)
    )
    with pytest.raises(ValueError, match=r"'USDT_ETH'.*pair='USDT_BTC'"):
        backtest(lambda client, bar: None, candles=path, pair=PAIR)
    assert backtest(lambda client, bar: None, candles=path, pair="USDT_ETH").bars == 3
