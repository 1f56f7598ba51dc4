"""Running one parsed command: its checks, the facade call, the output, the exit status."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import re
import sys
from collections.abc import Callable, Iterator, Mapping
from typing import Any
from urllib.parse import urlsplit

from threecommas import ThreeCommasError
from threecommas._constants import (
    DEFAULT_BASE_URL,
    ENV_API_KEY,
    ENV_API_SECRET,
    ENV_PLAN,
    ENV_PRIVATE_KEY_FILE,
    ENV_RATE_LIMIT_STORAGE,
)
from threecommas.cli._body import UsageError, read_body
from threecommas.cli._output import print_result, stdout_gone
from threecommas.cli._parser import API_PATH, ENV_BASE_URL, option_names
from threecommas.cli._table import Command

__all__ = ["EXIT_API_ERROR", "EXIT_OK", "EXIT_USAGE", "debug_log", "in_cli_words", "run"]

EXIT_OK, EXIT_API_ERROR, EXIT_USAGE = 0, 1, 2


def _fail(message: object, status: int) -> int:
    print(f"threecommas: {message}", file=sys.stderr)
    return status


def _warn(message: str) -> None:
    print(f"threecommas: warning: {message}", file=sys.stderr)


def _base_url(args: argparse.Namespace, environ: Mapping[str, str]) -> str:
    """The base URL and where it came from; refused unless http(s), a hint without /public/api."""
    if hasattr(args, "base_url"):
        url, source = args.base_url, "--base-url"
    elif environ.get(ENV_BASE_URL):
        url, source = environ[ENV_BASE_URL], ENV_BASE_URL
    else:
        return DEFAULT_BASE_URL
    # The URL is not echoed: it may carry a user name and password.
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UsageError(f"{source} must be an http:// or https:// URL with a host")
    if not parts.path.rstrip("/").endswith(API_PATH):
        _warn(
            f"{source} does not end with {API_PATH}, where the API's paths start "
            f"(e.g. {DEFAULT_BASE_URL}); requests will probably get 404"
        )
    return str(url)


def rate_limit_option(args: argparse.Namespace, environ: Mapping[str, str]) -> dict[str, Any]:
    """`rate_limit=` for the client when `--plan` or a storage is given (else the client's own
    default, which reads the plan from the environment itself)."""
    from threecommas._limits import RateLimit

    plan = getattr(args, "plan", None) or environ.get(ENV_PLAN, "").strip() or None
    storage = getattr(args, "rate_limit_storage", None) or environ.get(ENV_RATE_LIMIT_STORAGE)
    if not hasattr(args, "plan") and not storage:
        return {}
    source = "--plan" if hasattr(args, "plan") else ENV_PLAN
    try:
        if plan is None:
            return {"rate_limit": RateLimit(storage=storage)}
        return {"rate_limit": RateLimit.for_plan(plan, storage=storage)}
    except ValueError as exc:
        text = str(exc)
        if text.startswith("plan "):
            text = source + text[4:]
        elif text.startswith("RateLimit.storage"):
            text = "--rate-limit-storage" + text[len("RateLimit.storage") :]
        raise UsageError(text) from None


def _check_credentials(environ: Mapping[str, str]) -> None:
    """The credentials the client will read from the environment, in the command line's words."""
    if not environ.get(ENV_API_KEY):
        raise UsageError(f"no API key: set {ENV_API_KEY}")
    secret = environ.get(ENV_API_SECRET)
    key_file = environ.get(ENV_PRIVATE_KEY_FILE)
    if secret and key_file:
        raise UsageError(f"both {ENV_API_SECRET} and {ENV_PRIVATE_KEY_FILE} are set; keep one")
    if not secret and not key_file:
        raise UsageError(
            f"no API secret: set {ENV_API_SECRET} (system-generated key) or "
            f"{ENV_PRIVATE_KEY_FILE} (the path of your RSA private key, PEM)"
        )
    if key_file:
        # The value is never echoed: it might be a key pasted where its path belongs.
        if "-----BEGIN" in key_file:
            raise UsageError(
                f"{ENV_PRIVATE_KEY_FILE} holds PEM text; it must be the path of the PEM file"
            )
        try:
            with open(key_file, "rb"):
                pass
        except (OSError, ValueError) as exc:
            reason = getattr(exc, "strerror", None) or type(exc).__name__
            raise UsageError(
                f"{ENV_PRIVATE_KEY_FILE}: the file it names cannot be read ({reason})"
            ) from None


def in_cli_words(message: str, names: Mapping[str, str]) -> str:
    """An SDK message that starts with a parameter name, with the option's name instead."""
    match = re.match(r"(\w+)\b(.*)", message, re.DOTALL)
    if match is None or match.group(1) not in names:
        return message
    return names[match.group(1)] + match.group(2)


@contextlib.contextmanager
def debug_log(enabled: bool) -> Iterator[None]:
    """With -v/--verbose: the SDK's log, from DEBUG on, to stderr for the run of the command."""
    if not enabled:
        yield
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("threecommas")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def _call(client: Any, command: Command, args: argparse.Namespace, body: object) -> object:
    """The facade method of the row (or of the switch given), with the command's arguments:
    positionals in order, then the body, then the options that were given, as keywords."""
    facade = command.facade
    positional: list[object] = []
    keywords: dict[str, object] = {}
    for arg in command.args:
        value = getattr(args, arg.dest)
        if arg.kind == "switch":
            facade = arg.switch_to if value and arg.switch_to else facade
        elif arg.kind == "positional":
            positional.append(value)
        elif value is not None:
            keywords[arg.dest] = value
    if body is not None:
        positional.append(body)
    if getattr(args, "timeout", None) is not None:
        keywords["timeout"] = args.timeout
    method: Any = client
    for name in facade.split("."):
        method = getattr(method, name)
    result = method(*positional, **keywords)
    return list(result) if isinstance(result, Iterator) else result


def run_budget(args: argparse.Namespace, client_class: Callable[..., Any]) -> int:
    """`threecommas budget`: the budget's state as JSON (no request is sent to the API)."""
    try:
        base_url = _base_url(args, os.environ)
        limit = rate_limit_option(args, os.environ)
    except UsageError as exc:
        return _fail(exc, EXIT_USAGE)
    try:
        # The budget is named by the API key (a hash of it); none set: the public one's.
        client = client_class(base_url=base_url, **limit)
    except (ValueError, TypeError) as exc:
        return _fail(exc, EXIT_USAGE)
    from threecommas._budget_state import budget_state

    try:
        with client:
            state = budget_state(client)
    except ThreeCommasError as exc:
        return _fail(exc, EXIT_API_ERROR)
    except Exception as exc:  # the storage could not be read: say so, in one line
        return _fail(f"the budget's storage cannot be read ({type(exc).__name__})", EXIT_API_ERROR)
    print_result(state, None)
    return EXIT_OK


def run(args: argparse.Namespace, client_class: Callable[..., Any]) -> int:
    """Check the input, make the client, call the facade, print; the exit status."""
    command: Command = args.command
    try:
        base_url = _base_url(args, os.environ)
        if command.signed or os.environ.get(ENV_API_KEY):
            _check_credentials(os.environ)
        body = None if command.body_schema is None else read_body(args.body)
        limit = rate_limit_option(args, os.environ)
    except UsageError as exc:
        return _fail(exc, EXIT_USAGE)
    try:
        client = client_class(
            base_url=base_url,
            forced_mode=getattr(args, "forced_mode", None),
            **limit,
        )
    except (ValueError, TypeError) as exc:
        return _fail(exc, EXIT_USAGE)
    try:
        with client:
            if command.stream:
                from threecommas.cli._watch import print_events

                return print_events(client, command, args)
            result = _call(client, command, args, body)
    except ThreeCommasError as exc:
        return _fail(exc, EXIT_API_ERROR)
    except (ValueError, TypeError) as exc:
        # The SDK checks every argument and body before sending: nothing went out.
        return _fail(in_cli_words(str(exc), option_names()), EXIT_USAGE)
    try:
        print_result(result, command.table if getattr(args, "format", "") == "table" else None)
    except BrokenPipeError:
        stdout_gone()
    return EXIT_OK
