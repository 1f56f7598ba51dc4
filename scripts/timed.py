#!/usr/bin/env python3
"""Run `make` targets one after the other, stop at the first that fails, and print how long each
took: `make test`'s closing lines, so that a step that got slower is seen at once.

Usage: scripts/timed.py TARGET [TARGET...]
"""

from __future__ import annotations

import os
import subprocess
import sys
import time


def main(targets: list[str]) -> int:
    make = os.environ.get("MAKE", "make")
    spent: list[tuple[str, float]] = []
    code = 0
    for target in targets:
        started = time.monotonic()
        code = subprocess.run([make, "--no-print-directory", target]).returncode
        spent.append((target, time.monotonic() - started))
        if code != 0:
            break
    total = sum(seconds for _, seconds in spent)
    steps = ", ".join(f"{target} {seconds:.0f} s" for target, seconds in spent)
    verdict = "passed" if code == 0 else f"FAILED at {spent[-1][0]}"
    print(f"make test: {verdict} in {total:.0f} s ({steps})", flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
