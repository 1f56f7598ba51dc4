from enum import StrEnum


class OrderType(StrEnum):
    """Order type of a take-profit step, stop loss, condition, added or reduced funds.

    An argument of this type also takes the plain string of a value.
    """

    LIMIT = "limit"
    MARKET = "market"
