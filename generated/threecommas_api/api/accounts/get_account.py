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
        "method": "get",
        "url": "/ver1/accounts/{account_id}".format(
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
    if response.status_code == 200:
        response_200 = Account.from_dict(response.json())

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
    """Get an exchange account

     One exchange account by its ID. The docs label the example answer "201 Created"; a read
    answers 200 like every other read of the API, which this document uses. (The docs add
    that `summary` in place of the ID returns the sum of the accounts marked
    `available_include_in_summary`; that answer is not described here and the ID must be an
    integer.)

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
    """Get an exchange account

     One exchange account by its ID. The docs label the example answer "201 Created"; a read
    answers 200 like every other read of the API, which this document uses. (The docs add
    that `summary` in place of the ID returns the sum of the accounts marked
    `available_include_in_summary`; that answer is not described here and the ID must be an
    integer.)

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
    """Get an exchange account

     One exchange account by its ID. The docs label the example answer "201 Created"; a read
    answers 200 like every other read of the API, which this document uses. (The docs add
    that `summary` in place of the ID returns the sum of the accounts marked
    `available_include_in_summary`; that answer is not described here and the ID must be an
    integer.)

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
    """Get an exchange account

     One exchange account by its ID. The docs label the example answer "201 Created"; a read
    answers 200 like every other read of the API, which this document uses. (The docs add
    that `summary` in place of the ID returns the sum of the accounts marked
    `available_include_in_summary`; that answer is not described here and the ID must be an
    integer.)

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
