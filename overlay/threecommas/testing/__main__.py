"""``python -m threecommas.testing serve``: run the recorded-responses server.

Once it accepts connections it prints one line to stdout, the base URL to give a client
(``http://HOST:PORT/public/api``); logs go to stderr. Ctrl-C or SIGTERM stops it.

Without the ``testing`` extra (starlette, uvicorn) it prints one line saying how to install it
and exits with status 2, whatever the arguments (``--help`` included).
"""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

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

from threecommas.testing._app import DEFAULT_API_KEY, DEFAULT_API_SECRET, create_app  # noqa: E402
from threecommas.testing._faults import add_fault_options, faults_from_args  # noqa: E402
from threecommas.testing._record import add_record_options, record_main  # noqa: E402
from threecommas.testing._recordings import RecordingError  # noqa: E402
from threecommas.testing._server import (  # noqa: E402
    bind_socket,
    make_server,
    server_url,
    stderr_log_config,
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m threecommas.testing",
        description="Offline stand-in for the 3Commas SmartTrade v2 API.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser(
        "serve",
        help="serve recorded responses over HTTP",
        description="Serve recorded responses over HTTP and check request signatures.",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    serve.add_argument(
        "--port", type=int, default=0, help="port to bind; 0 (the default) picks a free one"
    )
    serve.add_argument(
        "--api-key", default=DEFAULT_API_KEY, help=f"API key to accept (default {DEFAULT_API_KEY})"
    )
    keys = serve.add_mutually_exclusive_group()
    keys.add_argument(
        "--api-secret",
        default=None,
        help="HMAC secret to check signatures with (default: the package's test secret)",
    )
    keys.add_argument(
        "--public-key",
        type=Path,
        default=None,
        metavar="PEM_FILE",
        help="RSA public key (PEM) to check signatures with, instead of an HMAC secret",
    )
    serve.add_argument(
        "--recordings",
        type=Path,
        default=None,
        metavar="DIR",
        help="directory of recording files (default: the ones shipped with the package)",
    )
    serve.add_argument(
        "--no-access-log", action="store_true", help="do not log one line per request"
    )
    add_fault_options(serve)
    record = commands.add_parser(
        "record",
        help="proxy to an upstream API and save its answers as recordings",
        description="Forward every request under /public/api to the upstream (the client signs "
        "for the upstream as usual) and write each interaction as a recording file that "
        "`serve --recordings DIR` replays. No header, credential or request body is written.",
    )
    add_record_options(record)
    return parser


def _stop_on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(0)


def _serve(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if not 0 <= args.port <= 65535:
        parser.error("--port must be between 0 and 65535")
    public_key_pem: bytes | None = None
    if args.public_key is not None:
        try:
            public_key_pem = args.public_key.read_bytes()
        except OSError as exc:
            parser.error(f"cannot read --public-key: {exc.strerror}")
    try:
        faults = faults_from_args(args)
    except ValueError as exc:
        parser.error(str(exc))
    try:
        app = create_app(
            faults=faults,
            api_key=args.api_key,
            api_secret=args.api_secret if args.api_secret is not None else DEFAULT_API_SECRET,
            public_key_pem=public_key_pem,
            recordings_dir=args.recordings,
        )
    except (RecordingError, ValueError) as exc:
        # These messages name files and settings, never a secret's value.
        parser.error(str(exc))
    try:
        sock = bind_socket(args.host, args.port)
    except OSError as exc:
        parser.error(f"cannot listen on {args.host}:{args.port}: {exc.strerror}")
    url = server_url(sock)

    def announce() -> None:
        print(url, flush=True)

    server = make_server(
        app, announce, access_log=not args.no_access_log, log_config=stderr_log_config()
    )
    # uvicorn shuts down gracefully on SIGINT/SIGTERM and then re-raises the signal; these
    # turn that last step into a quiet exit instead of a traceback or a kill.
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    finally:
        sock.close()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "serve":
        return _serve(args, parser)
    if args.command == "record":
        return record_main(args)
    parser.error(f"unknown command {args.command!r}")  # pragma: no cover


if __name__ == "__main__":
    sys.exit(main())
