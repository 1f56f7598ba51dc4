from enum import StrEnum


class PositionOrderType(StrEnum):
    """Order type of the entry.

    An argument of this type also takes the plain string of a value.
    """

    CONDITIONAL = "conditional"
    LIMIT = "limit"
    MARKET = "market"
