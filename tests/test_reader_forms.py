"""Forms older and other templates write the header, the signatures, the anslag and a case's
dnr in: each variant is one change to a small protocol, read by the real reader, and each test
fails when the mechanism that reads its form is taken away."""

from __future__ import annotations

import re
from datetime import date, time
from functools import cache
from pathlib import Path

import pytest

from generator.model import Meeting, Organisation, ParagraphRange, Vote
from generator.problems import Problems
from generator.readers.markdown import MarkdownReader
from generator.readers.markdown.paragraph_starts import abbreviates
from generator.readers.markdown.text import _dates_in
from generator.readers.organisation import read_organisation
from tests.helpers import line_of

ORGANISATION = Path(__file__).parent / "fixtures" / "layouts"
DAY = date(2018, 9, 4)

# Our own words, in the shape of a kommunstyrelse's protocol with a header table.
PROTOCOL = """SAMMANTRÄDESPROTOKOLL

**Kommunstyrelsen**

{place_label}\t{place_and_time}
{time_row}Beslutande\tGreta Grönlund (S), ordförande, Hugo Hellström (M), Ingrid Ivarsson (C)
Övriga deltagande\tMaja Malmsten, nämndsekreterare
{adjusters}Justeringens plats och tid\tKommunhuset 2018-09-10
{signatures}

{posting_heading}

Protokollet är justerat. Justeringen har tillkännagivits genom anslag.

Instans\tKommunstyrelsen
Sammanträdesdatum\t2018-09-04
{posted}\t2018-09-11\t{taken_down}\t2018-10-03
Förvaringsplats för protokollet\tKommunkansliet

KS § 112\tKS/2018:311

**Bredband på landsbygden**

Kommunstyrelsen beslutar att anta riktlinjerna för bredband.

KS § 113

**Delegationsbeslut**

{history}{decision}
"""

PARTS = {
    "place_label": "Plats och tid",
    "place_and_time": "Kommunhuset, Sessionssalen, kl. 13.00-16.10",
    "time_row": "",
    "adjusters": "Utses att justera\tHugo Hellström\n",
    "signatures": (
        "Underskrifter\tSekreterare\tMaja Malmsten\tParagrafer 112-113\n"
        "\tOrdförande\tGreta Grönlund\n"
        "\tJusterare\tHugo Hellström"
    ),
    "posting_heading": "ANSLAG/BEVIS",
    "posted": "Datum för anslags uppsättande",
    "taken_down": "Datum för anslags nedtagande",
    "history": "",
    "decision": "Kommunstyrelsen beslutar att lägga redovisningen till handlingarna.",
}


@cache
def _organisation() -> Organisation:
    problems = Problems()
    organisation = read_organisation(ORGANISATION, problems)
    assert organisation is not None, problems.report()
    return organisation


def read(**changes: str) -> tuple[Meeting, Problems]:
    return read_text(PROTOCOL.format(**{**PARTS, **changes}))


def read_text(text: str) -> tuple[Meeting, Problems]:
    organisation = _organisation()
    body = organisation.body("kommunstyrelsen")
    assert body is not None
    problems = Problems()
    meeting = MarkdownReader(organisation, body, "kommunstyrelsen/2018-09-04.md", problems).read(text, DAY)
    assert meeting is not None, problems.report()
    assert not problems.errors, problems.report()
    return meeting, problems


def test_the_protocol_as_written_reads() -> None:
    meeting, _ = read()
    assert (meeting.place, meeting.start, meeting.end) == ("Kommunhuset, Sessionssalen", time(13), time(16, 10))
    assert meeting.adjustment is not None
    assert [a.name for a in meeting.adjustment.adjusters] == ["Hugo Hellström"]
    assert [i.number for i in meeting.items] == [112, 113]


def test_a_meeting_held_in_parts_ends_with_its_last_part() -> None:
    meeting, _ = read(place_and_time="Kommunhuset, kl 09.00–12.05, 13.00–15.10")
    assert (meeting.place, meeting.start, meeting.end) == ("Kommunhuset", time(9), time(15, 10))


def test_an_adjournment_on_the_place_line_is_kept_beside_the_place() -> None:
    meeting, _ = read(place_and_time="Kommunhuset, kl 13.00-16.10, Ajournering kl 14.00-14.20")
    assert meeting.place == "Kommunhuset"
    assert (meeting.start, meeting.end) == (time(13), time(16, 10))
    assert [(e.label, e.text) for e in meeting.extras] == [("Plats och tid", "Ajournering kl 14.00-14.20")]


def test_a_weekday_before_the_date_is_no_part_of_the_place() -> None:
    meeting, _ = read(place_and_time="Tisdag 2018-09-04, Kommunhuset kl 13.00-16.00")
    assert meeting.place == "Kommunhuset"
    assert (meeting.start, meeting.end) == (time(13), time(16))


def test_the_time_and_place_in_an_opening_sentence() -> None:
    sentence = (
        "Protokoll fört vid sammanträde med kommunstyrelsen tisdagen den 4 september 2018"
        " kl. 13.00–16.10 i Kommunhuset, Sessionssalen."
    )
    text = PROTOCOL.format(**PARTS).replace("Plats och tid\t" + PARTS["place_and_time"], sentence)
    assert sentence in text
    meeting, _ = read_text(text)
    assert (meeting.place, meeting.start, meeting.end) == ("Kommunhuset, Sessionssalen", time(13), time(16, 10))


def test_names_written_under_drawn_signature_lines() -> None:
    meeting, _ = read(
        adjusters="",
        signatures=(
            "Underskrifter\tSekreterare\t……………………………\tParagrafer 112-113\n"
            "\t\tMaja Malmsten\n"
            "\tOrdförande\t……………………………\n"
            "\t\tGreta Grönlund\n"
            "\tJusterande\t……………………………\t……………………………\n"
            "\t\tHugo Hellström\tIngrid Ivarsson"
        ),
    )
    assert meeting.adjustment is not None
    assert [(s.role, s.name) for s in meeting.adjustment.signatories] == [
        ("Sekreterare", "Maja Malmsten"),
        ("Ordförande", "Greta Grönlund"),
        ("Justerande", "Hugo Hellström"),
        ("Justerande", "Ingrid Ivarsson"),
    ]
    # No "Utses att justera": the justerare are those who sign as such.
    assert [a.name for a in meeting.adjustment.adjusters] == ["Hugo Hellström", "Ingrid Ivarsson"]
    assert "………" not in " ".join(a.name for a in meeting.attendees)


@pytest.mark.parametrize(
    ("heading", "posted", "taken_down"),
    [
        ("Bevis om justering", "Anslaget uppsättes", "Anslaget nedtages"),
        ("Bevis om anslag", "Anslaget uppsätts", "Anslaget nedtas"),
        ("Anslag om justering", "Anslaget uppsatt", "Anslaget nedtaget"),
    ],
)
def test_older_anslag_labels(heading: str, posted: str, taken_down: str) -> None:
    meeting, _ = read(posting_heading=heading, posted=posted, taken_down=taken_down)
    assert meeting.posting is not None
    assert (meeting.posting.posted, meeting.posting.taken_down) == (date(2018, 9, 11), date(2018, 10, 3))


def test_the_dnr_below_the_earlier_handling_of_the_case() -> None:
    meeting, _ = read(history="Au § 132\nDnr KS 2018/52\n\n")
    item = meeting.items[1]
    assert [(d.prefix, d.year, d.serial) for d in item.dnr] == [("KS", 2018, 52)]
    # The earlier handling stays in the text; the dnr line is read, not repeated.
    text = " ".join(s.text for s in item.sections) + item.decision
    assert "Au § 132" in text
    assert "Dnr KS 2018/52" not in text


CLOSING = """
Vid protokollet

……………………………
Maja Malmsten

Justeras

……………………………\t……………………………
Greta Grönlund\tHugo Hellström
{roles}
**Bilagor till protokollet**

Bilaga § 112\tRiktlinjer för bredband
"""


@pytest.mark.parametrize("roles", ["", "ordförande\tjusterare\n"])
def test_signatures_after_the_last_paragraph_are_the_protocols(roles: str) -> None:
    text = PROTOCOL.format(**{**PARTS, "adjusters": "", "signatures": "", "history": ""}) + CLOSING.format(roles=roles)
    meeting, _ = read_text(text)
    assert meeting.adjustment is not None
    under_names = roles.split() or ["Justeras", "Justeras"]
    assert [(s.role, s.name) for s in meeting.adjustment.signatories] == [
        ("Vid protokollet", "Maja Malmsten"),
        (under_names[0], "Greta Grönlund"),
        (under_names[1], "Hugo Hellström"),
    ]
    # The chair signs under "Justeras" too, but is no justerare.
    assert [a.name for a in meeting.adjustment.adjusters] == ["Hugo Hellström"]
    last = meeting.items[-1]
    last_text = "\n".join([last.decision, *(s.text for s in last.sections)])
    assert "Vid protokollet" not in last_text and "……" not in last_text
    # What follows the signatures is kept, in the order written.
    after = re.findall(r"\w+", CLOSING[CLOSING.index("**Bilagor") :])
    assert re.findall(r"\w+", last_text)[-len(after) :] == after


def test_a_labelled_dnr_on_the_title_line_is_the_cases_number() -> None:
    text = PROTOCOL.format(**PARTS).replace(
        "KS § 113\n\n**Delegationsbeslut**", "**KS § 113 Delegationsbeslut / Dnr KS 2018/0298-1.4.2**"
    )
    meeting, _ = read_text(text)
    item = meeting.items[1]
    assert item.title == "Delegationsbeslut"
    assert [(d.prefix, d.year, d.serial, d.code) for d in item.dnr] == [("KS", 2018, 298, "1.4.2")]


@pytest.mark.parametrize("label", ["Plats och sammanträdestid", "Sammanträdestid och lokal"])
def test_a_place_label_and_a_time_label_joined_by_och(label: str) -> None:
    meeting, _ = read(place_label=label, place_and_time="Kommunhuset, klockan 08.30–12.40")
    assert (meeting.place, meeting.start, meeting.end) == ("Kommunhuset", time(8, 30), time(12, 40))


def test_a_second_time_under_the_first_is_kept_whole() -> None:
    meeting, _ = read(
        place_label="Tid",
        place_and_time="tisdag 4 september 2018 kl 09.00-12.10",
        time_row="\tAjournering kl 10.30-10.45\nPlats\tKommunhuset\n",
    )
    assert (meeting.place, meeting.start, meeting.end) == ("Kommunhuset", time(9), time(12, 10))
    assert [(e.label, e.text) for e in meeting.extras] == [("Tid", "Ajournering kl 10.30-10.45")]


def test_the_place_after_the_time_without_its_preposition() -> None:
    meeting, _ = read(
        place_label="Tid och plats", place_and_time="tisdagen den 4 september 2018 klockan 13.30–16.10 i Vretarummet"
    )
    assert (meeting.place, meeting.start, meeting.end) == ("Vretarummet", time(13, 30), time(16, 10))


@pytest.mark.parametrize(
    "rows",
    [
        "Justerare\tHugo Hellström\nErsättare\tIngrid Ivarsson\n",
        "Utses att justera\tJusterare\tHugo Hellström\n\tErsättare\tIngrid Ivarsson\n",
    ],
)
def test_the_justerares_substitute_is_neither_justerare_nor_a_substitute_of_the_body(rows: str) -> None:
    meeting, _ = read(adjusters=rows)
    assert meeting.adjustment is not None
    assert [a.name for a in meeting.adjustment.adjusters] == ["Hugo Hellström"]
    assert [(a.name, a.group.value) for a in meeting.attendees if a.name == "Ingrid Ivarsson"] == [
        ("Ingrid Ivarsson", "beslutande")
    ]
    assert [(e.label, e.text) for e in meeting.extras] == [("Ersättare för justerare", "Ingrid Ivarsson")]


def test_the_protocols_paragraphs_are_not_those_one_signer_signs() -> None:
    meeting, _ = read(
        signatures=(
            "Underskrifter\tSekreterare\t……………………\tJusterade paragrafer\n"
            "\t\tMaja Malmsten\t§§ 112–113\n"
            "\tOrdförande\t……………………\n"
            "\t\tGreta Grönlund § 112\n"
            "\t\t……………………\n"
            "\t\tHugo Hellström § 113"
        )
    )
    assert meeting.adjustment is not None and meeting.adjustment.signed is not None
    assert (meeting.adjustment.signed.first, meeting.adjustment.signed.last) == (112, 113)


def test_the_anslag_statement_beside_its_heading() -> None:
    statement = "Protokollet är justerat. Justeringen har tillkännagivits genom anslag."
    text = PROTOCOL.format(**{**PARTS, "posting_heading": f"**Anslag/bevis**\t{statement}"}).replace(
        f"\n\n{statement}\n", "\n", 1
    )
    assert text.count(statement) == 1
    meeting, _ = read_text(text)
    assert meeting.posting is not None
    assert meeting.posting.statement == statement
    assert (meeting.posting.posted, meeting.posting.taken_down) == (date(2018, 9, 11), date(2018, 10, 3))


PROPOSE_TO_COUNCIL = "Föreslå kommunfullmäktige besluta\n\natt godkänna redovisningen,\n\natt uppdra åt kommunchefen."


@pytest.mark.parametrize(
    ("text", "decision"),
    [
        (
            "Redovisningen gicks igenom.\n\natt lägga redovisningen till handlingarna.",
            "att lägga redovisningen till handlingarna.",
        ),
        ("Kommunchefen redogjorde för besluten.\n\nGodkänna redovisningen.", "Godkänna redovisningen."),
        (PROPOSE_TO_COUNCIL, PROPOSE_TO_COUNCIL),
        (
            "Ärendet föredrogs.\n\n1. Godkänna redovisningen.\n\n2. Uppdra åt kommunchefen att följa upp.",
            "1. Godkänna redovisningen.\n\n2. Uppdra åt kommunchefen att följa upp.",
        ),
        ("Redovisningen av delegeringsbesluten godkändes.", "Redovisningen av delegeringsbesluten godkändes."),
        (
            "Kommunstyrelsen diskuterade redovisningen.\n\natt lägga redovisningen till handlingarna.",
            "att lägga redovisningen till handlingarna.",
        ),
        ("Ks\tatt lägga redovisningen till handlingarna.", "att lägga redovisningen till handlingarna."),
    ],
)
def test_a_decision_without_heading_or_lead_in(text: str, decision: str) -> None:
    meeting, _ = read(decision=text)
    assert meeting.items[1].decision == decision


def test_att_clauses_a_yrkande_leads_into_are_no_decision() -> None:
    text = "Hugo Hellström (M) yrkar att kommunstyrelsen beslutar\n\natt avslå redovisningen."
    meeting, problems = read(decision=text)
    assert meeting.items[1].decision == ""
    assert "att avslå redovisningen." in " ".join(s.text for s in meeting.items[1].sections)
    # Staff are told the paragraph has no decision, rather than shown the motion as one.
    assert any("§ 113 saknar beslut" in p.message for p in problems.warnings)


def test_under_a_proposal_heading_even_beslutar_is_proposed() -> None:
    meeting, _ = read(decision=f"**Förslag till beslut**\n\n{PARTS['decision']}")
    assert (meeting.items[1].decision, meeting.items[1].proposal) == ("", PARTS["decision"])


@pytest.mark.parametrize("written", ["Hugo Hellström, M", "Hugo Hellström, (M)"])
def test_a_party_code_after_the_justerare_is_no_person(written: str) -> None:
    meeting, _ = read(adjusters=f"Utses att justera\t{written}\n")
    assert meeting.adjustment is not None
    assert [a.name for a in meeting.adjustment.adjusters] == ["Hugo Hellström"]


def test_a_närvarolista_keeps_what_the_header_says_of_a_serving_substitute() -> None:
    header = "Beslutande\tGreta Grönlund (S), ordförande, Hugo Hellström (M), Ingrid Ivarsson (C)\n"
    serving = "Tjänstgörande ersättare\tJonas Jernberg (S), ersättare för Karin Kvist (S)\n"
    annex = (
        "\n**Närvarolista**\n\nNamn\tNärvarande\n"
        "Greta Grönlund (S)\tX\nHugo Hellström (M)\tX\nIngrid Ivarsson (C)\tX\nJonas Jernberg (S)\tX\n"
    )
    text = PROTOCOL.format(**PARTS).replace(header, header + serving) + annex
    assert serving in text
    meeting, _ = read_text(text)
    assert meeting.annexes, "the närvarolista is read as an annex"
    jonas = [a for a in meeting.attendees if a.name == "Jonas Jernberg"]
    assert [(a.group.value, a.serving_for) for a in jonas] == [("ersättare", "Karin Kvist")]


VOTE = """Hugo Hellström (M) yrkar avslag.

**Omröstning**

Ja-röst för att bifalla förslaget, nej-röst för avslag.

Ja röstar: Greta Grönlund (S) och Ingrid Ivarsson (C).

Nej röstar: Hugo Hellström (M).

Avstår från att rösta: Maja Malmsten.

Med 2 ja-röster mot 1 nej-röst beslutar kommunstyrelsen att bifalla förslaget.

**Kommunstyrelsens beslut**

Kommunstyrelsen beslutar att lägga redovisningen till handlingarna."""


def test_a_vote_written_out_in_sentences() -> None:
    meeting, _ = read(decision=VOTE)
    [vote] = meeting.items[1].votes
    assert [n.name for n in vote.yes] == ["Greta Grönlund", "Ingrid Ivarsson"]
    assert [n.name for n in vote.no] == ["Hugo Hellström"]
    assert [n.name for n in vote.abstaining] == ["Maja Malmsten"]
    assert vote.question == "Ja-röst för att bifalla förslaget, nej-röst för avslag."
    assert vote.result.startswith("Med 2 ja-röster mot 1 nej-röst")


def test_a_vote_in_sentences_in_the_running_text() -> None:
    running = VOTE.replace("**Omröstning**\n\n", "Ordföranden ställer proposition och omröstning begärs.\n\n")
    meeting, _ = read(decision=running)
    [vote] = meeting.items[1].votes
    assert ([n.name for n in vote.yes], [n.name for n in vote.no]) == (
        ["Greta Grönlund", "Ingrid Ivarsson"],
        ["Hugo Hellström"],
    )
    # Without a heading, the question is the paragraph before the names and the result the one after.
    assert vote.question == "Ja-röst för att bifalla förslaget, nej-röst för avslag."
    assert vote.result.startswith("Med 2 ja-röster") and "Kommunstyrelsen" not in vote.result


def _one_vote_each_way(meeting: Meeting) -> Vote:
    """The roll call of the protocol's second paragraph: one yes, one no, one abstaining."""
    [vote] = meeting.items[1].votes
    assert [[n.name for n in names] for names in (vote.yes, vote.no, vote.abstaining)] == [
        ["Greta Grönlund"],
        ["Hugo Hellström"],
        ["Ingrid Ivarsson"],
    ]
    return vote


def test_a_roll_call_annex_named_for_its_paragraph_in_its_title() -> None:
    annex = (
        "\n**Bilaga 1 till KS § 113**\n\n**Omröstningslista**\n\nLedamot\tJa\tNej\tAvstår\n"
        "Greta Grönlund (S)\tX\t\t\nHugo Hellström (M)\t\tX\t\nIngrid Ivarsson (C)\t\t\tX\nSumma\t1\t1\t1\n"
    )
    meeting, _ = read_text(PROTOCOL.format(**PARTS) + annex)
    _one_vote_each_way(meeting)
    assert not meeting.items[0].votes


def _page_break(page: int, footer: str) -> str:
    return f"\n{footer}\n\nKommunstyrelsen\tSAMMANTRÄDESPROTOKOLL\n\tSida {page} (3)\n\n"


@pytest.mark.parametrize(
    ("footer", "at_end"),
    [("Utdragsbestyrkan", True), ("Ordf. sign.\tJust. sign.", False)],
)
def test_a_page_footer_goes_even_under_a_list_and_on_the_last_page(footer: str, at_end: bool) -> None:
    """A footer cut short by the export ("Utdragsbestyrkan") or written with abbreviations (twice
    only: two pages), printed at each page's end: right under the header's list of names, and
    last in the file."""
    others = "Övriga deltagande\tMaja Malmsten, nämndsekreterare\n"
    text = PROTOCOL.format(**PARTS).replace(others, others + _page_break(2, footer), 1)
    text = text.replace("KS § 113", _page_break(3, footer) + "KS § 113", 1) + (f"\n{footer}\n" if at_end else "")
    assert text.count(footer) == (3 if at_end else 2)
    meeting, _ = read_text(text)
    shown = [
        *(a.name for a in meeting.attendees),
        *(f"{e.label} {e.text}" for e in meeting.extras),
        *(t for i in meeting.items for t in (i.decision, *(s.text for s in i.sections))),
    ]
    first_word = footer.split()[0]
    assert not [t for t in shown if first_word in t]
    assert [a.name for a in meeting.attendees][-1] == "Maja Malmsten"


HEADER_ANNEX = """
**Närvaro- och voteringslista**

| Beslutande | Närvaro | | § 113 | |
|---|---|---|---|---|
| Ordinarie ledamöter | Tjg | Ej tjg | JA | NEJ |
| Greta Grönlund (S) | X | | X | |
| Hugo Hellström (M) | X | | | X |
| Ingrid Ivarsson (C) | | | | |

| Ersättare | Närvaro | | § 113 | |
|---|---|---|---|---|
| | Tjg | Ej tjg | JA | NEJ |
| Jonas Jernberg (S) | X | | X | |
| Lennart Lindvall (M) | | X | | |

"""


def test_a_närvaro_och_voteringslista_among_the_header_pages() -> None:
    members = "Beslutande\tGreta Grönlund (S), ordförande, Hugo Hellström (M), Ingrid Ivarsson (C)\n"
    after = "Övriga närvarande\nKarin Kvist, ekonom\n\n"  # header rows again after the list
    text = PROTOCOL.format(**PARTS).replace(members, "").replace("KS § 112", HEADER_ANNEX + after + "KS § 112", 1)
    meeting, _ = read_text(text)
    present = [(a.name, a.group.value, a.role) for a in meeting.attendees if a.group.value != "övriga"]
    assert present == [
        ("Greta Grönlund", "beslutande", "Ordförande"),  # she signs as ordförande
        ("Hugo Hellström", "beslutande", None),
        ("Jonas Jernberg", "ersättare", "tjänstgörande"),
        ("Lennart Lindvall", "ersättare", None),
    ]
    # The member with no mark (the export dropped the row's empty cells) was not there.
    assert "Ingrid Ivarsson" in [p.name for p in meeting.absentees]
    # One roll call from both tables; the list stays on the page as the protocol's annex.
    [vote] = meeting.items[1].votes
    assert ([n.name for n in vote.yes], [n.name for n in vote.no]) == (
        ["Greta Grönlund", "Jonas Jernberg"],
        ["Hugo Hellström"],
    )
    assert [a.label for a in meeting.annexes] == ["Närvaro- och voteringslista"]
    assert meeting.posting is not None and "Närvaro" not in meeting.posting.statement
    assert ("Karin Kvist", "ekonom") in [(a.name, a.role) for a in meeting.attendees if a.group.value == "övriga"]


CODED_ANNEX = (
    "\n**Närvarolista/omröstningsprotokoll**\n\n"
    "Ledamöter\tNärv (N),Frånv (F)\tParagraf / tid\t§ 113\t\n"
    "\tNärv tj.g. (NT)\t\tJa\tNej\n"
    "Greta Grönlund (S)\tN\t\tJa\n"
    "Hugo Hellström (M)\tN\ttom 112\n"
    "Ingrid Ivarsson (C)\tF\n"
    "\nErsättare\n"
    "Jonas Jernberg (S)\tNT\t\t\tNej\n"
    "Lennart Lindvall (M)\tN\n"
)


def test_a_coded_närvarolista_with_a_group_label_alone() -> None:
    """Codes the heading explains (N, F, NT), marks that are column words themselves ("Ja"),
    "Ersättare" alone over the next rows, "tom 112" in the paragraph column."""
    members = "Beslutande\tGreta Grönlund (S), ordförande, Hugo Hellström (M), Ingrid Ivarsson (C)\n"
    text = PROTOCOL.format(**PARTS).replace(members, "Beslutande\tenligt bifogad närvarolista\n") + CODED_ANNEX
    meeting, _ = read_text(text)
    read = [
        (a.name, a.group.value, a.role, (a.paragraphs.first, a.paragraphs.last) if a.paragraphs else None)
        for a in meeting.attendees
        if a.group.value != "övriga"
    ]
    assert read == [
        ("Greta Grönlund", "beslutande", "Ordförande", None),  # she signs as ordförande
        ("Hugo Hellström", "beslutande", None, (112, 112)),
        ("Jonas Jernberg", "ersättare", "tjänstgörande", None),
        ("Lennart Lindvall", "ersättare", None, None),
    ]
    assert "Ingrid Ivarsson" in [p.name for p in meeting.absentees]
    [vote] = meeting.items[1].votes
    assert ([n.name for n in vote.yes], [n.name for n in vote.no]) == (["Greta Grönlund"], ["Jonas Jernberg"])


def test_those_present_besides_in_a_sentence_and_a_label_that_is_a_role() -> None:
    others = "Övriga deltagande\tMaja Malmsten, nämndsekreterare\n"
    more = (
        "Personalrepresentanten\tBo Sjövall\n"
        "Dessutom närvarade tjänstemännen vid kommunen, ekonomichefen Karin Wessel, planchefen"
        " Anders Törn (§ 112) och juristen Lena Hägg, sekreterare.\n"
    )
    meeting, _ = read_text(PROTOCOL.format(**PARTS).replace(others, others + more, 1))
    read = [
        (a.name, a.role, (a.paragraphs.first, a.paragraphs.last) if a.paragraphs else None)
        for a in meeting.attendees
        if a.group.value == "övriga"
    ]
    assert read == [
        ("Maja Malmsten", "nämndsekreterare", None),
        ("Bo Sjövall", "personalrepresentanten", None),
        ("Karin Wessel", "ekonomichefen", None),
        ("Anders Törn", "planchefen", (112, 112)),
        ("Lena Hägg", "juristen, sekreterare", None),
    ]
    # The sentence is also kept as written.
    assert [e.label for e in meeting.extras] == [more.splitlines()[1]]


@pytest.mark.parametrize(
    "note",
    [
        "Hugo Hellström (M) antecknar till protokollet att han vill se en uppföljning.",
        "Hugo Hellström önskade få antecknat till protokollet att han vill se en uppföljning.",
        "Hugo Hellström (M) låter anteckna att han vill se en uppföljning.",
    ],
)
def test_a_protokollsanteckning_said_in_the_running_text(note: str) -> None:
    meeting, _ = read(decision=f"{PARTS['decision']}\n\n{note}")
    assert meeting.items[1].notes == (note,)
    assert not meeting.items[0].notes


def test_the_cases_earlier_paragraphs_in_the_margin_stay_text() -> None:
    """ "<TAB>KS 58", "<TAB>Au 71" above a title: references to the case's earlier handling. A
    reference of the body's own (its number varies from § to § like a page number's) is no
    page furniture, and a lone one is no title."""
    signatures = PARTS["signatures"].replace("Paragrafer 112-113", "Paragrafer 112-115")
    extra = "".join(
        f"\nKS § {n}\n\tKS {n - 50}\n\tAu {n - 40}\n\tDnr KS 2018/{n}\n\n**Ärende nummer {n}**\n\n"
        "Kommunstyrelsen beslutar att lägga ärendet till handlingarna.\n"
        for n in (114, 115)
    )
    history = "\tKS 63\n\tAu 73\n\tDnr KS 2018/52\n\n"
    text = (
        PROTOCOL.format(**{**PARTS, "signatures": signatures}).replace(
            "KS § 113\n\n**Delegationsbeslut**", f"KS § 113\n{history}**Delegationsbeslut**"
        )
        + extra
    )
    meeting, _ = read_text(text)
    assert [i.title for i in meeting.items[1:]] == ["Delegationsbeslut", "Ärende nummer 114", "Ärende nummer 115"]
    for item, (own, committee) in zip(meeting.items[1:], [(63, 73), (64, 74), (65, 75)], strict=True):
        shown = " ".join(s.text for s in item.sections)
        assert f"KS {own}" in shown and f"Au {committee}" in shown


def test_header_signatures_one_cell_per_line() -> None:
    """ "Sekreterare", the line drawn to sign on, the name, each on its own line (an export that
    wrote the signature table's cells one under the other)."""
    meeting, _ = read(
        signatures=(
            "Underskrifter\nSekreterare\n……………………………\nMaja Malmsten\nParagrafer 112-113\n"
            "Ordförande\n……………………………\nGreta Grönlund\n"
            "Justerare\n……………………………\nHugo Hellström"
        )
    )
    assert meeting.adjustment is not None
    assert [(s.role, s.name) for s in meeting.adjustment.signatories] == [
        ("Sekreterare", "Maja Malmsten"),
        ("Ordförande", "Greta Grönlund"),
        ("Justerare", "Hugo Hellström"),
    ]
    assert [a.name for a in meeting.adjustment.adjusters] == ["Hugo Hellström"]
    assert (meeting.adjustment.signed.first, meeting.adjustment.signed.last) == (112, 113)  # type: ignore[union-attr]
    assert not meeting.extras


SERVING_ANNEX = (
    "\n**Närvarolista**\n\n"
    "Ledamöter\tNärvarande\tTjänstgör för\n"
    "Greta Grönlund (S)\tX\nHugo Hellström (M)\tX, på distans\nIngrid Ivarsson (C)\tFrånvarande\n"
    "\nErsättare\tNärvarande\tTjänstgör för\n"
    "Jonas Jernberg (S)\tX\tIngrid Ivarsson (C)\nLennart Lindvall (M)\tFrånvarande\n"
)


def test_a_närvarolista_that_writes_absence_and_whom_a_substitute_serves_for() -> None:
    members = "Beslutande\tGreta Grönlund (S), ordförande, Hugo Hellström (M), Ingrid Ivarsson (C)\n"
    text = PROTOCOL.format(**PARTS).replace(members, "Beslutande\tenligt bifogad närvarolista\n") + SERVING_ANNEX
    meeting, _ = read_text(text)
    read = [(a.name, a.group.value, a.role, a.serving_for) for a in meeting.attendees if a.group.value != "övriga"]
    assert read == [
        ("Greta Grönlund", "beslutande", "Ordförande", None),  # she signs as ordförande
        ("Hugo Hellström", "beslutande", None, None),
        ("Jonas Jernberg", "ersättare", "tjänstgörande", "Ingrid Ivarsson"),
    ]
    assert {"Ingrid Ivarsson", "Lennart Lindvall"} <= {p.name for p in meeting.absentees}


def test_two_cases_with_one_title_holding_the_meetings_date() -> None:
    """A title repeated with the meeting's date in it looks like a running header; under a
    paragraph start it is the title."""
    title = "**Delårsrapport per 2018-09-04**"
    text = (
        PROTOCOL.format(**PARTS).replace("**Bredband på landsbygden**", title).replace("**Delegationsbeslut**", title)
    )
    assert text.count(title) == 2
    meeting, _ = read_text(text)
    assert [i.title for i in meeting.items] == ["Delårsrapport per 2018-09-04"] * 2


def test_a_label_at_a_rows_end_with_its_value_in_the_row_below() -> None:
    """ "Plats och tid<TAB>…<TAB>Paragrafer" over "Beslutande<TAB>…<TAB>112-113": a header
    table whose right column holds the justerade paragrafer, label above value."""
    members = "Beslutande\tGreta Grönlund (S), ordförande, Hugo Hellström (M), Ingrid Ivarsson (C)\n"
    meeting, _ = read_text(
        PROTOCOL.format(
            **{
                **PARTS,
                "place_and_time": PARTS["place_and_time"] + "\tParagrafer",
                "signatures": PARTS["signatures"].replace("\tParagrafer 112-113", ""),
            }
        ).replace(members, members.rstrip("\n") + "\t112-113\n")
    )
    assert meeting.adjustment is not None and meeting.adjustment.signed is not None
    assert (meeting.adjustment.signed.first, meeting.adjustment.signed.last) == (112, 113)
    assert [a.name for a in meeting.attendees if a.group.value == "beslutande"] == [
        "Greta Grönlund",
        "Hugo Hellström",
        "Ingrid Ivarsson",
    ]
    assert meeting.place == "Kommunhuset, Sessionssalen"


MEMBERS_ROW = "Beslutande\tGreta Grönlund (S), ordförande, Hugo Hellström (M), Ingrid Ivarsson (C)\n"


def test_attendance_groups_side_by_side_in_columns() -> None:
    """ "Beslutande:<TAB><TAB>Ersättare:" over rows of names: each name is in its column's group."""
    columns = (
        "Beslutande:\t\tErsättare:\n\nGreta Grönlund, ordförande\n\n"
        "Hugo Hellström\t\tJonas Jernberg\tLennart Lindvall\n\nIngrid Ivarsson\n"
    )
    meeting, _ = read_text(PROTOCOL.format(**PARTS).replace(MEMBERS_ROW, columns))
    groups = [(a.name, a.group.value) for a in meeting.attendees if a.group.value != "övriga"]
    assert groups == [
        ("Greta Grönlund", "beslutande"),
        ("Hugo Hellström", "beslutande"),
        ("Jonas Jernberg", "ersättare"),
        ("Lennart Lindvall", "ersättare"),
        ("Ingrid Ivarsson", "beslutande"),
    ]


def test_an_abbreviated_label_with_a_comma_names_its_group() -> None:
    """ "Närvarande, ej tjg ers:" is the ersättare's label, not the beslutande's "Närvarande"."""
    text = PROTOCOL.format(**PARTS).replace(MEMBERS_ROW, MEMBERS_ROW + "Närvarande, ej tjg ers:\tJonas Jernberg\n")
    meeting, _ = read_text(text)
    assert [(a.name, a.group.value) for a in meeting.attendees if a.name == "Jonas Jernberg"] == [
        ("Jonas Jernberg", "ersättare")
    ]


def test_capitals_after_a_name_without_a_comma_are_its_role() -> None:
    """ "Maja Malmsten Samordnare IPS": no person called "Samordnare IPS", a role."""
    text = PROTOCOL.format(**PARTS).replace("Maja Malmsten, nämndsekreterare", "Maja Malmsten Samordnare IPS")
    meeting, _ = read_text(text)
    others = [(a.name, a.role) for a in meeting.attendees if a.group.value == "övriga"]
    assert others == [("Maja Malmsten", "Samordnare IPS")]


def test_a_longer_label_that_starts_with_a_known_one_and_the_organisation_as_organ() -> None:
    """ "Organ och §§:" with "Kommunalförbundet Exempelnäs" below: the organisation's name as
    the anslag's organ is no contradiction (a warning at most), and the label is no value."""
    text = PROTOCOL.format(**PARTS).replace("Instans\tKommunstyrelsen", "Organ och §§:\n\nKommunalförbundet Exempelnäs")
    read_text(text)  # no error


def test_a_series_after_the_number_in_a_dnr() -> None:
    """ "Dnr 2012/41-KS": the diarium's series written after the number."""
    meeting, _ = read_text(PROTOCOL.format(**PARTS).replace("KS § 112\tKS/2018:311", "KS § 112\tDnr 2018/311-KS"))
    assert [str(d) for d in meeting.items[0].dnr] == ["KS 2018/311"]


NUMBERED = """**Kommunstyrelsen**

Plats och tid\tKommunhuset kl. 13.00-15.00
Beslutande\tGreta Grönlund (S), ordförande, Hugo Hellström (M)

**Innehållsförteckning**

Val av justerare 2

Bredband på landsbygden 3

### 1. Val av justerare.

Kommunstyrelsen beslutar att utse Hugo Hellström att justera protokollet.

### 2. Bredband på landsbygden

Kommunstyrelsen beslutar att anta riktlinjerna för bredband.
"""


def test_numbered_paragraphs_as_headings_after_a_contents_list_of_titles_and_pages() -> None:
    """ "### 1. Val av justerare." starts a paragraph; "Val av justerare 2" above, a title and its
    page without leaders, is the contents list, not a person under "Beslutande"."""
    meeting, _ = read_text(NUMBERED)
    assert [(i.number, i.title.rstrip(".")) for i in meeting.items] == [
        (1, "Val av justerare"),
        (2, "Bredband på landsbygden"),
    ]
    assert [a.name for a in meeting.attendees] == ["Greta Grönlund", "Hugo Hellström"]


def test_a_närvarolista_headed_by_a_municipality_and_ended_by_a_heading() -> None:
    """ "Exempelnäs kommun | Närvarande | Frånvarande": whatever heads the first column, it holds
    the persons; "### Digitala signaturer" after the table ends it, its names are no rows."""
    annex = (
        "\n### Närvarolista\n\n"
        "| Exempelnäs kommun | Närvarande | Frånvarande | Anmärkning |\n|---|---|---|---|\n"
        "| Greta Grönlund (S) | X | | |\n| Hugo Hellström (M) | X | | |\n| Ingrid Ivarsson (C) | | X | |\n"
        "| **Ersättare** | | | |\n| Jonas Jernberg (S) | X | | Tjänstgör för Ingrid Ivarsson (C) |\n"
        "\n### Digitala signaturer\n\nGreta Grönlund\n\nOrdförande\n"
    )
    text = PROTOCOL.format(**PARTS).replace(MEMBERS_ROW, "Beslutande\tenligt bifogad närvarolista\n") + annex
    meeting, _ = read_text(text)
    read = [(a.name, a.group.value, a.serving_for) for a in meeting.attendees if a.group.value != "övriga"]
    assert read == [
        ("Greta Grönlund", "beslutande", None),
        ("Hugo Hellström", "beslutande", None),
        ("Jonas Jernberg", "ersättare", "Ingrid Ivarsson"),
    ]
    assert {p.name for p in meeting.absentees} == {"Ingrid Ivarsson"}


def test_rows_of_name_and_role_under_a_label_of_its_own_line_then_a_line_to_sign_on() -> None:
    """ "**Övriga**" over "Maja Malmsten<TAB>Enhetschef Miljöskydd" rows: each row one person with
    her role (a cell that opens with a title is no person); the name under a drawn line signs,
    it is not one more of those present."""
    others = (
        "**Övriga**\nMaja Malmsten\tNämndsekreterare\nNils Norrby\tEnhetschef Miljöskydd\n"
        "Karin Kvist\tMiljöinspektör\n\n______________________________\nDavid Dahlin, ordförande\n"
    )
    text = PROTOCOL.format(**PARTS).replace("Övriga deltagande\tMaja Malmsten, nämndsekreterare\n", others)
    meeting, _ = read_text(text)
    read = [(a.name, a.role) for a in meeting.attendees if a.group.value == "övriga"]
    assert read == [
        ("Maja Malmsten", "Nämndsekreterare"),
        ("Nils Norrby", "Enhetschef Miljöskydd"),
        ("Karin Kvist", "Miljöinspektör"),
    ]


def test_a_title_with_a_period_of_years_is_no_dnr() -> None:
    """ "§ 113 Underhållsplan 2019-2021": the title, not a dnr "UNDERHÅLLSPLAN 2019/2021"."""
    title = "**KS § 113 Underhållsplan 2019-2021**"
    text = PROTOCOL.format(**PARTS).replace("KS § 113\n\n**Delegationsbeslut**", title)
    meeting, _ = read_text(text)
    assert (meeting.items[1].title, meeting.items[1].dnr) == ("Underhållsplan 2019-2021", ())


def test_a_footer_of_cells_on_both_pages_of_a_short_protocol_is_furniture() -> None:
    """An address footer beside the page number, printed twice (two pages), is the page's."""
    footer = "Exempelnäs kommun\tStorgatan 1, 123 45 Exempelnäs\tTelefon 0123-45 67 00"
    text = PROTOCOL.format(**PARTS).replace("KS § 113\n", f"{footer}\n\n\t\tSida 1 (2)\n\nKS § 113\n")
    meeting, _ = read_text(f"{text}\n{footer}\n\n\t\tSida 2 (2)\n")
    assert "Telefon" not in repr(meeting)


def test_a_justered_protocol_without_a_range_is_signed_in_full() -> None:
    """Signatures and no "Paragrafer" range: the justering covers every paragraph of the protocol."""
    meeting, _ = read(signatures=PARTS["signatures"].replace("\tParagrafer 112-113", ""))
    assert meeting.adjustment is not None and meeting.adjustment.signed == ParagraphRange(112, 113)


def test_signatures_as_name_and_role_lines_and_one_standing_in_for_the_justerare() -> None:
    """ "Greta Grönlund (S), ordförande" under a drawn line signs; "…, ersätter Hugo Hellström (M)
    som justerare" signs in the chosen justerare's place, and is the one who justered."""
    signatures = (
        "\n______________________________\nMaja Malmsten, sekreterare\n\n"
        "______________________________\nGreta Grönlund (S), ordförande\n\n"
        "______________________________\nIngrid Ivarsson (C), ersätter Hugo Hellström (M) som justerare\n"
    )
    meeting, _ = read(signatures=signatures)
    assert meeting.adjustment is not None
    assert [(s.name, s.role) for s in meeting.adjustment.signatories] == [
        ("Maja Malmsten", "sekreterare"),
        ("Greta Grönlund (S)", "ordförande"),
        ("Ingrid Ivarsson (C)", "ersätter Hugo Hellström (M) som justerare"),
    ]
    assert [a.name for a in meeting.adjustment.adjusters] == ["Ingrid Ivarsson (C)"]
    assert not any("____" in e.label for e in meeting.extras)


_POSTING_BLOCK = re.compile(r"\{posting_heading\}.*?Förvaringsplats för protokollet\tKommunkansliet\n", re.DOTALL)


def test_an_anslag_said_in_a_header_line_with_a_date_without_its_year() -> None:
    """No ANSLAG/BEVIS block, a line that says when the justering was posted, without the year:
    the posting date is that day nearest the meeting; no day it was taken down is invented."""
    line = "Justeringen tillkännagiven på kommunens anslagstavla den 11 september"
    meeting, _ = read_text(_POSTING_BLOCK.sub(line + "\n", PROTOCOL).format(**PARTS))
    assert meeting.posting is not None
    assert (meeting.posting.posted, meeting.posting.taken_down) == (date(2018, 9, 11), None)
    assert meeting.posting.statement == line
    assert not any(line in e.label or line in e.text for e in meeting.extras)


def test_an_anslag_with_only_the_day_it_went_up() -> None:
    """ "Datum för anslags uppsättande<TAB>2018-09-11" and no day it is taken down: published so."""
    written = "\t2018-09-11\t{taken_down}\t2018-10-03".format(**PARTS)
    meeting, _ = read_text(PROTOCOL.format(**PARTS).replace(written, "\t2018-09-11"))
    assert meeting.posting is not None
    assert (meeting.posting.posted, meeting.posting.taken_down) == (date(2018, 9, 11), None)
    assert meeting.posting.until == meeting.posting.appeal_deadline


def test_a_date_without_a_year_is_the_one_nearest_the_meeting() -> None:
    """ "den 3 januari" after a meeting on 20 December is next year's; the place loses the
    meeting's day written without a year ("tisdag den 4 september")."""
    organisation = _organisation()
    body = organisation.body("kommunstyrelsen")
    assert body is not None
    vocabulary = MarkdownReader(organisation, body, "x.md", Problems()).ctx.vocabulary
    assert _dates_in("den 3 januari", vocabulary, date(2018, 12, 20)) == ["2019-01-03"]
    assert _dates_in("den 3 januari", vocabulary) == []
    meeting, _ = read(place_and_time="Kommunhuset, tisdag den 4 september kl. 13.00-16.10")
    assert (meeting.place, meeting.start) == ("Kommunhuset", time(13))


@pytest.mark.parametrize(
    "answers",
    [
        # "Ja<TAB>names" rows, and "Ja: names" lines one after the other (one paragraph).
        "Ja\tGreta Grönlund (S), Hugo Hellström (M)\nNej\tIngrid Ivarsson (C)\n",
        "Ja: Greta Grönlund (S), Hugo Hellström (M)\nNej: Ingrid Ivarsson (C)\n",
    ],
    ids=["rows", "lines-with-colons"],
)
def test_a_vote_written_as_an_answer_and_its_names(answers: str) -> None:
    decision = (
        "Kommunstyrelsen beslutar att lägga redovisningen till handlingarna.\n\nOmröstning\n"
        f"Ja-röst för förslaget, nej-röst för avslag.\n\n{answers}\n"
        "Med 2 ja-röster mot 1 nej-röst bifaller kommunstyrelsen förslaget.\n"
    )
    meeting, _ = read(decision=decision)
    [vote] = meeting.items[1].votes
    assert [p.name for p in vote.yes] == ["Greta Grönlund", "Hugo Hellström"]
    assert [p.name for p in vote.no] == ["Ingrid Ivarsson"]
    assert vote.result.startswith("Med 2 ja-röster")


def test_a_protokollsanteckning_said_in_a_sentence() -> None:
    note = "Ingrid Ivarsson (C) lämnar en protokollsanteckning om att bredbandet ska prioriteras."
    meeting, _ = read(decision=f"{PARTS['decision']}\n\n{note}\n")
    assert meeting.items[1].notes == (note,)


def test_the_one_who_signs_as_ordförande_chaired_when_no_one_present_is_written_so() -> None:
    text = PROTOCOL.format(**PARTS).replace("Greta Grönlund (S), ordförande, ", "Greta Grönlund (S), ")
    meeting, _ = read_text(text)
    assert [(a.name, a.role) for a in meeting.attendees if a.name == "Greta Grönlund"] == [
        ("Greta Grönlund", "Ordförande")
    ]


def test_a_vote_column_headed_by_its_paragraph_and_names_listed_present_after_the_table() -> None:
    """ "Ks § 113 Ja" heads the roll call's Ja column; under "Närvarande ej tjänstgörande
    ersättare", a name alone on its row is present, not a member without marks."""
    annex = (
        "\nBilaga 1 till kommunstyrelsens protokoll 2018-09-04\n\n**Närvaro- och voteringslista**\n\n"
        "Ledamöter\tNärv\tTjänstgörande ersättare\tKs § 113 Ja\tNej\tAvstår\n"
        "Greta Grönlund (S), ordförande\tX\t\tX\t\t\n"
        "Hugo Hellström (M)\tX\t\t\tX\t\n"
        "Ingrid Ivarsson (C)\t\tJonas Jernberg (S)\tX\t\t\n\n"
        "Närvarande ej tjänstgörande ersättare\n\nKarin Kvist (V)\nNils Norrby (L)\n"
    )
    text = PROTOCOL.format(**PARTS).replace(MEMBERS_ROW, "Beslutande\tenligt bifogad närvarolista\n") + annex
    meeting, _ = read_text(text)
    [vote] = meeting.items[1].votes
    assert [p.name for p in vote.yes] == ["Greta Grönlund", "Jonas Jernberg"]
    assert [p.name for p in vote.no] == ["Hugo Hellström"]
    substitutes = [(a.name, a.serving_for) for a in meeting.attendees if a.group.value == "ersättare"]
    assert substitutes == [("Jonas Jernberg", "Ingrid Ivarsson"), ("Karin Kvist", None), ("Nils Norrby", None)]


def test_a_prefix_abbreviates_any_word_of_the_bodys_name() -> None:
    """ "ÖFN 38" in "Gemensamma överförmyndarnämnden": the prefix need not abbreviate the first word."""
    assert abbreviates("ÖFN", "Gemensamma överförmyndarnämnden")
    assert abbreviates("KS", "Kommunstyrelsen")
    assert not abbreviates("Sida", "Gemensamma överförmyndarnämnden")


def test_a_member_municipality_written_without_kommun_after_the_party() -> None:
    """ "Hugo Hellström (M), Gåseby, ersättare för …": the municipality, not a role or a person."""
    members = "Beslutande\tGreta Grönlund (S), Ankeborg, ordförande\n\tHugo Hellström (M), Gåseby\n"
    meeting, _ = read_text(PROTOCOL.format(**PARTS).replace(MEMBERS_ROW, members))
    read = [(a.name, a.municipality, a.role) for a in meeting.attendees if a.group.value == "beslutande"]
    assert read == [("Greta Grönlund", "Ankeborg", "ordförande"), ("Hugo Hellström", "Gåseby", None)]


def test_a_plain_heading_of_the_bodys_proposal_to_another_longer_than_a_line_of_eighty() -> None:
    heading = "Kommunstyrelsens förslag till kommunfullmäktige i Ankeborgs, Gåseby och Knasbyns kommuner"
    assert len(heading) > 80
    meeting, _ = read(decision=f"{heading}\nBudgeten fastställs till 2 950 000 kronor.")
    assert meeting.items[1].decision.startswith("Budgeten fastställs")


ASSEMBLY = """**PROTOKOLL**

Tid:\tTorsdagen den 4 september 2018 kl. 16.00–16.35
Plats:\tKommunhuset

Vidare närvarande:\tGreta Grönlund, styrelsens ordförande
\tMaja Malmsten, revisor, Revisionsbyrån Ek & Partner AB

**1 ÖPPNANDE AV STÄMMAN**

Greta Grönlund öppnade stämman.

**2 VAL AV JUSTERARE**

Att jämte ordföranden justera protokollet utsågs Hugo Hellström.
"""


def test_items_numbered_in_bold_headings_without_a_period_and_a_company_after_a_role() -> None:
    """ "**1 ÖPPNANDE AV STÄMMAN**": a numbered heading is a paragraph's start; "Revisionsbyrån
    Ek & Partner AB" after the role is the firm she works for, no person."""
    meeting, _ = read_text(ASSEMBLY)
    assert [(i.number, i.title) for i in meeting.items] == [(1, "ÖPPNANDE AV STÄMMAN"), (2, "VAL AV JUSTERARE")]
    others = [(a.name, a.role) for a in meeting.attendees]
    assert others == [
        ("Greta Grönlund", "styrelsens ordförande"),
        ("Maja Malmsten", "revisor, Revisionsbyrån Ek & Partner AB"),
    ]


def test_a_label_split_over_two_lines_with_its_value_after_a_space() -> None:
    """ "Justeringens" above "plats och tid Kommunhuset 2018-09-10" (no tabs): the justering's
    place and time, not the meeting's."""
    text = PROTOCOL.format(**PARTS).replace(
        "Justeringens plats och tid\tKommunhuset 2018-09-10", "Justeringens\nplats och tid Kommunhuset 2018-09-10"
    )
    meeting, _ = read_text(text)
    assert meeting.adjustment is not None and meeting.adjustment.place_and_time == "Kommunhuset 2018-09-10"
    assert meeting.place == "Kommunhuset, Sessionssalen"


def test_a_sentence_after_the_time_is_kept_beside_the_place() -> None:
    said = "Ledamöter markerade med * deltar på distans."
    meeting, _ = read(place_and_time=f"Kommunhuset, kl. 13.00–16.10. {said}")
    assert (meeting.place, meeting.end) == ("Kommunhuset", time(16, 10))
    assert any(e.text == said for e in meeting.extras)


def test_the_meetings_date_after_den_leaves_the_place() -> None:
    meeting, _ = read(place_and_time="Kommunhuset den 4 september 2018 kl 13.00-16.10")
    assert meeting.place == "Kommunhuset"


def test_roles_with_a_slash_or_a_mark_and_a_union_after_a_name() -> None:
    """ "administratör/nämndsekreterare", "1:e vice ordförande*" are roles; "Brandmännens
    Riksförbund" after a comma is the organisation a person represents, no person."""
    others = (
        "Övriga deltagande\tMaja Malmsten, administratör/nämndsekreterare\n\tNils Norrby, Brandmännens Riksförbund\n"
    )
    text = PROTOCOL.format(**PARTS).replace("Övriga deltagande\tMaja Malmsten, nämndsekreterare\n", others)
    text = text.replace("Hugo Hellström (M), Ingrid", "Hugo Hellström (M), 1:e vice ordförande*, Ingrid")
    meeting, _ = read_text(text)
    roles = {a.name: a.role for a in meeting.attendees}
    assert roles["Maja Malmsten"] == "administratör/nämndsekreterare"
    assert roles["Nils Norrby"] == "Brandmännens Riksförbund"
    assert roles["Hugo Hellström"] == "1:e vice ordförande*"


def test_a_dnr_with_its_prefix_after_the_titles_last_comma() -> None:
    text = PROTOCOL.format(**PARTS).replace(
        "KS § 113\n\n**Delegationsbeslut**", "KS § 113\n\nDelegationsbeslut, KS 2018/77"
    )
    meeting, _ = read_text(text)
    assert (meeting.items[1].title, [str(d) for d in meeting.items[1].dnr]) == ("Delegationsbeslut", ["KS 2018/77"])


def test_a_participant_list_with_notes_and_no_marks_lists_those_present() -> None:
    """ "| Beslutande | Notering |": a row with its note empty still a person present, as are
    the rows under "**Ersättare**"."""
    table = (
        "Beslutande\tSe deltagarlista.\n\n**Deltagarlista**\n\n| Beslutande | Notering |\n|---|---|\n"
        "| Greta Grönlund (S) | Ordförande |\n| Hugo Hellström (M) | |\n| **Ersättare** | |\n"
        "| Jonas Jernberg (S) | |\n\n"
    )
    meeting, _ = read_text(PROTOCOL.format(**PARTS).replace(MEMBERS_ROW, table))
    read = [(a.name, a.group.value) for a in meeting.attendees if a.group.value != "övriga"]
    assert read == [("Greta Grönlund", "beslutande"), ("Hugo Hellström", "beslutande"), ("Jonas Jernberg", "ersättare")]


def test_the_justerares_substitute_named_in_the_same_value_is_no_justerare() -> None:
    meeting, _ = read(adjusters="Utses att justera\tHugo Hellström (M) med Ingrid Ivarsson (C) som ersättare.\n")
    assert meeting.adjustment is not None
    assert [a.name for a in meeting.adjustment.adjusters] == ["Hugo Hellström"]
    assert any("Ingrid Ivarsson" in e.text for e in meeting.extras)


def test_a_page_number_as_a_fraction_in_the_running_header() -> None:
    header = "**Kommunstyrelsen**\t**PROTOKOLL**\t2/9"
    text = PROTOCOL.format(**PARTS).replace("KS § 113\n", f"{header}\n\nKS § 113\n")
    meeting, _ = read_text(text)
    assert "2/9" not in repr(meeting)


def test_a_label_that_says_for_which_paragraph_the_persons_below_took_part() -> None:
    others = "Personalföreträdare deltar under punkt 113\n\tNils Norrby, Kommunal\n"
    text = PROTOCOL.format(**PARTS).replace("Övriga deltagande\tMaja Malmsten, nämndsekreterare\n", others)
    meeting, _ = read_text(text)
    [nils] = [a for a in meeting.attendees if a.name == "Nils Norrby"]
    assert (nils.group.value, nils.paragraphs) == ("övriga", ParagraphRange(113, 113))


def test_an_ersättare_listed_among_the_members_with_ej_tjänstgörande_beside_the_name() -> None:
    members = "Beslutande\tGreta Grönlund (S), ordförande\n\tJonas Jernberg (S)\tej tjänstgörande ersättare\n"
    meeting, _ = read_text(PROTOCOL.format(**PARTS).replace(MEMBERS_ROW, members))
    assert [(a.name, a.group.value) for a in meeting.attendees if a.group.value != "övriga"] == [
        ("Greta Grönlund", "beslutande"),
        ("Jonas Jernberg", "ersättare"),
    ]


def test_a_numbered_list_that_decides_in_the_passive_is_the_decision_from_its_first_item() -> None:
    decision = "1. Ärende 4 utgår och behandlas vid nästa sammanträde.\n\n2. Ärendelistan fastställs i övrigt."
    meeting, _ = read(decision=decision)
    assert meeting.items[1].decision.startswith("1. Ärende 4 utgår")


def test_labels_run_together_on_one_line_of_the_header() -> None:
    """ "Plats och tid: … Utses att justera: Hugo Hellström": each label opens a field."""
    text = PROTOCOL.format(**PARTS).replace(
        "Plats och tid\tKommunhuset, Sessionssalen, kl. 13.00-16.10\n",
        "Plats och tid: Kommunhuset, Sessionssalen, kl. 13.00-16.10 Utses att justera: Hugo Hellström\n",
    )
    meeting, _ = read_text(text.replace("Utses att justera\tHugo Hellström\n", ""))
    assert (meeting.place, meeting.end) == ("Kommunhuset, Sessionssalen", time(16, 10))
    assert meeting.adjustment is not None and [a.name for a in meeting.adjustment.adjusters] == ["Hugo Hellström"]


def test_a_letterhead_slogan_and_a_footer_with_the_address_each_printed_once_are_furniture() -> None:
    """ "EXEMPELNÄS – NÄRA DIG" in capitals above the title, and "Kommunalförbundet Exempelnäs<TAB>
    Storgatan 1, 123 45 Exempelnäs<TAB>www…" once at the end: the letterhead's, not the protocol's."""
    footer = "Kommunalförbundet Exempelnäs\tStorgatan 1, 123 45 Exempelnäs\twww.exempelnas.invalid"
    meeting, _ = read_text(f"EXEMPELNÄS NÄRA DIG ALLTID\n\n{PROTOCOL.format(**PARTS)}\n{footer}\n")
    assert "NÄRA DIG" not in repr(meeting)
    assert "www." not in repr(meeting)


def test_a_secretary_row_among_the_attendance_without_a_line_to_sign_on_is_present() -> None:
    text = PROTOCOL.format(**PARTS).replace(
        "Övriga deltagande\tMaja Malmsten, nämndsekreterare\n", "Sekreterare\tMaja Malmsten\n"
    )
    meeting, _ = read_text(text)
    assert [(a.name, a.group.value, a.role) for a in meeting.attendees if a.name == "Maja Malmsten"] == [
        ("Maja Malmsten", "övriga", "Sekreterare")
    ]


def test_a_särskilt_uttalande_is_a_protokollsanteckning() -> None:
    note = "Under överläggning gjorde ledamoten Ingrid Ivarsson följande särskilda uttalande:"
    meeting, _ = read(decision=f"{PARTS['decision']}\n\n{note}\n\nBredbandet ska byggas ut först i byarna.\n")
    assert [n.startswith("Under överläggning") for n in meeting.items[1].notes] == [True]


def test_an_officials_title_before_the_name_under_the_ersättare_makes_one_of_the_others() -> None:
    members = MEMBERS_ROW + "Ersättare\tJonas Jernberg (S)\n\tVerkställande direktören Nils Norrby\n"
    meeting, _ = read_text(PROTOCOL.format(**PARTS).replace(MEMBERS_ROW, members))
    [nils] = [a for a in meeting.attendees if a.name == "Nils Norrby"]
    assert (nils.group.value, nils.role) == ("övriga", "Verkställande direktören")


def test_a_motion_that_ends_in_its_att_clauses() -> None:
    """ "… yrkade att kommunstyrelsen beslutar" and "att avslå förslaget" below: one yrkande."""
    motion = "Under överläggning yrkade Ingrid Ivarsson att kommunstyrelsen beslutar\n\natt avslå förslaget"
    meeting, _ = read(decision=f"{motion}\n\n{PARTS['decision']}\n")
    assert any(m.endswith("att avslå förslaget") for m in meeting.items[1].motions)


def test_those_present_said_in_a_sentence_with_samt_a_workplace_and_a_name_of_three_words() -> None:
    sentence = (
        "Dessutom närvarade tjänstemännen vid Exempelnäs Karin Kvist och Nils Norrby samt ekonomichefen"
        " Anna Maria Berglund."
    )
    text = PROTOCOL.format(**PARTS).replace("Övriga deltagande\tMaja Malmsten, nämndsekreterare\n", sentence + "\n")
    meeting, _ = read_text(text)
    others = [(a.name, a.role) for a in meeting.attendees if a.group.value == "övriga"]
    assert [name for name, _ in others] == ["Karin Kvist", "Nils Norrby", "Anna Maria Berglund"]
    assert others[2][1] == "ekonomichefen"


def test_a_full_stop_for_the_comma_between_a_name_and_its_role() -> None:
    text = PROTOCOL.format(**PARTS).replace("Maja Malmsten, nämndsekreterare", "Maja Malmsten. nämndsekreterare 113")
    meeting, _ = read_text(text)
    [maja] = [a for a in meeting.attendees if a.name == "Maja Malmsten"]
    assert (maja.role, maja.paragraphs) == ("nämndsekreterare", ParagraphRange(113, 113))


def test_a_time_wrapped_after_its_kl_and_the_documents_code_above_the_header() -> None:
    """ "KS180904" (the body's abbreviation and the date) is the document's code, no header row;
    "…, Sessionssalen, kl" above "13.00-16.10" is one place and time."""
    text = "KS180904\n" + PROTOCOL.format(**PARTS).replace(
        "Kommunhuset, Sessionssalen, kl. 13.00-16.10", "Kommunhuset, Sessionssalen, kl\n13.00-16.10"
    )
    meeting, _ = read_text(text)
    assert (meeting.place, meeting.start, meeting.end) == ("Kommunhuset, Sessionssalen", time(13), time(16, 10))
    assert "KS180904" not in repr(meeting)


def test_an_anslag_whose_day_up_is_said_in_a_sentence_and_day_down_in_a_field() -> None:
    """ "Anslaget har satts upp 2018-09-11" (no label the vocabulary knows) beside a known
    "Datum för anslags nedtagande": read, not a crash."""
    written = "{posted}\t2018-09-11\t{taken_down}\t2018-10-03".format(**PARTS)
    text = PROTOCOL.format(**PARTS).replace(
        written, "Anslaget har satts upp 2018-09-11.\n{taken_down}\t2018-10-03".format(**PARTS)
    )
    meeting, _ = read_text(text)
    assert meeting.posting is not None and meeting.posting.posted == date(2018, 9, 11)


def test_an_anslag_sentence_after_its_date_and_a_label_that_goes_on_before_its_date() -> None:
    """ "Protokollet anslås senast två dagar efter justering" is said, not a date that replaces
    "Anslagsdatum 2018-09-11"; "Anslaget tas ner efter<TAB>2018-10-03" is a label and its date."""
    written = "{posted}\t2018-09-11\t{taken_down}\t2018-10-03".format(**PARTS)
    text = PROTOCOL.format(**PARTS).replace(
        written,
        "Anslagsdatum\t2018-09-11\nAnslaget tas ner efter\t2018-10-03\n\n"
        "Protokollet anslås senast två dagar efter justering\n",
    )
    meeting, _ = read_text(text)
    assert meeting.posting is not None
    assert (meeting.posting.posted, meeting.posting.taken_down) == (date(2018, 9, 11), date(2018, 10, 3))
    assert "senast två dagar" in meeting.posting.statement


PARTICIPANTS = """
## Närvarolista

| Namn | Parti | Närvaro | Anteckningar/ Tjänstgörande ersättare |
|---|---|---|---|
| **Ledamöter (3)** | | | |
| Greta Grönlund | S | 1 | Ordförande |
| Hugo Hellström | M | 1 | 1:e vice ordförande |
| Ingrid Ivarsson | C | - | |
| **Ersättare (2)** | | | |
| Jonas Jernberg | S | 1 | Tjänstgör för Ingrid Ivarsson |
| Karin Kvist | V | - | |

"""


def test_a_pipe_table_of_participants_with_counted_groups_marks_1_and_remarks() -> None:
    """Presence marked "1" is no § 1; "**Ledamöter (3)**" heads a group; the remarks column
    (headed "Anteckningar/ Tjänstgörande ersättare") gives roles and whom an ersättare serves for."""
    text = PROTOCOL.format(**PARTS).replace(MEMBERS_ROW, "Beslutande\tEnligt närvarolista\n" + PARTICIPANTS)
    meeting, _ = read_text(text)
    read = [(a.name, a.group.value, a.role, a.serving_for, a.paragraphs) for a in meeting.attendees]
    assert read[:3] == [
        ("Greta Grönlund", "beslutande", "Ordförande", None, None),
        ("Hugo Hellström", "beslutande", "1:e vice ordförande", None, None),
        ("Jonas Jernberg", "ersättare", "Tjänstgör", "Ingrid Ivarsson", None),
    ]
    assert {p.name for p in meeting.absentees} >= {"Ingrid Ivarsson", "Karin Kvist"}


def test_ers_after_a_name_among_the_others_and_after_the_justerare_and_a_sentence_kept() -> None:
    """ "Nils Norrby, ers" under the others is an ersättare; "Hugo Hellström, Ingrid Ivarsson ers"
    to justera names one justerare and her substitute; a sentence among the names is kept as written."""
    others = (
        "Övriga deltagande\tMaja Malmsten, nämndsekreterare\n\tNils Norrby, ers\n"
        "\tSamtliga individärenden publiceras inte\n"
    )
    text = PROTOCOL.format(**PARTS).replace("Övriga deltagande\tMaja Malmsten, nämndsekreterare\n", others)
    text = text.replace(
        "Utses att justera\tHugo Hellström\n", "Utses att justera\tHugo Hellström, Ingrid Ivarsson ers\n"
    )
    meeting, _ = read_text(text)
    assert [(a.name, a.group.value) for a in meeting.attendees if a.name == "Nils Norrby"] == [
        ("Nils Norrby", "ersättare")
    ]
    assert meeting.adjustment is not None and [a.name for a in meeting.adjustment.adjusters] == ["Hugo Hellström"]
    assert any("Samtliga individärenden" in e.label for e in meeting.extras)


def test_a_link_to_an_attached_file_on_a_saved_web_page_is_furniture() -> None:
    """ "Närvaro.pdf (81 kb)": the web page's link, removed as furniture (not text it cannot place)."""
    text = PROTOCOL.format(**PARTS).replace(
        "Övriga deltagande\t", "Bilagor till protokoll\nNärvaro.pdf (81 kb)\n\nÖvriga deltagande\t"
    )
    organisation = _organisation()
    body = organisation.body("kommunstyrelsen")
    assert body is not None
    reader = MarkdownReader(organisation, body, "kommunstyrelsen/2018-09-04.md", Problems())
    meeting = reader.read(text, DAY)
    assert meeting is not None and "Närvaro.pdf" not in repr(meeting)
    assert reader.trace[line_of(text, "Närvaro.pdf")][0] == "möbler"


def test_names_and_their_roles_printed_one_column_after_the_other() -> None:
    """Three names, then three roles, each on a row of its own: each name gets its row's role."""
    others = (
        "Övriga deltagande\tMaja Malmsten\n\tNils Norrby\n\tKarin Kvist (V)\n"
        "\tnämndsekreterare\n\tekonom\n\tersättare\n"
    )
    text = PROTOCOL.format(**PARTS).replace("Övriga deltagande\tMaja Malmsten, nämndsekreterare\n", others)
    meeting, _ = read_text(text)
    read = [
        (a.name, a.group.value, a.role)
        for a in meeting.attendees
        if a.name in ("Maja Malmsten", "Nils Norrby", "Karin Kvist")
    ]
    assert read == [
        ("Maja Malmsten", "övriga", "nämndsekreterare"),
        ("Nils Norrby", "övriga", "ekonom"),
        ("Karin Kvist", "ersättare", "ersättare"),
    ]


def test_a_footer_that_opens_with_a_label_recurs_on_every_page_and_is_furniture() -> None:
    """ "Justerare<TAB>Utdragsbestyrkande" at every page's foot, here right above "Utses att
    justera" with the name below it: furniture, no justerare "Utdragsbestyrkande"."""
    footer = "Justerare\tUtdragsbestyrkande"
    text = PROTOCOL.format(**PARTS).replace(
        "Utses att justera\tHugo Hellström\n", f"{footer}\n\nUtses att justera\n\nHugo Hellström\n"
    )
    text = text.replace("KS § 112", f"{footer}\n\nKS § 112").replace("KS § 113", f"{footer}\n\nKS § 113")
    meeting, _ = read_text(text)
    assert meeting.adjustment is not None and [a.name for a in meeting.adjustment.adjusters] == ["Hugo Hellström"]


def test_a_cell_break_in_a_pipe_table_separates_persons_and_a_company_before_a_range() -> None:
    table = (
        "| | |\n|---|---|\n| Beslutande | Greta Grönlund (S), ordförande |\n"
        "| Övriga deltagande | Maja Malmsten, nämndsekreterare<br>Nils Norrby, Byggbolaget Tegelbo AB § 113 |\n"
    )
    text = PROTOCOL.format(**PARTS).replace(MEMBERS_ROW + "Övriga deltagande\tMaja Malmsten, nämndsekreterare\n", table)
    meeting, _ = read_text(text)
    others = [(a.name, a.role, a.paragraphs) for a in meeting.attendees if a.group.value == "övriga"]
    assert others == [
        ("Maja Malmsten", "nämndsekreterare", None),
        ("Nils Norrby", "Byggbolaget Tegelbo AB", ParagraphRange(113, 113)),
    ]


VALNAMND = """**Kommunstyrelsen**

Plats och tid\tKommunhuset kl. 13.00-15.00
Beslutande\tGreta Grönlund (S), ordförande, Hugo Hellström (M)

KS 1\tÄrende
\tnummer

**Val av justerare**

Hugo Hellström (M) justerar protokollet.

KS 2\tÄrende
\tnummer

**Lokaler för förtidsröstning**\tKS 2018/412

Kommunstyrelsen beslutar att förtidsröstning sker i biblioteket.

KS 3\tÄrende
\tnummer

**Vallokaler**\tKS 2018/412

Kommunstyrelsen beslutar att anta förteckningen över vallokaler.
"""


def test_the_pages_heading_cells_beside_each_start_a_title_beside_its_dnr_and_a_justerare_chosen() -> None:
    """ "KS 1<TAB>Ärende" over "<TAB>nummer" at every start: the page's "Ärende nummer", no
    title; "**Vallokaler**<TAB>KS 2018/412": the title and its dnr; "… justerar protokollet.": the decision."""
    meeting, _ = read_text(VALNAMND)
    assert [(i.number, i.title, [str(d) for d in i.dnr]) for i in meeting.items] == [
        (1, "Val av justerare", []),
        (2, "Lokaler för förtidsröstning", ["KS 2018/412"]),
        (3, "Vallokaler", ["KS 2018/412"]),
    ]
    assert meeting.items[0].decision == "Hugo Hellström (M) justerar protokollet."


def test_an_ärendelista_as_a_pipe_table_with_column_headings() -> None:
    # The export wrote the contents list as a table whose first row heads its columns.
    agenda = (
        "**FÖREDRAGNINGSLISTA**\n\n"
        "| Ärende nummer | Rubrik | Dnr |\n|---|---|---|\n"
        "| 112 | Bredband på landsbygden | KS/2018:311 |\n| 113 | Delegationsbeslut | |\n\n"
    )
    meeting, problems = read_text(PROTOCOL.format(**PARTS).replace("KS § 112\t", agenda + "KS § 112\t"))
    assert [(e.number, e.title) for e in meeting.agenda] == [
        (112, "Bredband på landsbygden"),
        (113, "Delegationsbeslut"),
    ]
    assert not any("Ärende nummer" in str(w) for w in problems.warnings), problems.report()
    assert not any("Ärende nummer" in (x.text if hasattr(x, "text") else str(x)) for x in meeting.extras)


@pytest.mark.parametrize("title", ["Voteringslista § 113", "Omröstningslista till KS § 113"])
def test_a_roll_call_annex_whose_running_header_says_bilaga(title: str) -> None:
    # The annex's page prints "Bilaga 1" where the other pages print their number, and its title
    # names the paragraph whose vote it lists.
    annex = (
        "\n**Kommunstyrelsen**\t**SAMMANTRÄDESPROTOKOLL**\tBilaga 1\n\n"
        f"**{title}**\n\n| Ledamot | Ja | Nej | Avstår |\n|---|---|---|---|\n"
        "| Greta Grönlund (S) | X | | |\n| Hugo Hellström (M) | | X | |\n| Ingrid Ivarsson (C) | | | X |\n"
    )
    meeting, _ = read_text(PROTOCOL.format(**PARTS) + annex)
    vote = _one_vote_each_way(meeting)
    [extra] = meeting.annexes
    assert extra.label == "Bilaga 1"  # the running header's other cells are the page's
    assert "Grönlund" not in " ".join(s.text for s in meeting.items[1].sections)
    assert vote.question == title  # as written, without the export's bold


def test_anslag_labels_run_together_without_colons_between_dates() -> None:
    # The export flattened the anslag's table: a label follows the date before it, no colon.
    text = PROTOCOL.format(**PARTS)
    rows = (
        "Sammanträdesdatum\t2018-09-04\n"
        "Datum för anslags uppsättande\t2018-09-11\tDatum för anslags nedtagande\t2018-10-03"
    )
    assert rows in text
    meeting, _ = read_text(
        text.replace(rows, "Sammanträdesdatum 2018-09-04 Anslaget under tiden 2018-09-11 -- 2018-10-03")
    )
    assert meeting.posting is not None
    assert (meeting.posting.posted, meeting.posting.taken_down) == (date(2018, 9, 11), date(2018, 10, 3))


def test_attendance_listed_in_an_attached_file_after_the_paragraphs() -> None:
    # A saved web page: the protocol's attendance is the text of an attached file printed last,
    # listed under labels as a header lists it.
    text = PROTOCOL.format(**PARTS)
    header_rows = "Beslutande\tGreta Grönlund (S), ordförande, Hugo Hellström (M), Ingrid Ivarsson (C)\n"
    assert header_rows in text
    attached = (
        "\n**Närvaro.pdf**\n\nPROTOKOLL\n\nNärvarande ledamöter\nGreta Grönlund (S), ordförande\n"
        "Hugo Hellström (M)\n\nÖvriga närvarande\nMaja Malmsten, nämndsekreterare\n\n"
        "Anmält förhinder\nIngrid Ivarsson (C)\n"
    )
    meeting, _ = read_text(
        text.replace(header_rows, "").replace("Övriga deltagande\tMaja Malmsten, nämndsekreterare\n", "") + attached
    )
    assert [(a.name, a.group.value) for a in meeting.attendees] == [
        ("Greta Grönlund", "beslutande"),
        ("Hugo Hellström", "beslutande"),
        ("Maja Malmsten", "övriga"),
    ]
    assert [n.name for n in meeting.absentees] == ["Ingrid Ivarsson"]
    [annex] = meeting.annexes
    assert annex.label == "Närvaro.pdf" and "Hugo Hellström" in annex.text  # kept as written too
    assert "Greta" not in meeting.items[-1].decision


def test_a_röstlängd_names_who_represents_each_shareholder() -> None:
    # A company's stämma: the shareholder in the first column, its representative in the second.
    annex = (
        "\nBilaga 1\n\n**RÖSTLÄNGD**\n\n| Aktieägare | Företrädd av | Antal aktier | Antal röster |\n"
        "|---|---|---|---|\n| Exempelnäs kommun | Sture Sjögren, ombud enligt fullmakt | 1 000 | 1 000 |\n"
        "| Summa | | 1 000 | 1 000 |\n"
    )
    meeting, _ = read_text(PROTOCOL.format(**PARTS) + annex)
    [represented] = [a for a in meeting.attendees if a.name == "Sture Sjögren"]
    assert represented.role == "ombud enligt fullmakt"
    assert not [a for a in meeting.attendees if "kommun" in a.name or a.name == "Summa"]


def test_a_närvarolista_with_two_heading_rows_presence_and_a_vote() -> None:
    # "Ja"/"Nej" under "NÄRVARO" say present or absent; under "VOTERING § 113" they are votes.
    # The "TID" column gives the paragraphs, and "Tjg" there a serving substitute.
    annex = (
        "\nNÄRVAROLISTA\n\nNAMN\tPARTI\tNÄRVARO\t\tTID\tVOTERING § 113\t\t\n"
        "\t\tJa\tNej\t\tJa\tNej\tAvstår\n\nLEDAMÖTER\n\n"
        "Greta Grönlund, ordf\ts\tx\t\t\tx\t\t\nHugo Hellström, v ordf\tm\tx\t\t\t\tx\t\n"
        "Ingrid Ivarsson\tc\t\tx\t\t\t\t\n\nERSÄTTARE\n\nSture Sjögren\tc\tx\t\tTjg\t\t\tx\n"
        "Vera Vinge\tm\tx\t\t§§ 112-112\t\t\t\n"
    )
    meeting, _ = read_text(PROTOCOL.format(**PARTS).replace(", Ingrid Ivarsson (C)", "") + annex)
    by_name = {a.name: a for a in meeting.attendees}
    assert "Ingrid Ivarsson" not in by_name and "Ingrid Ivarsson" in [n.name for n in meeting.absentees]
    assert by_name["Hugo Hellström"].role == "v ordf"
    assert by_name["Sture Sjögren"].role == "Tjg"
    assert by_name["Vera Vinge"].paragraphs == ParagraphRange(112, 112)
    [vote] = meeting.items[1].votes
    assert [[n.name for n in names] for names in (vote.yes, vote.no, vote.abstaining)] == [
        ["Greta Grönlund"],
        ["Hugo Hellström"],
        ["Sture Sjögren"],
    ]
