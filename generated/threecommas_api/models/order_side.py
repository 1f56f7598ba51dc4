from enum import StrEnum


class OrderSide(StrEnum):
    """Side of the entry order.

    An argument of this type also takes the plain string of a value.
    """

    BUY = "buy"
    SELL = "sell"
