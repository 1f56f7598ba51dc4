"""Building API entities: SmartTrades and their parts from request bodies.

The shapes follow the docs' JSON examples: a created SmartTrade looks like the create example
(status ``created``, position ``to_process``, disabled parts reduced to ``{"enabled": false}``),
edited take-profit steps and stop losses like the edit example (new step ids, status ``idle``),
and a reduce-funds step like the reduce-funds example (Trades: see ``_trades``).
Numbers are decimal strings throughout and are computed with :class:`~decimal.Decimal`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, Final

from threecommas.testing.simulation._state import (
    JSONObject,
    as_object,
    decimal_text,
    order_status,
    smart_trade_status,
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
    "opposite",
    "placeholder_account",
    "placeholder_quote",
    "product",
    "smart_trade_type",
    "text_of",
    "timestamp",
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


def text_of(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def product(a: Any, b: Any) -> str | None:
    left, right = to_decimal(a), to_decimal(b)
    if left is None or right is None:
        return None
    return decimal_text(left * right)


def opposite(side: Any) -> str:
    return "buy" if side == "sell" else "sell"


def smart_trade_type(*, instant: bool, skip_enter_step: bool, side: str) -> str:
    """``data.type`` from the create flags and the position side (the docs' entity table)."""
    if instant:
        return "simple_sell" if side == "sell" else "simple_buy"
    if skip_enter_step:
        return "smart_buy" if side == "sell" else "smart_sell"
    return "smart_cover" if side == "sell" else "smart_trade"


#: The price a SmartTrade shows for a pair that neither the market, nor a SmartTrade in the
#: store, nor the request prices; an answer still carries every field the API always sends.
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
    trailing = as_object(request)
    enabled = trailing.get("enabled") is True
    return {"enabled": enabled, "percent": text_of(trailing.get("percent")) if enabled else None}


def build_conditional(request: Mapping[str, Any], side: str) -> JSONObject:
    """The position's trigger; the default price type is ask for a long, bid for a short."""
    price = as_object(request.get("price"))
    return {
        "editable": True,
        "order_type": request.get("order_type"),
        "price": {
            "type": price.get("type") or ("bid" if side == "sell" else "ask"),
            "value": text_of(price.get("value")),
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
        step = as_object(raw)
        price = as_object(step.get("price"))
        step_id = step.get("id")
        old = editable.pop(step_id, None) if isinstance(step_id, int) else None
        built: JSONObject = {
            "id": new_id() if old is None else old["id"],
            "order_type": step.get("order_type"),
            "editable": True,
            "units": {"value": None},
            "price": {
                "type": price.get("type"),
                "value": text_of(price.get("value")),
                "percent": text_of(price.get("percent")),
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
    conditional = as_object(request.get("conditional"))
    trigger = as_object(conditional.get("price"))
    timeout = as_object(request.get("timeout"))
    timeout_on = timeout.get("enabled") is True
    percent = text_of(trigger.get("percent"))
    return {
        "enabled": True,
        "price_type": "percentage" if percent is not None else "value",
        "breakeven": request.get("breakeven") is True,
        "order_type": request.get("order_type"),
        "editable": True,
        "status": order_status("idle"),
        "units": {"value": None},
        "total": {"value": None},
        "price": {"value": text_of(as_object(request.get("price")).get("value")), "percent": None},
        "closed_at": None,
        "conditional": {
            "price": {
                "value": text_of(trigger.get("value")),
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
    units = text_of(as_object(request.get("units")).get("value"))
    conditional = as_object(request.get("conditional"))
    price = text_of(as_object(request.get("price")).get("value"))
    if price is None and order_type == "conditional":
        price = text_of(as_object(conditional.get("price")).get("value"))
    if price is None:
        price = market_price(current_price, side) or PLACEHOLDER_PRICE
    position: JSONObject = {
        "type": side,
        "editable": False,
        "units": {"value": units, "editable": False},
        "price": {"value": price, "value_without_commission": price, "editable": True},
        "total": {"value": product(units, price)},
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
    :func:`~threecommas.testing.simulation._state.refresh_flags` to set.
    """
    instant = request.get("instant") is True
    skip_enter_step = request.get("skip_enter_step") is True
    position_request = as_object(request.get("position"))
    side = str(position_request.get("type"))
    pair = str(request.get("pair"))
    note = text_of(request.get("note"))
    if not current_price:
        entry_price = text_of(as_object(position_request.get("price")).get("value")) or text_of(
            as_object(as_object(position_request.get("conditional")).get("price")).get("value")
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
        "leverage": build_leverage(as_object(request.get("leverage"))),
        "position": build_position(
            position_request, skip_enter_step=skip_enter_step, current_price=current_price
        ),
        "take_profit": build_take_profit(as_object(request.get("take_profit")), new_id),
        "stop_loss": build_stop_loss(as_object(request.get("stop_loss"))),
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
    units = text_of(as_object(request.get("units")).get("value"))
    return {
        "id": step_id,
        "type": request.get("order_type"),
        "status": order_status("idle"),
        "units": {"value": units},
        "price": {"value": price, "value_without_commission": price},
        "total": {"value": product(units, price)},
        "closed_at": None,
        "data": {"cancelable": False, "panic_sell_available": False},
    }
