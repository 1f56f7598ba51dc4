"""The API's routes: one per path of the spec's catalogue, dispatching on the method.

A path serves one to three operations, one per method; any other method gets 405 with an
``Allow`` header naming exactly the path's methods. For a request that reaches an operation,
checks run in the API's order: signature (401), then the ``Forced-Mode`` header (400), then the
ids in the path (404), then the operation's own rule in the store: an unknown resource (404),
the request body (400/422) or query (400), a forbidden state (403). The header and the ids are
checked against the spec by :func:`threecommas._params.check_parameters`.
"""

from __future__ import annotations

import re
from typing import Any, Final
from urllib.parse import parse_qsl

from starlette.convertors import Convertor, register_url_convertor
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from threecommas._params import ParameterError, check_parameters
from threecommas.testing._operations import (
    API_PREFIX,
    Operation,
    by_path,
    path_names,
    read_path_ids,
    request_target,
)
from threecommas.testing.server._auth import RequestVerifier
from threecommas.testing.simulation import ActionError, SmartTradeStore

__all__ = ["OperationEndpoint", "error_response", "operation_endpoints", "operation_routes"]


def error_response(
    status: int, error: str, description: str | None = None, **kwargs: Any
) -> JSONResponse:
    body: dict[str, str] = {"error": error}
    if description is not None:
        body["error_description"] = description
    return JSONResponse(body, status_code=status, **kwargs)


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


def _route_path(template: str) -> str:
    """The Starlette route of a path template: every path parameter of the API is an id."""
    return API_PREFIX + re.sub(r"\{(\w+)\}", r"{\1:" + _ID_CONVERTOR + "}", template)


# The order of the methods in an ``Allow`` header: the docs' order (create before list).
_METHOD_ORDER: Final = ("POST", "GET", "PATCH", "PUT", "DELETE")
_FORCED_MODE: Final = "Forced-Mode"


def _forced_mode_problem(operation_id: str, headers: Headers) -> str | None:
    """What is wrong with the ``Forced-Mode`` header(s), checked against the spec, or None."""
    for mode in headers.getlist(_FORCED_MODE):
        try:
            check_parameters(operation_id, [(_FORCED_MODE, mode)], location="header")
        except ParameterError as exc:
            return str(exc)
    return None


async def _read_body(receive: Receive) -> bytes:
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise ClientDisconnect()
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _query_items(scope: Scope) -> list[tuple[str, str]]:
    # What Starlette's QueryParams would give, without building one per request.
    query = scope.get("query_string") or b""
    return parse_qsl(query.decode("latin-1"), keep_blank_values=True) if query else []


class OperationEndpoint:
    """The operations at one path, as a plain ASGI app (Starlette then routes every method to
    it, so that it answers 405 itself with exactly the path's methods in ``Allow``)."""

    def __init__(
        self, operations: list[Operation], verifier: RequestVerifier, store: SmartTradeStore
    ) -> None:
        self.operations = operations
        self._by_method = {operation.method: operation for operation in operations}
        self._names = {operation.method: path_names(operation) for operation in operations}
        self._allow = ", ".join(sorted(self._by_method, key=_METHOD_ORDER.index))
        self._verifier = verifier
        self._store = store

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = await self._answer(scope, receive, None)
        await response(scope, receive, send)

    async def serve_found(
        self, scope: Scope, receive: Receive, send: Send, ids: dict[str, int]
    ) -> None:
        """Answer a request whose operation (one of this path's) and path ids are already
        known and checked (:func:`~threecommas.testing._operations.find_operation`)."""
        response = await self._answer(scope, receive, ids)
        await response(scope, receive, send)

    async def _answer(self, scope: Scope, receive: Receive, ids: dict[str, int] | None) -> Response:
        method = scope["method"]
        operation = self._by_method.get(method)
        if operation is None:
            raise HTTPException(405, headers={"Allow": self._allow})
        body = await _read_body(receive)
        headers = Headers(scope=scope)
        # A public operation (`signed` False in the catalogue) is answered without a signature.
        failure = (
            self._verifier.check(headers, request_target(scope), body) if operation.signed else None
        )
        if failure is not None:
            return JSONResponse(failure.body(), status_code=401)
        problem = _forced_mode_problem(operation.operation_id, headers)
        if problem is not None:
            return error_response(400, "Wrong param(s)", problem)
        if ids is not None:
            params = ids
        else:
            path_params = scope["path_params"]
            try:
                params = read_path_ids(
                    operation.operation_id,
                    [(name, path_params[name]) for name in self._names[method]],
                )
            except ParameterError as exc:
                return error_response(404, "Not found", str(exc))
        try:
            status, answer = self._store.perform_encoded(
                operation.operation_id, params, query=_query_items(scope), body=body
            )
        except ActionError as refusal:
            return JSONResponse(refusal.body(), status_code=refusal.status)
        return Response(answer, status_code=status, media_type="application/json")


def operation_endpoints(
    verifier: RequestVerifier, store: SmartTradeStore
) -> dict[str, OperationEndpoint]:
    """The endpoint of each path of the catalogue (by path template)."""
    return {
        path: OperationEndpoint(operations, verifier, store)
        for path, operations in by_path().items()
    }


def operation_routes(endpoints: dict[str, OperationEndpoint]) -> list[Route]:
    """A route per path of the catalogue, each answering every operation at that path."""
    return [
        Route(
            _route_path(path),
            endpoint,
            name="+".join(op.operation_id for op in endpoint.operations),
        )
        for path, endpoint in endpoints.items()
    ]
