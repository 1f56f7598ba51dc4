"""Credentials: the API key's partner, an HMAC secret or an RSA private key, read from the
arguments or the environment and turned into a `Signer`.

No message here ever shows a key, a secret or a password; a path is shown only when it was
given as a `pathlib.Path` (a `str` that names no file may be a mangled key).
"""

from __future__ import annotations

import os
from pathlib import Path

from threecommas._constants import ENV_API_SECRET, ENV_PRIVATE_KEY_FILE, ENV_PRIVATE_KEY_PASSWORD
from threecommas._signing import HmacSigner, RsaSigner, Signer

__all__ = ["make_signer"]

_PEM_MARKER = "-----BEGIN"


def _read_private_key(private_key: object) -> tuple[bytes, str]:
    """The PEM bytes of `private_key`, and what it was (for messages that never show the key).

    PEM text or bytes are taken as they are; a `Path` (or any path-like) is read; a `str`
    without a PEM header is read as a path only when such a file exists: otherwise it may be
    a mangled key, and the message says what was expected without showing it."""
    if isinstance(private_key, bytes | bytearray | memoryview):
        data = bytes(private_key)
        if _PEM_MARKER.encode() not in data:
            raise ValueError(
                "private_key was given as bytes that are not PEM (no '-----BEGIN ...' line): "
                "pass the PEM text or bytes of the key, or a pathlib.Path to the PEM file"
            )
        return data, "PEM bytes"
    if isinstance(private_key, str):
        if _PEM_MARKER in private_key:
            try:
                return private_key.encode("utf-8"), "PEM text"
            except UnicodeEncodeError:
                raise ValueError("private_key: the PEM text holds invalid characters") from None
        if not private_key.strip() or not Path(private_key).is_file():
            raise ValueError(
                "private_key is neither PEM text (it has no '-----BEGIN ... PRIVATE KEY-----' "
                "line) nor the path of an existing file: pass the key's PEM text or bytes, "
                "or a pathlib.Path to the PEM file"
            )
        return _read_key_file(Path(private_key), show_path=False)
    if isinstance(private_key, os.PathLike):
        return _read_key_file(Path(private_key), show_path=True)
    raise TypeError(
        "private_key must be PEM text (str), PEM bytes or a pathlib.Path, "
        f"not {type(private_key).__name__}"
    )


def _read_key_file(path: Path, *, show_path: bool) -> tuple[bytes, str]:
    # A str that names no file may be a mangled key: only a Path is ever echoed.
    shown = f"file {str(path)!r}" if show_path else "file"
    try:
        data = path.expanduser().read_bytes()
    except OSError as exc:
        raise ValueError(
            f"private_key: the {shown} could not be read "
            f"({exc.strerror or type(exc).__name__}); pass a path to a PEM file, "
            "or the key's PEM text or bytes"
        ) from None
    if _PEM_MARKER.encode() not in data:
        raise ValueError(
            f"private_key: the {shown} is not a PEM private key (no '-----BEGIN' line)"
        )
    return data, shown


def _key_password(password: object, *, for_key: bool) -> bytes | None:
    """The password given as an argument, as bytes (None when not given)."""
    if password is None:
        return None
    if not for_key:
        raise ValueError("private_key_password is for an RSA private_key; none was given")
    if isinstance(password, str):
        try:
            return password.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError("private_key_password holds characters that are not text") from None
    if isinstance(password, bytes):
        return password
    raise TypeError(f"private_key_password must be a str or bytes, not {type(password).__name__}")


def _env_password(pem: bytes) -> bytes | None:
    # The environment's password serves encrypted keys only (PKCS#8 "ENCRYPTED PRIVATE KEY",
    # or PKCS#1 with "Proc-Type: 4,ENCRYPTED"), so that setting it never breaks a plain key.
    password = os.environ.get(ENV_PRIVATE_KEY_PASSWORD)
    if not password or b"ENCRYPTED" not in pem:
        return None
    return _key_password(password, for_key=True)


def make_signer(
    api_secret: str | None,
    private_key: str | bytes | os.PathLike[str] | None,
    private_key_password: str | bytes | None = None,
) -> Signer:
    if api_secret is not None and private_key is not None:
        raise ValueError(
            "give either api_secret (system-generated key) or private_key (RSA), not both"
        )
    if api_secret is None and private_key is None:
        api_secret = os.environ.get(ENV_API_SECRET) or None
        key_file = os.environ.get(ENV_PRIVATE_KEY_FILE) or None
        if api_secret is not None and key_file is not None:
            raise ValueError(f"both {ENV_API_SECRET} and {ENV_PRIVATE_KEY_FILE} are set; keep one")
        if key_file is not None:
            private_key = Path(key_file)
    password = _key_password(private_key_password, for_key=private_key is not None)
    if api_secret is not None:
        if not isinstance(api_secret, str) or not api_secret:
            raise TypeError("api_secret must be a non-empty str")
        return HmacSigner(api_secret)
    if private_key is not None:
        data, source = _read_private_key(private_key)
        if password is None:
            password = _env_password(data)
        try:
            return RsaSigner(data, password)
        except ValueError as exc:  # fixed texts, never derived from the key
            raise ValueError(f"private_key ({source}): {exc}") from None
    raise ValueError(
        "no credentials: pass api_secret or private_key, or set "
        f"{ENV_API_SECRET} or {ENV_PRIVATE_KEY_FILE}"
    )
