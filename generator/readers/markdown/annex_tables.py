"""Annexes printed with a protocol: a närvarolista or a närvaro- och omröstningslista.

Many bodies (a kommunfullmäktige above all) write "Beslutande: enligt bifogad närvarolista" in the
header and give attendance, and roll-call votes, as a table after the last paragraph:

    Ledamot | Parti | Närvarande | Ja | Nej | Avstår
    Namn | Kommun | Ordinarie/Ersättare | Närvarande | Frånvarande | Anmärkning

The columns are found by their headings (vocabulary: närvarotabell, fakta), not by position; a
row is one person, present when marked present (or, without such a column, when marked in a vote)
and absent when marked absent or not marked at all. The annex's text is kept as written; this
module only reads the facts out of its rows.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from generator.model import AttendanceGroup, Attendee
from generator.readers.attendance import RANGE, with_party
from generator.readers.markdown.text import NAME_START, _unmark
from generator.readers.vocabulary import Vocabulary, normalise

# Reads one person's cell ("Gunnel Rask, ordförande", "Alf Berglöf för Siv Kronqvist") in a group.
ReadPerson = Callable[[str, AttendanceGroup, str | None, int], list[Attendee]]

_SERVING = re.compile(r"(?i)(för|istf|i stället för|ersätter)\b")
# Header fields of the vocabulary (huvud) that list attendance, with their group and role.
ATTENDANCE_GROUPS = {
    "beslutande": (AttendanceGroup.MEMBER, None),
    "tjänstgörande_ersättare": (AttendanceGroup.SUBSTITUTE, "tjänstgörande"),
    "ersättare": (AttendanceGroup.SUBSTITUTE, None),
    "övriga": (AttendanceGroup.OTHER, None),
}


def group_label(text: str, vocabulary: Vocabulary) -> tuple[AttendanceGroup, str | None] | None:
    """The group and role of an attendance label alone ("Ersättare", "Tjänstgörande
    ersättare:"), or None when ``text`` is no such label or says more after it."""
    text = _COUNT.sub("", text) if text else text  # "**Ledamöter (11)**": the group and how many it has
    label = vocabulary.label(vocabulary.header, text) if text else None
    return ATTENDANCE_GROUPS.get(label[0]) if label and not label[2] else None


_ROLE_REMARK = re.compile(r"[^\W\d]|\d:e\b")  # a remark that opens with a word, not with "§" or a number
_COUNT = re.compile(r"\s*\(\d{1,3}\)(?=\W*$)")


@dataclass
class AnnexFacts:
    present: list[Attendee] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    # (paragraph, question, yes, no, abstaining): a roll call given in the annex's table
    votes: list[tuple[int, str, list[str], list[str], list[str]]] = field(default_factory=list)


def read_tables(rows: list[tuple[int, list[str]]], vocabulary: Vocabulary, read_person: ReadPerson) -> AnnexFacts:
    """``rows``: (line number, cells) of the annex, a row without a tab being one cell. A table
    starts at a row whose cells are column headings and runs while rows have several cells."""
    facts = AnnexFacts()
    columns: dict[str, int] = {}
    group: tuple[AttendanceGroup, str | None] = (AttendanceGroup.MEMBER, None)
    vote_at: tuple[int, str] | None = None
    votes: dict[str, list[str]] = {}
    codes: dict[str, str] = {}  # "Närv (N), Frånv (F), Närv tj.g. (NT)": what each code means
    after_heading = False
    above: list[str] = []  # the heading row above a second one
    listed_present = False  # under "Närvarande ej tjänstgörande ersättare": the names alone are present
    for number, cells in rows:
        heading = _columns(cells, vocabulary)
        sub = _sub_columns(cells, vocabulary, above) if after_heading and heading is None else None
        if heading is not None or sub:
            # A second heading row below the first ("Ordinarie ledamöter | Tjg | Ej tjg | JA |
            # NEJ" under "Beslutande | Närvaro | | § 28"): its words name the columns.
            columns = {**columns, **sub} if sub else heading or {}
            above = cells
            codes.update(_codes(cells))
            if heading is not None:
                first = vocabulary.label(vocabulary.header, cells[0])
                group = (
                    ATTENDANCE_GROUPS.get(first[0], group) if first and not first[2] else (AttendanceGroup.MEMBER, None)
                )
            said = next((m for c in cells if (m := _paragraph_said(c))), None)
            listed_present = False
            if said and (vote_at is None or vote_at[0] != int(said[1])):
                # "§ 28" over Ja/Nej: the column heading is no question, and a second table for
                # the same § (the ersättare's, under the members') goes on the same roll call.
                vote_at, votes = (int(said[1]), ""), {}
            after_heading = True
            continue
        after_heading = False
        alone = [c for c in cells if c]
        if columns and len(alone) == 1 and (alone_group := group_label(alone[0], vocabulary)):
            group = alone_group  # "Ersättare" alone over the next rows: same columns, another group
            first_word = normalise(alone[0]).split()[0]
            listed_present = vocabulary.annex_columns.get(first_word) == "närvarande"
            continue
        if columns and len(alone) == 1 and (alone[0].startswith("#") or not NAME_START.match(_unmark(alone[0]))):
            columns = {}  # "### Digitala signaturer" after the table: its rows have ended
        if len(alone) <= 1 and not (columns and cells and _has_name(cells, columns)):
            text = _unmark(" ".join(cells).strip())
            said = RANGE.search(text)
            if text and said and (vocabulary.label(vocabulary.facts, text) or len(text.split()) <= _TITLE_WORDS):
                # "Votering § 16", "Bilaga 1 till KF § 74": the tables below are its roll call.
                vote_at = (int(said[1]), text)
                votes = {}
            if text:
                columns = {} if not said else columns
            continue
        if not columns and (said := next((RANGE.fullmatch(c) for c in alone if RANGE.fullmatch(c)), None)):
            vote_at, votes = (int(said[1]), " ".join(alone)), {}  # "Närvaro<TAB>§ 77" over the columns
            continue
        if "namn" not in columns or columns["namn"] >= len(cells) or not cells[columns["namn"]]:
            continue
        if vocabulary.facts.get(normalise(cells[columns["namn"]])) == "summa":
            continue
        attendee = _person(number, cells, columns, group, vocabulary, read_person)
        if attendee is None:
            continue
        if listed_present and len(alone) == 1:
            facts.present.append(attendee)  # a name alone under a label that says present
            continue
        marked = {key for key, at in columns.items() if at < len(cells) and _marked(cells[at])}
        coded = cells[columns["närvarokod"]].strip() if columns.get("närvarokod", 99) < len(cells) else ""
        if coded in codes:
            marked.discard("närvarokod")
            marked.add(codes[coded])  # "N": present, "F": absent, "NT": present and serving
        presence = cells[columns["närvarande"]] if columns.get("närvarande", 99) < len(cells) else ""
        if presence and vocabulary.attendance_absent.search(presence):
            marked.discard("närvarande")
            marked.add("frånvarande")  # "Frånvarande" written in the presence column
        served = cells[columns["tjänstgör_för"]].strip() if columns.get("tjänstgör_för", 99) < len(cells) else ""
        if served and re.search(r"[A-ZÅÄÖ]", served):
            # "Tomas Edh (S)<TAB>…<TAB>X<TAB>Håkan Vallström (S)": whom the substitute serves for.
            attendee = replace(
                attendee, serving_for=re.sub(r"\s*\([^)]*\)", "", served).strip(), role=attendee.role or "tjänstgörande"
            )
            marked.discard("tjänstgör_för")
        given = cells[columns["närvarande_paragrafer"]] if columns.get("närvarande_paragrafer", 99) < len(cells) else ""
        if given and re.search(r"\d", given):
            marked.add("närvarande")  # "Närvarande §: 9–16"
        elif given and vocabulary.attendance_absent.search(given):
            marked.add("frånvarande")  # "Anmält förhinder"
        if "tjänstgör" in marked and attendee.group is AttendanceGroup.SUBSTITUTE and not attendee.role:
            attendee = replace(attendee, role="tjänstgörande")  # "NT" under "Närv tj.g. (NT)"
        voted = marked & {"röst_ja", "röst_nej", "röst_avstår"}
        stand_in = None
        if "ersättare_namn" in marked:
            # "Eva Lundh<TAB>C<TAB>-<TAB>Olle Kask (C)<TAB>X": the substitute serves, and votes, for the member.
            found = read_person(cells[columns["ersättare_namn"]], AttendanceGroup.SUBSTITUTE, "tjänstgörande", number)
            stand_in = replace(found[0], serving_for=attendee.name) if found else None
        present = (
            "närvarande" in marked
            or "tjänstgör" in marked
            or ("närvarande" not in columns and "frånvarande" not in columns and bool(voted) and stand_in is None)
            # A deltagarlista ("Beslutande | Notering"): no column marks presence or a vote, a row is one present.
            or not (_PRESENCE | _VOTES) & columns.keys()
        )
        if stand_in is not None:
            facts.present.append(stand_in)
        if "frånvarande" in marked or not present:
            facts.absent.append(attendee.name)
        else:
            facts.present.append(attendee)
        voter = stand_in if stand_in is not None and not present else attendee
        if vote_at is not None and (present or stand_in is not None):
            for answer in voted:
                votes.setdefault(answer, []).append(voter.name)
            _put_vote(facts, vote_at, votes)
    return facts


_TITLE_WORDS = 8  # a line alone that names a § and is no longer than this is a heading, not prose


def _marked(cell: str) -> bool:
    """A cell that marks something ("X", "x", "1", a name), not an empty one or a dash."""
    return bool(cell.strip(" -–—"))


def _put_vote(facts: AnnexFacts, at: tuple[int, str], votes: dict[str, list[str]]) -> None:
    entry = (at[0], at[1], votes.get("röst_ja", []), votes.get("röst_nej", []), votes.get("röst_avstår", []))
    if facts.votes and facts.votes[-1][:2] == at[:2]:
        facts.votes[-1] = entry
    else:
        facts.votes.append(entry)


_CODE_LEGEND = re.compile(r"(?P<word>[A-Za-zÅÄÖåäö][\w. ]*?)\s*\((?P<code>[A-ZÅÄÖ]{1,3})\)")


def _codes(cells: list[str]) -> dict[str, str]:
    """The codes a heading explains ("Närv (N)", "Frånv (F)", "Närv tj.g. (NT)") and the mark
    each stands for."""
    found: dict[str, str] = {}
    for cell in cells:
        if "(" not in cell:
            continue
        for legend in _CODE_LEGEND.finditer(cell):
            word = legend["word"].casefold()
            if word.startswith("frånv"):
                found[legend["code"]] = "frånvarande"
            elif word.startswith("närv"):
                found[legend["code"]] = "tjänstgör" if "tj" in word[4:] else "närvarande"
    return found


def _sub_columns(cells: list[str], vocabulary: Vocabulary, above: list[str]) -> dict[str, int] | None:
    """The columns a second heading row names, when at least two of its cells are column words
    and it is no person's row ("Ulf Bäckman (M)<TAB>N<TAB><TAB>Ja": the marks are column words too).
    A word means what the heading above it asks: "Ja" and "Nej" under "Närvaro" are present and
    absent, under "Votering § 19" a vote."""
    if cells and NAME_START.match(cells[0]):
        return None
    found: dict[str, int] = {}
    for i, cell in enumerate(cells):
        if i == 0:
            continue
        key = normalise(cell)
        kind = vocabulary.annex_columns.get(key) or vocabulary.facts.get(key)
        parent = next((normalise(c) for c in reversed(above[: i + 1]) if c.strip()), "")
        if kind in _PRESENCE_ANSWERS and vocabulary.annex_columns.get(parent) == "närvarande":
            kind = _PRESENCE_ANSWERS[kind]
        if kind and kind not in found:
            found[kind] = i
    return found if len(found) >= 2 else None


# "Ja" and "Nej" under a presence column's heading.
_PRESENCE_ANSWERS = {"röst_ja": "närvarande", "röst_nej": "frånvarande"}


def column_heading(cells: list[str], vocabulary: Vocabulary) -> bool:
    """Whether ``cells`` are the heading row of an attendance table."""
    return _columns(cells, vocabulary) is not None


# "Kf § 78 Ja": a vote's column headed by the paragraph it is for.
_HEADED_BY_PARAGRAPH = re.compile(r"^\s*((?:[A-ZÅÄÖa-zåäö]{1,5}\s*)?§\s*\d+)\s+(\S.*)$")


def _paragraph_of(cell: str) -> tuple[str, str]:
    """ "Kf § 78 Ja" as ("Kf § 78", "Ja"); any other cell as (cell, cell)."""
    found = _HEADED_BY_PARAGRAPH.match(cell)
    return (found[1], found[2]) if found else (cell.strip(), cell)


def _paragraph_said(cell: str) -> re.Match[str] | None:
    """The § a heading cell names: alone ("§ 28"), before its column's word ("Kf § 78 Ja"), or
    after the word for a vote ("Votering § 19")."""
    found = _HEADED_BY_PARAGRAPH.match(cell)
    if found:
        return RANGE.search(found[1])
    return RANGE.fullmatch(cell.strip()) or _VOTE_FOR.fullmatch(cell.strip())


_VOTE_FOR = re.compile(r"(?i)(?:votering|omröstning)\s+(?:i\s+|för\s+)?§\s*(\d+)")


def _columns(cells: list[str], vocabulary: Vocabulary) -> dict[str, int] | None:
    """The columns of a heading row, or None when the row is not one: it must name a person
    column and at least one more it knows."""
    found: dict[str, int] = {}
    for i, cell in enumerate(cells):
        key = normalise(_paragraph_of(cell)[1])
        kind = vocabulary.annex_columns.get(key) or vocabulary.facts.get(key)
        if kind is None and "/" in key:
            # "Anteckningar/ Tjänstgörande ersättare": a column headed by two words, the first one known.
            kind = next((k for part in key.split("/") if (k := vocabulary.annex_columns.get(part.strip()))), None)
        if kind is None and "(" in cell and _codes([cell]):
            kind = "närvarokod"  # "Närv (N),Frånv (F)": a column of codes
        if i == 0 and group_label(cell, vocabulary):
            kind = "namn"  # "Tjänstgörande ersättare" over its names: the first column names persons
        if kind and kind not in found:
            found[kind] = i
    if (
        "namn" not in found
        and len(found) >= 2
        and _PRESENCE & found.keys()
        and cells[0]
        and 0 not in found.values()
        # Every other cell a column's heading, written out: marks and codes ("X", "N", "Ja") are short.
        and all(len(c.strip()) > _MARK_LENGTH for c in cells[1:] if c)
        and len(found) == len([c for c in cells[1:] if c])
        and "(" not in cells[0]  # "Ulf Bäckman (M)": a person's row
    ):
        # "Granås kommun | Närvarande | Frånvarande": whatever heads it, the first column is the persons'.
        found["namn"] = 0
    if "namn" not in found or len(found) < 2 or any(not c for c in cells[: found["namn"]]):
        return None
    return found


_PRESENCE = {"närvarande", "frånvarande", "tjänstgör"}
_VOTES = {"röst_ja", "röst_nej", "röst_avstår"}
_MARK_LENGTH = 3  # characters: a mark or a code in a cell is no longer


def _has_name(cells: list[str], columns: dict[str, int]) -> bool:
    at = columns.get("namn", 0)
    return at < len(cells) and bool(cells[at])


def _person(
    number: int,
    cells: list[str],
    columns: dict[str, int],
    group: tuple[AttendanceGroup, str | None],
    vocabulary: Vocabulary,
    read_person: ReadPerson,
) -> Attendee | None:
    def cell(kind: str) -> str:
        at = columns.get(kind)
        return cells[at].strip() if at is not None and at < len(cells) else ""

    name = cell("namn")
    party = cell("parti")
    if party and "(" not in name and re.fullmatch(r"[A-ZÅÄÖa-zåäö]{1,5}", party):
        name = with_party(name, party)
    kind, role = group
    function = cell("funktion")
    remark = cell("anmärkning")
    if function:
        head, _, described = function.partition(",")
        label = vocabulary.label(vocabulary.header, function)
        if label and label[0] in ATTENDANCE_GROUPS:
            # "Ersättare", "Ledamot", "Tjänstgörande ersättare för Marcus Berg (M)"
            kind, role = ATTENDANCE_GROUPS[label[0]]
            rest = label[2].strip(" ,")
            if rest and _SERVING.match(rest):
                remark = f"{rest} {remark}".strip()
            elif rest:
                role = rest
        elif normalise(head) == "ordinarie":
            kind, role = AttendanceGroup.MEMBER, described.strip() or role
        elif "ordf" in normalise(function):
            kind, role = AttendanceGroup.MEMBER, function  # "1:e vice ordförande": a member's role
        else:
            kind, role = AttendanceGroup.OTHER, function
    for kind_of_mark in ("närvarande", "tjänstgör"):
        # "X §§ 24-26" in the presence column: present for those paragraphs.
        if (mark := cell(kind_of_mark)) and RANGE.search(mark):
            remark = f"{remark} {RANGE.search(mark).group(0)}".strip()  # type: ignore[union-attr]
    present_for = cell("närvarande_paragrafer")
    if present_for and "§" not in present_for and not re.search(r"[A-Za-zÅÄÖåäö]", present_for):
        remark = f"{remark} §§ {present_for}".strip()  # "24-26"
    elif present_for and (
        re.search(r"\d", present_for) or vocabulary.annex_columns.get(normalise(present_for.split()[0])) == "tjänstgör"
    ):
        # "§§ 14-18", "tom 97", "fr o m 98", "Tjg § 17", "Tjg": read as the header's are.
        remark = f"{remark} {present_for}".strip()
    # "Ordförande", "1:e vice ordförande" in the remarks: a role after the name, as a comma writes it.
    joined = f"{name}, {remark}" if _ROLE_REMARK.match(remark) else f"{name} {remark}"
    found = read_person(joined.strip(" ,"), kind, role, number)
    if not found:
        return None
    attendee = found[0]
    if cell("tjänstgör") and attendee.group is AttendanceGroup.SUBSTITUTE and not attendee.role:
        attendee = replace(attendee, role="tjänstgörande")
    municipality = cell("kommun")
    if municipality and not attendee.municipality:
        attendee = replace(attendee, municipality=municipality)
    return attendee
