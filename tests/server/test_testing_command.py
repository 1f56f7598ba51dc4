"""`python -m threecommas.testing`: without the `testing` extra, and its `--fault` option."""

from __future__ import annotations

import argparse
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

import threecommas.testing as testing
from threecommas.testing import faults
from threecommas.testing.faults import (
    FAULT_KINDS,
    RULE_TEXT_KEYS,
    FaultConfig,
    add_fault_options,
    faults_from_args,
)

# Runs the module as `python -m` would, in an interpreter where the extra's packages cannot be
# imported (an entry of None in sys.modules makes `import` raise ImportError).
_WITHOUT = """
import runpy, sys
for name in sys.argv[1].split(","):
    sys.modules[name] = None
sys.argv = ["threecommas.testing", *sys.argv[2:]]
runpy.run_module("threecommas.testing", run_name="__main__", alter_sys=True)
"""


@pytest.mark.parametrize("missing", ["starlette", "uvicorn", "starlette,uvicorn"])
@pytest.mark.parametrize(
    "args", [["serve"], ["serve", "--help"], ["--help"], ["record", "--help"], []]
)
@pytest.mark.slow
def test_without_the_testing_extra_one_line_and_status_2(missing: str, args: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _WITHOUT, missing, *args],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    assert done.stderr == (
        "python -m threecommas.testing needs the 'testing' extra "
        f"({missing.replace(',', ', ')} missing): pip install 'threecommas-sdk[testing]'\n"
    )


def _run_module(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, str, str]:
    """`python -m threecommas.testing ARGS` in this process (its `__main__` run as `-m` runs
    it): the status it exits with, its stdout and its stderr. A fresh interpreter would only
    add a third of a second of imports: the one without the extra is tried above."""
    monkeypatch.setattr(sys, "argv", ["threecommas.testing", *args])
    # By its path: pytest's assert rewriter, which loads this package here, cannot hand
    # `runpy.run_module` the code of a `__main__`.
    main = Path(testing.__file__).with_name("__main__.py")
    with pytest.raises(SystemExit) as exited:
        runpy.run_path(str(main), run_name="__main__")
    code = exited.value.code
    out, err = capsys.readouterr()
    return (code if isinstance(code, int) else 0 if code is None else 1), out, err


def test_with_the_extra_help_still_works(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = _run_module(monkeypatch, capsys, "serve", "--help")
    assert status == 0 and "--fault KIND" in out


def _faults(*texts: str) -> FaultConfig:
    parser = argparse.ArgumentParser()
    add_fault_options(parser)
    args = parser.parse_args([item for text in texts for item in ("--fault", text)])
    return faults_from_args(args)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "error:status=abc",
            "--fault 'error:status=abc': status: expected a whole number, got 'abc'",
        ),
        ("error:count=1.5", "--fault 'error:count=1.5': count: expected a whole number, got '1.5'"),
        (
            "delay:seconds=soon",
            "--fault 'delay:seconds=soon': seconds: expected a number, got 'soon'",
        ),
        (
            "error:probability=nan",
            "--fault 'error:probability=nan': probability: expected a finite number, got 'nan'",
        ),
        (
            "drop:after_apply=maybe",
            "--fault 'drop:after_apply=maybe': after_apply: expected true or false, got 'maybe'",
        ),
        (
            "error:stauts=503",
            "--fault 'error:stauts=503': unknown key 'stauts' (known: status, seconds, "
            "probability, count, operations, after_apply)",
        ),
        ("error:status", "--fault 'error:status': 'status' is not KEY=VALUE"),
        (
            "error:status=404",
            "--fault 'error:status=404': status must be 500, 502, 503, 504, 429 or 418",
        ),
        ("boom", "--fault 'boom': kind must be one of"),
    ],
)
def test_a_bad_fault_option_names_the_key(text: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        _faults(text)
    assert str(caught.value).startswith(message)


def test_fault_option_values_are_read() -> None:
    config = _faults("error:status=502,count=2,after_apply=on", "drop:after_apply=false")
    first, second = config.rules
    assert (first.status, first.count, first.after_apply) == (502, 2, True)
    assert second.after_apply is False


def test_a_bad_fault_option_exits_2_with_the_key_named(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = _run_module(monkeypatch, capsys, "serve", "--fault", "error:status=abc")
    assert status == 2
    assert out == ""
    last = err.strip().splitlines()[-1]
    assert last == (
        "python -m threecommas.testing: error: --fault 'error:status=abc': status: "
        "expected a whole number, got 'abc'"
    )


# --- the testing guide documents what a user can type -------------------------------------------

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "guides" / "testing.md"


def _section(title: str) -> str:
    text = GUIDE.read_text(encoding="utf-8")
    start = text.index(title)
    end = text.find("\n#", start + len(title))
    return text[start : end if end != -1 else None]


def _fault_options() -> list[str]:
    parser = argparse.ArgumentParser()
    add_fault_options(parser)
    options = [s for action in parser._actions for s in action.option_strings if s != "-h"]
    options.remove("--help")
    assert options
    return options


@pytest.mark.parametrize(
    ("where", "quote", "key_form"),
    [("testing guide", "`", "| `{}` |"), ("faults package manual", "``", "``{}``")],
)
def test_every_fault_option_kind_and_key_is_documented(
    where: str, quote: str, key_form: str
) -> None:
    # The testing guide's table and the package docstring of threecommas.testing.faults.
    text = _section("### Fault options of `serve`") if where == "testing guide" else faults.__doc__
    assert text
    for option in _fault_options():
        assert quote + option in text, (where, option)
    for kind in FAULT_KINDS:
        assert quote + kind + quote in text, (where, kind)
    for key in RULE_TEXT_KEYS:
        assert key_form.format(key) in text, (where, key)


def test_the_guide_fixtures_table_lists_every_fixture() -> None:
    from threecommas.testing import pytest_plugin

    fixtures = {
        name
        for name, value in vars(pytest_plugin).items()
        if name.startswith("threecommas_") and callable(value)
    }
    assert "threecommas_server_factory" in fixtures
    table = _section("## pytest fixtures")
    for name in fixtures:
        assert f"`{name}`" in table.split("```", 1)[0], name


@pytest.mark.slow
def test_a_bad_stream_ping_interval_exits_2_naming_it() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "threecommas.testing", "serve", "--stream-ping-interval", "0"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip().splitlines()[-1] == (
        "python -m threecommas.testing: error: stream_ping_interval must be a positive number "
        "of seconds"
    )
