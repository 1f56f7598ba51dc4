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
import re
from collections.abc import Awaitable
from typing import Final, Protocol
from urllib.parse import urlsplit

from threecommas._exceptions import ThreeCommasError

__all__ = [
    "STORAGE_ERROR_MODES",
    "STORAGE_SCHEMES",
    "LockoutState",
    "SlotLimiter",
    "StorageError",
    "check_storage",
    "check_storage_for",
    "key_digest",
    "redacted",
]

#: What a client does when the shared storage cannot be reached (see `RateLimit`).
STORAGE_ERROR_MODES: Final = ("wait", "local", "raise")
STORAGE_SCHEMES: Final = ("redis://", "rediss://", "unix://")


class StorageError(ThreeCommasError):
    """The shared rate-limit storage (Redis) could not be reached, with
    `on_storage_error="raise"`; or, in every mode, Redis refused the budget's commands (a wrong
    password, a user without the permission, a key of another type under the key prefix), which
    waiting would not mend. The request was **not** sent: it is safe to repeat."""


class SlotLimiter(Protocol):
    """In the process, plain methods; in Redis, for an async client, coroutine functions."""

    @property
    def learned(self) -> int | None:
        """The limit a 429 taught (None: nothing learned)."""
        ...

    def acquire(self, order: bool = False) -> float | Awaitable[float]: ...

    def release(self, accepted: bool = False) -> Awaitable[None] | None: ...

    def learn(self) -> int | Awaitable[int | None] | None:
        """A 429 came within the budget: lower it for good; the new limit or None."""
        ...


class LockoutState(Protocol):
    def start(self, seconds: float, reason: BaseException) -> Awaitable[None] | None: ...

    def remaining(
        self,
    ) -> tuple[float, BaseException | None] | Awaitable[tuple[float, BaseException | None]]: ...


# Patterns compiled on first use (re caches them), not at every start of a process.
# redis-py also takes the password from the query (`?password=...`).
_QUERY_PASSWORD = r"(?i)([?&;]password=)[^&;#]*"
# redis-py's own message for a bad query argument names only the argument.
_REDIS_QUERY_ERROR = r"Invalid value for '\w+' in connection URL\."


def redacted(url: str) -> str:
    """The storage URL without its password, for messages and reprs.

    It never fails and never parses more than it must: a malformed URL is exactly where a
    parser would misplace the password (a `/` in it ends the host part early, for one). So
    whatever comes before the last `@` is the credentials: only a user name before a `:` is
    kept."""
    scheme, sep, rest = url.partition("://")
    prefix = scheme + sep
    if not sep:
        prefix, rest = "", url
    credentials, at, after = rest.rpartition("@")
    if at:
        user, colon, _ = credentials.partition(":")
        shown = f"{user}:***" if colon and "/" not in user else "***"
        rest = f"{shown}@{after}"
    return prefix + re.sub(_QUERY_PASSWORD, r"\1***", rest)


def _url_problem(url: str) -> str | None:
    """What makes `url` (with a storage scheme) unusable, in words that never quote it."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "its host cannot be read (an unclosed IPv6 bracket?)"
    try:
        parts.port  # noqa: B018 (urllib checks the port when it is read)
    except ValueError:
        if "@" in parts.path + parts.query + parts.fragment:
            # The host part ended early, inside the credentials.
            return "a '/', '?' or '#' in its user name or password must be percent-encoded"
        return "its port is not a number from 0 to 65535"
    try:
        from redis.connection import parse_url
    except ImportError:
        return None  # the client says to install the extra when it is made
    try:
        parse_url(url)  # type: ignore[no-untyped-call]
    except ValueError as exc:
        found = re.search(_REDIS_QUERY_ERROR, str(exc))
        return found.group(0).rstrip(".") if found else "redis-py cannot read it"
    return None


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
        problem = _url_problem(storage)
        if problem is not None:
            # A client has three URLs (base_url, stream_url and this one): say which.
            raise ValueError(
                f"RateLimit.storage is not a valid Redis URL: {problem}; got {redacted(storage)!r}"
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

    if not isinstance(
        storage,
        redis.Redis | redis.RedisCluster | redis.asyncio.Redis | redis.asyncio.RedisCluster,
    ):
        raise TypeError(
            "RateLimit.storage must be a redis://, rediss:// or unix:// URL, or a redis.Redis "
            f"(redis.asyncio.Redis) client, not {type(storage).__name__}"
        )


def check_storage_for(storage: object, asynchronous: bool) -> None:
    """A Redis client object must suit the SDK client that uses it: `ThreeCommas` takes a
    redis.Redis, `AsyncThreeCommas` a redis.asyncio.Redis (a URL suits both)."""
    if storage is None or isinstance(storage, str):
        return
    import redis.asyncio

    is_async = isinstance(storage, redis.asyncio.Redis | redis.asyncio.RedisCluster)
    if is_async and not asynchronous:
        raise TypeError(
            "RateLimit.storage is a redis.asyncio client: ThreeCommas needs a redis.Redis "
            "client (or a URL)"
        )
    if asynchronous and not is_async:
        raise TypeError(
            "RateLimit.storage is a synchronous redis.Redis client: AsyncThreeCommas needs a "
            "redis.asyncio.Redis client, so that its event loop never waits on Redis (or a URL)"
        )


def key_digest(api_key: str) -> str:
    """What names an API key's budget in the storage: a hash, never the key itself."""
    return hashlib.sha256(b"threecommas-sdk budget\0" + api_key.encode()).hexdigest()[:32]
