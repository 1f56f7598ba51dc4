"""One budget and one lockout for a fleet of clients on one API key, shared through a real Redis.

The proofs run real OS processes (`tests/fleet_worker.py`), each with its own client on the
same key and the same Redis, against the recorded-responses server emulating the API's limits
(scaled in time): a burst that spends the budget without a single 429, a 429 that stops every
process, and Redis going away mid-burst with each `on_storage_error` mode. The Redis server is a
real redis-server on a free loopback port with persistence off (`tests/redis_server.py`).
"""

from __future__ import annotations

import bisect
import itertools
import json
import logging
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import redis
import redis.asyncio

from tests.redis_server import RedisServer, require_redis_server
from tests.slot_times import USE_OF_BEST, SlotTimes
from threecommas import (
    AsyncThreeCommas,
    IPBannedError,
    RateLimit,
    RateLimitError,
    StorageError,
    ThreeCommas,
    ThreeCommasError,
)
from threecommas._redis import RedisBudget
from threecommas._storage import key_digest
from threecommas._types import Call
from threecommas.testing import RunningServer
from threecommas.testing.faults import FaultConfig, FaultRule, Faults, RateLimitConfig
from threecommas.testing.pytest_plugin import ServerFactory
from threecommas.testing.simulation import seed_closable_smart_trades

# Real Redis servers and OS processes: about a minute, so not part of `make unit`.
pytestmark = pytest.mark.slow

WORKER = Path(__file__).resolve().parents[1] / "fleet_worker.py"
API_KEY = "fleet-test-key"
# Redis counts time in whole milliseconds (TIME, expiries), on the wall clock; the tests note
# times on the monotonic one: the margin of a comparison between the two.
CLOCK_GRAIN_S = 0.005


def _skip_without_redis() -> None:
    reason = require_redis_server()
    if reason is not None:
        pytest.skip(reason)


@pytest.fixture(scope="module")
def shared_redis() -> Iterator[RedisServer]:
    """One server for the tests that do not stop it; each test uses its own key prefix."""
    _skip_without_redis()
    with RedisServer() as server:
        yield server


@pytest.fixture
def own_redis() -> Iterator[RedisServer]:
    """A server of the test's own, which it may stop and start again."""
    _skip_without_redis()
    with RedisServer() as server:
        yield server


@pytest.fixture
def prefix() -> str:
    return f"test-{uuid.uuid4().hex[:8]}"


def _limit(
    server: RedisServer, prefix: str, requests: int, period: float, **options: Any
) -> RateLimit:
    return RateLimit(requests, period, storage=server.url, key_prefix=prefix, **options)


def _take(budget: RedisBudget) -> None:
    while (wait := budget.limiter.acquire()) > 0:
        time.sleep(wait)


# --- Options ------------------------------------------------------------------------------------


def test_options_are_checked_and_the_password_never_shown(shared_redis: RedisServer) -> None:
    with pytest.raises(ValueError, match="on_storage_error"):
        RateLimit(storage=shared_redis.url, on_storage_error="ignore")
    with pytest.raises(ValueError, match="storage"):
        RateLimit(storage="http://localhost:6379")
    with pytest.raises(ValueError, match="key_prefix"):
        RateLimit(storage=shared_redis.url, key_prefix="")
    with pytest.raises(ValueError, match="storage_timeout"):
        RateLimit(storage=shared_redis.url, storage_timeout=0)
    # a client object must suit the SDK client: an event loop never waits on redis.Redis
    with pytest.raises(TypeError, match=r"redis\.asyncio\.Redis client"):
        AsyncThreeCommas("k", "s", rate_limit=RateLimit(storage=redis.Redis()))
    with pytest.raises(TypeError, match=r"ThreeCommas needs a redis\.Redis"):
        ThreeCommas("k", "s", rate_limit=RateLimit(storage=redis.asyncio.Redis()))
    with pytest.raises(TypeError, match="storage"):
        RateLimit(storage=42)
    shown = repr(RateLimit(storage="redis://bot:s3cret-pw@redis.example:6379/0"))
    assert "s3cret-pw" not in shown and "redis.example:6379" in shown
    assert RateLimit(10, 1.0) == RateLimit(10, 1.0)  # the in-process default is unchanged
    # a ready client object is taken as it is
    client = redis.Redis.from_url(shared_redis.url)
    budget = RedisBudget(RateLimit(2, 1.0, storage=client, key_prefix="obj"), API_KEY)
    assert budget.limiter.acquire() == 0
    budget.limiter.release()
    assert issubclass(StorageError, ThreeCommasError)


def test_keys_carry_a_hash_of_the_api_key_never_the_key(
    shared_redis: RedisServer, prefix: str
) -> None:
    budget = RedisBudget(_limit(shared_redis, prefix, 5, 1.0), API_KEY)
    _take(budget)
    error = RateLimitError(status_code=429, error="rate_limit_exceeded")
    error.retry_after = 1.0
    budget.lockout.start(1.0, error)
    keys = [k.decode() for k in redis.Redis.from_url(shared_redis.url).keys(f"{prefix}:*")]
    assert keys and all(f"{{{key_digest(API_KEY)}}}" in k for k in keys)
    assert not any(API_KEY in k for k in keys)
    assert API_KEY not in key_digest(API_KEY)


# --- The shared window --------------------------------------------------------------------------


def test_clients_share_one_window_that_holds_a_slot_until_the_answer_and_one_period_more(
    shared_redis: RedisServer, prefix: str
) -> None:
    period = 0.4
    first, second = (
        RedisBudget(_limit(shared_redis, prefix, 3, period), API_KEY) for _ in range(2)
    )
    assert first.limiter.acquire() == first.limiter.acquire() == 0
    assert second.limiter.acquire() == 0
    # every slot is held by a request waiting for its answer: none is free for a period
    assert second.limiter.acquire() == pytest.approx(period)
    time.sleep(0.2)
    answered = time.monotonic()
    first.limiter.release()
    # the slot comes free one period after the answer, not after the send (0.2 s before): less
    # only the time that passed since the answer, however long the machine took
    wait = second.limiter.acquire()
    since = time.monotonic() - answered
    assert period - since - CLOCK_GRAIN_S <= wait <= period
    time.sleep(wait)
    assert second.limiter.acquire() == 0
    assert time.monotonic() - answered >= period - 0.01
    # another API key has a budget of its own
    other = RedisBudget(_limit(shared_redis, prefix, 3, period), "another-key")
    assert [other.limiter.acquire() for _ in range(3)] == [0, 0, 0]


def test_threads_of_two_clients_never_exceed_the_window(
    shared_redis: RedisServer, prefix: str
) -> None:
    period, requests = 0.3, 10
    budgets = [RedisBudget(_limit(shared_redis, prefix, requests, period), API_KEY) for _ in "ab"]
    granted: list[float] = []
    lock = threading.Lock()

    def send(budget: RedisBudget) -> None:
        for _ in range(6):
            _take(budget)
            with lock:
                granted.append(time.monotonic())
            budget.limiter.release()

    threads = [threading.Thread(target=send, args=(b,)) for b in budgets for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    granted.sort()
    assert len(granted) == 48
    for i in range(len(granted) - requests):
        assert granted[i + requests] - granted[i] >= period - 0.005


def test_a_late_first_caller_does_not_take_the_handshake_for_a_wipe(
    shared_redis: RedisServer, prefix: str
) -> None:
    """Callers of a new client that asked at once each meet the generation handshake; the one
    whose handshake comes after another caller's completed one must not hold the budget."""
    budget = RedisBudget(_limit(shared_redis, prefix, 50, 5.0), API_KEY)
    assert budget.limiter.acquire() == 0  # the first caller's handshake, and a slot
    generation = budget._generation
    assert generation is not None
    budget._reseed(generation, time.monotonic())  # the late caller's handshake
    assert budget.limiter.acquire() == 0


def test_slots_of_a_client_that_died_come_free_after_their_lease(
    shared_redis: RedisServer, prefix: str
) -> None:
    limit = _limit(shared_redis, prefix, 2, 0.2, in_flight_timeout=0.3)
    dead = RedisBudget(limit, API_KEY)
    assert dead.limiter.acquire() == dead.limiter.acquire() == 0  # and never released
    alive = RedisBudget(limit, API_KEY)
    started = time.monotonic()
    _take(alive)
    # lease (0.3 s) ended: the slots count as answered then, and hold one period more
    assert time.monotonic() - started >= 0.3 + 0.2 - 0.02


# --- Shared lockouts ----------------------------------------------------------------------------


@pytest.mark.parametrize("status", [429, 418])
def test_a_lockout_seen_by_one_client_stops_the_others_with_the_same_error(
    shared_redis: RedisServer, prefix: str, status: int
) -> None:
    limit = _limit(shared_redis, prefix, 100, 60.0)
    seen, other = RedisBudget(limit, API_KEY), RedisBudget(limit, API_KEY)
    cls = RateLimitError if status == 429 else IPBannedError
    error = cls(
        status_code=status,
        method="POST",
        path="/v2/smart_trades/1/trades/2/close_by_market",
        error="rate_limit_exceeded" if status == 429 else "ip_banned",
    )
    error.retry_after = 0.6
    started = time.monotonic()
    seen.lockout.start(0.6, error)
    # the other client is refused a slot while it lasts, and so learns it
    assert 0 < other.limiter.acquire() <= 0.01
    left, reason = other.lockout.remaining()
    assert 0.6 - (time.monotonic() - started) - CLOCK_GRAIN_S < left <= 0.6
    assert type(reason) is cls and isinstance(reason, cls)
    assert reason.status_code == status and reason.retry_after == 0.6
    assert reason.error == error.error and reason.path == error.path
    # a shorter lockout never shortens it
    seen.lockout.start(0.1, error)
    assert 0 < other.limiter.acquire() <= 0.01
    assert other.lockout.remaining()[0] > 0.6 - (time.monotonic() - started) - CLOCK_GRAIN_S
    time.sleep(left + 0.01)
    assert other.lockout.remaining() == (0.0, None)
    assert other.limiter.acquire() == 0


def test_the_client_refuses_without_sending_after_a_429_seen_elsewhere(
    shared_redis: RedisServer, prefix: str
) -> None:
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"ok": True})

    limit = _limit(shared_redis, prefix, 100, 60.0)
    elsewhere = RedisBudget(limit, API_KEY)
    error = RateLimitError(status_code=429, error="rate_limit_exceeded")
    error.retry_after = 300.0
    elsewhere.lockout.start(300.0, error)
    client = ThreeCommas(
        API_KEY,
        "secret",
        rate_limit=limit,
        http_client=httpx.Client(transport=httpx.MockTransport(answer)),
    )
    call = Call({"method": "post", "url": "/v2/smart_trades/1/close_by_market"}, lambda r: r.json())
    with pytest.raises(RateLimitError, match="not sent") as refused:
        client._execute(call)
    assert sent == [] and 299 < refused.value.retry_after <= 300


def _lockout_scene(
    server: RedisServer, prefix: str, status: int
) -> tuple[Callable[[], ThreeCommas], list[httpx.Request], Call[Any], str]:
    """Clients of one key on `server` whose API answers the first request with `status` (a
    300 s lockout) and the others with 200; the requests it received; a call; the lockout's
    key."""
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        if len(sent) == 1:
            return httpx.Response(status, headers={"Retry-After": "300"}, json={})
        return httpx.Response(200, json={"ok": True})

    limit = RateLimit(100, 60.0, storage=server.url, key_prefix=prefix)

    def client() -> ThreeCommas:
        transport = httpx.MockTransport(answer)
        return ThreeCommas(
            API_KEY,
            "secret",
            rate_limit=limit,
            max_retries=0,
            ban_cooldown=300,
            http_client=httpx.Client(transport=transport),
        )

    call = Call({"method": "post", "url": "/v2/smart_trades/1/close_by_market"}, lambda r: r.json())
    return client, sent, call, RedisBudget(limit, API_KEY).keys["lockout"]


@pytest.mark.parametrize("status", [429, 418])
def test_a_lockout_the_storage_forgot_is_written_back_on_the_next_call(
    own_redis: RedisServer, prefix: str, status: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Redis restarts empty during a lockout: the client that knows it writes it back on its
    next call, and a client made after the restart learns it there instead of sending."""
    import threecommas._redis_parts

    # the background keeper (next test) would do it too, whenever it wakes: not in this test
    monkeypatch.setattr(threecommas._redis_parts, "LOCKOUT_WATCH_S", 3600.0)
    client, sent, call, lockout_key = _lockout_scene(own_redis, prefix, status)
    cls = RateLimitError if status == 429 else IPBannedError
    knows = client()
    with pytest.raises(cls):
        knows._execute(call)
    assert len(sent) == 1
    admin = redis.Redis.from_url(own_redis.url)
    assert admin.pttl(lockout_key) > 290_000

    own_redis.stop()
    own_redis.start()  # persistence off: it comes back empty
    assert admin.exists(lockout_key) == 0
    time.sleep(0.3)  # longer than a client goes without checking the storage's copy
    with pytest.raises(cls, match="not sent"):
        knows._execute(call)
    # written back, for as long as it has left (give or take the slack of the check)
    assert 290_000 < admin.pttl(lockout_key) <= 300_000
    raw = admin.get(lockout_key)
    assert raw is not None and json.loads(raw)["status"] == status

    with pytest.raises(cls, match="not sent") as refused:
        client()._execute(call)
    assert len(sent) == 1
    assert 290 < refused.value.retry_after <= 300


def test_a_lockout_the_storage_forgot_is_written_back_by_a_client_making_no_call(
    own_redis: RedisServer, prefix: str
) -> None:
    """The client that knows the lockout is idle (or sleeping through it): a thread of its
    own puts it back, so a client made after the restart still does not send."""
    client, sent, call, lockout_key = _lockout_scene(own_redis, prefix, 429)
    knows = client()
    with pytest.raises(RateLimitError):
        knows._execute(call)
    admin = redis.Redis.from_url(own_redis.url)
    own_redis.stop()
    own_redis.start()
    deadline = time.monotonic() + 30  # the keeper looks every second
    while not admin.exists(lockout_key):
        assert time.monotonic() < deadline, "the lockout was never written back"
        time.sleep(0.05)
    assert 280_000 < admin.pttl(lockout_key) <= 300_000
    with pytest.raises(RateLimitError, match="not sent"):
        client()._execute(call)
    assert len(sent) == 1


def test_the_lockout_keeper_ends_with_the_lockout(shared_redis: RedisServer, prefix: str) -> None:
    budget = RedisBudget(_limit(shared_redis, prefix, 5, 1.0), API_KEY)
    error = RateLimitError(status_code=429, error="rate_limit_exceeded")
    budget.lockout.start(0.2, error)
    keeper = budget._lockout_keeper
    assert keeper is not None and keeper.daemon and keeper.is_alive()
    budget.lockout.start(0.3, error)  # one keeper per client, whatever the lockouts
    assert budget._lockout_keeper is keeper
    keeper.join(timeout=30)
    assert not keeper.is_alive() and budget._lockout_keeper is None
    budget.lockout.start(0.2, error)  # a later lockout gets a keeper again
    assert budget._lockout_keeper is not None and budget._lockout_keeper is not keeper


# --- Storage errors -----------------------------------------------------------------------------


def _answer_ok(sent: list[httpx.Request]) -> Callable[[httpx.Request], httpx.Response]:
    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"ok": True})

    return answer


def test_raise_mode_raises_a_typed_error_and_sends_nothing(own_redis: RedisServer) -> None:
    sent: list[httpx.Request] = []
    limit = RateLimit(10, 1.0, storage=own_redis.url, on_storage_error="raise", storage_timeout=0.2)
    client = ThreeCommas(
        API_KEY,
        "secret",
        rate_limit=limit,
        http_client=httpx.Client(transport=httpx.MockTransport(_answer_ok(sent))),
    )
    call = Call({"method": "post", "url": "/v2/smart_trades/1/close_by_market"}, lambda r: r.json())
    assert client._execute(call) == {"ok": True}
    own_redis.stop()
    with pytest.raises(StorageError, match="not sent"):
        client._execute(call)
    with pytest.raises(StorageError):  # within the backoff: no new attempt, the same answer
        client._execute(call)
    assert len(sent) == 1
    own_redis.start()
    time.sleep(2.1)  # the longest backoff
    _execute_until_sent(client, call)
    assert len(sent) == 2


def _execute_until_sent(client: ThreeCommas, call: Call[Any]) -> None:
    deadline = time.monotonic() + 10
    while True:
        try:
            client._execute(call)
            return
        except StorageError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def test_wait_mode_waits_for_the_storage_then_holds_the_budget_one_period(
    own_redis: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="threecommas")
    period = 0.5
    budget = RedisBudget(RateLimit(10, period, storage=own_redis.url, storage_timeout=0.2), API_KEY)
    _take(budget)
    budget.limiter.release()
    own_redis.stop()
    waits = [budget.limiter.acquire() for _ in range(5)]
    assert all(w > 0 for w in waits)
    budget.limiter.release()  # an answer while Redis is away: never raises
    own_redis.start()
    time.sleep(2.1)
    back = time.monotonic()
    _take(budget)
    # Redis came back empty: the budget is held one period, after which nothing lost matters
    assert time.monotonic() - back >= period - 0.05
    messages = [r.getMessage() for r in caplog.records]
    assert sum("cannot be reached" in m for m in messages) == 1
    assert any("lost its state" in m for m in messages)
    assert any("is back" in m for m in messages)
    assert own_redis.url.split("@")[-1] in " ".join(messages)


class _Now:
    """A clock the test moves by hand (the budget's own; Redis keeps its real one)."""

    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def test_local_mode_meters_in_the_process_on_its_share_and_warns_once(
    own_redis: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="threecommas")
    limit = RateLimit(
        12,
        5.0,
        storage=own_redis.url,
        on_storage_error="local",
        storage_timeout=0.2,
        reserve_for_orders=0,
    )
    now = _Now()
    budgets = [RedisBudget(limit, API_KEY, clock=now) for _ in range(4)]
    for budget in [*budgets, budgets[0]]:  # four clients seen: each one's share is 12 // 4 = 3
        _take(budget)
        budget.limiter.release()
    own_redis.stop()
    first = budgets[0].limiter
    # for one period after Redis was last heard from, the window may hold what the fleet sent
    assert first.acquire() > 0
    now.t += 2.5
    assert first.acquire() > 0
    # then this client's share of each period
    now.t += 2.6
    assert [first.acquire() for _ in range(4)][:3] == [0, 0, 0]
    assert first.acquire() > 0
    messages = [r.getMessage() for r in caplog.records if "cannot be reached" in r.getMessage()]
    assert len(messages) == 1 and "metered in this process" in messages[0]


def test_overlapping_calls_do_not_make_one_outage_look_like_two(
    shared_redis: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    """Threads' calls overlap: a success begun before a failure was seen is no recovery, and
    a failure begun before the recovery was seen is no new outage (one warning each way)."""
    caplog.set_level(logging.WARNING, logger="threecommas")
    now = [10.0]
    limit = RateLimit(5, 1.0, storage=shared_redis.url, on_storage_error="local")
    budget = RedisBudget(limit, API_KEY, clock=lambda: now[0])
    error = redis.ConnectionError("gone")
    with budget._lock:
        budget._failed(10.0, error)  # call A, begun at 10.0, fails: seen at 10.0
        now[0] = 10.2
        budget._recovered(9.9)  # call B, begun before, succeeded: no news
        assert budget._down_since is not None
        now[0] = 11.0
        budget._recovered(10.9)  # call C, begun after: back
        assert budget._down_since is None
        budget._failed(10.5, error)  # call D, begun before C came back: old news
        assert budget._down_since is None
    messages = [r.getMessage() for r in caplog.records]
    assert sum("cannot be reached" in m for m in messages) == 1
    assert sum("is back after" in m for m in messages) == 1


def test_answers_recorded_while_the_storage_was_away_reach_it_when_it_is_back(
    own_redis: RedisServer,
) -> None:
    """A pause (the storage unreachable, its data kept): answers are written late, not lost."""
    period = 2.0
    limit = RateLimit(2, period, storage=own_redis.url, storage_timeout=0.1)
    budget = RedisBudget(limit, API_KEY)
    other = RedisBudget(limit, API_KEY)
    _take(budget)
    _take(other)
    admin = redis.Redis.from_url(own_redis.url)
    admin.execute_command("CLIENT", "PAUSE", 400, "ALL")
    before = time.monotonic()
    budget.limiter.release()  # times out: kept, never raised
    after = time.monotonic()
    time.sleep(0.5)
    other.limiter.release()
    # budget's answer reaches Redis with its next call, dated when it came (between `before`
    # and `after`), not when it was written (now): its slot comes free one period after that
    asking = time.monotonic()
    wait = budget.limiter.acquire()
    asked = time.monotonic()
    assert before + period - asked - CLOCK_GRAIN_S <= wait <= after + period - asking


def test_a_slot_answered_long_before_the_storage_came_back_is_still_given_back(
    own_redis: RedisServer,
) -> None:
    period = 0.3
    limit = RateLimit(1, period, storage=own_redis.url, storage_timeout=0.1, in_flight_timeout=30.0)
    budget = RedisBudget(limit, API_KEY)
    _take(budget)
    redis.Redis.from_url(own_redis.url).execute_command("CLIENT", "PAUSE", 600, "ALL")
    budget.limiter.release()  # times out: kept
    time.sleep(0.8)  # more than a period after the answer
    # written now, dated when it came: its period is over, the slot is free (not held until
    # its 30 s lease ends)
    assert budget.limiter.acquire() == 0


# --- The fake server's injected 429 -------------------------------------------------------------


def test_the_server_can_answer_one_injected_429_with_retry_after(
    threecommas_server_factory: ServerFactory,
) -> None:
    server = threecommas_server_factory(
        FaultConfig(rules=(FaultRule("error", status=429, seconds=1.5, count=1),))
    )
    with (
        ThreeCommas(
            server.api_key, server.api_secret, base_url=server.base_url, retry_after_cap=0
        ) as client,
        pytest.raises(RateLimitError) as caught,
    ):
        client.smart_trades.get(12345678)
    assert caught.value.retry_after == 2 and caught.value.error == "rate_limit_exceeded"
    with pytest.raises(ValueError, match="429 or 418"):
        FaultRule("error", status=404)


# --- The fleet ----------------------------------------------------------------------------------

FLEET = 4
KINDS = ("async", "sync", "async", "sync")
TASKS = 8
TIME_FACTOR = 0.03  # 100 requests per 60 s become 100 per 1.8 s
LIMIT = RateLimitConfig()  # 100 per 60 s, 300 s lockout, 418 after 3 refused in it
PERIOD = LIMIT.period * TIME_FACTOR
# The burst measures the budget's use: a period long enough beside this machine's latencies
# (tens of ms under load, a whole period's share of which a held slot loses each round).
BURST_TIME_FACTOR = 0.05


def run_fleet(
    server: RunningServer,
    storage: str,
    closes: list[tuple[int, int]],
    *,
    during: Callable[[], None] | None = None,
    prefix: str = "threecommas",
    period: float = PERIOD,
    **options: Any,
) -> list[dict[str, Any]]:
    """Start FLEET worker processes, let them go at once, run `during` meanwhile; results."""
    processes = []
    for index in range(FLEET):
        config = {
            "base_url": server.base_url,
            "api_key": server.api_key,
            "api_secret": server.api_secret,
            "storage": storage,
            "key_prefix": prefix,
            "requests": LIMIT.requests,
            "period": period,
            "kind": KINDS[index],
            "tasks": TASKS,
            "closes": closes[index::FLEET],
            **options,
        }
        processes.append(
            subprocess.Popen(
                [sys.executable, str(WORKER), json.dumps(config)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
        )
    try:
        for process in processes:
            assert process.stdout is not None and process.stdout.readline().strip() == "ready"
        for process in processes:
            assert process.stdin is not None
            process.stdin.write("go\n")
            process.stdin.close()
            process.stdin = None
        if during is not None:
            during()
        results = []
        for process in processes:
            out, _ = process.communicate(timeout=120)
            assert process.returncode == 0, out
            results.append(json.loads(out.strip().splitlines()[-1]))
        return results
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()


def _seed(server: RunningServer, count: int) -> list[tuple[int, int]]:
    created = seed_closable_smart_trades(server.store, count, 5)
    return [(smart_trade_id, step) for smart_trade_id, steps in created for step in steps]


def _applied_once(
    faults: Faults,
    closes: list[tuple[int, int]],
    results: list[dict[str, Any]],
    *,
    refused: int = 0,
) -> None:
    """Every close applied exactly once; each reached the server once, but for the `refused`
    ones that the server answered 429 (not applied) and that were then repeated."""
    counters = faults.counters()
    for close in closes:
        key = ("close_trade_by_market", *close)
        # what the fleet made of it, should it fail
        seen = [o[2:4] for r in results for o in r["outcomes"] if tuple(o[:2]) == close]
        assert counters.applied[key] == 1, (key, seen)
        assert 1 <= counters.received[key] <= 1 + refused, (key, seen)
    assert sum(counters.applied.values()) == len(closes)
    assert sum(counters.received.values()) == len(closes) + refused


def _errors(results: list[dict[str, Any]]) -> list[list[Any]]:
    return [o for r in results for o in r["outcomes"] if o[2] != "ok"]


def _sends(results: list[dict[str, Any]]) -> list[float]:
    return sorted(e[0] for r in results for e in r["exchanges"] if e[0] is not None)


def _budget_use(faults: Faults, period: float) -> float:
    # A sliding window lets the first 100 through at once, then 100 per period: the rate the
    # fleet achieved after its first 100, against that allowed rate, on the server's clock.
    arrivals = faults.accepted_times()
    span = arrivals[-1] - arrivals[LIMIT.requests - 1]
    return (len(arrivals) - LIMIT.requests) / span / (LIMIT.requests / period)


def test_a_fleet_of_processes_spends_one_budget_without_a_single_429(
    threecommas_server_factory: ServerFactory,
    shared_redis: RedisServer,
    prefix: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server = threecommas_server_factory()
    faults: Faults = server.app.state.faults
    closes = _seed(server, 120)  # 600 take-profit steps
    faults.configure(FaultConfig(rate_limit=LIMIT, time_factor=BURST_TIME_FACTOR))
    period = LIMIT.period * BURST_TIME_FACTOR

    started = time.monotonic()
    results = run_fleet(server, shared_redis.url, closes, prefix=prefix, period=period)
    elapsed = time.monotonic() - started

    counters = faults.counters()
    use = _budget_use(faults, period)
    best = SlotTimes.best_use(LIMIT.requests, period, [r["slots"] for r in results])
    statuses = sorted({e[2] for r in results for e in r["exchanges"]}, key=str)
    with capsys.disabled():
        print(
            f"\nfleet burst: {len(closes)} closes from {FLEET} processes x {TASKS} "
            f"({', '.join(KINDS)}) on one Redis in {elapsed:.2f} s at {LIMIT.requests} per "
            f"{period:g} s; budget use {use:.1%} (best {best:.1%} with this run's slot holds); "
            f"server answered {dict(counters.statuses)}"
        )
    assert _errors(results) == []
    assert statuses == [201]  # no 429 and no 418 reached any process
    assert counters.statuses[429] == counters.statuses[418] == 0
    _applied_once(faults, closes, results)
    # Judged against what a limiter without waste reaches with this run's own slot holds and
    # lateness of waits (tests/slot_times.py), not against a machine's speed.
    assert use >= USE_OF_BEST * best


# Retry-After of the one 429 the server is made to answer, and the rule that answers it: with
# this seed it fires on the 48th request of 120, so every process still has most of its work to
# do. Not earlier: the fleet learns from that 429 a limit of what went out before it (about 40
# per period; on the 10th request it would be 8, and the test would take 30 s instead of 10).
LOCKOUT_S = 2.0
ONE_429 = FaultRule("error", status=429, seconds=LOCKOUT_S, count=1, probability=0.05)
ONE_429_SEED = 4


@pytest.mark.parametrize("behaviour", ["wait", "refuse"])
def test_a_429_seen_by_one_process_stops_the_whole_fleet(
    threecommas_server_factory: ServerFactory,
    shared_redis: RedisServer,
    prefix: str,
    behaviour: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server = threecommas_server_factory()
    faults: Faults = server.app.state.faults
    closes = _seed(server, 24)  # 120 closes
    faults.configure(
        FaultConfig(rate_limit=LIMIT, time_factor=TIME_FACTOR, rules=(ONE_429,), seed=ONE_429_SEED)
    )
    # "refuse": a lockout longer than what a client waits out is raised, without sending
    cap = LOCKOUT_S + 1 if behaviour == "wait" else LOCKOUT_S / 4
    results = run_fleet(server, shared_redis.url, closes, prefix=prefix, retry_after_cap=cap)

    counters = faults.counters()
    exchanges = [e for r in results for e in r["exchanges"]]
    limited = [e for e in exchanges if e[2] == 429]
    assert len(limited) == 1 and counters.statuses[429] == 1 and counters.statuses[418] == 0
    seen = limited[0][1]  # when the 429 reached its process
    (published,) = [t for r in results for t in r["lockouts"]]  # and when it told the others
    lockout_end = seen + LOCKOUT_S
    # From the moment the lockout is in Redis, no process clears a request to go until it
    # ends: a request goes when it is given a slot (every attempt needs one), and no slot
    # asked for after the lockout was published is given before it ends...
    grants = sorted(t for r in results for t in r["grants"])  # when they were asked for
    assert not [t for t in grants if published <= t < lockout_end - 0.02]
    # ...so the server receives nothing but requests cleared before.
    cleared = sum(1 for t in grants if t < published)
    arrivals = faults.accepted_times()
    arrived = [t for t in arrivals if t < lockout_end - 0.02]
    assert len(arrived) <= cleared
    in_flight = cleared - sum(1 for t in arrivals if t <= published)
    with capsys.disabled():
        print(
            f"\n429 ({behaviour}): seen at +{seen - min(_sends(results)):.2f} s, published to "
            f"the fleet {1000 * (published - seen):.1f} ms later, when {in_flight} requests "
            "were on their way; then no process cleared any for "
            f"{min([t for t in grants if t >= published], default=lockout_end) - seen:.2f} s"
        )
    if behaviour == "wait":
        # every process waited, then went on: each close applied exactly once, no error
        assert _errors(results) == []
        for result in results:
            assert any(e[0] >= lockout_end for e in result["exchanges"]), (
                len(result["exchanges"]),
                len(result["outcomes"]),
                max(e[0] for e in result["exchanges"]) - seen,
                result["finished"] - seen,
            )
        _applied_once(faults, closes, results, refused=1)
    else:
        # every process refused (the error of the 429, "not sent"), none sent anything more
        errors = _errors(results)
        assert all(o[2] == "RateLimitError" for o in errors)
        # A process with closes left when the lockout was published refused them; one that had
        # been cleared for all of its share before (a loaded machine can leave the others far
        # behind) had nothing left to refuse.
        for index, result in enumerate(results):
            share = len(closes[index::FLEET])
            cleared_before = sum(1 for t in result["grants"] if t < published)
            if cleared_before < share:
                assert any("not sent" in o[3] for o in result["outcomes"]), "a process went on"
        assert any("not sent" in o[3] for r in results for o in r["outcomes"])
        refused = {(o[0], o[1]) for o in errors if "not sent" in o[3]}
        for close in refused:
            assert counters.received[("close_trade_by_market", *close)] == 0
        for close in set(closes) - {(o[0], o[1]) for o in errors}:
            key = ("close_trade_by_market", *close)
            assert counters.received[key] == counters.applied[key] == 1


# Longer than a period: in "local" mode the fleet first waits out the window it had filled.
OUTAGE_S = 2.5


@pytest.mark.parametrize("mode", ["wait", "local", "raise"])
def test_redis_going_away_mid_burst(
    threecommas_server_factory: ServerFactory,
    own_redis: RedisServer,
    mode: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server = threecommas_server_factory()
    faults: Faults = server.app.state.faults
    closes = _seed(server, 60)  # 300 closes
    faults.configure(FaultConfig(rate_limit=LIMIT, time_factor=TIME_FACTOR))
    outage: list[float] = []

    def stop_and_start_redis() -> None:
        deadline = time.monotonic() + 60
        while faults.counters().requests < 120 and time.monotonic() < deadline:
            time.sleep(0.01)
        own_redis.stop()
        # Its process has exited: from now on no slot can be given. (Redis goes on answering
        # for a while after SIGTERM, tens of ms: the moment it was asked to stop bounds
        # nothing.)
        outage.append(time.monotonic())
        time.sleep(OUTAGE_S)
        # Before it starts: no client can have met the new Redis, nor a hold begun, earlier.
        outage.append(time.monotonic())
        own_redis.start()

    results = run_fleet(
        server,
        own_redis.url,
        closes,
        during=stop_and_start_redis,
        on_storage_error=mode,
        requeue_storage_errors=True,
    )
    gone, restarting = outage
    counters = faults.counters()
    sends = _sends(results)
    sent_while_away = [t for t in sends if gone <= t < restarting]
    # Slots asked for once Redis was gone, and given before one period after it came back
    # (empty): the storage decided between the asking and the giving, so these were given while
    # it was away or while the new one held the budget. Each time is one the test took itself.
    early = [
        (asked - gone, given - gone)
        for r in results
        for asked, given in r["cleared"]
        if asked >= gone and given < restarting + PERIOD - CLOCK_GRAIN_S
    ]
    errors = _errors(results)
    with capsys.disabled():
        print(
            f"\nRedis away for {restarting - gone:.2f} s ({mode}): {len(sent_while_away)} "
            f"requests sent meanwhile; {len(errors)} StorageErrors; server answered "
            f"{dict(counters.statuses)}"
        )
    # whatever the mode: no order applied twice, none lost, no 429 and no 418
    _applied_once(faults, closes, results)
    assert counters.statuses[429] == counters.statuses[418] == 0
    # A process still at work once Redis was back went through the whole outage: it saw it,
    # and said so. (One that had its share of the closes done before cannot have.)
    through = [r for r in results if r["finished"] >= restarting]
    assert through, "no process was still at work after the outage"
    warned = [sum("cannot be reached" in w for w in r["warnings"]) for r in results]
    assert all(n >= 1 for r, n in zip(results, warned, strict=True) if r in through), warned
    if mode == "local":
        assert errors == []
        assert sent_while_away, "the fleet should have gone on, metered in each process"
        assert all(n <= 1 for n in warned), warned  # one warning per outage
    else:
        # Nothing given while Redis was away; and it came back empty: every process waited one
        # period more before sending again
        assert early == []
        if mode == "wait":
            assert errors == []
        else:
            assert errors and all(o[2] == "StorageError" and "not sent" in o[3] for o in errors)
            for result in through:
                assert any(o[2] == "StorageError" for o in result["outcomes"])


def _local_sends(budgets: list[RedisBudget], now: _Now, until: float) -> list[float]:
    """Every client asks for slots in turn (answers coming at once) until `until`, on the
    test's clock moved in small steps; when each local slot was given."""
    given: list[float] = []
    while now.t < until:
        for budget in budgets:
            while budget.limiter.acquire() == 0:
                given.append(now.t)
                budget.limiter.release()
        now.t += 0.01
    return given


def _most_in_a_window(times: list[float], period: float) -> int:
    times = sorted(times)
    return max((bisect.bisect_left(times, t + period) - i for i, t in enumerate(times)), default=0)


@pytest.mark.parametrize("who", ["silent", "stale", "never"])
def test_local_mode_fleet_stays_within_the_budget_whoever_reached_redis_when(
    own_redis: RedisServer, who: str
) -> None:
    """In "local" mode each client meters itself when Redis goes away; together they must stay
    within the budget whatever each last learned from Redis: a client silent for a whole period
    (counted among the clients all the same), one whose last view of the window is old (the
    others filled it since), one that never reached Redis at all (it knows no share)."""
    period, requests = 1.0, 20
    limit = RateLimit(
        requests,
        period,
        storage=own_redis.url,
        on_storage_error="local",
        storage_timeout=0.2,
        reserve_for_orders=0,
    )
    now = _Now()
    late, *others = [RedisBudget(limit, API_KEY, clock=now) for _ in range(4)]
    sent = []
    # every client known to Redis; the late one last, so that it knows them all
    for budget in [*others, late] if who != "never" else others:
        assert budget.limiter.acquire() == 0
        sent.append(now.t)
        budget.limiter.release()
    if who == "silent":
        # Redis' own clock: the late client unseen for a period, though on its own clock it
        # heard from Redis less than a period before it finds it gone
        time.sleep(1.2 * period)
        sent.clear()
    now.t += (0.4 if who == "silent" else 0.9) * period
    for budget in itertools.cycle(others):  # the others fill the window
        if budget.limiter.acquire() > 0:
            break
        sent.append(now.t)
        budget.limiter.release()
    own_redis.stop()
    now.t += 0.2 * period
    given = _local_sends([late, *others], now, now.t + 3 * period)
    assert given, "the fleet should go on, metered in each process"
    assert _most_in_a_window(sent + given, period) <= requests


# --- Redis refusing -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "refused"),
    [
        (redis.exceptions.ConnectionError("Connection refused"), False),
        (redis.exceptions.TimeoutError("Timeout reading from socket"), False),
        (redis.exceptions.BusyLoadingError("Redis is loading the dataset in memory"), False),
        (redis.exceptions.ReadOnlyError("You can't write against a read only replica."), False),
        (redis.exceptions.ResponseError("BUSY Redis is busy running a script."), False),
        (redis.exceptions.NoScriptError("No matching script. Please use EVAL."), False),
        (
            redis.exceptions.ResponseError("MISCONF Redis is configured to save RDB snapshots"),
            False,
        ),
        (OSError("Network is unreachable"), False),
        (redis.exceptions.AuthenticationError("invalid username-password pair"), True),
        (redis.exceptions.NoPermissionError("this user has no permissions to run 'evalsha'"), True),
        (redis.exceptions.ResponseError("WRONGTYPE Operation against a key"), True),
        (redis.exceptions.ResponseError("ERR user_script:3: Script attempted to access"), True),
    ],
)
def test_what_counts_as_redis_refusing_rather_than_being_away(
    error: BaseException, refused: bool
) -> None:
    from threecommas._redis_lua import refused as is_refused

    assert is_refused(error) is refused


@pytest.mark.parametrize("mode", ["wait", "local", "raise"])
def test_a_key_of_another_type_under_the_prefix_raises_in_every_mode_and_sends_nothing(
    shared_redis: RedisServer, prefix: str, mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="threecommas")
    sent: list[httpx.Request] = []
    limit = _limit(shared_redis, prefix, 10, 1.0, on_storage_error=mode, storage_timeout=0.5)
    client = ThreeCommas(
        API_KEY,
        "secret",
        rate_limit=limit,
        http_client=httpx.Client(transport=httpx.MockTransport(_answer_ok(sent))),
    )
    budget = RedisBudget(limit, API_KEY)
    # The user's own data under the budget's key (a key prefix shared by mistake).
    redis.Redis.from_url(shared_redis.url).set(budget.keys["inflight"], "not a sorted set")
    budget.close()
    call = Call({"method": "post", "url": "/v2/smart_trades/1/close_by_market"}, lambda r: r.json())
    with pytest.raises(StorageError, match=r"refused.*WRONGTYPE.*not sent.*key_prefix"):
        client._execute(call)
    with pytest.raises(StorageError, match="refused"):  # and again, not a wait
        client._execute(call)
    assert sent == []
    refusals = [r for r in caplog.records if "refused" in r.getMessage()]
    assert [r.levelno for r in refusals] == [logging.ERROR]  # logged once, not per request
    client.close()


def test_a_wrong_password_raises_at_once_rather_than_waiting_forever(
    own_redis: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="threecommas")
    password = "s3cret-redis-password"
    redis.Redis.from_url(own_redis.url).config_set("requirepass", password)
    wrong = own_redis.url.replace("redis://", "redis://:not-the-password@")
    sent: list[httpx.Request] = []

    async def main() -> None:
        limit = RateLimit(10, 1.0, storage=wrong, storage_timeout=0.5)  # mode "wait"
        async with AsyncThreeCommas(
            API_KEY,
            "secret",
            rate_limit=limit,
            http_client=httpx.AsyncClient(transport=httpx.MockTransport(_answer_ok(sent))),
        ) as client:
            call = Call(
                {"method": "post", "url": "/v2/smart_trades/1/close_by_market"},
                lambda r: r.json(),
            )
            with pytest.raises(StorageError, match=r"refused.*AuthenticationError") as raised:
                await client._execute(call)
            assert "not-the-password" not in str(raised.value)

    import asyncio

    asyncio.run(main())
    assert sent == []
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert "refused" in logged
    assert "not-the-password" not in logged and password not in logged
