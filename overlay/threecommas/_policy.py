"""The request policy, written once and free of I/O: when a request may go, what its answer
means, and whether it is repeated.

`RequestPolicy.flow` is a generator that tells its driver what to do next, in the manner of
`httpx.Auth.auth_flow`: it yields `SEND` (send the request now, then send back the response, or
the transport error as a value), a `Sleep` (wait this long, then send back None) or a
`StorageCall` (call this method of the budget, awaiting it when it is a coroutine, and send
back its result: taking and giving back a slot, reading and starting a lockout, which a budget
kept in Redis does over the network), and it returns the call's result or raises its error.
The sync and the async clients each drive it in a few lines; everything else lives here:

- the rate limiter: a slot is taken before the request is sent and held until its answer (or
  failure) is back; should the flow end while it holds one (an error, a cancelled or closed
  driver), its `SlotHold` says so and the driver gives the slot back;
- lockouts: after a 429 or a 418 no request of the client goes out while the API would refuse
  it; a short rate-limit lockout is waited out, anything else is raised without sending;
- the answer: a 2xx is parsed strictly (`ResponseParseError` when the body is not what the API
  documents), anything else becomes its typed error;
- retries: reads after timeouts, lost connections and 502/503/504; a change (POST, PATCH,
  DELETE) only when it certainly never reached the API, or was refused for the rate limit. A
  change whose answer was lost is an `OutcomeUnknownError`.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Callable, Generator
from typing import TypeVar, cast

import httpx

from threecommas._clock import SYSTEM_CLOCK, Clock, DeadlineReached
from threecommas._constants import ORDER_OPERATIONS, WRITE_OPERATIONS
from threecommas._exceptions import (
    SAFE_METHODS,
    APIConnectionError,
    APIError,
    APITimeoutError,
    IPBannedError,
    OutcomeUnknownError,
    OutcomeUnknownTimeoutError,
    PlanRestrictionError,
    RateLimitError,
    ResponseParseError,
    ServerError,
    ThreeCommasError,
    error_for_status,
    parse_retry_after,
)
from threecommas._limits import Lockout, RateLimit, backoff_delay, parse_next_request_at
from threecommas._steps import SEND, Answer, Sleep, SlotHold, Step, StorageCall
from threecommas._storage import LockoutState, SlotLimiter
from threecommas._types import Call

__all__ = ["PolicySettings", "RequestPolicy", "closed_error"]

T = TypeVar("T")
logger = logging.getLogger("threecommas")

_RETRYABLE_STATUSES = frozenset({502, 503, 504})
# The phases of an httpx timeout (`request.extensions["timeout"]`).
_PHASES = ("connect", "read", "write", "pool")

# What a parser may raise on a body it cannot read: JSON errors (ValueError), missing or wrong
# fields (LookupError, TypeError, AttributeError), numbers or dates out of range
# (ArithmeticError, OverflowError) and nesting deeper than Python recurses (RecursionError).
_UNREADABLE_BODY = (
    ArithmeticError,
    AttributeError,
    LookupError,
    RecursionError,
    TypeError,
    ValueError,
)


class PolicySettings:
    """How a client spends the API's budget and when it repeats a request (not changed once
    made)."""

    # A plain class: a frozen dataclass compiles its methods at every start of a process.
    __slots__ = ("ban_cooldown", "max_retries", "rate_limit", "retry_after_cap")

    def __init__(
        self,
        rate_limit: RateLimit | None,
        max_retries: int,
        ban_cooldown: float,
        retry_after_cap: float,
    ) -> None:
        self.rate_limit = rate_limit
        self.max_retries = max_retries
        self.ban_cooldown = ban_cooldown
        self.retry_after_cap = retry_after_cap

    @classmethod
    def checked(
        cls,
        rate_limit: object,
        max_retries: object,
        ban_cooldown: object,
        retry_after_cap: object,
    ) -> PolicySettings:
        if rate_limit is not None and not isinstance(rate_limit, RateLimit):
            raise TypeError("rate_limit must be a threecommas.RateLimit or None")
        if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
            raise ValueError("max_retries must be an int >= 0")
        for name, value in (("ban_cooldown", ban_cooldown), ("retry_after_cap", retry_after_cap)):
            if isinstance(value, bool) or not isinstance(value, int | float) or not value >= 0:
                raise ValueError(f"{name} must be a number of seconds >= 0")
        return cls(rate_limit, max_retries, float(ban_cooldown), float(retry_after_cap))  # type: ignore[arg-type]


def closed_error() -> ThreeCommasError:
    return ThreeCommasError(
        "the client is closed (close() was called, or its HTTP client was closed): "
        "create a new client to send requests"
    )


def target(request: httpx.Request) -> str:
    """The path and query of `request`, as messages and logs show it (never a header)."""
    return request.url.raw_path.decode("ascii", "replace")


def _sent(exc: httpx.RequestError) -> bool:
    """False only when the request certainly never reached the server: no connection could be
    made, or none came free in the pool. Anything later (a write, a read, a reset, a cut answer)
    may have happened after the server got the request."""
    return not isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout)


def transport_error(request: httpx.Request, exc: httpx.RequestError) -> APIConnectionError:
    """The error for a request that got no answer; a change that may have reached the API is an
    `OutcomeUnknownError` (its timeouts an `OutcomeUnknownTimeoutError`)."""
    method, path = request.method, target(request)
    sent = _sent(exc)
    timeout = isinstance(exc, httpx.TimeoutException)
    cause = type(exc).__name__ if timeout or not str(exc) else f"{type(exc).__name__}: {exc}"
    what = "timed out" if timeout else "failed"
    if sent and method not in SAFE_METHODS:
        cls = OutcomeUnknownTimeoutError if timeout else OutcomeUnknownError
        return cls(
            f"{method} {path} {what} after the request was sent ({cause}): the API may have "
            "carried it out, or not. It was not repeated: read the SmartTrade (after a "
            "create: list your SmartTrades) before sending it again",
            method=method,
            path=path,
            sent=True,
        )
    where = "; nothing was sent" if not sent else ""
    kind = APITimeoutError if timeout else APIConnectionError
    return kind(f"{method} {path} {what} ({cause}{where})", method=method, path=path, sent=sent)


def _refused_locally(reason: BaseException | None, request: httpx.Request, left: float) -> APIError:
    """The error that started a lockout, again, for a request the client does not send."""
    method, path = request.method, target(request)
    status = reason.status_code if isinstance(reason, APIError) else 429
    cls = type(reason) if isinstance(reason, RateLimitError | IPBannedError) else RateLimitError
    error = cls(
        f"{method} {path} not sent: the API refuses this client for another {left:.0f} s "
        f"(after HTTP {status}); sending now would prolong it",
        status_code=status,
        method=method,
        path=path,
    )
    error.retry_after = left
    return error


def _read_only_refusal(request: httpx.Request, limit: RateLimit) -> PlanRestrictionError:
    """A write on a read-only plan: refused here, as the API would refuse it, unsent."""
    method, path = request.method, target(request)
    return PlanRestrictionError(
        f"{method} {path} not sent: the {limit.plan!r} plan (RateLimit.plan) lets this API "
        "key read only; a write needs the 'expert' plan",
        status_code=429,
        method=method,
        path=path,
    )


def _log_wait(request: httpx.Request, wait: float) -> None:
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug("%s %s waits %.3f s for the rate limit", request.method, target(request), wait)


def parse_success(
    parse: Callable[[httpx.Response], T], request: httpx.Request, response: httpx.Response
) -> T:
    """The parsed result of a 2xx; a body that is not what the API documents raises
    `ResponseParseError`."""
    try:
        return parse(response)
    except _UNREADABLE_BODY as exc:
        status = response.status_code
        body = response.content.decode("utf-8", "replace")
        method, path = request.method, target(request)
        raise ResponseParseError(
            f"{method} {path} -> HTTP {status}: the body is not what the API "
            f"documents ({type(exc).__name__}: {exc}); body: {body[:200]!r}",
            status_code=status,
            body=body,
            method=method,
            path=path,
        ) from exc


def _result(
    call: Call[T],
    request: httpx.Request,
    response: httpx.Response,
    ban_cooldown: float,
    now: Callable[[], float] = time.time,
) -> T:
    """The parsed result of a 2xx, or the typed error of any other answer (raised).

    A 429 without a usable `Retry-After` is waited out until the moment its body names
    ("Next request at <UTC>"), read against `now` (the client's clock's date)."""
    status = response.status_code
    if 200 <= status < 300:
        return parse_success(call.parse, request, response)
    body = response.content.decode("utf-8", "replace")
    retry_after = parse_retry_after(response.headers.get("Retry-After"))
    if retry_after is None and status == 429:
        retry_after = parse_next_request_at(body, now())
    raise error_for_status(
        status,
        body,
        method=request.method,
        path=target(request),
        retry_after=retry_after,
        ban_cooldown=ban_cooldown,
        location=response.headers.get("Location"),
    )


class RequestPolicy:
    """The rate limit, the lockouts and the retry rules of one client (shared by its calls)."""

    def __init__(
        self,
        settings: PolicySettings,
        limiter: SlotLimiter | None,
        lockout: LockoutState,
        clock: Clock = SYSTEM_CLOCK,
    ) -> None:
        self.settings = settings
        self.limiter = limiter
        self.lockout = lockout
        self.clock = clock
        # An in-process lockout is read with a plain call: a step through the driver for it
        # would cost every request about a microsecond, for no I/O to hand over.
        self._local_lockout = type(lockout) is Lockout
        # ... and without a limiter either, admitting a request needs no step at all: it is
        # decided by a plain call, not by a generator made for each request.
        self._plain_admit = self._local_lockout and limiter is None

    def flow(
        self,
        call: Call[T],
        request: httpx.Request,
        closed: Callable[[], bool],
        deadline: float | None = None,
        hold: SlotHold | None = None,
    ) -> Generator[Step, Answer, T]:
        """Send `request` (as often as the rules allow) and return the parsed result.

        `closed` tells whether the client was closed meanwhile: no request goes out then.
        With a `deadline` (on the policy's clock), no wait lasts past it and each attempt's
        timeout is cut to the time left; reaching it raises `DeadlineReached`. `hold` says
        whether the flow holds a slot when it ends: its driver then gives it back
        (`StorageCall(policy.limiter.release)`)."""
        limit = self.settings.rate_limit
        if limit is not None and limit.read_only and call.operation_id in WRITE_OPERATIONS:
            raise _read_only_refusal(request, limit)
        hold = hold if hold is not None else SlotHold()
        # The configured timeouts, which a deadline cuts for each attempt.
        timeouts = dict(request.extensions.get("timeout") or {}) if deadline is not None else {}
        for attempt in itertools.count():
            if self._plain_admit:
                while (wait := self._admit_plain(request, closed)) > 0:
                    yield from self._wait(wait, deadline)
            else:
                order = call.operation_id in ORDER_OPERATIONS
                while (wait := (yield from self._admit(request, closed, order, hold))) > 0:
                    yield from self._wait(wait, deadline)
            if deadline is not None:
                self._cut_timeout(request, timeouts, deadline)
            started = time.perf_counter()
            answer = yield SEND
            if self.limiter is not None:
                hold.held = False
                accepted = isinstance(answer, httpx.Response) and answer.status_code not in (
                    418,
                    429,
                )
                yield StorageCall(self.limiter.release, accepted)
            error: ThreeCommasError
            cause: httpx.RequestError | None = None
            if isinstance(answer, httpx.Response):
                self._log_answer(request, answer, started)
                if 200 <= answer.status_code < 300:
                    return parse_success(call.parse, request, answer)
                try:
                    return _result(
                        call, request, answer, self.settings.ban_cooldown, self.clock.time
                    )
                except APIError as exc:
                    error = exc
            elif isinstance(answer, httpx.RequestError):
                error, cause = transport_error(request, answer), answer
            else:
                raise TypeError(f"the policy expected an answer to SEND, not {answer!r}")
            delay = yield from self._retry_delay(request, error, attempt)
            if (
                deadline is not None
                and isinstance(error, APITimeoutError)
                and not isinstance(error, OutcomeUnknownError)
                and self.clock.monotonic() >= deadline
            ):
                # Its timeout was cut to the time left: the deadline, not the server, ended it.
                raise DeadlineReached("the deadline came while waiting for the answer") from error
            if delay is None:
                if cause is None:
                    raise error
                raise error from cause
            self._log_retry(request, error, delay, attempt)
            yield from self._wait(delay, deadline)
        raise AssertionError("unreachable")

    def _wait(self, seconds: float, deadline: float | None) -> Generator[Step, Answer, None]:
        """Sleep `seconds`; a wait that would end past `deadline` sleeps until it, then raises
        `DeadlineReached` (a watch then ends on time, not when the wait is over)."""
        if deadline is not None:
            left = deadline - self.clock.monotonic()
            if seconds >= left:
                if left > 0:
                    yield Sleep(left)
                raise DeadlineReached("the deadline came while the request waited to be sent")
        yield Sleep(seconds)

    def _cut_timeout(
        self, request: httpx.Request, configured: dict[str, float | None], deadline: float
    ) -> None:
        """Give this attempt no more time (to connect, to write, to read) than is left."""
        left = deadline - self.clock.monotonic()
        if left <= 0:
            # The slot `_admit` took, nothing sent: the driver gives it back (`SlotHold`).
            raise DeadlineReached("the deadline came before the request was sent")
        cap = self.clock.io_timeout(left)
        request.extensions["timeout"] = {
            phase: cap if value is None else min(value, cap)
            for phase, value in (configured or dict.fromkeys(_PHASES)).items()
        }

    def _admit(
        self,
        request: httpx.Request,
        closed: Callable[[], bool],
        order: bool,
        hold: SlotHold,
    ) -> Generator[Step, Answer, float]:
        """0 once the request may go (it then holds a rate-limit slot until its answer), or the
        seconds to wait before asking again; raises while the API refuses this client, or once
        the client is closed."""
        if closed():
            raise closed_error()
        if self._local_lockout:
            left, reason = cast(Lockout, self.lockout).remaining()
        else:
            left, reason = yield from self._lockout_remaining()
        if left > 0:
            wait = self._lockout_wait(request, left, reason)
        elif self.limiter is None:
            return 0.0
        else:
            wait = cast(float, (yield StorageCall(self.limiter.acquire, order)))
            if wait == 0:
                hold.held = True
        if wait > 0:
            _log_wait(request, wait)
        return wait

    def _admit_plain(self, request: httpx.Request, closed: Callable[[], bool]) -> float:
        """`_admit` for an in-process lockout and no limiter: no step to hand over."""
        if closed():
            raise closed_error()
        left, reason = cast(Lockout, self.lockout).remaining()
        if left <= 0:
            return 0.0
        wait = self._lockout_wait(request, left, reason)
        _log_wait(request, wait)
        return wait

    def _lockout_wait(
        self, request: httpx.Request, left: float, reason: BaseException | None
    ) -> float:
        """The wait of a request during a lockout with `left` seconds to go: a short
        rate-limit lockout is waited out; anything else is raised, unsent."""
        if isinstance(reason, RateLimitError) and left <= self.settings.retry_after_cap:
            return left
        raise _refused_locally(reason, request, left)

    def _lockout_remaining(self) -> Generator[Step, Answer, tuple[float, BaseException | None]]:
        remaining = yield StorageCall(self.lockout.remaining)
        return cast(tuple[float, BaseException | None], remaining)

    def _retry_delay(
        self, request: httpx.Request, error: ThreeCommasError, attempt: int
    ) -> Generator[Step, Answer, float | None]:
        """Seconds before the next attempt, or None when `error` must be raised now.

        A request that changes something (POST, PATCH, DELETE) is repeated only when it
        certainly did not reach the API (`error.sent` is false: the connection was never made)
        or when the API refused it for the rate limit; never after a timeout or a 5xx, where it
        may have been carried out. Reads are also repeated after timeouts, lost connections and
        502/503/504."""
        if isinstance(error, RateLimitError | IPBannedError):
            if isinstance(error, RateLimitError) and (yield from self._lockout_remaining())[0] <= 0:
                # The first 429 of a lockout (the ones after it answer requests already on
                # their way): the limiter let it through, so the real limit is lower.
                yield from self._learn()
            yield StorageCall(self.lockout.start, error.retry_after, error)
        if attempt >= self.settings.max_retries:
            return None
        safe = request.method in SAFE_METHODS
        if isinstance(error, RateLimitError):
            if error.retry_after > self.settings.retry_after_cap:
                return None
            return error.retry_after + backoff_delay(attempt)
        if isinstance(error, APIConnectionError):
            return backoff_delay(attempt) if safe or not error.sent else None
        if isinstance(error, ServerError) and error.status_code in _RETRYABLE_STATUSES:
            return backoff_delay(attempt) if safe else None
        return None

    def _learn(self) -> Generator[Step, Answer, None]:
        limit = self.settings.rate_limit
        if self.limiter is None or limit is None:
            return
        first = self.limiter.learned is None
        learned = cast(int | None, (yield StorageCall(self.limiter.learn)))
        if learned is None:
            return
        # Once at WARNING per budget (a later, lower figure only at INFO).
        level = logging.WARNING if first else logging.INFO
        logger.log(
            level,
            "threecommas: a 429 came while this client kept to its rate limit of %d requests "
            "per %g s: the API's limit for this key is lower. It now keeps to %d (learned, "
            "never raised again while it runs). To start there: RateLimit(requests=%d, "
            "period=%g), or name your plan: RateLimit.for_plan(...), THREE_COMMAS_PLAN",
            limit.requests,
            limit.period,
            learned,
            learned,
            limit.period,
        )

    @staticmethod
    def _log_answer(request: httpx.Request, response: httpx.Response, started: float) -> None:
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "%s %s -> %s in %.1f ms",
                request.method,
                target(request),
                response.status_code,
                (time.perf_counter() - started) * 1000,
            )

    def _log_retry(
        self, request: httpx.Request, error: Exception, delay: float, attempt: int
    ) -> None:
        logger.debug(
            "%s %s: %s; retry %d of %d in %.2f s",
            request.method,
            target(request),
            type(error).__name__,
            attempt + 1,
            self.settings.max_retries,
            delay,
        )
