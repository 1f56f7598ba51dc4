# generated from overlay/threecommas/_async/resources/_smart_trades.py by scripts/unasync.py — do not edit
"""`client.smart_trades`: create, list, read, edit and cancel SmartTrades (the calls that act on
their orders are in `_smart_trade_orders`)."""

from __future__ import annotations

import builtins
import datetime
from collections.abc import Iterator
from typing import TYPE_CHECKING, Unpack

import threecommas._constants as constants
from threecommas._options import check_options
from threecommas._pagination import PageWalk, check_one
from threecommas._resource import LazyModule
from threecommas._types import NOT_GIVEN, ForcedModeArg, RequestOptions, TimeoutArg
from threecommas._validation import check_timeout

from .._api_client import SyncAPIClient
from .._paginator import pages
from ._order_answers import changed
from ._smart_trade_orders import SmartTradeOrders
from ._trades import Trades

if TYPE_CHECKING:
    import threecommas._operations as ops
    from threecommas._watch import SmartTradeEvent, StopCheck, Until, WatchIds
    from threecommas_api.models.create_smart_trade_request import CreateSmartTradeRequest
    from threecommas_api.models.leverage_input import LeverageInput
    from threecommas_api.models.order_direction import OrderDirection
    from threecommas_api.models.position_input import PositionInput
    from threecommas_api.models.smart_trade import SmartTrade
    from threecommas_api.models.smart_trade_order_by import SmartTradeOrderBy
    from threecommas_api.models.smart_trade_status_filter import SmartTradeStatusFilter
    from threecommas_api.models.smart_trade_type import SmartTradeType
    from threecommas_api.models.stop_loss_input import StopLossInput
    from threecommas_api.models.take_profit_input import TakeProfitInput
    from threecommas_api.models.update_position_input import UpdatePositionInput
    from threecommas_api.models.update_smart_trade_request import UpdateSmartTradeRequest
    from threecommas_api.params import (
        CreateSmartTradeRequestParam,
        LeverageInputParam,
        PositionInputParam,
        StopLossInputParam,
        TakeProfitInputParam,
        UpdatePositionInputParam,
        UpdateSmartTradeRequestParam,
    )
else:
    ops = LazyModule("threecommas._operations")

__all__ = ["SmartTrades"]


class SmartTrades(SmartTradeOrders):
    """`client.smart_trades`: SmartTrade operations of the synchronous client.

    Every method checks its arguments before anything is sent: a `TypeError` or `ValueError`
    names the bad one. Each takes two keyword arguments that apply to that call only, both the
    client's by default: `forced_mode` (`"real"` or `"paper"`) and `timeout` (seconds, or an
    `httpx.Timeout`). An error answer raises an `APIError` (`NotFoundError` for an unknown id),
    no answer an `APIConnectionError`; a change whose answer was lost, an `OutcomeUnknownError`.
    """

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client
        self.trades = Trades(client)

    def create(
        self,
        request: CreateSmartTradeRequest | CreateSmartTradeRequestParam | None = None,
        /,
        *,
        account_id: int | None = None,
        pair: str | None = None,
        position: PositionInput | PositionInputParam | None = None,
        take_profit: TakeProfitInput | TakeProfitInputParam | None = None,
        stop_loss: StopLossInput | StopLossInputParam | None = None,
        leverage: LeverageInput | LeverageInputParam | None = None,
        instant: bool | None = None,
        skip_enter_step: bool | None = None,
        note: str | None = None,
        check_limits: bool = False,
        forced_mode: ForcedModeArg = NOT_GIVEN,
        timeout: TimeoutArg = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> SmartTrade:
        """Open a new SmartTrade on an exchange account.

        Depending on `position.order_type` this may place a MARKET ORDER at once. It is never
        retried after a timeout or a 5xx, where it may have gone through: list the SmartTrades
        before sending it again, or you may open two. It is repeated only when it certainly
        did not reach the API (no connection) or was refused for the rate limit.

        Give either `request` (a `CreateSmartTradeRequest`, or a mapping in the API's JSON
        shape) or the keyword fields; `account_id`, `pair` and `position` are required. Nested
        parts may be the generated `*Input` models or mappings. Quantities and prices are
        decimal strings or `decimal.Decimal`; a float is refused.

        The body is checked against the OpenAPI schema before anything is sent, together with
        the rules the schema cannot say: take-profit volumes add up to 100, breakeven needs two
        or more take-profit steps, trailing is for market orders only.

        Args:
            request: the whole body, instead of the keyword fields.
            account_id: ID of the exchange account (one with `smart_trading_supported`).
            pair: pair in 3Commas format, QUOTE_BASE (`"USDT_BTC"`).
            position: the entry order (`type`, `order_type`, `units`, and `price` for a limit
                entry or `conditional` for a conditional one).
            take_profit: take-profit settings and 1 to 8 steps; `{"enabled": False}` when
                left out (as for `stop_loss` and `leverage`).
            stop_loss: stop-loss settings.
            leverage: leverage, for futures accounts.
            instant: True for a Simple Buy or Simple Sell.
            skip_enter_step: True for a Smart Buy or Smart Sell of funds already held.
            note: a note of 1 to 300 characters.
            check_limits: check the order against the pair's limits and `max_leverage`, and
                that the account takes SmartTrades, before sending; False by default. Cost: the
                account, the pair's rates and (for a leverage) its leverage data, each read once
                per 300 s (`LIMITS_CACHE_TTL_S`): at most three requests more, the first time.

        Raises:
            TypeError: a request and fields together, a required field missing, a float
                quantity, a value of the wrong type; nothing was sent.
            ValueError: the body breaks the schema or a rule (each bad field is named);
                nothing was sent.
            UnprocessableEntityError: the API refused the values (`error_attributes`).
            OrderLimitError: `check_limits=True` and the exchange's limits (or the account)
                would refuse the order: the field, the limit, the value and the nearest valid
                value are named; nothing was sent.
            PermissionDeniedError: the account is not yours or cannot trade SmartTrades.
            ResponseParseError: also an empty 2xx (created but unnamed: list before a retry).
            OutcomeUnknownError: sent, but the connection broke before the answer came; the
                order may have gone through: list your SmartTrades before sending it again (a
                ServerError, for a 5xx, says the same).

        Returns:
            The new SmartTrade.
        """
        fields = {
            "account_id": account_id,
            "pair": pair,
            "position": position,
            "take_profit": take_profit,
            "stop_loss": stop_loss,
            "leverage": leverage,
            "instant": instant,
            "skip_enter_step": skip_enter_step,
            "note": note,
        }
        call = ops.create(request, fields, self._mode(forced_mode))
        if check_limits:
            from ._order_checks import check_create  # the limits' code, on first use

            check_create(self._client, call, timeout)
        return self._client._execute(call, timeout, options)

    def list(
        self,
        *,
        account_id: int | None = None,
        pair: str | None = None,
        type: SmartTradeType | str | None = None,
        page: int | None = None,
        per_page: int | None = None,
        status: SmartTradeStatusFilter | str | None = None,
        order_by: SmartTradeOrderBy | str | None = None,
        order_direction: OrderDirection | str | None = None,
        from_: datetime.datetime | None = None,
        to: datetime.datetime | None = None,
        base: str | None = None,
        quote: str | None = None,
        forced_mode: ForcedModeArg = NOT_GIVEN,
        timeout: TimeoutArg = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[SmartTrade]:
        """One page of your SmartTrades, filtered and sorted.

        The API sends a plain array without paging information: a page shorter than
        `per_page` is the last one. `iter_all` walks every page for you. Filters left as None
        are not sent, and the API's defaults apply (page 1, 10 per page, descending order).

        Args:
            account_id: only this exchange account.
            pair: only this pair (`"USDT_BTC"`).
            type: only this kind (`SmartTradeType` or its value, e.g. `"smart_trade"`).
            page: page number, 1 to 1,000,000.
            per_page: SmartTrades per page, 1 to 100.
            status: only this group of statuses (`SmartTradeStatusFilter` or its value:
                `all`, `active`, `finished`, `successfully_finished`, `cancelled`, `failed`).
            order_by: sort key (`SmartTradeOrderBy` or its value).
            order_direction: `"asc"` or `"desc"` (or `OrderDirection`).
            from_: only SmartTrades created at or after this timezone-aware time.
            to: only SmartTrades created before this timezone-aware time.
            base: only pairs with this base currency (`"BTC"`).
            quote: only pairs with this quote currency (`"USDT"`).

        Raises:
            TypeError, ValueError: a bad filter (unknown enum value, a range, a pair that is
                not QUOTE_BASE, a naive datetime); nothing was sent.
            ResponseParseError: the answer is not a JSON array of SmartTrades.

        Returns:
            The SmartTrades of the page (possibly none).
        """
        query = ops.list_query(locals(), self._mode(forced_mode))  # the filters, by their names
        call = ops.list_page(query, *check_one(ops.LIST, page, per_page))
        return self._client._execute(call, timeout, options)

    def iter_all(
        self,
        *,
        account_id: int | None = None,
        pair: str | None = None,
        type: SmartTradeType | str | None = None,
        page: int | None = None,
        per_page: int = constants.ITER_ALL_PER_PAGE,
        status: SmartTradeStatusFilter | str | None = None,
        order_by: SmartTradeOrderBy | str | None = None,
        order_direction: OrderDirection | str | None = None,
        from_: datetime.datetime | None = None,
        to: datetime.datetime | None = None,
        base: str | None = None,
        quote: str | None = None,
        forced_mode: ForcedModeArg = NOT_GIVEN,
        timeout: TimeoutArg = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> Iterator[SmartTrade]:
        """Every SmartTrade that matches the filters, fetching page after page as you iterate.

        Starts at `page` (1 by default) and stops after the first page shorter than
        `per_page`. The arguments are checked at once, when `iter_all` is called; the pages
        are requested lazily. The pages are separate requests: SmartTrades created or changed
        meanwhile may shift between pages, so one may be seen twice or missed.

        The arguments are the filters of `list`; `page` is the first page to fetch and
        `per_page` (1 to 100, 100 by default) the page size.

        Yields:
            SmartTrades, page by page, in the order the API sends them.

        Raises:
            TypeError, ValueError: a bad filter; raised by the call itself, nothing was sent.
            ResponseParseError, APIError, APIConnectionError: while iterating, from the page
                that failed.
        """
        self._client._refuse_raw("iter_all")
        query = ops.list_query(locals(), self._mode(forced_mode))  # the filters, by their names
        walk = PageWalk.checked(ops.LIST, page, per_page)
        return self._walk(query, walk, check_timeout(timeout), check_options(options))

    def _walk(
        self, query: ops.ListQuery, walk: PageWalk, timeout: TimeoutArg, options: RequestOptions
    ) -> Iterator[SmartTrade]:
        def fetch(page: int) -> builtins.list[SmartTrade]:
            call = ops.list_page(query, page, walk.per_page)
            return self._client._execute(call, timeout, options)

        for batch in pages(walk, fetch):
            for smart_trade in batch:
                yield smart_trade

    def get(
        self,
        smart_trade_id: int,
        *,
        forced_mode: ForcedModeArg = NOT_GIVEN,
        timeout: TimeoutArg = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> SmartTrade:
        """Fetch one SmartTrade by its ID, in any status (cancelled ones included).

        Args:
            smart_trade_id: ID of the SmartTrade.

        Returns:
            The SmartTrade, as the API has it now.
        """
        call = ops.by_id("get_smart_trade", smart_trade_id, self._mode(forced_mode))
        return self._client._execute(call, timeout, options)

    def update(
        self,
        smart_trade_id: int,
        request: UpdateSmartTradeRequest | UpdateSmartTradeRequestParam | None = None,
        /,
        *,
        leverage: LeverageInput | LeverageInputParam | None = None,
        position: UpdatePositionInput | UpdatePositionInputParam | None = None,
        take_profit: TakeProfitInput | TakeProfitInputParam | None = None,
        stop_loss: StopLossInput | StopLossInputParam | None = None,
        forced_mode: ForcedModeArg = NOT_GIVEN,
        timeout: TimeoutArg = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> SmartTrade:
        """Edit the position, take profit, stop loss or leverage of a SmartTrade.

        Allowed while the SmartTrade's status is `waiting_position` or `waiting_targets`
        (403 otherwise). Give either `request` (an `UpdateSmartTradeRequest` or a mapping in
        the API's JSON shape) or at least one keyword field; only what is given changes. The
        take-profit rules of `create` apply and are checked before sending.

        Args:
            smart_trade_id: ID of the SmartTrade.
            request: the whole body, instead of the keyword fields.
            leverage: new leverage settings.
            position: new `units`, `price` or `conditional` of the entry order.
            take_profit: new take-profit settings and steps. A step with the `id` of one of
                the SmartTrade's steps edits that step in place; a step without `id` is new;
                a step left out is removed.
            stop_loss: new stop-loss settings.

        Raises:
            TypeError: a request and fields together, nothing to change, a float quantity, a
                value of the wrong type; nothing was sent.
            ValueError: the body breaks the schema or a rule; nothing was sent.
            PermissionDeniedError: the SmartTrade cannot be edited in its current status.
            BadRequestError, UnprocessableEntityError: the API refused the body.
            OutcomeUnknownError: the answer was lost; the edit may have been made: read the
                SmartTrade before sending it again (a ServerError, for a 5xx, says the same).

        Returns:
            The updated SmartTrade (read once with a GET after an empty 2xx answer).
        """
        fields = {
            "leverage": leverage,
            "position": position,
            "take_profit": take_profit,
            "stop_loss": stop_loss,
        }
        call = ops.change(
            "update_smart_trade", smart_trade_id, request, fields, self._mode(forced_mode)
        )
        return changed(self._client, call, smart_trade_id, forced_mode, timeout, options)

    def cancel(
        self,
        smart_trade_id: int,
        *,
        forced_mode: ForcedModeArg = NOT_GIVEN,
        timeout: TimeoutArg = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> SmartTrade:
        """Cancel a SmartTrade: it becomes `cancellation_pending`. It is not deleted: `get`
        and `list` still show it.

        Allowed while the status is `waiting_position`, `waiting_targets`,
        `stop_loss_in_progress`, `reduce_funds_in_progress` or `pending_reduce_funds` (403
        otherwise). To sell what was bought, use `close_by_market` instead.

        Args:
            smart_trade_id: ID of the SmartTrade.

        Raises:
            PermissionDeniedError: the SmartTrade cannot be cancelled in its current status.
            OutcomeUnknownError: the answer was lost; it may be cancelled: `get` it to know.

        Returns:
            The SmartTrade, `cancellation_pending` (read once with a GET after an empty 2xx).
        """
        call = ops.order_by_id("cancel_smart_trade", smart_trade_id, self._mode(forced_mode))
        return changed(self._client, call, smart_trade_id, forced_mode, timeout, options)

    def set_note(
        self,
        smart_trade_id: int,
        note: str,
        *,
        forced_mode: ForcedModeArg = NOT_GIVEN,
        timeout: TimeoutArg = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> SmartTrade:
        """Replace the note of a SmartTrade (the API documents no status restriction).

        Args:
            smart_trade_id: ID of the SmartTrade.
            note: the new note, 1 to 300 characters.

        Raises:
            TypeError: the note is not a str; nothing was sent.
            ValueError: the note is empty or longer than 300 characters; nothing was sent.
            OutcomeUnknownError: the answer was lost; sending the same note again is harmless.

        Returns:
            The SmartTrade with its new note (read once with a GET after an empty 2xx).
        """
        call = ops.set_note(smart_trade_id, note, self._mode(forced_mode))
        return changed(self._client, call, smart_trade_id, forced_mode, timeout, options)

    def watch(
        self,
        ids: WatchIds = None,
        *,
        source: str = "poll",
        budget_share: float = constants.DEFAULT_BUDGET_SHARE,
        initial: bool = True,
        max_events: int | None = None,
        duration: float | None = None,
        stop: StopCheck | None = None,
        forced_mode: ForcedModeArg = NOT_GIVEN,
        timeout: TimeoutArg = NOT_GIVEN,
        stale_after: float = constants.DEFAULT_STALE_AFTER_S,
        reconnect_initial: float = constants.DEFAULT_RECONNECT_INITIAL_S,
        reconnect_max: float = constants.DEFAULT_RECONNECT_MAX_S,
    ) -> Iterator[SmartTradeEvent]:
        """Every change of your active SmartTrades (or of the ones you name), as it is seen.

        Polls in sweeps within a share of the client's rate budget: one `list` request covers
        100 active SmartTrades, so a sweep of N costs ceil(N / 100) requests, plus one `get` for
        each SmartTrade that left the active list (to report its final state). A sweep that
        cost k requests is followed by the next one after `k * period / (budget_share *
        requests)` seconds, `requests` per `period` being the client's `rate_limit` (24 s for
        1,000 active SmartTrades at 100 a minute and 25 %). The watcher's requests share the
        client's limiter with every other call, and never take more than their share of it.
        A few watched ids are read with one `get` each when that is cheaper than listing.

        Events come in the order seen, those of one SmartTrade in the order of its changes; a
        change undone between two sweeps is not seen. The watch ends when you stop iterating,
        after `max_events` events or `duration` seconds (on the client's `clock`; no wait or
        request runs past it), when `stop()` returns True (checked between sweeps, at least
        every 0.25 s), or, with `ids`, once each of them finished.

        Args:
            ids: the SmartTrades to watch (an id or several); None: every active one, and
                those that become active.
            source: `"poll"`, or `"websocket"`: EXPERIMENTAL (undocumented since February
                2025; `pip install 'threecommas-sdk[stream]'`): also listen to the
                SmartTradesChannel stream at the client's `stream_url` for status changes. A
                REST sweep follows every confirmed subscription (nothing missed while
                disconnected), and sweeps go on within `budget_share` for the take-profit
                steps the stream never reports. RSA keys sign with PKCS#1 v1.5 (unverified).
            budget_share: the part of the client's rate budget watching may use, in (0, 1].
            initial: also report each SmartTrade at first sight (`previous` None).
            max_events, duration, stop: when to end (None: never; duration 0: one sweep).
            stale_after, reconnect_initial, reconnect_max: `"websocket"` only: a connection
                without a ping (every 3 s) for `stale_after` s is reopened, after a jittered
                delay doubling from `reconnect_initial` up to `reconnect_max` seconds.

        Raises:
            TypeError, ValueError: a bad argument; raised by the call itself, nothing was sent.
            StreamUnavailableError, MissingCredentialsError: `"websocket"` without the
                `stream` extra or without credentials (raised by the call).
            APIError, APIConnectionError, StreamRejectedError: while iterating (a failed
                request, a refused subscription); `NotFoundError` naming unknown ids first.

        Yields:
            `SmartTradeEvent`s: `.smart_trade`, `.previous`, `.changes`.
        """
        limit, clock = self._client._policy.settings.rate_limit, self._client._clock
        ending = (max_events, duration, stop)
        # The watch's code loads with the first watch, not with the client.
        from threecommas._watch import WatchPlan

        from ._watch import Watch

        plan = WatchPlan.checked(limit, ids, source, budget_share, initial, *ending, clock=clock)
        check_timeout(timeout)
        if plan.source == "websocket":
            from ._stream import stream_events  # loaded (with websockets) only when used

            reconnect = (reconnect_initial, reconnect_max)
            stream = stream_events(self, plan, forced_mode, timeout, stale_after, *reconnect)
            return stream.events()
        return Watch(self, plan, forced_mode, timeout).events()

    def wait_for(
        self,
        smart_trade_id: int,
        until: Until = None,
        *,
        timeout: float | None = None,
        source: str = "poll",
        budget_share: float = constants.DEFAULT_BUDGET_SHARE,
        stale_after: float = constants.DEFAULT_STALE_AFTER_S,
        reconnect_initial: float = constants.DEFAULT_RECONNECT_INITIAL_S,
        reconnect_max: float = constants.DEFAULT_RECONNECT_MAX_S,
        forced_mode: ForcedModeArg = NOT_GIVEN,
    ) -> SmartTrade:
        """The SmartTrade once `until` holds, watched as `watch([smart_trade_id])` does.

        Args:
            smart_trade_id: ID of the SmartTrade.
            until: None or `"finished"`: finished, cancelled or failed; another status
                (`"waiting_targets"`, one of `WaitStatus`): that `status.basic_type`; or a
                callable taking the SmartTrade and returning True when done.
            timeout: seconds to wait at most, on the client's `clock` (None: no limit).
            source, budget_share, stale_after, reconnect_initial, reconnect_max: as for
                `watch`; with `"websocket"` a status change is seen as the stream reports it.

        Raises:
            ValueError, NotFoundError: a bad `until` (nothing sent); an unknown id.
            TimeoutError, ThreeCommasError: `until` did not hold within `timeout`; the
                SmartTrade ended (or is gone) without `until` holding.

        Returns:
            The SmartTrade as it was when `until` held.
        """
        from threecommas._watch import WatchPlan, check_wait_timeout, until_predicate

        from ._watch import Watch, wait_until

        holds = until_predicate(until)
        check_wait_timeout(timeout)
        limit, ending = self._client._policy.settings.rate_limit, (None, timeout, None)
        plan = WatchPlan.checked(
            limit, smart_trade_id, source, budget_share, True, *ending, clock=self._client._clock
        )
        if plan.source == "websocket":
            from ._stream import stream_events

            reconnect = (reconnect_initial, reconnect_max)
            stream = stream_events(self, plan, forced_mode, NOT_GIVEN, stale_after, *reconnect)
            return wait_until(smart_trade_id, holds, plan, stream.events(), stream.sweeps)
        watch = Watch(self, plan, forced_mode, NOT_GIVEN)
        return wait_until(smart_trade_id, holds, plan, watch.events(), watch)
