"""Several organisations' archives as one searchable portal: each site built on its own, one page
that merges their search indexes (issue 24, point 5)."""

from __future__ import annotations

import shutil
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.conftest import PROTOCOLS, arkiv, build_site
from tests.helpers import fetch, line_of, serve_directory
from tests.test_browser import WCAG_21_AA

SECOND = "Kommunalförbundet Fjällvik"
ONLY_SECOND = "Snöskoterleden"  # a word only the second organisation's protocol holds


def second_organisation(base: Path) -> Path:
    protocols = base / "fjallvik-protocols"
    shutil.copytree(PROTOCOLS, protocols)
    org = protocols / "organisation.yaml"
    text = org.read_text(encoding="utf-8").replace("namn: Kommunalförbundet Itsam", f"namn: {SECOND}")
    org.write_text(text.replace("kortnamn: Itsam", "kortnamn: Fjällvik"), encoding="utf-8")
    meeting = protocols / "direktionen" / "2023-10-26.md"
    before = "Följande händelser har haft väsentlig betydelse"
    meeting.write_text(meeting.read_text(encoding="utf-8").replace(before, f"{ONLY_SECOND} rustas. {before}"), "utf-8")
    return protocols


def test_one_page_searches_two_organisations_archives(tmp_path: Path, page: Page) -> None:
    www = tmp_path / "www"
    build_site(PROTOCOLS, www / "itsam")
    build_site(second_organisation(tmp_path), www / "fjallvik")
    config = tmp_path / "portal.yaml"
    config.write_text(
        "organisationer:\n"
        "  - {namn: Kommunalförbundet Itsam, webbplats: /itsam/}\n"
        f"  - {{namn: {SECOND}, webbplats: /fjallvik}}\n",
        encoding="utf-8",
    )
    written = arkiv("portal", config, "--out", www / "portal")
    assert written.returncode == 0, written.stderr
    with serve_directory(www) as url:
        page.goto(url + "portal/")
        page.get_by_label("Sök i alla arkiv").fill("utträde Kinda")
        page.get_by_role("button", name="Sök").click()
        hits = page.locator("#portal-hits:not([aria-busy]) > li")
        expect(hits.first).to_be_visible()
        links = [hits.nth(i).locator("h3 a").get_attribute("href") or "" for i in range(hits.count())]
        facts = " ".join(hits.locator(".portal-fakta").all_inner_texts())
        # The same protocol in both archives: a hit from each, each named by its organisation.
        assert any(link.startswith("/itsam/") for link in links) and any(
            link.startswith("/fjallvik/") for link in links
        )
        assert "Kommunalförbundet Itsam" in facts and SECOND in facts
        for link in links:
            assert fetch(url.rstrip("/") + link)[0] == 200, link
        # A word in one archive only finds that archive's page.
        page.get_by_label("Sök i alla arkiv").fill(ONLY_SECOND)
        page.get_by_role("button", name="Sök").click()
        expect(page.locator("#portal-status")).to_contain_text("träffar för ”Snöskoterleden”")
        only = page.locator("#portal-hits:not([aria-busy]) > li h3 a")
        assert {only.nth(i).get_attribute("href")[:10] for i in range(only.count())} == {"/fjallvik/"}
        results = Axe().run(page, options=WCAG_21_AA)
        assert results.response["violations"] == [], results.generate_report()


def test_a_portal_file_that_cannot_be_used_is_refused_at_its_line(tmp_path: Path) -> None:
    config = tmp_path / "portal.yaml"
    text = "organisationer:\n  - {namn: Itsam, webbplats: /itsam/}\n  - {namn: Ond, webbplats: 'javascript:alert(1)'}\n"
    config.write_text(text, encoding="utf-8")
    result = arkiv("portal", config, "--out", tmp_path / "portal")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"portal.yaml:{line_of(text, 'javascript')}:1: error: webbplatsen 'javascript:alert(1)'" in result.stderr
    assert not (tmp_path / "portal").exists()
