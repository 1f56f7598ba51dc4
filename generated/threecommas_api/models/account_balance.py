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
    class AccountBalance:
        currency_code: str
        position: float | str
        position_available: float | str
        on_orders: float | str
        currency_name: None | str | Unset = UNSET
        currency_icon: None | str | Unset = UNSET
        currency_slug: None | str | Unset = UNSET
        percentage: float | None | str | Unset = UNSET
        position_type: float | None | str | Unset = UNSET
        borrowed: float | None | str | Unset = UNSET
        on_orders_with_leverage: float | None | str | Unset = UNSET
        on_orders_long: float | None | str | Unset = UNSET
        on_orders_short: float | None | str | Unset = UNSET
        equity: float | None | str | Unset = UNSET
        current_price: float | None | str | Unset = UNSET
        current_price_usd: float | None | str | Unset = UNSET
        day_change_percent: float | None | str | Unset = UNSET
        day_change_percent_btc: float | None | str | Unset = UNSET
        day_change_percent_usd: float | None | str | Unset = UNSET
        btc_value: float | None | str | Unset = UNSET
        usd_value: float | None | str | Unset = UNSET
        available_long: float | None | str | Unset = UNSET
        available_short: float | None | str | Unset = UNSET
        available_with_leverage_long: float | None | str | Unset = UNSET
        available_with_leverage_short: float | None | str | Unset = UNSET
        account_id: int | Unset = UNSET
        is_wallet: bool | Unset = UNSET
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return AccountBalance


@_lazy_additional_properties
class AccountBalance:
    """One currency of an account's balances table. The docs type every figure as a string;
    their examples send JSON numbers (`9.52e-05`), so each figure is a number or a decimal
    string (the test server sends strings; `Decimal(str(value))` reads both). `position` is
    the whole balance, `position_available` the free part, `on_orders` what open orders hold.

    """

    __slots__ = (
        "__weakref__",
        "account_id",
        "additional_properties",
        "available_long",
        "available_short",
        "available_with_leverage_long",
        "available_with_leverage_short",
        "borrowed",
        "btc_value",
        "currency_code",
        "currency_icon",
        "currency_name",
        "currency_slug",
        "current_price",
        "current_price_usd",
        "day_change_percent",
        "day_change_percent_btc",
        "day_change_percent_usd",
        "equity",
        "is_wallet",
        "on_orders",
        "on_orders_long",
        "on_orders_short",
        "on_orders_with_leverage",
        "percentage",
        "position",
        "position_available",
        "position_type",
        "usd_value",
    )
    __match_args__ = (
        "currency_code",
        "position",
        "position_available",
        "on_orders",
        "currency_name",
        "currency_icon",
        "currency_slug",
        "percentage",
        "position_type",
        "borrowed",
        "on_orders_with_leverage",
        "on_orders_long",
        "on_orders_short",
        "equity",
        "current_price",
        "current_price_usd",
        "day_change_percent",
        "day_change_percent_btc",
        "day_change_percent_usd",
        "btc_value",
        "usd_value",
        "available_long",
        "available_short",
        "available_with_leverage_long",
        "available_with_leverage_short",
        "account_id",
        "is_wallet",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    currency_code: str
    """ The currency (`USDT`). """
    position: float | str
    """ The whole balance of the currency. """
    position_available: float | str
    """ What is free (not on orders, not borrowed). """
    on_orders: float | str
    """ Held by open orders. """
    currency_name: None | str | Unset
    """ Its full name. """
    currency_icon: None | str | Unset
    """ URL of its icon. """
    currency_slug: None | str | Unset
    """ Its slug. """
    percentage: float | None | str | Unset
    """ Share of the account's value, in percent. """
    position_type: float | None | str | Unset
    """ `long`, `short`, or 0/null. """
    borrowed: float | None | str | Unset
    """ Borrowed. """
    on_orders_with_leverage: float | None | str | Unset
    """ On orders, leverage applied. """
    on_orders_long: float | None | str | Unset
    """ On long orders. """
    on_orders_short: float | None | str | Unset
    """ On short orders. """
    equity: float | None | str | Unset
    """ Equity. """
    current_price: float | None | str | Unset
    """ Price in BTC. """
    current_price_usd: float | None | str | Unset
    """ Price in USD. """
    day_change_percent: float | None | str | Unset
    """ Change over a day, in percent. """
    day_change_percent_btc: float | None | str | Unset
    """ Change over a day in BTC, in percent. """
    day_change_percent_usd: float | None | str | Unset
    """ Change over a day in USD, in percent. """
    btc_value: float | None | str | Unset
    """ Value in BTC. """
    usd_value: float | None | str | Unset
    """ Value in USD. """
    available_long: float | None | str | Unset
    """ Available for long positions. """
    available_short: float | None | str | Unset
    """ Available for short positions. """
    available_with_leverage_long: float | None | str | Unset
    """ Available for longs with leverage. """
    available_with_leverage_short: float | None | str | Unset
    """ Available for shorts with leverage. """
    account_id: int | Unset
    """ The account. """
    is_wallet: bool | Unset
    """ Whether the account is a wallet. """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        currency_code: str,
        position: float | str,
        position_available: float | str,
        on_orders: float | str,
        currency_name: None | str | Unset = UNSET,
        currency_icon: None | str | Unset = UNSET,
        currency_slug: None | str | Unset = UNSET,
        percentage: float | None | str | Unset = UNSET,
        position_type: float | None | str | Unset = UNSET,
        borrowed: float | None | str | Unset = UNSET,
        on_orders_with_leverage: float | None | str | Unset = UNSET,
        on_orders_long: float | None | str | Unset = UNSET,
        on_orders_short: float | None | str | Unset = UNSET,
        equity: float | None | str | Unset = UNSET,
        current_price: float | None | str | Unset = UNSET,
        current_price_usd: float | None | str | Unset = UNSET,
        day_change_percent: float | None | str | Unset = UNSET,
        day_change_percent_btc: float | None | str | Unset = UNSET,
        day_change_percent_usd: float | None | str | Unset = UNSET,
        btc_value: float | None | str | Unset = UNSET,
        usd_value: float | None | str | Unset = UNSET,
        available_long: float | None | str | Unset = UNSET,
        available_short: float | None | str | Unset = UNSET,
        available_with_leverage_long: float | None | str | Unset = UNSET,
        available_with_leverage_short: float | None | str | Unset = UNSET,
        account_id: int | Unset = UNSET,
        is_wallet: bool | Unset = UNSET,
    ) -> None:
        self.currency_code = currency_code
        self.position = position
        self.position_available = position_available
        self.on_orders = on_orders
        self.currency_name = currency_name
        self.currency_icon = currency_icon
        self.currency_slug = currency_slug
        self.percentage = percentage
        self.position_type = position_type
        self.borrowed = borrowed
        self.on_orders_with_leverage = on_orders_with_leverage
        self.on_orders_long = on_orders_long
        self.on_orders_short = on_orders_short
        self.equity = equity
        self.current_price = current_price
        self.current_price_usd = current_price_usd
        self.day_change_percent = day_change_percent
        self.day_change_percent_btc = day_change_percent_btc
        self.day_change_percent_usd = day_change_percent_usd
        self.btc_value = btc_value
        self.usd_value = usd_value
        self.available_long = available_long
        self.available_short = available_short
        self.available_with_leverage_long = available_with_leverage_long
        self.available_with_leverage_short = available_with_leverage_short
        self.account_id = account_id
        self.is_wallet = is_wallet
        self.additional_properties = {}

    def __repr__(self) -> str:
        seen = _repr_seen()
        if id(self) in seen:
            return "..."
        seen.add(id(self))
        try:
            return (
                f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}("
                f"currency_code={self.currency_code!r}, "
                f"position={self.position!r}, "
                f"position_available={self.position_available!r}, "
                f"on_orders={self.on_orders!r}, "
                f"currency_name={self.currency_name!r}, "
                f"currency_icon={self.currency_icon!r}, "
                f"currency_slug={self.currency_slug!r}, "
                f"percentage={self.percentage!r}, "
                f"position_type={self.position_type!r}, "
                f"borrowed={self.borrowed!r}, "
                f"on_orders_with_leverage={self.on_orders_with_leverage!r}, "
                f"on_orders_long={self.on_orders_long!r}, "
                f"on_orders_short={self.on_orders_short!r}, "
                f"equity={self.equity!r}, "
                f"current_price={self.current_price!r}, "
                f"current_price_usd={self.current_price_usd!r}, "
                f"day_change_percent={self.day_change_percent!r}, "
                f"day_change_percent_btc={self.day_change_percent_btc!r}, "
                f"day_change_percent_usd={self.day_change_percent_usd!r}, "
                f"btc_value={self.btc_value!r}, "
                f"usd_value={self.usd_value!r}, "
                f"available_long={self.available_long!r}, "
                f"available_short={self.available_short!r}, "
                f"available_with_leverage_long={self.available_with_leverage_long!r}, "
                f"available_with_leverage_short={self.available_with_leverage_short!r}, "
                f"account_id={self.account_id!r}, "
                f"is_wallet={self.is_wallet!r}, "
                f"additional_properties={self.additional_properties!r}"
                ")"
            )
        finally:
            seen.discard(id(self))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.currency_code == other.currency_code
            and self.position == other.position
            and self.position_available == other.position_available
            and self.on_orders == other.on_orders
            and self.currency_name == other.currency_name
            and self.currency_icon == other.currency_icon
            and self.currency_slug == other.currency_slug
            and self.percentage == other.percentage
            and self.position_type == other.position_type
            and self.borrowed == other.borrowed
            and self.on_orders_with_leverage == other.on_orders_with_leverage
            and self.on_orders_long == other.on_orders_long
            and self.on_orders_short == other.on_orders_short
            and self.equity == other.equity
            and self.current_price == other.current_price
            and self.current_price_usd == other.current_price_usd
            and self.day_change_percent == other.day_change_percent
            and self.day_change_percent_btc == other.day_change_percent_btc
            and self.day_change_percent_usd == other.day_change_percent_usd
            and self.btc_value == other.btc_value
            and self.usd_value == other.usd_value
            and self.available_long == other.available_long
            and self.available_short == other.available_short
            and self.available_with_leverage_long == other.available_with_leverage_long
            and self.available_with_leverage_short == other.available_with_leverage_short
            and self.account_id == other.account_id
            and self.is_wallet == other.is_wallet
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        currency_code = self.currency_code

        position: float | str
        position = self.position

        position_available: float | str
        position_available = self.position_available

        on_orders: float | str
        on_orders = self.on_orders

        currency_name: None | str | Unset
        if isinstance(self.currency_name, Unset):
            currency_name = UNSET
        else:
            currency_name = self.currency_name

        currency_icon: None | str | Unset
        if isinstance(self.currency_icon, Unset):
            currency_icon = UNSET
        else:
            currency_icon = self.currency_icon

        currency_slug: None | str | Unset
        if isinstance(self.currency_slug, Unset):
            currency_slug = UNSET
        else:
            currency_slug = self.currency_slug

        percentage: float | None | str | Unset
        if isinstance(self.percentage, Unset):
            percentage = UNSET
        else:
            percentage = self.percentage

        position_type: float | None | str | Unset
        if isinstance(self.position_type, Unset):
            position_type = UNSET
        else:
            position_type = self.position_type

        borrowed: float | None | str | Unset
        if isinstance(self.borrowed, Unset):
            borrowed = UNSET
        else:
            borrowed = self.borrowed

        on_orders_with_leverage: float | None | str | Unset
        if isinstance(self.on_orders_with_leverage, Unset):
            on_orders_with_leverage = UNSET
        else:
            on_orders_with_leverage = self.on_orders_with_leverage

        on_orders_long: float | None | str | Unset
        if isinstance(self.on_orders_long, Unset):
            on_orders_long = UNSET
        else:
            on_orders_long = self.on_orders_long

        on_orders_short: float | None | str | Unset
        if isinstance(self.on_orders_short, Unset):
            on_orders_short = UNSET
        else:
            on_orders_short = self.on_orders_short

        equity: float | None | str | Unset
        if isinstance(self.equity, Unset):
            equity = UNSET
        else:
            equity = self.equity

        current_price: float | None | str | Unset
        if isinstance(self.current_price, Unset):
            current_price = UNSET
        else:
            current_price = self.current_price

        current_price_usd: float | None | str | Unset
        if isinstance(self.current_price_usd, Unset):
            current_price_usd = UNSET
        else:
            current_price_usd = self.current_price_usd

        day_change_percent: float | None | str | Unset
        if isinstance(self.day_change_percent, Unset):
            day_change_percent = UNSET
        else:
            day_change_percent = self.day_change_percent

        day_change_percent_btc: float | None | str | Unset
        if isinstance(self.day_change_percent_btc, Unset):
            day_change_percent_btc = UNSET
        else:
            day_change_percent_btc = self.day_change_percent_btc

        day_change_percent_usd: float | None | str | Unset
        if isinstance(self.day_change_percent_usd, Unset):
            day_change_percent_usd = UNSET
        else:
            day_change_percent_usd = self.day_change_percent_usd

        btc_value: float | None | str | Unset
        if isinstance(self.btc_value, Unset):
            btc_value = UNSET
        else:
            btc_value = self.btc_value

        usd_value: float | None | str | Unset
        if isinstance(self.usd_value, Unset):
            usd_value = UNSET
        else:
            usd_value = self.usd_value

        available_long: float | None | str | Unset
        if isinstance(self.available_long, Unset):
            available_long = UNSET
        else:
            available_long = self.available_long

        available_short: float | None | str | Unset
        if isinstance(self.available_short, Unset):
            available_short = UNSET
        else:
            available_short = self.available_short

        available_with_leverage_long: float | None | str | Unset
        if isinstance(self.available_with_leverage_long, Unset):
            available_with_leverage_long = UNSET
        else:
            available_with_leverage_long = self.available_with_leverage_long

        available_with_leverage_short: float | None | str | Unset
        if isinstance(self.available_with_leverage_short, Unset):
            available_with_leverage_short = UNSET
        else:
            available_with_leverage_short = self.available_with_leverage_short

        account_id = self.account_id

        is_wallet = self.is_wallet

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency_code": currency_code,
                "position": position,
                "position_available": position_available,
                "on_orders": on_orders,
            }
        )
        if currency_name is not UNSET:
            field_dict["currency_name"] = currency_name
        if currency_icon is not UNSET:
            field_dict["currency_icon"] = currency_icon
        if currency_slug is not UNSET:
            field_dict["currency_slug"] = currency_slug
        if percentage is not UNSET:
            field_dict["percentage"] = percentage
        if position_type is not UNSET:
            field_dict["position_type"] = position_type
        if borrowed is not UNSET:
            field_dict["borrowed"] = borrowed
        if on_orders_with_leverage is not UNSET:
            field_dict["on_orders_with_leverage"] = on_orders_with_leverage
        if on_orders_long is not UNSET:
            field_dict["on_orders_long"] = on_orders_long
        if on_orders_short is not UNSET:
            field_dict["on_orders_short"] = on_orders_short
        if equity is not UNSET:
            field_dict["equity"] = equity
        if current_price is not UNSET:
            field_dict["current_price"] = current_price
        if current_price_usd is not UNSET:
            field_dict["current_price_usd"] = current_price_usd
        if day_change_percent is not UNSET:
            field_dict["day_change_percent"] = day_change_percent
        if day_change_percent_btc is not UNSET:
            field_dict["day_change_percent_btc"] = day_change_percent_btc
        if day_change_percent_usd is not UNSET:
            field_dict["day_change_percent_usd"] = day_change_percent_usd
        if btc_value is not UNSET:
            field_dict["btc_value"] = btc_value
        if usd_value is not UNSET:
            field_dict["usd_value"] = usd_value
        if available_long is not UNSET:
            field_dict["available_long"] = available_long
        if available_short is not UNSET:
            field_dict["available_short"] = available_short
        if available_with_leverage_long is not UNSET:
            field_dict["available_with_leverage_long"] = available_with_leverage_long
        if available_with_leverage_short is not UNSET:
            field_dict["available_with_leverage_short"] = available_with_leverage_short
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if is_wallet is not UNSET:
            field_dict["is_wallet"] = is_wallet

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError("AccountBalance: expected a JSON object, got " + type(d).__name__)
        currency_code = d["currency_code"]
        if type(currency_code) is not str and (not isinstance(currency_code, str)):
            raise TypeError("currency_code: expected str, got " + type(currency_code).__name__)

        position = d["position"]
        if type(position) is not float and (
            isinstance(position, bool) or not isinstance(position, (float, int, str))
        ):
            raise TypeError(
                "position: expected float or int or str, got " + type(position).__name__
            )

        position_available = d["position_available"]
        if type(position_available) is not float and (
            isinstance(position_available, bool)
            or not isinstance(position_available, (float, int, str))
        ):
            raise TypeError(
                "position_available: expected float or int or str, got "
                + type(position_available).__name__
            )

        on_orders = d["on_orders"]
        if type(on_orders) is not float and (
            isinstance(on_orders, bool) or not isinstance(on_orders, (float, int, str))
        ):
            raise TypeError(
                "on_orders: expected float or int or str, got " + type(on_orders).__name__
            )

        currency_name = d.get("currency_name", UNSET)
        if (
            type(currency_name) is not str
            and currency_name is not None
            and currency_name is not UNSET
            and (not isinstance(currency_name, str))
        ):
            raise TypeError(
                "currency_name: expected str or null, got " + type(currency_name).__name__
            )

        currency_icon = d.get("currency_icon", UNSET)
        if (
            type(currency_icon) is not str
            and currency_icon is not None
            and currency_icon is not UNSET
            and (not isinstance(currency_icon, str))
        ):
            raise TypeError(
                "currency_icon: expected str or null, got " + type(currency_icon).__name__
            )

        currency_slug = d.get("currency_slug", UNSET)
        if (
            type(currency_slug) is not str
            and currency_slug is not None
            and currency_slug is not UNSET
            and (not isinstance(currency_slug, str))
        ):
            raise TypeError(
                "currency_slug: expected str or null, got " + type(currency_slug).__name__
            )

        percentage = d.get("percentage", UNSET)
        if (
            type(percentage) is not float
            and percentage is not None
            and percentage is not UNSET
            and (isinstance(percentage, bool) or not isinstance(percentage, (float, int, str)))
        ):
            raise TypeError(
                "percentage: expected float or int or str or null, got " + type(percentage).__name__
            )

        position_type = d.get("position_type", UNSET)
        if (
            type(position_type) is not float
            and position_type is not None
            and position_type is not UNSET
            and (
                isinstance(position_type, bool) or not isinstance(position_type, (float, int, str))
            )
        ):
            raise TypeError(
                "position_type: expected float or int or str or null, got "
                + type(position_type).__name__
            )

        borrowed = d.get("borrowed", UNSET)
        if (
            type(borrowed) is not float
            and borrowed is not None
            and borrowed is not UNSET
            and (isinstance(borrowed, bool) or not isinstance(borrowed, (float, int, str)))
        ):
            raise TypeError(
                "borrowed: expected float or int or str or null, got " + type(borrowed).__name__
            )

        on_orders_with_leverage = d.get("on_orders_with_leverage", UNSET)
        if (
            type(on_orders_with_leverage) is not float
            and on_orders_with_leverage is not None
            and on_orders_with_leverage is not UNSET
            and (
                isinstance(on_orders_with_leverage, bool)
                or not isinstance(on_orders_with_leverage, (float, int, str))
            )
        ):
            raise TypeError(
                "on_orders_with_leverage: expected float or int or str or null, got "
                + type(on_orders_with_leverage).__name__
            )

        on_orders_long = d.get("on_orders_long", UNSET)
        if (
            type(on_orders_long) is not float
            and on_orders_long is not None
            and on_orders_long is not UNSET
            and (
                isinstance(on_orders_long, bool)
                or not isinstance(on_orders_long, (float, int, str))
            )
        ):
            raise TypeError(
                "on_orders_long: expected float or int or str or null, got "
                + type(on_orders_long).__name__
            )

        on_orders_short = d.get("on_orders_short", UNSET)
        if (
            type(on_orders_short) is not float
            and on_orders_short is not None
            and on_orders_short is not UNSET
            and (
                isinstance(on_orders_short, bool)
                or not isinstance(on_orders_short, (float, int, str))
            )
        ):
            raise TypeError(
                "on_orders_short: expected float or int or str or null, got "
                + type(on_orders_short).__name__
            )

        equity = d.get("equity", UNSET)
        if (
            type(equity) is not float
            and equity is not None
            and equity is not UNSET
            and (isinstance(equity, bool) or not isinstance(equity, (float, int, str)))
        ):
            raise TypeError(
                "equity: expected float or int or str or null, got " + type(equity).__name__
            )

        current_price = d.get("current_price", UNSET)
        if (
            type(current_price) is not float
            and current_price is not None
            and current_price is not UNSET
            and (
                isinstance(current_price, bool) or not isinstance(current_price, (float, int, str))
            )
        ):
            raise TypeError(
                "current_price: expected float or int or str or null, got "
                + type(current_price).__name__
            )

        current_price_usd = d.get("current_price_usd", UNSET)
        if (
            type(current_price_usd) is not float
            and current_price_usd is not None
            and current_price_usd is not UNSET
            and (
                isinstance(current_price_usd, bool)
                or not isinstance(current_price_usd, (float, int, str))
            )
        ):
            raise TypeError(
                "current_price_usd: expected float or int or str or null, got "
                + type(current_price_usd).__name__
            )

        day_change_percent = d.get("day_change_percent", UNSET)
        if (
            type(day_change_percent) is not float
            and day_change_percent is not None
            and day_change_percent is not UNSET
            and (
                isinstance(day_change_percent, bool)
                or not isinstance(day_change_percent, (float, int, str))
            )
        ):
            raise TypeError(
                "day_change_percent: expected float or int or str or null, got "
                + type(day_change_percent).__name__
            )

        day_change_percent_btc = d.get("day_change_percent_btc", UNSET)
        if (
            type(day_change_percent_btc) is not float
            and day_change_percent_btc is not None
            and day_change_percent_btc is not UNSET
            and (
                isinstance(day_change_percent_btc, bool)
                or not isinstance(day_change_percent_btc, (float, int, str))
            )
        ):
            raise TypeError(
                "day_change_percent_btc: expected float or int or str or null, got "
                + type(day_change_percent_btc).__name__
            )

        day_change_percent_usd = d.get("day_change_percent_usd", UNSET)
        if (
            type(day_change_percent_usd) is not float
            and day_change_percent_usd is not None
            and day_change_percent_usd is not UNSET
            and (
                isinstance(day_change_percent_usd, bool)
                or not isinstance(day_change_percent_usd, (float, int, str))
            )
        ):
            raise TypeError(
                "day_change_percent_usd: expected float or int or str or null, got "
                + type(day_change_percent_usd).__name__
            )

        btc_value = d.get("btc_value", UNSET)
        if (
            type(btc_value) is not float
            and btc_value is not None
            and btc_value is not UNSET
            and (isinstance(btc_value, bool) or not isinstance(btc_value, (float, int, str)))
        ):
            raise TypeError(
                "btc_value: expected float or int or str or null, got " + type(btc_value).__name__
            )

        usd_value = d.get("usd_value", UNSET)
        if (
            type(usd_value) is not float
            and usd_value is not None
            and usd_value is not UNSET
            and (isinstance(usd_value, bool) or not isinstance(usd_value, (float, int, str)))
        ):
            raise TypeError(
                "usd_value: expected float or int or str or null, got " + type(usd_value).__name__
            )

        available_long = d.get("available_long", UNSET)
        if (
            type(available_long) is not float
            and available_long is not None
            and available_long is not UNSET
            and (
                isinstance(available_long, bool)
                or not isinstance(available_long, (float, int, str))
            )
        ):
            raise TypeError(
                "available_long: expected float or int or str or null, got "
                + type(available_long).__name__
            )

        available_short = d.get("available_short", UNSET)
        if (
            type(available_short) is not float
            and available_short is not None
            and available_short is not UNSET
            and (
                isinstance(available_short, bool)
                or not isinstance(available_short, (float, int, str))
            )
        ):
            raise TypeError(
                "available_short: expected float or int or str or null, got "
                + type(available_short).__name__
            )

        available_with_leverage_long = d.get("available_with_leverage_long", UNSET)
        if (
            type(available_with_leverage_long) is not float
            and available_with_leverage_long is not None
            and available_with_leverage_long is not UNSET
            and (
                isinstance(available_with_leverage_long, bool)
                or not isinstance(available_with_leverage_long, (float, int, str))
            )
        ):
            raise TypeError(
                "available_with_leverage_long: expected float or int or str or null, got "
                + type(available_with_leverage_long).__name__
            )

        available_with_leverage_short = d.get("available_with_leverage_short", UNSET)
        if (
            type(available_with_leverage_short) is not float
            and available_with_leverage_short is not None
            and available_with_leverage_short is not UNSET
            and (
                isinstance(available_with_leverage_short, bool)
                or not isinstance(available_with_leverage_short, (float, int, str))
            )
        ):
            raise TypeError(
                "available_with_leverage_short: expected float or int or str or null, got "
                + type(available_with_leverage_short).__name__
            )

        account_id = d.get("account_id", UNSET)
        if (
            type(account_id) is not int
            and account_id is not UNSET
            and (isinstance(account_id, bool) or not isinstance(account_id, int))
        ):
            raise TypeError("account_id: expected int, got " + type(account_id).__name__)

        is_wallet = d.get("is_wallet", UNSET)
        if type(is_wallet) is not bool and is_wallet is not UNSET:
            raise TypeError("is_wallet: expected bool, got " + type(is_wallet).__name__)

        _obj = _new(cls)
        _obj.currency_code = currency_code
        _obj.position = position
        _obj.position_available = position_available
        _obj.on_orders = on_orders
        _obj.currency_name = currency_name
        _obj.currency_icon = currency_icon
        _obj.currency_slug = currency_slug
        _obj.percentage = percentage
        _obj.position_type = position_type
        _obj.borrowed = borrowed
        _obj.on_orders_with_leverage = on_orders_with_leverage
        _obj.on_orders_long = on_orders_long
        _obj.on_orders_short = on_orders_short
        _obj.equity = equity
        _obj.current_price = current_price
        _obj.current_price_usd = current_price_usd
        _obj.day_change_percent = day_change_percent
        _obj.day_change_percent_btc = day_change_percent_btc
        _obj.day_change_percent_usd = day_change_percent_usd
        _obj.btc_value = btc_value
        _obj.usd_value = usd_value
        _obj.available_long = available_long
        _obj.available_short = available_short
        _obj.available_with_leverage_long = available_with_leverage_long
        _obj.available_with_leverage_short = available_with_leverage_short
        _obj.account_id = account_id
        _obj.is_wallet = is_wallet
        if len(d) != 4 and len(d) != 4 + (currency_name is not UNSET) + (
            currency_icon is not UNSET
        ) + (currency_slug is not UNSET) + (percentage is not UNSET) + (
            position_type is not UNSET
        ) + (borrowed is not UNSET) + (on_orders_with_leverage is not UNSET) + (
            on_orders_long is not UNSET
        ) + (on_orders_short is not UNSET) + (equity is not UNSET) + (
            current_price is not UNSET
        ) + (current_price_usd is not UNSET) + (day_change_percent is not UNSET) + (
            day_change_percent_btc is not UNSET
        ) + (day_change_percent_usd is not UNSET) + (btc_value is not UNSET) + (
            usd_value is not UNSET
        ) + (available_long is not UNSET) + (available_short is not UNSET) + (
            available_with_leverage_long is not UNSET
        ) + (available_with_leverage_short is not UNSET) + (account_id is not UNSET) + (
            is_wallet is not UNSET
        ):
            _extra = {
                _key: _value
                for _key, _value in d.items()
                if _key
                not in {
                    "currency_code",
                    "position",
                    "position_available",
                    "on_orders",
                    "currency_name",
                    "currency_icon",
                    "currency_slug",
                    "percentage",
                    "position_type",
                    "borrowed",
                    "on_orders_with_leverage",
                    "on_orders_long",
                    "on_orders_short",
                    "equity",
                    "current_price",
                    "current_price_usd",
                    "day_change_percent",
                    "day_change_percent_btc",
                    "day_change_percent_usd",
                    "btc_value",
                    "usd_value",
                    "available_long",
                    "available_short",
                    "available_with_leverage_long",
                    "available_with_leverage_short",
                    "account_id",
                    "is_wallet",
                }
            }
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains
