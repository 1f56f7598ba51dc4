"""The Starlette app of the recorded-responses server: JSON for every answer, no exception escapes.

Its routes are the API's (``_routes``, from the spec's catalogue), ``/openapi.yaml`` and the
admin API (:mod:`threecommas.testing.faults`); the fault layer wraps them all.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Final

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import BaseRoute, Route, WebSocketRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from threecommas._schema import spec_path
from threecommas.testing._operations import FOUND_OPERATION
from threecommas.testing.faults import FaultConfig, FaultLayer, Faults, admin_routes
from threecommas.testing.recording import load_recordings
from threecommas.testing.server._auth import DEFAULT_API_KEY, DEFAULT_API_SECRET, RequestVerifier
from threecommas.testing.server._cable import DEFAULT_PING_INTERVAL_S, STREAM_PATH, CableChannel
from threecommas.testing.server._routes import (
    OperationEndpoint,
    error_response,
    operation_endpoints,
    operation_routes,
)
from threecommas.testing.simulation import Market, MarketControl, SmartTradeStore, VirtualClock
from threecommas.testing.simulation._market import PathSource

__all__ = ["OPENAPI_DOCUMENT_PATH", "create_app"]

_log = logging.getLogger("threecommas.testing")


def _openapi_document_path() -> Path:
    try:
        return spec_path()  # the copy in an installed package, or the one in a source checkout
    except FileNotFoundError:
        return Path(__file__).resolve().parents[4] / "openapi" / "threecommas.yaml"


#: The OpenAPI document this installation carries (served at /openapi.yaml).
OPENAPI_DOCUMENT_PATH: Final = _openapi_document_path()

# Error names for statuses that Starlette itself raises (no route, wrong method).
_HTTP_ERRORS: Final[dict[int, tuple[str, str]]] = {
    404: ("Not found", "No API operation at this path"),
    405: ("Method not allowed", "This path does not accept this method"),
}


async def _openapi_document(request: Request) -> Response:
    if OPENAPI_DOCUMENT_PATH.is_file():
        return FileResponse(OPENAPI_DOCUMENT_PATH, media_type="application/yaml")
    return error_response(404, "Not found", "The OpenAPI document is not part of this installation")


async def _http_exception(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    headers = exc.headers if isinstance(exc, HTTPException) else None
    error, description = _HTTP_ERRORS.get(status, ("Error", None))
    if status == 405 and headers and "Allow" in headers:
        description = f"Allowed: {headers['Allow']}"
    return error_response(status, error, description, headers=headers)


class _CatchAll:
    """Turn any exception into a JSON 500 instead of letting it leave the app.

    Starlette's own error middleware answers 500 but then re-raises, which an in-process client
    (schemathesis, TestClient) sees as a crash of the test itself.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracked_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracked_send)
        except Exception:
            # The method and path only: a request's headers carry credentials.
            _log.exception("unhandled error for %s %s", scope.get("method"), scope.get("path"))
            if not started:
                await error_response(500, "internal_error")(scope, receive, send)


@functools.cache
def _shipped_store() -> SmartTradeStore:
    """The store of the shipped recordings, never served: fresh stores are made from it."""
    return SmartTradeStore.from_recordings(load_recordings())


class _FoundOperations:
    """Send an API request whose operation the fault layer found (a method of the path, ids
    that the spec allows) straight to its endpoint: what Starlette's routing would do, without
    going through every route. Anything else (no operation, a wrong method or id, the admin API,
    ``/openapi.yaml``) goes through the routing and its JSON 404 and 405."""

    def __init__(self, app: ASGIApp, endpoints: Mapping[str, OperationEndpoint]) -> None:
        self.app = app
        self._by_operation = {
            operation.operation_id: endpoint
            for endpoint in endpoints.values()
            for operation in endpoint.operations
        }

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        found = scope.get(FOUND_OPERATION) if scope["type"] == "http" else None
        if found is not None:
            endpoint = self._by_operation.get(found[0])
            if endpoint is not None:
                await endpoint.serve_found(scope, receive, send, found[1])
                return
        await self.app(scope, receive, send)


def create_app(
    *,
    api_key: str = DEFAULT_API_KEY,
    api_secret: str | None = DEFAULT_API_SECRET,
    public_key_pem: str | bytes | None = None,
    recordings_dir: str | Path | None = None,
    faults: FaultConfig | Faults | None = None,
    market: PathSource | None = None,
    market_pair: str | None = None,
    market_real_time: bool = False,
    stream_ping_interval: float = DEFAULT_PING_INTERVAL_S,
    plan: str | None = None,
) -> Starlette:
    """Build a recorded-responses server with a fresh store.

    HMAC mode checks signatures with ``api_secret``; passing ``public_key_pem`` switches to RSA
    mode, where only signatures by the matching private key are accepted. The store starts from
    the recordings in ``recordings_dir`` (default: the ones shipped with the package) and is
    available as ``app.state.store``.

    ``faults`` sets the faults to inject (none by default); they, and the counters of what the
    server applied, are ``app.state.faults`` and the admin API under ``/__admin__`` (see
    :mod:`threecommas.testing.faults`).

    The store has a simulated market (``app.state.market``, a
    :class:`~threecommas.testing.MarketControl`): ``market``, a price path (a file
    name or open file, JSON or CSV, candles, or parsed JSON), plays from the start, its
    records without a pair (candles) for ``market_pair``; without it the
    market has no price and every SmartTrade answers as recorded until it is given one. Its
    virtual clock moves only when advanced, unless ``market_real_time``: then it also follows
    the real time, scaled by the faults' ``time_factor`` (0.01: a virtual minute in 0.6 s),
    caught up before each request is answered.

    ``plan`` (``"starter"``, ``"pro"``, ``"expert"``) plays a subscription plan as
    3Commas is reported to enforce them: the plan's limit a minute (scaled by the faults'
    ``time_factor`` like every emulated limit), a 429 whose body names the next allowed moment
    (``Rate limit exceeded. Next request at <UTC>``, no ``Retry-After``) and, for the read-only
    plans, the plan-restriction 429 for every write. Same as ``FaultConfig(plan=...)``.

    ``/websocket`` serves the SmartTradesChannel stream (``server/_cable.py``), pinging every
    ``stream_ping_interval`` seconds; ``app.state.stream`` is its channel.
    """
    verifier = RequestVerifier(api_key, api_secret=api_secret, public_key_pem=public_key_pem)
    if recordings_dir is None:
        store = _shipped_store().fresh()  # the shipped recordings, read once per process
    else:
        store = SmartTradeStore.from_recordings(load_recordings(recordings_dir))
    if plan is not None:
        if isinstance(faults, Faults):
            faults.configure(faults.config, plan=plan)
        else:
            faults = replace(faults or FaultConfig(), plan=plan)  # a bad plan: ValueError
    fault_state = faults if isinstance(faults, Faults) else Faults(faults)
    if market_real_time:
        clock = VirtualClock.real_time(time_factor=fault_state.config.time_factor)
        store.use_market(Market(clock=clock))
    market_control = MarketControl(store)
    if market is not None:
        market_control.load(market, pair=market_pair)  # a bad path raises PriceError (a ValueError)
    endpoints = operation_endpoints(verifier, store)
    routes = operation_routes(endpoints)
    routes.append(Route("/openapi.yaml", _openapi_document, methods=["GET"], name="openapi"))
    routes += admin_routes(store, fault_state)
    stream = CableChannel(store, verifier, fault_state.stream, ping_interval=stream_ping_interval)
    app_routes: list[BaseRoute] = [*routes, WebSocketRoute(STREAM_PATH, stream, name="stream")]
    app = Starlette(
        routes=app_routes,
        # Faults outermost: a dropped connection must not become _CatchAll's 500.
        middleware=[
            Middleware(FaultLayer, faults=fault_state),
            Middleware(_CatchAll),
            Middleware(_FoundOperations, endpoints=endpoints),
        ],
        exception_handlers={HTTPException: _http_exception},
    )
    # A trailing slash would otherwise get a non-JSON redirect; the API has no such paths.
    app.router.redirect_slashes = False
    app.state.store = store
    app.state.verifier = verifier
    app.state.faults = fault_state
    app.state.market = market_control
    app.state.stream = stream
    return app
