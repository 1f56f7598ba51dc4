"""No secret anywhere: the SDK and the server run at DEBUG, and every log line, exception text,
repr and recording is scanned for the API secret and the private key."""

from __future__ import annotations

import logging
import traceback

import pytest

from threecommas import APIError, ThreeCommas, ThreeCommasError
from threecommas.testing import (
    DEFAULT_API_KEY,
    DEFAULT_API_SECRET,
    DEFAULT_RECORDINGS_DIR,
    TEST_PRIVATE_KEY_PATH,
    TEST_PUBLIC_KEY_PATH,
    FaultConfig,
    FaultRule,
    create_app,
    run_in_thread,
)


def _secret_fragments() -> list[str]:
    key_lines = [
        line
        for line in TEST_PRIVATE_KEY_PATH.read_text().splitlines()
        if line and "-----" not in line
    ]
    return [DEFAULT_API_SECRET, *key_lines]


@pytest.mark.slow
def test_nothing_secret_is_logged_raised_shown_or_recorded(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)  # every logger: threecommas, the server, uvicorn, httpx
    texts: list[str] = []

    def attempt(action: object) -> None:
        try:
            action()  # type: ignore[operator]
        except ThreeCommasError as exc:
            texts.extend([str(exc), repr(exc), "".join(traceback.format_exception(exc))])
            if isinstance(exc, APIError):
                texts.append(exc.body)

    faults = FaultConfig(rules=[FaultRule(kind="error", status=503, count=1)])
    with run_in_thread(create_app(faults=faults)) as server:
        with ThreeCommas(DEFAULT_API_KEY, DEFAULT_API_SECRET, base_url=server.base_url) as client:
            texts += [repr(client), repr(client.auth), repr(server)]
            attempt(lambda: client.smart_trades.get(12345678))
            attempt(lambda: client.smart_trades.trades.close_by_market(12345678, 1047934729))
            attempt(lambda: client.smart_trades.trades.close_by_market(12345678, 1047934729))
            attempt(lambda: client.smart_trades.get(1))
        with ThreeCommas(
            DEFAULT_API_KEY, DEFAULT_API_SECRET + "-wrong", base_url=server.base_url
        ) as bad:
            attempt(lambda: bad.smart_trades.get(12345678))
    rsa_app = create_app(public_key_pem=TEST_PUBLIC_KEY_PATH.read_bytes())
    with run_in_thread(rsa_app) as server:
        client = ThreeCommas(
            DEFAULT_API_KEY, private_key=TEST_PRIVATE_KEY_PATH, base_url=server.base_url
        )
        texts += [repr(client), repr(client.auth)]
        attempt(lambda: client.smart_trades.get(12345678))
        client.close()
    texts += [record.getMessage() for record in caplog.records]
    texts += [caplog.text]
    texts += [path.read_text() for path in DEFAULT_RECORDINGS_DIR.glob("*.json")]
    assert any("-> 401" in text or "HTTP 401" in text for text in texts)
    assert any("-> 503" in text for text in texts)  # the DEBUG lines were captured
    everything = "\n".join(texts)
    for fragment in _secret_fragments():
        assert fragment not in everything
