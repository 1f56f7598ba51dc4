"""The proof of learned limits: a fleet of processes on one shared Redis budget, against the
fake server playing the Pro plan (50 a minute, where the SDK's default assumes 100)."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.redis_server import RedisServer, require_redis_server
from threecommas.testing import FaultConfig, RunningServer
from threecommas.testing.faults import Faults
from threecommas.testing.pytest_plugin import ServerFactory

pytestmark = pytest.mark.slow

WORKER = Path(__file__).resolve().parents[1] / "plan_worker.py"
FLEET = 4
READS = 100  # each: 400 in all
TIME_FACTOR = 0.01  # a minute in 0.6 s, the lockout 3 s


@pytest.fixture(scope="module")
def redis_server() -> Iterator[RedisServer]:
    reason = require_redis_server()
    if reason is not None:
        pytest.skip(reason)
    with RedisServer() as server:
        yield server


def _run(server: RunningServer, storage: str, plan: str | None) -> list[dict[str, Any]]:
    prefix = f"plan-{uuid.uuid4().hex[:8]}"
    config = {
        "base_url": server.base_url,
        "api_key": server.api_key,
        "api_secret": server.api_secret,
        "storage": storage,
        "key_prefix": prefix,
        "period": 60 * TIME_FACTOR,
        "reads": READS,
        "plan": plan,
    }
    processes = [
        subprocess.Popen(
            [sys.executable, str(WORKER), json.dumps(config)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(FLEET)
    ]
    try:
        for process in processes:
            assert process.stdout is not None and process.stdout.readline().strip() == "ready"
        for process in processes:
            assert process.stdin is not None
            process.stdin.write("go\n")
            process.stdin.close()
            process.stdin = None
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


def test_a_fleet_on_the_default_budget_learns_the_pro_limit_from_one_429(
    threecommas_server_factory: ServerFactory,
    redis_server: RedisServer,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server = threecommas_server_factory(FaultConfig(time_factor=TIME_FACTOR), plan="pro")
    faults: Faults = server.app.state.faults
    results = _run(server, redis_server.url, None)
    statuses = Counter(s for r in results for s in r["statuses"])
    counters = faults.counters()
    with capsys.disabled():
        refused = sorted(t for r in results for t in r["refused"])
        print(
            f"\npro fleet, default budget: server answered {dict(counters.statuses)}, "
            f"429s at +{[round(t - refused[0], 3) for t in refused]} s"
        )
    assert [r["errors"] for r in results] == [[]] * FLEET
    assert statuses[200] == FLEET * READS
    assert statuses[418] == counters.statuses[418] == 0
    # Beyond what the API was seen to accept in a window, the fleet sends one request at a
    # time: the real limit is met by one request, none on its way behind it; its 429 publishes
    # the lockout and the learned limit before anyone sends again.
    assert statuses[429] == counters.statuses[429] == 1
    learned = {r["learned"] for r in results}
    assert len(learned) == 1 and (learned_limit := learned.pop()) is not None
    assert learned_limit < 50
    assert all(any("keeps to" in w for w in r["warnings"]) for r in results)


def test_a_fleet_on_the_pro_plan_meets_no_429(
    threecommas_server_factory: ServerFactory, redis_server: RedisServer
) -> None:
    server = threecommas_server_factory(FaultConfig(time_factor=TIME_FACTOR), plan="pro")
    faults: Faults = server.app.state.faults
    results = _run(server, redis_server.url, "pro")
    counters = faults.counters()
    assert [r["errors"] for r in results] == [[]] * FLEET
    assert counters.statuses[429] == counters.statuses[418] == 0
    assert counters.statuses[200] == FLEET * READS


def test_the_orders_reserve_is_kept_fleet_wide(redis_server: RedisServer) -> None:
    from threecommas import RateLimit
    from threecommas._redis import RedisBudget

    limit = RateLimit(
        10,
        60,
        storage=redis_server.url,
        key_prefix=f"r-{uuid.uuid4().hex[:8]}",
        reserve_for_orders=2,
    )
    one, two = RedisBudget(limit, "key"), RedisBudget(limit, "key")
    assert [b.limiter.acquire() for b in (one, two) * 4] == [0.0] * 8
    assert one.limiter.acquire() > 0 and two.limiter.acquire() > 0  # reads: the reserve is left
    assert [one.limiter.acquire(order=True), two.limiter.acquire(order=True)] == [0.0, 0.0]
    assert one.limiter.acquire(order=True) > 0


def _connections(server: RedisServer) -> int:
    import redis

    with redis.Redis.from_url(server.url) as probe:
        return len(probe.client_list()) - 1  # less the probe's own


def _used_client(storage: Any) -> Any:
    import httpx

    from threecommas import RateLimit, ThreeCommas

    http = httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(200, json={})))
    limit = RateLimit(storage=storage, key_prefix=f"c-{uuid.uuid4().hex[:8]}")
    client = ThreeCommas("key", "secret", http_client=http, rate_limit=limit)
    client.with_raw_response.smart_trades.get(7)
    return client


@pytest.fixture
def own_redis() -> Iterator[RedisServer]:
    """A server of the test's own: no other test's connections come and go on it."""
    reason = require_redis_server()
    if reason is not None:
        pytest.skip(reason)
    with RedisServer() as server:
        yield server


def test_close_closes_the_pool_it_made_and_leaves_a_handed_one_open(
    own_redis: RedisServer,
) -> None:
    import redis

    redis_server = own_redis
    before = _connections(redis_server)
    client = _used_client(redis_server.url)
    copy = client.with_options(max_retries=0)
    assert _connections(redis_server) > before
    copy.close()  # a copy shares the pool: closing it leaves it open
    assert _connections(redis_server) > before
    client.close()
    assert _connections(redis_server) == before

    mine = redis.Redis.from_url(redis_server.url)
    client = _used_client(mine)
    opened = _connections(redis_server)
    client.close()
    assert _connections(redis_server) == opened and mine.ping()
    mine.close()


def test_the_cli_shows_the_fleets_budget_in_the_storage(
    redis_server: RedisServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import httpx

    from threecommas import RateLimit, ThreeCommas, cli

    key = f"budget-{uuid.uuid4().hex[:8]}"
    monkeypatch.setenv("THREE_COMMAS_API_KEY", key)
    monkeypatch.setenv("THREE_COMMAS_API_SECRET", "secret")
    monkeypatch.delenv("THREE_COMMAS_PRIVATE_KEY_FILE", raising=False)
    monkeypatch.delenv("THREE_COMMAS_PLAN", raising=False)
    http = httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(200, json={})))
    with ThreeCommas(
        key, "secret", http_client=http, rate_limit=RateLimit(storage=redis_server.url)
    ) as bot:
        for _ in range(3):
            bot.with_raw_response.smart_trades.get(7)
    monkeypatch.setenv("THREE_COMMAS_RATE_LIMIT_STORAGE", redis_server.url)
    assert cli.main(["budget"]) == 0
    state = json.loads(capsys.readouterr().out)
    assert (state["used"], state["free"], state["requests"]) == (3, 97, 100)
    assert state["storage"] == redis_server.url and state["locked_out_until"] is None


def test_the_watchers_share_is_the_fleets_with_a_shared_storage(redis_server: RedisServer) -> None:
    import httpx

    from threecommas import RateLimit, ThreeCommas
    from threecommas._watch import WatchPlan

    limit = RateLimit(8, 60, storage=redis_server.url, key_prefix=f"w-{uuid.uuid4().hex[:8]}")
    plans = []
    for _ in range(2):  # two processes' clients, each watching with a quarter of the budget
        http = httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(200)))
        client = ThreeCommas("key", "secret", http_client=http, rate_limit=limit)
        plan = WatchPlan.checked(limit, None, "poll", 0.25, True, None, None, None)
        plan.share_fleet_wide(client._policy.limiter, client._api_key)
        plans.append(plan)
    one, two = (p.limiter for p in plans)
    assert [one.acquire(), two.acquire()] == [0.0, 0.0]  # a quarter of 8 for the fleet: 2
    assert one.acquire() > 0 and two.acquire() > 0
