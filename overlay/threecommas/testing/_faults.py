"""Fault injection for the recorded-responses server, the counters that prove what it applied,
and a small admin API to drive both. None of this is part of the 3Commas API or its spec.

Everything is off unless configured, so by default the server answers exactly as without this
module. A :class:`FaultConfig` describes what to inject:

* **Emulated rate limits** (``rate_limit``): ``requests`` per ``period`` seconds (100 per 60 s,
  a sliding window per API key). The request over the limit gets 429 and starts a lockout of
  ``lockout`` seconds (300) during which every request gets 429 too. Once ``ban_after`` (3)
  requests have been refused in the lockout, the next one is answered 418 and starts an IP
  ban of ``ban`` seconds (120; each further ban ``ban_growth`` times longer, at most
  ``max_ban``), during which every request gets 418. 429 and 418 answers carry a JSON
  error body and ``Retry-After`` in whole seconds, rounded up.
* ``time_factor`` scales every rate-limit duration (period, lockout, ban, and so the
  ``Retry-After`` values sent): with 0.01, 100 requests per 60 s become 100 per 0.6 s. It does
  not scale latency or delays, which are chosen against a client's timeout.
* ``plan_restricted``: operations answered with the 429 that names the subscription plan
  (``{"error": "Not available for your subscription plan"}``), which waiting does not cure.
* ``latency_ms`` (with ``latency_probability``): wait this long before handling a request.
* ``rules``: a list of :class:`FaultRule`; the first one that matches a request and fires
  (``probability``, at most ``count`` times, only for ``operations`` when given) decides its
  fate. Kinds:

  ``error``           answer ``status`` (500, 502, 503 or 504) with a JSON error body;
  ``html_502``        answer 502 with an HTML page, as a proxy in front of the API does;
  ``drop``            close the connection without answering;
  ``delay``           handle the request, then hold the answer ``seconds`` (or until the client
                      gives up), so a client timeout hits a request that *was* carried out;
  ``truncated_json``  a success whose body is cut in half;
  ``wrong_type``      a success whose ``id`` is ``"not-a-number"`` and ``pair`` is ``12345``;
  ``missing_field``   a success without ``pair``.

  ``error``, ``html_502`` and ``drop`` answer without handling the request unless
  ``after_apply`` is set: then the request is carried out first (and counted as applied), which
  is what proves that a client does not repeat an order after a 5xx or a lost connection.
  ``delay`` and the three malformed kinds always handle the request first; a malformed kind
  leaves a non-success answer (a refusal) untouched and is not spent on it.

A dropped connection, under uvicorn, is a TCP abort after the request was read: the client sees
the connection closed with no answer (httpx: ``RemoteProtocolError``). Served in-process (an
``httpx.ASGITransport``), the app raises :class:`ConnectionDropped`, an
``httpx.RemoteProtocolError``, which the transport hands to the client as a transport failure.

**Counters** (:meth:`Faults.counters`): every request under the API prefix is counted;
``received`` counts, per operation and path ids (``("close_trade_by_market", 12345678,
1047934727)``), the requests that got past the rate limits, and ``applied`` those that changed
state (a POST, PATCH or DELETE whose operation succeeded, whatever the client was then told).
``applied_by_request`` gives the same per request id: the client's ``X-Request-Id`` header
when it sends one, else ``#N`` in arrival order (the latest :data:`MAX_RECORDS` requests). A
close applied twice would show as 2.

**Admin API** (no signature; under ``/__admin__``, outside ``/public/api``):

``GET  /__admin__/faults``      the configuration, as JSON (:meth:`FaultConfig.to_json`)
``PUT  /__admin__/faults``      replace it (the same JSON; ``{}`` turns every fault off)
``POST /__admin__/reset``       SmartTrades back to the recordings; counters, rule counts,
                                lockouts and bans cleared (the configuration stays)
``GET  /__admin__/counters``    the counters (tuple keys joined with ``/``)
``POST /__admin__/smart_trades``            add or replace one SmartTrade (its JSON object,
                                which must match the spec's ``SmartTrade`` schema: a JSON
                                400 naming each bad field otherwise); its flags are
                                recomputed from the rules, as by ``store.put``
``POST /__admin__/smart_trades/closable``   ``{"count": N, "steps": S}``: N copies of a recorded
                                SmartTrade, waiting for targets, each with S take-profit steps
                                that can be closed by market; answers their ids

From Python the same lives on ``app.state.faults`` (a :class:`Faults`). For the command line,
:func:`add_fault_options` adds the options to an ``argparse`` parser and
:func:`faults_from_args` turns the parsed options into a :class:`FaultConfig`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import random
import threading
import time
from collections import Counter, deque
from collections.abc import Awaitable, Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Final, Literal, cast, get_args

import httpx
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from threecommas import _schema
from threecommas.testing._entities import POSITION_TRADE, STOP_LOSS_TRADE
from threecommas.testing._operations import API_PREFIX, find_operation
from threecommas.testing._state import (
    JSONObject,
    order_status,
    refresh_flags,
    smart_trade_status,
    take_profit_steps,
)
from threecommas.testing._store import SmartTradeStore, clone
from threecommas_api._catalogue import BY_ID

__all__ = [
    "ADMIN_PREFIX",
    "ConnectionDropped",
    "Counters",
    "FaultConfig",
    "FaultKind",
    "FaultLayer",
    "FaultRule",
    "Faults",
    "RateLimitConfig",
    "add_fault_options",
    "admin_routes",
    "faults_from_args",
    "seed_closable_smart_trades",
]

ADMIN_PREFIX: Final = "/__admin__"

FaultKind = Literal[
    "error", "html_502", "drop", "delay", "truncated_json", "wrong_type", "missing_field"
]
FAULT_KINDS: Final[tuple[str, ...]] = get_args(FaultKind)
_ANSWER_KINDS: Final = frozenset({"error", "html_502", "drop"})
_MALFORMED_KINDS: Final = frozenset({"truncated_json", "wrong_type", "missing_field"})
_ERROR_STATUSES: Final = frozenset({500, 502, 503, 504})
_CHANGING_METHODS: Final = frozenset({"POST", "PATCH", "DELETE", "PUT"})
#: A server may run for days: per-request records keep only the latest this many.
MAX_RECORDS: Final = 200_000

PLAN_RESTRICTION_ERROR: Final = "Not available for your subscription plan"

_HTML_502: Final = (
    b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    b"<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
    b"</body>\r\n</html>\r\n"
)
_ERROR_BODIES: Final[Mapping[int, JSONObject]] = {
    500: {"error": "internal_error", "error_description": "Internal server error"},
    502: {"error": "bad_gateway", "error_description": "Bad gateway"},
    503: {"error": "service_unavailable", "error_description": "Service temporarily unavailable"},
    504: {"error": "gateway_timeout", "error_description": "Gateway timeout"},
}

Clock = Callable[[], float]
CounterKey = tuple[str | int, ...]


class ConnectionDropped(httpx.RemoteProtocolError):
    """Raised by the app, served in-process, where a live server would drop the connection.

    An ``httpx.ASGITransport`` passes an app's exception on to the client; being an httpx
    transport error, this one reaches the client as the lost connection it stands for.
    """


# --- Configuration ------------------------------------------------------------------------------


def _number(data: Mapping[str, Any], name: str, default: float, *, minimum: float = 0.0) -> float:
    value = data.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"{name} must be a number")
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}")
    return float(value)


def _integer(data: Mapping[str, Any], name: str, default: int, *, minimum: int = 0) -> int:
    value = data.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} must be an integer")
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}")
    return value


def _probability(data: Mapping[str, Any], name: str) -> float:
    value = _number(data, name, 1.0)
    if value > 1:
        raise ValueError(f"{name} must be between 0 and 1")
    return value


def _operation_names(value: Any, name: str) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str) or not isinstance(value, list | tuple | set | frozenset):
        raise ValueError(f"{name} must be a list of operation names")
    unknown = sorted(str(v) for v in value if v not in BY_ID)
    if unknown:
        raise ValueError(f"{name}: unknown operation(s) {', '.join(unknown)}")
    return frozenset(str(v) for v in value)


def _only_keys(data: Any, allowed: Iterable[str], what: str) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise ValueError(f"{what} must be a JSON object")
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise ValueError(f"{what}: unknown key(s) {', '.join(map(str, unknown))}")
    return data


@dataclass(frozen=True)
class RateLimitConfig:
    """The API's documented limits; durations in seconds, before the time factor."""

    requests: int = 100
    period: float = 60.0
    lockout: float = 300.0
    ban_after: int = 3
    ban: float = 120.0
    ban_growth: float = 2.0
    max_ban: float = 3 * 24 * 3600.0

    def __post_init__(self) -> None:
        RateLimitConfig.from_json(self.to_json())  # the same checks as for JSON input

    def to_json(self) -> JSONObject:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_json(cls, data: Any) -> RateLimitConfig:
        data = _only_keys(data, (f.name for f in fields(cls)), "rate_limit")
        period = _number(data, "period", 60.0)
        if period <= 0:
            raise ValueError("period must be positive")
        values = {
            "requests": _integer(data, "requests", 100, minimum=1),
            "period": period,
            "lockout": _number(data, "lockout", 300.0),
            "ban_after": _integer(data, "ban_after", 3),
            "ban": _number(data, "ban", 120.0),
            "ban_growth": _number(data, "ban_growth", 2.0, minimum=1.0),
            "max_ban": _number(data, "max_ban", 3 * 24 * 3600.0),
        }
        result = object.__new__(cls)
        for name, value in values.items():
            object.__setattr__(result, name, value)
        return result


@dataclass(frozen=True)
class FaultRule:
    """One kind of fault, for which requests, how often and how many times (see the module)."""

    kind: FaultKind
    status: int = 503
    seconds: float = 0.0
    probability: float = 1.0
    count: int | None = None
    operations: frozenset[str] = frozenset()
    after_apply: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "operations", frozenset(self.operations))
        FaultRule.from_json(self.to_json())

    def matches(self, operation: str | None) -> bool:
        return not self.operations or operation in self.operations

    def to_json(self) -> JSONObject:
        return {
            "kind": self.kind,
            "status": self.status,
            "seconds": self.seconds,
            "probability": self.probability,
            "count": self.count,
            "operations": sorted(self.operations),
            "after_apply": self.after_apply,
        }

    @classmethod
    def from_json(cls, data: Any) -> FaultRule:
        data = _only_keys(data, (f.name for f in fields(cls)), "a fault rule")
        kind = data.get("kind")
        if kind not in FAULT_KINDS:
            raise ValueError(f"kind must be one of {', '.join(FAULT_KINDS)}")
        status = _integer(data, "status", 503)
        if status not in _ERROR_STATUSES:
            raise ValueError("status must be 500, 502, 503 or 504")
        count = data.get("count")
        if count is not None:
            count = _integer(data, "count", 0)
        after_apply = data.get("after_apply", False)
        if not isinstance(after_apply, bool):
            raise ValueError("after_apply must be true or false")
        result = object.__new__(cls)
        values: dict[str, Any] = {
            "kind": kind,
            "status": status,
            "seconds": _number(data, "seconds", 0.0),
            "probability": _probability(data, "probability"),
            "count": count,
            "operations": _operation_names(data.get("operations"), "operations"),
            "after_apply": after_apply,
        }
        for name, value in values.items():
            object.__setattr__(result, name, value)
        return result


@dataclass(frozen=True)
class FaultConfig:
    """What the server injects; the default injects nothing."""

    rate_limit: RateLimitConfig | None = None
    time_factor: float = 1.0
    plan_restricted: frozenset[str] = frozenset()
    latency_ms: float = 0.0
    latency_probability: float = 1.0
    rules: tuple[FaultRule, ...] = ()
    seed: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "plan_restricted", frozenset(self.plan_restricted))
        object.__setattr__(self, "rules", tuple(self.rules))
        FaultConfig.from_json(self.to_json())

    def scaled(self, seconds: float) -> float:
        """A rate-limit duration as this server applies it."""
        return seconds * self.time_factor

    def to_json(self) -> JSONObject:
        return {
            "rate_limit": None if self.rate_limit is None else self.rate_limit.to_json(),
            "time_factor": self.time_factor,
            "plan_restricted": sorted(self.plan_restricted),
            "latency_ms": self.latency_ms,
            "latency_probability": self.latency_probability,
            "rules": [rule.to_json() for rule in self.rules],
            "seed": self.seed,
        }

    @classmethod
    def from_json(cls, data: Any) -> FaultConfig:
        """Parse (and check) the admin API's JSON; a missing key keeps its default."""
        data = _only_keys(data, (f.name for f in fields(cls)), "the fault configuration")
        limit = data.get("rate_limit")
        if limit is True:
            limit = {}
        elif limit is False:
            limit = None
        time_factor = _number(data, "time_factor", 1.0)
        if time_factor <= 0:
            raise ValueError("time_factor must be positive")
        rules = data.get("rules") or []
        if not isinstance(rules, list | tuple):
            raise ValueError("rules must be a list")
        seed = data.get("seed")
        if seed is not None:
            seed = _integer(data, "seed", 0, minimum=-(2**63))
        values: dict[str, Any] = {
            "rate_limit": None if limit is None else RateLimitConfig.from_json(limit),
            "time_factor": time_factor,
            "plan_restricted": _operation_names(data.get("plan_restricted"), "plan_restricted"),
            "latency_ms": _number(data, "latency_ms", 0.0),
            "latency_probability": _probability(data, "latency_probability"),
            "rules": tuple(
                r if isinstance(r, FaultRule) else FaultRule.from_json(r) for r in rules
            ),
            "seed": seed,
        }
        result = object.__new__(cls)
        for name, value in values.items():
            object.__setattr__(result, name, value)
        return result


# --- Counters -----------------------------------------------------------------------------------


@dataclass
class Counters:
    """What the server saw and did, since it started or since the last reset.

    ``requests``: API requests received (refused ones included); ``statuses``: the statuses it
    answered (a dropped connection has none); ``received``/``applied``: per operation and path
    ids, the requests past the rate limits and the state changes carried out;
    ``applied_by_request``: state changes per request id, for every POST, PATCH and DELETE;
    ``injected``: faults injected, by kind (``rate_limit``, ``ban`` and ``plan`` included).
    """

    requests: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    received: Counter[CounterKey] = field(default_factory=Counter)
    applied: Counter[CounterKey] = field(default_factory=Counter)
    applied_by_request: dict[str, int] = field(default_factory=dict)
    injected: Counter[str] = field(default_factory=Counter)

    def copy(self) -> Counters:
        return Counters(
            self.requests,
            Counter(self.statuses),
            Counter(self.received),
            Counter(self.applied),
            dict(self.applied_by_request),
            Counter(self.injected),
        )

    def to_json(self) -> JSONObject:
        def keyed(counter: Mapping[CounterKey, int]) -> dict[str, int]:
            return {"/".join(map(str, key)): value for key, value in sorted(counter.items())}

        return {
            "requests": self.requests,
            "statuses": {str(k): v for k, v in sorted(self.statuses.items())},
            "received": keyed(self.received),
            "applied": keyed(self.applied),
            "applied_by_request": dict(self.applied_by_request),
            "injected": dict(sorted(self.injected.items())),
        }


# --- The emulated rate limits -------------------------------------------------------------------


@dataclass
class _Client:
    """The limiter's memory of one API key."""

    accepted: deque[float] = field(default_factory=deque)
    locked_until: float = -math.inf
    refused_in_lockout: int = 0
    banned_until: float = -math.inf
    bans: int = 0


@dataclass(frozen=True)
class Refusal:
    """An answer that replaces the operation's: status, JSON body, seconds until it ends."""

    status: int
    body: JSONObject
    retry_after: float | None = None
    kind: str = "rate_limit"

    def headers(self) -> dict[str, str]:
        if self.retry_after is None:
            return {}
        return {"Retry-After": str(max(1, math.ceil(self.retry_after - 1e-9)))}


class _RateLimiter:
    """The sliding window, the lockout and the bans, per API key (not thread-safe by itself)."""

    def __init__(self, config: RateLimitConfig, time_factor: float) -> None:
        self.config = config
        self.factor = time_factor
        self.clients: dict[str, _Client] = {}
        self.arrivals: deque[float] = deque(maxlen=MAX_RECORDS)

    def check(self, key: str, now: float) -> Refusal | None:
        limit, factor = self.config, self.factor
        client = self.clients.setdefault(key, _Client())
        if now < client.banned_until:
            return self._ban_answer(client.banned_until - now)
        if now < client.locked_until:
            client.refused_in_lockout += 1
            if client.refused_in_lockout <= limit.ban_after:
                return self._lockout_answer(client.locked_until - now)
            ban = min(limit.ban * limit.ban_growth**client.bans, limit.max_ban) * factor
            client.bans += 1
            client.banned_until = now + ban
            client.locked_until = -math.inf
            client.refused_in_lockout = 0
            return self._ban_answer(ban)
        window = limit.period * factor
        accepted = client.accepted
        while accepted and accepted[0] <= now - window:
            accepted.popleft()
        if len(accepted) >= limit.requests:
            lockout = limit.lockout * factor
            client.locked_until = now + lockout
            client.refused_in_lockout = 0
            return self._lockout_answer(lockout)
        accepted.append(now)
        self.arrivals.append(now)
        return None

    def _lockout_answer(self, seconds: float) -> Refusal:
        limit = self.config
        description = (
            f"Too many requests: at most {limit.requests} per "
            f"{limit.period * self.factor:g} s. Retry in {seconds:.3g} s"
        )
        return Refusal(
            429, {"error": "rate_limit_exceeded", "error_description": description}, seconds
        )

    def _ban_answer(self, seconds: float) -> Refusal:
        description = f"IP banned for repeated rate limit violations. Retry in {seconds:.3g} s"
        return Refusal(
            418, {"error": "ip_banned", "error_description": description}, seconds, "ban"
        )


# --- The shared state ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Decision:
    """What the fault layer does with one request that got past the limits."""

    latency: float = 0.0
    rule: FaultRule | None = None
    rule_index: int = -1


class Faults:
    """The fault configuration in force, the limiter's state and the counters. Thread-safe."""

    def __init__(self, config: FaultConfig | None = None, *, clock: Clock = time.monotonic) -> None:
        self._lock = threading.Lock()
        self._clock = clock
        self._config = FaultConfig()
        self._limiter: _RateLimiter | None = None
        self._remaining: list[int | None] = []
        self._random = random.Random()
        self._counters = Counters()
        self._sequence = 0
        self.configure(config or FaultConfig())

    @property
    def config(self) -> FaultConfig:
        with self._lock:
            return self._config

    def configure(self, config: FaultConfig | None = None, **changes: Any) -> FaultConfig:
        """Put ``config`` in force (with ``changes`` applied, e.g. ``rules=[...]``).

        Rule counts start again, and so does the limiter (no lockout, no ban) whenever the
        rate-limit settings change. Counters are kept: :meth:`reset` clears them.
        """
        new = replace(config or FaultConfig(), **changes) if changes else config or FaultConfig()
        with self._lock:
            old = self._config
            self._config = new
            self._remaining = [rule.count for rule in new.rules]
            self._random = random.Random(new.seed)
            if new.rate_limit is None:
                self._limiter = None
            elif (
                self._limiter is None
                or new.rate_limit != old.rate_limit
                or new.time_factor != old.time_factor
            ):
                self._limiter = _RateLimiter(new.rate_limit, new.time_factor)
        return new

    def reset(self) -> None:
        """Clear the counters, the rule counts, lockouts and bans; keep the configuration."""
        with self._lock:
            config = self._config
            self._counters = Counters()
            self._sequence = 0
            self._remaining = [rule.count for rule in config.rules]
            self._random = random.Random(config.seed)
            if config.rate_limit is not None:
                self._limiter = _RateLimiter(config.rate_limit, config.time_factor)

    def counters(self) -> Counters:
        """A copy of the counters."""
        with self._lock:
            return self._counters.copy()

    def accepted_times(self) -> list[float]:
        """When (``time.monotonic``) each request the rate limit let through arrived (the
        latest :data:`MAX_RECORDS`; empty while no rate limit is emulated)."""
        with self._lock:
            return [] if self._limiter is None else list(self._limiter.arrivals)

    # Used by the fault layer, one request at a time.

    def arrive(self, request_id: str | None) -> str:
        """Count a request; its id (the client's, or ``#N`` in arrival order)."""
        with self._lock:
            self._counters.requests += 1
            self._sequence += 1
            return request_id or f"#{self._sequence}"

    def admit(self, key: str, operation: str | None) -> Refusal | None:
        """The rate limits' and the plan's answer to this request, or None to go on."""
        with self._lock:
            if self._limiter is not None:
                refusal = self._limiter.check(key, self._clock())
                if refusal is not None:
                    self._counters.injected[refusal.kind] += 1
                    return refusal
            if operation is not None and operation in self._config.plan_restricted:
                self._counters.injected["plan"] += 1
                return Refusal(429, {"error": PLAN_RESTRICTION_ERROR}, kind="plan")
        return None

    def decide(self, operation: str | None) -> Decision:
        with self._lock:
            config = self._config
            latency = 0.0
            if config.latency_ms > 0 and self._roll(config.latency_probability):
                latency = config.latency_ms / 1000
            for index, rule in enumerate(config.rules):
                remaining = self._remaining[index]
                if remaining == 0 or not rule.matches(operation):
                    continue
                if not self._roll(rule.probability):
                    continue
                if remaining is not None:
                    self._remaining[index] = remaining - 1
                self._counters.injected[rule.kind] += 1
                return Decision(latency, rule, index)
            return Decision(latency)

    def give_back(self, decision: Decision) -> None:
        """A rule that fired but found nothing to act on (a malformed kind on a refusal)."""
        with self._lock:
            rule, index = decision.rule, decision.rule_index
            if rule is None or index >= len(self._config.rules):
                return
            if self._config.rules[index] is rule:
                self._counters.injected[rule.kind] -= 1
                remaining = self._remaining[index]
                if remaining is not None:
                    self._remaining[index] = remaining + 1

    def record(
        self,
        key: CounterKey | None,
        request_id: str,
        *,
        received: bool,
        changing: bool,
        handled_status: int | None,
        sent_status: int | None,
    ) -> None:
        with self._lock:
            counters = self._counters
            if sent_status is not None:
                counters.statuses[sent_status] += 1
            if key is None or not received:
                return
            counters.received[key] += 1
            if not changing:
                return
            applied = handled_status is not None and 200 <= handled_status < 300
            if applied:
                counters.applied[key] += 1
            by_request = counters.applied_by_request
            by_request[request_id] = by_request.get(request_id, 0) + applied
            if len(by_request) > MAX_RECORDS:
                del by_request[next(iter(by_request))]

    def _roll(self, probability: float) -> bool:
        return probability >= 1 or self._random.random() < probability


# --- The ASGI layer -----------------------------------------------------------------------------


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers") or ():
        if key.lower() == name:
            return bytes(value).decode("latin-1")
    return None


class _Captured:
    """A response kept back instead of sent."""

    def __init__(self) -> None:
        self.status: int | None = None
        self.headers: list[tuple[bytes, bytes]] = []
        self.body = bytearray()

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.status = int(message["status"])
            self.headers = [(bytes(k), bytes(v)) for k, v in message.get("headers", [])]
        elif message["type"] == "http.response.body":
            self.body += message.get("body", b"")

    async def send_to(self, send: Send, body: bytes | None = None) -> None:
        content = bytes(self.body) if body is None else body
        headers = [(k, v) for k, v in self.headers if k.lower() != b"content-length"]
        headers.append((b"content-length", str(len(content)).encode()))
        await send({"type": "http.response.start", "status": self.status, "headers": headers})
        await send({"type": "http.response.body", "body": content, "more_body": False})


def _json_answer(
    status: int, body: JSONObject, headers: Mapping[str, str] | None = None
) -> Response:
    return JSONResponse(body, status_code=status, headers=dict(headers or {}))


def _html_502() -> Response:
    return Response(_HTML_502, status_code=502, media_type="text/html")


def _malformed(kind: str, body: bytes) -> bytes:
    if kind == "truncated_json":
        return body[: len(body) // 2]
    try:
        data = json.loads(body)
    except ValueError:
        return body[: len(body) // 2]
    target = data
    if isinstance(data, list) and data and isinstance(data[0], dict):
        target = data[0]
    if isinstance(target, dict):
        if kind == "wrong_type":
            _wrong_types(target)
        else:
            missing = next((k for k in ("pair", "id") if k in target), next(iter(target), None))
            if missing is not None:
                del target[missing]
    return json.dumps(data).encode()


def _wrong_types(target: JSONObject) -> None:
    changed = False
    if "id" in target:
        target["id"] = "not-a-number"
        changed = True
    if "pair" in target:
        target["pair"] = 12345
        changed = True
    if changed:
        return
    for key, value in target.items():  # no id, no pair: the first scalar gets the other type
        if isinstance(value, str):
            target[key] = 12345
            return
        if isinstance(value, int | float) and not isinstance(value, bool):
            target[key] = "not-a-number"
            return


async def _drop(receive: Receive) -> None:
    """Close the connection without a word; in-process, raise the transport error instead."""
    # uvicorn's receive is a method of the request's cycle, which holds the TCP transport.
    transport = getattr(getattr(receive, "__self__", None), "transport", None)
    if isinstance(transport, asyncio.Transport):
        transport.abort()
        # Let the server see the connection lost, so that it does not try to answer after us.
        for _ in range(3):
            await asyncio.sleep(0)
        return
    raise ConnectionDropped("Server disconnected without sending a response.")


async def _hold(receive: Receive, seconds: float) -> bool:
    """Wait ``seconds``, or less if the client hangs up first; True if it did."""

    async def disconnected() -> None:
        quiet = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            quiet += 1
            if quiet > 3:  # a server that repeats the body instead of waiting: just sleep
                await asyncio.sleep(seconds + 1)

    try:
        await asyncio.wait_for(disconnected(), timeout=seconds)
    except TimeoutError:
        return False
    return True


class FaultLayer:
    """ASGI middleware that injects the configured faults and keeps the counters.

    Only requests under the API prefix are touched; the admin API and ``/openapi.yaml`` pass.
    """

    def __init__(self, app: ASGIApp, faults: Faults) -> None:
        self.app = app
        self.faults = faults

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = str(scope.get("path", ""))
        if scope["type"] != "http" or not path.startswith(API_PREFIX + "/"):
            await self.app(scope, receive, send)
            return
        faults = self.faults
        method = str(scope.get("method", "GET")).upper()
        request_id = faults.arrive(_header(scope, b"x-request-id"))
        resolved = find_operation(method, path)
        operation = None if resolved is None else resolved[0]
        key: CounterKey | None = None
        if resolved is not None:
            name, params = resolved
            key = (name, *params.values())
        changing = method in _CHANGING_METHODS

        client = scope.get("client")
        who = _header(scope, b"apikey") or (str(client[0]) if client else "unknown")
        refusal = faults.admit(who, operation)
        if refusal is not None:
            await _json_answer(refusal.status, refusal.body, refusal.headers())(
                scope, receive, send
            )
            faults.record(
                key,
                request_id,
                received=False,
                changing=changing,
                handled_status=None,
                sent_status=refusal.status,
            )
            return

        decision = faults.decide(operation)
        if decision.latency > 0:
            await asyncio.sleep(decision.latency)
        rule = decision.rule

        def record(handled: int | None, sent: int | None) -> None:
            faults.record(
                key,
                request_id,
                received=True,
                changing=changing,
                handled_status=handled,
                sent_status=sent,
            )

        if rule is not None and rule.kind in _ANSWER_KINDS and not rule.after_apply:
            record(None, None if rule.kind == "drop" else _fault_status(rule))
            await self._answer_instead(rule, scope, receive, send)
            return

        if rule is None:
            started = False

            async def tracked(message: Message) -> None:
                nonlocal started
                if message["type"] == "http.response.start":
                    # Counted before it leaves: a client that reads the counters right after
                    # its answer must find this request in them.
                    started = True
                    record(int(message["status"]), int(message["status"]))
                await send(message)

            try:
                await self.app(scope, receive, tracked)
            except Exception:
                if not started:
                    record(None, None)
                raise
            return

        captured = _Captured()
        try:
            await self.app(scope, receive, captured)
        except Exception:
            record(None, None)
            raise
        handled = captured.status
        success = handled is not None and 200 <= handled < 300
        if rule.kind in _ANSWER_KINDS:
            record(handled, None if rule.kind == "drop" else _fault_status(rule))
            await self._answer_instead(rule, scope, receive, send)
        elif rule.kind == "delay":
            record(handled, handled)
            if not await _hold(receive, rule.seconds):
                await captured.send_to(send)
        elif success:  # a malformed kind
            record(handled, handled)
            await captured.send_to(send, _malformed(rule.kind, bytes(captured.body)))
        else:
            faults.give_back(decision)
            record(handled, handled)
            await captured.send_to(send)

    async def _answer_instead(
        self, rule: FaultRule, scope: Scope, receive: Receive, send: Send
    ) -> None:
        if rule.kind == "drop":
            await _drop(receive)
        elif rule.kind == "html_502":
            await _html_502()(scope, receive, send)
        else:
            await _json_answer(rule.status, dict(_ERROR_BODIES[rule.status]))(scope, receive, send)


def _fault_status(rule: FaultRule) -> int:
    return 502 if rule.kind == "html_502" else rule.status


# --- Seeding SmartTrades ------------------------------------------------------------------------

_TEMPLATE_ID: Final = 12345678


def _ids_in(value: Any) -> Iterator[int]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "id" and isinstance(item, int) and not isinstance(item, bool):
                yield item
            else:
                yield from _ids_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from _ids_in(item)


_seed_lock = threading.Lock()


def seed_closable_smart_trades(
    store: SmartTradeStore, count: int, steps: int = 5
) -> list[tuple[int, list[int]]]:
    """Add ``count`` SmartTrades, each with ``steps`` take-profit steps closable by market.

    Each is a copy of the recorded SmartTrade 12345678 (or of the first stored one with a
    take-profit step) with new ids, status ``waiting_targets`` and every step ``to_process``.
    Returns ``(smart_trade_id, [step ids])`` for each. Meant for before the traffic starts: the
    new ids are above every id stored when it runs.
    """
    if count < 0 or steps < 1:
        raise ValueError("count must be >= 0 and steps >= 1")
    with _seed_lock:
        snapshot = store.snapshot()
        template = snapshot.get(_TEMPLATE_ID)
        if template is None or not take_profit_steps(template):
            template = next((st for st in snapshot.values() if take_profit_steps(st)), None)
        if template is None:
            raise ValueError("no stored SmartTrade has a take-profit step to copy")
        used = [*_ids_in(list(snapshot.values()))]
        used += [i for st_id in snapshot for i in store.trade_ids(st_id).values()]
        next_id = max([0, *used]) + 1
        step_template = take_profit_steps(template)[0]
        created: list[tuple[int, list[int]]] = []
        for _ in range(count):
            smart_trade = clone(template)
            smart_trade_id = next_id
            step_ids = list(range(next_id + 1, next_id + 1 + steps))
            position_id, stop_loss_id = next_id + 1 + steps, next_id + 2 + steps
            next_id += steps + 3
            smart_trade["id"] = smart_trade_id
            smart_trade["status"] = smart_trade_status("waiting_targets")
            new_steps = []
            for number, step_id in enumerate(step_ids, start=1):
                step = clone(step_template)
                step.update(id=step_id, position=number, status=order_status("to_process"))
                data = step.get("data")
                step["data"] = {**(data if isinstance(data, dict) else {}), "cancelable": True}
                new_steps.append(step)
            smart_trade.setdefault("take_profit", {})["steps"] = new_steps
            market_close = smart_trade.get("market_close")
            if isinstance(market_close, dict) and "id" in market_close:
                smart_trade["market_close"] = {}
            refresh_flags(smart_trade)
            store.put(
                smart_trade,
                trade_ids={POSITION_TRADE: position_id, STOP_LOSS_TRADE: stop_loss_id},
            )
            created.append((smart_trade_id, step_ids))
        return created


# --- The admin API ------------------------------------------------------------------------------


def _not_a_smart_trade(smart_trade: JSONObject) -> dict[str, list[str]]:
    """What keeps a body from being a SmartTrade of the spec (field -> messages), so that the
    admin API never stores one that every later read would fail on."""
    try:
        return _schema.schema_errors("SmartTrade", smart_trade)
    except RecursionError:
        return {"body": ["is nested too deeply"]}


def _bad_request(description: str) -> Response:
    return _json_answer(400, {"error": "bad_request", "error_description": description})


async def _json_body(request: Request) -> Any:
    """The admin request's JSON body; ValueError (a 400) for anything that is not readable
    JSON, a body nested deeper than Python can parse included."""
    raw = await request.body()
    if not raw.strip():
        return {}
    try:
        return json.loads(raw)
    except RecursionError:
        raise ValueError("the body is nested too deeply to be read") from None


AdminEndpoint = Callable[[Request], Awaitable[Response]]


def admin_routes(store: SmartTradeStore, faults: Faults) -> list[Route]:
    """The admin API's routes (see the module docstring), for the app's route list."""

    async def get_faults(request: Request) -> Response:
        return _json_answer(200, faults.config.to_json())

    async def put_faults(request: Request) -> Response:
        try:
            config = FaultConfig.from_json(await _json_body(request))
        except ValueError as exc:  # JSON errors included
            return _bad_request(str(exc))
        return _json_answer(200, faults.configure(config).to_json())

    async def reset(request: Request) -> Response:
        store.reset()
        faults.reset()
        return _json_answer(200, {"reset": True})

    async def counters(request: Request) -> Response:
        return _json_answer(200, faults.counters().to_json())

    async def put_smart_trade(request: Request) -> Response:
        try:
            smart_trade = await _json_body(request)
            if not isinstance(smart_trade, dict):
                raise ValueError("the body must be a SmartTrade (a JSON object)")
            problems = _not_a_smart_trade(smart_trade)
            if problems:
                return _json_answer(
                    400,
                    {
                        "error": "bad_request",
                        "error_description": "the body is not a SmartTrade as the spec describes "
                        "it: " + "; ".join(f"{k}: {', '.join(v)}" for k, v in problems.items()),
                        "error_attributes": problems,
                    },
                )
            store.put(smart_trade)
        except ValueError as exc:
            return _bad_request(str(exc))
        return _json_answer(201, {"id": smart_trade["id"]})

    async def closable(request: Request) -> Response:
        try:
            spec = _only_keys(await _json_body(request), ("count", "steps"), "the body")
            created = seed_closable_smart_trades(
                store,
                _integer(spec, "count", 1),
                _integer(spec, "steps", 5, minimum=1),
            )
        except ValueError as exc:
            return _bad_request(str(exc))
        body = [{"id": st_id, "trade_ids": step_ids} for st_id, step_ids in created]
        return _json_answer(201, {"smart_trades": body})

    routes: list[tuple[str, AdminEndpoint, str]] = [
        ("/faults", get_faults, "GET"),
        ("/faults", put_faults, "PUT"),
        ("/reset", reset, "POST"),
        ("/counters", counters, "GET"),
        ("/smart_trades", put_smart_trade, "POST"),
        ("/smart_trades/closable", closable, "POST"),
    ]
    by_path: dict[str, dict[str, AdminEndpoint]] = {}
    for path, endpoint, method in routes:
        by_path.setdefault(path, {})[method] = endpoint

    def dispatch(endpoints: dict[str, AdminEndpoint]) -> AdminEndpoint:
        async def endpoint(request: Request) -> Response:
            handler = endpoints.get(request.method)
            if handler is None:
                return _json_answer(
                    405,
                    {"error": "Method not allowed", "error_description": "See the admin API"},
                    {"Allow": ", ".join(endpoints)},
                )
            return await handler(request)

        return endpoint

    return [
        Route(ADMIN_PREFIX + path, dispatch(endpoints), methods=list(endpoints), name=None)
        for path, endpoints in by_path.items()
    ]


# --- Command line -------------------------------------------------------------------------------


_TRUE_WORDS: Final = ("1", "true", "yes", "on")
_FALSE_WORDS: Final = ("0", "false", "no", "off")


def _flag_word(value: str) -> bool:
    word = value.lower()
    if word in _TRUE_WORDS or word in _FALSE_WORDS:
        return word in _TRUE_WORDS
    raise ValueError(f"expected true or false, got {value!r}")


def _whole_number(value: str) -> int:
    try:
        return int(value, 10)
    except ValueError:
        raise ValueError(f"expected a whole number, got {value!r}") from None


def _decimal_number(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise ValueError(f"expected a number, got {value!r}") from None
    if not math.isfinite(number):
        raise ValueError(f"expected a finite number, got {value!r}")
    return number


# The keys of `--fault KIND:KEY=VALUE,...` and how each value is read.
_RULE_TEXT_KEYS: Final[dict[str, Callable[[str], Any]]] = {
    "status": _whole_number,
    "seconds": _decimal_number,
    "probability": _decimal_number,
    "count": _whole_number,
    "operations": lambda value: [v for v in value.split("+") if v],
    "after_apply": _flag_word,
}


def _rule_from_text(text: str) -> FaultRule:
    """``KIND[:key=value,...]``, e.g. ``error:status=503,probability=0.1,operations=a+b``.

    A ``ValueError`` names the option, the key and what it expected."""
    kind, _, rest = text.partition(":")
    data: dict[str, Any] = {"kind": kind.strip()}
    where = f"--fault {text!r}"
    for item in filter(None, (part.strip() for part in rest.split(","))):
        name, equals, value = item.partition("=")
        name = name.strip()
        if not equals:
            raise ValueError(f"{where}: {item!r} is not KEY=VALUE")
        read = _RULE_TEXT_KEYS.get(name)
        if read is None:
            raise ValueError(f"{where}: unknown key {name!r} (known: {', '.join(_RULE_TEXT_KEYS)})")
        try:
            data[name] = read(value.strip())
        except ValueError as exc:
            raise ValueError(f"{where}: {name}: {exc}") from None
    try:
        return FaultRule.from_json(data)
    except ValueError as exc:
        raise ValueError(f"{where}: {exc}") from None


def add_fault_options(parser: argparse.ArgumentParser) -> None:
    """Add the fault-injection options (all off by default) to ``parser``."""
    group = parser.add_argument_group(
        "fault injection", "Not part of the 3Commas API; see also the admin API under /__admin__."
    )
    group.add_argument(
        "--faults",
        type=Path,
        metavar="JSON_FILE",
        help="fault configuration file, in the admin API's JSON; the options below override it",
    )
    group.add_argument(
        "--rate-limit",
        action="store_true",
        default=None,
        help="emulate the API's rate limits (100/min, 300 s lockout, 418 after repeated 429s)",
    )
    for flag, kind, meta, text in (
        ("--rate-limit-requests", int, "N", "requests allowed per period (default 100)"),
        ("--rate-limit-period", float, "SECONDS", "the sliding window (default 60)"),
        ("--lockout", float, "SECONDS", "lockout after a 429 (default 300)"),
        ("--ban-after", int, "N", "requests refused in a lockout before a 418 ban (default 3)"),
        ("--ban", float, "SECONDS", "first ban's length; each next one doubles (default 120)"),
    ):
        group.add_argument(flag, type=kind, metavar=meta, help=text + "; implies --rate-limit")
    group.add_argument(
        "--time-factor",
        type=float,
        metavar="F",
        help="scale every rate-limit duration (0.01: 100 requests per 0.6 s)",
    )
    group.add_argument(
        "--plan-restricted",
        action="append",
        metavar="OPERATION",
        help="answer this operation with the subscription-plan 429 (repeatable)",
    )
    group.add_argument("--latency-ms", type=float, metavar="MS", help="delay every answer")
    group.add_argument(
        "--latency-probability", type=float, metavar="P", help="share of answers delayed"
    )
    group.add_argument(
        "--fault",
        action="append",
        metavar="KIND[:KEY=VALUE,...]",
        help=(
            f"inject a fault (repeatable); KIND is one of {', '.join(FAULT_KINDS)}; keys: "
            "status, seconds, probability, count, operations (joined with +), after_apply. "
            "Example: error:status=503,probability=0.05"
        ),
    )
    group.add_argument("--fault-seed", type=int, metavar="N", help="seed of the random choices")


_LIMIT_OPTIONS: Final = {
    "rate_limit_requests": "requests",
    "rate_limit_period": "period",
    "lockout": "lockout",
    "ban_after": "ban_after",
    "ban": "ban",
}


def faults_from_args(args: argparse.Namespace) -> FaultConfig:
    """The configuration the options of :func:`add_fault_options` ask for (ValueError if wrong)."""
    data: dict[str, Any] = {}
    path: Path | None = getattr(args, "faults", None)
    if path is not None:
        try:
            data = dict(_only_keys(json.loads(path.read_text()), _config_keys(), "--faults"))
        except OSError as exc:
            raise ValueError(f"cannot read --faults: {exc.strerror}") from None
    limit_changes = {
        key: getattr(args, option)
        for option, key in _LIMIT_OPTIONS.items()
        if getattr(args, option, None) is not None
    }
    if getattr(args, "rate_limit", None) or limit_changes:
        limit = data.get("rate_limit")
        base = dict(limit) if isinstance(limit, Mapping) else {}
        data["rate_limit"] = {**base, **limit_changes}
    for option, key in (
        ("time_factor", "time_factor"),
        ("latency_ms", "latency_ms"),
        ("latency_probability", "latency_probability"),
        ("fault_seed", "seed"),
    ):
        if getattr(args, option, None) is not None:
            data[key] = getattr(args, option)
    if getattr(args, "plan_restricted", None):
        data["plan_restricted"] = list(args.plan_restricted)
    texts: Sequence[str] = getattr(args, "fault", None) or ()
    if texts:
        data["rules"] = [*cast(list[Any], data.get("rules") or []), *map(_rule_from_text, texts)]
    return FaultConfig.from_json(data)


def _config_keys() -> list[str]:
    return [f.name for f in fields(FaultConfig)]
