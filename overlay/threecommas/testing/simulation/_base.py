"""What every rule of the simulation works with: a request, the store during it, refusals.

A request runs as one :class:`Transaction` under the store's lock: it works on copies, and only
a successful rule's changes are committed, so a refused request leaves the store exactly as it
was. Every changed SmartTrade gets its flags recomputed from the rules of
:mod:`~threecommas.testing.simulation._state` before it is stored.

A rule (:class:`OperationRule`) does two things:

* ``starting_states``: recover, from a recorded response of its operation, the SmartTrades as
  they were just *before* that request, so that replaying the recorded request against a fresh
  store gives the recorded status back (and, for the reads and the close-trade seed, the recorded
  body);
* ``run``: answer a request, changing SmartTrades (or refusing, as the API would).

Checks come in the API's order: an unknown SmartTrade or trade (404), then the request body
(400/422), then the state rule (403).
"""

from __future__ import annotations

import copy
import json
import pickle
from collections.abc import Callable, Container, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar, Protocol, TypeVar

from threecommas import _schema
from threecommas._constants import FINAL_STATUSES
from threecommas.testing.recording import Recording
from threecommas.testing.simulation._docs_forms import canonical_body
from threecommas.testing.simulation._entities import (
    POSITION_TRADE,
    STOP_LOSS_TRADE,
    TradeIds,
    placeholder_account,
    timestamp,
)
from threecommas.testing.simulation._holdings import Holdings
from threecommas.testing.simulation._market import Market
from threecommas.testing.simulation._state import JSONObject, refresh_flags, take_profit_steps

__all__ = [
    "ActionError",
    "Clock",
    "Holdings",
    "OperationRule",
    "Received",
    "Seed",
    "SmartTradeRule",
    "Transaction",
    "all_ids",
    "clone",
    "copy_stored",
    "encode_answer",
    "forbidden",
    "integral",
    "invalid_parameters",
    "origin_of",
    "read_body",
    "recorded_smart_trade",
    "refuse_unless",
    "smart_trade_not_found",
    "status_of",
    "trade_not_found",
]

Clock = Callable[[], datetime]
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
        """The API's error body: `error`, and `error_description` and `error_attributes` when
        given."""
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


#: How the server encodes an answer: compact UTF-8 JSON, no NaN (as Starlette's JSONResponse).
_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def encode_answer(answer: Any) -> bytes:
    """An answer's body as sent: compact UTF-8 JSON."""
    return _ENCODER.encode(answer).encode("utf-8")


def copy_stored(value: _T) -> _T:
    """A deep copy of a stored value: one that went through :func:`clone` when stored, so
    plain JSON (or a deep copy of what is not); pickle copies that exactly, twice as fast."""
    try:
        copied: _T = pickle.loads(pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
        return copied
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return clone(value)


def all_ids(smart_trade: JSONObject) -> Iterator[int]:
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
    """The store during one request, under its lock. Reads give copies; ``save`` stages changes.

    ``shared_reads`` is for the rules that only read (``read_only``): their reads give the
    stored SmartTrades themselves, which they must not change, saving a copy per read.
    """

    def __init__(
        self,
        held: Holdings,
        clock: Clock,
        market: Market | None = None,
        *,
        shared_reads: bool = False,
    ) -> None:
        self._held = held
        self._clock = clock
        self._shared_reads = shared_reads
        #: The store's market (the add-funds rule fills through it once its pair has a price).
        self.market = market
        self._saved: dict[int, JSONObject] = {}
        #: Per saved id: the object given to ``save`` and its encoding then (None: not JSON).
        self._given: dict[int, tuple[JSONObject, bytes | None]] = {}
        self._trade_ids: dict[int, TradeIds] = {}
        self._next_id = held.next_id

    # Reading

    def find(self, smart_trade_id: int) -> JSONObject | None:
        current = self._saved.get(smart_trade_id)
        if current is None:
            current = self._held.smart_trades.get(smart_trade_id)
        if current is None or self._shared_reads:
            return current
        return copy_stored(current)

    def smart_trade(self, smart_trade_id: int) -> JSONObject:
        """A working copy of the SmartTrade, or the API's 404."""
        found = self.find(smart_trade_id)
        if found is None:
            raise smart_trade_not_found()
        return found

    def smart_trades(self) -> list[JSONObject]:
        """Copies of every SmartTrade, in the order they entered the store."""
        ids = list(self._held.smart_trades) + [
            i for i in self._saved if i not in self._held.smart_trades
        ]
        return [st for st in (self.find(i) for i in ids) if st is not None]

    def _stored(self, held_ids: list[int]) -> Iterator[JSONObject]:
        """The SmartTrades of ``held_ids``, then those new in this transaction, not copied."""
        held = self._held.smart_trades
        for i in held_ids + [i for i in self._saved if i not in held]:
            current = self._saved.get(i, held.get(i))
            if current is not None:
                yield current

    def smart_trades_to_read(self) -> list[JSONObject]:
        """Every SmartTrade as stored, not copied: for what only reads them (the balances an
        order is judged by) and must not change them."""
        return list(self._stored(list(self._held.smart_trades)))

    def smart_trades_in_play(self, pairs: Container[str] | None = None) -> list[JSONObject]:
        """Copies of the SmartTrades not finished, cancelled or failed, in store order: the
        market never changes a final one, and a backtest's thousands are not copied at every
        tick (a saved one that was final when held is final still)."""
        return [
            current if self._shared_reads else copy_stored(current)
            for current in self._stored(self._held.in_play_ids())
            if status_of(current) not in FINAL_STATUSES
            and (pairs is None or current.get("pair") in pairs)
        ]

    def trade_ids(self, smart_trade_id: int) -> TradeIds:
        staged = self._trade_ids.get(smart_trade_id)
        if staged is not None:
            return dict(staged)
        return dict(self._held.trade_ids.get(smart_trade_id, {}))

    def now(self) -> str:
        return timestamp(self._clock())

    def new_id(self) -> int:
        """An id no SmartTrade, step or trade has had in this store."""
        value = self._next_id
        self._next_id += 1
        return value

    def account(self, account_id: int) -> JSONObject:
        """The account as another SmartTrade shows it; a placeholder if none does."""
        smart_trade = self._held.first_with_account(account_id)
        if smart_trade is None:
            return placeholder_account(account_id)
        account: JSONObject = clone(smart_trade["account"])
        return account

    def current_price(self, pair: str) -> JSONObject:
        """The pair's prices as another SmartTrade last showed them (empty when none does)."""
        smart_trade = self._held.first_priced(pair)
        if smart_trade is None:
            return {}
        prices: JSONObject = clone(smart_trade["data"]["current_price"])
        return prices

    # Writing

    def save(self, smart_trade: JSONObject, trade_ids: TradeIds | None = None) -> None:
        """Stage a changed (or new) SmartTrade, its flags recomputed from the rules."""
        refresh_flags(smart_trade)
        smart_trade_id = int(smart_trade["id"])
        # The stored copy is read back from the answer's encoding: one encoding for both (a
        # rule answers with what it saved, see saved_as).
        try:
            encoded: bytes | None = encode_answer(smart_trade)
        except (TypeError, ValueError, RecursionError):
            encoded = None  # not plain JSON (NaN, a Decimal put in by hand...)
        self._saved[smart_trade_id] = clone(smart_trade) if encoded is None else json.loads(encoded)
        self._given[smart_trade_id] = (smart_trade, encoded)
        ids = self.trade_ids(smart_trade_id)
        ids.update(trade_ids or {})
        for key in (POSITION_TRADE, STOP_LOSS_TRADE):
            if key not in ids:
                ids[key] = self.new_id()
        self._trade_ids[smart_trade_id] = ids

    def saved_as(self, answer: Any) -> tuple[JSONObject, bytes] | None:
        """When ``answer`` is the very object last given to :meth:`save` (a rule answers with
        it and changes it no more): the SmartTrade as stored and its encoding, else None."""
        if not isinstance(answer, dict):
            return None
        key = answer.get("id")
        given = self._given.get(key) if isinstance(key, int) else None
        if given is None or given[0] is not answer or given[1] is None:
            return None
        return self._saved[int(answer["id"])], given[1]

    def commit(self) -> list[JSONObject]:
        """Keep the staged changes; the SmartTrades (as stored) whose status changed, new ones
        included: what the stream's channel reports."""
        held = self._held
        moved = [
            smart_trade
            for smart_trade_id, smart_trade in self._saved.items()
            if status_of(held.smart_trades.get(smart_trade_id)) != status_of(smart_trade)
        ]
        for smart_trade_id, smart_trade in self._saved.items():
            held.keep(smart_trade_id, smart_trade)
        held.trade_ids.update(self._trade_ids)
        held.next_id = max(held.next_id, self._next_id)
        return moved


def status_of(smart_trade: JSONObject | None) -> object:
    """A SmartTrade's ``status.basic_type`` (None for no SmartTrade or no status)."""
    status = smart_trade.get("status") if isinstance(smart_trade, dict) else None
    return status.get("basic_type") if isinstance(status, dict) else None


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
        """The answer's body; changes go through ``tx``. Raise ActionError to refuse.

        A rule with a true ``read_only`` class attribute changes nothing, not even what ``tx``
        reads give it: it is then given the stored SmartTrades themselves (no copies)."""
        ...


def recorded_smart_trade(recording: Recording) -> JSONObject | None:
    """A copy of the recorded body if it is a successful answer with a SmartTrade in it."""
    body = recording.body
    if not 200 <= recording.status < 300 or not isinstance(body, dict):
        return None
    smart_trade_id = body.get("id")
    if not isinstance(smart_trade_id, int) or isinstance(smart_trade_id, bool):
        return None
    return clone(body)


def origin_of(recording: Recording) -> str:
    """Where a recording came from, for messages: its file, else its path."""
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


def refuse_unless(refusal: str | None) -> None:
    if refusal is not None:
        raise forbidden(refusal)


def integral(value: Any) -> Any:
    # JSON Schema's "integer" also admits 12.0; the API would answer 12.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


class SmartTradeRule:
    """A request about one SmartTrade, named by the path parameter ``id``."""

    seed_priority: ClassVar[int] = 2
    id_param: ClassVar[str] = "id"

    def smart_trade_id(self, params: Mapping[str, int]) -> int:
        return params[self.id_param]

    def starting_states(self, recording: Recording, params: Mapping[str, int]) -> list[Seed]:
        smart_trade = recorded_smart_trade(recording)
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
