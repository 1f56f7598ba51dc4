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

Output: one line per run when it passes without a warning; the whole schemathesis report, the
command and the server's log when it fails or warns, so that a real problem stands out. The
server's log is shown too when it has a line beyond the expected ones (uvicorn starting and
stopping, and "Invalid HTTP request received." for the junk schemathesis sends on purpose when
it probes whether NULL bytes pass in headers). `--verbose` prints everything as it comes.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit

from threecommas_api._catalogue import OPERATIONS

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = ROOT / "openapi" / "threecommas.yaml"
sys.path.insert(0, str(HERE))

from _serve import recorded_server  # noqa: E402

MAX_EXAMPLES = "40"
PER_OPERATION_PHASES = "examples,coverage,fuzzing"
VERBOSE = "--verbose" in sys.argv[1:]
#: Runs side by side: one a core (each is a server and a schemathesis process, mostly busy);
#: `--verbose` streams their output, so it runs them one at a time.
_CORES = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
_WORKERS = 1 if VERBOSE else max(1, min(4, _CORES or 1))

# What the server prints in a run that went well; any other line of its log is shown.
_EXPECTED_SERVER_LINES = re.compile(
    r"INFO: +(Started server process \[\d+\]|Waiting for application (startup|shutdown)\."
    r"|Application (startup|shutdown) complete\.|Shutting down|Finished server process \[\d+\])"
    r"|WARNING: +Invalid HTTP request received\."
)


def _operations() -> dict[tuple[str, str], str]:
    """(METHOD, path template) -> operationId, from the spec's catalogue."""
    return {(op.method, op.path): op.operation_id for op in OPERATIONS}


def _matches(template: str, path: str) -> bool:
    want, got = template.strip("/").split("/"), path.strip("/").split("/")
    return len(want) == len(got) and all(
        w == g or (w.startswith("{") and w.endswith("}")) for w, g in zip(want, got, strict=True)
    )


def _operation_of(method: str, path: str) -> str | None:
    # Literal paths first: /ver1/accounts/market_list is not /ver1/accounts/{account_id}.
    by_literalness = sorted(_operations().items(), key=lambda item: item[0][1].count("{"))
    for (op_method, template), op_id in by_literalness:
        if method == op_method and _matches(template, path):
            return op_id
    return None


def _run(label: str, har: Path, *selection: str, server: tuple[str, ...] = ()) -> tuple[int, str]:
    """One `schemathesis run` against a fresh server (started with `server` options): its exit
    code and what to print of it (printed by the caller, so that parallel runs do not mix)."""
    out: list[str] = []
    with tempfile.TemporaryFile("w+", encoding="utf-8") as server_log:
        log_to = None if VERBOSE else server_log
        with recorded_server("--no-access-log", *server, stderr=log_to) as url:
            command = [
                str(Path(sys.executable).parent / "schemathesis"),
                "run",
                str(SPEC),
                "--url",
                url,
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
            shown_command = "$ " + " ".join(command[1:])
            if VERBOSE:
                print(shown_command, flush=True)
                return subprocess.run(command, cwd=ROOT, env=env).returncode, ""
            done = subprocess.run(
                command,
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
        server_log.seek(0)
        log = server_log.read()
    report = done.stdout
    warned = re.search(r"^=+ WARNINGS =+$", report, re.MULTILINE) is not None
    if done.returncode != 0 or warned:
        out.append(f"{shown_command}\n{report}")
    else:
        out.append(f"fuzz-cli: {label}: {_summary(report)}\n")
    unexpected = [line for line in log.splitlines() if not _EXPECTED_SERVER_LINES.fullmatch(line)]
    if unexpected or done.returncode != 0:
        out.append(f"fuzz-cli: the server's log:\n{log}")
    return done.returncode, "".join(out)


def _summary(report: str) -> str:
    """`124 generated, 124 passed, 3 skipped; no issues found in 2.65s` from a report."""
    cases = re.search(r"^ +(\d+ generated.*)$", report, re.MULTILINE)
    verdict = re.findall(r"^=+ (.+?) =+$", report, re.MULTILINE)
    parts = [cases.group(1) if cases else "", verdict[-1].lower() if verdict else ""]
    return "; ".join(part for part in parts if part)


def _tally(har: Path, statuses: Counter[tuple[str, int]]) -> int:
    entries = json.loads(har.read_text())["log"]["entries"]
    for entry in entries:
        url = urlsplit(entry["request"]["url"])
        path = url.path.removeprefix("/public/api")
        op_id = _operation_of(entry["request"]["method"].upper(), path)
        if op_id is not None:
            statuses[(op_id, entry["response"]["status"])] += 1
    return len(entries)


#: The recorded pairs and a price near the recorded ones, for the run with the market moving.
_MARKET_PAIRS = {"USDT_DOGE": "0.1", "USDT_BTC": "60000", "BTC_ETH": "0.05", "USDT_1INCH": "0.5"}
#: Each pair's price goes through these multiples of it, one a virtual minute, over and over.
_MARKET_MOVES = ("1", "1.1", "1.25", "0.95", "0.7", "1.05", "1.3", "0.9")


def _price_path(tmp: str) -> Path:
    """A price path that moves every recorded pair for a virtual day."""
    points = [
        {"t": minute * 60, "pair": pair, "price": str(Decimal(base) * Decimal(move))}
        for minute in range(24 * 60)
        for pair, base in _MARKET_PAIRS.items()
        for move in (_MARKET_MOVES[minute % len(_MARKET_MOVES)],)
    ]
    path = Path(tmp) / "prices.json"
    path.write_text(json.dumps({"points": points}), encoding="utf-8")
    return path


def main() -> int:
    statuses: Counter[tuple[str, int]] = Counter()
    requests = 0
    with tempfile.TemporaryDirectory(prefix="threecommas-fuzz-") as tmp:
        runs: list[tuple[str, list[str], tuple[str, ...]]] = [
            (op_id, ["--include-operation-id", op_id, "--phases", PER_OPERATION_PHASES], ())
            for op_id in sorted(set(_operations().values()))
        ]
        runs.append(("stateful", ["--phases", "stateful"], ()))
        # The market moves the recorded SmartTrades while the stateful phase runs: a virtual
        # minute every 60 ms of real time.
        market = ("--market", str(_price_path(tmp)), "--market-real-time", "--time-factor", "0.001")
        runs.append(("stateful with the market moving", ["--phases", "stateful"], market))
        hars = [Path(tmp) / f"{label.replace(' ', '_')}.har" for label, _, _ in runs]

        def run(index: int) -> tuple[int, str]:
            label, selection, server = runs[index]
            return _run(label, hars[index], *selection, server=server)

        # Each run has its own server and report: they run side by side, one a core (the
        # longest, the stateful ones, first), and print in their order when done.
        order = sorted(
            range(len(runs)), key=lambda i: runs[i][0].startswith("stateful"), reverse=True
        )
        with ThreadPoolExecutor(max_workers=_WORKERS) as pool:
            results = dict(zip(order, pool.map(run, order), strict=True))
        for index in range(len(runs)):
            code, printed = results[index]
            print(printed, end="", flush=True)
            if code != 0:
                print(f"fuzz-cli: schemathesis reported failures ({' '.join(runs[index][1])})")
                return code
            requests += _tally(hars[index], statuses)
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
