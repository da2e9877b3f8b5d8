"""Search in a real headless Chromium: dnr lookup, Swedish full text with Pagefind, keyboard use."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from playwright.sync_api import Browser, Page, expect

from generator.model.dnr import DnrError, parse
from tests.helpers import search_results

pytestmark = pytest.mark.browser
CASE = "arenden/itsam-2023-93/"


@pytest.mark.parametrize(
    "query",
    ["ITSAM 2023/93", "2023/93", "2023-93", "dnr 2023/93", "Dnr: 2023/00093", "itsam  2023 / 93", "  DNR 2023-0093 "],
)
def test_every_dnr_spelling_reaches_the_case_page(page: Page, served: str, query: str) -> None:
    page.goto(served)
    page.get_by_role("searchbox", name="Sök ord eller diarienummer").fill(query)
    page.keyboard.press("Enter")
    expect(page).to_have_url(served + CASE)
    expect(page.get_by_role("heading", level=1)).to_have_text("ITSAM 2023/93 Delårsbokslut per 2023-08-31")


def test_missing_dnr_is_said_to_be_missing(page: Page, served: str) -> None:
    page.goto(served + "sok/?q=2023/94")
    expect(page.locator("#arkiv-sok-status")).to_have_text("Diarienumret ITSAM 2023/94 finns inte i arkivet.")
    assert page.url.startswith(served + "sok/")
    expect(page.locator("#arkiv-traffar li")).to_have_count(0)
    page.goto(served + "sok/?q=KS 2023/93")  # the same number in a diarium the archive does not have
    expect(page.locator("#arkiv-sok-status")).to_have_text("Diarienumret KS 2023/93 finns inte i arkivet.")


def test_text_search_finds_paragraph_71(page: Page, served: str) -> None:
    page.goto(served + "sok/?q=delårsbokslut")
    links = search_results(page).locator("a").evaluate_all("links => links.map(a => a.href)")
    assert any(link.endswith("direktionen/2023-10-26/#paragraf-71") for link in links), links
    text = page.locator("#arkiv-traffar").inner_text()
    assert "Direktionen" in text and "2023-10-26" in text and "ITSAM 2023/93" in text


def test_inflected_form_finds_the_base_form(page: Page, served: str) -> None:
    # The protocol writes "Faktureringsrutiner"; "faktureringsrutinerna" must find it (Swedish stemming).
    page.goto(served + "sok/?q=faktureringsrutinerna")
    links = search_results(page).locator("a").evaluate_all("links => links.map(a => a.href)")
    assert any(link.endswith("#paragraf-68") for link in links), links


def test_filters_narrow_and_never_run_alone(page: Page, served: str) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(served + "sok/?q=&organ=Direktionen&ar=2023")
    expect(page.locator("#arkiv-sok-status")).to_have_text("Skriv ett sökord eller ett diarienummer.")
    assert not [url for url in requests if "/pagefind/" in url]
    page.goto(served + "sok/?q=beslutar&organ=Kommunchefsberedningen")
    expect(page.locator("#arkiv-sok-status")).to_contain_text("Inga träffar")
    page.goto(served + "sok/?q=beslutar&organ=Direktionen&ar=2023")
    expect(page.locator("#arkiv-traffar > li").first).to_be_visible()


def test_search_with_the_keyboard_alone(page: Page, served: str) -> None:
    page.goto(served + "direktionen/")
    search_box = page.get_by_role("searchbox", name="Sök ord eller diarienummer")
    for _ in range(20):
        page.keyboard.press("Tab")
        if search_box.evaluate("el => el === document.activeElement"):
            break
    expect(search_box).to_be_focused()
    page.keyboard.type("delårsbokslut")
    page.keyboard.press("Enter")
    expect(page.locator("#arkiv-traffar > li").first).to_be_visible()
    # From the search field on the results page, Tab reaches the first result link.
    page.locator("#arkiv-sok-q").focus()
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('#arkiv-traffar') !== null"):
            break
    target = page.evaluate("document.activeElement.href")
    page.keyboard.press("Enter")
    expect(page).to_have_url(target)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.one_of(
        st.text(alphabet="0123456789/- .:dnrDNRitsamITSAMÅö", max_size=20),
        st.builds(
            lambda label, prefix, year, sep, serial: f"{label}{prefix}{year}{sep}{serial}",
            st.sampled_from(["", "Dnr ", "dnr: ", "Diarienummer "]),
            st.sampled_from(["", "ITSAM ", "ks-", "Bun "]),
            st.integers(1890, 2110),
            st.sampled_from(["/", "-", " ", ".", " / ", ":"]),
            st.integers(0, 10**7),
        ),
        st.sampled_from(
            [
                "KS/2016:198",
                "KS/2018:311 - 001",
                "ITSAM.2021.3",
                "DNR: ITSAM.2021.3",
                "Dnr. 2019/31 042",
                "2024/ITSAM 0018 042",
                "2024/KS 7",
                "KS 58/2013",
                "Dnr KS 09-061 101",
                "RS140178",
                "BUN 2025/00002",
                "MBN 2021-000012",
                "09/TN 0051",
            ]
        ),
    )
)
def test_browser_reads_a_dnr_exactly_as_the_generator(search_page: Page, text: str) -> None:
    in_browser = search_page.evaluate("q => window.arkivParseDnr(q)", text)
    try:
        dnr = parse(text, "ITSAM")
    except DnrError:
        assert in_browser is None, text
        return
    assert in_browser is not None, text
    assert ((in_browser["prefix"] or "ITSAM"), in_browser["year"], in_browser["serial"]) == (
        dnr.prefix,
        dnr.year,
        dnr.serial,
    )


@pytest.fixture(scope="module")
def search_page(browser: Browser, served: str) -> Iterator[Page]:
    context = browser.new_context()
    opened = context.new_page()
    opened.goto(served + "sok/")
    opened.wait_for_function("window.arkivParseDnr !== undefined")
    yield opened
    context.close()


def test_search_index_exists(seed_site: Path) -> None:
    assert (seed_site / "pagefind" / "pagefind.js").exists()
    assert list((seed_site / "pagefind").glob("wasm.sv*"))  # Swedish stemming


def test_index_built_during_the_build_equals_pagefind_over_the_site(seed_site: Path, tmp_path: Path) -> None:
    """Pages go to Pagefind as they are built; every page must be indexed as Pagefind itself
    indexes the finished site: the same pages, URLs, words and filters. (The word index itself
    numbers the pages in the order they came, so only the pages' fragments are compared.)"""
    import shutil
    import subprocess

    from pagefind_bin import get_executable

    site = shutil.copytree(seed_site, tmp_path / "site", ignore=shutil.ignore_patterns("pagefind"))
    subprocess.run([str(get_executable()), "--site", str(site), "--output-subdir", "cli", "--quiet"], check=True)

    def contents(index: Path, folder: str) -> list[str]:
        return sorted(path.name for path in (index / folder).iterdir())

    assert contents(seed_site / "pagefind", "fragment") == contents(site / "cli", "fragment")
    assert len(contents(seed_site / "pagefind", "fragment")) == len(list(seed_site.rglob("*.html"))) - sum(
        1 for page in seed_site.rglob("*.html") if "data-pagefind-body" not in page.read_text(encoding="utf-8")
    )


def test_an_answer_that_is_not_pagefinds_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.site.outputs import pagefind_service
    from generator.site.outputs.pagefind_service import PagefindFailed, PagefindService

    impostor = tmp_path / "pagefind"
    impostor.write_text("#!/bin/sh\nprintf 'inte base64!,'\nsleep 5\n", encoding="utf-8")
    impostor.chmod(0o755)
    monkeypatch.setattr(pagefind_service, "get_executable", lambda: impostor)
    with pytest.raises(PagefindFailed, match="oväntat svar från Pagefind"):
        PagefindService()


def test_pagefind_that_stops_is_reported() -> None:
    from generator.site.outputs.pagefind_service import PagefindFailed, PagefindService

    service = PagefindService()
    service.add("/a/", '<html lang="sv"><body data-pagefind-body><p>Text</p></body></html>')
    service._process.kill()
    service._process.wait()
    with pytest.raises(PagefindFailed, match="Pagefind avslutades med kod"):
        service.write(Path("/nonexistent"))
    service.close()


AMBIGUOUS = """\
organ: direktionen
datum: 2023-12-14
paragrafer:
  - paragraf: 74
    rubrik: Yttrande till kommunstyrelsen
    dnr: [KS 2023/93]
    beslut: Direktionen beslutar att lämna yttrandet.
"""


@pytest.fixture(scope="module")
def two_diaria(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real archive plus a paragraph in another diarium with the same year and number."""
    import shutil

    from tests.conftest import PROTOCOLS, build_site
    from tests.helpers import serve_directory

    base = tmp_path_factory.mktemp("diarier")
    shutil.copytree(PROTOCOLS, base / "protocols")
    (base / "protocols" / "direktionen" / "2023-12-14.yaml").write_text(AMBIGUOUS, encoding="utf-8")
    site = build_site(base / "protocols", base / "site")
    with serve_directory(site) as url:
        yield url


def test_same_number_in_two_diaria_lists_the_candidates(page: Page, two_diaria: str) -> None:
    page.goto(two_diaria + "sok/?q=2023/93")
    expect(page.locator("#arkiv-sok-status")).to_have_text("2 ärenden har numret 2023/93. Välj ett:")
    candidates = page.locator("#arkiv-traffar a")
    expect(candidates).to_have_count(2)
    assert sorted(candidates.all_inner_texts()) == [
        "ITSAM 2023/93 Delårsbokslut per 2023-08-31",
        "KS 2023/93 Yttrande till kommunstyrelsen",
    ]
    page.goto(two_diaria + "sok/?q=ks 2023-93")
    expect(page).to_have_url(two_diaria + "arenden/ks-2023-93/")
    page.goto(two_diaria + "sok/?q=ITSAM 2023/93")
    expect(page).to_have_url(two_diaria + "arenden/itsam-2023-93/")
