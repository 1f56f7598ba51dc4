"""The request bodies' mapping form as `TypedDict`s, written from the canonical view of the spec
into `threecommas_api/params.py` (by scripts/generate.py).

One TypedDict per object schema a request body uses (`CreateSmartTradeRequestParam`,
`PositionInputParam`...): required keys `Required`, the others `NotRequired`, enums as
`Literal`, nested objects as their own TypedDicts, decimal strings as `str | Decimal`.
"""

from __future__ import annotations

import json
import keyword
import textwrap
from typing import Any

__all__ = ["params_module"]

# The parts of a body that the SDK fills in when the caller leaves them out (see
# `_CREATE_DEFAULTS` in overlay/threecommas/_operations.py): optional in the mapping form.
SDK_DEFAULTS = {"CreateSmartTradeRequest": frozenset({"leverage", "take_profit", "stop_loss"})}

_SCALARS = {"integer": "int", "number": "float", "boolean": "bool", "string": "str"}


def _docstring(description: str) -> str:
    """A description as the body of a docstring indented by four, wrapped at 92 columns."""
    text = " ".join(description.split()).replace("\\", "/").replace('"', "'")
    lines = textwrap.wrap(text, 92)
    if len(lines) == 1 and len(lines[0]) <= 88:
        return lines[0]
    return "\n    ".join(lines) + "\n    "


def _ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


class _Writer:
    def __init__(self, document: dict[str, Any]) -> None:
        self.schemas: dict[str, Any] = document["components"]["schemas"]
        self.order: list[str] = []

    def visit(self, name: str) -> None:
        schema = self.schemas[name]
        if schema.get("type") != "object" or name in self.order:
            return
        self.order.append(name)
        for prop in schema.get("properties", {}).values():
            self._visit_refs(prop)

    def _visit_refs(self, schema: Any) -> None:
        if isinstance(schema, dict):
            if "$ref" in schema:
                self.visit(_ref_name(schema["$ref"]))
            for value in schema.values():
                self._visit_refs(value)
        elif isinstance(schema, list):
            for item in schema:
                self._visit_refs(item)

    def type_of(self, schema: dict[str, Any]) -> str:
        if "$ref" in schema:
            name = _ref_name(schema["$ref"])
            target = self.schemas[name]
            if target.get("type") == "object":
                return f"{name}Param"
            return self.type_of(target)
        if "allOf" in schema and len(schema["allOf"]) == 1:
            return self.type_of(schema["allOf"][0])
        for key in ("anyOf", "oneOf"):
            if key in schema:
                parts: list[str] = []
                for option in schema[key]:
                    for part in self.type_of(option).split(" | "):
                        if part not in parts:
                            parts.append(part)
                return " | ".join(parts)
        if "enum" in schema:
            values = ", ".join(json.dumps(v) for v in schema["enum"] if v is not None)
            kind = f"Literal[{values}]"
        elif "const" in schema:
            kind = f"Literal[{json.dumps(schema['const'])}]"
        elif schema.get("type") == "array":
            kind = f"Sequence[{self.type_of(schema.get('items', {}))}]"
        elif schema.get("type") == "object":
            kind = "Mapping[str, Any]"
        elif schema.get("type") == "string" and schema.get("format") == "decimal":
            kind = "str | Decimal"
        else:
            kind = _SCALARS.get(schema.get("type", ""), "Any")
        if schema.get("nullable"):
            kind += " | None"
        return kind

    def typed_dict(self, name: str) -> str:
        schema = self.schemas[name]
        required = set(schema.get("required", ())) - SDK_DEFAULTS.get(name, frozenset())
        fields = [
            (prop, f"{'Required' if prop in required else 'NotRequired'}[{self.type_of(sub)}]")
            for prop, sub in schema.get("properties", {}).items()
        ]
        doc = _docstring(str(schema.get("description", name)))
        if any(keyword.iskeyword(prop) or not prop.isidentifier() for prop, _ in fields):
            body = ", ".join(f"{prop!r}: {kind}" for prop, kind in fields)
            return f'{name}Param = TypedDict("{name}Param", {{{body}}})\n'
        lines = [f"class {name}Param(TypedDict):", f'    """{doc}"""', ""]
        lines += [f"    {prop}: {kind}" for prop, kind in fields]
        return "\n".join(lines) + "\n"


def params_module(document: dict[str, Any]) -> str:
    """The text of `threecommas_api/params.py` for the (canonical view of the) document."""
    writer = _Writer(document)
    for item in document["paths"].values():
        for operation in item.values():
            if not isinstance(operation, dict) or "requestBody" not in operation:
                continue
            for media in operation["requestBody"].get("content", {}).values():
                ref = media.get("schema", {}).get("$ref")
                if ref:
                    writer.visit(_ref_name(ref))
    names = sorted(writer.order)
    header = [
        '"""The request bodies in their mapping form, as TypedDicts (generated from the spec by',
        "scripts/typeddicts.py; do not edit). A mapping given for a body, or a part of one, is",
        'checked by a type checker against these: a misspelt key or a wrong type is an error."""',
        "",
        "from __future__ import annotations",
        "",
        "from collections.abc import Mapping, Sequence",
        "from decimal import Decimal",
        "from typing import Any, Literal, NotRequired, Required, TypedDict",
        "",
        "__all__ = [",
        *[f'    "{name}Param",' for name in names],
        "]",
        "",
    ]
    blocks = [writer.typed_dict(name) for name in names]
    return "\n".join(header) + "\n\n" + "\n\n".join(blocks)
