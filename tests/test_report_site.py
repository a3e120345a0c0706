"""The site's "Curriculum report" page: in the navigation, with charts, and accessible."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def test_report_page_is_built_and_in_the_navigation(bundled_site: Path) -> None:
    page = (bundled_site / "site" / "report.html").read_text(encoding="utf-8")
    assert "<h1" in page and "Curriculum report" in page
    assert page.count('<svg class="cb-chart"') == 8
    home = (bundled_site / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="report.html"' in home


def axe_violations(url: str, width: int) -> tuple[int, str]:
    """axe-core's WCAG 2.1 AA result for the page at `url`, in Chromium `width` pixels wide."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            headless=True,
            args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"],
        )
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto(url)
        results = Axe().run(page, options=WCAG_21_AA)
        browser.close()
    return results.violations_count, results.generate_report()


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
def test_report_page_passes_axe(bundled_site: Path, width: int) -> None:
    """Run in a thread of its own: other browser tests may hold Playwright in this one."""
    url = (bundled_site / "site" / "report.html").as_uri()
    with ThreadPoolExecutor(max_workers=1) as pool:
        count, report = pool.submit(axe_violations, url, width).result()
    assert count == 0, report
