"""Request signing for the 3Commas public API.

Every SIGNED endpoint needs two headers: ``Apikey`` (the key id) and ``Signature``. The signature
covers the request target as it goes over the wire (the path including the ``/public/api`` prefix,
plus ``?query`` when there is one) followed by the raw body bytes. Two kinds of key exist:

* system-generated keys: HMAC-SHA256 with the shared secret, sent as lower-case hex;
* self-generated keys: RSASSA-PKCS1-v1_5 with SHA-256 over the same bytes, sent as base64.

No time stamp or nonce is part of the signed string, so a signature only depends on the target and
the body. The docs disagree on whether a body sent *without* a query string is preceded by ``?``:
the HMAC JSON example signs ``path?{json}``, the RSA JSON example signs ``path{json}``. Both
choices are available through ``body_separator``; ``"?"`` is the default.

Nothing in this module ever puts a secret, a private key or a full API key into a ``repr()``, a
``str()`` or an exception message.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
from collections.abc import Generator
from typing import TYPE_CHECKING, Final, Protocol

import httpx

# `cryptography` is imported where RSA is used: HMAC users (most) never pay for it at import.
if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric import rsa

__all__ = [
    "BODY_SEPARATOR_NONE",
    "BODY_SEPARATOR_QUESTION_MARK",
    "HmacSigner",
    "RsaSigner",
    "Signer",
    "ThreeCommasAuth",
    "signature_payload",
    "verify_hmac",
    "verify_rsa",
]

#: Separator used by the official HMAC JSON example: ``path?{json}``.
BODY_SEPARATOR_QUESTION_MARK: Final = "?"
#: Separator used by the official RSA JSON example: ``path{json}``.
BODY_SEPARATOR_NONE: Final = ""

_ALLOWED_SEPARATORS: Final = frozenset({BODY_SEPARATOR_QUESTION_MARK, BODY_SEPARATOR_NONE})


def _check_separator(body_separator: object) -> str:
    if not isinstance(body_separator, str) or body_separator not in _ALLOWED_SEPARATORS:
        raise ValueError(f"body_separator must be '?' or '', not {body_separator!r}")
    return body_separator


def signature_payload(target: bytes, body: bytes, *, body_separator: str = "?") -> bytes:
    """Build the exact bytes that get signed.

    ``target`` is the request target as sent: the path (including ``/public/api``) and, if the URL
    has one, ``?`` followed by the query string. ``body`` is the raw request body.

    * empty body: the target alone;
    * body and a query string: target immediately followed by the body (the docs define the
      parameters as "the query string concatenated with the request body", with no separator);
    * body and no query string: target, then ``body_separator``, then the body.
    """
    return _payload(target, body, _check_separator(body_separator).encode("ascii"))


def _payload(target: bytes, body: bytes, separator: bytes) -> bytes:
    """`signature_payload` with the separator checked and encoded already."""
    if not body:
        return bytes(target)
    if b"?" in target:
        return bytes(target) + bytes(body)
    return bytes(target) + separator + bytes(body)


class Signer(Protocol):
    """Anything that turns the payload bytes into the value of the ``Signature`` header."""

    def sign(self, payload: bytes) -> str: ...


def _hmac_hex(secret: str, payload: bytes) -> str:
    return hmac.new(secret.encode("utf-8"), payload, hashlib.sha256).hexdigest()


class HmacSigner:
    """HMAC-SHA256 signer for system-generated API keys."""

    __slots__ = ("_key", "_secret")

    def __init__(self, secret: str) -> None:
        if not isinstance(secret, str) or not secret:
            raise ValueError("the HMAC secret must be a non-empty string")
        self._secret = secret
        self._key = secret.encode("utf-8")  # encoded once, not per request

    def sign(self, payload: bytes) -> str:
        """Return the HMAC-SHA256 of ``payload`` as lower-case hex."""
        return hmac.digest(self._key, payload, "sha256").hex()

    def __repr__(self) -> str:
        return "HmacSigner(secret=***)"


def _load_private_key(data: bytes, password: bytes | None) -> rsa.RSAPrivateKey:
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    # Messages here are fixed strings and the original exception is dropped (``from None``), so
    # nothing derived from the key material can leak into a traceback.
    try:
        key = serialization.load_pem_private_key(data, password=password)
    except TypeError:
        if password is None:
            raise ValueError(
                "the RSA private key is encrypted: give its password (private_key_password=, "
                "or THREE_COMMAS_PRIVATE_KEY_PASSWORD)"
            ) from None
        raise ValueError(
            "a password was given, but the RSA private key is not encrypted: drop the password"
        ) from None
    except (ValueError, UnsupportedAlgorithm):
        if password is not None:
            raise ValueError(
                "could not load the RSA private key: wrong password, or not a PKCS#1 or "
                "PKCS#8 PEM private key"
            ) from None
        raise ValueError(
            "could not load the RSA private key: expected a PKCS#1 ('BEGIN RSA PRIVATE KEY') "
            "or PKCS#8 ('BEGIN PRIVATE KEY') PEM, or an encrypted one with its password"
        ) from None
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ValueError("the private key is not an RSA key")
    return key


class RsaSigner:
    """RSASSA-PKCS1-v1_5 / SHA-256 signer for self-generated (RSA) API keys."""

    __slots__ = ("_key",)

    def __init__(self, private_key_pem: str | bytes, password: bytes | None = None) -> None:
        if isinstance(private_key_pem, str):
            try:
                data = private_key_pem.encode("utf-8")
            except UnicodeEncodeError:
                raise ValueError("the RSA private key PEM contains invalid characters") from None
        elif isinstance(private_key_pem, bytes | bytearray | memoryview):
            data = bytes(private_key_pem)
        else:
            raise ValueError("the RSA private key must be PEM text (str or bytes)")
        if password is not None and not isinstance(password, bytes):
            raise ValueError("the private key password must be bytes or None")
        self._key = _load_private_key(data, password)

    @classmethod
    def from_file(cls, path: str | os.PathLike[str], password: bytes | None = None) -> RsaSigner:
        """Load the PEM private key stored at ``path``."""
        with open(path, "rb") as handle:
            data = handle.read()
        return cls(data, password)

    @property
    def key_size(self) -> int:
        """Modulus length in bits (2048 or 4096 for keys made as the docs describe)."""
        return self._key.key_size

    def sign(self, payload: bytes) -> str:
        """Return the PKCS#1 v1.5 SHA-256 signature of ``payload`` as single-line base64."""
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import padding

        raw = self._key.sign(payload, padding.PKCS1v15(), hashes.SHA256())
        return base64.b64encode(raw).decode("ascii")

    def __repr__(self) -> str:
        return f"RsaSigner(key_size={self._key.key_size}, private_key=***)"


def _mask_api_key(api_key: str) -> str:
    # Show a short prefix only when the key is long enough for it to reveal little.
    if len(api_key) >= 16:
        return api_key[:4] + "…"
    return "***"


class ThreeCommasAuth(httpx.Auth):
    """httpx authentication that adds the ``Apikey`` and ``Signature`` headers.

    The signature is computed over ``request.url.raw_path`` (path plus query as sent) and the
    request body, so the base URL must include the ``/public/api`` prefix. Signing does no I/O,
    so the single ``auth_flow`` serves both ``httpx.Client`` and ``httpx.AsyncClient``; setting
    ``requires_request_body`` makes httpx read a streamed body before the flow runs.

    With an httpx client of your own, keep ``follow_redirects`` off: httpx copies the ``Apikey``
    and ``Signature`` headers to wherever a redirect leads (the SDK's clients never follow one).
    """

    __slots__ = ("_api_key", "_body_separator", "_separator", "_signer")

    requires_request_body = True

    def __init__(self, api_key: str, signer: Signer, *, body_separator: str = "?") -> None:
        if not isinstance(api_key, str) or not api_key:
            raise ValueError("api_key must be a non-empty string")
        if not api_key.isascii() or not api_key.isprintable() or api_key != api_key.strip():
            raise ValueError(
                "api_key must be printable ASCII without surrounding whitespace "
                "(it is sent as an HTTP header)"
            )
        if not callable(getattr(signer, "sign", None)):
            raise ValueError("signer must have a sign(payload: bytes) -> str method")
        self._api_key = api_key
        self._signer = signer
        self._body_separator = _check_separator(body_separator)
        self._separator = self._body_separator.encode("ascii")  # checked once, not per request

    @property
    def body_separator(self) -> str:
        """What joins the path and a JSON body sent without a query string: `"?"` or `""`."""
        return self._body_separator

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        payload = _payload(request.url.raw_path, request.content, self._separator)
        request.headers["Apikey"] = self._api_key
        request.headers["Signature"] = self._signer.sign(payload)
        yield request

    def __repr__(self) -> str:
        return (
            f"ThreeCommasAuth(api_key='{_mask_api_key(self._api_key)}', "
            f"signer={self._signer!r}, body_separator={self._body_separator!r})"
        )


def verify_hmac(secret: str, payload: bytes, signature: str) -> bool:
    """Check an HMAC-SHA256 hex signature in constant time.

    Hex digits are compared case-insensitively (the docs call the HMAC signature not case
    sensitive). Any malformed input gives ``False``; this function never raises.
    """
    try:
        if not isinstance(secret, str) or not isinstance(signature, str):
            return False
        if not isinstance(payload, bytes | bytearray | memoryview):
            return False
        given = signature.lower().encode("ascii")
        expected = _hmac_hex(secret, bytes(payload)).encode("ascii")
        return hmac.compare_digest(expected, given)
    except Exception:
        return False


def verify_rsa(public_key_pem: str | bytes, payload: bytes, signature: str) -> bool:
    """Check a base64 RSASSA-PKCS1-v1_5 / SHA-256 signature against an RSA public key.

    The key may be a SubjectPublicKeyInfo (``BEGIN PUBLIC KEY``) or PKCS#1
    (``BEGIN RSA PUBLIC KEY``) PEM. The base64 is decoded strictly and is case sensitive. A bad
    key, bad base64 or a wrong signature all give ``False``; this function never raises.
    """
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import padding, rsa

    try:
        if not isinstance(signature, str) or not isinstance(
            payload, bytes | bytearray | memoryview
        ):
            return False
        data = public_key_pem.encode("utf-8") if isinstance(public_key_pem, str) else public_key_pem
        key = serialization.load_pem_public_key(bytes(data))
        if not isinstance(key, rsa.RSAPublicKey):
            return False
        raw = base64.b64decode(signature.encode("ascii"), validate=True)
        key.verify(raw, bytes(payload), padding.PKCS1v15(), hashes.SHA256())
    except (InvalidSignature, binascii.Error):
        return False
    except Exception:  # unparsable key, non-ASCII signature, ...: junk in, False out
        return False
    return True
