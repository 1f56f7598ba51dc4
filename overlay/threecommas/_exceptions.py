"""The exceptions raised by the SDK, in one hierarchy.

    ThreeCommasError
    ├── APIError                      a response came back and it is not a success we can use
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
    └── APIConnectionError            no response (DNS, refused, reset, TLS...)
        └── APITimeoutError

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
from typing import Any, ClassVar

__all__ = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "IPBannedError",
    "NotFoundError",
    "PermissionDeniedError",
    "PlanRestrictionError",
    "RateLimitError",
    "ResponseParseError",
    "ServerError",
    "ThreeCommasError",
    "UnprocessableEntityError",
]

# Bodies can be large (an HTML error page); the message shows a prefix, `.body` keeps it all.
_MESSAGE_BODY_LIMIT = 200


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
    """5xx: a failure on the 3Commas side. For an order, it may or may not have been placed."""


class ResponseParseError(APIError):
    """A success status whose body is not what the API documents (not JSON, a field missing...).

    The request may well have been carried out: for an order, check its state before retrying.
    """


class APIConnectionError(ThreeCommasError):
    """No response was received (name resolution, connection refused or reset, TLS...)."""

    def __init__(self, message: str, *, method: str = "", path: str = "") -> None:
        self.message = message
        self.method = method
        self.path = path
        super().__init__(message)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_connection, (type(self), self.message, self.method, self.path))


def _rebuild_connection(
    cls: type[APIConnectionError], message: str, method: str, path: str
) -> APIConnectionError:
    return cls(message, method=method, path=path)


class APITimeoutError(APIConnectionError):
    """The request timed out. For an order, it may or may not have reached the exchange."""


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
    """The API's error object read leniently: whatever of it is well-formed, nothing else."""
    try:
        data = json.loads(body)
    except ValueError:
        return {}
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


# Documented lockout after a 429 when the API sends no Retry-After.
DEFAULT_RATE_LIMIT_LOCKOUT_S = 300.0


def _is_plan_restriction(fields: Mapping[str, Any], body: str) -> bool:
    # Real answers name the subscription plan and carry no error_description.
    text = str(fields.get("error") or body).lower()
    return "plan" in text or "subscription" in text


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a `Retry-After` header (delta-seconds or an HTTP date), or None."""
    if value is None:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        return max(0.0, seconds) if math.isfinite(seconds) else None
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def error_for_status(
    status_code: int,
    body: str,
    *,
    method: str,
    path: str,
    retry_after: float | None = None,
    ban_cooldown: float = 120.0,
) -> APIError:
    """The exception for a non-success response, filled with what the body says."""
    fields = _error_fields(body)
    if status_code >= 500:
        cls: type[APIError] = ServerError
    elif status_code == 429 and _is_plan_restriction(fields, body):
        cls = PlanRestrictionError
    else:
        cls = _BY_STATUS.get(status_code, APIError)
    error = cls(status_code=status_code, body=body, method=method, path=path, **fields)
    if isinstance(error, RateLimitError):
        error.retry_after = DEFAULT_RATE_LIMIT_LOCKOUT_S if retry_after is None else retry_after
    elif isinstance(error, IPBannedError):
        error.retry_after = ban_cooldown if retry_after is None else retry_after
    return error
