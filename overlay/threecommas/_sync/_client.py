# generated from overlay/threecommas/_async/_client.py by scripts/unasync.py — do not edit
"""The public client class, `ThreeCommas`."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Unpack

import httpx

from threecommas._base_client import DEFAULT_RATE_LIMIT, DEFAULT_TIMEOUT
from threecommas._clock import Clock, check_clock
from threecommas._constants import (
    BAN_COOLDOWN_S,
    DEFAULT_MAX_RETRIES,
    DEFAULT_RETRY_AFTER_CAP_S,
)
from threecommas._limits import RateLimit, limit_from_environment
from threecommas._policy import PolicySettings
from threecommas._signing import BODY_SEPARATOR_QUESTION_MARK
from threecommas._types import NOT_GIVEN, RequestOptions, TimeoutArg, TimeoutTypes

from ._api_client import SyncAPIClient

if TYPE_CHECKING:
    from threecommas._market_operations import KeyCheck

__all__ = ["ThreeCommas"]


class ThreeCommas(SyncAPIClient):
    """Synchronous client of the 3Commas SmartTrade v2 API.

    Credentials come from the arguments or, when omitted, from the environment:
    `THREE_COMMAS_API_KEY`, and `THREE_COMMAS_API_SECRET` (system-generated key, HMAC) or
    `THREE_COMMAS_PRIVATE_KEY_FILE` (self-generated RSA key). Without any, the client sends the
    public operations only (`client.market`); a signed one raises `MissingCredentialsError`.
    `base_url` defaults to `THREE_COMMAS_BASE_URL`, else the production API. `private_key` is
    PEM text, PEM bytes or a `pathlib.Path`; an encrypted key takes `private_key_password` (or
    `THREE_COMMAS_PRIVATE_KEY_PASSWORD`). Every request but a public one is signed, also when
    it goes through an `http_client` of your own (for proxies, a custom transport, tests), and
    never follows a redirect, whatever that client's setting: a 3xx is a `RedirectError`.

    The signature covers the path, the query string and the JSON body exactly as sent. When a
    body goes without a query string, the docs disagree on what joins path and body: their HMAC
    example signs `path?{json}`, their RSA example `path{json}`. `body_separator` ("?" by
    default, or "") is that one switch.

    `stream_url` is where the experimental `smart_trades.watch(source="websocket")` connects
    (a `ws://` or `wss://` URL). Left out: `wss://ws.3commas.io/websocket` with the production
    `base_url`, and with any other `base_url` its own host at `/websocket` (a fake server's
    `ws://127.0.0.1:PORT/websocket`), so a test client never subscribes at 3Commas.

    `rate_limit` is the budget the client keeps to (`RateLimit`; None: no limiter). Left at
    the documented 100 a minute, it becomes `RateLimit.for_plan(...)` of the plan that
    `THREE_COMMAS_PLAN` names (`starter`, `pro`, `expert`), when that is set.

    `clock` (a `threecommas.Clock`; the real one by default) is the time the client's rate
    limiter, lockouts, retry waits and watches run on, `wait_for`'s `timeout` and `watch`'s
    `duration` included: hand a test's or a backtest's clock here rather than patching `time`.

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
        ban_cooldown: float = BAN_COOLDOWN_S,
        retry_after_cap: float = DEFAULT_RETRY_AFTER_CAP_S,
        stream_url: str | None = None,
        private_key_password: str | bytes | None = None,
        clock: Clock | None = None,
    ) -> None:
        rate_limit = limit_from_environment(rate_limit, DEFAULT_RATE_LIMIT)
        settings = PolicySettings.checked(rate_limit, max_retries, ban_cooldown, retry_after_cap)
        super().__init__(
            api_key,
            api_secret,
            private_key,
            base_url,
            forced_mode,
            timeout,
            body_separator,
            settings,
            private_key_password,
            stream_url,
            check_clock(clock),
        )
        self._open(http_client)
        # Imported here: `import threecommas` stays light until a client is made.
        from .resources import Accounts, Market, SmartTrades

        self.smart_trades = SmartTrades(self)
        self.accounts = Accounts(self)
        self.market = Market(self)

    def validate(
        self, *, timeout: TimeoutArg = NOT_GIVEN, **options: Unpack[RequestOptions]
    ) -> bool:
        """Check the API key and the signature (`GET /ver1/validate`): True, or
        `AuthenticationError` with the API's message. Needs credentials."""
        from threecommas._market_operations import validate_key

        return self._execute(validate_key(), timeout, options)

    def check_key(
        self, *, timeout: TimeoutArg = NOT_GIVEN, **options: Unpack[RequestOptions]
    ) -> KeyCheck:
        """`validate`, telling more: a `KeyCheck` with `valid`, the `key_type` in use (`"hmac"`
        or `"rsa"`) and the `clock_offset` of the server's `Date` header against this machine's
        clock, in seconds: 0.0 within what the header's whole seconds and the round trip allow
        (`clock_offset_range`), else the least offset they prove. `AuthenticationError` with
        the API's message when refused."""
        from threecommas._market_operations import check_key

        return self._execute(check_key(self._key_type()), timeout, options)
