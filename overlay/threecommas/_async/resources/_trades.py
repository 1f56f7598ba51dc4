"""`client.smart_trades.trades`: the trades (orders) inside a SmartTrade."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Unpack

from threecommas._resource import LazyModule, Namespace
from threecommas._types import NOT_GIVEN, ForcedModeArg, RequestOptions, TimeoutArg

from .._api_client import AsyncAPIClient
from ._order_answers import changed

if TYPE_CHECKING:
    import threecommas._operations as ops
    from threecommas_api.models.smart_trade import SmartTrade
    from threecommas_api.models.trade import Trade
else:
    ops = LazyModule("threecommas._operations")

__all__ = ["AsyncTrades"]


class AsyncTrades(Namespace):
    """`client.smart_trades.trades`: the trades (orders) inside a SmartTrade.

    Its methods check their arguments, take `forced_mode` and `timeout` and raise as those of
    `client.smart_trades` do.
    """

    _client: AsyncAPIClient

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def list(
        self,
        smart_trade_id: int,
        *,
        forced_mode: ForcedModeArg = NOT_GIVEN,
        timeout: TimeoutArg = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[Trade]:
        """List the trades of a SmartTrade: its position order, each take-profit step, the stop
        loss, and any reduce-funds or market-close orders.

        Args:
            smart_trade_id: ID of the SmartTrade.

        Raises:
            ResponseParseError: the answer is not a JSON array of trades.

        Returns:
            The trades, in the order the API sends them.
        """
        call = ops.list_trades(smart_trade_id, self._mode(forced_mode))
        return await self._client._execute(call, timeout, options)

    async def close_by_market(
        self,
        smart_trade_id: int,
        trade_id: int,
        *,
        forced_mode: ForcedModeArg = NOT_GIVEN,
        timeout: TimeoutArg = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> SmartTrade:
        """Close one take-profit trade of a SmartTrade at the market price.

        This places a MARKET ORDER on the exchange. It is never retried after a timeout or a
        5xx, where the order may have gone through: check the SmartTrade before sending it
        again. It is repeated only when it certainly did not reach the API (no connection) or
        was refused for the rate limit.

        Allowed while the take-profit step is `to_process`, `order_placed` or
        `trailing_activated` (see `take_profit.steps[].data.panic_sell_available`); the step
        then becomes `panic_sell_pending`.

        Args:
            smart_trade_id: ID of the SmartTrade.
            trade_id: ID of the take-profit trade (a `take_profit.steps[].id`, or a Trade's `id`).

        Raises:
            PermissionDeniedError: the step cannot be closed in its current status.
            NotFoundError: no such SmartTrade or trade.
            ResponseParseError: a success whose body is not a SmartTrade (an empty body is
                not one of those: see Returns).
            OutcomeUnknownError: the answer was lost; the order may have gone through: read
                the SmartTrade before closing again (a ServerError, for a 5xx, says the same).

        Returns:
            The SmartTrade, with the step `panic_sell_pending`. The docs also show an empty
            `200 OK` answer: that is a success too, and the SDK then reads the SmartTrade once
            with a GET and returns it; the close is never sent again.
        """
        call = ops.by_trade(
            "close_trade_by_market", smart_trade_id, trade_id, self._mode(forced_mode)
        )
        return await changed(self._client, call, smart_trade_id, forced_mode, timeout, options)

    async def cancel(
        self,
        smart_trade_id: int,
        trade_id: int,
        *,
        forced_mode: ForcedModeArg = NOT_GIVEN,
        timeout: TimeoutArg = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> SmartTrade:
        """Cancel one take-profit trade (step), or the stop-loss trade, of a SmartTrade.

        This can cancel the whole SmartTrade: as the docs warn, cancelling its last take-profit
        step, or its stop-loss trade, cancels the SmartTrade (it becomes
        `cancellation_pending`, as with `smart_trades.cancel`). To keep the SmartTrade, leave
        at least one take-profit step and do not cancel the stop loss; check the returned
        SmartTrade's `status`.

        Refused (403) for a step whose `data.cancelable` is false, for the position and
        reduce-funds trades, and, when it would cancel the SmartTrade, in a status where the
        SmartTrade cannot be cancelled.

        Args:
            smart_trade_id: ID of the SmartTrade.
            trade_id: ID of the trade: a `take_profit.steps[].id`, or a Trade's `id` from
                `trades.list` (the stop-loss trade's too).

        Raises:
            PermissionDeniedError: the trade cannot be cancelled.
            NotFoundError: no such SmartTrade or trade.
            OutcomeUnknownError: the answer was lost; the trade may be cancelled (and with it
                the SmartTrade): read the SmartTrade before cancelling again.

        Returns:
            The updated SmartTrade (`cancellation_pending` when the call cancelled it).
            An empty 2xx answer is a success: the SmartTrade is then read once (a GET).
        """
        call = ops.by_trade("cancel_trade", smart_trade_id, trade_id, self._mode(forced_mode))
        return await changed(self._client, call, smart_trade_id, forced_mode, timeout, options)
