from enum import StrEnum


class LimitType(StrEnum):
    """Which tool's trading limits `get_currency_rates` returns.

    An argument of this type also takes the plain string of a value.
    """

    BOT = "bot"
    SMART_TRADE = "smart_trade"
