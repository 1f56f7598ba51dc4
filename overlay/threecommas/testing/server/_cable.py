"""The fake server's WebSocket stream: the SmartTradesChannel at ``/websocket`` (ActionCable).

What 3Commas documented until February 2025, and what ActionCable does:

* on connection, ``{"type": "welcome"}``; then ``{"type": "ping", "message": <Unix seconds>}``
  every ``ping_interval`` seconds (3);
* ``{"command": "subscribe", "identifier": "<JSON string>"}``, the identifier being
  ``{"channel": "SmartTradesChannel", "users": [{"api_key": .., "signature": ..}]}`` with the
  signature of ``/smart_trades`` by the key's secret (HMAC hex) or private key (RSA, base64):
  ``{"identifier": <the same string>, "type": "confirm_subscription"}``, else
  ``reject_subscription`` (an identifier sent as a JSON object, another channel, an unknown
  key or a bad signature);
* then, on every status change of a SmartTrade of the store, whatever made it (a request, the
  market moved through ``server.market`` or ``/__admin__/market``, a market that follows the
  real time), ``{"identifier": <the same string>, "message": <the SmartTrade as GET returns
  it>}`` to each subscribed connection, in the order of the changes.

The store calls :meth:`CableChannel.status_changed` under its lock, from whichever thread made
the change (the server's, or a test's driving the market); the messages go to the server's
event loop with ``call_soon_threadsafe``. Its faults and counters are ``faults.stream``
(:class:`~threecommas.testing.faults.StreamFaults`): drop every connection, stop the pings.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from typing import Any, Final

from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket, WebSocketDisconnect

from threecommas.testing.faults import StreamFaults
from threecommas.testing.server._auth import RequestVerifier
from threecommas.testing.simulation import SmartTradeStore
from threecommas.testing.simulation._state import JSONObject

__all__ = ["CHANNEL", "DEFAULT_PING_INTERVAL_S", "STREAM_PATH", "CableChannel"]

STREAM_PATH: Final = "/websocket"
CHANNEL: Final = "SmartTradesChannel"
#: ActionCable's beat: a ping every 3 s (a client takes 6 s of silence for a dead connection).
DEFAULT_PING_INTERVAL_S: Final = 3.0
#: How often a market that follows the real time is caught up while someone listens.
_CATCH_UP_S: Final = 0.2
_CLOSE: Final = object()
_WELCOME: Final = json.dumps({"type": "welcome"})

_log = logging.getLogger("threecommas.testing")


class _Connection:
    """One client: its outgoing queue, its subscription, and how to cut it."""

    def __init__(self, receive: Receive) -> None:
        self.queue: asyncio.Queue[object] = asyncio.Queue()
        self.identifier: str | None = None  # once subscribed
        # uvicorn's receive is a method of the connection's protocol, which holds the transport.
        self.transport = getattr(getattr(receive, "__self__", None), "transport", None)

    def push(self, text: str, counter: str | None = None) -> None:
        """Queue ``text``, and count it under ``counter`` once sent."""
        self.queue.put_nowait((text, counter))

    def abort(self) -> None:
        """Cut the TCP connection with no closing handshake (in-process: just end it)."""
        if isinstance(self.transport, asyncio.Transport):
            self.transport.abort()
        self.queue.put_nowait(_CLOSE)


def _subscriber(identifier: object, verifier: RequestVerifier) -> bool:
    """Whether a subscription's identifier is a JSON string naming the channel and users that
    are all this server's key, rightly signed."""
    if not isinstance(identifier, str):
        return False
    try:
        fields = json.loads(identifier)
    except (ValueError, RecursionError):
        return False
    if not isinstance(fields, dict) or fields.get("channel") != CHANNEL:
        return False
    users = fields.get("users")
    if not isinstance(users, list) or not users:
        return False
    return all(
        isinstance(user, dict) and verifier.check_stream(user.get("api_key"), user.get("signature"))
        for user in users
    )


class CableChannel:
    """The ``/websocket`` endpoint (an ASGI app) and the SmartTradesChannel's subscribers."""

    def __init__(
        self,
        store: SmartTradeStore,
        verifier: RequestVerifier,
        faults: StreamFaults,
        *,
        ping_interval: float = DEFAULT_PING_INTERVAL_S,
    ) -> None:
        if isinstance(ping_interval, bool) or not ping_interval > 0:
            raise ValueError("stream_ping_interval must be a positive number of seconds")
        self.ping_interval = float(ping_interval)
        self._store = store
        self._verifier = verifier
        self._faults = faults
        self._connections: set[_Connection] = set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._catching_up: asyncio.Task[None] | None = None
        faults.attach(self.drop_connections)
        store.add_status_listener(self.status_changed)

    # From the store, any thread, under its lock.

    def status_changed(self, smart_trades: list[JSONObject]) -> None:
        loop = self._loop
        if loop is None:
            return  # nobody ever connected
        # Serialised now: the store may change them once its lock is released.
        bodies = [json.dumps(smart_trade) for smart_trade in smart_trades]
        with contextlib.suppress(RuntimeError):  # the server's loop is closed: nobody listens
            loop.call_soon_threadsafe(self._publish, bodies)

    def _publish(self, bodies: list[str]) -> None:
        for connection in self._connections:
            identifier = connection.identifier
            if identifier is None:
                continue
            head = '{"identifier":' + json.dumps(identifier) + ',"message":'
            for body in bodies:
                connection.push(head + body + "}", "messages")

    # Faults

    def drop_connections(self) -> int:
        """Cut every open connection (from any thread); how many were cut."""
        loop = self._loop
        if loop is None:
            return 0
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is loop:
            return self._drop_now()

        async def drop() -> int:
            return self._drop_now()

        return asyncio.run_coroutine_threadsafe(drop(), loop).result(timeout=10)

    def _drop_now(self) -> int:
        connections = list(self._connections)
        for connection in connections:
            connection.abort()
        self._faults.count("dropped", len(connections))
        return len(connections)

    # The endpoint

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        websocket = WebSocket(scope, receive, send)
        await websocket.accept()
        self._loop = asyncio.get_running_loop()
        connection = _Connection(receive)
        self._connections.add(connection)
        self._faults.count("connections")
        self._start_catching_up()
        reader = asyncio.create_task(self._read(websocket, connection))
        try:
            connection.push(_WELCOME)
            await self._write(websocket, connection)
        finally:
            self._connections.discard(connection)
            reader.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await reader

    async def _write(self, websocket: WebSocket, connection: _Connection) -> None:
        loop = asyncio.get_running_loop()
        next_ping = loop.time() + self.ping_interval
        faults = self._faults
        while True:
            try:
                item = await asyncio.wait_for(
                    connection.queue.get(), max(0.0, next_ping - loop.time())
                )
            except TimeoutError:
                next_ping += self.ping_interval
                item = (json.dumps({"type": "ping", "message": int(time.time())}), "pings")
            if not isinstance(item, tuple):  # _CLOSE
                return
            if faults.pings_stopped:
                continue  # silent: withheld, and lost
            text, counter = item
            try:
                await websocket.send_text(text)
            except Exception:  # the client is gone
                return
            if counter is not None:
                faults.count(counter)

    async def _read(self, websocket: WebSocket, connection: _Connection) -> None:
        try:
            while True:
                text = await websocket.receive_text()
                self._command(connection, text)
        except (WebSocketDisconnect, RuntimeError, KeyError):
            pass
        finally:
            connection.queue.put_nowait(_CLOSE)

    def _command(self, connection: _Connection, text: str) -> None:
        try:
            command: Any = json.loads(text)
        except (ValueError, RecursionError):
            return
        if not isinstance(command, dict) or command.get("command") != "subscribe":
            return  # ActionCable ignores what it does not know; so does this channel
        identifier = command.get("identifier")
        if _subscriber(identifier, self._verifier):
            assert isinstance(identifier, str)
            connection.identifier = identifier
            self._faults.count("subscriptions")
            kind = "confirm_subscription"
        else:
            self._faults.count("rejections")
            kind = "reject_subscription"
        connection.push(json.dumps({"identifier": identifier, "type": kind}))

    def _start_catching_up(self) -> None:
        """On a market that follows the real time, status changes happen as time passes, not
        only when a request comes: catch it up now and then while someone listens."""
        if not self._store.market.clock.follows_wall_time:
            return
        if self._catching_up is None or self._catching_up.done():
            self._catching_up = asyncio.create_task(self._catch_up())

    async def _catch_up(self) -> None:
        while self._connections:
            await asyncio.sleep(_CATCH_UP_S)
            try:
                self._store.catch_up()
            except Exception:
                _log.exception("catching the market up for the stream failed")
