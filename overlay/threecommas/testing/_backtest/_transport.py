"""The client's requests reach the fake server in-process: no socket, no thread.

The request still goes through everything a live one does: the client builds and signs it,
httpx carries it (as bytes, with its headers), the server checks the signature, the rate limit
and the body, and the client parses the answer. Only the network is left out. Each request is
logged with its virtual time and status for the report.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import httpx
from starlette.types import ASGIApp

from threecommas.testing._backtest._clock import BacktestClock

__all__ = ["AsyncInProcessTransport", "InProcessTransport", "RequestLog"]


@dataclass
class RequestLog:
    """Every request of a backtest: when (virtual µs), its status; and the count of 429s."""

    times: list[int]
    statuses: list[int]

    @classmethod
    def empty(cls) -> RequestLog:
        return cls([], [])

    def add(self, micros: int, status: int) -> None:
        self.times.append(micros)
        self.statuses.append(status)


class AsyncInProcessTransport(httpx.AsyncBaseTransport):
    """Sends an ``AsyncThreeCommas``'s requests straight to the ASGI app."""

    def __init__(self, app: ASGIApp, clock: BacktestClock, log: RequestLog) -> None:
        self._asgi = httpx.ASGITransport(app=app)
        self._clock = clock
        self._log = log

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        at = self._clock.now_micros
        response = await self._asgi.handle_async_request(request)
        self._log.add(at, response.status_code)
        return response


class InProcessTransport(httpx.BaseTransport):
    """Sends a ``ThreeCommas``'s requests straight to the ASGI app, on an event loop of its own
    (the sync client has none; the app is async)."""

    def __init__(self, app: ASGIApp, clock: BacktestClock, log: RequestLog) -> None:
        self._inner = AsyncInProcessTransport(app, clock, log)
        self._loop = asyncio.new_event_loop()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self._loop.run_until_complete(self._send(request))
        return response

    async def _send(self, request: httpx.Request) -> httpx.Response:
        response = await self._inner.handle_async_request(request)
        content = await response.aread()
        return httpx.Response(
            response.status_code,
            headers=response.headers,
            content=content,
            request=request,
        )

    def close(self) -> None:
        if not self._loop.is_closed():
            self._loop.close()
