"""The Makefile: `make help` lists every target, `make unit` leaves out only marked tests, and
`make redis-server` skips or fails as the Redis tests do."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from tests import redis_server

ROOT = Path(__file__).resolve().parents[2]
MAKEFILE = ROOT / "Makefile"

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def _variable(name: str) -> str:
    match = re.search(rf"^{name}\s*:=\s*(.*)$", MAKEFILE.read_text(), re.MULTILINE)
    assert match is not None, name
    return match.group(1).strip()


def test_help_lists_every_target_once() -> None:
    text = MAKEFILE.read_text()
    targets = re.findall(r"^([a-z][a-z0-9_-]*):", text, re.MULTILINE)
    phony = re.search(r"^\.PHONY:(.*)$", text, re.MULTILINE)
    assert phony is not None and set(phony.group(1).split()) == set(targets)
    done = subprocess.run(
        ["make", "-s", "--no-print-directory", "help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    listed = [line.split()[0] for line in done.stdout.splitlines()]
    assert sorted(listed) == sorted(targets)
    assert all(len(line.split(None, 1)) == 2 for line in done.stdout.splitlines())


def test_unit_leaves_out_only_registered_markers_and_marked_modules() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]
    registered = {line.split(":")[0] for line in config["ini_options"]["markers"]}
    expression = _variable("UNIT_MARKERS")
    left_out = set(re.findall(r"not (\w+)", expression))
    assert left_out <= registered and "slow" in left_out
    # A module skipped by its name must be one whose tests are all marked as left out.
    for name in _variable("UNIT_SKIPPED").split():
        (module,) = (ROOT / "tests").rglob(name)
        mark = re.search(r"^pytestmark = pytest\.mark\.(\w+)$", module.read_text(), re.MULTILINE)
        assert mark is not None and mark.group(1) in left_out, name


def test_the_longest_files_go_first_and_each_is_a_test_file() -> None:
    """pytest-main hands out files in tests/conftest.py's order (not xdist's, by test count), so
    that the longest start at once; a name there that no longer exists would be lost."""
    from tests.conftest import LONGEST_FILES

    assert len(set(LONGEST_FILES)) == len(LONGEST_FILES)
    for name in LONGEST_FILES:
        assert (ROOT / "tests" / name).is_file(), name
    recipe = subprocess.run(
        ["make", "-n", "--no-print-directory", "pytest-main", "MAIN_WORKERS=3"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    assert "-n 3 --dist loadfile --no-loadscope-reorder" in recipe, recipe


def test_the_suite_keeps_its_rewritten_bytecode_whatever_the_shell_says(tmp_path: Path) -> None:
    """pytest caches the assert-rewritten modules (the tests' and every plugin package's) beside
    the bytecode; with PYTHONDONTWRITEBYTECODE set, each process of a run would rewrite and
    compile them all again. The pytest that `make unit` and `make test` run writes them anyway."""
    make = shutil.which("make")
    assert make is not None
    interpreter = f"PY={sys.executable}"
    runs = []
    for target in ("unit", "pytest"):
        dry = subprocess.run(
            # This interpreter stands for .venv's, which a test run need not have.
            [make, "-n", "-s", "--no-print-directory", "-f", str(MAKEFILE), target, interpreter],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        found = [line for line in dry.stdout.splitlines() if " -m pytest " in line]
        assert found, dry.stdout
        runs += found
    # Every pytest that make runs starts alike: one of them run on a probe stands for all.
    (prefix,) = {run.split(" -m pytest ")[0] for run in runs}
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    (tmp_path / "test_probe.py").write_text("def test_probe():\n    assert 1 + 1 == 2\n")
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
    done = subprocess.run(
        prefix + " -m pytest -q -p no:cacheprovider test_probe.py",
        cwd=tmp_path,
        shell=True,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert list((tmp_path / "__pycache__").glob("test_probe.*-pytest-*.pyc")), prefix


# --- make redis-server -----------------------------------------------------------------------

APT_ERROR = "E: Failed to fetch http://deb.debian.org/debian: Temporary failure resolving"


def _redis_target(tmp_path: Path, *, uid: int, apt_ok: bool, ci: str | None) -> Any:
    """`make redis-server` where redis-server is missing: a PATH of stubs only (`id` says
    `uid`; `apt-get` fails as without a package mirror, or succeeds), nothing installed."""
    stubs = tmp_path / "bin"
    stubs.mkdir()
    apt = "exit 0" if apt_ok else f'echo "{APT_ERROR}" >&2; exit 100'
    for name, body in (("id", f"echo {uid}"), ("apt-get", apt)):
        (stubs / name).write_text(f"#!/bin/sh\n{body}\n")
        (stubs / name).chmod(0o755)
    env = {"PATH": str(stubs), "HOME": str(tmp_path)}
    if ci is not None:
        env["CI"] = ci
    make = shutil.which("make")
    assert make is not None
    return subprocess.run(
        [make, "-s", "--no-print-directory", "-f", str(MAKEFILE), "redis-server"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("uid", [0, 1000], ids=["root, no package mirror", "not root"])
def test_redis_server_missing_is_one_line_and_a_skip_outside_ci(tmp_path: Path, uid: int) -> None:
    done = _redis_target(tmp_path, uid=uid, apt_ok=False, ci=None)
    assert done.returncode == 0, done.stderr
    (line,) = done.stdout.splitlines()
    assert "redis-server" in line and "will be skipped" in line
    assert done.stderr == ""  # apt-get's own errors are not shown: the line says it all


@pytest.mark.parametrize("uid", [0, 1000], ids=["root, no package mirror", "not root"])
def test_redis_server_missing_fails_under_ci(tmp_path: Path, uid: int) -> None:
    done = _redis_target(tmp_path, uid=uid, apt_ok=False, ci="true")
    assert done.returncode != 0
    assert "under CI" in done.stderr and "skipped" not in done.stdout
    assert (APT_ERROR in done.stderr) == (uid == 0)  # why apt-get failed, for the CI log


def test_redis_server_installed_by_apt_get_goes_on(tmp_path: Path) -> None:
    done = _redis_target(tmp_path, uid=0, apt_ok=True, ci="true")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("done")


@pytest.mark.parametrize("ci", [None, "", "true", "1"])
def test_the_redis_tests_skip_or_fail_as_make_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ci: str | None
) -> None:
    make_fails = _redis_target(tmp_path, uid=0, apt_ok=False, ci=ci).returncode != 0
    monkeypatch.setattr(redis_server, "REDIS_SERVER", None)
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    if make_fails:
        with pytest.raises(RuntimeError, match="redis-server"):
            redis_server.require_redis_server()
    else:
        assert redis_server.require_redis_server() == redis_server.MISSING
    assert make_fails == (ci not in (None, ""))


@pytest.mark.slow
def test_steps_joined_by_a_plus_run_side_by_side_and_keep_their_logs_whole(tmp_path: Path) -> None:
    """`make test`'s last steps run together (scripts/timed.py `a+b`): each one's output comes
    out in one piece, a failure among them fails the run, and the timing line names each."""
    (tmp_path / "Makefile").write_text(
        "slow:\n\t@sleep 1; echo slow-1; echo slow-2\n"
        "fast:\n\t@echo fast-1; echo fast-2\n"
        "bad:\n\t@echo bad-1; exit 3\n"
    )
    script = str(ROOT / "scripts" / "timed.py")
    good = subprocess.run(
        [sys.executable, script, "fast", "slow+fast"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert good.returncode == 0, good.stdout + good.stderr
    lines = good.stdout.splitlines()
    # side by side, the fast one ends first and prints first (in turn, the slow one would);
    # the slow one's lines stay together
    assert lines[:6] == ["fast-1", "fast-2", "fast-1", "fast-2", "slow-1", "slow-2"], lines
    assert re.fullmatch(
        r"make test: passed in \d+ s \(fast \d+ s, \[slow \d+ s\+fast \d+ s\] \d+ s\)", lines[-1]
    ), lines[-1]
    bad = subprocess.run(
        [sys.executable, script, "slow+bad", "fast"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert bad.returncode != 0
    assert "fast-1" not in bad.stdout  # the step after a failed one does not run
    assert "FAILED at [slow" in bad.stdout.splitlines()[-1]
