"""Cases that scale: the cases page lists the diarium years (with counts) and the latest handled
cases, never every case; each year has its page, filterable by body and the last twelve months
and sortable by latest handling (in a real headless Chromium); a case page starts with where the
case stands."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from generator.site import labels
from tests.helpers import serve_directory

_CASE_DIR = re.compile(r"[a-z]+-(\d{4})-\d+")


def _cases_by_year(site: Path) -> Counter[int]:
    return Counter(int(m[1]) for d in (site / "arenden").iterdir() if (m := _CASE_DIR.fullmatch(d.name)))


def test_the_cases_page_lists_years_and_each_year_its_cases(synth_small: tuple[Path, Path]) -> None:
    site = synth_small[1]
    expected = _cases_by_year(site)
    assert len(expected) > 1
    index = (site / "arenden" / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r'<a href="(\d{4})/">[^<]*</a></td>\s*<td>(\d+)</td>', index)
    assert {int(year): int(count) for year, count in rows} == dict(expected)
    # Not every case on one page: the latest handled ones and the years.
    assert len(re.findall(r'href="[a-z]+-\d{4}-\d+/"', index)) <= 20 < sum(expected.values())
    for year, count in expected.items():
        page = (site / "arenden" / str(year) / "index.html").read_text(encoding="utf-8")
        linked = set(re.findall(r'href="\.\./([a-z]+-(\d{4})-\d+)/"', page))
        assert len(linked) == count and {y for _, y in linked} == {str(year)}


def test_a_case_page_starts_with_where_the_case_stands(seed_site: Path) -> None:
    html = (seed_site / "arenden" / "itsam-2023-93" / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<h1") :]
    status = article[article.index('id="lage"') : article.index("</section>")]
    assert article.index('id="lage"') < article.index('id="behandling"')
    assert 'href="../../direktionen/2023-10-26/#paragraf-71"' in status
    assert labels.CASE_STATUS in status and "Direktionen beslutar att godkänna delårsbokslut" in status


@pytest.fixture(scope="module")
def synth_served(synth_small: tuple[Path, Path]) -> Iterator[str]:
    with serve_directory(synth_small[1]) as url:
        yield url


def _visible(page: Page) -> list[tuple[str, str]]:
    return page.locator("#arkiv-arenden tbody tr:not([hidden])").evaluate_all(
        "rows => rows.map(r => [r.dataset.organ, r.dataset.senast])"
    )


@pytest.mark.browser
def test_a_years_cases_filter_by_body_and_recency_and_sort_by_latest(
    browser: Browser, synth_served: str, synth_small: tuple[Path, Path]
) -> None:
    year = max(_cases_by_year(synth_small[1]))
    page = browser.new_context(locale="sv-SE").new_page()
    page.goto(synth_served + f"arenden/{year}/")
    everything = _visible(page)
    status = page.locator("#arkiv-arenden-status")
    expect(status).to_have_text(labels.CASES_SHOWN.format(shown=len(everything), n=len(everything)))
    organ = everything[0][0].split("|")[0]
    page.get_by_label(labels.BODY, exact=True).select_option(organ)
    narrowed = _visible(page)
    assert narrowed and all(organ in o.split("|") for o, _ in narrowed)
    assert len(narrowed) < len(everything) or all(organ in o.split("|") for o, _ in everything)
    assert f"organ={organ}" in page.url.replace("+", " ").replace("%20", " ")
    page.get_by_label(labels.ORDER).select_option("senast")
    dates = [d for _, d in _visible(page)]
    assert dates == sorted(dates, reverse=True)
    page.get_by_label(labels.BODY, exact=True).select_option("")
    page.get_by_label(labels.CASES_RECENT).check()
    since = page.locator("#arkiv-arenden").get_attribute("data-recent-since") or ""
    recent = _visible(page)
    assert all(d >= since for _, d in recent)
    assert len(recent) == sum(d >= since for _, d in everything)
    page.context.close()
