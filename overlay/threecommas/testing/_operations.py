"""The API's operations as the server reads them: from the catalogue of the OpenAPI document.

:mod:`threecommas_api._catalogue` (written by ``scripts/generate.py`` from the spec) names every
operation with its method and path template; the routes, the rules of the store, the recordings,
the fault layer's counters and the recorder all go by it, so a new operation starts in the spec.
What is here is what the catalogue does not hold: where the API lives (the prefix of its base
URL) and how a concrete path is matched to its operation, its ids read and checked against the
spec by :func:`threecommas._params.check_parameters`, the validator the client runs too; and
each operation's example request body, read from the spec.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from functools import cache
from typing import Any, Final, cast
from urllib.parse import urlsplit

from threecommas import DEFAULT_BASE_URL
from threecommas._params import ParameterError, check_parameters
from threecommas._schema import load_spec
from threecommas_api._catalogue import BY_ID, OPERATIONS, Operation

__all__ = [
    "API_PREFIX",
    "FOUND_OPERATION",
    "OPERATIONS",
    "Operation",
    "by_path",
    "find_operation",
    "path_ids",
    "path_names",
    "read_path_ids",
    "request_example",
    "request_target",
    "split_query",
]

#: Every API path lives under this prefix (the path of the API's base URL); signatures cover it.
API_PREFIX: Final = urlsplit(DEFAULT_BASE_URL).path

#: The ASGI scope key under which the fault layer leaves what :func:`find_operation` found for
#: the request (``(operation_id, ids)`` or ``None``), so that the app need not look again.
FOUND_OPERATION: Final = "threecommas.operation"

_PARAM: Final = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def split_query(target: str) -> tuple[str, str]:
    """``"/a/b?x=1"`` -> ``("/a/b", "x=1")``; the query is empty when there is none."""
    path, _, query = target.partition("?")
    return path, query


def request_target(scope: Mapping[str, Any]) -> bytes:
    """The path and query of an ASGI request exactly as the client sent them (what it signed)."""
    raw_path = scope.get("raw_path")
    if not isinstance(raw_path, bytes):
        # ASGI makes raw_path optional; without it, the best guess is the path as routed.
        raw_path = (str(scope.get("root_path", "")) + str(scope["path"])).encode("utf-8")
    query = scope.get("query_string") or b""
    return raw_path + b"?" + query if query else raw_path


def path_names(operation: Operation) -> tuple[str, ...]:
    """The names of the path parameters, in the order the path template has them."""
    return tuple(_PARAM.findall(operation.path))


def by_path() -> dict[str, list[Operation]]:
    """Path template -> its operations (one per method), in the catalogue's order."""
    grouped: dict[str, list[Operation]] = {}
    for operation in OPERATIONS:
        grouped.setdefault(operation.path, []).append(operation)
    return grouped


def read_path_ids(operation_id: str, items: list[tuple[str, str]]) -> dict[str, int]:
    """The path parameters as the spec types them (ids); ParameterError names a bad one."""
    return cast(dict[str, int], check_parameters(operation_id, items, location="path"))


@cache
def _pattern(template: str) -> re.Pattern[str]:
    """A concrete path of ``template``, with or without the prefix; each parameter one segment."""
    parts: list[str] = []
    end = 0
    for param in _PARAM.finditer(template):
        parts.append(re.escape(template[end : param.start()]))
        parts.append(f"(?P<{param.group(1)}>[^/]+)")
        end = param.end()
    parts.append(re.escape(template[end:]))
    return re.compile(f"^(?:{re.escape(API_PREFIX)})?{''.join(parts)}$")


def path_ids(operation_id: str, path: str) -> dict[str, int] | None:
    """The ids in a concrete path of the operation (prefix and query allowed), or ``None`` when
    the path does not fit its template with ids the spec allows (positive int64)."""
    operation = BY_ID.get(operation_id)
    if operation is None:
        return None
    found = _pattern(operation.path).match(split_query(path)[0])
    if found is None:
        return None
    try:
        return read_path_ids(operation_id, list(found.groupdict().items()))
    except ParameterError:
        return None


def request_example(operation_id: str) -> Any:
    """A copy of the spec's example request body of an operation (``None`` when it takes none):
    the docs' own example, which a fresh server answers with success."""
    operation = BY_ID[operation_id]
    if operation.body is None:
        return None
    document = load_spec()
    request = document["paths"][operation.path][operation.method.lower()]["requestBody"]
    example = next(iter(request["content"]["application/json"]["examples"].values()))
    name = example["$ref"].rsplit("/", 1)[1]
    return copy.deepcopy(document["components"]["examples"][name]["value"])


def find_operation(method: str, path: str) -> tuple[str, dict[str, int]] | None:
    """The operation a request line names and the ids in its path, or ``None``."""
    for operation in OPERATIONS:
        if operation.method == method:
            ids = path_ids(operation.operation_id, path)
            if ids is not None:
                return operation.operation_id, ids
    return None
