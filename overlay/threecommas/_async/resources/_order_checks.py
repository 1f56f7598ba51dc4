"""`check_limits=True`: an order checked against the exchange's limits before it is sent.

What it reads, each kept `LIMITS_CACHE_TTL_S` (300 s) per client: the account (signed, for its
`market_code` and `smart_trading_supported`), the pair's rates and limits (unsigned), for a
create with a leverage value the pair's leverage data (unsigned), for a create that passes the
limits the account's balances table (signed), and for add or reduce funds the SmartTrade
(signed, for its account, pair and side) and, for an add funds, the balances table too. So a
first create on an account and pair costs up to three requests more (four with a leverage;
three for a reduce funds, four for an add funds); the next ones, none. A cached
balance can be up to the cache's age old: the exchange stays the judge of the order it gets.
These reads are parsed also through `with_raw_response`: only the order's answer comes raw.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

from threecommas._exceptions import OrderLimitError
from threecommas._leverage_limits import check_leverage
from threecommas._order_bodies import check_account, order_of_create_body, order_of_funds_body
from threecommas._order_limits import LimitViolation, OrderArgs, OrderLimits
from threecommas._order_numbers import _shown, _text
from threecommas._resource import LazyModule
from threecommas._types import NOT_GIVEN, Call, ForcedModeArg, TimeoutArg
from threecommas_api.models.account import Account
from threecommas_api.models.currency_rates import CurrencyRates
from threecommas_api.models.pair_leverage import PairLeverage

from .._api_client import AsyncAPIClient

if TYPE_CHECKING:
    import threecommas._market_operations as mops
    import threecommas._operations as ops
else:
    mops = LazyModule("threecommas._market_operations")
    ops = LazyModule("threecommas._operations")

__all__ = ["check_create", "check_funds"]


async def _account(client: AsyncAPIClient, account_id: int, timeout: TimeoutArg) -> Account:
    cache = client._limits_cache
    found: Account | None = cache.get(("account", account_id))
    if found is None:
        call = mops.get_account(account_id, client._forced_mode_for(NOT_GIVEN))
        found = await client._execute(call, timeout, parsed=True)
        cache.put(("account", account_id), found)
    return found


async def _rates(
    client: AsyncAPIClient, market_code: str, pair: str, timeout: TimeoutArg
) -> CurrencyRates:
    cache = client._limits_cache
    found: CurrencyRates | None = cache.get(("rates", market_code, pair))
    if found is None:
        call = mops.currency_rates(pair, market_code, "smart_trade")
        found = await client._execute(call, timeout, parsed=True)
        cache.put(("rates", market_code, pair), found)
    return found


async def _free(client: AsyncAPIClient, account_id: int, timeout: TimeoutArg) -> dict[str, Decimal]:
    """The account's free balance of each currency its balances table lists."""
    cache = client._limits_cache
    found: dict[str, Decimal] | None = cache.get(("balances", account_id))
    if found is None:
        call = mops.get_account_balances(account_id, client._forced_mode_for(NOT_GIVEN))
        rows = await client._execute(call, timeout, parsed=True)
        found = {}
        for row in rows:
            try:
                free = Decimal(str(row.position_available))
            except ArithmeticError:
                continue
            if free.is_finite():
                found[row.currency_code] = free
        cache.put(("balances", account_id), found)
    return found


def _check_balance(order: OrderArgs | None, body: dict[str, Any], free: dict[str, Decimal]) -> None:
    """Refuse an order larger than the free balance of the currency it spends: the quote
    currency of a buy (its total, units times its price, before the fee), the base currency
    of a sell or of a Smart Sell's own units. A currency the table does not list is not judged
    (the table may leave out what is not held), nor a market order without a price."""
    pair = str(body.get("pair"))
    if order is None or pair.count("_") != 1:
        return
    quote, base = pair.split("_")
    units = order["units"]
    field = f"{order['prefix']}[units][value]" if order["prefix"] else "units[value]"
    account = body.get("account_id")
    if order["side"] == "buy" and body.get("skip_enter_step") is not True:
        price = order["price"] if order["price"] is not None else order["market_price"]
        available = free.get(quote)
        if price is None or price <= 0 or available is None or units * price <= available:
            return
        most = max(available, Decimal(0)) / price
        spends = f"costs {_text(units * price)} {quote}"
        currency = quote
    else:
        available = free.get(base)
        if available is None or units <= available:
            return
        most = max(available, Decimal(0))
        spends = f"sells {_text(units)} {base}"
        currency = base
    message = f"more than the free balance ({_text(available)} {currency})"
    violation = LimitViolation(field, "freeBalance", most, units, None, message)
    raise OrderLimitError(
        f"not sent: {field} = {_text(units)} {spends}, more than the {_text(available)} "
        f"{currency} free on account {account} (its balances table's position_available)",
        [violation],
    )


async def _leverage_data(
    client: AsyncAPIClient, market_code: str, pair: str, timeout: TimeoutArg
) -> list[PairLeverage]:
    cache = client._limits_cache
    found: list[PairLeverage] | None = cache.get(("leverage", market_code, pair))
    if found is None:
        call = mops.currency_rates_with_leverage_data(pair, market_code)
        found = (await client._execute(call, timeout, parsed=True)).leverage_data
        cache.put(("leverage", market_code, pair), found)
    return found


def _price(rates: CurrencyRates, side: str) -> Decimal | None:
    """The price a market order is expected to fill at: the ask for a buy, the bid for a sell;
    None when there is none (zero: that side of the book is empty)."""
    text = rates.ask if side == "buy" else rates.bid
    try:
        price = Decimal(text)
    except ArithmeticError:
        return None
    return price if price.is_finite() and price > 0 else None


def _check(limits: OrderLimits, order: OrderArgs | None, rates: CurrencyRates) -> None:
    if order is None:
        return
    if order["order_type"] == "market" and order["market_price"] is None:
        # Without a price the total of a market order cannot be judged: refuse rather than
        # skip the check and send (the exchange's minimum total is the usual refusal).
        limited = limits.limits()
        names = [n for n in ("minMarketTotal", "minTotal", "maxTotal") if n in limited]
        if names:
            side = order["side"]
            quote = "ask" if side == "buy" else "bid"
            raise OrderLimitError(
                f"not sent: the {quote} of {limits.pair} on {limits.market_code} is "
                f"{_shown(getattr(rates, quote))}, not a price, so the total of this market "
                f"{side} cannot be checked against {' and '.join(names)}; retry when the "
                "pair has a quote, or place a limit order"
            )
    limits.check_order(**order)


async def check_create(client: AsyncAPIClient, call: Call[Any], timeout: TimeoutArg) -> None:
    """Raise `OrderLimitError` if the create in `call` would be refused by the exchange's limits
    or its account takes no SmartTrades."""
    body = call.request["json"]
    account = await _account(client, int(body["account_id"]), timeout)
    check_account(account)
    pair = str(body["pair"])
    rates = await _rates(client, account.market_code, pair, timeout)
    limits = OrderLimits.from_currency_rates(rates, pair=pair, market_code=account.market_code)
    side = str(body["position"]["type"])
    order = order_of_create_body(body, market_price=_price(rates, side))
    _check(limits, order, rates)
    leverage = body.get("leverage")
    if isinstance(leverage, dict) and leverage.get("enabled") and "value" in leverage:
        data = await _leverage_data(client, account.market_code, pair, timeout)
        check_leverage(leverage, data, pair=pair, market_code=account.market_code)
    _check_balance(order, body, await _free(client, int(body["account_id"]), timeout))


async def check_funds(
    client: AsyncAPIClient,
    smart_trade_id: int,
    call: Call[Any],
    *,
    reduce: bool,
    forced_mode: ForcedModeArg,
    timeout: TimeoutArg,
) -> None:
    """Raise `OrderLimitError` if the add or reduce funds in `call` would be refused by the
    limits of its SmartTrade's pair (the order's side: the position's to add, the other to
    reduce), or, for an add funds, if it spends more than the account's free balance."""
    cache = client._limits_cache
    known: tuple[int, str, str] | None = cache.get(("smart_trade", smart_trade_id))
    if known is None:
        get = ops.by_id("get_smart_trade", smart_trade_id, client._forced_mode_for(forced_mode))
        smart_trade = await client._execute(get, timeout, parsed=True)
        known = (smart_trade.account.id, smart_trade.pair, str(smart_trade.position.type_))
        cache.put(("smart_trade", smart_trade_id), known)
    account_id, pair, position_side = known
    account = await _account(client, account_id, timeout)
    rates = await _rates(client, account.market_code, pair, timeout)
    limits = OrderLimits.from_currency_rates(rates, pair=pair, market_code=account.market_code)
    side: Literal["buy", "sell"] = "buy" if (position_side == "buy") != reduce else "sell"
    body = call.request["json"]
    order = order_of_funds_body(body, side=side, market_price=_price(rates, side))
    _check(limits, order, rates)
    if not reduce:  # added funds spend the free balance; a reduce sells what the position holds
        context = {"pair": pair, "account_id": account_id}
        _check_balance(order, context, await _free(client, account_id, timeout))
