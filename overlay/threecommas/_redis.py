"""The request budget and the lockouts of an API key, shared through Redis: the sync budget
(`RedisBudget`, written by scripts/unasync.py from `_async._redis_budget`, where its workings are
told) and its async source, under the names the rest of the SDK imports."""

from __future__ import annotations

from threecommas._async._redis_budget import AsyncRedisBudget
from threecommas._async._redis_faces import AsyncRedisLockout, AsyncRedisRateLimiter
from threecommas._redis_lua import STORAGE_ERRORS
from threecommas._sync._redis_budget import RedisBudget
from threecommas._sync._redis_faces import RedisLockout, RedisRateLimiter

__all__ = [
    "STORAGE_ERRORS",
    "AsyncRedisBudget",
    "AsyncRedisLockout",
    "AsyncRedisRateLimiter",
    "RedisBudget",
    "RedisLockout",
    "RedisRateLimiter",
]
