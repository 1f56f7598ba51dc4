"""Help text read from the facade's docstrings, so that it is written once, in the SDK.

A command's description is its facade method's text before `Args:`, without the sentences that
only make sense in Python (about the `request` object, `None`, `decimal.Decimal`...); the help
of an argument is the method's `Args:` line for the parameter it fills, without a parenthesis
that names a Python class (the command line takes the value, e.g. `finished`, not the enum).
A name in backticks that the command line spells otherwise is given in its words: a facade
method as its command (`close_by_market` -> `close-by-market`), a parameter of the command as
its option (`per_page` -> `--per-page`). The docstrings are read from the sync client's sources,
following the namespaces from the client as a user reaches them; nothing is imported or sent.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from typing import NamedTuple

__all__ = ["argument_help", "description", "docstring"]

_SECTION = re.compile(r"^(Args|Returns|Yields|Raises):\s*$")
_ARG_LINE = re.compile(r"^    (\w+): (.*)$")
_SENTENCE_END = re.compile(r"(?<!e\.g\.)(?<!i\.e\.)(?<=[.])\s+(?=[A-Z`])")
#: Words of a sentence about the Python call, which the command line has no use for.
_PYTHON_ONLY = ("`request`", "None", "decimal.Decimal", "`iter_all`", "keyword field", "mapping")
_CLASS_ASIDE = re.compile(r"\s*\((?:or )?`[A-Z][A-Za-z]+`[^)]*\)")
_QUOTED = re.compile(r"`([\w.]+)`")


def _respell(text: str, names: Mapping[str, str]) -> str:
    return _QUOTED.sub(lambda m: f"`{names.get(m.group(1), m.group(1))}`", text)


#: The sources of the sync client's classes: the client and the resource namespaces.
_SOURCES = (
    "_sync/_client.py",
    "_sync/_api_client.py",
    "_sync/resources/_smart_trades.py",
    "_sync/resources/_smart_trade_orders.py",
    "_sync/resources/_trades.py",
    "_sync/resources/_market.py",
)


class _Class(NamedTuple):
    bases: tuple[str, ...]
    docs: dict[str, str]  # method name -> its docstring
    parts: dict[str, str]  # attribute -> the name of the namespace class set on it in __init__


#: A class as `read_classes` finds it: its bases, its methods' docstrings, its namespaces.
Found = tuple[tuple[str, ...], dict[str, str], dict[str, str]]


def read_classes(texts: Iterable[str]) -> dict[str, Found]:
    """The classes of the sources `texts` (the sync client's, `_SOURCES`): for each, its bases,
    its methods' docstrings (cleaned as `inspect.getdoc` cleans them) and the namespace class
    each attribute of its `__init__` is set to. `scripts/unasync.py` writes them into
    `_help_texts.py` whenever it writes the sync client, so that a `--help` parses no source."""
    import ast

    found: dict[str, Found] = {}
    for text in texts:
        tree = ast.parse(text)
        for node in tree.body:
            if not isinstance(node, ast.ClassDef):
                continue
            docs: dict[str, str] = {}
            parts: dict[str, str] = {}
            for item in node.body:
                if not isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef):
                    continue
                docs[item.name] = ast.get_docstring(item) or ""
                if item.name != "__init__":
                    continue
                for statement in ast.walk(item):
                    if (
                        isinstance(statement, ast.Assign)
                        and len(statement.targets) == 1
                        and isinstance(target := statement.targets[0], ast.Attribute)
                        and isinstance(statement.value, ast.Call)
                        and isinstance(statement.value.func, ast.Name)
                    ):
                        parts[target.attr] = statement.value.func.id
            bases = tuple(base.id for base in node.bases if isinstance(base, ast.Name))
            found[node.name] = (bases, docs, parts)
    return found


@cache
def _classes() -> dict[str, _Class]:
    """The client's classes by name, as `read_classes` found them in their sources (kept in
    `_help_texts.py`): importing the classes would load httpx, and parsing their sources at
    each `--help` took a third of its time."""
    from threecommas.cli._help_texts import CLASSES

    return {name: _Class(*found) for name, found in CLASSES.items()}


def _lookup(class_name: str, name: str) -> tuple[str, str | None]:
    """("part", class) for a namespace attribute, ("doc", text) for a method; searched in the
    class, then its bases (as attribute lookup does)."""
    classes = _classes()
    pending = [class_name]
    while pending:
        known = classes.get(pending.pop(0))
        if known is None:
            continue
        if name in known.parts:
            return "part", known.parts[name]
        if name in known.docs:
            return "doc", known.docs[name]
        pending.extend(known.bases)
    raise AttributeError(f"the client has no {name!r} here")


@cache
def docstring(facade: str) -> str:
    """The docstring of the facade method at the dotted path `facade` of the sync client, e.g.
    `smart_trades.trades.cancel`, read from its source (nothing is imported or sent)."""
    current = "ThreeCommas"
    *parts, method = facade.split(".")
    for name in parts:
        kind, found = _lookup(current, name)
        if kind != "part" or found is None:
            raise AttributeError(f"{facade}: {name!r} is not a namespace of the client")
        current = found
    kind, doc = _lookup(current, method)
    if kind != "doc" or doc is None:
        raise AttributeError(f"{facade}: {method!r} is not a method of the client")
    return doc


def _sections(doc: str) -> tuple[list[str], list[str]]:
    """The lines before the first section, and the lines of the `Args:` section."""
    intro: list[str] = []
    args: list[str] = []
    current: list[str] | None = intro
    for line in doc.splitlines():
        heading = _SECTION.match(line)
        if heading:
            current = args if heading.group(1) == "Args" else None
        elif current is not None:
            current.append(line)
    return intro, args


def description(doc: str, names: Mapping[str, str]) -> list[str]:
    """The paragraphs of the text before `Args:`, without sentences about the Python call, in
    the command line's `names`."""
    paragraphs = []
    for block in "\n".join(_sections(doc)[0]).split("\n\n"):
        text = " ".join(block.split())
        kept = [s for s in _SENTENCE_END.split(text) if not any(w in s for w in _PYTHON_ONLY)]
        if kept:
            paragraphs.append(_respell(" ".join(kept), names))
    return paragraphs


def argument_help(doc: str, names: Mapping[str, str]) -> dict[str, str]:
    """Parameter name -> its `Args:` line (continuation lines joined), for an argparse help,
    in the command line's `names`."""
    found: dict[str, str] = {}
    name = None
    for line in _sections(doc)[1]:
        start = _ARG_LINE.match(line)
        if start:
            name = start.group(1)
            found[name] = start.group(2)
        elif name is not None and line.startswith("        "):
            found[name] += " " + line.strip()
        else:
            name = None
    helps = {}
    for key, text in found.items():
        text = _respell(_CLASS_ASIDE.sub("", text), names).strip().removesuffix(".")
        helps[key] = text.replace("%", "%%")  # argparse formats a help with %
    return helps
