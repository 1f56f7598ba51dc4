"""The Trades of a SmartTrade, derived from its state, and a SmartTrade rebuilt from its Trades.

A Trade looks like the docs' trades example: one for the position (none for a Smart Sell/Buy),
one per take-profit step, one for an enabled stop loss and one per reduce-funds step. The ids of
the position and stop-loss trades are not part of the SmartTrade entity; the store keeps them
(:data:`~threecommas.testing.simulation._entities.POSITION_TRADE`, ``STOP_LOSS_TRADE``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from threecommas.testing.simulation._entities import (
    POSITION_TRADE,
    STOP_LOSS_TRADE,
    TradeIds,
    opposite,
    placeholder_account,
    placeholder_quote,
    product,
    smart_trade_type,
    text_of,
)
from threecommas.testing.simulation._state import (
    JSONObject,
    as_object,
    order_status,
    smart_trade_status,
    status_of,
    take_profit_steps,
)

__all__ = ["rebuild_from_trades", "trades_of"]


def _side(smart_trade: JSONObject, purpose: str) -> str:
    """The side of a trade's order: the entry's for the position, the other for every exit."""
    entry = str(as_object(smart_trade.get("position")).get("type") or "buy")
    return entry if purpose == "position" else opposite(entry)


def _book_price_type(smart_trade: JSONObject, purpose: str) -> str:
    """The price a market order of the trade follows: the bid to sell, the ask to buy."""
    return "bid" if _side(smart_trade, purpose) == "sell" else "ask"


def _trade(
    trade_id: int,
    smart_trade: JSONObject,
    order: JSONObject,
    purpose: str,
    *,
    follow: Any,
    price: str | None,
    amount: str | None = None,
) -> JSONObject:
    """The Trade of one order of ``smart_trade`` (its position, a step, its stop loss): the
    order's type, status and units (unless ``amount`` is given), at ``price``."""
    data = as_object(smart_trade.get("data"))
    if purpose == "reduce_funds":  # a reduce-funds step names its order type `type`
        order_type = order.get("type", order.get("order_type"))
    else:
        order_type = order.get("order_type")
    if amount is None:
        amount = text_of(as_object(order.get("units")).get("value"))
    return {
        "id": trade_id,
        "average_price": None,
        "follow_price_type": follow if isinstance(follow, str) else "last",
        "initial_amount": amount,
        "initial_total": product(amount, price),
        "order_price": price if order_type == "limit" else None,
        "order_side": _side(smart_trade, purpose),
        "order_type": order_type if isinstance(order_type, str) else "market",
        "pair": smart_trade.get("pair"),
        "position_percentage": None,
        "realised_amount": "0.0",
        "realised_total": None,
        "status": status_of(order),
        "take_profit_percentage": None,
        "trade_purpose": purpose,
        "trail_percentage": None,
        "trail_value": None,
        "trailing_enabled": False,
        "trailing_last_price": None,
        "trailing_last_price_updated_at": None,
        "trigger_condition": None,
        "trigger_price": None,
        "trigger_price_percentage": None,
        "trigger_type": "none",
        "created_at": data.get("created_at") or "",
        "updated_at": data.get("updated_at"),
        "realised_percentage": "0.0",
        "initial_price": price,
        "realised_price": None,
        "cancelable": False,
        "force_processable": False,
    }


def _position_trade(smart_trade: JSONObject, trade_id: int) -> JSONObject:
    position = as_object(smart_trade.get("position"))
    data = as_object(smart_trade.get("data"))
    conditional = as_object(position.get("conditional"))
    trigger = as_object(conditional.get("price"))
    trailing = as_object(conditional.get("trailing"))
    follow = trigger.get("type") or _book_price_type(smart_trade, "position")
    price = text_of(as_object(position.get("price")).get("value"))
    trade = _trade(trade_id, smart_trade, position, "position", follow=follow, price=price)
    total = text_of(as_object(position.get("total")).get("value"))
    if total is not None:
        trade["initial_total"] = total
    if trade["status"] == "finished":
        trade.update(
            {
                "average_price": text_of(data.get("average_enter_price")),
                "realised_amount": text_of(data.get("entered_amount")),
                "realised_total": text_of(data.get("entered_total")),
                "realised_percentage": "100.0",
                "realised_price": text_of(data.get("average_enter_price_without_commission")),
            }
        )
    if conditional:
        trade.update(
            {
                "trigger_type": "conditional",
                "trigger_price": text_of(trigger.get("value")),
                "trailing_enabled": trailing.get("enabled") is True,
                "trail_percentage": text_of(trailing.get("percent")),
            }
        )
    return trade


def _trigger(trailing: JSONObject, price: JSONObject, *, rising: bool) -> JSONObject:
    """The fields of a trade that a price condition fires: at ``price`` (its value and percent),
    reached from below when ``rising``, with the trailing as given."""
    return {
        "trailing_enabled": trailing.get("enabled") is True,
        "trail_percentage": text_of(trailing.get("percent")),
        "trigger_type": "conditional",
        "trigger_condition": "greater_or_equal" if rising else "less_or_equal",
        "trigger_price": text_of(price.get("value")),
        "trigger_price_percentage": text_of(price.get("percent")),
    }


def _take_profit_trade(
    smart_trade: JSONObject, step: JSONObject, *, cancelable: bool, closable: bool
) -> JSONObject:
    price = as_object(step.get("price"))
    value = text_of(price.get("value"))
    trade = _trade(
        int(step["id"]), smart_trade, step, "take_profit", follow=price.get("type"), price=value
    )
    trade.update(
        initial_total=text_of(step.get("total")) or trade["initial_total"],
        position_percentage=text_of(step.get("volume")),
        take_profit_percentage=text_of(price.get("percent")),
        cancelable=cancelable,
        force_processable=closable,
    )
    # A take profit sells above the entry (buys below it, for a short).
    rising = trade["order_side"] == "sell"
    trade.update(_trigger(as_object(step.get("trailing")), price, rising=rising))
    return trade


def _stop_loss_trade(smart_trade: JSONObject, trade_id: int) -> JSONObject:
    stop_loss = as_object(smart_trade.get("stop_loss"))
    position = as_object(smart_trade.get("position"))
    conditional = as_object(stop_loss.get("conditional"))
    trigger = as_object(conditional.get("price"))
    amount = text_of(as_object(stop_loss.get("units")).get("value")) or text_of(
        as_object(position.get("units")).get("value")
    )
    limit_price = text_of(as_object(stop_loss.get("price")).get("value"))
    price = limit_price or text_of(trigger.get("value"))
    follow = trigger.get("type")
    trade = _trade(
        trade_id, smart_trade, stop_loss, "stop_loss", follow=follow, price=price, amount=amount
    )
    total = text_of(as_object(stop_loss.get("total")).get("value"))
    trade.update(
        initial_total=total or trade["initial_total"],
        order_price=limit_price,
        position_percentage="100.0",
    )
    # A stop loss sells below the entry (buys above it, for a short).
    rising = trade["order_side"] != "sell"
    trade.update(_trigger(as_object(conditional.get("trailing")), trigger, rising=rising))
    return trade


def _reduce_funds_trade(smart_trade: JSONObject, step: JSONObject) -> JSONObject:
    follow = _book_price_type(smart_trade, "reduce_funds")
    price = text_of(as_object(step.get("price")).get("value"))
    trade = _trade(int(step["id"]), smart_trade, step, "reduce_funds", follow=follow, price=price)
    total = text_of(as_object(step.get("total")).get("value"))
    if total is not None:
        trade["initial_total"] = total
    return trade


def trades_of(
    smart_trade: JSONObject,
    trade_ids: Mapping[str, int],
    *,
    cancelable: Callable[[JSONObject], bool],
    closable: Callable[[JSONObject], bool],
    stop_loss_cancelable: bool = False,
) -> list[JSONObject]:
    """The Trades of a SmartTrade, derived from its current state.

    The position trade (none for a Smart Sell/Buy, which places no entry order), one per
    take-profit step, the stop loss when enabled, and one per reduce-funds step. ``cancelable``
    and ``closable`` decide a take-profit trade's ``cancelable`` and ``force_processable``, and
    ``stop_loss_cancelable`` the stop-loss trade's ``cancelable`` (cancelling it cancels the
    SmartTrade); no other trade can be cancelled or closed by market through the trade
    endpoints.
    """
    trades: list[JSONObject] = []
    if smart_trade.get("skip_enter_step") is not True and POSITION_TRADE in trade_ids:
        trades.append(_position_trade(smart_trade, trade_ids[POSITION_TRADE]))
    for step in take_profit_steps(smart_trade):
        if isinstance(step.get("id"), int):
            trades.append(
                _take_profit_trade(
                    smart_trade, step, cancelable=cancelable(step), closable=closable(step)
                )
            )
    stop_loss = as_object(smart_trade.get("stop_loss"))
    if stop_loss.get("enabled") is True and STOP_LOSS_TRADE in trade_ids:
        trade = _stop_loss_trade(smart_trade, trade_ids[STOP_LOSS_TRADE])
        trade["cancelable"] = stop_loss_cancelable
        trades.append(trade)
    steps = as_object(smart_trade.get("reduce_funds")).get("steps")
    for step in steps if isinstance(steps, list) else []:
        if isinstance(step, dict) and isinstance(step.get("id"), int):
            trades.append(_reduce_funds_trade(smart_trade, step))
    return trades


def rebuild_from_trades(
    smart_trade_id: int, trades: list[JSONObject]
) -> tuple[JSONObject, TradeIds]:
    """The SmartTrade that a recorded list of its Trades describes, and its trade ids.

    A Trade does not name the SmartTrade's account, so the rebuilt SmartTrade's account is a
    placeholder with id 0 (unknown), and its pair is quoted at the entry price. The status
    follows from the orders: ``waiting_targets`` once the position is finished,
    ``waiting_position`` before.
    """
    by_purpose: dict[str, list[JSONObject]] = {}
    for trade in trades:
        by_purpose.setdefault(str(trade.get("trade_purpose")), []).append(trade)
    position_trade = (by_purpose.get("position") or [{}])[0]
    stop_trades = by_purpose.get("stop_loss") or []
    stop_trade = stop_trades[0] if stop_trades else None
    first = position_trade or trades[0]
    side = str(position_trade.get("order_side") or opposite(first.get("order_side")))
    pair = str(first.get("pair"))
    finished = position_trade.get("status") == "finished"
    created = min(str(t.get("created_at") or "") for t in trades)
    updated = max(str(t.get("updated_at") or "") for t in trades)
    ids: TradeIds = {}
    position: JSONObject = {
        "type": side,
        "editable": False,
        "units": {"value": text_of(position_trade.get("initial_amount")), "editable": False},
        "price": {},
        "total": {"value": text_of(position_trade.get("initial_total"))},
        "order_type": position_trade.get("order_type") or "market",
        "status": order_status(str(position_trade.get("status") or "smart_sell")),
    }
    entry_price = text_of(position_trade.get("initial_price"))
    quote = placeholder_quote(entry_price)
    position["price"] = {
        "value": entry_price or quote["last"],
        "value_without_commission": entry_price or quote["last"],
        "editable": not finished,
    }
    if isinstance(position_trade.get("id"), int):
        ids[POSITION_TRADE] = position_trade["id"]
    steps: list[JSONObject] = []
    for index, trade in enumerate(by_purpose.get("take_profit", [])):
        steps.append(
            {
                "id": trade["id"],
                "order_type": trade.get("order_type"),
                "editable": True,
                "units": {"value": text_of(trade.get("initial_amount"))},
                "price": {
                    "type": trade.get("follow_price_type"),
                    "value": text_of(trade.get("trigger_price") or trade.get("initial_price")),
                    "percent": text_of(trade.get("take_profit_percentage")),
                },
                "volume": text_of(trade.get("position_percentage")) or "100.0",
                "total": text_of(trade.get("initial_total")),
                "trailing": {
                    "enabled": trade.get("trailing_enabled") is True,
                    "percent": text_of(trade.get("trail_percentage")),
                },
                "status": order_status(str(trade.get("status"))),
                "closed_at": None,
                "data": {"cancelable": True, "panic_sell_available": False},
                "position": index + 1,
            }
        )
    stop_loss: JSONObject = {"enabled": False}
    if stop_trade is not None:
        if isinstance(stop_trade.get("id"), int):
            ids[STOP_LOSS_TRADE] = stop_trade["id"]
        stop_loss = {
            "enabled": True,
            "price_type": "value",
            "breakeven": False,
            "order_type": stop_trade.get("order_type"),
            "editable": True,
            "status": order_status(str(stop_trade.get("status"))),
            "units": {"value": text_of(stop_trade.get("initial_amount"))},
            "total": {"value": text_of(stop_trade.get("initial_total"))},
            "price": {"value": text_of(stop_trade.get("order_price")), "percent": None},
            "closed_at": None,
            "conditional": {
                "price": {
                    "value": text_of(stop_trade.get("trigger_price")),
                    "type": stop_trade.get("follow_price_type"),
                    "percent": text_of(stop_trade.get("trigger_price_percentage")),
                },
                "trailing": {
                    "enabled": stop_trade.get("trailing_enabled") is True,
                    "percent": text_of(stop_trade.get("trail_percentage")),
                },
            },
            "timeout": {"enabled": False, "value": None},
        }
    reduce_steps = [
        {
            "id": trade["id"],
            "type": trade.get("order_type"),
            "status": order_status(str(trade.get("status"))),
            "units": {"value": text_of(trade.get("initial_amount"))},
            "price": {
                "value": text_of(trade.get("initial_price")),
                "value_without_commission": text_of(trade.get("initial_price")),
            },
            "total": {"value": text_of(trade.get("initial_total"))},
            "closed_at": None,
            "data": {"cancelable": False, "panic_sell_available": False},
        }
        for trade in by_purpose.get("reduce_funds", [])
    ]
    entered_amount = text_of(position_trade.get("realised_amount")) if finished else None
    smart_trade: JSONObject = {
        "id": smart_trade_id,
        "version": 2,
        "account": placeholder_account(0),
        "pair": pair,
        "instant": False,
        "status": smart_trade_status("waiting_targets" if finished else "waiting_position"),
        "leverage": {"enabled": False},
        "position": position,
        "take_profit": {"enabled": bool(steps), "price_type": "value", "steps": steps},
        "stop_loss": stop_loss,
        "reduce_funds": {"steps": reduce_steps},
        "market_close": {},
        "note": "",
        "note_raw": None,
        "skip_enter_step": not position_trade,
        "data": {
            "current_price": quote,
            "target_price_type": "price",
            "orderbook_price_currency": pair.partition("_")[0],
            "base_order_finished": finished,
            "missing_funds_to_close": "0.0",
            "liquidation_price": None,
            "average_enter_price": text_of(position_trade.get("average_price")),
            "average_close_price": None,
            "average_enter_price_without_commission": text_of(position_trade.get("realised_price")),
            "average_close_price_without_commission": None,
            "force_process_available": True,
            "finished": False,
            "base_position_step_finished": finished,
            "entered_amount": entered_amount or "0.0",
            "entered_total": (text_of(position_trade.get("realised_total")) if finished else None)
            or "0.0",
            "closed_amount": "0.0",
            "closed_total": "0.0",
            "commission": 0.001,
            "created_at": created,
            "updated_at": updated,
            "type": smart_trade_type(instant=False, skip_enter_step=not position_trade, side=side),
        },
        "profit": {"volume": None, "usd": None, "percent": "0.0", "roe": None},
        "margin": {"amount": None, "total": None},
        "is_position_not_filled": not finished,
    }
    return smart_trade, ids
