"""Server-side check of the ``Apikey`` and ``Signature`` headers, and the test credentials.

The signed bytes are built by :mod:`threecommas._signing`, the same code the client signs with,
from the request target as received (raw path, then ``?query`` when there is one) and the raw
body. When a request has a body and no query string, clients disagree on whether a ``?`` goes
between path and body (the docs' HMAC and RSA examples differ), so both forms are accepted.
"""

from __future__ import annotations

import hmac
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from threecommas._signing import (
    BODY_SEPARATOR_NONE,
    BODY_SEPARATOR_QUESTION_MARK,
    signature_payload,
    verify_hmac,
    verify_rsa,
)

__all__ = [
    "DEFAULT_API_KEY",
    "DEFAULT_API_SECRET",
    "TEST_PRIVATE_KEY_PATH",
    "TEST_PUBLIC_KEY_PATH",
    "AuthFailure",
    "RequestVerifier",
]

#: Credentials the server accepts unless told otherwise. Test values only, never real ones.
DEFAULT_API_KEY: Final = "threecommas-test-key"
#: The secret the server accepts unless told otherwise (a test value).
DEFAULT_API_SECRET: Final = "threecommas-test-secret"
#: What a stream subscription signs (the SmartTradesChannel's path).
STREAM_SIGNED_PATH: Final = b"/smart_trades"
_KEYS: Final = Path(__file__).resolve().parents[1] / "keys"
#: A 2048-bit RSA key pair for RSA mode (PKCS#8 private key, SubjectPublicKeyInfo public key).
TEST_PRIVATE_KEY_PATH: Final = _KEYS / "test_private_key.pem"
#: The public half of the test key pair, for `serve --public-key` and
#: `create_app(public_key_pem=...)`.
TEST_PUBLIC_KEY_PATH: Final = _KEYS / "test_public_key.pem"


@dataclass(frozen=True)
class AuthFailure:
    """Why a request was refused; becomes the 401 error body."""

    error: str
    description: str

    def body(self) -> dict[str, str]:
        return {"error": self.error, "error_description": self.description}


# The real API's words for a bad key and a bad signature.
_BAD_KEY = AuthFailure("api_key_invalid_or_expired", "Unauthorized. Invalid or expired api key.")
_NO_KEY = AuthFailure("api_key_invalid_or_expired", "Unauthorized. The Apikey header is missing.")
_BAD_SIGNATURE = AuthFailure("signature_invalid", "Provided signature is invalid")
_NO_SIGNATURE = AuthFailure("signature_invalid", "The Signature header is missing")


def _to_bytes(text: str) -> bytes:
    # Header values arrive decoded as latin-1, so this round-trips any value a client can send.
    return text.encode("latin-1", errors="replace")


def _check_public_key(public_key_pem: str | bytes) -> bytes:
    data = public_key_pem.encode("utf-8") if isinstance(public_key_pem, str) else public_key_pem
    try:
        key = serialization.load_pem_public_key(bytes(data))
    except Exception:
        raise ValueError("public_key_pem is not a PEM public key") from None
    if not isinstance(key, rsa.RSAPublicKey):
        raise ValueError("public_key_pem is not an RSA public key")
    return bytes(data)


class RequestVerifier:
    """Checks requests against one API key, in HMAC (secret) or RSA (public key) mode."""

    __slots__ = ("_api_key", "_public_key_pem", "_secret")

    def __init__(
        self,
        api_key: str,
        *,
        api_secret: str | None = None,
        public_key_pem: str | bytes | None = None,
    ) -> None:
        if not isinstance(api_key, str) or not api_key:
            raise ValueError("api_key must be a non-empty string")
        if public_key_pem is None and not api_secret:
            raise ValueError("give either api_secret (HMAC) or public_key_pem (RSA)")
        self._api_key = _to_bytes(api_key)
        # A self-generated (RSA) key has no shared secret, so the secret is dropped in RSA mode.
        self._public_key_pem = None if public_key_pem is None else _check_public_key(public_key_pem)
        self._secret = None if public_key_pem is not None else api_secret

    @property
    def mode(self) -> Literal["hmac", "rsa"]:
        return "rsa" if self._public_key_pem is not None else "hmac"

    def __repr__(self) -> str:
        return f"RequestVerifier(mode={self.mode!r})"

    def _verify(self, payload: bytes, signature: str) -> bool:
        if self._public_key_pem is not None:
            return verify_rsa(self._public_key_pem, payload, signature)
        assert self._secret is not None
        return verify_hmac(self._secret, payload, signature)

    def check_stream(self, api_key: object, signature: object) -> bool:
        """Whether a stream subscription's user is this key, signed as the channel wants: the
        literal path ``/smart_trades``, by the secret (HMAC hex) or the private key (RSA)."""
        if not isinstance(api_key, str) or not isinstance(signature, str):
            return False
        if not hmac.compare_digest(_to_bytes(api_key), self._api_key):
            return False
        return self._verify(STREAM_SIGNED_PATH, signature)

    def check(self, headers: Mapping[str, str], target: bytes, body: bytes) -> AuthFailure | None:
        """``None`` if the request is signed by the configured key, else why not.

        ``headers`` must look names up case-insensitively (Starlette's ``Headers`` does);
        ``target`` is the raw path plus ``?query`` when the query is not empty.
        """
        api_key = headers.get("apikey")
        if api_key is None:
            return _NO_KEY
        if not hmac.compare_digest(_to_bytes(api_key), self._api_key):
            return _BAD_KEY
        signature = headers.get("signature")
        if signature is None:
            return _NO_SIGNATURE
        separators = [BODY_SEPARATOR_QUESTION_MARK]
        if body and b"?" not in target:
            separators.append(BODY_SEPARATOR_NONE)
        for separator in separators:
            payload = signature_payload(target, body, body_separator=separator)
            if self._verify(payload, signature):
                return None
        return _BAD_SIGNATURE
