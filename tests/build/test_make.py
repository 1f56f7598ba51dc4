"""The Makefile: `make help` lists every target, `make unit` leaves out only marked tests."""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

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
