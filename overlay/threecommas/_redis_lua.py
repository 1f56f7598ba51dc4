"""The Redis side of the shared budget: the Lua scripts Redis runs atomically, the connection,
and the lockout's reason as Redis keeps it (see `_redis` for how a client uses them)."""

from __future__ import annotations

import json
from typing import Any, Final

import redis
import redis.asyncio
import redis.asyncio.retry
from redis.backoff import NoBackoff
from redis.retry import Retry

from threecommas._exceptions import APIError, IPBannedError, RateLimitError
from threecommas._limits import LEARN_MARGIN

__all__ = [
    "ACQUIRE",
    "FULL",
    "GRANTED",
    "HOLD",
    "LEARN",
    "LOCKED",
    "LOCKOUT",
    "NEW_GENERATION",
    "RECORD",
    "RESEED",
    "STORAGE_ERRORS",
    "connect",
    "connect_async",
    "reason_from_json",
    "reason_json",
    "refused",
]

GRANTED, FULL, LOCKED, HOLD, NEW_GENERATION = 0, 1, 2, 3, 4

#: What counts as "the storage cannot be reached" (redis.asyncio raises redis-py's errors).
STORAGE_ERRORS: Final = (redis.RedisError, OSError)

# Answers Redis gives while it is failing over, loading, out of memory or busy, or after it
# forgot its scripts (a restart, SCRIPT FLUSH: redis-py loads them again): they pass.
_PASSING_ANSWERS: Final = (
    redis.exceptions.NoScriptError,
    redis.exceptions.ReadOnlyError,
    redis.exceptions.OutOfMemoryError,
    redis.exceptions.TryAgainError,
    redis.exceptions.ClusterDownError,
)
_PASSING_PREFIXES: Final = (
    "MISCONF",
    "BUSY",
    "LOADING",
    "MASTERDOWN",
    "TRYAGAIN",
    "CLUSTERDOWN",
    "NOSCRIPT",
)


def refused(exc: BaseException) -> bool:
    """Whether Redis was reached and refused what the budget asks: a wrong or missing password,
    a user without the permission, a key of another type under the key prefix, a script it
    rejects. Asking again will not change that, unlike a server that is down or failing over,
    so no `on_storage_error` mode should wait it out or meter around it."""
    if isinstance(
        exc,
        redis.exceptions.AuthenticationError
        | redis.exceptions.AuthorizationError
        | redis.exceptions.DataError,
    ):
        return True
    if not isinstance(exc, redis.exceptions.ResponseError) or isinstance(exc, _PASSING_ANSWERS):
        return False
    return not str(exc).lstrip("-").startswith(_PASSING_PREFIXES)


# The clients counted as the fleet (to split the budget while Redis is away): those seen in
# this many periods, not only the last one. A client whose calls all waited a period (a full
# window, a loaded machine) is still in the fleet; counting one that left only makes the
# shares smaller while Redis is away, which is the safe side.
CLIENT_HORIZON_PERIODS: Final = 10

# KEYS: inflight, done, lockout, generation, hold, clients, learned, confirmed, probe.
# ARGV: requests, period (ms), lease (ms), slot id, known generation, new generation, client
# id, callers of this client already waiting, number of pending answers, then for each its
# slot id and age (ms), then the slots kept for orders that this caller may not take, then
# whether the limit is unverified (1: beyond the most the API was seen to accept in a window,
# one request at a time, so that a lower real limit is met by one request, not by all those
# on their way).
# Returns {status, microseconds, generation, clients seen lately, slots used, learned limit
# (0: none)[, lockout reason]}.
ACQUIRE: Final = (
    f"local HORIZON = {CLIENT_HORIZON_PERIODS}\nlocal MARGIN = {LEARN_MARGIN}\n"
    + """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local requests = tonumber(ARGV[1])
local learned = tonumber(redis.call('GET', KEYS[7]) or '0') or 0
if learned > 0 and learned < requests then
  requests = learned
end
local reserve = tonumber(ARGV[10 + 2 * tonumber(ARGV[9])] or '0') or 0
local unverified = ARGV[11 + 2 * tonumber(ARGV[9])] == '1'
local cap = math.max(1, requests - reserve)
local period = tonumber(ARGV[2])
local lease = tonumber(ARGV[3])
local ttl = math.ceil(period + lease)
local generation = redis.call('GET', KEYS[4])
if not generation then
  generation = ARGV[6]
  redis.call('SET', KEYS[4], generation, 'PX', ttl)
end
if generation ~= ARGV[5] then
  return {4, 0, generation, 0, 0, learned}
end
redis.call('PEXPIRE', KEYS[4], ttl)
for i = 0, tonumber(ARGV[9]) - 1 do
  local id = ARGV[10 + 2 * i]
  redis.call('ZREM', KEYS[1], id)
  redis.call('ZADD', KEYS[2], now - tonumber(ARGV[11 + 2 * i]), id)
end
redis.call('ZADD', KEYS[6], now, ARGV[7])
redis.call('ZREMRANGEBYSCORE', KEYS[6], '-inf', now - HORIZON * period)
redis.call('PEXPIRE', KEYS[6], math.ceil(HORIZON * period + lease))
local active = redis.call('ZCARD', KEYS[6])
local hold = redis.call('PTTL', KEYS[5])
if hold > 0 then
  return {3, hold * 1000, generation, active, requests, learned}
end
local locked = redis.call('PTTL', KEYS[3])
if locked > 0 then
  return {2, locked * 1000, generation, active, requests, learned, redis.call('GET', KEYS[3])}
end
local lost = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'WITHSCORES')
for i = 1, #lost, 2 do
  redis.call('ZADD', KEYS[2], lost[i + 1], lost[i])
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - period)
redis.call('PEXPIRE', KEYS[2], ttl)
local recent = redis.call('ZCARD', KEYS[2])
local used = redis.call('ZCARD', KEYS[1]) + recent
local probing = false
local probe = false
if unverified and used < cap and learned == 0 then
  -- while a probe is on its way (or refused, until its lockout is published), no one sends
  probing = redis.call('EXISTS', KEYS[9]) == 1
  if not probing then
    local confirmed = tonumber(redis.call('GET', KEYS[8]) or '0') or 0
    -- the window as Redis counts it (until a period after each answer) holds a little more
    -- than the API's (a period after each arrival): a margin, as for a learned limit
    probe = used >= math.floor(confirmed * MARGIN)
    probing = probe and redis.call('ZCARD', KEYS[1]) > 0
  end
end
if used < cap and not probing then
  if probe then
    -- at most a period: a probe whose process died must not stop the fleet for its lease
    redis.call('SET', KEYS[9], ARGV[4], 'PX', math.ceil(math.min(lease, period)))
  end
  redis.call('ZADD', KEYS[1], now + lease, ARGV[4])
  redis.call('PEXPIRE', KEYS[1], ttl)
  return {0, 0, generation, active, used + 1, learned}
end
local expiring = used - cap + 1
if probing then
  -- a probe is on its way: ask again soon (its answer frees the way)
  return {1, math.ceil(math.min(50, period / 100) * 1000), generation, active, used, learned}
end
if expiring > recent then
  -- the slot needed is held by a request still in flight: free a period after its answer
  return {1, math.ceil(period * 1000), generation, active, used, learned}
end
-- this client's callers already waiting take the next answers to expire, in turn
local index = math.min(expiring + tonumber(ARGV[8]), recent)
local entry = redis.call('ZRANGE', KEYS[2], index - 1, index - 1, 'WITHSCORES')
local wait = (tonumber(entry[2]) + period - now) * 1000
return {1, math.max(1000, math.ceil(wait)), generation, active, used, learned}
"""
)

# KEYS: inflight, done, learned. ARGV: period (ms), requests (configured), margin, ttl (ms).
# A 429 came within the budget: what the window held then, the refused request included,
# less one, with the margin, is the limit from now on, for the whole fleet; it only goes down.
# Returns the limit in force (0: none learned).
LEARN: Final = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local sent = redis.call('ZCARD', KEYS[1])
  + redis.call('ZCOUNT', KEYS[2], '(' .. (now - tonumber(ARGV[1])), '+inf')
local current = tonumber(redis.call('GET', KEYS[3]) or ARGV[2]) or tonumber(ARGV[2])
local accepted = sent - 1
if accepted >= 1 then
  local new = math.max(1, math.floor(accepted * tonumber(ARGV[3])))
  if new < current then
    redis.call('SET', KEYS[3], new, 'PX', ARGV[4])
    return new
  end
end
if redis.call('EXISTS', KEYS[3]) == 1 then
  redis.call('PEXPIRE', KEYS[3], ARGV[4])
  return current
end
return 0
"""

# KEYS: inflight, done, confirmed, probe. ARGV: ttl (ms), rank the API accepted (0: none), its
# ttl (ms), the slot just answered, whether the API took it (1/0), then slot id and age (ms)
# of each answer. A probe refused stays until the lockout it started is published.
RECORD: Final = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local rank = tonumber(ARGV[2])
if rank > 0 and rank > (tonumber(redis.call('GET', KEYS[3]) or '0') or 0) then
  redis.call('SET', KEYS[3], rank, 'PX', ARGV[3])
end
if ARGV[5] == '1' and redis.call('GET', KEYS[4]) == ARGV[4] then
  redis.call('DEL', KEYS[4])
end
for i = 6, #ARGV, 2 do
  redis.call('ZREM', KEYS[1], ARGV[i])
  redis.call('ZADD', KEYS[2], now - tonumber(ARGV[i + 1]), ARGV[i])
end
redis.call('PEXPIRE', KEYS[2], ARGV[1])
return 1
"""

# KEYS: lockout, probe. ARGV: milliseconds, reason (JSON), slack (ms, optional). A lockout only
# ever grows; one that ends less than the slack earlier is taken for the same and kept. A
# probe refused has done its work once the lockout is known.
LOCKOUT: Final = """
local ms = tonumber(ARGV[1])
if KEYS[2] then
  redis.call('DEL', KEYS[2])
end
if redis.call('PTTL', KEYS[1]) < ms - tonumber(ARGV[3] or '0') then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ms)
end
return 1
"""

# KEYS: inflight, lockout, generation, hold. ARGV: generation, wiped (0/1), hold (ms), lease
# (ms), lockout (ms), lockout reason, then the ids of the slots the client holds.
RESEED: Final = """
if redis.call('GET', KEYS[3]) ~= ARGV[1] then
  return 0
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local hold = tonumber(ARGV[3])
if ARGV[2] == '1' and redis.call('PTTL', KEYS[4]) < hold then
  redis.call('SET', KEYS[4], '1', 'PX', hold)
end
local lease = tonumber(ARGV[4])
for i = 7, #ARGV do
  redis.call('ZADD', KEYS[1], 'NX', now + lease, ARGV[i])
end
if #ARGV >= 7 then
  redis.call('PEXPIRE', KEYS[1], math.ceil(hold + lease))
end
local lockout = tonumber(ARGV[5])
if lockout > 0 and redis.call('PTTL', KEYS[2]) < lockout then
  redis.call('SET', KEYS[2], ARGV[6], 'PX', lockout)
end
return 1
"""


def connect(storage: Any, timeout: float) -> redis.Redis:
    """A Redis client for `storage` (a URL, or the user's client as it is)."""
    if not isinstance(storage, str):
        return storage  # type: ignore[no-any-return]
    # One immediate retry: the first command after a Redis restart meets a dead pooled
    # connection. More retries and their backoff are ours to decide (on_storage_error).
    return redis.Redis.from_url(
        storage,
        socket_timeout=timeout,
        socket_connect_timeout=timeout,
        retry=Retry(NoBackoff(), 1),
    )


def connect_async(storage: Any, timeout: float) -> redis.asyncio.Redis:
    """An asyncio Redis client for `storage` (a URL, or the user's client as it is)."""
    if not isinstance(storage, str):
        return storage  # type: ignore[no-any-return]
    return redis.asyncio.Redis.from_url(
        storage,
        socket_timeout=timeout,
        socket_connect_timeout=timeout,
        retry=redis.asyncio.retry.Retry(NoBackoff(), 1),
    )


def reason_json(reason: BaseException, seconds: float) -> str:
    data: dict[str, Any] = {"status": 429, "retry_after": seconds}
    if isinstance(reason, APIError):
        data.update(
            status=reason.status_code,
            error=reason.error,
            error_description=reason.error_description,
            method=reason.method,
            path=reason.path,
        )
    if isinstance(reason, RateLimitError | IPBannedError):
        data["retry_after"] = reason.retry_after
    return json.dumps(data)


def reason_from_json(raw: bytes | str | None) -> APIError:
    """The exception that started a lockout, rebuilt from what the storage keeps of it."""
    try:
        data = json.loads(raw or "{}")
    except ValueError:
        data = {}
    if not isinstance(data, dict):
        data = {}
    cls: type[RateLimitError | IPBannedError] = (
        IPBannedError if data.get("status") == 418 else RateLimitError
    )

    def text(name: str) -> str | None:
        value = data.get(name)
        return value if isinstance(value, str) else None

    error = cls(
        status_code=cls.default_status,
        method=text("method") or "",
        path=text("path") or "",
        error=text("error"),
        error_description=text("error_description"),
    )
    retry_after = data.get("retry_after")
    if isinstance(retry_after, int | float) and not isinstance(retry_after, bool):
        error.retry_after = float(retry_after)
    return error
