"""The built site in real headless Chromium: pages, variant switcher, search, axe.

The bundled curriculum (built once per session) is served over http on
127.0.0.1, because Material's search runs in a web worker that browsers do not
start from file://. Every request the browser makes is recorded, and each test
asserts none left 127.0.0.1. axe-core checks each kind of page against WCAG 2.1
A and AA. Screenshots of a session page at phone and desktop width are saved in
the test's temporary folder.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
LANDING = "index.html"
OVERVIEW = "living-well/community/index.html"
SESSION = "living-well/community/sessions/session-1.html"
MODULE = "living-well/community/modules/symptom-cycle.html"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Say nothing: test output is for failures."""


@pytest.fixture(scope="session")
def server(bundled_site: Path) -> Iterator[str]:
    """The built site over http on 127.0.0.1, at a free port."""
    handler = functools.partial(_Quiet, directory=str(bundled_site / "site"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def requests() -> list[str]:
    return []


@pytest.fixture
def page(browser: Browser, requests: list[str]) -> Iterator[Page]:
    context = browser.new_context(viewport=DESKTOP)
    tab = context.new_page()
    tab.on("request", lambda request: requests.append(request.url))
    yield tab
    context.close()


def visit(page: Page, server: str, path: str) -> None:
    response = page.goto(server + path)
    assert response is not None and response.ok, path
    page.wait_for_load_state("networkidle")


def assert_accessible(page: Page) -> None:
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()


def assert_all_local(requests: list[str], server: str) -> None:
    assert requests
    assert [url for url in requests if not url.startswith(server)] == []


@pytest.mark.parametrize("path", [LANDING, OVERVIEW, SESSION, MODULE])
def test_each_kind_of_page_loads_locally_and_passes_axe(page, server, requests, path):
    """Module pages carry every kind of box (the urgent-help box is checked below)."""
    visit(page, server, path)
    assert page.locator("h1").count() == 1
    assert_accessible(page)
    assert_all_local(requests, server)


def test_landing_page_lists_courses_and_who_each_variant_is_for(page, server):
    visit(page, server, LANDING)
    assert page.get_by_role("heading", name="Living well with a long-term condition").count()
    article = page.locator("article")
    article.get_by_role("link", name="Living well (community)", exact=True).click()
    page.wait_for_load_state()
    assert page.url == server + OVERVIEW
    assert "Who it is for:" in page.locator("article").inner_text()


def test_session_page_has_a_run_sheet_and_leads_to_its_modules(page, server):
    visit(page, server, SESSION)
    article = page.locator("article")
    assert article.locator(".cb-timeline__seg").count() >= 3
    rows = article.locator("table tbody tr")
    assert rows.first.inner_text().startswith("0:00")
    article.get_by_role("link", name="The symptom cycle").first.click()
    page.wait_for_load_state()
    assert page.url == server + MODULE


def test_variant_switcher_leads_to_the_same_module_in_another_variant(page, server, requests):
    visit(page, server, MODULE)
    assert "Reviewed " in page.locator(".cb-review").inner_text()
    switcher = page.get_by_role("navigation", name="This module in other variants")
    switcher.get_by_role("link", name="Living well (community mental health team)").click()
    page.wait_for_load_state()
    assert page.url == server + "living-well/secondary-care/modules/symptom-cycle.html"
    heading = page.locator("h1").inner_text()
    assert heading.startswith("The symptom cycle")
    assert "Living well (community mental health team)" in heading
    assert page.locator(".admonition.cb-urgent").count()
    assert_accessible(page)
    assert_all_local(requests, server)


def test_search_finds_a_module_and_says_which_variant_it_belongs_to(page, server, requests):
    visit(page, server, LANDING)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("symptom diary", delay=20)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    texts = [results.nth(i).inner_text() for i in range(results.count())]
    assert any("The symptom cycle" in t and "Living well" in t for t in texts), texts
    titles = [t.splitlines()[0] for t in texts]
    assert len(titles) == len(set(titles)), "the same module is listed more than once"
    assert_all_local(requests, server)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_session_page_fits_the_screen(browser, server, viewport, tmp_path):
    context = browser.new_context(viewport=viewport)
    tab = context.new_page()
    visit(tab, server, SESSION)
    tab.screenshot(path=str(tmp_path / f"session-{viewport['width']}.png"), full_page=True)
    overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    bar = tab.locator(".cb-timeline__bar").bounding_box()
    assert bar is not None and bar["width"] <= viewport["width"]
    context.close()
