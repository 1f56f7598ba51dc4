"""The faults in force and their state (:class:`Faults`), shared by the layer and the admin API."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Final

from threecommas.testing.faults._config import FaultConfig, FaultRule
from threecommas.testing.faults._counters import MAX_RECORDS, CounterKey, Counters
from threecommas.testing.faults._limits import RateLimiter, Refusal
from threecommas.testing.faults._stream import StreamFaults

__all__ = [
    "PLAN_RESTRICTION_ERROR",
    "Decision",
    "Faults",
]

PLAN_RESTRICTION_ERROR: Final = "Not available for your subscription plan"

Clock = Callable[[], float]


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
        self._config = FaultConfig()
        self._limiter: RateLimiter | None = None
        self._remaining: list[int | None] = []
        self._random = random.Random()
        self._counters = Counters()
        self._sequence = 0
        #: The WebSocket stream's faults (drop the connections, stop the pings) and counters.
        self.stream = StreamFaults()
        self.configure(config or FaultConfig())

    @property
    def config(self) -> FaultConfig:
        """The configuration in force."""
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
            limit = new.effective_rate_limit
            if limit is None:
                self._limiter = None
            elif (
                self._limiter is None
                or limit != old.effective_rate_limit
                or new.plan != old.plan
                or new.time_factor != old.time_factor
            ):
                self._limiter = RateLimiter(limit, new.time_factor, self._plan_date(new))
        return new

    def reset(self) -> None:
        """Clear the counters, the rule counts, lockouts and bans; keep the configuration.
        The stream's counters are cleared too, and its pings resumed."""
        self.stream.reset()
        with self._lock:
            config = self._config
            self._counters = Counters()
            self._sequence = 0
            self._remaining = [rule.count for rule in config.rules]
            self._random = random.Random(config.seed)
            limit = config.effective_rate_limit
            if limit is not None:
                self._limiter = RateLimiter(limit, config.time_factor, self._plan_date(config))

    def counters(self) -> Counters:
        """A copy of the counters."""
        with self._lock:
            return self._counters.copy()

    def accepted_times(self) -> list[float]:
        """When (``time.monotonic``) each request the rate limit let through arrived (the
        latest ``MAX_RECORDS``; empty while no rate limit is emulated)."""
        with self._lock:
            return [] if self._limiter is None else list(self._limiter.arrivals)

    # Used by the fault layer, one request at a time.

    def arrive(self, request_id: str | None) -> str:
        """Count a request; its id (the client's, or ``#N`` in arrival order)."""
        with self._lock:
            self._counters.requests += 1
            self._sequence += 1
            return request_id or f"#{self._sequence}"

    def _plan_date(self, config: FaultConfig) -> Callable[[], float] | None:
        # A plan's 429 names a date, real as the API's: a client on a scaled clock reads it
        # as it reads `Retry-After`, rescaled (the fixtures' `scaled_retry_after`).
        return None if config.plan is None else time.time

    def admit(self, key: str, operation: str | None, writes: bool = False) -> Refusal | None:
        """The rate limits' and the plan's answer to this request (`writes`: an order or a
        note, which a read-only plan refuses), or None to go on."""
        with self._lock:
            if writes and self._config.read_only:
                self._counters.injected["plan"] += 1
                return Refusal(429, {"error": PLAN_RESTRICTION_ERROR}, kind="plan")
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
        """What happens to a request of `operation`: the latency, the fault to inject or the rate
        limit's refusal (the server's middleware asks once per request)."""
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
        """Count a request's outcome (and the state changes it applied) in the counters."""
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
