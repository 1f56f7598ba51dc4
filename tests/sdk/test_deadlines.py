"""Deadlines are deadlines: `wait_for(timeout=...)` and `watch(duration=...)` end on time whatever
the server does, because every wait inside them (the request's own timeout, the limiter, a
lockout, a retry's backoff, the stream's reconnection) is bounded by the time left.

The clients run on a `FakeClock` whose sleeps move virtual time at once, and a mock transport
that spends virtual time as a server would: an answer slower than the request's read timeout
is a `ReadTimeout` after exactly that timeout. So each test measures the overrun exactly, in
virtual seconds, however loaded the machine is.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from threecommas import AsyncThreeCommas, Clock, RateLimit, RateLimitError, ThreeCommas
from threecommas.testing import DEFAULT_RECORDINGS_DIR

SMART_TRADE_ID = 30404547
DEADLINE = 5.0
# The promise: TimeoutError within 0.25 s of the deadline.
MARGIN = 0.25


class FakeClock:
    """Virtual time: it moves only when the client sleeps or the mock server spends it."""

    def __init__(self) -> None:
        self.now = 1_000.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def time(self) -> float:
        return 1_700_000_000.0 + self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += max(0.0, seconds)

    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)
        await asyncio.sleep(0)

    def io_timeout(self, seconds: float) -> float:
        return seconds


def active_smart_trade() -> dict[str, Any]:
    """A recorded SmartTrade, made active (so `wait_for(..., "finished")` keeps waiting)."""
    recording = json.loads(
        (DEFAULT_RECORDINGS_DIR / f"get_smart_trade_{SMART_TRADE_ID}.json").read_text()
    )
    body: dict[str, Any] = recording["body"]
    body["status"] = {"type": "waiting_targets", "basic_type": "waiting_targets", "title": "On"}
    body["data"]["finished"] = False
    return body


class VirtualServer:
    """Answers every request after `latency` virtual seconds, or, when the request's read
    timeout is shorter, spends that timeout and raises `ReadTimeout` as httpx would.
    `refuse` (a list of Retry-After values) answers the next requests with 429s."""

    def __init__(self, clock: FakeClock, latency: float = 0.1) -> None:
        self.clock = clock
        self.latency = latency
        self.refuse: list[int] = []
        self.listed = True  # whether the SmartTrade is among the active ones
        self.requests = 0
        self.body = active_smart_trade()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests += 1
        read = (request.extensions.get("timeout") or {}).get("read")
        if read is not None and read < self.latency:
            self.clock.now += read
            raise httpx.ReadTimeout("no answer in time", request=request)
        self.clock.now += self.latency
        if self.refuse:
            retry_after = self.refuse.pop(0)
            return httpx.Response(
                429,
                json={"error": "rate_limit_exceeded"},
                headers={"Retry-After": str(retry_after)},
            )
        listing = request.url.path.endswith("/smart_trades")
        if listing:
            return httpx.Response(200, json=[self.body] if self.listed else [])
        return httpx.Response(200, json=self.body)


def sync_client(server: VirtualServer, **options: Any) -> ThreeCommas:
    return ThreeCommas(
        "key",
        "secret",
        base_url="http://127.0.0.1:9/public/api",
        http_client=httpx.Client(transport=httpx.MockTransport(server)),
        clock=server.clock,
        **options,
    )


def async_client(server: VirtualServer, **options: Any) -> AsyncThreeCommas:
    return AsyncThreeCommas(
        "key",
        "secret",
        base_url="http://127.0.0.1:9/public/api",
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(server)),
        clock=server.clock,
        **options,
    )


def times_out_on_time(clock: FakeClock, wait: Callable[[], object]) -> float:
    """Run `wait` (a `wait_for` with `timeout=DEADLINE`): it must raise TimeoutError within
    MARGIN of the deadline; the virtual seconds it took."""
    started = clock.now
    with pytest.raises(TimeoutError, match="did not hold"):
        wait()
    took = clock.now - started
    assert abs(took - DEADLINE) <= MARGIN, f"TimeoutError after {took:.3f} s"
    return took


def test_the_fake_clock_is_a_clock() -> None:
    assert isinstance(FakeClock(), Clock)


# --- a server that answers slower than the time left ---------------------------------------------


def test_a_server_slower_than_the_time_left_cannot_make_wait_for_late() -> None:
    clock = FakeClock()
    server = VirtualServer(clock, latency=30.0)  # within the default 30 s read timeout
    with sync_client(server) as client:
        times_out_on_time(clock, lambda: client.smart_trades.wait_for(SMART_TRADE_ID, timeout=5))
    assert server.requests == 1  # the cut timeout is not retried past the deadline


def test_the_same_with_the_async_client() -> None:
    clock = FakeClock()
    server = VirtualServer(clock, latency=30.0)
    client = async_client(server)

    def wait() -> object:
        return asyncio.run(client.smart_trades.wait_for(SMART_TRADE_ID, timeout=DEADLINE))

    times_out_on_time(clock, wait)


def test_a_watch_with_a_duration_ends_on_time_behind_a_slow_server() -> None:
    clock = FakeClock()
    server = VirtualServer(clock, latency=30.0)
    with sync_client(server) as client:
        started = clock.now
        assert list(client.smart_trades.watch(duration=DEADLINE)) == []
    assert abs(clock.now - started - DEADLINE) <= MARGIN


def test_a_fast_server_is_watched_as_before_until_the_deadline() -> None:
    clock = FakeClock()
    server = VirtualServer(clock, latency=0.1)
    with sync_client(server, rate_limit=RateLimit(100, 6.0)) as client:
        times_out_on_time(clock, lambda: client.smart_trades.wait_for(SMART_TRADE_ID, timeout=5))
    # A sweep every 6 * 1 / (0.25 * 100) = 0.24 virtual seconds, each one `get`.
    assert 15 <= server.requests <= 22


# --- a rate-limit wait longer than the time left -------------------------------------------------


def test_a_rate_limit_wait_longer_than_the_time_left_ends_at_the_deadline() -> None:
    clock = FakeClock()
    server = VirtualServer(clock)
    with sync_client(server, rate_limit=RateLimit(2, 60.0)) as client:
        client.smart_trades.get(SMART_TRADE_ID)
        client.smart_trades.get(SMART_TRADE_ID)  # the budget is spent for a minute
        times_out_on_time(clock, lambda: client.smart_trades.wait_for(SMART_TRADE_ID, timeout=5))
    assert server.requests == 2  # the watch never got a slot


def test_the_watchs_own_share_of_the_budget_is_bounded_too() -> None:
    clock = FakeClock()
    server = VirtualServer(clock)
    server.listed = False  # a sweep then lists, and reads each watched id: 3 requests
    # One request a minute for the watch (25 % of 4): its sweep's second request waits 60 s.
    with sync_client(server, rate_limit=RateLimit(4, 60.0)) as client:
        ids = [SMART_TRADE_ID, 12345678]
        started = clock.now
        assert list(client.smart_trades.watch(ids, duration=DEADLINE, budget_share=0.25)) == []
    assert abs(clock.now - started - DEADLINE) <= MARGIN
    assert server.requests == 1


# --- a 429 lockout longer than the time left -----------------------------------------------------


def test_a_429_lockout_longer_than_the_time_left_ends_at_the_deadline() -> None:
    clock = FakeClock()
    server = VirtualServer(clock)
    server.refuse = [30]  # within retry_after_cap (60 s): the client would wait it out
    with sync_client(server) as client:
        times_out_on_time(clock, lambda: client.smart_trades.wait_for(SMART_TRADE_ID, timeout=5))
    assert server.requests == 1


def test_a_lockout_already_running_ends_at_the_deadline() -> None:
    clock = FakeClock()
    server = VirtualServer(clock)
    server.refuse = [30]
    with sync_client(server, max_retries=0) as client:
        with pytest.raises(RateLimitError):
            client.smart_trades.get(SMART_TRADE_ID)  # starts a 30 s lockout
        times_out_on_time(clock, lambda: client.smart_trades.wait_for(SMART_TRADE_ID, timeout=5))
    assert server.requests == 1


def test_outside_a_watch_a_lockout_is_still_waited_out() -> None:
    clock = FakeClock()
    server = VirtualServer(clock)
    server.refuse = [30]
    with sync_client(server) as client:
        assert client.smart_trades.get(SMART_TRADE_ID).id == SMART_TRADE_ID
    assert server.requests == 2
    assert clock.now - 1_000.0 >= 30  # the retry waited out the Retry-After on the clock


# --- the stream reconnecting ---------------------------------------------------------------------


def test_the_streams_reconnection_backoff_ends_at_the_deadline() -> None:
    pytest.importorskip("websockets")
    clock = FakeClock()
    server = VirtualServer(clock)
    with _closed_port() as port, sync_client(server, stream_url=f"ws://127.0.0.1:{port}") as c:
        times_out_on_time(
            clock,
            lambda: c.smart_trades.wait_for(
                SMART_TRADE_ID,
                timeout=DEADLINE,
                source="websocket",
                reconnect_initial=20.0,  # each failed connection waits 10 to 20 s
                reconnect_max=60.0,
            ),
        )
    assert server.requests == 0  # the first sweep waits stale_after (6 s) for a subscription


def test_a_slow_sweep_of_the_stream_watch_ends_at_the_deadline() -> None:
    pytest.importorskip("websockets")
    clock = FakeClock()
    server = VirtualServer(clock, latency=30.0)
    with _closed_port() as port, sync_client(server, stream_url=f"ws://127.0.0.1:{port}") as c:
        times_out_on_time(
            clock,
            lambda: c.smart_trades.wait_for(
                SMART_TRADE_ID,
                timeout=DEADLINE,
                source="websocket",
                stale_after=1.0,  # no subscription: the first sweep comes after 1 s
                reconnect_initial=20.0,
                reconnect_max=60.0,
            ),
        )
    assert server.requests == 1


@pytest.mark.slow
def test_a_stream_handshake_that_hangs_ends_at_the_deadline() -> None:
    """Real time (the socket's own timeout): a server that accepts the connection and never
    answers the handshake held the watch for the stream's open timeout (30 s here)."""
    pytest.importorskip("websockets")
    server = VirtualServer(FakeClock())
    with _silent_listener() as port:
        client = ThreeCommas(
            "key",
            "secret",
            base_url="http://127.0.0.1:9/public/api",
            http_client=httpx.Client(transport=httpx.MockTransport(server)),
            stream_url=f"ws://127.0.0.1:{port}",
        )
        started = time.monotonic()
        with client, pytest.raises(TimeoutError):
            client.smart_trades.wait_for(
                SMART_TRADE_ID, timeout=0.5, source="websocket", stale_after=30.0
            )
        # Bounded by the deadline; without the bound, by the 30 s open timeout. A wide margin:
        # the machine may be loaded, the point is 0.5 s against 30 s.
        assert time.monotonic() - started < 10


@contextlib.contextmanager
def _closed_port() -> Iterator[int]:
    """A loopback port nothing listens on: a connection is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    yield port


@contextlib.contextmanager
def _silent_listener() -> Iterator[int]:
    """A loopback port that accepts connections and never says a word."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join()
        for connection in accepted:
            connection.close()
        listener.close()


def test_a_watch_with_a_duration_of_zero_still_makes_its_one_sweep(
    threecommas_client: ThreeCommas,
) -> None:
    """`duration=0` is one whole sweep (the README's example), not a deadline already past."""
    events = list(threecommas_client.smart_trades.watch(duration=0, initial=True))
    assert events, "the one sweep reported nothing"
    assert all(event.previous is None for event in events)
