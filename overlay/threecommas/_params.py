"""Path and query parameters checked against the OpenAPI document, in their wire form.

The client runs this on the request it built, before sending it; the fake server runs it on the
request it received, to answer 400. Both read the parameter's schema from the document, through
the operation catalogue that `scripts/generate.py` writes from it (so that a request reads no
YAML), so the two can never disagree with the spec or with each other. A value arrives as
text (as it travels in a URL); it is read by its schema's type (`integer`: plain digits;
`boolean`: `true`/`false`) and then checked against the schema (range, enumeration, pattern,
date-time).

What a schema cannot say (the meaning of a status group, how a page is cut) stays with the code
that serves the list.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from functools import cache
from typing import Any

from threecommas_api._catalogue import PARAMETER_SCHEMAS

__all__ = ["ParameterError", "check_parameters", "parameter_schemas", "parse_datetime"]

_MAX_DIGITS = 19


class ParameterError(ValueError):
    """One or more parameters break their schema; `problems` maps each name to what is wrong."""

    def __init__(self, problems: Mapping[str, str]) -> None:
        self.problems = dict(problems)
        super().__init__("; ".join(self.problems.values()))


@cache
def _schemas(operation_id: str, location: str) -> dict[str, Mapping[str, Any]]:
    """The (resolved) schema of each `location` parameter of the operation, by name."""
    if operation_id not in PARAMETER_SCHEMAS:
        raise KeyError(f"no operation {operation_id!r} in the OpenAPI document")
    return dict(PARAMETER_SCHEMAS[operation_id].get(location, {}))


def parameter_schemas(
    operation_id: str, location: str = "query"
) -> Mapping[str, Mapping[str, Any]]:
    """The schema of each `location` parameter of the operation, by name (read-only)."""
    return _schemas(operation_id, location)


def parse_datetime(raw: str) -> datetime | None:
    """An ISO 8601 / RFC 3339 date-time (`Z` or an offset; naive means UTC), else None."""
    text = raw.strip()
    if not text or len(text) > 64:
        return None
    text = text[:10] + text[10:].upper()
    # An unencoded "+" of an offset arrives as a space.
    text = re.sub(r" (\d\d(:?\d\d)?)$", r"+\1", text)
    # RFC 3339 allows a leap second, which datetime cannot hold.
    text = re.sub(r"(T\d\d:\d\d):60", r"\1:59", text)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _expected(schema: Mapping[str, Any]) -> str:
    """What the schema asks for, in words: "an integer from 1 to 100", "one of: asc, desc"."""
    branches = schema.get("anyOf")
    if branches and all("enum" in branch for branch in branches):
        return "one of: " + ", ".join(str(v) for branch in branches for v in branch["enum"])
    if branches:
        return " or ".join(_expected(branch) for branch in branches)
    if "enum" in schema:
        return "one of: " + ", ".join(str(v) for v in schema["enum"])
    kind = schema.get("type")
    if kind == "integer":
        low, high = schema.get("minimum"), schema.get("maximum")
        if low is not None and high is not None:
            return f"an integer from {low} to {high}"
        if low is not None:
            return f"an integer >= {low}"
        return "an integer"
    if kind == "boolean":
        return "true or false"
    if schema.get("format") == "date-time":
        return "an ISO 8601 date-time such as 2024-01-01T00:00:00Z"
    length = ""
    if "maxLength" in schema:
        length = f" of {schema.get('minLength', 0)} to {schema['maxLength']} characters"
    if "pattern" in schema:
        return f"text{length} matching {schema['pattern']}"
    return f"text{length}"


Reader = Callable[[str], tuple[bool, object]]


def _reader(schema: Mapping[str, Any]) -> Reader:
    """How to read a wire value of `schema`: (True, the value read by its type and checked) or
    (False, None). Made once per parameter, so that a check costs a call."""
    branches = schema.get("anyOf")
    if branches:  # the first alternative that takes the value reads it
        readers = [_reader(branch) for branch in branches]

        def read_any(raw: str) -> tuple[bool, object]:
            for read in readers:
                ok, value = read(raw)
                if ok:
                    return True, value
            return False, None

        return read_any
    if "enum" in schema:
        allowed = frozenset(str(v) for v in schema["enum"])
        return lambda raw: (raw in allowed, raw)
    kind = schema.get("type")
    if kind == "integer":
        low, high = schema.get("minimum"), schema.get("maximum")

        def read_integer(raw: str) -> tuple[bool, object]:
            # Plain digits only: int() would also take "+1", " 1" or "1_0".
            if not (raw.isascii() and raw.isdigit()) or len(raw) > _MAX_DIGITS:
                return False, None
            number = int(raw)
            return (low is None or number >= low) and (high is None or number <= high), number

        return read_integer
    if kind == "boolean":
        return lambda raw: (raw in ("true", "false"), raw == "true")
    if schema.get("format") == "date-time":

        def read_moment(raw: str) -> tuple[bool, object]:
            moment = parse_datetime(raw)
            return moment is not None, moment

        return read_moment
    pattern = schema.get("pattern")
    search = None if pattern is None else re.compile(_ecma_end(pattern)).search
    shortest, longest = schema.get("minLength", 0), schema.get("maxLength")

    def read_text(raw: str) -> tuple[bool, object]:
        # Lengths in characters, as JSON Schema counts them.
        if len(raw) < shortest or (longest is not None and len(raw) > longest):
            return False, None
        if search is not None and search(raw) is None:
            return False, None
        return True, raw

    return read_text


@cache
def _readers(operation_id: str, location: str) -> dict[str, tuple[Mapping[str, Any], Reader]]:
    return {
        name: (schema, _reader(schema)) for name, schema in _schemas(operation_id, location).items()
    }


def _ecma_end(pattern: str) -> str:
    """The pattern with a final `$` read as JSON Schema reads it (the end of the text), not as
    Python does (also before a final newline, which would let "BTC_ETH\\n" through)."""
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        return pattern[:-1] + r"\Z"
    return pattern


def check_parameters(
    operation_id: str, items: Iterable[tuple[str, str]], *, location: str = "query"
) -> dict[str, object]:
    """Check the wire values of an operation's `location` parameters against the document.

    Returns each known parameter's value read by its type (ints, bools, datetimes; text as
    is). Unknown names are ignored, as the API ignores them. Raises `ParameterError` naming every
    bad or repeated parameter, with what was expected and what was given.
    """
    readers = _readers(operation_id, location)
    values: dict[str, object] = {}
    problems: dict[str, str] = {}
    seen: set[str] = set()
    for name, raw in items:
        known = readers.get(name)
        if known is None:
            continue
        if name in seen:
            problems[name] = f"`{name}` is given more than once"
            continue
        seen.add(name)
        schema, read = known
        ok, value = read(raw)
        if ok:
            values[name] = value
        else:
            problems[name] = f"`{name}` must be {_expected(schema)}, got {raw[:80]!r}"
    if problems:
        raise ParameterError(problems)
    return values
