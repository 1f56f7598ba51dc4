"""The SmartTradesChannel stream's protocol without I/O (`threecommas._stream`), and the checks
`watch(source="websocket")` makes before anything is sent.

The signature vector is the removed stream docs' (recomputed in the API notes, §2.6).
"""

from __future__ import annotations

import asyncio
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from threecommas import (
    AsyncThreeCommas,
    MissingCredentialsError,
    RsaSigner,
    StreamUnavailableError,
    ThreeCommas,
    ThreeCommasError,
)
from threecommas._signing import HmacSigner, verify_rsa
from threecommas._stream import (
    DEFAULT_STREAM_URL,
    JITTER,
    Backoff,
    Liveness,
    StreamSettings,
    classify,
    identifier,
    stream_signature,
    stream_url_for,
    subscribe_message,
)
from threecommas._sync.resources._watch import Watch
from threecommas._types import NOT_GIVEN
from threecommas._watch import WatchPlan
from threecommas.testing.server import TEST_PRIVATE_KEY_PATH, TEST_PUBLIC_KEY_PATH
from threecommas_api.models.smart_trade import SmartTrade

DOCS_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A"
DOCS_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"
DOCS_SIGNATURE = "8b30fb42a82e4dcfb4d0273d2910c7ae0add2b32938b19c27c44e306c56c20bc"
ID = identifier("key", "sig")
RECORDINGS = Path(__file__).resolve().parents[2] / "overlay/threecommas/testing/recordings"
INSTALL = r"pip install 'threecommas-sdk\[stream\]'"


def test_the_signature_is_the_docs_vector_for_the_literal_path() -> None:
    assert stream_signature(HmacSigner(DOCS_SECRET)) == DOCS_SIGNATURE


def test_an_rsa_key_signs_the_same_path_with_pkcs1_v15_sha256() -> None:
    signature = stream_signature(RsaSigner(TEST_PRIVATE_KEY_PATH.read_bytes()))
    assert verify_rsa(TEST_PUBLIC_KEY_PATH.read_bytes(), b"/smart_trades", signature)


def test_the_identifier_is_a_compact_json_string_and_the_subscription_carries_it_as_one() -> None:
    text = identifier(DOCS_KEY, DOCS_SIGNATURE)
    assert text == (
        '{"channel":"SmartTradesChannel","users":[{"api_key":"' + DOCS_KEY + '",'
        '"signature":"' + DOCS_SIGNATURE + '"}]}'
    )
    message = json.loads(subscribe_message(text))
    assert message == {"command": "subscribe", "identifier": text}
    assert isinstance(message["identifier"], str)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ('{"type":"welcome"}', "welcome"),
        ('{"type":"ping","message":1643252983}', "ping"),
        (json.dumps({"identifier": ID, "type": "confirm_subscription"}), "confirm"),
        (json.dumps({"identifier": ID, "type": "reject_subscription"}), "reject"),
        (json.dumps({"identifier": "other", "type": "confirm_subscription"}), "ignored"),
        (json.dumps({"identifier": ID, "message": {"id": 1}}), "update"),
        (json.dumps({"identifier": "other", "message": {"id": 1}}), "ignored"),
        (json.dumps({"identifier": ID, "message": "text"}), "ignored"),
        ('{"type":"disconnect","reason":"server_restart","reconnect":true}', "disconnect"),
        ('{"type":"something_new"}', "ignored"),
        ('{"type":42}', "ignored"),
        ("not json", "malformed"),
        ("[1, 2]", "malformed"),
        (b'{"type":"welcome"}', "welcome"),
    ],
)
def test_messages_are_classified(text: str, kind: str) -> None:
    assert classify(text, ID).kind == kind


def test_what_a_frame_carries() -> None:
    assert classify('{"type":"ping","message":1643252983}', ID).sent_at == 1643252983
    assert classify('{"type":"ping","message":"soon"}', ID).sent_at is None
    update = classify(json.dumps({"identifier": ID, "message": {"id": 7}}), ID)
    assert update.message == {"id": 7}
    final = classify('{"type":"disconnect","reason":"unauthorized","reconnect":false}', ID)
    assert (final.reason, final.reconnect) == ("unauthorized", False)
    bare = classify('{"type":"disconnect"}', ID)
    assert (bare.reason, bare.reconnect) == (None, True)


def test_a_connection_is_stale_once_nothing_came_for_stale_after() -> None:
    liveness = Liveness(stale_after=6.0, last_seen=100.0)
    assert not liveness.is_stale(105.9)
    assert liveness.is_stale(106.0)
    liveness.seen(105.0)
    assert liveness.deadline == 111.0
    assert not liveness.is_stale(110.9)


@pytest.mark.parametrize("seed", range(5))
def test_backoff_delays_are_jittered_within_doubling_bounds_and_capped(seed: int) -> None:
    backoff = Backoff(initial=0.5, maximum=8.0, rng=random.Random(seed))
    delays = [backoff.next_delay() for _ in range(12)]
    for attempt, delay in enumerate(delays):
        high = min(8.0, 0.5 * 2**attempt)
        assert (1 - JITTER) * high <= delay <= high
    assert len(set(delays)) == len(delays)  # jittered, not a fixed ladder
    assert max(delays) <= 8.0
    backoff.reset()
    assert backoff.next_delay() <= 0.5
    backoff.attempts = 5000  # no overflow, however long it failed
    assert (1 - JITTER) * 8.0 <= backoff.next_delay() <= 8.0


def test_the_stream_url_follows_the_base_url_unless_given() -> None:
    assert stream_url_for("https://api.3commas.io/public/api") == DEFAULT_STREAM_URL
    assert DEFAULT_STREAM_URL == "wss://ws.3commas.io/websocket"
    local = stream_url_for("http://127.0.0.1:8123/public/api")
    assert local == "ws://127.0.0.1:8123/websocket"
    assert stream_url_for("https://proxy.example/public/api") == "wss://proxy.example/websocket"
    assert stream_url_for("http://x/public/api", "wss://elsewhere/cable") == "wss://elsewhere/cable"
    with ThreeCommas("k", "s", base_url="http://127.0.0.1:8123/public/api") as client:
        assert client.stream_url == local
    with ThreeCommas("k", "s", stream_url="ws://127.0.0.1:9/websocket") as client:
        assert client.stream_url == "ws://127.0.0.1:9/websocket"
    for bad in ("http://127.0.0.1/websocket", "ws://", 42):
        with pytest.raises(ValueError, match="stream_url"):
            ThreeCommas("k", "s", stream_url=bad)  # type: ignore[arg-type]


def test_the_settings_check_their_figures_and_hide_the_credentials() -> None:
    signer = HmacSigner(DOCS_SECRET)
    settings = StreamSettings.checked(DEFAULT_STREAM_URL, DOCS_KEY, signer, 6, 1, 30)
    assert settings.identifier == identifier(DOCS_KEY, DOCS_SIGNATURE)
    assert DOCS_KEY not in repr(settings) and DOCS_SIGNATURE not in repr(settings)
    for args, name in [
        ((0, 1, 30), "stale_after"),
        ((True, 1, 30), "stale_after"),
        ((6, -1, 30), "reconnect_initial"),
        ((6, 1, "30"), "reconnect_max"),
        ((6, 5, 1), "reconnect_max"),
    ]:
        with pytest.raises(ValueError, match=name):
            StreamSettings.checked(DEFAULT_STREAM_URL, DOCS_KEY, signer, *args)


def test_without_the_extra_the_call_says_which_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in [m for m in sys.modules if m == "websockets" or m.startswith("websockets.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "websockets", None)  # `import websockets` fails
    base_url = "http://127.0.0.1:9/public/api"  # nothing is sent: no server needed
    with ThreeCommas("k", "s", base_url=base_url) as client:
        with pytest.raises(StreamUnavailableError, match=INSTALL):
            client.smart_trades.watch(source="websocket")
        assert issubclass(StreamUnavailableError, ImportError)
        assert issubclass(StreamUnavailableError, ThreeCommasError)
        # Polling needs no extra.
        client.smart_trades.watch(source="poll")
    client_async = AsyncThreeCommas("k", "s", base_url=base_url)
    with pytest.raises(StreamUnavailableError):
        client_async.smart_trades.watch(source="websocket")
    asyncio.run(client_async.close())


def test_the_stream_needs_credentials() -> None:
    with (
        ThreeCommas(base_url="http://127.0.0.1:9/public/api") as client,
        pytest.raises(MissingCredentialsError, match="websocket"),
    ):
        client.smart_trades.watch(source="websocket")


def test_importing_the_sdk_and_making_a_client_does_not_load_websockets() -> None:
    code = (
        "import sys, threecommas\n"
        "c = threecommas.ThreeCommas('k', 's', base_url='http://127.0.0.1:9/public/api')\n"
        "c.smart_trades.watch(source='poll')\n"
        "print('websockets' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def _smart_trade(status: str, updated_at: str, smart_trade_id: int = 30404547) -> SmartTrade:
    path = RECORDINGS / "get_smart_trade_30404547.json"
    body = json.loads(path.read_text())["body"]
    body["id"] = smart_trade_id
    body["status"]["basic_type"] = body["status"]["type"] = status
    body["data"]["updated_at"] = updated_at
    return SmartTrade.from_dict(body)


def test_a_streamed_smart_trade_is_deduplicated_against_what_was_seen() -> None:
    """The stream's side of the watch, without I/O: first sight, a message older than what was
    seen (overtaken by a sweep), the same state again, a change, an id not watched, and a
    message after the final state."""
    plan = WatchPlan.checked(None, [30404547], "websocket", 0.25, True, None, None, None)
    watch = Watch(None, plan, NOT_GIVEN, NOT_GIVEN)  # type: ignore[arg-type]
    first = watch.streamed_events(_smart_trade("waiting_targets", "2026-11-30T10:00:05.000Z"))
    assert [(e.status, e.previous) for e in first] == [("waiting_targets", None)]
    assert watch.streamed_events(_smart_trade("created", "2026-11-30T10:00:01.000Z")) == []
    assert watch.streamed_events(_smart_trade("waiting_targets", "2026-11-30T10:00:05.000Z")) == []
    assert (
        watch.streamed_events(_smart_trade("waiting_targets", "2026-11-30T10:00:05.000Z", 7)) == []
    )
    done = watch.streamed_events(_smart_trade("finished", "2026-11-30T10:00:09.000Z"))
    assert [(e.previous_status, e.status) for e in done] == [("waiting_targets", "finished")]
    assert watch.all_done()
    assert watch.streamed_events(_smart_trade("cancelled", "2026-11-30T10:00:10.000Z")) == []
