"""``server.market.configure``, ``PUT``/``GET /__admin__/market/config`` and a market file's
``config``: one set of names, each value checked, an unknown or bad one refused naming it."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from tests.server_support import call
from threecommas.testing.simulation import MarketControl

ADMIN = "http://testserver/__admin__"
DEFAULTS = {
    "maker_fee": None,
    "taker_fee": None,
    "slippage": "0",
    "volume_share": None,
    "latency": "0",
    "seed": None,
}


def market(app: Starlette) -> MarketControl:
    control: MarketControl = app.state.market
    return control


def admin(app: Starlette, method: str, body: Any = None) -> httpx.Response:
    content = None if body is None else json.dumps(body).encode()
    return call(app, method, ADMIN + "/market/config", content=content, auth=None)


def test_the_defaults_change_nothing(app: Starlette) -> None:
    assert market(app).config() == DEFAULTS
    assert admin(app, "GET").json() == DEFAULTS
    assert call(app, "GET", ADMIN + "/market", auth=None).json()["config"] == DEFAULTS


def test_python_and_the_admin_api_set_the_same_options(app: Starlette) -> None:
    assert market(app).configure(maker_fee=Decimal("0.0002"))["maker_fee"] == "0.0002"
    answer = admin(app, "PUT", {"taker_fee": "0.00075"})
    assert answer.status_code == 200
    assert answer.json() == {**DEFAULTS, "maker_fee": "0.0002", "taker_fee": "0.00075"}
    assert admin(app, "PUT", {"maker_fee": None}).json()["maker_fee"] is None  # the default


@pytest.mark.parametrize(
    ("options", "named"),
    [
        ({"maker_fe": "0.001"}, "maker_fe"),
        ({"taker_fee": "1"}, "taker_fee"),
        ({"taker_fee": "-0.001"}, "taker_fee"),
        ({"maker_fee": "a lot"}, "maker_fee"),
        ({"maker_fee": True}, "maker_fee"),
    ],
)
def test_an_unknown_option_or_a_bad_value_is_refused_naming_it(
    app: Starlette, options: dict[str, Any], named: str
) -> None:
    with pytest.raises(ValueError, match=named):
        market(app).configure(**options)
    answer = admin(app, "PUT", options)
    assert answer.status_code == 400
    assert named in answer.json()["error_description"]
    assert market(app).config() == DEFAULTS  # nothing changed


def test_the_admin_config_takes_get_and_put_only(app: Starlette) -> None:
    answer = admin(app, "POST", {})
    assert answer.status_code == 405
    assert answer.headers["allow"] == "GET, PUT"
    assert admin(app, "PUT", [1]).status_code == 400


def test_a_market_file_configures_the_market(app: Starlette, tmp_path: Path) -> None:
    path = tmp_path / "market.json"
    path.write_text(json.dumps({"config": {"taker_fee": "0.002"}}))
    market(app).load(path)
    assert market(app).config()["taker_fee"] == "0.002"
    path.write_text(json.dumps({"config": {"fees": "0.002"}}))
    with pytest.raises(ValueError, match="fees"):
        market(app).load(path)


def test_a_reset_returns_to_the_defaults(app: Starlette) -> None:
    market(app).configure(taker_fee="0.002")
    assert call(app, "POST", ADMIN + "/reset", auth=None).status_code == 200
    assert market(app).config() == DEFAULTS
