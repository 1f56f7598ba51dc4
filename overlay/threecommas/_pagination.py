"""Paging, written once and without I/O: the bounds of a paged operation and the rule of a walk.

The API's lists (`list_smart_trades`, `list_accounts`) answer a plain array with no paging
information, so the only sign of the last page is a page shorter than asked for. Each
operation's bounds (`page` and `per_page`: their minimum and maximum) are read from the schemas
of those parameters (`_params.parameter_schemas`, the one reader of the document's parameters),
so that a change of the document changes every walk.
`_async/_paginator` drives a `PageWalk` with requests; `list`, `iter_all` and the watch's sweeps
all go through it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from threecommas._params import parameter_schemas
from threecommas._validation import check_int_range

__all__ = [
    "Fetch",
    "FetchAsync",
    "PageBounds",
    "PageWalk",
    "check_one",
    "check_page",
    "page_bounds",
]

T = TypeVar("T")
#: One page of a walk, by its number (the request, sent by the caller's own path).
Fetch = Callable[[int], list[T]]
FetchAsync = Callable[[int], Awaitable[list[T]]]


# Plain classes with slots, not a NamedTuple or a dataclass: those are built when the module is
# imported, and every client imports it (about 0.6 ms of a cold start).
class PageBounds:
    """The range of `page` and of `per_page` that an operation takes."""

    __slots__ = ("page", "per_page")

    def __init__(self, page: tuple[int, int], per_page: tuple[int, int]) -> None:
        self.page = page
        self.per_page = per_page

    def __repr__(self) -> str:
        return f"PageBounds(page={self.page!r}, per_page={self.per_page!r})"


def page_bounds(operation_id: str) -> PageBounds:
    """The paging bounds of `operation_id`, from its parameters' schemas."""
    schemas = parameter_schemas(operation_id)
    page, size = schemas["page"], schemas["per_page"]
    return PageBounds((page["minimum"], page["maximum"]), (size["minimum"], size["maximum"]))


def check_page(operation_id: str, name: str, value: object) -> int:
    """`value` as the `page` or `per_page` of `operation_id`: a plain int within its bounds."""
    low, high = getattr(page_bounds(operation_id), name)
    return check_int_range(name, value, low, high)


def check_one(operation_id: str, page: object, per_page: object) -> tuple[int | None, int | None]:
    """The paging of one page (`list`): each None (not sent: the API's default) or in range."""
    checked_page = None if page is None else check_page(operation_id, "page", page)
    checked_size = None if per_page is None else check_page(operation_id, "per_page", per_page)
    return checked_page, checked_size


class PageWalk:
    """A walk over the pages of one operation: where it starts, its page size, where it ends
    (`last`: the operation's largest page number; the walk never asks past it)."""

    __slots__ = ("first", "last", "per_page")

    def __init__(self, first: int, per_page: int, last: int) -> None:
        self.first = first
        self.per_page = per_page
        self.last = last

    def __repr__(self) -> str:
        return f"PageWalk(first={self.first}, per_page={self.per_page}, last={self.last})"

    @classmethod
    def checked(cls, operation_id: str, page: object, per_page: object) -> PageWalk:
        """The walk of `iter_all` (or a sweep): from `page` (1 when None), `per_page` a page."""
        first = 1 if page is None else check_page(operation_id, "page", page)
        size = check_page(operation_id, "per_page", per_page)
        return cls(first, size, page_bounds(operation_id).page[1])

    def after(self, page: int, received: int) -> int | None:
        """The page after `page`, or None when `page` was the last (shorter than `per_page`,
        or the largest page the operation takes)."""
        if received < self.per_page or page >= self.last:
            return None
        return page + 1
