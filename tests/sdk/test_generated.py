"""The generated package: what the spec produces, reproducibly, and lossless on the seed."""

from __future__ import annotations

import copy
import importlib.util
import pickle
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.seed import seed_response
from threecommas_api.models import SmartTrade
from threecommas_api.types import UNSET

ROOT = Path(__file__).resolve().parents[2]


def _generate_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate", ROOT / "scripts" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generate() -> ModuleType:
    return _generate_script()


def test_seed_response_round_trips_exactly() -> None:
    body = seed_response()
    trade = SmartTrade.from_dict(body)
    assert trade.to_dict() == body
    # Quantities stay decimal strings; nothing passes through float.
    assert trade.position.units.value == "14.91"
    assert trade.data.entered_total == "1.6056"
    assert trade.take_profit.steps[2].id == 1047934729


@pytest.mark.slow
def test_generation_is_reproducible_and_matches_generated(
    generate: ModuleType, tmp_path: Path
) -> None:
    first = generate.generate_into(tmp_path / "a")
    second = generate.generate_into(tmp_path / "b")
    assert generate.differences(first, second) == []
    assert generate.differences(first, generate.TARGET) == []


@pytest.mark.slow
def test_check_names_stale_and_extra_files(generate: ModuleType, tmp_path: Path) -> None:
    fresh = generate.generate_into(tmp_path / "fresh")
    stale = tmp_path / "stale"
    shutil.copytree(fresh, stale)
    (stale / "models" / "smart_trade.py").write_text("# edited by hand\n")
    (stale / "models" / "leftover.py").write_text("")
    (stale / "client.py").unlink()
    assert generate.differences(fresh, stale) == [
        "missing: client.py",
        "not generated: models/leftover.py",
        "differs: models/smart_trade.py",
    ]


@pytest.mark.parametrize(
    "duplicate",
    [copy.copy, copy.deepcopy, lambda model: pickle.loads(pickle.dumps(model))],
    ids=["copy", "deepcopy", "pickle"],
)
def test_copies_keep_left_out_fields_left_out(duplicate: Callable[[Any], Any]) -> None:
    answer = seed_response()
    del answer["version"]  # a field some documented answers leave out
    smart_trade = SmartTrade.from_dict(answer)
    assert smart_trade.version is UNSET
    twin = duplicate(smart_trade)
    assert twin.version is UNSET  # the one UNSET, not a new Unset object
    assert twin == smart_trade
    assert twin.to_dict() == smart_trade.to_dict() == answer
    assert repr(UNSET) == "UNSET"
