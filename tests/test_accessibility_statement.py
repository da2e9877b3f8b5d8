"""The tillgänglighetsredogörelse (DOS-lagen): a page in the parts DIGG asks for, filled from
organisation.yaml and from what the archive knows itself, and linked from every page's footer."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import messages
from generator.problems import Problems
from generator.readers.organisation import read_organisation
from generator.site import labels
from tests.conftest import PROTOCOLS
from tests.helpers import SEED_PAGES
from tests.htmlcheck import Page

STATEMENT = "tillganglighet/"


@pytest.mark.parametrize("url", [*SEED_PAGES, "sok/"])
def test_every_page_links_the_statement_from_its_footer_in_swedish(seed_site: Path, url: str) -> None:
    page = Page(seed_site, url)
    depth = url.count("/")
    assert "../" * depth + STATEMENT in page.links or (url == STATEMENT and "./" in page.links)
    assert "Made with" not in page.text and "Material for MkDocs" not in page.text
    assert "Kommunalförbundet Itsam" in page.text


def test_the_statement_says_what_digg_asks_for(testmark_site: Path) -> None:
    page = Page(testmark_site, STATEMENT)
    assert page.text.count("Kommunalförbundet Testmark") >= 1
    assert labels.ACCESSIBILITY_CONFORMANCE.format(conformance="delvis förenlig") in page.text
    assert "mailto:tillganglighet@testmark.example" in page.links  # tillgänglighet.kontakt, not the registrator
    assert labels.DIGG_COMPLAINT_URL in page.links
    assert "Bilagorna till protokollen från 2009 är inskannade bilder utan text." in page.text
    assert labels.ACCESSIBILITY_BECAUSE in page.text  # a known shortcoming explains the conformance
    assert labels.ACCESSIBILITY_ASSESSED.format(day="30 november 2026") in page.text
    assert labels.ACCESSIBILITY_ORIGINALS not in page.text  # no signed original in this archive
    assert "mailto:tillganglighet@testmark.example" in Page(testmark_site, "").links  # the footer's contact


def test_without_shortcomings_it_says_the_site_was_not_checked_by_hand(seed_site: Path) -> None:
    page = Page(seed_site, STATEMENT)
    assert labels.ACCESSIBILITY_UNCHECKED in page.text and labels.ACCESSIBILITY_NO_GAPS in page.text
    assert labels.ACCESSIBILITY_NO_CONTACT.format(organisation="Kommunalförbundet Itsam") in page.text


def test_a_statement_without_a_contact_is_a_warning_and_the_registrator_is_the_default(tmp_path: Path) -> None:
    problems = Problems()
    organisation = read_organisation(PROTOCOLS, problems)
    assert organisation is not None and organisation.accessibility.contact == ""
    assert [p.message for p in problems.warnings] == [messages.ACCESSIBILITY_NO_CONTACT]
    text = (PROTOCOLS / "organisation.yaml").read_text(encoding="utf-8")
    (tmp_path / "organisation.yaml").write_text(text + "registrator: diarium@exempel.example\n", encoding="utf-8")
    problems = Problems()
    organisation = read_organisation(tmp_path, problems)
    assert organisation is not None and organisation.accessibility.contact == "diarium@exempel.example"
    assert not problems.warnings


def test_an_impossible_assessment_date_is_refused_at_its_line(tmp_path: Path) -> None:
    text = (PROTOCOLS / "organisation.yaml").read_text(encoding="utf-8")
    block = 'tillgänglighet:\n  kontakt: a@b.example\n  bedömd: "2026-02-30"\n'
    (tmp_path / "organisation.yaml").write_text(text + block, encoding="utf-8")
    problems = Problems()
    assert read_organisation(tmp_path, problems) is None
    [error] = problems.errors
    assert error.line == len(text.splitlines()) + 3 and "2026-02-30" in error.message
