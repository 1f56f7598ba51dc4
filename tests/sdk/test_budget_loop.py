"""`AsyncThreeCommas` never blocks its event loop on a shared budget's Redis: with Redis
answering slowly (through a delaying proxy, 200 ms an exchange), 50 tasks call through one
budget while a 1 ms ticker measures how late the loop wakes it. The budget is redis.asyncio's:
its steps are awaited, none runs in a thread."""

from __future__ import annotations

import asyncio
import socket
import statistics
import threading
import time
import uuid
from collections.abc import Iterator

import httpx
import pytest

from tests.redis_server import RedisServer, require_redis_server
from threecommas import AsyncThreeCommas, RateLimit

pytestmark = pytest.mark.slow

DELAY_S = 0.2  # each exchange with Redis through the proxy takes at least this long
TASKS = 50


class DelayingProxy:
    """A TCP proxy on 127.0.0.1 that holds every chunk going to Redis for `delay` seconds."""

    def __init__(self, target_port: int, delay: float) -> None:
        self.target_port = target_port
        self.delay = delay
        self.loop = asyncio.new_event_loop()
        self.port = 0
        ready = threading.Event()
        self.thread = threading.Thread(target=self._run, args=(ready,), daemon=True)
        self.thread.start()
        ready.wait(5)

    def _run(self, ready: threading.Event) -> None:
        asyncio.set_event_loop(self.loop)
        server = self.loop.run_until_complete(
            asyncio.start_server(self._serve, "127.0.0.1", 0, family=socket.AF_INET)
        )
        self.server = server
        self.port = server.sockets[0].getsockname()[1]
        ready.set()
        self.loop.run_forever()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)

        async def pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter, delay: float) -> None:
            try:
                while chunk := await src.read(65536):
                    if delay:
                        await asyncio.sleep(delay)
                    dst.write(chunk)
                    await dst.drain()
            except (ConnectionError, OSError):
                pass
            finally:
                dst.close()

        await asyncio.gather(pipe(reader, up_writer, self.delay), pipe(up_reader, writer, 0))

    async def _shutdown(self) -> None:
        # Every pipe ends before the loop stops: a coroutine left pending is reported by pytest
        # (and by asyncio) when the loop is collected.
        self.server.close()
        pipes = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
        for task in pipes:
            task.cancel()
        await asyncio.gather(*pipes, return_exceptions=True)
        await self.server.wait_closed()

    def close(self) -> None:
        asyncio.run_coroutine_threadsafe(self._shutdown(), self.loop).result(5)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()


@pytest.fixture
def slow_redis() -> Iterator[str]:
    reason = require_redis_server()
    if reason is not None:
        pytest.skip(reason)
    with RedisServer() as server:
        port = int(server.url.rsplit(":", 1)[1].split("/")[0])
        proxy = DelayingProxy(port, DELAY_S)
        try:
            yield f"redis://127.0.0.1:{proxy.port}/0"
        finally:
            proxy.close()


async def _lags_while_tasks_call(storage: str) -> tuple[list[float], int]:
    http = httpx.AsyncClient(transport=httpx.MockTransport(lambda r: httpx.Response(200, json={})))
    limit = RateLimit(storage=storage, key_prefix=f"lag-{uuid.uuid4().hex[:8]}", storage_timeout=5)
    client = AsyncThreeCommas("key", "secret", http_client=http, rate_limit=limit)
    lags: list[float] = []
    done = asyncio.Event()

    async def ticker() -> None:
        while not done.is_set():
            started = time.perf_counter()
            await asyncio.sleep(0.001)
            lags.append(time.perf_counter() - started - 0.001)

    async def caller() -> None:
        await client.with_raw_response.smart_trades.get(7)

    await caller()  # the first call imports the request path: not what is measured here
    tick = asyncio.create_task(ticker())
    await asyncio.sleep(0.01)
    await asyncio.gather(*(caller() for _ in range(TASKS)))
    done.set()
    await tick
    await client.close()
    await http.aclose()
    return lags, len(lags)


def test_the_event_loop_goes_on_while_redis_answers_slowly(
    slow_redis: str, capsys: pytest.CaptureFixture[str]
) -> None:
    lags, count = asyncio.run(_lags_while_tasks_call(slow_redis))
    median, worst = statistics.median(lags), max(lags)
    stalls = sum(1 for lag in lags if lag >= DELAY_S)
    with capsys.disabled():
        print(
            f"\nloop lag with Redis {DELAY_S * 1000:.0f} ms away, {TASKS} tasks: median "
            f"{median * 1000:.2f} ms, worst {worst * 1000:.2f} ms over {count} ticks, "
            f"{stalls} of {DELAY_S * 1000:.0f} ms or more"
        )
    # Blocked on Redis, the loop would stall a whole exchange (>= DELAY_S) at every one: two
    # at least per call. A loaded machine may hold the process back now and then, never that
    # often; nor can it make half the ticks late.
    assert median < 0.010
    assert stalls < TASKS // 5, (stalls, worst)
