"""The SmartTradesChannel WebSocket stream, without I/O: URLs, framing, liveness, backoff.

EXPERIMENTAL. 3Commas documented the stream until February 2025, then removed the pages; it is
undocumented (and so unsupported) since. What the SDK does rests on those pages and on the
ActionCable protocol they use:

* connect to `wss://ws.3commas.io/websocket`; the server says `{"type": "welcome"}`, then pings
  (`{"type": "ping", "message": <Unix seconds>}`) every 3 s;
* after `welcome`, subscribe with `{"command": "subscribe", "identifier": <JSON *string*>}`,
  the identifier being `{"channel": "SmartTradesChannel", "users": [{"api_key": ..,
  "signature": ..}]}`, the signature that of the literal path `/smart_trades` (HMAC-SHA256 hex
  with the key's secret; for a self-generated RSA key, RSASSA-PKCS1-v1_5 SHA-256 base64 over
  the same path, as peers do: never confirmed by 3Commas);
* the server answers `confirm_subscription` or `reject_subscription`, and then sends
  `{"identifier": <the same string>, "message": <the SmartTrade>}` each time the *status* of
  one of the user's SmartTrades changes (not when a take-profit step fills);
* `{"type": "disconnect", "reason": .., "reconnect": ..}` announces that the server closes.

There is no replay: what happens while disconnected is lost, so the watcher re-reads the
SmartTrades over REST after every confirmed subscription, and keeps its REST sweeps for the
step-level changes the stream never reports. A connection without a ping for `stale_after`
seconds (6, two missed pings, ActionCable's own rule) counts as dead.

The I/O (the `websockets` library, an optional extra) is in `threecommas._stream_socket`; the
loop that drives both is `_async/resources/_stream.py`.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from typing import Any, Final, Literal
from urllib.parse import urlsplit

from threecommas._constants import (
    DEFAULT_BASE_URL,
    DEFAULT_RECONNECT_INITIAL_S,
    DEFAULT_RECONNECT_MAX_S,
    DEFAULT_STALE_AFTER_S,
)
from threecommas._signing import Signer

__all__ = [
    "CHANNEL",
    "DEFAULT_RECONNECT_INITIAL_S",
    "DEFAULT_RECONNECT_MAX_S",
    "DEFAULT_STALE_AFTER_S",
    "DEFAULT_STREAM_URL",
    "INSTALL_HINT",
    "SIGNED_PATH",
    "Backoff",
    "Frame",
    "Liveness",
    "StreamSettings",
    "check_stream_url",
    "classify",
    "identifier",
    "stream_signature",
    "stream_url_for",
    "subscribe_message",
]

#: Where 3Commas served the stream (the removed docs' "base websocket endpoint").
DEFAULT_STREAM_URL: Final = "wss://ws.3commas.io/websocket"
#: The path a fake server (or any other base URL) serves the stream at.
STREAM_PATH: Final = "/websocket"
CHANNEL: Final = "SmartTradesChannel"
#: What the subscription's signature signs: this literal path, nothing else.
SIGNED_PATH: Final = b"/smart_trades"
#: How much of each backoff delay is random (the delay is drawn in [(1 - JITTER) * d, d]).
JITTER: Final = 0.5
INSTALL_HINT: Final = (
    "source='websocket' needs the websockets library: pip install 'threecommas-sdk[stream]'"
)


def stream_url_for(base_url: str, stream_url: str | None = None) -> str:
    """The stream's URL: `stream_url` when given; for the production API, 3Commas' stream;
    for any other base URL (a fake server, a proxy), the same host with `ws://` (or `wss://`
    for https) and the path `/websocket`, so that a client pointed at a test server never
    sends its subscription to 3Commas."""
    if stream_url is not None:
        return check_stream_url(stream_url)
    if base_url.rstrip("/") == DEFAULT_BASE_URL:
        return DEFAULT_STREAM_URL
    parts = urlsplit(base_url)
    scheme = "wss" if parts.scheme == "https" else "ws"
    return f"{scheme}://{parts.netloc}{STREAM_PATH}"


def check_stream_url(stream_url: object) -> str:
    if not isinstance(stream_url, str) or not stream_url.startswith(("ws://", "wss://")):
        raise ValueError("stream_url must be a ws:// or wss:// URL")
    if not urlsplit(stream_url).netloc:
        raise ValueError("stream_url must name a host")
    return stream_url


def stream_signature(signer: Signer) -> str:
    """The subscription's signature: the key's signer over the literal path `/smart_trades`."""
    return signer.sign(SIGNED_PATH)


def identifier(api_key: str, signature: str) -> str:
    """The channel identifier, a JSON *string* (compact, as Ruby's `to_json` writes it); the
    server sends it back byte for byte with every message of the subscription."""
    users = [{"api_key": api_key, "signature": signature}]
    return json.dumps({"channel": CHANNEL, "users": users}, separators=(",", ":"))


def subscribe_message(channel_identifier: str) -> str:
    return json.dumps(
        {"command": "subscribe", "identifier": channel_identifier}, separators=(",", ":")
    )


FrameKind = Literal[
    "welcome", "ping", "confirm", "reject", "disconnect", "update", "ignored", "malformed"
]


@dataclass(frozen=True)
class Frame:
    """One message from the server, classified.

    `update` carries the SmartTrade (`message`, a JSON object) of our subscription;
    `disconnect` its `reason` and whether the server invites a `reconnect`; `ignored` is a
    message for another identifier or of a type this client has no use for; `malformed` is
    not a JSON object.
    """

    kind: FrameKind
    message: dict[str, Any] | None = None
    reason: str | None = None
    reconnect: bool = True
    sent_at: int | None = None  # a ping's Unix time


_TYPES: Final[dict[str, FrameKind]] = {
    "welcome": "welcome",
    "ping": "ping",
    "confirm_subscription": "confirm",
    "reject_subscription": "reject",
    "disconnect": "disconnect",
}


def classify(text: str | bytes, channel_identifier: str) -> Frame:
    """What a message from the server is (never raises)."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return Frame("malformed")
    if not isinstance(data, dict):
        return Frame("malformed")
    kind = data.get("type")
    if kind is not None:
        known = _TYPES.get(kind) if isinstance(kind, str) else None
        if known is None:
            return Frame("ignored")
        if known in ("confirm", "reject") and data.get("identifier") != channel_identifier:
            return Frame("ignored")  # about a subscription of someone else
        if known == "ping":
            sent = data.get("message")
            ok = isinstance(sent, int) and not isinstance(sent, bool)
            return Frame("ping", sent_at=sent if ok else None)
        if known == "disconnect":
            reason = data.get("reason")
            return Frame(
                "disconnect",
                reason=reason if isinstance(reason, str) else None,
                reconnect=data.get("reconnect") is not False,
            )
        return Frame(known)
    message = data.get("message")
    if data.get("identifier") != channel_identifier or not isinstance(message, dict):
        return Frame("ignored")
    return Frame("update", message=message)


@dataclass
class Liveness:
    """When the connection counts as dead: `stale_after` seconds after the last sign of life
    (the connection opening, `welcome`, a ping or any message)."""

    stale_after: float
    last_seen: float

    def seen(self, now: float) -> None:
        self.last_seen = now

    @property
    def deadline(self) -> float:
        return self.last_seen + self.stale_after

    def is_stale(self, now: float) -> bool:
        return now >= self.deadline


@dataclass
class Backoff:
    """Delays between reconnections: the n-th (from 0) is drawn in `[(1 - JITTER) * d, d]`
    with `d = min(maximum, initial * 2**n)`; a confirmed subscription starts over."""

    initial: float = DEFAULT_RECONNECT_INITIAL_S
    maximum: float = DEFAULT_RECONNECT_MAX_S
    rng: random.Random = field(default_factory=random.Random, repr=False)
    attempts: int = 0

    def ceiling(self, attempt: int) -> float:
        # 2**attempt overflows a float past 1023: the maximum is reached long before.
        return min(self.maximum, self.initial * 2.0 ** min(attempt, 64))

    def next_delay(self) -> float:
        high = self.ceiling(self.attempts)
        self.attempts += 1
        return self.rng.uniform((1 - JITTER) * high, high)

    def reset(self) -> None:
        self.attempts = 0


def _positive(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        raise ValueError(f"{name} must be a positive number of seconds")
    return float(value)


@dataclass(frozen=True)
class StreamSettings:
    """The stream's checked arguments: where, who, and the liveness and backoff figures."""

    url: str
    api_key: str = field(repr=False)
    signature: str = field(repr=False)
    stale_after: float = DEFAULT_STALE_AFTER_S
    reconnect_initial: float = DEFAULT_RECONNECT_INITIAL_S
    reconnect_max: float = DEFAULT_RECONNECT_MAX_S
    open_timeout: float = 10.0

    @classmethod
    def checked(
        cls,
        url: str,
        api_key: str,
        signer: Signer,
        stale_after: object,
        reconnect_initial: object,
        reconnect_max: object,
    ) -> StreamSettings:
        stale = _positive(stale_after, "stale_after")
        initial = _positive(reconnect_initial, "reconnect_initial")
        maximum = _positive(reconnect_max, "reconnect_max")
        if maximum < initial:
            raise ValueError("reconnect_max must be at least reconnect_initial")
        return cls(
            url=url,
            api_key=api_key,
            signature=stream_signature(signer),
            stale_after=stale,
            reconnect_initial=initial,
            reconnect_max=maximum,
            open_timeout=max(stale, 1.0),
        )

    @property
    def identifier(self) -> str:
        return identifier(self.api_key, self.signature)
