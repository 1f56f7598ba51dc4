#!/usr/bin/env python3
"""Generate the low-level client `threecommas_api` from the OpenAPI document.

    scripts/generate.py           regenerate generated/threecommas_api/; record the spec's
                                  SHA-256 in openapi/spec-versions.json if its info.version is new
    scripts/generate.py --check   exit 1 when generated/ is not what the spec produces (naming the
                                  files), or when the spec changed but its info.version did not;
                                  changes nothing
    scripts/generate.py --record  regenerate, and record the spec's SHA-256 under its current
                                  info.version even if another one is recorded there (for a
                                  version that was never released)

The generator runs in a temporary directory outside the repository, so neither the repository's
own ruff settings nor leftovers of an earlier run can change its output. It, and the ruff that
formats its output, must be the versions pinned (`==`) in the dev extra of pyproject.toml: any
other is refused, naming the version expected and the one found (`make venv` installs them).
It is given the document's canonical view (overlay/threecommas/_spec_views.py: the request
forms the SDK sends, without the docs' other spellings), so the request models are typed by the
canonical forms.

Two versions are involved, and they are kept apart on purpose:

- the SDK's version, written once in overlay/threecommas/_version.py: hatch reads it for the
  distribution, and this script passes it to the generator, so `threecommas_api.__version__`
  is the same string as `threecommas.__version__`;
- the API description's own version, `info.version` of openapi/threecommas.yaml. It changes
  when the document changes, not when the SDK is released, and the SDK can be released without
  any change to the document. openapi/spec-versions.json maps each such version to the SHA-256
  of the document it stands for, so that an edit of the document without a new version fails
  the check. generated/threecommas_api/_spec.py records which document the package was
  generated from.
"""

from __future__ import annotations

import argparse
import ast
import filecmp
import hashlib
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "threecommas.yaml"
CONFIG = ROOT / "openapi" / "generator.yaml"
SPEC_VERSIONS = ROOT / "openapi" / "spec-versions.json"
VERSION_FILE = ROOT / "overlay" / "threecommas" / "_version.py"
SPEC_VIEWS = ROOT / "overlay" / "threecommas" / "_spec_views.py"
# Our templates override a few of the generator's: type checks and faster parsing in from_dict,
# and `__version__` in the package's __init__.py.
TEMPLATES = ROOT / "openapi" / "templates"
PACKAGE = "threecommas_api"
TARGET = ROOT / "generated" / PACKAGE
IGNORED = {"__pycache__", ".ruff_cache"}
PYPROJECT = ROOT / "pyproject.toml"
#: The tools whose exact version generated/ depends on (ruff formats the generator's output).
PINNED_TOOLS = ("openapi-python-client", "ruff")


def pinned_versions(pyproject: Path = PYPROJECT) -> dict[str, str]:
    """The exact versions of the tools that shape generated/, as pinned (`==`) in the dev extra
    of pyproject.toml: {"openapi-python-client": "0.29.1", "ruff": "0.17.6"}."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    requirements = project.get("optional-dependencies", {}).get("dev", [])
    pins = {}
    for requirement in requirements:
        match = re.fullmatch(r"\s*([A-Za-z0-9_.-]+)\s*==\s*([^\s;,]+)\s*", requirement)
        if match:
            pins[match.group(1).lower()] = match.group(2)
    missing = [tool for tool in PINNED_TOOLS if tool not in pins]
    if missing:
        sys.exit(
            f"generate: {', '.join(missing)} must be pinned with == in the dev extra of {pyproject}"
        )
    return {tool: pins[tool] for tool in PINNED_TOOLS}


def tool_version(executable: str) -> str | None:
    """What `executable --version` says its version is (None when it does not say)."""
    try:
        result = subprocess.run(
            [executable, "--version"], capture_output=True, text=True, timeout=60
        )
    except OSError:
        return None
    match = re.search(r"\b(\d+(?:\.\d+)+\S*)", result.stdout + result.stderr)
    return match.group(1) if match else None


def _tool(name: str) -> str:
    """The tool installed beside this interpreter (the project's venv), else the one on PATH,
    refused unless it is the version pinned in pyproject.toml: generated/ depends on the
    generator and on ruff byte for byte."""
    candidate = Path(sys.executable).parent / name
    found = str(candidate) if candidate.exists() else shutil.which(name)
    if found is None:
        sys.exit(f"generate: {name} is not installed; run `make venv` first")
    pinned = pinned_versions()[name]
    version = tool_version(found)
    if version != pinned:
        sys.exit(
            f"generate: {name} {pinned} is required (pinned in pyproject.toml), but {found} is "
            f"{version or 'of an unknown version'}; run `make venv` to install the pinned one"
        )
    return found


def sdk_version(version_file: Path = VERSION_FILE) -> str:
    """The `__version__ = "..."` string of the SDK (the assignment hatch reads too)."""
    tree = ast.parse(version_file.read_text(encoding="utf-8"), filename=str(version_file))
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and [getattr(t, "id", None) for t in node.targets] == ["__version__"]
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            return node.value.value
    sys.exit(f'generate: no `__version__ = "..."` in {version_file}')


@dataclass(frozen=True)
class SpecIdentity:
    """Which OpenAPI document: its `info.version` and the SHA-256 of the file's bytes."""

    version: str
    sha256: str


def spec_identity(spec: Path = SPEC) -> SpecIdentity:
    data = spec.read_bytes()
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    document = yaml.load(data, Loader=loader)
    version = document.get("info", {}).get("version") if isinstance(document, dict) else None
    if not isinstance(version, str) or not version:
        sys.exit(f"generate: {spec} has no info.version string")
    return SpecIdentity(version, hashlib.sha256(data).hexdigest())


def read_spec_versions(registry: Path = SPEC_VERSIONS) -> dict[str, str]:
    if not registry.exists():
        return {}
    recorded = json.loads(registry.read_text(encoding="utf-8"))
    if not isinstance(recorded, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in recorded.items()
    ):
        sys.exit(f"generate: {registry} must map each info.version to a SHA-256 string")
    return recorded


def write_spec_versions(recorded: dict[str, str], registry: Path = SPEC_VERSIONS) -> None:
    registry.write_text(json.dumps(recorded, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def _display(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def spec_version_problem(spec: Path = SPEC, registry: Path = SPEC_VERSIONS) -> str | None:
    """Why the document and its recorded hash disagree, or None when they agree."""
    identity = spec_identity(spec)
    recorded = read_spec_versions(registry).get(identity.version)
    if recorded is None:
        return (
            f"{_display(spec)}: info.version {identity.version} has no hash recorded in "
            f"{_display(registry)}; run `make generate` to record it"
        )
    if recorded != identity.sha256:
        return (
            f"{_display(spec)} changed, but its info.version is still {identity.version} "
            f"(recorded sha256 {recorded[:12]}..., now {identity.sha256[:12]}...).\n"
            f"Bump info.version in {_display(spec)}, then run `make generate` to record the new "
            f"version's hash in {_display(registry)}.\n"
            f"If {identity.version} was never released, re-record it instead with "
            f"`{_display(Path(__file__).resolve())} --record`."
        )
    return None


def record_spec_version(
    spec: Path = SPEC, registry: Path = SPEC_VERSIONS, *, overwrite: bool = False
) -> str | None:
    """Record the document's hash under its info.version; return a warning when another hash is
    already recorded there and `overwrite` is false (nothing is written then)."""
    identity = spec_identity(spec)
    recorded = read_spec_versions(registry)
    known = recorded.get(identity.version)
    if known == identity.sha256:
        return None
    if known is not None and not overwrite:
        return spec_version_problem(spec, registry)
    recorded[identity.version] = identity.sha256
    write_spec_versions(recorded, registry)
    return None


def _spec_module(identity: SpecIdentity) -> str:
    return (
        '"""The OpenAPI document this package was generated from '
        '(written by scripts/generate.py)."""\n'
        "\n"
        f"SPEC_VERSION = {json.dumps(identity.version)}\n"
        f"SPEC_SHA256 = {json.dumps(identity.sha256)}\n"
    )


_METHODS = ("get", "put", "post", "patch", "delete")


def _resolve(document: dict[str, object], item: dict[str, object]) -> dict[str, object]:
    """A parameter or body, with a local `$ref` followed."""
    ref = item.get("$ref")
    if not isinstance(ref, str):
        return item
    node: object = document
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]  # type: ignore[index]
    return node  # type: ignore[return-value]


def catalogue_entries(document: dict[str, Any]) -> list[dict[str, Any]]:
    """Every operation of the document, in the document's order: the facts the SDK, the CLI,
    the fake server and the tests share (each operation is named once, here)."""
    entries = []
    for path, item in document["paths"].items():
        shared = item.get("parameters", [])
        for method in _METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            parameters = []
            for raw in [*shared, *operation.get("parameters", [])]:
                parameter = _resolve(document, raw)
                parameters.append(
                    (
                        str(parameter["name"]),
                        str(parameter["in"]),
                        bool(parameter.get("required", False)),
                    )
                )
            body = operation.get("requestBody")
            body_schema = None
            if body is not None:
                schema = _resolve(document, body)["content"]["application/json"]["schema"]
                body_schema = str(schema["$ref"]).rsplit("/", 1)[-1]
            security = operation.get("security", document.get("security", []))
            entries.append(
                {
                    "operation_id": operation["operationId"],
                    "method": method.upper(),
                    "path": path,
                    "tag": operation["tags"][0],
                    "summary": operation["summary"],
                    "parameters": tuple(parameters),
                    "body": body_schema,
                    "signed": any("Signature" in requirement for requirement in security),
                    "success": _successes(document, operation),
                }
            )
    return entries


def _successes(document: dict[str, Any], operation: dict[str, Any]) -> tuple[int, ...]:
    """The documented 2xx statuses, those with a body first: the fake server answers the first,
    and an empty one (the close-by-market page's `200 OK`) is the exception, not the rule."""
    codes = [code for code in operation["responses"] if code[0] == "2"]
    empty = {
        code for code in codes if "content" not in _resolve(document, operation["responses"][code])
    }
    return tuple(int(code) for code in sorted(codes, key=lambda code: (code in empty, code)))


def catalogue_enums(document: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """The string enums of the document's canonical view (the generated enum classes), each
    with its values in the generated class's order (the generator sorts the members by name,
    the value in upper case)."""
    view = _spec_views().canonical_view(document)
    return {
        name: tuple(sorted(map(str, schema["enum"]), key=str.upper))
        for name, schema in view["components"]["schemas"].items()
        if schema.get("type") == "string" and "enum" in schema
    }


_PROSE = ("description", "example", "examples", "title")


def _resolved_schema(document: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """A schema with its `$ref` followed, and the `$ref`s of its `anyOf` branches too."""
    while isinstance(node.get("$ref"), str):
        node = _resolve(document, node)
    # Words and examples are for readers of the document; the checks need none of them.
    schema = {key: value for key, value in node.items() if key not in _PROSE}
    if "anyOf" in schema:  # alternatives, such as a docs form beside the canonical
        schema["anyOf"] = [_resolved_schema(document, branch) for branch in schema["anyOf"]]
    return schema


def catalogue_parameter_schemas(
    document: dict[str, Any],
) -> dict[str, dict[str, dict[str, dict[str, Any]]]]:
    """operation id -> location -> parameter name -> its schema (references followed), as the
    document writes it: what the client checks before sending and the fake server on receipt,
    without reading the document at run time."""
    found: dict[str, dict[str, dict[str, dict[str, Any]]]] = {}
    for item in document["paths"].values():
        shared = item.get("parameters", [])
        for method in _METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            by_location: dict[str, dict[str, dict[str, Any]]] = {}
            for raw in [*shared, *operation.get("parameters", [])]:
                parameter = _resolve(document, raw)
                schema = _resolved_schema(document, parameter["schema"])
                by_location.setdefault(str(parameter["in"]), {})[str(parameter["name"])] = schema
            found[operation["operationId"]] = by_location
    return found


#: The catalogue's two record classes: (field, type, comment) in the order `__init__` takes them.
_RECORDS: dict[str, tuple[str, list[tuple[str, str, str]]]] = {
    "Parameter": (
        "One parameter of an operation.",
        [
            ("name", "str", ""),
            ("location", "str", '"path", "query" or "header"'),
            ("required", "bool", ""),
        ],
    ),
    "Operation": (
        "One operation of the document.",
        [
            ("operation_id", "str", ""),
            ("method", "str", 'upper case: "GET", "POST"...'),
            ("path", "str", "as in the document, with {placeholders}"),
            ("tag", "str", "the generated module is threecommas_api.api.<tag>.<operation_id>"),
            ("summary", "str", ""),
            ("parameters", "tuple[Parameter, ...]", ""),
            ("body", "str | None", "the request body's schema name"),
            ("signed", "bool", "sent with Apikey and Signature"),
            ("success", "tuple[int, ...]", "the documented 2xx statuses, those with a body first"),
        ],
    ),
}


def _record_class(name: str) -> list[str]:
    """The source of one of the catalogue's record classes: slots, read-only (`Final`) fields,
    and the `__init__`, repr, equality and hash a NamedTuple had, without the cost of making a
    NamedTuple class at import (typing builds its methods from source text: about a tenth of a
    millisecond a class, more than the rest of the module takes to load)."""
    doc, fields = _RECORDS[name]
    names = [field for field, _, _ in fields]

    def each(template: str, items: list[str] | None = None) -> list[str]:
        return [template.format(field=field) for field in (names if items is None else items)]

    shown = [f'            f"{field}={{self.{field}!r}}, "' for field in names]
    shown[-1] = shown[-1].replace(', "', '"')
    return [
        f"class {name}:",
        f'    """{doc}"""',
        "",
        "    __slots__ = (",
        *each('        "{field}",'),
        "    )",
        "",
        *[
            f"    {field}: Final[{kind}]" + (f"  # {note}" if note else "")
            for field, kind, note in fields
        ],
        "",
        "    def __init__(",
        "        self,",
        *[f"        {field}: {kind}," for field, kind, _ in fields],
        "    ) -> None:",
        *each("        self.{field} = {field}"),
        "",
        "    def __repr__(self) -> str:",
        "        return (",
        f'            "{name}("',
        *shown,
        '            ")"',
        "        )",
        "",
        "    def __eq__(self, other: object) -> bool:",
        f"        if not isinstance(other, {name}):",
        "            return NotImplemented",
        "        return (",
        f"            self.{names[0]} == other.{names[0]}",
        *each("            and self.{field} == other.{field}", names[1:]),
        "        )",
        "",
        "    def __hash__(self) -> int:",
        "        return hash(",
        "            (",
        *each("                self.{field},"),
        "            )",
        "        )",
        "",
        "",
    ]


def _catalogue_module(spec: Path) -> str:
    document = yaml.safe_load(spec.read_text(encoding="utf-8"))
    lines = [
        '"""Every operation of the OpenAPI document, in order (written by scripts/generate.py).',
        "",
        "The SDK's facade, its command line, the fake server's routes and the tests all read the",
        "operations from here, so that each is named once: in the document. `ENUMS` holds the",
        "values of the generated enums, for the command line's `--help` (which imports no model);",
        "`PARAMETER_SCHEMAS` the schema of every parameter, for the checks of the client and the",
        "fake server, so that a request needs no reading of the document. This module imports",
        "nothing but `typing`.",
        '"""',
        "",
        "from typing import Any, Final",
        "",
        "",
        *_record_class("Parameter"),
        *_record_class("Operation"),
        "OPERATIONS: tuple[Operation, ...] = (",
    ]
    for entry in catalogue_entries(document):
        lines.append("    Operation(")
        for key, value in entry.items():
            if key == "parameters":
                lines.append("        parameters=(")
                lines.extend(f"            Parameter{p!r}," for p in value)
                lines.append("        ),")
            else:
                lines.append(f"        {key}={value!r},")
        lines.append("    ),")
    lines += [
        ")",
        "",
        "BY_ID: dict[str, Operation] = {op.operation_id: op for op in OPERATIONS}",
        "",
        "#: Enum name (as in threecommas_api.models) -> its values, in the enum's order.",
        "ENUMS: dict[str, tuple[str, ...]] = {",
    ]
    lines += [f"    {name!r}: {values!r}," for name, values in catalogue_enums(document).items()]
    lines += [
        "}",
        "",
        "#: Operation id -> location -> parameter name -> its schema, references followed.",
        "PARAMETER_SCHEMAS: dict[str, dict[str, dict[str, dict[str, Any]]]] = {",
    ]
    for operation_id, by_location in catalogue_parameter_schemas(document).items():
        lines.append(f"    {operation_id!r}: {{")
        for location, schemas in by_location.items():
            lines.append(f"        {location!r}: {{")
            lines += [f"            {name!r}: {schema!r}," for name, schema in schemas.items()]
            lines.append("        },")
        lines.append("    },")
    lines += ["}", ""]
    return "\n".join(lines)


def _generator_config(workdir: Path, version: str) -> Path:
    """The checked-in generator config plus the SDK's version, for `__version__`."""
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    config["package_version_override"] = version
    path = workdir / "generator-config.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    return path


def _spec_views() -> Any:
    """overlay/threecommas/_spec_views.py, loaded by its path: importing `threecommas` would
    import the generated package this script is about to write."""
    loader_spec = importlib.util.spec_from_file_location("_threecommas_spec_views", SPEC_VIEWS)
    assert loader_spec is not None and loader_spec.loader is not None
    module = importlib.util.module_from_spec(loader_spec)
    loader_spec.loader.exec_module(module)
    return module


def canonical_spec(workdir: Path, spec: Path = SPEC) -> Path:
    """The canonical view of the document (no docs forms; see _spec_views), for the generator:
    the request models are typed by what the SDK sends."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    document = yaml.load(spec.read_bytes(), Loader=loader)
    path = workdir / "threecommas.canonical.yaml"
    view = _spec_views().canonical_view(document)
    path.write_text(yaml.safe_dump(view, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def generate_into(workdir: Path, spec: Path = SPEC) -> Path:
    """Run the generator on the document's canonical view; return the path of the freshly
    generated package."""
    workdir.mkdir(parents=True, exist_ok=True)
    out = workdir / PACKAGE
    env = dict(os.environ)
    # The post hooks call `ruff`: the pinned one, found first on their PATH.
    ruff = _tool("ruff")
    env["PATH"] = f"{Path(ruff).parent}{os.pathsep}{env.get('PATH', '')}"
    cmd = [
        _tool("openapi-python-client"),
        "generate",
        "--path",
        str(canonical_spec(workdir, spec)),
        "--config",
        str(_generator_config(workdir, sdk_version())),
        "--custom-template-path",
        str(TEMPLATES),
        "--meta",
        "none",
        "--output-path",
        str(out),
        "--fail-on-warning",
    ]
    result = subprocess.run(cmd, cwd=workdir, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        sys.exit(f"generate: openapi-python-client failed (exit {result.returncode})")
    for junk in out.rglob(".ruff_cache"):
        shutil.rmtree(junk)
    # `--meta none` writes no packaging files; the package still ships its type hints (PEP 561).
    (out / "py.typed").write_text("")
    (out / "_spec.py").write_text(_spec_module(spec_identity(spec)), encoding="utf-8")
    (out / "_catalogue.py").write_text(_catalogue_module(spec), encoding="utf-8")
    params = out / "params.py"
    params.write_text(_params_module(spec), encoding="utf-8")
    for fix in (["check", "--fix-only", "--quiet"], ["format", "--quiet"]):
        subprocess.run([ruff, *fix, "--no-force-exclude", "--isolated", str(params)], check=True)
    return out


def _params_module(spec: Path) -> str:
    """`threecommas_api/params.py`: the request bodies' TypedDicts, from the canonical view."""
    sys.path.insert(0, str(Path(__file__).parent))
    try:
        from typeddicts import params_module
    finally:
        sys.path.pop(0)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    document = yaml.load(spec.read_bytes(), Loader=loader)
    return params_module(_spec_views().canonical_view(document))


def _files(root: Path) -> set[str]:
    return {
        str(p.relative_to(root))
        for p in root.rglob("*")
        if p.is_file() and not IGNORED.intersection(p.relative_to(root).parts)
    }


def differences(fresh: Path, current: Path) -> list[str]:
    fresh_files = _files(fresh)
    current_files = _files(current) if current.exists() else set()
    problems = [f"missing: {name}" for name in sorted(fresh_files - current_files)]
    problems += [f"not generated: {name}" for name in sorted(current_files - fresh_files)]
    for name in sorted(fresh_files & current_files):
        if not filecmp.cmp(fresh / name, current / name, shallow=False):
            problems.append(f"differs: {name}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--check",
        action="store_true",
        help="fail if generated/ is stale or the spec changed without a new info.version; "
        "write nothing",
    )
    mode.add_argument(
        "--record",
        action="store_true",
        help="also replace the hash recorded for the spec's current info.version",
    )
    # For tests of the version check on a copy of the document.
    parser.add_argument("--spec", type=Path, default=SPEC, help=argparse.SUPPRESS)
    parser.add_argument("--spec-versions", type=Path, default=SPEC_VERSIONS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    spec: Path = args.spec.resolve()
    registry: Path = args.spec_versions.resolve()
    with tempfile.TemporaryDirectory(prefix="threecommas-gen-") as tmp:
        fresh = generate_into(Path(tmp), spec)
        if args.check:
            failed = False
            problems = differences(fresh, TARGET)
            if problems:
                print(f"generated/{PACKAGE} is stale; run `make generate`:", file=sys.stderr)
                for line in problems:
                    print(f"  {line}", file=sys.stderr)
                failed = True
            version_problem = spec_version_problem(spec, registry)
            if version_problem is not None:
                print(version_problem, file=sys.stderr)
                failed = True
            if failed:
                return 1
            print(f"generated/{PACKAGE} is up to date with {_display(spec)}")
            return 0
        if TARGET.exists():
            shutil.rmtree(TARGET)
        shutil.copytree(fresh, TARGET, ignore=shutil.ignore_patterns(*IGNORED))
    print(f"generated/{PACKAGE} written from {_display(spec)}")
    warning = record_spec_version(spec, registry, overwrite=args.record)
    if warning is not None:
        print(f"warning: {warning}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
