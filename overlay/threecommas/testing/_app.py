"""The Starlette app: one route per path, JSON for every answer, no exception ever escapes.

A path serves one to three operations, one per method; any other method gets 405 with an
``Allow`` header naming exactly the path's methods. For a request that reaches an operation,
checks run in the API's order: signature (401), then the ``Forced-Mode`` header (400), then the
ids in the path (404), then the operation's own rule in the store: an unknown resource (404),
the request body (400/422) or query (400), a forbidden state (403).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, Final

from starlette.applications import Starlette
from starlette.convertors import Convertor, register_url_convertor
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route, request_response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from threecommas._params import ParameterError, check_parameters
from threecommas._schema import spec_path
from threecommas.testing._auth import RequestVerifier
from threecommas.testing._faults import FaultConfig, FaultLayer, Faults, admin_routes
from threecommas.testing._operations import (
    API_PREFIX,
    Operation,
    by_path,
    path_names,
    read_path_ids,
)
from threecommas.testing._recordings import load_recordings
from threecommas.testing._store import ActionError, SmartTradeStore

__all__ = [
    "DEFAULT_API_KEY",
    "DEFAULT_API_SECRET",
    "OPENAPI_DOCUMENT_PATH",
    "TEST_PRIVATE_KEY_PATH",
    "TEST_PUBLIC_KEY_PATH",
    "create_app",
]

_log = logging.getLogger("threecommas.testing")

_HERE: Final = Path(__file__).resolve().parent

#: Credentials the server accepts unless told otherwise. Test values only, never real ones.
DEFAULT_API_KEY: Final = "threecommas-test-key"
DEFAULT_API_SECRET: Final = "threecommas-test-secret"
#: A 2048-bit RSA key pair for RSA mode (PKCS#8 private key, SubjectPublicKeyInfo public key).
TEST_PRIVATE_KEY_PATH: Final = _HERE / "keys" / "test_private_key.pem"
TEST_PUBLIC_KEY_PATH: Final = _HERE / "keys" / "test_public_key.pem"


def _openapi_document_path() -> Path:
    try:
        return spec_path()  # the copy in an installed package, or the one in a source checkout
    except FileNotFoundError:
        return _HERE.parents[2] / "openapi" / "threecommas.yaml"


#: The OpenAPI document this installation carries (served at /openapi.yaml).
OPENAPI_DOCUMENT_PATH: Final = _openapi_document_path()


# Error names for statuses that Starlette itself raises (no route, wrong method).
_HTTP_ERRORS: Final[dict[int, tuple[str, str]]] = {
    404: ("Not found", "No API operation at this path"),
    405: ("Method not allowed", "This path does not accept this method"),
}


def _error(status: int, error: str, description: str | None = None, **kwargs: Any) -> JSONResponse:
    body: dict[str, str] = {"error": error}
    if description is not None:
        body["error_description"] = description
    return JSONResponse(body, status_code=status, **kwargs)


def _request_target(scope: Scope) -> bytes:
    """The path and query exactly as the client sent them, which is what it signed."""
    raw_path = scope.get("raw_path")
    if not isinstance(raw_path, bytes):
        # ASGI makes raw_path optional; without it, the best guess is the path as routed.
        raw_path = (str(scope.get("root_path", "")) + str(scope["path"])).encode("utf-8")
    query = scope.get("query_string") or b""
    return raw_path + b"?" + query if query else raw_path


class _IdConvertor(Convertor[str]):
    """Digits only, and at most as many as an int64 has; kept as text for the spec's check.

    Starlette's ``int`` convertor matches any run of digits and calls ``int()`` on it, which
    raises (inside routing, before any handler) past 4300 digits. Here ``AAA``, ``0.5``,
    ``-1`` or a 20-digit number simply match no route (JSON 404); ``0`` and 19-digit values
    above int64 reach the handler, which answers 404 after the signature check.
    """

    regex = "[0-9]{1,19}"

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return str(value)


_ID_CONVERTOR: Final = "threecommas_id"
register_url_convertor(_ID_CONVERTOR, _IdConvertor())

Endpoint = Callable[[Request], Awaitable[Response]]


def _route_path(template: str) -> str:
    """The Starlette route of a path template: every path parameter of the API is an id."""
    return API_PREFIX + re.sub(r"\{(\w+)\}", r"{\1:" + _ID_CONVERTOR + "}", template)


# The order of the methods in an ``Allow`` header: the docs' order (create before list).
_METHOD_ORDER: Final = ("POST", "GET", "PATCH", "PUT", "DELETE")
_FORCED_MODE: Final = "Forced-Mode"


def _forced_mode_problem(operation_id: str, request: Request) -> str | None:
    """What is wrong with the ``Forced-Mode`` header(s), checked against the spec, or None."""
    for mode in request.headers.getlist(_FORCED_MODE):
        try:
            check_parameters(operation_id, [(_FORCED_MODE, mode)], location="header")
        except ParameterError as exc:
            return str(exc)
    return None


def _operation_endpoint(
    operations: list[Operation], verifier: RequestVerifier, store: SmartTradeStore
) -> Endpoint:
    by_method = {operation.method: operation for operation in operations}
    allow = ", ".join(sorted(by_method, key=_METHOD_ORDER.index))

    async def endpoint(request: Request) -> Response:
        operation = by_method.get(request.method)
        if operation is None:
            raise HTTPException(405, headers={"Allow": allow})
        body = await request.body()
        failure = verifier.check(request.headers, _request_target(request.scope), body)
        if failure is not None:
            return JSONResponse(failure.body(), status_code=401)
        problem = _forced_mode_problem(operation.operation_id, request)
        if problem is not None:
            return _error(400, "Wrong param(s)", problem)
        names = path_names(operation)
        try:
            params = read_path_ids(
                operation.operation_id, [(name, request.path_params[name]) for name in names]
            )
        except ParameterError as exc:
            return _error(404, "Not found", str(exc))
        try:
            status, answer = store.perform(
                operation.operation_id,
                params,
                query=request.query_params.multi_items(),
                body=body,
            )
        except ActionError as refusal:
            return JSONResponse(refusal.body(), status_code=refusal.status)
        return JSONResponse(answer, status_code=status)

    return endpoint


class _AnyMethod:
    """An endpoint as an ASGI object: Starlette then routes every method to it (a plain function
    would be limited to GET), so that the endpoint itself answers 405 with the path's methods."""

    def __init__(self, endpoint: Endpoint) -> None:
        self._app = request_response(endpoint)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self._app(scope, receive, send)


async def _openapi_document(request: Request) -> Response:
    if OPENAPI_DOCUMENT_PATH.is_file():
        return FileResponse(OPENAPI_DOCUMENT_PATH, media_type="application/yaml")
    return _error(404, "Not found", "The OpenAPI document is not part of this installation")


async def _http_exception(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    headers = exc.headers if isinstance(exc, HTTPException) else None
    error, description = _HTTP_ERRORS.get(status, ("Error", None))
    if status == 405 and headers and "Allow" in headers:
        description = f"Allowed: {headers['Allow']}"
    return _error(status, error, description, headers=headers)


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
                await _error(500, "internal_error")(scope, receive, send)


def create_app(
    *,
    api_key: str = DEFAULT_API_KEY,
    api_secret: str | None = DEFAULT_API_SECRET,
    public_key_pem: str | bytes | None = None,
    recordings_dir: str | Path | None = None,
    faults: FaultConfig | Faults | None = None,
) -> Starlette:
    """Build a recorded-responses server with a fresh store.

    HMAC mode checks signatures with ``api_secret``; passing ``public_key_pem`` switches to RSA
    mode, where only signatures by the matching private key are accepted. The store starts from
    the recordings in ``recordings_dir`` (default: the ones shipped with the package) and is
    available as ``app.state.store``.

    ``faults`` sets the faults to inject (none by default); they, and the counters of what the
    server applied, are ``app.state.faults`` and the admin API under ``/__admin__`` (see
    :mod:`threecommas.testing._faults`).
    """
    verifier = RequestVerifier(api_key, api_secret=api_secret, public_key_pem=public_key_pem)
    store = SmartTradeStore.from_recordings(load_recordings(recordings_dir))
    fault_state = faults if isinstance(faults, Faults) else Faults(faults)
    routes = [
        Route(
            _route_path(path),
            _AnyMethod(_operation_endpoint(operations, verifier, store)),
            name="+".join(op.operation_id for op in operations),
        )
        for path, operations in by_path().items()
    ]
    routes.append(Route("/openapi.yaml", _openapi_document, methods=["GET"], name="openapi"))
    routes += admin_routes(store, fault_state)
    app = Starlette(
        routes=routes,
        # Faults outermost: a dropped connection must not become _CatchAll's 500.
        middleware=[Middleware(FaultLayer, faults=fault_state), Middleware(_CatchAll)],
        exception_handlers={HTTPException: _http_exception},
    )
    # A trailing slash would otherwise get a non-JSON redirect; the API has no such paths.
    app.router.redirect_slashes = False
    app.state.store = store
    app.state.verifier = verifier
    app.state.faults = fault_state
    return app
