"""The two views of the OpenAPI document's requests: as written, and canonical.

As written, a request schema says what the API accepts, the forms of the docs' own examples
included: amounts as plain JSON numbers (`"volume": 100`), booleans and integers as strings
(`"enabled": "true"`, `"value": "12"`), the deprecated leverage type `custom`, the list filters
`successfully_finish` and `ASC`/`DESC`. Each such form is a schema marked `x-docs-form` (a
component, or an inline schema), always an `anyOf`/`oneOf` alternative beside the canonical
form. The recorded-responses server validates requests against the document as written, then
stores the canonical value of every docs form (`threecommas.testing._docs_forms`).

The canonical view (`canonical_view`) drops every alternative and every component marked
`x-docs-form`, and adds each object's `x-sdk-required` to its `required`. It is what the SDK
sends and checks before sending (`threecommas._schema`), and what `scripts/generate.py` gives
the generator, so that the request models are typed by the canonical forms alone (`str` for a
decimal, `bool` for a boolean). One document, two views: nothing is written twice.

Standard library only: scripts/generate.py loads this file by its path, before the generated
package (which `threecommas` imports) exists.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

__all__ = [
    "CANONICAL",
    "DOCS_FORM",
    "SDK_REQUIRED",
    "canonical_view",
    "docs_form",
    "inlined",
    "references_followed",
]

#: Marks a schema as a form the API accepts and the SDK never sends; its value says how it is
#: stored: "decimal", "boolean", "integer" or "alias" (through the `x-canonical` table).
DOCS_FORM = "x-docs-form"
#: On an alias docs form: docs value -> canonical value.
CANONICAL = "x-canonical"
#: On an object schema: properties the SDK always sends, though the API may do without them.
SDK_REQUIRED = "x-sdk-required"

_SCHEMA_REF = "#/components/schemas/"


def docs_form(document: Mapping[str, Any], node: Any) -> Mapping[str, Any] | None:
    """The docs-form schema `node` is (inline, or a `$ref` to a marked component), else None."""
    if not isinstance(node, Mapping):
        return None
    if DOCS_FORM in node:
        return node
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith(_SCHEMA_REF):
        schemas = document.get("components", {}).get("schemas", {})
        target = schemas.get(ref.removeprefix(_SCHEMA_REF))
        if isinstance(target, Mapping) and DOCS_FORM in target:
            return target
    return None


def _merge(siblings: dict[str, Any], branch: dict[str, Any]) -> dict[str, Any]:
    """`{**siblings, anyOf: [branch]}` without the `anyOf`, in the document's usual shapes."""
    if not siblings:
        return branch
    if "$ref" in branch:
        # A reference with its own description: `allOf: [$ref]`, as elsewhere in the document.
        return {"allOf": [branch, *siblings.pop("allOf", [])], **siblings}
    merged = dict(branch)
    for key, value in siblings.items():
        if key in merged and merged[key] != value:
            raise ValueError(f"the canonical alternative and its siblings both set {key!r}")
        merged[key] = value
    return merged


def _canonical(document: Mapping[str, Any], node: Any) -> Any:
    if isinstance(node, list):
        return [_canonical(document, item) for item in node]
    if not isinstance(node, Mapping):
        return node
    result: dict[str, Any] = {key: _canonical(document, value) for key, value in node.items()}
    for key in ("anyOf", "oneOf"):
        branches = node.get(key)
        if not isinstance(branches, list):
            continue
        kept = [
            result[key][index]
            for index, branch in enumerate(branches)
            if docs_form(document, branch) is None
        ]
        if len(kept) == len(branches):
            continue
        if not kept:
            raise ValueError(f"every alternative of an {key} is a docs form")
        del result[key]
        if len(kept) > 1:
            result[key] = kept
        else:
            result = _merge(result, kept[0])
    extra = result.pop(SDK_REQUIRED, None)
    if extra is not None:
        required = list(result.get("required", []))
        required += [name for name in extra if name not in required]
        result["required"] = required
    return result


def canonical_view(document: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of the document with every docs form removed and `x-sdk-required` applied."""
    source = copy.deepcopy(dict(document))
    schemas = source.get("components", {}).get("schemas", {})
    marked = [name for name, schema in schemas.items() if docs_form(source, schema) is not None]
    view: dict[str, Any] = _canonical(source, source)
    for name in marked:
        del view["components"]["schemas"][name]
    return view


_SCHEMA_REF = "#/components/schemas/"


def inlined(node: Any, schemas: Mapping[str, Any], seen: tuple[str, ...] = ()) -> Any:
    """``node`` with every plain ``$ref`` to one of ``schemas`` replaced by that schema (a
    recursive one, or one with keywords beside it, is kept as a reference): a validator then
    follows no reference at each check."""
    if isinstance(node, Mapping):
        ref = node.get("$ref")
        if isinstance(ref, str) and len(node) == 1 and ref.startswith(_SCHEMA_REF):
            name = ref.removeprefix(_SCHEMA_REF)
            if name not in seen and name in schemas:
                return inlined(schemas[name], schemas, (*seen, name))
            return node
        return {key: inlined(value, schemas, seen) for key, value in node.items()}
    if isinstance(node, list):
        return [inlined(item, schemas, seen) for item in node]
    return node


def references_followed(schema_name: str, components: Mapping[str, Any]) -> dict[str, Any]:
    """A validator's root schema for one schema of ``components``, its references followed
    (the same errors as through ``$ref``, checked in a third less time)."""
    followed = inlined({"$ref": _SCHEMA_REF + schema_name}, components["schemas"])
    return {**followed, "components": components}
