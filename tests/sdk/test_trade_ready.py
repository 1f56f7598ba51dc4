"""From credentials to a valid order with the SDK alone, against the fake server: the accounts,
their market's pairs and a pair's limits, an order rounded to them; and an order below the
limits refused before it leaves (`check_limits=True`), which the server itself refuses when sent
raw."""

from __future__ import annotations

import asyncio
import json
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import httpx
import pytest

import threecommas
from tests.seed import seed_response
from threecommas import (
    AsyncThreeCommas,
    AuthenticationError,
    MissingCredentialsError,
    OrderLimitError,
    OrderLimits,
    ResponseParseError,
    ThreeCommas,
    ThreeCommasError,
    UnprocessableEntityError,
)
from threecommas.testing.server import RunningServer


def _client(server: RunningServer, **options: Any) -> ThreeCommas:
    return ThreeCommas(server.api_key, server.api_secret, base_url=server.base_url, **options)


def _sent(server: RunningServer, operation_id: str) -> int:
    counters = server.app.state.faults.counters()
    return sum(n for key, n in counters.received.items() if key[0] == operation_id)


def test_from_the_accounts_to_a_created_smart_trade(threecommas_server: RunningServer) -> None:
    with _client(threecommas_server) as client:
        assert client.validate() is True
        accounts = list(client.accounts.iter_all())
        account = next(a for a in accounts if a.smart_trading_supported)
        assert client.accounts.get(account.id).market_code == account.market_code
        pairs = client.market.pairs(account.market_code)
        pair = "USDT_BTC" if "USDT_BTC" in pairs else pairs[0]
        rates = client.market.currency_rates(pair, account.market_code)
        limits = OrderLimits.from_currency_rates(rates, pair=pair, market_code=account.market_code)
        assert limits.min_lot_size is not None and limits.price_step is not None
        price = limits.round_price(Decimal(rates.bid) * Decimal("0.98123"))
        units = limits.round_quantity(
            max(limits.min_lot_size * 3, (limits.min_total or Decimal(0)) * 2 / price)
        )
        position = {
            "type": "buy",
            "order_type": "limit",
            "units": {"value": str(units)},
            "price": {"value": str(price)},
        }
        trade = client.smart_trades.create(
            account_id=account.id, pair=pair, position=position, check_limits=True
        )
        assert trade.account.id == account.id and trade.pair == pair
    # One create; the other 201 is the balances table check_limits read (the docs label it so).
    assert threecommas_server.app.state.faults.counters().statuses[201] == 2
    assert _sent(threecommas_server, "create_smart_trade") == 1


def test_an_order_below_the_minimum_lot_never_leaves(threecommas_server: RunningServer) -> None:
    account_id, pair = 32455218, "USDT_BTC"  # binance: minLotSize 0.00001, minTotal 5.0
    position = {"type": "buy", "order_type": "market", "units": {"value": "0.000001"}}
    with _client(threecommas_server) as client:
        with pytest.raises(OrderLimitError) as caught:
            client.smart_trades.create(
                account_id=account_id, pair=pair, position=position, check_limits=True
            )
        error = caught.value
        assert isinstance(error, ValueError)
        assert error.field == "position[units][value]" and error.limit_name == "minLotSize"
        assert error.value == Decimal("0.000001") and error.nearest is not None
        assert _sent(threecommas_server, "create_smart_trade") == 0
        # What the check read: the account and the rates, once each; a second try reads none.
        assert _sent(threecommas_server, "get_account") == 1
        assert _sent(threecommas_server, "get_currency_rates") == 1
        with pytest.raises(OrderLimitError):
            client.smart_trades.create(
                account_id=account_id, pair=pair, position=position, check_limits=True
            )
        assert _sent(threecommas_server, "get_account") == 1
        assert _sent(threecommas_server, "get_currency_rates") == 1
        assert _sent(threecommas_server, "create_smart_trade") == 0
        # Sent raw, the server refuses it by the same limit: a 422 record_invalid under the
        # keys of the docs' example (the API's, not the request's bracket notation).
        with pytest.raises(UnprocessableEntityError) as refused:
            client.smart_trades.create(account_id=account_id, pair=pair, position=position)
    assert _sent(threecommas_server, "create_smart_trade") == 1
    attributes = refused.value.error_attributes
    assert attributes is not None
    assert attributes["position"] == ["is invalid"]
    assert attributes["units_to_buy"][0] == "must be greater than or equal to 0.00001"


def test_an_account_without_smart_trades_is_refused_before_sending(
    threecommas_server: RunningServer,
) -> None:
    position = {"type": "buy", "order_type": "market", "units": {"value": "1"}}
    with (
        _client(threecommas_server) as client,
        pytest.raises(OrderLimitError, match="smart_trading_supported is false"),
    ):
        client.smart_trades.create(
            account_id=32900001, pair="USDT_BTC", position=position, check_limits=True
        )
    assert _sent(threecommas_server, "create_smart_trade") == 0


def test_add_funds_below_the_limits_is_refused_by_both(threecommas_server: RunningServer) -> None:
    smart_trade_id = 30415988  # a seeded SmartTrade in waiting_targets
    tiny = {"order_type": "limit", "units": {"value": "1"}, "price": {"value": "0.1"}}
    with _client(threecommas_server) as client:
        with pytest.raises(OrderLimitError, match="greater than or equal"):
            client.smart_trades.add_funds(smart_trade_id, tiny, check_limits=True)
        assert _sent(threecommas_server, "add_funds") == 0
        with pytest.raises(UnprocessableEntityError):
            client.smart_trades.add_funds(smart_trade_id, tiny)
    assert _sent(threecommas_server, "add_funds") == 1


def test_a_client_without_credentials_reads_the_public_market_data(
    threecommas_server: RunningServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in (
        "THREE_COMMAS_API_KEY",
        "THREE_COMMAS_API_SECRET",
        "THREE_COMMAS_PRIVATE_KEY_FILE",
    ):
        monkeypatch.delenv(f"THREE_COMMAS_{name}", raising=False)
    seen: list[httpx.Request] = []
    http = httpx.Client(event_hooks={"request": [seen.append]})
    with ThreeCommas(base_url=threecommas_server.base_url, http_client=http) as client:
        assert not client.has_credentials
        rates = client.market.currency_rates("USDT_BTC", "binance")
        assert rates.min_lot_size == "0.00001"
        assert "binance" in {m.market_code for m in client.market.markets()}
        assert "USDT_BTC" in client.market.pairs("binance")
        assert all("Signature" not in r.headers and "Apikey" not in r.headers for r in seen)
        before = threecommas_server.app.state.faults.counters().requests
        with pytest.raises(MissingCredentialsError, match="list_accounts"):
            client.accounts.list()
        assert threecommas_server.app.state.faults.counters().requests == before
    http.close()


def test_public_calls_of_a_client_with_credentials_go_unsigned(
    threecommas_server: RunningServer,
) -> None:
    seen: list[httpx.Request] = []
    http = httpx.Client(event_hooks={"request": [seen.append]})
    with _client(threecommas_server, http_client=http) as client:
        client.market.pairs("binance")
        client.accounts.list(per_page=2)
    assert "Signature" not in seen[0].headers and "Signature" in seen[1].headers
    http.close()


def test_validate_raises_for_a_wrong_secret(threecommas_server: RunningServer) -> None:
    with (
        ThreeCommas(
            threecommas_server.api_key, "wrong", base_url=threecommas_server.base_url
        ) as client,
        pytest.raises(AuthenticationError),
    ):
        client.validate()


def test_the_async_client_walks_the_same_way(threecommas_server: RunningServer) -> None:
    async def walk() -> None:
        server = threecommas_server
        async with AsyncThreeCommas(
            server.api_key, server.api_secret, base_url=server.base_url
        ) as client:
            assert await client.validate() is True
            accounts = [a async for a in client.accounts.iter_all(per_page=3)]
            assert len(accounts) == len(await client.accounts.list())
            rates = await client.market.currency_rates("USDT_BTC", "binance")
            assert OrderLimits.from_currency_rates(rates).lot_step == Decimal("0.00001")
            with pytest.raises(OrderLimitError):
                await client.smart_trades.create(
                    account_id=32455218,
                    pair="USDT_BTC",
                    position={
                        "type": "buy",
                        "order_type": "market",
                        "units": {"value": "0.000009"},
                    },
                    check_limits=True,
                )

    asyncio.run(walk())


def test_what_check_limits_read_is_kept_for_the_documented_time() -> None:
    from threecommas import LIMITS_CACHE_TTL_S
    from threecommas._limits_cache import LimitsCache

    now = [1000.0]
    cache = LimitsCache(clock=lambda: now[0])
    cache.put(("rates", "binance", "USDT_BTC"), "rates")
    now[0] += LIMITS_CACHE_TTL_S - 1
    assert cache.get(("rates", "binance", "USDT_BTC")) == "rates"
    now[0] += 1
    assert cache.get(("rates", "binance", "USDT_BTC")) is None
    assert LIMITS_CACHE_TTL_S == 300


def test_check_limits_works_through_with_raw_response(threecommas_server: RunningServer) -> None:
    """The limit reads are the SDK's own: they are parsed whatever mode the call is in; only
    the order's own answer comes back raw."""
    from threecommas._response import APIResponse

    position = {
        "type": "buy",
        "order_type": "limit",
        "units": {"value": "0.001"},
        "price": {"value": "20000"},
    }
    with _client(threecommas_server) as client:
        raw = client.with_raw_response
        created = raw.smart_trades.create(
            account_id=32455218, pair="USDT_BTC", position=position, check_limits=True
        )
        assert isinstance(created, APIResponse) and created.status_code == 201
        assert created.parse().pair == "USDT_BTC"
        small = {"type": "buy", "order_type": "market", "units": {"value": "0.000001"}}
        with pytest.raises(OrderLimitError):
            raw.smart_trades.create(
                account_id=32455218, pair="USDT_BTC", position=small, check_limits=True
            )
        tiny = {"order_type": "limit", "units": {"value": "1"}, "price": {"value": "0.1"}}
        with pytest.raises(OrderLimitError, match="greater than or equal"):
            raw.smart_trades.add_funds(30415988, tiny, check_limits=True)
        with pytest.raises(OrderLimitError):
            raw.smart_trades.reduce_funds(30415988, tiny, check_limits=True)
    assert _sent(threecommas_server, "create_smart_trade") == 1
    assert _sent(threecommas_server, "add_funds") == _sent(threecommas_server, "reduce_funds") == 0

    async def run() -> None:
        server = threecommas_server
        async with AsyncThreeCommas(
            server.api_key, server.api_secret, base_url=server.base_url
        ) as client:
            with pytest.raises(OrderLimitError, match="greater than or equal"):
                await client.with_raw_response.smart_trades.add_funds(
                    30415988, tiny, check_limits=True
                )
            answer = await client.with_raw_response.smart_trades.create(
                account_id=32455218, pair="USDT_BTC", position=position, check_limits=True
            )
            assert isinstance(answer, APIResponse) and answer.status_code == 201

    asyncio.run(run())


# --- hostile rates: refused by name, nothing sent -----------------------------------------------

_DATA = json.loads(
    (Path(threecommas.__file__).resolve().parent / "testing" / "market_data.json").read_text(
        encoding="utf-8"
    )
)
_ACCOUNT = next(e["body"] for e in _DATA["accounts"] if e["body"]["id"] == 32455218)  # binance
_RATES: dict[str, Any] = _DATA["rates"]["binance"]["USDT_BTC"]["body"]
_MARKET_BUY = {"type": "buy", "order_type": "market", "units": {"value": "0.001"}}
_CHECKED = ("lotStep", "priceStep", "minLotSize", "minTotal", "bid", "ask", "last")


class _Missing:
    """The field left out of the answer (its repr names the test case, the same in every run)."""

    def __repr__(self) -> str:
        return "missing"


_MISSING = _Missing()
_HOSTILE: list[object] = [
    "NaN", "Infinity", "-1", "1e9999999", "1e-9999999", "abc", "", 1.5, 5, None, _MISSING,
]  # fmt: skip


def _mocked(rates: dict[str, Any]) -> tuple[ThreeCommas, list[httpx.Request]]:
    """A client whose server answers the account and `rates`, and would take any create."""
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path.endswith("/currency_rates"):
            return httpx.Response(200, json=rates)
        if request.method == "GET":
            return httpx.Response(200, json=_ACCOUNT)
        if request.url.path.endswith("/account_table_data"):
            return httpx.Response(201, json=[])  # no balance listed: none judged
        return httpx.Response(201, json=seed_response())

    http = httpx.Client(transport=httpx.MockTransport(answer))
    return ThreeCommas("key", "secret", http_client=http, rate_limit=None), seen


def _with(field: str, value: object) -> dict[str, Any]:
    rates = dict(_RATES)
    if value is _MISSING:
        del rates[field]
    else:
        rates[field] = value
    return rates


@pytest.mark.parametrize("value", _HOSTILE, ids=repr)
@pytest.mark.parametrize("field", _CHECKED)
def test_a_hostile_rate_is_a_parse_error_naming_it_and_nothing_is_sent(
    field: str, value: object
) -> None:
    client, seen = _mocked(_with(field, value))
    with client, pytest.raises(ResponseParseError) as caught:
        client.smart_trades.create(
            account_id=32455218, pair="USDT_BTC", position=_MARKET_BUY, check_limits=True
        )
    error = caught.value
    assert isinstance(error, ThreeCommasError) and not isinstance(error, InvalidOperation)
    assert field in str(error).split("; body:")[0]
    assert len(str(error)) < 600
    assert [r.method for r in seen] == ["GET", "GET"]  # the account, the rates: no create
    with _mocked(_with(field, value))[0] as reader, pytest.raises(ResponseParseError):
        reader.market.currency_rates("USDT_BTC", "binance")


@pytest.mark.parametrize(("side", "quote"), [("buy", "ask"), ("sell", "bid")])
@pytest.mark.parametrize("zero", ["0", "0.0"])
def test_a_market_order_without_a_quote_is_refused_not_sent_unchecked(
    side: str, quote: str, zero: str
) -> None:
    client, seen = _mocked(_with(quote, zero))
    position = {**_MARKET_BUY, "type": side}
    with client:
        with pytest.raises(OrderLimitError, match=rf"the {quote} of USDT_BTC on binance is") as e:
            client.smart_trades.create(
                account_id=32455218, pair="USDT_BTC", position=position, check_limits=True
            )
        assert "minMarketTotal" in str(e.value) and "cannot be checked" in str(e.value)
        assert [r.method for r in seen] == ["GET", "GET"]
        # A limit order needs no quote: it is judged at its own price and sent.
        limit = {**position, "order_type": "limit", "price": {"value": "63000.00"}}
        client.smart_trades.create(
            account_id=32455218, pair="USDT_BTC", position=limit, check_limits=True
        )
    # The balances table (a POST the docs call a read) once the limits pass, then the create.
    assert [r.method for r in seen] == ["GET", "GET", "POST", "POST"]
    assert seen[2].url.path.endswith("/account_table_data")


def test_a_conditional_market_entry_without_a_quote_is_judged_at_its_trigger() -> None:
    client, seen = _mocked(_with("ask", "0"))
    position = {
        "type": "buy",
        "order_type": "conditional",
        "units": {"value": "0.00001"},
        "conditional": {"order_type": "market", "price": {"value": "60000", "type": "last"}},
    }
    with client, pytest.raises(OrderLimitError, match="minMarketTotal") as caught:
        client.smart_trades.create(
            account_id=32455218, pair="USDT_BTC", position=position, check_limits=True
        )
    assert caught.value.limit_name == "minMarketTotal"  # 0.00001 x 60000 = 0.6 < 5.0
    assert [r.method for r in seen] == ["GET", "GET"]


@pytest.mark.parametrize(("field", "refused"), [
    ("lotStep", True), ("priceStep", True), ("minLotSize", False), ("minTotal", False),
])  # fmt: skip
def test_a_zero_step_is_refused_and_a_zero_minimum_is_no_minimum(field: str, refused: bool) -> None:
    client, _ = _mocked(_with(field, "0"))
    with client:
        if refused:
            with pytest.raises(ResponseParseError, match=f"{field} must be greater than 0"):
                client.market.currency_rates("USDT_BTC", "binance")
        else:
            rates = client.market.currency_rates("USDT_BTC", "binance")
            assert OrderLimits.from_currency_rates(rates).limits()[field] == 0


@pytest.mark.parametrize(
    ("units", "limit_name"),
    [("0.0000000000000000000000000000000000001", "minLotSize"), ("9" * 39, "maxLotSize")],
)
def test_an_absurd_amount_the_schema_allows_is_judged_not_skipped(
    units: str, limit_name: str
) -> None:
    client, seen = _mocked(dict(_RATES))
    position = {"type": "buy", "order_type": "limit", "units": {"value": units}}
    position["price"] = {"value": "63000.00"}
    with client, pytest.raises(OrderLimitError) as caught:
        client.smart_trades.create(
            account_id=32455218, pair="USDT_BTC", position=position, check_limits=True
        )
    assert caught.value.limit_name == limit_name
    assert [r.method for r in seen] == ["GET", "GET"]
