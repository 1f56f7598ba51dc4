"""Client-side protection of the API budget: a request limiter, lockouts, and retry timing.

3Commas allows 100 requests a minute, locks a client out for 300 s after a 429, and bans the IP
(418, from 2 minutes to 3 days) when requests go on regardless. The limiter keeps a client
under the budget, and a lockout stops every request of the client while the API would refuse
it, so that a burst never turns into a ban.

Both keep their state under a short lock and never sleep while holding it, so one instance
serves threads and asyncio tasks alike: the caller sleeps (on the client's clock, `sleep` or
`asleep`) for the delay it was given and asks again; `clock` is where they read the time.
"""

from __future__ import annotations

import math
import os
import random
import re
import threading
import time
from collections import deque
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from threecommas._constants import (
    BUDGET_PERIOD_S,
    BUDGET_REQUESTS,
    ENV_PLAN,
    ORDER_RESERVE_SHARE,
    PLAN_LIMITS,
)
from threecommas._exceptions import MIN_RETRY_AFTER_S

Clock = Callable[[], float]

# While every slot is taken by a request still waiting for its answer, check again this often.
_POLL_S = 0.05
#: A learned limit keeps this share of what the API let through before its 429: requests of
#: other clients in flight at that moment may have been counted as let through.
LEARN_MARGIN = 0.9


def learned_limit(sent: int) -> int | None:
    """The limit to keep to after a 429 that came when `sent` requests (the refused one
    included) were in the window; None when the window says nothing (nothing let through)."""
    accepted = sent - 1
    if accepted < 1:
        return None
    return max(1, math.floor(accepted * LEARN_MARGIN))


_DATACLASS_LOCK = threading.Lock()


class _DataclassPart:
    """`__dataclass_fields__` or `__dataclass_params__` of a class made by `_lazy_dataclass`:
    those of its dataclass twin (the same fields, built by `dataclasses`), made when first
    read, then kept on the class. `dataclasses.fields`, `replace`, `asdict` and `is_dataclass`
    read them."""

    def __init__(self, owner: type, name: str, options: dict[str, Any]) -> None:
        self._owner = owner
        self._name = name
        self._options = options

    def __get__(self, obj: object, owner: type | None = None) -> Any:
        cls = self._owner
        with _DATACLASS_LOCK:
            if cls.__dict__[self._name] is self:
                import dataclasses

                annotations = cls.__annotations__
                namespace = {n: cls.__dict__[n] for n in annotations if n in cls.__dict__}
                namespace |= {"__annotations__": annotations, "__module__": cls.__module__}
                twin: Any = dataclasses.dataclass(**self._options)(
                    type(cls.__name__, (), namespace)
                )
                for name in ("__dataclass_fields__", "__dataclass_params__"):
                    type.__setattr__(cls, name, getattr(twin, name))
            return cls.__dict__[self._name]


def _dataclass_on_first_use(**options: Any) -> Callable[[type], type]:
    """`dataclasses.dataclass(**options)` for a class that writes its own `__init__`, `__eq__`
    and `__hash__`, without the dataclasses module at import: importing it and building the
    class cost about 1.4 ms of every start. The class is a dataclass to whoever asks
    (`dataclasses.fields`, `replace`, `asdict`, `is_dataclass`), which imports the module
    then; `frozen=True` refuses assignments as dataclass does."""

    def decorate(cls: Any) -> Any:
        names = tuple(cls.__annotations__)
        for name in ("__dataclass_fields__", "__dataclass_params__"):
            setattr(cls, name, _DataclassPart(cls, name, options))
        type.__setattr__(cls, "__match_args__", names)

        def __replace__(self: Any, /, **changes: Any) -> Any:
            # What a dataclass gives `copy.replace` (Python 3.13 and later).
            import dataclasses

            return dataclasses.replace(self, **changes)

        cls.__replace__ = __replace__
        if options.get("frozen"):

            def __setattr__(self: Any, name: str, value: Any) -> None:
                if type(self) is cls or name in names:
                    from dataclasses import FrozenInstanceError

                    raise FrozenInstanceError(f"cannot assign to field {name!r}")
                super(cls, self).__setattr__(name, value)

            def __delattr__(self: Any, name: str) -> None:
                if type(self) is cls or name in names:
                    from dataclasses import FrozenInstanceError

                    raise FrozenInstanceError(f"cannot delete field {name!r}")
                super(cls, self).__delattr__(name)

            cls.__setattr__ = __setattr__
            cls.__delattr__ = __delattr__
        return cls

    return decorate


if TYPE_CHECKING:
    # Type checkers see the dataclass itself: its fields, its instances frozen.
    from dataclasses import dataclass as _lazy_dataclass
else:
    _lazy_dataclass = _dataclass_on_first_use


# The methods dataclass would compile at every import (__init__, __eq__, __hash__) are written
# here, and the dataclass parts are made on first use (`_lazy_dataclass`): it is still a frozen
# dataclass for `dataclasses.fields`, `replace` and `asdict`. tests/sdk/test_call_path.py holds
# the methods to what dataclass would write.
@_lazy_dataclass(frozen=True, repr=False, init=False, eq=False)
class RateLimit:
    """At most `requests` in any `period` seconds.

    By default the budget belongs to one client. With `storage` (a `redis://`, `rediss://` or
    `unix://` URL, or a ready `redis.Redis` client; needs `threecommas-sdk[redis]`) it is kept in
    Redis and shared by every client given the same storage and the same API key, in any
    process or machine; so are the lockouts after a 429 or a 418. Then:

    * `on_storage_error`: what a client does while the storage cannot be reached: `"wait"`
      (the default: ask the storage again with backoff; nothing is sent unmetered), `"local"`
      (meter in the process, on this client's share of the budget, with one warning logged), or
      `"raise"` (`threecommas.StorageError`; the request was not sent);
    * `key_prefix`: the first part of the Redis keys (the rest is a hash of the API key);
    * `storage_timeout`: seconds a call to the storage may take before it counts as failed;
    * `in_flight_timeout`: a request that has had no answer for this long (its process may have
      died) stops holding its slot, and counts as answered at that moment.

    Give every client that shares a storage the same `requests` and `period`.

    `plan` names the subscription plan the budget is for (see `for_plan`); a read-only plan
    refuses a call that writes before sending it (`PlanRestrictionError`).

    `reserve_for_orders`: the slots of each window that only the calls changing a SmartTrade
    (create, update, close, cancel, add and reduce funds, force start and process) may take;
    reads, watch sweeps and limit look-ups leave them free, so an order never waits behind a
    watcher. Left out: a tenth of the window (10 of 100; none on a read-only plan), and of a
    learned limit a tenth of it. With a shared storage the reserve is the fleet's.
    """

    requests: int = BUDGET_REQUESTS
    period: float = BUDGET_PERIOD_S
    storage: Any = None
    on_storage_error: str = "wait"
    key_prefix: str = "threecommas"
    storage_timeout: float = 0.5
    in_flight_timeout: float = 300.0
    plan: str | None = None
    reserve_for_orders: int | None = None

    def __init__(
        self,
        requests: int = BUDGET_REQUESTS,
        period: float = BUDGET_PERIOD_S,
        storage: Any = None,
        on_storage_error: str = "wait",
        key_prefix: str = "threecommas",
        storage_timeout: float = 0.5,
        in_flight_timeout: float = 300.0,
        plan: str | None = None,
        reserve_for_orders: int | None = None,
    ) -> None:
        setattr_ = object.__setattr__  # frozen: the fields are set past its __setattr__
        setattr_(self, "requests", requests)
        setattr_(self, "period", period)
        setattr_(self, "storage", storage)
        setattr_(self, "on_storage_error", on_storage_error)
        setattr_(self, "key_prefix", key_prefix)
        setattr_(self, "storage_timeout", storage_timeout)
        setattr_(self, "in_flight_timeout", in_flight_timeout)
        setattr_(self, "plan", plan)
        setattr_(self, "reserve_for_orders", reserve_for_orders)
        self.__post_init__()

    def _fields(self) -> tuple[Any, ...]:
        return (
            self.requests,
            self.period,
            self.storage,
            self.on_storage_error,
            self.key_prefix,
            self.storage_timeout,
            self.in_flight_timeout,
            self.plan,
            self.reserve_for_orders,
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    @classmethod
    def for_plan(cls, plan: str, **options: Any) -> RateLimit:
        """The budget of a 3Commas subscription plan: `"starter"` (5 a minute, read only),
        `"pro"` (50 a minute, read only) or `"expert"` (120 a minute, reads and writes).

        These figures come from a production user of the API (recomma), not from 3Commas'
        docs, which still say 100 a minute. `options` are the other fields (`storage`, ...)."""
        if not isinstance(plan, str) or plan.lower() not in PLAN_LIMITS:
            raise ValueError(f"plan must be one of {', '.join(PLAN_LIMITS)}, not {plan!r}")
        name = plan.lower()
        requests, _ = PLAN_LIMITS[name]
        return cls(**{"requests": requests, "period": BUDGET_PERIOD_S, **options, "plan": name})

    @property
    def unverified(self) -> bool:
        """Whether the budget is the documented 100 a minute, which no plan vouches for: a
        shared budget then sends one request at a time beyond what the API was seen to accept
        in a window, so that a lower real limit costs the fleet one 429, not one per request
        on its way (see `_async._redis_budget`)."""
        return self.plan is None and self.requests == BUDGET_REQUESTS

    @property
    def read_only(self) -> bool:
        """Whether the plan lets the key read only (a write is refused before it is sent)."""
        return self.plan is not None and PLAN_LIMITS[self.plan][1]

    def orders_reserve(self, requests: int | None = None) -> int:
        """The slots kept for orders in a window of `requests` (default: `self.requests`)."""
        requests = self.requests if requests is None else requests
        if self.read_only:
            return 0
        reserve = self.reserve_for_orders
        if reserve is None:
            reserve = math.floor(requests * ORDER_RESERVE_SHARE)
        return max(0, min(reserve, requests - 1))

    def __post_init__(self) -> None:
        reserve = self.reserve_for_orders
        if reserve is not None and (
            isinstance(reserve, bool) or not isinstance(reserve, int) or reserve < 0
        ):
            raise ValueError("RateLimit.reserve_for_orders must be an int >= 0 or None")
        if self.plan is not None and self.plan not in PLAN_LIMITS:
            raise ValueError(f"RateLimit.plan must be one of {', '.join(PLAN_LIMITS)} or None")
        if (
            isinstance(self.requests, bool)
            or not isinstance(self.requests, int)
            or self.requests < 1
        ):
            raise ValueError("RateLimit.requests must be a positive int")
        if not _positive(self.period):
            raise ValueError("RateLimit.period must be positive")
        from threecommas._storage import STORAGE_ERROR_MODES, check_storage

        check_storage(self.storage)
        if self.on_storage_error not in STORAGE_ERROR_MODES:
            raise ValueError(
                "RateLimit.on_storage_error must be one of " + ", ".join(STORAGE_ERROR_MODES)
            )
        if not isinstance(self.key_prefix, str) or not self.key_prefix:
            raise ValueError("RateLimit.key_prefix must be a non-empty str")
        if not _positive(self.storage_timeout):
            raise ValueError("RateLimit.storage_timeout must be a positive number of seconds")
        if not _positive(self.in_flight_timeout):
            raise ValueError("RateLimit.in_flight_timeout must be a positive number of seconds")

    def __repr__(self) -> str:
        text = f"RateLimit(requests={self.requests!r}, period={self.period!r}"
        if self.plan is not None:
            text += f", plan={self.plan!r}"
        if self.reserve_for_orders is not None:
            text += f", reserve_for_orders={self.reserve_for_orders!r}"
        if self.storage is None:
            return text + ")"
        from threecommas._storage import redacted

        storage = (
            repr(redacted(self.storage))
            if isinstance(self.storage, str)
            else f"<{type(self.storage).__name__}>"
        )
        return (
            f"{text}, storage={storage}, on_storage_error={self.on_storage_error!r}, "
            f"key_prefix={self.key_prefix!r})"
        )


# The rate-limit 429's body as 3Commas sends it since its plan limits (peer-reported):
# "Rate limit exceeded. Next request at 2025-11-11 17:08:36 UTC", with no Retry-After.
# Compiled on its first 429 (re caches it), not at every start of a process.
_NEXT_REQUEST_AT = (
    r"(?i)Next request at (\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d+)?)\s*(?:UTC|Z)?"
)


def parse_next_request_at(body: str, now: float) -> float | None:
    """Seconds from `now` (Unix seconds) to the moment a 429's body names ("Next request at
    <UTC date>"), or None when the body names none, or a moment not at least 1 s ahead."""
    found = re.search(_NEXT_REQUEST_AT, body[:2000])
    if found is None:
        return None
    try:
        when = datetime.fromisoformat(f"{found.group(1)}T{found.group(2)}").replace(tzinfo=UTC)
    except ValueError:
        return None
    seconds = when.timestamp() - now
    if not math.isfinite(seconds) or seconds <= 0:
        return None
    return max(MIN_RETRY_AFTER_S, seconds)


def limit_from_environment(limit: RateLimit | None, default: RateLimit) -> RateLimit | None:
    """`limit`, unless it was left at `default`: then the plan `THREE_COMMAS_PLAN` names, when
    set (a ValueError naming the variable when it is not a plan)."""
    plan = os.environ.get(ENV_PLAN, "").strip()
    if limit is not default or not plan:
        return limit
    try:
        return RateLimit.for_plan(plan)
    except ValueError:
        raise ValueError(
            f"{ENV_PLAN} must be one of {', '.join(PLAN_LIMITS)}, not {plan!r}"
        ) from None


def _positive(value: object) -> bool:
    return (
        not isinstance(value, bool)
        and isinstance(value, int | float)
        and math.isfinite(value)
        and value > 0
    )


class RateLimiter:
    """Keeps any window of `limit.period` seconds at the server under `limit.requests`.

    The server counts a request when it arrives, which is some time after it was sent and
    before its answer comes back. So a request holds its slot from the moment it is sent
    (`acquire`) until its answer or failure arrives (`release`), and one period more. Then,
    whatever the network's delays, no window at the server can hold more than the limit:
    the last of any `requests + 1` arrivals in a window would have found every slot held.
    """

    def __init__(self, limit: RateLimit, *, clock: Clock = time.monotonic) -> None:
        self.limit = limit
        self._clock = clock
        self._lock = threading.Lock()
        self._in_flight = 0
        # When the latest answers came back, oldest first; only the last `requests` matter.
        self._done: deque[float] = deque(maxlen=limit.requests)
        # The limit a 429 taught (lower than `limit.requests`), or None.
        self.learned: int | None = None

    @property
    def requests(self) -> int:
        """The requests a period this limiter allows now: the configured, or the learned."""
        return self.limit.requests if self.learned is None else self.learned

    def learn(self) -> int | None:
        """A 429 came while this limiter kept to its budget: the API's real limit is lower.
        Lower the budget to what went out in the window before it (with a margin), for
        good; the new limit, or None when nothing was learned."""
        with self._lock:
            horizon = self._clock() - self.limit.period
            sent = self._in_flight + sum(1 for t in self._done if t > horizon)
            new = learned_limit(sent)
            if new is None or new >= self.requests:
                return None
            self.learned = new
            return new

    def acquire(self, order: bool = False) -> float:
        """Take a slot and return 0, or return how long to wait before asking again. Only an
        `order` may take the slots kept for orders."""
        with self._lock:
            now = self._clock()
            horizon = now - self.limit.period
            recent = [t for t in self._done if t > horizon]
            used = self._in_flight + len(recent)
            requests = self.requests
            if not order:
                requests -= self.limit.orders_reserve(requests)
            if used < requests:
                self._in_flight += 1
                return 0.0
            expiring = used - requests + 1
            if expiring <= len(recent):
                return max(recent[expiring - 1] + self.limit.period - now, 1e-3)
            return min(_POLL_S, self.limit.period / 100)

    def release(self, accepted: bool = False) -> None:
        """The request that held a slot got its answer (or failed); `accepted`: the API took
        it (not a 429 or 418), which only a shared budget notes."""
        with self._lock:
            self._in_flight = max(0, self._in_flight - 1)
            self._done.append(self._clock())


class Lockout:
    """Until when the API refuses this client (after a 429 or a 418), and why."""

    def __init__(self, *, clock: Clock = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._until = 0.0
        self._reason: BaseException | None = None

    def start(self, seconds: float, reason: BaseException) -> None:
        """Refuse requests for `seconds` from now, unless a longer lockout already runs: a
        lockout is only ever extended, never shortened."""
        if isinstance(seconds, bool) or not isinstance(seconds, int | float):
            raise TypeError("a lockout lasts a number of seconds")
        if not (math.isfinite(seconds) and seconds >= 0):
            # NaN, infinity or a negative wait come from a header nobody checked: the callers
            # replace them with the documented default, so reaching here is a bug.
            raise ValueError(f"a lockout lasts a finite number of seconds >= 0, not {seconds}")
        with self._lock:
            until = self._clock() + seconds
            if until > self._until:
                self._until, self._reason = until, reason

    def remaining(self) -> tuple[float, BaseException | None]:
        """Seconds left and the error that started it; (0, None) when not locked out."""
        # A first look without the lock, as every request asks: `_until` is replaced whole and
        # only ever grows, so a lockout that is over is seen as over either way.
        if self._until <= self._clock():
            return 0.0, None
        with self._lock:
            left = self._until - self._clock()
            if left <= 0:
                return 0.0, None
            return left, self._reason


def backoff_delay(attempt: int, *, base: float = 0.5, cap: float = 8.0) -> float:
    """Exponential backoff with full jitter: a random delay in [0, min(cap, base * 2**attempt)]."""
    return random.uniform(0.0, min(cap, base * 2**attempt))
