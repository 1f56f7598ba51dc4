# generated from overlay/threecommas/_async/resources/_stream.py by scripts/unasync.py — do not edit
"""`client.smart_trades.watch(source="websocket")`: the SmartTradesChannel stream (experimental),
with REST sweeps behind it.

One loop, for both clients: it waits on the socket (`recv` with a timeout reaching to the next
sweep, the ping deadline, the end of the watch or the next look at `stop`), then handles what
came or what is due. The protocol (framing, identifier, liveness, backoff) is the sans-I/O
`threecommas._stream`; the sweeps, the deduplication and the budget are the polling watch's
(`Watch`), so an event is the same whichever way it was seen.

* A confirmed subscription (the first or after a reconnection) is followed at once by a sweep,
  so what changed while disconnected is reported; then the sweeps go on at the polling pace,
  within `budget_share`, for the changes the stream never reports (a take-profit step).
* A message is a SmartTrade whose status changed: an event if it changed anything seen.
* A closed connection, or one silent for `stale_after` seconds, is reopened after a jittered
  exponential backoff; sweeps go on meanwhile.
* `reject_subscription` (or a `disconnect` that says not to reconnect) ends the watch with
  `StreamRejectedError` (`StreamError`): the credentials will not do better next time.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Generator
from typing import TYPE_CHECKING

from threecommas._clock import DeadlineReached
from threecommas._exceptions import StreamError, StreamRejectedError
from threecommas._stream import Backoff, Liveness, StreamSettings, classify, subscribe_message
from threecommas._stream_socket import CableSocket, SocketClosed, require_websockets
from threecommas._types import ForcedModeArg, TimeoutArg
from threecommas._watch import SmartTradeEvent, WatchPlan
from threecommas_api.models.smart_trade import SmartTrade

from ._watch import Watch

if TYPE_CHECKING:
    from ._smart_trades import SmartTrades

__all__ = ["StreamWatch", "stream_events"]

_log = logging.getLogger("threecommas.stream")

#: How often `stop` is looked at, at least.
_STOP_CHECK_S = 0.25


def stream_events(
    smart_trades: SmartTrades,
    plan: WatchPlan,
    forced_mode: ForcedModeArg,
    timeout: TimeoutArg,
    stale_after: object,
    reconnect_initial: object,
    reconnect_max: object,
) -> StreamWatch:
    """`watch(source="websocket")`: the arguments checked and the credentials read now (bad
    ones raise before anything is sent), the `websockets` library required; its `events()`
    watch later."""
    client = smart_trades._client
    settings = StreamSettings.checked(
        client.stream_url,
        *client._stream_credentials("watch(source='websocket')"),
        stale_after,
        reconnect_initial,
        reconnect_max,
    )
    require_websockets()
    return StreamWatch(smart_trades, plan, settings, forced_mode, timeout)


class StreamWatch:
    """One stream watch: the connection, its subscription, and the polling watch behind it.

    Its counters tell what came from where: `stream_messages` (SmartTrades the stream pushed),
    `subscriptions` (confirmed ones) and `connections` (opened); `requests` are the REST
    requests of the sweeps.
    """

    def __init__(
        self,
        smart_trades: SmartTrades,
        plan: WatchPlan,
        settings: StreamSettings,
        forced_mode: ForcedModeArg,
        timeout: TimeoutArg,
    ) -> None:
        self._plan = plan
        self._clock = plan.clock
        self._settings = settings
        self._identifier = settings.identifier
        self._poll = Watch(smart_trades, plan, forced_mode, timeout)
        self._backoff = Backoff(settings.reconnect_initial, settings.reconnect_max)
        self._socket: CableSocket | None = None
        self._liveness: Liveness | None = None
        self._reconnect_at = 0.0  # no connection attempt before this time
        # Until a subscription is confirmed, the first sweep waits this long for it.
        self._next_sweep = self._clock.monotonic() + settings.stale_after
        self.connections = 0
        self.subscriptions = 0
        self.stream_messages = 0

    @property
    def requests(self) -> int:
        return self._poll.requests

    @property
    def sweeps(self) -> Watch:
        """The polling watch that makes this watch's REST sweeps (and knows which ids ended)."""
        return self._poll

    def events(self) -> Generator[SmartTradeEvent, None, None]:
        plan, clock = self._plan, self._clock
        deadline = math.inf if plan.duration is None else clock.monotonic() + plan.duration
        self._poll.deadline = None if plan.duration is None else deadline
        emitted = 0
        try:
            while True:
                if plan.stop is not None and plan.stop():
                    return
                if clock.monotonic() >= deadline:
                    return
                try:
                    found = self._step(deadline)
                except DeadlineReached:
                    return  # the time ran out during a sweep: the watch ends on time
                for event in found:
                    yield event
                    emitted += 1
                    if plan.max_events is not None and emitted >= plan.max_events:
                        return
                if self._poll.all_done():
                    return  # every watched SmartTrade is final: nothing more can change
        finally:
            self._close()

    def _step(self, deadline: float) -> list[SmartTradeEvent]:
        """Do what is due now, or wait for the socket until something is; the events found."""
        clock = self._clock
        now = clock.monotonic()
        if now >= self._next_sweep:
            return self._sweep()
        wake = min(self._next_sweep, deadline)
        if self._plan.stop is not None:
            wake = min(wake, now + _STOP_CHECK_S)
        if self._socket is None:
            if now < self._reconnect_at:
                clock.sleep(min(wake, self._reconnect_at) - now)
                return []
            self._connect(deadline - now)
            return []
        assert self._liveness is not None
        wake = min(wake, self._liveness.deadline)
        try:
            text = self._socket.recv(clock.io_timeout(wake - now))
        except SocketClosed as exc:
            self._lost(f"the connection closed: {exc}")
            return []
        now = clock.monotonic()
        if text is None:
            if self._liveness.is_stale(now):
                self._lost(f"no ping for {self._settings.stale_after:g} s")
            return []
        self._liveness.seen(now)
        return self._handle(text)

    def _sweep(self) -> list[SmartTradeEvent]:
        started = self._clock.monotonic()
        events = self._poll.sweep_events()
        self._next_sweep = started + self._plan.interval(self._poll.last_sweep_cost)
        return events

    def _connect(self, time_left: float) -> None:
        url = self._settings.url
        # Opening may not outlast the watch (its handshake can hang on a sick server).
        # Never 0 or less: a socket timeout of 0 means "do not block", not "give up at once".
        timeout = max(1e-3, self._clock.io_timeout(min(self._settings.open_timeout, time_left)))
        try:
            self._socket = CableSocket.open(url, timeout)
        except SocketClosed as exc:
            self._retry_later(f"could not connect to {url}: {exc}")
            return
        self.connections += 1
        self._liveness = Liveness(self._settings.stale_after, self._clock.monotonic())
        _log.info("stream: connected to %s", url)

    def _handle(self, text: str | bytes) -> list[SmartTradeEvent]:
        frame = classify(text, self._identifier)
        if frame.kind == "update":
            assert frame.message is not None
            self.stream_messages += 1
            try:
                smart_trade = SmartTrade.from_dict(frame.message)
            except Exception:
                _log.warning("stream: a message that is not a SmartTrade was ignored")
                return []
            return self._poll.streamed_events(smart_trade)
        if frame.kind == "welcome":
            assert self._socket is not None
            try:
                self._socket.send(subscribe_message(self._identifier))
            except SocketClosed as exc:
                self._lost(f"the connection closed: {exc}")
        elif frame.kind == "confirm":
            self.subscriptions += 1
            self._backoff.reset()
            _log.info("stream: subscribed; reading the SmartTrades over REST to catch up")
            return self._sweep()  # what changed while not subscribed
        elif frame.kind == "reject":
            self._close()
            raise StreamRejectedError(
                "the stream refused the subscription (reject_subscription): the API key or its "
                "signature of /smart_trades was not accepted; check the key, its secret or "
                "private key, and its SMART_TRADES_READ permission"
            )
        elif frame.kind == "disconnect":
            reason = frame.reason or "no reason given"
            if not frame.reconnect:
                self._close()
                error = StreamRejectedError if reason == "unauthorized" else StreamError
                raise error(f"the stream's server closed the connection for good: {reason}")
            self._lost(f"the server asked to reconnect: {reason}")
        return []

    def _lost(self, why: str) -> None:
        self._close()
        self._retry_later(why)

    def _retry_later(self, why: str) -> None:
        delay = self._backoff.next_delay()
        self._reconnect_at = self._clock.monotonic() + delay
        _log.warning("stream: %s; reconnecting in %.2f s", why, delay)

    def _close(self) -> None:
        socket, self._socket = self._socket, None
        if socket is not None:
            socket.close()
