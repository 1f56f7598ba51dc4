from enum import StrEnum


class SmartTradeOrderBy(StrEnum):
    """Sort key of the list.

    An argument of this type also takes the plain string of a value.
    """

    CLOSED_AT = "closed_at"
    CREATED_AT = "created_at"
    PROFIT = "profit"
    PROFIT_PERCENTAGE = "profit_percentage"
    STATUS = "status"
    UPDATED_AT = "updated_at"
