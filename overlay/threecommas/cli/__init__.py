"""The `threecommas` command line: one command per operation of the SmartTrade v2 API.

    threecommas [GLOBAL OPTIONS] smart-trades OPERATION [ARGUMENTS] [GLOBAL OPTIONS]

`threecommas smart-trades --help` lists the operations, each with the spec's summary;
`--help` after one shows what it does and takes. A request body is a JSON file given with
`--body FILE` (`-` reads stdin); `--format table` prints a list as a table.

Global options, accepted before or after the subcommand: [--base-url URL] (or the environment
variable THREE_COMMAS_BASE_URL), [--forced-mode real|paper], [--timeout SECONDS], [-v/--verbose]
(the SDK's DEBUG log on stderr; it never shows a secret). `threecommas --version` prints the
version.

Credentials come from the environment only (THREE_COMMAS_API_KEY, and THREE_COMMAS_API_SECRET or
THREE_COMMAS_PRIVATE_KEY_FILE), so that they never show in a process list or a shell history.

Exit status: 0 on success (the result as JSON on stdout, or a table), 1 when the API answered with
an error or could not be reached (the message on stderr), 2 for bad arguments, a body that is not
JSON or that the schema refuses, or missing credentials; for those nothing is sent. When the
reader of stdout goes away early (`threecommas ... | head -1`), the rest of the output is
dropped quietly and the status is the operation's own (0 when it succeeded): the request has
been carried out by then, which is what the status reports.

How it is built: `_table` holds the command table (a row per command, tied to an operation of
the catalogue and to a facade method), `_parser` builds argparse from it, `_docs` reads the
help from the facade's docstrings, `_run` carries a command out, `_body` and `_output` read the
body and print the result.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from threecommas.cli._body import EXAMPLE_BODIES, UsageError
from threecommas.cli._output import format_table
from threecommas.cli._parser import build_parser

if TYPE_CHECKING:
    from threecommas import ThreeCommas
    from threecommas.cli._run import EXIT_API_ERROR, EXIT_OK, EXIT_USAGE

__all__ = [
    "EXAMPLE_BODIES",
    "EXIT_API_ERROR",
    "EXIT_OK",
    "EXIT_USAGE",
    "ThreeCommas",
    "UsageError",
    "console_main",
    "format_table",
    "main",
]


#: The threshold of the youngest generation of Python's garbage collector in the `threecommas`
#: command's process (Python's default: 700 new objects). See `console_main`.
GC_THRESHOLD = 50_000


def console_main() -> int:
    """The `threecommas` command (and `python -m threecommas`): `main` in a process of its own.

    A command's process spends most of its short life importing (httpx, the client, the
    models of its answer): tens of thousands of objects that all live until it exits. At the
    default threshold the cycle collector walks them dozens of times and frees almost
    nothing: about 5 ms of a 140 ms `smart-trades get`. The process collects every 50,000 new
    objects instead (the freqtrade trading bot, among other Python programs, does the same),
    so a long-running command (`watch`, `run`) still collects its garbage. `main`, which a
    program may call in its own process, leaves the collector alone."""
    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])
    return main()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line on `argv` (default: `sys.argv[1:]`); the exit status."""
    words = list(sys.argv[1:] if argv is None else argv)
    if words and words[0] in ("backtest", "run"):
        # A strategy's commands: their own parser (a file to load, no operation).
        from threecommas.cli._strategy import main_strategy

        return main_strategy(words)
    args = build_parser().parse_args(argv)
    # Past the parser only: `--help` (and a usage error) ends above, without the SDK's client,
    # httpx or the generated models, which running a command imports.
    from threecommas.cli._run import debug_log, run, run_budget

    with debug_log(getattr(args, "verbose", False)):
        if args.group == "budget":
            return run_budget(args, _import_name("ThreeCommas"))
        # The client class is looked up here, at each call, so that a test can replace it.
        return run(args, _import_name("ThreeCommas"))


def _import_name(name: str) -> Any:
    """Imported on first use: `ThreeCommas` (a test may replace `threecommas.cli.ThreeCommas`)
    and the exit statuses, which live with the code that runs a command."""
    found = globals().get(name)
    if found is not None:
        return found
    if name == "ThreeCommas":
        from threecommas import ThreeCommas as found
    elif name in ("EXIT_API_ERROR", "EXIT_OK", "EXIT_USAGE"):
        from threecommas.cli import _run

        found = getattr(_run, name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = found
    return found


if not TYPE_CHECKING:
    __getattr__ = _import_name  # type checkers read the imports above


if __name__ == "__main__":
    sys.exit(console_main())
