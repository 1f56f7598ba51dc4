from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any

import httpx

from ... import errors
from ... import types as _types
from ...models.currency_rates import CurrencyRates
from ...models.error import Error
from ...models.limit_type import LimitType
from ...types import UNSET, Unset

if TYPE_CHECKING:
    from ...client import AuthenticatedClient, Client
    from ...types import Response


def build_request(
    *,
    market_code: str,
    pair: str,
    limit_type: LimitType | Unset = UNSET,
) -> dict[str, Any]:
    """The arguments of `httpx.Client.request` for this operation (method, url, and params,
    headers and json when it has them); nothing is sent."""

    params: dict[str, Any] = {}

    params["market_code"] = market_code

    params["pair"] = pair

    json_limit_type: str | Unset = UNSET
    if not isinstance(limit_type, Unset):
        json_limit_type = limit_type.value

    params["limit_type"] = json_limit_type

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/ver1/accounts/currency_rates",
        "params": params,
    }

    return _kwargs


_get_kwargs = build_request


def parse_response(
    response: httpx.Response, *, raise_on_unexpected_status: bool = False
) -> CurrencyRates | Error | None:
    """The documented answer of this operation read from `response`; None for an undocumented
    status, or `errors.UnexpectedStatus` when `raise_on_unexpected_status`."""
    if response.status_code == 200:
        response_200 = CurrencyRates.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 418:
        response_418 = Error.from_dict(response.json())

        return response_418

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if response.status_code == 504:
        response_504 = Error.from_dict(response.json())

        return response_504

    if raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CurrencyRates | Error | None:
    return parse_response(response, raise_on_unexpected_status=client.raise_on_unexpected_status)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CurrencyRates | Error]:
    return _types.Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    market_code: str,
    pair: str,
    limit_type: LimitType | Unset = UNSET,
) -> Response[CurrencyRates | Error]:
    """Get the rates and the trading limits of a pair

     The current prices of one pair on one market, and the exchange's trading rules for it:
    price step and bounds, minimum lot and lot step, minimum and maximum order totals,
    maximum market order amounts. An order that breaks one of these rules is refused by the
    API with 422 `record_invalid` (the create page's example names `position.total` against
    `maxTotal` and `units_to_buy` against `maxLotSize`).

    How the limits apply (the docs name each field; how they combine is this document's
    reading, the one the SDK checks orders with):
    - `units` (base currency) at least `minLotSize`, at most `maxLotSize`, and a whole
      multiple of `lotStep`; for a market order also at most `maxMarketBuyAmount` (buy) or
      `maxMarketSellAmount` (sell);
    - `price` (quote currency, limit and conditional orders) between `minPrice` and
      `maxPrice`, and a whole multiple of `priceStep`;
    - the total, `units` × price (quote currency), at least `minTotal` and at most
      `maxTotal`; for a market order the price is the market's and the minimum is
      `minMarketTotal`.

    The newest page adds `limit_type`, whose `smart_trade` value returns the limits that
    apply to SmartTrades (the older page has no such parameter). Both pages type
    `market_code` (and the older one `pair`) as an integer, while their own examples send
    strings (`market_code=binance`, `pair=BTC_ETH`); this document follows the examples.
    The example request asks for `BTC_ETH` but the example answer is plainly a BTC priced
    in USDT (`orderbook_price_currency` USDT, last price 63802.44): the answer is kept as
    printed, and the recordings file it under `USDT_BTC`. (The older page's example
    request also names the `currency_rates_with_leverage_data` path: a copy slip.) The
    leverage a futures pair allows is in `get_currency_rates_with_leverage_data`.

    Public (Permission NONE, Security NONE in both doc versions), so it is sent unsigned.

    Permission: NONE. Security: NONE.

    Args:
        market_code (str):
        pair (str):
        limit_type (LimitType | Unset): Which tool's trading limits `get_currency_rates` returns.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CurrencyRates | Error]
    """

    kwargs = _get_kwargs(
        market_code=market_code,
        pair=pair,
        limit_type=limit_type,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    market_code: str,
    pair: str,
    limit_type: LimitType | Unset = UNSET,
) -> CurrencyRates | Error | None:
    """Get the rates and the trading limits of a pair

     The current prices of one pair on one market, and the exchange's trading rules for it:
    price step and bounds, minimum lot and lot step, minimum and maximum order totals,
    maximum market order amounts. An order that breaks one of these rules is refused by the
    API with 422 `record_invalid` (the create page's example names `position.total` against
    `maxTotal` and `units_to_buy` against `maxLotSize`).

    How the limits apply (the docs name each field; how they combine is this document's
    reading, the one the SDK checks orders with):
    - `units` (base currency) at least `minLotSize`, at most `maxLotSize`, and a whole
      multiple of `lotStep`; for a market order also at most `maxMarketBuyAmount` (buy) or
      `maxMarketSellAmount` (sell);
    - `price` (quote currency, limit and conditional orders) between `minPrice` and
      `maxPrice`, and a whole multiple of `priceStep`;
    - the total, `units` × price (quote currency), at least `minTotal` and at most
      `maxTotal`; for a market order the price is the market's and the minimum is
      `minMarketTotal`.

    The newest page adds `limit_type`, whose `smart_trade` value returns the limits that
    apply to SmartTrades (the older page has no such parameter). Both pages type
    `market_code` (and the older one `pair`) as an integer, while their own examples send
    strings (`market_code=binance`, `pair=BTC_ETH`); this document follows the examples.
    The example request asks for `BTC_ETH` but the example answer is plainly a BTC priced
    in USDT (`orderbook_price_currency` USDT, last price 63802.44): the answer is kept as
    printed, and the recordings file it under `USDT_BTC`. (The older page's example
    request also names the `currency_rates_with_leverage_data` path: a copy slip.) The
    leverage a futures pair allows is in `get_currency_rates_with_leverage_data`.

    Public (Permission NONE, Security NONE in both doc versions), so it is sent unsigned.

    Permission: NONE. Security: NONE.

    Args:
        market_code (str):
        pair (str):
        limit_type (LimitType | Unset): Which tool's trading limits `get_currency_rates` returns.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CurrencyRates | Error
    """

    return sync_detailed(
        client=client,
        market_code=market_code,
        pair=pair,
        limit_type=limit_type,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    market_code: str,
    pair: str,
    limit_type: LimitType | Unset = UNSET,
) -> Response[CurrencyRates | Error]:
    """Get the rates and the trading limits of a pair

     The current prices of one pair on one market, and the exchange's trading rules for it:
    price step and bounds, minimum lot and lot step, minimum and maximum order totals,
    maximum market order amounts. An order that breaks one of these rules is refused by the
    API with 422 `record_invalid` (the create page's example names `position.total` against
    `maxTotal` and `units_to_buy` against `maxLotSize`).

    How the limits apply (the docs name each field; how they combine is this document's
    reading, the one the SDK checks orders with):
    - `units` (base currency) at least `minLotSize`, at most `maxLotSize`, and a whole
      multiple of `lotStep`; for a market order also at most `maxMarketBuyAmount` (buy) or
      `maxMarketSellAmount` (sell);
    - `price` (quote currency, limit and conditional orders) between `minPrice` and
      `maxPrice`, and a whole multiple of `priceStep`;
    - the total, `units` × price (quote currency), at least `minTotal` and at most
      `maxTotal`; for a market order the price is the market's and the minimum is
      `minMarketTotal`.

    The newest page adds `limit_type`, whose `smart_trade` value returns the limits that
    apply to SmartTrades (the older page has no such parameter). Both pages type
    `market_code` (and the older one `pair`) as an integer, while their own examples send
    strings (`market_code=binance`, `pair=BTC_ETH`); this document follows the examples.
    The example request asks for `BTC_ETH` but the example answer is plainly a BTC priced
    in USDT (`orderbook_price_currency` USDT, last price 63802.44): the answer is kept as
    printed, and the recordings file it under `USDT_BTC`. (The older page's example
    request also names the `currency_rates_with_leverage_data` path: a copy slip.) The
    leverage a futures pair allows is in `get_currency_rates_with_leverage_data`.

    Public (Permission NONE, Security NONE in both doc versions), so it is sent unsigned.

    Permission: NONE. Security: NONE.

    Args:
        market_code (str):
        pair (str):
        limit_type (LimitType | Unset): Which tool's trading limits `get_currency_rates` returns.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CurrencyRates | Error]
    """

    kwargs = _get_kwargs(
        market_code=market_code,
        pair=pair,
        limit_type=limit_type,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    market_code: str,
    pair: str,
    limit_type: LimitType | Unset = UNSET,
) -> CurrencyRates | Error | None:
    """Get the rates and the trading limits of a pair

     The current prices of one pair on one market, and the exchange's trading rules for it:
    price step and bounds, minimum lot and lot step, minimum and maximum order totals,
    maximum market order amounts. An order that breaks one of these rules is refused by the
    API with 422 `record_invalid` (the create page's example names `position.total` against
    `maxTotal` and `units_to_buy` against `maxLotSize`).

    How the limits apply (the docs name each field; how they combine is this document's
    reading, the one the SDK checks orders with):
    - `units` (base currency) at least `minLotSize`, at most `maxLotSize`, and a whole
      multiple of `lotStep`; for a market order also at most `maxMarketBuyAmount` (buy) or
      `maxMarketSellAmount` (sell);
    - `price` (quote currency, limit and conditional orders) between `minPrice` and
      `maxPrice`, and a whole multiple of `priceStep`;
    - the total, `units` × price (quote currency), at least `minTotal` and at most
      `maxTotal`; for a market order the price is the market's and the minimum is
      `minMarketTotal`.

    The newest page adds `limit_type`, whose `smart_trade` value returns the limits that
    apply to SmartTrades (the older page has no such parameter). Both pages type
    `market_code` (and the older one `pair`) as an integer, while their own examples send
    strings (`market_code=binance`, `pair=BTC_ETH`); this document follows the examples.
    The example request asks for `BTC_ETH` but the example answer is plainly a BTC priced
    in USDT (`orderbook_price_currency` USDT, last price 63802.44): the answer is kept as
    printed, and the recordings file it under `USDT_BTC`. (The older page's example
    request also names the `currency_rates_with_leverage_data` path: a copy slip.) The
    leverage a futures pair allows is in `get_currency_rates_with_leverage_data`.

    Public (Permission NONE, Security NONE in both doc versions), so it is sent unsigned.

    Permission: NONE. Security: NONE.

    Args:
        market_code (str):
        pair (str):
        limit_type (LimitType | Unset): Which tool's trading limits `get_currency_rates` returns.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CurrencyRates | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            market_code=market_code,
            pair=pair,
            limit_type=limit_type,
        )
    ).parsed
