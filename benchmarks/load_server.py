#!/usr/bin/env python3
"""A bounded loopback load test of the recorded-responses server (not part of `make test`).

Starts `python -m threecommas.testing serve` in a subprocess, seeds it through the admin API
with SmartTrades whose take-profit steps can be closed, and sends a fixed number of signed
requests (default 20,000) over concurrent keep-alive connections (default 64): reads of
SmartTrades and of their trades, closes of distinct steps, and creates (the spec's example create
request). Every request is signed as the SDK signs it (`threecommas._signing`), and every answer
is read and checked (status, and a JSON body about the SmartTrade asked for). Then it checks,
against the server's own counters, that no answer was a 5xx and that every state change the
clients were told about was applied exactly once (none lost, none doubled), and prints requests
per second and latency percentiles. Exit status 1 if a check fails.

The load generator is lean so that the figure is the server's: plain HTTP/1.1 over asyncio
streams (uvloop when installed), no HTTP client library. Beside the figure it prints a baseline
measured in the same run: the same load against a hello-world ASGI app served by the same
uvicorn stack (its answers only checked for status and JSON), which bounds what the machine can
do at all.

    .venv/bin/python benchmarks/load_server.py                    # 20,000 requests
    .venv/bin/python benchmarks/load_server.py --requests 2000    # a quick run

Everything stays on 127.0.0.1, and the run ends by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import random
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Coroutine, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, TypeVar, cast
from urllib.parse import urlsplit

import httpx

from threecommas._signing import HmacSigner, signature_payload
from threecommas.testing import DEFAULT_API_KEY, DEFAULT_API_SECRET
from threecommas.testing._operations import request_example

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from _serve import announced_url, recorded_server

_T = TypeVar("_T")

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
    #: Answers that were not the one expected (status, or a body not about what was asked).
    bad_answers: Counter[str] = field(default_factory=Counter)
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


_SIGNER = HmacSigner(DEFAULT_API_SECRET)
_CREATE_BYTES = json.dumps(CREATE_BODY).encode()
_EXPECTED = {"get": 200, "list_trades": 200, "close": 201, "create": 201}


class _Connection(asyncio.Protocol):
    """One keep-alive HTTP/1.1 connection that sends signed requests and reads each answer
    (an asyncio protocol: the least a client can do per request, so that the figure is the
    server's)."""

    def __init__(self, host: str) -> None:
        self.fixed = f"Host: {host}\r\nApikey: {DEFAULT_API_KEY}\r\n".encode()
        self.transport: asyncio.Transport | None = None
        self.buffer = bytearray()
        self.waiter: asyncio.Future[tuple[int, bytes]] | None = None

    @classmethod
    async def open(cls, host: str, port: int) -> _Connection:
        loop = asyncio.get_running_loop()
        _, connection = await loop.create_connection(lambda: cls(f"{host}:{port}"), host, port)
        return connection

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.Transport, transport)  # uvloop's is not a subclass

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        end = self.buffer.find(b"\r\n\r\n")
        if end < 0 or self.waiter is None or self.waiter.done():
            return
        header = bytes(self.buffer[: end + 2]).lower()
        start = header.find(b"\r\ncontent-length:")
        length = 0 if start < 0 else int(header[start + 17 : header.index(b"\r\n", start + 17)])
        if len(self.buffer) < end + 4 + length:
            return  # the rest of the body is still on its way
        status = int(self.buffer[9:12])
        body = bytes(self.buffer[end + 4 : end + 4 + length])
        del self.buffer[: end + 4 + length]
        self.waiter.set_result((status, body))

    def connection_lost(self, exc: Exception | None) -> None:
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_exception(ConnectionError("the server closed the connection"))

    async def send(self, method: str, target: str, body: bytes = b"") -> tuple[int, bytes]:
        """Send one signed request; its status and body."""
        raw_target = target.encode()
        signature = _SIGNER.sign(signature_payload(raw_target, body))
        head = b"%s %s HTTP/1.1\r\n%sSignature: %s\r\n" % (
            method.encode(),
            raw_target,
            self.fixed,
            signature.encode(),
        )
        if body:
            head += b"Content-Type: application/json\r\nContent-Length: %d\r\n" % len(body)
        assert self.transport is not None
        self.waiter = asyncio.get_running_loop().create_future()
        self.transport.write(head + b"\r\n" + body)
        return await self.waiter

    async def close(self) -> None:
        if self.transport is not None:
            self.transport.close()


def _answer_problem(kind: str, status: int, body: bytes, target: tuple[int, int] | int) -> str:
    """What is wrong with an answer ("" when it is the one expected)."""
    if status != _EXPECTED[kind]:
        return f"status {status}"
    try:
        answer = json.loads(body)
    except ValueError:
        return "not JSON"
    if kind == "list_trades":
        return "" if isinstance(answer, list) and answer else "not a list of trades"
    if not isinstance(answer, dict) or not isinstance(answer.get("id"), int):
        return "not a SmartTrade"
    if kind == "get" and answer["id"] != target:
        return "another SmartTrade"
    if kind == "close" and isinstance(target, tuple) and answer["id"] != target[0]:
        return "another SmartTrade"
    return ""


async def run_load(
    url: str,
    kinds: list[str],
    steps: Iterator[tuple[int, int]],
    ids: list[int],
    clients: int,
    *,
    check_answers: bool = True,
) -> tuple[Tally, float]:
    parts = urlsplit(url)
    host, port, prefix = parts.hostname or "127.0.0.1", parts.port or 80, parts.path
    tally = Tally()
    work = iter(kinds)
    chooser = random.Random(1)

    async def client(connection: _Connection) -> None:
        first = True
        for kind in work:
            target: tuple[int, int] | int = 0
            body = b""
            if kind == "close":
                target = next(steps)
                method = "POST"
                path = f"/v2/smart_trades/{target[0]}/trades/{target[1]}/close_by_market"
            elif kind == "create":
                method, path, body = "POST", "/v2/smart_trades", _CREATE_BYTES
            elif kind == "list_trades":
                target = chooser.choice(ids)
                method, path = "GET", f"/v2/smart_trades/{target}/trades"
            else:
                target = chooser.choice(ids)
                method, path = "GET", f"/v2/smart_trades/{target}"
            started = time.perf_counter()
            try:
                status, answer = await connection.send(method, prefix + path, body)
            except (OSError, ValueError) as exc:
                tally.transport_errors[type(exc).__name__] += 1
                return  # the connection is unusable
            latency = time.perf_counter() - started
            tally.latencies.append(latency)
            tally.by_kind.setdefault(kind, []).append(latency)
            if not first:
                tally.warm.append(latency)
            first = False
            tally.statuses[(kind, status)] += 1
            if check_answers:
                problem = _answer_problem(kind, status, answer, target)
                if problem:
                    tally.bad_answers[f"{kind}: {problem}"] += 1
            elif status != 200:
                tally.bad_answers[f"status {status}"] += 1
            if status == 201 and isinstance(target, tuple):
                tally.closed.append(target)
            elif status == 201 and kind == "create":
                tally.created += 1

    # Connected before the clock starts, as a client pool that is already warm would be.
    connections = await asyncio.gather(*(_Connection.open(host, port) for _ in range(clients)))
    try:
        started = time.perf_counter()
        await asyncio.gather(*(client(connection) for connection in connections))
        return tally, time.perf_counter() - started
    finally:
        await asyncio.gather(*(connection.close() for connection in connections))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def check(tally: Tally, counters: dict[str, Any], total: int) -> list[str]:
    """Everything that went wrong; empty when the run is clean."""
    problems: list[str] = []
    if tally.transport_errors:
        problems.append(f"transport errors: {dict(tally.transport_errors)}")
    if tally.bad_answers:
        problems.append(f"unexpected answers: {dict(tally.bad_answers)}")
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


def _run(coroutine: Coroutine[Any, Any, _T]) -> _T:
    """Run on uvloop when it is installed (as the server does), else on asyncio's loop."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(coroutine)
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        return runner.run(coroutine)


_HELLO: Final = b'{"hello":"world"}'


async def hello_world(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """The baseline's ASGI app: reads the request, answers a small JSON body."""
    if scope["type"] != "http":
        return
    more = True
    while more:
        message = await receive()
        more = message.get("more_body", False)
    headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(_HELLO))]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": _HELLO})


@contextlib.contextmanager
def hello_server() -> Iterator[str]:
    """The hello-world app under the recorded-responses server's uvicorn stack, in a subprocess
    (``serve_until_stopped``, as ``python -m threecommas.testing serve``); its base URL."""
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import load_server; "
        "from threecommas.testing.server import bind_socket, serve_until_stopped; "
        "serve_until_stopped(load_server.hello_world, bind_socket('127.0.0.1', 0), "
        "access_log=False)"
    )
    command = [sys.executable, "-c", code, str(Path(__file__).resolve().parent)]
    with announced_url(command, what="hello-world server", stderr=subprocess.DEVNULL) as url:
        yield url


def baseline(kinds: list[str], clients: int) -> float:
    """Requests a second of the same load (same paths, same signing) against hello_world."""
    steps = iter([(i, i) for i in range(1, len(kinds) + 1)])
    with hello_server() as url:
        tally, elapsed = _run(
            run_load(url, kinds, steps, list(range(1, 100)), clients, check_answers=False)
        )
    if tally.transport_errors or tally.bad_answers:
        raise SystemExit(f"the baseline run failed: {tally.transport_errors or tally.bad_answers}")
    return len(kinds) / elapsed


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

        tally, elapsed = _run(run_load(url, kinds, steps, ids, args.clients))
        counters = admin.get("/counters").json()
    hello_rate = baseline(kinds, args.clients)

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
        f"{rate:10.0f} req/s   hello-world ASGI app, same uvicorn stack and load: "
        f"{hello_rate:.0f} req/s ({rate / hello_rate:.0%} of it)   target >= {TARGET_RATE:,} "
        f"req/s, no error: {'met' if met else 'MISSED'} ({errors} errors)"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
