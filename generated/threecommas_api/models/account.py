from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from ..types import (
    UNSET,
    Unset,
    _additional_keys,
    _attrs_fields,
    _contains,
    _delitem,
    _getitem,
    _getstate,
    _lazy_additional_properties,
    _new,
    _repr_seen,
    _setitem,
    _setstate,
    _to_json,
)


# The attrs class this model is written after (its fields are the model's).
def _attrs_twin() -> type:
    from attrs import define as _attrs_define
    from attrs import field as _attrs_field

    @_attrs_define
    class Account:
        id: int
        name: str
        exchange_name: str
        market_code: str
        market_icon: str
        pretty_display_type: str
        supported_market_types: list[str]
        api_key_invalid: bool
        api_keys_state: str
        is_locked: bool
        lock_reason: None | str
        smart_trading_supported: bool
        trading_supported: bool
        market_buy_supported: bool
        market_sell_supported: bool
        conditional_buy_supported: bool
        stats_supported: bool
        hedge_mode_available: bool
        hedge_mode_enabled: bool
        bots_allowed: bool
        bots_ttp_allowed: bool
        bots_tsl_allowed: bool
        gordon_bots_available: bool
        multi_bots_allowed: bool
        grid_bots_allowed: bool
        fast_convert_available: bool
        deposit_enabled: bool
        include_in_summary: bool
        available_include_in_summary: bool
        autobalance_enabled: bool
        auto_balance_period: int | None
        auto_balance_portfolio_id: int | None
        auto_balance_currency_change_limit: Any
        auto_balance_method: None | str
        auto_balance_error: None | str
        last_auto_balance: None | str
        customer_id: None | str
        subaccount_name: None | str
        btc_amount: str
        usd_amount: str
        day_profit_btc: str
        day_profit_usd: str
        day_profit_btc_percentage: str
        day_profit_usd_percentage: str
        btc_profit: str
        usd_profit: str
        btc_profit_percentage: str
        usd_profit_percentage: str
        total_btc_profit: str
        total_usd_profit: str
        primary_display_currency_amount: CurrencyAmount
        primary_display_currency_profit: CurrencyAmount
        primary_display_currency_profit_percentage: CurrencyAmount
        day_profit_primary_display_currency: CurrencyAmount
        day_profit_primary_display_currency_percentage: CurrencyAmount
        total_primary_display_currency_profit: CurrencyAmountNumber
        created_at: str
        updated_at: str
        api_key: str | Unset = UNSET
        smart_selling_supported: bool | Unset = UNSET
        available_for_trading: AccountAvailableForTrading | Unset = UNSET
        auto_balance_portfolio: Any | Unset = UNSET
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return Account


@_lazy_additional_properties
class Account:
    """An exchange account (or wallet) connected to the user's 3Commas profile: which market it
    is on, what it may do, and what it holds. Several documented types are wrong (the prose
    gives numbers for the profit figures and a string for `auto_balance_period`; the
    examples send decimal strings and an integer); the types here follow the examples. The
    profit and balance figures are decimal strings of high precision, sometimes in exponent
    notation (`"-3.30980633289966e-05"`); `Decimal` reads both.

    The older docs also show `api_key` (the exchange API key, in the clear) in their
    examples; the newest examples no longer do, so it is optional here.

    """

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "api_key",
        "api_key_invalid",
        "api_keys_state",
        "auto_balance_currency_change_limit",
        "auto_balance_error",
        "auto_balance_method",
        "auto_balance_period",
        "auto_balance_portfolio",
        "auto_balance_portfolio_id",
        "autobalance_enabled",
        "available_for_trading",
        "available_include_in_summary",
        "bots_allowed",
        "bots_tsl_allowed",
        "bots_ttp_allowed",
        "btc_amount",
        "btc_profit",
        "btc_profit_percentage",
        "conditional_buy_supported",
        "created_at",
        "customer_id",
        "day_profit_btc",
        "day_profit_btc_percentage",
        "day_profit_primary_display_currency",
        "day_profit_primary_display_currency_percentage",
        "day_profit_usd",
        "day_profit_usd_percentage",
        "deposit_enabled",
        "exchange_name",
        "fast_convert_available",
        "gordon_bots_available",
        "grid_bots_allowed",
        "hedge_mode_available",
        "hedge_mode_enabled",
        "id",
        "include_in_summary",
        "is_locked",
        "last_auto_balance",
        "lock_reason",
        "market_buy_supported",
        "market_code",
        "market_icon",
        "market_sell_supported",
        "multi_bots_allowed",
        "name",
        "pretty_display_type",
        "primary_display_currency_amount",
        "primary_display_currency_profit",
        "primary_display_currency_profit_percentage",
        "smart_selling_supported",
        "smart_trading_supported",
        "stats_supported",
        "subaccount_name",
        "supported_market_types",
        "total_btc_profit",
        "total_primary_display_currency_profit",
        "total_usd_profit",
        "trading_supported",
        "updated_at",
        "usd_amount",
        "usd_profit",
        "usd_profit_percentage",
    )
    __match_args__ = (
        "id",
        "name",
        "exchange_name",
        "market_code",
        "market_icon",
        "pretty_display_type",
        "supported_market_types",
        "api_key_invalid",
        "api_keys_state",
        "is_locked",
        "lock_reason",
        "smart_trading_supported",
        "trading_supported",
        "market_buy_supported",
        "market_sell_supported",
        "conditional_buy_supported",
        "stats_supported",
        "hedge_mode_available",
        "hedge_mode_enabled",
        "bots_allowed",
        "bots_ttp_allowed",
        "bots_tsl_allowed",
        "gordon_bots_available",
        "multi_bots_allowed",
        "grid_bots_allowed",
        "fast_convert_available",
        "deposit_enabled",
        "include_in_summary",
        "available_include_in_summary",
        "autobalance_enabled",
        "auto_balance_period",
        "auto_balance_portfolio_id",
        "auto_balance_currency_change_limit",
        "auto_balance_method",
        "auto_balance_error",
        "last_auto_balance",
        "customer_id",
        "subaccount_name",
        "btc_amount",
        "usd_amount",
        "day_profit_btc",
        "day_profit_usd",
        "day_profit_btc_percentage",
        "day_profit_usd_percentage",
        "btc_profit",
        "usd_profit",
        "btc_profit_percentage",
        "usd_profit_percentage",
        "total_btc_profit",
        "total_usd_profit",
        "primary_display_currency_amount",
        "primary_display_currency_profit",
        "primary_display_currency_profit_percentage",
        "day_profit_primary_display_currency",
        "day_profit_primary_display_currency_percentage",
        "total_primary_display_currency_profit",
        "created_at",
        "updated_at",
        "api_key",
        "smart_selling_supported",
        "available_for_trading",
        "auto_balance_portfolio",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    id: int
    """ ID of the exchange account; the `account_id` a SmartTrade is created on. """
    name: str
    """ The name the user gave the account. """
    exchange_name: str
    """ Display name of the account's market, e.g. `Binance US Spot`. (A SmartTrade's
    `account.market` shows the same text.)
     """
    market_code: str
    """ The market's code in 3Commas, e.g. `binance_us`, `bybit_spot`: what
    `list_market_pairs` and `get_currency_rates` take as `market_code`. (A SmartTrade's
    `account.type` shows the same code.)
     """
    market_icon: str
    """ URL of the market's icon. """
    pretty_display_type: str
    """ The account's kind, spelled for display (`BinanceUs`, `BybitSpot`). """
    supported_market_types: list[str]
    """ The kinds of market the account trades on; `spot` in the examples. """
    api_key_invalid: bool
    """ True when the exchange refuses the account's API key. """
    api_keys_state: str
    """ State of the account's exchange API keys; `ok` and `expired` in the examples. """
    is_locked: bool
    """ True when the account is locked. """
    lock_reason: None | str
    """ Why the account is locked, when `is_locked` is true. """
    smart_trading_supported: bool
    """ True when SmartTrades can be created on the account; creating one on an account
    where it is false is refused.
     """
    trading_supported: bool
    """ True when 3Commas can trade on the account. """
    market_buy_supported: bool
    """ True when the exchange takes market buy orders. """
    market_sell_supported: bool
    """ True when the exchange takes market sell orders. """
    conditional_buy_supported: bool
    """ True when the exchange takes conditional buy orders. """
    stats_supported: bool
    """ True when profit statistics are available for the account. """
    hedge_mode_available: bool
    """ True when hedge mode is available on the account. """
    hedge_mode_enabled: bool
    """ True when hedge mode is on. """
    bots_allowed: bool
    """ True when DCA bots may run on the account. """
    bots_ttp_allowed: bool
    """ True when bots may use trailing take profit. """
    bots_tsl_allowed: bool
    """ True when bots may use a trailing stop loss. """
    gordon_bots_available: bool
    """ Not described by the docs. """
    multi_bots_allowed: bool
    """ True when multi-pair bots may run on the account. """
    grid_bots_allowed: bool
    """ True when grid bots may run on the account. """
    fast_convert_available: bool
    """ True when "Sell all to BTC/USD" is available. """
    deposit_enabled: bool
    """ True when deposits are available. """
    include_in_summary: bool
    """ True when the account counts in the summary of all accounts. """
    available_include_in_summary: bool
    """ True when the account may be counted in the summary. """
    autobalance_enabled: bool
    """ True when automatic portfolio balancing is on. """
    auto_balance_period: int | None
    """ Hours between two automatic balancings. (The older prose says "null or string";
    every example sends an integer, `12`.)
     """
    auto_balance_portfolio_id: int | None
    """ ID of the portfolio being balanced automatically, if any. """
    auto_balance_currency_change_limit: Any
    """ Not described by the docs; null in every example, so its type is not known. """
    auto_balance_method: None | str
    """ Not described by the docs; null in every example. """
    auto_balance_error: None | str
    """ Why the last automatic balancing failed, if it did. """
    last_auto_balance: None | str
    """ When the portfolio was last balanced automatically (ISO 8601), if ever. """
    customer_id: None | str
    """ The customer ID that Bitstamp gives; null for other exchanges. """
    subaccount_name: None | str
    """ Not described by the docs; null in every example. """
    btc_amount: str
    """ What the account holds, in BTC. """
    usd_amount: str
    """ What the account holds, in USD. """
    day_profit_btc: str
    """ Profit of the day, in BTC. """
    day_profit_usd: str
    """ Profit of the day, in USD. """
    day_profit_btc_percentage: str
    """ Profit of the day in BTC, in percent (a number in the prose, a string in the examples). """
    day_profit_usd_percentage: str
    """ Profit of the day in USD, in percent (a number in the prose, a string in the examples). """
    btc_profit: str
    """ Profit of the month, in BTC (a number in the prose, a string in the examples). """
    usd_profit: str
    """ Profit of the month, in USD (a number in the prose, a string in the examples). """
    btc_profit_percentage: str
    """ Profit of the month in BTC, in percent. """
    usd_profit_percentage: str
    """ Profit of the month in USD, in percent. """
    total_btc_profit: str
    """ Profit since the start, in BTC (may be in exponent notation). """
    total_usd_profit: str
    """ Profit since the start, in USD. """
    primary_display_currency_amount: CurrencyAmount
    """ An amount in the user's display currency (not described by the docs). """
    primary_display_currency_profit: CurrencyAmount
    """ An amount in the user's display currency (not described by the docs). """
    primary_display_currency_profit_percentage: CurrencyAmount
    """ An amount in the user's display currency (not described by the docs). """
    day_profit_primary_display_currency: CurrencyAmount
    """ An amount in the user's display currency (not described by the docs). """
    day_profit_primary_display_currency_percentage: CurrencyAmount
    """ An amount in the user's display currency (not described by the docs). """
    total_primary_display_currency_profit: CurrencyAmountNumber
    """ The total profit in the user's display currency. Unlike the other display amounts, every
    example sends this amount as a JSON number (`-0.05357667685386205`), already rounded to
    binary floating point by the server; it is typed as the examples send it.
     """
    created_at: str
    """ When the account was connected (ISO 8601). """
    updated_at: str
    """ When the account last changed (ISO 8601). """
    api_key: str | Unset
    """ The exchange API key the account is connected with. Only the older docs' examples
    show it.
     """
    smart_selling_supported: bool | Unset
    """ True when Smart Sell (a SmartTrade on funds already held) is available. Not in the
    entity's description, and missing from the examples of the account-creation page.
     """
    available_for_trading: AccountAvailableForTrading | Unset
    """ Not described by the docs; an empty object in every example that shows it.
     """
    auto_balance_portfolio: Any | Unset
    """ Not described by the docs; null in every example that shows it, so its type is
    not known.
     """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        id: int,
        name: str,
        exchange_name: str,
        market_code: str,
        market_icon: str,
        pretty_display_type: str,
        supported_market_types: list[str],
        api_key_invalid: bool,
        api_keys_state: str,
        is_locked: bool,
        lock_reason: None | str,
        smart_trading_supported: bool,
        trading_supported: bool,
        market_buy_supported: bool,
        market_sell_supported: bool,
        conditional_buy_supported: bool,
        stats_supported: bool,
        hedge_mode_available: bool,
        hedge_mode_enabled: bool,
        bots_allowed: bool,
        bots_ttp_allowed: bool,
        bots_tsl_allowed: bool,
        gordon_bots_available: bool,
        multi_bots_allowed: bool,
        grid_bots_allowed: bool,
        fast_convert_available: bool,
        deposit_enabled: bool,
        include_in_summary: bool,
        available_include_in_summary: bool,
        autobalance_enabled: bool,
        auto_balance_period: int | None,
        auto_balance_portfolio_id: int | None,
        auto_balance_currency_change_limit: Any,
        auto_balance_method: None | str,
        auto_balance_error: None | str,
        last_auto_balance: None | str,
        customer_id: None | str,
        subaccount_name: None | str,
        btc_amount: str,
        usd_amount: str,
        day_profit_btc: str,
        day_profit_usd: str,
        day_profit_btc_percentage: str,
        day_profit_usd_percentage: str,
        btc_profit: str,
        usd_profit: str,
        btc_profit_percentage: str,
        usd_profit_percentage: str,
        total_btc_profit: str,
        total_usd_profit: str,
        primary_display_currency_amount: CurrencyAmount,
        primary_display_currency_profit: CurrencyAmount,
        primary_display_currency_profit_percentage: CurrencyAmount,
        day_profit_primary_display_currency: CurrencyAmount,
        day_profit_primary_display_currency_percentage: CurrencyAmount,
        total_primary_display_currency_profit: CurrencyAmountNumber,
        created_at: str,
        updated_at: str,
        api_key: str | Unset = UNSET,
        smart_selling_supported: bool | Unset = UNSET,
        available_for_trading: AccountAvailableForTrading | Unset = UNSET,
        auto_balance_portfolio: Any | Unset = UNSET,
    ) -> None:
        self.id = id
        self.name = name
        self.exchange_name = exchange_name
        self.market_code = market_code
        self.market_icon = market_icon
        self.pretty_display_type = pretty_display_type
        self.supported_market_types = supported_market_types
        self.api_key_invalid = api_key_invalid
        self.api_keys_state = api_keys_state
        self.is_locked = is_locked
        self.lock_reason = lock_reason
        self.smart_trading_supported = smart_trading_supported
        self.trading_supported = trading_supported
        self.market_buy_supported = market_buy_supported
        self.market_sell_supported = market_sell_supported
        self.conditional_buy_supported = conditional_buy_supported
        self.stats_supported = stats_supported
        self.hedge_mode_available = hedge_mode_available
        self.hedge_mode_enabled = hedge_mode_enabled
        self.bots_allowed = bots_allowed
        self.bots_ttp_allowed = bots_ttp_allowed
        self.bots_tsl_allowed = bots_tsl_allowed
        self.gordon_bots_available = gordon_bots_available
        self.multi_bots_allowed = multi_bots_allowed
        self.grid_bots_allowed = grid_bots_allowed
        self.fast_convert_available = fast_convert_available
        self.deposit_enabled = deposit_enabled
        self.include_in_summary = include_in_summary
        self.available_include_in_summary = available_include_in_summary
        self.autobalance_enabled = autobalance_enabled
        self.auto_balance_period = auto_balance_period
        self.auto_balance_portfolio_id = auto_balance_portfolio_id
        self.auto_balance_currency_change_limit = auto_balance_currency_change_limit
        self.auto_balance_method = auto_balance_method
        self.auto_balance_error = auto_balance_error
        self.last_auto_balance = last_auto_balance
        self.customer_id = customer_id
        self.subaccount_name = subaccount_name
        self.btc_amount = btc_amount
        self.usd_amount = usd_amount
        self.day_profit_btc = day_profit_btc
        self.day_profit_usd = day_profit_usd
        self.day_profit_btc_percentage = day_profit_btc_percentage
        self.day_profit_usd_percentage = day_profit_usd_percentage
        self.btc_profit = btc_profit
        self.usd_profit = usd_profit
        self.btc_profit_percentage = btc_profit_percentage
        self.usd_profit_percentage = usd_profit_percentage
        self.total_btc_profit = total_btc_profit
        self.total_usd_profit = total_usd_profit
        self.primary_display_currency_amount = primary_display_currency_amount
        self.primary_display_currency_profit = primary_display_currency_profit
        self.primary_display_currency_profit_percentage = primary_display_currency_profit_percentage
        self.day_profit_primary_display_currency = day_profit_primary_display_currency
        self.day_profit_primary_display_currency_percentage = (
            day_profit_primary_display_currency_percentage
        )
        self.total_primary_display_currency_profit = total_primary_display_currency_profit
        self.created_at = created_at
        self.updated_at = updated_at
        self.api_key = api_key
        self.smart_selling_supported = smart_selling_supported
        self.available_for_trading = available_for_trading
        self.auto_balance_portfolio = auto_balance_portfolio
        self.additional_properties = {}

    def __repr__(self) -> str:
        seen = _repr_seen()
        if id(self) in seen:
            return "..."
        seen.add(id(self))
        try:
            return (
                f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}("
                f"id={self.id!r}, "
                f"name={self.name!r}, "
                f"exchange_name={self.exchange_name!r}, "
                f"market_code={self.market_code!r}, "
                f"market_icon={self.market_icon!r}, "
                f"pretty_display_type={self.pretty_display_type!r}, "
                f"supported_market_types={self.supported_market_types!r}, "
                f"api_key_invalid={self.api_key_invalid!r}, "
                f"api_keys_state={self.api_keys_state!r}, "
                f"is_locked={self.is_locked!r}, "
                f"lock_reason={self.lock_reason!r}, "
                f"smart_trading_supported={self.smart_trading_supported!r}, "
                f"trading_supported={self.trading_supported!r}, "
                f"market_buy_supported={self.market_buy_supported!r}, "
                f"market_sell_supported={self.market_sell_supported!r}, "
                f"conditional_buy_supported={self.conditional_buy_supported!r}, "
                f"stats_supported={self.stats_supported!r}, "
                f"hedge_mode_available={self.hedge_mode_available!r}, "
                f"hedge_mode_enabled={self.hedge_mode_enabled!r}, "
                f"bots_allowed={self.bots_allowed!r}, "
                f"bots_ttp_allowed={self.bots_ttp_allowed!r}, "
                f"bots_tsl_allowed={self.bots_tsl_allowed!r}, "
                f"gordon_bots_available={self.gordon_bots_available!r}, "
                f"multi_bots_allowed={self.multi_bots_allowed!r}, "
                f"grid_bots_allowed={self.grid_bots_allowed!r}, "
                f"fast_convert_available={self.fast_convert_available!r}, "
                f"deposit_enabled={self.deposit_enabled!r}, "
                f"include_in_summary={self.include_in_summary!r}, "
                f"available_include_in_summary={self.available_include_in_summary!r}, "
                f"autobalance_enabled={self.autobalance_enabled!r}, "
                f"auto_balance_period={self.auto_balance_period!r}, "
                f"auto_balance_portfolio_id={self.auto_balance_portfolio_id!r}, "
                f"auto_balance_currency_change_limit={self.auto_balance_currency_change_limit!r}, "
                f"auto_balance_method={self.auto_balance_method!r}, "
                f"auto_balance_error={self.auto_balance_error!r}, "
                f"last_auto_balance={self.last_auto_balance!r}, "
                f"customer_id={self.customer_id!r}, "
                f"subaccount_name={self.subaccount_name!r}, "
                f"btc_amount={self.btc_amount!r}, "
                f"usd_amount={self.usd_amount!r}, "
                f"day_profit_btc={self.day_profit_btc!r}, "
                f"day_profit_usd={self.day_profit_usd!r}, "
                f"day_profit_btc_percentage={self.day_profit_btc_percentage!r}, "
                f"day_profit_usd_percentage={self.day_profit_usd_percentage!r}, "
                f"btc_profit={self.btc_profit!r}, "
                f"usd_profit={self.usd_profit!r}, "
                f"btc_profit_percentage={self.btc_profit_percentage!r}, "
                f"usd_profit_percentage={self.usd_profit_percentage!r}, "
                f"total_btc_profit={self.total_btc_profit!r}, "
                f"total_usd_profit={self.total_usd_profit!r}, "
                f"primary_display_currency_amount={self.primary_display_currency_amount!r}, "
                f"primary_display_currency_profit={self.primary_display_currency_profit!r}, "
                f"primary_display_currency_profit_percentage={self.primary_display_currency_profit_percentage!r}, "
                f"day_profit_primary_display_currency={self.day_profit_primary_display_currency!r}, "
                f"day_profit_primary_display_currency_percentage={self.day_profit_primary_display_currency_percentage!r}, "
                f"total_primary_display_currency_profit={self.total_primary_display_currency_profit!r}, "
                f"created_at={self.created_at!r}, "
                f"updated_at={self.updated_at!r}, "
                f"api_key={self.api_key!r}, "
                f"smart_selling_supported={self.smart_selling_supported!r}, "
                f"available_for_trading={self.available_for_trading!r}, "
                f"auto_balance_portfolio={self.auto_balance_portfolio!r}, "
                f"additional_properties={self.additional_properties!r}"
                ")"
            )
        finally:
            seen.discard(id(self))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.id == other.id
            and self.name == other.name
            and self.exchange_name == other.exchange_name
            and self.market_code == other.market_code
            and self.market_icon == other.market_icon
            and self.pretty_display_type == other.pretty_display_type
            and self.supported_market_types == other.supported_market_types
            and self.api_key_invalid == other.api_key_invalid
            and self.api_keys_state == other.api_keys_state
            and self.is_locked == other.is_locked
            and self.lock_reason == other.lock_reason
            and self.smart_trading_supported == other.smart_trading_supported
            and self.trading_supported == other.trading_supported
            and self.market_buy_supported == other.market_buy_supported
            and self.market_sell_supported == other.market_sell_supported
            and self.conditional_buy_supported == other.conditional_buy_supported
            and self.stats_supported == other.stats_supported
            and self.hedge_mode_available == other.hedge_mode_available
            and self.hedge_mode_enabled == other.hedge_mode_enabled
            and self.bots_allowed == other.bots_allowed
            and self.bots_ttp_allowed == other.bots_ttp_allowed
            and self.bots_tsl_allowed == other.bots_tsl_allowed
            and self.gordon_bots_available == other.gordon_bots_available
            and self.multi_bots_allowed == other.multi_bots_allowed
            and self.grid_bots_allowed == other.grid_bots_allowed
            and self.fast_convert_available == other.fast_convert_available
            and self.deposit_enabled == other.deposit_enabled
            and self.include_in_summary == other.include_in_summary
            and self.available_include_in_summary == other.available_include_in_summary
            and self.autobalance_enabled == other.autobalance_enabled
            and self.auto_balance_period == other.auto_balance_period
            and self.auto_balance_portfolio_id == other.auto_balance_portfolio_id
            and self.auto_balance_currency_change_limit == other.auto_balance_currency_change_limit
            and self.auto_balance_method == other.auto_balance_method
            and self.auto_balance_error == other.auto_balance_error
            and self.last_auto_balance == other.last_auto_balance
            and self.customer_id == other.customer_id
            and self.subaccount_name == other.subaccount_name
            and self.btc_amount == other.btc_amount
            and self.usd_amount == other.usd_amount
            and self.day_profit_btc == other.day_profit_btc
            and self.day_profit_usd == other.day_profit_usd
            and self.day_profit_btc_percentage == other.day_profit_btc_percentage
            and self.day_profit_usd_percentage == other.day_profit_usd_percentage
            and self.btc_profit == other.btc_profit
            and self.usd_profit == other.usd_profit
            and self.btc_profit_percentage == other.btc_profit_percentage
            and self.usd_profit_percentage == other.usd_profit_percentage
            and self.total_btc_profit == other.total_btc_profit
            and self.total_usd_profit == other.total_usd_profit
            and self.primary_display_currency_amount == other.primary_display_currency_amount
            and self.primary_display_currency_profit == other.primary_display_currency_profit
            and self.primary_display_currency_profit_percentage
            == other.primary_display_currency_profit_percentage
            and self.day_profit_primary_display_currency
            == other.day_profit_primary_display_currency
            and self.day_profit_primary_display_currency_percentage
            == other.day_profit_primary_display_currency_percentage
            and self.total_primary_display_currency_profit
            == other.total_primary_display_currency_profit
            and self.created_at == other.created_at
            and self.updated_at == other.updated_at
            and self.api_key == other.api_key
            and self.smart_selling_supported == other.smart_selling_supported
            and self.available_for_trading == other.available_for_trading
            and self.auto_balance_portfolio == other.auto_balance_portfolio
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        exchange_name = self.exchange_name

        market_code = self.market_code

        market_icon = self.market_icon

        pretty_display_type = self.pretty_display_type

        supported_market_types = self.supported_market_types

        api_key_invalid = self.api_key_invalid

        api_keys_state = self.api_keys_state

        is_locked = self.is_locked

        lock_reason: None | str
        lock_reason = self.lock_reason

        smart_trading_supported = self.smart_trading_supported

        trading_supported = self.trading_supported

        market_buy_supported = self.market_buy_supported

        market_sell_supported = self.market_sell_supported

        conditional_buy_supported = self.conditional_buy_supported

        stats_supported = self.stats_supported

        hedge_mode_available = self.hedge_mode_available

        hedge_mode_enabled = self.hedge_mode_enabled

        bots_allowed = self.bots_allowed

        bots_ttp_allowed = self.bots_ttp_allowed

        bots_tsl_allowed = self.bots_tsl_allowed

        gordon_bots_available = self.gordon_bots_available

        multi_bots_allowed = self.multi_bots_allowed

        grid_bots_allowed = self.grid_bots_allowed

        fast_convert_available = self.fast_convert_available

        deposit_enabled = self.deposit_enabled

        include_in_summary = self.include_in_summary

        available_include_in_summary = self.available_include_in_summary

        autobalance_enabled = self.autobalance_enabled

        auto_balance_period: int | None
        auto_balance_period = self.auto_balance_period

        auto_balance_portfolio_id: int | None
        auto_balance_portfolio_id = self.auto_balance_portfolio_id

        auto_balance_currency_change_limit = self.auto_balance_currency_change_limit

        auto_balance_method: None | str
        auto_balance_method = self.auto_balance_method

        auto_balance_error: None | str
        auto_balance_error = self.auto_balance_error

        last_auto_balance: None | str
        last_auto_balance = self.last_auto_balance

        customer_id: None | str
        customer_id = self.customer_id

        subaccount_name: None | str
        subaccount_name = self.subaccount_name

        btc_amount = self.btc_amount

        usd_amount = self.usd_amount

        day_profit_btc = self.day_profit_btc

        day_profit_usd = self.day_profit_usd

        day_profit_btc_percentage = self.day_profit_btc_percentage

        day_profit_usd_percentage = self.day_profit_usd_percentage

        btc_profit = self.btc_profit

        usd_profit = self.usd_profit

        btc_profit_percentage = self.btc_profit_percentage

        usd_profit_percentage = self.usd_profit_percentage

        total_btc_profit = self.total_btc_profit

        total_usd_profit = self.total_usd_profit

        primary_display_currency_amount = self.primary_display_currency_amount.to_dict()

        primary_display_currency_profit = self.primary_display_currency_profit.to_dict()

        primary_display_currency_profit_percentage = (
            self.primary_display_currency_profit_percentage.to_dict()
        )

        day_profit_primary_display_currency = self.day_profit_primary_display_currency.to_dict()

        day_profit_primary_display_currency_percentage = (
            self.day_profit_primary_display_currency_percentage.to_dict()
        )

        total_primary_display_currency_profit = self.total_primary_display_currency_profit.to_dict()

        created_at = self.created_at

        updated_at = self.updated_at

        api_key = self.api_key

        smart_selling_supported = self.smart_selling_supported

        available_for_trading: dict[str, Any] | Unset = UNSET
        if not isinstance(self.available_for_trading, Unset):
            available_for_trading = self.available_for_trading.to_dict()

        auto_balance_portfolio = self.auto_balance_portfolio

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "exchange_name": exchange_name,
                "market_code": market_code,
                "market_icon": market_icon,
                "pretty_display_type": pretty_display_type,
                "supported_market_types": supported_market_types,
                "api_key_invalid": api_key_invalid,
                "api_keys_state": api_keys_state,
                "is_locked": is_locked,
                "lock_reason": lock_reason,
                "smart_trading_supported": smart_trading_supported,
                "trading_supported": trading_supported,
                "market_buy_supported": market_buy_supported,
                "market_sell_supported": market_sell_supported,
                "conditional_buy_supported": conditional_buy_supported,
                "stats_supported": stats_supported,
                "hedge_mode_available": hedge_mode_available,
                "hedge_mode_enabled": hedge_mode_enabled,
                "bots_allowed": bots_allowed,
                "bots_ttp_allowed": bots_ttp_allowed,
                "bots_tsl_allowed": bots_tsl_allowed,
                "gordon_bots_available": gordon_bots_available,
                "multi_bots_allowed": multi_bots_allowed,
                "grid_bots_allowed": grid_bots_allowed,
                "fast_convert_available": fast_convert_available,
                "deposit_enabled": deposit_enabled,
                "include_in_summary": include_in_summary,
                "available_include_in_summary": available_include_in_summary,
                "autobalance_enabled": autobalance_enabled,
                "auto_balance_period": auto_balance_period,
                "auto_balance_portfolio_id": auto_balance_portfolio_id,
                "auto_balance_currency_change_limit": auto_balance_currency_change_limit,
                "auto_balance_method": auto_balance_method,
                "auto_balance_error": auto_balance_error,
                "last_auto_balance": last_auto_balance,
                "customer_id": customer_id,
                "subaccount_name": subaccount_name,
                "btc_amount": btc_amount,
                "usd_amount": usd_amount,
                "day_profit_btc": day_profit_btc,
                "day_profit_usd": day_profit_usd,
                "day_profit_btc_percentage": day_profit_btc_percentage,
                "day_profit_usd_percentage": day_profit_usd_percentage,
                "btc_profit": btc_profit,
                "usd_profit": usd_profit,
                "btc_profit_percentage": btc_profit_percentage,
                "usd_profit_percentage": usd_profit_percentage,
                "total_btc_profit": total_btc_profit,
                "total_usd_profit": total_usd_profit,
                "primary_display_currency_amount": primary_display_currency_amount,
                "primary_display_currency_profit": primary_display_currency_profit,
                "primary_display_currency_profit_percentage": primary_display_currency_profit_percentage,
                "day_profit_primary_display_currency": day_profit_primary_display_currency,
                "day_profit_primary_display_currency_percentage": day_profit_primary_display_currency_percentage,
                "total_primary_display_currency_profit": total_primary_display_currency_profit,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if api_key is not UNSET:
            field_dict["api_key"] = api_key
        if smart_selling_supported is not UNSET:
            field_dict["smart_selling_supported"] = smart_selling_supported
        if available_for_trading is not UNSET:
            field_dict["available_for_trading"] = available_for_trading
        if auto_balance_portfolio is not UNSET:
            field_dict["auto_balance_portfolio"] = auto_balance_portfolio

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError("Account: expected a JSON object, got " + type(d).__name__)
        id = d["id"]
        if type(id) is not int and (isinstance(id, bool) or not isinstance(id, int)):
            raise TypeError("id: expected int, got " + type(id).__name__)

        name = d["name"]
        if type(name) is not str and (not isinstance(name, str)):
            raise TypeError("name: expected str, got " + type(name).__name__)

        exchange_name = d["exchange_name"]
        if type(exchange_name) is not str and (not isinstance(exchange_name, str)):
            raise TypeError("exchange_name: expected str, got " + type(exchange_name).__name__)

        market_code = d["market_code"]
        if type(market_code) is not str and (not isinstance(market_code, str)):
            raise TypeError("market_code: expected str, got " + type(market_code).__name__)

        market_icon = d["market_icon"]
        if type(market_icon) is not str and (not isinstance(market_icon, str)):
            raise TypeError("market_icon: expected str, got " + type(market_icon).__name__)

        pretty_display_type = d["pretty_display_type"]
        if type(pretty_display_type) is not str and (not isinstance(pretty_display_type, str)):
            raise TypeError(
                "pretty_display_type: expected str, got " + type(pretty_display_type).__name__
            )

        supported_market_types = d["supported_market_types"]
        if type(supported_market_types) is not list and not isinstance(
            supported_market_types, list | tuple
        ):
            raise TypeError(
                "supported_market_types: expected an array, got "
                + type(supported_market_types).__name__
            )
        for _item in supported_market_types:
            if type(_item) is not str and (not isinstance(_item, str)):
                raise TypeError(
                    "supported_market_types: expected an array of str, got an item of type "
                    + type(_item).__name__
                )

        api_key_invalid = d["api_key_invalid"]
        if type(api_key_invalid) is not bool:
            raise TypeError("api_key_invalid: expected bool, got " + type(api_key_invalid).__name__)

        api_keys_state = d["api_keys_state"]
        if type(api_keys_state) is not str and (not isinstance(api_keys_state, str)):
            raise TypeError("api_keys_state: expected str, got " + type(api_keys_state).__name__)

        is_locked = d["is_locked"]
        if type(is_locked) is not bool:
            raise TypeError("is_locked: expected bool, got " + type(is_locked).__name__)

        lock_reason = d["lock_reason"]
        if (
            type(lock_reason) is not str
            and lock_reason is not None
            and (not isinstance(lock_reason, str))
        ):
            raise TypeError("lock_reason: expected str or null, got " + type(lock_reason).__name__)

        smart_trading_supported = d["smart_trading_supported"]
        if type(smart_trading_supported) is not bool:
            raise TypeError(
                "smart_trading_supported: expected bool, got "
                + type(smart_trading_supported).__name__
            )

        trading_supported = d["trading_supported"]
        if type(trading_supported) is not bool:
            raise TypeError(
                "trading_supported: expected bool, got " + type(trading_supported).__name__
            )

        market_buy_supported = d["market_buy_supported"]
        if type(market_buy_supported) is not bool:
            raise TypeError(
                "market_buy_supported: expected bool, got " + type(market_buy_supported).__name__
            )

        market_sell_supported = d["market_sell_supported"]
        if type(market_sell_supported) is not bool:
            raise TypeError(
                "market_sell_supported: expected bool, got " + type(market_sell_supported).__name__
            )

        conditional_buy_supported = d["conditional_buy_supported"]
        if type(conditional_buy_supported) is not bool:
            raise TypeError(
                "conditional_buy_supported: expected bool, got "
                + type(conditional_buy_supported).__name__
            )

        stats_supported = d["stats_supported"]
        if type(stats_supported) is not bool:
            raise TypeError("stats_supported: expected bool, got " + type(stats_supported).__name__)

        hedge_mode_available = d["hedge_mode_available"]
        if type(hedge_mode_available) is not bool:
            raise TypeError(
                "hedge_mode_available: expected bool, got " + type(hedge_mode_available).__name__
            )

        hedge_mode_enabled = d["hedge_mode_enabled"]
        if type(hedge_mode_enabled) is not bool:
            raise TypeError(
                "hedge_mode_enabled: expected bool, got " + type(hedge_mode_enabled).__name__
            )

        bots_allowed = d["bots_allowed"]
        if type(bots_allowed) is not bool:
            raise TypeError("bots_allowed: expected bool, got " + type(bots_allowed).__name__)

        bots_ttp_allowed = d["bots_ttp_allowed"]
        if type(bots_ttp_allowed) is not bool:
            raise TypeError(
                "bots_ttp_allowed: expected bool, got " + type(bots_ttp_allowed).__name__
            )

        bots_tsl_allowed = d["bots_tsl_allowed"]
        if type(bots_tsl_allowed) is not bool:
            raise TypeError(
                "bots_tsl_allowed: expected bool, got " + type(bots_tsl_allowed).__name__
            )

        gordon_bots_available = d["gordon_bots_available"]
        if type(gordon_bots_available) is not bool:
            raise TypeError(
                "gordon_bots_available: expected bool, got " + type(gordon_bots_available).__name__
            )

        multi_bots_allowed = d["multi_bots_allowed"]
        if type(multi_bots_allowed) is not bool:
            raise TypeError(
                "multi_bots_allowed: expected bool, got " + type(multi_bots_allowed).__name__
            )

        grid_bots_allowed = d["grid_bots_allowed"]
        if type(grid_bots_allowed) is not bool:
            raise TypeError(
                "grid_bots_allowed: expected bool, got " + type(grid_bots_allowed).__name__
            )

        fast_convert_available = d["fast_convert_available"]
        if type(fast_convert_available) is not bool:
            raise TypeError(
                "fast_convert_available: expected bool, got "
                + type(fast_convert_available).__name__
            )

        deposit_enabled = d["deposit_enabled"]
        if type(deposit_enabled) is not bool:
            raise TypeError("deposit_enabled: expected bool, got " + type(deposit_enabled).__name__)

        include_in_summary = d["include_in_summary"]
        if type(include_in_summary) is not bool:
            raise TypeError(
                "include_in_summary: expected bool, got " + type(include_in_summary).__name__
            )

        available_include_in_summary = d["available_include_in_summary"]
        if type(available_include_in_summary) is not bool:
            raise TypeError(
                "available_include_in_summary: expected bool, got "
                + type(available_include_in_summary).__name__
            )

        autobalance_enabled = d["autobalance_enabled"]
        if type(autobalance_enabled) is not bool:
            raise TypeError(
                "autobalance_enabled: expected bool, got " + type(autobalance_enabled).__name__
            )

        auto_balance_period = d["auto_balance_period"]
        if (
            type(auto_balance_period) is not int
            and auto_balance_period is not None
            and (isinstance(auto_balance_period, bool) or not isinstance(auto_balance_period, int))
        ):
            raise TypeError(
                "auto_balance_period: expected int or null, got "
                + type(auto_balance_period).__name__
            )

        auto_balance_portfolio_id = d["auto_balance_portfolio_id"]
        if (
            type(auto_balance_portfolio_id) is not int
            and auto_balance_portfolio_id is not None
            and (
                isinstance(auto_balance_portfolio_id, bool)
                or not isinstance(auto_balance_portfolio_id, int)
            )
        ):
            raise TypeError(
                "auto_balance_portfolio_id: expected int or null, got "
                + type(auto_balance_portfolio_id).__name__
            )

        auto_balance_currency_change_limit = d["auto_balance_currency_change_limit"]

        auto_balance_method = d["auto_balance_method"]
        if (
            type(auto_balance_method) is not str
            and auto_balance_method is not None
            and (not isinstance(auto_balance_method, str))
        ):
            raise TypeError(
                "auto_balance_method: expected str or null, got "
                + type(auto_balance_method).__name__
            )

        auto_balance_error = d["auto_balance_error"]
        if (
            type(auto_balance_error) is not str
            and auto_balance_error is not None
            and (not isinstance(auto_balance_error, str))
        ):
            raise TypeError(
                "auto_balance_error: expected str or null, got " + type(auto_balance_error).__name__
            )

        last_auto_balance = d["last_auto_balance"]
        if (
            type(last_auto_balance) is not str
            and last_auto_balance is not None
            and (not isinstance(last_auto_balance, str))
        ):
            raise TypeError(
                "last_auto_balance: expected str or null, got " + type(last_auto_balance).__name__
            )

        customer_id = d["customer_id"]
        if (
            type(customer_id) is not str
            and customer_id is not None
            and (not isinstance(customer_id, str))
        ):
            raise TypeError("customer_id: expected str or null, got " + type(customer_id).__name__)

        subaccount_name = d["subaccount_name"]
        if (
            type(subaccount_name) is not str
            and subaccount_name is not None
            and (not isinstance(subaccount_name, str))
        ):
            raise TypeError(
                "subaccount_name: expected str or null, got " + type(subaccount_name).__name__
            )

        btc_amount = d["btc_amount"]
        if type(btc_amount) is not str and (not isinstance(btc_amount, str)):
            raise TypeError("btc_amount: expected str, got " + type(btc_amount).__name__)

        usd_amount = d["usd_amount"]
        if type(usd_amount) is not str and (not isinstance(usd_amount, str)):
            raise TypeError("usd_amount: expected str, got " + type(usd_amount).__name__)

        day_profit_btc = d["day_profit_btc"]
        if type(day_profit_btc) is not str and (not isinstance(day_profit_btc, str)):
            raise TypeError("day_profit_btc: expected str, got " + type(day_profit_btc).__name__)

        day_profit_usd = d["day_profit_usd"]
        if type(day_profit_usd) is not str and (not isinstance(day_profit_usd, str)):
            raise TypeError("day_profit_usd: expected str, got " + type(day_profit_usd).__name__)

        day_profit_btc_percentage = d["day_profit_btc_percentage"]
        if type(day_profit_btc_percentage) is not str and (
            not isinstance(day_profit_btc_percentage, str)
        ):
            raise TypeError(
                "day_profit_btc_percentage: expected str, got "
                + type(day_profit_btc_percentage).__name__
            )

        day_profit_usd_percentage = d["day_profit_usd_percentage"]
        if type(day_profit_usd_percentage) is not str and (
            not isinstance(day_profit_usd_percentage, str)
        ):
            raise TypeError(
                "day_profit_usd_percentage: expected str, got "
                + type(day_profit_usd_percentage).__name__
            )

        btc_profit = d["btc_profit"]
        if type(btc_profit) is not str and (not isinstance(btc_profit, str)):
            raise TypeError("btc_profit: expected str, got " + type(btc_profit).__name__)

        usd_profit = d["usd_profit"]
        if type(usd_profit) is not str and (not isinstance(usd_profit, str)):
            raise TypeError("usd_profit: expected str, got " + type(usd_profit).__name__)

        btc_profit_percentage = d["btc_profit_percentage"]
        if type(btc_profit_percentage) is not str and (not isinstance(btc_profit_percentage, str)):
            raise TypeError(
                "btc_profit_percentage: expected str, got " + type(btc_profit_percentage).__name__
            )

        usd_profit_percentage = d["usd_profit_percentage"]
        if type(usd_profit_percentage) is not str and (not isinstance(usd_profit_percentage, str)):
            raise TypeError(
                "usd_profit_percentage: expected str, got " + type(usd_profit_percentage).__name__
            )

        total_btc_profit = d["total_btc_profit"]
        if type(total_btc_profit) is not str and (not isinstance(total_btc_profit, str)):
            raise TypeError(
                "total_btc_profit: expected str, got " + type(total_btc_profit).__name__
            )

        total_usd_profit = d["total_usd_profit"]
        if type(total_usd_profit) is not str and (not isinstance(total_usd_profit, str)):
            raise TypeError(
                "total_usd_profit: expected str, got " + type(total_usd_profit).__name__
            )

        primary_display_currency_amount = _CurrencyAmount_from_dict(
            d["primary_display_currency_amount"]
        )

        primary_display_currency_profit = _CurrencyAmount_from_dict(
            d["primary_display_currency_profit"]
        )

        primary_display_currency_profit_percentage = _CurrencyAmount_from_dict(
            d["primary_display_currency_profit_percentage"]
        )

        day_profit_primary_display_currency = _CurrencyAmount_from_dict(
            d["day_profit_primary_display_currency"]
        )

        day_profit_primary_display_currency_percentage = _CurrencyAmount_from_dict(
            d["day_profit_primary_display_currency_percentage"]
        )

        total_primary_display_currency_profit = _CurrencyAmountNumber_from_dict(
            d["total_primary_display_currency_profit"]
        )

        created_at = d["created_at"]
        if type(created_at) is not str and (not isinstance(created_at, str)):
            raise TypeError("created_at: expected str, got " + type(created_at).__name__)

        updated_at = d["updated_at"]
        if type(updated_at) is not str and (not isinstance(updated_at, str)):
            raise TypeError("updated_at: expected str, got " + type(updated_at).__name__)

        api_key = d.get("api_key", UNSET)
        if type(api_key) is not str and api_key is not UNSET and (not isinstance(api_key, str)):
            raise TypeError("api_key: expected str, got " + type(api_key).__name__)

        smart_selling_supported = d.get("smart_selling_supported", UNSET)
        if type(smart_selling_supported) is not bool and smart_selling_supported is not UNSET:
            raise TypeError(
                "smart_selling_supported: expected bool, got "
                + type(smart_selling_supported).__name__
            )

        available_for_trading = d.get("available_for_trading", UNSET)
        if available_for_trading is not UNSET:
            available_for_trading = _AccountAvailableForTrading_from_dict(available_for_trading)

        auto_balance_portfolio = d.get("auto_balance_portfolio", UNSET)

        _obj = _new(cls)
        _obj.id = id
        _obj.name = name
        _obj.exchange_name = exchange_name
        _obj.market_code = market_code
        _obj.market_icon = market_icon
        _obj.pretty_display_type = pretty_display_type
        _obj.supported_market_types = supported_market_types
        _obj.api_key_invalid = api_key_invalid
        _obj.api_keys_state = api_keys_state
        _obj.is_locked = is_locked
        _obj.lock_reason = lock_reason
        _obj.smart_trading_supported = smart_trading_supported
        _obj.trading_supported = trading_supported
        _obj.market_buy_supported = market_buy_supported
        _obj.market_sell_supported = market_sell_supported
        _obj.conditional_buy_supported = conditional_buy_supported
        _obj.stats_supported = stats_supported
        _obj.hedge_mode_available = hedge_mode_available
        _obj.hedge_mode_enabled = hedge_mode_enabled
        _obj.bots_allowed = bots_allowed
        _obj.bots_ttp_allowed = bots_ttp_allowed
        _obj.bots_tsl_allowed = bots_tsl_allowed
        _obj.gordon_bots_available = gordon_bots_available
        _obj.multi_bots_allowed = multi_bots_allowed
        _obj.grid_bots_allowed = grid_bots_allowed
        _obj.fast_convert_available = fast_convert_available
        _obj.deposit_enabled = deposit_enabled
        _obj.include_in_summary = include_in_summary
        _obj.available_include_in_summary = available_include_in_summary
        _obj.autobalance_enabled = autobalance_enabled
        _obj.auto_balance_period = auto_balance_period
        _obj.auto_balance_portfolio_id = auto_balance_portfolio_id
        _obj.auto_balance_currency_change_limit = auto_balance_currency_change_limit
        _obj.auto_balance_method = auto_balance_method
        _obj.auto_balance_error = auto_balance_error
        _obj.last_auto_balance = last_auto_balance
        _obj.customer_id = customer_id
        _obj.subaccount_name = subaccount_name
        _obj.btc_amount = btc_amount
        _obj.usd_amount = usd_amount
        _obj.day_profit_btc = day_profit_btc
        _obj.day_profit_usd = day_profit_usd
        _obj.day_profit_btc_percentage = day_profit_btc_percentage
        _obj.day_profit_usd_percentage = day_profit_usd_percentage
        _obj.btc_profit = btc_profit
        _obj.usd_profit = usd_profit
        _obj.btc_profit_percentage = btc_profit_percentage
        _obj.usd_profit_percentage = usd_profit_percentage
        _obj.total_btc_profit = total_btc_profit
        _obj.total_usd_profit = total_usd_profit
        _obj.primary_display_currency_amount = primary_display_currency_amount
        _obj.primary_display_currency_profit = primary_display_currency_profit
        _obj.primary_display_currency_profit_percentage = primary_display_currency_profit_percentage
        _obj.day_profit_primary_display_currency = day_profit_primary_display_currency
        _obj.day_profit_primary_display_currency_percentage = (
            day_profit_primary_display_currency_percentage
        )
        _obj.total_primary_display_currency_profit = total_primary_display_currency_profit
        _obj.created_at = created_at
        _obj.updated_at = updated_at
        _obj.api_key = api_key
        _obj.smart_selling_supported = smart_selling_supported
        _obj.available_for_trading = available_for_trading
        _obj.auto_balance_portfolio = auto_balance_portfolio
        if len(d) != 58 and len(d) != 58 + (api_key is not UNSET) + (
            smart_selling_supported is not UNSET
        ) + (available_for_trading is not UNSET) + (auto_balance_portfolio is not UNSET):
            _extra = {
                _key: _value
                for _key, _value in d.items()
                if _key
                not in {
                    "id",
                    "name",
                    "exchange_name",
                    "market_code",
                    "market_icon",
                    "pretty_display_type",
                    "supported_market_types",
                    "api_key_invalid",
                    "api_keys_state",
                    "is_locked",
                    "lock_reason",
                    "smart_trading_supported",
                    "trading_supported",
                    "market_buy_supported",
                    "market_sell_supported",
                    "conditional_buy_supported",
                    "stats_supported",
                    "hedge_mode_available",
                    "hedge_mode_enabled",
                    "bots_allowed",
                    "bots_ttp_allowed",
                    "bots_tsl_allowed",
                    "gordon_bots_available",
                    "multi_bots_allowed",
                    "grid_bots_allowed",
                    "fast_convert_available",
                    "deposit_enabled",
                    "include_in_summary",
                    "available_include_in_summary",
                    "autobalance_enabled",
                    "auto_balance_period",
                    "auto_balance_portfolio_id",
                    "auto_balance_currency_change_limit",
                    "auto_balance_method",
                    "auto_balance_error",
                    "last_auto_balance",
                    "customer_id",
                    "subaccount_name",
                    "btc_amount",
                    "usd_amount",
                    "day_profit_btc",
                    "day_profit_usd",
                    "day_profit_btc_percentage",
                    "day_profit_usd_percentage",
                    "btc_profit",
                    "usd_profit",
                    "btc_profit_percentage",
                    "usd_profit_percentage",
                    "total_btc_profit",
                    "total_usd_profit",
                    "primary_display_currency_amount",
                    "primary_display_currency_profit",
                    "primary_display_currency_profit_percentage",
                    "day_profit_primary_display_currency",
                    "day_profit_primary_display_currency_percentage",
                    "total_primary_display_currency_profit",
                    "created_at",
                    "updated_at",
                    "api_key",
                    "smart_selling_supported",
                    "available_for_trading",
                    "auto_balance_portfolio",
                }
            }
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains


from ..models.account_available_for_trading import AccountAvailableForTrading
from ..models.currency_amount import CurrencyAmount
from ..models.currency_amount_number import CurrencyAmountNumber

_AccountAvailableForTrading_from_dict = AccountAvailableForTrading.from_dict
_CurrencyAmount_from_dict = CurrencyAmount.from_dict
_CurrencyAmountNumber_from_dict = CurrencyAmountNumber.from_dict
