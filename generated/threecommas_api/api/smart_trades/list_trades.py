from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx

from ... import errors
from ... import types as _types
from ...models.error import Error
from ...models.forced_mode import ForcedMode
from ...models.trade import Trade
from ...types import UNSET, Unset

if TYPE_CHECKING:
    from ...client import AuthenticatedClient, Client
    from ...types import Response


def build_request(
    smart_trade_id: int,
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
        "url": "/v2/smart_trades/{smart_trade_id}/trades".format(
            smart_trade_id=str(smart_trade_id)
            if type(smart_trade_id) is int
            else quote(str(smart_trade_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


_get_kwargs = build_request


def parse_response(
    response: httpx.Response, *, raise_on_unexpected_status: bool = False
) -> Error | list[Trade] | None:
    """The documented answer of this operation read from `response`; None for an undocumented
    status, or `errors.UnexpectedStatus` when `raise_on_unexpected_status`."""
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Trade.from_dict(response_200_item_data)

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
) -> Error | list[Trade] | None:
    return parse_response(response, raise_on_unexpected_status=client.raise_on_unexpected_status)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | list[Trade]]:
    return _types.Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    smart_trade_id: int,
    *,
    client: AuthenticatedClient,
    forced_mode: ForcedMode | Unset = UNSET,
) -> Response[Error | list[Trade]]:
    """List the trades of a SmartTrade

     The trades (orders) of one SmartTrade: the position, each take-profit step, the stop
    loss, reduce-funds and market-close orders.

    Permission: SMART_TRADES_READ. Security: SIGNED.

    Args:
        smart_trade_id (int):
        forced_mode (ForcedMode | Unset): Account mode to force for one request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Trade]]
    """

    kwargs = _get_kwargs(
        smart_trade_id=smart_trade_id,
        forced_mode=forced_mode,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    smart_trade_id: int,
    *,
    client: AuthenticatedClient,
    forced_mode: ForcedMode | Unset = UNSET,
) -> Error | list[Trade] | None:
    """List the trades of a SmartTrade

     The trades (orders) of one SmartTrade: the position, each take-profit step, the stop
    loss, reduce-funds and market-close orders.

    Permission: SMART_TRADES_READ. Security: SIGNED.

    Args:
        smart_trade_id (int):
        forced_mode (ForcedMode | Unset): Account mode to force for one request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Trade]
    """

    return sync_detailed(
        smart_trade_id=smart_trade_id,
        client=client,
        forced_mode=forced_mode,
    ).parsed


async def asyncio_detailed(
    smart_trade_id: int,
    *,
    client: AuthenticatedClient,
    forced_mode: ForcedMode | Unset = UNSET,
) -> Response[Error | list[Trade]]:
    """List the trades of a SmartTrade

     The trades (orders) of one SmartTrade: the position, each take-profit step, the stop
    loss, reduce-funds and market-close orders.

    Permission: SMART_TRADES_READ. Security: SIGNED.

    Args:
        smart_trade_id (int):
        forced_mode (ForcedMode | Unset): Account mode to force for one request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Trade]]
    """

    kwargs = _get_kwargs(
        smart_trade_id=smart_trade_id,
        forced_mode=forced_mode,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    smart_trade_id: int,
    *,
    client: AuthenticatedClient,
    forced_mode: ForcedMode | Unset = UNSET,
) -> Error | list[Trade] | None:
    """List the trades of a SmartTrade

     The trades (orders) of one SmartTrade: the position, each take-profit step, the stop
    loss, reduce-funds and market-close orders.

    Permission: SMART_TRADES_READ. Security: SIGNED.

    Args:
        smart_trade_id (int):
        forced_mode (ForcedMode | Unset): Account mode to force for one request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Trade]
    """

    return (
        await asyncio_detailed(
            smart_trade_id=smart_trade_id,
            client=client,
            forced_mode=forced_mode,
        )
    ).parsed
