"""The synthetic archive (issue: cross-links at archive scale), on the `small` size."""

from __future__ import annotations

from pathlib import Path

from generator.build import generate
from generator.model import Meeting
from generator.problems import Problems
from generator.readers.sources import read_sources
from generator.site import labels
from generator.site.urls import meeting_url
from generator.tools.synth import synthesise, write
from tests.conftest import arkiv
from tests.helpers import digest
from tests.htmlcheck import Page, broken_links


def test_same_seed_same_files_and_both_formats(tmp_path: Path, synth_small: tuple[Path, Path]) -> None:
    protocols, _ = synth_small
    write(tmp_path / "again", "small")
    assert digest(tmp_path / "again") == digest(protocols)
    write(tmp_path / "other", "small", seed=2)
    assert digest(tmp_path / "other") != digest(protocols)
    suffixes = {p.suffix for p in protocols.rglob("*") if p.is_file() and p.name != "organisation.yaml"}
    assert suffixes == {".md", ".yaml"}


def test_sources_read_back_to_the_synthesised_model(synth_small: tuple[Path, Path]) -> None:
    protocols, _ = synth_small
    problems = Problems()
    sources = read_sources(protocols, problems)
    assert sources is not None and problems.items == []
    _, expected = synthesise("small")
    by_key = {(m.body, m.date): m for m in expected}
    assert len(sources.meetings) == len(expected)
    for meeting in sources.meetings:
        assert meeting == by_key[(meeting.body, meeting.date)], meeting.source


def test_the_full_archive_reads_back_too(tmp_path: Path) -> None:
    """Twenty years, every layout: the full size found what the small one did not (two cases
    sharing a title with the meeting's date in it were taken for a running header)."""
    write(tmp_path / "full", "full")
    problems = Problems()
    sources = read_sources(tmp_path / "full", problems)
    assert sources is not None and problems.errors == [], problems.report()
    _, expected = synthesise("full")
    by_key = {(m.body, m.date): m for m in expected}
    assert len(sources.meetings) == len(expected)
    assert [m.source for m in sources.meetings if m != by_key[(m.body, m.date)]] == []


def test_exercises_what_real_archives_have() -> None:
    organisation, meetings = synthesise("small")
    items = [i for m in meetings for i in m.items]
    assert len(organisation.bodies) == 2 and len({m.date.year for m in meetings}) == 1
    assert any(len(i.dnr) >= 2 for i in items) and any(not i.dnr for i in items)
    assert any("återremittera" in i.decision for i in items)
    assert any("bordlägga" in i.decision for i in items)
    assert any(a.serving_for for m in meetings for a in m.attendees)
    assert any(a.paragraphs for m in meetings for a in m.attendees)
    assert any(r.target for i in items for r in i.references)
    assert any(i.dnr and i.dnr[0].year < m.date.year for m in meetings for i in m.items)  # spans years


def test_every_internal_link_and_anchor_resolves(synth_small: tuple[Path, Path]) -> None:
    _, site = synth_small
    checked, broken = broken_links(site)
    assert checked > 1000
    assert broken == []


def _meetings(protocols: Path) -> list[Meeting]:
    return generate(protocols).archive.meetings


def test_case_handled_at_three_meetings_has_three_entries_in_date_order(synth_small: tuple[Path, Path]) -> None:
    protocols, site = synth_small
    archive = generate(protocols).archive
    case = next(c for c in archive.cases.values() if len(c.handlings) == 3)
    dates = [h.meeting.date for h in case.handlings]
    assert dates == sorted(dates) and len(set(dates)) >= 2
    page = Page(site, f"arenden/{case.key}/")
    entries = [link for link in page.targets() if "#paragraf-" in link]
    expected = [f"{meeting_url(h.meeting)}#{h.item.anchor}" for h in case.handlings]
    # Where the case stands (its latest handling) first, then the timeline in date order.
    assert entries == [expected[-1], *expected]


def test_person_page_lists_exactly_the_meetings_attended(synth_small: tuple[Path, Path]) -> None:
    protocols, site = synth_small
    archive = generate(protocols).archive
    record = max(archive.persons.values(), key=lambda r: len(r.attended))
    slug = record.person.slug
    attended = {meeting_url(m) for m in archive.meetings if any(a.person == slug for a in m.attendees)}
    page = Page(site, f"personer/{slug}/")
    section = page.html.split('id="sammantraden"')[1].split("</ul>")[0]
    listed = set(page.targets(Page.links_in(section)))
    assert listed == attended and len(listed) >= 2
    assert all(labels.role_label(role.title, role.group) in page.text for role in record.roles.values())


def test_references_link_to_the_paragraph_and_unresolved_ones_are_reported(synth_small: tuple[Path, Path]) -> None:
    protocols, site = synth_small
    archive = generate(protocols).archive
    handling = next(
        h for h in archive.items.values() for r in h.item.references if r.target and archive.target(r) is not None
    )
    reference = next(r for r in handling.item.references if archive.target(r) is not None)
    target = archive.target(reference)
    assert target is not None
    page = Page(site, meeting_url(handling.meeting))
    assert f"{meeting_url(target.meeting)}#{target.item.anchor}" in page.targets()
    # Unresolved references stay text and are listed by the build.
    assert archive.unresolved
    result = arkiv("build", "--protocols", protocols, "--site", site.parent / "site2", "--verbose")
    assert result.returncode == 0
    assert archive.unresolved[0].text in result.stderr and "Byggrapport" in result.stderr


def test_previous_and_next_meeting_and_related_cases(synth_small: tuple[Path, Path]) -> None:
    protocols, site = synth_small
    archive = generate(protocols).archive
    meetings = archive.by_body["direktionen"]
    middle = meetings[len(meetings) // 2]
    page = Page(site, meeting_url(middle))
    index = meetings.index(middle)
    assert meeting_url(meetings[index + 1]) in page.targets()  # previous (older)
    assert meeting_url(meetings[index - 1]) in page.targets()  # next (newer)
    related = next(c for c in archive.cases.values() if c.related)
    case_page = Page(site, f"arenden/{related.key}/")
    assert f"../{related.related[0].key}/" in case_page.links
