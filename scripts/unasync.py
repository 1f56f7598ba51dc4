#!/usr/bin/env python3
"""Write the synchronous twins of the SDK's async modules.

    scripts/unasync.py           (re)write every sync module from its async source
    scripts/unasync.py --check   exit 1, naming the files, when a sync module is missing or
                                 stale, or when a substitution of the table below matched
                                 nothing in any source (a rename left it behind); writes nothing

The clients and the resource namespaces are written once, async, under
`overlay/threecommas/_async/`. Each sync module under `overlay/threecommas/_sync/` is the same
text with the substitutions of `SUBSTITUTIONS` applied, word by word, and a header naming its
source. The sync modules are committed, so that they can be read, type-checked and shipped.

A line of a source that ends with `# unasync: skip` is left out of the sync twin (for the few
lines that only the async side needs, such as `import asyncio`).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "overlay" / "threecommas" / "_async"
TARGET = ROOT / "overlay" / "threecommas" / "_sync"
SKIP_MARK = "# unasync: skip"

# Applied in this order; each is a whole-word regular expression unless it starts or ends with
# a non-word character. Every entry must match somewhere (the check says which did not).
SUBSTITUTIONS: tuple[tuple[str, str], ...] = (
    (r"async def ", "def "),
    (r"async with ", "with "),
    (r"async for ", "for "),
    (r"await ", ""),
    (r"AsyncIterator", "Iterator"),
    # An async generator's type has two parameters, a generator's three.
    (r"AsyncGenerator\[(\w+), None\]", r"Generator[\1, None, None]"),
    (r"AsyncGenerator", "Generator"),
    (r"AsyncThreeCommas", "ThreeCommas"),
    (r"AsyncSmartTradeOrders", "SmartTradeOrders"),
    (r"AsyncSmartTrades", "SmartTrades"),
    (r"AsyncTrades", "Trades"),
    (r"AsyncWatch", "Watch"),
    (r"AsyncStreamWatch", "StreamWatch"),
    (r"AsyncCableSocket", "CableSocket"),
    (r"AsyncAccounts", "Accounts"),
    (r"AsyncMarket", "Market"),
    (r"RequestAsync", "Request"),
    (r"FetchAsync", "Fetch"),
    (r"AsyncAPIClient", "SyncAPIClient"),
    (r"AsyncRedisBudget", "RedisBudget"),
    (r"AsyncRedisRateLimiter", "RedisRateLimiter"),
    (r"AsyncRedisLockout", "RedisLockout"),
    (r"connect_async", "connect"),
    (r"start_keeper_task", "start_keeper_thread"),
    (r"httpx\.AsyncClient", "httpx.Client"),
    (r"get_async_httpx_client", "get_httpx_client"),
    (r"asyncio_detailed", "sync_detailed"),
    (r"__aenter__", "__enter__"),
    (r"__aexit__", "__exit__"),
    (r"aclose", "close"),
    (r"asleep", "sleep"),
    (r"Asynchronous", "Synchronous"),
    (r"asynchronous", "synchronous"),
)


def _pattern(text: str) -> re.Pattern[str]:
    start = r"\b" if re.match(r"\w", text) else ""
    end = r"\b" if re.search(r"\w$", text.replace("\\", "")) else ""
    return re.compile(start + text + end)


COMPILED = tuple((_pattern(old), new) for old, new in SUBSTITUTIONS)


def header(source: Path) -> str:
    return (
        f"# generated from {source.relative_to(ROOT).as_posix()} by scripts/unasync.py"
        " — do not edit\n"
    )


def unasync_text(text: str, used: set[int] | None = None) -> str:
    lines = []
    for line in text.splitlines(keepends=True):
        if line.rstrip().endswith(SKIP_MARK):
            continue
        for index, (pattern, new) in enumerate(COMPILED):
            line, count = pattern.subn(new, line)
            if count and used is not None:
                used.add(index)
        lines.append(line)
    return "".join(lines)


def twins() -> list[tuple[Path, Path]]:
    return [
        (source, TARGET / source.relative_to(SOURCE))
        for source in sorted(SOURCE.rglob("*.py"))
        if "__pycache__" not in source.parts
    ]


def render(source: Path, used: set[int] | None = None) -> str:
    return header(source) + unasync_text(source.read_text(encoding="utf-8"), used)


#: What a command's `--help` reads instead of the sources (`threecommas.cli._docs`).
HELP_TEXTS = ROOT / "overlay" / "threecommas" / "cli" / "_help_texts.py"


def help_texts(rendered: dict[Path, str]) -> str:
    """`_help_texts.py`: the sync client's classes as `_docs.read_classes` reads them from the
    sync sources just rendered (so that it can never lag behind them)."""
    import pprint

    sys.path.insert(0, str(ROOT / "overlay"))
    from threecommas.cli._docs import _SOURCES, read_classes

    package = ROOT / "overlay" / "threecommas"
    classes = read_classes(rendered[package / source] for source in _SOURCES)
    return (
        "# generated from the sync client's sources by scripts/unasync.py — do not edit\n"
        "\"\"\"The sync client's classes for the command line's help (`_docs`): each one's\n"
        "bases, its methods' docstrings and the namespace class of each attribute its\n"
        '`__init__` sets."""\n\n'
        "CLASSES: dict[str, tuple[tuple[str, ...], dict[str, str], dict[str, str]]] = "
        + pprint.pformat(classes, width=100, sort_dicts=False)
        + "\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when anything is stale")
    args = parser.parse_args(argv)
    used: set[int] = set()
    pairs = twins()
    problems = []
    expected = set()
    rendered: dict[Path, str] = {}

    def keep(target: Path, text: str) -> None:
        """Write `text` to `target`, or (with --check) note that it differs."""
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current == text:
            return
        if args.check:
            state = "missing" if current is None else "stale"
            problems.append(f"{state}: {target.relative_to(ROOT).as_posix()}")
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")

    for source, target in pairs:
        expected.add(target)
        rendered[target] = render(source, used)
        keep(target, rendered[target])
    keep(HELP_TEXTS, help_texts(rendered))
    for extra in sorted(TARGET.rglob("*.py")) if TARGET.exists() else []:
        if extra not in expected and "__pycache__" not in extra.parts:
            problems.append(f"no async source: {extra.relative_to(ROOT).as_posix()}")
    unused = [SUBSTITUTIONS[i][0] for i in range(len(SUBSTITUTIONS)) if i not in used]
    problems += [f"substitution never used: {old!r}" for old in unused]
    if problems:
        hint = "run `make generate-sync`" if args.check else "fix scripts/unasync.py"
        print(f"sync modules out of date ({hint}):", file=sys.stderr)
        for line in problems:
            print(f"  {line}", file=sys.stderr)
        return 1
    verb = "are up to date with" if args.check else "written from"
    print(f"{len(pairs)} sync modules {verb} overlay/threecommas/_async")
    return 0


if __name__ == "__main__":
    sys.exit(main())
