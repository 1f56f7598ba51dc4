"""The market on the real store's recorded SmartTrades: nothing moves until the market gives
their pair a price; then they trade like any other (through a small adapter that gives the
store the market's protocol, as the wiring will)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import pytest

from tests.market_support import D
from threecommas._schema import schema_errors
from threecommas.testing import DEFAULT_RECORDINGS_DIR, SmartTradeStore, load_recordings
from threecommas.testing.simulation._market._market import Market
from threecommas.testing.simulation._state import FLAG_RULES, close_trade_refusal

SEED_ID = 12345678
CLOSED_STEP = 1047934729
SEED_FILE = DEFAULT_RECORDINGS_DIR / "close_trade_by_market_12345678_1047934729.json"


class Adapter:
    """The real store seen through the market's protocol (copies in, ``put`` back)."""

    def __init__(self, store: SmartTradeStore) -> None:
        self.store = store
        self._next_id = 9_000_000_000

    def smart_trades(self) -> Iterable[dict[str, Any]]:
        return [st for st in (self.store.get(i) for i in self.store.ids()) if st is not None]

    def changed(self, smart_trade: dict[str, Any]) -> None:
        self.store.put(smart_trade)

    def new_id(self) -> int:
        self._next_id += 1
        return self._next_id


@pytest.fixture
def store() -> SmartTradeStore:
    return SmartTradeStore.from_recordings(load_recordings())


def seed_body() -> dict[str, Any]:
    body: dict[str, Any] = json.loads(SEED_FILE.read_text(encoding="utf-8"))["body"]
    return body


def assert_sound(store: SmartTradeStore) -> None:
    for smart_trade in store.snapshot().values():
        assert schema_errors("SmartTrade", smart_trade) == {}, smart_trade["id"]
        for flag, rule in FLAG_RULES.items():
            assert smart_trade["data"][flag] is (rule(smart_trade) is None), flag
        for s in smart_trade["take_profit"].get("steps", []):
            assert s["data"]["panic_sell_available"] is (close_trade_refusal(s) is None)


def test_recorded_smart_trades_answer_as_recorded_until_their_pair_has_a_price(
    store: SmartTradeStore,
) -> None:
    before = store.snapshot()
    market = Market(Adapter(store))
    market.advance(3600)
    market.tick()
    market.set_price("USDT_BTC", "60000")  # no recorded SmartTrade trades it
    market.play({"pair": "USDT_ETH", "points": [[0, "3000"], [60, "3100"]]})
    market.advance(120)
    assert store.snapshot() == before
    # The seed's close still gets the seed's body.
    assert store.close_trade_by_market(SEED_ID, CLOSED_STEP) == seed_body()


def test_once_priced_the_recorded_smart_trades_trade(store: SmartTradeStore) -> None:
    before = store.snapshot()
    store.close_trade_by_market(SEED_ID, CLOSED_STEP)
    market = Market(Adapter(store))
    market.set_price("USDT_DOGE", "0.11")
    assert_sound(store)
    after = store.snapshot()
    # Finished, cancelled and failed ones never move; other pairs neither.
    for smart_trade_id, smart_trade in before.items():
        if smart_trade["status"]["basic_type"] in ("cancelled", "failed"):
            assert after[smart_trade_id] == smart_trade
        if smart_trade["pair"] != "USDT_DOGE":
            assert after[smart_trade_id] == smart_trade
    seed = after[SEED_ID]
    closed = next(s for s in seed["take_profit"]["steps"] if s["id"] == CLOSED_STEP)
    # The step closed by market sold its share of the 14.91 units held (25 of 100) at the bid.
    assert closed["status"]["basic_type"] == "finished"
    assert D(closed["units"]["value"]) == D("14.91") / 4
    assert D(closed["total"]) == D("14.91") / 4 * D("0.11")
    assert seed["data"]["current_price"]["bid"] == "0.11"
    assert seed["status"]["basic_type"] == "waiting_targets"
    assert seed["data"]["updated_at"] == "2024-01-01T00:00:00.000Z"
    # The market steps (targets 0.5, 0.55, 0.6) fill when the price gets there.
    market.set_price("USDT_DOGE", "0.6")
    assert_sound(store)
    final = store.get(SEED_ID)
    assert final is not None and final["status"]["basic_type"] == "finished"
    assert final["data"]["closed_amount"] == "14.91"
