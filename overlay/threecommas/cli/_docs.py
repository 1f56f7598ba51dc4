"""Help text read from the facade's docstrings, so that it is written once, in the SDK.

A command's description is its facade method's text before `Args:`, without the sentences that
only make sense in Python (about the `request` object, `None`, `decimal.Decimal`...); the help
of an argument is the method's `Args:` line for the parameter it fills, without a parenthesis
that names a Python class (the command line takes the value, e.g. `finished`, not the enum).
A name in backticks that the command line spells otherwise is given in its words: a facade
method as its command (`close_by_market` -> `close-by-market`), a parameter of the command as
its option (`per_page` -> `--per-page`). The methods are reached through a client, as a user
reaches them; nothing is sent.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

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


@cache
def docstring(facade: str) -> str:
    """The docstring of the facade method at the dotted path `facade`, e.g.
    `smart_trades.trades.cancel`, read from a client that is made and closed unused."""
    import inspect

    from threecommas import DEFAULT_BASE_URL, ThreeCommas

    with ThreeCommas(api_key="help", api_secret="help", base_url=DEFAULT_BASE_URL) as client:
        target: object = client
        for name in facade.split("."):
            target = getattr(target, name)
    return inspect.cleandoc(getattr(target, "__doc__", None) or "")


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
