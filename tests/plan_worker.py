"""One process of a fleet reading against a plan: `python tests/plan_worker.py CONFIG_JSON`.

It makes its client (sync, one thread, on a shared Redis budget), prints `ready`, waits for a
line on stdin, makes `reads` reads, and prints one JSON line: the status of every exchange
with the server (retries included), the limit it learned, and the warnings the SDK logged.

Config keys: base_url, api_key, api_secret, storage, key_prefix, period, reads, plan (or null:
the default RateLimit()).
"""

from __future__ import annotations

import json
import logging
import sys
import time
from typing import Any

import httpx

from threecommas import RateLimit, ThreeCommas


class Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def main() -> None:
    config: dict[str, Any] = json.loads(sys.argv[1])
    recorder = Recorder()
    logging.getLogger("threecommas").addHandler(recorder)
    options = {"storage": config["storage"], "key_prefix": config["key_prefix"]}
    # The default budget (100 a minute) or the plan's, on the server's scaled minute.
    limit = (
        RateLimit(period=config["period"], **options)
        if config["plan"] is None
        else RateLimit.for_plan(config["plan"], period=config["period"], **options)
    )
    statuses: list[int] = []
    # When each 429 or 418 came (time.monotonic, the test's clock too).
    refused: list[float] = []

    def answered(response: httpx.Response) -> None:
        statuses.append(response.status_code)
        if response.status_code in (418, 429):
            refused.append(time.monotonic())

    http = httpx.Client(event_hooks={"response": [answered]})
    client = ThreeCommas(
        config["api_key"],
        config["api_secret"],
        base_url=config["base_url"],
        http_client=http,
        rate_limit=limit,
        retry_after_cap=600,
        max_retries=5,
    )
    print("ready", flush=True)
    sys.stdin.readline()
    errors: list[str] = []
    for _ in range(config["reads"]):
        try:
            client.smart_trades.list()
        except Exception as exc:  # recorded, the test decides
            errors.append(f"{type(exc).__name__}: {exc}")
    limiter = client._policy.limiter
    learned = None if limiter is None else limiter.learned
    client.close()
    http.close()
    print(
        json.dumps(
            {
                "statuses": statuses,
                "refused": refused,
                "learned": learned,
                "errors": errors,
                "warnings": recorder.messages,
            }
        ),
        flush=True,
    )


if __name__ == "__main__":
    main()
