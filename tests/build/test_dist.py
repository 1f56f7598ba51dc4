"""The wheel as a user gets it: built, installed in a fresh venv, used from outside the tree.

Slow (a build, a venv, an install: pip may fetch the dependencies, from its cache when it can),
so marked ``dist``: ``pytest -m "not dist"`` skips it; ``make test`` runs it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from threecommas import __version__
from threecommas.testing import DEFAULT_API_KEY, DEFAULT_API_SECRET
from threecommas_api import _spec

pytestmark = pytest.mark.dist

ROOT = Path(__file__).resolve().parents[2]
_STEP_TIMEOUT = 300


@dataclass(frozen=True)
class Installed:
    wheel: Path
    bin: Path
    cwd: Path
    env: dict[str, str]

    def run(
        self, *args: str, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            args,
            cwd=self.cwd,
            env={**self.env, **(env or {})},
            capture_output=True,
            text=True,
            timeout=_STEP_TIMEOUT,
            check=False,
        )


def _checked(result: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert result.returncode == 0, f"{result.args} failed:\n{result.stdout}\n{result.stderr}"
    return result


def _clean_env(venv_bin: Path) -> dict[str, str]:
    """This process's environment without anything that points Python back at the source tree."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP"}
        and not key.startswith("THREE_COMMAS_")
    }
    env["PATH"] = f"{venv_bin}{os.pathsep}{env.get('PATH', '')}"
    return env


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    base = tmp_path_factory.mktemp("dist")
    wheels = base / "wheels"
    # No build isolation: the venv's hatchling (the build backend pyproject asks for) builds it,
    # offline; `make dist` builds with isolation, from the sdist.
    _checked(
        subprocess.run(
            [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(wheels)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=_STEP_TIMEOUT,
            check=False,
        )
    )
    (wheel,) = wheels.glob("threecommas_sdk-*.whl")
    venv = base / "venv"
    # Without pip of its own (faster); this interpreter's pip installs into it with --python.
    _checked(
        subprocess.run(
            [sys.executable, "-m", "venv", "--without-pip", str(venv)],
            capture_output=True,
            text=True,
            timeout=_STEP_TIMEOUT,
            check=False,
        )
    )
    venv_bin = venv / "bin"
    _checked(
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "--python",
                str(venv_bin / "python"),
                "install",
                "--quiet",
                "--disable-pip-version-check",
                f"{wheel}[testing]",
            ],
            cwd=base,
            capture_output=True,
            text=True,
            timeout=_STEP_TIMEOUT,
            check=False,
        )
    )
    work = base / "work"
    work.mkdir()
    yield Installed(wheel=wheel, bin=venv_bin, cwd=work, env=_clean_env(venv_bin))


def test_the_wheel_carries_the_data_files(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    assert "threecommas/openapi.yaml" in names
    assert "threecommas/py.typed" in names
    assert "threecommas/testing/market_data.json" in names  # the fake server's market data
    assert "threecommas_api/py.typed" in names
    assert "threecommas_api/_spec.py" in names
    assert {
        "threecommas/testing/keys/test_private_key.pem",
        "threecommas/testing/keys/test_public_key.pem",
    } <= names
    samples = ROOT / "overlay/threecommas/testing/samples"
    shipped_samples = {p.name for p in samples.iterdir() if p.suffix in (".csv", ".json", ".md")}
    in_wheel_samples = {Path(n).name for n in names if n.startswith("threecommas/testing/samples/")}
    assert shipped_samples and shipped_samples <= in_wheel_samples  # the candle samples
    shipped = {p.name for p in (ROOT / "overlay/threecommas/testing/recordings").glob("*.json")}
    in_wheel = {Path(n).name for n in names if n.startswith("threecommas/testing/recordings/")}
    assert shipped and in_wheel == shipped
    assert all(not n.startswith(("overlay/", "generated/", "tests/")) for n in names)


def test_the_wheel_and_the_sdist_carry_the_license(installed: Installed, tmp_path: Path) -> None:
    license_text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert license_text.startswith("MIT License\n")
    assert "Copyright (c) 2026 threecommas-sdk contributors" in license_text
    with zipfile.ZipFile(installed.wheel) as wheel:
        names = wheel.namelist()
        (in_wheel,) = [n for n in names if n.endswith(".dist-info/licenses/LICENSE")]
        assert wheel.read(in_wheel).decode("utf-8") == license_text
        (metadata,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        headers = wheel.read(metadata).decode("utf-8").split("\n\n", 1)[0].splitlines()
    assert "License-Expression: MIT" in headers
    assert "License-File: LICENSE" in headers
    _checked(
        subprocess.run(
            [sys.executable, "-m", "build", "--sdist", "--no-isolation", "--outdir", str(tmp_path)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=_STEP_TIMEOUT,
            check=False,
        )
    )
    (sdist,) = tmp_path.glob("threecommas_sdk-*.tar.gz")
    with tarfile.open(sdist) as archive:
        member = archive.extractfile(f"{sdist.name.removesuffix('.tar.gz')}/LICENSE")
        assert member is not None
        assert member.read().decode("utf-8") == license_text


def test_both_packages_import_from_site_packages(installed: Installed) -> None:
    code = (
        "import threecommas, threecommas_api, threecommas_api._spec as spec\n"
        "from threecommas import _schema\n"
        "assert 'site-packages' in threecommas.__file__, threecommas.__file__\n"
        "assert 'site-packages' in threecommas_api.__file__, threecommas_api.__file__\n"
        "import hashlib\n"
        "document = _schema.spec_path()\n"
        "assert document.parent == __import__('pathlib').Path(threecommas.__file__).parent\n"
        "assert hashlib.sha256(document.read_bytes()).hexdigest() == spec.SPEC_SHA256\n"
        "print(threecommas.__version__, threecommas_api.__version__, spec.SPEC_VERSION)\n"
    )
    result = _checked(installed.run(str(installed.bin / "python"), "-c", code))
    sdk, api, spec_version = result.stdout.split()
    assert sdk == api == __version__
    assert spec_version == _spec.SPEC_VERSION


def test_cli_help(installed: Installed) -> None:
    result = _checked(installed.run(str(installed.bin / "threecommas"), "--help"))
    assert "smart-trades" in result.stdout


def test_installed_server_and_cli_close_a_trade(installed: Installed) -> None:
    server = subprocess.Popen(
        [
            str(installed.bin / "python"),
            "-m",
            "threecommas.testing",
            "serve",
            "--port",
            "0",
            "--no-access-log",
        ],
        cwd=installed.cwd,
        env=installed.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        url = server.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:"), f"no URL (exit {server.poll()})"
        result = _checked(
            installed.run(
                str(installed.bin / "threecommas"),
                "smart-trades",
                "close-trade-by-market",
                "12345678",
                "1047934729",
                "--base-url",
                url,
                env={
                    "THREE_COMMAS_API_KEY": DEFAULT_API_KEY,
                    "THREE_COMMAS_API_SECRET": DEFAULT_API_SECRET,
                },
            )
        )
    finally:
        server.terminate()
        try:
            server.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.communicate()
    smart_trade = json.loads(result.stdout)
    assert smart_trade["id"] == 12345678
    step = smart_trade["take_profit"]["steps"][2]
    assert step["id"] == 1047934729
    assert step["status"]["basic_type"] == "panic_sell_pending"


def test_installed_pytest_plugin_is_registered(installed: Installed) -> None:
    code = (
        "from importlib.metadata import entry_points\n"
        "(ep,) = [e for e in entry_points(group='pytest11') if e.name == 'threecommas']\n"
        "print(ep.value)\n"
    )
    result = _checked(installed.run(str(installed.bin / "python"), "-c", code))
    assert result.stdout.strip() == "threecommas.testing.pytest_plugin"
