#!/usr/bin/env python3
"""The schemathesis CLI against a live recorded-responses server, every check enabled.

Part of `make test`. Starts the server on a free loopback port, runs `schemathesis run` with
the signing hooks, then reads the HAR report and fails unless every operation of the spec got at
least one 2xx: a run of only 401s or 404s tests nothing, whatever schemathesis concluded.
"""

from __future__ import annotations

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

MAX_EXAMPLES = "100"


def _operations(prefix: str) -> dict[tuple[str, str], str]:
    """(METHOD, path template with prefix) -> operationId, from the spec."""
    spec = yaml.safe_load(SPEC.read_text())
    return {
        (method.upper(), prefix + path): op["operationId"]
        for path, item in spec["paths"].items()
        for method, op in item.items()
        if isinstance(op, dict) and "operationId" in op
    }


def _matches(template: str, path: str) -> bool:
    want, got = template.strip("/").split("/"), path.strip("/").split("/")
    return len(want) == len(got) and all(
        w == g or (w.startswith("{") and w.endswith("}")) for w, g in zip(want, got, strict=True)
    )


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="threecommas-fuzz-") as tmp:
        har = Path(tmp) / "run.har"
        with recorded_server("--no-access-log") as base_url:
            command = [
                str(Path(sys.executable).parent / "schemathesis"),
                "run",
                str(SPEC),
                "--url",
                base_url,
                "--checks",
                "all",
                "--max-examples",
                MAX_EXAMPLES,
                "--report",
                "har",
                "--report-har-path",
                str(har),
            ]
            env = {**os.environ, "SCHEMATHESIS_HOOKS": "st_hooks"}
            env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HERE), env.get("PYTHONPATH")]))
            print("$", " ".join(command[1:]), flush=True)
            run = subprocess.run(command, cwd=ROOT, env=env)
        if run.returncode != 0:
            print(f"fuzz-cli: schemathesis reported failures (exit {run.returncode})")
            return run.returncode
        entries = json.loads(har.read_text())["log"]["entries"]
    prefix = urlsplit(base_url).path
    statuses: Counter[tuple[str, int]] = Counter()
    for entry in entries:
        method = entry["request"]["method"].upper()
        path = urlsplit(entry["request"]["url"]).path
        for (op_method, template), op_id in _operations(prefix).items():
            if method == op_method and _matches(template, path):
                statuses[(op_id, entry["response"]["status"])] += 1
    missing = [
        op_id
        for op_id in sorted(set(_operations(prefix).values()))
        if not any(status < 300 for (op, status), n in statuses.items() if op == op_id)
    ]
    print(f"fuzz-cli: {len(entries)} requests; statuses per operation: {sorted(statuses.items())}")
    if missing:
        print(f"fuzz-cli: FAILED, no 2xx for: {', '.join(missing)}")
        return 1
    print("fuzz-cli: every operation got at least one 2xx")
    return 0


if __name__ == "__main__":
    sys.exit(main())
