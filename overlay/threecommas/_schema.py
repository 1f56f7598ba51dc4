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
from collections.abc import Callable, Iterable, Mapping
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

    document: dict[str, Any] = yaml.safe_load(spec_path().read_text(encoding="utf-8"))
    return document


@cache
def canonical_spec() -> dict[str, Any]:
    """The document's canonical view: the request forms the SDK sends (see `_spec_views`)."""
    from threecommas._spec_views import canonical_view

    return canonical_view(load_spec())


@cache
def _validator(schema_name: str, lenient: bool = False) -> Any:
    import jsonschema

    # The SDK checks what it sends against the canonical view; the test server checks what it
    # receives against the document as written, which also takes the docs' spellings.
    spec = load_spec() if lenient else canonical_spec()
    if schema_name not in spec["components"]["schemas"]:
        raise KeyError(f"no schema {schema_name!r} in the OpenAPI document")
    schema = {"$ref": f"#/components/schemas/{schema_name}", "components": spec["components"]}
    return jsonschema.Draft202012Validator(schema)


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


def _schema_errors(schema_name: str, body: Any, errors: Errors, lenient: bool = False) -> None:
    for error in _validator(schema_name, lenient).iter_errors(body):
        for leaf in _leaves(error):
            path = list(leaf.absolute_path)
            kind = leaf.validator
            if kind == "required":
                missing = [name for name in leaf.validator_value if name not in leaf.instance]
                for name in missing:
                    _add(errors, field_name([*path, name]), "is missing")
            elif kind == "not" and isinstance(leaf.validator_value, Mapping):
                names = leaf.validator_value.get("required", [])
                _add(
                    errors,
                    ",".join(field_name([*path, n]) for n in names),
                    "are mutually exclusive",
                )
            elif kind == "enum":
                _add(errors, field_name(path), "does not have a valid value")
            elif kind in ("type", "pattern", "const", "format"):
                _add(errors, field_name(path), "is invalid")
            elif kind == "minLength":
                _add(
                    errors,
                    field_name(path),
                    f"is too short (minimum is {leaf.validator_value} characters)",
                )
            elif kind == "maxLength":
                _add(
                    errors,
                    field_name(path),
                    f"is too long (maximum is {leaf.validator_value} characters)",
                )
            elif kind == "minItems":
                _add(errors, field_name(path), f"needs at least {leaf.validator_value} items")
            elif kind == "maxItems":
                _add(errors, field_name(path), f"takes at most {leaf.validator_value} items")
            elif kind == "minimum":
                _add(
                    errors,
                    field_name(path),
                    f"must be greater than or equal to {leaf.validator_value}",
                )
            elif kind == "maximum":
                _add(
                    errors,
                    field_name(path),
                    f"must be less than or equal to {leaf.validator_value}",
                )
            elif kind == "minProperties":
                _add(errors, field_name(path), "must not be empty")
            else:
                _add(errors, field_name(path), "is invalid")


def _leaves(error: Any) -> list[Any]:
    """The innermost errors: `allOf`/`if`/`then` wrap the ones that name a field."""
    if error.context:
        return [leaf for sub in error.context for leaf in _leaves(sub)]
    return [error]


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
    if steps and None not in volumes and sum(v for v in volumes if v is not None) != 100:
        _add(errors, "take_profit[steps]", "volumes must add up to 100")
    for index, step in enumerate(steps):
        if not partial and "id" in step:
            # A step id names an existing step to edit in place: only an update has those.
            _add(errors, field_name(["take_profit", "steps", index, "id"]), "is only for an update")
        trailing = step.get("trailing")
        if isinstance(trailing, Mapping) and trailing.get("enabled") is True:
            name = field_name(["take_profit", "steps", index, "trailing", "enabled"])
            if step.get("order_type") != "market":
                _add(errors, name, "is only for market orders")
            if index != len(steps) - 1:
                _add(errors, name, "is only for the last step")
    stop_loss = body.get("stop_loss")
    if not isinstance(stop_loss, Mapping):
        return
    # An update (`partial`) may set breakeven alone, on steps it does not send: only steps
    # that are in the body can be counted then.
    counted = not partial or "take_profit" in body
    if stop_loss.get("breakeven") is True and counted and len(steps) < 2:
        _add(errors, "stop_loss[breakeven]", "needs at least two take profit steps")
    conditional = stop_loss.get("conditional")
    trailing = conditional.get("trailing") if isinstance(conditional, Mapping) else None
    if (
        isinstance(trailing, Mapping)
        and trailing.get("enabled") is True
        and stop_loss.get("order_type") != "market"
    ):
        _add(errors, "stop_loss[conditional][trailing][enabled]", "is only for market orders")


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
        details = "; ".join(f"{name}: {', '.join(messages)}" for name, messages in errors.items())
        raise ValueError(f"invalid {schema_name}: {details}")
