#!/usr/bin/env python3
"""Run `make` targets one after the other, stop at the first that fails, and print how long each
took: `make test`'s closing lines, so that a step that got slower is seen at once.

A step written `a+b+c` runs those targets side by side (they must not depend on each other):
each one's output is held and printed whole when it ends, so that the logs do not interleave.
The suite's last steps use one core each, and on two cores they finish sooner together.

Usage: scripts/timed.py STEP [STEP...]
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
import time


def _run_one(make: str, target: str) -> tuple[int, list[tuple[str, float]]]:
    started = time.monotonic()
    code = subprocess.run([make, "--no-print-directory", target]).returncode
    return code, [(target, time.monotonic() - started)]


def _run_together(make: str, targets: list[str]) -> tuple[int, list[tuple[str, float]]]:
    with contextlib.ExitStack() as stack:
        return _wait_for_all(make, targets, stack)


def _wait_for_all(
    make: str, targets: list[str], stack: contextlib.ExitStack
) -> tuple[int, list[tuple[str, float]]]:
    started = time.monotonic()
    running = []
    for target in targets:
        log = stack.enter_context(tempfile.TemporaryFile())  # noqa: SIM115 (the stack closes it)
        process = subprocess.Popen(
            [make, "--no-print-directory", target], stdout=log, stderr=subprocess.STDOUT
        )
        running.append((target, process, log))
    spent: list[tuple[str, float]] = []
    code = 0
    pending = list(running)
    while pending:
        for entry in list(pending):
            target, process, log = entry
            if process.poll() is None:
                continue
            pending.remove(entry)
            spent.append((target, time.monotonic() - started))
            log.seek(0)
            sys.stdout.flush()
            sys.stdout.buffer.write(log.read())
            sys.stdout.buffer.flush()
            code = code or process.returncode
        time.sleep(0.2)
    spent.sort(key=lambda item: targets.index(item[0]))
    together = "+".join(f"{target} {seconds:.0f} s" for target, seconds in spent)
    return code, [(f"[{together}]", time.monotonic() - started)]


def main(steps: list[str]) -> int:
    make = os.environ.get("MAKE", "make")
    spent: list[tuple[str, float]] = []
    code = 0
    for step in steps:
        targets = step.split("+")
        if len(targets) == 1:
            code, times = _run_one(make, step)
        else:
            code, times = _run_together(make, targets)
        spent += times
        if code != 0:
            break
    total = sum(seconds for _, seconds in spent)
    steps_said = ", ".join(f"{target} {seconds:.0f} s" for target, seconds in spent)
    verdict = "passed" if code == 0 else f"FAILED at {spent[-1][0]}"
    print(f"make test: {verdict} in {total:.0f} s ({steps_said})", flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
