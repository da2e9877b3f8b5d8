"""Protocols in eight other layouts (fictional, written in the layouts of real templates) are read
with every fact; every line is placed (arkiv explain); no word of a paragraph is lost or moved."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, time
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from generator.model import AttendanceGroup, Meeting
from generator.problems import Problems
from generator.readers.markdown import MarkdownReader
from generator.readers.organisation import read_organisation
from generator.readers.sources import read_sources
from tests.conftest import SEED, TESTMARK, arkiv, build_site
from tests.helpers import serve_directory

LAYOUTS = Path(__file__).resolve().parent / "fixtures" / "layouts"
FILES = sorted(LAYOUTS.glob("*/*.md"))


@pytest.fixture(scope="module")
def meetings() -> dict[str, Meeting]:
    problems = Problems()
    sources = read_sources(LAYOUTS, problems)
    assert sources is not None and problems.errors == [], problems.report()
    assert [p.message for p in problems.warnings] == []
    return {meeting.source: meeting for meeting in sources.meetings}


def people(meeting: Meeting) -> list[tuple[str, str, str | None, str | None, str | None, str | None]]:
    return [(a.group.value, a.name, a.municipality, a.party, a.role, a.serving_for) for a in meeting.attendees]


def test_eight_layouts_are_here() -> None:
    assert len(FILES) >= 8


def test_older_template_colon_labels_signature_rows_and_anslagsbevis(meetings: dict[str, Meeting]) -> None:
    m = meetings["direktionen/2016-11-24.md"]
    assert (m.place, m.start, m.end) == ("Förbundshuset, Ankeborg", time(9, 0), time(11, 30))
    assert people(m) == [
        ("beslutande", "Agnes Ahlberg", "Ankeborgs kommun", None, "ordförande", None),
        ("beslutande", "Bertil Bäckström", "Gåseby kommun", None, None, None),
        ("beslutande", "Cilla Carlberg", "Knasbyns kommun", None, None, None),
        ("ersättare", "David Dahlin", "Ankeborgs kommun", None, None, None),
        ("övriga", "Erika Ekholm", None, None, "förbundsdirektör", None),
        ("övriga", "Filip Forsman", None, None, "sekreterare", None),
    ]
    assert m.adjustment is not None
    assert [a.name for a in m.adjustment.adjusters] == ["Bertil Bäckström"]
    assert [(s.role, s.name) for s in m.adjustment.signatories] == [
        ("Sekreterare", "Filip Forsman"),
        ("Ordförande", "Agnes Ahlberg"),
        ("Justerare", "Bertil Bäckström"),
    ]
    assert str(m.adjustment.signed) == "§§ 41–43"
    assert m.posting is not None
    assert (m.posting.posted, m.posting.taken_down, m.posting.kept_at) == (
        date(2016, 11, 29),
        date(2016, 12, 21),
        "Förbundskansliet, Ankeborg",
    )
    assert [(i.number, str(i.dnr[0]), i.title) for i in m.items] == [
        (41, "EXN 2016/12", "Val av sekreterare för mötet"),
        (42, "EXN 2016/31", "Budget för nätverksdrift 2017"),
        (43, "EXN 2016/33", "Sammanträdesdagar 2017"),
    ]
    assert m.items[1].decision == "Direktionen fastställer budgeten för nätverksdriften 2017 till 4 200 tkr."
    assert [r.text for r in m.items[1].references] == ["Tjänsteskrivelse 2016-11-02"]
    assert m.items[2].recipients == ("Medlemskommunerna",)


def test_saved_web_page_with_headings_and_no_anslag(meetings: dict[str, Meeting]) -> None:
    m = meetings["direktionen/2019-03-14.md"]
    assert (m.place, m.start, m.end, m.posting) == ("Gåseby bibliotek, Lilla salen", time(8, 30), time(11, 15), None)
    assert [a.name for a in m.attendees if a.group is AttendanceGroup.MEMBER] == [
        "Agnes Ahlberg",
        "Bertil Bäckström",
        "Cilla Carlberg",
    ]
    assert people(m)[-1] == ("övriga", "Erika Ekholm", None, None, "förbundsdirektör", None)  # an added label
    assert m.adjustment is not None and [a.name for a in m.adjustment.adjusters] == ["Cilla Carlberg"]  # a sentence
    assert [(i.number, i.title) for i in m.items] == [
        (12, "Anslutning av nya skolor"),
        (13, "Information från förbundsdirektören"),
        (14, "Avgifter för nätanslutning 2020"),
    ]
    assert m.items[0].decision.startswith("Direktionen godkänner") and m.items[1].dnr == ()
    # "Direktionen beslutar" alone on a line heads the decision, kept as written above it.
    assert m.items[2].decision.startswith("att avgiften för en ny anslutning")
    assert m.items[2].decision_heading == "Direktionen beslutar"
    assert [s.text for s in m.items[2].sections] == [
        "Förbundsdirektören redovisar kostnaderna för att ansluta nya verksamheter till nätet."
    ]


def test_pipe_table_header_bold_paragraph_numbers_and_bold_e_signers(meetings: dict[str, Meeting]) -> None:
    m = meetings["direktionen/2021-06-10.md"]
    assert (m.place, m.start, m.end) == ("Ankeborgs stadshus, Rådssalen", time(13, 0), time(15, 0))
    assert people(m)[0] == ("beslutande", "Agnes Ahlberg", "Ankeborgs kommun", None, "ordförande", None)
    item = m.items[0]
    assert (item.number, str(item.dnr[0]), item.title) == (5, "EXN 2021/3", "Årsredovisning 2020")
    assert item.recipients == ("Revisorerna",)
    assert m.signing is not None
    assert [(s.signer, s.person) for s in m.signing.signatures] == [("MAJA MALMSTEN", "maja-malmsten")]


def test_kommunstyrelse_three_columns_party_codes_proposal_and_decision(meetings: dict[str, Meeting]) -> None:
    m = meetings["kommunstyrelsen/2018-09-04.md"]
    assert people(m) == [
        ("beslutande", "Greta Grönlund", None, "S", "ordförande", None),
        ("beslutande", "Hugo Hellström", None, "M", None, None),
        ("beslutande", "Ingrid Ivarsson", None, "C", None, None),
        ("ersättare", "Jonas Jernberg", None, "S", "tjänstgörande", "Karin Kvist"),
        ("ersättare", "Lennart Lindvall", None, "M", None, None),
        ("övriga", "Nils Norrby", None, None, "Kommunchef", None),
        ("övriga", "Maja Malmsten", None, None, "nämndsekreterare", None),
    ]
    assert [a.name for a in m.absentees] == ["Karin Kvist"]  # anmält förhinder: not present
    assert "Karin Kvist" not in [a.name for a in m.attendees]
    first = m.items[0]
    assert (first.number, str(first.dnr[0]), first.dnr[0].code) == (112, "KS 2018/311", "001")
    assert first.proposal_heading == "Kommunstyrelsens arbetsutskotts förslag till kommunstyrelsen"
    assert first.proposal == "Kommunstyrelsen antar de reviderade riktlinjerna för bredband."
    assert first.decision.endswith("med tillägget att riktlinjerna ska följas upp 2020.")
    assert m.posting is not None and m.posting.posted == date(2018, 9, 11)


def test_arbetsutskott_numbered_title_two_line_contents_and_trailing_paragraph_sign(
    meetings: dict[str, Meeting],
) -> None:
    m = meetings["arbetsutskottet/2019-04-23.md"]
    assert (m.place, m.start) == ("Förbundshuset, Ankeborg", time(10, 0))  # the date in words is no place
    assert [(e.number, e.title, [str(d) for d in e.dnr]) for e in m.agenda] == [
        (28, "Upphandling av reservkraft", ["EXN 2019/41"]),
        (29, "Remiss om ny avfallsplan", ["EXN 2019/44"]),
    ]
    assert people(m)[-1][1] == "Erika Ekholm" and m.attendees[-1].paragraphs is not None
    assert str(m.attendees[-1].paragraphs) == "§ 28"
    proposal = m.items[0]
    # The body's own proposal to another body is what it decided, under the heading it published.
    assert proposal.decision_heading == "Arbetsutskottets förslag till direktionen" and proposal.proposal == ""
    assert proposal.decision == (
        "Direktionen ger förbundsdirektören i uppdrag att upphandla reservkraft för serverhallen."
    )
    assert m.items[1].decision == "Arbetsutskottet lämnar remissen utan yttrande."


def test_raddningstjanst_time_before_place_vacancy_and_undated_anslag(meetings: dict[str, Meeting]) -> None:
    m = meetings["raddningsdirektionen/2016-11-22.md"]
    assert (m.place, m.start, m.end) == ("Räddningsstationen, Lärosalen", time(13, 0), time(16, 45))
    assert [a.name for a in m.attendees if a.group is AttendanceGroup.MEMBER] == ["Greta Grönlund", "Hugo Hellström"]
    assert not any("Vakant" in a.name for a in m.attendees)  # a vacant seat is no person
    assert m.attendees[0].role == "ordf" and m.attendees[0].party == "S"
    assert m.posting is None and m.posting_undated
    assert [(i.number, i.title) for i in m.items] == [(23, "Tillsynsplan 2017"), (24, "Ny utryckningsbil")]


def test_running_headers_page_numbers_and_rules_are_furniture(meetings: dict[str, Meeting]) -> None:
    m = meetings["direktionen/2018-05-17.md"]
    assert [(e.number, e.title) for e in m.agenda] == [(41, "E-arkiv för medlemskommunerna"), (42, "Val av revisorer")]
    text = " ".join(i.decision + " ".join(s.text for s in i.sections) for i in m.items)
    for furniture in ("Sida", "Justering (sign)", "____", "Kommunalförbundet Exempelnäs", "Utdragsbestyrkande"):
        assert furniture not in text
    # Page 1's running header gives the meeting date on a line of its own, before the body's name.
    source = (LAYOUTS / m.source).read_text(encoding="utf-8").splitlines()
    date_line = source.index(m.date.isoformat()) + 1
    explained = arkiv("explain", LAYOUTS / m.source, "--protocols", LAYOUTS).stdout.splitlines()
    assert any(
        re.match(rf"\s*{date_line}\s+titel\s+möbler \(mötets datum ensamt på en rad\)", line) for line in explained
    )
    # Every line of furniture says by which rule: a page number, say, changes from page to page.
    page_line = next(n for n, text in enumerate(source, start=1) if "Sida 2" in text)
    assert any(re.match(rf"\s*{page_line}\s+möbler\s+tas bort: sidans möbler \(.+\)", line) for line in explained)
    assert m.items[0].decision == "Direktionen ger förbundsdirektören i uppdrag att utreda ett gemensamt e-arkiv."


def test_decision_after_background_proposal_two_dnr_and_a_dnr_in_the_title(meetings: dict[str, Meeting]) -> None:
    item = meetings["direktionen/2022-02-03.md"].items[0]
    assert [str(d) for d in item.dnr] == ["EXN 2022/2", "EXN 2022/3"]
    assert item.title == "Samordnad telefoni för två kommuner (KS/2016:198)"
    assert [s.heading for s in item.sections] == ["Bakgrund"]
    assert item.proposal == "Direktionen godkänner avtalet om samordnad telefoni."
    assert item.decision.endswith("under förutsättning att båda kommunfullmäktige godkänner det.")


def test_paragraphs_numbered_in_running_text_and_a_numbered_att_list_inside_one(
    meetings: dict[str, Meeting],
) -> None:
    m = meetings["direktionen/2009-03-12.md"]
    source = (LAYOUTS / m.source).read_text(encoding="utf-8").splitlines()
    # Expected from the source: every line "N. Title." whose title begins in upper case.
    numbered = [(i, line) for i, line in enumerate(source, start=1) if re.match(r"\d+\. [A-ZÅÄÖ]", line)]
    assert [(i.line, i.number, i.title) for i in m.items] == [
        (n, int(line.split(".")[0]), line.split(". ", 1)[1]) for n, line in numbered
    ]
    assert [[str(d) for d in i.dnr] for i in m.items] == [[], ["EXN 2009/4"], ["EXN 2009/11"]]
    # The list of att-clauses under "Direktionen beslutar" is the decision, not two paragraphs.
    assert m.items[1].decision.splitlines()[-2:] == [
        "1. att godkänna årsredovisningen för 2008,",
        "2. att överlämna årsredovisningen till medlemskommunerna.",
    ]
    assert m.items[2].decision.startswith("Direktionen beslutar att ge förbundsdirektören")


def test_a_lone_numbered_line_is_not_a_paragraph(tmp_path: Path) -> None:
    """One "1. Text" line in a protocol without "§" is no layout: the reader says it found no
    paragraph instead of guessing."""
    protocols = tmp_path / "protokoll"
    (protocols / "direktionen").mkdir(parents=True)
    (protocols / "organisation.yaml").write_text((LAYOUTS / "organisation.yaml").read_text(encoding="utf-8"))
    text = (LAYOUTS / "direktionen" / "2009-03-12.md").read_text(encoding="utf-8")
    text = text[: text.index("8. Årsredovisning")]
    (protocols / "direktionen" / "2009-03-12.md").write_text(text, encoding="utf-8")
    result = arkiv("validate", "--protocols", protocols)
    assert result.returncode == 1
    assert "inga paragrafer hittades" in result.stderr


@pytest.mark.parametrize("path", [*FILES, SEED, *TESTMARK.glob("*/*.md")], ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_line_is_placed(path: Path) -> None:
    result = arkiv("explain", path, "--protocols", path.parent.parent)
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    source = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) == len(source)
    assert [line for line in lines if "EJ PLACERAD" in line] == []


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", re.sub(r"</?b>", " ", text))


@pytest.mark.parametrize("path", [*FILES, SEED], ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_word_of_a_paragraph_is_lost_or_moved(path: Path) -> None:
    """Per paragraph, the source's words in order (minus furniture, the § line and the dnr) equal
    the model's words, part by part in the order the source gives them."""
    protocols = path.parent.parent
    problems = Problems()
    organisation = read_organisation(protocols, problems)
    assert organisation is not None
    body = organisation.body(path.parent.name)
    assert body is not None
    reader = MarkdownReader(organisation, body, path.name, problems)
    meeting = reader.read(path.read_text(encoding="utf-8"), date.fromisoformat(path.stem))
    assert meeting is not None, problems.report()
    lines = path.read_text(encoding="utf-8").splitlines()
    for item in meeting.items:
        following = [i.line for i in meeting.items if i.line > item.line]
        end = min(following) if following else len(lines) + 1
        placed = [(n, reader.trace.get(n, ("", ""))) for n in range(item.line + 1, end)]
        source: list[str] = []
        model = _words(item.title)
        decided = False
        for number, (region, what) in placed:
            if region != "paragraf" or what == "dnr":
                continue  # furniture, the e-signing record after the last paragraph, the dnr fact
            source += _words(lines[number - 1])
            if what == "beslut" and not decided:  # the decision in running text, without a heading
                model += _words(item.decision)
                decided = True
            if what.startswith("rubrik: "):
                heading = what.removeprefix("rubrik: ")
                model += _words(heading) + _words(_part(reader, item, heading))
        if item.sections and not item.sections[0].heading:
            model[len(_words(item.title)) : len(_words(item.title))] = _words(item.sections[0].text)
        if not any(what == "rubrik" for _, (_, what) in placed):  # the title stood on the § line itself
            assert item.title in lines[item.line - 1]
            source = _words(item.title) + source
        assert source == model, item.number


def _part(reader: MarkdownReader, item: object, heading: str) -> str:
    """The model's text of the part under ``heading`` (decision, proposal, list or section)."""
    from generator.model import Item

    assert isinstance(item, Item)
    if reader.is_decision_heading(heading):
        return item.decision
    if heading == item.proposal_heading:
        return item.proposal
    kind = reader.ctx.vocabulary.lists.get(heading.casefold().rstrip(":"))
    if kind == "beslutsunderlag":
        return "\n".join(r.text for r in item.references)
    if kind == "beslutsexpediering":
        return "\n".join(item.recipients)
    return next(s.text for s in item.sections if s.heading == heading)


# -- on the site, in Chromium ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def layouts_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = build_site(LAYOUTS, tmp_path_factory.mktemp("layouts") / "site", today="2018-09-20")
    with serve_directory(site) as url:
        yield url


@pytest.mark.browser
@pytest.mark.parametrize(
    "url", ["kommunstyrelsen/2018-09-04/", "raddningsdirektionen/2016-11-22/", "direktionen/2021-06-10/"]
)
def test_new_parts_of_the_meeting_page_pass_wcag_21_aa(page: Page, layouts_site: str, url: str) -> None:
    page.goto(layouts_site + url)
    results = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
    )
    assert results.response["violations"] == [], results.generate_report()


@pytest.mark.browser
def test_proposal_and_decision_shown_side_by_side(page: Page, layouts_site: str) -> None:
    page.goto(layouts_site + "kommunstyrelsen/2018-09-04/")
    section = page.locator("section", has=page.locator("h2#paragraf-112"))
    expect(section.locator(".arkiv-forslag h3")).to_have_text(
        "Kommunstyrelsens arbetsutskotts förslag till kommunstyrelsen"
    )
    expect(section.locator(".arkiv-beslut h3")).to_have_text("Kommunstyrelsens beslut")
    expect(page.get_by_text("Anmält förhinder: Karin Kvist")).to_be_visible()
    expect(page.get_by_role("rowheader", name="Greta Grönlund (S)")).to_be_visible()
    page.goto(layouts_site + "raddningsdirektionen/2016-11-22/")
    expect(page.get_by_text("Protokollet anger inga datum för anslaget")).to_be_visible()


def test_votes_reservations_and_jav_read_as_facts_from_markdown(meetings: dict[str, Meeting]) -> None:
    """From the sections that publish them: the roll call's X marks, who reserved, who was jävig,
    resolved to roster persons, so person pages and open data show them as for a YAML source."""
    from generator.index import build_archive
    from generator.site.outputs.open_data import OpenData

    m = meetings["kommunstyrelsen/2018-09-04.md"]
    item = m.items[1]
    [vote] = item.votes
    assert [p.person for p in vote.yes] == ["greta-gronlund", "jonas-jernberg"]
    assert [p.person for p in vote.no] == ["hugo-hellstrom"]
    assert [p.person for p in vote.abstaining] == ["ingrid-ivarsson"]
    assert vote.question.startswith("Ordföranden ställer proposition") and vote.result.startswith("Med 2 ja-röster")
    assert [[p.person for p in r.by] for r in item.reservations] == [["hugo-hellstrom"]]
    assert [p.person for p in item.disqualified] == ["ingrid-ivarsson"]
    assert [s.heading for s in item.sections] == ["Yrkanden", "Omröstning", "Reservation", "Jäv"]  # text as published
    problems = Problems()
    organisation = read_organisation(LAYOUTS, problems)
    assert organisation is not None
    archive = build_archive(organisation, list(meetings.values()))
    hugo = archive.persons["hugo-hellstrom"]
    assert [(h.item.number, answer) for h, answer in hugo.votes] == [(113, "nej")]
    assert [h.item.number for h in hugo.reservations] == [113]
    data = OpenData(archive, "").meeting(m)["agendaItem"][1]
    assert data["votes"][0]["no"] == ["Hugo Hellström"] and data["disqualified"] == ["Ingrid Ivarsson"]


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_yaml_round_trip_of_every_layout(path: Path, meetings: dict[str, Meeting]) -> None:
    """arkiv convert writes each layout's model as YAML, which reads back to an equal model."""
    from generator.readers.registry import SourceText
    from generator.readers.yaml_format import read

    converted = arkiv("convert", path, "--protocols", LAYOUTS)
    assert converted.returncode == 0, converted.stderr
    problems = Problems()
    organisation = read_organisation(LAYOUTS, problems)
    assert organisation is not None
    body = organisation.body(path.parent.name)
    assert body is not None
    relative = f"{path.parent.name}/{path.name}"
    source = SourceText(organisation, body, relative, converted.stdout, date.fromisoformat(path.stem))
    assert read(source, problems) == meetings[relative], problems.report()


def test_structured_data_and_what_the_body_changed(tmp_path: Path) -> None:
    """schema.org JSON-LD parses and names the meeting and its decisions; where a paragraph has a
    proposal and a decision, the page marks the words the body added and struck."""
    import json

    site = build_site(LAYOUTS, tmp_path / "site", today="2018-09-20")
    html = (site / "kommunstyrelsen" / "2018-09-04" / "index.html").read_text(encoding="utf-8")
    script = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    data = json.loads(script)
    assert (data["@type"], data["name"], data["startDate"]) == (
        "Event",
        "Kommunstyrelsen 2018-09-04",
        "2018-09-04T13:00+02:00",  # with its offset: summer time in Sweden
    )
    assert data["location"] == {
        "@type": "Place",
        "name": "Kommunhuset, Sessionssalen",
        "address": "Kommunhuset, Sessionssalen",
    }
    assert [(d["name"], d["identifier"]) for d in data["about"]] == [
        ("Revidering av riktlinjer för bredband", ["KS 2018/311"]),
        ("Delegationsbeslut", ["KS 2018/298"]),
    ]
    changed = html.split('<p class="arkiv-skillnad">')[1].split("</p>")[0]
    assert "<del>bredband.</del>" in changed
    assert "<ins>bredband, med tillägget att riktlinjerna ska följas upp 2020.</ins>" in changed
    # No difference, no marking: the arbetsutskott's paragraph has a proposal and no decision.
    assert "arkiv-skillnad" not in (site / "arbetsutskottet" / "2019-04-23" / "index.html").read_text("utf-8")
