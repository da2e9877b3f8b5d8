"""A meeting page that puts the decisions first: the ärendelista with each decision's first
sentence above attendance, justering and anslag; where the page stands; each § with its own
link and its meeting. Checked in the built HTML and in a real headless Chromium."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from generator.model import Meeting
from generator.site import labels
from generator.site.render import FIRST_SENTENCE_AT_MOST, first_sentence
from tests.htmlcheck import Page

MEETING = "direktionen/2023-10-26/"


def test_the_first_sentence_of_a_decision_as_published() -> None:
    assert first_sentence("Direktionen beslutar att godkänna bokslutet. Beslutet gäller direkt.") == (
        "Direktionen beslutar att godkänna bokslutet."
    )
    # A lead-in and its att-clauses on lines of their own: the lead-in and the first clause's line.
    assert first_sentence("**Nämnden beslutar**\n\natt anta planen, samt\n\natt informera.") == "Nämnden beslutar"
    assert first_sentence("- att anta planen\n- att informera") == "att anta planen att informera"
    long = "Direktionen beslutar att " + "anta " * 80 + "planen."
    cut = first_sentence(long)
    assert cut.endswith(" …") and len(cut) <= FIRST_SENTENCE_AT_MOST + 2 and long.startswith(cut[:-2])


def test_the_decisions_stand_before_attendance_justering_and_anslag(seed_site: Path, seed: Meeting) -> None:
    html = (seed_site / MEETING / "index.html").read_text(encoding="utf-8")
    at = html.index('id="arendelista"')
    assert at < html.index('id="narvaro"') < html.index('id="justering"') < html.index('id="anslag"')
    listed = html[at : html.index("</ol>", at)]
    text = " ".join(re.sub(r"<[^>]+>", " ", listed).split())
    for item in seed.items:
        opening = " ".join(item.decision.split("\n\n")[0].split())
        assert f"§ {item.number} " in text and opening in text, (item.number, opening)
    # In the order of the paragraphs, each linking to its own.
    numbers = [int(n) for n in re.findall(r'href="#paragraf-(\d+)"', listed)]
    assert numbers == [item.number for item in seed.items]


def test_where_the_page_stands_and_each_paragraphs_meeting(seed_site: Path, seed: Meeting) -> None:
    page = Page(seed_site, MEETING)
    html = (seed_site / MEETING / "index.html").read_text(encoding="utf-8")
    crumbs = html[html.index('class="arkiv-brodsmulor"') : html.index("</nav>", html.index("arkiv-brodsmulor"))]
    assert re.findall(r'href="([^"]+)"', crumbs) == ["../", f"../{seed.date.year}/"]
    assert f'aria-current="page">{seed.date.isoformat()}<' in crumbs
    for target in ("direktionen/index.html", f"direktionen/{seed.date.year}/index.html"):
        assert (seed_site / target).exists()
    meeting_title = labels.MEETING_TITLE.format(body="Direktionen", date=seed.date.isoformat())
    assert html.count(f'<span class="arkiv-paragraf-mote">{meeting_title}</span>') == len(seed.items)
    for item in seed.items:
        beside = re.search(rf'<h2 id="{item.anchor}">.*?</h2>\s*<p[^>]*>(.*?)</p>', html, re.DOTALL)
        assert beside and f'href="#{item.anchor}"' in beside[1]  # the heading's own link, beside it
    assert page.links


@pytest.mark.browser
def test_on_a_phone_the_first_decision_is_within_two_screens(browser: Browser, served: str) -> None:
    context = browser.new_context(locale="sv-SE", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(served + MEETING)
    first = page.locator(".arkiv-beslut-kort").first
    expect(first).to_be_visible()
    top = first.evaluate("el => el.getBoundingClientRect().top + window.scrollY")
    assert top < 2 * 844, top
    context.close()


@pytest.mark.browser
def test_a_paragraphs_own_link_is_its_address(browser: Browser, served: str, seed: Meeting) -> None:
    page = browser.new_context(locale="sv-SE").new_page()
    page.goto(served + MEETING)
    item = seed.items[-1]
    link = page.get_by_role("link", name=labels.LINK_TO_PARAGRAPH.format(number=item.number))
    link.click()
    expect(page).to_have_url(served + MEETING + f"#{item.anchor}")
    page.context.close()


def test_on_a_desktop_pa_sidan_lists_every_paragraph_and_stays_in_view(
    browser: Browser, served: str, seed: Meeting
) -> None:
    context = browser.new_context(locale="sv-SE", viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(served + MEETING)
    beside = page.get_by_role("navigation", name=labels.ON_THIS_PAGE)
    expect(beside).to_be_visible()
    links = beside.get_by_role("link")
    expected = [labels.PARAGRAPH_IN_TOC.format(number=i.number, title=i.title) for i in seed.items]
    assert [text.strip() for text in links.all_inner_texts()] == expected
    assert [links.nth(i).get_attribute("href") for i in range(links.count())] == [f"#{i.anchor}" for i in seed.items]
    # Far down the page the list is still beside it, the § in view marked.
    last = seed.items[-1]
    links.last.click()
    expect(page).to_have_url(served + MEETING + f"#{last.anchor}")
    page.wait_for_function("window.scrollY > 2000")
    box = beside.bounding_box()
    assert box is not None and 0 <= box["y"] < 900, box
    expect(links.last).to_have_class(re.compile(r"md-nav__link--active"))
    context.close()


def test_each_meeting_lists_its_own_paragraphs_beside_it(synth_small: tuple[Path, Path]) -> None:
    """The menu is rendered once for a folder of meetings; "På sidan" is each page's own."""
    _, site = synth_small
    pages = sorted(site.glob("*/????-??-??/index.html"))[:6]
    assert len(pages) == 6
    for path in pages:
        html = path.read_text(encoding="utf-8")
        beside = html.split(f'aria-label="{labels.ON_THIS_PAGE}"')[1].split("</nav>")[0]
        headings = re.findall(r'<h2 id="(paragraf-\d+)"', html)
        assert headings and re.findall(r'href="#(paragraf-\d+)"', beside) == headings, path


def test_on_a_phone_attendance_justering_and_anslag_fold_and_open(browser: Browser, served: str) -> None:
    phone = browser.new_context(locale="sv-SE", viewport={"width": 390, "height": 844})
    page = phone.new_page()
    page.goto(served + MEETING)
    parts = page.locator("details.arkiv-del")
    expect(parts).to_have_count(3)
    assert parts.evaluate_all("parts => parts.map(p => p.open)") == [False, False, False]
    expect(page.locator("#narvaro")).to_be_visible()  # the heading stays, its tables fold
    attendance = page.locator("details.arkiv-del", has=page.locator("#narvaro"))
    expect(attendance.locator("table").first).to_be_hidden()
    page.get_by_text(labels.ATTENDANCE, exact=True).click()
    expect(attendance.locator("table").first).to_be_visible()
    # A link to one of them opens it; the others stay folded.
    page.goto(served + MEETING + "#justering")
    page.reload()
    assert parts.evaluate_all("parts => parts.map(p => p.open)") == [False, True, False]
    # Printed, every part is there.
    page.evaluate("dispatchEvent(new Event('beforeprint'))")
    assert parts.evaluate_all("parts => parts.map(p => p.open)") == [True, True, True]
    phone.close()
    desktop = browser.new_context(locale="sv-SE", viewport={"width": 1366, "height": 900})
    page = desktop.new_page()
    page.goto(served + MEETING)
    assert page.locator("details.arkiv-del").evaluate_all("parts => parts.map(p => p.open)") == [True, True, True]
    desktop.close()
