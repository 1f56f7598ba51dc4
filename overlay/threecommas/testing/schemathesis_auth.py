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
from typing import Any
from urllib.parse import urlencode, urlsplit

from threecommas._signing import HmacSigner, signature_payload
from threecommas.testing._app import DEFAULT_API_KEY, DEFAULT_API_SECRET

__all__ = ["SigningAuth"]


def _credentials() -> tuple[str, str]:
    return (
        os.environ.get("THREE_COMMAS_API_KEY") or DEFAULT_API_KEY,
        os.environ.get("THREE_COMMAS_API_SECRET") or DEFAULT_API_SECRET,
    )


def _body_bytes(case: Any) -> bytes:
    body = getattr(case, "body", None)
    if body is None or type(body).__name__ == "NotSet":
        return b""
    if isinstance(body, bytes):
        return body
    # `requests` sends json= bodies with json.dumps' default separators.
    return json.dumps(body).encode()


class SigningAuth:
    """A schemathesis auth provider that sets `Apikey` and `Signature` on every case."""

    def get(self, case: Any, ctx: Any) -> tuple[str, str]:
        return _credentials()

    def set(self, case: Any, data: tuple[str, str], ctx: Any) -> None:
        api_key, secret = data
        prefix = urlsplit(case.operation.base_url or "").path.rstrip("/")
        target = prefix + case.formatted_path
        if case.query:
            target += "?" + urlencode(case.query, doseq=True)
        payload = signature_payload(target.encode(), _body_bytes(case))
        case.headers = {
            **(case.headers or {}),
            "Apikey": api_key,
            "Signature": HmacSigner(secret).sign(payload),
        }
