"""Phones (390×844) in a real headless Chromium: nothing scrolls sideways inside a page, wide
tables fit the screen, the organisation's name is readable in the header; on a desktop the
whole name stands there."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from generator.model import Organisation
from generator.site import labels

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
WIDE_PAGES = ["direktionen/2023-10-26/", "arenden/2023/", "oppna-data/", "personer/jacob-kall/", "anslagstavla/2023/"]


@pytest.mark.parametrize("path", WIDE_PAGES)
def test_on_a_phone_nothing_scrolls_sideways(browser: Browser, served: str, path: str) -> None:
    page = browser.new_context(locale="sv-SE", viewport=PHONE).new_page()  # type: ignore[arg-type]
    page.goto(served + path)
    overflow = page.evaluate(
        """() => ({
          page: document.documentElement.scrollWidth,
          tables: [...document.querySelectorAll('article table')].map(t => ({
            right: t.getBoundingClientRect().right, scroll: t.scrollWidth, client: t.clientWidth })),
        })"""
    )
    assert overflow["page"] <= PHONE["width"], overflow
    assert overflow["tables"], path
    for table in overflow["tables"]:
        assert table["right"] <= PHONE["width"] and table["scroll"] <= table["client"] + 1, (path, table)
    page.context.close()


@pytest.mark.parametrize(("viewport", "whole"), [(PHONE, False), ({"width": 1366, "height": 900}, True)])
def test_the_organisations_name_is_readable_in_the_header(
    browser: Browser, served: str, organisation: Organisation, viewport: dict[str, int], whole: bool
) -> None:
    page = browser.new_context(locale="sv-SE", viewport=viewport).new_page()  # type: ignore[arg-type]
    page.goto(served)
    shown = page.locator(".md-header__topic .md-ellipsis:visible")
    name = labels.SITE_NAME.format(organisation=organisation.name) if whole else organisation.short_name
    assert shown.inner_text() == name
    assert shown.evaluate("el => el.scrollWidth <= el.clientWidth")  # not cut with an ellipsis
    page.context.close()
