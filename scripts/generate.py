#!/usr/bin/env python3
"""Generate the low-level client `threecommas_api` from the OpenAPI document.

    scripts/generate.py           regenerate generated/threecommas_api/
    scripts/generate.py --check   exit 1 (naming the files) when generated/ is not what the
                                  spec produces; changes nothing

The generator runs in a temporary directory outside the repository, so neither the repository's
own ruff settings nor leftovers of an earlier run can change its output.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "threecommas.yaml"
CONFIG = ROOT / "openapi" / "generator.yaml"
PACKAGE = "threecommas_api"
TARGET = ROOT / "generated" / PACKAGE
IGNORED = {"__pycache__", ".ruff_cache"}


def _tool(name: str) -> str:
    """Prefer the tool installed beside this interpreter (the project's venv)."""
    candidate = Path(sys.executable).parent / name
    if candidate.exists():
        return str(candidate)
    found = shutil.which(name)
    if found is None:
        sys.exit(f"generate: {name} is not installed; run `make venv` first")
    return found


def generate_into(workdir: Path) -> Path:
    """Run the generator; return the path of the freshly generated package."""
    workdir.mkdir(parents=True, exist_ok=True)
    out = workdir / PACKAGE
    env = dict(os.environ)
    # The post hooks call `ruff`; make sure it is the pinned one from this venv.
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    cmd = [
        _tool("openapi-python-client"),
        "generate",
        "--path",
        str(SPEC),
        "--config",
        str(CONFIG),
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
    return out


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
    parser.add_argument(
        "--check", action="store_true", help="fail if generated/ is stale; write nothing"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="threecommas-gen-") as tmp:
        fresh = generate_into(Path(tmp))
        if args.check:
            problems = differences(fresh, TARGET)
            if problems:
                print(f"generated/{PACKAGE} is stale; run `make generate`:", file=sys.stderr)
                for line in problems:
                    print(f"  {line}", file=sys.stderr)
                return 1
            print(f"generated/{PACKAGE} is up to date with {SPEC.relative_to(ROOT)}")
            return 0
        if TARGET.exists():
            shutil.rmtree(TARGET)
        shutil.copytree(fresh, TARGET, ignore=shutil.ignore_patterns(*IGNORED))
    print(f"generated/{PACKAGE} written from {SPEC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
