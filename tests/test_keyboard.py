"""The keyboard alone, in a real headless Chromium: a skip link first on every page type, the
menu hidden on a phone out of the tab order, and focus that shows."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from generator.site import labels
from tests.helpers import SEED_PAGES

pytestmark = pytest.mark.browser
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
SEARCH = "sok/?q=delårsbokslut"


def _opened(browser: Browser, url: str, viewport: dict[str, int]) -> Page:
    page = browser.new_context(locale="sv-SE", viewport=viewport).new_page()  # type: ignore[arg-type]
    page.goto(url)
    return page


def _focused(page: Page) -> dict[str, object]:
    return page.evaluate(
        """() => {
          const el = document.activeElement;
          const box = el.getBoundingClientRect();
          const style = getComputedStyle(el);
          return {
            text: (el.innerText || el.getAttribute("aria-label") || "").trim(),
            inMenu: el.closest(".md-sidebar--primary") !== null,
            inContent: el.closest("article") !== null,
            afterTarget: Boolean(
              document.getElementById("innehall")?.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING
            ),
            isBody: el === document.body,
            shown: el.checkVisibility({visibilityProperty: true}) && box.width > 0 && box.height > 0,
            outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
          };
        }"""
    )


@pytest.mark.parametrize("path", [*SEED_PAGES, SEARCH])
def test_the_first_tab_is_a_skip_link_that_lands_in_the_content(browser: Browser, served: str, path: str) -> None:
    page = _opened(browser, served + path, DESKTOP)
    page.keyboard.press("Tab")
    first = _focused(page)
    assert first["text"] == labels.SKIP_TO_CONTENT and first["shown"], first
    page.keyboard.press("Enter")
    # From the skip link's target the next Tab goes on in the content (or, on a page without a
    # link of its own, to what follows it), never back to the header or the menu.
    page.keyboard.press("Tab")
    landed = _focused(page)
    assert landed["afterTarget"] and not landed["inMenu"], (path, landed)
    links_in_content = page.locator("article a[href]").count()
    assert landed["inContent"] or links_in_content == 0, (path, landed)
    page.context.close()


@pytest.mark.parametrize("path", ["direktionen/2023-10-26/", "arenden/itsam-2023-93/", SEARCH])
def test_on_a_phone_the_closed_menu_is_out_of_the_tab_order_and_focus_shows(
    browser: Browser, served: str, path: str
) -> None:
    page = _opened(browser, served + path, PHONE)
    seen = []
    for _ in range(12):
        page.keyboard.press("Tab")
        if (focused := _focused(page))["isBody"]:
            break  # round the page once: the browser's own controls come next
        seen.append(focused)
    assert len(seen) >= 4
    assert not [f for f in seen if f["inMenu"]], seen
    assert all(f["shown"] and f["outline"] for f in seen), [f for f in seen if not (f["shown"] and f["outline"])]
    # Opened, the menu is reachable.
    page.locator("label.md-header__button[for='__drawer']").click()
    page.wait_for_timeout(300)
    reached = False
    for _ in range(30):
        page.keyboard.press("Tab")
        if _focused(page)["inMenu"]:
            reached = True
            break
    assert reached
    page.context.close()
