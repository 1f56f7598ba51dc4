"""What a client's request budget looks like now (`threecommas budget`): the limit in force,
the slots used and free in the window, a lockout or a ban, what was learned, the plan.

Read from the client's own limiter, or from the shared storage (Redis) when it has one: then
it is the whole fleet's, whatever process asks.
"""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime
from typing import Any

from threecommas._limits import Lockout, RateLimit, RateLimiter

__all__ = ["budget_state"]


def _date(seconds_from_now: float, now: float) -> str | None:
    if seconds_from_now <= 0:
        return None
    return datetime.fromtimestamp(now + seconds_from_now, UTC).isoformat(timespec="seconds")


def budget_state(client: Any) -> dict[str, Any]:
    """The state of `client`'s budget, as JSON-ready values."""
    import time

    policy = client._policy
    limit: RateLimit | None = policy.settings.rate_limit
    if limit is None:
        return {"rate_limit": None, "note": "no client-side rate limit (rate_limit=None)"}
    limiter = policy.limiter
    learned = getattr(limiter, "learned", None)
    requests = limit.requests if learned is None else learned
    state: dict[str, Any] = {
        "storage": None,
        "plan": limit.plan,
        "requests": limit.requests,
        "period": limit.period,
        "learned": learned,
        "reserve_for_orders": limit.orders_reserve(requests),
    }
    now = time.time()
    budget = getattr(limiter, "budget", None)
    if budget is not None:
        state.update(_redis_state(budget, limit, requests, now))
    else:
        used = 0
        if isinstance(limiter, RateLimiter):
            horizon = limiter._clock() - limit.period
            used = limiter._in_flight + sum(1 for t in limiter._done if t > horizon)
        left, reason = (
            policy.lockout.remaining() if isinstance(policy.lockout, Lockout) else (0, None)
        )
        state.update(
            used=used,
            free=max(0, requests - used),
            locked_out_until=_date(left, now),
            lockout_status=getattr(reason, "status_code", None),
        )
    return state


def _redis_state(budget: Any, limit: RateLimit, requests: int, now: float) -> dict[str, Any]:
    from threecommas._storage import redacted

    keys = budget.keys
    redis = budget._redis
    pipe = redis.pipeline(transaction=False)
    pipe.time()
    pipe.zcard(keys["inflight"])
    pipe.zrange(keys["done"], 0, -1, withscores=True)
    pipe.pttl(keys["lockout"])
    pipe.get(keys["lockout"])
    pipe.get(keys["learned"])
    server_time, in_flight, done, lockout_ms, reason, learned = pipe.execute()
    server_ms = server_time[0] * 1000 + server_time[1] / 1000
    recent = sum(1 for _, score in done if score > server_ms - limit.period * 1000)
    shared = int(learned) if learned else None
    if shared is not None:
        requests = min(requests, shared)
    status = None
    if reason:
        try:
            status = json.loads(reason).get("status")
        except ValueError:
            status = None
    used = int(in_flight) + recent
    storage = limit.storage
    return {
        "storage": redacted(storage) if isinstance(storage, str) else "a redis.Redis client",
        "learned": shared if shared is not None else budget.learned,
        "used": used,
        "free": max(0, requests - used),
        "locked_out_until": _date(max(0, lockout_ms) / 1000 if lockout_ms > 0 else 0, now),
        "lockout_status": status if lockout_ms > 0 else None,
        "reserve_for_orders": limit.orders_reserve(requests),
        "window_seconds": math.ceil(limit.period),
    }
