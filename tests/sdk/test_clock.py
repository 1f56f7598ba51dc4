"""`threecommas.Clock`, the clients' one time source: its checks, the real and the scaled
clock, and what reads it (events' dates, copies of a client)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest

from tests.sdk.test_deadlines import SMART_TRADE_ID, FakeClock, VirtualServer, sync_client
from threecommas import AsyncThreeCommas, Clock, SystemClock, ThreeCommas
from threecommas._clock import SYSTEM_CLOCK, ScaledClock


@pytest.mark.parametrize("cls", [ThreeCommas, AsyncThreeCommas])
def test_a_client_runs_on_the_real_clock_unless_given_one(cls: type[ThreeCommas]) -> None:
    assert cls("key", "secret").clock is SYSTEM_CLOCK
    clock = FakeClock()
    assert cls("key", "secret", clock=clock).clock is clock


@pytest.mark.parametrize("cls", [ThreeCommas, AsyncThreeCommas])
def test_a_clock_that_is_not_one_is_refused_naming_what_it_lacks(cls: type[ThreeCommas]) -> None:
    class Half:
        def monotonic(self) -> float:
            return 0.0

    with pytest.raises(TypeError, match=r"clock must be a threecommas\.Clock.*time, sleep"):
        cls("key", "secret", clock=Half())  # type: ignore[arg-type]


def test_the_system_clock_is_the_real_one() -> None:
    clock = SystemClock()
    assert isinstance(clock, Clock)
    first = clock.monotonic()
    clock.sleep(0)
    asyncio.run(clock.asleep(-1))  # a negative wait is no wait
    assert clock.monotonic() >= first
    assert clock.io_timeout(3.5) == 3.5
    assert abs(clock.time() - datetime.now(UTC).timestamp()) < 60


def test_a_scaled_clock_follows_its_factor_without_jumping() -> None:
    factor = [0.01]
    clock = ScaledClock(lambda: factor[0])
    assert isinstance(clock, Clock)
    assert clock.io_timeout(2.4) == pytest.approx(0.024)
    readings = [clock.monotonic()]
    for value in (1.0, 0.5, 0.001):
        factor[0] = value
        readings.append(clock.monotonic())
        assert clock.io_timeout(1.0) == value
    assert readings == sorted(readings)
    assert repr(clock) == "ScaledClock(time_factor=0.001)"
    for bad in (0, -1, float("nan"), True, "0.1"):
        with pytest.raises(ValueError, match="time_factor"):
            ScaledClock(bad)  # type: ignore[arg-type]


def test_events_are_dated_by_the_clients_clock() -> None:
    clock = FakeClock()
    with sync_client(VirtualServer(clock)) as client:
        (event,) = list(client.smart_trades.watch([SMART_TRADE_ID], max_events=1))
    assert event.observed_at.timestamp() == pytest.approx(clock.time(), abs=0.5)
    assert event.observed_at.year == 2023  # the fake clock's date, not today's


def test_a_configured_copy_keeps_the_clock() -> None:
    clock = FakeClock()
    with sync_client(VirtualServer(clock)) as client:
        assert client.with_options(max_retries=5).clock is clock
        assert client.with_options(max_retries=5)._policy.clock is clock
        assert client.with_raw_response.clock is clock
