# generated from overlay/threecommas/_async/_redis_budget.py by scripts/unasync.py — do not edit
"""The request budget and the lockouts of an API key, shared through Redis.

Every client given the same storage and the same API key meters its requests against one
budget and obeys one lockout, whatever process or machine it runs in.

**The budget** is the in-process limiter's (`_limits.RateLimiter`), kept in Redis: a request
holds a slot from the moment it is sent until its answer arrives, and one period more, so that
no window of `period` seconds *at the server* can hold more than `requests` arrivals whatever
the network's delays. Two sorted sets per key: `inflight` (slot id -> deadline of its lease)
and `done` (slot id -> when its answer came). A slot is free when
`|inflight| + |done within the last period| < requests`. Each decision is one Lua script run
atomically by the server, on the server's clock (`TIME`): clients on machines whose clocks
disagree still share one window. A process that dies with slots held loses them when their
lease (`in_flight_timeout`) ends: they then count as answered at that moment.

**Lockouts**: after a 429 or a 418 seen by any client, one key with an expiry says until when
and why (status, `Retry-After`, error fields). The slot's script refuses a slot while it
exists and hands it back, so every client learns it before it could send, and rebuilds the
same exception from it. A client that knows of a lockout keeps it in Redis until it ends (on
its calls, and from a thread while it makes none), lest Redis restarted empty let others in.

**When Redis cannot be reached**, `RateLimit.on_storage_error` decides: `"wait"` (ask again
with backoff, send nothing meanwhile), `"local"` (meter in the process: nothing for one period after
Redis was last heard from or seen gone, then this client's share, the budget divided by the
clients Redis saw in its last few periods; a client that never reached Redis waits) or `"raise"`
(`StorageError`; nothing sent). Answers that could not be recorded, and requests metered
locally, are written to Redis when it is back, so the shared window learns them. A Redis that
comes back empty (restarted without persistence) is noticed through a generation key: the
first client that knew the old one holds every slot for one period, after which nothing the
lost window held can matter any more; clients re-register the slots they hold and the lockout
they know.

Written once, for the client on an event loop (which never waits on Redis: every call to Redis
is awaited); `scripts/unasync.py` writes the twin of the other client. Each request costs one
short round trip to Redis for the slot (and the lockout) and one for the answer. While Redis is
unreachable, a client asks it at most once per backoff interval, and each attempt waits at most
`storage_timeout`.
"""

from __future__ import annotations

import bisect
import itertools
import logging
import math
import threading
import time
import uuid
import weakref
from collections import deque
from typing import Any, Final

from threecommas import _redis_lua as lua
from threecommas._limits import LEARN_MARGIN, Clock, Lockout, RateLimit, learned_limit
from threecommas._redis_lua import STORAGE_ERRORS
from threecommas._redis_parts import (
    LEARNED_TTL_MS,
    POLL_S,
    Keeper,
    OwnWindow,
    StorageHealth,
    start_keeper_thread,
)
from threecommas._storage import StorageError, key_digest, redacted

from ._redis_faces import RedisLockout, RedisRateLimiter, keep_lockout_until_it_ends

__all__ = ["RedisBudget", "RedisLockout", "RedisRateLimiter"]

logger = logging.getLogger("threecommas")

# A client that knows of a lockout makes sure Redis still has it: at most this often on the
# calls it refuses, and from a thread this often (idle, or sleeping through it); one found
# within the slack is the same.
_LOCKOUT_CHECK_S: Final = 0.25
_LOCKOUT_SLACK_MS: Final = 1000


class RedisBudget(StorageHealth):
    """One client's view of the budget and the lockout of its API key in Redis.

        `limiter` and `lockout` are what the client uses, with the same interfaces as
        `RateLimiter` and `Lockout` (on an event loop, awaitable). Safe for threads and tasks:
    its lock is never held across a call to Redis; nothing here sleeps.
    """

    def __init__(self, limit: RateLimit, api_key: str, *, clock: Clock = time.monotonic) -> None:
        self.limit = limit
        self._clock = clock
        self._redis: Any = lua.connect(limit.storage, limit.storage_timeout)
        self._where = (
            redacted(limit.storage) if isinstance(limit.storage, str) else "the Redis client"
        )
        base = f"{limit.key_prefix}:{{{key_digest(api_key)}}}"
        self.keys = {
            name: f"{base}:{name}"
            for name in [
                "inflight",
                "done",
                "lockout",
                "generation",
                "hold",
                "clients",
                "learned",
                "confirmed",
                "probe",
            ]
        }
        self._acquire_script = self._redis.register_script(lua.ACQUIRE)
        self._record_script = self._redis.register_script(lua.RECORD)
        self._lockout_script = self._redis.register_script(lua.LOCKOUT)
        self._reseed_script = self._redis.register_script(lua.RESEED)
        self._learn_script = self._redis.register_script(lua.LEARN)
        # The limit a 429 taught this client or the fleet (None: none); never raised again.
        self.learned: int | None = None
        self._client_id = uuid.uuid4().hex
        self._ids = itertools.count()
        self._period_ms = limit.period * 1000
        self._lease_ms = limit.in_flight_timeout * 1000
        self._poll_us = math.ceil(min(POLL_S, limit.period / 100) * 1e6)

        self._lock = threading.Lock()
        # Slots this client holds, oldest first: (in Redis?, slot id).
        self._held: deque[tuple[bool, str]] = deque()
        # The rank in the shared window of each slot held in Redis (see `unverified`).
        self._ranks: dict[str, int] = {}
        # Answers not yet written to Redis: (slot id, when it came on our clock, whether the
        # slot was taken in Redis; if not, it was metered locally).
        self._pending: list[tuple[str, float, bool]] = []
        self._own = OwnWindow(limit.period)
        self._generation: str | None = None
        self._last_ok = -math.inf
        # At the last answer from Redis: when (our clock), and how many clients it had seen
        # lately (see `lua.CLIENT_HORIZON_PERIODS`).
        self._contact: tuple[float, int] = (-math.inf, 1)
        # What Redis last refused, logged once (not on each request) until it answers again.
        self._refusal: str | None = None
        # Storage outage: when it was seen (None: none), how many failures, next attempt;
        # when the storage was last seen back.
        self._down_since: float | None = None
        self._up_since = -math.inf
        self._failures = 0
        self._next_try = -math.inf
        # When the callers told to wait for a slot will ask again, soonest first: each new
        # caller is pointed at the next answer to expire, not all of them at the same one.
        self._promised: deque[float] = deque()
        self._mirror = Lockout(clock=clock)
        self._lockout_to_push: tuple[float, str] | None = None
        self._next_lockout_check = -math.inf
        self._lockout_keeper: Keeper | None = None

        self.closed = False
        self.limiter = RedisRateLimiter(self)
        self.lockout = RedisLockout(self)

    def close(self) -> None:
        """Close the connection pool this budget made from a URL (a client it was handed
        stays open: its owner closes it). The lockout keeper stops with it."""
        self.closed = True
        if isinstance(self.limit.storage, str):
            self._redis.close()
            self._redis.connection_pool.disconnect()

    # --- slots ----------------------------------------------------------------------------------

    def acquire(self, order: bool = False) -> float:
        now = self._clock()
        with self._lock:
            if self._down_since is not None and now < self._next_try:
                return self._unavailable(now, None)
            pending, self._pending = self._fresh_pending(now), []
        slot = f"{self._client_id}:{next(self._ids)}"
        status, micros, active, rank = lua.NEW_GENERATION, self._poll_us, 1, 0
        try:
            for _ in range(3):
                reply = self._run_acquire(slot, pending, now, order)
                status, micros, generation, active, rank = reply
                if status != lua.NEW_GENERATION:
                    break
                self._reseed(generation, now)
        except STORAGE_ERRORS as exc:
            with self._lock:
                self._pending[:0] = pending
                if lua.refused(exc):
                    raise self._refused(exc) from exc
                return self._unavailable(now, exc)
        with self._lock:
            self._recovered(now)
            self._refusal = None
            if status == lua.NEW_GENERATION:
                # The generation changed under us again and again: the answers wait, and so
                # do we, a little.
                self._pending[:0] = pending
                return self._poll_us / 1e6
            self._last_ok = now
            self._contact = (now, max(1, active))
            if status == lua.GRANTED:
                self._held.append((True, slot))
                self._ranks[slot] = rank
                self._own.granted()
                return 0.0
            if status == lua.LOCKED:
                # Set elsewhere, and now in our mirror: the caller reads it (and waits or
                # raises) before it asks again.
                return 1e-3
            wait = max(micros, 1000) / 1e6
            if status == lua.FULL:
                bisect.insort(self._promised, now + wait)
            return wait

    def _run_acquire(
        self, slot: str, pending: list[tuple[str, float, bool]], now: float, order: bool
    ) -> tuple[int, int, str, int, int]:
        with self._lock:
            while self._promised and self._promised[0] <= now + 1e-3:
                self._promised.popleft()
            skip = len(self._promised)
        args: list[Any] = [
            self.requests,
            self._period_ms,
            self._lease_ms,
            slot,
            self._generation or "",
            uuid.uuid4().hex,
            self._client_id,
            skip,
            len(pending),
        ]
        for slot_id, answered, _ in pending:
            args += [slot_id, max(0.0, (now - answered) * 1000)]
        # The slots only orders may take (of the limit in force, learned or not).
        args.append(0 if order else self.limit.orders_reserve(self.requests))
        args.append(int(self.limit.unverified))
        k = self.keys
        keys = [
            k["inflight"],
            k["done"],
            k["lockout"],
            k["generation"],
            k["hold"],
            k["clients"],
            k["learned"],
            k["confirmed"],
            k["probe"],
        ]
        reply = self._acquire_script(keys=keys, args=args)
        status, micros, generation, active, used, learned = reply[:6]
        if isinstance(generation, bytes):
            generation = generation.decode()
        self._adopt(int(learned))
        if int(status) == lua.LOCKED:
            # Kept here too: should Redis lose it, this client still knows, and puts it back.
            self._mirror.start(int(micros) / 1e6, lua.reason_from_json(reply[6]))
            self._next_lockout_check = now + _LOCKOUT_CHECK_S  # Redis has it: just seen
            self._keep_lockout_in_storage()
        return int(status), int(micros), str(generation), int(active), int(used)

    @property
    def requests(self) -> int:
        """The requests a period allowed now: the configured, or the learned."""
        learned = self.learned
        return self.limit.requests if learned is None else learned

    def _adopt(self, learned: int) -> None:
        """Take a limit the fleet learned (from Redis), if lower than ours."""
        if 0 < learned < self.requests:
            with self._lock:
                first = self.learned is None
                if first or learned < self.learned:  # type: ignore[operator]
                    self.learned = learned
            logger.log(
                logging.WARNING if first else logging.INFO,
                "threecommas: a client sharing this rate limit (%s) met a 429 within the "
                "budget of %d requests per %g s; this one keeps to %d from now on, as the "
                "whole fleet does. To start there: RateLimit(requests=%d, ...)",
                self._where,
                self.limit.requests,
                self.limit.period,
                learned,
                learned,
            )

    def learn(self) -> int | None:
        """A 429 came within the budget: lower it (in Redis, for the whole fleet) to what the
        shared window held before it, with a margin. The new limit, or None."""
        before = self.requests
        k = self.keys
        ttl = math.ceil(max(LEARNED_TTL_MS, 2 * (self._period_ms + self._lease_ms)))
        try:
            found = int(
                self._learn_script(
                    keys=[k["inflight"], k["done"], k["learned"]],
                    args=[self._period_ms, self.limit.requests, LEARN_MARGIN, ttl],
                )
            )
        except STORAGE_ERRORS:
            # What this client alone saw: less than the fleet sent, so a higher figure; the
            # fleet's will come with the storage.
            with self._lock:
                sent = self._own.in_flight + len(self._own.done)
            found = learned_limit(sent) or 0
        if not 0 < found < before:
            return None
        with self._lock:
            self.learned = found if self.learned is None else min(self.learned, found)
            return self.learned

    def _reseed(self, generation: str, now: float) -> None:
        """Meet a new generation: after a wipe, hold the budget one period and put back what
        this client knows (its held slots, its lockout); then use the new generation."""
        with self._lock:
            if self._generation == generation:
                return  # another caller of this client met it first
            # Our own last call refreshed the old generation: it cannot have expired since.
            wiped = self._generation is not None and now - self._last_ok < (
                self.limit.period + self.limit.in_flight_timeout
            )
            held = [slot for in_redis, slot in self._held if in_redis]
        left, reason = self._mirror.remaining()
        lockout_ms, payload = 0, ""
        if left > 0 and reason is not None:
            lockout_ms, payload = math.ceil(left * 1000), lua.reason_json(reason, left)
        k = self.keys
        self._reseed_script(
            keys=[k["inflight"], k["lockout"], k["generation"], k["hold"]],
            args=[
                generation,
                int(wiped),
                math.ceil(self._period_ms),
                self._lease_ms,
                lockout_ms,
                payload,
                *held,
            ],
        )
        if wiped:
            logger.warning(
                "threecommas: the shared rate limit's storage (%s) lost its state; every "
                "client of this API key waits %.3g s before sending again",
                self._where,
                self.limit.period,
            )
        with self._lock:
            self._generation = generation

    def release(self, accepted: bool = False) -> None:
        now = self._clock()
        with self._lock:
            self._own.answered(now)
            if not self._held:
                return
            in_redis, slot = self._held.popleft()
            rank = self._ranks.pop(slot, 0) if accepted else 0
            if not in_redis or (self._down_since is not None and now < self._next_try):
                # Metered locally, or Redis is away: written when Redis is back.
                self._pending.append((slot, now, in_redis))
                return
            pending, self._pending = [*self._fresh_pending(now), (slot, now, True)], []
        self._ranks.pop(slot, None)
        # An accepted answer confirms that the API takes this many in a window.
        args: list[Any] = [
            math.ceil(self._period_ms + self._lease_ms),
            rank,
            LEARNED_TTL_MS,
            slot,
            int(accepted),
        ]
        for slot_id, answered, _ in pending:
            args += [slot_id, max(0.0, (now - answered) * 1000)]
        k = self.keys
        keys = [k["inflight"], k["done"], k["confirmed"], k["probe"]]
        try:
            self._record_script(keys=keys, args=args)
        except STORAGE_ERRORS as exc:
            # Never raised: the request was sent and answered, its caller gets the answer.
            # The slot stays held in Redis (at worst until its lease ends) until we can write.
            with self._lock:
                self._pending[:0] = pending
                self._failed(now, exc)
            return
        with self._lock:
            self._recovered(now)

    def _fresh_pending(self, now: float) -> list[tuple[str, float, bool]]:
        # A request metered locally and answered more than a period ago no longer counts in
        # any window; a slot taken in Redis must still be given back (or it waits for its
        # lease to end), however old its answer.
        return [p for p in self._pending if p[2] or now - p[1] < self.limit.period]

    def _refused(self, exc: BaseException) -> StorageError:
        """Redis answered and refused: waiting would wait forever and metering alone would
        hide a broken setup, so the caller hears it at once, whatever the mode."""
        what = f"{type(exc).__name__}: {exc}"
        if what != self._refusal:
            self._refusal = what
            logger.error(
                "threecommas: the shared rate limit's storage %s refused the budget's commands "
                "(%s); requests raise StorageError (not sent) until that is fixed",
                self._where,
                what,
            )
        return StorageError(
            f"the shared rate limit's storage {self._where} refused the budget's commands "
            f"({what}): the request was not sent; check the password, the user's permissions "
            "and that no other data lives under RateLimit.key_prefix"
        )

    def _unavailable(self, now: float, exc: BaseException | None) -> float:
        if exc is not None:
            self._failed(now, exc)
        mode = self.limit.on_storage_error
        if mode == "raise":
            raise StorageError(
                f"the shared rate limit's storage {self._where} cannot be reached"
                + ("" if exc is None else f" ({type(exc).__name__})")
                + ": the request was not sent"
            ) from exc
        if mode == "local":
            wait = self._local_wait(now)
            if wait == 0:
                self._held.append((False, f"{self._client_id}:{next(self._ids)}"))
                self._own.granted()
            return wait
        return max(self._next_try - now, 1e-3)

    def _local_wait(self, now: float) -> float:
        """Metering without the storage (`"local"`), so that the clients of the fleet, each
        doing the same, stay within the budget together.

        Nothing is sent for one period after the storage was last heard from or seen gone,
        whichever is later: the window may still hold what the whole fleet sent through Redis,
        which no client knows (what Redis told one client may be stale by then: others went
        on taking slots). After that each client meters its own requests on its share: the
        budget divided by the clients Redis had seen lately. A client that had not heard from
        Redis in the period before it was seen gone knows no share it can trust (clients may
        have joined since), and waits for Redis as `"wait"` does.
        """
        contact, active = self._contact
        seen_gone = contact if self._down_since is None else self._down_since
        if seen_gone - contact > self.limit.period:  # never heard from (-inf), or too long ago
            return max(self._next_try - now, 1e-3)
        quiet_until = max(contact, seen_gone) + self.limit.period
        if now < quiet_until:
            # Asking Redis again meanwhile: it may be back before then.
            return max(min(quiet_until, self._next_try) - now, 1e-3)
        return self._own.wait(max(1, self.requests // active), now)

    # --- lockouts -------------------------------------------------------------------------------

    def start_lockout(self, seconds: float, reason: BaseException) -> None:
        self._mirror.start(seconds, reason)
        self._keep_lockout_in_storage()
        now = self._clock()
        payload = lua.reason_json(reason, seconds)
        ms = math.ceil(max(0.0, seconds) * 1000)
        if ms == 0:
            return
        try:
            self._lockout_script(
                keys=[self.keys["lockout"], self.keys["probe"]], args=[ms, payload]
            )
        except STORAGE_ERRORS as exc:
            with self._lock:
                self._keep_lockout(now + seconds, payload)
                self._failed(now, exc)

    def _keep_lockout_in_storage(self) -> None:
        """Have a keeper (one per client: a task beside an event loop, else a thread) keep the
        lockouts it knows in Redis until they end."""
        with self._lock:
            keeper = self._lockout_keeper
            if keeper is not None and keeper.is_alive():
                return
            keeper = start_keeper_thread(keep_lockout_until_it_ends, weakref.ref(self))
            self._lockout_keeper = keeper

    def _keep_lockout(self, until: float, payload: str) -> None:
        if self._lockout_to_push is None or self._lockout_to_push[0] < until:
            self._lockout_to_push = (until, payload)

    def lockout_remaining(self, *, quiet: bool = False) -> tuple[float, BaseException | None]:
        """The lockout as this client knows it (another client's is learned by the slot's
        script). Redis is asked only while this client knows of one: one it could not write
        yet, or one Redis may have lost since (a restart), written back. `quiet`: a failure
        is left for the client's own calls to notice and warn about."""
        now = self._clock()
        with self._lock:
            left, reason = self._mirror.remaining()
            push = self._lockout_to_push
            if self._down_since is not None and now < self._next_try:
                return left, reason
            if push is None:
                if left <= 0 or reason is None or now < self._next_lockout_check:
                    return left, reason
                # Its expiry in Redis and here differ by a round trip: a lockout found within
                # the slack is the same one, left as it is (never lengthened bit by bit).
                push = (now + left, lua.reason_json(reason, left))
            slack = 0 if push is self._lockout_to_push else _LOCKOUT_SLACK_MS
            self._lockout_to_push = None
            self._next_lockout_check = now + _LOCKOUT_CHECK_S
        if push[0] > now:
            args: list[Any] = [math.ceil((push[0] - now) * 1000), push[1], slack]
            try:
                self._lockout_script(keys=[self.keys["lockout"]], args=args)
            except STORAGE_ERRORS as exc:
                with self._lock:
                    self._keep_lockout(*push)
                    if not quiet:
                        self._failed(now, exc)
                return self._mirror.remaining()
            with self._lock:
                self._recovered(now)
        return self._mirror.remaining()
