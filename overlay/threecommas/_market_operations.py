"""The operations on accounts, market data and the key: checked arguments in, a `Call` out.

Nothing here sends anything. The market operations are public (`security: []` in the spec): their
`Call`s are not signed, and a client without credentials can send them.
"""

from __future__ import annotations

import datetime
import email.utils
import math
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import httpx

from threecommas._checks import check_enum
from threecommas._operations import call
from threecommas._order_rates import check_rates
from threecommas._pagination import check_page
from threecommas._parsing import strict_list, strict_object
from threecommas._types import Call
from threecommas._validation import check_id
from threecommas_api.models.account import Account
from threecommas_api.models.account_balance import AccountBalance
from threecommas_api.models.currency_rates import CurrencyRates
from threecommas_api.models.currency_rates_with_leverage_data import (
    CurrencyRatesWithLeverageData,
)
from threecommas_api.models.key_validity import KeyValidity
from threecommas_api.models.limit_type import LimitType
from threecommas_api.models.market import Market
from threecommas_api.types import UNSET

if TYPE_CHECKING:
    from threecommas_api.models.forced_mode import ForcedMode

__all__ = [
    "KeyCheck",
    "check_key",
    "currency_rates",
    "currency_rates_with_leverage_data",
    "get_account",
    "get_account_balances",
    "list_accounts",
    "list_market_pairs",
    "list_markets",
    "load_balances",
    "validate_key",
]


def _text(name: str, value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    return value


def list_accounts(
    api_key: object,
    page: object,
    per_page: object,
    mode: ForcedMode | None,
) -> Call[list[Account]]:
    """One page of accounts; a filter or paging left as None is not sent."""
    return call(
        "list_accounts",
        strict_list("list_accounts", Account),
        (),
        mode,
        api_key=UNSET if api_key is None else _text("api_key", api_key),
        page=UNSET if page is None else check_page("list_accounts", "page", page),
        per_page=UNSET if per_page is None else check_page("list_accounts", "per_page", per_page),
    )


def get_account(account_id: object, mode: ForcedMode | None) -> Call[Account]:
    checked = check_id("account_id", account_id)
    return call("get_account", strict_object("get_account", Account), (checked,), mode)


def get_account_balances(account_id: object, mode: ForcedMode | None) -> Call[list[AccountBalance]]:
    checked = check_id("account_id", account_id)
    parse = strict_list("get_account_balances", AccountBalance)
    return call("get_account_balances", parse, (checked,), mode)


def load_balances(account_id: object, mode: ForcedMode | None) -> Call[Account]:
    checked = check_id("account_id", account_id)
    return call("load_balances", strict_object("load_balances", Account), (checked,), mode)


def list_markets() -> Call[list[Market]]:
    return call("list_markets", strict_list("list_markets", Market), (), None)


def _pairs(response: Any) -> list[str]:
    from threecommas._parsing import endpoint

    parsed = endpoint("list_market_pairs").parse_response(response)
    if not isinstance(parsed, list) or not all(isinstance(item, str) for item in parsed):
        raise ValueError("expected a JSON array of pairs")
    return parsed


def list_market_pairs(market_code: object) -> Call[list[str]]:
    code = _text("market_code", market_code)
    return call("list_market_pairs", _pairs, (), None, market_code=code)


def _rates(response: Any) -> CurrencyRates:
    """The rates, refused (ValueError, so `ResponseParseError`) when a limit or a price is not
    a decimal the checks can use: this is data from outside, judged before any order relies
    on it (`threecommas._order_limits.check_rates` says what passes)."""
    rates = strict_object("get_currency_rates", CurrencyRates)(response)
    check_rates(rates.to_dict())
    return rates


def currency_rates(pair: object, market_code: object, limit_type: object) -> Call[CurrencyRates]:
    checked_pair = _text("pair", pair)
    code = _text("market_code", market_code)
    kind = UNSET if limit_type is None else check_enum("limit_type", limit_type, LimitType)
    return call(
        "get_currency_rates",
        _rates,
        (),
        None,
        market_code=code,
        pair=checked_pair,
        limit_type=kind,
    )


def currency_rates_with_leverage_data(
    pair: object, market_code: object
) -> Call[CurrencyRatesWithLeverageData]:
    checked_pair = _text("pair", pair)
    code = _text("market_code", market_code)
    operation_id = "get_currency_rates_with_leverage_data"
    parse = strict_object(operation_id, CurrencyRatesWithLeverageData)
    return call(operation_id, parse, (), None, market_code=code, pair=checked_pair)


def _valid(response: Any) -> bool:
    validity = strict_object("validate_key", KeyValidity)(response)
    return validity.valid is True


def validate_key() -> Call[bool]:
    return call("validate_key", _valid, (), None)


@dataclass(frozen=True)
class KeyCheck:
    """What `client.check_key()` found: the key and signature accepted (`valid`), the kind of
    key in use (`"hmac"`: system-generated, `"rsa"`: self-generated), and the server's clock
    minus this machine's, in seconds, as far as the answer's `Date` header can tell.

    The header has whole seconds, and the server wrote it at some moment between the request
    leaving and the answer being read, so the offset is only known to lie in
    `clock_offset_range` (`(low, high)`); `clock_offset` is 0.0 when that range holds 0, else
    its end nearest to 0: the least the two clocks differ by. Both are None without a `Date`.
    """

    valid: bool
    key_type: str
    clock_offset: float | None
    clock_offset_range: tuple[float, float] | None = None

    def to_dict(self) -> dict[str, Any]:
        span = self.clock_offset_range
        return {
            "valid": self.valid,
            "key_type": self.key_type,
            "clock_offset": self.clock_offset,
            "clock_offset_range": None if span is None else list(span),
        }


def clock_offset_range(
    date: str | None, sent: float, received: float
) -> tuple[float, float] | None:
    """The server's clock minus this machine's, as the range a `Date` header allows: the
    server read second D (D to D + 1) at a moment between `sent` and `received` (this
    machine's `time.time()`). Milliseconds, rounded outwards; None for no or a bad header."""
    if not date:
        return None
    try:
        written = email.utils.parsedate_to_datetime(date)
    except (TypeError, ValueError):
        return None
    if written.tzinfo is None:  # "-0000": UTC, but of unknown origin (RFC 5322)
        written = written.replace(tzinfo=datetime.UTC)
    second = written.timestamp()
    # Rounded to the microsecond first: float noise must not widen the range by a millisecond.
    low = math.floor(round((second - received) * 1000, 3)) / 1000
    high = math.ceil(round((second + 1 - sent) * 1000, 3)) / 1000
    return low, high


def least_offset(span: tuple[float, float]) -> float:
    """0.0 when `span` holds no offset, else its end nearest to 0."""
    low, high = span
    return 0.0 if low <= 0 <= high else low if low > 0 else high


def check_key(key_type: str) -> Call[KeyCheck]:
    # Taken before the request is even built, so that no answer can be older; waits and
    # retries only widen the range, which stays true.
    sent = time.time()

    def parse(response: httpx.Response) -> KeyCheck:
        span = clock_offset_range(response.headers.get("Date"), sent, time.time())
        offset = None if span is None else least_offset(span)
        return KeyCheck(_valid(response), key_type, offset, span)

    return call("validate_key", parse, (), None)
