"""The Python examples of the README and of the documentation site: every complete program
type-checks and runs.

The blocks are the fenced ```python code blocks of README.md and of every page under docs/
(the guides, the reference pages, the package index's page), also those indented under a list
item.
A block is a *complete program* when it imports the `threecommas` package itself (`import
threecommas`, `from threecommas import ...` or `from threecommas.<module> import ...`): that is
what a reader copies into a file and runs, so it must stand alone. Every other block is a
*fragment* and is skipped: a call on a `client` made elsewhere, a pytest test, the low-level
`threecommas_api`. To have a new example checked, make it a complete program.

Each complete program is type-checked with `mypy --strict` (the project's settings), then run
as written, in a fresh interpreter, against a fresh recorded-responses server; the credentials
and the server's URL reach it only through the environment (`THREE_COMMAS_API_KEY`,
`THREE_COMMAS_API_SECRET`, `THREE_COMMAS_BASE_URL`), as a user's would.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.sdk.test_types import run_mypy
from threecommas import DEFAULT_BASE_URL, AsyncThreeCommas, ThreeCommas

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
DOCS = ROOT / "docs"
#: Every page whose code blocks a reader may copy: the README first (its quick start leads).
PAGES = [README, *sorted(DOCS.rglob("*.md"))]
_OPENING = re.compile(r"^(?P<indent>[ \t]*)```python[ \t]*$")


@dataclass(frozen=True)
class Block:
    line: int  # of the opening fence
    code: str
    page: str = "README.md"

    @property
    def name(self) -> str:
        return f"{self.page}:{self.line}"


def python_blocks(text: str, page: str = "README.md") -> list[Block]:
    blocks: list[Block] = []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        opening = _OPENING.match(lines[index])
        if opening is None:
            index += 1
            continue
        closing = opening.group("indent") + "```"
        end = index + 1
        while end < len(lines) and lines[end].rstrip() != closing:
            end += 1
        assert end < len(lines), f"{page}:{index + 1}: the code block is not closed"
        code = textwrap.dedent("\n".join(lines[index + 1 : end])) + "\n"
        blocks.append(Block(index + 1, code, page))
        index = end + 1
    return blocks


def is_complete_program(block: Block) -> bool:
    tree = ast.parse(block.code)  # every Python block of every page must at least parse
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        if any(name == "threecommas" or name.startswith("threecommas.") for name in names):
            return True
    return False


def _all_blocks() -> list[Block]:
    blocks = []
    for page in PAGES:
        name = page.relative_to(ROOT).as_posix()
        blocks += python_blocks(page.read_text(encoding="utf-8"), name)
    return blocks


BLOCKS = _all_blocks()
_ALL_PROGRAMS = [block for block in BLOCKS if is_complete_program(block)]
# A program shown on two pages (the README's example is also a guide's) runs once.
PROGRAMS = [
    block
    for index, block in enumerate(_ALL_PROGRAMS)
    if all(block.code != other.code for other in _ALL_PROGRAMS[:index])
]


def test_the_pages_have_complete_programs_and_fragments() -> None:
    assert len(PROGRAMS) >= 10, [b.name for b in PROGRAMS]
    assert len(BLOCKS) > len(PROGRAMS)  # fragments exist and are told apart
    # The quick start and the async example are programs, not fragments.
    assert PROGRAMS[0].page == "README.md"
    assert "with ThreeCommas() as client:" in PROGRAMS[0].code
    assert any("asyncio.run(" in block.code for block in PROGRAMS)
    # Every guide's programs are found, not only the README's.
    pages = {block.page for block in PROGRAMS}
    for guide in ("install", "orders", "watching", "safety", "fleet", "testing", "backtesting"):
        assert f"docs/guides/{guide}.md" in pages, guide


def test_the_block_finder_sees_indented_blocks_and_tells_fragments_apart() -> None:
    text = (
        "intro\n\n```python\nfrom threecommas import ThreeCommas\n```\n\n"
        "- item\n\n  ```python\n  client.smart_trades.get(1)\n  ```\n\n"
        "```python\nfrom threecommas_api.api.smart_trades import get_smart_trade\n```\n"
    )
    blocks = python_blocks(text)
    assert [b.code for b in blocks] == [
        "from threecommas import ThreeCommas\n",
        "client.smart_trades.get(1)\n",
        "from threecommas_api.api.smart_trades import get_smart_trade\n",
    ]
    assert [is_complete_program(b) for b in blocks] == [True, False, False]


@pytest.mark.slow
def test_every_complete_program_passes_mypy_strict(tmp_path: Path) -> None:
    files = []
    for number, block in enumerate(PROGRAMS):
        stem = block.page.removesuffix(".md").replace("/", "_").replace("-", "_").replace(".", "_")
        path = tmp_path / f"{stem}_line_{block.line}_{number}.py"
        path.write_text(block.code, encoding="utf-8")
        files.append(path)
    result = run_mypy(files)
    assert result.returncode == 0, result.stdout + result.stderr


Server = Any  # threecommas.testing.RunningServer


def _run(
    block: Block, server: Server, redis_url: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("THREE_COMMAS_")}
    if redis_url is not None:
        env["REDIS_URL"] = redis_url
    env.update(
        THREE_COMMAS_API_KEY=server.api_key,
        THREE_COMMAS_API_SECRET=server.api_secret,
        THREE_COMMAS_BASE_URL=server.base_url,
    )
    return subprocess.run(
        [sys.executable, "-c", block.code],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("block", PROGRAMS, ids=[b.name for b in PROGRAMS])
@pytest.mark.slow
def test_every_complete_program_runs_against_the_server(
    block: Block, threecommas_server_factory: Callable[..., Server]
) -> None:
    server = threecommas_server_factory()
    if "REDIS_URL" in block.code:  # the shared budget's example: a real Redis of its own
        from tests.redis_server import RedisServer, require_redis_server

        if (why := require_redis_server()) is not None:
            pytest.skip(why)
        with RedisServer() as redis_server:
            result = _run(block, server, redis_server.url)
    else:
        result = _run(block, server)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip(), "the example printed nothing"


def test_the_quick_start_closes_the_step(threecommas_server_factory: Callable[..., Server]) -> None:
    server = threecommas_server_factory()
    result = _run(PROGRAMS[0], server)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["panic_sell_pending"]
    step = server.store.get(12345678)["take_profit"]["steps"][2]
    assert step["status"]["basic_type"] == "panic_sell_pending"


@pytest.mark.parametrize("client_class", [ThreeCommas, AsyncThreeCommas])
def test_the_base_url_comes_from_the_environment_unless_given(
    client_class: type[ThreeCommas] | type[AsyncThreeCommas], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("THREE_COMMAS_BASE_URL", raising=False)
    assert client_class("key", "secret").base_url == DEFAULT_BASE_URL
    monkeypatch.setenv("THREE_COMMAS_BASE_URL", "http://127.0.0.1:9/public/api/")
    assert client_class("key", "secret").base_url == "http://127.0.0.1:9/public/api"
    given = client_class("key", "secret", base_url="https://example.test/public/api")
    assert given.base_url == "https://example.test/public/api"
    monkeypatch.setenv("THREE_COMMAS_BASE_URL", "ftp://nowhere")
    with pytest.raises(ValueError, match="base_url"):
        client_class("key", "secret")


def test_the_docs_say_what_the_test_server_makes_up() -> None:
    """One section lists what the fake server decides where the docs are silent, and cites the
    source of the stream's "status changes only": the staff answer in the docs repository."""
    text = (DOCS / "guides" / "docs-disagree.md").read_text(encoding="utf-8")
    heading = "## What the test server makes up where the docs are silent\n"
    assert text.count(heading) == 1
    section = text.split(heading, 1)[1].split("\n#", 1)[0]
    for topic in ("Error bodies", "Accounts", "Markets", "rates", "Bounds", "Final statuses"):
        assert topic in section, topic
    assert "issue #90" in section and "3commas-io/3commas-official-api-docs" in section
    assert "changing status of SmartTrade only" in section
