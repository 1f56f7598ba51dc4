"""Subscription plans: `RateLimit.for_plan`, `THREE_COMMAS_PLAN`, the CLI's `--plan`, and the
read-only plans refusing writes before anything is sent."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.sdk.test_cli import MockAPI
from threecommas import (
    DEFAULT_RATE_LIMIT,
    PlanRestrictionError,
    RateLimit,
    RateLimitError,
    ThreeCommas,
    cli,
)


class Recorder:
    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(200, json={"id": 7, "note": "n"})


def _client(recorder: Recorder, **options: Any) -> ThreeCommas:
    http = httpx.Client(transport=httpx.MockTransport(recorder))
    return ThreeCommas("key", "secret", http_client=http, **options)


@pytest.fixture(autouse=True)
def _no_plan_in_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("THREE_COMMAS_PLAN", raising=False)
    monkeypatch.delenv("THREE_COMMAS_RATE_LIMIT_STORAGE", raising=False)


@pytest.mark.parametrize(
    ("plan", "requests", "read_only"),
    [("starter", 5, True), ("pro", 50, True), ("expert", 120, False), ("PRO", 50, True)],
)
def test_for_plan_gives_the_peer_reported_limits(plan: str, requests: int, read_only: bool) -> None:
    limit = RateLimit.for_plan(plan)
    assert (limit.requests, limit.period, limit.read_only) == (requests, 60.0, read_only)
    assert limit.plan == plan.lower()
    assert f"plan={plan.lower()!r}" in repr(limit)


def test_for_plan_takes_the_other_options_and_refuses_unknown_plans() -> None:
    assert RateLimit.for_plan("pro", key_prefix="bots").key_prefix == "bots"
    assert not RateLimit().read_only
    with pytest.raises(ValueError, match="plan must be one of starter, pro, expert"):
        RateLimit.for_plan("enterprise")
    with pytest.raises(ValueError, match=r"RateLimit\.plan"):
        RateLimit(plan="gold")


def test_the_environment_names_the_plan_of_a_default_client(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("THREE_COMMAS_PLAN", "pro")
    client = _client(Recorder())
    assert client._policy.settings.rate_limit == RateLimit.for_plan("pro")
    # A rate limit given explicitly wins over the environment.
    mine = RateLimit(requests=10)
    assert _client(Recorder(), rate_limit=mine)._policy.settings.rate_limit is mine
    assert _client(Recorder(), rate_limit=None)._policy.settings.rate_limit is None
    monkeypatch.setenv("THREE_COMMAS_PLAN", "platinum")
    with pytest.raises(ValueError, match="THREE_COMMAS_PLAN must be one of"):
        _client(Recorder())


def test_a_default_client_without_a_plan_keeps_the_documented_budget() -> None:
    assert _client(Recorder())._policy.settings.rate_limit is DEFAULT_RATE_LIMIT


@pytest.mark.parametrize("plan", ["starter", "pro"])
def test_a_read_only_plan_refuses_writes_before_sending(plan: str) -> None:
    recorder = Recorder()
    client = _client(recorder, rate_limit=RateLimit.for_plan(plan))
    for write in (
        lambda: client.smart_trades.cancel(7),
        lambda: client.smart_trades.set_note(7, "n"),
        lambda: client.smart_trades.close_trade_by_market(7, 8),
    ):
        with pytest.raises(PlanRestrictionError, match=f"the '{plan}' plan") as caught:
            write()
        assert caught.value.status_code == 429
    assert recorder.requests == []
    client.with_raw_response.smart_trades.get(7)  # reads go
    assert [r.method for r in recorder.requests] == ["GET"]


def test_the_expert_plan_writes() -> None:
    recorder = Recorder()
    client = _client(recorder, rate_limit=RateLimit.for_plan("expert"))
    client.with_raw_response.smart_trades.set_note(7, "n")
    assert [r.method for r in recorder.requests] == ["POST"]


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    monkeypatch.setenv("THREE_COMMAS_API_KEY", "cli-key")
    monkeypatch.setenv("THREE_COMMAS_API_SECRET", "cli-secret")
    monkeypatch.delenv("THREE_COMMAS_PRIVATE_KEY_FILE", raising=False)
    seen: dict[str, Any] = {}
    real = cli.ThreeCommas
    recorder = MockAPI()

    def client(**options: Any) -> ThreeCommas:
        seen.update(options)
        http = httpx.Client(transport=httpx.MockTransport(recorder))
        made = real(http_client=http, **options)
        seen["client"] = made
        return made

    monkeypatch.setattr(cli, "ThreeCommas", client)
    seen["recorder"] = recorder
    return seen


def test_the_cli_takes_the_plan(made: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["smart-trades", "get", "7", "--plan", "expert"]) == 0
    assert made["rate_limit"] == RateLimit.for_plan("expert")


def test_the_cli_refuses_a_write_on_a_read_only_plan(
    made: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["--plan", "pro", "smart-trades", "cancel", "7"]) == 1
    assert "read only" in capsys.readouterr().err
    assert made["recorder"].requests == []


def test_the_cli_reads_the_plan_and_the_storage_from_the_environment(
    made: dict[str, Any], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("THREE_COMMAS_PLAN", "starter")
    assert cli.main(["smart-trades", "get", "7"]) == 0
    assert made["client"]._policy.settings.rate_limit == RateLimit.for_plan("starter")
    monkeypatch.setenv("THREE_COMMAS_PLAN", "gold")
    assert cli.main(["smart-trades", "get", "7"]) == 2
    assert "THREE_COMMAS_PLAN must be one of" in capsys.readouterr().err
    monkeypatch.delenv("THREE_COMMAS_PLAN")
    monkeypatch.setenv("THREE_COMMAS_RATE_LIMIT_STORAGE", "http://nope")
    assert cli.main(["smart-trades", "get", "7"]) == 2
    assert "--rate-limit-storage must be a redis://" in capsys.readouterr().err


class FixedClock:
    """A clock that stands still at a known date; sleeps are recorded."""

    def __init__(self, date: float) -> None:
        self.date = date
        self.slept: list[float] = []

    def monotonic(self) -> float:
        return 1000.0 + sum(self.slept)

    def time(self) -> float:
        return self.date + sum(self.slept)

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)

    async def asleep(self, seconds: float) -> None:
        self.slept.append(seconds)

    def io_timeout(self, seconds: float) -> float:
        return seconds


# 2025-11-11 17:08:16 UTC: 20 s before the moment of the production body below.
DATE = 1762880896.0
PEER_BODY = "Rate limit exceeded. Next request at 2025-11-11 17:08:36 UTC"


def _refused(body: str, headers: dict[str, str] | None = None, **options: Any) -> float:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(429, headers=headers, json={"error": body})

    http = httpx.Client(transport=httpx.MockTransport(answer))
    client = ThreeCommas(
        "key", "secret", http_client=http, clock=FixedClock(DATE), max_retries=0, **options
    )
    with pytest.raises(RateLimitError) as caught:
        client.with_raw_response.smart_trades.get(7)
    return caught.value.retry_after


def test_the_429_body_names_the_retry_moment() -> None:
    assert _refused(PEER_BODY) == pytest.approx(20.0)
    # As plain text too, and with a T or fractions of a second.
    assert _refused("Next request at 2025-11-11T17:08:46.5 UTC") == pytest.approx(30.5)


@pytest.mark.parametrize(
    "body",
    [
        "Rate limit exceeded. Next request at 2025-11-11 17:07:00 UTC",  # past
        "Rate limit exceeded. Next request at 2025-13-45 99:08:36 UTC",  # junk
        "Rate limit exceeded. Next request at soon",
        "Too many requests",
    ],
)
def test_a_past_or_unreadable_moment_falls_back_to_the_documented_lockout(body: str) -> None:
    assert _refused(body) == 300.0


def test_a_usable_retry_after_header_wins_over_the_body() -> None:
    assert _refused(PEER_BODY, {"Retry-After": "7"}) == 7.0
    assert _refused(PEER_BODY, {"Retry-After": "junk"}) == pytest.approx(20.0)


def test_the_moment_in_the_body_is_waited_out_within_the_cap() -> None:
    answers = iter([httpx.Response(429, json={"error": PEER_BODY}), httpx.Response(200, json={})])
    clock = FixedClock(DATE)
    http = httpx.Client(transport=httpx.MockTransport(lambda request: next(answers)))
    client = ThreeCommas("key", "secret", http_client=http, clock=clock, rate_limit=None)
    client.with_raw_response.smart_trades.get(7)
    assert 20.0 <= clock.slept[0] <= 20.0 + 0.5  # the moment, plus the first retry's jitter


class PlanAPI:
    """Lets `limit` requests through in all, then answers 429 with the plan's body."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.sent = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.sent += 1
        if self.sent > self.limit:
            return httpx.Response(429, json={"error": PEER_BODY})
        return httpx.Response(200, json={})


def test_a_429_within_the_budget_teaches_the_limiter_a_lower_limit(
    caplog: pytest.LogCaptureFixture,
) -> None:
    api = PlanAPI(50)
    clock = FixedClock(DATE)
    http = httpx.Client(transport=httpx.MockTransport(api))
    client = ThreeCommas("key", "secret", http_client=http, clock=clock, max_retries=0)
    limiter = client._policy.limiter
    assert limiter is not None
    with caplog.at_level("INFO", logger="threecommas"):
        for _ in range(50):
            client.with_raw_response.smart_trades.get(7)
        with pytest.raises(RateLimitError):
            client.with_raw_response.smart_trades.get(7)
    assert limiter.learned == 45  # 50 let through, less a tenth
    (record,) = [r for r in caplog.records if "learned" in r.getMessage()]
    assert record.levelname == "WARNING"
    assert "RateLimit(requests=45, period=60)" in record.getMessage()
    # The budget is 45 a period from now on: after the window has passed, 45 slots, no more.
    clock.sleep(400)
    grants = [limiter.acquire(order=True) for _ in range(46)]  # the whole window
    assert grants[:45] == [0.0] * 45 and grants[45] > 0


def test_429s_in_a_lockout_teach_nothing_and_nothing_is_learned_from_an_empty_window() -> None:
    api = PlanAPI(0)
    clock = FixedClock(DATE)
    http = httpx.Client(transport=httpx.MockTransport(api))
    client = ThreeCommas("key", "secret", http_client=http, clock=clock, max_retries=0)
    with pytest.raises(RateLimitError):
        client.with_raw_response.smart_trades.get(7)  # the first request of all: no evidence
    assert client._policy.limiter is not None and client._policy.limiter.learned is None


def test_a_learned_limit_is_never_raised() -> None:
    from threecommas._limits import RateLimiter

    clock = FixedClock(DATE)
    limiter = RateLimiter(RateLimit(), clock=clock.monotonic)
    for _ in range(20):
        assert limiter.acquire() == 0.0
        limiter.release()
    assert limiter.learn() == 17  # 19 let through, less a tenth
    for hours in range(1, 4):  # however long it runs, and whatever a later 429 finds
        clock.sleep(3600 * hours)
        before = limiter.requests
        assert [limiter.acquire(True) for _ in range(before)] == [0.0] * before
        assert limiter.acquire() > 0
        learned = limiter.learn()
        assert learned is None or learned < before
        assert limiter.requests <= before
        for _ in range(before):
            limiter.release()


# --- Orders first -------------------------------------------------------------------------------


def test_the_orders_reserve_defaults_to_a_tenth_and_none_on_read_only_plans() -> None:
    assert RateLimit().orders_reserve() == 10
    assert RateLimit.for_plan("expert").orders_reserve() == 12
    assert RateLimit.for_plan("pro").orders_reserve() == 0
    assert RateLimit(requests=5, reserve_for_orders=9).orders_reserve() == 4  # one for reads
    assert RateLimit(reserve_for_orders=0).orders_reserve() == 0
    assert RateLimit().orders_reserve(45) == 4  # of a learned limit
    for bad in (-1, 1.5, True, "3"):
        with pytest.raises(ValueError, match="reserve_for_orders"):
            RateLimit(reserve_for_orders=bad)  # type: ignore[arg-type]


def test_reads_leave_the_reserve_to_orders() -> None:
    from threecommas._limits import RateLimiter

    limiter = RateLimiter(RateLimit(10, 60, reserve_for_orders=2), clock=FixedClock(DATE).monotonic)
    assert [limiter.acquire() for _ in range(8)] == [0.0] * 8
    assert limiter.acquire() > 0  # a ninth read waits
    assert [limiter.acquire(order=True) for _ in range(2)] == [0.0, 0.0]
    assert limiter.acquire(order=True) > 0  # and the whole window is spent


def test_a_close_by_market_goes_at_once_while_reads_saturate_the_budget() -> None:
    sent: list[tuple[str, float]] = []
    clock = FixedClock(DATE)

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append((request.method, clock.monotonic()))
        return httpx.Response(200, json={})

    http = httpx.Client(transport=httpx.MockTransport(answer))
    client = ThreeCommas("key", "secret", http_client=http, clock=clock)
    for _ in range(90):  # the reads (a reader, a watcher's sweeps) take every slot they may
        client.with_raw_response.smart_trades.get(7)
    asked = clock.monotonic()
    client.with_raw_response.smart_trades.close_trade_by_market(7, 8)
    # Sent with no wait at all: within one slot of the window (60 s / 100), measured on the
    # client's clock.
    assert sent[-1] == ("POST", asked) and clock.slept == []
    assert asked + 60 / 100 > sent[-1][1]
    client.with_raw_response.smart_trades.get(7)  # the next read waits for the window
    assert clock.slept and sum(clock.slept) > 0


def test_the_cli_shows_the_budget_of_the_process(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    monkeypatch.delenv("THREE_COMMAS_API_KEY", raising=False)
    assert cli.main(["budget", "--plan", "expert"]) == 0
    state = json.loads(capsys.readouterr().out)
    assert state["plan"] == "expert" and state["requests"] == 120
    assert (state["used"], state["free"], state["locked_out_until"]) == (0, 120, None)
    assert state["reserve_for_orders"] == 12 and state["storage"] is None


def test_a_watch_keeps_its_whole_share_in_the_process() -> None:
    from threecommas import RateLimit
    from threecommas._watch import WatchPlan

    plan = WatchPlan.checked(RateLimit(), None, "poll", 0.25, True, None, None, None)
    assert [plan.limiter.acquire() for _ in range(25)] == [0.0] * 25  # no orders' reserve
    assert plan.limiter.acquire() > 0
