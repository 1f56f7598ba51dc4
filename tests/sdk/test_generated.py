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


@pytest.fixture(scope="module")
def generated(generate: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One generation from the spec (seconds of CPU), for the tests that only read it."""
    package: Path = generate.generate_into(tmp_path_factory.mktemp("generated"))
    return package


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
    generate: ModuleType, generated: Path, tmp_path: Path
) -> None:
    first = generated
    second = generate.generate_into(tmp_path / "b")
    assert generate.differences(first, second) == []
    assert generate.differences(first, generate.TARGET) == []


@pytest.mark.slow
def test_check_names_stale_and_extra_files(
    generate: ModuleType, generated: Path, tmp_path: Path
) -> None:
    fresh = generated
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


def _model_classes() -> list[type]:
    import importlib
    import pkgutil

    import attrs

    import threecommas_api.models as models

    found = []
    for info in pkgutil.iter_modules(models.__path__):
        module = importlib.import_module(f"{models.__name__}.{info.name}")
        found += [
            value
            for value in vars(module).values()
            if isinstance(value, type) and attrs.has(value) and value.__module__ == module.__name__
        ]
    return sorted(found, key=lambda cls: cls.__name__)


MODEL_CLASSES = _model_classes()


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
def test_a_model_compiles_no_method_when_imported(cls: type) -> None:
    """attrs compiles a `__repr__` and an `__eq__` for each class at every import (a third of
    what loading the models of a SmartTrade costs a fresh process): the templates write them,
    so that they come from the bytecode cache."""
    source = sys.modules[cls.__module__].__file__
    assert cls.__repr__.__code__.co_filename == source
    assert cls.__eq__.__code__.co_filename == source  # type: ignore[attr-defined]


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
def test_a_model_keeps_the_repr_and_equality_of_attrs(cls: type) -> None:
    """What attrs' own methods do: every field in `attrs.fields` order in the repr (a model
    that holds itself shows as `...`), equality by class and every field, no hash."""
    import attrs

    fields = attrs.fields(cls)

    def made() -> Any:
        obj = object.__new__(cls)
        for index, field in enumerate(fields):
            object.__setattr__(obj, field.name, [index, field.name])
        return obj

    one, other = made(), made()
    shown = ", ".join(f"{field.name}={[index, field.name]!r}" for index, field in enumerate(fields))
    assert repr(one) == f"{cls.__name__}({shown})"
    assert one == other
    assert (one != other) is False
    assert one.__eq__(object()) is NotImplemented
    with pytest.raises(TypeError, match="unhashable"):
        hash(one)
    for field in fields:
        kept = getattr(other, field.name)
        object.__setattr__(other, field.name, "changed")
        assert (one == other) is False, field.name
        assert one != other, field.name
        object.__setattr__(other, field.name, kept)
    object.__setattr__(one, fields[0].name, [one])
    assert repr(one).startswith(f"{cls.__name__}({fields[0].name}=[...]")
