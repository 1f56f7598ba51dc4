"""The fixtures' clients run on their server's clock: the production budget, paced in the
server's scaled time (`time_factor`), so a `wait_for` sweeps every 24 ms at 0.01 instead of
every 2.4 s, and the emulated limits still hold.

Every figure here is read on the server's clock (its arrivals, divided by its `time_factor`)
or counted (sweeps, statuses), never on the wall clock.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from threecommas import AsyncThreeCommas, RateLimitError, SmartTrade, ThreeCommas
from threecommas.testing import (
    FIXTURE_TIME_FACTOR,
    ClientFactory,
    FaultConfig,
    Faults,
    MarketControl,
    RateLimitConfig,
    RunningServer,
    ScaledClock,
    ServerFactory,
)
from threecommas.testing.simulation import seed_closable_smart_trades

# The production pace of a one-id watch: 1 request per 60 s / (25 % of 100).
SWEEP_S = 2.4


def production_limits(faults: Faults) -> None:
    """The API's documented limits (100 per 60 s, 300 s lockout), in the fixture's time."""
    faults.configure(FaultConfig(rate_limit=RateLimitConfig(), time_factor=FIXTURE_TIME_FACTOR))


def server_span(faults: Faults) -> float:
    """Seconds of the server's scaled time from the first accepted request to the last."""
    arrivals = faults.accepted_times()
    return (arrivals[-1] - arrivals[0]) / faults.config.time_factor


def test_the_fixture_types_are_exported_for_annotations() -> None:
    import threecommas.testing as testing

    for name in ("MarketControl", "ServerFactory", "ClientFactory", "ScaledClock"):
        assert name in testing.__all__
        assert getattr(testing, name).__doc__
    assert MarketControl.__name__ == "MarketControl"
    assert callable(ServerFactory.__call__) and callable(ClientFactory.__call__)


def test_the_fixture_client_runs_on_the_servers_clock(
    threecommas_client: ThreeCommas,
    threecommas_async_client: AsyncThreeCommas,
    threecommas_faults: Faults,
) -> None:
    for client in (threecommas_client, threecommas_async_client):
        assert isinstance(client.clock, ScaledClock)
        assert client.clock.io_timeout(SWEEP_S) == pytest.approx(SWEEP_S * FIXTURE_TIME_FACTOR)
    # Reconfigured, the server's time changes pace; the client's follows, without a jump.
    before = threecommas_client.clock.monotonic()
    threecommas_faults.configure(FaultConfig(time_factor=0.5))
    assert threecommas_client.clock.io_timeout(1.0) == 0.5
    assert threecommas_client.clock.monotonic() >= before


def test_wait_for_on_the_fixture_client_sweeps_at_the_servers_pace_without_a_429(
    threecommas_server: RunningServer,
    threecommas_client: ThreeCommas,
    threecommas_faults: Faults,
) -> None:
    production_limits(threecommas_faults)
    ((smart_trade_id, _),) = seed_closable_smart_trades(threecommas_server.store, 1, 1)
    sweeps = 10
    looks: list[int] = []

    def until(smart_trade: SmartTrade) -> bool:
        # Each look changes the SmartTrade at the server, so the next sweep has news.
        looks.append(smart_trade.id)
        stored: Any = threecommas_server.store.get(smart_trade_id)
        stored["profit"]["percent"] = str(len(looks))
        threecommas_server.store.put(stored)
        return len(looks) == sweeps

    smart_trade = threecommas_client.smart_trades.wait_for(smart_trade_id, until)
    assert smart_trade.profit.percent == str(sweeps - 1)
    counters = threecommas_faults.counters()
    assert counters.requests == sweeps  # one `get` a sweep
    assert counters.statuses[429] == counters.statuses[418] == 0
    # The production pace, in the server's time: a sweep every 2.4 s of it. A sweep starts 2.4 s
    # after the previous one started, or when it ended if later; so whatever the latencies,
    # the first arrival and the last are at least (sweeps - 2) intervals apart.
    assert server_span(threecommas_faults) >= (sweeps - 2) * SWEEP_S * 0.999


def test_a_watch_of_the_fixture_client_ends_on_the_servers_clock(
    threecommas_server: RunningServer,
    threecommas_client: ThreeCommas,
    threecommas_faults: Faults,
) -> None:
    """`duration` counts the server's seconds: 12 of them (0.12 real seconds at 0.01; on the
    real clock, this test would take 12 s)."""
    production_limits(threecommas_faults)
    ((smart_trade_id, _),) = seed_closable_smart_trades(threecommas_server.store, 1, 1)
    duration = 5 * SWEEP_S
    events = list(threecommas_client.smart_trades.watch([smart_trade_id], duration=duration))
    assert [event.id for event in events] == [smart_trade_id]  # first sight; nothing changed
    counters = threecommas_faults.counters()
    assert counters.statuses[429] == counters.statuses[418] == 0
    # Within its share: at most one sweep per 2.4 s of the server's time, all of them sent
    # within the duration (they arrive within it, give or take a latency; on the real clock
    # they would span 4,800 s of the server's time).
    assert 1 <= counters.requests <= duration / SWEEP_S + 1
    if counters.requests > 1:
        assert server_span(threecommas_faults) <= 2 * duration


@pytest.mark.slow  # a second or so: 100 requests take the server's minute
def test_a_burst_of_the_fixture_client_stays_inside_the_emulated_limits(
    threecommas_client_factory: ClientFactory,
    threecommas_faults: Faults,
) -> None:
    production_limits(threecommas_faults)
    client = threecommas_client_factory()
    for _ in range(130):  # past the 100 a minute: the client waits, in the server's time
        client.market.markets()
    counters = threecommas_faults.counters()
    assert counters.requests == 130
    assert counters.statuses[429] == counters.statuses[418] == 0


@pytest.mark.slow  # a second or so: 100 requests take the server's minute
def test_the_async_fixture_client_keeps_the_budget_too(
    threecommas_async_client: AsyncThreeCommas, threecommas_faults: Faults
) -> None:
    production_limits(threecommas_faults)

    async def burst() -> None:
        await asyncio.gather(*(threecommas_async_client.market.markets() for _ in range(110)))

    asyncio.run(burst())
    counters = threecommas_faults.counters()
    assert counters.requests == 110
    assert counters.statuses[429] == counters.statuses[418] == 0


def test_a_lockout_keeps_the_fixture_client_out_for_the_servers_lockout(
    threecommas_client_factory: ClientFactory, threecommas_faults: Faults
) -> None:
    """The server's Retry-After (30 real seconds: 3,000 s of its time) is read on the client's
    clock: the client stays out, instead of knocking again 0.3 s later and earning a ban."""
    # A window and a lockout long in real time too, so that a loaded machine changes nothing.
    limit = RateLimitConfig(requests=2, period=6000, lockout=3000)
    threecommas_faults.configure(FaultConfig(rate_limit=limit, time_factor=FIXTURE_TIME_FACTOR))
    # The client's budget is wider than the server's: the third request is refused.
    client = threecommas_client_factory(rate_limit=None)
    client.market.markets()
    client.market.markets()
    with pytest.raises(RateLimitError) as refused:
        client.market.markets()
    assert refused.value.retry_after == 3000  # beyond retry_after_cap: raised, not waited out
    for _ in range(5):
        with pytest.raises(RateLimitError, match="not sent"):
            client.market.markets()
    counters = threecommas_faults.counters()
    assert counters.requests == 3
    assert counters.statuses[418] == 0


def test_a_client_factory_serves_other_servers_on_their_own_clock(
    threecommas_client_factory: ClientFactory, threecommas_server_factory: ServerFactory
) -> None:
    server = threecommas_server_factory(FaultConfig(time_factor=0.5))
    client = threecommas_client_factory(server, max_retries=0)
    assert client.base_url == server.base_url
    assert client.clock.io_timeout(2.0) == 1.0
    assert client.market.markets()
