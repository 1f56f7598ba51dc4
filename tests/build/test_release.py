"""Release plumbing: one version for both packages, the spec's recorded hash, the pytest plugin."""

from __future__ import annotations

import asyncio
import hashlib
import importlib.util
import os
import shutil
import subprocess
import sys
import textwrap
from importlib.metadata import entry_points
from pathlib import Path
from types import ModuleType

import pytest
import yaml

import threecommas
import threecommas_api
from threecommas import AsyncThreeCommas, ThreeCommas
from threecommas.testing import RunningServer
from threecommas_api import _spec

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "openapi" / "threecommas.yaml"
SPEC_VERSIONS = ROOT / "openapi" / "spec-versions.json"


@pytest.fixture(scope="module")
def generate() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "generate_for_release_tests", ROOT / "scripts" / "generate.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # dataclasses look their module up in sys.modules.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


# -- one version ----------------------------------------------------------------------------


def test_generated_package_reports_the_sdk_version(generate: ModuleType) -> None:
    assert threecommas_api.__version__ == threecommas.__version__
    assert generate.sdk_version() == threecommas.__version__


@pytest.mark.slow
def test_generated_package_names_the_spec_it_came_from() -> None:
    document = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    assert document["info"]["version"] == _spec.SPEC_VERSION
    assert hashlib.sha256(SPEC.read_bytes()).hexdigest() == _spec.SPEC_SHA256


def test_the_current_spec_has_its_hash_recorded(generate: ModuleType) -> None:
    assert generate.spec_version_problem(SPEC, SPEC_VERSIONS) is None


# -- the spec changes, its version must too ---------------------------------------------------


@pytest.fixture
def spec_copy(tmp_path: Path) -> tuple[Path, Path]:
    spec = tmp_path / "threecommas.yaml"
    registry = tmp_path / "spec-versions.json"
    shutil.copyfile(SPEC, spec)
    shutil.copyfile(SPEC_VERSIONS, registry)
    return spec, registry


def _edit(spec: Path) -> None:
    with spec.open("a", encoding="utf-8") as file:
        file.write("# an edit that changes no version\n")


def _bump(spec: Path, version: str) -> None:
    text = spec.read_text(encoding="utf-8")
    current = yaml.safe_load(text)["info"]["version"]
    before = f"\n  version: {current}\n"
    assert text.count(before) == 1
    spec.write_text(text.replace(before, f"\n  version: {version}\n"), encoding="utf-8")


@pytest.mark.slow
def test_an_edit_without_a_new_version_is_refused(
    generate: ModuleType, spec_copy: tuple[Path, Path]
) -> None:
    spec, registry = spec_copy
    assert generate.spec_version_problem(spec, registry) is None
    _edit(spec)
    problem = generate.spec_version_problem(spec, registry)
    assert problem is not None
    assert f"info.version is still {_spec.SPEC_VERSION}" in problem
    assert "Bump info.version" in problem
    assert "--record" in problem
    # Plain generation does not paper over it: the old hash stays, with a warning.
    before = registry.read_text(encoding="utf-8")
    assert generate.record_spec_version(spec, registry) == problem
    assert registry.read_text(encoding="utf-8") == before


@pytest.mark.slow
def test_a_new_version_is_recorded_beside_the_old_ones(
    generate: ModuleType, spec_copy: tuple[Path, Path]
) -> None:
    spec, registry = spec_copy
    _edit(spec)
    _bump(spec, "999.0.0")
    problem = generate.spec_version_problem(spec, registry)
    assert problem is not None and "999.0.0 has no hash recorded" in problem
    assert generate.record_spec_version(spec, registry) is None
    assert generate.spec_version_problem(spec, registry) is None
    recorded = generate.read_spec_versions(registry)
    assert recorded["999.0.0"] == hashlib.sha256(spec.read_bytes()).hexdigest()
    assert recorded[_spec.SPEC_VERSION] == _spec.SPEC_SHA256


@pytest.mark.slow
def test_record_replaces_the_hash_of_an_unreleased_version(
    generate: ModuleType, spec_copy: tuple[Path, Path]
) -> None:
    spec, registry = spec_copy
    _edit(spec)
    assert generate.record_spec_version(spec, registry, overwrite=True) is None
    assert generate.spec_version_problem(spec, registry) is None
    assert generate.read_spec_versions(registry)[_spec.SPEC_VERSION] != _spec.SPEC_SHA256


@pytest.mark.slow
def test_check_fails_on_an_edit_without_a_new_version(spec_copy: tuple[Path, Path]) -> None:
    spec, registry = spec_copy
    _edit(spec)
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "generate.py"),
            "--check",
            "--spec",
            str(spec),
            "--spec-versions",
            str(registry),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Bump info.version" in result.stderr
    # The new hash also lands in _spec.py, so generated/ is stale as well.
    assert "differs: _spec.py" in result.stderr


# -- the pytest plugin ------------------------------------------------------------------------


def test_the_plugin_is_registered_by_entry_point() -> None:
    (plugin,) = [ep for ep in entry_points(group="pytest11") if ep.name == "threecommas"]
    assert plugin.value == "threecommas.testing.pytest_plugin"


def test_the_client_fixture_talks_to_the_test_server(
    threecommas_client: ThreeCommas, threecommas_server: RunningServer
) -> None:
    assert str(threecommas_client.api_client._base_url).startswith(threecommas_server.base_url)
    trade = threecommas_client.smart_trades.close_trade_by_market(12345678, 1047934729)
    assert trade is not None
    step = threecommas_server.store.get(12345678)["take_profit"]["steps"][2]
    assert step["status"]["basic_type"] == "panic_sell_pending"


def test_the_async_client_fixture_works_across_event_loops(
    threecommas_async_client: AsyncThreeCommas,
) -> None:
    first = asyncio.run(threecommas_async_client.smart_trades.get(12345678))
    second = asyncio.run(threecommas_async_client.smart_trades.get(12345678))
    assert first.id == second.id == 12345678


_USER_SUITE = """
    def test_plain():
        pass


    def test_needs_the_server(threecommas_server):
        pass
"""

# Runs pytest the way a user's environment without the `testing` extra would: starlette and
# uvicorn cannot be imported; the plugin still loads through its entry point.
_WITHOUT_EXTRA = """
import sys
sys.modules["starlette"] = None
sys.modules["uvicorn"] = None
import pytest
sys.exit(pytest.main(sys.argv[1:]))
"""


def _without_extra(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_ADDOPTS"}
    return subprocess.run(
        [sys.executable, "-c", _WITHOUT_EXTRA, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.slow
def test_without_the_testing_extra_the_fixtures_skip(tmp_path: Path) -> None:
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; sys.modules['starlette'] = sys.modules['uvicorn'] = None; "
            "import threecommas.testing",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if probe.returncode != 0:
        pytest.xfail(
            "threecommas/testing/__init__.py raises ImportError without the testing extra, "
            "so the entry-point plugin cannot load there; its names must be imported lazily"
        )
    (tmp_path / "test_user.py").write_text(textwrap.dedent(_USER_SUITE), encoding="utf-8")
    result = _without_extra(
        "-q", "-rs", "-p", "no:cacheprovider", "-p", "no:schemathesis", cwd=tmp_path
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "1 passed, 1 skipped" in output
    assert "pip install 'threecommas-sdk[testing]'" in output
