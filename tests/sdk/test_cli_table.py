"""The command table of the CLI: tied to the catalogue and to the facade, help from both."""

from __future__ import annotations

import inspect
import subprocess
import sys
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from threecommas import ThreeCommas, cli
from threecommas.cli import EXAMPLE_BODIES
from threecommas.cli._table import COMMANDS, Command, positive_id
from threecommas_api._catalogue import BY_ID


def _help(words: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as exited:
        cli.main([*words, "--help"])
    assert exited.value.code == 0
    return " ".join(capsys.readouterr().out.split())


@pytest.fixture(scope="module")
def facade() -> Iterator[Callable[[str], Any]]:
    """The sync client's facade method at a dotted path (`smart_trades.trades.cancel`)."""
    with ThreeCommas(api_key="k", api_secret="s") as client:

        def method(path: str) -> Any:
            target: Any = client
            for name in path.split("."):
                target = getattr(target, name)
            return target

        yield method


@pytest.mark.parametrize("row", COMMANDS, ids=lambda row: " ".join(row.words))
def test_each_command_fills_the_parameters_of_its_facade_method(
    row: Command, facade: Callable[[str], Any]
) -> None:
    operation = BY_ID[row.operation_id]
    for path in row.facade_methods:
        parameters = list(inspect.signature(facade(path)).parameters)
        positional = [arg.dest for arg in row.args if arg.kind == "positional"]
        assert parameters[: len(positional)] == positional, path
        if row.body_schema is not None:
            assert parameters[len(positional)] == "request", path
        options = [arg.dest for arg in row.args if arg.kind == "option"]
        assert set(options) <= set(parameters), path
    if row.stream:
        return  # not one request: watch's options are its own (tests/test_watch.py)
    # One ID per path parameter, one option per query parameter, as the spec says.
    ids = [arg for arg in row.args if arg.type is positive_id and arg.kind == "positional"]
    assert len(ids) == sum(p.location == "path" for p in operation.parameters)
    query = {p.name for p in operation.parameters if p.location == "query"}
    # A query parameter is an option, or a positional when the command requires it.
    filled = {arg.dest.rstrip("_") for arg in row.args if arg.kind == "option"}
    filled |= {arg.dest for arg in row.args if arg.kind == "positional" and arg.dest in query}
    assert filled == query


def test_the_command_words_follow_the_facade_and_the_summaries_the_spec(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert COMMANDS[-1].words == ("smart-trades", "close-trade-by-market")
    for row in COMMANDS:
        *group, name = row.words
        listing = _help(tuple(group), capsys)
        assert f"{name} {row.summary or BY_ID[row.operation_id].summary}" in listing


@pytest.mark.parametrize("row", COMMANDS, ids=lambda row: " ".join(row.words))
def test_a_command_help_comes_from_its_facade_docstring(
    row: Command, capsys: pytest.CaptureFixture[str], facade: Callable[[str], Any]
) -> None:
    doc = inspect.getdoc(facade(row.facade)) or ""
    shown = _help(row.words, capsys)
    first_paragraph = " ".join(doc.split("\n\n", 1)[0].split())
    assert first_paragraph in shown
    if "MARKET ORDER" in doc:
        assert "MARKET ORDER" in shown and "never retried" in shown
    # What only Python has no place on the command line.
    for word in ("None", "decimal.Decimal", "`request`", "keyword field", "Enum`", "`iter_all`"):
        assert word not in shown, word
    if row.body_schema is not None:
        assert row.body_schema in EXAMPLE_BODIES


@pytest.mark.parametrize("row", COMMANDS, ids=lambda row: " ".join(row.words))
def test_the_docstring_read_from_the_source_is_the_methods(
    row: Command, facade: Callable[[str], Any]
) -> None:
    """`--help` reads the facade's docstrings from the sync client's sources (no import of the
    client): the text is the method's, as Python gives it, inherited methods included."""
    from threecommas.cli import _docs

    assert _docs.docstring(row.facade) == inspect.getdoc(facade(row.facade))


def test_docstring_names_become_command_line_names(capsys: pytest.CaptureFixture[str]) -> None:
    cancel = _help(("smart-trades", "cancel"), capsys)
    assert "use `close-by-market` instead" in cancel
    trade_cancel = _help(("smart-trades", "trades", "cancel"), capsys)
    assert "from `trades list`" in trade_cancel
    listing = _help(("smart-trades", "list"), capsys)
    assert "shorter than `--per-page` is the last one" in listing
    assert (
        "--status {active,all,cancelled,failed,finished,successfully_finished} only this "
        "group of statuses --order-by" in listing
    )


def test_help_imports_neither_the_models_nor_the_facade() -> None:
    """`threecommas --help` builds only the names of the commands: the generated models and the
    facade are imported by a command that needs them (beyond what `import threecommas` does)."""
    script = (
        "import contextlib, io, sys, threecommas\n"
        "before = set(sys.modules)\n"
        "from threecommas import cli\n"
        "for argv in (['--help'], ['smart-trades', '--help']):\n"
        "    with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n"
        "        cli.main(argv)\n"
        "print('\\n'.join(sorted(set(sys.modules) - before)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    loaded = done.stdout.split()
    heavy = [
        name
        for name in loaded
        if name.startswith(("threecommas_api.models", "threecommas_api.api", "httpx"))
        or name.startswith(("threecommas._async", "threecommas._sync"))
    ]
    assert "threecommas.cli._table" in loaded
    assert heavy == []


def test_the_choices_of_an_enum_come_from_the_catalogue() -> None:
    from threecommas.cli._table import enum_values

    assert enum_values("ForcedMode")() == ["paper", "real"]
    with pytest.raises(KeyError, match="no enum 'Nope' in the catalogue"):
        enum_values("Nope")
