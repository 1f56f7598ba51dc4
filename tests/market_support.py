"""A minimal in-memory store for the market engine's tests, and checks run after every step."""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from threecommas._schema import rule_errors, schema_errors
from threecommas.testing.simulation._entities import (
    POSITION_TRADE,
    STOP_LOSS_TRADE,
    build_smart_trade,
    placeholder_account,
)
from threecommas.testing.simulation._market._derive import realised
from threecommas.testing.simulation._market._market import Market
from threecommas.testing.simulation._state import (
    FLAG_RULES,
    cancel_stop_loss_refusal,
    cancel_trade_refusal,
    close_trade_refusal,
    refresh_flags,
)
from threecommas.testing.simulation._trades import trades_of

PAIR = "USDT_DOGE"
CREATED_AT = "2024-01-01T00:00:00.000Z"


class StubStore:
    """SmartTrades in a list, built as the store's create rule builds them."""

    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []
        self.trade_ids: dict[int, dict[str, int]] = {}
        self.changes: list[int] = []
        self._next_id = 5_000_000

    # The MarketStore protocol

    def smart_trades(self) -> Iterable[dict[str, Any]]:
        return list(self.items)

    def changed(self, smart_trade: dict[str, Any]) -> None:
        self.changes.append(int(smart_trade["id"]))

    def new_id(self) -> int:
        self._next_id += 1
        return self._next_id

    # For the tests

    def create(self, request: Mapping[str, Any]) -> dict[str, Any]:
        """A SmartTrade from a create request that the spec accepts, as the store makes it."""
        body = copy.deepcopy(dict(request))
        assert schema_errors("CreateSmartTradeRequest", body) == {}
        assert rule_errors("CreateSmartTradeRequest", body) == {}
        smart_trade = build_smart_trade(
            body,
            smart_trade_id=self.new_id(),
            new_id=self.new_id,
            now=CREATED_AT,
            account=placeholder_account(int(body["account_id"])),
            current_price={},
        )
        refresh_flags(smart_trade)
        self.items.append(smart_trade)
        self.trade_ids[smart_trade["id"]] = {
            POSITION_TRADE: self.new_id(),
            STOP_LOSS_TRADE: self.new_id(),
        }
        return smart_trade

    def trades(self, smart_trade: dict[str, Any]) -> list[dict[str, Any]]:
        """``/trades`` as the store derives it, with the fills the market made shown."""
        trades = trades_of(
            smart_trade,
            self.trade_ids[smart_trade["id"]],
            cancelable=lambda step: cancel_trade_refusal(smart_trade, step) is None,
            closable=lambda step: close_trade_refusal(step) is None,
            stop_loss_cancelable=cancel_stop_loss_refusal(smart_trade) is None,
        )
        for trade in trades:
            trade.update(realised(smart_trade, trade))
        return trades


def request(
    *,
    side: str = "buy",
    units: str = "100",
    order_type: str = "market",
    price: str | None = None,
    conditional: Mapping[str, Any] | None = None,
    steps: list[dict[str, Any]] | None = None,
    stop_loss: Mapping[str, Any] | None = None,
    pair: str = PAIR,
    **extra: Any,
) -> dict[str, Any]:
    position: dict[str, Any] = {"type": side, "order_type": order_type, "units": {"value": units}}
    if price is not None:
        position["price"] = {"value": price}
    if conditional is not None:
        position["conditional"] = dict(conditional)
    body: dict[str, Any] = {
        "account_id": 32402783,
        "pair": pair,
        "leverage": {"enabled": False},
        "position": position,
        "take_profit": {"enabled": False},
        "stop_loss": {"enabled": False},
    }
    if steps is not None:
        body["take_profit"] = {"enabled": True, "steps": steps}
    if stop_loss is not None:
        body["stop_loss"] = {"enabled": True, **stop_loss}
    body.update(extra)
    return body


def step(
    volume: str, value: str, *, order_type: str = "limit", trailing: str | None = None
) -> dict[str, Any]:
    built: dict[str, Any] = {
        "order_type": order_type,
        "volume": volume,
        "price": {"type": "last", "value": value},
    }
    if trailing is not None:
        built["trailing"] = {"enabled": True, "percent": trailing}
    return built


def market_stop(trigger: str, **extra: Any) -> dict[str, Any]:
    return {
        "order_type": "market",
        "conditional": {"price": {"type": "last", "value": trigger}},
        **extra,
    }


def check(store: StubStore) -> None:
    """What must hold after every step, for every SmartTrade: the spec's schema, every
    ``*_available`` flag equal to its rule, and ``/trades`` in the spec's shape."""
    for smart_trade in store.items:
        check_smart_trade(smart_trade, store.trades(smart_trade))


def check_smart_trade(smart_trade: Mapping[str, Any], trades: Iterable[Mapping[str, Any]]) -> None:
    """The checks of :func:`check` for one SmartTrade (as the API shows it) and its Trades."""
    assert schema_errors("SmartTrade", smart_trade) == {}, smart_trade["id"]
    data = smart_trade["data"]
    for flag, rule in FLAG_RULES.items():
        assert data[flag] is (rule(dict(smart_trade)) is None), (smart_trade["id"], flag)
    for s in smart_trade["take_profit"].get("steps", []):
        closable = close_trade_refusal(s) is None
        assert s["data"]["panic_sell_available"] is closable, (smart_trade["id"], s["id"])
    for trade in trades:
        assert schema_errors("Trade", trade) == {}, trade


def drive(market: Market, store: StubStore, moves: Iterable[tuple[float, str]]) -> None:
    """Set each price after moving the clock to its time (seconds since the clock's start),
    checking after every move."""
    for at, price in moves:
        market.advance(Decimal(str(at)) - market.clock.elapsed)
        check(store)
        market.set_price(PAIR, price)
        check(store)


def status(smart_trade: Mapping[str, Any]) -> str:
    kind: str = smart_trade["status"]["basic_type"]
    return kind


def statuses(smart_trade: Mapping[str, Any]) -> list[str]:
    return [s["status"]["basic_type"] for s in smart_trade["take_profit"]["steps"]]


def D(value: str) -> Decimal:
    return Decimal(value)
