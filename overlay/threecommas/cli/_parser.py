"""The argparse parser, built from the command table (`_table`) and the catalogue.

Only the names of the commands and their one-line summaries are built up front; the parser of a
group or a command is made when the command line reaches it (argparse makes every one, at a
quarter of a millisecond each, mostly spent looking up translations), a command's arguments are
added when that command is parsed or its help is shown, and its help text is read from the
facade's docstrings only for `--help`. So `threecommas smart-trades get ID` makes three parsers,
not thirty, and `threecommas --help` imports neither the generated models nor the facade.
"""

from __future__ import annotations

import argparse
from typing import Any

from threecommas._constants import (
    DEFAULT_BASE_URL,
    ENV_API_KEY,
    ENV_API_SECRET,
    ENV_PLAN,
    ENV_PRIVATE_KEY_FILE,
    ENV_RATE_LIMIT_STORAGE,
    PLAN_LIMITS,
)
from threecommas._version import __version__
from threecommas.cli._body import EXAMPLE_BODIES
from threecommas.cli._table import COMMANDS, GROUPS, Arg, Command, enum_values, positive_seconds
from threecommas_api._catalogue import BY_ID

__all__ = ["API_PATH", "ENV_BASE_URL", "build_parser", "option_names"]

ENV_BASE_URL = "THREE_COMMAS_BASE_URL"
API_PATH = "/public/api"

#: The global options: destination -> how the command line spells it.
_GLOBAL_NAMES = {
    "base_url": "--base-url",
    "forced_mode": "--forced-mode",
    "timeout": "--timeout",
    "plan": "--plan",
    "rate_limit_storage": "--rate-limit-storage",
    "verbose": "--verbose",
}


def _add_global_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """The options every level takes, before the subcommand or after it. None has a default
    (argparse.SUPPRESS): an option left out is absent, so a value given before the subcommand
    survives the subcommand's parser."""
    group = parser.add_argument_group("global options (before or after the subcommand)")
    base_url_help = f"API base URL, ending with {API_PATH}"
    if top:
        base_url_help += f" (default: ${ENV_BASE_URL}, else {DEFAULT_BASE_URL})"
    group.add_argument("--base-url", default=argparse.SUPPRESS, metavar="URL", help=base_url_help)
    group.add_argument(
        "--forced-mode",
        choices=enum_values("ForcedMode")(),
        default=argparse.SUPPRESS,
        help="force the real or the paper account",
    )
    group.add_argument(
        "--timeout",
        type=positive_seconds,
        default=argparse.SUPPRESS,
        metavar="SECONDS",
        help="request timeout in seconds",
    )
    group.add_argument(
        "--plan",
        choices=tuple(PLAN_LIMITS),
        default=argparse.SUPPRESS,
        help=f"your subscription plan's rate limit (default: ${ENV_PLAN}, else 100 a minute)",
    )
    group.add_argument(
        "--rate-limit-storage",
        default=argparse.SUPPRESS,
        metavar="URL",
        help=f"share the rate budget through this Redis (redis://...; default: "
        f"${ENV_RATE_LIMIT_STORAGE})",
    )
    group.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS,
        help="log what the SDK does (DEBUG) on stderr; no secret is ever logged",
    )


def _add_argument(parser: argparse.ArgumentParser, arg: Arg) -> argparse.Action:
    options: dict[str, Any] = {"help": arg.help}
    if arg.kind == "switch":
        return parser.add_argument(arg.flag, action="store_true", **options)
    if arg.metavar is not None:
        options["metavar"] = arg.metavar
    if arg.type is not None:
        options["type"] = arg.type
    if arg.choices is not None:
        options["choices"] = list(arg.choices())
    if arg.kind == "positional":
        return parser.add_argument(arg.dest, **options)
    if arg.repeat:
        options["action"] = "append"
    return parser.add_argument(arg.flag, dest=arg.dest, **options)


class _Parser(argparse.ArgumentParser):
    """A parser of one command, or of a group; a command's arguments are added on first use."""

    def __init__(self, *args: Any, row: Command | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._row = row
        self._built = row is None
        self._documented = row is None
        if row is not None:
            self.set_defaults(command=row)

    def _build(self) -> None:
        if self._built or self._row is None:
            return
        self._built = True
        row = self._row
        for arg in row.args:
            _add_argument(self, arg)
        schema = row.body_schema
        if schema is not None:
            self.add_argument(
                "--body",
                required=True,
                metavar="FILE",
                help=f"the {schema} as a JSON file, or - to read it from stdin",
            )
            if schema in EXAMPLE_BODIES:
                import json  # a command's help only
                import textwrap

                example = textwrap.indent(json.dumps(EXAMPLE_BODIES[schema], indent=2), "  ")
                self.epilog = (
                    f"example body ({schema}; quantities and prices are strings):\n{example}"
                )
        if row.stream:
            self.add_argument(
                "--format",
                choices=("text", "json"),
                default="text",
                help="a line of text per change (default), or a JSON event per line",
            )
            self.add_argument(
                "--until",
                choices=("finished",),
                help="end once every SmartTrade seen has finished (or was cancelled or failed)",
            )
        elif row.table is not None:
            self.add_argument(
                "--format",
                choices=("json", "table"),
                default="json",
                help="JSON (default) or an aligned table",
            )
        _add_global_options(self, top=False)

    def _document(self) -> None:
        """The description and the arguments' help, from the facade method's docstring."""
        if self._documented or self._row is None:
            return
        self._documented = True
        import textwrap  # `--help` only, as _docs: their patterns cost a millisecond

        from threecommas.cli import _docs

        doc = _docs.docstring(self._row.facade)
        names = _spellings(self._row)
        paragraphs = [*_docs.description(doc, names), self._row.details]
        self.description = "\n\n".join(textwrap.fill(p) for p in paragraphs if p)
        helps = _docs.argument_help(doc, names)
        for action in self._actions:
            if action.help is None and action.dest in helps:
                action.help = helps[action.dest]

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        self._build()
        return super().parse_known_args(*args, **kwargs)

    def format_usage(self) -> str:
        self._build()
        return super().format_usage()

    def format_help(self) -> str:
        self._build()
        self._document()
        return super().format_help()


def _spellings(row: Command) -> dict[str, str]:
    """Names in the facade's docstrings -> the command line's: the facade methods (as their
    commands) and the parameters of `row` (as its arguments)."""
    names = {arg.dest: arg.spelling for arg in row.args}
    for other in COMMANDS:
        command = " ".join(other.words[1:])
        names.setdefault(other.facade, command)
        names.setdefault(other.facade.split(".", 1)[-1], command)
    return names


class _Lazy:
    """Stands for a parser in its parent's table of subcommands until the command line reaches
    it: `add_subparsers(parser_class=...)` makes one of these in place of the parser, and the
    first attribute read (argparse parsing with it, or printing its help) makes the parser."""

    def __init__(self, make: Any, **kwargs: Any) -> None:
        self._make = make
        self._kwargs = kwargs
        self._parser: argparse.ArgumentParser | None = None

    def __getattr__(self, name: str) -> Any:
        if self._parser is None:
            self._parser = self._make(**self._kwargs)
        return getattr(self._parser, name)


def _lazy(make: Any) -> Any:
    """A `parser_class` for `add_subparsers` whose parsers are made by `make` on first use."""

    def deferred(**kwargs: Any) -> _Lazy:
        return _Lazy(make, **kwargs)

    return deferred


def _add_level(
    parser: argparse.ArgumentParser, words: tuple[str, ...], *, dest: str, metavar: str
) -> None:
    """The subcommands of `parser`, the group `words`: its subgroups and its commands, each
    listed with its help now and made on first use."""
    level = parser.add_subparsers(
        dest=dest, required=True, metavar=metavar, parser_class=_lazy(_group_or_command)
    )
    # In the order of the command table, a subgroup where its first command is, as the listing
    # of `--help` has always shown them.
    subgroups: set[tuple[str, ...]] = set()
    for row in COMMANDS:
        if row.words[: len(words)] != words or len(row.words) == len(words):
            continue
        if len(row.words) == len(words) + 1:
            level.add_parser(
                row.words[-1],
                row=row,
                help=row.summary or BY_ID[row.operation_id].summary,
                # The description is wrapped when it is read; the example body keeps its layout.
                formatter_class=argparse.RawDescriptionHelpFormatter,
            )
            continue
        sub = row.words[: len(words) + 1]
        if sub not in subgroups:
            subgroups.add(sub)
            level.add_parser(sub[-1], help=GROUPS[sub], allow_abbrev=False, words=sub)
    if not words:
        level.add_parser(
            "budget",
            help="the state of the rate budget: used and free in the window, lockout, learned "
            "limit, plan (of this process, or of the --rate-limit-storage shared by a fleet)",
            allow_abbrev=False,
            words=("budget",),
        )


def _group_or_command(*, words: tuple[str, ...] = (), **kwargs: Any) -> argparse.ArgumentParser:
    """The parser of a group (with its own subcommands), of `budget`, or of a command row."""
    if "row" in kwargs:
        return _Parser(**kwargs)
    parser = _Parser(**kwargs)
    _add_global_options(parser, top=False)
    if words in GROUPS:
        _add_level(parser, words, dest="_".join(words), metavar="OPERATION")
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The whole command line: a group per `GROUPS` entry, a command per row of `COMMANDS`."""
    parser = _Parser(
        prog="threecommas",
        description="Command line for the 3Commas SmartTrade v2 API. Credentials come from "
        f"{ENV_API_KEY} and {ENV_API_SECRET} (or {ENV_PRIVATE_KEY_FILE}); the base URL from "
        f"--base-url or {ENV_BASE_URL}. Results are printed as JSON.",
        epilog="A strategy: `threecommas backtest FILE.py:NAME --candles FILE --pair PAIR` runs "
        "it over candles in virtual time, `threecommas run FILE.py:NAME --pair PAIR "
        "--market-code CODE` against the API in paper mode (each: --help).",
        # `--base` (a filter of `list`) must never be read as an abbreviation of `--base-url`.
        allow_abbrev=False,
    )
    _add_global_options(parser, top=True)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _add_level(parser, (), dest="group", metavar="GROUP")
    return parser


def option_names() -> dict[str, str]:
    """Parameter name -> how the command line spells it (`per_page` -> `--per-page`), to put
    an SDK message in the command line's words."""
    names = dict(_GLOBAL_NAMES)
    names.update(body="--body", format="--format")
    for row in COMMANDS:
        for arg in row.args:
            names.setdefault(arg.dest, arg.spelling)
    return names
