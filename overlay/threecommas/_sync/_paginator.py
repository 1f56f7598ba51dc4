# generated from overlay/threecommas/_async/_paginator.py by scripts/unasync.py — do not edit
"""The one driver of paging: it asks for the pages of a `PageWalk`, one after the other.

The rule of the walk (the bounds, when it ends) is in `threecommas._pagination`; how a page is
requested is the caller's `fetch`, so the same loop serves `iter_all` and the watch's sweeps.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeVar

from threecommas._pagination import Fetch, PageWalk

__all__ = ["pages"]

T = TypeVar("T")


def pages(walk: PageWalk, fetch: Fetch[T]) -> Iterator[list[T]]:
    """Each page of the walk, fetched lazily: the next is asked for only once this one has been
    consumed, and none after the last."""
    page: int | None = walk.first
    while page is not None:
        batch = fetch(page)
        yield batch
        page = walk.after(page, len(batch))
