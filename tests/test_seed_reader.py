"""Every fact of the seed protocol (Itsam, Direktionen, 2023-10-26) survives the Markdown reader."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time

from generator.model import AttendanceGroup, ItemRef, Meeting, ParagraphRange, PersonName, Reference
from generator.model.dnr import Dnr
from generator.problems import Problems
from tests.conftest import SEED


def test_meeting_facts(seed: Meeting, seed_problems: Problems) -> None:
    assert seed_problems.items == []
    assert seed.body == "direktionen"
    assert seed.date == date(2023, 10, 26)
    assert seed.place == "Teknikringen 9, Linköping, Leonardo"
    assert (seed.start, seed.end) == (time(10, 30), time(12, 0))


def test_paragraphs_with_dnr_and_titles(seed: Meeting) -> None:
    expected = [
        (65, "2023/5", "Information från verksamheten"),
        (66, "2023/6", "Personal"),
        (67, "2023/98", "Förankring av Itsams förändringsuppdrag i medlemskommunerna"),
        (68, "2023/95", "Faktureringsrutiner"),
        (69, "2021/17", "Utträde ur kommunalförbundet Itsam – Kinda kommun"),
        (70, "2023/9", "Handlingar för kännedom"),
        (71, "2023/93", "Delårsbokslut per 2023-08-31"),
        (72, "2023/86", "Sammanträdesdagar 2024"),
        (73, "2023/83", "Uppdrag – Förändringar i samband med Kindas utträde"),
    ]
    got = [(i.number, f"{i.dnr[0].year}/{i.dnr[0].serial}", i.title) for i in seed.items]
    assert got == expected
    assert all(i.dnr[0].prefix == "ITSAM" and len(i.dnr) == 1 for i in seed.items)


def test_agenda_as_published_without_page_numbers(seed: Meeting) -> None:
    assert [e.number for e in seed.agenda] == list(range(65, 74))
    # The ärendelista writes a hyphen where the paragraph has an en dash: both kept as published.
    assert seed.agenda[4].title == "Utträde ur kommunalförbundet Itsam - Kinda kommun"
    assert seed.agenda[6].dnr == (Dnr("ITSAM", 2023, 93),)
    assert not any("3 - 4" in e.title or "10 - 12" in e.title for e in seed.agenda)


def test_members(seed: Meeting) -> None:
    members = [a for a in seed.attendees if a.group is AttendanceGroup.MEMBER]
    assert [(a.name, a.municipality, a.role) for a in members] == [
        ("Jacob Käll", "Vimmerby kommun", "ordförande"),
        ("Elisabet Hagström", "Ydre kommun", "vice ordförande"),
        ("Claes Sjökvist", "Boxholms kommun", None),
        ("Thomas Lidberg", "Åtvidabergs kommun", None),
        ("Conny Forsberg", "Kinda kommun", None),
    ]
    assert [a.paragraphs for a in members] == [None, None, None, None, ParagraphRange(65, 72)]
    assert all(a.person for a in members)


def test_substitutes_and_others(seed: Meeting) -> None:
    substitutes = [a for a in seed.attendees if a.group is AttendanceGroup.SUBSTITUTE]
    assert [(a.name, a.municipality, a.paragraphs) for a in substitutes] == [
        ("Joakim Magnusson", "Åtvidabergs kommun", None),
        ("Christian Nordin Olsson", "Kinda kommun", ParagraphRange(65, 72)),
    ]
    others = [a for a in seed.attendees if a.group is AttendanceGroup.OTHER]
    assert [(a.name, a.role) for a in others] == [
        ("Peter Wallentin", "förbundsdirektör"),
        ("Joakim Karlsson", "ledningssekreterare"),
    ]


def test_who_took_part_per_paragraph(seed: Meeting) -> None:
    assert [a.name for a in seed.absent_from(73)] == ["Conny Forsberg", "Christian Nordin Olsson"]
    assert seed.absent_from(72) == []
    assert len(seed.present_at(73)) == len(seed.attendees) - 2


def test_adjustment_and_signatories(seed: Meeting) -> None:
    adj = seed.adjustment
    assert adj is not None
    assert adj.adjusters == (PersonName("Claes Sjökvist", "claes-sjokvist"),)
    assert adj.place_and_time == "Digitalt"
    assert adj.signed == ParagraphRange(65, 73)
    assert [(s.role, s.name, s.person) for s in adj.signatories] == [
        ("Sekreterare", "Joakim Karlsson", "joakim-karlsson"),
        ("Ordförande", "Jacob Käll", "jacob-kall"),
        ("Justerare", "Claes Sjökvist", "claes-sjokvist"),
    ]


def test_posting_and_appeal_deadline(seed: Meeting) -> None:
    posting = seed.posting
    assert posting is not None
    assert posting.posted == date(2023, 11, 6)
    assert posting.taken_down == date(2023, 11, 28)
    assert posting.kept_at == "Itsam"
    assert posting.statement == "Protokollet är justerat. Justeringen har tillkännagivits genom anslag."
    assert posting.appeal_deadline == date(2023, 11, 27)


def test_paragraph_71_subheadings_list_and_table(seed: Meeting) -> None:
    item = next(i for i in seed.items if i.number == 71)
    assert item.decision == "Direktionen beslutar att godkänna delårsbokslut per den 2023-08-31."
    assert [s.heading for s in item.sections] == [
        "Inledning",
        "Sammanfattning av ärendet",
        "Händelser av väsentlig betydelse",
        "Resultaträkning",
        "Budgetuppföljning per den 2023-08-31",
    ]
    events = item.sections[2].text
    assert "- Ny digital plattform\n- Organisationsförändringar fiberverksamhet" in events
    assert events.endswith("- Kinda kommuns utträde ur Kommunalförbundet Itsam")
    table = item.sections[3].text.splitlines()
    assert table[0] == "| Belopp i Tkr | 2023-08 | 2022-08 | 2/3 av budget | Årsbudget | Årsprognos |"
    assert table[1].startswith("| --- | ---: |")
    assert "| Verksamhetens sidointäkter | 1 823 | 5 352 | 2 928 | 4 392 | 43 92 |" in table
    assert "| **Årets resultat** | **1354** | **5041** | **0** | **0** | **1 423** |" in table
    # The running header "Direktionen" inside the summary is page furniture and goes.
    assert "\nDirektionen\n" not in item.sections[1].text
    assert [r.text for r in item.references] == ["Kommunchefsberedningens sammanträde 2023-10-12 § 61"]
    assert item.references[0].target == ItemRef("kommunchefsberedningen", date(2023, 10, 12), 61)


def test_paragraph_72_decision_verbatim(seed: Meeting) -> None:
    item = next(i for i in seed.items if i.number == 72)
    assert item.decision == (
        "Direktionen beslutar att anta sammanträdesdagar för 2024 i enlighet med bifogat förslag, "
        "med undantag för sammanträdena 13/6 och 26/9.\n\n"
        "Direktionen uppdrar till ledningssekreteraren att boka in två andra datum för sammanträdena "
        "i juni och september."
    )
    assert item.references == (Reference("Sammanträdesdagar 2024"),)


def test_expediering_lists(seed: Meeting) -> None:
    recipients = {i.number: i.recipients for i in seed.items}
    assert recipients == {
        65: ("Akt",),
        66: ("Akt",),
        67: ("Akt",),
        68: ("Akt",),
        69: ("Akt",),
        70: ("Akt",),
        71: ("Akt",),
        72: ("Akt", "Ledningssekreterare"),
        73: ("Akt", "Förbundsdirektör"),
    }


def test_bold_section_headings_after_page_furniture(seed: Meeting) -> None:
    # § 65 has its Beslutsexpediering after a page break; § 73 writes headings in bold only.
    by_number = {i.number: i for i in seed.items}
    assert [r.text for r in by_number[65].references] == ["Kommunchefsberedningens sammanträde 2023-10-12 § 65"]
    assert [r.text for r in by_number[73].references] == ["Kommunchefsberedningens sammanträde 2023-10-12 § 60"]
    assert [s.heading for s in by_number[73].sections] == [
        "Sammanfattning av ärendet",
        "Konsolideringsarbetet",
        "Processutveckling, HR-exemplet",
        "Tjänsteprocessen",
        "Resursökning",
    ]
    assert by_number[70].references == ()
    assert "*det är kommunen själv*" in by_number[67].summary


def test_electronic_signatures(seed: Meeting) -> None:
    signing = seed.signing
    assert signing is not None
    assert signing.service == "Addo Sign"
    assert [(s.signer, s.signed_at, s.reference) for s in signing.signatures] == [
        ("Nils Jacob Gösta Käll", datetime(2023, 11, 6, 8, 16, 42, tzinfo=UTC), "+Dn8ppjiTLuErMDG+kFFRw"),
        ("CLAES SJÖKVIST", datetime(2023, 11, 6, 8, 17, 10, tzinfo=UTC), "QQXYLQWtjN1f7FIUAEkjw"),
    ]
    # The service writes full and upper-case names; the roster's aliases make them one person.
    assert [s.person for s in signing.signatures] == ["jacob-kall", "claes-sjokvist"]
    assert signing.documents == ("Protokoll direktion 2023-10-26.pdf",)
    assert "### Hur man verifierar dokumentets äkthet" in signing.text
    assert signing.text.endswith("signerat genom Addo Sign signeringstjänst.")


def _words(text: str) -> list[str]:
    """The words of ``text`` in order, with Markdown and the PDF's <b> markup taken away."""
    return re.findall(r"\w+", re.sub(r"</?b>", " ", text))


def test_paragraphs_lose_no_word_and_keep_the_order(seed: Meeting) -> None:
    """Per paragraph, the source's words minus furniture equal the model's words, as a sequence.

    The source's "§ N" and "Dnr" lines are checked as facts elsewhere; the furniture is the
    reader's own (running headers, "Justerandes sign", "Utdragsbestyrkande").
    """
    lines = SEED.read_text(encoding="utf-8").splitlines()
    starts = [i for i, line in enumerate(lines) if re.fullmatch(r"§ \d+", line.strip())]
    furniture = {"Direktionen", "Justerandes sign", "Utdragsbestyrkande", ""}
    assert len(starts) == len(seed.items)
    ends = [*starts[1:], next(i for i, line in enumerate(lines) if line.startswith("Signaturerna i detta"))]
    for item, start, end in zip(seed.items, starts, ends, strict=True):
        body = [line for line in lines[start + 1 : end] if line.strip() not in furniture]
        assert body[0].startswith("Dnr ")
        source = _words("\n".join(body[1:]))
        parts = [item.title, "Direktionens beslut", item.decision]
        for section in item.sections:
            parts += [section.heading, section.text]
        if item.references:
            parts += ["Beslutsunderlag", *(r.text for r in item.references)]
        parts += ["Beslutsexpediering", *item.recipients]
        assert source == _words("\n".join(parts)), item.number


def test_no_furniture_and_no_lost_words(seed: Meeting) -> None:
    """Every word of the source is in the model, except the PDF's page furniture."""
    from generator.readers.yaml_format import dump

    furniture = {"Justerandes", "sign", "Utdragsbestyrkande", "Underskrift"}
    model_text = dump(seed) + " ".join([a.name for a in seed.attendees] + [str(d) for i in seed.items for d in i.dnr])
    source_words = set(re.findall(r"[\wÅÄÖåäö]{3,}", SEED.read_text(encoding="utf-8")))
    model_words = set(re.findall(r"[\wÅÄÖåäö]{3,}", model_text))
    labels = {
        "Plats", "och", "tid", "Beslutande", "Ledamöter", "Ersättare", "Övriga", "närvarande",
        "Justerare", "Justeringens", "plats", "Underskrifter", "Sekreterare", "Ordförande",
        "Paragrafer", "ANSLAG", "BEVIS", "Organ", "Sammanträdesdatum", "Datum", "anslaget",
        "sätts", "upp", "tas", "ned", "Förvaringsplats", "för", "protokollet", "Ärendelista",
        "Dnr", "Direktionens", "beslut", "Beslutsunderlag", "Beslutsexpediering", "Undertecknare",
    }  # fmt: skip
    lost = source_words - model_words - furniture - labels
    assert lost == set()
    assert "Justerandes sign" not in model_text and "Utdragsbestyrkande" not in model_text
