from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx

from ... import errors
from ... import types as _types
from ...models.error import Error
from ...models.forced_mode import ForcedMode
from ...models.smart_trade import SmartTrade
from ...types import UNSET, Unset

if TYPE_CHECKING:
    from ...client import AuthenticatedClient, Client
    from ...types import Response


def build_request(
    id: int,
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
        "url": "/v2/smart_trades/{id}/force_process".format(
            id=str(id) if type(id) is int else quote(str(id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


_get_kwargs = build_request


def parse_response(
    response: httpx.Response, *, raise_on_unexpected_status: bool = False
) -> Error | SmartTrade | None:
    """The documented answer of this operation read from `response`; None for an undocumented
    status, or `errors.UnexpectedStatus` when `raise_on_unexpected_status`."""
    if response.status_code == 201:
        response_201 = SmartTrade.from_dict(response.json())

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
) -> Error | SmartTrade | None:
    return parse_response(response, raise_on_unexpected_status=client.raise_on_unexpected_status)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | SmartTrade]:
    return _types.Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    forced_mode: ForcedMode | Unset = UNSET,
) -> Response[Error | SmartTrade]:
    """Force-process a SmartTrade

     Documented only in the older reference ("Process smart trade v2"), not in the current
    docs, which keep only the flag `data.force_process_available`. Neither says what
    processing does. Allowed while `data.force_process_available` is true (403 otherwise).
    The older OpenAPI file gives the answer 201 without describing a body; this document
    expects the SmartTrade like the other actions, and the SDK also accepts an empty body.

    Permission: SMART_TRADES_WRITE. Security: SIGNED.

    Args:
        id (int):
        forced_mode (ForcedMode | Unset): Account mode to force for one request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SmartTrade]
    """

    kwargs = _get_kwargs(
        id=id,
        forced_mode=forced_mode,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    *,
    client: AuthenticatedClient,
    forced_mode: ForcedMode | Unset = UNSET,
) -> Error | SmartTrade | None:
    """Force-process a SmartTrade

     Documented only in the older reference ("Process smart trade v2"), not in the current
    docs, which keep only the flag `data.force_process_available`. Neither says what
    processing does. Allowed while `data.force_process_available` is true (403 otherwise).
    The older OpenAPI file gives the answer 201 without describing a body; this document
    expects the SmartTrade like the other actions, and the SDK also accepts an empty body.

    Permission: SMART_TRADES_WRITE. Security: SIGNED.

    Args:
        id (int):
        forced_mode (ForcedMode | Unset): Account mode to force for one request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SmartTrade
    """

    return sync_detailed(
        id=id,
        client=client,
        forced_mode=forced_mode,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    forced_mode: ForcedMode | Unset = UNSET,
) -> Response[Error | SmartTrade]:
    """Force-process a SmartTrade

     Documented only in the older reference ("Process smart trade v2"), not in the current
    docs, which keep only the flag `data.force_process_available`. Neither says what
    processing does. Allowed while `data.force_process_available` is true (403 otherwise).
    The older OpenAPI file gives the answer 201 without describing a body; this document
    expects the SmartTrade like the other actions, and the SDK also accepts an empty body.

    Permission: SMART_TRADES_WRITE. Security: SIGNED.

    Args:
        id (int):
        forced_mode (ForcedMode | Unset): Account mode to force for one request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SmartTrade]
    """

    kwargs = _get_kwargs(
        id=id,
        forced_mode=forced_mode,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient,
    forced_mode: ForcedMode | Unset = UNSET,
) -> Error | SmartTrade | None:
    """Force-process a SmartTrade

     Documented only in the older reference ("Process smart trade v2"), not in the current
    docs, which keep only the flag `data.force_process_available`. Neither says what
    processing does. Allowed while `data.force_process_available` is true (403 otherwise).
    The older OpenAPI file gives the answer 201 without describing a body; this document
    expects the SmartTrade like the other actions, and the SDK also accepts an empty body.

    Permission: SMART_TRADES_WRITE. Security: SIGNED.

    Args:
        id (int):
        forced_mode (ForcedMode | Unset): Account mode to force for one request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SmartTrade
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            forced_mode=forced_mode,
        )
    ).parsed
