"""The sync clients and resources are generated from their async sources by scripts/unasync.py.

The script runs here on a copy of the two trees (never on the real one): a changed async source
that was not regenerated, a sync module without a source, and a substitution that no source
uses each make `--check` fail.
"""

from __future__ import annotations

import importlib.util
import inspect
import shutil
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "overlay" / "threecommas"


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("unasync_under_test", ROOT / "scripts/unasync.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def unasync(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ModuleType]:
    """The script, pointed at a copy of overlay/threecommas/_async and _sync under tmp_path."""
    module = _load_script()
    copy = tmp_path / "overlay" / "threecommas"
    for name in ("_async", "_sync"):
        shutil.copytree(PACKAGE / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(module, "ROOT", tmp_path)
    monkeypatch.setattr(module, "SOURCE", copy / "_async")
    monkeypatch.setattr(module, "TARGET", copy / "_sync")
    yield module


def test_the_committed_sync_modules_are_up_to_date() -> None:
    assert _load_script().main(["--check"]) == 0


def test_a_changed_async_source_fails_the_check_until_regenerated(
    unasync: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    assert unasync.main(["--check"]) == 0
    source = unasync.SOURCE / "resources" / "_trades.py"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("the trades (orders)", "the trades (orders!)"), "utf-8")
    assert unasync.main(["--check"]) == 1
    assert "stale: overlay/threecommas/_sync/resources/_trades.py" in capsys.readouterr().err
    assert unasync.main([]) == 0
    twin = (unasync.TARGET / "resources" / "_trades.py").read_text(encoding="utf-8")
    assert "the trades (orders!)" in twin and "AsyncTrades" not in twin
    assert unasync.main(["--check"]) == 0


def test_a_missing_twin_or_a_twin_without_source_fails_the_check(
    unasync: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    (unasync.TARGET / "_client.py").unlink()
    (unasync.TARGET / "_orphan.py").write_text("x = 1\n", encoding="utf-8")
    assert unasync.main(["--check"]) == 1
    err = capsys.readouterr().err
    assert "missing: overlay/threecommas/_sync/_client.py" in err
    assert "no async source: overlay/threecommas/_sync/_orphan.py" in err


def test_an_unused_substitution_fails_the_check(
    unasync: ModuleType, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    table = (*unasync.SUBSTITUTIONS, ("AsyncNobodyUsesThis", "NobodyUsesThis"))
    monkeypatch.setattr(unasync, "SUBSTITUTIONS", table)
    monkeypatch.setattr(unasync, "COMPILED", tuple((unasync._pattern(a), b) for a, b in table))
    assert unasync.main(["--check"]) == 1
    assert "substitution never used: 'AsyncNobodyUsesThis'" in capsys.readouterr().err


def test_every_sync_module_names_its_source_and_says_do_not_edit() -> None:
    sources = sorted(p for p in (PACKAGE / "_async").rglob("*.py") if "__pycache__" not in p.parts)
    assert sources
    for source in sources:
        twin = PACKAGE / "_sync" / source.relative_to(PACKAGE / "_async")
        first = twin.read_text(encoding="utf-8").splitlines()[0]
        where = source.relative_to(ROOT).as_posix()
        assert first == f"# generated from {where} by scripts/unasync.py — do not edit"


def test_the_sync_twins_are_plain_sync_code() -> None:
    from threecommas._async._api_client import AsyncAPIClient
    from threecommas._sync._api_client import SyncAPIClient
    from threecommas._sync.resources import SmartTrades

    assert inspect.iscoroutinefunction(AsyncAPIClient._execute)
    assert not inspect.iscoroutinefunction(SyncAPIClient._execute)
    assert inspect.isgeneratorfunction(SmartTrades._walk)
    for path in (PACKAGE / "_sync").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for word in ("async ", "await ", "asyncio", "AsyncClient", "# unasync: skip"):
            assert word not in text, (path.name, word)


def test_docstrings_are_written_once_in_the_async_source() -> None:
    """No docstring is copied at run time: each method's text is in its async source, and the
    sync twin's is the same."""
    from threecommas._async.resources import AsyncSmartTrades, AsyncTrades
    from threecommas._sync.resources import SmartTrades, Trades

    for path in (PACKAGE / "_async").rglob("*.py"):
        assert ".__doc__ =" not in path.read_text(encoding="utf-8"), path.name
    for sync_cls, async_cls in ((SmartTrades, AsyncSmartTrades), (Trades, AsyncTrades)):
        for name in dir(async_cls):
            method = getattr(async_cls, name)
            if not name.startswith("_") and callable(method):
                assert method.__doc__ and method.__doc__.strip(), name
                assert getattr(sync_cls, name).__doc__ == method.__doc__, name
