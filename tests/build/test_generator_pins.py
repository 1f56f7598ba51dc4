"""scripts/generate.py runs only the generator and the ruff pinned in pyproject.toml."""

from __future__ import annotations

import importlib.util
import os
import stat
import sys
from importlib import metadata
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def generate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate_pins", ROOT / "scripts" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _fake(directory: Path, name: str, says: str) -> Path:
    """An executable `name` in `directory` whose `--version` prints `says`."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(f"#!/bin/sh\necho '{says}'\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


@pytest.mark.slow
def test_the_pins_are_read_from_the_dev_extra_and_installed(generate: ModuleType) -> None:
    pins = generate.pinned_versions()
    assert set(pins) == {"openapi-python-client", "ruff"}
    for tool, version in pins.items():
        assert metadata.version(tool) == version
        assert generate.tool_version(generate._tool(tool)) == version


def test_a_pin_missing_from_the_dev_extra_is_refused(generate: ModuleType, tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\noptional-dependencies = {dev = ["ruff>=0.17"]}\n')
    with pytest.raises(SystemExit) as refused:
        generate.pinned_versions(pyproject)
    assert "openapi-python-client, ruff must be pinned with ==" in str(refused.value.code)


@pytest.mark.parametrize(
    ("tool", "says", "found"),
    [
        ("openapi-python-client", "openapi-python-client version: 0.28.0", "0.28.0"),
        ("ruff", "ruff 0.15.2", "0.15.2"),
        ("ruff", "no version here", "of an unknown version"),
    ],
)
def test_another_version_beside_the_interpreter_is_refused(
    generate: ModuleType,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    tool: str,
    says: str,
    found: str,
) -> None:
    pins = generate.pinned_versions()
    for other, version in pins.items():  # the other tool is the right one
        _fake(tmp_path / "bin", other, f"{other} {version}")
    fake = _fake(tmp_path / "bin", tool, says)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "bin" / "python"))
    with pytest.raises(SystemExit) as refused:
        generate.generate_into(tmp_path / "out")
    pinned = pins[tool]
    assert refused.value.code == (
        f"generate: {tool} {pinned} is required (pinned in pyproject.toml), but {fake} is "
        f"{found}; run `make venv` to install the pinned one"
    )
    assert not (tmp_path / "out" / "threecommas_api").exists()


def test_another_version_on_path_is_refused(
    generate: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With nothing beside the interpreter, the tool on PATH is used only at its pinned version."""
    monkeypatch.setattr(sys, "executable", str(tmp_path / "venv" / "python"))
    monkeypatch.setenv("PATH", str(tmp_path / "path"))
    fake = _fake(tmp_path / "path", "ruff", "ruff 9.9.9")
    with pytest.raises(SystemExit) as refused:
        generate._tool("ruff")
    assert f"ruff {generate.pinned_versions()['ruff']} is required" in str(refused.value.code)
    assert f"but {fake} is 9.9.9" in str(refused.value.code)
    # The pinned version on PATH is taken.
    _fake(tmp_path / "path", "ruff", f"ruff {generate.pinned_versions()['ruff']}")
    assert generate._tool("ruff") == str(fake)
    os.remove(fake)
    with pytest.raises(SystemExit, match="ruff is not installed"):
        generate._tool("ruff")
