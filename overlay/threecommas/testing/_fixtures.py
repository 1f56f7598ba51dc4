"""What the pytest fixtures hand out, importable without pytest: their types (for annotations)
and the clock that puts a fixture's client on its server's scaled time.

A server's ``time_factor`` scales its emulated rate limits (0.01: 100 requests per 0.6 s). A
client made by the fixtures runs on a :class:`~threecommas.testing.ScaledClock` that follows
that factor, so its limiter, its lockouts and its watches keep the production budget *in the
server's time*: a ``wait_for`` sweeps every 24 ms instead of every 2.4 s at 0.01, and stays
inside the emulated limits.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final, Protocol

from threecommas._clock import ScaledClock

if TYPE_CHECKING:
    # httpx at run time only in the functions: pytest loads this module (through the plugin)
    # in every session of an environment where the SDK is installed.
    import httpx

    from threecommas import AsyncThreeCommas, ThreeCommas
    from threecommas.testing.faults import FaultConfig, Faults
    from threecommas.testing.server import RunningServer

__all__ = [
    "FIXTURE_TIME_FACTOR",
    "ClientFactory",
    "ServerFactory",
    "scaled_retry_after",
    "server_clock",
]

#: The ``time_factor`` of the ``threecommas_server`` fixture: a virtual minute in 0.6 s.
FIXTURE_TIME_FACTOR: Final = 0.01


class ServerFactory(Protocol):
    """The type of the ``threecommas_server_factory`` fixture: ``start(faults=None,
    **create_app_options)`` starts a live server with a fresh store and those faults (a
    :class:`~threecommas.testing.FaultConfig` or a shared
    :class:`~threecommas.testing.Faults`), stopped after the test."""

    def __call__(
        self, faults: FaultConfig | Faults | None = None, **options: Any
    ) -> RunningServer: ...


class ClientFactory(Protocol):
    """The type of the ``threecommas_client_factory`` fixture: ``make(server=None, **options)``
    is a ``ThreeCommas`` signed for ``server`` (default: the test's ``threecommas_server``),
    pointed at it and running on its clock (``server_clock``); ``options`` go to
    ``ThreeCommas`` (``rate_limit``, ``max_retries``...). Closed after the test."""

    def __call__(self, server: RunningServer | None = None, **options: Any) -> ThreeCommas: ...


def _time_factor(server: RunningServer) -> Callable[[], float]:
    faults: Faults = server.app.state.faults
    return lambda: faults.config.time_factor


def server_clock(server: RunningServer) -> ScaledClock:
    """A clock that runs at ``server``'s ``time_factor``, whatever it is configured to later
    (``threecommas_faults.configure(...)``): a second of it lasts ``time_factor`` real seconds,
    as the server's rate-limit durations do."""
    return ScaledClock(_time_factor(server))


def scaled_retry_after(clock: ScaledClock) -> Callable[[httpx.Response], None]:
    """An httpx response hook for a client on ``clock``: the server's ``Retry-After`` counts
    real seconds (its lockouts are scaled already), the client's lockout counts seconds of its
    clock, so the header is read as ``seconds / time_factor`` of them. A 3 s lockout at 0.01
    then keeps the client out for 300 s of its time (3 real seconds), as the API's 300 s lockout
    would, instead of letting it knock again after 30 ms and earn a ban."""

    def rescale(response: httpx.Response) -> None:
        value = response.headers.get("Retry-After")
        factor = clock.factor
        if factor == 1:
            return
        if response.status_code == 429 and value is None:
            _rescale_next_request_at(response, clock)
        if value is None or not value.strip().isdigit():
            return
        response.headers["Retry-After"] = str(round(int(value) / factor))

    return rescale


def _rescale_next_request_at(response: httpx.Response, clock: ScaledClock) -> None:
    """A plan's 429 names a real date ("Next request at <UTC>"), which the client reads on its
    clock: that date becomes the one as far ahead on the client's clock, in its seconds."""
    import re
    from datetime import UTC, datetime

    response.read()
    body = response.content.decode("utf-8", "replace")
    found = re.search(r"Next request at (\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)?) UTC", body)
    if found is None:
        return
    real = datetime.fromisoformat(found.group(1)).replace(tzinfo=UTC).timestamp()
    scaled = clock.time() + (real - time.time()) / clock.factor
    text = datetime.fromtimestamp(scaled, UTC).strftime("%Y-%m-%d %H:%M:%S.%f")[:-3]
    response._content = body.replace(found.group(1), text).encode()


def fixture_client(server: RunningServer, **options: Any) -> tuple[ThreeCommas, httpx.Client]:
    """A ``ThreeCommas`` for ``server`` on its clock, and its HTTP client (the caller closes
    both)."""
    import httpx

    from threecommas import ThreeCommas
    from threecommas._base_client import DEFAULT_HEADERS, default_ssl_context

    clock = server_clock(server)
    # The process's one SSL context, as the SDK's own clients have it: a context of its own
    # would load the CA bundle again for every test (about 20 ms).
    http = httpx.Client(
        headers=DEFAULT_HEADERS,
        event_hooks={"response": [scaled_retry_after(clock)]},
        verify=default_ssl_context(),
    )
    try:
        client = ThreeCommas(
            server.api_key,
            server.api_secret,
            base_url=server.base_url,
            clock=clock,
            http_client=http,
            **options,
        )
    except BaseException:
        http.close()  # a bad option: nothing is left open
        raise
    return client, http


def fixture_async_client(server: RunningServer) -> tuple[AsyncThreeCommas, httpx.AsyncClient]:
    """An ``AsyncThreeCommas`` for ``server`` on its clock, and its HTTP client (which keeps
    no connection open between requests, so that it works in any event loop)."""
    import httpx

    from threecommas import AsyncThreeCommas
    from threecommas._base_client import DEFAULT_HEADERS, default_ssl_context

    clock = server_clock(server)
    rescale = scaled_retry_after(clock)

    async def hook(response: httpx.Response) -> None:
        if response.status_code == 429:
            await response.aread()  # a plan's 429 names its date in the body
        rescale(response)

    http = httpx.AsyncClient(
        headers=DEFAULT_HEADERS,
        limits=httpx.Limits(max_keepalive_connections=0),
        event_hooks={"response": [hook]},
        verify=default_ssl_context(),
    )
    client = AsyncThreeCommas(
        server.api_key,
        server.api_secret,
        base_url=server.base_url,
        http_client=http,
        clock=clock,
    )
    return client, http
