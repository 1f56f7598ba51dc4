from __future__ import annotations

from collections.abc import Mapping
from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx

from ... import errors
from ... import types as _types
from ...models.add_funds_request import AddFundsRequest
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
    body: AddFundsRequest | Mapping[str, Any],
    forced_mode: ForcedMode | Unset = UNSET,
) -> dict[str, Any]:
    """The arguments of `httpx.Client.request` for this operation (method, url, and params,
    headers and json when it has them); nothing is sent."""
    headers: dict[str, Any] = {}
    if not isinstance(forced_mode, Unset):
        headers["Forced-Mode"] = str(forced_mode)

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/smart_trades/{id}/add_funds".format(
            id=str(id) if type(id) is int else quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = dict(body) if isinstance(body, Mapping) else body.to_dict()
    headers["Content-Type"] = "application/json"

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
    body: AddFundsRequest,
    forced_mode: ForcedMode | Unset = UNSET,
) -> Response[Error | SmartTrade]:
    """Add funds to a SmartTrade

     Buys (or sells, for a short) more of the position, averaging its price. This places an
    order on the exchange, a MARKET ORDER for `order_type: market`. Allowed while the status
    is `waiting_position` or `waiting_targets`, not with trailing enabled and not for the
    types `simple_buy` and `simple_sell` (403 otherwise). A malformed body is answered 400,
    an amount the exchange refuses 422 (as the docs show).

    Permission: SMART_TRADES_WRITE. Security: SIGNED.

    Args:
        id (int):
        forced_mode (ForcedMode | Unset): Account mode to force for one request.
        body (AddFundsRequest): The body of `add_funds`. A `limit` order needs `price`. (The docs
            type `order_type` as an
            integer and their example sends `units` as an array; both are errors of the docs.)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SmartTrade]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
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
    body: AddFundsRequest,
    forced_mode: ForcedMode | Unset = UNSET,
) -> Error | SmartTrade | None:
    """Add funds to a SmartTrade

     Buys (or sells, for a short) more of the position, averaging its price. This places an
    order on the exchange, a MARKET ORDER for `order_type: market`. Allowed while the status
    is `waiting_position` or `waiting_targets`, not with trailing enabled and not for the
    types `simple_buy` and `simple_sell` (403 otherwise). A malformed body is answered 400,
    an amount the exchange refuses 422 (as the docs show).

    Permission: SMART_TRADES_WRITE. Security: SIGNED.

    Args:
        id (int):
        forced_mode (ForcedMode | Unset): Account mode to force for one request.
        body (AddFundsRequest): The body of `add_funds`. A `limit` order needs `price`. (The docs
            type `order_type` as an
            integer and their example sends `units` as an array; both are errors of the docs.)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SmartTrade
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
        forced_mode=forced_mode,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    body: AddFundsRequest,
    forced_mode: ForcedMode | Unset = UNSET,
) -> Response[Error | SmartTrade]:
    """Add funds to a SmartTrade

     Buys (or sells, for a short) more of the position, averaging its price. This places an
    order on the exchange, a MARKET ORDER for `order_type: market`. Allowed while the status
    is `waiting_position` or `waiting_targets`, not with trailing enabled and not for the
    types `simple_buy` and `simple_sell` (403 otherwise). A malformed body is answered 400,
    an amount the exchange refuses 422 (as the docs show).

    Permission: SMART_TRADES_WRITE. Security: SIGNED.

    Args:
        id (int):
        forced_mode (ForcedMode | Unset): Account mode to force for one request.
        body (AddFundsRequest): The body of `add_funds`. A `limit` order needs `price`. (The docs
            type `order_type` as an
            integer and their example sends `units` as an array; both are errors of the docs.)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SmartTrade]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        forced_mode=forced_mode,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient,
    body: AddFundsRequest,
    forced_mode: ForcedMode | Unset = UNSET,
) -> Error | SmartTrade | None:
    """Add funds to a SmartTrade

     Buys (or sells, for a short) more of the position, averaging its price. This places an
    order on the exchange, a MARKET ORDER for `order_type: market`. Allowed while the status
    is `waiting_position` or `waiting_targets`, not with trailing enabled and not for the
    types `simple_buy` and `simple_sell` (403 otherwise). A malformed body is answered 400,
    an amount the exchange refuses 422 (as the docs show).

    Permission: SMART_TRADES_WRITE. Security: SIGNED.

    Args:
        id (int):
        forced_mode (ForcedMode | Unset): Account mode to force for one request.
        body (AddFundsRequest): The body of `add_funds`. A `limit` order needs `price`. (The docs
            type `order_type` as an
            integer and their example sends `units` as an array; both are errors of the docs.)

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
            body=body,
            forced_mode=forced_mode,
        )
    ).parsed
