"""The accounts' balances on the recorded-responses server: the two balance reads and the check
that an order fits what the account holds.

Until a balance is set for an account (``server.market.set_balance``, the admin API's
``POST /__admin__/market/balances``, the ``balances`` of a market file), nothing is kept for it:
its orders are not judged by balance (today's unlimited behaviour) and its balances table
answers what is recorded for it (``market_data.json``'s ``balances``: the docs' example rows;
an empty table for an account with none). Once one is set, the account's balances are kept by
the simulated market (``_market._balances``), starting from the recorded rows, and every
SmartTrade it creates from then on moves them.

An order the free balance cannot cover is refused with the API's 422 ``record_invalid`` (the
docs show no refusal for funds; this is the shape the API gives every refused order), naming the
create's total for a buy (``position.total``) and its amount for a sell (``units_to_buy``), as
the docs' 422 examples key them: ``insufficient funds: 150 USDT needed, 100 USDT available``.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar, Final

from threecommas._order_bodies import order_of_create_body
from threecommas.testing.recording import Recording
from threecommas.testing.simulation._base import ActionError, Received, Seed, Transaction, clone
from threecommas.testing.simulation._market import Quote
from threecommas.testing.simulation._market._balances import (
    Holding,
    order_cost,
    pair_currencies,
)
from threecommas.testing.simulation._market._derive import commission
from threecommas.testing.simulation._market_data import _data, _limits, _market_price, find_account
from threecommas.testing.simulation._state import JSONObject

__all__ = [
    "BALANCE_RULES",
    "balance_refusal",
    "recorded_balances",
    "recorded_seed",
    "track_balances",
]


def recorded_balances(account_id: int) -> list[JSONObject]:
    """The recorded balances table of the account (copies), empty when none is recorded."""
    entry = _data().get("balances", {}).get(str(account_id))
    return [] if entry is None else [clone(row) for row in entry["body"]]


def recorded_seed(account_id: int) -> dict[str, Decimal]:
    """What the account is recorded to hold, by currency: where its kept balances start."""
    seed: dict[str, Decimal] = {}
    for row in recorded_balances(account_id):
        try:
            seed[str(row["currency_code"])] = Decimal(str(row["position"]))
        except (KeyError, InvalidOperation):
            continue
    return seed


def _text(value: Decimal) -> str:
    return format(value.normalize(), "f") if value else "0"


def _row(account_id: int, currency: str, holding: Holding, recorded: JSONObject | None) -> Any:
    """A balances-table row: the recorded row's descriptive fields, the kept figures."""
    row: JSONObject = {
        "currency_code": currency,
        "currency_name": currency,
        "currency_icon": None,
        "currency_slug": currency.lower(),
    }
    if recorded is not None:
        row.update({k: recorded[k] for k in ("currency_name", "currency_icon", "currency_slug")})
    row.update(
        {
            "position": _text(holding.total),
            "position_available": _text(holding.free),
            "on_orders": _text(holding.on_orders),
            "equity": _text(holding.total),
            "borrowed": "0",
            "account_id": account_id,
            "is_wallet": False,
        }
    )
    return row


def balances_table(tx: Transaction, account_id: int) -> list[JSONObject]:
    """The table the API answers: the kept balances once any is set, else the recorded rows."""
    market = tx.market
    if market is None or not market.balances.kept(account_id):
        return recorded_balances(account_id)
    recorded = {str(r.get("currency_code")): r for r in recorded_balances(account_id)}
    return [
        _row(account_id, currency, holding, recorded.get(currency))
        for currency, holding in market.holdings(account_id, tx.smart_trades()).items()
    ]


def balance_refusal(
    tx: Transaction, body: Mapping[str, Any], smart_trade: JSONObject, quote: Quote | None
) -> ActionError | None:
    """The 422 of a create whose entry the account's free balance cannot cover (None when it
    can, or when the account's balances are not kept). A market entry is judged at the price
    it would fill at: ``quote`` (the simulated market's), else the recorded rates'."""
    market = tx.market
    account_id = smart_trade.get("account", {}).get("id")
    if market is None or not isinstance(account_id, int) or not market.balances.kept(account_id):
        return None
    currencies = pair_currencies(body.get("pair"))
    position = body.get("position")
    side = str(position.get("type")) if isinstance(position, Mapping) else "buy"
    found = _limits(account_id, body.get("pair"))
    price = (
        _market_price(found[1], side, quote)
        if found is not None
        else (None if quote is None else quote.ask if side == "buy" else quote.bid)
    )
    order = order_of_create_body(body, market_price=price)
    if currencies is None or order is None:
        return None
    quote_code, base_code = currencies
    units = order["units"]
    buy = order["side"] == "buy" and smart_trade.get("skip_enter_step") is not True
    if buy:
        fill = order["price"] if order["price"] is not None else order["market_price"]
        if fill is None:
            return None
        currency, needed, key = quote_code, order_cost(units, fill, commission(smart_trade)), _TOTAL
    else:  # a sell, or a Smart Sell of the user's own units: the base it sells
        currency, needed, key = base_code, units, _AMOUNT
    holdings = market.holdings(account_id, tx.smart_trades())
    free = holdings[currency].free if currency in holdings else Decimal(0)
    if needed <= free:
        return None
    message = (
        f"insufficient funds: {_text(needed)} {currency} needed, "
        f"{_text(max(free, Decimal(0)))} {currency} available"
    )
    return ActionError(
        422,
        "record_invalid",
        "Invalid parameters",
        {"position": ["is invalid"], key: [message]},
    )


_TOTAL: Final = "position.total"
_AMOUNT: Final = "units_to_buy"


def track_balances(tx: Transaction, smart_trade: JSONObject) -> None:
    """Count a new SmartTrade in its account's balances when they are kept."""
    market = tx.market
    account = smart_trade.get("account")
    account_id = account.get("id") if isinstance(account, dict) else None
    smart_trade_id = smart_trade.get("id")
    if market is not None and isinstance(account_id, int) and isinstance(smart_trade_id, int):
        market.balances.track(account_id, smart_trade_id)


def _account_id(request: Received) -> int:
    account_id = request.params["account_id"]
    if find_account(account_id) is None:
        raise ActionError(404, "not_found", "Not Found")
    return int(account_id)


class _BalanceRead:
    seed_priority: ClassVar[int] = 9
    read_only: ClassVar[bool] = True

    def starting_states(self, recording: Recording, params: Mapping[str, int]) -> list[Seed]:
        return []


class GetAccountBalancesRule(_BalanceRead):
    """``POST /ver1/accounts/{account_id}/account_table_data``: the balances table (404 for an
    account the user does not have)."""

    def run(self, tx: Transaction, request: Received) -> Any:
        return balances_table(tx, _account_id(request))


class LoadBalancesRule(_BalanceRead):
    """``POST /ver1/accounts/{account_id}/load_balances``: the account (the simulated exchange
    is always in step, so there is nothing to reload)."""

    def run(self, tx: Transaction, request: Received) -> Any:
        account_id = _account_id(request)
        return find_account(account_id)


BALANCE_RULES: Final[Mapping[str, Any]] = {
    "get_account_balances": GetAccountBalancesRule(),
    "load_balances": LoadBalancesRule(),
}
