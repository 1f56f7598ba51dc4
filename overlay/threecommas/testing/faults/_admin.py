"""The admin API under ``/__admin__``: the faults, the counters, a reset, SmartTrades to add,
and the market (:mod:`._market_admin`)."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any, Final

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from threecommas.testing.faults._config import FaultConfig, integer_value, only_keys
from threecommas.testing.faults._faults import Faults
from threecommas.testing.faults._layer import json_answer
from threecommas.testing.faults._market_admin import market_routes
from threecommas.testing.simulation import (
    InvalidSmartTradeError,
    MarketControl,
    SmartTradeStore,
    seed_closable_smart_trades,
)

__all__ = [
    "ADMIN_PREFIX",
    "admin_routes",
]

ADMIN_PREFIX: Final = "/__admin__"


def _bad_request(description: str) -> Response:
    return json_answer(400, {"error": "bad_request", "error_description": description})


async def _json_body(request: Request) -> Any:
    """The admin request's JSON body; ValueError (a 400) for anything that is not readable
    JSON, a body nested deeper than Python can parse included."""
    raw = await request.body()
    if not raw.strip():
        return {}
    try:
        return json.loads(raw)
    except RecursionError:
        raise ValueError("the body is nested too deeply to be read") from None


AdminEndpoint = Callable[[Request], Awaitable[Response]]


def admin_routes(store: SmartTradeStore, faults: Faults) -> list[Route]:
    """The admin API's routes (see the module docstring), for the app's route list."""

    async def get_faults(request: Request) -> Response:
        return json_answer(200, faults.config.to_json())

    async def put_faults(request: Request) -> Response:
        try:
            config = FaultConfig.from_json(await _json_body(request))
        except ValueError as exc:  # JSON errors included
            return _bad_request(str(exc))
        return json_answer(200, faults.configure(config).to_json())

    async def reset(request: Request) -> Response:
        store.reset()
        faults.reset()
        return json_answer(200, {"reset": True})

    async def counters(request: Request) -> Response:
        return json_answer(200, faults.counters().to_json())

    async def put_smart_trade(request: Request) -> Response:
        try:
            smart_trade = await _json_body(request)
            if not isinstance(smart_trade, dict):
                raise ValueError("the body must be a SmartTrade (a JSON object)")
            store.put(smart_trade)  # the same check as a test's own put
        except InvalidSmartTradeError as exc:
            return json_answer(
                400,
                {
                    "error": "bad_request",
                    "error_description": f"the body is {exc}",
                    "error_attributes": exc.problems,
                },
            )
        except ValueError as exc:
            return _bad_request(str(exc))
        return json_answer(201, {"id": smart_trade["id"]})

    async def stream_state(request: Request) -> Response:
        return json_answer(200, faults.stream.to_json())

    async def stream_drop(request: Request) -> Response:
        return json_answer(200, {"dropped": faults.stream.drop_connections()})

    async def stream_pings(request: Request) -> Response:
        try:
            spec = only_keys(await _json_body(request), ("enabled",), "the body")
        except ValueError as exc:
            return _bad_request(str(exc))
        enabled = spec.get("enabled")
        if not isinstance(enabled, bool):
            return _bad_request("enabled must be true or false")
        if enabled:
            faults.stream.resume_pings()
        else:
            faults.stream.stop_pings()
        return json_answer(200, faults.stream.to_json())

    async def closable(request: Request) -> Response:
        try:
            spec = only_keys(await _json_body(request), ("count", "steps"), "the body")
            created = seed_closable_smart_trades(
                store,
                integer_value(spec, "count", 1),
                integer_value(spec, "steps", 5, minimum=1),
            )
        except ValueError as exc:
            return _bad_request(str(exc))
        body = [{"id": st_id, "trade_ids": step_ids} for st_id, step_ids in created]
        return json_answer(201, {"smart_trades": body})

    routes: list[tuple[str, AdminEndpoint, str]] = [
        ("/faults", get_faults, "GET"),
        ("/faults", put_faults, "PUT"),
        ("/reset", reset, "POST"),
        ("/counters", counters, "GET"),
        ("/smart_trades", put_smart_trade, "POST"),
        ("/smart_trades/closable", closable, "POST"),
        ("/stream", stream_state, "GET"),
        ("/stream/drop", stream_drop, "POST"),
        ("/stream/pings", stream_pings, "PUT"),
    ]
    by_path: dict[str, dict[str, AdminEndpoint]] = {}
    for path, endpoint, method in routes:
        by_path.setdefault(path, {})[method] = endpoint

    def dispatch(endpoints: dict[str, AdminEndpoint]) -> AdminEndpoint:
        async def endpoint(request: Request) -> Response:
            handler = endpoints.get(request.method)
            if handler is None:
                return json_answer(
                    405,
                    {"error": "Method not allowed", "error_description": "See the admin API"},
                    {"Allow": ", ".join(endpoints)},
                )
            return await handler(request)

        return endpoint

    return [
        Route(ADMIN_PREFIX + path, dispatch(endpoints), methods=list(endpoints), name=None)
        for path, endpoints in by_path.items()
    ] + market_routes(ADMIN_PREFIX, MarketControl(store))
