"""`client.smart_trades.watch()` and `wait_for()`: SmartTrades moved through their life on the
fake server (with its store and its operations) are seen changing, in order, within the budget."""

from __future__ import annotations

import asyncio
import json
import math
import threading
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from threecommas import (
    AsyncThreeCommas,
    Change,
    RateLimit,
    SmartTradeEvent,
    ThreeCommas,
    ThreeCommasError,
)
from threecommas._watch import WatchPlan, changes_between
from threecommas.testing import RunningServer
from threecommas.testing.faults import FaultConfig, Faults, RateLimitConfig
from threecommas.testing.pytest_plugin import ServerFactory
from threecommas.testing.simulation import SmartTradeStore, seed_closable_smart_trades
from threecommas.testing.simulation._state import order_status, smart_trade_status

# Live servers, subprocesses or long scenarios: `make test` runs them, `make unit` does not.
pytestmark = pytest.mark.slow

# 100 requests per 6 s: a one-page sweep at the default 25 % then comes every 0.24 s.
FAST = RateLimit(100, 6.0)


def move(
    store: SmartTradeStore,
    smart_trade_id: int,
    *,
    status: str | None = None,
    step: tuple[int, str] | None = None,
    profit: str | None = None,
    finished: bool = False,
) -> None:
    """Change a stored SmartTrade as the exchange would (the store recomputes its flags)."""
    smart_trade = store.get(smart_trade_id)
    assert smart_trade is not None
    if status is not None:
        smart_trade["status"] = smart_trade_status(status)
    if step is not None:
        for item in smart_trade["take_profit"]["steps"]:
            if item["id"] == step[0]:
                item["status"] = order_status(step[1])
    if profit is not None:
        smart_trade["profit"]["percent"] = profit
    if finished:
        smart_trade["data"]["finished"] = True
    store.put(smart_trade)


def client_for(server: RunningServer, **kwargs: Any) -> ThreeCommas:
    return ThreeCommas(
        server.api_key, server.api_secret, base_url=server.base_url, rate_limit=FAST, **kwargs
    )


def life_of(
    store: SmartTradeStore, created: list[tuple[int, list[int]]]
) -> dict[int, list[dict[str, Any]]]:
    """What happens to each SmartTrade, one change after the other."""
    (a, (a1, a2)), (b, _), (c, _) = created
    return {
        a: [
            {"step": (a1, "finished"), "profit": "1.5"},
            {"step": (a2, "finished"), "profit": "3.0", "status": "finished", "finished": True},
        ],
        b: [{"status": "stop_loss_in_progress"}, {"status": "failed"}],
        c: [{"status": "panic_sell_pending"}, {"status": "cancelled"}],
    }


def test_sync_watch_sees_every_status_change_in_order(threecommas_server: RunningServer) -> None:
    store = threecommas_server.store
    created = seed_closable_smart_trades(store, 3, 2)
    plan = life_of(store, created)
    ids = [smart_trade_id for smart_trade_id, _ in created]
    seen: dict[int, list[str]] = {i: [] for i in ids}
    step_changes: list[str] = []
    events: list[SmartTradeEvent] = []
    with client_for(threecommas_server) as client:
        for event in client.smart_trades.watch(duration=30):
            if event.id not in seen:
                continue  # the recorded SmartTrades are active too
            events.append(event)
            seen[event.id].append(event.status)
            if event.previous is not None:
                step_changes += [k for k in event.changes if k.startswith("take_profit.steps.")]
            # Every SmartTrade seen, then the next change of each, one per sweep.
            if all(seen.values()):
                for smart_trade_id, changes in plan.items():
                    if len(seen[smart_trade_id]) <= len(changes):
                        move(store, smart_trade_id, **changes[len(seen[smart_trade_id]) - 1])
                        break
            if all(len(seen[i]) == len(plan[i]) + 1 for i in ids):
                break
    a, b, c = ids
    assert seen[a] == ["waiting_targets", "waiting_targets", "finished"]
    assert seen[b] == ["waiting_targets", "stop_loss_in_progress", "failed"]
    assert seen[c] == ["waiting_targets", "panic_sell_pending", "cancelled"]
    first = [e for e in events if e.previous is None]
    assert len(first) == 3 and all(
        e.changes["status"] == Change(None, "waiting_targets") for e in first
    )
    (a1, a2) = created[0][1]
    assert step_changes.count(f"take_profit.steps.{a1}.status") == 1
    assert step_changes.count(f"take_profit.steps.{a2}.status") == 1
    last_a = [e for e in events if e.id == a][-1]
    assert last_a.previous is not None and last_a.changes["profit.percent"] == Change("1.5", "3.0")
    assert last_a.finished and last_a.to_dict()["previous_status"] == "waiting_targets"


def test_async_watch_of_given_ids_ends_when_they_finish(threecommas_server: RunningServer) -> None:
    store = threecommas_server.store
    created = seed_closable_smart_trades(store, 2, 1)
    (a, _), (b, _) = created

    async def main() -> list[tuple[int, str | None, str]]:
        seen: list[tuple[int, str | None, str]] = []
        async with AsyncThreeCommas(
            threecommas_server.api_key,
            threecommas_server.api_secret,
            base_url=threecommas_server.base_url,
            rate_limit=FAST,
        ) as client:
            async for event in client.smart_trades.watch([a, b], duration=30):
                seen.append((event.id, event.previous_status, event.status))
                if len(seen) == 2:
                    # Closed by market through the API, then cancelled on the exchange.
                    await client.smart_trades.close_by_market(a)
                elif event.id == a and event.status == "panic_sell_pending":
                    move(store, a, status="cancelled")
                    move(store, b, status="failed")
        return seen

    seen = asyncio.run(main())
    assert sorted(seen[:2]) == [(a, None, "waiting_targets"), (b, None, "waiting_targets")]
    assert (a, "waiting_targets", "panic_sell_pending") in seen
    assert seen.index((a, "waiting_targets", "panic_sell_pending")) < seen.index(
        (a, "panic_sell_pending", "cancelled")
    )
    assert (b, "waiting_targets", "failed") in seen
    assert len(seen) == 5  # and the watch ended by itself once both were final


def test_wait_for_returns_the_finished_smart_trade(threecommas_server: RunningServer) -> None:
    store = threecommas_server.store
    [(a, (step,))] = seed_closable_smart_trades(store, 1, 1)

    def market() -> None:
        time.sleep(0.5)
        move(store, a, step=(step, "finished"))
        time.sleep(0.5)
        move(store, a, status="finished", finished=True, profit="2.5")

    mover = threading.Thread(target=market)
    with client_for(threecommas_server) as client:
        mover.start()
        try:
            finished = client.smart_trades.wait_for(a, timeout=20)
        finally:
            mover.join()
        assert finished.id == a and finished.status.basic_type == "finished"
        assert finished.profit.percent == "2.5"
        # Already there: at once; a status; a predicate; and a condition that cannot hold.
        assert client.smart_trades.wait_for(a, "finished", timeout=5).id == a
        assert client.smart_trades.wait_for(a, lambda st: st.profit.percent == "2.5").id == a
        with pytest.raises(ThreeCommasError, match="ended"):
            client.smart_trades.wait_for(a, "waiting_targets", timeout=5)
        with pytest.raises(TimeoutError):
            client.smart_trades.wait_for(12345678, "cancelled", timeout=0.5)


def test_bad_arguments_are_refused_before_anything_is_sent(
    threecommas_client: ThreeCommas,
) -> None:
    smart_trades = threecommas_client.smart_trades
    with pytest.raises(ValueError, match="budget_share"):
        smart_trades.watch(budget_share=0)
    with pytest.raises(ValueError, match="source"):
        smart_trades.watch(source="carrier-pigeon")
    with pytest.raises(ValueError, match="stale_after"):
        smart_trades.watch(source="websocket", stale_after=0)
    with pytest.raises(ValueError, match="reconnect_max"):
        smart_trades.watch(source="websocket", reconnect_initial=5, reconnect_max=1)
    with pytest.raises(TypeError, match="ids"):
        smart_trades.watch(ids="12")
    with pytest.raises(ValueError, match="ids"):
        smart_trades.watch(ids=[0])
    with pytest.raises(ValueError, match="timeout"):
        smart_trades.wait_for(1, timeout=-1)
    with pytest.raises(TypeError, match="until"):
        smart_trades.wait_for(1, until=3)  # type: ignore[arg-type]


def test_the_sweep_interval_follows_the_budget_share() -> None:
    plan = WatchPlan.checked(RateLimit(100, 60), None, "poll", 0.25, True, None, None, None)
    assert plan.interval(10) == pytest.approx(24.0)  # 1,000 active SmartTrades
    assert plan.interval(1) == pytest.approx(2.4)
    assert plan.limiter.limit.requests == 25
    half = WatchPlan.checked(None, None, "poll", 0.5, True, None, None, None)
    assert half.interval(3) == pytest.approx(3 * 60 / 50)


def test_no_change_no_event() -> None:
    assert changes_between(None, _smart_trade())["status"] == Change(None, "waiting_targets")
    assert changes_between(_smart_trade(), _smart_trade()) == {}


def _smart_trade() -> Any:
    from tests.seed import seed_response
    from threecommas_api.models.smart_trade import SmartTrade

    return SmartTrade.from_dict(seed_response())


# --- The command line ---------------------------------------------------------------------------


class Observed:
    """The statuses one SmartTrade had in the answers a client read. A test moves the
    SmartTrade on only once the client has read where it is, so that what the watch reports
    does not depend on how soon the machine runs its sweeps."""

    def __init__(self, smart_trade_id: int) -> None:
        self.smart_trade_id = smart_trade_id
        self.statuses: list[str] = []
        self._read = threading.Condition()

    def on_response(self, response: httpx.Response) -> None:
        if response.request.method != "GET" or response.status_code != 200:
            return
        response.read()
        body = response.json()
        items = body if isinstance(body, list) else [body]
        for item in items:
            if isinstance(item, dict) and item.get("id") == self.smart_trade_id:
                with self._read:
                    self.statuses.append(item["status"]["type"])
                    self._read.notify_all()

    def http_client(self) -> httpx.Client:
        return httpx.Client(event_hooks={"response": [self.on_response]})

    def wait_until_read(self, status: str) -> bool:
        with self._read:
            return self._read.wait_for(lambda: status in self.statuses, timeout=60)


def cli_against(
    server: RunningServer,
    monkeypatch: pytest.MonkeyPatch,
    observed: Observed,
    rate_limit: RateLimit = FAST,
) -> None:
    """`threecommas.cli` with the server's key, whose client reports what it reads."""
    import threecommas.cli as cli

    monkeypatch.setenv("THREE_COMMAS_API_KEY", server.api_key)
    monkeypatch.setenv("THREE_COMMAS_API_SECRET", server.api_secret or "")
    monkeypatch.delenv("THREE_COMMAS_PRIVATE_KEY_FILE", raising=False)
    real_client = cli.ThreeCommas
    monkeypatch.setattr(
        cli,
        "ThreeCommas",
        lambda **o: real_client(rate_limit=rate_limit, http_client=observed.http_client(), **o),
    )


def finish_as_read(
    store: SmartTradeStore,
    observed: Observed,
    step: int,
    ready: Callable[[], bool] = lambda: True,
) -> threading.Thread:
    """Cancel the SmartTrade through panic_sell_pending, each move once the client has read
    the state before it (the first also once `ready`). (Should it never read one, the moves
    still come, so that the watch ends, and the test fails on what it printed.)"""
    smart_trade_id = observed.smart_trade_id

    def market() -> None:
        observed.wait_until_read("waiting_targets")
        deadline = time.monotonic() + 60  # a guard against hanging, not a measure
        while not ready() and time.monotonic() < deadline:
            time.sleep(0.01)
        move(store, smart_trade_id, status="panic_sell_pending", step=(step, "panic_sell_pending"))
        observed.wait_until_read("panic_sell_pending")
        move(store, smart_trade_id, status="cancelled", profit="-0.5")

    thread = threading.Thread(target=market)
    thread.start()
    return thread


@pytest.mark.parametrize("output", ["text", "json"])
def test_cli_watch_prints_a_line_per_change_until_finished(
    threecommas_server: RunningServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    output: str,
) -> None:
    import threecommas.cli as cli

    [(a, (step,))] = seed_closable_smart_trades(threecommas_server.store, 1, 1)
    observed = Observed(a)
    cli_against(threecommas_server, monkeypatch, observed)
    mover = finish_as_read(threecommas_server.store, observed, step)
    argv = ["smart-trades", "watch", "--id", str(a), "--until", "finished"]
    argv += ["--base-url", threecommas_server.base_url, "--format", output]
    try:
        assert cli.main(argv) == 0
    finally:
        mover.join()
    lines = capsys.readouterr().out.splitlines()
    if output == "json":
        events = [json.loads(line) for line in lines]
        assert [(e["id"], e["previous_status"], e["status"]) for e in events] == [
            (a, None, "waiting_targets"),
            (a, "waiting_targets", "panic_sell_pending"),
            (a, "panic_sell_pending", "cancelled"),
        ]
        assert events[-1]["changes"]["profit.percent"][1] == "-0.5"
    else:
        assert len(lines) == 3, lines
        assert f" {a} USDT_" in lines[0] and "- -> waiting_targets" in lines[0]
        assert "waiting_targets -> panic_sell_pending profit" in lines[1]
        assert f"steps {step}:panic_sell_pending" in lines[1]
        assert lines[2].endswith("panic_sell_pending -> cancelled profit -0.5%")


# --- The budget ---------------------------------------------------------------------------------

BUDGET_SMART_TRADES = 1000
BUDGET_TIME_FACTOR = 0.1  # 100 requests per 6 s at the server
WATCH_SECONDS = 9.0


@pytest.mark.slow
def test_watching_1000_smart_trades_stays_within_its_share(
    threecommas_server_factory: ServerFactory,
) -> None:
    limit = RateLimitConfig()
    server = threecommas_server_factory()
    faults: Faults = server.app.state.faults
    seed_closable_smart_trades(server.store, BUDGET_SMART_TRADES, 1)
    period = limit.period * BUDGET_TIME_FACTOR
    faults.configure(FaultConfig(rate_limit=limit, time_factor=BUDGET_TIME_FACTOR))
    share = 0.25
    watched: list[float] = []
    others: list[float] = []

    def hook(request: httpx.Request) -> None:
        watcher = request.url.path == "/public/api/v2/smart_trades" and (
            request.url.params.get("status") == "active"
        )
        (watched if watcher else others).append(time.monotonic())

    http = httpx.Client(event_hooks={"request": [hook]})
    stop = threading.Event()
    events = 0
    with ThreeCommas(
        server.api_key,
        server.api_secret,
        base_url=server.base_url,
        rate_limit=RateLimit(limit.requests, period),
        http_client=http,
    ) as client:

        def watch() -> None:
            nonlocal events
            for _ in client.smart_trades.watch(
                budget_share=share, duration=WATCH_SECONDS, stop=stop.is_set
            ):
                events += 1

        watcher = threading.Thread(target=watch)
        watcher.start()
        started = time.monotonic()
        other_calls = 0
        try:
            # The rest of the bot's traffic, as fast as the client's limiter lets it go.
            while time.monotonic() - started < WATCH_SECONDS:
                client.smart_trades.trades.list(12345678)
                other_calls += 1
        finally:
            stop.set()
            watcher.join()
    http.close()
    counters = faults.counters()
    allowed = math.floor(share * limit.requests)
    busiest = max(sum(1 for t in watched if s <= t < s + period) for s in watched)
    print(
        f"\nwatch: {len(watched)} requests in {WATCH_SECONDS:g} s (busiest {period:g} s window "
        f"{busiest}, allowed {allowed}); other calls {other_calls}; "
        f"server {dict(counters.statuses)}"
    )
    assert events >= BUDGET_SMART_TRADES  # every one seen at least once
    assert busiest <= allowed
    assert len(watched) <= allowed * math.ceil(WATCH_SECONDS / period)
    assert len(watched) >= 2 * 10  # at least two sweeps of 10 pages: the watch went on
    # The rest of the traffic got through (about 75 per period when the machine is idle; half
    # of that is asked, so that a loaded machine's slower answers do not fail the test) ...
    assert other_calls > 0.5 * (1 - share) * limit.requests * WATCH_SECONDS / period
    assert counters.statuses[429] == 0 and counters.statuses[418] == 0  # ... without a 429
