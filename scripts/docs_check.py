#!/usr/bin/env python3
"""The documentation site tried in a real browser: `make docs-check`.

Opens the built site from its folder (file://, as a reader who downloaded it would) in Debian's
chromium, driven by selenium through chromium's own chromedriver (nothing is downloaded), and
checks what a reader meets:

- every internal link of every page leads to a page that exists, and every `#anchor` to an
  element of that page;
- no page loads anything from the network (no CDN script, style sheet or font) and none logs a
  console error;
- typing `close_by_market` in the search box lists its reference entry, and following the result
  lands on that entry, which shows the method's signature.

It saves screenshots of the front page and of that reference entry in build/docs-screenshots/.
Without chromium and chromedriver it says so in one line and exits 0, except under CI (`CI`
set), where it fails, as the Redis tests do.

Usage: scripts/docs_check.py [SITE_DIR] [--screenshots DIR]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urldefrag, urlparse

ROOT = Path(__file__).resolve().parents[1]
SEARCHED = "close_by_market"
# The entry the search must lead to: the sync resource's method.
ENTRY_ID = "threecommas._sync.resources.SmartTrades.close_by_market"
CHROMIUM_NAMES = ("chromium", "chromium-browser")


def find_browser() -> tuple[str, str] | None:
    """(chromium, chromedriver), or None when either is missing."""
    browser = next((p for name in CHROMIUM_NAMES if (p := shutil.which(name))), None)
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


@contextmanager
def open_browser(browser: str, driver: str) -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for argument in (
        "--headless=new",
        "--no-sandbox",  # root in a container has no user namespace for the sandbox
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,900",
        "--hide-scrollbars",
        "--no-first-run",
        "--disable-extensions",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # The driver given: selenium's manager would otherwise look for one on the network.
    session = webdriver.Chrome(service=Service(executable_path=driver), options=options)
    try:
        session.set_page_load_timeout(60)
        yield session
    finally:
        session.quit()


def _page_path(url: str) -> Path:
    return Path(unquote(urlparse(url).path))


class SiteCheck:
    def __init__(self, session: Any, site: Path) -> None:
        self.session = session
        self.site = site.resolve()
        self.problems: list[str] = []
        self.ids: dict[Path, set[str]] = {}
        self.links: dict[Path, set[str]] = {}

    def problem(self, text: str) -> None:
        self.problems.append(text)

    def visit(self, page: Path) -> None:
        """Load one page; note its ids, its links, its console errors and network loads."""
        session = self.session
        session.get(page.as_uri())
        self.ids[page] = set(
            session.execute_script(
                "return Array.from(document.querySelectorAll('[id], a[name]'))"
                ".map(e => e.id || e.getAttribute('name'));"
            )
        )
        self.links[page] = set(
            session.execute_script(
                "return Array.from(document.querySelectorAll('a[href]')).map(a => a.href);"
            )
        )
        loaded = session.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name);"
        )
        for url in loaded:
            if not url.startswith("file:"):
                self.problem(f"{self._name(page)} loads {url} from the network")
        for entry in session.get_log("browser"):
            if entry.get("level") == "SEVERE":
                self.problem(f"{self._name(page)}: console error: {entry.get('message')}")

    def _name(self, page: Path) -> str:
        try:
            return str(page.relative_to(self.site))
        except ValueError:
            return str(page)

    def crawl(self) -> int:
        """Every page reachable from the front page, each link and anchor checked."""
        todo = [self.site / "index.html"]
        seen: set[Path] = set()
        while todo:
            page = todo.pop()
            if page in seen:
                continue
            seen.add(page)
            self.visit(page)
            for link in sorted(self.links[page]):
                target_url, fragment = urldefrag(link)
                if not target_url.startswith("file:"):
                    continue  # an outside link (the CHANGELOG's references): not the site's
                target = _page_path(target_url)
                if target.is_dir():
                    target = target / "index.html"
                if not target.is_relative_to(self.site):
                    self.problem(f"{self._name(page)} links outside the site: {link}")
                    continue
                if not target.exists():
                    self.problem(f"{self._name(page)} links to a missing page: {link}")
                    continue
                if target.suffix != ".html":
                    continue  # a source text or an image: its existence is all
                if target not in seen:
                    todo.append(target)
                if fragment:
                    self._pending.append((page, target, unquote(fragment)))
        for page, target, fragment in self._pending:
            if target in self.ids and fragment not in self.ids[target]:
                self.problem(
                    f"{self._name(page)} links to #{fragment} of {self._name(target)}, "
                    "which has no such anchor"
                )
        return len(seen)

    _pending: list[tuple[Path, Path, str]]

    def search(self, screenshots: Path) -> None:
        """Type the method's name in the front page's search box, follow its result."""
        from selenium.webdriver.common.by import By
        from selenium.webdriver.common.keys import Keys

        session = self.session
        session.get((self.site / "index.html").as_uri())
        session.save_screenshot(str(screenshots / "front-page.png"))
        box = session.find_element(By.CSS_SELECTOR, "form.sidebar-search-container input")
        box.send_keys(SEARCHED, Keys.ENTER)
        deadline = time.monotonic() + 30
        result = None
        while time.monotonic() < deadline and result is None:
            for anchor in session.find_elements(By.CSS_SELECTOR, "#search-results li a"):
                href = anchor.get_attribute("href") or ""
                if href.endswith("#" + ENTRY_ID):
                    result = anchor
                    break
            else:
                time.sleep(0.2)
        if result is None:
            listed = [a.text for a in session.find_elements(By.CSS_SELECTOR, "#search-results a")]
            self.problem(f"searching {SEARCHED!r} does not list {ENTRY_ID}; listed: {listed}")
            return
        result.click()
        if urldefrag(session.current_url)[1] != ENTRY_ID:
            self.problem(f"the search result led to {session.current_url}")
            return
        entry = session.find_element(By.ID, ENTRY_ID)
        signature = entry.text
        if not (signature.startswith(SEARCHED + "(") and "smart_trade_id" in signature):
            self.problem(f"the entry of {SEARCHED} shows no signature: {signature!r}")
        if not entry.is_displayed():
            self.problem(f"the entry of {SEARCHED} is not visible")
        # The search's highlighting changes the page after it loaded: scroll until the entry
        # stays at the top (for the screenshot only; nothing above depends on it).
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            session.execute_script("arguments[0].scrollIntoView({block: 'start'});", entry)
            time.sleep(0.3)
            top = session.execute_script("return arguments[0].getBoundingClientRect().top", entry)
            if 0 <= top < 150:
                break
        session.save_screenshot(str(screenshots / "reference-close_by_market.png"))
        for log in session.get_log("browser"):
            if log.get("level") == "SEVERE":
                self.problem(f"search: console error: {log.get('message')}")


def check_llms_txt(site: Path) -> list[str]:
    """llms.txt at the site's root lists every page, each link leading to its Markdown."""
    index = site / "llms.txt"
    if not index.exists():
        return ["no llms.txt at the site's root"]
    text = index.read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)]+)\)", text)
    problems = [
        f"llms.txt links to a missing file: {link}" for link in links if not (site / link).exists()
    ]
    pages = sorted(
        p.relative_to(site).with_suffix("").as_posix() for p in site.glob("guides/*.html")
    )
    for page in pages:
        if not any(link.startswith(f"_sources/{page}.") for link in links):
            problems.append(f"llms.txt does not list {page}")
    # The guides in the order of the front page's table of contents (its first links to each).
    front = site / "index.html"
    if front.exists():
        toc = list(dict.fromkeys(re.findall(r'href="(guides/[^"#]+)\.html', front.read_text())))
        listed = [
            page for link in links if (page := link.removeprefix("_sources/").split(".")[0]) in toc
        ]
        if listed != [page for page in toc if page in listed]:
            problems.append(
                "llms.txt lists the guides out of the table of contents' order: "
                + ", ".join(listed)
            )
    return problems


def check_site(site: Path, screenshots: Path, browser: str, driver: str) -> list[str]:
    """The problems found (none: the site passed)."""
    screenshots.mkdir(parents=True, exist_ok=True)
    with open_browser(browser, driver) as session:
        check = SiteCheck(session, site)
        check._pending = []
        pages = check.crawl()
        check.search(screenshots)
        if pages < 10:
            check.problem(f"only {pages} pages reachable from the front page")
    return check.problems + check_llms_txt(site)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default=str(ROOT / "build" / "docs" / "html"))
    parser.add_argument("--screenshots", default=str(ROOT / "build" / "docs-screenshots"))
    args = parser.parse_args(argv)
    site = Path(args.site)
    if not (site / "index.html").exists():
        print(f"docs-check: no site at {site} (run `make docs`)", file=sys.stderr)
        return 1
    found = find_browser()
    if found is None:
        why = "chromium or chromedriver is missing: the docs' browser check is skipped"
        if os.environ.get("CI"):
            print(
                f"docs-check: {why}; under CI (CI={os.environ['CI']}) it must run", file=sys.stderr
            )
            return 1
        print(f"docs-check: {why} (`make chromium` installs them as root)")
        return 0
    started = time.monotonic()
    problems = check_site(site, Path(args.screenshots), *found)
    if problems:
        print(f"docs-check: {len(problems)} problem(s):", file=sys.stderr)
        for text in problems:
            print(f"  {text}", file=sys.stderr)
        return 1
    print(
        f"docs-check: passed in {time.monotonic() - started:.0f} s (links, anchors, search, "
        f"console); screenshots in {args.screenshots}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
