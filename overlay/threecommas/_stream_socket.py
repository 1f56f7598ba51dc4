"""The stream's I/O: a WebSocket connection through the `websockets` library (the `stream`
extra), in a sync and an asyncio flavour with the same three calls.

`websockets` is imported here only, when a stream starts: `import threecommas` never loads it,
and without it `watch(source="websocket")` raises `StreamUnavailableError` at once.

The library's own frame logging (which would show the subscription, API key included) is kept
off: its logger is the SDK's "threecommas.stream" with DEBUG masked.
"""

from __future__ import annotations

import contextlib
import logging
from types import ModuleType
from typing import Any

from threecommas._exceptions import StreamUnavailableError
from threecommas._stream import INSTALL_HINT

__all__ = ["AsyncCableSocket", "CableSocket", "SocketClosed", "require_websockets"]

_log = logging.getLogger("threecommas.stream")


class _NoFrames(logging.LoggerAdapter):  # type: ignore[type-arg]
    """The library's logger: everything but DEBUG (its frame-by-frame trace)."""

    def isEnabledFor(self, level: int) -> bool:
        return level > logging.DEBUG and self.logger.isEnabledFor(level)


_LIBRARY_LOG = _NoFrames(_log, {})


class SocketClosed(Exception):
    """The connection ended or could not be made; `str()` says how (no credential in it)."""


def require_websockets() -> ModuleType:
    """The `websockets` package, or `StreamUnavailableError` naming the extra to install."""
    try:
        import websockets
        import websockets.asyncio.client
        import websockets.sync.client
    except ImportError as exc:
        raise StreamUnavailableError(INSTALL_HINT) from exc
    return websockets


def _describe(exc: BaseException) -> str:
    code = getattr(getattr(exc, "rcvd", None), "code", None)
    if code is None and type(exc).__name__.startswith("ConnectionClosed"):
        code = 1006  # closed without a close frame
    name = type(exc).__name__
    return f"{name} (code {code})" if code is not None else f"{name}: {exc}"


def _closed_errors() -> tuple[type[BaseException], ...]:
    from websockets.exceptions import WebSocketException

    return (WebSocketException, OSError, EOFError)


def _options(timeout: float) -> dict[str, Any]:
    # No protocol-level keepalive: the channel's own pings tell whether the connection lives.
    return {
        "open_timeout": timeout,
        "close_timeout": 1,
        "ping_interval": None,
        "logger": _LIBRARY_LOG,
    }


def _open_errors() -> tuple[type[BaseException], ...]:
    return (*_closed_errors(), TimeoutError)


class CableSocket:
    """A synchronous WebSocket connection (`websockets.sync.client`)."""

    def __init__(self, connection: Any, closing: contextlib.ExitStack) -> None:
        self._connection = connection
        self._closing = closing

    @classmethod
    def open(cls, url: str, timeout: float) -> CableSocket:
        from websockets.sync.client import connect

        closing = contextlib.ExitStack()
        try:
            # Entered as a context manager: what websockets 17 asks of a direct connection.
            connection = closing.enter_context(connect(url, **_options(timeout)))
        except _open_errors() as exc:
            raise SocketClosed(_describe(exc)) from None
        return cls(connection, closing)

    def recv(self, timeout: float) -> str | bytes | None:
        """The next message, or None when none came within `timeout` seconds."""
        try:
            message: str | bytes = self._connection.recv(timeout=max(timeout, 0))
        except TimeoutError:
            return None
        except _closed_errors() as exc:
            raise SocketClosed(_describe(exc)) from None
        return message

    def send(self, text: str) -> None:
        try:
            self._connection.send(text)
        except _closed_errors() as exc:
            raise SocketClosed(_describe(exc)) from None

    def close(self) -> None:
        try:
            self._closing.close()
        except Exception:  # closing a broken connection: nothing left to do
            _log.debug("closing the stream's connection failed", exc_info=True)


class AsyncCableSocket:
    """An asyncio WebSocket connection (`websockets.asyncio.client`)."""

    def __init__(self, connection: Any) -> None:
        self._connection = connection

    @classmethod
    async def open(cls, url: str, timeout: float) -> AsyncCableSocket:
        from websockets.asyncio.client import connect

        try:
            return cls(await connect(url, **_options(timeout)))
        except _open_errors() as exc:
            raise SocketClosed(_describe(exc)) from None

    async def recv(self, timeout: float) -> str | bytes | None:
        """The next message, or None when none came within `timeout` seconds."""
        import asyncio

        try:
            # Cancelling `recv` loses no message (the library's promise).
            message: str | bytes = await asyncio.wait_for(self._connection.recv(), max(timeout, 0))
        except TimeoutError:
            return None
        except _closed_errors() as exc:
            raise SocketClosed(_describe(exc)) from None
        return message

    async def send(self, text: str) -> None:
        try:
            await self._connection.send(text)
        except _closed_errors() as exc:
            raise SocketClosed(_describe(exc)) from None

    async def close(self) -> None:
        try:
            await self._connection.close()
        except Exception:  # closing a broken connection: nothing left to do
            _log.debug("closing the stream's connection failed", exc_info=True)
