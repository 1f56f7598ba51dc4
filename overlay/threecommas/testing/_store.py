"""In-memory SmartTrades, and one rule per operation for how an action changes them.

A rule does two things:

* ``starting_state``: recover, from a recorded response of its operation, the SmartTrade as it was
  just *before* that request, so that replaying the recorded request against a fresh store gives
  the recorded response back;
* ``apply``: perform the operation on a SmartTrade (or refuse it, as the API would).

Rules work on a private copy that is committed only when they succeed, so a refused action
leaves the store exactly as it was.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Iterable, Mapping
from typing import Any, Final, Protocol

from threecommas.testing._operations import CLOSE_TRADE_BY_MARKET
from threecommas.testing._recordings import Recording, RecordingError

__all__ = [
    "ActionError",
    "JSONObject",
    "OperationRule",
    "SmartTradeStore",
]

JSONObject = dict[str, Any]


class ActionError(Exception):
    """The API's refusal of an action: an HTTP status and the error body's two fields."""

    def __init__(self, status: int, error: str, description: str | None = None) -> None:
        super().__init__(f"{status} {error}")
        self.status = status
        self.error = error
        self.description = description

    def body(self) -> JSONObject:
        result: JSONObject = {"error": self.error}
        if self.description is not None:
            result["error_description"] = self.description
        return result


def smart_trade_not_found() -> ActionError:
    # The body the docs show for an unknown SmartTrade on this family of endpoints.
    return ActionError(404, "Not found", "Smart Trade not found")


class OperationRule(Protocol):
    """How one operation reads and changes SmartTrades."""

    @property
    def success_status(self) -> int:
        """The status of a successful answer."""
        ...

    def starting_state(self, recording: Recording, params: Mapping[str, int]) -> JSONObject | None:
        """The SmartTrade just before the recorded request, or ``None`` if it tells nothing."""
        ...

    def smart_trade_id(self, params: Mapping[str, int]) -> int:
        """Which SmartTrade a request with these path ids is about."""
        ...

    def apply(self, smart_trade: JSONObject, params: Mapping[str, int]) -> JSONObject:
        """Change ``smart_trade`` in place and return the response body, or raise ActionError."""
        ...


def _status(kind: str, title: str) -> JSONObject:
    return {"type": kind, "basic_type": kind, "title": title}


def _take_profit_step(smart_trade: JSONObject, step_id: int) -> JSONObject | None:
    take_profit = smart_trade.get("take_profit")
    steps = take_profit.get("steps") if isinstance(take_profit, dict) else None
    if not isinstance(steps, list):
        return None
    for step in steps:
        if isinstance(step, dict) and step.get("id") == step_id and step.get("id") is not True:
            return step
    return None


def _step_data(step: JSONObject) -> JSONObject:
    data = step.get("data")
    if not isinstance(data, dict):
        data = {}
        step["data"] = data
    return data


def _basic_type(step: JSONObject) -> str | None:
    status = step.get("status")
    value = status.get("basic_type") if isinstance(status, dict) else None
    return value if isinstance(value, str) else None


class CloseTradeByMarketRule:
    """``POST /v2/smart_trades/{smart_trade_id}/trades/{id}/close_by_market``.

    Only a take-profit step can be closed this way, and only while it is waiting: its status
    must be one of :attr:`closable`. It then becomes ``panic_sell_pending`` and can no longer be
    closed by market; nothing else in the SmartTrade changes.
    """

    success_status: Final = 201
    closable: Final = frozenset({"to_process", "order_placed", "trailing_activated"})
    # What a step looks like before and after; titles as in the docs' examples.
    waiting_status: Final[JSONObject] = _status("to_process", "Pending")
    closing_status: Final[JSONObject] = _status("panic_sell_pending", "Panic closing")

    def smart_trade_id(self, params: Mapping[str, int]) -> int:
        return params["smart_trade_id"]

    def starting_state(self, recording: Recording, params: Mapping[str, int]) -> JSONObject | None:
        if not 200 <= recording.status < 300 or not isinstance(recording.body, dict):
            return None
        smart_trade = copy.deepcopy(recording.body)
        where = recording.file or recording.path
        if smart_trade.get("id") != params["smart_trade_id"]:
            raise RecordingError(f"{where}: the body's id is not the SmartTrade id of the path")
        step = _take_profit_step(smart_trade, params["id"])
        if step is None:
            raise RecordingError(f"{where}: no take-profit step has the trade id of the path")
        # The recorded answer shows the step already closing; before the request it was waiting.
        step["status"] = copy.deepcopy(self.waiting_status)
        _step_data(step)["panic_sell_available"] = True
        return smart_trade

    def apply(self, smart_trade: JSONObject, params: Mapping[str, int]) -> JSONObject:
        step = _take_profit_step(smart_trade, params["id"])
        if step is None:
            raise ActionError(404, "Not found", "Trade not found in this Smart Trade")
        current = _basic_type(step)
        if current not in self.closable:
            raise ActionError(
                403,
                "Forbidden",
                "The trade cannot be closed by market in its current status "
                f"({current or 'unknown'})",
            )
        step["status"] = copy.deepcopy(self.closing_status)
        _step_data(step)["panic_sell_available"] = False
        return smart_trade


#: The rule of each operation, by operation name.
RULES: Final[Mapping[str, OperationRule]] = {
    CLOSE_TRADE_BY_MARKET.name: CloseTradeByMarketRule(),
}


class SmartTradeStore:
    """SmartTrades by id. Thread-safe; every read returns a copy."""

    def __init__(self, smart_trades: Iterable[JSONObject] = ()) -> None:
        self._lock = threading.Lock()
        self._smart_trades: dict[int, JSONObject] = {}
        for smart_trade in smart_trades:
            self.put(smart_trade)

    @classmethod
    def from_recordings(cls, recordings: Iterable[Recording]) -> SmartTradeStore:
        """Start from the state before each recorded request; the first recording of an id wins."""
        store = cls()
        for recording in recordings:
            rule = RULES.get(recording.operation)
            params = recording.path_params
            if rule is None or params is None:
                continue
            smart_trade = rule.starting_state(recording, params)
            if smart_trade is not None and smart_trade["id"] not in store:
                store.put(smart_trade)
        return store

    def put(self, smart_trade: JSONObject) -> None:
        """Add or replace a SmartTrade (a copy of it)."""
        smart_trade_id = smart_trade.get("id")
        if not isinstance(smart_trade_id, int) or isinstance(smart_trade_id, bool):
            raise ValueError("a SmartTrade needs an integer 'id'")
        with self._lock:
            self._smart_trades[smart_trade_id] = copy.deepcopy(smart_trade)

    def get(self, smart_trade_id: int) -> JSONObject | None:
        with self._lock:
            smart_trade = self._smart_trades.get(smart_trade_id)
            return None if smart_trade is None else copy.deepcopy(smart_trade)

    def ids(self) -> list[int]:
        with self._lock:
            return sorted(self._smart_trades)

    def snapshot(self) -> dict[int, JSONObject]:
        """A deep copy of every SmartTrade, by id."""
        with self._lock:
            return copy.deepcopy(self._smart_trades)

    def __contains__(self, smart_trade_id: object) -> bool:
        with self._lock:
            return smart_trade_id in self._smart_trades

    def __len__(self) -> int:
        with self._lock:
            return len(self._smart_trades)

    def __repr__(self) -> str:
        return f"SmartTradeStore(ids={self.ids()!r})"

    def perform(self, operation: str, params: Mapping[str, int]) -> tuple[int, JSONObject]:
        """Run ``operation`` with these path ids: ``(status, body)``, or raise ActionError."""
        rule = RULES.get(operation)
        if rule is None:
            raise ActionError(404, "Not found", f"Unknown operation {operation}")
        smart_trade_id = rule.smart_trade_id(params)
        with self._lock:
            current = self._smart_trades.get(smart_trade_id)
            if current is None:
                raise smart_trade_not_found()
            working = copy.deepcopy(current)
            body = rule.apply(working, params)
            self._smart_trades[smart_trade_id] = working
            return rule.success_status, copy.deepcopy(body)

    def close_trade_by_market(self, smart_trade_id: int, trade_id: int) -> JSONObject:
        """Close one take-profit step by market; the updated SmartTrade, or raise ActionError."""
        _, body = self.perform(
            CLOSE_TRADE_BY_MARKET.name, {"smart_trade_id": smart_trade_id, "id": trade_id}
        )
        return body
