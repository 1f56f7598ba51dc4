from enum import StrEnum


class OrderDirection(StrEnum):
    """Sort direction of the list.

    An argument of this type also takes the plain string of a value.
    """

    ASC = "asc"
    DESC = "desc"
