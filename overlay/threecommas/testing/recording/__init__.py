"""Recordings: the API's answers the server replays, and the recorder that makes them.

* ``_format``: a recording file (the request line and the answer, never a header or a request
  body) and :func:`load_recordings`, which reads a directory of them;
* ``_recorder``: a proxy in front of the API that writes each interaction as a recording file
  (``python -m threecommas.testing record``).
"""

from __future__ import annotations

from threecommas.testing.recording._format import (
    DEFAULT_RECORDINGS_DIR,
    Recording,
    RecordingError,
    load_recordings,
)
from threecommas.testing.recording._recorder import (
    DEFAULT_UPSTREAM,
    REDACTED,
    Recorder,
    create_recorder_app,
    upstream_origin,
)

__all__ = [
    "DEFAULT_RECORDINGS_DIR",
    "DEFAULT_UPSTREAM",
    "REDACTED",
    "Recorder",
    "Recording",
    "RecordingError",
    "create_recorder_app",
    "load_recordings",
    "upstream_origin",
]
