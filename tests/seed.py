"""The seed page's recorded response, read from the recording shipped with the server."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import threecommas.testing

SEED_SMART_TRADE_ID = 12345678
SEED_TRADE_ID = 1047934729
SEED_RECORDING = (
    Path(threecommas.testing.__file__).parent
    / "recordings"
    / "close_trade_by_market_12345678_1047934729.json"
)


def seed_response() -> dict[str, Any]:
    body: dict[str, Any] = json.loads(SEED_RECORDING.read_text())["body"]
    return body
