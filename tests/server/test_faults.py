"""Fault injection in the recorded-responses server, seen through the real client.

Each injected fault must come out of the client as the documented exception; a request that
changes state is sent once whatever happens to its answer (the server's counters show how many
times each close reached the operation and was applied); and a burst of closes from many tasks
stays inside the emulated rate limits.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.slot_times import USE_OF_BEST, SlotTimes
from threecommas import (
    APIConnectionError,
    APITimeoutError,
    AsyncThreeCommas,
    IPBannedError,
    NotFoundError,
    OutcomeUnknownError,
    PlanRestrictionError,
    RateLimit,
    RateLimitError,
    ResponseParseError,
    ServerError,
    SmartTrade,
    ThreeCommas,
)
from threecommas._signing import ThreeCommasAuth
from threecommas.testing import (
    RunningServer,
    create_app,
    run_in_thread,
)
from threecommas.testing.faults import (
    ADMIN_PREFIX,
    FaultConfig,
    FaultRule,
    Faults,
    RateLimitConfig,
)
from threecommas.testing.pytest_plugin import ServerFactory
from threecommas.testing.simulation import seed_closable_smart_trades

SMART_TRADE_ID = 12345678
OPEN_STEP = 1047934727  # waiting: can be closed by market
NO_SUCH_STEP = 999  # a close is refused (404)
CLOSE = ("close_trade_by_market", SMART_TRADE_ID, OPEN_STEP)
GET = ("get_smart_trade", SMART_TRADE_ID)


@pytest.fixture(scope="module")
def server() -> Iterator[RunningServer]:
    """One live server for the module; `faults` puts it back to a clean state for each test."""
    with run_in_thread() as running:
        yield running


@pytest.fixture
def faults(server: RunningServer) -> Iterator[Faults]:
    state: Faults = server.app.state.faults
    state.configure(FaultConfig())
    server.store.reset()
    state.reset()
    yield state
    state.configure(FaultConfig())


class SkippingClock:
    """The real clock, except that a wait is skipped: time jumps ahead by it at once. A retry's
    back-off is then waited out as the client counts it, in no real time; network timeouts
    stay real (`io_timeout`)."""

    def __init__(self) -> None:
        self.skipped = 0.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return time.monotonic() + self.skipped

    def time(self) -> float:
        return time.time() + self.skipped

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.skipped += max(0.0, seconds)

    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)

    def io_timeout(self, seconds: float) -> float:
        return seconds


def client(server: RunningServer, **options: Any) -> ThreeCommas:
    options.setdefault("rate_limit", None)
    return ThreeCommas(server.api_key, server.api_secret, base_url=server.base_url, **options)


def only(*rules: FaultRule, **options: Any) -> FaultConfig:
    return FaultConfig(rules=rules, **options)


def step_status(server: RunningServer, smart_trade_id: int, step_id: int) -> str:
    smart_trade = server.store.get(smart_trade_id)
    assert smart_trade is not None
    step = next(s for s in smart_trade["take_profit"]["steps"] if s["id"] == step_id)
    return str(step["status"]["basic_type"])


# --- The admin API ------------------------------------------------------------------------------


def test_admin_api(server: RunningServer, faults: Faults) -> None:
    root = server.base_url.removesuffix("/public/api") + ADMIN_PREFIX
    with httpx.Client(base_url=root, timeout=10) as admin:
        assert admin.get("/faults").json() == FaultConfig().to_json()
        wanted = {"rules": [{"kind": "error", "status": 504, "count": 1}], "time_factor": 0.5}
        answer = admin.put("/faults", json=wanted)
        assert answer.status_code == 200
        assert faults.config.rules == (FaultRule("error", status=504, count=1),)
        assert answer.json() == faults.config.to_json() == admin.get("/faults").json()
        refused = admin.put("/faults", json={"rules": [{"kind": "explode"}]})
        assert refused.status_code == 400 and "kind" in refused.json()["error_description"]
        assert admin.put("/faults", content=b"{not json").status_code == 400
        assert admin.delete("/faults").status_code == 405
        assert admin.put("/faults", json={}).json() == FaultConfig().to_json()

        seeded = admin.post("/smart_trades/closable", json={"count": 2, "steps": 3})
        assert seeded.status_code == 201
        created = seeded.json()["smart_trades"]
        assert [len(st["trade_ids"]) for st in created] == [3, 3]
        first, step = created[0]["id"], created[0]["trade_ids"][1]
        with client(server) as api:
            api.smart_trades.close_trade_by_market(first, step)
        counters = admin.get("/counters").json()
        assert counters["requests"] == 1
        assert counters["applied"] == {f"close_trade_by_market/{first}/{step}": 1}
        assert counters["statuses"] == {"201": 1}

        custom = server.store.get(SMART_TRADE_ID)
        assert custom is not None
        custom.update(id=first + 1000, note="put by a test")
        assert admin.post("/smart_trades", json=custom).status_code == 201
        assert server.store.get(first + 1000) == custom
        assert admin.post("/smart_trades", json={"note": "no id"}).status_code == 400

        assert admin.post("/reset").json() == {"reset": True}
        assert first not in server.store and first + 1000 not in server.store
        assert step_status(server, SMART_TRADE_ID, OPEN_STEP) == "to_process"
        assert admin.get("/counters").json()["requests"] == 0
    # Not part of the API (the requests above carried no signature), nor of its document.
    document = Path(__file__).resolve().parents[2] / "openapi" / "threecommas.yaml"
    assert ADMIN_PREFIX not in document.read_text()


def test_seeded_smart_trades_are_closable_once_each(server: RunningServer, faults: Faults) -> None:
    created = seed_closable_smart_trades(server.store, 3, 2)
    ids = [i for smart_trade_id, steps in created for i in (smart_trade_id, *steps)]
    assert len(set(ids)) == len(ids) and min(ids) > SMART_TRADE_ID
    with client(server) as api:
        for smart_trade_id, steps in created:
            for step in steps:
                api.smart_trades.close_trade_by_market(smart_trade_id, step)
                assert step_status(server, smart_trade_id, step) == "panic_sell_pending"
    assert sum(faults.counters().applied.values()) == 6


# --- Each fault, through the client -------------------------------------------------------------


def test_429_is_a_rate_limit_error_with_the_retry_after_sent(
    server: RunningServer, faults: Faults
) -> None:
    faults.configure(FaultConfig(rate_limit=RateLimitConfig(requests=2), time_factor=0.01))
    with client(server, max_retries=0, retry_after_cap=1) as api:
        api.smart_trades.get(SMART_TRADE_ID)
        api.smart_trades.get(SMART_TRADE_ID)
        with pytest.raises(RateLimitError) as caught:
            api.smart_trades.get(SMART_TRADE_ID)
        assert caught.value.status_code == 429
        assert caught.value.retry_after == 3  # 300 s x 0.01, from the header
        assert caught.value.error == "rate_limit_exceeded"
        sent = faults.counters().requests
        with pytest.raises(RateLimitError, match="not sent"):
            api.smart_trades.close_trade_by_market(SMART_TRADE_ID, OPEN_STEP)
        assert faults.counters().requests == sent


@pytest.mark.slow
def test_a_short_lockout_is_waited_out_and_never_reaches_the_caller(
    server: RunningServer, faults: Faults
) -> None:
    limit = RateLimitConfig(requests=1, lockout=50)  # 0.5 s: Retry-After 1
    faults.configure(FaultConfig(rate_limit=limit, time_factor=0.01))
    with client(server) as api:
        api.smart_trades.get(SMART_TRADE_ID)
        started = time.monotonic()
        api.smart_trades.close_trade_by_market(SMART_TRADE_ID, OPEN_STEP)
        assert time.monotonic() - started >= 1
    counters = faults.counters()
    assert counters.statuses == {200: 1, 429: 1, 201: 1}
    assert counters.received[CLOSE] == counters.applied[CLOSE] == 1


def test_plan_restriction_429_is_a_permission_error_never_retried(
    server: RunningServer, faults: Faults
) -> None:
    faults.configure(FaultConfig(plan_restricted=frozenset({"get_smart_trade"})))
    with client(server) as api:
        with pytest.raises(PlanRestrictionError) as caught:
            api.smart_trades.get(SMART_TRADE_ID)
        assert caught.value.status_code == 429
        assert caught.value.error == "Not available for your subscription plan"
        api.smart_trades.close_trade_by_market(SMART_TRADE_ID, OPEN_STEP)  # no lockout followed
    counters = faults.counters()
    assert counters.requests == 2 and counters.injected == {"plan": 1}


def test_418_is_an_ip_ban_and_the_client_then_sends_nothing(
    server: RunningServer, faults: Faults, threecommas_auth: ThreeCommasAuth
) -> None:
    limit = RateLimitConfig(requests=1, lockout=100, ban_after=0, ban=100)
    faults.configure(FaultConfig(rate_limit=limit, time_factor=0.01))
    # Another process with the same key ignores the 429: its next request draws the ban.
    with httpx.Client(base_url=server.base_url, auth=threecommas_auth, timeout=10) as other:
        statuses = [other.get(f"/v2/smart_trades/{SMART_TRADE_ID}").status_code for _ in "123"]
    assert statuses == [200, 429, 418]
    with client(server) as api:
        with pytest.raises(IPBannedError) as caught:
            api.smart_trades.get(SMART_TRADE_ID)
        assert caught.value.status_code == 418
        assert caught.value.retry_after == 1  # 100 s x 0.01, from the header
        sent = faults.counters().requests
        for _ in range(3):
            with pytest.raises(IPBannedError, match="not sent"):
                api.smart_trades.close_trade_by_market(SMART_TRADE_ID, OPEN_STEP)
        assert faults.counters().requests == sent == 4


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_5xx_is_a_server_error_and_a_close_is_not_repeated(
    server: RunningServer, faults: Faults, status: int
) -> None:
    faults.configure(only(FaultRule("error", status=status)))
    with client(server) as api, pytest.raises(ServerError) as caught:
        api.smart_trades.close_trade_by_market(SMART_TRADE_ID, OPEN_STEP)
    assert caught.value.status_code == status and caught.value.error
    counters = faults.counters()
    assert counters.received[CLOSE] == 1 and counters.applied[CLOSE] == 0
    assert step_status(server, SMART_TRADE_ID, OPEN_STEP) == "to_process"


def test_5xx_after_applying_a_close_is_not_repeated(server: RunningServer, faults: Faults) -> None:
    faults.configure(only(FaultRule("error", status=502, after_apply=True)))
    with client(server) as api, pytest.raises(ServerError):
        api.smart_trades.close_trade_by_market(SMART_TRADE_ID, OPEN_STEP)
    counters = faults.counters()
    assert counters.received[CLOSE] == counters.applied[CLOSE] == 1
    assert step_status(server, SMART_TRADE_ID, OPEN_STEP) == "panic_sell_pending"


def test_a_read_after_503_is_retried_and_succeeds(server: RunningServer, faults: Faults) -> None:
    faults.configure(only(FaultRule("error", status=503, count=1)))
    clock = SkippingClock()
    with client(server, clock=clock) as api:
        assert api.smart_trades.get(SMART_TRADE_ID).id == SMART_TRADE_ID
    assert len(clock.sleeps) == 1  # one back-off, before the one retry
    counters = faults.counters()
    assert counters.received[GET] == 2
    assert counters.statuses == {503: 1, 200: 1}


def test_html_502_is_a_server_error_with_the_page_in_its_body(
    server: RunningServer, faults: Faults
) -> None:
    faults.configure(only(FaultRule("html_502")))
    with client(server) as api, pytest.raises(ServerError) as caught:
        api.smart_trades.close_trade_by_market(SMART_TRADE_ID, OPEN_STEP)
    assert caught.value.status_code == 502
    assert "<h1>502 Bad Gateway</h1>" in caught.value.body
    assert caught.value.error is None
    assert faults.counters().received[CLOSE] == 1


@pytest.mark.parametrize("kind", ["truncated_json", "missing_field", "wrong_type"])
def test_malformed_success_is_a_response_parse_error(
    server: RunningServer, faults: Faults, kind: str
) -> None:
    # wrong_type ("id": "not-a-number", "pair": 12345) raises since parsing checks types.
    faults.configure(only(FaultRule(kind, count=2)))  # type: ignore[arg-type]
    with client(server) as api:
        with pytest.raises(ResponseParseError) as caught:
            api.smart_trades.get(SMART_TRADE_ID)
        assert caught.value.status_code == 200
        with pytest.raises(ResponseParseError):
            api.smart_trades.close_trade_by_market(SMART_TRADE_ID, OPEN_STEP)
    counters = faults.counters()
    # The close was carried out: the error says so, and it was not sent again.
    assert counters.received[CLOSE] == counters.applied[CLOSE] == 1
    assert counters.received[GET] == 1


def test_an_empty_200_to_an_order_call_is_a_success_read_back_once(
    server: RunningServer, faults: Faults
) -> None:
    # The docs' close-by-market page ends with an empty `200 OK`: the close was made, so the
    # SDK returns the SmartTrade, read with one GET, and never sends the close again.
    faults.configure(
        only(FaultRule("empty_body", count=1, operations=frozenset({"close_trade_by_market"})))
    )
    with client(server) as api:
        trade = api.smart_trades.close_trade_by_market(SMART_TRADE_ID, OPEN_STEP)
    assert isinstance(trade, SmartTrade) and trade.id == SMART_TRADE_ID
    step = next(s for s in trade.take_profit.steps if s.id == OPEN_STEP)
    assert step.status.type_ == "panic_sell_pending"
    counters = faults.counters()
    assert counters.injected == {"empty_body": 1}
    assert counters.received[CLOSE] == counters.applied[CLOSE] == 1
    assert counters.received[GET] == 1


def test_malformed_kinds_leave_refusals_alone(server: RunningServer, faults: Faults) -> None:
    faults.configure(only(FaultRule("truncated_json", count=1)))
    with client(server) as api:
        with pytest.raises(NotFoundError) as refused:
            api.smart_trades.close_trade_by_market(SMART_TRADE_ID, NO_SUCH_STEP)
        assert refused.value.error == "Not found"  # the JSON refusal, intact
        with pytest.raises(ResponseParseError):  # the rule was kept for a success
            api.smart_trades.get(SMART_TRADE_ID)
    assert faults.counters().injected == {"truncated_json": 1}


@pytest.mark.parametrize("after_apply", [False, True], ids=["before", "after-applying"])
def test_dropped_connection_is_a_connection_error_and_a_close_is_sent_once(
    server: RunningServer, faults: Faults, after_apply: bool
) -> None:
    faults.configure(only(FaultRule("drop", after_apply=after_apply)))
    with client(server) as api, pytest.raises(APIConnectionError) as caught:
        api.smart_trades.close_trade_by_market(SMART_TRADE_ID, OPEN_STEP)
    assert not isinstance(caught.value, APITimeoutError)
    counters = faults.counters()
    assert counters.received[CLOSE] == 1
    assert counters.applied[CLOSE] == int(after_apply)
    assert counters.statuses == {}  # no answer went out


def test_a_read_after_a_dropped_connection_is_retried(
    server: RunningServer, faults: Faults
) -> None:
    faults.configure(only(FaultRule("drop", count=1)))
    clock = SkippingClock()
    with client(server, clock=clock) as api:
        assert api.smart_trades.get(SMART_TRADE_ID).id == SMART_TRADE_ID
    assert len(clock.sleeps) == 1
    assert faults.counters().received[GET] == 2


def test_latency_beyond_the_timeout_is_a_timeout_error(
    server: RunningServer, faults: Faults
) -> None:
    # The answer cannot come before 200 ms: a 50 ms timeout always runs out first.
    faults.configure(FaultConfig(latency_ms=200))
    with client(server, max_retries=0) as api, pytest.raises(APITimeoutError):
        api.smart_trades.get(SMART_TRADE_ID, timeout=0.05)
    with client(server) as api:  # a timeout far above the latency: a loaded machine passes
        assert api.smart_trades.get(SMART_TRADE_ID, timeout=20).id == SMART_TRADE_ID


def test_a_timed_out_close_is_never_sent_again(server: RunningServer, faults: Faults) -> None:
    # The close is carried out, then its answer is held past the client's timeout.
    # (The timeout error itself shows the client did not wait for the held answer: that
    # would have come, a 201. How long the call took says nothing more, on a loaded machine.)
    faults.configure(only(FaultRule("delay", seconds=3)))
    with client(server) as api, pytest.raises(APITimeoutError):
        api.smart_trades.close_trade_by_market(SMART_TRADE_ID, OPEN_STEP, timeout=0.3)
    counters = faults.counters()
    assert counters.received[CLOSE] == counters.applied[CLOSE] == 1
    assert list(counters.applied_by_request.values()) == [1]
    assert step_status(server, SMART_TRADE_ID, OPEN_STEP) == "panic_sell_pending"


def test_state_changes_are_counted_per_request_id(
    server: RunningServer, faults: Faults, threecommas_auth: ThreeCommasAuth
) -> None:
    path = f"/v2/smart_trades/{SMART_TRADE_ID}/trades/{OPEN_STEP}/close_by_market"
    with httpx.Client(base_url=server.base_url, auth=threecommas_auth, timeout=10) as http:
        assert http.post(path, headers={"X-Request-Id": "first"}).status_code == 201
        assert http.post(path, headers={"X-Request-Id": "again"}).status_code == 403
        http.get(f"/v2/smart_trades/{SMART_TRADE_ID}")
    counters = faults.counters()
    assert counters.applied_by_request == {"first": 1, "again": 0}
    assert counters.received[CLOSE] == 2 and counters.applied[CLOSE] == 1


def test_fixtures_give_a_server_with_faults(
    threecommas_server: RunningServer,
    threecommas_faults: Faults,
    threecommas_server_factory: ServerFactory,
) -> None:
    assert threecommas_faults is threecommas_server.app.state.faults
    limited = threecommas_server_factory(
        FaultConfig(plan_restricted=frozenset({"get_smart_trade"}))
    )
    assert limited.base_url != threecommas_server.base_url
    with client(limited) as api, pytest.raises(PlanRestrictionError):
        api.smart_trades.get(SMART_TRADE_ID)
    with client(threecommas_server) as api:
        assert api.smart_trades.get(SMART_TRADE_ID).id == SMART_TRADE_ID


def test_in_process_faults_reach_the_client_as_transport_and_status_errors() -> None:
    app = create_app(faults=only(FaultRule("drop", count=1), FaultRule("html_502", count=1)))

    async def calls() -> list[BaseException]:
        http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app))
        api = AsyncThreeCommas(
            "threecommas-test-key",
            "threecommas-test-secret",
            base_url="http://testserver/public/api",
            http_client=http,
            rate_limit=None,
        )
        errors: list[BaseException] = []
        for _ in range(2):
            try:
                await api.smart_trades.close_trade_by_market(SMART_TRADE_ID, OPEN_STEP)
            except Exception as exc:
                errors.append(exc)
        await http.aclose()
        return errors

    dropped, bad_gateway = asyncio.run(calls())
    assert type(dropped) is OutcomeUnknownError  # the close was sent: its outcome is unknown
    assert isinstance(bad_gateway, ServerError) and bad_gateway.status_code == 502
    assert app.state.faults.counters().received[CLOSE] == 2


# --- The burst ----------------------------------------------------------------------------------

BURST_TASKS = 32
BURST_SMART_TRADES, BURST_STEPS = 60, 5  # 300 closes
# 100 requests per 60 s becomes 100 per 6 s: the 300 closes need 12 s at the limit. A slot is
# held until the answer plus one period, so the budget use is at best period / (period +
# latency): the longer period keeps a loaded machine's latency from deciding the figure.
BURST_TIME_FACTOR = 0.1


@pytest.mark.slow
def test_a_burst_of_closes_from_many_tasks_stays_within_the_emulated_limits(
    threecommas_server_factory: ServerFactory,
    capsys: pytest.CaptureFixture[str],
) -> None:
    limit = RateLimitConfig()  # 100 per 60 s, 300 s lockout, 418 after 3 refused in it
    server = threecommas_server_factory()
    faults: Faults = server.app.state.faults
    created = seed_closable_smart_trades(server.store, BURST_SMART_TRADES, BURST_STEPS)
    closes = [(smart_trade_id, step) for smart_trade_id, steps in created for step in steps]
    period = limit.period * BURST_TIME_FACTOR
    faults.configure(FaultConfig(rate_limit=limit, time_factor=BURST_TIME_FACTOR))

    slots = SlotTimes()

    async def burst() -> tuple[int, list[BaseException]]:
        done = 0
        waiting = iter(closes)
        async with AsyncThreeCommas(
            server.api_key,
            server.api_secret,
            base_url=server.base_url,
            rate_limit=RateLimit(limit.requests, period),
            clock=slots.clock(),
        ) as api:
            slots.watch(api)

            async def worker() -> None:
                nonlocal done
                for smart_trade_id, step in waiting:
                    await api.smart_trades.close_trade_by_market(smart_trade_id, step)
                    done += 1

            tasks = [asyncio.create_task(worker()) for _ in range(BURST_TASKS)]
            # The first error ends the burst (a lockout would otherwise be waited out).
            finished, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
        errors = [e for t in finished if (e := t.exception()) is not None]
        return done, errors

    started = time.monotonic()
    done, errors = asyncio.run(burst())
    elapsed = time.monotonic() - started

    counters = faults.counters()
    arrivals = faults.accepted_times()
    # A sliding window lets the first 100 through at once, then 100 per period: the rate the
    # client achieved after its first 100, against that allowed rate, on the server's clock.
    use = float("nan")
    if len(arrivals) > limit.requests:
        span = arrivals[-1] - arrivals[limit.requests - 1]
        use = (len(arrivals) - limit.requests) / span / (limit.requests / period)
    with capsys.disabled():
        print(
            f"\nburst: {done}/{len(closes)} closes from {BURST_TASKS} tasks in {elapsed:.2f} s "
            f"at {limit.requests} per {period:g} s; budget use {use:.1%}; server answered "
            f"{dict(counters.statuses)}; errors: {sorted({type(e).__name__ for e in errors})}"
        )
    assert not errors, f"{len(errors)} closes failed, the first: {errors[0]!r}"
    assert counters.statuses[418] == 0 and counters.statuses[429] == 0
    for close in closes:
        key = ("close_trade_by_market", *close)
        assert counters.received[key] == counters.applied[key] == 1, key
    assert sum(counters.applied.values()) == len(closes)
    # Judged against what a limiter without waste reaches with this run's own slot holds and
    # lateness of waits (tests/slot_times.py), not against a machine's speed.
    best = SlotTimes.best_use(limit.requests, period, [slots.to_json(BURST_TASKS, elapsed)])
    assert use >= USE_OF_BEST * best, f"budget use {use:.1%}, at best {best:.1%} ({slots})"
