"""End to end: the real site built by MkDocs + Material from protocols/, asserted on its HTML."""

from __future__ import annotations

import re
from pathlib import Path

from generator.model import AttendanceGroup, Meeting
from tests.conftest import PROTOCOLS, arkiv
from tests.helpers import digest
from tests.htmlcheck import Page, broken_links

MEETING = "direktionen/2023-10-26/"
CASE = "arenden/itsam-2023-93/"


def test_meeting_page_links_paragraph_71_to_its_case(seed_site: Path) -> None:
    page = Page(seed_site, MEETING)
    assert "paragraf-71" in page.ids
    assert "../../arenden/itsam-2023-93/" in page.links
    assert "#paragraf-71" in page.links  # the ärendelista links to the paragraph
    assert "Delårsbokslut per 2023-08-31" in page.text


def test_case_page_links_back_to_the_paragraph(seed_site: Path) -> None:
    page = Page(seed_site, CASE)
    assert "ITSAM 2023/93" in page.text
    assert "../../direktionen/2023-10-26/#paragraf-71" in page.links
    assert "Direktionen beslutar att godkänna delårsbokslut per den 2023-08-31." in page.text


def test_anslag_dates_and_appeal_deadline_on_the_page(seed_site: Path) -> None:
    text = Page(seed_site, MEETING).text
    assert "Anslaget sattes upp 2023-11-06" in text
    assert "Sista dag att överklaga 2023-11-27" in text
    assert "Anslaget tas ned 2023-11-28" in text
    assert "Protokollet förvaras Itsam" in text


def test_meeting_page_shows_the_whole_protocol(seed_site: Path) -> None:
    text = Page(seed_site, MEETING).text
    for fact in (
        "Teknikringen 9, Linköping, Leonardo",
        "kl. 10:30–12:00",
        "Christian Nordin Olsson",
        "§§ 65–72",
        "ledningssekreterare",
        "Justeringens plats och tid Digitalt",
        "43 92",  # the table cell as published
        "Kommunchefsberedningens sammanträde 2023-10-12 § 61",
        "Ledningssekreterare",
        "Nils Jacob Gösta Käll",
        "2023-11-06 08:17:10",
        "Hur man verifierar dokumentets äkthet",
    ):
        assert fact in text, fact
    # § 73 was decided without Kinda's representatives, and the page says so.
    section_73 = text.split("§ 73 Uppdrag")[-1]
    assert "Deltog inte i beslutet: Conny Forsberg (Kinda kommun), Christian Nordin Olsson (Kinda kommun)" in section_73
    assert "Deltog inte i beslutet" not in text.split("§ 73 Uppdrag")[-2].split("§ 72 Sammanträdesdagar")[-1]


def test_furniture_is_not_published(seed_site: Path) -> None:
    html = (seed_site / MEETING / "index.html").read_text(encoding="utf-8")
    assert "Justerandes sign" not in html
    assert "Utdragsbestyrkande" not in html
    assert "<b>" not in html


def test_every_internal_link_and_anchor_resolves(seed_site: Path) -> None:
    checked, broken = broken_links(seed_site)
    assert checked > 100
    assert broken == []


def test_start_body_and_index_pages(seed_site: Path) -> None:
    start = Page(seed_site, "")
    assert "direktionen/2023-10-26/" in start.links
    assert "Kommunalförbundet Itsam" in start.text
    body = Page(seed_site, "direktionen/")
    assert "2023/" in body.links  # the year page
    assert "2023-10-26/" in body.links  # the latest meetings
    year = Page(seed_site, "direktionen/2023/")
    assert "../2023-10-26/#paragraf-71" in year.links
    cases = Page(seed_site, "arenden/")
    assert len(cases.links_to("itsam-20")) == 9
    assert "Delårsbokslut per 2023-08-31" in cases.text


def test_meeting_and_case_pages_stay_out_of_the_navigation(seed_site: Path) -> None:
    nav = Page(seed_site, "").html.split('class="md-nav md-nav--primary"')[1].split("</nav>")[0]
    assert "2023-10-26" not in nav
    assert "itsam-2023-93" not in nav
    assert "Direktionen" in nav and "Ärenden" in nav


def test_sources_are_not_modified_by_a_build(tmp_path: Path) -> None:
    before = digest(PROTOCOLS)
    result = arkiv("build", "--protocols", PROTOCOLS, "--site", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    after = digest(PROTOCOLS)
    assert before == after


def test_staff_guide_lists_every_message(seed_site: Path) -> None:
    from generator import messages

    page = Page(seed_site, "publicera/")
    assert "Så publicerar du ett protokoll" in page.text
    for name in ("PERSONNUMMER", "TAKEN_DOWN_EARLY", "DNR_INVALID", "PUSH_REJECTED"):
        fragment = getattr(messages, name).split("{")[0].strip()
        assert fragment in page.text, name
    assert "arkiv: sekretess" in page.text and "arkiv rollback" in page.text


def test_staff_guide_shows_the_whole_vocabulary(seed_site: Path) -> None:
    from generator.readers.vocabulary import listing

    page = Page(seed_site, "publicera/")
    for key, words in listing():
        assert key in page.text, key
        assert all(word in page.text for word in words), key


def test_a_published_build_has_no_preview_note(seed_site: Path) -> None:
    assert "Förhandsvisning" not in Page(seed_site, "direktionen/2023-10-26/").html
    assert (seed_site / "pagefind").is_dir() and (seed_site / "flode.xml").is_file()


def test_search_help_gives_a_dnr_of_this_archive(testmark_site: Path) -> None:
    """The example is a case the archive has, in the organisation's own diarium, not Itsam's."""
    page = (testmark_site / "sok" / "index.html").read_text(encoding="utf-8")
    help_text = page[page.index('id="arkiv-sok-hjalp">') :].split("</p>", 1)[0]
    found = re.search(r"TESTM (\d{4})/(\d+), \1/\2 eller \1-\2", help_text)
    assert found and "ITSAM" not in help_text, help_text
    assert (testmark_site / "arenden" / f"testm-{found[1]}-{found[2]}" / "index.html").exists()


def test_a_bodys_page_lists_its_members_and_substitutes_by_the_latest_protocol(seed_site: Path, seed: Meeting) -> None:
    page = (seed_site / seed.body / "index.html").read_text(encoding="utf-8")
    section = page[page.index('id="ledamoter"') : page.index('id="ar"')]
    heads = [m.start() for m in re.finditer("<h3>", section)]
    assert len(heads) == 2
    listed = [
        re.findall(r"<li>(?:<a [^>]*>)?([^<,]+)", part) for part in (section[heads[0] : heads[1]], section[heads[1] :])
    ]
    by_group = [
        [a.name for a in seed.attendees if a.group is group]
        for group in (AttendanceGroup.MEMBER, AttendanceGroup.SUBSTITUTE)
    ]
    assert listed == by_group and all(by_group)
    others = [a.name for a in seed.attendees if a.group is AttendanceGroup.OTHER]
    assert others and not any(name in section for name in others)  # officials are no members
