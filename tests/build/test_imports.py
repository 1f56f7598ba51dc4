"""The modules of overlay/threecommas: no import circle, no hand-written module too long.

The graph is read from the source with `ast`, not by importing: an edge for every import of
another module of the package, at the top or inside a function (relative imports resolved;
`from package import module` is an edge to the module). Imports under `if TYPE_CHECKING:` never
run, so they make a graph of their own, which may hold circles.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

PACKAGE_DIR = Path(__file__).resolve().parents[2] / "overlay" / "threecommas"
ROOT_NAME = "threecommas"
#: "About 500 lines" for a hand-written module: the few lines over it are not worth a split.
MAX_LINES = 520

Graph = dict[str, set[str]]


def modules(root: Path = PACKAGE_DIR) -> dict[str, Path]:
    """Module name -> file, for every module of the package in `root`."""
    found = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join((ROOT_NAME, *parts))] = path
    return found


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST, type_checking: bool = False) -> Iterator[tuple[ast.stmt, bool]]:
    """Every import statement, and whether it sits under `if TYPE_CHECKING:`."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node, type_checking
        elif isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.body:
                yield from _imports(ast.Module(body=[child], type_ignores=[]), True)
            for child in node.orelse:
                yield from _imports(ast.Module(body=[child], type_ignores=[]), type_checking)
        else:
            yield from _imports(node, type_checking)


def _targets(node: ast.stmt, importer: str, is_package: bool, known: set[str]) -> set[str]:
    """The package's modules an import statement of `importer` loads."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
        return {name for name in names if name in known}
    assert isinstance(node, ast.ImportFrom)
    base = node.module or ""
    if node.level:
        package = importer if is_package else importer.rpartition(".")[0]
        for _ in range(node.level - 1):
            package = package.rpartition(".")[0]
        base = f"{package}.{base}" if base else package
    found = set()
    for alias in node.names:
        if f"{base}.{alias.name}" in known:
            found.add(f"{base}.{alias.name}")  # `from package import module`
        elif base in known:
            found.add(base)
    return found


def import_graphs(files: Mapping[str, Path]) -> tuple[Graph, Graph]:
    """(the imports that run, the imports under `if TYPE_CHECKING:`), module -> modules."""
    known = set(files)
    runtime: Graph = {name: set() for name in files}
    checking: Graph = {name: set() for name in files}
    for name, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node, type_checking in _imports(tree):
            targets = _targets(node, name, path.name == "__init__.py", known) - {name}
            (checking if type_checking else runtime)[name] |= targets
    return runtime, checking


def cycles(graph: Graph) -> list[list[str]]:
    """One circle (as a path back to its start) per strongly connected group of modules."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def visit(node: str) -> None:  # Tarjan's algorithm
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return [_circle(graph, group) for group in groups]


def _circle(graph: Graph, group: set[str]) -> list[str]:
    """A shortest path from the group's first module back to itself, inside the group."""
    start = min(group)
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for target in sorted(graph[node] & group):
                if target == start:
                    return [*paths[node], start]
                if target not in paths:
                    paths[target] = [*paths[node], target]
                    following.append(target)
        frontier = following
    raise AssertionError(f"no circle in {sorted(group)}")


def _shown(circles: list[list[str]]) -> str:
    return "\n".join(" -> ".join(circle) for circle in circles)


def test_the_graph_is_read_from_the_source(tmp_path: Path) -> None:
    sources = {
        "__init__.py": "from threecommas import _a\n",
        "_a.py": "from typing import TYPE_CHECKING\nfrom . import _b\n"
        "if TYPE_CHECKING:\n    from ._c import C\n",
        "_b.py": "import json\n\ndef f():\n    from ._a import A\n",
        "_c.py": "from .sub import _d\n",
        "sub/__init__.py": "",
        "sub/_d.py": "from .. import _c\nimport threecommas.sub\n",
    }
    for name, text in sources.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text)
    runtime, checking = import_graphs(modules(tmp_path))
    assert runtime == {
        "threecommas": {"threecommas._a"},
        "threecommas._a": {"threecommas._b"},
        "threecommas._b": {"threecommas._a"},  # inside a function
        "threecommas._c": {"threecommas.sub._d"},
        "threecommas.sub": set(),
        "threecommas.sub._d": {"threecommas._c", "threecommas.sub"},
    }
    assert checking["threecommas._a"] == {"threecommas._c"}
    assert cycles(runtime) == [
        ["threecommas._a", "threecommas._b", "threecommas._a"],
        ["threecommas._c", "threecommas.sub._d", "threecommas._c"],
    ]
    assert _shown(cycles(runtime)).splitlines()[0] == (
        "threecommas._a -> threecommas._b -> threecommas._a"
    )


@functools.cache
def package_graphs() -> tuple[Graph, Graph]:
    return import_graphs(modules())


def test_no_import_circle() -> None:
    runtime, _ = package_graphs()
    found = cycles(runtime)
    assert found == [], "import circles:\n" + _shown(found)


def _hand_written() -> list[object]:
    found = []
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        head = path.read_text(encoding="utf-8")[:400].lower()
        if "do not edit" in head and "generated" in head:
            continue  # written by a script (the sync twins of the async modules)
        found.append(pytest.param(path, id=path.relative_to(PACKAGE_DIR).as_posix()))
    return found


@pytest.mark.parametrize("path", _hand_written())
def test_no_hand_written_module_is_too_long(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(PACKAGE_DIR)}: {lines} lines"
