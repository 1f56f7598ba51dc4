"""pytest fixtures for the recorded-responses server.

Installing ``threecommas-sdk`` registers this module as a pytest plugin (the ``pytest11`` entry
point ``threecommas``), so a test suite gets the fixtures below just by naming them;
``pytest -p no:threecommas`` turns the plugin off.

* ``threecommas_app``: a fresh app (fresh store) per test, for in-process clients;
* ``threecommas_server``: a fresh live server per test on a free loopback port;
* ``threecommas_server_session``: one live server for the whole session (its store is shared,
  so a test must not rely on the state another test may have changed);
* ``threecommas_server_host``: the one uvicorn server (a :class:`ServerHost`, started by the
  first test that needs it) that serves the live servers above, each on a port of its own;
* ``threecommas_auth``: an ``httpx.Auth`` that signs with the default test credentials;
* ``threecommas_client``: a ``ThreeCommas`` client signed for, and pointed at, the test's
  ``threecommas_server``, running on that server's clock;
* ``threecommas_async_client``: the same as an ``AsyncThreeCommas``;
* ``threecommas_client_factory``: more such clients, with options, for any live server;
* ``threecommas_faults``: the fault injection and counters of ``threecommas_server``;
* ``threecommas_market``: the simulated market of ``threecommas_server`` (its ``market``);
* ``threecommas_server_factory``: starts live servers with given faults on demand.

pytest imports this module in every session of an environment where the SDK is installed, so it
imports nothing beyond pytest at that point: the server and the clients are imported by the
fixtures that need them. Without the ``testing`` extra (starlette, uvicorn), the server fixtures
skip their tests with a message saying what to install.

``threecommas_server`` runs its emulated rate limits (once configured) on a scaled clock
(``time_factor`` ``FIXTURE_TIME_FACTOR``, 0.01: a virtual minute in 0.6 s), and the clients the
fixtures make run on a :class:`~threecommas.testing.ScaledClock` that follows the server's
``time_factor``: their limiter, lockouts, retry waits and watches keep the production budget in
the server's time, so a ``wait_for`` sweeps every 24 ms and the emulated limits still hold.
Durations given to those clients (``wait_for``'s ``timeout``, ``watch``'s ``duration``) are in
that time too: ``timeout=60`` is 0.6 real seconds at 0.01.

A "fresh live server" is a fresh app (its own store, faults, counters, limits, market,
credentials) served on a new loopback port of the session's one uvicorn server: as isolated as a
server of its own, for a few milliseconds and without a thread of its own. When its test ends,
the port stops listening and every connection made to it is closed, so a client left open by one
test reaches nothing of the next (its requests are refused, as by a stopped server).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Final

import pytest

from threecommas.testing._fixtures import (
    FIXTURE_TIME_FACTOR,
    ClientFactory,
    ServerFactory,
)

if TYPE_CHECKING:
    import httpx
    from starlette.applications import Starlette

    from threecommas import AsyncThreeCommas, ThreeCommas
    from threecommas._signing import ThreeCommasAuth
    from threecommas.testing.faults import FaultConfig, Faults
    from threecommas.testing.server import RunningServer, ServerHost
    from threecommas.testing.simulation import MarketControl

__all__ = [
    "FIXTURE_TIME_FACTOR",
    "ClientFactory",
    "ServerFactory",
    "threecommas_app",
    "threecommas_async_client",
    "threecommas_auth",
    "threecommas_client",
    "threecommas_client_factory",
    "threecommas_faults",
    "threecommas_server",
    "threecommas_server_factory",
    "threecommas_server_host",
    "threecommas_server_session",
]

_MISSING_EXTRA: Final = (
    "the threecommas test server needs the 'testing' extra: pip install 'threecommas-sdk[testing]'"
)


def _require_testing_extra() -> None:
    """Skip the calling test when starlette or uvicorn is not installed."""
    try:
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError as exc:
        pytest.skip(f"{_MISSING_EXTRA} ({exc})")


@pytest.fixture
def threecommas_app() -> Starlette:
    """A recorded-responses app with the default credentials and a fresh store."""
    _require_testing_extra()
    from threecommas.testing.server import create_app

    return create_app()


@pytest.fixture(scope="session")
def threecommas_server_host() -> Iterator[ServerHost]:
    """The session's uvicorn server (on ``127.0.0.1``), which serves every live server of the
    fixtures, each app on a port of its own; ``host.serve(app)`` serves one more."""
    _require_testing_extra()
    from threecommas.testing.server import ServerHost

    with ServerHost() as host:
        yield host


@pytest.fixture
def threecommas_server(threecommas_server_host: ServerHost) -> Iterator[RunningServer]:
    """A live server on a new ``127.0.0.1`` port with a fresh app (store, faults, counters,
    market), stopped after the test (its port closed with every connection to it).

    Its faults start with ``time_factor=FIXTURE_TIME_FACTOR`` and nothing injected; its stream
    pings at the same pace (every 3 s of the scaled time)."""
    from threecommas.testing.faults import FaultConfig
    from threecommas.testing.server import create_app
    from threecommas.testing.server._cable import DEFAULT_PING_INTERVAL_S

    app = create_app(
        faults=FaultConfig(time_factor=FIXTURE_TIME_FACTOR),
        stream_ping_interval=DEFAULT_PING_INTERVAL_S * FIXTURE_TIME_FACTOR,
    )
    with threecommas_server_host.serve(app) as server:
        yield server


@pytest.fixture(scope="session")
def threecommas_server_session(threecommas_server_host: ServerHost) -> Iterator[RunningServer]:
    """One live server shared by every test of the session."""
    from threecommas.testing.server import create_app

    with threecommas_server_host.serve(create_app()) as server:
        yield server


@pytest.fixture
def threecommas_auth() -> ThreeCommasAuth:
    """Signs requests the way the servers above expect with their default credentials."""
    _require_testing_extra()
    from threecommas._signing import HmacSigner, ThreeCommasAuth
    from threecommas.testing.server import DEFAULT_API_KEY, DEFAULT_API_SECRET

    return ThreeCommasAuth(DEFAULT_API_KEY, HmacSigner(DEFAULT_API_SECRET))


@pytest.fixture
def threecommas_client(threecommas_server: RunningServer) -> Iterator[ThreeCommas]:
    """A ``ThreeCommas`` client for this test's ``threecommas_server``, closed after the test.

    It signs with the server's credentials and has the SDK's defaults (rate limit, retries,
    timeouts), on the server's clock (see the module's notes: its limiter, lockouts and watches
    count the server's scaled seconds); ``threecommas_server.store`` shows what the client's
    calls changed.
    """
    from threecommas.testing._fixtures import fixture_client

    client, http = fixture_client(threecommas_server)
    with http, client:
        yield client


@pytest.fixture
def threecommas_client_factory(threecommas_server: RunningServer) -> Iterator[ClientFactory]:
    """Make ``ThreeCommas`` clients on a server's clock, as ``threecommas_client`` is made::

        client = threecommas_client_factory(max_retries=0)
        other = threecommas_client_factory(threecommas_server_factory(faults), rate_limit=None)

    The server defaults to the test's ``threecommas_server``; every client is closed after the
    test.
    """
    from threecommas.testing._fixtures import fixture_client

    with contextlib.ExitStack() as opened:

        def make(server: RunningServer | None = None, **options: Any) -> ThreeCommas:
            client, http = fixture_client(server or threecommas_server, **options)
            opened.enter_context(http)
            return opened.enter_context(client)

        yield make


@pytest.fixture
def threecommas_async_client(threecommas_server: RunningServer) -> Iterator[AsyncThreeCommas]:
    """An ``AsyncThreeCommas`` for ``threecommas_server``, on its clock.

    The fixture is synchronous, so that it needs no async plugin: the client works in the event
    loop of the test, or in several (``asyncio.run`` twice), because it keeps no connection
    open between requests; nothing is left to close in another loop after the test.
    """
    from threecommas.testing._fixtures import fixture_async_client

    client, http = fixture_async_client(threecommas_server)
    try:
        yield client
    finally:
        _close_outside_any_loop(client, http)


def _close_outside_any_loop(client: AsyncThreeCommas, http: httpx.AsyncClient) -> None:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        pass
    else:
        # Torn down from inside a running loop (an async plugin's doing): nothing is held open
        # between requests, so there is nothing that must be released here.
        return
    # A connection can outlive its loop only through `client.api_client` (the generated
    # client's own pool); closing it from a new loop then fails, and the test is over anyway.
    with contextlib.suppress(RuntimeError):
        asyncio.run(_close(client, http))


async def _close(client: AsyncThreeCommas, http: httpx.AsyncClient) -> None:
    await http.aclose()
    await client.close()


@pytest.fixture
def threecommas_faults(threecommas_server: RunningServer) -> Faults:
    """Fault injection and counters of ``threecommas_server``; no fault is in force at first.

    ``threecommas_faults.configure(FaultConfig(...))`` sets faults, ``.counters()`` tells what
    the server received and applied (see ``threecommas.testing.faults``).
    """
    faults: Faults = threecommas_server.app.state.faults
    return faults


@pytest.fixture
def threecommas_market(threecommas_server: RunningServer) -> MarketControl:
    """The simulated market of ``threecommas_server`` (``threecommas_server.market``): no
    price at first, the virtual clock still.

    ``set_price(pair, price)`` gives a pair a price, ``play(path)`` plays a price path,
    ``advance(seconds)`` moves the virtual clock; the SmartTrades of a priced pair move.
    """
    return threecommas_server.market


@pytest.fixture
def threecommas_server_factory(threecommas_server_host: ServerHost) -> Iterator[ServerFactory]:
    """Start live servers on demand, each with its own faults and a fresh store::

        server = threecommas_server_factory(FaultConfig(rate_limit=RateLimitConfig()))

    Keyword arguments go to ``create_app``; every server stops after the test. Each is on a
    port of its own of ``threecommas_server_host``.
    """
    from threecommas.testing.server import DEFAULT_API_KEY, DEFAULT_API_SECRET, create_app

    with contextlib.ExitStack() as servers:

        def start(faults: FaultConfig | Faults | None = None, **options: Any) -> RunningServer:
            app = create_app(faults=faults, **options)
            credentials = {
                "api_key": options.get("api_key", DEFAULT_API_KEY),
                "api_secret": options.get("api_secret", DEFAULT_API_SECRET),
            }
            return servers.enter_context(threecommas_server_host.serve(app, **credentials))

        yield start
