"""The per-call options (`extra_headers=`, `extra_query=`): checked, then merged into a request.

Both are checked before anything is sent. A header must be one HTTP can carry: a header the
HTTP layer refuses only at sending time would fail as a broken connection, which for a change
reads as "may have gone through". A header may not replace what the SDK owns (`Apikey`,
`Signature`, `Forced-Mode`) in any spelling a server may fold into it; a query parameter may not
replace one that the method sets or declares.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from threecommas._types import RequestOptions

__all__ = ["PROTECTED_HEADERS", "check_options", "merge_options"]

#: The headers that only the SDK sets (lower case): the credentials and the account mode.
PROTECTED_HEADERS = frozenset({"apikey", "signature", "forced-mode"})

_OPTIONS = frozenset(RequestOptions.__annotations__)

# The patterns are compiled on first use (re caches them), not at every start of a process.
# RFC 9110 §5.1: a field name is a token. That leaves out CR, LF, NUL, spaces, colons and
# anything beyond ASCII, all of which the HTTP layer would refuse only once sending.
_TOKEN = r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+"
# A value: visible ASCII, with spaces and tabs inside (httpx encodes values as ASCII; h11
# refuses controls and whitespace at either end).
_VALUE = r"(?:[\x21-\x7e](?:[\x20\x21-\x7e\t]*[\x21-\x7e])?)?"


def _folded(name: str) -> str:
    """The header a server may take `name` for: any case, and `_` read as `-` (Rack, nginx
    with underscores_in_headers, CGI's HTTP_* variables)."""
    return name.lower().replace("_", "-")


def _check_headers(headers: object) -> dict[str, str]:
    if not isinstance(headers, Mapping):
        raise TypeError(f"extra_headers must be a mapping, not {type(headers).__name__}")
    checked: dict[str, str] = {}
    for name, value in headers.items():
        if not isinstance(name, str) or not isinstance(value, str):
            raise TypeError("extra_headers must map str header names to str values")
        if not re.fullmatch(_TOKEN, name):
            # The name is shown escaped: a CR or LF in it stays visible and on one line.
            raise ValueError(
                f"extra_headers: {name!r} is not a valid header name (ASCII letters, digits "
                "and !#$%&'*+-.^_`|~ only; no CR, LF, NUL, space or colon)"
            )
        if _folded(name) in PROTECTED_HEADERS:
            raise ValueError(
                f"extra_headers cannot set {name!r}: Apikey, Signature and Forced-Mode are set "
                "by the SDK (use forced_mode= for the account mode)"
            )
        if not re.fullmatch(_VALUE, value):
            # The value itself is never shown: it may be a credential of its own.
            raise ValueError(
                f"extra_headers[{name!r}]: a header value must be printable ASCII, without "
                "CR, LF, NUL or other control characters, and without whitespace at either end"
            )
        checked[name] = value
    return checked


def _check_query(query: object) -> dict[str, Any]:
    if not isinstance(query, Mapping):
        raise TypeError(f"extra_query must be a mapping, not {type(query).__name__}")
    checked: dict[str, Any] = {}
    for name, value in query.items():
        if not isinstance(name, str):
            raise TypeError("extra_query must have str parameter names")
        if not isinstance(value, str | int | float | bool):
            raise TypeError(
                f"extra_query[{name!r}] must be a str, int, float or bool, "
                f"not {type(value).__name__}"
            )
        checked[name] = value
    return checked


def check_options(options: Mapping[str, object] | None) -> RequestOptions:
    """The options, checked (a `TypeError` or `ValueError` names the bad one)."""
    if not options:
        return {}
    unknown = sorted(set(options) - _OPTIONS)
    if unknown:
        raise TypeError(f"unexpected keyword argument {unknown[0]!r}")
    checked: RequestOptions = {}
    if options.get("extra_headers") is not None:
        checked["extra_headers"] = _check_headers(options["extra_headers"])
    if options.get("extra_query") is not None:
        checked["extra_query"] = _check_query(options["extra_query"])
    return checked


@cache
def _declared_query(operation_id: str | None) -> frozenset[str]:
    """The query parameters the operation declares (none for a call outside the catalogue)."""
    # The catalogue is read here, on the first call with `extra_query`, not at import.
    from threecommas_api._catalogue import BY_ID

    if operation_id not in BY_ID:
        return frozenset()
    return frozenset(p.name for p in BY_ID[operation_id].parameters if p.location == "query")


def merge_options(
    request: Mapping[str, Any], operation_id: str | None, options: RequestOptions
) -> dict[str, Any]:
    """`request` (the generated request arguments) with the options' headers and query added."""
    merged = dict(request)
    headers = options.get("extra_headers")
    if headers:
        merged["headers"] = {**headers, **(request.get("headers") or {})}
    query = options.get("extra_query")
    if query:
        own = dict(request.get("params") or {})
        declared = _declared_query(operation_id)
        for name in query:
            if name in own or name in declared:
                raise ValueError(
                    f"extra_query cannot set {name!r}: the method sets that parameter "
                    "(pass it as the method's argument)"
                )
        merged["params"] = {**own, **query}
    return merged
