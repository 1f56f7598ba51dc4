"""What a SmartTrade's state allows: one predicate per state rule, and the flags they set.

Every rule of the API that depends on a SmartTrade's state is a function here that returns
``None`` when the action is allowed and the reason (the 403 error description) when it is not.
The store refuses an action with that reason, and :func:`refresh_flags` sets the matching
``data.*_available`` flag from the same function, so a flag can never promise an action that
the server would refuse, or hide one it would allow.

The rules come from the OpenAPI document's operation descriptions (and, behind them, the docs):

* edit: status ``waiting_position`` or ``waiting_targets``;
* add funds: the same statuses, but not with the entry's trailing enabled, and not for the types
  ``simple_buy``/``simple_sell``;
* reduce funds (and how much can be reduced): status ``waiting_targets``;
* close the SmartTrade by market: ``waiting_targets``, ``stop_loss_in_progress``,
  ``reduce_funds_in_progress`` or ``pending_reduce_funds``;
* cancel: those four and ``waiting_position``;
* force start: the position's status is ``to_process``, ``order_placed`` or
  ``trailing_activated``;
* force process: whatever ``data.force_process_available`` says (the docs never say what decides
  it, so it is stored data, not a computed flag);
* close a take-profit trade by market: the step's status is ``to_process``, ``order_placed`` or
  ``trailing_activated``;
* cancel a take-profit trade: the step is cancelable (``data.cancelable``); cancelling the last
  step, or the stop-loss trade, cancels the whole SmartTrade, as the docs warn, so it then needs
  what cancelling the SmartTrade needs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, Final

__all__ = [
    "FLAG_RULES",
    "JSONObject",
    "add_funds_refusal",
    "as_object",
    "cancel_refusal",
    "cancel_stop_loss_refusal",
    "cancel_trade_refusal",
    "cancels_smart_trade",
    "close_by_market_refusal",
    "close_trade_refusal",
    "decimal_text",
    "edit_refusal",
    "force_process_refusal",
    "force_start_refusal",
    "order_status",
    "reduce_funds_refusal",
    "refresh_flags",
    "smart_trade_status",
    "status_of",
    "take_profit_steps",
    "to_decimal",
]

JSONObject = dict[str, Any]

# Titles as the docs' examples show them.
_SMART_TRADE_TITLES: Final = {
    "created": "Pending",
    "waiting_position": "Pending Position Opened",
    "waiting_targets": "Waiting Targets",
    "pending_reduce_funds": "Pending reduce funds",
    "panic_sell_pending": "Closing at Market Price",
    "cancellation_pending": "Cancelling",
    "cancelled": "Cancelled",
    "failed": "Failed",
}
_ORDER_TITLES: Final = {
    "idle": "Pending",
    "to_process": "Pending",
    "order_placed": "Placed",
    "finished": "Finished",
    "panic_sell_pending": "Panic closing",
    "smart_sell": "Own funds",
    "failed": "Failed",
}

EDITABLE: Final = frozenset({"waiting_position", "waiting_targets"})
ADD_FUNDS_STATUSES: Final = EDITABLE
SIMPLE_TYPES: Final = frozenset({"simple_buy", "simple_sell"})
REDUCE_FUNDS_STATUSES: Final = frozenset({"waiting_targets"})
CLOSABLE: Final = frozenset(
    {"waiting_targets", "stop_loss_in_progress", "reduce_funds_in_progress", "pending_reduce_funds"}
)
CANCELABLE: Final = CLOSABLE | {"waiting_position"}
#: Position statuses that force start accepts, and take-profit step statuses that can be closed.
WAITING_ORDER: Final = frozenset({"to_process", "order_placed", "trailing_activated"})


def _title(kind: str, titles: Mapping[str, str]) -> str:
    return titles.get(kind, kind.replace("_", " ").capitalize())


def smart_trade_status(kind: str) -> JSONObject:
    """A SmartTrade's ``status`` object, titled as in the docs."""
    return {"type": kind, "basic_type": kind, "title": _title(kind, _SMART_TRADE_TITLES)}


def order_status(kind: str) -> JSONObject:
    """The ``status`` object of a position, step or stop loss, titled as in the docs."""
    return {"type": kind, "basic_type": kind, "title": _title(kind, _ORDER_TITLES)}


def as_object(value: Any) -> JSONObject:
    """``value`` if it is a JSON object, else an empty one (a read-only view of a missing part)."""
    return value if isinstance(value, dict) else {}


def status_of(entity: Any) -> str:
    """``entity.status.basic_type`` (``""`` when missing)."""
    value = as_object(as_object(entity).get("status")).get("basic_type")
    return value if isinstance(value, str) else ""


def take_profit_steps(smart_trade: JSONObject) -> list[JSONObject]:
    steps = as_object(smart_trade.get("take_profit")).get("steps")
    return [s for s in steps if isinstance(s, dict)] if isinstance(steps, list) else []


def to_decimal(value: Any) -> Decimal | None:
    """A decimal string (or int) as a Decimal; ``None`` for anything else. Never via float."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if not isinstance(value, str):
        return None
    try:
        number = Decimal(value)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def decimal_text(number: Decimal) -> str:
    """A decimal string as the API writes them: plain notation, at least one decimal place."""
    text = format(number.normalize(), "f")
    return text if "." in text else text + ".0"


# --- The rules --------------------------------------------------------------------------------


# What the status rules below answer when they refuse; ``{status}`` names the current status.
_EDIT_REFUSAL: Final = (
    "Update SmartTrade is available only for the statuses waiting_position and "
    "waiting_targets (current status: {status})"
)
_ADD_FUNDS_REFUSAL: Final = (
    "Add funds is available only for the statuses waiting_position and waiting_targets "
    "(current status: {status})"
)
_REDUCE_FUNDS_REFUSAL: Final = "Reduce funds is not allowed in the current status"
_CLOSE_REFUSAL: Final = (
    "The SmartTrade cannot be closed at market price in its current status ({status})"
)
_CANCEL_REFUSAL: Final = "The SmartTrade cannot be cancelled in its current status ({status})"
_FORCE_START_REFUSAL: Final = "Force start is not available for a position in status {status}"
_CLOSE_TRADE_REFUSAL: Final = (
    "The trade cannot be closed by market in its current status ({status})"
)


def _unless(status: str, allowed: frozenset[str], refusal: str) -> str | None:
    """``None`` when ``status`` is one of ``allowed``, else ``refusal`` with the status named."""
    return None if status in allowed else refusal.format(status=status or "unknown")


def edit_refusal(smart_trade: JSONObject) -> str | None:
    return _unless(status_of(smart_trade), EDITABLE, _EDIT_REFUSAL)


def _entry_trailing(smart_trade: JSONObject) -> bool:
    conditional = as_object(as_object(smart_trade.get("position")).get("conditional"))
    return as_object(conditional.get("trailing")).get("enabled") is True


def add_funds_refusal(smart_trade: JSONObject) -> str | None:
    refusal = _unless(status_of(smart_trade), ADD_FUNDS_STATUSES, _ADD_FUNDS_REFUSAL)
    if refusal is not None:
        return refusal
    kind = as_object(smart_trade.get("data")).get("type")
    if kind in SIMPLE_TYPES:
        return f"Add funds is not available for a SmartTrade of type {kind}"
    if _entry_trailing(smart_trade):
        return "Add funds is not available while the position's trailing is enabled"
    return None


def reduce_funds_refusal(smart_trade: JSONObject) -> str | None:
    return _unless(status_of(smart_trade), REDUCE_FUNDS_STATUSES, _REDUCE_FUNDS_REFUSAL)


def close_by_market_refusal(smart_trade: JSONObject) -> str | None:
    return _unless(status_of(smart_trade), CLOSABLE, _CLOSE_REFUSAL)


def cancel_refusal(smart_trade: JSONObject) -> str | None:
    return _unless(status_of(smart_trade), CANCELABLE, _CANCEL_REFUSAL)


def force_start_refusal(smart_trade: JSONObject) -> str | None:
    return _unless(status_of(smart_trade.get("position")), WAITING_ORDER, _FORCE_START_REFUSAL)


def force_process_refusal(smart_trade: JSONObject) -> str | None:
    if as_object(smart_trade.get("data")).get("force_process_available") is True:
        return None
    return "Force process is not available for this SmartTrade"


def close_trade_refusal(step: JSONObject) -> str | None:
    return _unless(status_of(step), WAITING_ORDER, _CLOSE_TRADE_REFUSAL)


def cancels_smart_trade(smart_trade: JSONObject) -> bool:
    """Whether cancelling one of its take-profit trades cancels the SmartTrade: the last one.

    The docs: "to avoid canceling the SmartTrade, make sure to leave at least one step in the
    Take Profit trade and avoid deleting the Stop Loss trade"."""
    return len(take_profit_steps(smart_trade)) <= 1


def cancel_trade_refusal(smart_trade: JSONObject, step: JSONObject) -> str | None:
    """Cancel a take-profit trade: the step must be cancelable; the last one cancels the
    SmartTrade, which its status must then allow."""
    if as_object(step.get("data")).get("cancelable") is not True:
        return "This trade cannot be cancelled"
    if cancels_smart_trade(smart_trade):
        refusal = cancel_refusal(smart_trade)
        if refusal is not None:
            return f"Cancelling the last take profit trade cancels the SmartTrade. {refusal}"
    return None


def cancel_stop_loss_refusal(smart_trade: JSONObject) -> str | None:
    """Cancel the stop-loss trade: that cancels the SmartTrade, which its status must allow."""
    refusal = cancel_refusal(smart_trade)
    if refusal is None:
        return None
    return f"Cancelling the stop loss trade cancels the SmartTrade. {refusal}"


#: Each SmartTrade flag and the rule that decides it.
FLAG_RULES: Final[Mapping[str, Callable[[JSONObject], str | None]]] = {
    "editable": edit_refusal,
    "panic_sell_available": close_by_market_refusal,
    "add_funds_available": add_funds_refusal,
    "reduce_funds_available": reduce_funds_refusal,
    "force_start_available": force_start_refusal,
    "cancel_available": cancel_refusal,
}


def refresh_flags(smart_trade: JSONObject) -> None:
    """Set every computed flag from its rule (in place; keys keep their order)."""
    data = smart_trade.get("data")
    if not isinstance(data, dict):
        data = {}
        smart_trade["data"] = data
    for flag, refusal in FLAG_RULES.items():
        data[flag] = refusal(smart_trade) is None
    for step in take_profit_steps(smart_trade):
        step_data = step.get("data")
        if not isinstance(step_data, dict):
            step_data = {}
            step["data"] = step_data
        step_data["panic_sell_available"] = close_trade_refusal(step) is None
