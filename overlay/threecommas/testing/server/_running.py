"""Running an app under uvicorn: on a socket bound here (so port 0 works), until Ctrl-C or SIGTERM
(the command line), or in a background thread (tests)."""

from __future__ import annotations

import copy
import logging
import signal
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import FrameType
from typing import Any, Final

import uvicorn
from starlette.applications import Starlette

from threecommas.testing._operations import API_PREFIX
from threecommas.testing.faults import Faults, StreamFaults
from threecommas.testing.server._app import create_app
from threecommas.testing.server._auth import DEFAULT_API_KEY, DEFAULT_API_SECRET
from threecommas.testing.server._cable import STREAM_PATH
from threecommas.testing.simulation import MarketControl, SmartTradeStore

__all__ = [
    "RunningServer",
    "bind_socket",
    "make_server",
    "run_in_thread",
    "serve_until_stopped",
    "server_url",
]

_START_TIMEOUT: Final = 10.0
_STOP_TIMEOUT: Final = 10.0


def bind_socket(host: str, port: int) -> socket.socket:
    """A listening TCP socket; port 0 lets the system pick a free one."""
    family, kind, proto, _, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except BaseException:
        sock.close()
        raise
    return sock


def server_url(sock: socket.socket) -> str:
    """The base URL of the API served on ``sock``, prefix included."""
    host, port = sock.getsockname()[:2]
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}{API_PREFIX}"


def stderr_log_config() -> dict[str, Any]:
    """uvicorn's logging, with the access log on stderr so that stdout carries only the URL."""
    config = copy.deepcopy(uvicorn.config.LOGGING_CONFIG)
    config["handlers"]["access"]["stream"] = "ext://sys.stderr"
    return config


class _Server(uvicorn.Server):
    """A uvicorn server that calls back once it accepts connections."""

    def __init__(self, config: uvicorn.Config, on_started: Callable[[], None]) -> None:
        super().__init__(config)
        self._on_started = on_started

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        if self.started:
            self._on_started()


def make_server(
    app: Starlette,
    on_started: Callable[[], None],
    *,
    access_log: bool = True,
    log_config: dict[str, Any] | None = None,
) -> uvicorn.Server:
    config = uvicorn.Config(
        app,
        access_log=access_log,
        log_config=log_config,
        lifespan="off",
        timeout_graceful_shutdown=5,
    )
    return _Server(config, on_started)


def _stop_on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(0)


def serve_until_stopped(app: Starlette, sock: socket.socket, *, access_log: bool = True) -> None:
    """Serve ``app`` on ``sock`` until Ctrl-C or SIGTERM, then close the socket.

    Once it accepts connections it prints one line to stdout, the base URL to give a client;
    logs go to stderr.
    """
    url = server_url(sock)

    def announce() -> None:
        print(url, flush=True)

    server = make_server(app, announce, access_log=access_log, log_config=stderr_log_config())
    # uvicorn shuts down gracefully on SIGINT/SIGTERM and then re-raises the signal; these
    # turn that last step into a quiet exit instead of a traceback or a kill.
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    finally:
        sock.close()


@dataclass(frozen=True)
class RunningServer:
    """A live server: where it listens, the credentials it accepts, and its app."""

    base_url: str
    api_key: str
    api_secret: str | None = field(repr=False)
    app: Starlette = field(repr=False)

    @property
    def store(self) -> SmartTradeStore:
        store: SmartTradeStore = self.app.state.store
        return store

    @property
    def market(self) -> MarketControl:
        """The simulated market: ``set_price(pair, price)``, ``play(path)``,
        ``advance(seconds)``, ``snapshot()``."""
        market: MarketControl = self.app.state.market
        return market

    @property
    def stream_url(self) -> str:
        """The WebSocket stream's URL (``ws://HOST:PORT/websocket``), which a client made with
        this ``base_url`` derives by itself."""
        return "ws://" + self.base_url.split("://", 1)[1].split("/", 1)[0] + STREAM_PATH

    @property
    def stream(self) -> StreamFaults:
        """The stream's faults and counters: ``drop_connections()``, ``stop_pings()``,
        ``resume_pings()``, ``counters()``."""
        faults: Faults = self.app.state.faults
        return faults.stream


@contextmanager
def run_in_thread(
    app: Starlette | None = None,
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    api_key: str = DEFAULT_API_KEY,
    api_secret: str | None = DEFAULT_API_SECRET,
) -> Iterator[RunningServer]:
    """Serve ``app`` (default: a fresh HMAC app with these credentials) in a background thread.

    ``api_key`` and ``api_secret`` are only reported back when ``app`` is given; they must be
    the ones it was built with.
    """
    if app is None:
        app = create_app(api_key=api_key, api_secret=api_secret)
    sock = bind_socket(host, port)
    started = threading.Event()
    # The test process owns logging; uvicorn must not reconfigure it.
    server = make_server(app, started.set, access_log=False, log_config=None)
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name="threecommas-testing", daemon=True
    )
    try:
        thread.start()
        deadline = time.monotonic() + _START_TIMEOUT
        while not started.wait(0.02):
            if not thread.is_alive():
                raise RuntimeError("the threecommas test server failed to start")
            if time.monotonic() > deadline:
                raise RuntimeError("the threecommas test server did not start in time")
        yield RunningServer(
            base_url=server_url(sock), api_key=api_key, api_secret=api_secret, app=app
        )
    finally:
        server.should_exit = True
        thread.join(_STOP_TIMEOUT)
        sock.close()
        if thread.is_alive():
            logging.getLogger("threecommas.testing").warning(
                "the threecommas test server did not stop within %s s", _STOP_TIMEOUT
            )
