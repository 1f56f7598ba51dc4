from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any

import httpx

from ... import errors
from ... import types as _types
from ...models.account import Account
from ...models.error import Error
from ...models.forced_mode import ForcedMode
from ...types import UNSET, Unset

if TYPE_CHECKING:
    from ...client import AuthenticatedClient, Client
    from ...types import Response


def build_request(
    *,
    api_key: str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 100,
    forced_mode: ForcedMode | Unset = UNSET,
) -> dict[str, Any]:
    """The arguments of `httpx.Client.request` for this operation (method, url, and params,
    headers and json when it has them); nothing is sent."""
    headers: dict[str, Any] = {}
    if not isinstance(forced_mode, Unset):
        headers["Forced-Mode"] = str(forced_mode)

    params: dict[str, Any] = {}

    params["api_key"] = api_key

    params["page"] = page

    params["per_page"] = per_page

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/ver1/accounts",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


_get_kwargs = build_request


def parse_response(
    response: httpx.Response, *, raise_on_unexpected_status: bool = False
) -> Error | list[Account] | None:
    """The documented answer of this operation read from `response`; None for an undocumented
    status, or `errors.UnexpectedStatus` when `raise_on_unexpected_status`."""
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Account.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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
) -> Error | list[Account] | None:
    return parse_response(response, raise_on_unexpected_status=client.raise_on_unexpected_status)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | list[Account]]:
    return _types.Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    api_key: str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 100,
    forced_mode: ForcedMode | Unset = UNSET,
) -> Response[Error | list[Account]]:
    """List the exchange accounts

     One page of the exchange accounts (and wallets) connected to the user's 3Commas
    profile. The answer is a plain JSON array with no paging envelope: a page shorter than
    `per_page` is the last. Each account's `id` is the `account_id` a SmartTrade is created
    on, and its `market_code` is the code that `list_market_pairs` and
    `get_currency_rates` take.

    Permission: ACCOUNTS_READ. Security: SIGNED.

    Args:
        api_key (str | Unset):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 100.
        forced_mode (ForcedMode | Unset): Account mode to force for one request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Account]]
    """

    kwargs = _get_kwargs(
        api_key=api_key,
        page=page,
        per_page=per_page,
        forced_mode=forced_mode,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    api_key: str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 100,
    forced_mode: ForcedMode | Unset = UNSET,
) -> Error | list[Account] | None:
    """List the exchange accounts

     One page of the exchange accounts (and wallets) connected to the user's 3Commas
    profile. The answer is a plain JSON array with no paging envelope: a page shorter than
    `per_page` is the last. Each account's `id` is the `account_id` a SmartTrade is created
    on, and its `market_code` is the code that `list_market_pairs` and
    `get_currency_rates` take.

    Permission: ACCOUNTS_READ. Security: SIGNED.

    Args:
        api_key (str | Unset):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 100.
        forced_mode (ForcedMode | Unset): Account mode to force for one request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Account]
    """

    return sync_detailed(
        client=client,
        api_key=api_key,
        page=page,
        per_page=per_page,
        forced_mode=forced_mode,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    api_key: str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 100,
    forced_mode: ForcedMode | Unset = UNSET,
) -> Response[Error | list[Account]]:
    """List the exchange accounts

     One page of the exchange accounts (and wallets) connected to the user's 3Commas
    profile. The answer is a plain JSON array with no paging envelope: a page shorter than
    `per_page` is the last. Each account's `id` is the `account_id` a SmartTrade is created
    on, and its `market_code` is the code that `list_market_pairs` and
    `get_currency_rates` take.

    Permission: ACCOUNTS_READ. Security: SIGNED.

    Args:
        api_key (str | Unset):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 100.
        forced_mode (ForcedMode | Unset): Account mode to force for one request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Account]]
    """

    kwargs = _get_kwargs(
        api_key=api_key,
        page=page,
        per_page=per_page,
        forced_mode=forced_mode,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    api_key: str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 100,
    forced_mode: ForcedMode | Unset = UNSET,
) -> Error | list[Account] | None:
    """List the exchange accounts

     One page of the exchange accounts (and wallets) connected to the user's 3Commas
    profile. The answer is a plain JSON array with no paging envelope: a page shorter than
    `per_page` is the last. Each account's `id` is the `account_id` a SmartTrade is created
    on, and its `market_code` is the code that `list_market_pairs` and
    `get_currency_rates` take.

    Permission: ACCOUNTS_READ. Security: SIGNED.

    Args:
        api_key (str | Unset):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 100.
        forced_mode (ForcedMode | Unset): Account mode to force for one request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Account]
    """

    return (
        await asyncio_detailed(
            client=client,
            api_key=api_key,
            page=page,
            per_page=per_page,
            forced_mode=forced_mode,
        )
    ).parsed
