"""In a real headless Chromium (Debian's, driven by Playwright): navigation and accessibility."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect, sync_playwright

CHROMIUM = "/usr/bin/chromium"
# Chromium as root in a closed network: no sandbox, no background connections (see the env notes).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}

pytestmark = pytest.mark.browser


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def served(seed_site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(seed_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: run `make test`, which installs it")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="sv-SE")
    opened = context.new_page()
    yield opened
    context.close()


def test_agenda_paragraph_and_case_links_work(page: Page, served: str) -> None:
    page.goto(served + "direktionen/2023-10-26/")
    page.get_by_role("link", name="§ 71 Delårsbokslut per 2023-08-31").click()
    assert page.url.endswith("#paragraf-71")
    heading = page.locator("#paragraf-71 h2")
    expect(heading).to_be_in_viewport()
    page.locator("#paragraf-71").get_by_role("link", name="ITSAM 2023/93").click()
    expect(page).to_have_url(served + "arenden/itsam-2023-93/")
    expect(page.get_by_role("heading", level=1)).to_have_text("ITSAM 2023/93 Delårsbokslut per 2023-08-31")
    page.get_by_role("link", name="Direktionen 2023-10-26, § 71").click()
    expect(page).to_have_url(served + "direktionen/2023-10-26/#paragraf-71")


def test_site_navigation_reaches_the_meeting_from_the_start(page: Page, served: str) -> None:
    page.goto(served)
    page.get_by_role("link", name="Direktionen 2023-10-26").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Direktionen 2023-10-26")
    expect(page.locator("html")).to_have_attribute("lang", "sv")


@pytest.mark.parametrize(
    "url",
    ["", "direktionen/", "direktionen/2023-10-26/", "arenden/itsam-2023-93/", "arenden/", "om-arkivet/", "404.html"],
)
def test_no_wcag_21_aa_violations(page: Page, served: str, url: str) -> None:
    page.goto(served + url)
    results = Axe().run(page, options=WCAG_21_AA)
    violations = results.response["violations"]
    assert violations == [], results.generate_report()
