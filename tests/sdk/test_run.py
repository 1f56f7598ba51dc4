"""threecommas.run: the backtested strategy against the API, in paper mode unless confirmed.

Against the fake server with a market that follows the real time, scaled (0.01: a virtual
minute lasts 0.6 real seconds); the client runs on the same scaled clock, so a bar of 60 s and
its price reads take 0.6 s. The assertions never depend on the machine's speed: the bars are
counted (``max_bars``), and their prices are what the market's path can have shown.
"""

from __future__ import annotations

import logging
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest

import threecommas
from threecommas import AsyncThreeCommas, Bar, ThreeCommas
from threecommas._run import RealModeGuardError
from threecommas.testing import FIXTURE_TIME_FACTOR, FaultConfig, RunningServer, ServerFactory
from threecommas.testing._fixtures import server_clock

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "examples"))
from buy_the_dip import BuyTheDip  # noqa: E402

PAIR = "USDT_BTC"
#: The price climbs 10 a virtual minute from 42,000, then falls: a dip the example buys.
PATH = {
    "points": [{"t": 60 * i, "pair": PAIR, "price": str(42000 + 10 * i)} for i in range(4)]
    + [{"t": 240 + 60 * i, "pair": PAIR, "price": str(42030 - 100 * (i + 1))} for i in range(20)]
}


@pytest.fixture
def server(threecommas_server_factory: ServerFactory) -> RunningServer:
    return threecommas_server_factory(
        FaultConfig(time_factor=FIXTURE_TIME_FACTOR), market=PATH, market_real_time=True
    )


class Sent:
    """Every request's Forced-Mode header, as it left the client."""

    def __init__(self) -> None:
        self.modes: list[tuple[str, str | None]] = []

    def __call__(self, request: httpx.Request) -> None:
        self.modes.append((request.url.path, request.headers.get("Forced-Mode")))


def assert_paper(sent: Sent) -> None:
    """Every request of an operation with a Forced-Mode header said paper; the others (the
    price reads, which the spec gives no such header) said nothing."""
    assert sent.modes
    for path, mode in sent.modes:
        assert mode == (None if path.endswith("/currency_rates") else "paper"), path


def options(server: RunningServer, sent: Sent) -> dict[str, Any]:
    http = httpx.Client(event_hooks={"request": [sent]})
    return {
        "api_key": server.api_key,
        "api_secret": server.api_secret,
        "base_url": server.base_url,
        "clock": server_clock(server),
        "http_client": http,
    }


@pytest.mark.slow
def test_the_example_runs_in_paper_mode_with_every_request_marked_paper(
    server: RunningServer, caplog: pytest.LogCaptureFixture
) -> None:
    sent = Sent()
    bars: list[Bar] = []
    example = BuyTheDip(dip="0.001", lookback=5)

    def strategy(client: ThreeCommas, bar: Bar) -> None:
        bars.append(bar)
        example(client, bar)

    with caplog.at_level(logging.INFO, logger="threecommas.run"):
        result = threecommas.run(
            strategy,
            pair=PAIR,
            market_code="binance",
            interval=60,
            max_bars=7,
            **options(server, sent),
        )
    assert (result.mode, result.bars, result.stopped_by, result.errors) == (
        "paper",
        7,
        "max_bars",
        0,
    )
    assert_paper(sent)
    assert any(path.endswith("/currency_rates") for path, _ in sent.modes)
    prices = {Decimal(p["price"]) for p in PATH["points"]}
    for bar in bars:
        assert bar.pair == PAIR and bar.volume is None and bar.seconds == 60
        assert bar.low <= min(bar.open, bar.close) and bar.high >= max(bar.open, bar.close)
        assert bar.close in prices
    assert example.open_id is not None  # the fall after 600 s was bought, in paper mode
    assert any(path.endswith("/smart_trades") for path, _ in sent.modes)
    messages = [record.getMessage() for record in caplog.records]
    assert (
        messages[0].startswith("run: strategy on USDT_BTC (binance)")
        and "mode paper" in messages[0]
    )
    assert messages[-1].startswith("run: stopped (max_bars) after 7 bar(s)")


@pytest.mark.slow
def test_an_async_strategy_runs_with_the_async_client(server: RunningServer) -> None:
    sent = Sent()
    kinds: list[type] = []

    async def strategy(client: AsyncThreeCommas, bar: Bar) -> None:
        kinds.append(type(client))

    opts = options(server, sent)
    opts["http_client"] = httpx.AsyncClient(event_hooks={"request": [_async(sent)]})
    result = threecommas.run(strategy, pair=PAIR, market_code="binance", max_bars=2, **opts)
    assert result.bars == 2 and kinds == [AsyncThreeCommas, AsyncThreeCommas]
    assert {mode for _, mode in sent.modes} == {None}  # price reads only: no mode to force


def _async(hook: Sent) -> Any:
    async def call(request: httpx.Request) -> None:
        hook(request)

    return call


def test_real_mode_is_refused_without_confirmation(server: RunningServer) -> None:
    sent = Sent()
    for confirm in (False, "yes", 1):
        with pytest.raises(ValueError, match="confirm_real=True"):
            threecommas.run(
                lambda client, bar: None,
                pair=PAIR,
                market_code="binance",
                mode="real",
                confirm_real=confirm,  # type: ignore[arg-type]
                **options(server, sent),
            )
    assert sent.modes == []  # nothing was sent


@pytest.mark.slow
def test_real_mode_when_confirmed_sends_real(server: RunningServer) -> None:
    sent = Sent()
    result = threecommas.run(
        lambda client, bar: None,
        pair=PAIR,
        market_code="binance",
        mode="real",
        confirm_real=True,
        max_bars=1,
        **options(server, sent),
    )
    assert result.bars == 1 and {mode for _, mode in sent.modes} == {None}  # price reads


@pytest.mark.slow
def test_a_paper_run_stops_a_request_a_strategy_marks_real(server: RunningServer) -> None:
    sent = Sent()

    def sneaky(client: ThreeCommas, bar: Bar) -> None:
        client.accounts.list(forced_mode="real")

    with pytest.raises(RealModeGuardError, match="without Forced-Mode: paper"):
        threecommas.run(
            sneaky, pair=PAIR, market_code="binance", max_bars=3, **options(server, sent)
        )
    assert_paper(sent)  # the list never left


@pytest.mark.slow
def test_ctrl_c_and_a_deadline_stop_it_cleanly(server: RunningServer) -> None:
    sent = Sent()

    def interrupted(client: ThreeCommas, bar: Bar) -> None:
        raise KeyboardInterrupt

    result = threecommas.run(interrupted, pair=PAIR, market_code="binance", **options(server, sent))
    assert (result.bars, result.stopped_by) == (1, "interrupt")
    result = threecommas.run(
        lambda client, bar: None,
        pair=PAIR,
        market_code="binance",
        duration=150,
        **options(server, sent),
    )
    # Bars end at 60 and 120 s of the scaled clock and the deadline comes at 150 s, but how
    # many bars reach the strategy before it depends on how long the price reads take in real
    # time (30 virtual seconds are 0.3 real ones): never more than two, and the deadline stops it.
    assert result.stopped_by == "duration"
    assert result.bars <= 2


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"mode": "live"}, "mode"),
        ({"interval": 0}, "interval"),
        ({"pair": "BTC"}, "pair"),
        ({"budget_share": 2}, "budget_share"),
        ({"max_bars": 0}, "max_bars"),
        ({"forced_mode": "real"}, "forced_mode"),
    ],
)
def test_bad_arguments_are_refused_before_sending(arguments: dict[str, Any], message: str) -> None:
    call: dict[str, Any] = {"pair": PAIR, "market_code": "binance", **arguments}
    with pytest.raises(ValueError, match=message):
        threecommas.run(lambda client, bar: None, **call)
