"""`THREE_COMMAS_LOG=debug|info`: the SDK's logging on stderr, switched on without code.

Its first name, `THREECOMMAS_LOG`, is still read when the new one is unset or empty (the new
one wins when both are set), so that existing setups keep their logging.

Read once, when `threecommas` is imported. The logger is "threecommas" (and its children); what
it logs never holds a credential or a signature: requests appear as method and path only.
"""

from __future__ import annotations

import logging
import os
import sys
import warnings

from threecommas._constants import ENV_LOG, ENV_LOG_FORMER

__all__ = ["LEVELS", "configure_from_env"]

LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _EnvHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """The handler that `THREE_COMMAS_LOG` adds (one, however often it is configured)."""


def configure_from_env(value: str | None = None) -> logging.Handler | None:
    """Send the "threecommas" logger to stderr at the level `THREE_COMMAS_LOG` (or else
    `THREECOMMAS_LOG`) names; nothing when both are unset or empty. Returns the handler it
    added or found."""
    variable = ENV_LOG
    if value is None:
        value = os.environ.get(ENV_LOG, "")
        if not value.strip() and os.environ.get(ENV_LOG_FORMER, "").strip():
            variable, value = ENV_LOG_FORMER, os.environ[ENV_LOG_FORMER]
    name = value.strip().lower()
    if not name:
        return None
    level = LEVELS.get(name)
    if level is None:
        warnings.warn(
            f"{variable}={value!r} is not one of {', '.join(LEVELS)}: logging left as it is",
            stacklevel=2,
        )
        return None
    logger = logging.getLogger("threecommas")
    logger.setLevel(level)
    for handler in logger.handlers:
        if isinstance(handler, _EnvHandler):
            handler.setLevel(level)
            return handler
    handler = _EnvHandler(sys.stderr)
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter(_FORMAT))
    logger.addHandler(handler)
    return handler
