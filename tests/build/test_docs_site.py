"""The documentation site's sources and its checks: the README stays a short front page, the
package index gets a page written for pip users, the build's docstring check sees a public name
without one, and the browser check sees a broken link or anchor.

The site itself is built and tried in chromium by `make docs` and `make docs-check` (both part of
`make test`); the Python blocks of its pages are run by tests/contract/test_docs_code.py.
"""

from __future__ import annotations

import importlib.util
import os
import re
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
README_LIMIT = 15 * 1024


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_the_readme_is_a_short_front_page() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(text.encode("utf-8")) <= README_LIMIT
    for command in ("make demo", "make test", "pip install threecommas-sdk"):
        assert command in text, command
    # Its links into the site lead to pages that exist.
    for target in re.findall(r"\]\(([^)#]+)\)", text):
        if "://" not in target:
            assert (ROOT / target).exists(), target


def test_every_guide_is_in_the_sites_table_of_contents() -> None:
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    for guide in sorted((DOCS / "guides").glob("*.md")):
        assert f"guides/{guide.stem}\n" in index, guide.name


def test_the_package_index_gets_a_page_for_pip_users() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    page = (ROOT / project["readme"]).read_text(encoding="utf-8")
    assert project["readme"] == "docs/pypi.md"
    body = page.split("\n", 2)[2]
    assert not body.lstrip().startswith("make"), "the description starts with a make command"
    assert "pip install threecommas-sdk" in page
    assert "make " not in page  # a pip user has no Makefile
    assert any(
        c.startswith("Programming Language :: Python :: 3.11") for c in project["classifiers"]
    )
    assert "Typing :: Typed" in project["classifiers"]
    assert project["urls"]
    extras = project["optional-dependencies"]
    assert any(req.startswith("sphinx>=9") for req in extras["docs"])


def test_the_docstring_check_names_a_public_name_without_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest.importorskip("sphinx")
    check = _load("public_docstrings", DOCS / "_ext" / "public_docstrings.py")
    assert check.missing_docstrings() == []
    import threecommas
    from threecommas.testing import ServerHost

    monkeypatch.setattr(ServerHost, "__doc__", None)
    monkeypatch.setattr(threecommas.RateLimit.for_plan.__func__, "__doc__", None)
    missing = check.missing_docstrings()
    assert "threecommas.testing.ServerHost" in missing
    assert "threecommas._limits.RateLimit.for_plan" in missing


def test_the_reference_pages_name_every_public_name() -> None:
    pytest.importorskip("sphinx")
    check = _load("public_docstrings", DOCS / "_ext" / "public_docstrings.py")
    text = "\n".join(p.read_text(encoding="utf-8") for p in (DOCS / "reference").glob("*.md"))
    for name in check.public_names():
        assert re.search(rf"::\s+{re.escape(name)}\s*$", text, re.MULTILINE), name


def test_the_docstring_blocks_become_literal_blocks() -> None:
    pytest.importorskip("sphinx")
    check = _load("public_docstrings", DOCS / "_ext" / "public_docstrings.py")
    lines = ["Use it so:", "", "    client.get(1)", "    client.get(2)", "", "Then more.", ""]
    check._literal_blocks(lines)
    assert lines == [
        "Use it so:",
        "",
        "::",
        "",
        "    client.get(1)",
        "    client.get(2)",
        "",
        "Then more.",
        "",
    ]
    sections = ["Args:", "    ids: the ids.", "", "Returns:", "    The list."]
    unchanged = list(sections)
    check._literal_blocks(sections)
    assert sections == unchanged


# --- the browser check ---------------------------------------------------------------------------


def _site(root: Path) -> Path:
    (root / "reference").mkdir(parents=True)
    pages = [f'<a href="reference/p{n}.html">page {n}</a>' for n in range(10)]
    (root / "index.html").write_text(
        "<html><body>" + "".join(pages) + '<a href="reference/p0.html#there">ok anchor</a>'
        '<a href="reference/p1.html#nowhere">bad anchor</a>'
        '<a href="gone.html">missing page</a></body></html>'
    )
    for n in range(10):
        (root / "reference" / f"p{n}.html").write_text(
            f'<html><body><h1 id="there">p{n}</h1><a href="../index.html">home</a></body></html>'
        )
    return root


@pytest.mark.slow
def test_the_browser_check_finds_a_broken_link_and_a_missing_anchor(tmp_path: Path) -> None:
    docs_check = _load("docs_check", ROOT / "scripts" / "docs_check.py")
    found = docs_check.find_browser()
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("under CI the browser check must run: chromium is missing")
        pytest.skip("chromium or chromedriver is missing (make chromium)")
    site = _site(tmp_path / "site")
    with docs_check.open_browser(*found) as session:
        check = docs_check.SiteCheck(session, site)
        check._pending = []
        assert check.crawl() == 11
    problems = "\n".join(check.problems)
    assert "links to a missing page" in problems and "gone.html" in problems
    assert "#nowhere" in problems
    assert "#there" not in problems
    assert len(check.problems) == 2, problems


def test_the_llms_txt_check_sees_a_missing_page_and_a_broken_link(tmp_path: Path) -> None:
    docs_check = _load("docs_check", ROOT / "scripts" / "docs_check.py")
    site = tmp_path / "site"
    (site / "guides").mkdir(parents=True)
    (site / "_sources" / "guides").mkdir(parents=True)
    for page in ("install", "cli"):
        (site / "guides" / f"{page}.html").write_text("<html></html>")
    (site / "_sources" / "guides" / "install.md.txt").write_text("# Install")
    assert docs_check.check_llms_txt(site) == ["no llms.txt at the site's root"]
    (site / "llms.txt").write_text(
        "# x\n\n- [Install](_sources/guides/install.md.txt)\n- [Gone](_sources/gone.md.txt)\n"
    )
    assert docs_check.check_llms_txt(site) == [
        "llms.txt links to a missing file: _sources/gone.md.txt",
        "llms.txt does not list guides/cli",
    ]


def test_the_llms_txt_check_wants_the_guides_in_the_table_of_contents_order(
    tmp_path: Path,
) -> None:
    docs_check = _load("docs_check", ROOT / "scripts" / "docs_check.py")
    site = tmp_path / "site"
    (site / "_sources" / "guides").mkdir(parents=True)
    (site / "guides").mkdir()
    for page in ("install", "orders", "cli"):
        (site / "guides" / f"{page}.html").write_text("<html></html>")
        (site / "_sources" / "guides" / f"{page}.md.txt").write_text(f"# {page}")
    (site / "index.html").write_text(
        '<a href="guides/install.html">I</a><a href="guides/orders.html">O</a>'
        '<a href="guides/cli.html#x">C</a><a href="guides/install.html">I</a>'
    )

    def listing(*pages: str) -> str:
        return "".join(f"- [{p}](_sources/guides/{p}.md.txt)\n" for p in pages)

    (site / "llms.txt").write_text(listing("install", "orders", "cli"))
    assert docs_check.check_llms_txt(site) == []
    (site / "llms.txt").write_text(listing("install", "cli", "orders"))
    assert docs_check.check_llms_txt(site) == [
        "llms.txt lists the guides out of the table of contents' order: "
        "guides/install, guides/cli, guides/orders"
    ]
