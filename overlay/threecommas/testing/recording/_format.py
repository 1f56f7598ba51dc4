"""Recorded API interactions, one JSON file each.

A recording looks like::

    {
      "operation": "close_trade_by_market",
      "method": "POST",
      "path": "/v2/smart_trades/12345678/trades/1047934729/close_by_market",
      "status": 201,
      "body": {...},
      "source": "where it came from"
    }

``path`` may be given with or without the ``/public/api`` prefix, and with a query string (a
list request). Recordings hold the request line and the response only, never request headers or
bodies, so no credential can end up in one.

The docs' example request lines often name the placeholder SmartTrade 12345678 while the example
answer shows another SmartTrade; such a recording keeps both as the docs print them, and the
answer seeds the store under its own id (see ``SmartTradeStore.from_recordings``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from threecommas.testing._operations import path_ids
from threecommas_api._catalogue import BY_ID

__all__ = ["DEFAULT_RECORDINGS_DIR", "Recording", "RecordingError", "load_recordings"]

#: The recordings shipped with the package.
DEFAULT_RECORDINGS_DIR: Final = Path(__file__).resolve().parents[1] / "recordings"


class RecordingError(ValueError):
    """A recording file is unreadable or does not describe a usable interaction."""


@dataclass(frozen=True)
class Recording:
    """One recorded interaction: the request line and the response the API gave."""

    operation: str
    method: str
    path: str
    status: int
    body: Any
    source: str = ""
    file: Path | None = None

    @property
    def path_params(self) -> dict[str, int] | None:
        """The ids in ``path``, if the operation is one the server knows."""
        return path_ids(self.operation, self.path)

    @classmethod
    def from_json(cls, data: object, *, file: Path | None = None) -> Recording:
        """Read one recording from its JSON; a malformed one raises `RecordingError` naming
        `file`."""
        where = str(file) if file is not None else "recording"
        if not isinstance(data, dict):
            raise RecordingError(f"{where}: expected a JSON object")
        for key, kind in (("operation", str), ("method", str), ("path", str), ("status", int)):
            value = data.get(key)
            if not isinstance(value, kind) or isinstance(value, bool):
                raise RecordingError(f"{where}: {key!r} must be a {kind.__name__}")
        if "body" not in data:
            raise RecordingError(f"{where}: 'body' is missing")
        source = data.get("source", "")
        if not isinstance(source, str):
            raise RecordingError(f"{where}: 'source' must be a string")
        recording = cls(
            operation=data["operation"],
            method=data["method"].upper(),
            path=data["path"],
            status=data["status"],
            body=data["body"],
            source=source,
            file=file,
        )
        # An operation the server does not serve yet is kept as is; a known one must be coherent.
        known = BY_ID.get(recording.operation)
        if known is not None:
            if recording.method != known.method:
                raise RecordingError(
                    f"{where}: {recording.operation} is {known.method}, not {recording.method}"
                )
            if recording.path_params is None:
                raise RecordingError(
                    f"{where}: path {recording.path!r} does not fit {known.path!r} "
                    "with positive int64 ids"
                )
        return recording


def _recording_files(directory: Path) -> Iterable[Path]:
    # Sorted, so that "the first recording of a SmartTrade" means the same thing everywhere.
    return sorted(p for p in directory.glob("*.json") if p.is_file())


def load_recordings(directory: str | Path | None = None) -> list[Recording]:
    """Load every ``*.json`` file in ``directory`` (default: the shipped recordings), by name."""
    root = DEFAULT_RECORDINGS_DIR if directory is None else Path(directory)
    if not root.is_dir():
        raise RecordingError(f"recordings directory not found: {root}")
    recordings: list[Recording] = []
    for file in _recording_files(root):
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise RecordingError(f"{file}: cannot read JSON ({exc.__class__.__name__})") from exc
        recordings.append(Recording.from_json(data, file=file))
    return recordings
