"""What the sync and the async clients share: settings, credentials, the request policy, and
the request built from a `Call`. Nothing here sends; `_async/_api_client.py` (and its generated
sync twin) does.
"""

from __future__ import annotations

import copy
import os
import ssl
import threading
from typing import Any, Self

import httpx

from threecommas._clock import SYSTEM_CLOCK, Clock
from threecommas._constants import (
    BUDGET_PERIOD_S,
    BUDGET_REQUESTS,
    DEFAULT_BASE_URL,
    DEFAULT_CONNECT_TIMEOUT_S,
    DEFAULT_READ_TIMEOUT_S,
    ENV_API_KEY,
    ENV_BASE_URL,
)
from threecommas._credentials import make_signer
from threecommas._exceptions import MissingCredentialsError
from threecommas._limits import Lockout, RateLimit, RateLimiter
from threecommas._limits_cache import LimitsCache
from threecommas._options import check_options, merge_options
from threecommas._policy import PolicySettings, RequestPolicy
from threecommas._response import APIResponse
from threecommas._signing import RsaSigner, Signer, ThreeCommasAuth
from threecommas._storage import LockoutState, SlotLimiter
from threecommas._types import (
    NOT_GIVEN,
    Call,
    ForcedModeArg,
    RequestOptions,
    TimeoutArg,
    TimeoutTypes,
    _Unset,
)
from threecommas._validation import check_encodable, check_forced_mode, check_timeout
from threecommas._version import __version__
from threecommas_api.models.forced_mode import ForcedMode

__all__ = [
    "DEFAULT_HEADERS",
    "DEFAULT_RATE_LIMIT",
    "DEFAULT_TIMEOUT",
    "BaseClient",
    "wrong_http_client",
]

#: The documented general budget: 100 requests a minute.
#: Left at it, a client takes the plan `THREE_COMMAS_PLAN` names, when that is set.
DEFAULT_RATE_LIMIT = RateLimit(requests=BUDGET_REQUESTS, period=BUDGET_PERIOD_S)
#: 5 s to connect, 30 s for the rest.
DEFAULT_TIMEOUT = httpx.Timeout(DEFAULT_READ_TIMEOUT_S, connect=DEFAULT_CONNECT_TIMEOUT_S)
# The budget key of a client without credentials (its requests are public ones).
_ANONYMOUS = "anonymous"
DEFAULT_HEADERS = {"User-Agent": f"threecommas-sdk/{__version__}"}


def budget_for(
    limit: RateLimit | None,
    api_key: str,
    clock: Clock = SYSTEM_CLOCK,
    *,
    asynchronous: bool = False,
) -> tuple[SlotLimiter | None, LockoutState]:
    """The limiter (None without a rate limit) and the lockout that a client uses; in the
    process they run on `clock` (a shared storage keeps its own time). An `asynchronous`
    client's budget in Redis answers with coroutines (redis.asyncio)."""
    if limit is None:
        return None, Lockout(clock=clock.monotonic)
    if limit.storage is None:
        return RateLimiter(limit, clock=clock.monotonic), Lockout(clock=clock.monotonic)
    try:
        from threecommas._redis import AsyncRedisBudget, RedisBudget
    except ImportError as exc:
        raise ImportError(
            "RateLimit(storage=...) needs the redis package: pip install 'threecommas-sdk[redis]'"
        ) from exc
    from threecommas._storage import check_storage_for

    check_storage_for(limit.storage, asynchronous)
    if asynchronous:
        shared = AsyncRedisBudget(limit, api_key)
        return shared.limiter, shared.lockout
    budget = RedisBudget(limit, api_key)
    return budget.limiter, budget.lockout


def _make_limits(
    settings: PolicySettings, api_key: str, clock: Clock, asynchronous: bool
) -> tuple[SlotLimiter | None, LockoutState]:
    """The rate limiter and the lockout of a new client (the one place that makes them): in the
    process, or shared through the storage that the rate limit names (Redis)."""
    return budget_for(settings.rate_limit, api_key, clock, asynchronous=asynchronous)


_ssl_contexts: dict[tuple[str, str], ssl.SSLContext] = {}
_ssl_lock = threading.Lock()


def default_ssl_context() -> ssl.SSLContext:
    """The certificate check an `httpx.Client()` makes by default (certifi's bundle, or
    `SSL_CERT_FILE` / `SSL_CERT_DIR`), made once per process for each of those settings and
    shared by the HTTP clients the SDK makes: loading the bundle costs tens of milliseconds,
    which every new client (a test's, a short script's) would pay again."""
    key = (os.environ.get("SSL_CERT_FILE", ""), os.environ.get("SSL_CERT_DIR", ""))
    with _ssl_lock:
        context = _ssl_contexts.get(key)
        if context is None:
            context = _ssl_contexts[key] = httpx.create_ssl_context()
        return context


def wrong_http_client(expected: type[httpx.Client] | type[httpx.AsyncClient]) -> TypeError:
    """The error for an `http_client` of the other kind than the client's."""
    if expected is httpx.Client:
        return TypeError(
            "http_client must be an httpx.Client (use AsyncThreeCommas for httpx.AsyncClient)"
        )
    return TypeError("http_client must be an httpx.AsyncClient (use ThreeCommas for httpx.Client)")


class BaseClient:
    """Settings and the request building that the sync and async clients share."""

    # Set by the sending half (`_open`): whether `close` closes the HTTP client, and the
    # generated low-level client once made.
    _owns_http: bool
    _api_client: Any
    # Whether the client awaits its budget's steps (a budget in Redis is then redis.asyncio).
    _asynchronous = False

    def __init__(
        self,
        api_key: str | None,
        api_secret: str | None,
        private_key: str | bytes | os.PathLike[str] | None,
        base_url: str | None,
        forced_mode: str | None,
        timeout: TimeoutTypes,
        body_separator: str,
        settings: PolicySettings,
        private_key_password: str | bytes | None = None,
        stream_url: str | None = None,
        clock: Clock = SYSTEM_CLOCK,
    ) -> None:
        key = api_key if api_key is not None else os.environ.get(ENV_API_KEY)
        anonymous = not key and api_secret is None and private_key is None
        if not key and not anonymous:
            raise ValueError(f"no API key: pass api_key or set {ENV_API_KEY}")
        if key is not None and not isinstance(key, str):
            raise TypeError("api_key must be a str")
        if base_url is None:
            base_url = os.environ.get(ENV_BASE_URL) or DEFAULT_BASE_URL
        if not isinstance(base_url, str) or not base_url.startswith(("http://", "https://")):
            raise ValueError("base_url must be an http:// or https:// URL")
        # Without any credentials the client sends only the public (unsigned) operations; a
        # signed one raises `MissingCredentialsError` before anything is sent.
        self._auth: ThreeCommasAuth | None = None
        if key:
            self._auth = ThreeCommasAuth(
                key,
                make_signer(api_secret, private_key, private_key_password),
                body_separator=body_separator,
            )
        self._api_key = key or ""
        self._base_url = base_url.rstrip("/")
        if stream_url is not None:
            from threecommas._stream import check_stream_url  # the stream's code, when used

            stream_url = check_stream_url(stream_url)
        self._stream_url = stream_url
        self._forced_mode = check_forced_mode(forced_mode)
        self._timeout = timeout
        self._phases: dict[str, float | None] | None = None  # `_timeout` for httpx, made once
        self._clock = clock
        limits = _make_limits(settings, key or _ANONYMOUS, clock, self._asynchronous)
        self._policy = RequestPolicy(settings, *limits, clock)
        self._closed = False
        # Whether `close` closes the budget's storage connections (a copy shares them).
        self._owns_budget = True
        self._raw = False
        self._limits_cache = LimitsCache()

    def with_options(
        self,
        *,
        timeout: TimeoutTypes | _Unset = NOT_GIVEN,
        max_retries: int | _Unset = NOT_GIVEN,
        forced_mode: ForcedModeArg = NOT_GIVEN,
    ) -> Self:
        """A copy of this client with other defaults, for the calls made through it.

        The copy shares the connections, the rate limiter and the lockouts with this client
        (one budget, one pool); closing the copy leaves them open, closing this client closes
        them for both. Options left out keep this client's setting.

            patient = client.with_options(timeout=60, max_retries=5)
            paper = client.with_options(forced_mode="paper")
        """
        other = self._copy()
        if not isinstance(timeout, _Unset):
            checked = check_timeout(timeout)
            other._timeout = None if isinstance(checked, _Unset) else checked
            other._phases = None
        if not isinstance(max_retries, _Unset):
            policy = self._policy
            settings = PolicySettings.checked(
                policy.settings.rate_limit,
                max_retries,
                policy.settings.ban_cooldown,
                policy.settings.retry_after_cap,
            )
            other._policy = RequestPolicy(settings, policy.limiter, policy.lockout, policy.clock)
        if not isinstance(forced_mode, _Unset):
            other._forced_mode = check_forced_mode(forced_mode)
        return other

    @property
    def with_raw_response(self) -> Any:
        """This client, but every method returns an `APIResponse`: the status, the headers
        and the body of the answer, with `.parse()` for the typed result (async methods stay
        awaitable). Shares everything with this client.

            raw = client.with_raw_response.smart_trades.get(12345678)
            raw.headers["Date"], raw.status_code
            smart_trade = raw.parse()
        """
        other = self._copy()
        other._raw = True
        return other

    def _copy(self) -> Self:
        """A shallow copy that uses this client's connections, limiter and lockouts but does
        not own them, with its own resource namespaces."""
        other = copy.copy(self)
        other._owns_http = False
        other._owns_budget = False
        other._api_client = None
        for name, value in list(vars(self).items()):
            if getattr(value, "_client", None) is self:  # a resource namespace: made anew
                setattr(other, name, type(value)(other))
        return other

    def _budget_closer(self) -> Any:
        """What closes the Redis connection pool the client made from a `storage` URL (one
        handed to it stays open; an async client's is a coroutine function); None for a budget
        kept in the process, or one this client does not own."""
        close = getattr(self._policy.limiter, "close", None)
        return close if self._owns_budget else None

    def _raw_or(self, call: Call[Any]) -> Call[Any]:
        """`call`, or (for `with_raw_response`) the same call answering its `APIResponse`."""
        if not self._raw:
            return call
        parse = call.parse
        return Call(
            call.request,
            lambda response: APIResponse(response, parse),
            signed=call.signed,
            operation_id=call.operation_id,
        )

    def _refuse_raw(self, method: str) -> None:
        if self._raw:
            raise TypeError(
                f"{method} has no raw form (it makes one request per page): use list(page=...) "
                "through with_raw_response"
            )

    @property
    def base_url(self) -> str:
        """The API's base URL requests go to, ending with `/public/api`."""
        return self._base_url

    @property
    def clock(self) -> Clock:
        """The clock this client's limiter, lockouts, retries and watches run on."""
        return self._clock

    @property
    def stream_url(self) -> str:
        """Where `watch(source="websocket")` connects: the `stream_url` given, else 3Commas'
        stream for the production API, else the base URL's host at `/websocket` (`ws://`, or
        `wss://` for https): a fake server's own stream."""
        from threecommas._stream import stream_url_for

        return stream_url_for(self._base_url, self._stream_url)

    @property
    def auth(self) -> ThreeCommasAuth:
        """The `httpx.Auth` that signs requests; usable with any httpx client."""
        return self._signing_auth("auth")

    @property
    def has_credentials(self) -> bool:
        """Whether the client can sign (False: only the public operations can be called)."""
        return self._auth is not None

    def _signing_auth(self, what: str) -> ThreeCommasAuth:
        if self._auth is None:
            raise MissingCredentialsError(
                f"{what} needs an API key and its secret or private key: this client has no "
                f"credentials (pass api_key and api_secret or private_key, or set {ENV_API_KEY}); "
                "without them only the public market data can be read"
            )
        return self._auth

    def _stream_credentials(self, what: str) -> tuple[str, Signer]:
        """The API key and the signer the stream's subscription is signed with."""
        auth = self._signing_auth(what)
        return auth._api_key, auth._signer

    def _key_type(self) -> str:
        """`"hmac"` (system-generated key) or `"rsa"` (self-generated); "none" without a key."""
        if self._auth is None:
            return "none"
        return "rsa" if isinstance(self._auth._signer, RsaSigner) else "hmac"

    def _auth_for(self, call: Call[Any]) -> ThreeCommasAuth | None:
        """The signing of `call` (None for a public operation, sent unsigned)."""
        if not call.signed:
            return None
        return self._signing_auth(call.operation_id or "this operation")

    def _forced_mode_for(self, forced_mode: ForcedModeArg) -> ForcedMode | None:
        if isinstance(forced_mode, _Unset):
            return self._forced_mode
        return check_forced_mode(forced_mode)

    def _api_client_args(self) -> dict[str, Any]:
        return {
            "base_url": self._base_url,
            "token": self._api_key,
            "prefix": "",
            "auth_header_name": "Apikey",
            "httpx_args": {"auth": self._signing_auth("api_client")},
            "timeout": httpx.Timeout(self._timeout),
            "verify_ssl": default_ssl_context(),
        }

    def _build(
        self,
        http: httpx.Client | httpx.AsyncClient,
        call: Call[Any],
        timeout: TimeoutArg,
        options: RequestOptions | None = None,
    ) -> httpx.Request:
        spec = call.request
        if options:
            spec = merge_options(spec, call.operation_id, check_options(options))
        params, body = spec.get("params"), spec.get("json")
        # Text that UTF-8 cannot encode is a bad argument, named, before anything is sent.
        check_encodable(params)
        check_encodable(body)
        if isinstance(timeout, _Unset):
            phases = self._phases
            if phases is None:
                phases = self._phases = httpx.Timeout(self._timeout).as_dict()
        else:
            phases = httpx.Timeout(timeout).as_dict()
        return http.build_request(
            spec["method"].upper(),
            self._base_url + spec["url"],
            params=params,
            headers=spec.get("headers"),
            json=body,
            content=spec.get("content"),
            # The timeout as httpx keeps it on the request, made once per client instead of
            # an httpx.Timeout per request; each request gets its own copy.
            extensions={"timeout": phases.copy()},
        )

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self._base_url!r}, auth={self._auth!r})"
