#!/usr/bin/env python3
"""`make demo`: close trade 1047934729 of SmartTrade 12345678 through the CLI, offline.

Starts the bundled recorded-responses server on a free loopback port, runs
`threecommas smart-trades close-trade-by-market 12345678 1047934729` against it with the
server's default test credentials, prints what the CLI printed, and stops the server.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _serve import recorded_server
from threecommas.testing import DEFAULT_API_KEY, DEFAULT_API_SECRET


def main() -> int:
    with recorded_server() as base_url:
        print(f"recorded-responses server: {base_url}", file=sys.stderr)
        env = {
            **os.environ,
            "THREE_COMMAS_API_KEY": DEFAULT_API_KEY,
            "THREE_COMMAS_API_SECRET": DEFAULT_API_SECRET,
        }
        env.pop("THREE_COMMAS_PRIVATE_KEY_FILE", None)
        command = ["smart-trades", "close-trade-by-market", "12345678", "1047934729"]
        print(f"$ threecommas {' '.join(command)} --base-url {base_url}", file=sys.stderr)
        result = subprocess.run(
            [sys.executable, "-m", "threecommas", *command, "--base-url", base_url], env=env
        )
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
