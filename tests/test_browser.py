"""In a real headless Chromium (Debian's, driven by Playwright): navigation and accessibility."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.helpers import SEED_PAGES

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}

pytestmark = pytest.mark.browser


def test_agenda_paragraph_and_case_links_work(page: Page, served: str) -> None:
    page.goto(served + "direktionen/2023-10-26/")
    # The ärendelista's link (the same § is in "På sidan" beside the page).
    page.get_by_role("article").get_by_role("link", name="§ 71 Delårsbokslut per 2023-08-31").click()
    assert page.url.endswith("#paragraf-71")
    heading = page.locator("h2#paragraf-71")
    expect(heading).to_be_in_viewport()
    # Not hidden under the fixed header.
    header_bottom = page.evaluate("document.querySelector('header').getBoundingClientRect().bottom")
    assert page.evaluate("document.querySelector('h2#paragraf-71').getBoundingClientRect().top") >= header_bottom
    page.locator("section", has=page.locator("h2#paragraf-71")).get_by_role("link", name="ITSAM 2023/93").click()
    expect(page).to_have_url(served + "arenden/itsam-2023-93/")
    expect(page.get_by_role("heading", level=1)).to_have_text("ITSAM 2023/93 Delårsbokslut per 2023-08-31")
    page.get_by_role("link", name="Direktionen 2023-10-26, § 71", exact=True).click()
    expect(page).to_have_url(served + "direktionen/2023-10-26/#paragraf-71")


def test_site_navigation_reaches_the_meeting_from_the_start(page: Page, served: str) -> None:
    page.goto(served)
    page.get_by_role("link", name="Direktionen 2023-10-26").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Direktionen 2023-10-26")
    expect(page.locator("html")).to_have_attribute("lang", "sv")


@pytest.mark.parametrize(
    "url",
    [
        *SEED_PAGES,
        "sok/?q=delårsbokslut",
        "sok/?q=2023/94",
        "404.html",
    ],
)
def test_no_wcag_21_aa_violations(page: Page, served: str, url: str) -> None:
    """Every page type: start, body, year, meeting, case, cases index, persons, person, about,
    notices, open data, the accessibility statement, search results, a missing dnr, and the 404 page."""
    page.goto(served + url)
    if url.startswith("sok/"):
        expect(page.locator("#arkiv-sok-status")).not_to_be_empty()
    results = Axe().run(page, options=WCAG_21_AA)
    violations = results.response["violations"]
    assert violations == [], results.generate_report()
