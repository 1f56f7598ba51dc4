"""The emulated rate limits: a sliding window per API key, the lockout after it, and the IP bans."""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from threecommas.testing.faults._config import JSONObject, RateLimitConfig
from threecommas.testing.faults._counters import MAX_RECORDS

__all__ = [
    "RateLimiter",
    "Refusal",
]


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


class RateLimiter:
    """The sliding window, the lockout and the bans, per API key (not thread-safe by itself)."""

    def __init__(
        self,
        config: RateLimitConfig,
        time_factor: float,
        plan_date: Callable[[], float] | None = None,
    ) -> None:
        self.config = config
        self.factor = time_factor
        # Playing a plan: its 429 names the moment of the next request (a date on this
        # clock), with no Retry-After, as 3Commas answers since its plan limits.
        self.plan_date = plan_date
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
        if self.plan_date is not None:
            # Whole seconds as the API writes them, rounded up (a client that comes back then
            # is never early); on scaled time a second is too coarse: milliseconds then.
            moment = self.plan_date() + seconds
            if self.factor == 1:
                when = datetime.fromtimestamp(math.ceil(moment), UTC)
                text = when.strftime("%Y-%m-%d %H:%M:%S")
            else:
                when = datetime.fromtimestamp(math.ceil(moment * 1000) / 1000, UTC)
                text = when.strftime("%Y-%m-%d %H:%M:%S.%f")[:-3]
            return Refusal(429, {"error": f"Rate limit exceeded. Next request at {text} UTC"})
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
