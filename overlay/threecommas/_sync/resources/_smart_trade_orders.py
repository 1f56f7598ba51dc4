# generated from overlay/threecommas/_async/resources/_smart_trade_orders.py by scripts/unasync.py — do not edit
"""The calls of `client.smart_trades` that act on a SmartTrade's orders: add or reduce funds,
close by market, force start or process. Each may place an order on the exchange."""

from __future__ import annotations

from typing import TYPE_CHECKING, Unpack

from threecommas._resource import LazyModule, Namespace
from threecommas._types import NOT_GIVEN, ForcedModeArg, RequestOptions, TimeoutArg

from .._api_client import SyncAPIClient
from ._order_answers import changed

if TYPE_CHECKING:
    import threecommas._operations as ops
    from threecommas._types import Quantity
    from threecommas_api.models.add_funds_request import AddFundsRequest
    from threecommas_api.models.order_type import OrderType
    from threecommas_api.models.price_input import PriceInput
    from threecommas_api.models.reduce_funds_info import ReduceFundsInfo
    from threecommas_api.models.reduce_funds_request import ReduceFundsRequest
    from threecommas_api.models.smart_trade import SmartTrade
    from threecommas_api.models.units_input import UnitsInput
    from threecommas_api.params import (
        AddFundsRequestParam,
        ReduceFundsRequestParam,
    )
else:
    ops = LazyModule("threecommas._operations")

__all__ = ["SmartTradeOrders"]


class SmartTradeOrders(Namespace):
    """The order calls of `client.smart_trades` (the class `SmartTrades` is made of)."""

    _client: SyncAPIClient

    def add_funds(
        self,
        smart_trade_id: int,
        request: AddFundsRequest | AddFundsRequestParam | None = None,
        /,
        *,
        order_type: OrderType | str | None = None,
        units: Quantity | UnitsInput | None = None,
        price: Quantity | PriceInput | None = None,
        check_limits: bool = False,
        forced_mode: ForcedModeArg = NOT_GIVEN,
        timeout: TimeoutArg = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> SmartTrade:
        """Add to the position of a SmartTrade, averaging its entry price.

        This places an order on the exchange, a MARKET ORDER for `order_type="market"`. It is
        never retried after a timeout or a 5xx, where the order may have gone through: check
        the SmartTrade before sending it again. It is repeated only when it certainly did not
        reach the API (no connection) or was refused for the rate limit.

        Allowed while the status is `waiting_position` or `waiting_targets`, not with trailing
        enabled, and not for Simple Buy or Simple Sell SmartTrades (403 otherwise).

        Args:
            smart_trade_id: ID of the SmartTrade.
            request: the whole body (`AddFundsRequest` or a mapping), instead of the fields.
            order_type: `"market"` or `"limit"` (or `OrderType`).
            units: amount in base currency: a decimal string, a `decimal.Decimal` or a
                `UnitsInput` (never a float).
            price: limit price, required for a limit order; same types as `units`.
            check_limits: check the order against the exchange's limits of the SmartTrade's
                pair before sending it; False by default. Cost: the SmartTrade, its account
                (both signed) and the pair's rates (unsigned) are read, each kept 300 s
                (`LIMITS_CACHE_TTL_S`) per client: at most three requests more the first time.

        Raises:
            OrderLimitError: `check_limits=True` and the exchange's limits would refuse the
                order: the field, the limit, the value and the nearest valid value are named;
                nothing was sent.
            TypeError: a float amount, a request and fields together, a missing field;
                nothing was sent.
            ValueError: the body breaks the schema (a limit without price, a bad decimal);
                nothing was sent.
            PermissionDeniedError: funds cannot be added in the current state.
            UnprocessableEntityError: the exchange refused the amount.
            OutcomeUnknownError: the answer was lost; the funds may have been added: read the
                SmartTrade's position before adding again (a ServerError, for a 5xx, too).

        Returns:
            The SmartTrade, its position grown (or its order placed).
            An empty 2xx answer is a success: the SmartTrade is then read once (a GET).
        """
        fields = ops.funds_fields(order_type, units, price)
        call = ops.change("add_funds", smart_trade_id, request, fields, self._mode(forced_mode))
        if check_limits:
            from ._order_checks import check_funds  # the limits' code, on first use

            check_funds(
                self._client,
                smart_trade_id,
                call,
                reduce=False,
                forced_mode=forced_mode,
                timeout=timeout,
            )
        return changed(self._client, call, smart_trade_id, forced_mode, timeout, options)

    def reduce_funds_info(
        self,
        smart_trade_id: int,
        *,
        forced_mode: ForcedModeArg = NOT_GIVEN,
        timeout: TimeoutArg = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> ReduceFundsInfo:
        """How far the position of a SmartTrade can be reduced (`max_reduce_funds_amount`, a
        decimal string in base currency).

        Allowed only while the status is `waiting_targets` (403 otherwise). The API asks for
        the SMART_TRADES_WRITE permission although this only reads.

        Args:
            smart_trade_id: ID of the SmartTrade.

        Raises:
            PermissionDeniedError: not in `waiting_targets`.

        Returns:
            The reducible amount.
        """
        call = ops.reduce_funds_info(smart_trade_id, self._mode(forced_mode))
        return self._client._execute(call, timeout, options)

    def close_by_market(
        self,
        smart_trade_id: int,
        *,
        forced_mode: ForcedModeArg = NOT_GIVEN,
        timeout: TimeoutArg = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> SmartTrade:
        """Close the whole SmartTrade at the market price.

        This places a MARKET ORDER on the exchange. It is never retried after a timeout or a
        5xx, where the order may have gone through: check the SmartTrade before sending it
        again. It is repeated only when it certainly did not reach the API (no connection) or
        was refused for the rate limit.

        Allowed while `data.panic_sell_available` is true (status `waiting_targets`,
        `stop_loss_in_progress`, `reduce_funds_in_progress` or `pending_reduce_funds`; 403
        otherwise). The SmartTrade becomes `panic_sell_pending`.

        Args:
            smart_trade_id: ID of the SmartTrade.

        Raises:
            PermissionDeniedError: the SmartTrade cannot be closed in its current status.
            OutcomeUnknownError: the answer was lost; the position may have been sold: read
                the SmartTrade before closing again (a ServerError, for a 5xx, says the same).

        Returns:
            The SmartTrade, `panic_sell_pending`.
            An empty 2xx answer is a success: the SmartTrade is then read once (a GET).
        """
        call = ops.order_by_id(
            "close_smart_trade_by_market", smart_trade_id, self._mode(forced_mode)
        )
        return changed(self._client, call, smart_trade_id, forced_mode, timeout, options)

    def force_start(
        self,
        smart_trade_id: int,
        *,
        forced_mode: ForcedModeArg = NOT_GIVEN,
        timeout: TimeoutArg = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> SmartTrade:
        """Open the position of a SmartTrade now, at the market price.

        This places a MARKET ORDER on the exchange, so it is never retried after a timeout or
        a 5xx, where the order may have gone through; the SDK sends it again only when it
        certainly did not reach the API (no connection) or was refused for the rate limit.

        Allowed while the position's status is `to_process`, `order_placed` or
        `trailing_activated` (`data.force_start_available`; 403 otherwise).

        Args:
            smart_trade_id: ID of the SmartTrade.

        Raises:
            PermissionDeniedError: the position cannot be started in its current status.
            OutcomeUnknownError: the answer was lost; the position may have been opened:
                read the SmartTrade before starting it again.

        Returns:
            The SmartTrade, its entry order placed.
            An empty 2xx answer is a success: the SmartTrade is then read once (a GET).
        """
        call = ops.order_by_id("force_start", smart_trade_id, self._mode(forced_mode))
        return changed(self._client, call, smart_trade_id, forced_mode, timeout, options)

    def force_process(
        self,
        smart_trade_id: int,
        *,
        forced_mode: ForcedModeArg = NOT_GIVEN,
        timeout: TimeoutArg = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> SmartTrade:
        """Ask 3Commas to process the SmartTrade now.

        Only the older API reference documents this call, and it does not say what processing
        does, so it is never retried after a timeout or a 5xx (only when it certainly did not
        reach the API, or was refused for the rate limit). Allowed while
        `data.force_process_available` is true (403 otherwise).

        Args:
            smart_trade_id: ID of the SmartTrade.

        Raises:
            PermissionDeniedError: the SmartTrade cannot be processed now.
            OutcomeUnknownError: the answer was lost; `get` the SmartTrade to see its state.

        Returns:
            The SmartTrade. The answer's body is undocumented: when it is empty (a 2xx with no
            body), the SDK reads the SmartTrade once with a GET and returns it; the call itself
            is never sent again.
        """
        call = ops.order_by_id("force_process", smart_trade_id, self._mode(forced_mode))
        return changed(self._client, call, smart_trade_id, forced_mode, timeout, options)

    def close_trade_by_market(
        self,
        smart_trade_id: int,
        trade_id: int,
        *,
        forced_mode: ForcedModeArg = NOT_GIVEN,
        timeout: TimeoutArg = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> SmartTrade:
        """Close one take-profit trade of a SmartTrade at the market price (the same call as
        the trades close by market, under the name of its operation).

        It places a MARKET ORDER and, like every call that may have placed one, is never
        retried after a timeout or a 5xx; only a request that certainly never reached the API,
        or that the API refused for the rate limit, is sent again. Read the SmartTrade before
        repeating it yourself (an `OutcomeUnknownError` says the answer was lost).

        Args, Raises and Returns: those of `trades.close_by_market`. An empty 2xx answer (the
        docs show an empty `200 OK`) is a success: the SDK then reads the SmartTrade once with
        a GET and returns it; the close is never sent again.
        """
        call = ops.by_trade(
            "close_trade_by_market", smart_trade_id, trade_id, self._mode(forced_mode)
        )
        return changed(self._client, call, smart_trade_id, forced_mode, timeout, options)

    def reduce_funds(
        self,
        smart_trade_id: int,
        request: ReduceFundsRequest | ReduceFundsRequestParam | None = None,
        /,
        *,
        order_type: OrderType | str | None = None,
        units: Quantity | UnitsInput | None = None,
        price: Quantity | PriceInput | None = None,
        check_limits: bool = False,
        forced_mode: ForcedModeArg = NOT_GIVEN,
        timeout: TimeoutArg = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> SmartTrade:
        """Sell part of the position of a SmartTrade (buy back, for a short).

        This places an order on the exchange, a MARKET ORDER for `order_type="market"`. It is
        never retried after a timeout or a 5xx, where the order may have gone through; the SDK
        sends it again only when it certainly did not reach the API (no connection) or was
        refused for the rate limit. Check the SmartTrade before repeating it yourself.

        Allowed only while the status is `waiting_targets` (403 otherwise); the SmartTrade
        then becomes `pending_reduce_funds` with a new reduce-funds step. `reduce_funds_info`
        tells the largest amount.

        Args:
            smart_trade_id: ID of the SmartTrade.
            request: the whole body (`ReduceFundsRequest` or a mapping), instead of the fields.
            order_type: `"market"` or `"limit"` (or `OrderType`).
            units: amount in base currency, at most `reduce_funds_info`'s: a decimal string,
                a `decimal.Decimal` or a `UnitsInput` (never a float).
            price: the limit price of a limit order (required for one); types as for `units`.
            check_limits: check the order against the exchange's limits of the SmartTrade's
                pair before sending it; False by default. Cost: the SmartTrade, its account
                (both signed) and the pair's rates (unsigned) are read, each kept 300 s
                (`LIMITS_CACHE_TTL_S`) per client: at most three requests more the first time.

        Raises:
            OrderLimitError: `check_limits=True` and the exchange's limits would refuse the
                order: the field, the limit, the value and the nearest valid value are named;
                nothing was sent.
            TypeError: a float for an amount, both a request and fields, or a missing field;
                nothing was sent.
            ValueError: the body breaks the schema; nothing was sent.
            PermissionDeniedError: not in `waiting_targets`.
            UnprocessableEntityError: the amount was refused (more than can be reduced, say).
            OutcomeUnknownError: the answer was lost; part of the position may be sold: read
                the SmartTrade (its reduce-funds steps) before reducing again.

        Returns:
            The SmartTrade, `pending_reduce_funds`.
            An empty 2xx answer is a success: the SmartTrade is then read once (a GET).
        """
        fields = ops.funds_fields(order_type, units, price)
        call = ops.change("reduce_funds", smart_trade_id, request, fields, self._mode(forced_mode))
        if check_limits:
            from ._order_checks import check_funds  # the limits' code, on first use

            check_funds(
                self._client,
                smart_trade_id,
                call,
                reduce=True,
                forced_mode=forced_mode,
                timeout=timeout,
            )
        return changed(self._client, call, smart_trade_id, forced_mode, timeout, options)
