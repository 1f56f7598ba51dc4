"""The recorded-responses server: the seed close replayed, the starting state, the recordings."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from starlette.applications import Starlette

from tests.server_support import (
    CLOSE_PATH,
    CLOSED_STEP_ID,
    OTHER_STEP_ID,
    PANIC,
    PENDING,
    SEED_FILE,
    SEED_IDS,
    SMART_TRADE_ID,
    api,
    assert_json_error,
    assert_store_flags_agree,
    call,
    close_path,
    ok,
    ref,
    seed_body,
    step,
    store_of,
    validate,
)
from threecommas.testing import Recording, RecordingError, create_app, load_recordings
from threecommas.testing._operations import request_example
from threecommas_api._catalogue import BY_ID

# --- Replay and state ------------------------------------------------------------------------


def test_seed_request_gets_exactly_the_recorded_response(app: Starlette) -> None:
    response = call(app, "POST", CLOSE_PATH)
    assert response.status_code == 201
    assert response.headers["content-type"] == "application/json"
    assert response.json() == seed_body()


def test_seed_recording_is_the_docs_example() -> None:
    recording = json.loads(SEED_FILE.read_text(encoding="utf-8"))
    assert recording["operation"] == "close_trade_by_market"
    assert recording["method"] == "POST"
    assert recording["path"] == CLOSE_PATH
    assert recording["status"] == 201
    assert recording["source"]
    body = recording["body"]
    assert body["id"] == SMART_TRADE_ID
    assert [s["id"] for s in body["take_profit"]["steps"]] == [1047934727, 1047934728, 1047934729]
    assert step(body, CLOSED_STEP_ID)["status"] == PANIC
    assert body["data"]["updated_at"] == "2024-09-24T20:06:09.282Z"


def test_fresh_store_holds_the_state_before_the_recorded_close(app: Starlette) -> None:
    before = store_of(app).get(SMART_TRADE_ID)
    assert before is not None
    assert step(before, CLOSED_STEP_ID)["status"] == PENDING
    assert step(before, CLOSED_STEP_ID)["data"]["panic_sell_available"] is True
    # Apart from that one step, the starting state is the recorded body.
    expected = seed_body()
    step(expected, CLOSED_STEP_ID)["status"] = PENDING
    step(expected, CLOSED_STEP_ID)["data"]["panic_sell_available"] = True
    assert before == expected


def test_close_changes_the_step_and_nothing_else(app: Starlette) -> None:
    before = store_of(app).snapshot()
    response = call(app, "POST", CLOSE_PATH)
    assert response.status_code == 201
    after = store_of(app).snapshot()

    expected = copy.deepcopy(before)
    closed = step(expected[SMART_TRADE_ID], CLOSED_STEP_ID)
    closed["status"] = PANIC
    closed["data"]["panic_sell_available"] = False
    assert after == expected
    assert response.json() == after[SMART_TRADE_ID]
    assert (
        after[SMART_TRADE_ID]["data"]["updated_at"] == before[SMART_TRADE_ID]["data"]["updated_at"]
    )


def test_second_close_is_forbidden_and_changes_nothing(app: Starlette) -> None:
    assert call(app, "POST", CLOSE_PATH).status_code == 201
    before = store_of(app).snapshot()
    body = assert_json_error(call(app, "POST", CLOSE_PATH), 403)
    assert body["error"] == "Forbidden"
    assert "panic_sell_pending" in body["error_description"]
    assert store_of(app).snapshot() == before


def test_other_steps_close_independently(app: Starlette) -> None:
    response = call(app, "POST", close_path(trade_id=OTHER_STEP_ID))
    assert response.status_code == 201
    trade = response.json()
    assert step(trade, OTHER_STEP_ID)["status"] == PANIC
    assert step(trade, OTHER_STEP_ID)["data"]["panic_sell_available"] is False
    assert step(trade, CLOSED_STEP_ID)["status"] == PENDING
    # The seed's step can still be closed afterwards.
    assert call(app, "POST", CLOSE_PATH).status_code == 201


def _trade_with_step_status(basic_type: str) -> dict[str, Any]:
    trade = seed_body()
    trade["id"] = 777
    step(trade, CLOSED_STEP_ID)["status"] = {
        "type": basic_type,
        "basic_type": basic_type,
        "title": basic_type,
    }
    return trade


@pytest.mark.parametrize("basic_type", ["to_process", "order_placed", "trailing_activated"])
def test_closable_statuses(app: Starlette, basic_type: str) -> None:
    store_of(app).put(_trade_with_step_status(basic_type))
    response = call(app, "POST", close_path(777))
    assert response.status_code == 201
    assert step(response.json(), CLOSED_STEP_ID)["status"] == PANIC


@pytest.mark.parametrize("basic_type", ["idle", "finished", "failed", "panic_sell_pending"])
def test_other_statuses_are_refused(app: Starlette, basic_type: str) -> None:
    store_of(app).put(_trade_with_step_status(basic_type))
    before = store_of(app).snapshot()
    body = assert_json_error(call(app, "POST", close_path(777)), 403)
    assert basic_type in body["error_description"]
    assert store_of(app).snapshot() == before


def test_unknown_smart_trade_is_404(app: Starlette) -> None:
    body = assert_json_error(call(app, "POST", close_path(87654321)), 404)
    assert body == {"error": "Not found", "error_description": "Smart Trade not found"}


def test_unknown_trade_is_404(app: Starlette) -> None:
    before = store_of(app).snapshot()
    body = assert_json_error(call(app, "POST", close_path(trade_id=42)), 404)
    assert body["error"] == "Not found"
    assert store_of(app).snapshot() == before


# --- Recordings ------------------------------------------------------------------------------


def test_shipped_recordings_load() -> None:
    recordings = load_recordings()
    assert [r.file for r in recordings if r.file == SEED_FILE] == [SEED_FILE]
    seed = next(r for r in recordings if r.file == SEED_FILE)
    assert seed.path_params == {"smart_trade_id": SMART_TRADE_ID, "id": CLOSED_STEP_ID}


def _write_recording(directory: Path, name: str, **changes: Any) -> Path:
    recording = json.loads(SEED_FILE.read_text(encoding="utf-8"))
    recording.update(changes)
    file = directory / name
    file.write_text(json.dumps(recording), encoding="utf-8")
    return file


def test_recordings_from_another_directory(tmp_path: Path) -> None:
    # A recording where the first step, not the third, was the one closed.
    body = seed_body()
    body["id"] = 555
    step(body, OTHER_STEP_ID)["status"] = PANIC
    step(body, OTHER_STEP_ID)["data"]["panic_sell_available"] = False
    step(body, CLOSED_STEP_ID)["status"] = PENDING
    step(body, CLOSED_STEP_ID)["data"]["panic_sell_available"] = True
    _write_recording(
        tmp_path,
        "other.json",
        path=f"/public/api/v2/smart_trades/555/trades/{OTHER_STEP_ID}/close_by_market",
        body=body,
    )
    app = create_app(recordings_dir=tmp_path)
    assert store_of(app).ids() == [555]
    starting = store_of(app).get(555)
    assert starting is not None
    # The step named in the path is rewound to its state before the close.
    assert step(starting, OTHER_STEP_ID)["status"] == PENDING
    assert step(starting, OTHER_STEP_ID)["data"]["panic_sell_available"] is True
    response = call(app, "POST", close_path(555, OTHER_STEP_ID))
    assert response.status_code == 201
    assert response.json() == body


@pytest.mark.parametrize(
    "changes",
    [
        {"path": "/v2/smart_trades/999/trades/1047934729/close_by_market"},  # body id differs
        {"path": "/v2/smart_trades/12345678/trades/111/close_by_market"},  # no such step
        {"path": "/v2/smart_trades/0/trades/1047934729/close_by_market"},
        {"method": "GET"},
        {"status": "201"},
    ],
)
def test_incoherent_recordings_are_refused(tmp_path: Path, changes: dict[str, Any]) -> None:
    _write_recording(tmp_path, "bad.json", **changes)
    with pytest.raises(RecordingError):
        create_app(recordings_dir=tmp_path)


def test_unreadable_recording_is_refused(tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(RecordingError, match=r"broken\.json"):
        load_recordings(tmp_path)


def test_error_recordings_do_not_seed_the_store(tmp_path: Path) -> None:
    _write_recording(tmp_path, "refused.json", status=404, body={"error": "Not found"})
    app = create_app(recordings_dir=tmp_path)
    assert store_of(app).ids() == []
    assert_json_error(call(app, "POST", CLOSE_PATH), 404)


# --- Every recording replayed --------------------------------------------------------------


def test_the_store_starts_from_every_recorded_smart_trade(app: Starlette) -> None:
    assert store_of(app).ids() == sorted(SEED_IDS)
    assert_store_flags_agree(app)
    for smart_trade in store_of(app).snapshot().values():
        validate(ref("SmartTrade"), smart_trade)


def test_recordings_cover_every_operation_but_force_process() -> None:
    # The docs have no example for force_process (only the old reference names it).
    assert {r.operation for r in load_recordings()} == set(BY_ID) - {"force_process"}
    assert all(r.source.startswith("3Commas API docs") for r in load_recordings())


@pytest.mark.parametrize(
    "recording", load_recordings(), ids=lambda r: r.file.name if r.file else ""
)
def test_every_recording_replays_on_a_fresh_server(recording: Recording) -> None:
    app = create_app()
    response = api(app, recording.method, recording.path, request_example(recording.operation))
    assert response.status_code == recording.status, response.text
    if recording.operation in (
        "get_smart_trade",
        "list_smart_trades",
        "close_trade_by_market",
        "cancel_trade",  # the answer still lists the cancelled step, as the docs' does
    ):
        assert response.json() == recording.body
        # Byte for byte: the same keys in the same order.
        expected = json.dumps(recording.body, ensure_ascii=False, separators=(",", ":"))
        assert response.content == expected.encode()


def test_list_trades_replay_is_the_docs_example_but_for_the_stop_loss_close_flag(
    app: Starlette,
) -> None:
    recording = next(r for r in load_recordings() if r.operation == "list_trades")
    trades = ok(api(app, "GET", recording.path), 200)
    assert [t["id"] for t in trades] == [t["id"] for t in recording.body]
    for got, want in zip(trades, recording.body, strict=True):
        differing = {k for k in want if got[k] != want[k]} - {"created_at", "updated_at"}
        if want["trade_purpose"] == "stop_loss":
            # The docs mark their stop loss closable by market, which is for take-profit
            # trades only. It can be cancelled, as the docs say (that cancels the SmartTrade).
            assert differing == {"force_processable"}
            assert got["force_processable"] is False
            assert got["cancelable"] is True
        else:
            assert differing == set()
