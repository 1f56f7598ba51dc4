"""``python -m threecommas.testing``: run the recorded-responses server (``serve``) or the
recorder (``record``); see :mod:`threecommas.testing._command`.

Without the ``testing`` extra (starlette, uvicorn) it prints one line saying how to install it
and exits with status 2, whatever the arguments (``--help`` included).
"""

from __future__ import annotations

import sys

from threecommas.testing import _MISSING_EXTRA


def _missing_extra() -> list[str]:
    """The modules of the `testing` extra that cannot be imported (empty when all are there)."""
    if _MISSING_EXTRA:
        return list(_MISSING_EXTRA)
    try:
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError as exc:
        return [str(exc.name or "").partition(".")[0] or "starlette/uvicorn"]
    return []


_missing = _missing_extra()
if _missing:
    # One line instead of a traceback; status 2, as for any other unusable command line.
    print(
        "python -m threecommas.testing needs the 'testing' extra "
        f"({', '.join(_missing)} missing): pip install 'threecommas-sdk[testing]'",
        file=sys.stderr,
    )
    raise SystemExit(2)

from threecommas.testing._command import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
