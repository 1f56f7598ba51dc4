from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any

import httpx

from ... import errors
from ... import types as _types
from ...models.currency_rates_with_leverage_data import CurrencyRatesWithLeverageData
from ...models.error import Error
from ...types import UNSET

if TYPE_CHECKING:
    from ...client import AuthenticatedClient, Client
    from ...types import Response


def build_request(
    *,
    market_code: str,
    pair: str,
) -> dict[str, Any]:
    """The arguments of `httpx.Client.request` for this operation (method, url, and params,
    headers and json when it has them); nothing is sent."""

    params: dict[str, Any] = {}

    params["market_code"] = market_code

    params["pair"] = pair

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/ver1/accounts/currency_rates_with_leverage_data",
        "params": params,
    }

    return _kwargs


_get_kwargs = build_request


def parse_response(
    response: httpx.Response, *, raise_on_unexpected_status: bool = False
) -> CurrencyRatesWithLeverageData | Error | None:
    """The documented answer of this operation read from `response`; None for an undocumented
    status, or `errors.UnexpectedStatus` when `raise_on_unexpected_status`."""
    if response.status_code == 200:
        response_200 = CurrencyRatesWithLeverageData.from_dict(response.json())

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
) -> CurrencyRatesWithLeverageData | Error | None:
    return parse_response(response, raise_on_unexpected_status=client.raise_on_unexpected_status)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CurrencyRatesWithLeverageData | Error]:
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
) -> Response[CurrencyRatesWithLeverageData | Error]:
    """Get the rates, the trading limits and the leverage of a pair

     What `get_currency_rates` answers (the prices of one pair on one market and the
    exchange's trading rules for it), with the leverage the pair allows on a futures
    exchange: `leverage_data`, one entry per leverage type (`cross`, `isolated`), each with
    its `max_leverage`. The newest create and edit pages send users here for the bounds of
    `position.units.value`, `position.price.value` and `leverage.value`. The limits apply as
    `get_currency_rates` describes; a leverage is at most the `max_leverage` of its type.

    Both doc versions type `market_code` (and the older one `pair`) as an integer while their
    example sends strings (`market_code=binance_futures_eea&pair=BNFCR_1INCHUSDT`); this
    document follows the example. The page shows no `limit_type` parameter. An unknown pair
    is answered 400 `{"error": "Unknown pair"}`. The docs say nothing of a pair without
    leverage (a spot pair); this document expects an empty `leverage_data` for it.

    Permission: NONE. Security: NONE.

    Args:
        market_code (str):
        pair (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CurrencyRatesWithLeverageData | Error]
    """

    kwargs = _get_kwargs(
        market_code=market_code,
        pair=pair,
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
) -> CurrencyRatesWithLeverageData | Error | None:
    """Get the rates, the trading limits and the leverage of a pair

     What `get_currency_rates` answers (the prices of one pair on one market and the
    exchange's trading rules for it), with the leverage the pair allows on a futures
    exchange: `leverage_data`, one entry per leverage type (`cross`, `isolated`), each with
    its `max_leverage`. The newest create and edit pages send users here for the bounds of
    `position.units.value`, `position.price.value` and `leverage.value`. The limits apply as
    `get_currency_rates` describes; a leverage is at most the `max_leverage` of its type.

    Both doc versions type `market_code` (and the older one `pair`) as an integer while their
    example sends strings (`market_code=binance_futures_eea&pair=BNFCR_1INCHUSDT`); this
    document follows the example. The page shows no `limit_type` parameter. An unknown pair
    is answered 400 `{"error": "Unknown pair"}`. The docs say nothing of a pair without
    leverage (a spot pair); this document expects an empty `leverage_data` for it.

    Permission: NONE. Security: NONE.

    Args:
        market_code (str):
        pair (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CurrencyRatesWithLeverageData | Error
    """

    return sync_detailed(
        client=client,
        market_code=market_code,
        pair=pair,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    market_code: str,
    pair: str,
) -> Response[CurrencyRatesWithLeverageData | Error]:
    """Get the rates, the trading limits and the leverage of a pair

     What `get_currency_rates` answers (the prices of one pair on one market and the
    exchange's trading rules for it), with the leverage the pair allows on a futures
    exchange: `leverage_data`, one entry per leverage type (`cross`, `isolated`), each with
    its `max_leverage`. The newest create and edit pages send users here for the bounds of
    `position.units.value`, `position.price.value` and `leverage.value`. The limits apply as
    `get_currency_rates` describes; a leverage is at most the `max_leverage` of its type.

    Both doc versions type `market_code` (and the older one `pair`) as an integer while their
    example sends strings (`market_code=binance_futures_eea&pair=BNFCR_1INCHUSDT`); this
    document follows the example. The page shows no `limit_type` parameter. An unknown pair
    is answered 400 `{"error": "Unknown pair"}`. The docs say nothing of a pair without
    leverage (a spot pair); this document expects an empty `leverage_data` for it.

    Permission: NONE. Security: NONE.

    Args:
        market_code (str):
        pair (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CurrencyRatesWithLeverageData | Error]
    """

    kwargs = _get_kwargs(
        market_code=market_code,
        pair=pair,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    market_code: str,
    pair: str,
) -> CurrencyRatesWithLeverageData | Error | None:
    """Get the rates, the trading limits and the leverage of a pair

     What `get_currency_rates` answers (the prices of one pair on one market and the
    exchange's trading rules for it), with the leverage the pair allows on a futures
    exchange: `leverage_data`, one entry per leverage type (`cross`, `isolated`), each with
    its `max_leverage`. The newest create and edit pages send users here for the bounds of
    `position.units.value`, `position.price.value` and `leverage.value`. The limits apply as
    `get_currency_rates` describes; a leverage is at most the `max_leverage` of its type.

    Both doc versions type `market_code` (and the older one `pair`) as an integer while their
    example sends strings (`market_code=binance_futures_eea&pair=BNFCR_1INCHUSDT`); this
    document follows the example. The page shows no `limit_type` parameter. An unknown pair
    is answered 400 `{"error": "Unknown pair"}`. The docs say nothing of a pair without
    leverage (a spot pair); this document expects an empty `leverage_data` for it.

    Permission: NONE. Security: NONE.

    Args:
        market_code (str):
        pair (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CurrencyRatesWithLeverageData | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            market_code=market_code,
            pair=pair,
        )
    ).parsed
