"""`THREECOMMAS_LOG=debug|info`: the SDK's logging on stderr, switched on without code.

Read once, when `threecommas` is imported. The logger is "threecommas" (and its children); what
it logs never holds a credential or a signature: requests appear as method and path only.
"""

from __future__ import annotations

import logging
import os
import sys
import warnings

from threecommas._constants import ENV_LOG

__all__ = ["LEVELS", "configure_from_env"]

LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _EnvHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """The handler that `THREECOMMAS_LOG` adds (one, however often it is configured)."""


def configure_from_env(value: str | None = None) -> logging.Handler | None:
    """Send the "threecommas" logger to stderr at the level `THREECOMMAS_LOG` names; nothing
    when it is unset or empty. Returns the handler it added or found."""
    if value is None:
        value = os.environ.get(ENV_LOG, "")
    name = value.strip().lower()
    if not name:
        return None
    level = LEVELS.get(name)
    if level is None:
        warnings.warn(
            f"{ENV_LOG}={value!r} is not one of {', '.join(LEVELS)}: logging left as it is",
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
