"""Search that reaches every hit, in a real headless Chromium: more results on demand, order by
date, a filter by kind, sub-results by relevance, a month that is also a dnr, Swedish plurals;
and the index keeps the words of table cells and of dt/dd pairs apart."""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from generator.site import labels
from tests.helpers import search_results, serve_directory

TEXTS = labels.SEARCH_TEXTS
RESULTS = "#arkiv-traffar > li"


@pytest.fixture(scope="module")
def synth_served(synth_small: tuple[Path, Path]) -> Iterator[str]:
    with serve_directory(synth_small[1]) as url:
        yield url


def _shown_dates(page: Page) -> list[str]:
    facts = page.locator(f"{RESULTS} .arkiv-traff-fakta").all_inner_texts()
    return [found[0] for text in facts if (found := re.search(r"\d{4}-\d{2}-\d{2}", text))]


@pytest.mark.browser
def test_every_hit_is_reachable_with_more_results_on_demand(page: Page, synth_served: str) -> None:
    page.goto(synth_served + "sok/?q=beslutar")
    expect(page.locator(RESULTS).first).to_be_visible()
    status = page.locator("#arkiv-sok-status")
    expect(status).to_contain_text(TEXTS["shown"].format(shown=20, n="")[:-2].split("{")[0].strip())
    total = int(re.match(r"\d+", status.inner_text())[0])  # type: ignore[index]
    assert total > 40, status.inner_text()
    expect(page.locator(RESULTS)).to_have_count(20)
    more = page.get_by_role("button", name=TEXTS["more"])
    more.click()
    expect(page.locator(RESULTS)).to_have_count(40)
    # The keyboard goes on at the first new result.
    assert page.evaluate("document.activeElement.closest('#arkiv-traffar > li:nth-child(21)') !== null")
    expect(status).to_contain_text(TEXTS["shown"].format(shown=40, n=total))
    shown = 40
    while shown < total:
        more.click()
        shown = min(shown + 20, total)
        expect(page.locator(RESULTS)).to_have_count(shown)
    expect(more).to_be_hidden()
    expect(status).not_to_contain_text(TEXTS["shown"].split("{")[0].strip())
    links = page.locator(f"{RESULTS} h2 a").evaluate_all("links => links.map(a => a.href)")
    assert len(set(links)) == total  # each hit once


@pytest.mark.browser
@pytest.mark.parametrize(("order", "newest_first"), [("nyast", True), ("aldst", False)])
def test_meetings_in_date_order(page: Page, synth_served: str, order: str, newest_first: bool) -> None:
    page.goto(synth_served + f"sok/?q=beslutar&typ={labels.KIND_MEETING}&ordning={order}")
    expect(page.locator(RESULTS).first).to_be_visible()
    expect(page.locator(RESULTS)).to_have_count(20)
    dates = _shown_dates(page)
    assert len(dates) == 20 and len(set(dates)) > 3, dates
    assert dates == sorted(dates, reverse=newest_first)
    # The choice stays in the form (and so in the address when searching again).
    expect(page.locator("#arkiv-sok-ordning")).to_have_value(order)


@pytest.mark.browser
@pytest.mark.parametrize(("kind", "fact"), [(labels.KIND_CASE, labels.CASE), (labels.KIND_PERSON, labels.PERSON)])
def test_filter_by_kind(page: Page, synth_served: str, kind: str, fact: str) -> None:
    status = page.locator("#arkiv-sok-status")
    # A person's name is on their page and on the meetings they attended.
    page.goto(synth_served + "personer/")
    person = page.locator("ul.arkiv-lista a").first.inner_text()
    query = "ärende" if kind == labels.KIND_CASE else person.split()[-1]
    page.goto(synth_served + f"sok/?q={query}")
    expect(page.locator(RESULTS).first).to_be_visible()
    everything = int(re.match(r"\d+", status.inner_text())[0])  # type: ignore[index]
    page.goto(synth_served + f"sok/?q={query}&typ={kind}")
    search_results(page)
    facts = page.locator(f"{RESULTS} .arkiv-traff-fakta").all_inner_texts()
    assert facts and all(text.startswith(fact) for text in facts), facts
    narrowed = int(re.match(r"\d+", status.inner_text())[0])  # type: ignore[index]
    assert 0 < narrowed < everything  # the filter did the narrowing


@pytest.mark.browser
def test_a_meetings_parts_come_most_relevant_first(page: Page, served: str) -> None:
    # § 69 (Kinda's withdrawal) names both words most; it stands before parts that name one.
    page.goto(served + "sok/?q=utträde Kinda")
    search_results(page)
    meeting = page.locator(RESULTS).filter(has=page.locator("h2 a[href$='direktionen/2023-10-26/']"))
    parts = meeting.locator("ul > li > a").evaluate_all("links => links.map(a => a.href)")
    assert parts and parts[0].endswith("#paragraf-69"), parts
    # A part is named by its heading alone: no link text beside it ("Länk till § 69") in the index.
    shown = " ".join(page.locator(RESULTS).all_inner_texts())
    assert labels.LINK_TO_PARAGRAPH.split("{")[0].strip() not in shown
    assert labels.EXTRACT_OF.split(":")[0] not in shown


@pytest.mark.browser
def test_one_hit_is_said_in_the_singular(page: Page, served: str) -> None:
    page.goto(served + "sok/?q=Leonardo")
    expect(page.locator(RESULTS)).to_have_count(1)
    expect(page.locator("#arkiv-sok-status")).to_have_text(TEXTS["count_one"].format(q="Leonardo"))


@pytest.mark.browser
def test_a_month_offers_its_meetings_and_the_case_of_that_number(page: Page, served: str) -> None:
    page.goto(served + "sok/?q=2023-10")
    expect(page.locator("#arkiv-sok-status")).to_have_text(TEXTS["month"].format(month="oktober 2023"))
    expect(page.locator("#arkiv-traffar a[href$='direktionen/2023-10-26/']")).to_have_count(1)
    assert page.url.startswith(served + "sok/")  # not sent to a case
    # ITSAM 2023/9 exists: "2023-09" is that case or the month (which has no meeting).
    page.goto(served + "sok/?q=2023-09")
    expect(page.locator("#arkiv-sok-status")).to_have_text(TEXTS["month_or_case"].format(q="2023-09"))
    links = page.locator("#arkiv-traffar a")
    expect(links).to_have_count(1)
    assert links.get_attribute("href", timeout=1000).endswith("arenden/itsam-2023-9/")  # type: ignore[union-attr]
    page.goto(served + "sok/?q=2023-11")
    expect(page.locator("#arkiv-sok-status")).to_have_text(TEXTS["month_none"].format(month="november 2023"))


def _indexed_text(site: Path, url: str) -> str:
    for fragment in (site / "pagefind" / "fragment").iterdir():
        raw = gzip.decompress(fragment.read_bytes())
        data = json.loads(raw[raw.index(b"{") :])
        if data["url"] == url:
            return str(data["content"])
    raise AssertionError(f"{url} is not in the index")


def test_table_cells_and_dt_dd_are_separate_words_in_the_index(seed_site: Path) -> None:
    content = _indexed_text(seed_site, "/direktionen/2023-10-26/")
    heads = " ".join((labels.NAME, labels.MUNICIPALITY, labels.ROLE, labels.PARAGRAPHS))
    assert heads in content
    assert "".join(heads.split()) not in content
    # Every term and its description ("Datum" / "26 oktober 2023") as words apart, never "Datum26".
    page = (seed_site / "direktionen" / "2023-10-26" / "index.html").read_text(encoding="utf-8")
    pairs = re.findall(r"<dt>([^<]+)</dt>\s*<dd>([^<]+)</dd>", page)
    assert len(pairs) > 5
    for term, description in pairs:
        assert f"{term}{description}" not in content and f"{term} {description}" in content, term


@pytest.mark.browser
def test_focus_on_the_header_search_fetches_what_the_search_needs(page: Page, served: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(served + "direktionen/2023-10-26/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in requested if "/pagefind/" in url]  # a page alone loads no search
    page.get_by_role("searchbox", name=labels.SEARCH_LABEL).focus()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    fetched = {url.removeprefix(served) for url in requested}
    assert {"pagefind/pagefind.js", "pagefind/wasm.sv.pagefind", "sok/"} <= fetched, fetched
