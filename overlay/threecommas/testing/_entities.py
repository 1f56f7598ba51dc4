"""Building API entities: SmartTrades from request bodies, Trades from SmartTrades, and back.

The shapes follow the docs' JSON examples: a created SmartTrade looks like the create example
(status ``created``, position ``to_process``, disabled parts reduced to ``{"enabled": false}``),
edited take-profit steps and stop losses like the edit example (new step ids, status ``idle``),
a reduce-funds step like the reduce-funds example, and a Trade like the trades example.
Numbers are decimal strings throughout and are computed with :class:`~decimal.Decimal`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, Final

from threecommas.testing._state import (
    JSONObject,
    decimal_text,
    order_status,
    smart_trade_status,
    status_of,
    take_profit_steps,
    to_decimal,
)

__all__ = [
    "POSITION_TRADE",
    "STOP_LOSS_TRADE",
    "TradeIds",
    "build_leverage",
    "build_reduce_funds_step",
    "build_smart_trade",
    "build_stop_loss",
    "build_take_profit",
    "market_price",
    "placeholder_account",
    "placeholder_quote",
    "rebuild_from_trades",
    "smart_trade_type",
    "timestamp",
    "trades_of",
]

#: Keys of the trade ids a SmartTrade entity does not show (its position and stop-loss orders).
POSITION_TRADE: Final = "position"
STOP_LOSS_TRADE: Final = "stop_loss"
TradeIds = dict[str, int]

NewId = Callable[[], int]


def timestamp(moment: datetime) -> str:
    """ISO 8601 in UTC with milliseconds, as the API writes them: ``2024-09-23T20:02:40.745Z``."""
    utc = moment.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def _object(value: Any) -> JSONObject:
    return value if isinstance(value, dict) else {}


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _product(a: Any, b: Any) -> str | None:
    left, right = to_decimal(a), to_decimal(b)
    if left is None or right is None:
        return None
    return decimal_text(left * right)


def _opposite(side: Any) -> str:
    return "buy" if side == "sell" else "sell"


def smart_trade_type(*, instant: bool, skip_enter_step: bool, side: str) -> str:
    """``data.type`` from the create flags and the position side (the docs' entity table)."""
    if instant:
        return "simple_sell" if side == "sell" else "simple_buy"
    if skip_enter_step:
        return "smart_buy" if side == "sell" else "smart_sell"
    return "smart_cover" if side == "sell" else "smart_trade"


#: The price a SmartTrade shows for a pair no SmartTrade in the store quotes and no request
#: prices. No exchange is simulated; an answer still carries every field the API always sends.
PLACEHOLDER_PRICE: Final = "1.0"


def placeholder_quote(price: str | None = None) -> JSONObject:
    """``data.current_price`` of a pair the store knows no prices of: ``price`` as bid, ask and
    last (the entry's own price, when it has one), no volume, no change."""
    last = price if to_decimal(price) is not None else PLACEHOLDER_PRICE
    return {
        "bid": last,
        "ask": last,
        "last": last,
        "quote_volume": "0.0",
        "day_change_percent": "0.0",
    }


def placeholder_account(account_id: int) -> JSONObject:
    """An exchange account the server has not seen, shaped like the docs' paper account."""
    return {
        "id": account_id,
        "type": "paper_trading",
        "name": f"Paper Account {account_id}",
        "market": "Binance Spot account simulator",
        "link": f"/accounts/{account_id}",
    }


def market_price(current_price: Mapping[str, Any], side: str) -> str | None:
    """The price a market order on ``side`` would get: the ask to buy, the bid to sell."""
    for key in ("ask", "last") if side == "buy" else ("bid", "last"):
        value = current_price.get(key)
        if to_decimal(value) is not None:
            return str(value)
    return None


# --- Parts of a SmartTrade from request bodies -------------------------------------------------


def build_leverage(request: Mapping[str, Any] | None) -> JSONObject:
    if not request or request.get("enabled") is not True:
        return {"enabled": False}
    leverage: JSONObject = {"enabled": True}
    if "type" in request:
        leverage["type"] = request["type"]
    if "value" in request:
        leverage["value"] = request["value"]
    leverage["type_editable"] = False
    return leverage


def _trailing(request: Any) -> JSONObject:
    trailing = _object(request)
    enabled = trailing.get("enabled") is True
    return {"enabled": enabled, "percent": _text(trailing.get("percent")) if enabled else None}


def build_conditional(request: Mapping[str, Any], side: str) -> JSONObject:
    """The position's trigger; the default price type is ask for a long, bid for a short."""
    price = _object(request.get("price"))
    return {
        "editable": True,
        "order_type": request.get("order_type"),
        "price": {
            "type": price.get("type") or ("bid" if side == "sell" else "ask"),
            "value": _text(price.get("value")),
            "percent": None,
        },
        "trailing": _trailing(request.get("trailing")),
    }


def build_take_profit(
    request: Mapping[str, Any] | None, new_id: NewId, existing: Sequence[JSONObject] = ()
) -> JSONObject:
    """Take profit from a request: a step carrying the ``id`` of one of the ``existing`` steps
    edits that step in place (its id, status and data stay); any other step is new, with a
    fresh id and ``idle`` (as after the docs' edit)."""
    request = request or {}
    enabled = request.get("enabled") is True
    raw_steps = request.get("steps") if enabled else None
    editable = {s["id"]: s for s in existing if isinstance(s.get("id"), int)}
    steps: list[JSONObject] = []
    for index, raw in enumerate(raw_steps if isinstance(raw_steps, list) else []):
        step = _object(raw)
        price = _object(step.get("price"))
        step_id = step.get("id")
        old = editable.pop(step_id, None) if isinstance(step_id, int) else None
        built: JSONObject = {
            "id": new_id() if old is None else old["id"],
            "order_type": step.get("order_type"),
            "editable": True,
            "units": {"value": None},
            "price": {
                "type": price.get("type"),
                "value": _text(price.get("value")),
                "percent": _text(price.get("percent")),
            },
            "volume": step.get("volume"),
            "total": None,
            "trailing": _trailing(step.get("trailing")),
            "status": order_status("idle"),
            "closed_at": None,
            "data": {"cancelable": True, "panic_sell_available": False},
            "position": index + 1,
        }
        if old is not None:
            for key in ("editable", "status", "closed_at", "data"):
                if key in old:
                    built[key] = old[key]
            if old.get("volume") == built["volume"]:
                built["units"], built["total"] = old.get("units"), old.get("total")
        steps.append(built)
    by_percent = any(s["price"]["percent"] is not None for s in steps)
    return {
        "enabled": enabled,
        "price_type": "percentage" if by_percent else "value",
        "steps": steps,
    }


def build_stop_loss(request: Mapping[str, Any] | None) -> JSONObject:
    """Stop loss as the docs' edit example shows it; just ``{"enabled": false}`` when off."""
    if not request or request.get("enabled") is not True:
        return {"enabled": False}
    conditional = _object(request.get("conditional"))
    trigger = _object(conditional.get("price"))
    timeout = _object(request.get("timeout"))
    timeout_on = timeout.get("enabled") is True
    percent = _text(trigger.get("percent"))
    return {
        "enabled": True,
        "price_type": "percentage" if percent is not None else "value",
        "breakeven": request.get("breakeven") is True,
        "order_type": request.get("order_type"),
        "editable": True,
        "status": order_status("idle"),
        "units": {"value": None},
        "total": {"value": None},
        "price": {"value": _text(_object(request.get("price")).get("value")), "percent": None},
        "closed_at": None,
        "conditional": {
            "price": {
                "value": _text(trigger.get("value")),
                "type": trigger.get("type"),
                "percent": percent,
            },
            "trailing": _trailing(conditional.get("trailing")),
        },
        "timeout": {
            "enabled": timeout_on,
            "value": timeout.get("value") if timeout_on else None,
        },
    }


def build_position(
    request: Mapping[str, Any], *, skip_enter_step: bool, current_price: Mapping[str, Any]
) -> JSONObject:
    """The entry order; a Smart Sell/Buy has none to place, its position is the user's funds."""
    side = str(request.get("type"))
    order_type = request.get("order_type")
    units = _text(_object(request.get("units")).get("value"))
    conditional = _object(request.get("conditional"))
    price = _text(_object(request.get("price")).get("value"))
    if price is None and order_type == "conditional":
        price = _text(_object(conditional.get("price")).get("value"))
    if price is None:
        price = market_price(current_price, side) or PLACEHOLDER_PRICE
    position: JSONObject = {
        "type": side,
        "editable": False,
        "units": {"value": units, "editable": False},
        "price": {"value": price, "value_without_commission": price, "editable": True},
        "total": {"value": _product(units, price)},
        "order_type": order_type,
        "status": order_status("smart_sell" if skip_enter_step else "to_process"),
    }
    if order_type == "conditional":
        position["conditional"] = build_conditional(conditional, side)
    return position


def build_smart_trade(
    request: Mapping[str, Any],
    *,
    smart_trade_id: int,
    new_id: NewId,
    now: str,
    account: JSONObject,
    current_price: Mapping[str, Any],
) -> JSONObject:
    """A just-created SmartTrade from a (valid) create body, shaped like the docs' example.

    ``current_price`` is the pair's quote; when the store knows none, the entry's own price (or
    :data:`PLACEHOLDER_PRICE`) stands in. The flags are left for
    :func:`~threecommas.testing._state.refresh_flags` to set.
    """
    instant = request.get("instant") is True
    skip_enter_step = request.get("skip_enter_step") is True
    position_request = _object(request.get("position"))
    side = str(position_request.get("type"))
    pair = str(request.get("pair"))
    note = _text(request.get("note"))
    if not current_price:
        entry_price = _text(_object(position_request.get("price")).get("value")) or _text(
            _object(_object(position_request.get("conditional")).get("price")).get("value")
        )
        current_price = placeholder_quote(entry_price)
    data: JSONObject = {"editable": False, "current_price": dict(current_price)}
    data.update(
        {
            "target_price_type": "price",
            "orderbook_price_currency": pair.partition("_")[0],
            "base_order_finished": skip_enter_step,
            "missing_funds_to_close": "0.0",
            "liquidation_price": None,
            "average_enter_price": None,
            "average_close_price": None,
            "average_enter_price_without_commission": None,
            "average_close_price_without_commission": None,
            "panic_sell_available": False,
            "add_funds_available": False,
            "reduce_funds_available": False,
            "force_start_available": False,
            "force_process_available": True,
            "cancel_available": False,
            "finished": False,
            "base_position_step_finished": skip_enter_step,
            "entered_amount": "0.0",
            "entered_total": "0.0",
            "closed_amount": "0.0",
            "closed_total": "0.0",
            "commission": "0.001",
            "created_at": now,
            "updated_at": now,
            "type": smart_trade_type(instant=instant, skip_enter_step=skip_enter_step, side=side),
        }
    )
    return {
        "id": smart_trade_id,
        "version": 2,
        "account": account,
        "pair": pair,
        "instant": instant,
        "status": smart_trade_status("created"),
        "leverage": build_leverage(_object(request.get("leverage"))),
        "position": build_position(
            position_request, skip_enter_step=skip_enter_step, current_price=current_price
        ),
        "take_profit": build_take_profit(_object(request.get("take_profit")), new_id),
        "stop_loss": build_stop_loss(_object(request.get("stop_loss"))),
        "reduce_funds": {"steps": []},
        "market_close": {},
        "note": note or "",
        "note_raw": note,
        "skip_enter_step": skip_enter_step,
        "data": data,
        "profit": {"volume": None, "usd": None, "percent": "0.0", "roe": None},
        "margin": {"amount": None, "total": None},
        "is_position_not_filled": not skip_enter_step,
    }


def build_reduce_funds_step(
    request: Mapping[str, Any], *, step_id: int, price: str | None
) -> JSONObject:
    """A reduce-funds step as the docs' reduce-funds example shows it (status ``idle``)."""
    units = _text(_object(request.get("units")).get("value"))
    return {
        "id": step_id,
        "type": request.get("order_type"),
        "status": order_status("idle"),
        "units": {"value": units},
        "price": {"value": price, "value_without_commission": price},
        "total": {"value": _product(units, price)},
        "closed_at": None,
        "data": {"cancelable": False, "panic_sell_available": False},
    }


# --- Trades -------------------------------------------------------------------------------------


def _trade(
    trade_id: int,
    smart_trade: JSONObject,
    *,
    purpose: str,
    side: str,
    order_type: Any,
    status: str,
    follow_price_type: Any,
    amount: str | None,
    price: str | None,
) -> JSONObject:
    data = _object(smart_trade.get("data"))
    return {
        "id": trade_id,
        "average_price": None,
        "follow_price_type": follow_price_type if isinstance(follow_price_type, str) else "last",
        "initial_amount": amount,
        "initial_total": _product(amount, price),
        "order_price": price if order_type == "limit" else None,
        "order_side": side,
        "order_type": order_type if isinstance(order_type, str) else "market",
        "pair": smart_trade.get("pair"),
        "position_percentage": None,
        "realised_amount": "0.0",
        "realised_total": None,
        "status": status,
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
    position = _object(smart_trade.get("position"))
    data = _object(smart_trade.get("data"))
    side = str(position.get("type") or "buy")
    conditional = _object(position.get("conditional"))
    trigger = _object(conditional.get("price"))
    trailing = _object(conditional.get("trailing"))
    status = status_of(position)
    trade = _trade(
        trade_id,
        smart_trade,
        purpose="position",
        side=side,
        order_type=position.get("order_type"),
        status=status,
        follow_price_type=trigger.get("type") or ("bid" if side == "sell" else "ask"),
        amount=_text(_object(position.get("units")).get("value")),
        price=_text(_object(position.get("price")).get("value")),
    )
    total = _text(_object(position.get("total")).get("value"))
    if total is not None:
        trade["initial_total"] = total
    if status == "finished":
        trade.update(
            {
                "average_price": _text(data.get("average_enter_price")),
                "realised_amount": _text(data.get("entered_amount")),
                "realised_total": _text(data.get("entered_total")),
                "realised_percentage": "100.0",
                "realised_price": _text(data.get("average_enter_price_without_commission")),
            }
        )
    if conditional:
        trade.update(
            {
                "trigger_type": "conditional",
                "trigger_price": _text(trigger.get("value")),
                "trailing_enabled": trailing.get("enabled") is True,
                "trail_percentage": _text(trailing.get("percent")),
            }
        )
    return trade


def _take_profit_trade(
    smart_trade: JSONObject, step: JSONObject, *, cancelable: bool, closable: bool
) -> JSONObject:
    side = _opposite(_object(smart_trade.get("position")).get("type"))
    price = _object(step.get("price"))
    trailing = _object(step.get("trailing"))
    amount = _text(_object(step.get("units")).get("value"))
    trade = _trade(
        int(step["id"]),
        smart_trade,
        purpose="take_profit",
        side=side,
        order_type=step.get("order_type"),
        status=status_of(step),
        follow_price_type=price.get("type"),
        amount=amount,
        price=_text(price.get("value")),
    )
    trade.update(
        {
            "initial_total": _text(step.get("total")) or trade["initial_total"],
            "position_percentage": _text(step.get("volume")),
            "take_profit_percentage": _text(price.get("percent")),
            "trailing_enabled": trailing.get("enabled") is True,
            "trail_percentage": _text(trailing.get("percent")),
            "trigger_type": "conditional",
            "trigger_condition": "greater_or_equal" if side == "sell" else "less_or_equal",
            "trigger_price": _text(price.get("value")),
            "trigger_price_percentage": _text(price.get("percent")),
            "cancelable": cancelable,
            "force_processable": closable,
        }
    )
    return trade


def _stop_loss_trade(smart_trade: JSONObject, trade_id: int) -> JSONObject:
    stop_loss = _object(smart_trade.get("stop_loss"))
    position = _object(smart_trade.get("position"))
    side = _opposite(position.get("type"))
    conditional = _object(stop_loss.get("conditional"))
    trigger = _object(conditional.get("price"))
    trailing = _object(conditional.get("trailing"))
    amount = _text(_object(stop_loss.get("units")).get("value")) or _text(
        _object(position.get("units")).get("value")
    )
    trigger_price = _text(trigger.get("value"))
    limit_price = _text(_object(stop_loss.get("price")).get("value"))
    trade = _trade(
        trade_id,
        smart_trade,
        purpose="stop_loss",
        side=side,
        order_type=stop_loss.get("order_type"),
        status=status_of(stop_loss),
        follow_price_type=trigger.get("type"),
        amount=amount,
        price=limit_price or trigger_price,
    )
    total = _text(_object(stop_loss.get("total")).get("value"))
    trade.update(
        {
            "initial_total": total or trade["initial_total"],
            "order_price": limit_price,
            "position_percentage": "100.0",
            "trailing_enabled": trailing.get("enabled") is True,
            "trail_percentage": _text(trailing.get("percent")),
            "trigger_type": "conditional",
            "trigger_condition": "less_or_equal" if side == "sell" else "greater_or_equal",
            "trigger_price": trigger_price,
            "trigger_price_percentage": _text(trigger.get("percent")),
        }
    )
    return trade


def _reduce_funds_trade(smart_trade: JSONObject, step: JSONObject) -> JSONObject:
    side = _opposite(_object(smart_trade.get("position")).get("type"))
    trade = _trade(
        int(step["id"]),
        smart_trade,
        purpose="reduce_funds",
        side=side,
        order_type=step.get("type", step.get("order_type")),
        status=status_of(step),
        follow_price_type="bid" if side == "sell" else "ask",
        amount=_text(_object(step.get("units")).get("value")),
        price=_text(_object(step.get("price")).get("value")),
    )
    total = _text(_object(step.get("total")).get("value"))
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
    stop_loss = _object(smart_trade.get("stop_loss"))
    if stop_loss.get("enabled") is True and STOP_LOSS_TRADE in trade_ids:
        trade = _stop_loss_trade(smart_trade, trade_ids[STOP_LOSS_TRADE])
        trade["cancelable"] = stop_loss_cancelable
        trades.append(trade)
    steps = _object(smart_trade.get("reduce_funds")).get("steps")
    for step in steps if isinstance(steps, list) else []:
        if isinstance(step, dict) and isinstance(step.get("id"), int):
            trades.append(_reduce_funds_trade(smart_trade, step))
    return trades


# --- A SmartTrade from its Trades ---------------------------------------------------------------


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
    side = str(position_trade.get("order_side") or _opposite(first.get("order_side")))
    pair = str(first.get("pair"))
    finished = position_trade.get("status") == "finished"
    created = min(str(t.get("created_at") or "") for t in trades)
    updated = max(str(t.get("updated_at") or "") for t in trades)
    ids: TradeIds = {}
    position: JSONObject = {
        "type": side,
        "editable": False,
        "units": {"value": _text(position_trade.get("initial_amount")), "editable": False},
        "price": {},
        "total": {"value": _text(position_trade.get("initial_total"))},
        "order_type": position_trade.get("order_type") or "market",
        "status": order_status(str(position_trade.get("status") or "smart_sell")),
    }
    entry_price = _text(position_trade.get("initial_price"))
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
                "units": {"value": _text(trade.get("initial_amount"))},
                "price": {
                    "type": trade.get("follow_price_type"),
                    "value": _text(trade.get("trigger_price") or trade.get("initial_price")),
                    "percent": _text(trade.get("take_profit_percentage")),
                },
                "volume": _text(trade.get("position_percentage")) or "100.0",
                "total": _text(trade.get("initial_total")),
                "trailing": {
                    "enabled": trade.get("trailing_enabled") is True,
                    "percent": _text(trade.get("trail_percentage")),
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
            "units": {"value": _text(stop_trade.get("initial_amount"))},
            "total": {"value": _text(stop_trade.get("initial_total"))},
            "price": {"value": _text(stop_trade.get("order_price")), "percent": None},
            "closed_at": None,
            "conditional": {
                "price": {
                    "value": _text(stop_trade.get("trigger_price")),
                    "type": stop_trade.get("follow_price_type"),
                    "percent": _text(stop_trade.get("trigger_price_percentage")),
                },
                "trailing": {
                    "enabled": stop_trade.get("trailing_enabled") is True,
                    "percent": _text(stop_trade.get("trail_percentage")),
                },
            },
            "timeout": {"enabled": False, "value": None},
        }
    reduce_steps = [
        {
            "id": trade["id"],
            "type": trade.get("order_type"),
            "status": order_status(str(trade.get("status"))),
            "units": {"value": _text(trade.get("initial_amount"))},
            "price": {
                "value": _text(trade.get("initial_price")),
                "value_without_commission": _text(trade.get("initial_price")),
            },
            "total": {"value": _text(trade.get("initial_total"))},
            "closed_at": None,
            "data": {"cancelable": False, "panic_sell_available": False},
        }
        for trade in by_purpose.get("reduce_funds", [])
    ]
    entered_amount = _text(position_trade.get("realised_amount")) if finished else None
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
            "average_enter_price": _text(position_trade.get("average_price")),
            "average_close_price": None,
            "average_enter_price_without_commission": _text(position_trade.get("realised_price")),
            "average_close_price_without_commission": None,
            "force_process_available": True,
            "finished": False,
            "base_position_step_finished": finished,
            "entered_amount": entered_amount or "0.0",
            "entered_total": (_text(position_trade.get("realised_total")) if finished else None)
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
