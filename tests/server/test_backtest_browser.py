"""The backtest's page in a real browser: Debian's chromium, headless, driven by selenium through
chromium's own chromedriver (nothing downloaded). The page opens from a file with the network
unused, and its two pictures are drawn: each SVG has a size on the page, its lines have points,
and the price chart shows a marker for every entry, take profit and stop loss.

`make chromium` installs the browser when it can; without one this test is skipped with one
line saying so, except under CI, where it fails.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from threecommas.testing import backtest
from threecommas.testing.samples import SAMPLES

pytestmark = pytest.mark.slow

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "examples"))

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


def _missing() -> str | None:
    if not (Path(CHROMIUM).is_file() and Path(DRIVER).is_file()):
        return "chromium and chromium-driver are not installed (make chromium)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (the dev extra)"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    missing = _missing()
    if missing is not None:
        if os.environ.get("CI"):
            pytest.fail(f"under CI the browser test must run: {missing}")
        pytest.skip(f"the report's browser test is skipped: {missing}")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    options.add_argument("--window-size=1200,1600")
    session = webdriver.Chrome(service=Service(executable_path=DRIVER), options=options)
    try:
        yield session
    finally:
        session.quit()


def test_the_report_page_shows_its_pictures(browser: Any, tmp_path: Path) -> None:
    from buy_the_dip import BuyTheDip

    report = backtest(
        BuyTheDip(dip="0.002", take_profit="0.3", stop_loss="0.3"),
        candles=SAMPLES["binance"],
        pair="USDT_BTC",
    )
    page = report.to_html(tmp_path / "report.html")
    browser.get(page.as_uri())
    found = browser.execute_script(
        """
        const size = (el) => { const r = el.getBoundingClientRect(); return [r.width, r.height]; };
        const svg = (id) => document.getElementById(id);
        const count = (sel) => document.querySelectorAll(sel).length;
        const drawn = (sel) => Array.from(document.querySelectorAll(sel)).filter(
            (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; }
        ).length;
        return {
            price: size(svg("price-chart")),
            equity: size(svg("equity-curve")),
            closePoints: svg("price-chart").querySelector("polyline.close").points.numberOfItems,
            equityPoints: svg("equity-curve").querySelector("polyline.equity").points.numberOfItems,
            lineLength: svg("equity-curve").querySelector("polyline.equity").getTotalLength(),
            entries: drawn(".marker.entry path"),
            takeProfits: drawn(".marker.take-profit circle"),
            stopLosses: drawn(".marker.stop-loss path"),
            markers: count(".marker"),
            resources: performance.getEntriesByType("resource").length,
            title: document.title,
        };
        """
    )
    assert found["price"][0] > 500 and found["price"][1] > 200
    assert found["equity"][0] > 500 and found["equity"][1] > 200
    assert found["closePoints"] == len(report.price_curve) > 10
    assert found["equityPoints"] == len(report.equity_curve) + 1 and found["lineLength"] > 100
    ended = {t.ended_by for t in report.trades}
    assert found["entries"] == len(report.trades)
    assert (
        found["takeProfits"] >= 1
        and found["stopLosses"] >= 1
        and {"take_profit", "stop_loss"} <= ended
    )
    assert found["markers"] == len(report.trades) + sum(len(t.exits) for t in report.trades)
    assert found["resources"] == 0  # nothing fetched: the page is whole offline
    assert found["title"] == "Backtest: USDT_BTC on binance_us"
    browser.save_screenshot(str(tmp_path / "report.png"))
