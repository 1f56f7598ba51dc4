"""Resource namespaces of the clients (`client.smart_trades`), sync and async.

Each operation is described once, as a function that checks the arguments and returns a `Call`
built from the generated endpoint module; the sync and async methods only execute it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx

from threecommas._client import _UNSET, Call, TimeoutTypes, _Unset
from threecommas._validation import check_id
from threecommas_api.api.smart_trades import close_trade_by_market as _close_trade_by_market
from threecommas_api.client import Client
from threecommas_api.models.smart_trade import SmartTrade
from threecommas_api.types import UNSET

if TYPE_CHECKING:
    from threecommas._client import AsyncThreeCommas, ThreeCommas, _BaseClient

__all__ = ["AsyncSmartTrades", "SmartTrades"]

# The generated parsers only read `raise_on_unexpected_status` from the client they are given.
_PARSER_SETTINGS = Client(base_url="")


def _smart_trade_or_none(response: httpx.Response) -> SmartTrade | None:
    """201 -> the SmartTrade; a bodiless 200 (which the docs show) -> None.

    A 200 that does carry a SmartTrade is parsed too rather than dropped."""
    parsed = _close_trade_by_market._parse_response(client=_PARSER_SETTINGS, response=response)
    if isinstance(parsed, SmartTrade):
        return parsed
    if response.content.strip():
        return SmartTrade.from_dict(response.json())
    return None


def _close_trade_by_market_call(
    client: _BaseClient, smart_trade_id: int, trade_id: int, forced_mode: str | _Unset | None
) -> Call[SmartTrade | None]:
    mode = client._forced_mode_for(forced_mode)
    request = _close_trade_by_market._get_kwargs(
        smart_trade_id=check_id("smart_trade_id", smart_trade_id),
        id=check_id("trade_id", trade_id),
        forced_mode=UNSET if mode is None else mode,
    )
    return Call(request, _smart_trade_or_none)


_CLOSE_TRADE_DOC = """Close one take-profit trade of a SmartTrade at the market price.

        This places a MARKET ORDER on the exchange. It is never retried automatically: if the
        request times out or fails, check the SmartTrade before sending it again.

        Allowed while the take-profit step is `to_process`, `order_placed` or
        `trailing_activated` (see `take_profit.steps[].data.panic_sell_available`).

        Args:
            smart_trade_id: ID of the SmartTrade.
            trade_id: ID of the take-profit trade (a `take_profit.steps[].id`).
            forced_mode: `"real"` or `"paper"` for this call; defaults to the client's.
            timeout: seconds or an `httpx.Timeout` for this call; defaults to the client's.

        Returns:
            The updated SmartTrade, or None when the API acknowledges with an empty 200.

        Raises:
            TypeError, ValueError: bad arguments; nothing was sent.
            PermissionDeniedError: the step cannot be closed in its current status.
            NotFoundError: no such SmartTrade or trade.
            APIError: any other error answer; APIConnectionError: no answer.
        """


class SmartTrades:
    """`client.smart_trades`: SmartTrade operations of the synchronous client."""

    def __init__(self, client: ThreeCommas) -> None:
        self._client = client

    def close_trade_by_market(
        self,
        smart_trade_id: int,
        trade_id: int,
        *,
        forced_mode: str | _Unset | None = _UNSET,
        timeout: TimeoutTypes | _Unset = _UNSET,
    ) -> SmartTrade | None:
        call = _close_trade_by_market_call(self._client, smart_trade_id, trade_id, forced_mode)
        return self._client._execute(call, timeout)

    close_trade_by_market.__doc__ = _CLOSE_TRADE_DOC


class AsyncSmartTrades:
    """`client.smart_trades`: SmartTrade operations of the asynchronous client."""

    def __init__(self, client: AsyncThreeCommas) -> None:
        self._client = client

    async def close_trade_by_market(
        self,
        smart_trade_id: int,
        trade_id: int,
        *,
        forced_mode: str | _Unset | None = _UNSET,
        timeout: TimeoutTypes | _Unset = _UNSET,
    ) -> SmartTrade | None:
        call = _close_trade_by_market_call(self._client, smart_trade_id, trade_id, forced_mode)
        return await self._client._execute(call, timeout)

    close_trade_by_market.__doc__ = _CLOSE_TRADE_DOC
