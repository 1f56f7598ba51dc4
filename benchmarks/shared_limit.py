#!/usr/bin/env python3
"""`make bench`: what the rate limiter costs per request, in the process and shared on Redis.

Per request the client reads the lockout, takes a slot and, once answered, gives it back. Both
are measured: alone (the limiter's own cost; the sync budget, and the async one awaited on
redis.asyncio), and inside a whole signed close_trade_by_market through an in-memory transport
(what a user pays per call), sync and async, each beside the same call without a rate limit
measured in the same run (the baseline). The Redis is a real redis-server
started here on a free loopback port, persistence off; the budget is 100 requests, over a
period short enough (0.1 ms) that nothing waits. Timings are the best round's mean (the least
noisy estimate on a shared machine).
"""

from __future__ import annotations

import asyncio
import inspect
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.redis_server import REDIS_SERVER, RedisServer  # noqa: E402

from threecommas import AsyncThreeCommas, RateLimit, ThreeCommas  # noqa: E402
from threecommas._base_client import budget_for  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import _answer, best_of  # noqa: E402

# 100 requests, as the API allows, but per 0.1 ms: the window is never full, nothing waits.
REQUESTS, PERIOD = 100, 1e-4


def limiter_cycle(limit: RateLimit) -> Callable[[], None]:
    limiter, lockout = budget_for(limit, "bench-key")
    assert limiter is not None

    def cycle() -> None:
        lockout.remaining()
        if limiter.acquire() != 0:
            raise AssertionError("the benchmark's budget ran out")
        limiter.release(True)

    return cycle


async def _settle(value: Any) -> Any:
    return await value if inspect.isawaitable(value) else value


def async_limiter_seconds(limit: RateLimit, number: int, rounds: int) -> float:
    """The async client's budget (awaited: redis.asyncio for a storage), per cycle."""

    async def run() -> float:
        limiter, lockout = budget_for(limit, "bench-key", asynchronous=True)
        assert limiter is not None
        times = []
        for _ in range(rounds):
            start = time.perf_counter()
            for _ in range(number):
                await _settle(lockout.remaining())
                if await _settle(limiter.acquire()) != 0:
                    raise AssertionError("the benchmark's budget ran out")
                await _settle(limiter.release(True))
            times.append((time.perf_counter() - start) / number)
        close = getattr(limiter, "close", None)
        if close is not None:
            await close()
        return min(times)

    return asyncio.run(run())


def client_call(limit: RateLimit | None) -> Callable[[], None]:
    http = httpx.Client(transport=httpx.MockTransport(_answer))
    client = ThreeCommas("bench-key", "bench-secret", http_client=http, rate_limit=limit)

    def call() -> None:
        client.smart_trades.close_trade_by_market(12345678, 1047934729)

    return call


def async_client_seconds(limit: RateLimit | None, number: int, rounds: int) -> float:
    async def run() -> float:
        http = httpx.AsyncClient(transport=httpx.MockTransport(_answer))
        client = AsyncThreeCommas("bench-key", "bench-secret", http_client=http, rate_limit=limit)
        times = []
        for _ in range(rounds):
            start = time.perf_counter()
            for _ in range(number):
                await client.smart_trades.close_trade_by_market(12345678, 1047934729)
            times.append((time.perf_counter() - start) / number)
        await http.aclose()
        return min(times)

    return asyncio.run(run())


def main() -> int:
    print("rate limiter, per request (lockout read + slot taken + slot given back):")
    if REDIS_SERVER is None:
        print("  redis-server is not installed: only the in-process limiter is measured")
    local = RateLimit(REQUESTS, PERIOD)
    rows: list[tuple[str, RateLimit]] = [("in-process", local)]
    server = RedisServer() if REDIS_SERVER is not None else None
    try:
        if server is not None:
            server.start()
            rows.append(("Redis (loopback)", RateLimit(REQUESTS, PERIOD, storage=server.url)))
        # The baseline: the same calls without a rate limit, in this run.
        base_call = best_of(client_call(None), number=500, rounds=5)
        base_acall = async_client_seconds(None, 500, 5)
        results: dict[str, tuple[float, float, float, float]] = {}
        for index, (name, limit) in enumerate(rows):
            prefixed = RateLimit(
                limit.requests, limit.period, storage=limit.storage, key_prefix=f"bench{index}"
            )
            alone = best_of(limiter_cycle(prefixed), number=2000, rounds=5)
            aalone = async_limiter_seconds(prefixed, 2000, 5)
            call = best_of(client_call(prefixed), number=500, rounds=5)
            acall = async_client_seconds(prefixed, 500, 5)
            results[name] = (alone, aalone, call, acall)
        print(
            f"  {'':18} {'limiter sync':>13} {'limiter async':>14} {'sync call':>12} "
            f"{'async call':>12}"
        )
        print(
            f"  {'none (baseline)':18} {'':13} {'':14} {base_call * 1e6:9.1f} us "
            f"{base_acall * 1e6:9.1f} us"
        )
        for name, (alone, aalone, call, acall) in results.items():
            print(
                f"  {name:18} {alone * 1e6:10.1f} us {aalone * 1e6:11.1f} us "
                f"{call * 1e6:9.1f} us {acall * 1e6:9.1f} us"
            )
        for name, (_, _, call, acall) in results.items():
            print(
                f"  {name}: the limiter costs {(call - base_call) * 1e6:.0f} us per sync call "
                f"(x{call / base_call:.2f} the baseline), {(acall - base_acall) * 1e6:.0f} us "
                f"per async call (x{acall / base_acall:.2f})"
            )
        if "Redis (loopback)" in results:
            print(
                "  (Redis: two round trips per request, awaited on redis.asyncio by the async "
                "client, whose event loop goes on meanwhile; a network adds its round-trip "
                "time to each)"
            )
    finally:
        if server is not None:
            server.__exit__(None, None, None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
