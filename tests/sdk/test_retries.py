"""Rate limiting, lockouts after 429/418, and which requests are repeated after which failure."""

from __future__ import annotations

import asyncio
import heapq
import itertools
import logging
import threading
import time
from collections.abc import Awaitable
from typing import Any, TypeVar

import httpx
import pytest

from tests.sdk.test_deadlines import FakeClock
from threecommas import (
    APITimeoutError,
    AsyncThreeCommas,
    IPBannedError,
    PermissionDeniedError,
    PlanRestrictionError,
    RateLimit,
    RateLimitError,
    ServerError,
    ThreeCommas,
)
from threecommas._limits import RateLimiter
from threecommas._types import Call

SECRET = "retry-test-secret"
T = TypeVar("T")


class Script:
    """A MockTransport handler that plays a list of answers (responses or exceptions)."""

    def __init__(self, *answers: httpx.Response | Exception) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        # a fresh response each time: httpx binds a response's stream to one transport
        return httpx.Response(answer.status_code, headers=answer.headers, content=answer.content)


@pytest.fixture
def slept(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record the client's sleeps instead of sleeping."""
    waits: list[float] = []
    monkeypatch.setattr(time, "sleep", waits.append)
    return waits


def _client(script: Script, **options: Any) -> ThreeCommas:
    options.setdefault("rate_limit", None)
    return ThreeCommas(
        "key", SECRET, http_client=httpx.Client(transport=httpx.MockTransport(script)), **options
    )


def _call(method: str) -> Call[Any]:
    return Call({"method": method, "url": "/v2/smart_trades/1"}, lambda response: response.json())


OK = httpx.Response(200, json={"ok": True})


@pytest.mark.parametrize("status", [502, 503, 504])
def test_reads_are_retried_after_gateway_errors(status: int, slept: list[float]) -> None:
    script = Script(httpx.Response(status, text="<html>bad gateway</html>"), OK)
    assert _client(script)._execute(_call("get")) == {"ok": True}
    assert len(script.requests) == 2
    assert len(slept) == 1 and 0 <= slept[0] <= 0.5


@pytest.mark.parametrize(
    "failure",
    [httpx.ReadTimeout("slow"), httpx.ConnectError("refused"), httpx.RemoteProtocolError("reset")],
)
def test_reads_are_retried_after_transport_failures(failure: Exception, slept: list[float]) -> None:
    script = Script(failure, failure, OK)
    assert _client(script)._execute(_call("get")) == {"ok": True}
    assert len(script.requests) == 3
    assert len(slept) == 2


def test_retries_stop_after_max_retries(slept: list[float]) -> None:
    script = Script(httpx.Response(503))
    with pytest.raises(ServerError):
        _client(script, max_retries=2)._execute(_call("get"))
    assert len(script.requests) == 3
    script = Script(httpx.Response(503))
    with pytest.raises(ServerError):
        _client(script, max_retries=0)._execute(_call("get"))
    assert len(script.requests) == 1


@pytest.mark.parametrize("method", ["post", "patch", "delete"])
@pytest.mark.parametrize(
    "failure",
    [
        httpx.Response(500),
        httpx.Response(502),
        httpx.Response(503),
        httpx.Response(504),
        httpx.ReadTimeout("slow"),
    ],
    ids=["500", "502", "503", "504", "read-timeout"],
)
def test_changes_are_never_repeated_after_a_timeout_or_5xx(
    method: str, failure: httpx.Response | Exception, slept: list[float]
) -> None:
    script = Script(failure, OK)
    with pytest.raises((ServerError, APITimeoutError)):
        _client(script)._execute(_call(method))
    assert len(script.requests) == 1
    assert slept == []


@pytest.mark.parametrize("method", ["post", "patch", "delete"])
def test_changes_are_repeated_when_they_never_left(method: str, slept: list[float]) -> None:
    script = Script(httpx.ConnectError("refused"), httpx.ConnectTimeout("no answer to SYN"), OK)
    assert _client(script)._execute(_call(method)) == {"ok": True}
    assert len(script.requests) == 3


@pytest.mark.slow
def test_rate_limited_change_waits_retry_after_then_repeats() -> None:
    limited = httpx.Response(
        429, headers={"Retry-After": "1"}, json={"error": "rate_limit_exceeded"}
    )
    script = Script(limited, OK)
    started = time.monotonic()
    assert _client(script)._execute(_call("post")) == {"ok": True}
    assert len(script.requests) == 2
    # the repeat waited out the lockout the API asked for
    assert time.monotonic() - started >= 1


def test_long_lockout_is_raised_and_refuses_the_next_requests_without_sending() -> None:
    script = Script(httpx.Response(429, json={"error": "rate_limit_exceeded"}), OK)
    client = _client(script)
    with pytest.raises(RateLimitError) as caught:
        client._execute(_call("get"))
    assert caught.value.retry_after == 300  # the documented lockout; no Retry-After was sent
    with pytest.raises(RateLimitError) as refused:
        client._execute(_call("post"))
    assert len(script.requests) == 1
    assert 299 < refused.value.retry_after <= 300
    assert "not sent" in str(refused.value)


def test_plan_restriction_is_a_permission_error_and_is_not_retried(slept: list[float]) -> None:
    body = {"error": "This feature is not available on your subscription plan"}
    script = Script(httpx.Response(429, json=body), OK)
    client = _client(script)
    with pytest.raises(PlanRestrictionError) as caught:
        client._execute(_call("get"))
    assert isinstance(caught.value, PermissionDeniedError)
    assert not isinstance(caught.value, RateLimitError)
    assert caught.value.status_code == 429
    assert slept == []
    assert client._execute(_call("get")) == {"ok": True}  # no lockout followed


def test_ip_ban_stops_the_client_until_the_cool_down() -> None:
    script = Script(httpx.Response(418, json={"error": "ip_banned"}), OK)
    clock = FakeClock()
    client = _client(script, ban_cooldown=0.3, clock=clock)
    with pytest.raises(IPBannedError) as caught:
        client._execute(_call("get"))
    assert caught.value.retry_after == 0.3
    clock.now += 0.29
    with pytest.raises(IPBannedError):
        client._execute(_call("get"))
    assert len(script.requests) == 1
    clock.now += 0.02
    assert client._execute(_call("get")) == {"ok": True}
    assert len(script.requests) == 2


def test_ip_ban_honours_retry_after() -> None:
    script = Script(
        httpx.Response(418, headers={"Retry-After": "3600"}, json={"error": "ip_banned"})
    )
    with pytest.raises(IPBannedError) as caught:
        _client(script)._execute(_call("get"))
    assert caught.value.retry_after == 3600


def test_limiter_holds_a_slot_until_the_answer_and_one_period_more() -> None:
    now = [0.0]
    limiter = RateLimiter(RateLimit(requests=3, period=1.0), clock=lambda: now[0])
    assert [limiter.acquire() for _ in range(3)] == [0, 0, 0]
    # every slot is held by a request still waiting for its answer: ask again soon
    assert 0 < limiter.acquire() <= 0.05
    now[0] = 0.1
    for _ in range(3):
        limiter.release()
    # the answers came at 0.1: the server may have counted them as late as that
    assert limiter.acquire() == pytest.approx(1.0)
    now[0] = 1.2
    assert limiter.acquire() == 0


@pytest.mark.slow
def test_limiter_is_shared_by_threads() -> None:
    limiter = RateLimiter(RateLimit(requests=10, period=0.2))
    granted: list[float] = []
    lock = threading.Lock()

    def send_five() -> None:
        for _ in range(5):
            while (wait := limiter.acquire()) > 0:
                time.sleep(wait)
            with lock:
                granted.append(time.monotonic())
            limiter.release()

    threads = [threading.Thread(target=send_five) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    granted.sort()
    assert len(granted) == 40
    for i in range(len(granted) - 10):
        assert granted[i + 10] - granted[i] >= 0.2  # never 11 sends within one window


class VirtualTime:
    """A clock that moves only when every task waits: it then jumps to the earliest sleeper's
    deadline and wakes it. The client's sleeps and its limiter use it, so what a test measures
    is what the limiter decided, not how fast this machine ran the tasks."""

    def __init__(self) -> None:
        self.now = 0.0
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._order = itertools.count()

    # The client's `Clock` (threecommas.Clock): handed to the client, nothing is patched.
    def monotonic(self) -> float:
        return self.now

    def time(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        raise AssertionError("the async client never sleeps synchronously")

    async def asleep(self, seconds: float) -> None:
        woken = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self.now + seconds, next(self._order), woken))
        await woken

    def io_timeout(self, seconds: float) -> float:
        return seconds

    async def run(self, main: Awaitable[T]) -> T:
        task = asyncio.ensure_future(main)
        while not task.done():
            # Let every task run until it waits (in-memory answers: a few turns of the loop
            # each), then move time on.
            for _ in range(200):
                await asyncio.sleep(0)
            if self._sleepers and not task.done():
                deadline, _, woken = heapq.heappop(self._sleepers)
                self.now = max(self.now, deadline)
                woken.set_result(None)
        return task.result()


def test_async_burst_is_spaced_to_the_budget() -> None:
    clock = VirtualTime()
    sent: list[float] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(clock.now)
        return httpx.Response(200, json={"ok": True})

    async def burst() -> None:
        http = httpx.AsyncClient(transport=httpx.MockTransport(answer))
        limit = RateLimit(5, 0.4)
        client = AsyncThreeCommas("key", SECRET, http_client=http, rate_limit=limit, clock=clock)
        await asyncio.gather(*(client._execute(_call("get")) for _ in range(12)))

    asyncio.run(clock.run(burst()))
    assert len(sent) == 12
    for i in range(len(sent) - 5):
        assert sent[i + 5] - sent[i] >= 0.4  # never 6 sends within one window
    # but no slower than needed: each five go once the five before have been answered for a
    # period (answers come at once here), give or take the limiter's polling step
    assert sent[5] == pytest.approx(0.4, abs=0.01) and sent[10] == pytest.approx(0.8, abs=0.01)
    assert sent[-1] == pytest.approx(0.8, abs=0.01)


def test_bad_policy_arguments_are_refused() -> None:
    for options in (
        {"max_retries": -1},
        {"max_retries": True},
        {"ban_cooldown": -1},
        {"retry_after_cap": "x"},
    ):
        with pytest.raises(ValueError):
            ThreeCommas("k", "s", **options)
    with pytest.raises(TypeError):
        ThreeCommas("k", "s", rate_limit=100)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        RateLimit(requests=0)


def test_debug_log_tells_retries_and_waits_without_secrets(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger="threecommas")
    script = Script(httpx.Response(503), OK)
    clock = FakeClock()
    client = _client(script, rate_limit=RateLimit(1, 0.2), clock=clock)
    client._execute(_call("get"))
    client._execute(_call("get"))
    assert clock.sleeps  # the retry and the limit waited, in virtual time
    messages = [record.getMessage() for record in caplog.records]
    assert any("retry 1 of 2" in m and "ServerError" in m for m in messages)
    assert any("waits" in m and "rate limit" in m for m in messages)
    assert any("-> 503" in m for m in messages) and any("-> 200" in m for m in messages)
    assert not any(SECRET in m for m in messages)
    signatures = {r.headers["Signature"] for r in script.requests}
    assert not any(sig in m for sig in signatures for m in messages)
