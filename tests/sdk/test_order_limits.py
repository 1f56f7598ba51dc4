"""The exchange's trading limits (threecommas._order_limits): building them from the rates,
rounding, and the checks an order must pass, for the client and the recorded-responses server."""

from __future__ import annotations

import copy
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import threecommas
from threecommas import OrderLimitError, ThreeCommasError
from threecommas._order_bodies import (
    check_account,
    order_of_create_body,
    order_of_funds_body,
    record_invalid_body,
)
from threecommas._order_limits import LimitViolation, OrderLimits
from threecommas._schema import load_spec
from threecommas_api.models import Account, CurrencyRates

D = Decimal
SPEC = load_spec()
# The docs' answer of currency_rates: a BTC priced in USDT (see the spec's get_currency_rates).
RATES: dict[str, Any] = SPEC["components"]["examples"]["GetCurrencyRatesOk"]["value"]
ASK = D(RATES["ask"])


@pytest.fixture
def limits() -> OrderLimits:
    return OrderLimits.from_currency_rates(RATES, pair="USDT_BTC", market_code="binance")


def _error(action: Any) -> OrderLimitError:
    with pytest.raises(OrderLimitError) as raised:
        action()
    return raised.value


# --- building the limits ----------------------------------------------------------------------


def test_the_limits_are_the_docs_fields_as_decimals(limits: OrderLimits) -> None:
    assert limits == OrderLimits(
        min_lot_size=D("0.00001"),
        lot_step=D("0.00001"),
        max_lot_size=D("9000.0"),
        price_step=D("0.01"),
        min_price=D("0.01"),
        max_price=D("1000000.0"),
        min_total=D("5.0"),
        min_market_total=D("5.0"),
        max_total=D("9000000.0"),
        max_market_buy_amount=D("121.22278732"),
        max_market_sell_amount=D("121.22278732"),
        pair="USDT_BTC",
        market_code="binance",
    )
    assert limits.limits()["minLotSize"] == D("0.00001")
    assert set(limits.limits()) == {
        "minLotSize", "lotStep", "maxLotSize", "priceStep", "minPrice", "maxPrice", "minTotal",
        "minMarketTotal", "maxTotal", "maxMarketBuyAmount", "maxMarketSellAmount",
    }  # fmt: skip


def test_the_generated_model_gives_the_same_limits(limits: OrderLimits) -> None:
    model = CurrencyRates.from_dict(RATES)
    built = OrderLimits.from_currency_rates(model, pair="USDT_BTC", market_code="binance")
    assert built == limits


def test_missing_null_and_empty_limits_are_not_checked() -> None:
    rates = {"lotStep": "0.1", "minLotSize": None, "maxLotSize": ""}
    built = OrderLimits.from_currency_rates(rates)
    assert built.lot_step == D("0.1")
    assert built.min_lot_size is None and built.max_lot_size is None
    assert built.price_step is None
    assert built.limits() == {"lotStep": D("0.1")}
    built.check_order(side="buy", order_type="limit", units="1000000", price="0.123456789")


def test_a_json_number_is_read_as_it_was_written() -> None:
    assert OrderLimits.from_currency_rates({"minTotal": 0.1}).min_total == D("0.1")


@pytest.mark.parametrize(
    ("rates", "words"),
    [
        ({"lotStep": "abc"}, "lotStep must be a decimal number, got 'abc'"),
        ({"minTotal": "-1"}, "minTotal must be 0 or more, got '-1'"),
        ({"priceStep": "NaN"}, "priceStep must be a finite number"),
        ({"priceStep": "0.0"}, "priceStep must be greater than 0, got '0.0'"),
        ({"maxPrice": True}, "maxPrice must be a decimal string, got True"),
        ({"maxTotal": "1e9999999"}, "maxTotal must be 0 or between 1E-18 and 1E+18"),
    ],
)
def test_a_limit_that_is_not_a_decimal_is_refused_by_its_api_name(
    rates: dict[str, Any], words: str
) -> None:
    with pytest.raises(threecommas.ResponseParseError, match=re.escape(words)) as raised:
        OrderLimits.from_currency_rates(rates)
    assert isinstance(raised.value, ThreeCommasError)
    assert not isinstance(raised.value, ValueError)


def test_the_constructor_takes_decimals_only() -> None:
    with pytest.raises(TypeError, match="lot_step"):
        OrderLimits(lot_step="0.1")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"lot_step \(lotStep\) must be finite and positive"):
        OrderLimits(lot_step=D(0))
    with pytest.raises(TypeError, match="CurrencyRates model or a mapping"):
        OrderLimits.from_currency_rates(["minTotal"])


def test_the_limits_are_frozen(limits: OrderLimits) -> None:
    with pytest.raises(AttributeError):
        limits.lot_step = D(1)  # type: ignore[misc]


# --- floats are refused -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda lim: lim.round_quantity(0.1),
        lambda lim: lim.round_price(100.5),
        lambda lim: lim.check_order(side="buy", order_type="market", units=0.1),
        lambda lim: lim.check_order(side="buy", order_type="limit", units="1", price=100.5),
        lambda lim: lim.check_order(
            side="buy", order_type="market", units="1", market_price=63802.45
        ),
        lambda lim: lim.round_quantity(True),
    ],
)
def test_a_float_is_refused_with_a_clear_type_error(limits: OrderLimits, call: Any) -> None:
    with pytest.raises(TypeError, match="must be a Decimal, a decimal string or an int"):
        call(limits)


def test_strings_ints_and_decimals_are_taken(limits: OrderLimits) -> None:
    assert limits.round_quantity("0.0123456") == limits.round_quantity(D("0.0123456"))
    assert limits.round_quantity(3) == D("3.00000")
    with pytest.raises(ValueError, match=r"position\[units\]\[value\] must be a decimal number"):
        limits.round_quantity("one")
    with pytest.raises(ValueError, match="finite"):
        limits.round_quantity(D("Infinity"))


# --- rounding a quantity ----------------------------------------------------------------------


def test_a_quantity_is_rounded_down_to_the_lot_step(limits: OrderLimits) -> None:
    assert limits.round_quantity(D("0.0123456")) == D("0.01234")
    assert limits.round_quantity(D("0.0123499999")) == D("0.01234")
    assert limits.round_quantity(D("0.01234")) == D("0.01234")
    # written with the step's decimals, never in exponent notation
    assert str(limits.round_quantity(D("1E+1"))) == "10.00000"


def test_rounding_never_goes_below_the_minimum_silently(limits: OrderLimits) -> None:
    assert limits.round_quantity(D("0.0000199")) == D("0.00001")  # down, still the minimum
    error = _error(lambda: limits.round_quantity(D("0.000009")))
    assert (error.field, error.limit_name, error.limit) == (
        "position[units][value]",
        "minLotSize",
        D("0.00001"),
    )
    assert (error.value, error.nearest) == (D("0.000009"), D("0.00001"))
    assert str(error) == (
        "position[units][value] must be greater than or equal to 0.00001: got 0.000009; the "
        "nearest valid value is 0.00001 (minLotSize of USDT_BTC on binance)"
    )


def test_a_quantity_that_rounds_to_zero_without_a_minimum_is_refused() -> None:
    limits = OrderLimits(lot_step=D("0.1"))
    error = _error(lambda: limits.round_quantity("0.05"))
    assert (error.limit_name, error.nearest) == ("positive", D("0.1"))
    assert "must be greater than 0" in str(error)


def test_a_quantity_above_the_largest_lot_is_refused(limits: OrderLimits) -> None:
    error = _error(lambda: limits.round_quantity("9000.01", field="units[value]"))
    assert (error.field, error.limit_name, error.nearest) == (
        "units[value]",
        "maxLotSize",
        D("9000.00000"),
    )
    assert limits.round_quantity("9000.000009") == D("9000.00000")


STEPS = st.sampled_from(["0.00001", "0.001", "0.01", "0.5", "1.0", "10", "0.00000001"]).map(D)
AMOUNTS = st.decimals(min_value=D("0.00000001"), max_value=D("100000"), places=9)


@settings(max_examples=300, deadline=None)
@given(step=STEPS, minimum=st.sampled_from([None, "0.00001", "1", "15"]), amount=AMOUNTS)
def test_rounding_down_stays_on_the_step_and_within_one_step(
    step: Decimal, minimum: str | None, amount: Decimal
) -> None:
    limits = OrderLimits(lot_step=step, min_lot_size=None if minimum is None else D(minimum))
    try:
        rounded = limits.round_quantity(amount)
    except OrderLimitError as error:
        # refused only when the amount rounded down is below the minimum (or zero)
        floor = (amount // step) * step
        assert floor <= 0 or (limits.min_lot_size is not None and floor < limits.min_lot_size)
        assert error.nearest is not None and error.nearest % step == 0
        assert limits.min_lot_size is None or error.nearest >= limits.min_lot_size
        return
    assert rounded % step == 0
    assert amount - step < rounded <= amount
    assert limits.min_lot_size is None or rounded >= limits.min_lot_size
    assert "E" not in format(rounded, "f")


# --- rounding a price ---------------------------------------------------------------------------


def test_a_price_is_rounded_to_the_nearest_tick(limits: OrderLimits) -> None:
    assert limits.round_price(D("63802.444")) == D("63802.44")
    assert limits.round_price(D("63802.446")) == D("63802.45")
    assert limits.round_price(D("63802.445")) == D("63802.45")  # a half tick goes up
    assert limits.round_price(D("63802.44")) == D("63802.44")


def test_a_side_rounds_in_its_favour(limits: OrderLimits) -> None:
    assert limits.round_price(D("63802.449"), side="buy") == D("63802.44")  # never pay more
    assert limits.round_price(D("63802.441"), side="sell") == D("63802.45")  # never get less
    assert limits.round_price(D("63802.44"), side="sell") == D("63802.44")
    with pytest.raises(ValueError, match="side must be 'buy' or 'sell'"):
        limits.round_price(D("1"), side="long")  # type: ignore[arg-type]


def test_a_price_out_of_bounds_is_refused_not_rounded(limits: OrderLimits) -> None:
    error = _error(lambda: limits.round_price(D("0.004")))
    assert (error.field, error.limit_name, error.nearest) == (
        "position[price][value]",
        "minPrice",
        D("0.01"),
    )
    error = _error(lambda: limits.round_price(D("1000000.01"), field="price[value]"))
    assert (error.field, error.limit_name, error.nearest) == (
        "price[value]",
        "maxPrice",
        D("1000000.00"),
    )
    no_bounds = OrderLimits(price_step=D("0.01"))
    assert _error(lambda: no_bounds.round_price("0.004")).limit_name == "positive"


@settings(max_examples=300, deadline=None)
@given(step=STEPS, price=AMOUNTS, side=st.sampled_from([None, "buy", "sell"]))
def test_price_rounding_moves_by_at_most_a_tick_in_the_promised_direction(
    step: Decimal, price: Decimal, side: Any
) -> None:
    limits = OrderLimits(price_step=step)
    try:
        rounded = limits.round_price(price, side=side)
    except OrderLimitError:
        assert price < step  # rounds to zero
        return
    assert rounded % step == 0
    if side is None:
        assert abs(rounded - price) <= step / 2
    elif side == "buy":
        assert price - step < rounded <= price
    else:
        assert price <= rounded < price + step


# --- checking an order --------------------------------------------------------------------------


def test_the_docs_create_example_passes_on_the_docs_limits(limits: OrderLimits) -> None:
    create = SPEC["components"]["examples"]["CreateSmartTradeRequest"]["value"]
    order = order_of_create_body(create, market_price=ASK)
    assert order is not None
    assert order == {
        "side": "buy",
        "order_type": "market",
        "units": D("0.01"),
        "price": None,
        "market_price": ASK,
        "prefix": "position",
    }
    limits.check_order(**order)
    assert limits.violations(**order) == []
    assert limits.error_attributes(**order) == {}
    assert record_invalid_body(limits, order, operation="create_smart_trade") is None


def _only(found: list[LimitViolation]) -> LimitViolation:
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        (
            {"side": "buy", "order_type": "limit", "units": "0.000005", "price": "2000000"},
            None,  # two violations, see below
        ),
        (
            {"side": "buy", "order_type": "limit", "units": "0.000015", "price": "999999"},
            ("position[units][value]", "lotStep", "0.00001", "must be a multiple of 0.00001",
             "0.00001"),
        ),
        (
            {"side": "buy", "order_type": "limit", "units": "9000.5", "price": "100"},
            ("position[units][value]", "maxLotSize", "9000.0", "must be less than or equal to "
             "9000.0", "9000.00000"),
        ),
        (
            {"side": "sell", "order_type": "limit", "units": "1", "price": "100.005"},
            ("position[price][value]", "priceStep", "0.01", "must be a multiple of 0.01",
             "100.01"),
        ),
        (
            {"side": "sell", "order_type": "limit", "units": "0.01", "price": "100"},
            ("position[units][value]", "minTotal", "5.0", "makes the total (units x price = "
             "1.00), which must be greater than or equal to 5.0", "0.05000"),
        ),
        (
            {"side": "buy", "order_type": "limit", "units": "1000", "price": "9000.01"},
            ("position[units][value]", "maxTotal", "9000000.0", "makes the total (units x price"
             " = 9000010.00), which must be less than or equal to 9000000.0", "999.99888"),
        ),
        (
            {"side": "buy", "order_type": "market", "units": "122", "market_price": "1"},
            ("position[units][value]", "maxMarketBuyAmount", "121.22278732", "must be less "
             "than or equal to 121.22278732 for a market buy", "121.22278"),
        ),
        (
            {"side": "sell", "order_type": "market", "units": "0.00007", "market_price": ASK},
            ("position[units][value]", "minMarketTotal", "5.0", "makes the total (units x "
             "market price = 4.4661715), which must be greater than or equal to 5.0",
             "0.00008"),
        ),
    ],
)  # fmt: skip
def test_each_limit_names_the_field_the_limit_the_value_and_the_nearest_valid_value(
    limits: OrderLimits, order: dict[str, Any], expected: tuple[str, ...] | None
) -> None:
    found = limits.violations(**order)
    if expected is None:
        assert [(v.field, v.limit_name) for v in found] == [
            ("position[price][value]", "maxPrice"),
            ("position[units][value]", "minLotSize"),
            ("position[units][value]", "lotStep"),
        ]
        return
    violation = _only(found)
    field, limit_name, limit, message, nearest = expected
    assert (violation.field, violation.limit_name, violation.limit) == (field, limit_name, D(limit))
    assert violation.message == message
    assert violation.nearest == D(nearest)
    error = _error(lambda: limits.check_order(**order))
    assert error.violations == (violation,)
    assert (error.field, error.limit_name, error.limit, error.nearest) == (
        field,
        limit_name,
        D(limit),
        D(nearest),
    )
    assert str(error).startswith(f"{field} {message}: got ")
    assert f"the nearest valid value is {nearest} ({limit_name} of USDT_BTC on binance)" in str(
        error
    )


def test_the_market_amount_cap_applies_to_market_orders_of_its_side_only(
    limits: OrderLimits,
) -> None:
    capped = OrderLimits(max_market_buy_amount=D("10"), max_market_sell_amount=D("20"))
    assert capped.violations(side="buy", order_type="limit", units="15", price="1") == []
    assert capped.violations(side="sell", order_type="market", units="15") == []
    (buy,) = capped.violations(side="buy", order_type="market", units="15")
    assert (buy.limit_name, buy.nearest) == ("maxMarketBuyAmount", D("10"))
    (sell,) = capped.violations(side="sell", order_type="market", units="25")
    assert (sell.limit_name, sell.nearest) == ("maxMarketSellAmount", D("20"))


def test_a_market_order_without_its_market_price_is_not_judged_by_its_total(
    limits: OrderLimits,
) -> None:
    tiny = {"side": "buy", "order_type": "market", "units": "0.00001"}
    assert limits.violations(**tiny) == []
    assert [v.limit_name for v in limits.violations(**tiny, market_price=ASK)] == ["minMarketTotal"]
    # without minMarketTotal, a market order's minimum total is minTotal
    plain = OrderLimits(min_total=D("5"))
    assert [v.limit_name for v in plain.violations(**tiny, market_price=ASK)] == ["minTotal"]
    with pytest.raises(ValueError, match="market_price must be greater than 0"):
        limits.violations(**tiny, market_price="0")


def test_add_and_reduce_funds_fields_are_named_without_the_position_prefix(
    limits: OrderLimits,
) -> None:
    attributes = limits.error_attributes(
        side="sell", order_type="limit", units="0.000001", price="0.001", prefix=""
    )
    assert set(attributes) == {"units[value]", "price[value]"}


def test_an_order_must_name_what_the_exchange_receives(limits: OrderLimits) -> None:
    with pytest.raises(ValueError, match="conditional order type"):
        limits.check_order(side="buy", order_type="conditional", units="1")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="a limit order needs its price"):
        limits.check_order(side="buy", order_type="limit", units="1")
    with pytest.raises(ValueError, match="side must be"):
        limits.check_order(side="long", order_type="market", units="1")  # type: ignore[arg-type]
    # the generated enums are taken as well as their strings
    from threecommas_api.models import OrderSide, OrderType

    limits.check_order(side=OrderSide.BUY, order_type=OrderType.MARKET, units="1")  # type: ignore[arg-type]


def test_several_violations_are_all_reported_in_a_fixed_order(limits: OrderLimits) -> None:
    order = {"side": "buy", "order_type": "limit", "units": "0.000012", "price": "63802.444"}
    error = _error(lambda: limits.check_order(**order))
    assert [(v.field, v.limit_name) for v in error.violations] == [
        ("position[price][value]", "priceStep"),
        ("position[units][value]", "lotStep"),
        ("position[units][value]", "minTotal"),
    ]
    assert str(error).startswith("the exchange would refuse this order: ")
    # the nearest amount is judged at the nearest valid price: both suggestions together pass
    units, price = error.violations[1].nearest, error.violations[0].nearest
    assert (units, price) == (D("0.00008"), D("63802.44"))
    limits.check_order(side="buy", order_type="limit", units=units, price=price)


def test_without_a_lot_step_the_nearest_amount_keeps_the_total_within_bounds() -> None:
    limits = OrderLimits(min_total=D("10"), max_total=D("20"))
    order: dict[str, Any] = {"side": "buy", "order_type": "limit", "price": "3"}
    (low,) = limits.violations(units="1", **order)
    (high,) = limits.violations(units="7", **order)
    # 10 / 3 and 20 / 3 do not end: rounded towards the valid side, at 18 decimals
    assert (low.nearest, high.nearest) == (D("3.333333333333333334"), D("6.666666666666666666"))
    assert low.nearest is not None and high.nearest is not None
    assert limits.violations(units=low.nearest, **order) == []
    assert limits.violations(units=high.nearest, **order) == []


def test_no_valid_amount_is_said_so(limits: OrderLimits) -> None:
    impossible = OrderLimits(min_lot_size=D("2"), max_lot_size=D("1"))
    (violation,) = impossible.violations(side="buy", order_type="market", units="3")
    assert violation.nearest is None
    assert "no value fits every limit of this pair" in str(
        _error(lambda: impossible.check_order(side="buy", order_type="market", units="3"))
    )


LIMITS = st.builds(
    OrderLimits,
    min_lot_size=st.sampled_from([None, D("0.01"), D("0.5"), D("3")]),
    lot_step=st.sampled_from([None, D("0.01"), D("0.25"), D("1")]),
    max_lot_size=st.sampled_from([None, D("40"), D("100")]),
    price_step=st.sampled_from([None, D("0.01"), D("0.5")]),
    min_price=st.sampled_from([None, D("0.5")]),
    max_price=st.sampled_from([None, D("120")]),
    min_total=st.sampled_from([None, D("5"), D("10")]),
    min_market_total=st.sampled_from([None, D("7")]),
    max_total=st.sampled_from([None, D("1000")]),
    max_market_buy_amount=st.sampled_from([None, D("30")]),
    max_market_sell_amount=st.sampled_from([None, D("20")]),
)
GRID = D("0.01")  # the brute force tries every multiple of this, up to 160


def _amount_ok(limits: OrderLimits, units: Decimal, side: str, market: bool, price: Any) -> bool:
    """Every amount rule, written out again independently of the module."""
    lim = limits
    checks = [
        units > 0,
        lim.min_lot_size is None or units >= lim.min_lot_size,
        lim.max_lot_size is None or units <= lim.max_lot_size,
        lim.lot_step is None or units % lim.lot_step == 0,
    ]
    if market:
        cap = lim.max_market_buy_amount if side == "buy" else lim.max_market_sell_amount
        checks.append(cap is None or units <= cap)
    if price is not None:
        minimum = lim.min_market_total if market and lim.min_market_total else lim.min_total
        checks.append(minimum is None or units * price >= minimum)
        checks.append(lim.max_total is None or units * price <= lim.max_total)
    return all(checks)


def _price_ok(limits: OrderLimits, price: Decimal) -> bool:
    lim = limits
    return all(
        [
            price > 0,
            lim.min_price is None or price >= lim.min_price,
            lim.max_price is None or price <= lim.max_price,
            lim.price_step is None or price % lim.price_step == 0,
        ]
    )


def _grid() -> list[Decimal]:
    return [GRID * n for n in range(1, 16001)]


GRID_VALUES = _grid()


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(
    limits=LIMITS,
    units=st.decimals(min_value=D("0.01"), max_value=D("150"), places=3),
    price=st.decimals(min_value=D("1"), max_value=D("150"), places=2),
    side=st.sampled_from(["buy", "sell"]),
    kind=st.sampled_from(["market", "limit"]),
)
def test_the_nearest_valid_amount_is_the_nearest_that_passes(
    limits: OrderLimits, units: Decimal, price: Decimal, side: str, kind: str
) -> None:
    market = kind == "market"
    prices = {"market_price": price} if market else {"price": price}
    found = limits.violations(side=side, order_type=kind, units=units, **prices)  # type: ignore[arg-type]
    assert (found == []) is (
        _amount_ok(limits, units, side, market, price) and (market or _price_ok(limits, price))
    )
    on_units = [v for v in found if v.field == "position[units][value]"]
    if not on_units:
        return
    nearest = on_units[0].nearest
    assert all(v.nearest == nearest for v in on_units)
    # judged at the nearest valid price when the price itself is wrong
    judged_at = price if market or _price_ok(limits, price) else limits._nearest_price(price)
    if limits.lot_step is None:
        # no grid: the nearest is the amount moved to the bound it broke, and it passes
        assert nearest is None or _amount_ok(limits, nearest, side, market, judged_at)
        return
    valid = [u for u in GRID_VALUES if _amount_ok(limits, u, side, market, judged_at)]
    expected = min(valid, key=lambda u: (abs(u - units), u)) if valid else None  # ties: down
    assert nearest == expected


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(limits=LIMITS, price=st.decimals(min_value=D("0.01"), max_value=D("150"), places=3))
def test_the_nearest_valid_price_is_the_nearest_that_passes(
    limits: OrderLimits, price: Decimal
) -> None:
    found = [
        v
        for v in limits.violations(side="buy", order_type="limit", units="1", price=price)
        if v.field == "position[price][value]"
    ]
    assert (found == []) is _price_ok(limits, price)
    if not found:
        return
    nearest = found[0].nearest
    if limits.price_step is None:
        assert nearest is not None and _price_ok(limits, nearest)
        assert nearest in (limits.min_price, limits.max_price)
        return
    valid = [p for p in GRID_VALUES if _price_ok(limits, p)]
    expected = min(valid, key=lambda p: (abs(p - price), -p)) if valid else None  # ties: up
    assert nearest == expected


# --- the suggestions combine ---------------------------------------------------------------------


def _followed(order: dict[str, Any], error: OrderLimitError) -> dict[str, Any] | None:
    """`order` with every field the error names set to its suggestion (None if one has none)."""
    fields = {
        "position[units][value]": "units",
        "position[price][value]": "price",
    }
    followed = dict(order)
    for violation in error.violations:
        if violation.nearest is None:
            return None
        followed[fields[violation.field]] = violation.nearest
    return followed


def test_a_price_rounded_down_under_the_minimum_total_suggests_an_amount_too(
    limits: OrderLimits,
) -> None:
    # 0.00017 x 29411.7648 = 5.000000016, just over minTotal 5.0; the nearest tick, 29411.76,
    # makes 4.9999992: the amount must grow to 0.00018 as well.
    order = {"side": "buy", "order_type": "limit", "units": D("0.00017"), "price": D("29411.7648")}
    error = _error(lambda: limits.check_order(**order))
    assert [(v.field, v.limit_name, v.nearest) for v in error.violations] == [
        ("position[price][value]", "priceStep", D("29411.76")),
        ("position[units][value]", "minTotal", D("0.00018")),
    ]
    assert "at the suggested price 29411.76 = 4.9999992" in error.violations[1].message
    assert "the nearest valid value is 0.00018" in str(error)
    followed = _followed(order, error)
    assert followed is not None
    limits.check_order(**followed)
    # The server answers for the order as sent: the price only, as the API would.
    assert list(limits.error_attributes(**order)) == ["position[price][value]"]


def test_a_price_rounded_up_over_the_maximum_total_suggests_an_amount_too() -> None:
    # 10.2 x 9.6 = 97.92 is within maxTotal 100; at the nearest tick, 10, it is 102.
    capped = OrderLimits(price_step=D("1"), max_total=D("100"), lot_step=D("0.1"))
    order = {"side": "sell", "order_type": "limit", "units": D("10.2"), "price": D("9.6")}
    error = _error(lambda: capped.check_order(**order))
    assert [(v.limit_name, v.nearest) for v in error.violations] == [
        ("priceStep", D("10")),
        ("maxTotal", D("10.0")),
    ]
    followed = _followed(order, error)
    assert followed is not None
    capped.check_order(**followed)


def test_when_no_order_is_near_the_error_says_so() -> None:
    # At any price the step allows, one lot is over the largest total.
    tight = OrderLimits(price_step=D("10"), min_lot_size=D("1"), max_total=D("5"))
    order = {"side": "buy", "order_type": "limit", "units": D("1"), "price": D("4")}
    error = _error(lambda: tight.check_order(**order))
    assert any(v.nearest is None for v in error.violations)
    assert "no valid order is near this one" in str(error)
    assert "position[units][value]" in str(error).rsplit("no valid order is near", 1)[1]


WIDE_LIMITS = st.builds(
    OrderLimits,
    min_lot_size=st.sampled_from([None, D("0"), D("0.00001"), D("0.01"), D("0.5"), D("3")]),
    lot_step=st.sampled_from([None, D("0.00001"), D("0.01"), D("0.25"), D("1")]),
    max_lot_size=st.sampled_from([None, D("40"), D("9000")]),
    price_step=st.sampled_from([None, D("0.01"), D("0.5"), D("10")]),
    min_price=st.sampled_from([None, D("0"), D("0.5")]),
    max_price=st.sampled_from([None, D("120"), D("1000000")]),
    min_total=st.sampled_from([None, D("0"), D("5"), D("10")]),
    min_market_total=st.sampled_from([None, D("7")]),
    max_total=st.sampled_from([None, D("50"), D("1000")]),
    max_market_buy_amount=st.sampled_from([None, D("30")]),
    max_market_sell_amount=st.sampled_from([None, D("20")]),
)


def _edge_price(limits: OrderLimits, units: Decimal, above: bool, nudge: Decimal) -> Decimal:
    """A price just past the total's bound for `units` (where rounding the price moves the
    total across it), off the price step by `nudge`."""
    bound = limits.min_total if above else limits.max_total
    if not bound or units <= 0:
        return D("1.2345")
    edge = (bound / units).quantize(D("0.0001"))
    return max(edge + (nudge if above else -nudge), D("0.0001"))


@pytest.mark.slow
@settings(max_examples=500, deadline=None, derandomize=True)
@given(
    limits=WIDE_LIMITS,
    units=st.decimals(min_value=D("0.00001"), max_value=D("200"), places=5),
    price=st.decimals(min_value=D("0.001"), max_value=D("2000"), places=4),
    side=st.sampled_from(["buy", "sell"]),
    kind=st.sampled_from(["market", "limit", "limit"]),
    edge=st.sampled_from([None, "above", "below"]),
    nudge=st.sampled_from([D("0.0001"), D("0.0004"), D("0.003"), D("0.2"), D("4")]),
)
@example(
    limits=OrderLimits.from_currency_rates(RATES),
    units=D("0.00017"),
    price=D("29411.7648"),
    side="buy",
    kind="limit",
    edge=None,
    nudge=D("0.0001"),
)
def test_following_every_suggestion_gives_an_order_that_passes(
    limits: OrderLimits,
    units: Decimal,
    price: Decimal,
    side: str,
    kind: str,
    edge: str | None,
    nudge: Decimal,
) -> None:
    if edge is not None:
        price = _edge_price(limits, units, edge == "above", nudge)
    prices = {"market_price": price} if kind == "market" else {"price": price}
    order: dict[str, Any] = {"side": side, "order_type": kind, "units": units, **prices}
    try:
        limits.check_order(**order)
    except OrderLimitError as error:
        followed = _followed(order, error)
        if followed is None:
            assert "no valid order is near this one" in str(error)
            return
        limits.check_order(**followed)  # passes: every suggestion taken together is valid


# --- hostile numbers ----------------------------------------------------------------------------

HOSTILE = ["NaN", "Infinity", "-Infinity", "sNaN", "-1", "1e9999999", "1e-9999999", "abc", "1e19"]


@pytest.mark.parametrize("field", ["lotStep", "priceStep", "minLotSize", "minTotal", "maxTotal"])
@pytest.mark.parametrize("value", [*HOSTILE, "0" * 10_000_000 + "1", "1" + "0" * 60])
def test_a_hostile_limit_is_a_parse_error_naming_the_field(field: str, value: str) -> None:
    with pytest.raises(threecommas.ResponseParseError, match=field) as raised:
        OrderLimits.from_currency_rates({**RATES, field: value})
    assert len(str(raised.value)) < 300


@pytest.mark.parametrize("field", ["lotStep", "priceStep"])
def test_a_step_of_zero_is_a_parse_error(field: str) -> None:
    with pytest.raises(threecommas.ResponseParseError, match=f"{field} must be greater than 0"):
        OrderLimits.from_currency_rates({**RATES, field: "0"})


def test_a_minimum_of_zero_is_no_minimum() -> None:
    free = OrderLimits.from_currency_rates({**RATES, "minTotal": "0", "minLotSize": "0.0"})
    assert free.min_total == 0 and free.min_lot_size == 0
    free.check_order(side="buy", order_type="limit", units="0.00001", price="1.00")


@pytest.mark.parametrize("value", [*HOSTILE, "0" * 10_000_000 + "1"])
def test_the_rates_check_refuses_hostile_prices_by_name(value: str) -> None:
    from threecommas._order_rates import check_rates

    for field in ("bid", "ask", "last", "lotStep", "minTotal"):
        with pytest.raises(ValueError, match=rf"^{field} ") as raised:
            check_rates({**RATES, field: value})
        assert not isinstance(raised.value, InvalidOperation)
        assert len(str(raised.value)) < 300
    check_rates({**RATES, "bid": "0", "ask": "0.0"})  # no quote: refused by the checks instead
    with pytest.raises(ValueError, match=r"^bid is missing"):
        check_rates({k: v for k, v in RATES.items() if k != "bid"})


@pytest.mark.parametrize(
    "units", ["1e9999999", "1e-9999999", D("1e9999999"), 10**400, "NaN", "1" * 200]
)
def test_a_hostile_amount_is_a_value_error_naming_the_field(
    limits: OrderLimits, units: Any
) -> None:
    for action in (
        lambda: limits.round_quantity(units),
        lambda: limits.check_order(side="buy", order_type="market", units=units, market_price=1),
        lambda: limits.check_order(side="buy", order_type="limit", units="1", price=units),
    ):
        with pytest.raises(ValueError, match=r"\[value\] must") as raised:
            action()
        assert not isinstance(raised.value, (InvalidOperation, OrderLimitError))
        assert len(str(raised.value)) < 300


def test_a_message_stays_short_whatever_the_numbers() -> None:
    from threecommas._order_numbers import _text

    assert _text(D("1e9999999")) == "1E+9999999"
    assert _text(D("1e-9999999")) == "1E-9999999"
    assert _text(D("-12345678901234567890123456789e-9999")) == "-1.2345678901234567890E-9971"
    assert _text(D("0.00000001")) == "0.00000001" and _text(D("31.0")) == "31.0"
    # A limit built by hand past the sane range is refused, briefly.
    with pytest.raises(ValueError, match="in size") as raised:
        OrderLimits(min_total=D("1e9999999"))
    assert len(str(raised.value)) < 300
    # The largest numbers the range allows still give messages of a few lines.
    huge = OrderLimits(max_total=D("1e18"), lot_step=D("1e-18"), min_lot_size=D("1e18"))
    error = _error(lambda: huge.check_order(side="buy", order_type="limit", units="1", price="1"))
    assert len(str(error)) < 1000


# --- for the recorded-responses server ----------------------------------------------------------


def test_the_server_gets_the_api_422_body_with_the_same_messages(limits: OrderLimits) -> None:
    body = {
        "account_id": 32455218,
        "pair": "USDT_BTC",
        "position": {
            "type": "buy",
            "order_type": "limit",
            "units": {"value": "0.000001"},
            "price": {"value": "63802.444"},
        },
    }
    order = order_of_create_body(body)
    assert order is not None
    answer = record_invalid_body(limits, order, operation="create_smart_trade")
    # The keys of the docs' create 422 (`position`, `position.total`, `units_to_buy`), not the
    # request's bracket notation: a bot tested offline looks for what the API sends.
    assert answer == {
        "error": "record_invalid",
        "error_description": "Invalid parameters",
        "error_attributes": {
            "position": ["is invalid"],
            "position.price": ["must be a multiple of 0.01"],
            "position.total": ["must be greater than or equal to 5.0"],
            "units_to_buy": [
                "must be greater than or equal to 0.00001",
                "must be a multiple of 0.00001",
            ],
        },
    }
    error_schema = {"$ref": "#/components/schemas/Error", "components": SPEC["components"]}
    jsonschema.Draft202012Validator(error_schema).validate(answer)


def _docs_422(operation: str) -> dict[str, list[str]]:
    """The `error_attributes` of the docs' 422 example of an operation, as the spec holds it."""
    examples = SPEC["components"]["responses"]["UnprocessableEntity"]["content"][
        "application/json"
    ]["examples"]
    attributes: dict[str, list[str]] = examples[operation]["value"]["error_attributes"]
    return attributes


def test_the_422_keys_are_the_docs_examples_keys(limits: OrderLimits) -> None:
    """Each operation's limit refusal uses the keys of its docs page's 422 example."""
    too_big = {"type": "buy", "order_type": "market", "units": {"value": "9001"}}
    create = order_of_create_body({"position": too_big}, market_price=D("63802.44"))
    assert create is not None
    attributes = record_invalid_body(limits, create, operation="create_smart_trade")
    assert attributes is not None
    docs = _docs_422("create")
    assert list(docs) == ["position", "position.total", "units_to_buy"]
    assert list(attributes["error_attributes"]) == list(docs)
    assert attributes["error_attributes"]["units_to_buy"][0] == docs["units_to_buy"][0]
    assert attributes["error_attributes"]["position.total"] == [
        "must be less than or equal to 9000000.0"
    ]
    assert docs["position.total"] == ["must be less than or equal to 9000000.0"]
    small = {"order_type": "limit", "units": {"value": "0.00002"}, "price": {"value": "60000"}}
    add = order_of_funds_body(small, side="buy")
    assert add is not None
    added = record_invalid_body(limits, add, operation="add_funds")
    assert added is not None
    assert set(added["error_attributes"]) == set(_docs_422("add_funds"))
    assert added["error_attributes"] == {"total": ["must be greater than or equal to 5.0"]}
    tiny = order_of_funds_body(
        {"order_type": "market", "units": {"value": "0.000001"}}, side="sell"
    )
    assert tiny is not None
    reduced = record_invalid_body(limits, tiny, operation="reduce_funds")
    assert reduced is not None
    assert set(reduced["error_attributes"]) == set(_docs_422("reduce_funds"))
    assert reduced["error_attributes"]["entered_amount"] == [
        "must be greater than or equal to 0.00001",
        "must be a multiple of 0.00001",
    ]
    # No limit refusal names a field in the request's bracket notation.
    for answer in (attributes, added, reduced):
        assert not any("[" in key for key in answer["error_attributes"])


def test_a_conditional_entry_is_judged_as_the_order_it_places() -> None:
    position: dict[str, Any] = {
        "type": "sell",
        "order_type": "conditional",
        "units": {"value": "2"},
        "price": {"value": "10.5"},
        "conditional": {"order_type": "limit", "price": {"value": "11", "type": "bid"}},
    }
    order = order_of_create_body({"position": position})
    assert order is not None
    assert (order["order_type"], order["price"], order["market_price"]) == (
        "limit",
        D("10.5"),
        None,
    )
    position["conditional"]["order_type"] = "market"
    order = order_of_create_body({"position": position})
    assert order is not None
    # a market order once triggered: its total is estimated at the trigger price
    assert (order["order_type"], order["price"], order["market_price"]) == ("market", None, D("11"))
    order = order_of_create_body({"position": position}, market_price=D("12"))
    assert order is not None and order["market_price"] == D("12")


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"position": "buy"},
        {"position": {"type": "hold", "order_type": "market", "units": {"value": "1"}}},
        {"position": {"type": "buy", "order_type": "market", "units": {"value": "x"}}},
        {"position": {"type": "buy", "order_type": "limit", "units": {"value": "1"}}},
        {"position": {"type": "buy", "order_type": "conditional", "units": {"value": "1"}}},
    ],
)
def test_a_body_the_schema_refuses_gives_no_order(body: dict[str, Any]) -> None:
    assert order_of_create_body(body) is None


def test_funds_bodies_give_orders_with_fields_without_prefix(limits: OrderLimits) -> None:
    add = SPEC["components"]["examples"]["AddFundsRequest"]["value"]
    reduce = SPEC["components"]["examples"]["ReduceFundsRequest"]["value"]
    add_order = order_of_funds_body(add, side="buy", market_price=D("0.1025"))
    assert add_order == {
        "side": "buy",
        "order_type": "market",
        "units": D("14.60138226"),
        "price": None,
        "market_price": D("0.1025"),
        "prefix": "",
    }
    reduce_order = order_of_funds_body(reduce, side="sell")
    assert reduce_order is not None
    assert (reduce_order["price"], reduce_order["prefix"]) == (D("0.03711"), "")
    # another pair's order: its price is off this pair's tick, its total below the minimum
    assert limits.error_attributes(**reduce_order) == {
        "price[value]": ["must be a multiple of 0.01"],
        "units[value]": [
            "makes the total (units x price = 0.0014844), which must be greater than or equal "
            "to 5.0"
        ],
    }
    assert order_of_funds_body({"order_type": "limit", "units": {"value": "1"}}, side="buy") is None
    docs_number = order_of_funds_body(
        {"order_type": "market", "units": {"value": 8.5}}, side="sell"
    )  # a docs form: a JSON number
    assert docs_number is not None and docs_number["units"] == D("8.5")


# --- the account ------------------------------------------------------------------------------


def test_an_account_without_smart_trading_is_refused_naming_account_id() -> None:
    account = copy.deepcopy(SPEC["components"]["examples"]["GetAccountOk"]["value"])
    check_account(account)
    check_account(Account.from_dict(account))
    account["smart_trading_supported"] = False
    error = _error(lambda: check_account(Account.from_dict(account)))
    assert str(error) == (
        "account_id: account 12345678 ('new_name' on Bybit Spot) does not support SmartTrades "
        "(smart_trading_supported is false)"
    )
    del account["smart_trading_supported"]
    assert "is missing" in str(_error(lambda: check_account(account)))
    with pytest.raises(TypeError):
        check_account(None)


# --- the error -----------------------------------------------------------------------------------


def test_the_error_is_a_value_error_and_a_three_commas_error_exported_at_the_top() -> None:
    assert "OrderLimitError" in threecommas.__all__
    assert threecommas.OrderLimitError is OrderLimitError
    assert issubclass(OrderLimitError, ValueError)
    assert issubclass(OrderLimitError, ThreeCommasError)
    bare = OrderLimitError("nothing broken")
    assert bare.violations == () and bare.field is None and bare.nearest is None


def test_the_module_is_pure() -> None:
    import sys

    import threecommas._order_limits as module

    source = Path(module.__file__).read_text(encoding="utf-8")
    for word in ("httpx", "socket", "open(", "time.", "random", "logging"):
        assert word not in source, word
    assert "threecommas._order_limits" in sys.modules
