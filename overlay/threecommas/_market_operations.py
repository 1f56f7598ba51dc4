"""The operations on accounts, market data and the key: checked arguments in, a `Call` out.

Nothing here sends anything. The market operations are public (`security: []` in the spec): their
`Call`s are not signed, and a client without credentials can send them.
"""

from __future__ import annotations

import email.utils
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import httpx

from threecommas._checks import check_enum
from threecommas._operations import call
from threecommas._params import parameter_schemas
from threecommas._parsing import strict_list, strict_object
from threecommas._types import Call, ForcedModeArg
from threecommas._validation import check_id, check_int_range
from threecommas_api.models.account import Account
from threecommas_api.models.currency_rates import CurrencyRates
from threecommas_api.models.currency_rates_with_leverage_data import (
    CurrencyRatesWithLeverageData,
)
from threecommas_api.models.key_validity import KeyValidity
from threecommas_api.models.limit_type import LimitType
from threecommas_api.models.market import Market
from threecommas_api.types import UNSET

if TYPE_CHECKING:
    from threecommas._base_client import BaseClient

__all__ = [
    "KeyCheck",
    "check_key",
    "currency_rates",
    "currency_rates_with_leverage_data",
    "get_account",
    "list_accounts",
    "list_market_pairs",
    "list_markets",
    "next_accounts_page",
    "validate_key",
]


def _paging(name: str, value: object) -> int:
    schema = parameter_schemas("list_accounts")[name]
    return check_int_range(name, value, schema["minimum"], schema["maximum"])


def _text(name: str, value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    return value


def list_accounts(
    client: BaseClient,
    api_key: object,
    page: object,
    per_page: object,
    forced_mode: ForcedModeArg,
) -> Call[list[Account]]:
    """One page of accounts; a filter or paging left as None is not sent."""
    return call(
        "list_accounts",
        strict_list("list_accounts", Account),
        (),
        client._forced_mode_for(forced_mode),
        api_key=UNSET if api_key is None else _text("api_key", api_key),
        page=UNSET if page is None else _paging("page", page),
        per_page=UNSET if per_page is None else _paging("per_page", per_page),
    )


def next_accounts_page(page: int, received: int, per_page: int) -> int | None:
    """The page after `page`, or None when `page` was the last (shorter than `per_page`)."""
    if received < per_page or page >= parameter_schemas("list_accounts")["page"]["maximum"]:
        return None
    return page + 1


def check_accounts_paging(page: object, per_page: object) -> tuple[int, int]:
    """The paging of `accounts.iter_all`: the first page (1 when None) and the page size."""
    return 1 if page is None else _paging("page", page), _paging("per_page", per_page)


def get_account(
    client: BaseClient, account_id: object, forced_mode: ForcedModeArg
) -> Call[Account]:
    checked = check_id("account_id", account_id)
    mode = client._forced_mode_for(forced_mode)
    return call("get_account", strict_object("get_account", Account), (checked,), mode)


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


def currency_rates(pair: object, market_code: object, limit_type: object) -> Call[CurrencyRates]:
    checked_pair = _text("pair", pair)
    code = _text("market_code", market_code)
    kind = UNSET if limit_type is None else check_enum("limit_type", limit_type, LimitType)
    parse = strict_object("get_currency_rates", CurrencyRates)
    return call(
        "get_currency_rates",
        parse,
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
    key in use (`"hmac"`: system-generated, `"rsa"`: self-generated) and the server's clock
    minus this machine's, in seconds, from the answer's `Date` header (None without one; the
    header has whole seconds, so an offset within about 1 s is no offset)."""

    valid: bool
    key_type: str
    clock_offset: float | None

    def to_dict(self) -> dict[str, Any]:
        return {"valid": self.valid, "key_type": self.key_type, "clock_offset": self.clock_offset}


def _offset(response: httpx.Response) -> float | None:
    date = response.headers.get("Date")
    if not date:
        return None
    try:
        server = email.utils.parsedate_to_datetime(date)
    except (TypeError, ValueError):
        return None
    return round(server.timestamp() - time.time(), 3)


def check_key(key_type: str) -> Call[KeyCheck]:
    def parse(response: httpx.Response) -> KeyCheck:
        return KeyCheck(_valid(response), key_type, _offset(response))

    return call("validate_key", parse, (), None)
