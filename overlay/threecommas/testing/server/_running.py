"""Running an app under uvicorn: on a socket bound here (so port 0 works), until Ctrl-C or SIGTERM
(the command line), or in a background thread (tests): one server per app (:func:`run_in_thread`),
or one server that hosts many apps in turn, each on a port of its own (:class:`ServerHost`, what
the pytest fixtures use: one thread and one event loop for the session, a fresh app on a new port
for each test). Either stops at once when asked: a few milliseconds to start, serve and stop,
not uvicorn's tenth of a second of polling and another of pause at shutdown."""

from __future__ import annotations

import asyncio
import copy
import logging
import signal
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from email.utils import formatdate
from types import FrameType
from typing import Any, Final

import uvicorn
from starlette.applications import Starlette
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from threecommas.testing._operations import API_PREFIX
from threecommas.testing.faults import Faults, StreamFaults
from threecommas.testing.server._app import create_app
from threecommas.testing.server._auth import DEFAULT_API_KEY, DEFAULT_API_SECRET
from threecommas.testing.server._cable import STREAM_PATH
from threecommas.testing.simulation import MarketControl, SmartTradeStore

__all__ = [
    "RunningServer",
    "ServerHost",
    "bind_socket",
    "make_server",
    "run_in_thread",
    "serve_until_stopped",
    "server_url",
]

_START_TIMEOUT: Final = 10.0
_STOP_TIMEOUT: Final = 10.0
#: How long :meth:`ServerHost.serve` waits, on the way out, for the connections of the app it
#: served to close (a connection in the middle of an answer closes once it is sent).
_CLOSE_TIMEOUT: Final = 2.0
#: How long an idle connection stays open: longer than a client's own keep-alive expiry (httpx:
#: 5 s), as the API's servers keep theirs (nginx: 75 s), so that the client always retires an
#: idle connection first. At uvicorn's default, 5 s, both gave up on it at the same moment: a
#: request the client sent on it just as the server closed it got no answer (a close by market:
#: OutcomeUnknownError, rightly never repeated), by chance.
KEEP_ALIVE_S: Final = 75


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
    """A uvicorn server that calls back once it accepts connections, and can listen on more
    sockets while it runs (:meth:`listen`)."""

    def __init__(self, config: uvicorn.Config, on_started: Callable[[], None]) -> None:
        super().__init__(config)
        self._on_started = on_started
        self.loop: asyncio.AbstractEventLoop | None = None
        self._wake = asyncio.Event()

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        self.loop = asyncio.get_running_loop()
        if self.started:
            self._on_started()

    def stop(self) -> None:
        """Ask the server to stop, from any thread; it starts to at once (:meth:`main_loop`)."""
        self.should_exit = True
        loop = self.loop
        if loop is not None and not loop.is_closed():
            # RuntimeError: the loop closed meanwhile, so the server has stopped already.
            with suppress(RuntimeError):
                loop.call_soon_threadsafe(self._wake.set)

    async def main_loop(self) -> None:
        """uvicorn's, which looks at `should_exit` every tenth of a second, but woken at once
        by :meth:`stop`: a test that starts a server of its own would otherwise wait half a
        tick on average to stop it."""
        counter = 0
        while not await self.on_tick(counter):
            counter = (counter + 1) % 864000
            with suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), 0.1)

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        """uvicorn's graceful shutdown without its fixed pause of a tenth of a second: every
        connection is asked to close (an idle one closes at once, a busy one once its answer
        is sent) and they and their tasks are waited for in steps of a millisecond, for at
        most ``timeout_graceful_shutdown`` seconds; then the rest is cancelled."""
        for server in self.servers:
            server.close()
        for sock in sockets or []:
            sock.close()
        state = self.server_state
        for connection in list(state.connections):
            connection.shutdown()
        loop = asyncio.get_running_loop()
        grace = self.config.timeout_graceful_shutdown  # None: as long as it takes, as uvicorn
        deadline = None if grace is None else loop.time() + grace
        while (state.connections or state.tasks) and not self.force_exit:
            if deadline is not None and loop.time() > deadline:
                for task in state.tasks:
                    task.cancel(msg="Task cancelled, timeout graceful shutdown exceeded")
                break
            await asyncio.sleep(0.001)
        for server in self.servers:
            await server.wait_closed()
        if not self.force_exit:
            await self.lifespan.shutdown()

    async def listen(self, sock: socket.socket) -> asyncio.Server:
        """Accept connections on ``sock`` too, with the same protocol as uvicorn's own sockets
        (uvicorn's ``startup`` builds its protocols the same way)."""
        config = self.config

        def create_protocol(_loop: asyncio.AbstractEventLoop | None = None) -> asyncio.Protocol:
            protocol: asyncio.Protocol = config.http_protocol_class(  # type: ignore[call-arg]
                config=config,
                server_state=self.server_state,
                app_state=self.lifespan.state,
                _loop=_loop,
            )
            return protocol

        loop = asyncio.get_running_loop()
        return await loop.create_server(create_protocol, sock=sock, backlog=config.backlog)

    async def close_connections(self, port: int, timeout: float) -> None:
        """Close the connections made to ``port``: idle ones at once, busy ones once their
        answer is sent (uvicorn's graceful ``shutdown`` of a connection); wait for them."""
        mine = [c for c in self.server_state.connections if _local_port(c) == port]
        for connection in mine:
            connection.shutdown()
        deadline = time.monotonic() + timeout
        while any(c in self.server_state.connections for c in mine):
            if time.monotonic() > deadline:
                break
            await asyncio.sleep(0.001)


def _local_port(connection: object) -> int | None:
    local = getattr(connection, "server", None)  # (host, port) of the socket's own end
    return local[1] if isinstance(local, tuple) and len(local) >= 2 else None


class _DatedAnswers:
    """Each HTTP answer gets a `Date` of the moment it is sent, as a real web server's does.

    uvicorn's own `Date` is refreshed about once a second by its main loop (later on a busy
    machine), so it may lag more than a second behind: a client comparing its clock with the
    header (`threecommas check`) would see an offset that is not there. The servers started
    here turn uvicorn's off (`date_header=False`) and wrap their app in this one."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def dated(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"date"]
                headers.append((b"date", formatdate(time.time(), usegmt=True).encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, dated)


def make_server(
    app: ASGIApp,
    on_started: Callable[[], None],
    *,
    access_log: bool = True,
    log_config: dict[str, Any] | None = None,
) -> _Server:
    config = uvicorn.Config(
        _DatedAnswers(app),
        date_header=False,
        # uvicorn's C parser (httptools) and event loop (uvloop) when installed (the `testing`
        # extra installs them): several times the requests a second of the pure-Python ones.
        http="auto",
        loop="auto",
        access_log=access_log,
        log_config=log_config,
        lifespan="off",
        timeout_keep_alive=KEEP_ALIVE_S,
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
        """The server's SmartTrades (`SmartTradeStore`): read them, put a scenario in place,
        reset."""
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
        server.stop()
        thread.join(_STOP_TIMEOUT)
        sock.close()
        if thread.is_alive():
            logging.getLogger("threecommas.testing").warning(
                "the threecommas test server did not stop within %s s", _STOP_TIMEOUT
            )


class _PortSwitch:
    """The app of a :class:`ServerHost`: each connection goes to the app served on the port it
    came in by; a port that no longer serves an app answers 503 (never another test's app)."""

    def __init__(self) -> None:
        self.apps: dict[int, ASGIApp] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        local = scope.get("server")
        app = self.apps.get(local[1]) if local else None
        if app is not None:
            await app(scope, receive, send)
        elif scope["type"] == "http":
            await _NOT_SERVING(scope, receive, send)
        # A WebSocket to a port that serves nothing is refused by returning without accepting.


def _not_serving_app() -> ASGIApp:
    from threecommas.testing.server._routes import error_response

    return error_response(503, "service_unavailable", "This test server has stopped")


_NOT_SERVING: Final = _not_serving_app()


class ServerHost:
    """One uvicorn server, in a background thread, that serves many apps in turn, each on a
    port of its own: what :func:`run_in_thread` does for one app, at a fraction of its cost.

    ``with host.serve(app) as server:`` binds a new port (a free one, like
    :func:`run_in_thread`), serves ``app`` there, and on the way out stops listening on it and
    closes every connection made to it (idle ones at once, a busy one once its answer is sent),
    so that nothing of one app (a kept-alive connection, a late request) reaches the next. A
    client still holding the old URL is refused, as by a stopped server. Several apps can be
    served at once (each on its port). Thread-safe; the server starts with the first
    :meth:`serve` and stops at :meth:`close`.
    """

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.host = host
        self._lock = threading.Lock()
        self._switch = _PortSwitch()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    def _start(self) -> _Server:
        with self._lock:
            if self._server is not None:
                return self._server
            started = threading.Event()
            server = _Server(
                uvicorn.Config(
                    _DatedAnswers(self._switch),
                    date_header=False,
                    access_log=False,
                    log_config=None,
                    lifespan="off",
                    timeout_keep_alive=KEEP_ALIVE_S,
                    timeout_graceful_shutdown=5,
                ),
                started.set,
            )
            # No socket of its own: every served app brings one.
            thread = threading.Thread(
                target=server.run, kwargs={"sockets": []}, name="threecommas-testing", daemon=True
            )
            thread.start()
            deadline = time.monotonic() + _START_TIMEOUT
            while not started.wait(0.005):
                if not thread.is_alive():
                    raise RuntimeError("the threecommas test server failed to start")
                if time.monotonic() > deadline:
                    server.should_exit = True
                    raise RuntimeError("the threecommas test server did not start in time")
            self._server, self._thread = server, thread
            return server

    def _call(self, server: _Server, coroutine: Any) -> Any:
        assert server.loop is not None
        return asyncio.run_coroutine_threadsafe(coroutine, server.loop).result(_STOP_TIMEOUT)

    @contextmanager
    def serve(
        self,
        app: Starlette,
        *,
        api_key: str = DEFAULT_API_KEY,
        api_secret: str | None = DEFAULT_API_SECRET,
    ) -> Iterator[RunningServer]:
        """Serve ``app`` on a new port until the block ends (``api_key`` and ``api_secret`` are
        only reported back: they must be the ones ``app`` was built with)."""
        server = self._start()
        sock = bind_socket(self.host, 0)
        port = sock.getsockname()[1]
        self._switch.apps[port] = app
        try:
            listener: asyncio.Server = self._call(server, server.listen(sock))
        except BaseException:
            del self._switch.apps[port]
            sock.close()
            raise
        try:
            yield RunningServer(
                base_url=server_url(sock),
                api_key=api_key,
                api_secret=api_secret,
                app=app,
            )
        finally:
            self._call(server, _stop_listening(server, listener, port))
            del self._switch.apps[port]

    def close(self) -> None:
        """Stop the server (the apps still served stop with it)."""
        with self._lock:
            server, thread = self._server, self._thread
            self._server = self._thread = None
        if server is None or thread is None:
            return
        server.stop()
        thread.join(_STOP_TIMEOUT)
        if thread.is_alive():
            logging.getLogger("threecommas.testing").warning(
                "the threecommas test server did not stop within %s s", _STOP_TIMEOUT
            )

    def __enter__(self) -> ServerHost:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


async def _stop_listening(server: _Server, listener: asyncio.Server, port: int) -> None:
    listener.close()  # no new connection; closes the listening socket
    await server.close_connections(port, _CLOSE_TIMEOUT)
