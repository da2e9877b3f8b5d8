"""Print and protokollsutdrag in a real headless Chromium: a printed meeting carries the
organisation, "Protokoll", body and date and a page number on every page, links print black;
"?utdrag=N" shows one paragraph with the meeting's facts, says it is not certified, and
prints on one or two pages."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from playwright.sync_api import Browser, Page, expect

from generator.model import Meeting, Organisation
from generator.site import labels

pytestmark = pytest.mark.browser
MEETING = "direktionen/2023-10-26/"


def _pages(page: Page) -> list[str]:
    with pdfplumber.open(io.BytesIO(page.pdf(format="A4"))) as pdf:
        return [p.extract_text() or "" for p in pdf.pages]


def _running_line(organisation: Organisation, seed: Meeting) -> str:
    title = labels.MEETING_TITLE.format(body="Direktionen", date=seed.date.isoformat())
    return f"{organisation.name} · {labels.PROTOCOL} · {title}"


def test_an_extract_shows_one_paragraph_with_the_meetings_facts(
    browser: Browser, served: str, seed: Meeting, organisation: Organisation
) -> None:
    page = browser.new_context(locale="sv-SE").new_page()
    # The shortest paragraph: a paragraph of three pages makes an extract of three.
    item = min(seed.items, key=lambda i: len(i.decision) + sum(len(s.text) for s in i.sections))
    page.goto(served + MEETING + f"?utdrag={item.number}#{item.anchor}")
    visible = page.locator("section.arkiv-paragraf:visible")
    expect(visible).to_have_count(1)
    assert visible.get_attribute("aria-labelledby") == item.anchor
    expect(page.locator(".arkiv-utdrag-not")).to_contain_text(labels.EXTRACT_NOT_CERTIFIED)
    for heading in ("#justering", "#anslag", ".arkiv-fakta >> nth=0"):
        expect(page.locator(heading)).to_be_visible()
    for hidden in ("#arendelista", "#narvaro", "#signering"):
        expect(page.locator(hidden)).to_be_hidden()
    printed = _pages(page)
    assert 1 <= len(printed) <= 2
    assert all(_running_line(organisation, seed) in text for text in printed)
    page.context.close()


def test_the_meeting_page_without_an_extract_shows_every_paragraph(
    browser: Browser, served: str, seed: Meeting
) -> None:
    page = browser.new_context(locale="sv-SE").new_page()
    page.goto(served + MEETING)
    expect(page.locator("section.arkiv-paragraf:visible")).to_have_count(len(seed.items))
    expect(page.locator(".arkiv-utdrag-not")).to_be_hidden()
    link = page.get_by_role("link", name=labels.EXTRACT_OF.format(number=seed.items[0].number))
    link.click()
    expect(page.locator("section.arkiv-paragraf:visible")).to_have_count(1)
    page.context.close()


def test_a_printed_meeting_says_on_every_page_whose_protocol_it_is(
    browser: Browser, served: str, seed: Meeting, organisation: Organisation
) -> None:
    page = browser.new_context(locale="sv-SE").new_page()
    page.goto(served + MEETING)
    printed = _pages(page)
    assert len(printed) > 1
    for number, text in enumerate(printed, start=1):
        assert _running_line(organisation, seed) in text, number
        assert f"Sida {number} ({len(printed)})" in text, number
    assert "Gå till innehållet" not in " ".join(printed)  # no screen furniture on paper
    page.emulate_media(media="print")
    page.wait_for_timeout(400)  # the theme fades a link's colour in 125 ms
    colour = page.locator(".arkiv-arendelista a").first.evaluate("a => getComputedStyle(a).color")
    assert colour == "rgb(0, 0, 0)"
    page.context.close()
