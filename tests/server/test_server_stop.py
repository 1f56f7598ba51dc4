"""Stopping a server started in a thread: at once, without uvicorn's tick or fixed pause, and
still gracefully (an answer being written is finished first)."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import httpx
import pytest
import uvicorn.server
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from threecommas.testing import run_in_thread
from threecommas.testing.server._running import bind_socket, make_server

# Far beyond any wait of a server at rest; a test that hangs fails here instead.
JOIN_TIMEOUT = 30.0


class _RecordedSleeps:
    """uvicorn.server's view of `asyncio`, with each `sleep` it asks for written down."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(asyncio, name)

    async def sleep(self, delay: float, result: Any = None) -> Any:
        self.delays.append(delay)
        return await asyncio.sleep(delay, result)


def test_a_stop_waits_for_neither_uvicorns_tick_nor_its_fixed_pause(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # uvicorn looks for a stop every tenth of a second and then pauses a tenth more: about
    # 0.2 s a server, which a suite that starts a few dozen of them pays each time.
    recorded = _RecordedSleeps()
    with run_in_thread() as server:
        monkeypatch.setattr(uvicorn.server, "asyncio", recorded)
        # A connection made and answered (an unknown path): the stop has one to close.
        assert httpx.get(f"{server.base_url}/no-such-path").status_code == 404
    assert [d for d in recorded.delays if d >= 0.05] == []


def test_an_answer_being_written_when_the_stop_comes_is_still_sent() -> None:
    entered = threading.Event()
    holder: dict[str, Any] = {}

    async def slow(request: Request) -> PlainTextResponse:
        entered.set()
        while not holder["server"].should_exit:  # answer only once the stop was asked for
            await asyncio.sleep(0.001)
        return PlainTextResponse("done")

    sock = bind_socket("127.0.0.1", 0)
    port = sock.getsockname()[1]
    started = threading.Event()
    server = holder["server"] = make_server(
        Starlette(routes=[Route("/slow", slow)]), started.set, access_log=False
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    answers: list[httpx.Response] = []
    try:
        assert started.wait(JOIN_TIMEOUT)
        client = threading.Thread(
            target=lambda: answers.append(
                httpx.get(f"http://127.0.0.1:{port}/slow", timeout=JOIN_TIMEOUT)
            ),
            daemon=True,
        )
        client.start()
        assert entered.wait(JOIN_TIMEOUT)
        server.stop()
        client.join(JOIN_TIMEOUT)
    finally:
        server.stop()
        thread.join(JOIN_TIMEOUT)
        sock.close()
    assert not thread.is_alive()
    assert [(a.status_code, a.text) for a in answers] == [(200, "done")]


def test_a_stop_asked_before_the_server_runs_is_kept() -> None:
    sock = bind_socket("127.0.0.1", 0)
    server = make_server(Starlette(), lambda: None, access_log=False)
    server.stop()  # no loop yet: nothing to wake, the server stops at its first look
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    thread.join(JOIN_TIMEOUT)
    sock.close()
    assert not thread.is_alive()
