"""The docs' spellings of a request, turned into the canonical values the server works with.

The OpenAPI document describes every form the API accepts (see :mod:`threecommas._spec_views`):
beside each canonical form, the forms the docs' own examples send, each marked ``x-docs-form``.
The server checks a request against the document as written, as the API would, and then works
on canonical values only: :func:`canonical_body` replaces every value given in a docs form by
what it stands for (``100`` -> ``"100"``, ``"true"`` -> ``True``, ``"12"`` -> ``12``,
``"custom"`` -> ``"isolated"``), and :func:`query_aliases` maps the docs' spellings of a query
value (``successfully_finish``, ``DESC``) to the canonical ones. Which form a value takes is
read from the document, never guessed from the value alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from functools import cache
from typing import Any

from threecommas._schema import load_spec
from threecommas._spec_views import CANONICAL, DOCS_FORM, docs_form, inlined
from threecommas_api._catalogue import BY_ID

__all__ = ["canonical_body", "query_aliases"]

_SCHEMA_REF = "#/components/schemas/"

# Validators of the alternatives of an `anyOf`, by the identity of their schema object (the
# document is loaded once and never changed, so the identities are stable).
_validators: dict[int, Any] = {}


def _resolve(schema: Any) -> Any:
    while isinstance(schema, Mapping) and isinstance(schema.get("$ref"), str):
        schema = load_spec()["components"]["schemas"][schema["$ref"].removeprefix(_SCHEMA_REF)]
    return schema


def _matches(schema: Mapping[str, Any], value: Any) -> bool:
    validator = _validators.get(id(schema))
    if validator is None:
        import jsonschema

        components = load_spec()["components"]
        # References followed once, here, rather than at each check.
        followed = inlined(schema, components["schemas"])
        validator = jsonschema.Draft202012Validator({**followed, "components": components})
        _validators[id(schema)] = validator
    return bool(validator.is_valid(value))


def _decimal_text(value: int | float) -> str:
    # repr() is the shortest text that reads back as the same float: the digits that were sent.
    number = Decimal(value) if isinstance(value, int) else Decimal(repr(value))
    return format(number, "f")


def _stored(form: Mapping[str, Any], value: Any) -> Any:
    kind = form[DOCS_FORM]
    if kind == "decimal":
        return _decimal_text(value)
    if kind == "boolean":
        return value == "true"
    if kind == "integer":
        return int(value)
    if kind == "alias":
        return form[CANONICAL][value]
    raise ValueError(f"unknown docs form {kind!r}")


def _type_fits(kind: Any, value: Any) -> bool:
    """Whether ``value`` has the JSON Schema type ``kind`` (as jsonschema decides it; True for
    a kind it does not know, which rules nothing out)."""
    if kind == "null":
        return value is None
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "object":
        return isinstance(value, dict)
    if kind == "array":
        return isinstance(value, list)
    if kind == "string":
        return isinstance(value, str)
    if kind in ("number", "integer"):
        if isinstance(value, bool) or not isinstance(value, int | float):
            return False
        return kind == "number" or isinstance(value, int) or value.is_integer()
    return True


def _may_match(branch: Mapping[str, Any], value: Any) -> bool:
    """False when the branch's ``type`` rules ``value`` out: it cannot match."""
    resolved = _resolve(branch)
    kind = resolved.get("type") if isinstance(resolved, Mapping) else None
    if kind is None:
        return True
    return any(_type_fits(k, value) for k in ([kind] if isinstance(kind, str) else kind))


def _sole_candidate(branches: list[Mapping[str, Any]], value: Any) -> Mapping[str, Any] | None:
    """The one branch whose type lets ``value`` in, when there is exactly one. The value is
    valid against the ``anyOf``/``oneOf`` (what :func:`canonical_body` is given), so that
    branch is the one it matches, and no validator need be run to find it."""
    candidates = [branch for branch in branches if _may_match(branch, value)]
    return candidates[0] if len(candidates) == 1 else None


def _canonical(value: Any, schema: Any) -> Any:
    node = _resolve(schema)
    if not isinstance(node, Mapping):
        return value
    for key in ("anyOf", "oneOf"):
        branches = [b for b in node.get(key, ()) if isinstance(b, Mapping)]
        sole = _sole_candidate(branches, value) if branches else None
        for branch in branches:
            if branch is sole or (sole is None and _matches(branch, value)):
                form = docs_form(load_spec(), branch)
                if form is not None:
                    return _stored(form, value)
                value = _canonical(value, branch)
                break
    for part in node.get("allOf", ()):
        value = _canonical(value, part)
    if isinstance(value, dict):
        for name, sub in node.get("properties", {}).items():
            if name in value:
                value[name] = _canonical(value[name], sub)
    elif isinstance(value, list) and isinstance(node.get("items"), Mapping):
        value = [_canonical(item, node["items"]) for item in value]
    return value


def canonical_body(schema_name: str, body: Any) -> Any:
    """``body`` (valid against the named request schema as written, and changed in place) with
    each value given in a docs form replaced by its canonical value."""
    return _canonical(body, {"$ref": _SCHEMA_REF + schema_name})


@cache
def query_aliases(operation_id: str) -> dict[str, dict[str, str]]:
    """Query parameter -> {the docs' spelling: the canonical value}, for one operation."""
    document = load_spec()
    listed = BY_ID[operation_id]
    operation = document["paths"][listed.path][listed.method.lower()]
    aliases: dict[str, dict[str, str]] = {}
    for parameter in operation.get("parameters", ()):
        parameter = _resolve_parameter(document, parameter)
        if parameter.get("in") != "query":
            continue
        for branch in _resolve(parameter.get("schema", {})).get("anyOf", ()):
            form = docs_form(document, branch)
            if form is not None and form[DOCS_FORM] == "alias":
                aliases.setdefault(parameter["name"], {}).update(form[CANONICAL])
    return aliases


def _resolve_parameter(document: Mapping[str, Any], parameter: Any) -> Mapping[str, Any]:
    while isinstance(parameter, Mapping) and isinstance(parameter.get("$ref"), str):
        name = parameter["$ref"].removeprefix("#/components/parameters/")
        parameter = document["components"]["parameters"][name]
    return parameter if isinstance(parameter, Mapping) else {}
