"""One bot of a fleet, as an OS process of its own: `python tests/fleet_worker.py CONFIG_JSON`.

It builds its own client (async with tasks, or sync with threads) on the shared rate limit,
prints `ready`, waits for a line on stdin, closes its take-profit steps, and prints one JSON
line: what it sent and when (`time.monotonic`, the same clock as the test's server on Linux),
when each rate-limit slot was asked for and given, what each close came to, and the warnings
the SDK logged.

Config keys: base_url, api_key, api_secret, storage, requests, period, on_storage_error,
retry_after_cap, kind ("async" | "sync"), tasks, closes ([[smart_trade_id, step_id], ...]),
requeue_storage_errors (a close refused with StorageError is tried again later).
"""

from __future__ import annotations

import asyncio
import inspect
import json
import logging
import sys
import threading
import time
from typing import Any

import httpx

from slot_times import SlotTimes
from threecommas import AsyncThreeCommas, RateLimit, StorageError, ThreeCommas


class Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class Worker:
    def __init__(self, config: dict[str, Any]) -> None:
        self.clock: Any = None  # the client's clock (None: the real one)
        self.config = config
        self.lock = threading.Lock()
        self.started: dict[int, float] = {}
        self.exchanges: list[list[Any]] = []  # [sent, answered or None, status or None]
        self.outcomes: list[list[Any]] = []  # [smart_trade_id, step_id, outcome, message, when]
        self.lockouts: list[float] = []  # when a lockout this client started was published
        self.grants: list[float] = []  # when a slot that was given had been asked for
        # [asked, given] of each slot: the storage decided somewhere between the two.
        self.cleared: list[list[float]] = []
        self.queue: list[tuple[int, int]] = [tuple(c) for c in config["closes"]]  # type: ignore[misc]
        self.limit = RateLimit(
            config["requests"],
            config["period"],
            storage=config["storage"],
            on_storage_error=config.get("on_storage_error", "wait"),
            key_prefix=config.get("key_prefix", "threecommas"),
        )

    # httpx event hooks: every exchange with the server, retries included.
    def on_request(self, request: httpx.Request) -> None:
        with self.lock:
            self.started[id(request)] = time.monotonic()

    def on_response(self, response: httpx.Response) -> None:
        now = time.monotonic()
        with self.lock:
            sent = self.started.pop(id(response.request), None)
            self.exchanges.append([sent, now, response.status_code])

    def next_close(self) -> tuple[int, int] | None:
        with self.lock:
            return self.queue.pop(0) if self.queue else None

    def outcome(self, close: tuple[int, int], error: BaseException | None) -> bool:
        """Record it; True when the close goes back to the queue."""
        now = time.monotonic()
        with self.lock:
            if error is None:
                self.outcomes.append([*close, "ok", "", now])
                return False
            self.outcomes.append([*close, type(error).__name__, str(error), now])
            if isinstance(error, StorageError) and self.config.get("requeue_storage_errors"):
                self.queue.append(close)
                return True
            return False

    def watch_lockouts(self, client: ThreeCommas | AsyncThreeCommas) -> None:
        """Note when this client's lockouts were published (back from the storage), and when
        it was given a slot (cleared to send)."""
        lockout = client._policy.lockout
        start = lockout.start
        limiter = client._policy.limiter
        assert limiter is not None
        acquire = limiter.acquire

        def published() -> None:
            with self.lock:
                self.lockouts.append(time.monotonic())

        def noted(asked: float, wait: float) -> float:
            if wait == 0:
                given = time.monotonic()
                with self.lock:
                    self.grants.append(asked)
                    self.cleared.append([asked, given])
            return wait

        if inspect.iscoroutinefunction(acquire):  # an async client's budget in Redis

            async def started_async(seconds: float, reason: BaseException) -> None:
                await start(seconds, reason)
                published()

            async def granted_async(order: bool = False) -> float:
                asked = time.monotonic()
                return noted(asked, await acquire(order))

            lockout.start = started_async  # type: ignore[method-assign]
            limiter.acquire = granted_async  # type: ignore[method-assign]
            return

        def started(seconds: float, reason: BaseException) -> None:
            start(seconds, reason)
            published()

        def granted(order: bool = False) -> float:
            asked = time.monotonic()
            return noted(asked, acquire(order))

        lockout.start = started  # type: ignore[method-assign]
        limiter.acquire = granted  # type: ignore[method-assign]

    def client_options(self) -> dict[str, Any]:
        return {
            "base_url": self.config["base_url"],
            "rate_limit": self.limit,
            "retry_after_cap": self.config.get("retry_after_cap", 60.0),
        }

    def sync_client(self) -> ThreeCommas:
        http = httpx.Client(
            event_hooks={"request": [self.on_request], "response": [self.on_response]}
        )
        client = ThreeCommas(
            self.config["api_key"],
            self.config["api_secret"],
            http_client=http,
            clock=self.clock,
            **self.client_options(),
        )
        self.watch_lockouts(client)
        return client

    def async_client(self) -> AsyncThreeCommas:
        async def on_request(request: httpx.Request) -> None:
            self.on_request(request)

        async def on_response(response: httpx.Response) -> None:
            self.on_response(response)

        http = httpx.AsyncClient(event_hooks={"request": [on_request], "response": [on_response]})
        client = AsyncThreeCommas(
            self.config["api_key"],
            self.config["api_secret"],
            http_client=http,
            clock=self.clock,
            **self.client_options(),
        )
        self.watch_lockouts(client)
        return client

    def run_sync(self, client: ThreeCommas) -> None:

        def loop() -> None:
            while (close := self.next_close()) is not None:
                try:
                    client.smart_trades.close_trade_by_market(*close)
                except Exception as exc:
                    if self.outcome(close, exc):
                        time.sleep(0.05)
                else:
                    self.outcome(close, None)

        threads = [threading.Thread(target=loop) for _ in range(self.config["tasks"])]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    async def run_async(self, client: AsyncThreeCommas) -> None:

        async def loop() -> None:
            while (close := self.next_close()) is not None:
                try:
                    await client.smart_trades.close_trade_by_market(*close)
                except Exception as exc:
                    if self.outcome(close, exc):
                        await asyncio.sleep(0.05)
                else:
                    self.outcome(close, None)

        await asyncio.gather(*(loop() for _ in range(self.config["tasks"])))


def warm_up() -> None:
    """Pay the first call's one-time costs (imports, schemas) before the fleet starts."""
    from seed import seed_response

    body = seed_response()
    http = httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(201, json=body)))
    with ThreeCommas("warm-up", "warm-up", http_client=http, rate_limit=None) as client:
        client.smart_trades.close_trade_by_market(1, 2)


def main() -> int:
    config = json.loads(sys.argv[1])
    recorder = Recorder()
    logging.getLogger("threecommas").addHandler(recorder)
    worker = Worker(config)
    warm_up()
    slots = SlotTimes()
    worker.clock = slots.clock()
    # Built now (the Redis client, its connection pool): the fleet starts at once.
    sync_client = worker.sync_client() if config["kind"] == "sync" else None
    async_client = worker.async_client() if config["kind"] != "sync" else None
    slots.watch(sync_client or async_client)
    print("ready", flush=True)
    sys.stdin.readline()
    started = time.monotonic()
    if sync_client is not None:
        worker.run_sync(sync_client)
    elif async_client is not None:
        asyncio.run(worker.run_async(async_client))
    for sent in worker.started.values():  # sent, never answered
        worker.exchanges.append([sent, None, None])
    result = {
        "started": started,
        "finished": time.monotonic(),
        "exchanges": worker.exchanges,
        "outcomes": worker.outcomes,
        "lockouts": worker.lockouts,
        "grants": worker.grants,
        "cleared": worker.cleared,
        "slots": slots.to_json(config["tasks"], time.monotonic() - started),
        "warnings": recorder.messages,
    }
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
