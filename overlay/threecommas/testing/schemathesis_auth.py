"""Signing for schemathesis runs against the recorded-responses server (or the real API).

schemathesis calls `set` for every generated case before it is serialized, so the signature is
computed here over what will be sent: the path with the base URL's prefix, the query string,
and (for JSON bodies) the body as `requests` serializes it.

    schema.auth(refresh_interval=None)(SigningAuth)          # pytest, on one schema
    schemathesis.auth(refresh_interval=None)(SigningAuth)    # a CLI hooks module, for all

The credentials are the server's defaults unless THREE_COMMAS_API_KEY and
THREE_COMMAS_API_SECRET are set.
"""

from __future__ import annotations

import json
import os
from collections import deque
from typing import Any
from urllib.parse import urlencode, urlsplit

from threecommas._signing import HmacSigner, signature_payload
from threecommas.testing.server import DEFAULT_API_KEY, DEFAULT_API_SECRET

__all__ = ["SigningAuth", "refresh_signature"]


def _credentials() -> tuple[str, str]:
    return (
        os.environ.get("THREE_COMMAS_API_KEY") or DEFAULT_API_KEY,
        os.environ.get("THREE_COMMAS_API_SECRET") or DEFAULT_API_SECRET,
    )


def _body_bytes(case: Any) -> bytes:
    """The body as schemathesis will send it (through `requests`, `json=` for JSON media)."""
    body = getattr(case, "body", None)
    if type(body).__name__ == "NotSet":
        return b""
    if body is None:
        return b"null"  # schemathesis sends an explicit JSON null
    if isinstance(body, bytes):
        return body
    # `requests` encodes json= bodies with json.dumps' defaults (", " and ": " separators).
    return json.dumps(body).encode()


def _signature(case: Any, secret: str) -> str:
    prefix = urlsplit(case.operation.base_url or "").path.rstrip("/")
    target = prefix + case.formatted_path
    if case.query:
        target += "?" + urlencode(case.query, doseq=True)
    return HmacSigner(secret).sign(signature_payload(target.encode(), _body_bytes(case)))


# Signatures this module produced: only those are refreshed before a call, never a header
# that schemathesis removed or spoiled on purpose (ignored_auth, negative cases).
_ISSUED: deque[str] = deque(maxlen=4096)


class SigningAuth:
    """A schemathesis auth provider that sets `Apikey` and `Signature` on every case."""

    def get(self, case: Any, ctx: Any) -> tuple[str, str]:
        return _credentials()

    def set(self, case: Any, data: tuple[str, str], ctx: Any) -> None:
        api_key, secret = data
        signature = _signature(case, secret)
        _ISSUED.append(signature)
        case.headers = {**(case.headers or {}), "Apikey": api_key, "Signature": signature}


def refresh_signature(context: Any, case: Any, kwargs: dict[str, Any]) -> None:
    """A `before_call` hook: sign again what is about to be sent.

    In the stateful phase schemathesis fills a request with values from earlier responses
    after the auth provider ran; the signature must cover the final request."""
    headers = case.headers or {}
    if headers.get("Signature") in _ISSUED:
        api_key, secret = _credentials()
        if headers.get("Apikey") == api_key:
            signature = _signature(case, secret)
            _ISSUED.append(signature)
            case.headers = {**headers, "Signature": signature}
