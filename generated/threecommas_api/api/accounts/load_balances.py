from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

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
        "url": "/ver1/accounts/{account_id}/load_balances".format(
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
) -> Account | Error | None:
    """The documented answer of this operation read from `response`; None for an undocumented
    status, or `errors.UnexpectedStatus` when `raise_on_unexpected_status`."""
    if response.status_code == 201:
        response_201 = Account.from_dict(response.json())

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
) -> Account | Error | None:
    return parse_response(response, raise_on_unexpected_status=client.raise_on_unexpected_status)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Account | Error]:
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
) -> Response[Account | Error]:
    """Reload the balances of an exchange account

     Asks 3Commas to read the account's balances from the exchange again; the answer is the
    updated Account. The docs label it "201 Created" and show a 422 `invalid_api_key` when
    the exchange refuses the account's API keys. (The newest docs give the permission
    ACCOUNTS_READ, the older ACCOUNTS_WRITE.)

    Permission: ACCOUNTS_READ. Security: SIGNED.

    Args:
        account_id (int):
        forced_mode (ForcedMode | Unset): Account mode to force for one request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Account | Error]
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
) -> Account | Error | None:
    """Reload the balances of an exchange account

     Asks 3Commas to read the account's balances from the exchange again; the answer is the
    updated Account. The docs label it "201 Created" and show a 422 `invalid_api_key` when
    the exchange refuses the account's API keys. (The newest docs give the permission
    ACCOUNTS_READ, the older ACCOUNTS_WRITE.)

    Permission: ACCOUNTS_READ. Security: SIGNED.

    Args:
        account_id (int):
        forced_mode (ForcedMode | Unset): Account mode to force for one request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Account | Error
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
) -> Response[Account | Error]:
    """Reload the balances of an exchange account

     Asks 3Commas to read the account's balances from the exchange again; the answer is the
    updated Account. The docs label it "201 Created" and show a 422 `invalid_api_key` when
    the exchange refuses the account's API keys. (The newest docs give the permission
    ACCOUNTS_READ, the older ACCOUNTS_WRITE.)

    Permission: ACCOUNTS_READ. Security: SIGNED.

    Args:
        account_id (int):
        forced_mode (ForcedMode | Unset): Account mode to force for one request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Account | Error]
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
) -> Account | Error | None:
    """Reload the balances of an exchange account

     Asks 3Commas to read the account's balances from the exchange again; the answer is the
    updated Account. The docs label it "201 Created" and show a 422 `invalid_api_key` when
    the exchange refuses the account's API keys. (The newest docs give the permission
    ACCOUNTS_READ, the older ACCOUNTS_WRITE.)

    Permission: ACCOUNTS_READ. Security: SIGNED.

    Args:
        account_id (int):
        forced_mode (ForcedMode | Unset): Account mode to force for one request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Account | Error
    """

    return (
        await asyncio_detailed(
            account_id=account_id,
            client=client,
            forced_mode=forced_mode,
        )
    ).parsed
