"""The command line of ``python -m threecommas.testing``: ``serve`` and ``record``.

``serve`` runs the recorded-responses server (:mod:`threecommas.testing.server`) with the fault
options of :mod:`threecommas.testing.faults`; ``record`` runs the recorder of
:mod:`threecommas.testing.recording`. Either prints one line to stdout once it accepts
connections, the base URL to give a client; logs go to stderr. Ctrl-C or SIGTERM stops it.
A bad option stops it with a message naming the option and exit status 2.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from threecommas.testing.faults import add_fault_options, faults_from_args
from threecommas.testing.recording import DEFAULT_UPSTREAM, RecordingError, create_recorder_app
from threecommas.testing.server import (
    DEFAULT_API_KEY,
    DEFAULT_API_SECRET,
    bind_socket,
    create_app,
    serve_until_stopped,
)
from threecommas.testing.server._cable import DEFAULT_PING_INTERVAL_S

__all__ = ["add_record_options", "add_serve_options", "main", "record_main"]


def _add_listen_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument(
        "--port", type=int, default=0, help="port to bind; 0 (the default) picks a free one"
    )


def _add_access_log_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-access-log", action="store_true", help="do not log one line per request"
    )


def add_serve_options(parser: argparse.ArgumentParser) -> None:
    """The options of ``python -m threecommas.testing serve``, added to ``parser``."""
    _add_listen_options(parser)
    parser.add_argument(
        "--api-key", default=DEFAULT_API_KEY, help=f"API key to accept (default {DEFAULT_API_KEY})"
    )
    keys = parser.add_mutually_exclusive_group()
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
    parser.add_argument(
        "--recordings",
        type=Path,
        default=None,
        metavar="DIR",
        help="directory of recording files (default: the ones shipped with the package)",
    )
    parser.add_argument(
        "--market",
        type=Path,
        default=None,
        metavar="FILE",
        help="a price path (JSON or CSV) or candles (Binance kline CSV, freqtrade JSON, ccxt "
        "OHLCV list) for the simulated market, played from the start; "
        "POST /__admin__/market/advance moves its virtual clock",
    )
    parser.add_argument(
        "--market-pair",
        default=None,
        metavar="PAIR",
        help="the 3Commas pair (USDT_BTC) of a --market file that does not name it, as candles",
    )
    parser.add_argument(
        "--market-real-time",
        action="store_true",
        help="the market's virtual clock also follows the real time, scaled by --time-factor",
    )
    parser.add_argument(
        "--stream-ping-interval",
        type=float,
        default=DEFAULT_PING_INTERVAL_S,
        metavar="SECONDS",
        help="how often the WebSocket stream at /websocket pings (default 3, as 3Commas)",
    )
    _add_access_log_option(parser)
    add_fault_options(parser)


def add_record_options(parser: argparse.ArgumentParser) -> None:
    """The options of ``python -m threecommas.testing record``, added to ``parser``."""
    parser.add_argument(
        "--upstream",
        default=DEFAULT_UPSTREAM,
        metavar="URL",
        help=f"the API to forward to, origin or base URL (default {DEFAULT_UPSTREAM})",
    )
    parser.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="DIR",
        help="directory to write recording files into (created if missing); "
        "`serve --recordings DIR` replays them",
    )
    _add_listen_options(parser)
    _add_access_log_option(parser)


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
    add_serve_options(serve)
    record = commands.add_parser(
        "record",
        help="proxy to an upstream API and save its answers as recordings",
        description="Forward every request under /public/api to the upstream (the client signs "
        "for the upstream as usual) and write each interaction as a recording file that "
        "`serve --recordings DIR` replays. No header, credential or request body is written.",
    )
    add_record_options(record)
    return parser


def _serve(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    fail = parser.error  # the message on stderr, exit status 2
    if not 0 <= args.port <= 65535:
        fail("--port must be between 0 and 65535")
    public_key_pem: bytes | None = None
    if args.public_key is not None:
        try:
            public_key_pem = args.public_key.read_bytes()
        except OSError as exc:
            fail(f"cannot read --public-key: {exc.strerror}")
    try:
        app = create_app(
            faults=faults_from_args(args),
            api_key=args.api_key,
            api_secret=args.api_secret if args.api_secret is not None else DEFAULT_API_SECRET,
            public_key_pem=public_key_pem,
            recordings_dir=args.recordings,
            market=args.market,
            market_pair=args.market_pair,
            market_real_time=args.market_real_time,
            stream_ping_interval=args.stream_ping_interval,
        )
    except (RecordingError, ValueError) as exc:
        # These messages name options, files and settings, never a secret's value.
        fail(str(exc))
    try:
        sock = bind_socket(args.host, args.port)
    except OSError as exc:
        fail(f"cannot listen on {args.host}:{args.port}: {exc.strerror}")
    serve_until_stopped(app, sock, access_log=not args.no_access_log)
    return 0


def record_main(args: argparse.Namespace) -> int:
    """Run the recorder from parsed :func:`add_record_options` arguments; the exit status."""
    if not 0 <= args.port <= 65535:
        print("error: --port must be between 0 and 65535", file=sys.stderr)
        return 2
    try:
        app = create_recorder_app(args.upstream, args.out)
        sock = bind_socket(args.host, args.port)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(
            f"error: cannot listen on {args.host}:{args.port} or write {args.out}: "
            f"{exc.strerror or exc}",
            file=sys.stderr,
        )
        return 2
    # One line per recording, on stderr beside uvicorn's log.
    log = logging.getLogger("threecommas.testing.record")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s:     %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    try:
        serve_until_stopped(app, sock, access_log=not args.no_access_log)
    finally:
        log.removeHandler(handler)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "serve":
        return _serve(args, parser)
    return record_main(args)
