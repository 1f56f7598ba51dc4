"""The spec, the catalogue, the fake server, the facade and the CLI name the same operations.

The catalogue (`threecommas_api._catalogue`, generated from the spec) is what the rest reads;
each check below compares one part with it and returns what is missing or extra, so that a
new operation in the spec fails here until every part serves it. The last test shows that:
it adds an operation to copies of the spec and of the catalogue, and each check names it.
"""

from __future__ import annotations

import asyncio
import copy
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from threecommas import AsyncThreeCommas, ThreeCommas
from threecommas.cli._table import COMMANDS, Command
from threecommas.testing import API_PREFIX, create_app
from threecommas_api._catalogue import ENUMS, OPERATIONS, Operation, Parameter

SPEC = Path(__file__).resolve().parents[2] / "openapi" / "threecommas.yaml"
_METHODS = ("get", "put", "post", "patch", "delete")

Key = tuple[str, str]  # (METHOD, path as in the spec)


def spec_operations(document: Mapping[str, Any]) -> dict[str, Key]:
    """operationId -> (METHOD, path), for every operation of the document."""
    return {
        operation["operationId"]: (method.upper(), path)
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if method in _METHODS
    }


def check_catalogue(document: Mapping[str, Any], catalogue: Iterable[Operation]) -> list[str]:
    """What the catalogue misses of the spec's operations, or has beyond them."""
    in_spec = spec_operations(document)
    listed = {op.operation_id: (op.method, op.path) for op in catalogue}
    problems = [f"not in the catalogue: {name} {in_spec[name]}" for name in in_spec.keys() - listed]
    problems += [f"not in the spec: {name} {listed[name]}" for name in listed.keys() - in_spec]
    problems += [
        f"{name}: {listed[name]} in the catalogue, {in_spec[name]} in the spec"
        for name in in_spec.keys() & listed.keys()
        if in_spec[name] != listed[name]
    ]
    return sorted(problems)


def check_server(catalogue: Iterable[Operation], served: set[Key]) -> list[str]:
    """What the server misses of the catalogue's (method, path) pairs, or serves beyond them."""
    listed = {(op.method, op.path): op.operation_id for op in catalogue}
    problems = [f"not served: {listed[key]} {key}" for key in listed.keys() - served]
    problems += [f"served, not in the catalogue: {key}" for key in served - listed.keys()]
    return sorted(problems)


def check_facade(
    catalogue: Iterable[Operation], methods: Mapping[str, tuple[str, ...]], clients: Iterable[Any]
) -> list[str]:
    """Operations without a facade method, and facade paths a client does not have."""
    problems = []
    for op in catalogue:
        paths = methods.get(op.operation_id)
        if not paths:
            problems.append(f"no facade method for {op.operation_id}")
            continue
        for client in clients:
            for path in paths:
                target: Any = client
                for name in path.split("."):
                    target = getattr(target, name, None)
                if not callable(target):
                    problems.append(f"{type(client).__name__} has no {path} ({op.operation_id})")
    return problems


def check_cli(catalogue: Iterable[Operation], commands: Iterable[Command]) -> list[str]:
    """Operations without a command, and commands of no operation."""
    ids = {op.operation_id for op in catalogue}
    named = {command.operation_id for command in commands}
    problems = [f"no command for {name}" for name in sorted(ids - named)]
    problems += [f"a command of no operation: {name}" for name in sorted(named - ids)]
    return problems


def facade_methods(commands: Iterable[Command]) -> dict[str, tuple[str, ...]]:
    """operation_id -> the facade methods that carry it out, as the command table names them."""
    found: dict[str, tuple[str, ...]] = {}
    for command in commands:
        found[command.operation_id] = (
            *found.get(command.operation_id, ()),
            *command.facade_methods,
        )
    return found


def ask(app: Any, requests: list[Key]) -> list[httpx.Response]:
    """The app's answers to unsigned requests (METHOD, path as in the spec, ids made 1)."""

    async def send() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            return [
                await http.request(method, API_PREFIX + re.sub(r"\{\w+\}", "1", path))
                for method, path in requests
            ]

    return asyncio.run(send())


def served_operations(app: Any) -> set[Key]:
    """(METHOD, path) of every API operation the app serves, found by asking it: a method that
    no operation of a path takes gets 405 with `Allow` naming the ones that do."""
    paths = {op.path for op in OPERATIONS}
    paths |= {path.removeprefix(API_PREFIX) for path in _route_paths(app.routes, "")}
    served: set[Key] = set()
    for path, answer in zip(paths, ask(app, [("OPTIONS", path) for path in paths]), strict=True):
        if answer.status_code == 405:
            served |= {(m.strip(), path) for m in answer.headers["allow"].split(",")}
    return served


def _route_paths(routes: Iterable[Any], prefix: str) -> Iterator[str]:
    """The API paths of the app's routes (Starlette's public `routes`, mounts followed), with
    each `{name:convertor}` written `{name}` as in the spec."""
    for route in routes:
        path = prefix + str(getattr(route, "path", ""))
        if hasattr(route, "routes"):
            yield from _route_paths(route.routes, path)
        elif path.startswith(API_PREFIX + "/"):
            yield re.sub(r"\{(\w+):\w+\}", r"{\1}", path)


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loaded: dict[str, Any] = yaml.load(SPEC.read_bytes(), Loader=loader)
    return loaded


@pytest.fixture(scope="module")
def served() -> set[Key]:
    return served_operations(create_app())


@pytest.fixture(scope="module")
def clients() -> Iterator[list[Any]]:
    sync = ThreeCommas(api_key="k", api_secret="s")
    asynchronous = AsyncThreeCommas(api_key="k", api_secret="s")
    yield [sync, asynchronous]
    sync.close()
    asyncio.run(asynchronous.close())


def test_the_catalogue_names_the_spec_operations(document: dict[str, Any]) -> None:
    assert check_catalogue(document, OPERATIONS) == []
    assert len(OPERATIONS) == len({op.operation_id for op in OPERATIONS}) > 0


def test_the_catalogue_lists_every_generated_enum_with_its_values_in_order() -> None:
    """`ENUMS` serves the command line's choices without importing the models: the same enums,
    the same values, in the same order as the generated classes."""
    import enum

    from threecommas_api import models

    generated = {
        name: tuple(member.value for member in value)
        for name in models.__all__
        if isinstance(value := getattr(models, name), type) and issubclass(value, enum.Enum)
    }
    assert generated == ENUMS
    assert ENUMS["SmartTradeType"][:2] == ("simple_buy", "simple_sell")


def test_the_server_serves_exactly_the_catalogue(served: set[Key]) -> None:
    assert check_server(OPERATIONS, served) == []


def test_each_operation_reaches_its_route_on_a_fresh_server() -> None:
    """Its method on its path is answered by the operation, never 404 or 405: a signed one
    refuses the unsigned request (401); a public one answers it (200, or 400 for the query
    parameters it requires and did not get)."""
    answers = ask(create_app(), [(op.method, op.path) for op in OPERATIONS])
    for op, answer in zip(OPERATIONS, answers, strict=True):
        required = any(p.required and p.location == "query" for p in op.parameters)
        expected = 401 if op.signed else 400 if required else 200
        assert answer.status_code == expected, (op.operation_id, answer.status_code, answer.text)


def test_the_facade_has_a_method_for_every_operation(clients: list[Any]) -> None:
    assert check_facade(OPERATIONS, facade_methods(COMMANDS), clients) == []


def test_the_cli_has_a_command_for_every_operation() -> None:
    assert check_cli(OPERATIONS, COMMANDS) == []


def test_a_new_operation_missing_anywhere_is_reported(
    document: dict[str, Any], served: set[Key], clients: list[Any]
) -> None:
    new = Operation(
        operation_id="archive_smart_trade",
        method="POST",
        path="/v2/smart_trades/{id}/archive",
        tag="smart_trades",
        summary="Archive a SmartTrade",
        parameters=(Parameter("id", "path", True),),
        body=None,
        signed=True,
        success=(201,),
    )
    spec = copy.deepcopy(document)
    spec["paths"][new.path] = {"post": {"operationId": new.operation_id, "summary": new.summary}}
    catalogue = (*OPERATIONS, new)

    assert check_catalogue(spec, OPERATIONS) == [
        "not in the catalogue: archive_smart_trade ('POST', '/v2/smart_trades/{id}/archive')"
    ]
    assert check_server(catalogue, served) == [
        "not served: archive_smart_trade ('POST', '/v2/smart_trades/{id}/archive')"
    ]
    methods = facade_methods(COMMANDS)
    assert check_facade(catalogue, methods, clients) == ["no facade method for archive_smart_trade"]
    assert check_cli(catalogue, COMMANDS) == ["no command for archive_smart_trade"]
    # A command for it, naming a facade method that the clients lack, is reported too.
    row = Command(new.operation_id, "smart_trades.archive")
    assert check_cli(catalogue, (*COMMANDS, row)) == []
    assert check_facade(catalogue, facade_methods((*COMMANDS, row)), clients) == [
        "ThreeCommas has no smart_trades.archive (archive_smart_trade)",
        "AsyncThreeCommas has no smart_trades.archive (archive_smart_trade)",
    ]
    # And a route the spec does not have.
    assert check_server(OPERATIONS, {*served, ("PUT", "/v2/smart_trades")}) == [
        "served, not in the catalogue: ('PUT', '/v2/smart_trades')"
    ]


def test_the_catalogue_records_are_plain_values() -> None:
    """`Parameter` and `Operation` are slotted classes, not NamedTuples (typing makes a
    NamedTuple class from source text at import, more than the rest of the catalogue costs),
    with what the catalogue's readers had of a NamedTuple: the fields by name or position, the
    same repr, equality and hash by value."""
    parameter = Parameter("id", "path", True)
    assert not isinstance(parameter, tuple) and not hasattr(parameter, "__dict__")
    assert parameter == Parameter(name="id", location="path", required=True)
    assert parameter != Parameter("id", "path", False)
    assert hash(parameter) == hash(Parameter("id", "path", True))
    assert repr(parameter) == "Parameter(name='id', location='path', required=True)"
    operation = next(op for op in OPERATIONS if op.operation_id == "get_smart_trade")
    assert not isinstance(operation, tuple)
    assert repr(operation).startswith(
        "Operation(operation_id='get_smart_trade', method='GET', path='/v2/smart_trades/{id}', "
        "tag='smart_trades', summary="
    )
    assert repr(operation).endswith(", signed=True, success=(200,))")
    twin = Operation(**{name: getattr(operation, name) for name in Operation.__slots__})
    assert twin == operation and hash(twin) == hash(operation) and twin is not operation
    assert len({operation, twin}) == 1
    assert operation != Parameter("id", "path", True)
