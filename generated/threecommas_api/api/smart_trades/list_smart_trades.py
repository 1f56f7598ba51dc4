from __future__ import annotations

import datetime
from http import HTTPStatus
from typing import TYPE_CHECKING, Any

import httpx

from ... import errors
from ... import types as _types
from ...models.error import Error
from ...models.forced_mode import ForcedMode
from ...models.order_direction import OrderDirection
from ...models.smart_trade import SmartTrade
from ...models.smart_trade_order_by import SmartTradeOrderBy
from ...models.smart_trade_status_filter import SmartTradeStatusFilter
from ...models.smart_trade_type import SmartTradeType
from ...types import UNSET, Unset

if TYPE_CHECKING:
    from ...client import AuthenticatedClient, Client
    from ...types import Response


def build_request(
    *,
    account_id: int | Unset = UNSET,
    pair: str | Unset = UNSET,
    type_: SmartTradeType | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 10,
    status: SmartTradeStatusFilter | Unset = UNSET,
    order_by: SmartTradeOrderBy | Unset = UNSET,
    order_direction: OrderDirection | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    base: str | Unset = UNSET,
    quote: str | Unset = UNSET,
    forced_mode: ForcedMode | Unset = UNSET,
) -> dict[str, Any]:
    """The arguments of `httpx.Client.request` for this operation (method, url, and params,
    headers and json when it has them); nothing is sent."""
    headers: dict[str, Any] = {}
    if not isinstance(forced_mode, Unset):
        headers["Forced-Mode"] = str(forced_mode)

    params: dict[str, Any] = {}

    params["account_id"] = account_id

    params["pair"] = pair

    json_type_: str | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = type_.value

    params["type"] = json_type_

    params["page"] = page

    params["per_page"] = per_page

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_order_by: str | Unset = UNSET
    if not isinstance(order_by, Unset):
        json_order_by = order_by.value

    params["order_by"] = json_order_by

    json_order_direction: str | Unset = UNSET
    if not isinstance(order_direction, Unset):
        json_order_direction = order_direction.value

    params["order_direction"] = json_order_direction

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    params["base"] = base

    params["quote"] = quote

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/smart_trades",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


_get_kwargs = build_request


def parse_response(
    response: httpx.Response, *, raise_on_unexpected_status: bool = False
) -> Error | list[SmartTrade] | None:
    """The documented answer of this operation read from `response`; None for an undocumented
    status, or `errors.UnexpectedStatus` when `raise_on_unexpected_status`."""
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = SmartTrade.from_dict(response_200_item_data)

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
) -> Error | list[SmartTrade] | None:
    return parse_response(response, raise_on_unexpected_status=client.raise_on_unexpected_status)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | list[SmartTrade]]:
    return _types.Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    account_id: int | Unset = UNSET,
    pair: str | Unset = UNSET,
    type_: SmartTradeType | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 10,
    status: SmartTradeStatusFilter | Unset = UNSET,
    order_by: SmartTradeOrderBy | Unset = UNSET,
    order_direction: OrderDirection | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    base: str | Unset = UNSET,
    quote: str | Unset = UNSET,
    forced_mode: ForcedMode | Unset = UNSET,
) -> Response[Error | list[SmartTrade]]:
    """List SmartTrades

     One page of the user's SmartTrades, filtered and ordered by the query. The answer is a
    plain JSON array with no paging envelope: a page shorter than `per_page` is the last.

    Permission: SMART_TRADES_READ. Security: SIGNED.

    Args:
        account_id (int | Unset):
        pair (str | Unset):
        type_ (SmartTradeType | Unset): Kind of SmartTrade, as a list filter.
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 10.
        status (SmartTradeStatusFilter | Unset): Group of statuses, as a list filter.
        order_by (SmartTradeOrderBy | Unset): Sort key of the list.
        order_direction (OrderDirection | Unset): Sort direction of the list.
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        base (str | Unset):
        quote (str | Unset):
        forced_mode (ForcedMode | Unset): Account mode to force for one request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[SmartTrade]]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        pair=pair,
        type_=type_,
        page=page,
        per_page=per_page,
        status=status,
        order_by=order_by,
        order_direction=order_direction,
        from_=from_,
        to=to,
        base=base,
        quote=quote,
        forced_mode=forced_mode,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    account_id: int | Unset = UNSET,
    pair: str | Unset = UNSET,
    type_: SmartTradeType | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 10,
    status: SmartTradeStatusFilter | Unset = UNSET,
    order_by: SmartTradeOrderBy | Unset = UNSET,
    order_direction: OrderDirection | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    base: str | Unset = UNSET,
    quote: str | Unset = UNSET,
    forced_mode: ForcedMode | Unset = UNSET,
) -> Error | list[SmartTrade] | None:
    """List SmartTrades

     One page of the user's SmartTrades, filtered and ordered by the query. The answer is a
    plain JSON array with no paging envelope: a page shorter than `per_page` is the last.

    Permission: SMART_TRADES_READ. Security: SIGNED.

    Args:
        account_id (int | Unset):
        pair (str | Unset):
        type_ (SmartTradeType | Unset): Kind of SmartTrade, as a list filter.
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 10.
        status (SmartTradeStatusFilter | Unset): Group of statuses, as a list filter.
        order_by (SmartTradeOrderBy | Unset): Sort key of the list.
        order_direction (OrderDirection | Unset): Sort direction of the list.
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        base (str | Unset):
        quote (str | Unset):
        forced_mode (ForcedMode | Unset): Account mode to force for one request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[SmartTrade]
    """

    return sync_detailed(
        client=client,
        account_id=account_id,
        pair=pair,
        type_=type_,
        page=page,
        per_page=per_page,
        status=status,
        order_by=order_by,
        order_direction=order_direction,
        from_=from_,
        to=to,
        base=base,
        quote=quote,
        forced_mode=forced_mode,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    account_id: int | Unset = UNSET,
    pair: str | Unset = UNSET,
    type_: SmartTradeType | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 10,
    status: SmartTradeStatusFilter | Unset = UNSET,
    order_by: SmartTradeOrderBy | Unset = UNSET,
    order_direction: OrderDirection | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    base: str | Unset = UNSET,
    quote: str | Unset = UNSET,
    forced_mode: ForcedMode | Unset = UNSET,
) -> Response[Error | list[SmartTrade]]:
    """List SmartTrades

     One page of the user's SmartTrades, filtered and ordered by the query. The answer is a
    plain JSON array with no paging envelope: a page shorter than `per_page` is the last.

    Permission: SMART_TRADES_READ. Security: SIGNED.

    Args:
        account_id (int | Unset):
        pair (str | Unset):
        type_ (SmartTradeType | Unset): Kind of SmartTrade, as a list filter.
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 10.
        status (SmartTradeStatusFilter | Unset): Group of statuses, as a list filter.
        order_by (SmartTradeOrderBy | Unset): Sort key of the list.
        order_direction (OrderDirection | Unset): Sort direction of the list.
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        base (str | Unset):
        quote (str | Unset):
        forced_mode (ForcedMode | Unset): Account mode to force for one request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[SmartTrade]]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        pair=pair,
        type_=type_,
        page=page,
        per_page=per_page,
        status=status,
        order_by=order_by,
        order_direction=order_direction,
        from_=from_,
        to=to,
        base=base,
        quote=quote,
        forced_mode=forced_mode,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    account_id: int | Unset = UNSET,
    pair: str | Unset = UNSET,
    type_: SmartTradeType | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 10,
    status: SmartTradeStatusFilter | Unset = UNSET,
    order_by: SmartTradeOrderBy | Unset = UNSET,
    order_direction: OrderDirection | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    base: str | Unset = UNSET,
    quote: str | Unset = UNSET,
    forced_mode: ForcedMode | Unset = UNSET,
) -> Error | list[SmartTrade] | None:
    """List SmartTrades

     One page of the user's SmartTrades, filtered and ordered by the query. The answer is a
    plain JSON array with no paging envelope: a page shorter than `per_page` is the last.

    Permission: SMART_TRADES_READ. Security: SIGNED.

    Args:
        account_id (int | Unset):
        pair (str | Unset):
        type_ (SmartTradeType | Unset): Kind of SmartTrade, as a list filter.
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 10.
        status (SmartTradeStatusFilter | Unset): Group of statuses, as a list filter.
        order_by (SmartTradeOrderBy | Unset): Sort key of the list.
        order_direction (OrderDirection | Unset): Sort direction of the list.
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        base (str | Unset):
        quote (str | Unset):
        forced_mode (ForcedMode | Unset): Account mode to force for one request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[SmartTrade]
    """

    return (
        await asyncio_detailed(
            client=client,
            account_id=account_id,
            pair=pair,
            type_=type_,
            page=page,
            per_page=per_page,
            status=status,
            order_by=order_by,
            order_direction=order_direction,
            from_=from_,
            to=to,
            base=base,
            quote=quote,
            forced_mode=forced_mode,
        )
    ).parsed
