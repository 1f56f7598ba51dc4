"""The market's part of the admin API, under ``/__admin__/market``.

* ``GET /__admin__/market``: the market (its virtual clock, every pair's quote, what is still
  to play);
* ``POST /__admin__/market/prices``: ``{"pair": "USDT_DOGE", "price": "0.1"}``, or ``"bid"``,
  ``"ask"`` and ``"last"`` instead of ``"price"``: the pair's price, its SmartTrades matched at
  once;
* ``POST /__admin__/market/play``: a price path, JSON (a document as ``serve --market`` reads),
  CSV, or candles (Binance kline CSV, freqtrade JSON, a ccxt OHLCV list), with the pair in a
  ``pair`` query parameter unless its records name it (candles never do); its points at offset
  0 play at once;
* ``POST /__admin__/market/advance``: ``{"seconds": 60}``: the clock moves on, what is due
  plays;
* ``POST /__admin__/market/balances``: ``{"account_id": 32455218, "currency": "USDT",
  "amount": "1000"}``: the account's balance of that currency (``server.market.set_balance``);
  from then on its orders must fit its balances;
* ``GET /__admin__/market/config``: how orders fill (fees, slippage, volume share, latency,
  seed); ``PUT /__admin__/market/config`` with some of those keys sets them
  (``server.market.configure``; ``null`` returns one to its default) and answers them all.

Each other answers the market as ``GET`` does; bad input answers 400 with a message naming it. They
make the calls ``server.market`` makes (:class:`~threecommas.testing.simulation.MarketControl`).
"""

from __future__ import annotations

import io
import json
from collections.abc import Awaitable, Callable
from typing import Any, Final

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from threecommas.testing.faults._layer import json_answer
from threecommas.testing.simulation import MarketControl

__all__ = ["MARKET_PATH", "market_routes"]

MARKET_PATH: Final = "/market"

_Endpoint = Callable[[Request], Awaitable[Response]]


def _bad_request(description: str) -> Response:
    return json_answer(400, {"error": "bad_request", "error_description": description})


async def _json_object(request: Request) -> dict[str, Any]:
    raw = await request.body()
    try:
        body = json.loads(raw) if raw.strip() else {}
    except RecursionError:
        raise ValueError("the body is nested too deeply to be read") from None
    except ValueError as exc:
        raise ValueError(f"the body is not JSON: {exc}") from None
    if not isinstance(body, dict):
        raise ValueError("the body must be a JSON object")
    return body


def _only(body: dict[str, Any], allowed: tuple[str, ...]) -> None:
    unknown = sorted(set(body) - set(allowed))
    if unknown:
        raise ValueError(f"unknown field(s) {', '.join(unknown)}; allowed: {', '.join(allowed)}")


def market_routes(prefix: str, market: MarketControl) -> list[Route]:
    """The routes above, under ``prefix`` (the admin API's)."""

    async def snapshot(request: Request) -> Response:
        return json_answer(200, market.snapshot())

    async def prices(request: Request) -> Response:
        try:
            body = await _json_object(request)
            _only(body, ("pair", "price", "bid", "ask", "last"))
            pair = body.get("pair")
            if not isinstance(pair, str):
                raise ValueError("pair is required: a 3Commas pair like USDT_BTC")
            price = body.get("price")
            if price is None:
                price = {k: body[k] for k in ("bid", "ask", "last") if k in body}
                if not price:
                    raise ValueError('give "price", or "bid", "ask" and "last"')
            elif any(k in body for k in ("bid", "ask", "last")):
                raise ValueError('give "price" or "bid"/"ask"/"last", not both')
            market.set_price(pair, price)
        except ValueError as exc:
            return _bad_request(str(exc))
        return json_answer(200, market.snapshot())

    async def play(request: Request) -> Response:
        raw = await request.body()
        pair = request.query_params.get("pair")
        try:
            text = raw.decode("utf-8")
            if not text.strip():
                raise ValueError("the body must be a price path (JSON or CSV)")
            market.play(io.StringIO(text), pair=pair)
        except RecursionError:
            return _bad_request("the body is nested too deeply to be read")
        except ValueError as exc:  # UnicodeDecodeError included
            return _bad_request(str(exc))
        return json_answer(200, market.snapshot())

    async def advance(request: Request) -> Response:
        try:
            body = await _json_object(request)
            _only(body, ("seconds",))
            if "seconds" not in body:
                raise ValueError("seconds is required: the virtual seconds to move on by")
            market.advance(body["seconds"])
        except ValueError as exc:
            return _bad_request(str(exc))
        return json_answer(200, market.snapshot())

    async def balances(request: Request) -> Response:
        try:
            body = await _json_object(request)
            _only(body, ("account_id", "currency", "amount"))
            missing = [k for k in ("account_id", "currency", "amount") if k not in body]
            if missing:
                raise ValueError(
                    f"{', '.join(missing)} required: the account, the currency "
                    "(USDT) and the amount"
                )
            market.set_balance(body["account_id"], body["currency"], body["amount"])
        except ValueError as exc:
            return _bad_request(str(exc))
        return json_answer(200, market.snapshot())

    async def get_config(request: Request) -> Response:
        return json_answer(200, market.config())

    async def put_config(request: Request) -> Response:
        try:
            body = await _json_object(request)
            config = market.configure(**body)
        except ValueError as exc:
            return _bad_request(str(exc))
        return json_answer(200, config)

    def only(method: str, handler: _Endpoint, **others: _Endpoint) -> _Endpoint:
        async def endpoint(request: Request) -> Response:
            if request.method in others:
                return await others[request.method](request)
            if request.method != method:
                return json_answer(
                    405,
                    {"error": "Method not allowed", "error_description": "See the admin API"},
                    {"Allow": ", ".join([method, *others])},
                )
            return await handler(request)

        return endpoint

    methods = ["GET", "POST", "PUT", "DELETE", "PATCH"]
    base = prefix + MARKET_PATH
    return [
        Route(base, only("GET", snapshot), methods=methods),
        Route(base + "/prices", only("POST", prices), methods=methods),
        Route(base + "/play", only("POST", play), methods=methods),
        Route(base + "/advance", only("POST", advance), methods=methods),
        Route(base + "/balances", only("POST", balances), methods=methods),
        Route(base + "/config", only("GET", get_config, PUT=put_config), methods=methods),
    ]
