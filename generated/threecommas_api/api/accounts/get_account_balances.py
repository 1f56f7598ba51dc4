from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx

from ... import errors
from ... import types as _types
from ...models.account_balance import AccountBalance
from ...models.error import Error
from ...models.forced_mode import ForcedMode
from ...types import UNSET, Unset

if TYPE_CHECKING:
    from ...client import AuthenticatedClient, Client
    from ...types import Response


def build_request(
    account_id: int,
    *,
    forced_mode: ForcedMode | Unset = UNSET,
) -> dict[str, Any]:
    """The arguments of `httpx.Client.request` for this operation (method, url, and params,
    headers and json when it has them); nothing is sent."""
    headers: dict[str, Any] = {}
    if not isinstance(forced_mode, Unset):
        headers["Forced-Mode"] = str(forced_mode)

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/ver1/accounts/{account_id}/account_table_data".format(
            account_id=str(account_id)
            if type(account_id) is int
            else quote(str(account_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


_get_kwargs = build_request


def parse_response(
    response: httpx.Response, *, raise_on_unexpected_status: bool = False
) -> Error | list[AccountBalance] | None:
    """The documented answer of this operation read from `response`; None for an undocumented
    status, or `errors.UnexpectedStatus` when `raise_on_unexpected_status`."""
    if response.status_code == 201:
        response_201 = []
        _response_201 = response.json()
        for response_201_item_data in _response_201:
            response_201_item = AccountBalance.from_dict(response_201_item_data)

            response_201.append(response_201_item)

        return response_201

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
) -> Error | list[AccountBalance] | None:
    return parse_response(response, raise_on_unexpected_status=client.raise_on_unexpected_status)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | list[AccountBalance]]:
    return _types.Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    account_id: int,
    *,
    client: AuthenticatedClient,
    forced_mode: ForcedMode | Unset = UNSET,
) -> Response[Error | list[AccountBalance]]:
    """The balances of an exchange account

     The account's balance of each currency, as the 3Commas balances table shows it: the
    whole `position`, what is free (`position_available`) and what is held by orders
    (`on_orders`), with their values in BTC and USD. A read, although sent as a POST with no
    body; the docs label the answer "201 Created". The docs type every figure as a string
    while their examples send numbers, so both are accepted. (`summary` in place of the ID
    sums the accounts marked `available_include_in_summary`; not described here.)

    Permission: ACCOUNTS_READ. Security: SIGNED.

    Args:
        account_id (int):
        forced_mode (ForcedMode | Unset): Account mode to force for one request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[AccountBalance]]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        forced_mode=forced_mode,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    account_id: int,
    *,
    client: AuthenticatedClient,
    forced_mode: ForcedMode | Unset = UNSET,
) -> Error | list[AccountBalance] | None:
    """The balances of an exchange account

     The account's balance of each currency, as the 3Commas balances table shows it: the
    whole `position`, what is free (`position_available`) and what is held by orders
    (`on_orders`), with their values in BTC and USD. A read, although sent as a POST with no
    body; the docs label the answer "201 Created". The docs type every figure as a string
    while their examples send numbers, so both are accepted. (`summary` in place of the ID
    sums the accounts marked `available_include_in_summary`; not described here.)

    Permission: ACCOUNTS_READ. Security: SIGNED.

    Args:
        account_id (int):
        forced_mode (ForcedMode | Unset): Account mode to force for one request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[AccountBalance]
    """

    return sync_detailed(
        account_id=account_id,
        client=client,
        forced_mode=forced_mode,
    ).parsed


async def asyncio_detailed(
    account_id: int,
    *,
    client: AuthenticatedClient,
    forced_mode: ForcedMode | Unset = UNSET,
) -> Response[Error | list[AccountBalance]]:
    """The balances of an exchange account

     The account's balance of each currency, as the 3Commas balances table shows it: the
    whole `position`, what is free (`position_available`) and what is held by orders
    (`on_orders`), with their values in BTC and USD. A read, although sent as a POST with no
    body; the docs label the answer "201 Created". The docs type every figure as a string
    while their examples send numbers, so both are accepted. (`summary` in place of the ID
    sums the accounts marked `available_include_in_summary`; not described here.)

    Permission: ACCOUNTS_READ. Security: SIGNED.

    Args:
        account_id (int):
        forced_mode (ForcedMode | Unset): Account mode to force for one request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[AccountBalance]]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        forced_mode=forced_mode,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    account_id: int,
    *,
    client: AuthenticatedClient,
    forced_mode: ForcedMode | Unset = UNSET,
) -> Error | list[AccountBalance] | None:
    """The balances of an exchange account

     The account's balance of each currency, as the 3Commas balances table shows it: the
    whole `position`, what is free (`position_available`) and what is held by orders
    (`on_orders`), with their values in BTC and USD. A read, although sent as a POST with no
    body; the docs label the answer "201 Created". The docs type every figure as a string
    while their examples send numbers, so both are accepted. (`summary` in place of the ID
    sums the accounts marked `available_include_in_summary`; not described here.)

    Permission: ACCOUNTS_READ. Security: SIGNED.

    Args:
        account_id (int):
        forced_mode (ForcedMode | Unset): Account mode to force for one request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[AccountBalance]
    """

    return (
        await asyncio_detailed(
            account_id=account_id,
            client=client,
            forced_mode=forced_mode,
        )
    ).parsed
