"""Strict response parsing on top of the generated `parse_response` of each operation.

The generated parsers are lenient where the SDK must not be: for a 2xx status the operation does
not document they return None, and the list parsers iterate whatever JSON came back (a `{}`
body becomes `[]`). Here both are errors (`ValueError`), which the request policy reports as
`ResponseParseError` with the body.

Each parser finds its generated module through the operation catalogue, on first use.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import cache
from types import ModuleType
from typing import TypeVar

import httpx

from threecommas_api._catalogue import BY_ID
from threecommas_api.models.smart_trade import SmartTrade

__all__ = ["Parser", "endpoint", "force_process_result", "strict_list", "strict_object"]

T = TypeVar("T")
Parser = Callable[[httpx.Response], T]


@cache
def endpoint(operation_id: str) -> ModuleType:
    """The generated module of an operation (`threecommas_api.api.<tag>.<operation_id>`)."""
    operation = BY_ID[operation_id]
    return importlib.import_module(f"threecommas_api.api.{operation.tag}.{operation_id}")


def _undocumented(response: httpx.Response) -> ValueError:
    return ValueError(f"HTTP {response.status_code} is not a success this operation documents")


def strict_object(operation_id: str, model: type[T]) -> Parser[T]:
    """The generated parser of a one-object answer, made strict."""

    def parse(response: httpx.Response) -> T:
        parsed = endpoint(operation_id).parse_response(response)
        if not isinstance(parsed, model):
            raise _undocumented(response)
        if not isinstance(response.json(), dict):
            raise ValueError("expected a JSON object")
        return parsed

    return parse


def strict_list(operation_id: str, model: type[T]) -> Parser[list[T]]:
    """The generated parser of a JSON-array answer, made strict."""

    def parse(response: httpx.Response) -> list[T]:
        if not isinstance(response.json(), list):
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


_force_process_answer = strict_object("force_process", SmartTrade)


def force_process_result(response: httpx.Response) -> SmartTrade | None:
    """force_process: the answer's body is undocumented; an empty 201 is an acknowledgement."""
    if response.status_code == 201 and not response.content.strip():
        return None
    return _force_process_answer(response)
