#!/usr/bin/env python3
"""The schemathesis CLI against live recorded-responses servers, every check enabled.

Part of `make test`. For each operation of the spec: a fresh server (so that what one
operation changed, a cancel say, does not leave the next one nothing to act on), then
`schemathesis run` limited to that operation for the examples, coverage and fuzzing phases.
Then one more fresh server for the stateful phase over the spec's links, all operations
together. Every run signs through the hooks in `st_hooks.py` and writes a HAR report; at the
end the script fails unless every operation got at least one 2xx: a run of only 401s or 404s
tests nothing, whatever schemathesis concluded.

All checks run except `use_after_free` (a DELETE here cancels; the resource stays readable,
see schemathesis.toml).
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = ROOT / "openapi" / "threecommas.yaml"
sys.path.insert(0, str(HERE))

from _serve import recorded_server  # noqa: E402

MAX_EXAMPLES = "40"
PER_OPERATION_PHASES = "examples,coverage,fuzzing"


@functools.cache
def _operations() -> dict[tuple[str, str], str]:
    """(METHOD, path template) -> operationId, from the spec."""
    spec = yaml.safe_load(SPEC.read_text())
    return {
        (method.upper(), path): op["operationId"]
        for path, item in spec["paths"].items()
        for method, op in item.items()
        if isinstance(op, dict) and "operationId" in op
    }


def _matches(template: str, path: str) -> bool:
    want, got = template.strip("/").split("/"), path.strip("/").split("/")
    return len(want) == len(got) and all(
        w == g or (w.startswith("{") and w.endswith("}")) for w, g in zip(want, got, strict=True)
    )


def _operation_of(method: str, path: str) -> str | None:
    for (op_method, template), op_id in _operations().items():
        if method == op_method and _matches(template, path):
            return op_id
    return None


def _run(har: Path, *selection: str) -> int:
    """One `schemathesis run` against a fresh server; its exit code."""
    with recorded_server("--no-access-log") as base_url:
        command = [
            str(Path(sys.executable).parent / "schemathesis"),
            "run",
            str(SPEC),
            "--url",
            base_url,
            "--checks",
            "all",
            "--exclude-checks",
            "use_after_free",
            "--max-examples",
            MAX_EXAMPLES,
            "--report",
            "har",
            "--report-har-path",
            str(har),
            *selection,
        ]
        env = {**os.environ, "SCHEMATHESIS_HOOKS": "st_hooks"}
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HERE), env.get("PYTHONPATH")]))
        print("$", " ".join(command[1:]), flush=True)
        return subprocess.run(command, cwd=ROOT, env=env).returncode


def _tally(har: Path, statuses: Counter[tuple[str, int]]) -> int:
    entries = json.loads(har.read_text())["log"]["entries"]
    for entry in entries:
        url = urlsplit(entry["request"]["url"])
        path = url.path.removeprefix("/public/api")
        op_id = _operation_of(entry["request"]["method"].upper(), path)
        if op_id is not None:
            statuses[(op_id, entry["response"]["status"])] += 1
    return len(entries)


def main() -> int:
    statuses: Counter[tuple[str, int]] = Counter()
    requests = 0
    with tempfile.TemporaryDirectory(prefix="threecommas-fuzz-") as tmp:
        runs = [
            (f"{op_id}.har", ["--include-operation-id", op_id, "--phases", PER_OPERATION_PHASES])
            for op_id in sorted(set(_operations().values()))
        ]
        runs.append(("stateful.har", ["--phases", "stateful"]))
        for name, selection in runs:
            har = Path(tmp) / name
            code = _run(har, *selection)
            if code != 0:
                print(f"fuzz-cli: schemathesis reported failures ({' '.join(selection)})")
                return code
            requests += _tally(har, statuses)
    for op_id in sorted(set(_operations().values())):
        seen = {status: n for (op, status), n in sorted(statuses.items()) if op == op_id}
        print(f"fuzz-cli: {op_id}: {seen}")
    missing = [
        op_id
        for op_id in sorted(set(_operations().values()))
        if not any(op == op_id and status < 300 for (op, status) in statuses)
    ]
    print(f"fuzz-cli: {requests} requests in {len(runs)} runs")
    if missing:
        print(f"fuzz-cli: FAILED, no 2xx for: {', '.join(missing)}")
        return 1
    print("fuzz-cli: every operation got at least one 2xx")
    return 0


if __name__ == "__main__":
    sys.exit(main())
