"""A vote, from Markdown (the kommunstyrelse layout) and from YAML (Testmark), reaches the meeting
page as a table, each voter's person page and feed, the case feed, and the Popolo-shaped open data."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
import pytest
from jsonschema import Draft202012Validator
from playwright.sync_api import Page as PlaywrightPage

from tests.conftest import TESTMARK, build_site
from tests.helpers import serve_directory
from tests.htmlcheck import Page

LAYOUTS = Path(__file__).resolve().parent / "fixtures" / "layouts"

# (sources, build day, meeting URL, paragraph, case key, voter slug, the voter's answer, option)
CASES = {
    "markdown": (LAYOUTS, "2018-09-20", "kommunstyrelsen/2018-09-04/", 113, "ks-2018-298", "hugo-hellstrom", "nej"),
    "yaml": (TESTMARK, "2022-05-20", "direktionen/2022-05-10/", 20, "testm-2022-14", "cecilia-fiktiv", "nej"),
}


@pytest.fixture(scope="module", params=sorted(CASES))
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, tuple]:  # type: ignore[type-arg]
    sources, day, *rest = CASES[request.param]
    return build_site(sources, tmp_path_factory.mktemp(request.param) / "site", today=day), tuple(rest)


def test_the_meeting_page_shows_the_vote_as_a_table(built: tuple[Path, tuple]) -> None:  # type: ignore[type-arg]
    site, (url, number, _, slug, answer) = built
    page = Page(site, url)
    section = page.html.split(f'id="paragraf-{number}"')[1].split('<section class="arkiv-paragraf"')[0]
    if "arkiv-omrostning" in section:  # from YAML: the vote as a table with links to the voters
        assert f"personer/{slug}/" in section and f"<td>{answer.capitalize()}</td>" in section
    else:  # from Markdown: the protocol's own table, as published (the facts are read from it)
        assert "<table>" in section and "Hugo Hellström (M)" in section and "<td>X</td>" in section


def test_the_voters_page_and_feed_and_the_case_feed_show_it(built: tuple[Path, tuple]) -> None:  # type: ignore[type-arg]
    site, (_, number, case, slug, answer) = built
    person = Page(site, f"personer/{slug}/")
    assert f"§ {number}" in person.text and f": {answer}" in person.text and "Omröstningar" in person.text
    summaries = [e.summary for e in feedparser.parse((site / "personer" / slug / "flode.xml").read_bytes()).entries]
    assert f"Röstade {answer} i omröstningen." in summaries
    entries = feedparser.parse((site / "arenden" / case / "flode.xml").read_bytes()).entries
    assert any(f"§ {number}" in entry.title for entry in entries)


def test_popolo_vote_events_and_votes_validate_and_link(built: tuple[Path, tuple]) -> None:  # type: ignore[type-arg]
    site, (url, number, _, slug, answer) = built
    data = json.loads((site / "data" / "omrostningar.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "data" / "schema" / "omrostningar.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator(schema).validate(data)
    [event] = [e for e in data["vote_events"] if e["agendaItem"].endswith(f"{url}#paragraf-{number}")]
    counts = {c["option"]: c["value"] for c in event["counts"]}
    mine = [v for v in data["votes"] if v["vote_event_id"] == event["id"] and v["voter"]["id"] == f"/personer/{slug}/"]
    assert [v["option"] for v in mine] == [{"ja": "yes", "nej": "no", "avstår": "abstain"}[answer]]
    assert sum(counts.values()) == len([v for v in data["votes"] if v["vote_event_id"] == event["id"]])


@pytest.mark.browser
def test_the_vote_table_passes_wcag_21_aa(page: PlaywrightPage, testmark_site: Path) -> None:
    from axe_playwright_python.sync_playwright import Axe

    with serve_directory(testmark_site) as base:
        page.goto(base + "direktionen/2022-05-10/")
        assert page.locator("table.arkiv-omrostning").count() == 1
        results = Axe().run(
            page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
        )
        assert results.response["violations"] == [], results.generate_report()
