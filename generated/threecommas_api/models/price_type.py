from enum import StrEnum


class PriceType(StrEnum):
    """The order-book price a trigger follows.

    An argument of this type also takes the plain string of a value.
    """

    ASK = "ask"
    BID = "bid"
    LAST = "last"
