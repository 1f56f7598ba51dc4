"""The request examples of the three versions of the official docs, extracted from their pages.

The docs are not part of this repository; their request examples are, in
`tests/docs_request_examples.json`, as this module extracts them, block by block and unchanged
(what to make of each block is `tests/server/test_docs_examples.py`'s business). With a checkout of
the docs (the three folders `master/`, `gitbook/`, `classic/` of
`3commas-io/3commas-official-api-docs`, see `THREECOMMAS_DOCS`):

    python tests/docs_examples.py [DOCS_DIR]     # rewrite tests/docs_request_examples.json

Where each version keeps its SmartTrade request examples:

- master (Docusaurus `.mdx`): a code block titled with its request line
  (```` ```json title="POST /v2/smart_trades" ````), or a `<NoContentEndpoint method=...
  endpoint=... />` for a request without a body;
- gitbook: the first code block after an "Example request" heading: a request line, a bare
  path or a JSON body (the method and path then come from the page's endpoint line);
- classic: the create page's "Examples" section, one code block per `####` heading (all
  `POST /v2/smart_trades`), and the JSON template after "Another way to create".
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

STORED = Path(__file__).resolve().parent / "docs_request_examples.json"
#: Where a checkout of the docs is looked for (the three version folders inside).
DEFAULT_DOCS = Path("/work/shared/reference/docs")

_METHODS = "GET|POST|PATCH|PUT|DELETE"
_FENCE = re.compile(r"^\s*```")
_TITLED = re.compile(rf'^\s*```json\s+title="({_METHODS})\s+([^"]+)"')
_NO_CONTENT = re.compile(r"<NoContentEndpoint\s+method=[\"'](\w+)[\"']\s+endpoint=[\"']([^\"']+)")
_PAGE_METHOD = re.compile(rf"(?:\*\*|<strong>)\s*({_METHODS})\s*(?:\*\*|</strong>)")
_PAGE_PATH = re.compile(r"(?:\*\*|<code>)\s*(/v2/[^*<\s]+)\s*(?:\*\*|</code>)")


def docs_dir() -> Path | None:
    """The docs checkout named by `THREECOMMAS_DOCS`, else the default place, if it is there."""
    configured = os.environ.get("THREECOMMAS_DOCS")
    candidate = Path(configured) if configured else DEFAULT_DOCS
    return candidate if (candidate / "master").is_dir() else None


def _block(lines: list[str], start: int) -> tuple[str, int]:
    """The text of the fenced block whose opening fence is line `start`, and its end."""
    end = start + 1
    while end < len(lines) and not _FENCE.match(lines[end]):
        end += 1
    return "\n".join(lines[start + 1 : end]).strip(), end


def _example(
    version: str, source: str, method: str | None, target: str | None, text: str | None
) -> dict[str, Any]:
    return {
        "version": version,
        "source": source,
        "method": method,
        "target": target,
        "text": text,
    }


def _master(root: Path) -> Iterator[dict[str, Any]]:
    for page in sorted((root / "master" / "smart-trade").rglob("*.mdx")):
        source = str(page.relative_to(root))
        lines = page.read_text(encoding="utf-8").splitlines()
        for index, line in enumerate(lines):
            titled = _TITLED.match(line)
            if titled:
                text, _ = _block(lines, index)
                yield _example("master", source, titled[1], titled[2].strip(), text)
            for method, endpoint in _NO_CONTENT.findall(line):
                yield _example("master", source, method.upper(), endpoint, None)


def _gitbook(root: Path) -> Iterator[dict[str, Any]]:
    for page in sorted((root / "gitbook" / "SmartTrade").rglob("*.md")):
        source = str(page.relative_to(root))
        content = page.read_text(encoding="utf-8")
        method = _PAGE_METHOD.search(content)
        path = _PAGE_PATH.search(content)
        lines = content.splitlines()
        for index, line in enumerate(lines):
            if not re.search(r"example request", line, re.IGNORECASE):
                continue
            fences = [i for i in range(index + 1, len(lines)) if _FENCE.match(lines[i])]
            if not fences:
                continue
            opening = fences[0]
            text, _ = _block(lines, opening)
            example = _example("gitbook", source, None, None, text)
            # What the page says of its endpoint, for a block that is only a body or a path.
            example["page_method"] = method[1] if method else None
            example["page_path"] = path[1] if path else None
            yield example


def _classic(root: Path) -> Iterator[dict[str, Any]]:
    page = root / "classic" / "smart_trades_v2_api.md"
    source = str(page.relative_to(root))
    lines = page.read_text(encoding="utf-8").splitlines()
    in_examples = False
    heading: str | None = None
    for index, line in enumerate(lines):
        if line.startswith("### "):
            in_examples = line.strip() == "### Examples"
        elif line.startswith("#### "):
            heading = line[5:].strip()
        elif line.startswith("> Another way to create smart trade v2"):
            heading = "JSON template"
        if not _FENCE.match(line) or heading is None:
            continue
        if in_examples or heading == "JSON template":
            text, _ = _block(lines, index)
            example = _example("classic", source, "POST", "/v2/smart_trades", text)
            example["heading"] = heading
            yield example
            heading = None


def extract(root: Path) -> list[dict[str, Any]]:
    """Every request example of the SmartTrade pages of the three versions, in page order."""
    return [*_master(root), *_gitbook(root), *_classic(root)]


def stored() -> list[dict[str, Any]]:
    examples: list[dict[str, Any]] = json.loads(STORED.read_text(encoding="utf-8"))
    return examples


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else docs_dir()
    if root is None:
        print("no docs checkout found: give its path, or set THREECOMMAS_DOCS", file=sys.stderr)
        return 2
    examples = extract(root)
    STORED.write_text(json.dumps(examples, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(examples)} request examples written to {STORED.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
