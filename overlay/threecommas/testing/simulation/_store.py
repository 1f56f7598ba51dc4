"""The store: SmartTrades in memory, changed one request at a time by the rule of its operation.

It starts from the recordings (the state just before each recorded request, see
:meth:`SmartTradeStore.from_recordings`), answers requests through :meth:`SmartTradeStore.perform`
(one :class:`~threecommas.testing.simulation._base.Transaction` under its lock), and lets tests
set up a scenario with :meth:`SmartTradeStore.put`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Container, Iterable, Mapping
from datetime import UTC, datetime
from typing import Any, Final, TypeVar

from threecommas import _schema
from threecommas.testing.recording import Recording
from threecommas.testing.simulation._base import (
    ActionError,
    Clock,
    Holdings,
    Received,
    Seed,
    Transaction,
    all_ids,
    clone,
    encode_answer,
    status_of,
)
from threecommas.testing.simulation._entities import POSITION_TRADE, STOP_LOSS_TRADE
from threecommas.testing.simulation._market import Market, VirtualClock
from threecommas.testing.simulation._rules import RULES
from threecommas.testing.simulation._state import JSONObject, refresh_flags
from threecommas_api._catalogue import BY_ID

__all__ = [
    "MAX_ID",
    "InvalidSmartTradeError",
    "SmartTradeStore",
    "StatusListener",
    "encode_answer",
    "smart_trade_problems",
]

#: Called, under the store's lock, with the SmartTrades (as stored) whose status just changed.
StatusListener = Callable[[list[JSONObject]], None]

_T = TypeVar("_T")

#: IDs are int64 in the API; anything above cannot name a real resource.
MAX_ID: Final = 2**63 - 1


class InvalidSmartTradeError(ValueError):
    """What :meth:`SmartTradeStore.put` was given is not a SmartTrade the spec accepts.

    Attributes:
        problems: field (in bracket notation) -> what is wrong with it.
    """

    def __init__(self, problems: Mapping[str, list[str]]) -> None:
        self.problems = {field: list(messages) for field, messages in problems.items()}
        listed = "; ".join(f"{field}: {', '.join(m)}" for field, m in self.problems.items())
        super().__init__(f"not a SmartTrade as the spec describes it: {listed}")


def smart_trade_problems(smart_trade: object) -> dict[str, list[str]]:
    """What keeps a value from being a SmartTrade of the spec (field -> messages; empty when
    it is one): what :meth:`SmartTradeStore.put` and the admin API check."""
    try:
        return _schema.schema_errors("SmartTrade", smart_trade)
    except RecursionError:
        return {"body": ["is nested too deeply"]}


def _new_market() -> Market:
    """A market whose virtual clock starts now (to the second) and moves only when told."""
    return Market(clock=VirtualClock(datetime.now(UTC).replace(microsecond=0)))


class _MarketView:
    """The store as the market sees it during one transaction (:class:`MarketStore`)."""

    def __init__(self, tx: Transaction) -> None:
        self._tx = tx

    def smart_trades(self) -> list[JSONObject]:
        return self._tx.smart_trades()

    def smart_trades_in_play(self, pairs: Container[str] | None = None) -> list[JSONObject]:
        return self._tx.smart_trades_in_play(pairs)

    def changed(self, smart_trade: JSONObject) -> None:
        self._tx.save(smart_trade)

    def new_id(self) -> int:
        return self._tx.new_id()


class SmartTradeStore:
    """SmartTrades by id. Thread-safe; every read returns a copy.

    Besides the SmartTrades, the store keeps the ids of each SmartTrade's position and stop-loss
    trades (the entity does not show them; ``list_trades`` does) and a counter for new ids,
    always above every id it has seen.
    """

    def __init__(
        self,
        smart_trades: Iterable[JSONObject] = (),
        *,
        clock: Clock | None = None,
        market: Market | None = None,
    ) -> None:
        self._lock = threading.Lock()
        self._held = Holdings()
        self._listeners: list[StatusListener] = []
        #: The last encoding of a stored SmartTrade, by id, with the object it encodes.
        self._encoded: dict[int, tuple[JSONObject, bytes]] = {}
        #: The simulated market: SmartTrades move when it has a price for their pair.
        self.market = market if market is not None else _new_market()
        #: The time of ``created_at``/``updated_at``: the market's virtual clock by default.
        self.clock: Clock = clock if clock is not None else self.market.clock.now
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
        seen = [i for seed in seeds for i in (*all_ids(seed.smart_trade), *seed.trade_ids.values())]
        store._held.next_id = max([1, *(i + 1 for i in seen)])
        for seed in seeds:
            if seed.smart_trade["id"] not in store:
                store.put(seed.smart_trade, trade_ids=seed.trade_ids)
        store._initial = store._state()
        return store

    def _state(self) -> Holdings:
        with self._lock:
            return self._held.copy()

    def fresh(self) -> SmartTradeStore:
        """A new store in the state this one started from (its recordings), with a market of
        its own: what building it again would give, without reading anything again."""
        store = SmartTradeStore()
        store._initial = self._initial  # never changed in place: reset() copies it
        store._held = self._initial.copy()
        return store

    def reset(self) -> None:
        """Back to the state the store started from (the recordings), forgetting every change;
        the market forgets its prices and paths, and its clock starts over."""
        with self._lock:
            self._held = self._initial.copy()
            self.market.reset()

    def use_market(self, market: Market) -> None:
        """Work with ``market`` from now on; its clock becomes the store's."""
        with self._lock:
            self.market = market
            self.clock = market.clock.now

    def with_market(self, action: Callable[[Market], _T]) -> _T:
        """Run ``action`` on the market inside one transaction of the store (the store's lock
        first, then the market's), and keep what it changed: how every market call of a
        running server is made. On a market that follows the real time, the time that passed
        is caught up first: a price set now is set at the virtual time of now."""
        with self._lock:
            if self.market.clock.follows_wall_time:
                self._sync_market()
            tx = Transaction(self._held, self.clock, self.market)
            self.market.attach(_MarketView(tx))
            try:
                result = action(self.market)
            finally:
                self.market.attach(None)
            self._notify(tx.commit())
            return result

    def add_status_listener(self, listener: StatusListener) -> None:
        """Call ``listener`` with the SmartTrades whose status changed, after each change
        whatever made it (a request, the market, :meth:`put`), under the store's lock and in
        the order of the changes: it must be quick and must not use the store."""
        with self._lock:
            self._listeners.append(listener)

    def _notify(self, moved: list[JSONObject]) -> None:
        if moved:
            for listener in self._listeners:
                listener(moved)

    def catch_up(self) -> None:
        """Bring the SmartTrades up to the market now, as before answering a request (on a
        market that follows the real time, its moves since the last request)."""
        with self._lock:
            self._sync_market()

    def _sync_market(self) -> None:
        """Bring the SmartTrades up to the market (under the store's lock): a market entry made
        by the last request fills now, as the next read finds it."""
        if self.market.idle():  # no price, nothing scheduled: nothing would move
            return
        tx = Transaction(self._held, self.clock, self.market)
        self.market.attach(_MarketView(tx))
        try:
            self.market.sync()
        finally:
            self.market.attach(None)
        self._notify(tx.commit())

    def put(self, smart_trade: JSONObject, *, trade_ids: Mapping[str, int] | None = None) -> None:
        """Add or replace a SmartTrade (a copy of it).

        It must be a SmartTrade as the spec describes it, as the admin API requires too:
        otherwise :class:`InvalidSmartTradeError` (a ``ValueError``) names every field that is
        wrong, and nothing is stored. (Stored, it would break every later read of it, which
        would then seem to be the API's fault.)

        Its ``data.*_available`` flags (and each take-profit step's
        ``data.panic_sell_available``) are recomputed from the rules, as after an operation:
        a SmartTrade moved to ``waiting_targets`` says it can be closed by market, whatever
        flags it was given. What no rule decides (``force_process_available``, a step's
        ``cancelable``) is kept as given.
        """
        if not isinstance(smart_trade, dict):
            raise InvalidSmartTradeError({"body": [f"must be a JSON object, got {smart_trade!r}"]})
        problems = smart_trade_problems(smart_trade)
        if problems:
            raise InvalidSmartTradeError(problems)
        self._put(smart_trade, trade_ids=trade_ids)

    def _put(self, smart_trade: JSONObject, *, trade_ids: Mapping[str, int] | None = None) -> None:
        """:meth:`put` without the check against the spec: for copies of a stored SmartTrade
        changed only where the caller knows the result stays valid (load seeding)."""
        smart_trade_id = smart_trade.get("id")
        if not isinstance(smart_trade_id, int) or isinstance(smart_trade_id, bool):
            raise ValueError("a SmartTrade needs an integer 'id'")
        if not 1 <= smart_trade_id <= MAX_ID:
            raise ValueError("a SmartTrade id must be a positive 64-bit integer")
        stored = clone(smart_trade)
        refresh_flags(stored)
        with self._lock:
            before = self._held.smart_trades.get(smart_trade_id)
            self._held.keep(smart_trade_id, stored)
            if status_of(before) != status_of(stored):
                self._notify([stored])
            ids = dict(self._held.trade_ids.get(smart_trade_id, {}))
            ids.update(trade_ids or {})
            seen = [*all_ids(smart_trade), *ids.values()]
            self._held.next_id = max([self._held.next_id, *(i + 1 for i in seen)])
            for key in (POSITION_TRADE, STOP_LOSS_TRADE):
                if key not in ids:
                    ids[key] = self._held.next_id
                    self._held.next_id += 1
            self._held.trade_ids[smart_trade_id] = ids

    def get(self, smart_trade_id: int) -> JSONObject | None:
        """A copy of the SmartTrade `smart_trade_id` as the API shows it, or None when unknown."""
        with self._lock:
            smart_trade = self._held.smart_trades.get(smart_trade_id)
            return None if smart_trade is None else clone(smart_trade)

    def trade_ids(self, smart_trade_id: int) -> dict[str, int]:
        """The ids of the SmartTrade's position and stop-loss trades."""
        with self._lock:
            return dict(self._held.trade_ids.get(smart_trade_id, {}))

    def ids(self) -> list[int]:
        """The ids of every stored SmartTrade, in ascending order."""
        with self._lock:
            return sorted(self._held.smart_trades)

    def snapshot(self) -> dict[int, JSONObject]:
        """A deep copy of every SmartTrade, by id."""
        with self._lock:
            return {key: clone(value) for key, value in self._held.smart_trades.items()}

    def __contains__(self, smart_trade_id: object) -> bool:
        with self._lock:
            return smart_trade_id in self._held.smart_trades

    def __len__(self) -> int:
        with self._lock:
            return len(self._held.smart_trades)

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
        status, answer, _ = self._run(operation, params, query, body)
        return status, clone(answer)

    def perform_encoded(
        self,
        operation: str,
        params: Mapping[str, int],
        *,
        query: Iterable[tuple[str, str]] = (),
        body: bytes = b"",
    ) -> tuple[int, bytes]:
        """:meth:`perform`, with the answer encoded as the server sends it
        (``encode_answer``): what the routes call, sparing a copy of the answer."""
        status, answer, saved = self._run(operation, params, query, body)
        if saved is not None:  # the SmartTrade the request saved: encoded when it was saved
            stored, encoded = saved
            self._encoded[int(stored["id"])] = (stored, encoded)
            return status, encoded
        # Outside the lock: the answer may hold stored values, which are never changed in place.
        if isinstance(answer, dict):
            # A read answers the stored SmartTrade itself: while it is unchanged (the same
            # object), so is its encoding, kept from the last read (a bot polls the same ones).
            key = answer.get("id")
            kept = self._encoded.get(key) if isinstance(key, int) else None
            if kept is not None and kept[0] is answer:
                return status, kept[1]
            encoded = encode_answer(answer)
            if isinstance(key, int) and self._is_stored(key, answer):
                self._encoded[key] = (answer, encoded)
            return status, encoded
        return status, encode_answer(answer)

    def _is_stored(self, smart_trade_id: int, value: JSONObject) -> bool:
        return self._held.smart_trades.get(smart_trade_id) is value

    def _run(
        self,
        operation: str,
        params: Mapping[str, int],
        query: Iterable[tuple[str, str]],
        body: bytes,
    ) -> tuple[int, Any, tuple[JSONObject, bytes] | None]:
        """The status, the answer, and when the answer is a SmartTrade the request saved, that
        SmartTrade as stored and its encoding."""
        rule = RULES.get(operation)
        if rule is None:
            raise ActionError(404, "Not found", f"Unknown operation {operation}")
        request = Received(params=dict(params), query=tuple(query), body=body)
        # A rule that only reads works on the stored SmartTrades themselves, not on copies.
        shared = getattr(rule, "read_only", False) is True
        with self._lock:
            self._sync_market()
            tx = Transaction(self._held, self.clock, self.market, shared_reads=shared)
            answer = rule.run(tx, request)
            self._notify(tx.commit())
            return BY_ID[operation].success[0], answer, tx.saved_as(answer)

    def close_trade_by_market(self, smart_trade_id: int, trade_id: int) -> JSONObject:
        """Close one take-profit step by market; the updated SmartTrade, or raise ActionError."""
        _, body = self.perform(
            "close_trade_by_market", {"smart_trade_id": smart_trade_id, "id": trade_id}
        )
        result: JSONObject = body
        return result
