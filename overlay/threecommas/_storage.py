"""Where a client keeps its request budget and its lockouts: in the process, or shared.

By default (`RateLimit(storage=None)`) the budget and the lockouts live in the client
(`RateLimiter` and `Lockout` of `_limits`). With `RateLimit(storage="redis://...")` they live in
a Redis server, shared by every client that is given the same storage and the same API key,
whatever process or machine it runs in (`_redis`). Both kinds offer the same two small
interfaces, so the client does not know which one it has:

* a slot limiter: `acquire() -> float` (0: a slot is taken; else the seconds to wait before
  asking again; it never sleeps itself) and `release()` (the request that held a slot got its
  answer or failed);
* a lockout: `start(seconds, reason)` (the API refused us: a 429 or a 418) and
  `remaining() -> (seconds_left, reason)`.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Final, Protocol
from urllib.parse import urlsplit, urlunsplit

from threecommas._exceptions import ThreeCommasError

if TYPE_CHECKING:
    pass

__all__ = [
    "STORAGE_ERROR_MODES",
    "STORAGE_SCHEMES",
    "LockoutState",
    "SlotLimiter",
    "StorageError",
    "check_storage",
    "key_digest",
    "redacted",
]

#: What a client does when the shared storage cannot be reached (see `RateLimit`).
STORAGE_ERROR_MODES: Final = ("wait", "local", "raise")
STORAGE_SCHEMES: Final = ("redis://", "rediss://", "unix://")


class StorageError(ThreeCommasError):
    """The shared rate-limit storage (Redis) could not be reached, with
    `on_storage_error="raise"`. The request was **not** sent: it is safe to repeat."""


class SlotLimiter(Protocol):
    def acquire(self) -> float: ...

    def release(self) -> None: ...


class LockoutState(Protocol):
    def start(self, seconds: float, reason: BaseException) -> None: ...

    def remaining(self) -> tuple[float, BaseException | None]: ...


def redacted(url: str) -> str:
    """The storage URL without its password, for messages and reprs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    user = parts.username or ""
    host = parts.hostname or ""
    if parts.port is not None:
        host = f"{host}:{parts.port}"
    return urlunsplit(parts._replace(netloc=f"{user}:***@{host}"))


def check_storage(storage: object) -> None:
    """Refuse (TypeError/ValueError naming `RateLimit.storage`) what cannot be a storage."""
    if storage is None:
        return
    if isinstance(storage, str):
        if not storage.startswith(STORAGE_SCHEMES):
            raise ValueError(
                "RateLimit.storage must be a redis://, rediss:// or unix:// URL, "
                f"or a redis.Redis client; got {redacted(storage)!r}"
            )
        return
    try:
        import redis
    except ImportError:
        raise TypeError(
            "RateLimit.storage must be a URL or a redis.Redis client "
            "(install the extra: pip install 'threecommas-sdk[redis]')"
        ) from None
    import redis.asyncio

    if isinstance(storage, redis.asyncio.Redis):
        raise TypeError(
            "RateLimit.storage takes a synchronous redis.Redis client, also for "
            "AsyncThreeCommas: the limiter makes one short call per request (or give a URL)"
        )
    if not isinstance(storage, redis.Redis | redis.RedisCluster):
        raise TypeError(
            "RateLimit.storage must be a redis://, rediss:// or unix:// URL, or a redis.Redis "
            f"client, not {type(storage).__name__}"
        )


def key_digest(api_key: str) -> str:
    """What names an API key's budget in the storage: a hash, never the key itself."""
    return hashlib.sha256(b"threecommas-sdk budget\0" + api_key.encode()).hexdigest()[:32]
