"""The exceptions raised by the SDK, in one hierarchy.

    ThreeCommasError                  also: the client is closed
    ├── APIError                      a response came back and it is not a success we can use
    │   ├── RedirectError             3xx, never followed (it would take the credentials along)
    │   ├── BadRequestError           400
    │   ├── AuthenticationError       401
    │   ├── PermissionDeniedError     403
    │   │   └── PlanRestrictionError  429 "not available on your subscription plan"
    │   ├── NotFoundError             404
    │   ├── IPBannedError             418
    │   ├── UnprocessableEntityError  422
    │   ├── RateLimitError            429
    │   ├── ServerError               5xx
    │   └── ResponseParseError        a 2xx whose body is not what the API documents
    ├── APIConnectionError            no response (DNS, refused, reset, TLS...); `.sent` says
    │   │                             whether the request may have reached the API
    │   ├── APITimeoutError
    │   │   └── OutcomeUnknownTimeoutError   (also an OutcomeUnknownError)
    │   └── OutcomeUnknownError       a change was sent, no answer came: it may have been done
    ├── StreamError                   the SmartTradesChannel stream cannot go on (experimental)
    │   └── StreamRejectedError       the server refused the subscription (key or signature)
    └── StreamUnavailableError        the stream without `websockets` (also an ImportError)

An error carries what came back (status, the parsed error fields, the raw body) and what was
asked (method and path), never a request or response header: those hold the API key and the
signature.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any, ClassVar

from threecommas._constants import BAN_COOLDOWN_S, LOCKOUT_S

__all__ = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "IPBannedError",
    "NotFoundError",
    "OutcomeUnknownError",
    "OutcomeUnknownTimeoutError",
    "PermissionDeniedError",
    "PlanRestrictionError",
    "RateLimitError",
    "RedirectError",
    "ResponseParseError",
    "ServerError",
    "ThreeCommasError",
    "UnprocessableEntityError",
]

# Bodies can be large (an HTML error page); the message shows a prefix, `.body` keeps it all.
_MESSAGE_BODY_LIMIT = 200
# Requests that change nothing: repeating them, or losing their answer, costs nothing.
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_CHECK_BEFORE_RESENDING = (
    "read the SmartTrade (after a create: list your SmartTrades) before sending it again"
)


class ThreeCommasError(Exception):
    """Base class of every exception raised by this SDK."""


class APIError(ThreeCommasError):
    """The API answered, but not with a success the SDK could use.

    Attributes:
        status_code: HTTP status of the response.
        error: the API's short error code (`"signature_invalid"`, `"Not found"`...), or None when
            the body is not the API's error object.
        error_description: the API's longer explanation, if any.
        error_attributes: field name -> messages, for validation errors; empty otherwise.
        body: the raw response body, decoded as text.
        method: HTTP method of the request.
        path: path (and query) of the request, as sent.
    """

    status_code: int
    error: str | None
    error_description: str | None
    error_attributes: dict[str, list[str]]
    body: str
    method: str
    path: str

    def __init__(
        self,
        message: str | None = None,
        *,
        status_code: int,
        body: str = "",
        method: str = "",
        path: str = "",
        error: str | None = None,
        error_description: str | None = None,
        error_attributes: Mapping[str, list[str]] | None = None,
    ) -> None:
        self.status_code = status_code
        self.body = body
        self.method = method
        self.path = path
        self.error = error
        self.error_description = error_description
        self.error_attributes = dict(error_attributes or {})
        self.message = message or self._default_message()
        super().__init__(self.message)

    def _default_message(self) -> str:
        request = f"{self.method} {self.path}".strip()
        detail = ": ".join(part for part in (self.error, self.error_description) if part)
        if not detail:
            detail = _shorten(self.body) or "(empty body)"
        if self.error_attributes:
            fields = "; ".join(
                f"{name}: {', '.join(messages)}" for name, messages in self.error_attributes.items()
            )
            detail = f"{detail} ({fields})"
        return f"{request} -> HTTP {self.status_code}: {detail}"

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword-only constructor arguments do not survive Exception's default pickling.
        extra = {k: v for k, v in self.__dict__.items() if k == "retry_after"}
        return (_rebuild, (type(self), self.message, self._state()), extra or None)

    def __setstate__(self, extra: dict[str, Any] | None) -> None:
        self.__dict__.update(extra or {})

    def _state(self) -> dict[str, Any]:
        return {
            "status_code": self.status_code,
            "body": self.body,
            "method": self.method,
            "path": self.path,
            "error": self.error,
            "error_description": self.error_description,
            "error_attributes": self.error_attributes,
        }

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"


def _rebuild(cls: type[APIError], message: str, state: dict[str, Any]) -> APIError:
    return cls(message, **state)


class RedirectError(APIError):
    """3xx: the API redirected the request. The SDK never follows a redirect, whatever HTTP
    client it was given: the next hop would receive the API key and a valid signature.

    `location` is where the API pointed (the `Location` header), or None. A redirect usually
    means `base_url` is wrong (http:// instead of https://, a missing `/public/api`).
    """

    location: str | None

    def __init__(
        self, message: str | None = None, *, location: str | None = None, **state: Any
    ) -> None:
        self.location = location
        super().__init__(message, **state)

    def _default_message(self) -> str:
        request = f"{self.method} {self.path}".strip()
        where = f" to {_shorten(self.location)}" if self.location else ""
        return (
            f"{request} -> HTTP {self.status_code}: a redirect{where}, not followed (it would "
            "carry the API key and a valid signature along); check base_url"
        )

    def _state(self) -> dict[str, Any]:
        return {**super()._state(), "location": self.location}


class BadRequestError(APIError):
    """400: the request is malformed or a parameter is wrong."""

    default_status: ClassVar[int] = 400


class AuthenticationError(APIError):
    """401: unknown or expired API key, bad signature, or an IP address not whitelisted."""

    default_status: ClassVar[int] = 401


class PermissionDeniedError(APIError):
    """403: the key lacks the permission, or the operation is not allowed in the current state."""

    default_status: ClassVar[int] = 403


class NotFoundError(APIError):
    """404: no such SmartTrade or trade."""

    default_status: ClassVar[int] = 404


class IPBannedError(APIError):
    """418: the client IP is banned for going on after 429 answers (2 minutes to 3 days).

    `retry_after` is the cool-down the client waits before it sends anything again: the
    `Retry-After` header when the API sends one, else the client's `ban_cooldown`.
    """

    default_status: ClassVar[int] = 418
    retry_after: float = 0.0


class UnprocessableEntityError(APIError):
    """422: the parameters were understood but failed validation (see `error_attributes`)."""

    default_status: ClassVar[int] = 422


class RateLimitError(APIError):
    """429: too many requests; the API refuses this client for `retry_after` seconds.

    `retry_after` comes from the `Retry-After` header, or is the documented 300 s lockout.
    """

    default_status: ClassVar[int] = 429
    retry_after: float = 0.0


class PlanRestrictionError(PermissionDeniedError):
    """429 that is not about speed: the feature is not in the account's subscription plan.

    3Commas answers this with status 429, but waiting does not help, so it is a permission
    error (`status_code` is still 429) and is never retried.
    """


class ServerError(APIError):
    """5xx: a failure on the 3Commas side.

    A request that changes something (POST, PATCH, DELETE) may or may not have been carried
    out: the SDK never repeats it, and the message says to read the SmartTrade before sending
    it again. A read (GET) is retried after 502, 503 and 504.
    """

    def _default_message(self) -> str:
        message = super()._default_message()
        if self.method and self.method.upper() not in SAFE_METHODS:
            message += (
                f"; the API may have carried out this {self.method} all the same, so it was "
                f"not repeated: {_CHECK_BEFORE_RESENDING}"
            )
        return message


class ResponseParseError(APIError):
    """A success status whose body is not what the API documents (not JSON, a field missing...).

    The request may well have been carried out: for an order, check its state before retrying.
    """


class APIConnectionError(ThreeCommasError):
    """No response was received (name resolution, connection refused or reset, TLS...).

    Attributes:
        sent: False when the request certainly never reached the API (the connection could
            not be made: nothing was carried out); True when it was sent, in whole or in
            part, before the failure. A change (POST, PATCH, DELETE) with `sent` true is
            raised as `OutcomeUnknownError`.
        method: HTTP method of the request.
        path: path (and query) of the request.
    """

    def __init__(
        self, message: str, *, method: str = "", path: str = "", sent: bool = True
    ) -> None:
        self.message = message
        self.method = method
        self.path = path
        self.sent = sent
        super().__init__(message)

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _rebuild_connection,
            (type(self), self.message, self.method, self.path, self.sent),
        )


def _rebuild_connection(
    cls: type[APIConnectionError], message: str, method: str, path: str, sent: bool = True
) -> APIConnectionError:
    return cls(message, method=method, path=path, sent=sent)


class APITimeoutError(APIConnectionError):
    """The request timed out: connecting (`sent` is False, nothing was carried out) or waiting
    for the answer (`sent` is True). A change that timed out after it was sent is raised as
    `OutcomeUnknownTimeoutError`, which is also an `APITimeoutError`."""


class OutcomeUnknownError(APIConnectionError):
    """A request that changes something (POST, PATCH, DELETE; an order, for most) was sent, and
    the connection broke before its answer came: the server disconnected, a read or write timed
    out, the answer was cut. The API may have carried it out, or not.

    The SDK never repeats such a request. Read the SmartTrade (after a `create`, list your
    SmartTrades) to learn what happened before sending it again, or the order may be placed
    twice. `sent` is always True. A failure to connect is never this error: then nothing was
    sent, and the SDK raises (or retries) a plain `APIConnectionError` / `APITimeoutError`.
    """


class OutcomeUnknownTimeoutError(OutcomeUnknownError, APITimeoutError):
    """An `OutcomeUnknownError` caused by a timeout after the request was sent (reading the
    answer, or writing the body). Both `except OutcomeUnknownError` and `except
    APITimeoutError` catch it."""


_BY_STATUS: dict[int, type[APIError]] = {
    cls.default_status: cls
    for cls in (
        BadRequestError,
        AuthenticationError,
        PermissionDeniedError,
        NotFoundError,
        IPBannedError,
        UnprocessableEntityError,
        RateLimitError,
    )
}


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > _MESSAGE_BODY_LIMIT:
        return text[:_MESSAGE_BODY_LIMIT] + "…"
    return text


def _error_fields(body: str) -> dict[str, Any]:
    """The API's error object read leniently: whatever of it is well-formed, nothing else.

    Never raises: a body that cannot be read (not JSON, nested too deep for Python) gives no
    fields, and the error keeps the raw body."""
    try:
        return _read_error_fields(body)
    except (RecursionError, ValueError, TypeError):
        return {}


def _read_error_fields(body: str) -> dict[str, Any]:
    data = json.loads(body)
    if not isinstance(data, dict):
        return {}
    fields: dict[str, Any] = {}
    for name in ("error", "error_description"):
        if isinstance(data.get(name), str):
            fields[name] = data[name]
    attributes = data.get("error_attributes")
    if isinstance(attributes, dict):
        fields["error_attributes"] = {
            str(key): [str(m) for m in value] if isinstance(value, list) else [str(value)]
            for key, value in attributes.items()
        }
    return fields


def _is_plan_restriction(fields: Mapping[str, Any], body: str) -> bool:
    # Real answers name the subscription plan and carry no error_description.
    text = str(fields.get("error") or body).lower()
    return "plan" in text or "subscription" in text


# The shortest wait a Retry-After may ask for; anything shorter is not believed.
MIN_RETRY_AFTER_S = 1.0


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a `Retry-After` header, or None when it says nothing usable.

    Usable is a finite number of seconds of at least 1 (`"120"`, `"1.5"`) or an HTTP date in
    the future (at least 1 s is returned for one). Anything else (negative, zero, below 1, NaN,
    infinite, junk, a date in the past) gives None, and the caller falls back to its
    documented default: a nonsensical header must never shorten a lockout or a ban.
    """
    if value is None:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        return seconds if math.isfinite(seconds) and seconds >= MIN_RETRY_AFTER_S else None
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    seconds = (when - datetime.now(UTC)).total_seconds()
    return max(MIN_RETRY_AFTER_S, seconds) if seconds > 0 else None


def _usable_wait(seconds: float | None, default: float) -> float:
    if seconds is None or not math.isfinite(seconds) or seconds < MIN_RETRY_AFTER_S:
        return default
    return seconds


def error_for_status(
    status_code: int,
    body: str,
    *,
    method: str,
    path: str,
    retry_after: float | None = None,
    ban_cooldown: float = BAN_COOLDOWN_S,
    location: str | None = None,
) -> APIError:
    """The exception for a non-success response, filled with what the body says.

    `retry_after` is the parsed `Retry-After` header; when it is missing or not a usable wait
    (see `parse_retry_after`), a 429 waits the documented 300 s and a 418 `ban_cooldown`.
    """
    fields = _error_fields(body)
    if 300 <= status_code < 400:
        return RedirectError(
            status_code=status_code, body=body, method=method, path=path, location=location
        )
    if status_code >= 500:
        cls: type[APIError] = ServerError
    elif status_code == 429 and _is_plan_restriction(fields, body):
        cls = PlanRestrictionError
    else:
        cls = _BY_STATUS.get(status_code, APIError)
    error = cls(status_code=status_code, body=body, method=method, path=path, **fields)
    if isinstance(error, RateLimitError):
        error.retry_after = _usable_wait(retry_after, LOCKOUT_S)
    elif isinstance(error, IPBannedError):
        error.retry_after = _usable_wait(retry_after, ban_cooldown)
    return error


# (Types only: the limits module imports this one.)
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Sequence
    from decimal import Decimal

    from threecommas._order_limits import LimitViolation


class OrderLimitError(ValueError, ThreeCommasError):
    """An order that the exchange's trading limits would refuse, found before anything was sent.

    Both a `ValueError` (the arguments are wrong) and a `ThreeCommasError`. The message names
    each field in the API's notation (`position[units][value]`), the limit it breaks (with the
    API's name of it, `minLotSize`), the value given and the nearest valid value.

    Attributes:
        violations: every limit the order breaks (`threecommas._order_limits.LimitViolation`:
            `field`, `limit_name`, `limit`, `value`, `nearest`, `message`), in a fixed order.
        field, limit_name, limit, value, nearest: those of the first violation (`nearest` is
            None when no value of the field fits every limit).
    """

    def __init__(self, message: str, violations: Sequence[LimitViolation] = ()) -> None:
        super().__init__(message)
        self.violations: tuple[LimitViolation, ...] = tuple(violations)
        first = self.violations[0] if self.violations else None
        self.field: str | None = first.field if first else None
        self.limit_name: str | None = first.limit_name if first else None
        self.limit: Decimal | None = first.limit if first else None
        self.value: Decimal | None = first.value if first else None
        self.nearest: Decimal | None = first.nearest if first else None


__all__ += ["OrderLimitError"]


class MissingCredentialsError(ValueError, ThreeCommasError):
    """A signed operation called on a client made without credentials, found before anything
    was sent. Such a client (`ThreeCommas()` with no key in the arguments or the environment)
    can call the public operations only: `client.market.markets()`, `.pairs(...)`,
    `.currency_rates(...)`."""


__all__ += ["MissingCredentialsError"]


class StreamError(ThreeCommasError):
    """The SmartTradesChannel stream (`watch(source="websocket")`, experimental) cannot go on:
    the server refused the subscription, or closed and said not to reconnect."""


class StreamRejectedError(StreamError):
    """The server answered `reject_subscription`: the API key or its `/smart_trades`
    signature was not accepted (a wrong secret, a key without SMART_TRADES_READ, or an RSA key
    the stream does not take). Reconnecting would not help, so the watch stops."""


class StreamUnavailableError(ImportError, ThreeCommasError):
    """`watch(source="websocket")` without the `websockets` library:
    `pip install 'threecommas-sdk[stream]'`."""


__all__ += ["StreamError", "StreamRejectedError", "StreamUnavailableError"]
