"""Strict response parsing on top of the generated `parse_response` of each operation.

The generated parsers are lenient where the SDK must not be: for a 2xx status the operation does
not document they return None, and the list parsers iterate whatever JSON came back (a `{}`
body becomes `[]`). Here both are errors (`ValueError`), which the request policy reports as
`ResponseParseError` with the body.

Each parser finds its generated module through the operation catalogue, on first use.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from functools import cache
from types import ModuleType
from typing import Any, TypeVar

import httpx

from threecommas_api._catalogue import BY_ID
from threecommas_api.models.smart_trade import SmartTrade

__all__ = ["Parser", "endpoint", "order_answer", "strict_list", "strict_object"]

T = TypeVar("T")
Parser = Callable[[httpx.Response], T]


@cache
def endpoint(operation_id: str) -> ModuleType:
    """The generated module of an operation (`threecommas_api.api.<tag>.<operation_id>`)."""
    operation = BY_ID[operation_id]
    return importlib.import_module(f"threecommas_api.api.{operation.tag}.{operation_id}")


# The parsers made so far, by operation and result type.
_MADE: dict[tuple[Any, ...], Any] = {}


_OPENS = {bracket: re.compile(rb"[ \t\n\r]*" + re.escape(bracket)) for bracket in (b"{", b"[")}


def _starts_with(response: httpx.Response, bracket: bytes) -> bool:
    """Whether the body's first character after JSON white space is `bracket`."""
    return _OPENS[bracket].match(response.content) is not None


def _undocumented(response: httpx.Response) -> ValueError:
    return ValueError(f"HTTP {response.status_code} is not a success this operation documents")


def strict_object(operation_id: str, model: type[T]) -> Parser[T]:
    """The generated parser of a one-object answer, made strict (made once per operation)."""
    made: Parser[T] | None = _MADE.get((operation_id, model))
    if made is None:
        made = _MADE[operation_id, model] = _strict_object(operation_id, model)
    return made


def _strict_object(operation_id: str, model: type[T]) -> Parser[T]:
    def parse(response: httpx.Response) -> T:
        parsed = endpoint(operation_id).parse_response(response)
        if not isinstance(parsed, model):
            raise _undocumented(response)
        # The body was read as JSON already: a top-level `{` says it is an object without
        # reading it twice (anything else, a BOM say, is read again to tell).
        if not _starts_with(response, b"{") and not isinstance(response.json(), dict):
            raise ValueError("expected a JSON object")
        return parsed

    return parse


def strict_list(operation_id: str, model: type[T]) -> Parser[list[T]]:
    """The generated parser of a JSON-array answer, made strict (made once per operation)."""
    made: Parser[list[T]] | None = _MADE.get((operation_id, list, model))
    if made is None:
        made = _MADE[operation_id, list, model] = _strict_list(operation_id, model)
    return made


def _strict_list(operation_id: str, model: type[T]) -> Parser[list[T]]:
    documented = BY_ID[operation_id].success

    def parse(response: httpx.Response) -> list[T]:
        # A documented status is read as JSON by the generated parser: a top-level `[` then
        # says it is an array without reading the body twice.
        array = response.status_code in documented and _starts_with(response, b"[")
        if not array and not isinstance(response.json(), list):
            raise ValueError("expected a JSON array")
        parsed = endpoint(operation_id).parse_response(response)
        if not isinstance(parsed, list):
            raise _undocumented(response)
        items: list[T] = []
        for item in parsed:
            if not isinstance(item, model):
                raise ValueError(f"expected a list of {model.__name__}")
            items.append(item)
        return items

    return parse


def order_answer(operation_id: str) -> Parser[SmartTrade | None]:
    """The answer of a call that changes a SmartTrade: the SmartTrade, or None for a 2xx with
    an empty body. The API does answer so (the close-by-market page shows an empty `200 OK`):
    the change was made, only the SmartTrade is not in the answer, and the caller reads it."""
    made: Parser[SmartTrade | None] | None = _MADE.get((operation_id, "order"))
    if made is None:
        made = _MADE[operation_id, "order"] = _order_answer(operation_id)
    return made


def _order_answer(operation_id: str) -> Parser[SmartTrade | None]:
    parse_smart_trade = strict_object(operation_id, SmartTrade)

    def parse(response: httpx.Response) -> SmartTrade | None:
        if 200 <= response.status_code < 300 and not response.content.strip():
            return None
        return parse_smart_trade(response)

    return parse
