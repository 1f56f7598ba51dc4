#!/usr/bin/env python3
"""`make bench`: what the SDK costs, each figure beside a baseline measured in the same run.

- a signed close_trade_by_market returning the typed SmartTrade, through an in-memory
  transport, against the floor: bare httpx + HMAC signing + json.loads of the same response
  (sync and async);
- the same call through py3cw, the most used wrapper, when it is installed (benchmark only);
- parsing a page of 100 SmartTrades: typed from_dict against json.loads;
- `import threecommas` against `import httpx`, and `threecommas --help` wall time.

Timings are the best of several rounds (min is the least noisy estimate on a shared machine).
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
KEY, SECRET = "bench-key", "bench-secret"
BASE = "https://api.3commas.io/public/api"
SEED = json.loads(
    (
        ROOT
        / "overlay/threecommas/testing/recordings/close_trade_by_market_12345678_1047934729.json"
    ).read_text()
)["body"]
BODY = json.dumps(SEED).encode()


def _answer(request: httpx.Request) -> httpx.Response:
    return httpx.Response(201, content=BODY, headers={"Content-Type": "application/json"})


def best_of(function: Callable[[], Any], *, number: int, rounds: int) -> float:
    """Seconds per call: the best round's mean."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(number):
            function()
        times.append((time.perf_counter() - start) / number)
    return min(times)


def best_of_async(function: Callable[[], Any], *, number: int, rounds: int) -> float:
    async def run() -> float:
        times = []
        for _ in range(rounds):
            start = time.perf_counter()
            for _ in range(number):
                await function()
            times.append((time.perf_counter() - start) / number)
        return min(times)

    return asyncio.run(run())


class FloorAuth(httpx.Auth):
    """The least a correct client must do: HMAC over path, query and body."""

    requires_request_body = True

    def auth_flow(self, request: httpx.Request):  # type: ignore[no-untyped-def]
        payload = request.url.raw_path + request.content
        request.headers["Apikey"] = KEY
        request.headers["Signature"] = hmac.new(
            SECRET.encode(), payload, hashlib.sha256
        ).hexdigest()
        yield request


PATH = "/v2/smart_trades/12345678/trades/1047934729/close_by_market"


def row(
    name: str, value: float, baseline: float, unit: str = "µs", target: float | None = None
) -> None:
    ratio = value / baseline
    verdict = (
        "" if target is None else ("  ok" if ratio <= target else f"  MISSES target {target}x")
    )
    scale = 1e6 if unit == "µs" else 1e3
    measured = f"{value * scale:10.1f} {unit}"
    base = f"{baseline * scale:9.1f} {unit}"
    print(f"{name:58s} {measured}   baseline {base}   {ratio:5.2f}x{verdict}")


def bench_call(number: int, rounds: int) -> None:
    from threecommas import AsyncThreeCommas, ThreeCommas

    floor_http = httpx.Client(
        base_url=BASE, transport=httpx.MockTransport(_answer), auth=FloorAuth()
    )
    client = ThreeCommas(
        KEY,
        SECRET,
        http_client=httpx.Client(transport=httpx.MockTransport(_answer)),
        rate_limit=None,
    )

    def floor() -> Any:
        return json.loads(floor_http.post(PATH).content)

    def sdk() -> Any:
        return client.smart_trades.close_trade_by_market(12345678, 1047934729)

    sdk(), floor()
    floor_time = best_of(floor, number=number, rounds=rounds)
    sdk_time = best_of(sdk, number=number, rounds=rounds)
    row("close_trade_by_market, sync (typed SmartTrade)", sdk_time, floor_time, target=1.3)

    floor_async = httpx.AsyncClient(
        base_url=BASE, transport=httpx.MockTransport(_answer), auth=FloorAuth()
    )
    aclient = AsyncThreeCommas(
        KEY,
        SECRET,
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(_answer)),
        rate_limit=None,
    )

    async def afloor() -> Any:
        return json.loads((await floor_async.post(PATH)).content)

    async def asdk() -> Any:
        return await aclient.smart_trades.close_trade_by_market(12345678, 1047934729)

    afloor_time = best_of_async(afloor, number=number, rounds=rounds)
    asdk_time = best_of_async(asdk, number=number, rounds=rounds)
    row("close_trade_by_market, async (typed SmartTrade)", asdk_time, afloor_time, target=1.3)

    try:
        from py3cw.request import Py3CW  # type: ignore[import-not-found]
    except ImportError:
        print("py3cw: not installed (pip install py3cw to compare); skipped")
        return
    import requests  # py3cw's transport

    class _Adapter(requests.adapters.BaseAdapter):
        def send(self, request: Any, **kwargs: Any) -> requests.Response:
            response = requests.Response()
            response.status_code = 201
            response._content = BODY
            response.headers["Content-Type"] = "application/json"
            response.request = request
            return response

        def close(self) -> None:
            pass

    p3 = Py3CW(key=KEY, secret=SECRET)
    p3.session.mount("https://", _Adapter())

    def peer() -> Any:
        return p3.request(
            entity="smart_trades_v2",
            action="panic_close_by_market",
            action_id="12345678",
            action_sub_id="1047934729",
        )

    peer()
    peer_time = best_of(peer, number=number, rounds=rounds)
    row("py3cw close_by_market (dict), same response", peer_time, floor_time)
    row("threecommas-sdk relative to py3cw", sdk_time, peer_time)


def bench_parse(number: int, rounds: int) -> None:
    from threecommas import SmartTrade

    page = json.dumps([SEED] * 100)
    loads_time = best_of(lambda: json.loads(page), number=number, rounds=rounds)
    typed_time = best_of(
        lambda: [SmartTrade.from_dict(d) for d in json.loads(page)], number=number, rounds=rounds
    )
    row("parse a page of 100 SmartTrades, from_dict", typed_time, loads_time, unit="ms")


def _wall(command: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_startup(repeat: int) -> None:
    python = sys.executable
    bare = _wall([python, "-c", "pass"], repeat)
    httpx_import = _wall([python, "-c", "import httpx"], repeat) - bare
    sdk_import = _wall([python, "-c", "import threecommas"], repeat) - bare
    row(
        "import threecommas (above a bare interpreter)",
        sdk_import,
        httpx_import,
        unit="ms",
        target=1.5,
    )
    help_time = _wall([python, "-m", "threecommas", "--help"], repeat)
    row("threecommas --help, wall time", help_time, bare, unit="ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds")
    args = parser.parse_args()
    number, rounds = (200, 3) if args.quick else (1000, 7)
    print(f"python {sys.version.split()[0]}, httpx {httpx.__version__}")
    bench_call(number, rounds)
    bench_parse(max(10, number // 20), rounds)
    bench_startup(3 if args.quick else 9)
    return 0


if __name__ == "__main__":
    sys.exit(main())
