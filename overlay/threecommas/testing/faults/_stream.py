"""Faults of the WebSocket stream (``/websocket``, the SmartTradesChannel) and its counters:
:class:`StreamFaults`, ``faults.stream``."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Final

__all__ = ["STREAM_COUNTERS", "StreamFaults"]

#: What the stream's server counts: connections accepted, subscriptions confirmed and
#: rejected, SmartTrade messages and pings sent, connections dropped by the fault.
STREAM_COUNTERS: Final = (
    "connections",
    "subscriptions",
    "rejections",
    "messages",
    "pings",
    "dropped",
)


class StreamFaults:
    """Thread-safe switches of the stream's faults, and its counters.

    * :meth:`drop_connections`: every open WebSocket connection is cut at once, without a
      closing handshake (the client sees code 1006, as after a network failure); answers how
      many were cut. New connections are accepted as usual.
    * :meth:`stop_pings` / :meth:`resume_pings`: while stopped, every connection (open or new)
      stays open but silent: no ping, no SmartTrade message, no welcome or subscription answer
      (what is withheld is lost, as on a dead link); a client must notice the missing pings.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._silent = False
        self._counts = dict.fromkeys(STREAM_COUNTERS, 0)
        self._dropper: Callable[[], int] | None = None

    def attach(self, dropper: Callable[[], int]) -> None:
        """The stream's server: how to cut its connections (called by the app)."""
        with self._lock:
            self._dropper = dropper

    def drop_connections(self) -> int:
        """Cut every open connection now; how many were cut (0 when there is no stream)."""
        with self._lock:
            dropper = self._dropper
        return 0 if dropper is None else dropper()

    def stop_pings(self) -> None:
        with self._lock:
            self._silent = True

    def resume_pings(self) -> None:
        with self._lock:
            self._silent = False

    @property
    def pings_stopped(self) -> bool:
        with self._lock:
            return self._silent

    def count(self, name: str, n: int = 1) -> None:
        with self._lock:
            self._counts[name] += n

    def counters(self) -> dict[str, int]:
        with self._lock:
            return dict(self._counts)

    def reset(self) -> None:
        """Counters to zero and pings on (the admin API's reset)."""
        with self._lock:
            self._counts = dict.fromkeys(STREAM_COUNTERS, 0)
            self._silent = False

    def to_json(self) -> dict[str, object]:
        return {"pings": not self.pings_stopped, "counters": self.counters()}
