"""The generated package: what the spec produces, reproducibly, and lossless on the seed."""

from __future__ import annotations

import copy
import importlib.util
import pickle
import shutil
import sys
import typing
from collections.abc import Callable, Iterator
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


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
def test_a_model_is_its_attrs_twin_written_out(cls: type) -> None:
    """The templates write each model's class (slots, __init__, converters) instead of letting
    attrs build it at import; its attrs twin, built on first use, gives `attrs.fields`. The two
    take the same arguments, in the same order, with the same defaults, keep the same slots and
    match arguments, convert an enum field's string the same way, and build equal objects."""
    import inspect

    import attrs

    twin = sys.modules[cls.__module__]._attrs_twin()  # type: ignore[attr-defined]
    assert [f.name for f in attrs.fields(cls)] == [f.name for f in attrs.fields(twin)]
    assert cls.__init__.__code__.co_filename == sys.modules[cls.__module__].__file__
    ours = inspect.signature(cls).parameters
    theirs = inspect.signature(twin).parameters
    assert [(p.name, p.kind, p.default) for p in ours.values()] == [
        (p.name, p.kind, p.default) for p in theirs.values()
    ]
    assert cls.__match_args__ == twin.__match_args__  # type: ignore[attr-defined]
    assert set(cls.__slots__) == set(twin.__slots__)  # type: ignore[attr-defined]
    assert "__dict__" not in dir(cls)
    for field in attrs.fields(twin):
        if field.converter is None:
            continue
        # An enum field: its plain string value is converted in __init__ and on assignment
        # (attrs' on_setattr), as in the twin; any other value is refused naming the field.
        hints = typing.get_type_hints(field.converter)
        text = next(
            arg.__args__[0]
            for arg in typing.get_args(hints["value"])
            if typing.get_origin(arg) is typing.Literal
        )
        ours_obj, twin_obj = object.__new__(cls), object.__new__(twin)
        setattr(ours_obj, field.name, text)
        setattr(twin_obj, field.name, text)
        assert getattr(ours_obj, field.name) == getattr(twin_obj, field.name)
        assert getattr(ours_obj, field.name) is not text  # the member, not the string
        with pytest.raises((TypeError, ValueError), match=field.name):
            setattr(ours_obj, field.name, object())


RECORDING = (
    Path(__file__).resolve().parents[2]
    / "overlay/threecommas/testing/recordings/close_trade_by_market_12345678_1047934729.json"
)


def test_parsing_a_smart_trade_imports_no_attrs(tmp_path: Path) -> None:
    """A SmartTrade parsed in a fresh process: attrs is neither imported nor asked to build a
    class (what a cold start paid most above bare httpx); `attrs.fields` still works after."""
    import subprocess

    probe = (
        "import json, sys\n"
        "from threecommas import SmartTrade\n"
        f"trade = SmartTrade.from_dict(json.loads(open({str(RECORDING)!r}).read())['body'])\n"
        "assert 'attr' not in sys.modules and 'attrs' not in sys.modules, 'attrs imported'\n"
        "import attrs\n"
        "assert attrs.has(SmartTrade) and attrs.fields(SmartTrade)[0].name == 'id'\n"
        "assert attrs.evolve(trade) == trade\n"
    )
    subprocess.run([sys.executable, "-c", probe], check=True, timeout=60, cwd=tmp_path)


def test_a_pickled_model_keeps_the_state_form_of_attrs() -> None:
    """Models were built by attrs before: a pickle's state is still attrs' (every field by
    name, `additional_properties` too), so pickles go both ways across the change."""
    import attrs

    module = sys.modules[SmartTrade.__module__]
    twin = module._attrs_twin()
    trade = SmartTrade.from_dict(seed_response())
    as_twin = twin(**{f.name: getattr(trade, f.name) for f in attrs.fields(twin) if f.init})
    assert trade.__getstate__() == as_twin.__getstate__()
    restored = object.__new__(SmartTrade)
    restored.__setstate__(as_twin.__getstate__())
    assert restored == trade
    assert pickle.loads(pickle.dumps(trade)) == trade


def _functions(code: Any) -> Iterator[Any]:
    """Every function compiled in a module (nested ones too), as code objects."""
    for const in code.co_consts:
        if hasattr(const, "co_code"):
            yield const
            yield from _functions(const)


def _shape(code: Any) -> tuple[Any, ...]:
    """What makes two compiled functions the same function (wherever they are compiled)."""
    consts = tuple(c.co_name if hasattr(c, "co_code") else c for c in code.co_consts)
    return (code.co_name, code.co_code, consts, code.co_names, code.co_varnames)


def test_no_model_module_compiles_a_function_that_every_model_has() -> None:
    """What is the same in every model (`to_json`, item access on `additional_properties`, an
    enum's `__str__`...) is written once, in threecommas_api.types or the base class, and not
    compiled, stored and loaded again by each model's module: a fresh process pays for every
    function of every model module its first request imports."""
    import importlib
    import pkgutil
    from enum import Enum

    import threecommas_api.models as models

    kinds: dict[str, list[set[tuple[Any, ...]]]] = {"model": [], "enum": []}
    for info in pkgutil.iter_modules(models.__path__):
        module = importlib.import_module(f"{models.__name__}.{info.name}")
        source = Path(module.__file__ or "").read_text(encoding="utf-8")
        shapes = {_shape(code) for code in _functions(compile(source, info.name, "exec"))}
        made = [v for v in vars(module).values() if getattr(v, "__module__", "") == module.__name__]
        kind = "enum" if any(isinstance(v, type) and issubclass(v, Enum) for v in made) else "model"
        kinds[kind].append(shapes)
    for kind, modules in kinds.items():
        assert len(modules) > 5, kind
        assert {shape[0] for shape in set.intersection(*modules)} == set(), kind


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
def test_the_methods_a_model_shares_act_on_that_model(cls: type) -> None:
    """The shared methods, assigned in each class body, read the instance they are called on:
    its own `additional_properties` (`to_json`, its own `to_dict()`: the test below)."""
    from threecommas_api import types

    assert vars(cls)["to_json"] is types._to_json
    if "additional_properties" not in vars(cls):
        return
    one: Any = object.__new__(cls)
    other: Any = object.__new__(cls)
    one.additional_properties = {"seen": [1]}
    assert (one.additional_keys, other.additional_keys) == (["seen"], [])
    assert "seen" in one and "seen" not in other
    assert one["seen"] == [1]
    one["added"] = 2
    del one["seen"]
    assert one.additional_properties == {"added": 2} and other.additional_properties == {}
    with pytest.raises(KeyError):
        other["seen"]
    with pytest.raises(AttributeError):
        one.additional_keys = []


def test_to_json_is_the_models_dict_as_json() -> None:
    import json

    trade = SmartTrade.from_dict({**seed_response(), "unknown": {"kept": True}})
    assert trade.to_json() == json.dumps(trade.to_dict())
    assert json.loads(trade.to_json(indent=2)) == {**seed_response(), "unknown": {"kept": True}}
