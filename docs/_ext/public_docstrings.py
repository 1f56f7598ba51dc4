"""A Sphinx extension that fails the build when a public name has no docstring.

The public names are those of `threecommas.__all__` and `threecommas.testing.__all__`, the
resource classes a client hands out (`client.smart_trades`...), and the public methods and
properties of every class among them that the SDK defines. A constant cannot carry a docstring
of its own: it needs a `#:` comment where it is assigned, which autodoc shows.
"""

from __future__ import annotations

import importlib
import inspect
import sys
import typing
from typing import Any

from sphinx.application import Sphinx
from sphinx.pycode import ModuleAnalyzer
from sphinx.util import logging

logger = logging.getLogger(__name__)

PACKAGES = ("threecommas", "threecommas.testing")
# What a client exposes as attributes: documented as classes of their own.
RESOURCES = (
    "threecommas._sync.resources",
    "threecommas._async.resources",
)


def _ours(cls: type) -> bool:
    """Written in the SDK's own package; the generated models' members are the generator's."""
    return cls.__module__ == "threecommas" or cls.__module__.startswith("threecommas.")


def _own_doc(obj: Any) -> str:
    if inspect.isclass(obj):
        return (obj.__dict__.get("__doc__") or "").strip()
    return (getattr(obj, "__doc__", None) or "").strip()


def _is_constant(obj: Any) -> bool:
    """A value that cannot hold a docstring: a number, a path, a type alias (`Literal[...]`)."""
    if typing.get_origin(obj) is not None:
        return True
    return not (inspect.isclass(obj) or callable(obj) or inspect.ismodule(obj))


def _constant_documented(package: str, name: str) -> bool:
    """A `#:` comment (or a docstring after the assignment) where the package or the module it
    imports the name from assigns it."""
    modules = [package]
    module = importlib.import_module(package)
    sources = getattr(module, "_SOURCES", {})
    if name in sources:
        modules.append(f"{package}.{sources[name]}")
    for candidate in modules:
        try:
            docs = ModuleAnalyzer.for_module(candidate).find_attr_docs()
        except Exception:
            continue
        if any(attr == name for (_, attr) in docs):
            return True
    # The module that defines it, found through the objects that share its value.
    for mod_name in _defining_modules(package, name):
        try:
            docs = ModuleAnalyzer.for_module(mod_name).find_attr_docs()
        except Exception:
            continue
        if any(attr == name for (_, attr) in docs):
            return True
    return False


def _defining_modules(package: str, name: str) -> list[str]:
    value = getattr(importlib.import_module(package), name)
    found = []
    for mod_name, module in list(sys.modules.items()):
        if not mod_name.startswith("threecommas") or module is None:
            continue
        if getattr(module, name, _MISSING) is value:
            found.append(mod_name)
    return found


_MISSING = object()


def _class_members(cls: type) -> list[tuple[str, Any]]:
    members = []
    for klass in cls.__mro__:
        if not _ours(klass):
            continue
        for member_name, member in vars(klass).items():
            if member_name.startswith("_"):
                continue
            if isinstance(member, (staticmethod, classmethod)):
                member = member.__func__
            if inspect.isfunction(member) or isinstance(member, property):
                members.append((f"{klass.__qualname__}.{member_name}", member))
    return members


def _member_doc(cls: type, name: str) -> str:
    """The member's docstring, or the one it overrides (autodoc shows that one too)."""
    for klass in cls.__mro__:
        member = vars(klass).get(name)
        if member is None:
            continue
        if isinstance(member, (staticmethod, classmethod)):
            member = member.__func__
        doc = member.fget.__doc__ if isinstance(member, property) else member.__doc__
        if (doc or "").strip():
            return str(doc).strip()
    return ""


def missing_docstrings() -> list[str]:
    """Every public name (and member) without a docstring, as `module.name`."""
    missing: list[str] = []
    seen: set[int] = set()
    targets: list[tuple[str, str, Any]] = []
    for package in PACKAGES:
        module = importlib.import_module(package)
        for name in module.__all__:
            if name == "__version__":
                continue
            targets.append((package, name, getattr(module, name)))
    for package in RESOURCES:
        module = importlib.import_module(package)
        for name in module.__all__:
            targets.append((package, name, getattr(module, name)))
    for name, _, function in fixtures():
        if not (function.__doc__ or "").strip():
            missing.append(f"threecommas.testing.pytest_plugin.{name} (a fixture)")
    for package, name, obj in targets:
        if _is_constant(obj):
            if not _constant_documented(package, name):
                missing.append(f"{package}.{name} (a constant: give it a `#:` comment)")
            continue
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        if not _own_doc(obj):
            missing.append(f"{package}.{name}")
        if inspect.isclass(obj) and _ours(obj):
            for member_name, member in _class_members(obj):
                if id(member) in seen:
                    continue
                seen.add(id(member))
                if not _member_doc(obj, member_name.rsplit(".", 1)[1]):
                    missing.append(f"{obj.__module__}.{member_name}")
    return sorted(set(missing))


def _check(app: Sphinx) -> None:
    missing = missing_docstrings()
    if missing:
        listed = "\n  ".join(missing)
        # A warning: `make docs` runs with -W, which makes it fail the build, with this message.
        logger.warning(f"public names without a docstring ({len(missing)}):\n  {listed}")


def public_names() -> list[str]:
    """Every public name as the reference documents it: `threecommas.X`, `threecommas.testing.Y`."""
    names = []
    for package in PACKAGES:
        module = importlib.import_module(package)
        names += [f"{package}.{name}" for name in module.__all__ if name != "__version__"]
    return names


def _check_reference(app: Sphinx, env: Any) -> None:
    documented = set(env.get_domain("py").objects)
    missing = [name for name in public_names() if name not in documented]
    if missing:
        listed = "\n  ".join(missing)
        logger.warning(
            f"public names missing from the reference (docs/reference/*.md):\n  {listed}"
        )


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", _check)
    app.connect("env-check-consistency", _check_reference)
    _setup_directives(app)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}


# --- directives the reference pages use ----------------------------------------------------------

from docutils import nodes  # noqa: E402
from docutils.statemachine import StringList  # noqa: E402
from sphinx.util.docutils import SphinxDirective  # noqa: E402


def fixtures() -> list[tuple[str, str, Any]]:
    """The pytest fixtures the plugin registers: (name, scope, the function under the marker)."""
    from threecommas.testing import pytest_plugin

    found = []
    for name, value in vars(pytest_plugin).items():
        wrapped = getattr(value, "_get_wrapped_function", None)
        if name.startswith("threecommas_") and wrapped is not None:
            scope = value._fixture_function_marker.scope
            found.append((name, str(scope), wrapped()))
    return found


class _Rst(SphinxDirective):
    def _render(self, lines: list[str]) -> list[nodes.Node]:
        container = nodes.container()
        self.state.nested_parse(StringList(lines, source="public_docstrings"), 0, container)
        return list(container.children)


class FixturesDirective(_Rst):
    """Every fixture of `threecommas.testing.pytest_plugin`, with what it yields and its
    docstring: the plugin is the one place they are written."""

    def run(self) -> list[nodes.Node]:
        from threecommas.testing import pytest_plugin

        # Rebuilt when the plugin changes (an incremental build tracks files, not objects).
        self.env.note_dependency(str(inspect.getsourcefile(pytest_plugin)))
        lines: list[str] = []
        for name, scope, function in fixtures():
            returns = inspect.signature(function).return_annotation
            shown = str(returns).replace("Iterator[", "").rstrip("]") if returns else ""
            lines += [
                f".. py:function:: {name}() -> {shown}",
                "   :module: threecommas.testing",
                "",
            ]
            lines += [f"   *{scope}-scoped fixture.*", ""]
            doc = inspect.getdoc(function) or ""
            lines += [f"   {line}" if line else "" for line in doc.splitlines()]
            lines.append("")
        return self._render(lines)


class ExceptionTreeDirective(_Rst):
    """The error hierarchy from `ThreeCommasError` down, as the classes define it."""

    def run(self) -> list[nodes.Node]:
        import threecommas

        public = {getattr(threecommas, n) for n in threecommas._EXCEPTIONS}
        public.add(threecommas.StorageError)
        for cls in public:
            self.env.note_dependency(str(inspect.getsourcefile(cls)))
        lines: list[str] = []

        def walk(cls: type, depth: int) -> None:
            parent = _first_public_base(cls, public)
            others = [b.__name__ for b in cls.__bases__ if b is not parent and b is not object]
            also = f" (also {', '.join(f'``{o}``' for o in others)})" if others else ""
            lines.append(f"{'  ' * depth}- :class:`~threecommas.{cls.__name__}`{also}")
            lines.append("")
            for sub in sorted(cls.__subclasses__(), key=lambda c: c.__name__):
                if sub in public and cls is _first_public_base(sub, public):
                    walk(sub, depth + 1)

        walk(threecommas.ThreeCommasError, 0)
        return self._render(lines)


def _first_public_base(cls: type, public: set[type]) -> type | None:
    for base in cls.__mro__[1:]:
        if base in public:
            return base
    return None


_BLOCK_HEADERS = ("Args:", "Returns:", "Yields:", "Raises:", "Attributes:", "Example:", "Examples:")


def _literal_blocks(lines: list[str]) -> None:
    """Turn the docstrings' Markdown-style code (a block indented under a paragraph, after a
    blank line) into reStructuredText literal blocks, in place."""
    index = 1
    while index < len(lines):
        line = lines[index]
        if not line.strip() or lines[index - 1].strip():
            index += 1
            continue
        previous = next((lines[i] for i in range(index - 1, -1, -1) if lines[i].strip()), None)
        indent = len(line) - len(line.lstrip())
        if previous is None or previous.rstrip().endswith("::"):
            index += 1
            continue
        base = len(previous) - len(previous.lstrip())
        if indent >= base + 4 and previous.strip() not in _BLOCK_HEADERS:
            lines.insert(index - 1, " " * base + "::")
            lines.insert(index - 1, "")
            index += 2
            while index < len(lines) and (
                not lines[index].strip() or len(lines[index]) - len(lines[index].lstrip()) > base
            ):
                index += 1
        index += 1


def _constant_doc(name: str) -> list[str] | None:
    """The `#:` comment of a constant that a package re-exports, read where it is assigned
    (autodoc looks in the package only, and would show the docstring of the value's type)."""
    package, _, attr = name.rpartition(".")
    if package not in PACKAGES:
        return None
    for mod_name in [package, *_defining_modules(package, attr)]:
        try:
            docs = ModuleAnalyzer.for_module(mod_name).find_attr_docs()
        except Exception:
            continue
        for (_, found), lines in docs.items():
            if found == attr:
                return [line for line in lines]
    return None


def _process_docstring(
    app: Sphinx, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    if what == "data":
        documented = _constant_doc(name)
        if documented is not None:
            lines[:] = documented
    _literal_blocks(lines)


def _plain_attribute_docstring(self: Any) -> list[str]:
    """An attribute's or a property's docstring as written: napoleon would read a first line
    such as `The HTTP status (a 2xx: ...)` as `type: description`."""
    return list(self._consume_to_end())


def _setup_directives(app: Sphinx) -> None:
    from sphinx.ext.napoleon import docstring as napoleon

    napoleon.GoogleDocstring._parse_attribute_docstring = _plain_attribute_docstring
    # Before napoleon (priority 500), which would read the blocks' lines as text.
    app.connect("autodoc-process-docstring", _process_docstring, priority=400)
    app.add_directive("threecommas-fixtures", FixturesDirective)
    app.add_directive("threecommas-exception-tree", ExceptionTreeDirective)
