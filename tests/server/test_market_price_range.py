"""A simulated price is a finite, positive decimal from 1e-12 to 1e12: anything else is refused
naming the field, from Python (``ValueError``), the admin API (a JSON 400) and
``serve --market``, and an absurd price never turns the server into 500s."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from tests.server_support import call, ok
from threecommas.testing import _command
from threecommas.testing.simulation import Market, MarketControl
from threecommas.testing.simulation._market import PricePath

ADMIN = "http://testserver/__admin__/market"
PAIR = "USDT_ADA"

#: Prices out of range, and the field each message must name.
BAD_PRICES: list[tuple[Any, str]] = [
    ("1e999999", "price"),
    ("1e13", "price"),
    ("1e-13", "price"),
    ("0", "price"),
    ("NaN", "price"),
    ({"bid": "1", "ask": "1e999999", "last": "1"}, "ask"),
    ({"bid": "1e-20", "ask": "1", "last": "1"}, "bid"),
]


def admin(app: Starlette, method: str, path: str, body: Any = None) -> httpx.Response:
    content = None if body is None else (body if isinstance(body, bytes) else json.dumps(body))
    return call(
        app,
        method,
        ADMIN + path,
        auth=None,
        content=content.encode() if isinstance(content, str) else content,
    )


def random_walk(start: str, **changes: Any) -> dict[str, Any]:
    walk = {"pair": PAIR, "start": start, "steps": 10, "seconds": 60, "volatility": "0.1"}
    return {"random_walk": {**walk, "seed": 7, **changes}}


@pytest.mark.parametrize(("price", "field"), BAD_PRICES)
def test_python_refuses_a_price_out_of_range_naming_it(price: Any, field: str) -> None:
    with pytest.raises(ValueError, match=rf"^{field} must be"):
        Market().set_price(PAIR, price)


@pytest.mark.parametrize(("price", "field"), BAD_PRICES)
def test_the_admin_api_answers_400_naming_the_field(app: Starlette, price: Any, field: str) -> None:
    body = {"pair": PAIR, **(price if isinstance(price, dict) else {"price": price})}
    answer = admin(app, "POST", "/prices", body)
    assert answer.status_code == 400, answer.text
    assert answer.json()["error"] == "bad_request"
    assert answer.json()["error_description"].startswith(f"{field} must be")
    assert ok(admin(app, "GET", ""), 200)["prices"] == {}


def test_a_json_number_too_large_for_a_float_is_refused(app: Starlette) -> None:
    answer = admin(app, "POST", "/prices", f'{{"pair": "{PAIR}", "price": 1e999999}}'.encode())
    assert answer.status_code == 400, answer.text
    assert "price" in answer.json()["error_description"]


@pytest.mark.parametrize(
    ("walk", "message"),
    [
        (random_walk("1e20"), "random_walk: start must be from 1E-12 to 1E+12"),
        (random_walk("1e999999"), "random_walk: start must be"),
        # From inside the range, a walk that would rise above it.
        (random_walk("9e11", volatility="0.9", steps=1000), "random_walk: the random walk rises"),
    ],
)
def test_a_random_walk_out_of_range_is_a_400_and_a_value_error(
    app: Starlette, walk: dict[str, Any], message: str
) -> None:
    answer = admin(app, "POST", "/play", walk)
    assert answer.status_code == 400, answer.text
    assert answer.json()["error_description"].startswith(message)
    with pytest.raises(ValueError, match="^" + re.escape(message)):
        PricePath.from_json(walk)
    # The server still answers.
    assert ok(admin(app, "GET", ""), 200)["scheduled"]["ticks"] == 0
    assert ok(call(app, "GET", "/v2/smart_trades"), 200)


def test_points_and_bars_out_of_range_name_their_field(app: Starlette) -> None:
    points = {"pair": PAIR, "points": [{"t": 0, "price": "0.1"}, {"t": 60, "price": "1e30"}]}
    answer = admin(app, "POST", "/play", points)
    assert answer.json()["error_description"].startswith("point 2: price must be")
    bar = {"t": 0, "open": "1", "high": "1e13", "low": "1", "close": "1"}
    answer = admin(app, "POST", "/play", {"pair": PAIR, "bars": [bar]})
    assert answer.json()["error_description"].startswith("bar 1: high must be")


def test_the_bounds_themselves_are_prices(app: Starlette) -> None:
    control: MarketControl = app.state.market
    assert str(control.set_price(PAIR, "1e12").last) == "1E+12"
    assert str(control.set_price(PAIR, "1e-12").last) == "1E-12"
    walk = random_walk("1e-12", volatility="0.99", steps=100)
    assert len(control.play(walk)) == 100


def test_serve_market_refuses_a_walk_out_of_range_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the server must not start")

    monkeypatch.setattr(_command, "serve_until_stopped", never)
    monkeypatch.setattr(_command, "bind_socket", never)
    path = tmp_path / "prices.json"
    path.write_text(json.dumps(random_walk("1e20")), encoding="utf-8")
    with pytest.raises(SystemExit) as exited:
        _command.main(["serve", "--port", "0", "--market", str(path)])
    assert exited.value.code == 2
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert last.endswith("error: random_walk: start must be from 1E-12 to 1E+12, not 1E+20")
