"""Mechanisms found on the seventh blind set (layouts the reader had never seen, read cold before
any change): each test is one form of a small protocol, read by the real reader, and fails when
the mechanism is taken away. The forms are written in our own words after the layouts' shapes."""

from __future__ import annotations

import re
from datetime import date, time
from pathlib import Path

import pytest

from generator.model import AttendanceGroup, Meeting
from tests.test_reader_forms import PARTS, PROTOCOL, read, read_text


def _posting(meeting: Meeting) -> tuple[date, date | None]:
    assert meeting.posting is not None
    return meeting.posting.posted, meeting.posting.taken_down


DATES = (date(2018, 9, 11), date(2018, 10, 3))


def _all_text(meeting: Meeting) -> str:
    """Everything the meeting keeps as text: the header's extras, the anslag, the paragraphs."""
    parts = [f"{e.label} {e.text}" for e in meeting.extras]
    parts += [meeting.posting.statement] if meeting.posting else []
    for item in meeting.items:
        parts += [item.title, item.decision, *(s.text for s in item.sections)]
    return " ".join(parts)


# -- labels in another form of their words ----------------------------------------------------


@pytest.mark.parametrize(
    ("posted", "taken_down"),
    [("Datum då anslag sätts upp", "Datum då anslag tas ner"), ("Anslagets uppsättande", "Anslagets nedtagande")],
)
def test_an_anslag_label_in_another_form_of_its_words(posted: str, taken_down: str) -> None:
    meeting, _ = read(posted=posted, taken_down=taken_down)
    assert _posting(meeting) == DATES


def test_a_one_word_label_in_another_form_opens_no_sentence() -> None:
    # "Justeringen" is a form of the label "Justering", but here it begins a sentence of the anslag.
    text = PROTOCOL.format(**PARTS).replace(
        "Protokollet är justerat. Justeringen har tillkännagivits genom anslag.",
        "Justeringen tillkännagiven på kommunens anslagstavla den 11 september 2018.",
    )
    meeting, _ = read_text(text)
    assert meeting.posting is not None and "tillkännagiven" in meeting.posting.statement
    assert meeting.adjustment is not None and meeting.adjustment.place_and_time == "Kommunhuset 2018-09-10"


@pytest.mark.parametrize("heading", ["Bevis / Anslag", "Bevis/Anslag", "BEVIS OM ANSLAGSDAG"])
def test_the_anslag_heading_in_other_spellings(heading: str) -> None:
    meeting, _ = read(posting_heading=heading)
    assert _posting(meeting) == DATES
    assert heading not in _all_text(meeting)


def test_an_anslag_without_a_heading_starts_at_its_statement() -> None:
    # "Datum då anslaget sätts upp" begins as "Datum" does, the meeting's date: the longer label wins.
    meeting, problems = read(posting_heading="", posted="Datum då anslaget sätts upp")
    assert _posting(meeting) == DATES
    assert meeting.posting is not None and meeting.posting.kept_at == "Kommunkansliet"
    assert not problems.errors


def test_a_date_left_to_be_filled_in_by_hand_publishes_the_anslag_without_it() -> None:
    text = PROTOCOL.format(**PARTS).replace("\t2018-09-11\t", "\t2018-\t").replace("\t2018-10-03", "\t2018-")
    meeting, problems = read_text(text)
    assert meeting.posting is None and meeting.posting_undated
    assert any("2018-" in p.message for p in problems.warnings)


def test_a_date_written_wrong_is_still_refused() -> None:
    from generator.problems import Problems
    from generator.readers.markdown import MarkdownReader
    from tests.test_reader_forms import DAY, _organisation

    organisation = _organisation()
    body = organisation.body("kommunstyrelsen")
    assert body is not None
    problems = Problems()
    text = PROTOCOL.format(**PARTS).replace("\t2018-09-11\t", "\t2018-09-31\t")
    MarkdownReader(organisation, body, "ks.md", problems).read(text, DAY)
    assert [p.line for p in problems.errors] == [text.splitlines().index(next(
        line for line in text.splitlines() if "2018-09-31" in line)) + 1]  # fmt: skip


def test_several_anslag_blocks_the_last_is_the_meetings() -> None:
    # One paragraph adjusted at once and put up first, the rest a week later: the later anslag
    # is the whole protocol's; the first stays as the anslag's text.
    first = "ANSLAG/BEVIS\n\nProtokollet är justerat, § 112.\n\nDatum för anslags uppsättande\t2018-09-05\n\n"
    text = PROTOCOL.format(**PARTS).replace("ANSLAG/BEVIS\n", first + "ANSLAG/BEVIS\n", 1)
    meeting, _ = read_text(text)
    assert _posting(meeting) == DATES
    assert meeting.posting is not None and "§ 112" in meeting.posting.statement


# -- columns set apart by spaces, and labels before their values ------------------------------


def _as_layout(text: str, width: int = 24) -> str:
    """The protocol as "pdftotext -layout" writes it: each cell padded to a column, no tabs."""
    rows = []
    for line in text.splitlines():
        cells = line.split("\t")
        rows.append("".join(cell.ljust(width) if i < len(cells) - 1 else cell for i, cell in enumerate(cells)))
    return "\n".join(rows)


def _facts(meeting: Meeting) -> tuple[object, ...]:
    return (
        meeting.place,
        meeting.start,
        meeting.end,
        [(a.name, a.group, a.role) for a in meeting.attendees],
        meeting.posting and _posting(meeting),
        [(i.number, i.title, [str(d) for d in i.dnr], i.decision) for i in meeting.items],
    )


def test_columns_set_apart_by_spaces_read_as_the_tabs_do() -> None:
    tabbed, _ = read()
    spaced, _ = read_text(_as_layout(PROTOCOL.format(**PARTS)))
    assert "\t" not in _as_layout(PROTOCOL.format(**PARTS))
    assert _facts(spaced) == _facts(tabbed)


def test_a_row_under_the_columns_above_keeps_its_column() -> None:
    # "Datum för anslags" twice, their dates, then the labels' ends each under its own column.
    posted = "Datum för anslags".ljust(24) + "2018-09-11".ljust(24) + "Datum för anslags".ljust(24) + "2018-10-03"
    ends = "uppsättande".ljust(48) + "nedtagande"
    text = PROTOCOL.format(**PARTS).replace(
        "Datum för anslags uppsättande\t2018-09-11\tDatum för anslags nedtagande\t2018-10-03", f"{posted}\n{ends}"
    )
    meeting, _ = read_text(_as_layout(text))
    assert _posting(meeting) == DATES


def test_labels_before_their_values_are_paired_in_order() -> None:
    # The labels' column read first, then the values' column, each value a group of its own.
    header = (
        "Plats och tid\n\nBeslutande\n\nÖvriga deltagande\n\n"
        "Kommunhuset, Sessionssalen, kl. 13.00-16.10\n\n"
        "Greta Grönlund (S), ordförande\nHugo Hellström (M)\nIngrid Ivarsson (C)\n\n"
        "Maja Malmsten, nämndsekreterare\n"
    )
    text = PROTOCOL.format(**PARTS)
    start = text.index("Plats och tid")
    text = text[:start] + header + text[text.index("Utses att justera") :]
    meeting, _ = read_text(text)
    assert (meeting.place, meeting.start) == ("Kommunhuset, Sessionssalen", time(13))
    groups = {a.name: a.group for a in meeting.attendees}
    assert groups == {
        "Greta Grönlund": AttendanceGroup.MEMBER,
        "Hugo Hellström": AttendanceGroup.MEMBER,
        "Ingrid Ivarsson": AttendanceGroup.MEMBER,
        "Maja Malmsten": AttendanceGroup.OTHER,
    }


def test_a_place_and_time_without_a_label_above_the_attendance() -> None:
    text = PROTOCOL.format(**PARTS).replace(
        "Plats och tid\tKommunhuset, Sessionssalen, kl. 13.00-16.10", "Kommunhuset, Sessionssalen kl. 13.00-16.10"
    )
    meeting, _ = read_text(text)
    assert (meeting.place, meeting.start, meeting.end) == ("Kommunhuset, Sessionssalen", time(13), time(16, 10))


# -- attendance written as prose and wrapped ------------------------------------------------


def test_a_row_the_export_wrapped_is_one_row() -> None:
    text = PROTOCOL.format(**PARTS).replace(
        "Övriga deltagande\tMaja Malmsten, nämndsekreterare",
        "Övriga deltagande: Maja Malmsten, nämndsekreterare, Ankeborgs\nkommun",
    )
    meeting, problems = read_text(text)
    maja = next(a for a in meeting.attendees if a.name == "Maja Malmsten")
    assert maja.municipality == "Ankeborgs kommun"
    assert "kommun" not in [a.name for a in meeting.attendees]
    assert not [p for p in problems.warnings if "'kommun'" in p.message]


def test_a_list_in_prose_with_titles_before_the_names() -> None:
    prose = (
        "Övriga deltagande: Karin Kvist (M), Lennart Lindvall (S), ekonom David Dahlin § 112,\n"
        "kanslichef Erika Ekholm och nämndsekreterare Maja Malmsten."
    )
    text = PROTOCOL.format(**PARTS).replace("Övriga deltagande\tMaja Malmsten, nämndsekreterare", prose)
    meeting, _ = read_text(text)
    roles = {a.name: a.role for a in meeting.attendees if a.group is AttendanceGroup.OTHER}
    assert roles == {
        "Karin Kvist": None,
        "Lennart Lindvall": None,
        "David Dahlin": "ekonom",
        "Erika Ekholm": "kanslichef",
        "Maja Malmsten": "nämndsekreterare",
    }


def test_a_title_beside_a_name_on_its_own_is_no_person() -> None:
    text = PROTOCOL.format(**PARTS).replace(
        "Övriga deltagande\tMaja Malmsten, nämndsekreterare", "Övriga deltagande\nMaja Malmsten, Nämndsekreterare"
    )
    meeting, problems = read_text(text)
    assert "Nämndsekreterare" not in [a.name for a in meeting.attendees]
    assert not [p for p in problems.warnings if "Nämndsekreterare finns inte" in p.message]


def test_an_unknown_label_with_its_colon_ends_the_group_above() -> None:
    text = PROTOCOL.format(**PARTS).replace(
        "Övriga deltagande\tMaja Malmsten, nämndsekreterare\n",
        "Övriga deltagande\tMaja Malmsten, nämndsekreterare\n**Inbjudna gäster:**\nElsa Fiktiv\n",
    )
    meeting, _ = read_text(text)
    assert "Elsa Fiktiv" not in [a.name for a in meeting.attendees]  # not invented into a group
    assert "Elsa Fiktiv" in _all_text(meeting)  # kept as written


def test_paragraphs_joined_by_och() -> None:
    text = PROTOCOL.format(**PARTS).replace(
        "Maja Malmsten, nämndsekreterare", "Maja Malmsten, nämndsekreterare §§ 112 och 113"
    )
    meeting, _ = read_text(text)
    maja = next(a for a in meeting.attendees if a.name == "Maja Malmsten")
    assert maja.paragraphs is not None and (maja.paragraphs.first, maja.paragraphs.last) == (112, 113)


# -- paragraphs ------------------------------------------------------------------------------


def test_a_start_repeated_with_forts_continues_the_paragraph() -> None:
    text = PROTOCOL.format(**PARTS).replace(
        "Kommunstyrelsen beslutar att anta riktlinjerna för bredband.",
        "Riktlinjerna har remitterats.\n\nKS § 112 (forts.)\n\n"
        "Kommunstyrelsen beslutar att anta riktlinjerna för bredband.",
    )
    meeting, _ = read_text(text)
    assert [i.number for i in meeting.items] == [112, 113]
    assert meeting.items[0].decision.startswith("Kommunstyrelsen beslutar att anta")
    assert "forts" not in _all_text(meeting)


def test_a_margin_reference_and_the_dnr_on_the_start_line_of_a_scan() -> None:
    text = PROTOCOL.format(**PARTS).replace("KS § 112\tKS/2018:311", "KS § 112 Au § 7 Dnr KS/2018:311")
    meeting, _ = read_text(text)
    item = meeting.items[0]
    assert item.title == "Bredband på landsbygden"
    assert [str(d) for d in item.dnr] == ["KS 2018/311"]
    assert "Au § 7" in _all_text(meeting)  # the earlier handling stays as text


# -- signatures in a scan ------------------------------------------------------------------


def test_a_signature_scan_beside_its_label() -> None:
    signatures = (
        "Underskrifter\n\nSekreterare ...í/%.:.:.:..<./.: .....\nMaja Malmsten\n"
        "Ordförande . ^ .-^^ ...........\nGreta Grönlund\n"
        "Justerande ...... ./. Q: .... .......\nHugo Hellström"
    )
    meeting, _ = read(signatures=signatures)
    assert meeting.adjustment is not None
    assert [(s.role, s.name) for s in meeting.adjustment.signatories] == [
        ("Sekreterare", "Maja Malmsten"),
        ("Ordförande", "Greta Grönlund"),
        ("Justerande", "Hugo Hellström"),
    ]
    assert not re.search(r"\.\.\.", " ".join(a.name for a in meeting.adjustment.adjusters))


# -- page furniture of other exports -------------------------------------------------------


def test_a_saved_web_pages_navigation_is_furniture_its_documents_are_not() -> None:
    chrome = (
        "[Gå till innehåll](#main-content)\n\n[![Ankeborg](/images/logo.svg)](/)\n\n- [Start](/)\n- [Arkiv](/arkiv)\n\n"
        "Du är här: [Start](/) / [Arkiv](/arkiv) / [Kommunstyrelsen](/arkiv/ks)\n\n"
    )
    text = chrome + PROTOCOL.format(**PARTS).replace(
        "**Delegationsbeslut**\n", "**Delegationsbeslut**\n\n[Delegationslista september](/dokument/delegation.pdf)\n"
    )
    meeting, _ = read_text(text)
    kept = _all_text(meeting)
    assert not any(word in kept for word in ("Gå till innehåll", "Du är här", "(/arkiv)", "Start"))
    assert "Delegationslista september" in kept


def test_placeholders_an_export_leaves_are_furniture_a_marker_is_not() -> None:
    text = PROTOCOL.format(**PARTS).replace(
        "**Delegationsbeslut**\n",
        '**Delegationsbeslut**\n\n<!-- image -->\n\n<span id="page-2-0"></span>![](_page_2_Picture_0.jpeg)\n',
    )
    meeting, _ = read_text(text)
    kept = _all_text(meeting)
    assert "image" not in kept and "Picture" not in kept and "span" not in kept


def test_a_footer_of_addresses_and_numbers_is_furniture_a_contact_list_is_not() -> None:
    footer = "ADRESS\tTELEFON\tE-POST\nStorgatan 1, 123 45 Ankeborg\t012-34 56 78\tinfo@ankeborg.invalid\n\n"
    contact = "Kontaktperson:\n\nMaja Malmsten\tmaja@ankeborg.invalid\t012-34 56 79\n\n"
    text = (
        PROTOCOL.format(**PARTS)
        .replace("KS § 112\t", footer + "KS § 112\t")
        .replace("**Delegationsbeslut**\n", "**Delegationsbeslut**\n\n" + contact)
    )
    meeting, _ = read_text(text)
    kept = _all_text(meeting)
    assert "ADRESS" not in kept and "info@ankeborg.invalid" not in kept
    assert "maja@ankeborg.invalid" in kept


def test_lines_after_a_contents_list_that_follows_the_anslag_are_kept() -> None:
    contents = "Innehåll\n\nBredband på landsbygden 2\nDelegationsbeslut 3\n\nOmfattning av protokollet sidorna 1-3\n\n"
    text = PROTOCOL.format(**PARTS).replace("KS § 112\t", contents + "KS § 112\t")
    meeting, _ = read_text(text)
    assert "Omfattning av protokollet sidorna 1-3" in _all_text(meeting)


def test_a_sentence_that_opens_with_the_bodys_name_is_content_however_often_it_recurs() -> None:
    text = PROTOCOL.format(**PARTS)
    for n in (1, 2, 3):
        text = text.replace(
            "Kommunstyrelsen beslutar att lägga redovisningen till handlingarna.",
            "Kommunstyrelsen föreslår fullmäktige besluta\n\natt lägga redovisningen till handlingarna.\n\n"
            f"KS § {113 + n}\n\n**Ärende {n}**\n\nKommunstyrelsen beslutar att lägga redovisningen till handlingarna.",
            1,
        )
    meeting, _ = read_text(text)
    assert _all_text(meeting).count("Kommunstyrelsen föreslår fullmäktige besluta") == 3


def test_a_running_header_of_the_name_and_a_title_in_capitals_is_furniture() -> None:
    header = "EXEMPELNÄS SAMMANTRADESPROTOKOLL\n"  # the title as a scan read it
    text = header + PROTOCOL.format(**PARTS).replace("KS § 112\t", header + "\nKS § 112\t").replace(
        "KS § 113\n", header + "\nKS § 113\n"
    )
    meeting, _ = read_text(text)
    assert "SAMMANTRADESPROTOKOLL" not in _all_text(meeting)


def test_a_document_systems_properties_are_furniture() -> None:
    text = "Typ:Protokoll\nTitel:2018-09-04 Protokoll  Kommunstyrelsen\n\n" + PROTOCOL.format(**PARTS)
    text += "\nSkapad av: Maja Malmsten/KS/Exempelnäs\n"
    meeting, _ = read_text(text)
    kept = _all_text(meeting)
    assert "Typ:" not in kept and "Titel:" not in kept and "Skapad av" not in kept


# -- the anslag's box at a page's foot, its values below its labels ----------------------------


def test_the_attendance_goes_on_after_an_anslag_box_at_the_foot_of_a_page() -> None:
    # Page 1 ends with the anslag's box; page 2 goes on with the members, then the others.
    text = PROTOCOL.format(**PARTS)
    posting = text[text.index("ANSLAG/BEVIS") : text.index("KS § 112")]
    text = text.replace(posting, "").replace(
        "Övriga deltagande\tMaja Malmsten, nämndsekreterare\n",
        posting + "SAMMANTRÄDESPROTOKOLL\tSida 2 (9)\n\n\tKarin Kvist (M)\n"
        "Övriga deltagande\tMaja Malmsten, nämndsekreterare\n\nSAMMANTRÄDESPROTOKOLL\tSida 3 (9)\n\n",
    )
    meeting, _ = read_text(text)
    members = [a.name for a in meeting.attendees if a.group is AttendanceGroup.MEMBER]
    assert members[-1] == "Karin Kvist"
    assert _posting(meeting) == DATES


def test_anslag_labels_before_their_values_each_take_a_line() -> None:
    text = PROTOCOL.format(**PARTS)
    block = (
        "Instans\tKommunstyrelsen\nSammanträdesdatum\t2018-09-04\n"
        "Datum för anslags uppsättande\t2018-09-11\tDatum för anslags nedtagande\t2018-10-03\n"
        "Förvaringsplats för protokollet\tKommunkansliet\n"
    )
    assert block in text
    values_after = (
        "Instans:\nSammanträdesdatum:\nDatum för anslags uppsättande:\nDatum för anslags nedtagande:\n"
        "Förvaringsplats för protokollet:\n\nKommunstyrelsen\n2018-09-04\n2018-09-11\n2018-10-03\nKommunkansliet\n"
    )
    meeting, _ = read_text(text.replace(block, values_after))
    assert _posting(meeting) == DATES
    assert meeting.posting is not None and meeting.posting.kept_at == "Kommunkansliet"


# -- the decision, the dnr, the roll call ------------------------------------------------------


def _read_as(body_name: str, genitive: str, text: str, tmp_path: Path) -> Meeting:
    from generator.problems import Problems
    from generator.readers.markdown import MarkdownReader
    from generator.readers.organisation import read_organisation
    from tests.test_reader_forms import DAY, ORGANISATION

    yaml = (ORGANISATION / "organisation.yaml").read_text(encoding="utf-8")
    yaml = yaml.replace("organ:\n", f"organ:\n  - slug: utskottet\n    namn: {body_name}\n    genitiv: {genitive}\n", 1)
    (tmp_path / "organisation.yaml").write_text(yaml, encoding="utf-8")
    problems = Problems()
    organisation = read_organisation(tmp_path, problems)
    assert organisation is not None, problems.report()
    body = organisation.body("utskottet")
    assert body is not None
    meeting = MarkdownReader(organisation, body, "utskottet.md", problems).read(text, DAY)
    assert meeting is not None and not problems.errors, problems.report()
    return meeting


def test_the_decisions_opening_on_a_line_of_its_own_names_the_body_by_its_noun(tmp_path: Path) -> None:
    # "Arbetsutskottet" is the definite form of the name's last word ("… arbetsutskott").
    text = (
        PROTOCOL.format(**PARTS)
        .replace("**Kommunstyrelsen**", "**Kommunstyrelsens arbetsutskott**")
        .replace("Instans\tKommunstyrelsen", "Instans\tKommunstyrelsens arbetsutskott")
        .replace(
            "Kommunstyrelsen beslutar att anta riktlinjerna för bredband.",
            "Arbetsutskottet beslutar\n\natt anta riktlinjerna för bredband, samt\n\n"
            "att uppdra åt kansliet att informera.",
        )
    )
    meeting = _read_as("Kommunstyrelsens arbetsutskott", "Kommunstyrelsens arbetsutskotts", text, tmp_path)
    # The opening heads the decision (as "Direktionen beslutar" does): its att-clauses are the decision.
    assert meeting.items[0].decision_heading == "Arbetsutskottet beslutar"
    assert meeting.items[0].decision.startswith("att anta riktlinjerna")


def test_a_dnr_with_a_dotted_classification_code() -> None:
    meeting, _ = read(history="Dnr 2018.311.101\n\n")
    assert "EXN 2018/311" in [str(d) for d in meeting.items[1].dnr]


def test_a_roll_call_in_the_headers_attendance_table() -> None:
    table = (
        "Ordinarie ledamöter\tNärvaro\t\t§ 113\t\n"
        "\tTjg\tEj tjg\tJA\tNEJ\n"
        "Greta Grönlund (S)\tX\t\tX\t\n"
        "Hugo Hellström (M)\tX\t\t\tX\n"
        "Ingrid Ivarsson (C)\tX\t\tX\t\n"
    )
    text = PROTOCOL.format(**PARTS).replace(
        "Beslutande\tGreta Grönlund (S), ordförande, Hugo Hellström (M), Ingrid Ivarsson (C)\n", table + "\n"
    )
    meeting, _ = read_text(text)
    votes = meeting.items[1].votes
    assert [(sorted(n.name for n in v.yes), [n.name for n in v.no]) for v in votes] == [
        (["Greta Grönlund", "Ingrid Ivarsson"], ["Hugo Hellström"])
    ]


def test_a_roll_calls_heading_again_on_its_next_page_votes_for_no_one() -> None:
    vote = "\n**Omröstning**\n\nLedamot\tJa\tNej\nGreta Grönlund (S)\tX\t\nLedamot\tJa\tNej\nHugo Hellström (M)\t\tX\n"
    meeting, _ = read(decision=PARTS["decision"] + "\n" + vote)
    (v,) = meeting.items[1].votes
    assert [n.name for n in v.yes] == ["Greta Grönlund"] and [n.name for n in v.no] == ["Hugo Hellström"]


@pytest.mark.parametrize(
    ("row", "name", "role"),
    [
        ("Socialchef Maja Malmsten", "Maja Malmsten", "Socialchef"),
        ("Verksamhetschef IFO Maja Malmsten § 112", "Maja Malmsten", "Verksamhetschef IFO"),
    ],
)
def test_a_capitalised_title_before_a_whole_name(row: str, name: str, role: str) -> None:
    text = PROTOCOL.format(**PARTS).replace(
        "Övriga deltagande\tMaja Malmsten, nämndsekreterare", f"Övriga deltagande\n{row}"
    )
    meeting, _ = read_text(text)
    assert [(a.name, a.role) for a in meeting.attendees if a.group is AttendanceGroup.OTHER] == [(name, role)]


def test_a_title_before_a_unit_is_one_title() -> None:
    text = PROTOCOL.format(**PARTS).replace(
        "Övriga deltagande\tMaja Malmsten, nämndsekreterare", "Övriga deltagande\tMaja Malmsten\tEnhetschef Miljöskydd"
    )
    meeting, _ = read_text(text)
    assert [(a.name, a.role) for a in meeting.attendees if a.group is AttendanceGroup.OTHER] == [
        ("Maja Malmsten", "Enhetschef Miljöskydd")
    ]


def test_a_sentence_that_opens_like_a_proposal_to_another_body_is_text() -> None:
    text = PROTOCOL.format(**PARTS).replace(
        "Kommunstyrelsen beslutar att anta riktlinjerna för bredband.",
        "Förslag till sammanträdestider för 2019: 13 februari, 24 april,\n11 juni och 3 december.\n\n"
        "**Beslut**\n\nKommunstyrelsen beslutar att anta riktlinjerna för bredband.",
    )
    meeting, _ = read_text(text)
    assert meeting.items[0].decision.startswith("Kommunstyrelsen beslutar att anta")


def test_a_start_with_its_presenters_name_in_the_margin() -> None:
    text = PROTOCOL.format(**PARTS).replace("KS § 113\n", "Maja Malmsten\tKS § 113\n")
    meeting, _ = read_text(text)
    assert [i.number for i in meeting.items] == [112, 113]
    assert meeting.items[1].title == "Delegationsbeslut" and "Maja Malmsten" in _all_text(meeting)


def test_titles_written_above_their_numbers() -> None:
    head = PROTOCOL.format(**PARTS)
    paragraphs = (
        "Bredband på landsbygden\n\nKS § 112\n\nDnr KS/2018:311\n\n"
        "Kommunstyrelsen beslutar att anta riktlinjerna för bredband.\n\n"
        "Delegationsbeslut\n\nKS § 113\n\nKommunstyrelsen beslutar att lägga redovisningen till handlingarna.\n\n"
        "Meddelanden\n\nKS § 114\n\nMeddelandena läggs till handlingarna.\n"
    )
    meeting, _ = read_text(head[: head.index("KS § 112")] + paragraphs)
    assert [(i.number, i.title) for i in meeting.items] == [
        (112, "Bredband på landsbygden"),
        (113, "Delegationsbeslut"),
        (114, "Meddelanden"),
    ]
    assert meeting.items[0].decision.startswith("Kommunstyrelsen beslutar att anta")


def test_a_dnr_with_a_two_digit_year_after_the_prefix() -> None:
    meeting, _ = read(history="Dnr BN07/154\n\n")
    assert "BN 2007/154" in [str(d) for d in meeting.items[1].dnr]


def test_an_attendance_table_whose_rows_follow_a_blank_line_under_its_heading() -> None:
    # "pdftotext -layout" puts a blank line between the table's heading and its rows; the marks
    # under Ja/Nej are votes, never paragraph numbers.
    table = (
        "Ledamöter\tNärv\t§ 113\t\n\tJa\tNej\n\n"
        "Greta Grönlund (S)\tX\t1\t\nHugo Hellström (M)\tX\t\t1\nIngrid Ivarsson (C)\tX\t1\t\n"
    )
    text = PROTOCOL.format(**PARTS).replace(
        "Beslutande\tGreta Grönlund (S), ordförande, Hugo Hellström (M), Ingrid Ivarsson (C)\n", table + "\n"
    )
    meeting, _ = read_text(text)
    assert {a.name for a in meeting.attendees} >= {"Greta Grönlund", "Hugo Hellström", "Ingrid Ivarsson"}
    assert all(a.paragraphs is None for a in meeting.attendees)


# -- the eighth blind set ---------------------------------------------------------------------


def _grid(rows: list[tuple[str, str]], widths: tuple[int, int] = (24, 60)) -> str:
    """Rows as pandoc writes a grid table, a row's lines under one another ("" continues a cell)."""
    border = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    out = [border]
    for label, value in rows:
        if label == "---":
            out.append(border)
            continue
        out.append("| " + " | ".join(cell.ljust(w) for cell, w in zip((label, value), widths, strict=True)) + " |")
    return "\n".join([*out, border])


def test_a_header_in_a_grid_table_with_a_wrapped_label() -> None:
    grid = _grid(
        [
            ("Plats och tid", "Kommunhuset, Sessionssalen, kl. 13.00-16.10"),
            ("---", ""),
            ("Beslutande", "Greta Grönlund (S), ordförande"),
            ("", "Hugo Hellström (M)"),
            ("", "Ingrid Ivarsson (C)"),
            ("---", ""),
            ("Ej tjänstgörande", "Cilla Carlberg (S), ersättare"),
            ("ersättare och övriga", "Maja Malmsten, nämndsekreterare"),
            ("närvarande", ""),
            ("---", ""),
            ("Justeringens plats och", "Kommunhuset 2018-09-10"),
            ("tid", ""),
        ]
    )
    head = PROTOCOL.format(**PARTS)
    start = head.index("Plats och tid")
    stop = head.index("Underskrifter")
    meeting, problems = read_text(head[:start] + grid + "\nUtses att justera\tHugo Hellström\n" + head[stop:])
    assert (meeting.place, meeting.start, meeting.end) == ("Kommunhuset, Sessionssalen", time(13), time(16, 10))
    groups = {a.name: a.group for a in meeting.attendees}
    # One list of two groups: the ersättare by their role, the rest the others.
    assert groups == {
        "Greta Grönlund": AttendanceGroup.MEMBER,
        "Hugo Hellström": AttendanceGroup.MEMBER,
        "Ingrid Ivarsson": AttendanceGroup.MEMBER,
        "Cilla Carlberg": AttendanceGroup.SUBSTITUTE,
        "Maja Malmsten": AttendanceGroup.OTHER,
    }
    assert meeting.adjustment is not None and meeting.adjustment.place_and_time == "Kommunhuset 2018-09-10"
    # The table's drawing is no text anywhere.
    assert "+--" not in _all_text(meeting) and "närvarande" not in str(problems.report())


def test_a_name_written_surname_first_is_the_rosters_person() -> None:
    meeting, _ = read_text(
        PROTOCOL.format(**PARTS).replace("Maja Malmsten, nämndsekreterare", "Malmsten Maja, nämndsekreterare")
    )
    [other] = [a for a in meeting.attendees if a.group is AttendanceGroup.OTHER]
    assert (other.name, other.person, other.role) == ("Maja Malmsten", "maja-malmsten", "nämndsekreterare")


def test_a_role_in_capitals_in_a_parenthesis_and_a_span_after_it() -> None:
    meeting, _ = read_text(
        PROTOCOL.format(**PARTS).replace("Maja Malmsten, nämndsekreterare", "Maja Malmsten (Processledare) § 113")
    )
    [other] = [a for a in meeting.attendees if a.group is AttendanceGroup.OTHER]
    assert other.role == "processledare"
    assert other.paragraphs is not None and other.paragraphs.spans() == ((113, 113),)


@pytest.mark.parametrize(("written", "spans"), [("ej § 113", ((112, 112),)), ("utom § 112", ((113, 113),))])
def test_present_at_every_paragraph_but_one(written: str, spans: tuple[tuple[int, int], ...]) -> None:
    meeting, _ = read_text(
        PROTOCOL.format(**PARTS).replace("Ingrid Ivarsson (C)", f"Ingrid Ivarsson (C), ledamot {written}")
    )
    [ingrid] = [a for a in meeting.attendees if a.name == "Ingrid Ivarsson"]
    assert ingrid.role == "ledamot" and ingrid.paragraphs is not None and ingrid.paragraphs.spans() == spans


def test_a_time_span_whose_dash_the_export_lost() -> None:
    meeting, _ = read(place_and_time="Kommunhuset, Sessionssalen, kl 13:00 16:10")
    assert (meeting.place, meeting.start, meeting.end) == ("Kommunhuset, Sessionssalen", time(13), time(16, 10))


def test_a_dnr_that_is_one_only_by_its_label() -> None:
    meeting, _ = read(history="Diarienummer 1800311\n\n")
    assert [str(d) for d in meeting.items[1].dnr] == ["EXN 2018/311"]


def test_a_jav_said_in_a_sentence_the_export_hyphenated() -> None:
    meeting, _ = read(
        decision="Ingrid Ivarsson (C) an-\nmäler jäv och deltar inte i handläggningen.\n\n"
        "Kommunstyrelsen beslutar att lägga redovisningen till handlingarna."
    )
    assert [p.name for p in meeting.items[1].disqualified] == ["Ingrid Ivarsson"]
    assert "an-\nmäler jäv" in _all_text(meeting)  # kept as written


def test_signatures_and_anslag_after_the_last_paragraph_without_lines_or_heading() -> None:
    head = PROTOCOL.format(**PARTS)
    ending = (
        "\n\nVid protokollet\n\nMaja Malmsten\n\nJusteras\n\n"
        "| Greta Grönlund | Hugo Hellström |\n|---|---|\n| Ordförande | Justerare |\n\n"
        "Protokollet justerat 2018-09-10. Justeringen har tillkännagivits genom anslag.\n\n"
        "| Anslaget sätts upp | 2018-09-11 |\n|---|---|\n| Anslaget tas ned | 2018-10-03 |\n"
    )
    text = head[: head.index("ANSLAG/BEVIS")] + head[head.index("KS § 112") :].rstrip() + ending
    meeting, _ = read_text(text.replace(PARTS["signatures"], ""))
    assert _posting(meeting) == DATES
    assert meeting.items[-1].decision == PARTS["decision"]  # neither signatures nor anslag in it
    assert meeting.adjustment is not None
    assert [(s.role, s.name) for s in meeting.adjustment.signatories] == [
        ("Vid protokollet", "Maja Malmsten"),
        ("Ordförande", "Greta Grönlund"),
        ("Justerare", "Hugo Hellström"),
    ]


def test_a_saved_pages_breadcrumb_and_buttons_are_furniture() -> None:
    page = (
        "Kommunalförbundet Exempelnäs | Om förbundet | Kommunstyrelsen | Protokoll 2018\n\nSök   Kontakt   English\n\n"
    )
    text = page + PROTOCOL.format(**PARTS) + "\nRedigera\n\nShare Dela\n"
    meeting, _ = read_text(text)
    shown = _all_text(meeting)
    assert "Om förbundet" not in shown and "English" not in shown and "Redigera" not in shown and "Dela" not in shown


def test_a_second_place_and_time_of_another_day_is_the_justerings() -> None:
    meeting, _ = read_text(
        PROTOCOL.format(**PARTS).replace(
            "Justeringens plats och tid\tKommunhuset 2018-09-10",
            "Justering\nPlats och tid\tKommunhuset, måndagen den 10 september 2018 kl. 15.00",
        )
    )
    assert (meeting.place, meeting.start, meeting.end) == ("Kommunhuset, Sessionssalen", time(13), time(16, 10))
    assert ("Plats och tid", "Kommunhuset, måndagen den 10 september 2018 kl. 15.00") in [
        (e.label, e.text) for e in meeting.extras
    ]


# -- the ninth blind set ----------------------------------------------------------------------

_VOTERS = "Greta Grönlund (S)\tHugo Hellström (M)\nIngrid Ivarsson (C)\n"


def _votes_of(decision: str) -> list[tuple[list[str], list[str], list[str]]]:
    meeting, _ = read(decision=decision)
    return [
        ([p.name for p in v.yes], [p.name for p in v.no], [p.name for p in v.abstaining])
        for v in meeting.items[1].votes
    ]


def test_a_vote_in_columns_in_the_running_text() -> None:
    decision = (
        "Votering begärs. Vid voteringen avges 2 ja-röster och 1 nej-röst:\n\nJa\tNej\n"
        + _VOTERS.replace("Greta Grönlund (S)\tHugo Hellström (M)", "Greta Grönlund (S)\tHugo Hellström (M)")
        + "\nKommunstyrelsen beslutar att lägga redovisningen till handlingarna."
    )
    assert _votes_of(decision) == [(["Greta Grönlund", "Ingrid Ivarsson"], ["Hugo Hellström"], [])]


def test_a_vote_table_of_marks_in_the_running_text() -> None:
    decision = (
        "Omröstning begärs och verkställs.\n\n| Ledamot | Ja | Nej | Avstår |\n|---|---|---|---|\n"
        "| Greta Grönlund | X | | |\n| Hugo Hellström | | X | |\n| Ingrid Ivarsson | | | X |\n"
        "| **Summa** | 1 | 1 | 1 |\n\n"
        "Kommunstyrelsen beslutar att lägga redovisningen till handlingarna."
    )
    assert _votes_of(decision) == [(["Greta Grönlund"], ["Hugo Hellström"], ["Ingrid Ivarsson"])]


def test_a_vote_said_without_colons_under_a_joined_heading() -> None:
    decision = (
        "Propositionsordning och omröstning\n\nOrdföranden ställer proposition och votering begärs.\n\n"
        "Ja röstar Greta Grönlund och Ingrid Ivarsson.\n\nNej röstar Hugo Hellström.\n\n"
        "Kommunstyrelsen beslutar att lägga redovisningen till handlingarna."
    )
    assert _votes_of(decision) == [(["Greta Grönlund", "Ingrid Ivarsson"], ["Hugo Hellström"], [])]


def test_the_clock_word_in_capitals_is_no_part_of_the_place() -> None:
    meeting, _ = read(place_and_time="Kl 13.00-16.10 Kommunhuset, Sessionssalen")
    assert (meeting.place, meeting.start, meeting.end) == ("Kommunhuset, Sessionssalen", time(13), time(16, 10))


def test_an_earlier_handling_by_two_short_names_is_no_title() -> None:
    meeting, _ = read_text(PROTOCOL.format(**PARTS).replace("KS § 113\n", "KS § 113\tAu KS § 42\n"))
    assert meeting.items[1].title == "Delegationsbeslut"
    assert "Au KS § 42" in _all_text(meeting)


def test_an_ordinal_role_in_a_parenthesis() -> None:
    meeting, _ = read_text(
        PROTOCOL.format(**PARTS).replace("Hugo Hellström (M)", "Hugo Hellström (M) (2:e vice ordförande)")
    )
    assert [a.role for a in meeting.attendees if a.name == "Hugo Hellström"] == ["2:e vice ordförande"]


def test_a_label_run_into_its_value() -> None:
    meeting, problems = read(adjusters="Utses att justeraIngrid Ivarsson\n")
    assert meeting.adjustment is not None and [a.name for a in meeting.adjustment.adjusters] == ["Ingrid Ivarsson"]
    assert "justeraIngrid" not in problems.report()


def test_a_label_a_scan_read_without_its_dots() -> None:
    meeting, _ = read_text(PROTOCOL.format(**PARTS).replace("Övriga deltagande\t", "Ovriga deltagande\t"))
    assert [(a.name, a.group) for a in meeting.attendees if a.name == "Maja Malmsten"] == [
        ("Maja Malmsten", AttendanceGroup.OTHER)
    ]


def test_a_body_named_after_a_members_party_is_no_person() -> None:
    meeting, _ = read_text(
        PROTOCOL.format(**PARTS).replace(
            "Ingrid Ivarsson (C)", "Ingrid Ivarsson (C), Hälso- och sjukvårdsnämnden Västra Ekby"
        )
    )
    assert "Västra Ekby" not in [a.name for a in meeting.attendees]
    assert [a.role for a in meeting.attendees if a.name == "Ingrid Ivarsson"] == [
        "Hälso- och sjukvårdsnämnden Västra Ekby"
    ]


def test_a_signature_field_without_names_is_kept_as_written() -> None:
    meeting, _ = read(signatures="Underskrifter\tGenom digital justering")
    assert ("Underskrifter", "Genom digital justering") in [(e.label, e.text) for e in meeting.extras]


def test_an_image_with_pandocs_attributes_is_furniture() -> None:
    text = '![Exempelnäs logotyp](media/image1.png){width="1.8in"}\n\n' + PROTOCOL.format(**PARTS)
    meeting, _ = read_text(text)
    assert "media/image1.png" not in _all_text(meeting) and "width" not in _all_text(meeting)


def test_an_annex_whose_table_names_a_paragraph_again() -> None:
    annex = (
        "\n\n**Bilaga 1 Närvaro- och omröstningslista**\n\n"
        "**KS § 113**\t\t\n**Ledamöter**\t**Närvarande**\t**Ja**\t**Nej**\n"
        "Greta Grönlund\tX\tX\t\nHugo Hellström\tX\t\tX\n"
    )
    meeting, _ = read_text(PROTOCOL.format(**PARTS).rstrip() + annex)
    assert [item.number for item in meeting.items] == [112, 113]
    assert "Hugo Hellström\tX" not in meeting.items[1].decision


def test_an_answer_said_before_words_that_are_no_names() -> None:
    # "Nej röstar de som …" is the question put, not a list of voters.
    decision = (
        "Omröstning\n\nJa röstar de som vill bifalla förslaget, nej röstar de som vill avslå det.\n\n"
        "Ja röstar Greta Grönlund och Ingrid Ivarsson.\n\nNej röstar Hugo Hellström.\n\n"
        "Kommunstyrelsen beslutar att lägga redovisningen till handlingarna."
    )
    assert _votes_of(decision) == [(["Greta Grönlund", "Ingrid Ivarsson"], ["Hugo Hellström"], [])]
