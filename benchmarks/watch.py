#!/usr/bin/env python3
"""`make bench`: watching 1,000 active SmartTrades on the fake server.

Polling (the default source of `client.smart_trades.watch()`), with its targets:

- the requests the watch sent per budget period, against the share of the budget it may use
  (`budget_share` x `rate_limit.requests`), also given as requests per minute at the
  documented 100 a minute;
- the delay from a status change made on the server to the event that reports it: for
  polling, against the sweep interval (the target is "within one sweep");
- the SDK's CPU time per sweep (the watching thread's own CPU: HTTP, parsing, diffing),
  beside the CPU of fetching and `json.loads`-ing the same pages with bare httpx.

To keep the run short, the budget is scaled: the server and the client count 100 requests per
`PERIOD` seconds instead of 60 (the fake server's `time_factor`), so the sweeps come
60 / PERIOD times faster than live. Every figure is given relative to that period; the
requests per minute are converted back to the live budget.

The stream (`source="websocket"`, over a real WebSocket on loopback): the delay from each of
200 status changes to its event (target: p99 <= 100 ms), at the live budget. Its REST sweeps
come every 24 s there, so the changes, made after the first sweep, meet none: a change that
comes during a sweep (about 3 % of the time live) waits for the sweep's end, and that wait is
printed beside the delay.
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
import threading
import time
from dataclasses import dataclass, field

import httpx

from threecommas import RateLimit, ThreeCommas
from threecommas.testing.faults import FaultConfig, Faults, RateLimitConfig
from threecommas.testing.server import run_in_thread
from threecommas.testing.simulation import seed_closable_smart_trades

SMART_TRADES = 1000
SHARE = 0.25
LIVE_PERIOD = 60.0
PERIOD = 6.0  # the scaled budget period: 100 requests per 6 s
LIST_PATH = "/public/api/v2/smart_trades"


@dataclass
class Run:
    """What one watch saw and spent."""

    requests: list[float] = field(default_factory=list)  # when each watch request was sent
    sweep_starts: list[float] = field(default_factory=list)  # when each sweep's page 1 was sent
    other_requests: int = 0
    changed_at: dict[int, float] = field(default_factory=dict)  # id -> when its status changed
    seen_at: dict[int, float] = field(default_factory=dict)  # id -> when its event came
    sweeps: int = 0
    cpu: float = 0.0  # the watching thread's CPU time
    events: int = 0


def _status_change(store: object, smart_trade_id: int) -> None:
    # Closing by market moves the SmartTrade from waiting_targets to panic_sell_pending.
    store.perform("close_smart_trade_by_market", {"id": smart_trade_id})  # type: ignore[attr-defined]


def watch_polling(seconds: float, changes: int, seed: int) -> tuple[Run, float]:
    """Watch 1,000 active SmartTrades for `seconds`, changing the status of `changes` of them
    at random moments. Returns what was seen and the sweep interval the plan promised."""
    limit = RateLimitConfig()
    factor = PERIOD / limit.period
    app_run = Run()
    with run_in_thread() as server:
        faults: Faults = server.app.state.faults
        created = seed_closable_smart_trades(server.store, SMART_TRADES, 1)
        faults.configure(FaultConfig(rate_limit=limit, time_factor=factor))

        def hook(request: httpx.Request) -> None:
            if request.url.path.startswith(LIST_PATH) and request.method == "GET":
                now = time.monotonic()
                app_run.requests.append(now)
                if request.url.params.get("page") == "1":
                    app_run.sweep_starts.append(now)
            else:
                app_run.other_requests += 1

        http = httpx.Client(event_hooks={"request": [hook]})
        stop = threading.Event()
        watching = threading.Event()
        with ThreeCommas(
            server.api_key,
            server.api_secret,
            base_url=server.base_url,
            rate_limit=RateLimit(limit.requests, PERIOD),
            http_client=http,
        ) as client:

            def watch() -> None:
                started = time.thread_time()
                for event in client.smart_trades.watch(
                    budget_share=SHARE, initial=True, stop=stop.is_set
                ):
                    app_run.events += 1
                    if not watching.is_set() and app_run.events >= SMART_TRADES:
                        watching.set()  # the first sweep reported every SmartTrade
                    if "status" in event.changes and event.previous is not None:
                        app_run.seen_at.setdefault(event.smart_trade.id, time.monotonic())
                app_run.cpu = time.thread_time() - started

            thread = threading.Thread(target=watch, name="watch")
            thread.start()
            if not watching.wait(60):
                raise RuntimeError("the first sweep did not report the 1,000 SmartTrades")
            first = app_run.requests[0]
            rng = random.Random(seed)
            chosen = rng.sample(created, changes)
            moments = sorted(rng.uniform(0.5, seconds - 2 * PERIOD) for _ in chosen)
            begin = time.monotonic()
            for (smart_trade_id, _), moment in zip(chosen, moments, strict=True):
                time.sleep(max(0.0, begin + moment - time.monotonic()))
                app_run.changed_at[smart_trade_id] = time.monotonic()
                _status_change(server.store, smart_trade_id)
            time.sleep(max(0.0, begin + seconds - time.monotonic()))
            stop.set()
            thread.join(30)
            elapsed = time.monotonic() - first
        http.close()
        counters = faults.counters()
        if counters.statuses[429] or counters.statuses[418]:
            raise RuntimeError(f"the watch met a 429 or a 418: {dict(counters.statuses)}")
    pages = math.ceil(SMART_TRADES / 100)
    interval = pages * PERIOD / (SHARE * limit.requests)
    app_run.sweeps = max(1, round(len(app_run.requests) / pages))
    app_run.requests = [t for t in app_run.requests if t - first <= elapsed]
    return app_run, interval


def floor_cpu_per_sweep(rounds: int) -> float:
    """CPU of fetching the ten pages of a sweep with bare httpx and `json.loads`."""
    import hashlib
    import hmac
    import json

    with run_in_thread() as server:
        seed_closable_smart_trades(server.store, SMART_TRADES, 1)
        secret = (server.api_secret or "").encode()
        with httpx.Client(base_url=server.base_url) as http:
            best = math.inf
            for _ in range(rounds):
                started = time.thread_time()
                for page in range(1, 11):
                    query = f"status=active&page={page}&per_page=100"
                    path = f"/public/api/v2/smart_trades?{query}"
                    signature = hmac.new(secret, path.encode(), hashlib.sha256).hexdigest()
                    answer = http.get(
                        f"/v2/smart_trades?{query}",
                        headers={"Apikey": server.api_key, "Signature": signature},
                    )
                    answer.raise_for_status()
                    json.loads(answer.content)
                best = min(best, time.thread_time() - started)
    return best


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(fraction * len(ordered)) - 1)]


def report_polling(run: Run, interval: float, floor_cpu: float) -> None:
    allowed = math.floor(SHARE * RateLimitConfig().requests)
    start, end = run.requests[0], run.requests[-1]
    busiest = max(sum(1 for t in run.requests if s <= t < s + PERIOD) for s in run.requests)
    per_period = (len(run.requests) - 1) * PERIOD / (end - start)  # the rate between them
    per_minute = per_period  # one scaled period stands for one live minute
    ok = busiest <= allowed
    print(
        f"watch 1,000 SmartTrades, polling: {len(run.requests)} requests in "
        f"{end - start:.1f} s = {per_period:.1f} per {PERIOD:g} s period "
        f"(busiest {PERIOD:g} s window {busiest}); "
        f"at the live budget {per_minute:.1f} requests/min, "
        f"allowed {allowed} ({SHARE:.0%} of 100)  target <= share: {'met' if ok else 'MISSED'}"
    )
    delays = [run.seen_at[i] - run.changed_at[i] for i in run.changed_at if i in run.seen_at]
    missing = len(run.changed_at) - len(delays)
    # "Within one sweep": each change is reported by the first sweep that starts after it, so
    # by the end of that sweep. Sweeps in which the status changes (none here) would add a `get`.
    late = 0
    for smart_trade_id, changed in run.changed_at.items():
        seen = run.seen_at.get(smart_trade_id)
        starts = [t for t in run.sweep_starts if t > changed]
        if seen is None or (len(starts) > 1 and seen > starts[1]):
            late += 1
    p50, p99, worst = (
        statistics.median(delays),
        percentile(delays, 0.99),
        max(delays),
    )
    print(
        f"  status change -> event: p50 {p50:.2f} s, p99 {p99:.2f} s, max {worst:.2f} s over "
        f"{len(delays)} changes ({missing} not seen, {late} after the next sweep); sweep "
        f"interval {interval:.2f} s (live: {interval * LIVE_PERIOD / PERIOD:.0f} s)  target "
        f"reported by the next sweep: {'met' if not late else 'MISSED'}"
    )
    cpu = run.cpu / run.sweeps
    print(
        f"  SDK CPU per sweep of 10 pages: {cpu * 1e3:.1f} ms over {run.sweeps} sweeps; "
        f"baseline bare httpx + json.loads of the same pages {floor_cpu * 1e3:.1f} ms "
        f"({cpu / floor_cpu:.2f}x); {cpu / interval:.1%} of one core at the sweep interval"
    )


def watch_stream(changes: int, spacing: float, seed: int) -> tuple[list[float], float, int]:
    """The delay of each of `changes` status changes, made `spacing` s apart, to its event;
    the first sweep's duration; the watch's requests."""
    created_at: dict[int, float] = {}
    seen_at: dict[int, float] = {}
    requests: list[float] = []
    with run_in_thread() as server:
        created = seed_closable_smart_trades(server.store, SMART_TRADES, 1)

        def hook(request: httpx.Request) -> None:
            requests.append(time.monotonic())

        http = httpx.Client(event_hooks={"request": [hook]})
        stop = threading.Event()
        watching = threading.Event()
        with ThreeCommas(
            server.api_key, server.api_secret, base_url=server.base_url, http_client=http
        ) as client:
            count = 0

            def watch() -> None:
                nonlocal count
                for event in client.smart_trades.watch(
                    source="websocket", budget_share=SHARE, stop=stop.is_set
                ):
                    count += 1
                    if count == SMART_TRADES:
                        watching.set()
                    if "status" in event.changes and event.previous is not None:
                        seen_at.setdefault(event.smart_trade.id, time.monotonic())

            thread = threading.Thread(target=watch, name="watch-stream")
            thread.start()
            if not watching.wait(60):
                raise RuntimeError("the first sweep did not report the 1,000 SmartTrades")
            first_sweep = requests[-1] - requests[0]
            time.sleep(0.5)
            rng = random.Random(seed)
            for smart_trade_id, _ in rng.sample(created, changes):
                created_at[smart_trade_id] = time.monotonic()
                _status_change(server.store, smart_trade_id)
                time.sleep(spacing)
            deadline = time.monotonic() + 5
            while len(seen_at) < changes and time.monotonic() < deadline:
                time.sleep(0.01)
            stop.set()
            thread.join(30)
        http.close()
    delays = [seen_at[i] - created_at[i] for i in created_at if i in seen_at]
    if len(delays) < changes:
        raise RuntimeError(f"the stream reported {len(delays)} of {changes} changes")
    return delays, first_sweep, len(requests)


def report_stream(delays: list[float], first_sweep: float, requests: int) -> None:
    p99 = percentile(delays, 0.99)
    print(
        f"watch 1,000 SmartTrades, stream (websocket, loopback): status change -> event over "
        f"{len(delays)} changes: p50 {statistics.median(delays) * 1e3:.1f} ms, "
        f"p99 {p99 * 1e3:.1f} ms, max {max(delays) * 1e3:.1f} ms  target p99 <= 100 ms: "
        f"{'met' if p99 <= 0.1 else 'MISSED'}"
    )
    print(
        f"  REST: {requests} requests (the re-sync after subscribing); a sweep of 10 pages "
        f"took {first_sweep * 1e3:.0f} ms, the longest a change met during one would wait"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a shorter watch")
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    seconds = 24.0 if args.quick else 42.0
    run, interval = watch_polling(seconds, 10 if args.quick else 24, args.seed)
    report_polling(run, interval, floor_cpu_per_sweep(3))
    report_stream(*watch_stream(100 if args.quick else 200, 0.03, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
