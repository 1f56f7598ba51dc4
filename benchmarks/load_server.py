#!/usr/bin/env python3
"""A bounded loopback load test of the recorded-responses server (not part of `make test`).

Starts `python -m threecommas.testing serve` in a subprocess, seeds it through the admin API
with SmartTrades whose take-profit steps can be closed, and sends a fixed number of signed
requests (default 20,000) from concurrent httpx async clients (default 64, one connection
each): reads of SmartTrades and of their trades, closes of distinct steps, and creates (the
spec's example create request). Then it
checks, against the server's own counters, that no answer was a 5xx and that every state
change the clients were told about was applied exactly once (none lost, none doubled), and
prints requests per second and latency percentiles. Exit status 1 if a check fails.

    .venv/bin/python benchmarks/load_server.py                    # 20,000 requests
    .venv/bin/python benchmarks/load_server.py --requests 2000    # a quick run

Everything stays on 127.0.0.1, and the run ends by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from threecommas._signing import HmacSigner, ThreeCommasAuth
from threecommas.testing import DEFAULT_API_KEY, DEFAULT_API_SECRET
from threecommas.testing._operations import request_example

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from _serve import recorded_server

STEPS_PER_SMART_TRADE = 5
#: The issue's target: signed requests a second from 64 clients, with no error.
TARGET_RATE = 2_500
#: The share of each kind of request; closes each take a step no other close takes.
MIX = {"get": 0.55, "list_trades": 0.15, "close": 0.20, "create": 0.10}
CREATE_BODY: dict[str, Any] = request_example("create_smart_trade")


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    by_kind: dict[str, list[float]] = field(default_factory=dict)
    #: Without each client's first request, which also opens its connection.
    warm: list[float] = field(default_factory=list)
    statuses: Counter[tuple[str, int]] = field(default_factory=Counter)
    transport_errors: Counter[str] = field(default_factory=Counter)
    closed: list[tuple[int, int]] = field(default_factory=list)
    created: int = 0


def plan(total: int, seed: int) -> list[str]:
    """The kind of each request, shuffled, in the shares of MIX."""
    kinds: list[str] = []
    for kind, share in MIX.items():
        kinds += [kind] * round(total * share)
    kinds = (kinds + ["get"] * total)[:total]
    random.Random(seed).shuffle(kinds)
    return kinds


async def run_load(
    url: str, kinds: list[str], steps: Iterator[tuple[int, int]], ids: list[int], clients: int
) -> tuple[Tally, float]:
    tally = Tally()
    auth = ThreeCommasAuth(DEFAULT_API_KEY, HmacSigner(DEFAULT_API_SECRET))
    work = iter(kinds)
    chooser = random.Random(1)

    async def client(http: httpx.AsyncClient) -> None:
        first = True
        for kind in work:
            target: tuple[int, int] | None = None
            if kind == "close":
                target = next(steps)
                request = http.build_request(
                    "POST", f"/v2/smart_trades/{target[0]}/trades/{target[1]}/close_by_market"
                )
            elif kind == "create":
                request = http.build_request("POST", "/v2/smart_trades", json=CREATE_BODY)
            elif kind == "list_trades":
                request = http.build_request(
                    "GET", f"/v2/smart_trades/{chooser.choice(ids)}/trades"
                )
            else:
                request = http.build_request("GET", f"/v2/smart_trades/{chooser.choice(ids)}")
            started = time.perf_counter()
            try:
                response = await http.send(request)
                await response.aread()
            except httpx.HTTPError as exc:
                tally.transport_errors[type(exc).__name__] += 1
                continue
            latency = time.perf_counter() - started
            tally.latencies.append(latency)
            tally.by_kind.setdefault(kind, []).append(latency)
            if not first:
                tally.warm.append(latency)
            first = False
            tally.statuses[(kind, response.status_code)] += 1
            if response.status_code == 201 and target is not None:
                tally.closed.append(target)
            elif response.status_code == 201 and kind == "create":
                tally.created += 1

    # Built before the clock starts: making an httpx client takes tens of milliseconds (its
    # TLS context), which would otherwise count as the first requests' latency.
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    https = [
        httpx.AsyncClient(base_url=url, auth=auth, timeout=30, limits=limits)
        for _ in range(clients)
    ]
    try:
        started = time.perf_counter()
        await asyncio.gather(*(client(http) for http in https))
        return tally, time.perf_counter() - started
    finally:
        await asyncio.gather(*(http.aclose() for http in https))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def check(tally: Tally, counters: dict[str, Any], total: int) -> list[str]:
    """Everything that went wrong; empty when the run is clean."""
    problems: list[str] = []
    if tally.transport_errors:
        problems.append(f"transport errors: {dict(tally.transport_errors)}")
    client_5xx = {k: v for k, v in tally.statuses.items() if k[1] >= 500}
    server_5xx = {k: v for k, v in counters["statuses"].items() if int(k) >= 500}
    if client_5xx or server_5xx:
        problems.append(f"5xx answers: clients saw {client_5xx}, server sent {server_5xx}")
    if counters["requests"] != total:
        problems.append(f"the server counted {counters['requests']} requests, not {total}")
    applied = counters["applied"]
    received = counters["received"]
    told = {f"close_trade_by_market/{st}/{step}" for st, step in tally.closed}
    lost = [key for key in told if applied.get(key, 0) == 0]
    # create_smart_trade has no id in its path: its key counts every create.
    doubled = {k: v for k, v in applied.items() if v > 1 and k != "create_smart_trade"}
    resent = {k: v for k, v in received.items() if k.startswith("close_") and v > 1}
    unknown = [k for k in applied if k.startswith("close_") and k not in told]
    if lost:
        problems.append(f"{len(lost)} closes answered 201 but not applied, e.g. {lost[0]}")
    if doubled or resent:
        problems.append(f"applied or received twice: {doubled or resent}")
    if unknown:
        problems.append(f"{len(unknown)} closes applied that no client was told about")
    creates = applied.get("create_smart_trade", 0)
    if creates != tally.created:
        problems.append(f"{creates} creates applied, clients were told of {tally.created}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=20_000, help="how many (default 20000)")
    parser.add_argument("--clients", type=int, default=64, help="concurrent clients (default 64)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the request mix")
    args = parser.parse_args()
    if args.requests < 1 or args.clients < 1:
        parser.error("--requests and --clients must be positive")

    kinds = plan(args.requests, args.seed)
    closes_needed = kinds.count("close")
    with recorded_server("--no-access-log", stderr=subprocess.DEVNULL) as url:
        admin = httpx.Client(base_url=url.removesuffix("/public/api") + "/__admin__", timeout=60)
        count = max(1, -(-closes_needed // STEPS_PER_SMART_TRADE))
        seeded = admin.post(
            "/smart_trades/closable", json={"count": count, "steps": STEPS_PER_SMART_TRADE}
        )
        seeded.raise_for_status()
        smart_trades = seeded.json()["smart_trades"]
        steps = iter([(st["id"], step) for st in smart_trades for step in st["trade_ids"]])
        ids = [st["id"] for st in smart_trades]

        tally, elapsed = asyncio.run(run_load(url, kinds, steps, ids, args.clients))
        counters = admin.get("/counters").json()

    latencies = tally.latencies
    print(
        f"{args.requests} signed requests from {args.clients} clients over loopback "
        f"in {elapsed:.2f} s: {args.requests / elapsed:.0f} requests/s"
    )
    if latencies:
        print(
            f"latency: p50 {percentile(latencies, 0.50) * 1000:.1f} ms, "
            f"p99 {percentile(latencies, 0.99) * 1000:.1f} ms, "
            f"max {max(latencies) * 1000:.1f} ms, mean {statistics.mean(latencies) * 1000:.1f} ms"
        )
    if tally.warm:
        print(
            f"  on open connections: p50 {percentile(tally.warm, 0.50) * 1000:.1f} ms, "
            f"p99 {percentile(tally.warm, 0.99) * 1000:.1f} ms"
        )
    for kind, values in sorted(tally.by_kind.items()):
        print(
            f"  {kind}: p50 {percentile(values, 0.50) * 1000:.1f} ms, "
            f"p99 {percentile(values, 0.99) * 1000:.1f} ms"
        )
    by_kind = Counter[str]()
    for (kind, status), n in tally.statuses.items():
        by_kind[f"{kind} {status}"] += n
    print("answers:", json.dumps(dict(sorted(by_kind.items()))))
    print(
        f"state changes: {len(tally.closed)} closes and {tally.created} creates answered 201; "
        f"server applied {sum(counters['applied'].values())}"
    )
    problems = check(tally, counters, args.requests)
    for problem in problems:
        print("FAIL:", problem)
    if not problems:
        print("OK: no 5xx; every state change applied exactly once")
    rate = args.requests / elapsed
    errors = sum(n for (_, status), n in tally.statuses.items() if status >= 500)
    errors += sum(tally.transport_errors.values())
    met = rate >= TARGET_RATE and errors == 0 and not problems
    print(
        f"{'fake server, ' + str(args.clients) + ' clients in another process, loopback':58s} "
        f"{rate:10.0f} req/s   target >= {TARGET_RATE:,} req/s, no error   "
        f"target {'met' if met else 'MISSED'} ({errors} errors)"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
