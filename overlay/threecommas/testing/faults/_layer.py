"""The fault layer: ASGI middleware that applies the faults in force to each API request."""

from __future__ import annotations

import asyncio
import json
import math
from collections.abc import Mapping
from typing import Final

import httpx
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from threecommas._constants import WRITE_OPERATIONS
from threecommas.testing._operations import API_PREFIX, FOUND_OPERATION, find_operation
from threecommas.testing.faults._config import FaultRule, JSONObject
from threecommas.testing.faults._counters import CounterKey
from threecommas.testing.faults._faults import Faults

__all__ = [
    "ConnectionDropped",
    "FaultLayer",
    "json_answer",
]

_ANSWER_KINDS: Final = frozenset({"error", "html_502", "drop"})
_CHANGING_METHODS: Final = frozenset({"POST", "PATCH", "DELETE", "PUT"})

_HTML_502: Final = (
    b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    b"<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
    b"</body>\r\n</html>\r\n"
)
_ERROR_BODIES: Final[Mapping[int, JSONObject]] = {
    500: {"error": "internal_error", "error_description": "Internal server error"},
    502: {"error": "bad_gateway", "error_description": "Bad gateway"},
    503: {"error": "service_unavailable", "error_description": "Service temporarily unavailable"},
    504: {"error": "gateway_timeout", "error_description": "Gateway timeout"},
    429: {"error": "rate_limit_exceeded", "error_description": "Too many requests"},
    418: {
        "error": "ip_banned",
        "error_description": "IP banned for repeated rate limit violations",
    },
}


class ConnectionDropped(httpx.RemoteProtocolError):
    """Raised by the app, served in-process, where a live server would drop the connection.

    An ``httpx.ASGITransport`` passes an app's exception on to the client; being an httpx
    transport error, this one reaches the client as the lost connection it stands for.
    """


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers") or ():
        if key.lower() == name:
            return bytes(value).decode("latin-1")
    return None


class _Captured:
    """A response kept back instead of sent."""

    def __init__(self) -> None:
        self.status: int | None = None
        self.headers: list[tuple[bytes, bytes]] = []
        self.body = bytearray()

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.status = int(message["status"])
            self.headers = [(bytes(k), bytes(v)) for k, v in message.get("headers", [])]
        elif message["type"] == "http.response.body":
            self.body += message.get("body", b"")

    async def send_to(self, send: Send, body: bytes | None = None) -> None:
        content = bytes(self.body) if body is None else body
        headers = [(k, v) for k, v in self.headers if k.lower() != b"content-length"]
        headers.append((b"content-length", str(len(content)).encode()))
        await send({"type": "http.response.start", "status": self.status, "headers": headers})
        await send({"type": "http.response.body", "body": content, "more_body": False})


def json_answer(
    status: int, body: JSONObject, headers: Mapping[str, str] | None = None
) -> Response:
    return JSONResponse(body, status_code=status, headers=dict(headers or {}))


def _html_502() -> Response:
    return Response(_HTML_502, status_code=502, media_type="text/html")


def _malformed(kind: str, body: bytes) -> bytes:
    if kind == "empty_body":
        return b""
    if kind == "truncated_json":
        return body[: len(body) // 2]
    try:
        data = json.loads(body)
    except ValueError:
        return body[: len(body) // 2]
    target = data
    if isinstance(data, list) and data and isinstance(data[0], dict):
        target = data[0]
    if isinstance(target, dict):
        if kind == "wrong_type":
            _wrong_types(target)
        else:
            missing = next((k for k in ("pair", "id") if k in target), next(iter(target), None))
            if missing is not None:
                del target[missing]
    return json.dumps(data).encode()


def _wrong_types(target: JSONObject) -> None:
    changed = False
    if "id" in target:
        target["id"] = "not-a-number"
        changed = True
    if "pair" in target:
        target["pair"] = 12345
        changed = True
    if changed:
        return
    for key, value in target.items():  # no id, no pair: the first scalar gets the other type
        if isinstance(value, str):
            target[key] = 12345
            return
        if isinstance(value, int | float) and not isinstance(value, bool):
            target[key] = "not-a-number"
            return


async def _drop(receive: Receive) -> None:
    """Close the connection without a word; in-process, raise the transport error instead."""
    # uvicorn's receive is a method of the request's cycle, which holds the TCP transport.
    transport = getattr(getattr(receive, "__self__", None), "transport", None)
    # Duck-typed: uvloop's transports are not asyncio.Transport subclasses.
    abort = getattr(transport, "abort", None)
    if callable(abort):
        abort()
        # Let the server see the connection lost, so that it does not try to answer after us.
        for _ in range(3):
            await asyncio.sleep(0)
        return
    raise ConnectionDropped("Server disconnected without sending a response.")


async def _hold(receive: Receive, seconds: float) -> bool:
    """Wait ``seconds``, or less if the client hangs up first; True if it did."""

    async def disconnected() -> None:
        quiet = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            quiet += 1
            if quiet > 3:  # a server that repeats the body instead of waiting: just sleep
                await asyncio.sleep(seconds + 1)

    try:
        await asyncio.wait_for(disconnected(), timeout=seconds)
    except TimeoutError:
        return False
    return True


class FaultLayer:
    """ASGI middleware that injects the configured faults and keeps the counters.

    Only requests under the API prefix are touched; the admin API and ``/openapi.yaml`` pass.
    """

    def __init__(self, app: ASGIApp, faults: Faults) -> None:
        self.app = app
        self.faults = faults

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = str(scope.get("path", ""))
        if scope["type"] != "http" or not path.startswith(API_PREFIX + "/"):
            await self.app(scope, receive, send)
            return
        faults = self.faults
        method = str(scope.get("method", "GET")).upper()
        request_id = faults.arrive(_header(scope, b"x-request-id"))
        resolved = find_operation(method, path)
        scope[FOUND_OPERATION] = resolved
        operation = None if resolved is None else resolved[0]
        key: CounterKey | None = None
        if resolved is not None:
            name, params = resolved
            key = (name, *params.values())
        changing = method in _CHANGING_METHODS

        client = scope.get("client")
        who = _header(scope, b"apikey") or (str(client[0]) if client else "unknown")
        refusal = faults.admit(who, operation, operation in WRITE_OPERATIONS)
        if refusal is not None:
            await json_answer(refusal.status, refusal.body, refusal.headers())(scope, receive, send)
            faults.record(
                key,
                request_id,
                received=False,
                changing=changing,
                handled_status=None,
                sent_status=refusal.status,
            )
            return

        decision = faults.decide(operation)
        if decision.latency > 0:
            await asyncio.sleep(decision.latency)
        rule = decision.rule

        def record(handled: int | None, sent: int | None) -> None:
            faults.record(
                key,
                request_id,
                received=True,
                changing=changing,
                handled_status=handled,
                sent_status=sent,
            )

        if rule is not None and rule.kind in _ANSWER_KINDS and not rule.after_apply:
            record(None, None if rule.kind == "drop" else _fault_status(rule))
            await self._answer_instead(rule, scope, receive, send)
            return

        if rule is None:
            started = False

            async def tracked(message: Message) -> None:
                nonlocal started
                if message["type"] == "http.response.start":
                    # Counted before it leaves: a client that reads the counters right after
                    # its answer must find this request in them.
                    started = True
                    record(int(message["status"]), int(message["status"]))
                await send(message)

            try:
                await self.app(scope, receive, tracked)
            except Exception:
                if not started:
                    record(None, None)
                raise
            return

        captured = _Captured()
        try:
            await self.app(scope, receive, captured)
        except Exception:
            record(None, None)
            raise
        handled = captured.status
        success = handled is not None and 200 <= handled < 300
        if rule.kind in _ANSWER_KINDS:
            record(handled, None if rule.kind == "drop" else _fault_status(rule))
            await self._answer_instead(rule, scope, receive, send)
        elif rule.kind == "delay":
            record(handled, handled)
            if not await _hold(receive, rule.seconds):
                await captured.send_to(send)
        elif success:  # a malformed kind
            if rule.kind == "empty_body":
                # The docs' empty answer is a `200 OK`, whatever the operation's usual 2xx.
                captured.status = 200
                captured.headers = [(k, v) for k, v in captured.headers if k != b"content-type"]
            record(handled, captured.status)
            await captured.send_to(send, _malformed(rule.kind, bytes(captured.body)))
        else:
            faults.give_back(decision)
            record(handled, handled)
            await captured.send_to(send)

    async def _answer_instead(
        self, rule: FaultRule, scope: Scope, receive: Receive, send: Send
    ) -> None:
        if rule.kind == "drop":
            await _drop(receive)
        elif rule.kind == "html_502":
            await _html_502()(scope, receive, send)
        else:
            headers = {}
            if rule.status in (429, 418) and rule.seconds > 0:
                headers["Retry-After"] = str(math.ceil(rule.seconds - 1e-9))
            answer = json_answer(rule.status, dict(_ERROR_BODIES[rule.status]), headers)
            await answer(scope, receive, send)


def _fault_status(rule: FaultRule) -> int:
    return 502 if rule.kind == "html_502" else rule.status
