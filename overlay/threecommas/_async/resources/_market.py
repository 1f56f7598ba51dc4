"""`client.accounts` (the exchange accounts, signed) and `client.market` (markets, pairs, rates
and limits: public operations, sent unsigned, callable without credentials)."""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Unpack

from threecommas._constants import ITER_ALL_PER_PAGE
from threecommas._options import check_options
from threecommas._pagination import PageWalk
from threecommas._resource import LazyModule, Namespace
from threecommas._types import NOT_GIVEN, ForcedModeArg, RequestOptions, TimeoutArg
from threecommas._validation import check_timeout

from .._api_client import AsyncAPIClient
from .._paginator import pages

if TYPE_CHECKING:
    import threecommas._market_operations as mops
    from threecommas_api.models import market as market_model
    from threecommas_api.models.account import Account
    from threecommas_api.models.account_balance import AccountBalance
    from threecommas_api.models.currency_rates import CurrencyRates
    from threecommas_api.models.currency_rates_with_leverage_data import (
        CurrencyRatesWithLeverageData,
    )
    from threecommas_api.models.forced_mode import ForcedMode
    from threecommas_api.models.limit_type import LimitType
else:
    mops = LazyModule("threecommas._market_operations")

__all__ = ["AsyncAccounts", "AsyncMarket"]


class AsyncAccounts(Namespace):
    """`client.accounts`: the exchange accounts (and wallets) connected to the 3Commas profile.

    Signed: the client needs credentials. Each method checks its arguments before anything is
    sent and takes `forced_mode`, `timeout`, `extra_headers` and `extra_query` for that
    call only.
    """

    _client: AsyncAPIClient

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def list(
        self,
        *,
        api_key: str | None = None,
        page: int | None = None,
        per_page: int | None = None,
        forced_mode: ForcedModeArg = NOT_GIVEN,
        timeout: TimeoutArg = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[Account]:
        """One page of the exchange accounts; each `id` is an `account_id` for `create`.

        Args:
            api_key: only the account connected with this EXCHANGE API key (not the 3Commas
                key the client signs with).
            page: page number, from 1 (1 when left out).
            per_page: accounts per page (the API's default when left out).

        Raises:
            AuthenticationError: the key or the signature was refused.
        """
        call = mops.list_accounts(api_key, page, per_page, self._mode(forced_mode))
        return await self._client._execute(call, timeout, options)

    def iter_all(
        self,
        *,
        api_key: str | None = None,
        page: int | None = None,
        per_page: int = ITER_ALL_PER_PAGE,
        forced_mode: ForcedModeArg = NOT_GIVEN,
        timeout: TimeoutArg = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> AsyncIterator[Account]:
        """Every account, page after page from `page` (1 when None), one request per page;
        the walk ends at a page shorter than `per_page`. Arguments are checked at the call."""
        self._client._refuse_raw("iter_all")
        walk = PageWalk.checked("list_accounts", page, per_page)
        mode = self._mode(forced_mode)
        checked_timeout = check_timeout(timeout)
        checked_options = check_options(options)
        mops.list_accounts(api_key, walk.first, walk.per_page, mode)  # checks api_key now
        return self._walk(api_key, walk, mode, checked_timeout, checked_options)

    async def _walk(
        self,
        api_key: str | None,
        walk: PageWalk,
        mode: ForcedMode | None,
        timeout: TimeoutArg,
        options: RequestOptions,
    ) -> AsyncIterator[Account]:
        async def fetch(page: int) -> builtins.list[Account]:
            call = mops.list_accounts(api_key, page, walk.per_page, mode)
            return await self._client._execute(call, timeout, options)

        async for batch in pages(walk, fetch):
            for account in batch:
                yield account

    async def get(
        self,
        account_id: int,
        *,
        forced_mode: ForcedModeArg = NOT_GIVEN,
        timeout: TimeoutArg = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> Account:
        """One exchange account: its `market_code` (for `client.market`), whether it takes
        SmartTrades (`smart_trading_supported`), its balances.

        Args:
            account_id: ID of the account.

        Raises:
            NotFoundError: no such account.
        """
        call = mops.get_account(account_id, self._mode(forced_mode))
        return await self._client._execute(call, timeout, options)

    async def balances(
        self,
        account_id: int,
        *,
        forced_mode: ForcedModeArg = NOT_GIVEN,
        timeout: TimeoutArg = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[AccountBalance]:
        """The account's balances table: one row per currency, with the whole balance
        (`position`), the free part (`position_available`) and what orders hold (`on_orders`).
        The figures are numbers or decimal strings as the API sends them: read them with
        `Decimal(str(value))`.

        Args:
            account_id: ID of the account.

        Raises:
            NotFoundError: no such account.
        """
        call = mops.get_account_balances(account_id, self._mode(forced_mode))
        return await self._client._execute(call, timeout, options)

    async def load_balances(
        self,
        account_id: int,
        *,
        forced_mode: ForcedModeArg = NOT_GIVEN,
        timeout: TimeoutArg = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> Account:
        """Have 3Commas read the account's balances from the exchange again; the account.

        Args:
            account_id: ID of the account.

        Raises:
            NotFoundError: no such account.
            UnprocessableEntityError: the exchange refused the account's API keys
                (`invalid_api_key`).
        """
        call = mops.load_balances(account_id, self._mode(forced_mode))
        return await self._client._execute(call, timeout, options)


class AsyncMarket(Namespace):
    """`client.market`: the supported markets, their pairs, a pair's rates and trading limits.

    Public operations: sent unsigned, and callable on a client made without credentials
    (`AsyncThreeCommas()`).
    """

    _client: AsyncAPIClient

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def markets(
        self, *, timeout: TimeoutArg = NOT_GIVEN, **options: Unpack[RequestOptions]
    ) -> builtins.list[market_model.Market]:
        """The markets (exchanges) 3Commas supports, each with its `market_code`."""
        return await self._client._execute(mops.list_markets(), timeout, options)

    async def pairs(
        self,
        market_code: str,
        *,
        timeout: TimeoutArg = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[str]:
        """The pairs of a market, in 3Commas notation (`USDT_BTC`: quote, then base).

        Args:
            market_code: the market's code (`binance`; an account's `market_code`).
        """
        call = mops.list_market_pairs(market_code)
        return await self._client._execute(call, timeout, options)

    async def currency_rates(
        self,
        pair: str,
        market_code: str,
        limit_type: LimitType | str | None = "smart_trade",
        *,
        timeout: TimeoutArg = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> CurrencyRates:
        """The prices of a pair and its trading limits (minimum lot, lot and price steps,
        minimum total...); `threecommas.OrderLimits.from_currency_rates` reads the limits.

        Args:
            pair: the pair in 3Commas notation (`USDT_BTC`).
            market_code: the market's code (`binance`).
            limit_type: `"smart_trade"` (the limits of SmartTrades, the default) or `"bot"`.
        """
        call = mops.currency_rates(pair, market_code, limit_type)
        return await self._client._execute(call, timeout, options)

    async def currency_rates_with_leverage_data(
        self,
        pair: str,
        market_code: str,
        *,
        timeout: TimeoutArg = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> CurrencyRatesWithLeverageData:
        """The prices and trading limits of a pair with the leverage it allows on a futures
        exchange: `leverage_data`, one entry per leverage type (`code`: `"cross"`,
        `"isolated"`), each with its `max_leverage`.

        The newest create and edit pages of the docs send users here for `units`, `price` and
        `leverage.value`; `smart_trades.create(..., check_limits=True)` checks a leverage
        against it.

        Args:
            pair: the pair in 3Commas notation (`USDT_BTC`).
            market_code: the market's code (`binance_futures_eea`).

        Raises:
            BadRequestError: an unknown market or pair (`Unknown pair`).

        Returns:
            The rates, limits and leverage data; `leverage_data` is empty for a pair that takes
            no leverage (a spot pair).
        """
        call = mops.currency_rates_with_leverage_data(pair, market_code)
        return await self._client._execute(call, timeout, options)
