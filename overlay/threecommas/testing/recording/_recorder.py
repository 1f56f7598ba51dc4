"""Record mode: a proxy in front of the API that saves each answer as a recording file.

Point a client at the recorder instead of the API; it forwards every request under
``/public/api`` to the upstream unchanged (request target, body and headers as received, so
that the client's ``Apikey`` and ``Signature`` stay valid for the upstream), hands the answer
back, and writes the interaction in the format of ``_format`` (a :class:`Recording`), which
``python -m threecommas.testing serve --recordings DIR`` replays.

A recording holds the request line (without any credential-looking query parameter), the
status and the response body; never a header, a request body, a cookie or the upstream's
userinfo. Any value the request carried in a credential header (the API key, the signature, a
cookie) that still turns up in the path or the response body is replaced by ``[redacted]``.

Files are named ``NNNN_<operation>_<ids>.json`` in the order the answers arrived, numbered
after the files already in the directory, so that several sessions can record into one place and
the replaying store sees the earliest state of a SmartTrade first.
"""

from __future__ import annotations

import json
import logging
import os
import re
import threading
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final
from urllib.parse import unquote_plus

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from threecommas import DEFAULT_BASE_URL
from threecommas.testing._operations import (
    API_PREFIX,
    find_operation,
    request_target,
    split_query,
)

__all__ = [
    "DEFAULT_UPSTREAM",
    "REDACTED",
    "Recorder",
    "create_recorder_app",
    "upstream_origin",
]

_log = logging.getLogger("threecommas.testing.record")

#: Where the recorder forwards to unless told otherwise: the real API.
DEFAULT_UPSTREAM: Final = DEFAULT_BASE_URL
#: What a credential value found in a recording is replaced with.
REDACTED: Final = "[redacted]"

# Connection-level headers concern one hop only; Host and Content-Length are set anew for the
# upstream request (same body, so the same length).
_HOP_BY_HOP: Final = frozenset(
    {
        "connection",
        "content-length",
        "host",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "proxy-connection",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
    }
)
# The client gets the decoded body back, so the upstream's encoding no longer applies.
_NOT_RETURNED: Final = _HOP_BY_HOP | {"content-encoding"}

#: Headers whose values must never reach a recording (recordings have no headers; their values
#: are also looked for in what is written).
_CREDENTIAL_HEADERS: Final = frozenset(
    {"apikey", "signature", "forced-mode", "authorization", "cookie", "set-cookie", "x-api-key"}
)
_CREDENTIAL_NAME: Final = re.compile(
    r"api[-_]?key|secret|signature|token|passw|auth|session|cookie|credential|private",
    re.IGNORECASE,
)
# Shorter values are too likely to occur by chance in a body ("paper", "real", ids).
_MIN_SECRET_LENGTH: Final = 8

_UPSTREAM_TIMEOUT: Final = httpx.Timeout(60.0, connect=10.0)
_SEQUENCE: Final = re.compile(r"^(\d+)_")


def upstream_origin(upstream: str) -> str:
    """``scheme://host[:port]`` of the API, from its origin or its base URL (``.../public/api``).

    Any other path is refused: the client signs ``/public/api/...``, and the request target is
    forwarded unchanged, so the upstream must serve the API under that same prefix.
    """
    try:
        url = httpx.URL(upstream)
    except httpx.InvalidURL as exc:
        raise ValueError(f"invalid upstream URL: {exc}") from None
    if url.scheme not in {"http", "https"} or not url.host:
        raise ValueError("the upstream must be an http:// or https:// URL")
    if url.userinfo:
        raise ValueError("the upstream URL must not carry a user name or password")
    if url.query or url.fragment:
        raise ValueError("the upstream URL must not have a query or a fragment")
    if url.path.rstrip("/") not in {"", API_PREFIX}:
        raise ValueError(f"the upstream URL's path must be empty or {API_PREFIX}, not {url.path}")
    return str(url.copy_with(path="/")).rstrip("/")


def _secret_values(headers: Iterable[tuple[str, str]]) -> set[str]:
    """The values of credential headers, cookies split into their values too."""
    found: set[str] = set()
    for name, value in headers:
        lowered = name.lower()
        if lowered not in _CREDENTIAL_HEADERS and not _CREDENTIAL_NAME.search(lowered):
            continue
        candidates = [value]
        if lowered in {"cookie", "set-cookie"}:
            for part in re.split(r"[;,]", value):
                candidates.append(part.partition("=")[2].strip())
        elif lowered == "authorization":
            candidates.append(value.partition(" ")[2].strip())
        found.update(c for c in candidates if len(c) >= _MIN_SECRET_LENGTH)
    return found


def _safe_query(query: str, secrets: set[str]) -> str:
    """The query without parameters whose name looks like a credential or whose value is one."""
    kept = []
    for part in query.split("&"):
        if not part:
            continue
        raw_name, _, raw_value = part.partition("=")
        name, value = unquote_plus(raw_name), unquote_plus(raw_value)
        if _CREDENTIAL_NAME.search(name) or any(s in value or s in part for s in secrets):
            continue
        kept.append(part)
    return "&".join(kept)


def _redact(value: Any, secrets: set[str]) -> Any:
    if isinstance(value, str):
        # Longest first, so that a secret containing another is replaced whole.
        for secret in sorted(secrets, key=len, reverse=True):
            value = value.replace(secret, REDACTED)
        return value
    if isinstance(value, list):
        return [_redact(item, secrets) for item in value]
    if isinstance(value, dict):
        return {_redact(k, secrets): _redact(v, secrets) for k, v in value.items()}
    return value


def _response_body(content: bytes) -> Any:
    """The body as JSON when it is JSON; otherwise its text, so that nothing is lost."""
    if not content.strip():
        return None
    try:
        return json.loads(content)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return content.decode("utf-8", errors="replace")


class Recorder:
    """Writes one recording file per interaction into ``out_dir``, numbered in arrival order."""

    def __init__(self, out_dir: Path, source: str) -> None:
        self.out_dir = out_dir
        self.source = source
        self._lock = threading.Lock()
        out_dir.mkdir(parents=True, exist_ok=True)
        numbers = [
            int(found.group(1))
            for found in (_SEQUENCE.match(p.name) for p in out_dir.glob("*.json"))
            if found is not None
        ]
        self._next = max(numbers, default=0) + 1

    def write(
        self,
        *,
        method: str,
        target: str,
        status: int,
        content: bytes,
        secret_headers: Iterable[tuple[str, str]],
    ) -> Path | None:
        """Save the interaction; ``None`` when no known operation matches its path."""
        secrets = _secret_values(secret_headers)
        path, query = split_query(target)
        found = find_operation(method, path)
        if found is None:
            _log.warning("not recorded (no known operation): %s %s", method, path)
            return None
        operation_id, params = found
        relative = path.removeprefix(API_PREFIX)
        safe_query = _safe_query(query, secrets)
        recording = {
            "operation": operation_id,
            "method": method,
            "path": _redact(f"{relative}?{safe_query}" if safe_query else relative, secrets),
            "status": status,
            "body": _redact(_response_body(content), secrets),
            "source": f"{self.source}, {datetime.now(UTC):%Y-%m-%dT%H:%M:%SZ}",
        }
        text = json.dumps(recording, indent=2, ensure_ascii=False) + "\n"
        ids = "".join(f"_{value}" for value in params.values())
        with self._lock:
            number = self._next
            self._next += 1
            file = self.out_dir / f"{number:04d}_{operation_id}{ids}.json"
            # Written aside and renamed, so that a server loading the directory never reads half
            # a file (the loader only picks up *.json).
            partial = file.with_name(file.name + ".partial")
            partial.write_text(text, encoding="utf-8")
            os.replace(partial, file)
        _log.info("recorded %s %s -> %s in %s", method, recording["path"], status, file.name)
        return file


def _forwarded_headers(raw: Iterable[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    return [(k, v) for k, v in raw if k.decode("latin-1").lower() not in _HOP_BY_HOP]


def _returned_headers(headers: httpx.Headers) -> list[tuple[bytes, bytes]]:
    return [(k, v) for k, v in headers.raw if k.decode("latin-1").lower() not in _NOT_RETURNED]


def create_recorder_app(upstream: str, out_dir: str | Path) -> Starlette:
    """A Starlette app that forwards ``/public/api/...`` to ``upstream`` and records answers.

    ``upstream`` is the API's origin or base URL (default in the CLI: the real API).
    """
    origin = upstream_origin(upstream)
    recorder = Recorder(
        Path(out_dir), source=f"recorded from {origin} by the threecommas.testing recorder"
    )

    async def forward(request: Request) -> Response:
        target = request_target(request.scope).decode("latin-1")
        body = await request.body()
        outgoing = httpx.Request(
            request.method,
            httpx.URL(origin).copy_with(raw_path=target.encode("latin-1")),
            headers=_forwarded_headers(request.headers.raw),
            content=body,
        )
        try:
            async with httpx.AsyncClient(timeout=_UPSTREAM_TIMEOUT) as client:
                answer = await client.send(outgoing)
        except httpx.RequestError as exc:
            # The exception's text may hold the URL; its type says enough.
            _log.warning(
                "upstream unreachable for %s %s: %s",
                request.method,
                request.url.path,
                type(exc).__name__,
            )
            return JSONResponse(
                {
                    "error": "bad_gateway",
                    "error_description": f"the upstream API did not answer ({type(exc).__name__})",
                },
                status_code=502,
            )
        try:
            recorder.write(
                method=request.method,
                target=target,
                status=answer.status_code,
                content=answer.content,
                secret_headers=[
                    *request.headers.items(),
                    *((k, v) for k, v in answer.headers.multi_items() if k.lower() == "set-cookie"),
                ],
            )
        except OSError as exc:
            # The upstream has acted on the request (an order may be placed): its answer must
            # reach the client even when it cannot be saved.
            _log.error(
                "could not write the recording of %s %s: %s", request.method, request.url.path, exc
            )
        response = Response(answer.content, status_code=answer.status_code)
        response.raw_headers.extend(_returned_headers(answer.headers))
        return response

    async def elsewhere(request: Request) -> Response:
        return JSONResponse(
            {"error": "Not found", "error_description": f"only {API_PREFIX}/... is forwarded"},
            status_code=404,
        )

    methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
    app = Starlette(
        routes=[
            Route(API_PREFIX + "/{rest:path}", forward, methods=methods),
            Route("/{rest:path}", elsewhere, methods=methods),
        ]
    )
    app.router.redirect_slashes = False
    app.state.recorder = recorder
    return app
