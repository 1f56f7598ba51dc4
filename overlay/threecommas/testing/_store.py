"""In-memory SmartTrades, and one rule per operation for how a request reads or changes them.

A rule does two things:

* ``starting_states``: recover, from a recorded response of its operation, the SmartTrades as
  they were just *before* that request, so that replaying the recorded request against a fresh
  store gives the recorded status back (and, for the reads and the close-trade seed, the recorded
  body);
* ``run``: answer a request, changing SmartTrades (or refusing, as the API would).

A request runs as one :class:`Transaction` under the store's lock: it works on copies, and only
a successful rule's changes are committed, so a refused request leaves the store exactly as it
was. Every changed SmartTrade gets its flags recomputed from the rules of
:mod:`~threecommas.testing._state` before it is stored.

Checks come in the API's order: an unknown SmartTrade or trade (404), then the request body
(400/422), then the state rule (403).

No exchange is simulated: nothing moves a SmartTrade on by itself, and actions leave
``data.updated_at`` as it was (the docs' close-trade example, which must replay byte for byte,
shows it unchanged by the close); a created SmartTrade gets the creation time for both.
"""

from __future__ import annotations

import copy
import json
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, ClassVar, Final, Protocol, TypeVar

from threecommas import _schema
from threecommas._params import ParameterError
from threecommas.testing._docs_forms import canonical_body
from threecommas.testing._entities import (
    POSITION_TRADE,
    STOP_LOSS_TRADE,
    TradeIds,
    build_conditional,
    build_leverage,
    build_reduce_funds_step,
    build_smart_trade,
    build_stop_loss,
    build_take_profit,
    market_price,
    placeholder_account,
    rebuild_from_trades,
    timestamp,
    trades_of,
)
from threecommas.testing._listing import list_page, parse_list_query
from threecommas.testing._recordings import Recording, RecordingError
from threecommas.testing._state import (
    JSONObject,
    add_funds_refusal,
    cancel_refusal,
    cancel_stop_loss_refusal,
    cancel_trade_refusal,
    cancels_smart_trade,
    close_by_market_refusal,
    close_trade_refusal,
    decimal_text,
    edit_refusal,
    force_process_refusal,
    force_start_refusal,
    order_status,
    reduce_funds_refusal,
    refresh_flags,
    smart_trade_status,
    status_of,
    take_profit_steps,
    to_decimal,
)
from threecommas_api._catalogue import BY_ID

__all__ = [
    "RULES",
    "ActionError",
    "JSONObject",
    "OperationRule",
    "Received",
    "Seed",
    "SmartTradeStore",
    "Transaction",
]

Clock = Callable[[], datetime]
#: IDs are int64 in the API; anything above cannot name a real resource.
MAX_ID: Final = 2**63 - 1
_T = TypeVar("_T")


class ActionError(Exception):
    """The API's refusal of a request: an HTTP status and the error body's fields."""

    def __init__(
        self,
        status: int,
        error: str,
        description: str | None = None,
        attributes: Mapping[str, list[str]] | None = None,
    ) -> None:
        super().__init__(f"{status} {error}")
        self.status = status
        self.error = error
        self.description = description
        self.attributes = dict(attributes) if attributes else None

    def body(self) -> JSONObject:
        result: JSONObject = {"error": self.error}
        if self.description is not None:
            result["error_description"] = self.description
        if self.attributes:
            result["error_attributes"] = self.attributes
        return result


def smart_trade_not_found() -> ActionError:
    # The body the docs show for an unknown SmartTrade on this family of endpoints.
    return ActionError(404, "Not found", "Smart Trade not found")


def trade_not_found() -> ActionError:
    return ActionError(404, "Not found", "Trade not found in this Smart Trade")


def forbidden(reason: str) -> ActionError:
    return ActionError(403, "Forbidden", reason)


def invalid_parameters(status: int, attributes: Mapping[str, list[str]]) -> ActionError:
    # The shape of every validation error in the docs.
    return ActionError(status, "record_invalid", "Invalid parameters", attributes)


@dataclass(frozen=True)
class Received:
    """One request as a rule sees it: path ids, query items and the raw body."""

    params: Mapping[str, int] = field(default_factory=dict)
    query: tuple[tuple[str, str], ...] = ()
    body: bytes = b""


@dataclass
class Seed:
    """A SmartTrade for a fresh store, and the ids of its trades that its entity does not show."""

    smart_trade: JSONObject
    trade_ids: TradeIds = field(default_factory=dict)


def clone(value: _T) -> _T:
    """A deep copy of JSON data (a JSON round trip: several times faster than deepcopy)."""
    try:
        copied: _T = json.loads(json.dumps(value))
        return copied
    except (TypeError, ValueError, RecursionError):
        return copy.deepcopy(value)  # not plain JSON: a SmartTrade put in by hand


def _all_ids(smart_trade: JSONObject) -> Iterator[int]:
    """Every id in a SmartTrade: its own, its steps', its market close's."""
    candidates: list[Any] = [smart_trade.get("id")]
    candidates += [step.get("id") for step in take_profit_steps(smart_trade)]
    reduce_funds = smart_trade.get("reduce_funds")
    steps = reduce_funds.get("steps") if isinstance(reduce_funds, dict) else None
    if isinstance(steps, list):
        candidates += [s.get("id") for s in steps if isinstance(s, dict)]
    market_close = smart_trade.get("market_close")
    if isinstance(market_close, dict):
        candidates.append(market_close.get("id"))
    for value in candidates:
        if isinstance(value, int) and not isinstance(value, bool):
            yield value


class Transaction:
    """The store during one request, under its lock. Reads give copies; ``save`` stages changes."""

    def __init__(self, store: SmartTradeStore) -> None:
        self._store = store
        self._saved: dict[int, JSONObject] = {}
        self._trade_ids: dict[int, TradeIds] = {}
        self._next_id = store._next_id

    # Reading

    def find(self, smart_trade_id: int) -> JSONObject | None:
        current = self._saved.get(smart_trade_id)
        if current is None:
            current = self._store._smart_trades.get(smart_trade_id)
        return None if current is None else clone(current)

    def smart_trade(self, smart_trade_id: int) -> JSONObject:
        """A working copy of the SmartTrade, or the API's 404."""
        found = self.find(smart_trade_id)
        if found is None:
            raise smart_trade_not_found()
        return found

    def smart_trades(self) -> list[JSONObject]:
        """Copies of every SmartTrade, in the order they entered the store."""
        ids = list(self._store._smart_trades) + [
            i for i in self._saved if i not in self._store._smart_trades
        ]
        return [st for st in (self.find(i) for i in ids) if st is not None]

    def trade_ids(self, smart_trade_id: int) -> TradeIds:
        staged = self._trade_ids.get(smart_trade_id)
        if staged is not None:
            return dict(staged)
        return dict(self._store._trade_ids.get(smart_trade_id, {}))

    def now(self) -> str:
        return timestamp(self._store.clock())

    def new_id(self) -> int:
        """An id no SmartTrade, step or trade has had in this store."""
        value = self._next_id
        self._next_id += 1
        return value

    def account(self, account_id: int) -> JSONObject:
        """The account as another SmartTrade shows it; a placeholder if none does."""
        for smart_trade in self._store._smart_trades.values():
            account = smart_trade.get("account")
            if isinstance(account, dict) and account.get("id") == account_id:
                return clone(account)
        return placeholder_account(account_id)

    def current_price(self, pair: str) -> JSONObject:
        """The pair's prices as another SmartTrade last showed them (empty when none does)."""
        for smart_trade in self._store._smart_trades.values():
            data = smart_trade.get("data")
            prices = data.get("current_price") if isinstance(data, dict) else None
            if smart_trade.get("pair") == pair and isinstance(prices, dict):
                return clone(prices)
        return {}

    # Writing

    def save(self, smart_trade: JSONObject, trade_ids: TradeIds | None = None) -> None:
        """Stage a changed (or new) SmartTrade, its flags recomputed from the rules."""
        refresh_flags(smart_trade)
        smart_trade_id = int(smart_trade["id"])
        self._saved[smart_trade_id] = clone(smart_trade)
        ids = self.trade_ids(smart_trade_id)
        ids.update(trade_ids or {})
        for key in (POSITION_TRADE, STOP_LOSS_TRADE):
            if key not in ids:
                ids[key] = self.new_id()
        self._trade_ids[smart_trade_id] = ids

    def commit(self) -> None:
        store = self._store
        store._smart_trades.update(self._saved)
        store._trade_ids.update(self._trade_ids)
        store._next_id = max(store._next_id, self._next_id)


class OperationRule(Protocol):
    """How one operation reads and changes SmartTrades."""

    @property
    def seed_priority(self) -> int:
        """Which recordings seed a SmartTrade first (lowest first) when several show it."""
        ...

    def starting_states(self, recording: Recording, params: Mapping[str, int]) -> list[Seed]:
        """The SmartTrades just before the recorded request (empty if it tells nothing)."""
        ...

    def run(self, tx: Transaction, request: Received) -> Any:
        """The answer's body; changes go through ``tx``. Raise ActionError to refuse."""
        ...


# --- Helpers for rules --------------------------------------------------------------------------


def _object(value: Any) -> JSONObject:
    return value if isinstance(value, dict) else {}


def _recorded_smart_trade(recording: Recording) -> JSONObject | None:
    """A copy of the recorded body if it is a successful answer with a SmartTrade in it."""
    body = recording.body
    if not 200 <= recording.status < 300 or not isinstance(body, dict):
        return None
    smart_trade_id = body.get("id")
    if not isinstance(smart_trade_id, int) or isinstance(smart_trade_id, bool):
        return None
    return clone(body)


def _where(recording: Recording) -> str:
    return str(recording.file or recording.path)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")  # NaN and Infinity, which json.loads would take


def read_body(request: Received, schema_name: str, malformed_status: int) -> JSONObject:
    """The JSON body, checked against the spec: ``malformed_status`` if it is not JSON or breaks
    the schema, 422 if it breaks a rule of the API that the schema cannot express.

    The schema is the document as written, which takes the docs' spellings too (``"true"``,
    plain numbers for amounts); the body is then turned into its canonical form, the one the
    rules and the rest of the server work with (see ``_docs_forms``)."""
    try:
        body = (
            json.loads(request.body, parse_constant=_no_constant) if request.body.strip() else None
        )
    except (ValueError, RecursionError):
        raise invalid_parameters(malformed_status, {"body": ["is not valid JSON"]}) from None
    if body is None:
        raise invalid_parameters(malformed_status, {"body": ["is missing"]})
    try:
        errors = _schema.schema_errors(schema_name, body, lenient=True)
    except RecursionError:
        errors = {"body": ["is nested too deeply"]}
    if errors:
        raise invalid_parameters(malformed_status, errors)
    if not isinstance(body, dict):  # every request schema describes an object
        raise invalid_parameters(malformed_status, {"body": ["is invalid"]})
    canonical: JSONObject = canonical_body(schema_name, body)
    errors = _schema.rule_errors(schema_name, canonical)
    if errors:
        raise invalid_parameters(422, errors)
    return canonical


def _refuse_unless(refusal: str | None) -> None:
    if refusal is not None:
        raise forbidden(refusal)


def _integral(value: Any) -> Any:
    # JSON Schema's "integer" also admits 12.0; the API would answer 12.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


# --- Rules --------------------------------------------------------------------------------------


class _SmartTradeRule:
    """A request about one SmartTrade, named by the path parameter ``id``."""

    seed_priority: ClassVar[int] = 2
    id_param: ClassVar[str] = "id"

    def smart_trade_id(self, params: Mapping[str, int]) -> int:
        return params[self.id_param]

    def starting_states(self, recording: Recording, params: Mapping[str, int]) -> list[Seed]:
        smart_trade = _recorded_smart_trade(recording)
        if smart_trade is None:
            return []
        # The docs' request lines often name the placeholder 12345678 while their answer shows
        # another SmartTrade: the answer then seeds its own id.
        self.rewind(smart_trade, recording)
        refresh_flags(smart_trade)
        return [Seed(smart_trade)]

    def rewind(self, smart_trade: JSONObject, recording: Recording) -> None:
        """Undo, in place, what the recorded request changed (nothing by default)."""

    def run(self, tx: Transaction, request: Received) -> Any:
        return self.act(tx, tx.smart_trade(self.smart_trade_id(request.params)), request)

    def act(self, tx: Transaction, smart_trade: JSONObject, request: Received) -> Any:
        raise NotImplementedError


class GetSmartTradeRule(_SmartTradeRule):
    """``GET /v2/smart_trades/{id}``: the SmartTrade as stored."""

    seed_priority = 0

    def starting_states(self, recording: Recording, params: Mapping[str, int]) -> list[Seed]:
        smart_trade = _recorded_smart_trade(recording)
        if smart_trade is None:
            return []
        if smart_trade["id"] != params["id"]:
            raise RecordingError(f"{_where(recording)}: the body's id is not the id of the path")
        return [Seed(smart_trade)]

    def act(self, tx: Transaction, smart_trade: JSONObject, request: Received) -> Any:
        return smart_trade


class UpdateSmartTradeRule(_SmartTradeRule):
    """``PATCH /v2/smart_trades/{id}``: only in ``waiting_position``/``waiting_targets``.

    Each part in the body replaces that part: leverage, the position's units, price and
    condition, the whole take profit and the whole stop loss (a new stop-loss order). A
    take-profit step that carries the ``id`` of one of the SmartTrade's steps edits that step
    in place (it keeps its id, status and data); every other step is new (a new id, ``idle``,
    as the docs' edit example shows, whose answer gives its step a new id); a step left out is
    removed.
    """

    def act(self, tx: Transaction, smart_trade: JSONObject, request: Received) -> Any:
        body = read_body(request, "UpdateSmartTradeRequest", 400)
        _refuse_unless(edit_refusal(smart_trade))
        trade_ids: TradeIds = {}
        if "leverage" in body:
            leverage = _object(body["leverage"])
            if "value" in leverage:
                leverage["value"] = _integral(leverage["value"])
            smart_trade["leverage"] = build_leverage(leverage)
        if "position" in body:
            self._edit_position(smart_trade, _object(body["position"]))
        if "take_profit" in body:
            smart_trade["take_profit"] = build_take_profit(
                _object(body["take_profit"]), tx.new_id, take_profit_steps(smart_trade)
            )
        if "stop_loss" in body:
            stop_loss = _object(body["stop_loss"])
            timeout = _object(stop_loss.get("timeout"))
            if "value" in timeout:
                timeout["value"] = _integral(timeout["value"])
            smart_trade["stop_loss"] = build_stop_loss(stop_loss)
            trade_ids[STOP_LOSS_TRADE] = tx.new_id()
        tx.save(smart_trade, trade_ids)
        return smart_trade

    @staticmethod
    def _edit_position(smart_trade: JSONObject, edit: JSONObject) -> None:
        position = smart_trade.get("position")
        if not isinstance(position, dict):
            return
        units = _object(edit.get("units")).get("value")
        if isinstance(units, str):
            position["units"] = {**_object(position.get("units")), "value": units}
        price = _object(edit.get("price")).get("value")
        if isinstance(price, str):
            position["price"] = {
                **_object(position.get("price")),
                "value": price,
                "value_without_commission": price,
            }
        if "conditional" in edit:
            side = str(position.get("type"))
            position["conditional"] = build_conditional(_object(edit["conditional"]), side)
        amount = to_decimal(_object(position.get("units")).get("value"))
        each = to_decimal(_object(position.get("price")).get("value"))
        if amount is not None and each is not None:
            position["total"] = {
                **_object(position.get("total")),
                "value": decimal_text(amount * each),
            }


class CancelSmartTradeRule(_SmartTradeRule):
    """``DELETE /v2/smart_trades/{id}``: the SmartTrade becomes ``cancellation_pending``.

    It is not removed: it can still be read and listed, as the docs' answer shows.
    """

    def rewind(self, smart_trade: JSONObject, recording: Recording) -> None:
        if status_of(smart_trade) == "cancellation_pending":
            finished = status_of(smart_trade.get("position")) == "finished"
            smart_trade["status"] = smart_trade_status(
                "waiting_targets" if finished else "waiting_position"
            )

    def act(self, tx: Transaction, smart_trade: JSONObject, request: Received) -> Any:
        _refuse_unless(cancel_refusal(smart_trade))
        smart_trade["status"] = smart_trade_status("cancellation_pending")
        tx.save(smart_trade)
        return smart_trade


def _add(value: Any, amount: Decimal) -> str:
    current = to_decimal(value)
    return decimal_text((current if current is not None else Decimal(0)) + amount)


def _order_price(smart_trade: JSONObject, request: JSONObject, side: str) -> str | None:
    """A limit order's price, or what a market order would pay now."""
    limit = _object(request.get("price")).get("value")
    if request.get("order_type") == "limit" and isinstance(limit, str):
        return limit
    current = _object(_object(smart_trade.get("data")).get("current_price"))
    price = market_price(current, side)
    if price is None:
        fallback = _object(_object(smart_trade.get("position")).get("price")).get("value")
        price = fallback if isinstance(fallback, str) else None
    return price


class AddFundsRule(_SmartTradeRule):
    """``POST /v2/smart_trades/{id}/add_funds``: the position grows by the units.

    No exchange is simulated: the order is taken as filled at its limit price (or the current
    price), so the position's units and total grow, and so do the entered amount and total once
    the position itself is filled.
    """

    def act(self, tx: Transaction, smart_trade: JSONObject, request: Received) -> Any:
        body = read_body(request, "AddFundsRequest", 400)
        _refuse_unless(add_funds_refusal(smart_trade))
        position = smart_trade.get("position")
        units = to_decimal(_object(body.get("units")).get("value"))
        if isinstance(position, dict) and units is not None:
            side = str(position.get("type"))
            price = to_decimal(_order_price(smart_trade, body, side))
            position["units"] = {
                **_object(position.get("units")),
                "value": _add(_object(position.get("units")).get("value"), units),
            }
            if price is not None:
                total = _object(position.get("total"))
                position["total"] = {**total, "value": _add(total.get("value"), units * price)}
            data = _object(smart_trade.get("data"))
            if status_of(position) == "finished" and data:
                data["entered_amount"] = _add(data.get("entered_amount"), units)
                if price is not None:
                    data["entered_total"] = _add(data.get("entered_total"), units * price)
        tx.save(smart_trade)
        return smart_trade


def reducible_amount(smart_trade: JSONObject) -> Decimal:
    """What is left of the position: entered minus closed, minus reductions still pending."""
    data = _object(smart_trade.get("data"))
    left = (to_decimal(data.get("entered_amount")) or Decimal(0)) - (
        to_decimal(data.get("closed_amount")) or Decimal(0)
    )
    steps = _object(smart_trade.get("reduce_funds")).get("steps")
    for step in steps if isinstance(steps, list) else []:
        if isinstance(step, dict) and status_of(step) not in ("finished", "cancelled"):
            left -= to_decimal(_object(step.get("units")).get("value")) or Decimal(0)
    return max(left, Decimal(0))


class GetReduceFundsInfoRule(_SmartTradeRule):
    """``GET /v2/smart_trades/{id}/reduce_funds_info``: only in ``waiting_targets``."""

    def starting_states(self, recording: Recording, params: Mapping[str, int]) -> list[Seed]:
        return []  # the answer is an amount, not a SmartTrade

    def act(self, tx: Transaction, smart_trade: JSONObject, request: Received) -> Any:
        _refuse_unless(reduce_funds_refusal(smart_trade))
        return {"max_reduce_funds_amount": decimal_text(reducible_amount(smart_trade))}


class ReduceFundsRule(_SmartTradeRule):
    """``POST /v2/smart_trades/{id}/reduce_funds``: only in ``waiting_targets``.

    The SmartTrade becomes ``pending_reduce_funds`` with a new reduce-funds step (``idle``).
    """

    def rewind(self, smart_trade: JSONObject, recording: Recording) -> None:
        if status_of(smart_trade) != "pending_reduce_funds":
            return
        smart_trade["status"] = smart_trade_status("waiting_targets")
        steps = _object(smart_trade.get("reduce_funds")).get("steps")
        if isinstance(steps, list) and steps:
            steps.pop()

    def act(self, tx: Transaction, smart_trade: JSONObject, request: Received) -> Any:
        body = read_body(request, "ReduceFundsRequest", 400)
        _refuse_unless(reduce_funds_refusal(smart_trade))
        side = "sell" if _object(smart_trade.get("position")).get("type") != "sell" else "buy"
        step = build_reduce_funds_step(
            body, step_id=tx.new_id(), price=_order_price(smart_trade, body, side)
        )
        reduce_funds = smart_trade.get("reduce_funds")
        steps = reduce_funds.get("steps") if isinstance(reduce_funds, dict) else None
        if isinstance(steps, list):
            steps.append(step)
        else:
            smart_trade["reduce_funds"] = {"steps": [step]}
        smart_trade["status"] = smart_trade_status("pending_reduce_funds")
        tx.save(smart_trade)
        return smart_trade


class CloseSmartTradeByMarketRule(_SmartTradeRule):
    """``POST /v2/smart_trades/{id}/close_by_market``: when ``data.panic_sell_available``.

    The SmartTrade becomes ``panic_sell_pending`` ("Closing at Market Price").
    """

    def rewind(self, smart_trade: JSONObject, recording: Recording) -> None:
        if status_of(smart_trade) == "panic_sell_pending":
            smart_trade["status"] = smart_trade_status("waiting_targets")

    def act(self, tx: Transaction, smart_trade: JSONObject, request: Received) -> Any:
        _refuse_unless(close_by_market_refusal(smart_trade))
        smart_trade["status"] = smart_trade_status("panic_sell_pending")
        tx.save(smart_trade)
        return smart_trade


class SetNoteRule(_SmartTradeRule):
    """``POST /v2/smart_trades/{id}/set_note``: stores the note (``note`` and ``note_raw``)."""

    def act(self, tx: Transaction, smart_trade: JSONObject, request: Received) -> Any:
        body = read_body(request, "SetNoteRequest", 400)
        smart_trade["note"] = body["note"]
        smart_trade["note_raw"] = body["note"]
        tx.save(smart_trade)
        return smart_trade


class ForceStartRule(_SmartTradeRule):
    """``POST /v2/smart_trades/{id}/force_start``: when the position is still waiting.

    The position becomes ``panic_sell_pending`` ("Panic closing"), as the docs' example shows;
    the SmartTrade's own status does not change.
    """

    def rewind(self, smart_trade: JSONObject, recording: Recording) -> None:
        position = smart_trade.get("position")
        if isinstance(position, dict) and status_of(position) == "panic_sell_pending":
            placed = position.get("order_type") in ("limit", "conditional")
            position["status"] = order_status("order_placed" if placed else "to_process")

    def act(self, tx: Transaction, smart_trade: JSONObject, request: Received) -> Any:
        _refuse_unless(force_start_refusal(smart_trade))
        smart_trade["position"]["status"] = order_status("panic_sell_pending")
        tx.save(smart_trade)
        return smart_trade


class ForceProcessRule(_SmartTradeRule):
    """``POST /v2/smart_trades/{id}/force_process``: when ``data.force_process_available``.

    Neither the old reference that documents this endpoint nor the current docs say what
    "processing" does, so the SmartTrade is answered unchanged.
    """

    def act(self, tx: Transaction, smart_trade: JSONObject, request: Received) -> Any:
        _refuse_unless(force_process_refusal(smart_trade))
        return smart_trade


def _step(smart_trade: JSONObject, step_id: int) -> JSONObject | None:
    for step in take_profit_steps(smart_trade):
        if step.get("id") == step_id and not isinstance(step.get("id"), bool):
            return step
    return None


def _is_stop_loss_trade(tx: Transaction, smart_trade: JSONObject, trade_id: int) -> bool:
    ids = tx.trade_ids(int(smart_trade["id"]))
    stop_loss = _object(smart_trade.get("stop_loss"))
    return ids.get(STOP_LOSS_TRADE) == trade_id and stop_loss.get("enabled") is True


def _take_profit_step(tx: Transaction, smart_trade: JSONObject, trade_id: int) -> JSONObject:
    """The take-profit step with this trade id: 404 if no trade has it, 403 if not a step."""
    step = _step(smart_trade, trade_id)
    if step is not None:
        return step
    ids = tx.trade_ids(int(smart_trade["id"]))
    if _is_stop_loss_trade(tx, smart_trade, trade_id):
        raise forbidden("This is the stop loss trade, not a take profit trade")
    reduce_steps = _object(smart_trade.get("reduce_funds")).get("steps")
    others = (
        [s.get("id") for s in reduce_steps if isinstance(s, dict)]
        if isinstance(reduce_steps, list)
        else []
    )
    if smart_trade.get("skip_enter_step") is not True:
        others.append(ids.get(POSITION_TRADE))
    if trade_id in others:
        raise forbidden("Only take profit trades can be closed by market or cancelled")
    raise trade_not_found()


class _TradeRule(_SmartTradeRule):
    id_param = "smart_trade_id"


class ListTradesRule(_TradeRule):
    """``GET /v2/smart_trades/{smart_trade_id}/trades``: the Trades, derived from the state."""

    def starting_states(self, recording: Recording, params: Mapping[str, int]) -> list[Seed]:
        trades = recording.body
        if not 200 <= recording.status < 300 or not isinstance(trades, list):
            return []
        if not trades or not all(
            isinstance(t, dict) and isinstance(t.get("id"), int) for t in trades
        ):
            return []
        smart_trade, trade_ids = rebuild_from_trades(params["smart_trade_id"], trades)
        refresh_flags(smart_trade)
        return [Seed(smart_trade, trade_ids)]

    def act(self, tx: Transaction, smart_trade: JSONObject, request: Received) -> Any:
        return trades_of(
            smart_trade,
            tx.trade_ids(int(smart_trade["id"])),
            cancelable=lambda step: cancel_trade_refusal(smart_trade, step) is None,
            closable=lambda step: close_trade_refusal(step) is None,
            stop_loss_cancelable=cancel_stop_loss_refusal(smart_trade) is None,
        )


class CancelTradeRule(_TradeRule):
    """``DELETE /v2/smart_trades/{smart_trade_id}/trades/{id}``: removes a take-profit step.

    As the docs warn, cancelling the last take-profit step, or the stop-loss trade, cancels the
    SmartTrade: it becomes ``cancellation_pending``, as ``cancel_smart_trade`` makes it, and
    only in the statuses that operation allows (403 otherwise). Refused (403) for the position
    and reduce-funds trades and for a step whose ``data.cancelable`` is false.
    """

    cancelling: Final[JSONObject] = smart_trade_status("cancellation_pending")

    def act(self, tx: Transaction, smart_trade: JSONObject, request: Received) -> Any:
        trade_id = request.params["id"]
        if _step(smart_trade, trade_id) is None and _is_stop_loss_trade(tx, smart_trade, trade_id):
            _refuse_unless(cancel_stop_loss_refusal(smart_trade))
            smart_trade["status"] = copy.deepcopy(self.cancelling)
        else:
            step = _take_profit_step(tx, smart_trade, trade_id)
            _refuse_unless(cancel_trade_refusal(smart_trade, step))
            if cancels_smart_trade(smart_trade):
                smart_trade["status"] = copy.deepcopy(self.cancelling)
            steps = smart_trade["take_profit"]["steps"]
            steps[:] = [s for s in steps if s is not step]
        tx.save(smart_trade)
        return smart_trade


class CloseTradeByMarketRule(_TradeRule):
    """``POST /v2/smart_trades/{smart_trade_id}/trades/{id}/close_by_market``.

    Only a take-profit step can be closed this way, and only while it is waiting (status
    ``to_process``, ``order_placed`` or ``trailing_activated``). It then becomes
    ``panic_sell_pending`` and can no longer be closed by market; nothing else changes.
    """

    seed_priority = 1
    waiting_status: Final[JSONObject] = order_status("to_process")
    closing_status: Final[JSONObject] = order_status("panic_sell_pending")

    def starting_states(self, recording: Recording, params: Mapping[str, int]) -> list[Seed]:
        smart_trade = _recorded_smart_trade(recording)
        if smart_trade is None:
            return []
        where = _where(recording)
        if smart_trade.get("id") != params["smart_trade_id"]:
            raise RecordingError(f"{where}: the body's id is not the SmartTrade id of the path")
        step = _step(smart_trade, params["id"])
        if step is None:
            raise RecordingError(f"{where}: no take-profit step has the trade id of the path")
        # The recorded answer shows the step already closing; before the request it was waiting.
        step["status"] = copy.deepcopy(self.waiting_status)
        refresh_flags(smart_trade)
        return [Seed(smart_trade)]

    def act(self, tx: Transaction, smart_trade: JSONObject, request: Received) -> Any:
        step = _take_profit_step(tx, smart_trade, request.params["id"])
        _refuse_unless(close_trade_refusal(step))
        step["status"] = copy.deepcopy(self.closing_status)
        tx.save(smart_trade)
        return smart_trade


class CreateSmartTradeRule:
    """``POST /v2/smart_trades``: a new SmartTrade (new ids), ``created``, as the docs show.

    Any ``account_id`` is accepted: the server keeps no accounts. Nothing moves a SmartTrade on
    from ``created`` (no exchange is simulated), so, by the state rules, it can be read, noted,
    force-started and force-processed, but not edited or cancelled until a test puts it in
    another state with :meth:`SmartTradeStore.put`.
    """

    seed_priority: ClassVar[int] = 2

    def starting_states(self, recording: Recording, params: Mapping[str, int]) -> list[Seed]:
        return []  # before a create, its SmartTrade did not exist

    def run(self, tx: Transaction, request: Received) -> Any:
        body = read_body(request, "CreateSmartTradeRequest", 422)
        leverage = _object(body.get("leverage"))
        if "value" in leverage:
            leverage["value"] = _integral(leverage["value"])
        stop_loss = _object(body.get("stop_loss"))
        timeout = _object(stop_loss.get("timeout"))
        if "value" in timeout:
            timeout["value"] = _integral(timeout["value"])
        account_id = int(_integral(body["account_id"]))
        smart_trade = build_smart_trade(
            body,
            smart_trade_id=tx.new_id(),
            new_id=tx.new_id,
            now=tx.now(),
            account=tx.account(account_id),
            current_price=tx.current_price(str(body["pair"])),
        )
        tx.save(smart_trade)
        return smart_trade


class ListSmartTradesRule:
    """``GET /v2/smart_trades``: one page, filtered and ordered (see ``_listing``)."""

    seed_priority: ClassVar[int] = 0

    def starting_states(self, recording: Recording, params: Mapping[str, int]) -> list[Seed]:
        items = recording.body
        if not 200 <= recording.status < 300 or not isinstance(items, list):
            return []
        seeds: list[Seed] = []
        for item in items:
            if not isinstance(item, dict) or not isinstance(item.get("id"), int):
                raise RecordingError(f"{_where(recording)}: every item must be a SmartTrade")
            seeds.append(Seed(clone(item)))
        return seeds

    def run(self, tx: Transaction, request: Received) -> Any:
        try:
            query = parse_list_query(request.query)
        except ParameterError as exc:
            raise ActionError(400, "Wrong param(s)", str(exc)) from None
        return list_page(tx.smart_trades(), query)


#: The rule of each operation, by its operationId in the spec (see ``threecommas_api._catalogue``).
RULES: Final[Mapping[str, OperationRule]] = {
    "create_smart_trade": CreateSmartTradeRule(),
    "list_smart_trades": ListSmartTradesRule(),
    "get_smart_trade": GetSmartTradeRule(),
    "update_smart_trade": UpdateSmartTradeRule(),
    "cancel_smart_trade": CancelSmartTradeRule(),
    "add_funds": AddFundsRule(),
    "get_reduce_funds_info": GetReduceFundsInfoRule(),
    "reduce_funds": ReduceFundsRule(),
    "close_smart_trade_by_market": CloseSmartTradeByMarketRule(),
    "set_note": SetNoteRule(),
    "force_start": ForceStartRule(),
    "force_process": ForceProcessRule(),
    "list_trades": ListTradesRule(),
    "cancel_trade": CancelTradeRule(),
    "close_trade_by_market": CloseTradeByMarketRule(),
}


def _utc_now() -> datetime:
    return datetime.now(UTC)


class SmartTradeStore:
    """SmartTrades by id. Thread-safe; every read returns a copy.

    Besides the SmartTrades, the store keeps the ids of each SmartTrade's position and stop-loss
    trades (the entity does not show them; ``list_trades`` does) and a counter for new ids,
    always above every id it has seen.
    """

    def __init__(self, smart_trades: Iterable[JSONObject] = (), *, clock: Clock = _utc_now) -> None:
        self._lock = threading.Lock()
        self._smart_trades: dict[int, JSONObject] = {}
        self._trade_ids: dict[int, TradeIds] = {}
        self._next_id = 1
        self.clock = clock
        for smart_trade in smart_trades:
            self.put(smart_trade)
        self._initial = self._state()

    @classmethod
    def from_recordings(cls, recordings: Iterable[Recording]) -> SmartTradeStore:
        """Start from the state before each recorded request; the first recording of an id wins.

        "First" goes by the rule's seed priority, then by file name: recordings that show a
        SmartTrade as it is (get, list) come first, then the close-trade seed (whose earlier
        state differs from its answer in one step), then the other actions, whose earlier state
        is reconstructed from their answer.
        """
        seeds: list[Seed] = []
        ordered = sorted(
            enumerate(recordings),
            key=lambda item: (getattr(RULES.get(item[1].operation), "seed_priority", 9), item[0]),
        )
        for _, recording in ordered:
            rule = RULES.get(recording.operation)
            params = recording.path_params
            if rule is None or params is None:
                continue
            seeds.extend(rule.starting_states(recording, params))
        store = cls()
        # New ids (trade ids given below included) start above every id the seeds hold.
        seen = [
            i for seed in seeds for i in (*_all_ids(seed.smart_trade), *seed.trade_ids.values())
        ]
        store._next_id = max([1, *(i + 1 for i in seen)])
        for seed in seeds:
            if seed.smart_trade["id"] not in store:
                store.put(seed.smart_trade, trade_ids=seed.trade_ids)
        store._initial = store._state()
        return store

    def _state(self) -> tuple[dict[int, JSONObject], dict[int, TradeIds], int]:
        # Copied value by value: a copy of the whole mapping would go through JSON and turn
        # the integer ids that key it into strings.
        with self._lock:
            return (
                {k: clone(v) for k, v in self._smart_trades.items()},
                {k: clone(v) for k, v in self._trade_ids.items()},
                self._next_id,
            )

    def reset(self) -> None:
        """Back to the state the store started from (the recordings), forgetting every change."""
        smart_trades, trade_ids, next_id = self._initial
        with self._lock:
            self._smart_trades = {k: clone(v) for k, v in smart_trades.items()}
            self._trade_ids = {k: clone(v) for k, v in trade_ids.items()}
            self._next_id = next_id

    def put(self, smart_trade: JSONObject, *, trade_ids: Mapping[str, int] | None = None) -> None:
        """Add or replace a SmartTrade (a copy of it).

        Its ``data.*_available`` flags (and each take-profit step's
        ``data.panic_sell_available``) are recomputed from the rules, as after an operation:
        a SmartTrade moved to ``waiting_targets`` says it can be closed by market, whatever
        flags it was given. What no rule decides (``force_process_available``, a step's
        ``cancelable``) is kept as given.
        """
        smart_trade_id = smart_trade.get("id")
        if not isinstance(smart_trade_id, int) or isinstance(smart_trade_id, bool):
            raise ValueError("a SmartTrade needs an integer 'id'")
        if not 1 <= smart_trade_id <= MAX_ID:
            raise ValueError("a SmartTrade id must be a positive 64-bit integer")
        stored = clone(smart_trade)
        refresh_flags(stored)
        with self._lock:
            self._smart_trades[smart_trade_id] = stored
            ids = dict(self._trade_ids.get(smart_trade_id, {}))
            ids.update(trade_ids or {})
            seen = [*_all_ids(smart_trade), *ids.values()]
            self._next_id = max([self._next_id, *(i + 1 for i in seen)])
            for key in (POSITION_TRADE, STOP_LOSS_TRADE):
                if key not in ids:
                    ids[key] = self._next_id
                    self._next_id += 1
            self._trade_ids[smart_trade_id] = ids

    def get(self, smart_trade_id: int) -> JSONObject | None:
        with self._lock:
            smart_trade = self._smart_trades.get(smart_trade_id)
            return None if smart_trade is None else clone(smart_trade)

    def trade_ids(self, smart_trade_id: int) -> dict[str, int]:
        """The ids of the SmartTrade's position and stop-loss trades."""
        with self._lock:
            return dict(self._trade_ids.get(smart_trade_id, {}))

    def ids(self) -> list[int]:
        with self._lock:
            return sorted(self._smart_trades)

    def snapshot(self) -> dict[int, JSONObject]:
        """A deep copy of every SmartTrade, by id."""
        with self._lock:
            return {key: clone(value) for key, value in self._smart_trades.items()}

    def __contains__(self, smart_trade_id: object) -> bool:
        with self._lock:
            return smart_trade_id in self._smart_trades

    def __len__(self) -> int:
        with self._lock:
            return len(self._smart_trades)

    def __repr__(self) -> str:
        return f"SmartTradeStore(ids={self.ids()!r})"

    def perform(
        self,
        operation: str,
        params: Mapping[str, int],
        *,
        query: Iterable[tuple[str, str]] = (),
        body: bytes = b"",
    ) -> tuple[int, Any]:
        """Run ``operation`` on one request: ``(status, body)``, or raise ActionError."""
        rule = RULES.get(operation)
        if rule is None:
            raise ActionError(404, "Not found", f"Unknown operation {operation}")
        request = Received(params=dict(params), query=tuple(query), body=body)
        with self._lock:
            tx = Transaction(self)
            answer = rule.run(tx, request)
            tx.commit()
            return BY_ID[operation].success[0], clone(answer)

    def close_trade_by_market(self, smart_trade_id: int, trade_id: int) -> JSONObject:
        """Close one take-profit step by market; the updated SmartTrade, or raise ActionError."""
        _, body = self.perform(
            "close_trade_by_market", {"smart_trade_id": smart_trade_id, "id": trade_id}
        )
        result: JSONObject = body
        return result
