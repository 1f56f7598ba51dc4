"""Request bodies checked against the OpenAPI document itself, plus the rules it cannot express.

The client runs these checks before sending (a `ValueError` naming every bad field, nothing
sent) and the recorded-responses server runs the same ones to answer 400/422 with
`error_attributes`, so both always agree with the spec. Field names are written in the API's
bracket notation: `take_profit[steps][0][price][value]`. The client checks against the
document's canonical view (what it sends); the server, with `lenient=True`, against the
document as written, which also takes the docs' own spellings (see `_spec_views`).

The document ships inside the package (`threecommas/openapi.yaml` in a wheel); in a source
checkout it is read from `openapi/threecommas.yaml`. It is loaded on first use only.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

_PACKAGE_DIR = Path(__file__).resolve().parent
_CANDIDATES = (
    _PACKAGE_DIR / "openapi.yaml",
    _PACKAGE_DIR.parent.parent / "openapi" / "threecommas.yaml",
)

Errors = dict[str, list[str]]


def spec_path() -> Path:
    """Where the OpenAPI document of this installation is."""
    for candidate in _CANDIDATES:
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("the OpenAPI document is missing from this installation")


@cache
def load_spec() -> dict[str, Any]:
    """The OpenAPI document, parsed (cached; treat it as read-only)."""
    import yaml

    # libyaml's loader when PyYAML has it (as its wheels do): the same document, 15 times faster
    # to read than with the pure-Python one, which matters on the first call of a client.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    text = spec_path().read_text(encoding="utf-8")
    document: dict[str, Any] = yaml.load(text, Loader=loader)
    return document


@cache
def canonical_spec() -> dict[str, Any]:
    """The document's canonical view: the request forms the SDK sends (see `_spec_views`)."""
    from threecommas._spec_views import canonical_view

    return canonical_view(load_spec())


@cache
def _validator(schema_name: str, lenient: bool = False) -> Any:
    import jsonschema

    from threecommas._spec_views import references_followed

    # The SDK checks what it sends against the canonical view, the test server what it receives
    spec = load_spec() if lenient else canonical_spec()
    if schema_name not in spec["components"]["schemas"]:
        raise KeyError(f"no schema {schema_name!r} in the OpenAPI document")
    # References followed once, here, for both: a check then resolves none of them (the same
    # errors, in less time: a backtest validates thousands of bodies on each side).
    schema = references_followed(schema_name, spec["components"])
    extend: Any = jsonschema.validators.extend  # untyped in jsonschema
    return extend(jsonschema.Draft202012Validator, {"if": _annotated_if})(schema)


def field_name(path: Iterable[str | int]) -> str:
    """`["take_profit", "steps", 0, "volume"]` -> `take_profit[steps][0][volume]`."""
    parts = [str(p) for p in path]
    if not parts:
        return "body"
    return parts[0] + "".join(f"[{p}]" for p in parts[1:])


def _add(errors: Errors, name: str, message: str) -> None:
    messages = errors.setdefault(name, [])
    if message not in messages:
        messages.append(message)


# --- how a value and a schema are put into words ------------------------------------------------

_SHOWN_CHARACTERS = 40

# Patterns of the spec, in words. tests/sdk/test_schema.py checks that every pattern of a request
# schema is here, so that no message falls back to a regular expression.
PATTERN_WORDS: dict[str, str] = {
    "^([1-9][0-9]*(\\.[0-9]+)?|0\\.[0-9]*[1-9][0-9]*)$": "a decimal string greater than 0",
    "^[A-Za-z0-9]+_[A-Za-z0-9]+$": "a pair such as 'USDT_BTC' (letters and digits, one '_')",
    "^[A-Za-z0-9]+$": "letters and digits only",
    "^(0\\.0[1-9][0-9]*|0\\.[1-9][0-9]*|[1-9][0-9]?(\\.[0-9]+)?|100(\\.0+)?)$": (
        "a decimal string from 0.01 to 100"
    ),
    "^(([0-9]|[1-8][0-9]|9[0-8])(\\.[0-9]+)?|99(\\.0+)?)$": "a decimal string from 0 to 99",
    "^[1-9][0-9]{0,17}$": "a positive whole number written as a string",
    "^[A-Za-z0-9_]+$": "a market code such as 'binance_us' (letters, digits and '_')",
}

_TYPE_WORDS: dict[str, str] = {
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "a boolean (true or false)",
    "object": "an object",
    "array": "an array",
    "null": "null",
}


def shown(value: Any) -> str:
    """A value as a message shows it: JSON scalars as JSON (strings quoted), long text cut,
    objects and arrays by kind and size."""
    if isinstance(value, str):
        if len(value) > _SHOWN_CHARACTERS:
            return repr(value[:_SHOWN_CHARACTERS] + "...")
        return repr(value)
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, Mapping):
        return f"an object with {_counted(len(value), 'field')}" if value else "an empty object"
    if isinstance(value, list | tuple):
        return f"an array of {_counted(len(value), 'item')}" if value else "an empty array"
    return f"a {type(value).__name__}"


def _resolve(schema: Any) -> Any:
    """A schema with its local `$ref` followed (the spec only has `#/components/...` ones)."""
    seen = 0
    while isinstance(schema, Mapping) and "$ref" in schema and seen < 20:
        node: Any = load_spec()
        for part in str(schema["$ref"]).removeprefix("#/").split("/"):
            node = node[part]
        schema, seen = node, seen + 1
    return schema


def _either(words: Iterable[str]) -> str:
    unique = list(dict.fromkeys(words))
    if len(unique) <= 1:
        return "".join(unique)
    return ", ".join(unique[:-1]) + " or " + unique[-1]


def expected(schema: Any) -> str:
    """What a schema asks for, as a noun phrase: "a decimal string greater than 0"."""
    schema = _resolve(schema)
    if not isinstance(schema, Mapping):
        return "a valid value"
    for keyword in ("anyOf", "oneOf"):
        if keyword in schema:
            return _either(expected(branch) for branch in schema[keyword])
    if "allOf" in schema:
        parts = [expected(part) for part in schema["allOf"]]
        parts = [part for part in parts if part != "a valid value"]
        if parts:
            return parts[0]
    if "const" in schema:
        return shown(schema["const"])
    if "enum" in schema:
        return "one of " + ", ".join(shown(value) for value in schema["enum"])
    if schema.get("pattern") in PATTERN_WORDS:
        return PATTERN_WORDS[schema["pattern"]]
    types = schema.get("type")
    names = [types] if isinstance(types, str) else list(types or [])
    words = [_TYPE_WORDS.get(name, name) + _bounds(schema, name) for name in names]
    if "pattern" in schema:
        words = [f"a string matching {schema['pattern']}"]
    return _either(words) or "a valid value"


def _bounds(schema: Mapping[str, Any], type_name: str) -> str:
    """ " from 1 to 1000", " greater than 0"... for a number type; "" otherwise."""
    if type_name not in ("integer", "number"):
        return ""
    low, high = schema.get("minimum"), schema.get("maximum")
    if low is not None and high is not None:
        return f" from {low} to {high}"
    clauses = [
        f"{words} {schema[keyword]}"
        for keyword, words in (
            ("minimum", "at least"),
            ("exclusiveMinimum", "greater than"),
            ("maximum", "at most"),
            ("exclusiveMaximum", "less than"),
        )
        if schema.get(keyword) is not None
    ]
    return " " + " and ".join(clauses) if clauses else ""


# --- the messages, one per JSON Schema keyword --------------------------------------------------


class _Failure:
    """One innermost schema error: where, which keyword, its value, the instance and the schema."""

    def __init__(self, error: Any) -> None:
        self.error = error
        self.path: list[str | int] = list(error.absolute_path)
        self.keyword: str = str(error.validator)
        self.rule: Any = error.validator_value
        self.value: Any = error.instance
        self.schema: Any = error.schema

    @property
    def name(self) -> str:
        return field_name(self.path)

    def got(self) -> str:
        return f"got {shown(self.value)}"


Message = tuple[str, str]  # (field name, message)


def _required(failure: _Failure) -> Iterable[Message]:
    instance = failure.value if isinstance(failure.value, Mapping) else {}
    when = _condition(failure)
    for name in failure.rule:
        if name not in instance:
            yield field_name([*failure.path, name]), f"is missing (required{when})"


def _not(failure: _Failure) -> Iterable[Message]:
    rule = failure.rule if isinstance(failure.rule, Mapping) else {}
    names = rule.get("required")
    if names and set(rule) == {"required"}:
        joined = ",".join(field_name([*failure.path, name]) for name in names)
        yield joined, "are mutually exclusive: give only one of them, got both"
    else:
        yield failure.name, f"must not be {expected(rule)}, {failure.got()}"


def _expectation(failure: _Failure) -> Iterable[Message]:
    yield failure.name, f"must be {expected(failure.schema)}, {failure.got()}"


def _enum(failure: _Failure) -> Iterable[Message]:
    allowed = ", ".join(shown(value) for value in failure.rule)
    yield failure.name, f"must be one of {allowed}, {failure.got()}"


def _const(failure: _Failure) -> Iterable[Message]:
    yield failure.name, f"must be {shown(failure.rule)}, {failure.got()}"


def _counted(number: Any, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


def _length(more: bool) -> Callable[[_Failure], Iterable[Message]]:
    def message(failure: _Failure) -> Iterable[Message]:
        size = len(failure.value) if isinstance(failure.value, str) else 0
        bound = "at least" if more else "at most"
        yield (
            failure.name,
            f"must be {bound} {_counted(failure.rule, 'character')} long, "
            f"got {_counted(size, 'character')}",
        )

    return message


def _items(more: bool) -> Callable[[_Failure], Iterable[Message]]:
    def message(failure: _Failure) -> Iterable[Message]:
        size = len(failure.value) if isinstance(failure.value, list) else 0
        bound = "at least" if more else "at most"
        yield failure.name, f"must have {bound} {_counted(failure.rule, 'item')}, got {size}"

    return message


def _bound(words: str) -> Callable[[_Failure], Iterable[Message]]:
    def message(failure: _Failure) -> Iterable[Message]:
        yield failure.name, f"must be {words} {failure.rule}, {failure.got()}"

    return message


def _min_properties(failure: _Failure) -> Iterable[Message]:
    yield failure.name, f"must have at least {_counted(failure.rule, 'field')}, {failure.got()}"


def _additional(failure: _Failure) -> Iterable[Message]:
    known = (
        set(failure.schema.get("properties", {})) if isinstance(failure.schema, Mapping) else set()
    )
    extra = (
        [key for key in failure.value if key not in known]
        if isinstance(failure.value, Mapping)
        else []
    )
    for key in extra:
        yield field_name([*failure.path, key]), "is not a field of this request, got one"


def _other(failure: _Failure) -> Iterable[Message]:
    yield failure.name, f"breaks the schema's {failure.keyword!r} rule, {failure.got()}"


# JSON Schema keyword -> the messages of one failure of it.
MESSAGES: dict[str, Callable[[_Failure], Iterable[Message]]] = {
    "required": _required,
    "not": _not,
    "type": _expectation,
    "pattern": _expectation,
    "format": _expectation,
    "anyOf": _expectation,
    "oneOf": _expectation,
    "enum": _enum,
    "const": _const,
    "minLength": _length(more=True),
    "maxLength": _length(more=False),
    "minItems": _items(more=True),
    "maxItems": _items(more=False),
    "minimum": _bound("greater than or equal to"),
    "maximum": _bound("less than or equal to"),
    "exclusiveMinimum": _bound("greater than"),
    "exclusiveMaximum": _bound("less than"),
    "minProperties": _min_properties,
    "additionalProperties": _additional,
}


# --- conditions (`if`/`then`) -------------------------------------------------------------------

_CONDITION = "threecommas_condition"


def _annotated_if(validator: Any, if_schema: Any, instance: Any, schema: Any) -> Iterator[Any]:
    """JSON Schema's `if`, each error of its `then`/`else` marked with the condition and branch,
    so that a message can say why a field is needed ("when order_type is 'limit'", "unless")."""
    import jsonschema

    plain_if = jsonschema.Draft202012Validator.VALIDATORS["if"]
    for error in plain_if(validator, if_schema, instance, schema):
        if not hasattr(error, _CONDITION):
            branch = error.relative_schema_path[0]  # "then" or "else": `if` adds no level
            setattr(error, _CONDITION, (if_schema, len(error.relative_path), branch))
        yield error


def _condition(failure: _Failure) -> str:
    """ " when position[order_type] is 'limit'" under an `if`'s `then`, " unless" its `else`."""
    mark = getattr(failure.error, _CONDITION, None)
    if mark is None:
        return ""
    if_schema, depth, branch = mark
    base = failure.path[: len(failure.path) - depth] if depth else failure.path
    clauses: list[str] = []
    properties = if_schema.get("properties", {})
    for name in if_schema.get("required", []):
        rule = properties.get(name, {})
        where = field_name([*base, name])
        # An `enum` lists the canonical value first, then the docs' spellings of it ("true").
        values = [rule["const"]] if "const" in rule else rule.get("enum", [])
        clauses.append(f"{where} is {shown(values[0])}" if values else f"{where} is given")
    negated = if_schema.get("not", {})
    for name in negated.get("required", []) if isinstance(negated, Mapping) else []:
        clauses.append(f"{field_name([*base, name])} is not given")
    joined = " and ".join(clauses)
    return (" unless " if branch == "else" else " when ") + joined if clauses else ""


def _leaves(error: Any) -> list[Any]:
    """The innermost errors: `allOf`/`if`/`then` wrap the ones that name a field. An `anyOf` or
    `oneOf` whose every branch fails on the value itself stays one error ("must be X or Y");
    otherwise the errors of the branch that came closest are the ones shown."""
    if error.validator in ("anyOf", "oneOf") and error.context:
        if all(not sub.relative_path for sub in error.context):
            return [error]
        branches: dict[Any, list[Any]] = {}
        for sub in error.context:
            branches.setdefault(sub.relative_schema_path[0], []).append(sub)
        closest = max(
            branches.values(), key=lambda subs: max(len(sub.relative_path) for sub in subs)
        )
        return [leaf for sub in closest for leaf in _leaves(sub)]
    if error.context:
        return [leaf for sub in error.context for leaf in _leaves(sub)]
    return [error]


def _schema_errors(schema_name: str, body: Any, errors: Errors, lenient: bool = False) -> None:
    for error in _validator(schema_name, lenient).iter_errors(body):
        for leaf in _leaves(error):
            failure = _Failure(leaf)
            for name, message in MESSAGES.get(failure.keyword, _other)(failure):
                _add(errors, name, message)


def _decimal(value: Any) -> Decimal | None:
    if not isinstance(value, str):
        return None
    try:
        return Decimal(value)
    except InvalidOperation:
        return None


def _take_profit_rules(body: Mapping[str, Any], errors: Errors, *, partial: bool = False) -> None:
    take_profit = body.get("take_profit")
    enabled = isinstance(take_profit, Mapping) and take_profit.get("enabled") is True
    steps = take_profit.get("steps") if isinstance(take_profit, Mapping) else None
    steps = (
        [s for s in steps if isinstance(s, Mapping)] if enabled and isinstance(steps, list) else []
    )
    volumes = [_decimal(step.get("volume")) for step in steps]
    if steps and None not in volumes:
        total = sum(v for v in volumes if v is not None)
        if total != 100:
            added = " + ".join(str(step.get("volume")) for step in steps)
            got = f"{added} = {total}" if len(steps) > 1 else added
            _add(errors, "take_profit[steps]", f"volumes must add up to 100, got {got}")
    for index, step in enumerate(steps):
        if not partial and "id" in step:
            # A step id names an existing step to edit in place: only an update has those.
            _add(
                errors,
                field_name(["take_profit", "steps", index, "id"]),
                f"is only for an update, got {shown(step.get('id'))} in a create",
            )
        trailing = step.get("trailing")
        if isinstance(trailing, Mapping) and trailing.get("enabled") is True:
            name = field_name(["take_profit", "steps", index, "trailing", "enabled"])
            if step.get("order_type") != "market":
                _add(
                    errors,
                    name,
                    "can be true only for a market step, "
                    f"got order_type {shown(step.get('order_type'))}",
                )
            if index != len(steps) - 1:
                _add(
                    errors,
                    name,
                    f"can be true only on the last step, got it on step {index + 1} "
                    f"of {len(steps)}",
                )
    stop_loss = body.get("stop_loss")
    if not isinstance(stop_loss, Mapping):
        return
    # An update (`partial`) may set breakeven alone, on steps it does not send: only steps
    # that are in the body can be counted then.
    counted = not partial or "take_profit" in body
    if stop_loss.get("breakeven") is True and counted and len(steps) < 2:
        _add(
            errors,
            "stop_loss[breakeven]",
            f"needs at least two enabled take-profit steps, got {_counted(len(steps), 'step')}",
        )
    conditional = stop_loss.get("conditional")
    trailing = conditional.get("trailing") if isinstance(conditional, Mapping) else None
    if (
        isinstance(trailing, Mapping)
        and trailing.get("enabled") is True
        and stop_loss.get("order_type") != "market"
    ):
        _add(
            errors,
            "stop_loss[conditional][trailing][enabled]",
            "can be true only for a market stop loss, "
            f"got stop_loss[order_type] {shown(stop_loss.get('order_type'))}",
        )


# Rules of the API that JSON Schema cannot express, per request schema.
_RULES: dict[str, Callable[[Mapping[str, Any], Errors], None]] = {
    "CreateSmartTradeRequest": _take_profit_rules,
    "UpdateSmartTradeRequest": functools.partial(_take_profit_rules, partial=True),
}


def schema_errors(schema_name: str, body: Any, *, lenient: bool = False) -> Errors:
    """What breaks the schema itself: field name -> messages (empty when the body is valid).

    Against the canonical view (what the SDK sends), or with `lenient` against the document
    as written, which also takes the forms the docs' examples send."""
    errors: Errors = {}
    _schema_errors(schema_name, body, errors, lenient)
    return errors


def rule_errors(schema_name: str, body: Any) -> Errors:
    """What breaks the API's rules beyond the schema (only meaningful for a schema-valid body)."""
    errors: Errors = {}
    rule = _RULES.get(schema_name)
    if rule is not None and isinstance(body, Mapping):
        rule(body, errors)
    return errors


def body_errors(schema_name: str, body: Any) -> Errors:
    """Everything wrong with a request body: the schema first, then the API's other rules."""
    return schema_errors(schema_name, body) or rule_errors(schema_name, body)


def check_body(schema_name: str, body: Any) -> None:
    """Raise `ValueError` naming every bad field, or return when the body may be sent."""
    errors = body_errors(schema_name, body)
    if errors:
        details = "; ".join(
            f"{name} {message}" for name, messages in errors.items() for message in messages
        )
        raise ValueError(f"invalid {schema_name}: {details}")
