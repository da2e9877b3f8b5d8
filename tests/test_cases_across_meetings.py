"""Case timelines across bodies and formats, on the fictional Testmark sources."""

from __future__ import annotations

from pathlib import Path

from generator.build import generate
from generator.model import AttendanceGroup
from tests.conftest import TESTMARK
from tests.htmlcheck import Page


def test_case_handled_at_three_meetings_has_three_entries_in_date_order(testmark_site: Path) -> None:
    page = Page(testmark_site, "arenden/testm-2022-14/")
    links = [link for link in page.links if "#paragraf-" in link]
    timeline = [
        "../../arbetsutskottet/2022-03-01/#paragraf-5",
        "../../direktionen/2022-03-15/#paragraf-12",
        "../../direktionen/2022-05-10/#paragraf-20",
    ]
    assert links == [timeline[-1], *timeline]  # where the case stands, then its timeline
    text = page.text[page.text.index("Behandlat vid") :]
    assert text.index("återremittera") < text.index("anta förslaget om en gemensam")
    assert "Behandlat vid 3 sammanträden" in text
    # Each body's decision keeps its own heading.
    assert "Arbetsutskottets förslag till beslut" in text


def test_paragraph_with_two_dnr_belongs_to_both_cases(testmark_site: Path) -> None:
    for key in ("testm-2022-20", "testm-2022-21"):
        assert "../../direktionen/2022-03-15/#paragraf-13" in Page(testmark_site, f"arenden/{key}/").links
    meeting = Page(testmark_site, "direktionen/2022-03-15/")
    assert "../../arenden/testm-2022-20/" in meeting.links and "../../arenden/testm-2022-21/" in meeting.links
    assert "Inget diarienummer" in meeting.text  # § 11 has none


def test_substitute_serving_for_a_member() -> None:
    meeting = next(m for m in generate(TESTMARK).archive.meetings if m.slug == "2022-03-15")
    substitute = next(a for a in meeting.attendees if a.group is AttendanceGroup.SUBSTITUTE)
    assert (substitute.name, substitute.serving_for, substitute.role) == (
        "David Låtsas",
        "Cecilia Fiktiv",
        "tjänstgörande ersättare",
    )
    assert [a.name for a in meeting.absent_from(13)] == ["Cecilia Fiktiv"]
    assert [a.name for a in meeting.absent_from(12)] == ["David Låtsas"]


def test_votes_and_reservations_are_shown(testmark_site: Path) -> None:
    text = Page(testmark_site, "direktionen/2022-05-10/").text
    assert "Omröstning" in text and "Cecilia Fiktiv Nej" in text  # a row of the vote table
    assert "Reservationer Cecilia Fiktiv: Till förmån för eget yrkande." in text


def test_withheld_paragraph_leaves_no_trace_of_its_text(testmark_site: Path) -> None:
    page = Page(testmark_site, "direktionen/2022-05-10/")
    assert "Säkerhetsåtgärder i nätet" in page.text
    assert "Sekretess enligt OSL 18 kap. 8 §" in page.text
    assert "../../arenden/testm-2022-30/" in page.links
    withheld_words = ("Kvastfenix", "serverhallen", "brandväggen")
    for path in testmark_site.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            for word in withheld_words:
                assert word.encode() not in content, f"{word} in {path}"
    assert b"Kvastfenix" in (TESTMARK / "direktionen" / "2022-05-10.yaml").read_bytes()  # the source had it
