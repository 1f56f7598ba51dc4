"""The sync and async clients: credentials, signing, sending, and turning responses into results.

Both clients share everything but the act of sending: a resource method describes its request as
a `Call` (built by the generated endpoint module) and the client executes it.
"""

from __future__ import annotations

import itertools
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar

import httpx

from threecommas._exceptions import (
    SAFE_METHODS,
    APIConnectionError,
    APIError,
    APITimeoutError,
    IPBannedError,
    OutcomeUnknownError,
    OutcomeUnknownTimeoutError,
    RateLimitError,
    ResponseParseError,
    ServerError,
    ThreeCommasError,
    error_for_status,
    parse_retry_after,
)
from threecommas._limits import RateLimit, backoff_delay
from threecommas._signing import (
    BODY_SEPARATOR_QUESTION_MARK,
    HmacSigner,
    RsaSigner,
    Signer,
    ThreeCommasAuth,
)
from threecommas._storage import LockoutState, SlotLimiter, budget_for
from threecommas._validation import check_encodable, check_forced_mode
from threecommas._version import __version__

if TYPE_CHECKING:
    from threecommas_api.client import AuthenticatedClient
from threecommas_api.models.forced_mode import ForcedMode

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_RATE_LIMIT",
    "DEFAULT_TIMEOUT",
    "AsyncThreeCommas",
    "RateLimit",
    "ThreeCommas",
]

DEFAULT_BASE_URL = "https://api.3commas.io/public/api"
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
#: The documented general budget: 100 requests a minute.
DEFAULT_RATE_LIMIT = RateLimit(requests=100, period=60.0)
DEFAULT_MAX_RETRIES = 2
#: The shortest documented IP ban; a 418 without Retry-After stops the client this long.
DEFAULT_BAN_COOLDOWN = 120.0
#: A retry waits out a Retry-After up to this long; a longer lockout is raised at once.
DEFAULT_RETRY_AFTER_CAP = 60.0
_SAFE_METHODS = SAFE_METHODS
_RETRYABLE_STATUSES = frozenset({502, 503, 504})

ENV_API_KEY = "THREE_COMMAS_API_KEY"
ENV_API_SECRET = "THREE_COMMAS_API_SECRET"
ENV_PRIVATE_KEY_FILE = "THREE_COMMAS_PRIVATE_KEY_FILE"
ENV_BASE_URL = "THREE_COMMAS_BASE_URL"
ENV_PRIVATE_KEY_PASSWORD = "THREE_COMMAS_PRIVATE_KEY_PASSWORD"

logger = logging.getLogger("threecommas")
_DEFAULT_HEADERS = {"User-Agent": f"threecommas-sdk/{__version__}"}

T = TypeVar("T")
TimeoutTypes = float | httpx.Timeout | None


@dataclass(frozen=True)
class Call(Generic[T]):
    """One API call, ready to send: the generated request arguments and the parser of a success.

    `parse` turns a 2xx response into the result; it runs for nothing else.
    """

    request: dict[str, Any]
    parse: Callable[[httpx.Response], T]


class _Unset:
    """The default of a per-call option left out: the client's setting applies."""

    _instance: _Unset | None = None

    def __new__(cls) -> _Unset:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:  # what help() shows as the default
        return "NOT_GIVEN"

    def __bool__(self) -> bool:
        return False

    def __reduce__(self) -> str:
        return "_UNSET"


_UNSET: Any = _Unset()

_PEM_MARKER = "-----BEGIN"


def _read_private_key(private_key: object) -> tuple[bytes, str]:
    """The PEM bytes of `private_key`, and what it was (for messages that never show the key).

    PEM text or bytes are taken as they are; a `Path` (or any path-like) is read; a `str`
    without a PEM header is read as a path only when such a file exists: otherwise it may be
    a mangled key, and the message says what was expected without showing it."""
    if isinstance(private_key, bytes | bytearray | memoryview):
        data = bytes(private_key)
        if _PEM_MARKER.encode() not in data:
            raise ValueError(
                "private_key was given as bytes that are not PEM (no '-----BEGIN ...' line): "
                "pass the PEM text or bytes of the key, or a pathlib.Path to the PEM file"
            )
        return data, "PEM bytes"
    if isinstance(private_key, str):
        if _PEM_MARKER in private_key:
            try:
                return private_key.encode("utf-8"), "PEM text"
            except UnicodeEncodeError:
                raise ValueError("private_key: the PEM text holds invalid characters") from None
        if not private_key.strip() or not Path(private_key).is_file():
            raise ValueError(
                "private_key is neither PEM text (it has no '-----BEGIN ... PRIVATE KEY-----' "
                "line) nor the path of an existing file: pass the key's PEM text or bytes, "
                "or a pathlib.Path to the PEM file"
            )
        return _read_key_file(Path(private_key), show_path=False)
    if isinstance(private_key, os.PathLike):
        return _read_key_file(Path(private_key), show_path=True)
    raise TypeError(
        "private_key must be PEM text (str), PEM bytes or a pathlib.Path, "
        f"not {type(private_key).__name__}"
    )


def _read_key_file(path: Path, *, show_path: bool) -> tuple[bytes, str]:
    # A str that names no file may be a mangled key: only a Path is ever echoed.
    shown = f"file {str(path)!r}" if show_path else "file"
    try:
        data = path.expanduser().read_bytes()
    except OSError as exc:
        raise ValueError(
            f"private_key: the {shown} could not be read "
            f"({exc.strerror or type(exc).__name__}); pass a path to a PEM file, "
            "or the key's PEM text or bytes"
        ) from None
    if _PEM_MARKER.encode() not in data:
        raise ValueError(
            f"private_key: the {shown} is not a PEM private key (no '-----BEGIN' line)"
        )
    return data, shown


def _key_password(password: object, *, for_key: bool) -> bytes | None:
    """The password given as an argument, as bytes (None when not given)."""
    if password is None:
        return None
    if not for_key:
        raise ValueError("private_key_password is for an RSA private_key; none was given")
    if isinstance(password, str):
        try:
            return password.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError("private_key_password holds characters that are not text") from None
    if isinstance(password, bytes):
        return password
    raise TypeError(f"private_key_password must be a str or bytes, not {type(password).__name__}")


def _env_password(pem: bytes) -> bytes | None:
    # The environment's password serves encrypted keys only (PKCS#8 "ENCRYPTED PRIVATE KEY",
    # or PKCS#1 with "Proc-Type: 4,ENCRYPTED"), so that setting it never breaks a plain key.
    password = os.environ.get(ENV_PRIVATE_KEY_PASSWORD)
    if not password or b"ENCRYPTED" not in pem:
        return None
    return _key_password(password, for_key=True)


def _make_signer(
    api_secret: str | None,
    private_key: str | bytes | os.PathLike[str] | None,
    private_key_password: str | bytes | None = None,
) -> Signer:
    if api_secret is not None and private_key is not None:
        raise ValueError(
            "give either api_secret (system-generated key) or private_key (RSA), not both"
        )
    if api_secret is None and private_key is None:
        api_secret = os.environ.get(ENV_API_SECRET) or None
        key_file = os.environ.get(ENV_PRIVATE_KEY_FILE) or None
        if api_secret is not None and key_file is not None:
            raise ValueError(f"both {ENV_API_SECRET} and {ENV_PRIVATE_KEY_FILE} are set; keep one")
        if key_file is not None:
            private_key = Path(key_file)
    password = _key_password(private_key_password, for_key=private_key is not None)
    if api_secret is not None:
        if not isinstance(api_secret, str) or not api_secret:
            raise TypeError("api_secret must be a non-empty str")
        return HmacSigner(api_secret)
    if private_key is not None:
        data, source = _read_private_key(private_key)
        if password is None:
            password = _env_password(data)
        try:
            return RsaSigner(data, password)
        except ValueError as exc:  # fixed texts, never derived from the key
            raise ValueError(f"private_key ({source}): {exc}") from None
    raise ValueError(
        "no credentials: pass api_secret or private_key, or set "
        f"{ENV_API_SECRET} or {ENV_PRIVATE_KEY_FILE}"
    )


def _target(request: httpx.Request) -> str:
    return request.url.raw_path.decode("ascii", "replace")


def _sent(exc: httpx.RequestError) -> bool:
    """False only when the request certainly never reached the server: no connection could be
    made, or none came free in the pool. Anything later (a write, a read, a reset, a cut answer)
    may have happened after the server got the request."""
    return not isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout)


def _closed_error() -> ThreeCommasError:
    return ThreeCommasError(
        "the client is closed (close() was called, or its HTTP client was closed): "
        "create a new client to send requests"
    )


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


def _refused_locally(reason: BaseException | None, request: httpx.Request, left: float) -> APIError:
    """The error that started a lockout, again, for a request the client does not send."""
    method, path = request.method, _target(request)
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


@dataclass(frozen=True)
class _Policy:
    """How a client spends the API's budget and when it repeats a request."""

    rate_limit: RateLimit | None
    max_retries: int
    ban_cooldown: float
    retry_after_cap: float

    @classmethod
    def checked(
        cls,
        rate_limit: object,
        max_retries: object,
        ban_cooldown: object,
        retry_after_cap: object,
    ) -> _Policy:
        if rate_limit is not None and not isinstance(rate_limit, RateLimit):
            raise TypeError("rate_limit must be a threecommas.RateLimit or None")
        if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
            raise ValueError("max_retries must be an int >= 0")
        for name, value in (("ban_cooldown", ban_cooldown), ("retry_after_cap", retry_after_cap)):
            if isinstance(value, bool) or not isinstance(value, int | float) or not value >= 0:
                raise ValueError(f"{name} must be a number of seconds >= 0")
        return cls(rate_limit, max_retries, float(ban_cooldown), float(retry_after_cap))  # type: ignore[arg-type]


class _BaseClient:
    """Settings and the response handling that the sync and async clients share."""

    def __init__(
        self,
        api_key: str | None,
        api_secret: str | None,
        private_key: str | bytes | os.PathLike[str] | None,
        base_url: str | None,
        forced_mode: str | None,
        timeout: TimeoutTypes,
        body_separator: str,
        policy: _Policy,
        private_key_password: str | bytes | None = None,
    ) -> None:
        key = api_key if api_key is not None else os.environ.get(ENV_API_KEY)
        if not key:
            raise ValueError(f"no API key: pass api_key or set {ENV_API_KEY}")
        if not isinstance(key, str):
            raise TypeError("api_key must be a str")
        if base_url is None:
            base_url = os.environ.get(ENV_BASE_URL) or DEFAULT_BASE_URL
        if not isinstance(base_url, str) or not base_url.startswith(("http://", "https://")):
            raise ValueError("base_url must be an http:// or https:// URL")
        self._auth = ThreeCommasAuth(
            key,
            _make_signer(api_secret, private_key, private_key_password),
            body_separator=body_separator,
        )
        self._api_key = key
        self._base_url = base_url.rstrip("/")
        self._forced_mode = check_forced_mode(forced_mode)
        self._timeout = timeout
        self._policy = policy
        # In the process, or shared through the storage named by the rate limit.
        self._limiter: SlotLimiter | None
        self._lockout: LockoutState
        self._limiter, self._lockout = budget_for(policy.rate_limit, key)
        self._closed = False

    @property
    def base_url(self) -> str:
        return self._base_url

    @property
    def auth(self) -> ThreeCommasAuth:
        """The `httpx.Auth` that signs requests; usable with any httpx client."""
        return self._auth

    def _forced_mode_for(self, forced_mode: str | _Unset | None) -> ForcedMode | None:
        if isinstance(forced_mode, _Unset):
            return self._forced_mode
        return check_forced_mode(forced_mode)

    def _api_client_args(self) -> dict[str, Any]:
        return {
            "base_url": self._base_url,
            "token": self._api_key,
            "prefix": "",
            "auth_header_name": "Apikey",
            "httpx_args": {"auth": self._auth},
            "timeout": httpx.Timeout(self._timeout),
        }

    def _build(
        self,
        http: httpx.Client | httpx.AsyncClient,
        call: Call[Any],
        timeout: TimeoutTypes | _Unset,
    ) -> httpx.Request:
        spec = call.request
        # Text that UTF-8 cannot encode is a bad argument, named, before anything is sent.
        check_encodable(spec.get("params"))
        check_encodable(spec.get("json"))
        return http.build_request(
            spec["method"].upper(),
            self._base_url + spec["url"],
            params=spec.get("params"),
            headers=spec.get("headers"),
            json=spec.get("json"),
            content=spec.get("content"),
            timeout=self._timeout if isinstance(timeout, _Unset) else timeout,
        )

    def _transport_error(
        self, request: httpx.Request, exc: httpx.RequestError
    ) -> APIConnectionError:
        """The error for a request that got no answer; a change that may have reached the API
        is an `OutcomeUnknownError` (its timeouts an `OutcomeUnknownTimeoutError`)."""
        method, path = request.method, _target(request)
        sent = _sent(exc)
        timeout = isinstance(exc, httpx.TimeoutException)
        cause = type(exc).__name__ if timeout or not str(exc) else f"{type(exc).__name__}: {exc}"
        what = "timed out" if timeout else "failed"
        if sent and method not in _SAFE_METHODS:
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

    def _result(
        self, call: Call[T], request: httpx.Request, response: httpx.Response, started: float
    ) -> T:
        status = response.status_code
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "%s %s -> %s in %.1f ms",
                request.method,
                _target(request),
                status,
                (time.perf_counter() - started) * 1000,
            )
        if 200 <= status < 300:
            try:
                return call.parse(response)
            except _UNREADABLE_BODY as exc:
                body = response.content.decode("utf-8", "replace")
                method, path = request.method, _target(request)
                raise ResponseParseError(
                    f"{method} {path} -> HTTP {status}: the body is not what the API "
                    f"documents ({type(exc).__name__}: {exc}); body: {body[:200]!r}",
                    status_code=status,
                    body=body,
                    method=method,
                    path=path,
                ) from exc
        raise error_for_status(
            status,
            response.content.decode("utf-8", "replace"),
            method=request.method,
            path=_target(request),
            retry_after=parse_retry_after(response.headers.get("Retry-After")),
            ban_cooldown=self._policy.ban_cooldown,
            location=response.headers.get("Location"),
        )

    def _before_send(self, request: httpx.Request, http_closed: bool) -> float:
        """0 once the request may go (it then holds a rate-limit slot until `_after_send`), or
        the seconds to wait before asking again; raises while the API refuses this client, or
        once the client is closed."""
        if self._closed or http_closed:
            raise _closed_error()
        left, reason = self._lockout.remaining()
        if left > 0:
            if isinstance(reason, RateLimitError) and left <= self._policy.retry_after_cap:
                wait = left
            else:
                raise _refused_locally(reason, request, left)
        elif self._limiter is None:
            return 0.0
        else:
            wait = self._limiter.acquire()
        if wait > 0 and logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "%s %s waits %.3f s for the rate limit", request.method, _target(request), wait
            )
        return wait

    def _after_send(self) -> None:
        if self._limiter is not None:
            self._limiter.release()

    def _retry_delay(
        self, request: httpx.Request, error: ThreeCommasError, attempt: int
    ) -> float | None:
        """Seconds before the next attempt, or None when `error` must be raised now.

        A request that changes something (POST, PATCH, DELETE) is repeated only when it
        certainly did not reach the API (`error.sent` is false: the connection was never made)
        or when the API refused it for the rate limit; never after a timeout or a 5xx, where it
        may have been carried out. Reads are also repeated after timeouts, lost connections and
        502/503/504."""
        if isinstance(error, RateLimitError | IPBannedError):
            self._lockout.start(error.retry_after, error)
        if attempt >= self._policy.max_retries:
            return None
        safe = request.method in _SAFE_METHODS
        if isinstance(error, RateLimitError):
            if error.retry_after > self._policy.retry_after_cap:
                return None
            return error.retry_after + backoff_delay(attempt)
        if isinstance(error, APIConnectionError):
            return backoff_delay(attempt) if safe or not error.sent else None
        if isinstance(error, ServerError) and error.status_code in _RETRYABLE_STATUSES:
            return backoff_delay(attempt) if safe else None
        return None

    def _log_retry(
        self, request: httpx.Request, error: Exception, delay: float, attempt: int
    ) -> None:
        logger.debug(
            "%s %s: %s; retry %d of %d in %.2f s",
            request.method,
            _target(request),
            type(error).__name__,
            attempt + 1,
            self._policy.max_retries,
            delay,
        )

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self._base_url!r}, auth={self._auth!r})"


class ThreeCommas(_BaseClient):
    """Synchronous client of the 3Commas SmartTrade v2 API.

    Credentials come from the arguments or, when omitted, from the environment:
    `THREE_COMMAS_API_KEY`, and `THREE_COMMAS_API_SECRET` (system-generated key, HMAC) or
    `THREE_COMMAS_PRIVATE_KEY_FILE` (self-generated RSA key). `base_url` defaults to
    `THREE_COMMAS_BASE_URL`, else the production API. `private_key` is PEM text, PEM
    bytes or a `pathlib.Path`; an encrypted key takes `private_key_password` (or
    `THREE_COMMAS_PRIVATE_KEY_PASSWORD`). Every request is signed, also when it goes through an
    `http_client` of your own (for proxies, a custom transport, tests), and never follows a
    redirect, whatever that client's setting: a 3xx is a `RedirectError`.

    The signature covers the path, the query string and the JSON body exactly as sent. When a
    body goes without a query string, the docs disagree on what joins path and body: their HMAC
    example signs `path?{json}`, their RSA example `path{json}`. `body_separator` ("?" by
    default, or "") is that one switch.

        with ThreeCommas() as client:
            trade = client.smart_trades.close_trade_by_market(12345678, 1047934729)
    """

    def __init__(
        self,
        api_key: str | None = None,
        api_secret: str | None = None,
        *,
        private_key: str | bytes | os.PathLike[str] | None = None,
        base_url: str | None = None,
        forced_mode: str | None = None,
        timeout: TimeoutTypes = DEFAULT_TIMEOUT,
        http_client: httpx.Client | None = None,
        body_separator: str = BODY_SEPARATOR_QUESTION_MARK,
        rate_limit: RateLimit | None = DEFAULT_RATE_LIMIT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        ban_cooldown: float = DEFAULT_BAN_COOLDOWN,
        retry_after_cap: float = DEFAULT_RETRY_AFTER_CAP,
        private_key_password: str | bytes | None = None,
    ) -> None:
        policy = _Policy.checked(rate_limit, max_retries, ban_cooldown, retry_after_cap)
        super().__init__(
            api_key,
            api_secret,
            private_key,
            base_url,
            forced_mode,
            timeout,
            body_separator,
            policy,
            private_key_password,
        )
        if http_client is not None and not isinstance(http_client, httpx.Client):
            raise TypeError(
                "http_client must be an httpx.Client (use AsyncThreeCommas for httpx.AsyncClient)"
            )
        self._owns_http = http_client is None
        self._http = (
            http_client
            if http_client is not None
            else httpx.Client(timeout=timeout, headers=_DEFAULT_HEADERS)
        )
        self._api_client: AuthenticatedClient | None = None
        from threecommas._resources import SmartTrades

        self.smart_trades = SmartTrades(self)

    @property
    def api_client(self) -> AuthenticatedClient:
        """A generated `threecommas_api` client that signs its requests, for the low-level
        functions (`threecommas_api.api.smart_trades.*.sync_detailed(client=...)`)."""
        if self._api_client is None:
            from threecommas_api.client import AuthenticatedClient

            self._api_client = AuthenticatedClient(**self._api_client_args())
        return self._api_client

    def _execute(self, call: Call[T], timeout: TimeoutTypes | _Unset = _UNSET) -> T:
        if self._closed or self._http.is_closed:
            raise _closed_error()
        request = self._build(self._http, call, timeout)
        for attempt in itertools.count():
            while (wait := self._before_send(request, self._http.is_closed)) > 0:
                time.sleep(wait)
            started = time.perf_counter()
            try:
                try:
                    # Never follow a redirect, whatever the HTTP client's setting: the next hop
                    # would get the API key and a valid signature.
                    response = self._http.send(request, auth=self._auth, follow_redirects=False)
                except RuntimeError as exc:
                    if self._http.is_closed:  # closed by another thread meanwhile
                        raise _closed_error() from exc
                    raise
                finally:
                    self._after_send()
                return self._result(call, request, response, started)
            except httpx.RequestError as exc:
                error: ThreeCommasError = self._transport_error(request, exc)
                delay = self._retry_delay(request, error, attempt)
                if delay is None:
                    raise error from exc
            except APIError as exc:
                delay = self._retry_delay(request, exc, attempt)
                if delay is None:
                    raise
                error = exc
            self._log_retry(request, error, delay, attempt)
            time.sleep(delay)
        raise AssertionError("unreachable")

    def close(self) -> None:
        """Close the connections (of the internal HTTP client; yours stays open). Any call
        made afterwards raises `ThreeCommasError`."""
        self._closed = True
        if self._owns_http:
            self._http.close()
        if self._api_client is not None:
            self._api_client.get_httpx_client().close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncThreeCommas(_BaseClient):
    """Asynchronous client; the same surface as `ThreeCommas`, with awaitable methods.

    async with AsyncThreeCommas() as client:
        trade = await client.smart_trades.close_trade_by_market(12345678, 1047934729)
    """

    def __init__(
        self,
        api_key: str | None = None,
        api_secret: str | None = None,
        *,
        private_key: str | bytes | os.PathLike[str] | None = None,
        base_url: str | None = None,
        forced_mode: str | None = None,
        timeout: TimeoutTypes = DEFAULT_TIMEOUT,
        http_client: httpx.AsyncClient | None = None,
        body_separator: str = BODY_SEPARATOR_QUESTION_MARK,
        rate_limit: RateLimit | None = DEFAULT_RATE_LIMIT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        ban_cooldown: float = DEFAULT_BAN_COOLDOWN,
        retry_after_cap: float = DEFAULT_RETRY_AFTER_CAP,
        private_key_password: str | bytes | None = None,
    ) -> None:
        policy = _Policy.checked(rate_limit, max_retries, ban_cooldown, retry_after_cap)
        super().__init__(
            api_key,
            api_secret,
            private_key,
            base_url,
            forced_mode,
            timeout,
            body_separator,
            policy,
            private_key_password,
        )
        if http_client is not None and not isinstance(http_client, httpx.AsyncClient):
            raise TypeError(
                "http_client must be an httpx.AsyncClient (use ThreeCommas for httpx.Client)"
            )
        self._owns_http = http_client is None
        self._http = (
            http_client
            if http_client is not None
            else httpx.AsyncClient(timeout=timeout, headers=_DEFAULT_HEADERS)
        )
        self._api_client: AuthenticatedClient | None = None
        from threecommas._resources import AsyncSmartTrades

        self.smart_trades = AsyncSmartTrades(self)

    @property
    def api_client(self) -> AuthenticatedClient:
        """A generated `threecommas_api` client that signs its requests, for the low-level
        functions (`threecommas_api.api.smart_trades.*.asyncio_detailed(client=...)`)."""
        if self._api_client is None:
            from threecommas_api.client import AuthenticatedClient

            self._api_client = AuthenticatedClient(**self._api_client_args())
        return self._api_client

    async def _execute(self, call: Call[T], timeout: TimeoutTypes | _Unset = _UNSET) -> T:
        import asyncio  # here: sync users never pay for importing asyncio

        if self._closed or self._http.is_closed:
            raise _closed_error()
        request = self._build(self._http, call, timeout)
        for attempt in itertools.count():
            while (wait := self._before_send(request, self._http.is_closed)) > 0:
                await asyncio.sleep(wait)
            started = time.perf_counter()
            try:
                try:
                    # Never follow a redirect, whatever the HTTP client's setting: the next hop
                    # would get the API key and a valid signature.
                    response = await self._http.send(
                        request, auth=self._auth, follow_redirects=False
                    )
                except RuntimeError as exc:
                    if self._http.is_closed:  # closed by another task meanwhile
                        raise _closed_error() from exc
                    raise
                finally:
                    self._after_send()
                return self._result(call, request, response, started)
            except httpx.RequestError as exc:
                error: ThreeCommasError = self._transport_error(request, exc)
                delay = self._retry_delay(request, error, attempt)
                if delay is None:
                    raise error from exc
            except APIError as exc:
                delay = self._retry_delay(request, exc, attempt)
                if delay is None:
                    raise
                error = exc
            self._log_retry(request, error, delay, attempt)
            await asyncio.sleep(delay)
        raise AssertionError("unreachable")

    async def close(self) -> None:
        """Close the connections (of the internal HTTP client; yours stays open). Any call
        made afterwards raises `ThreeCommasError`."""
        self._closed = True
        if self._owns_http:
            await self._http.aclose()
        if self._api_client is not None:
            await self._api_client.get_async_httpx_client().aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()
