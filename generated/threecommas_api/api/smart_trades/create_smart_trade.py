from __future__ import annotations

from collections.abc import Mapping
from http import HTTPStatus
from typing import TYPE_CHECKING, Any

import httpx

from ... import errors
from ... import types as _types
from ...models.create_smart_trade_request import CreateSmartTradeRequest
from ...models.error import Error
from ...models.forced_mode import ForcedMode
from ...models.smart_trade import SmartTrade
from ...types import UNSET, Unset

if TYPE_CHECKING:
    from ...client import AuthenticatedClient, Client
    from ...types import Response


def build_request(
    *,
    body: CreateSmartTradeRequest | Mapping[str, Any],
    forced_mode: ForcedMode | Unset = UNSET,
) -> dict[str, Any]:
    """The arguments of `httpx.Client.request` for this operation (method, url, and params,
    headers and json when it has them); nothing is sent."""
    headers: dict[str, Any] = {}
    if not isinstance(forced_mode, Unset):
        headers["Forced-Mode"] = str(forced_mode)

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/smart_trades",
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
    *,
    client: AuthenticatedClient,
    body: CreateSmartTradeRequest,
    forced_mode: ForcedMode | Unset = UNSET,
) -> Response[Error | SmartTrade]:
    """Create a SmartTrade

     Opens a new SmartTrade on an exchange account (one whose `smart_trading_supported` is
    true). Depending on `position.order_type` this may place a MARKET ORDER at once.

    The body is validated as the schema says; beyond it, the take-profit volumes must add
    up to 100, breakeven needs at least two take-profit steps, and trailing is for market
    orders. A body that breaks a rule is answered 422 with `error_attributes` naming each
    bad field in the API's bracket notation (`position[units][value]`).

    Permission: SMART_TRADES_WRITE. Security: SIGNED.

    Args:
        forced_mode (ForcedMode | Unset): Account mode to force for one request.
        body (CreateSmartTradeRequest): The body of `create_smart_trade`. Every doc version marks
            `leverage[enabled]`,
            `take_profit[enabled]` and `stop_loss[enabled]` mandatory, and the SDK always sends the
            three parts (`{"enabled": false}` for one the caller left out). The API also takes a
            body without them, as the docs' own examples show: `leverage` is optional ("uses only
            for contract exchanges"), and `take_profit` and `stop_loss` may be left out by a Simple
            Buy or Simple Sell (`instant`: "required only when instant is false", in the classic
            docs' comments); a part left out is off.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SmartTrade]
    """

    kwargs = _get_kwargs(
        body=body,
        forced_mode=forced_mode,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: CreateSmartTradeRequest,
    forced_mode: ForcedMode | Unset = UNSET,
) -> Error | SmartTrade | None:
    """Create a SmartTrade

     Opens a new SmartTrade on an exchange account (one whose `smart_trading_supported` is
    true). Depending on `position.order_type` this may place a MARKET ORDER at once.

    The body is validated as the schema says; beyond it, the take-profit volumes must add
    up to 100, breakeven needs at least two take-profit steps, and trailing is for market
    orders. A body that breaks a rule is answered 422 with `error_attributes` naming each
    bad field in the API's bracket notation (`position[units][value]`).

    Permission: SMART_TRADES_WRITE. Security: SIGNED.

    Args:
        forced_mode (ForcedMode | Unset): Account mode to force for one request.
        body (CreateSmartTradeRequest): The body of `create_smart_trade`. Every doc version marks
            `leverage[enabled]`,
            `take_profit[enabled]` and `stop_loss[enabled]` mandatory, and the SDK always sends the
            three parts (`{"enabled": false}` for one the caller left out). The API also takes a
            body without them, as the docs' own examples show: `leverage` is optional ("uses only
            for contract exchanges"), and `take_profit` and `stop_loss` may be left out by a Simple
            Buy or Simple Sell (`instant`: "required only when instant is false", in the classic
            docs' comments); a part left out is off.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SmartTrade
    """

    return sync_detailed(
        client=client,
        body=body,
        forced_mode=forced_mode,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateSmartTradeRequest,
    forced_mode: ForcedMode | Unset = UNSET,
) -> Response[Error | SmartTrade]:
    """Create a SmartTrade

     Opens a new SmartTrade on an exchange account (one whose `smart_trading_supported` is
    true). Depending on `position.order_type` this may place a MARKET ORDER at once.

    The body is validated as the schema says; beyond it, the take-profit volumes must add
    up to 100, breakeven needs at least two take-profit steps, and trailing is for market
    orders. A body that breaks a rule is answered 422 with `error_attributes` naming each
    bad field in the API's bracket notation (`position[units][value]`).

    Permission: SMART_TRADES_WRITE. Security: SIGNED.

    Args:
        forced_mode (ForcedMode | Unset): Account mode to force for one request.
        body (CreateSmartTradeRequest): The body of `create_smart_trade`. Every doc version marks
            `leverage[enabled]`,
            `take_profit[enabled]` and `stop_loss[enabled]` mandatory, and the SDK always sends the
            three parts (`{"enabled": false}` for one the caller left out). The API also takes a
            body without them, as the docs' own examples show: `leverage` is optional ("uses only
            for contract exchanges"), and `take_profit` and `stop_loss` may be left out by a Simple
            Buy or Simple Sell (`instant`: "required only when instant is false", in the classic
            docs' comments); a part left out is off.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SmartTrade]
    """

    kwargs = _get_kwargs(
        body=body,
        forced_mode=forced_mode,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateSmartTradeRequest,
    forced_mode: ForcedMode | Unset = UNSET,
) -> Error | SmartTrade | None:
    """Create a SmartTrade

     Opens a new SmartTrade on an exchange account (one whose `smart_trading_supported` is
    true). Depending on `position.order_type` this may place a MARKET ORDER at once.

    The body is validated as the schema says; beyond it, the take-profit volumes must add
    up to 100, breakeven needs at least two take-profit steps, and trailing is for market
    orders. A body that breaks a rule is answered 422 with `error_attributes` naming each
    bad field in the API's bracket notation (`position[units][value]`).

    Permission: SMART_TRADES_WRITE. Security: SIGNED.

    Args:
        forced_mode (ForcedMode | Unset): Account mode to force for one request.
        body (CreateSmartTradeRequest): The body of `create_smart_trade`. Every doc version marks
            `leverage[enabled]`,
            `take_profit[enabled]` and `stop_loss[enabled]` mandatory, and the SDK always sends the
            three parts (`{"enabled": false}` for one the caller left out). The API also takes a
            body without them, as the docs' own examples show: `leverage` is optional ("uses only
            for contract exchanges"), and `take_profit` and `stop_loss` may be left out by a Simple
            Buy or Simple Sell (`instant`: "required only when instant is false", in the classic
            docs' comments); a part left out is off.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SmartTrade
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            forced_mode=forced_mode,
        )
    ).parsed
