"""The accounts and market data of the recorded-responses server, and the checks a create or an
add funds passes against them.

The data is ``threecommas/testing/market_data.json`` (the docs' examples first, see its
``description``): it does not change while the server runs. The limits are those of
``threecommas._order_limits``, the rules the client checks with ``check_limits=True``: the server
answers an order (a create, an add funds, a reduce funds) that breaks them with the API's 422
``record_invalid``, naming the field.

One price: once the simulated market has a price for a pair, the rates of that pair (on every
market of the file) answer the market's quote (``bid``, ``ask`` and ``last``, and the
``orderbook_*`` fields alike), and a market order's total is judged at that quote (the ask to
buy, the bid to sell), the prices its fill will have. The limits themselves stay the file's.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any, ClassVar, Final
from urllib.parse import parse_qsl, urlsplit

from threecommas._order_bodies import (
    LimitedOperation,
    order_of_create_body,
    order_of_funds_body,
    record_invalid_body,
)
from threecommas._order_limits import OrderLimits
from threecommas._params import ParameterError, check_parameters
from threecommas.testing.recording import Recording, load_recordings
from threecommas.testing.simulation._base import (
    ActionError,
    OperationRule,
    Received,
    Seed,
    Transaction,
    clone,
)
from threecommas.testing.simulation._market import Quote
from threecommas.testing.simulation._state import JSONObject
from threecommas_api._catalogue import BY_ID

__all__ = [
    "MARKET_RULES",
    "account_refusal",
    "create_limits_refusal",
    "funds_limits_refusal",
    "simulated_quote",
    "smart_trade_account",
]

DATA_FILE: Final = Path(__file__).resolve().parent.parent / "market_data.json"


@cache
def _data() -> Mapping[str, Any]:
    data: Mapping[str, Any] = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    return data


def accounts(api_key: str | None = None) -> list[JSONObject]:
    """The accounts; with ``api_key``, only the one connected with that exchange key (the
    ``api_key`` beside its body in the data file: the newest docs' answers no longer show it)."""
    return [
        clone(entry["body"])
        for entry in _data()["accounts"]
        if api_key is None or entry.get("api_key") == api_key
    ]


@cache
def _accounts_by_id() -> Mapping[object, JSONObject]:
    by_id: dict[object, JSONObject] = {}
    for entry in _data()["accounts"]:
        by_id.setdefault(entry["body"].get("id"), entry["body"])
    return by_id


def find_account(account_id: int) -> JSONObject | None:
    """A copy of the account with this id in the data file, or None."""
    account = _accounts_by_id().get(account_id)
    return None if account is None else clone(account)


def smart_trade_account(account_id: int, shown: JSONObject) -> JSONObject:
    """The ``account`` of a new SmartTrade: as another SmartTrade shows it (``shown``, from
    ``Transaction.account``), else built from the data file as the docs' create example shows
    its account (``type`` the market code, ``market`` the exchange's name)."""
    account = _accounts_by_id().get(account_id)  # read only: no copy
    if account is None or shown.get("name") != f"Paper Account {account_id}":
        return shown
    return {
        "id": account_id,
        "type": account.get("market_code"),
        "name": account.get("name"),
        "market": account.get("exchange_name"),
        "link": f"/accounts/{account_id}",
    }


def rates(market_code: str, pair: str, quote: Quote | None = None) -> JSONObject | None:
    """The pair's rates on the market, at the simulated ``quote`` when there is one."""
    entry = _data()["rates"].get(market_code, {}).get(pair)
    if entry is None:
        return None
    found: JSONObject = clone(entry["body"])
    if quote is not None:
        prices = quote.to_json()
        for name in ("bid", "ask", "last"):
            found[name] = found[f"orderbook_{name}"] = prices[name]
    return found


def simulated_quote(tx: Transaction, pair: object) -> Quote | None:
    """The simulated market's quote of ``pair``, or None while it has none (recorded prices)."""
    market = tx.market
    return market.price(pair) if market is not None and isinstance(pair, str) else None


def _limits(account_id: object, pair: object) -> tuple[OrderLimits, JSONObject] | None:
    """The limits of a pair on an account's market, and its rates (not to be changed); None
    when unknown."""
    if not isinstance(account_id, int) or isinstance(account_id, bool) or not isinstance(pair, str):
        return None
    return _limits_of(account_id, pair)


@functools.lru_cache(maxsize=1024)
def _limits_of(account_id: int, pair: str) -> tuple[OrderLimits, JSONObject] | None:
    # The data file does not change while the server runs: each pair's limits are read once.
    account = _accounts_by_id().get(account_id)
    if account is None:
        return None
    code = str(account.get("market_code"))
    found = rates(code, pair)
    if found is None:
        return None
    return OrderLimits.from_currency_rates(found, pair=pair, market_code=code), found


def _market_price(found: JSONObject, side: str, quote: Quote | None) -> Decimal | None:
    if quote is not None:
        return quote.ask if side == "buy" else quote.bid
    try:
        return Decimal(str(found.get("ask" if side == "buy" else "bid")))
    except InvalidOperation:
        return None


def _refusal(body: dict[str, Any] | None) -> ActionError | None:
    if body is None:
        return None
    return ActionError(422, body["error"], body["error_description"], body["error_attributes"])


def account_refusal(account_id: int) -> ActionError | None:
    """A create on an account the user does not have: the API's 403 (the Forbidden example of
    the spec); on one that takes no SmartTrades, the same 403 naming it."""
    account = _accounts_by_id().get(account_id)  # read only: no copy
    if account is None:
        return ActionError(403, "Forbidden", "Account not owned by current user.")
    if account.get("smart_trading_supported") is not True:
        return ActionError(403, "Forbidden", "SmartTrades are not supported on this account.")
    return None


def create_limits_refusal(
    body: Mapping[str, Any], *, quote: Quote | None = None
) -> ActionError | None:
    """The 422 ``record_invalid`` of a create that breaks its pair's limits, or None; a market
    order's total at ``quote`` (the simulated price) when given, else at the file's rates."""
    found = _limits(body.get("account_id"), body.get("pair"))
    position = body.get("position")
    if found is None or not isinstance(position, Mapping):
        return None
    limits, pair_rates = found
    order = order_of_create_body(
        body, market_price=_market_price(pair_rates, str(position.get("type")), quote)
    )
    if order is None:
        return None
    return _refusal(record_invalid_body(limits, order, operation="create_smart_trade"))


def funds_limits_refusal(
    smart_trade: JSONObject, body: Mapping[str, Any], *, reduce: bool, quote: Quote | None = None
) -> ActionError | None:
    """The 422 ``record_invalid`` of an add (or reduce) funds that breaks the limits of the
    SmartTrade's pair, or None; a market order's total at ``quote`` when given."""
    account = smart_trade.get("account")
    account_id = account.get("id") if isinstance(account, dict) else None
    found = _limits(account_id, smart_trade.get("pair"))
    position = smart_trade.get("position")
    if found is None or not isinstance(position, dict):
        return None
    limits, pair_rates = found
    side = "buy" if (position.get("type") == "buy") != reduce else "sell"
    order = order_of_funds_body(
        body,
        side="buy" if side == "buy" else "sell",
        market_price=_market_price(pair_rates, side, quote),
    )
    if order is None:
        return None
    operation: LimitedOperation = "reduce_funds" if reduce else "add_funds"
    return _refusal(record_invalid_body(limits, order, operation=operation))


# --- the rules of the account and market operations ---------------------------------------------


def _query(operation_id: str, request: Received) -> dict[str, str]:
    """The query, checked against the spec (400 for a bad or missing parameter)."""
    try:
        check_parameters(operation_id, list(request.query))
    except ParameterError as exc:
        raise ActionError(400, "Wrong param(s)", str(exc)) from None
    query = dict(request.query)
    for parameter in BY_ID[operation_id].parameters:
        if parameter.location == "query" and parameter.required and parameter.name not in query:
            raise ActionError(400, "Wrong param(s)", f"{parameter.name} is missing")
    return query


class _ReadRule:
    """A read of the data file: it seeds nothing and changes nothing."""

    seed_priority: ClassVar[int] = 9

    def starting_states(self, recording: Recording, params: Mapping[str, int]) -> list[Seed]:
        return []

    def run(self, tx: Transaction, request: Received) -> Any:
        raise NotImplementedError


class ListAccountsRule(_ReadRule):
    """``GET /ver1/accounts``: a page of the accounts (a plain array).

    ``api_key`` keeps only the account connected with that exchange API key (both doc versions:
    "Filter by API-key"), before paging; a key no account has gives an empty page."""

    def run(self, tx: Transaction, request: Received) -> Any:
        query = _query("list_accounts", request)
        page = int(query.get("page", "1"))
        per_page = int(query.get("per_page", "100"))
        return accounts(query.get("api_key"))[(page - 1) * per_page : page * per_page]


class GetAccountRule(_ReadRule):
    """``GET /ver1/accounts/{account_id}``: the account, or the API's 404."""

    def run(self, tx: Transaction, request: Received) -> Any:
        account = find_account(request.params["account_id"])
        if account is None:
            raise ActionError(404, "not_found", "Not Found")
        return account


class ListMarketsRule(_ReadRule):
    """``GET /ver1/accounts/market_list``: every market of the data file."""

    def run(self, tx: Transaction, request: Received) -> Any:
        return [clone(entry["body"]) for entry in _data()["markets"]]


class ListMarketPairsRule(_ReadRule):
    """``GET /ver1/accounts/market_pairs``: the pairs of a market (400 for an unknown one)."""

    def run(self, tx: Transaction, request: Received) -> Any:
        code = _query("list_market_pairs", request)["market_code"]
        entry = _data()["pairs"].get(code)
        if entry is None:
            raise ActionError(400, "Unknown market")
        return list(entry["pairs"])


class GetCurrencyRatesRule(_ReadRule):
    """``GET /ver1/accounts/currency_rates``: the rates and limits of a pair (400 if unknown),
    at the simulated market's price once the pair has one."""

    def run(self, tx: Transaction, request: Received) -> Any:
        query = _query("get_currency_rates", request)
        pair = query["pair"]
        found = rates(query["market_code"], pair, simulated_quote(tx, pair))
        if found is None:
            raise ActionError(400, "Unknown pair")
        return found


@cache
def _recorded_leverage_rates() -> Mapping[tuple[str, str], JSONObject]:
    """The leverage-data answers of the bundled recordings (the docs' futures pair), by market
    code and pair."""
    found: dict[tuple[str, str], JSONObject] = {}
    for recording in load_recordings():
        if recording.operation == "get_currency_rates_with_leverage_data":
            query = dict(parse_qsl(urlsplit(recording.path).query))
            found[query["market_code"], query["pair"]] = recording.body
    return found


class GetCurrencyRatesWithLeverageDataRule(_ReadRule):
    """``GET /ver1/accounts/currency_rates_with_leverage_data``: the docs' answer for their
    futures pair; for a pair of the data file (all spot), what ``get_currency_rates`` answers
    (its prices, simulated ones included, and limits) with an empty ``leverage_data``. 400 for
    an unknown pair."""

    def run(self, tx: Transaction, request: Received) -> Any:
        query = _query("get_currency_rates_with_leverage_data", request)
        recorded = _recorded_leverage_rates().get((query["market_code"], query["pair"]))
        if recorded is not None:
            return clone(recorded)
        found: JSONObject = MARKET_RULES["get_currency_rates"].run(tx, request)
        # The page's example names these two (equal to minLotSize there); the rates do not.
        found.setdefault("minMarketBuyAmount", found.get("minLotSize"))
        found.setdefault("minMarketSellAmount", found.get("minLotSize"))
        found["leverage_data"] = []
        return found


class ValidateKeyRule(_ReadRule):
    """``GET /ver1/validate``: reached only with a valid signature, so always valid."""

    def run(self, tx: Transaction, request: Received) -> Any:
        return {"valid": True}


MARKET_RULES: Final[Mapping[str, OperationRule]] = {
    "list_accounts": ListAccountsRule(),
    "get_account": GetAccountRule(),
    "list_markets": ListMarketsRule(),
    "list_market_pairs": ListMarketPairsRule(),
    "get_currency_rates": GetCurrencyRatesRule(),
    "get_currency_rates_with_leverage_data": GetCurrencyRatesWithLeverageDataRule(),
    "validate_key": ValidateKeyRule(),
}
