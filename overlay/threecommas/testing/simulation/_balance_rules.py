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
An add funds on a SmartTrade the balances count is judged the same way (``total`` for a buy,
``units`` for a sell, the add-funds keys).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar, Final, Literal

from threecommas._order_bodies import order_of_create_body, order_of_funds_body
from threecommas._order_limits import OrderArgs
from threecommas.testing.recording import Recording
from threecommas.testing.simulation._base import ActionError, Received, Seed, Transaction, clone
from threecommas.testing.simulation._market import Quote
from threecommas.testing.simulation._market._balances import (
    Holding,
    order_cost,
    pair_currencies,
)
from threecommas.testing.simulation._market._derive import commission, obj
from threecommas.testing.simulation._market_data import _data, _limits, _market_price, find_account
from threecommas.testing.simulation._state import JSONObject

__all__ = [
    "BALANCE_RULES",
    "balance_refusal",
    "funds_balance_refusal",
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


def _book_price(account_id: int, pair: object, side: str, quote: Quote | None) -> Decimal | None:
    """The price a market order would fill at: the simulated quote's, else the recorded
    rates' (None when neither is known)."""
    found = _limits(account_id, pair)
    if found is not None:
        return _market_price(found[1], side, quote)
    return None if quote is None else quote.ask if side == "buy" else quote.bid


def _refusal(
    tx: Transaction,
    account_id: int,
    smart_trade: JSONObject,
    order: OrderArgs | None,
    keys: tuple[str, str],
    *,
    own_units: bool = False,
    first: Mapping[str, list[str]] | None = None,
) -> ActionError | None:
    """The 422 of an order (of ``smart_trade``'s pair) that the free balance of the currency
    it spends cannot cover; ``keys`` name the total (a buy) and the amount (a sell)."""
    market = tx.market
    currencies = pair_currencies(smart_trade.get("pair"))
    if market is None or currencies is None or order is None:
        return None
    quote_code, base_code = currencies
    units = order["units"]
    if order["side"] == "buy" and not own_units:
        fill = order["price"] if order["price"] is not None else order["market_price"]
        if fill is None:
            return None
        currency, needed, key = (
            quote_code,
            order_cost(units, fill, commission(smart_trade)),
            keys[0],
        )
    else:  # a sell, or a Smart Sell of the user's own units: the base it sells
        currency, needed, key = base_code, units, keys[1]
    # Read, not copied: holdings only sums the fills (thousands of SmartTrades in a backtest).
    holdings = market.holdings(account_id, tx.smart_trades_to_read())
    free = holdings[currency].free if currency in holdings else Decimal(0)
    if needed <= free:
        return None
    message = (
        f"insufficient funds: {_text(needed)} {currency} needed, "
        f"{_text(max(free, Decimal(0)))} {currency} available"
    )
    attributes = {**(first or {}), key: [message]}
    return ActionError(422, "record_invalid", "Invalid parameters", attributes)


def _kept_account(tx: Transaction, smart_trade: JSONObject) -> int | None:
    account = smart_trade.get("account")
    account_id = account.get("id") if isinstance(account, dict) else None
    market = tx.market
    if market is None or not isinstance(account_id, int) or not market.balances.kept(account_id):
        return None
    return account_id


def balance_refusal(
    tx: Transaction, body: Mapping[str, Any], smart_trade: JSONObject, quote: Quote | None
) -> ActionError | None:
    """The 422 of a create whose entry the account's free balance cannot cover (None when it
    can, or when the account's balances are not kept). A market entry is judged at the price
    it would fill at: ``quote`` (the simulated market's), else the recorded rates'."""
    account_id = _kept_account(tx, smart_trade)
    if account_id is None:
        return None
    position = body.get("position")
    side = str(position.get("type")) if isinstance(position, Mapping) else "buy"
    price = _book_price(account_id, body.get("pair"), side, quote)
    order = order_of_create_body(body, market_price=price)
    own = smart_trade.get("skip_enter_step") is True
    return _refusal(
        tx, account_id, smart_trade, order, (_TOTAL, _AMOUNT), own_units=own, first=_FIRST
    )


def funds_balance_refusal(
    tx: Transaction, smart_trade: JSONObject, body: Mapping[str, Any], quote: Quote | None
) -> ActionError | None:
    """The 422 of an add funds the free balance cannot cover, on a SmartTrade its account's
    kept balances count (``total`` for a buy, ``units`` for a sell, the add-funds keys)."""
    account_id = _kept_account(tx, smart_trade)
    market = tx.market
    if account_id is None or market is None:
        return None
    if not market.balances.tracks(account_id, smart_trade.get("id")):
        return None
    side: Literal["buy", "sell"] = (
        "sell" if obj(smart_trade.get("position")).get("type") == "sell" else "buy"
    )
    price = _book_price(account_id, smart_trade.get("pair"), side, quote)
    order = order_of_funds_body(body, side=side, market_price=price)
    return _refusal(tx, account_id, smart_trade, order, ("total", "units"))


_FIRST: Final = {"position": ["is invalid"]}
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
