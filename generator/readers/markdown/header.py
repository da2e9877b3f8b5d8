"""The header: the document title, then label/value rows (place and time, beslutande, ersättare,
övriga, justering, signatures), as rows of a table, lines of their own or prose."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import time

from generator import messages
from generator.model import (
    Adjustment,
    AttendanceGroup,
    Attendee,
    Extra,
    ParagraphRange,
    PersonName,
    Signatory,
)
from generator.readers.attendance import (
    RANGE,
    paragraph_range,
    with_party,
)
from generator.readers.markdown.annex_tables import ATTENDANCE_GROUPS, column_heading, read_tables
from generator.readers.markdown.attendance_prose import present_in_sentence
from generator.readers.markdown.closing_signatures import SIGNATURE_LINE, signature_block_at
from generator.readers.markdown.context import CHAIR_ROLE, ReadContext
from generator.readers.markdown.furniture import Furniture
from generator.readers.markdown.paragraph_starts import abbreviates
from generator.readers.markdown.text import (
    _COMPACT_IN_TEXT,
    _ISO_DATE,
    _PIPE_SEPARATOR,
    NAME_START,
    PERSON_SHAPE,
    Line,
    _cells,
    _date_of,
    _heading_like,
    _join_parts,
    _names_like,
    _same,
    _unmark,
    _without_codes,
)
from generator.readers.vocabulary import normalise

# Searched for (the place is what comes before it): linear even on a long line without "kl".
# "kl 08:30 12:15": a span whose dash the export lost is still a span.
_TIME = re.compile(
    r"\b(?:[Kk]lockan|[Kk]l\.?)\s*+(?P<start>\d{1,2}[:.]\d{2})(?:(?:\s*+[-–]\s*+|\s++)(?P<end>\d{1,2}[:.]\d{2}))?"
)


_ONE_CLOCK = re.compile(r"(?<![\d:.])(?P<start>\d{1,2}[:.]\d{2})(?P<end>)(?![\d:.])")


_RANGE_WITHOUT_SIGN = re.compile(r"(?<!\d)(\d{1,6})\s*(?:-{1,2}|–)\s*(\d{1,6})(?!\d)")


_PLACE_AFTER = re.compile(r",?\s+(?:i|på)\s+(?P<place>[A-ZÅÄÖ][^.]*?)\.?\s*$")


_NEXT_SPAN = re.compile(
    r"\s*(?:,|och)\s*(?:kl\.?\s*)?(?P<start>\d{1,2}[:.]\d{2})\s*+[-–]\s*+(?P<end>\d{1,2}[:.]\d{2})(?![\d:.])"
)


_CLOCK_SPAN = re.compile(r"(?<![\d:.])(?P<start>\d{1,2}[:.]\d{2})\s*+[-–]\s*+(?P<end>\d{1,2}[:.]\d{2})(?![\d:.])")


@dataclass
class Header:
    place: str = ""
    start: time | None = None
    end: time | None = None
    attendees: list[Attendee] = field(default_factory=list)
    adjusters: tuple[PersonName, ...] = ()
    place_and_time: str = ""
    signatories: list[Signatory] = field(default_factory=list)
    signed: ParagraphRange | None = None
    line: int = 0  # of the signature rows, for messages about the signed range
    time_line: int = 0  # of "Plats och tid"
    refused: bool = False  # a line was not understood (reported once)
    absentees: tuple[PersonName, ...] = ()
    extras: list[Extra] = field(default_factory=list)
    # Roll calls in the header's attendance table ("§ 36 | JA | NEJ" columns), as an annex gives them.
    table_votes: list[tuple[int, str, list[str], list[str], list[str]]] = field(default_factory=list)
    sub_group: tuple[AttendanceGroup, str | None] | None = None  # set by a sub-label in a row
    group_range: ParagraphRange | None = None  # "… deltar under punkt 29" after the label
    awaiting_signature: list[str] = field(default_factory=list)  # roles whose names the next row gives
    value_below: int | None = None  # the column of a label ("Paragrafer") whose value is in the next row
    # "Beslutande:<TAB><TAB>Ersättare:": groups side by side, (first column, field) each.
    group_columns: list[tuple[int, str]] = field(default_factory=list)

    def adjustment(self) -> Adjustment | None:
        if not (self.adjusters or self.place_and_time or self.signatories):
            return None
        return Adjustment(self.adjusters, self.place_and_time, tuple(self.signatories), self.signed, self.line)


_DOCUMENT_CODE = re.compile(r"([A-ZÅÄÖ]{1,6})[\s-]?(\d{6}|\d{8})")
_SLOGAN_WORDS = 3  # "GYMNASIET MITT I FJÄLLEN": a letterhead's slogan is a few words


_LEADING_PREPOSITION = re.compile(r"^(?:i|på)\s+(?=[A-ZÅÄÖ])")


_SIGNED_LABELS = frozenset({"paragrafer", "paragraf", "justerade paragrafer"})


# Header fields that hold one text: a continuation row adds to it rather than a second value.
_ONE_VALUE_FIELDS = frozenset({"plats_och_tid", "datum", "justering"})


_PARTY_CELL = re.compile(r"\(?([A-ZÅÄÖ]{1,4})\)?")


def _with_party_cells(values: list[str], role_endings: tuple[str, ...]) -> list[str]:
    """An attendance row's cells as the attendance reader reads a cell: a party column
    ("M<TAB>Bengt Rosvall") written after the name it stands beside, as a code ("Bengt Rosvall
    (M)"; a name that has its code keeps it), and a cell of a role or paragraphs joined to the
    name before it."""
    out: list[str] = []
    party = None
    for value in values:
        code = _PARTY_CELL.fullmatch(value.strip())
        if code and len(values) > 1:
            party = code[1]
            continue
        if (
            out
            and value[:1]
            and (
                value[:1].islower()
                or value[:1].isdigit()
                or value[:1] == "§"
                or not NAME_START.match(value)
                or value.split()[0].casefold().endswith(role_endings)  # "Enhetschef Miljöskydd"
            )
        ):
            # "Tomas Heder (M)<TAB>1:e vice ordförande", "Peter Carlsson<TAB>Teknisk chef": the
            # role; a cell that does not open with a name (two capitalised words) is no person.
            out[-1] = f"{out[-1]}, {value}"
            continue
        if party and value and "(" not in value.split(",")[0]:
            value = with_party(value, party)
        out.append(value)
        party = None
    return out


class HeaderReader:
    """Reads the title and the header's rows into a ``Header``."""

    def __init__(self, ctx: ReadContext, furniture: Furniture) -> None:
        self.ctx = ctx
        self.furniture = furniture

    def adjusters_signing(self, header: Header) -> tuple[PersonName, ...]:
        """The justerare as the signature rows name them ("Justerande ……… / Siv Rönnqvist"),
        when neither the header nor a paragraph says who was chosen. The chair, who signs under
        "Justeras" too in many templates, is none."""
        chairs = {_without_codes(p.name) for p in self.ctx.chairs.values()}
        out: list[PersonName] = []
        for signer in header.signatories:
            if self.signing_role(signer.role) != "justerare" or not _names_like(signer.name):
                continue
            listed = self.ctx.named(signer.name)
            if len(listed) > 1:
                out += listed  # "Justeras: Birgitta Alm Jonas Teng": names run together, each adjusts
            elif _without_codes(signer.name) not in chairs:
                out.append(PersonName(signer.name, signer.person))
        return tuple(out)

    def roles_by_signature(self, header: Header, attendees: list[Attendee]) -> list[Attendee]:
        """When no one present is written as the chair (or the secretary), the one who signs as
        ordförande chaired (as sekreterare kept the minutes): that attendee, listed without a
        role, gets the role the signature gives."""
        for key in ("ordförande", "sekreterare"):
            if any(a.role and self.signing_role(a.role) == key for a in attendees):
                continue
            signer = next((s for s in header.signatories if self.signing_role(s.role) == key), None)
            if signer is None:
                continue
            name = _without_codes(signer.name)
            attendees = [
                replace(a, role=signer.role) if a.role is None and _without_codes(a.name) == name else a
                for a in attendees
            ]
        return attendees

    def adjusters_standing_in(self, header: Header, adjusters: tuple[PersonName, ...]) -> tuple[PersonName, ...]:
        """The justerare as chosen, except one a signer stood in for ("Ingrid Lövgren (M),
        ersätter Åke Berglund (L) som justerare"): the one who signed justered."""
        out = list(adjusters)
        for signer in header.signatories:
            found = self.ctx.vocabulary.signing_for.search(signer.role)
            if not found or self.signing_role(signer.role) != "justerare":
                continue
            replaced = _without_codes(found["namn"])
            out = [PersonName(signer.name, signer.person) if _without_codes(a.name) == replaced else a for a in out]
        return tuple(out)

    def document_code(self, bare: str) -> bool:
        """ "FN060321": the body's abbreviation and the meeting's date, the document's own code."""
        found = _DOCUMENT_CODE.fullmatch(bare)
        day = self.ctx.file_date
        return bool(
            found
            and found[2] in (day.strftime("%y%m%d"), day.strftime("%Y%m%d"))
            and abbreviates(found[1], self.ctx.body.name)
        )

    def letterhead_slogan(self, bare: str, below: list[Line]) -> bool:
        """A line in capitals, of words only, that the organisation's or body's name follows."""
        following = next((line.text.strip() for line in below if line.text.strip()), "")
        return (
            bare.isupper()
            and len(bare.split()) >= _SLOGAN_WORDS
            and not any(ch.isdigit() for ch in bare)
            and not self.ctx.vocabulary.is_title(bare)
            and bool(following)
            and self.ctx.names_body(_unmark(following))
        )

    def signing_label(self, text: str) -> str | None:
        """A signing label alone on its line ("Vid protokollet", "Justeras:"), or before the line
        drawn to sign on ("Ordförande . ^ .-^^ ......" in a scan), as written."""
        found = self.ctx.vocabulary.label(self.ctx.vocabulary.signature_roles, text)
        return found[1] if found and (not found[2] or SIGNATURE_LINE.fullmatch(found[2])) else None

    def read_title(self, lines: list[Line]) -> int | None:
        """Skip the document title ("PROTOKOLL", "Sammanträdesprotokoll 4/2019") and the body's
        name; the index of the header's first line, or None (with an error) when the first line
        of content is neither a title, the body's name nor a header label."""
        seen = False  # a line of content above
        for i, line in enumerate(lines):
            text = line.text.strip()
            if not text or self.furniture.is_furniture(text):
                if text:
                    rule = self.furniture.furniture_rule(text)
                    self.ctx.note(
                        line,
                        "titel",
                        "organets namn" if _same(_unmark(text), self.ctx.body.name) else f"möbler ({rule})",
                    )
                continue
            bare = _unmark(text)
            first, seen = not seen, True
            if self.ctx.vocabulary.is_title(text) or self.document_code(bare):
                self.ctx.note(line, "titel", "dokumentets titel")
                continue
            if self.ctx.vocabulary.label(self.ctx.vocabulary.header, text) or "\t" in text or text.startswith("|"):
                return i
            if self.ctx.names_body(bare):
                self.ctx.note(line, "titel", "organets namn")
                continue
            if self.ctx.names_other_body(bare):  # the protocol says it is another body's: a contradiction
                self.ctx.error(line.number, messages.BODY_MISMATCH.format(written=bare, expected=self.ctx.body.name))
                continue
            if first and self.letterhead_slogan(bare, lines[i + 1 :]):
                # "GYMNASIET MITT I FJÄLLEN" above the organisation's name: the letterhead's, not the protocol's.
                self.ctx.note(line, "möbler", messages.FURNITURE_REMOVED.format(rule=messages.FURNITURE_SLOGAN))
                continue
            return i  # the header starts here; what it cannot place is kept as written
        return len(lines)

    def read_header(self, lines: list[Line]) -> Header:
        header = Header()
        field = ""
        written: dict[str, list[str]] = {}  # each field's values as written so far
        awaiting = False  # the line above was a label alone: this line is its value
        extra: Extra | None = None  # an unknown label's entry, which continuation rows extend
        in_tables = self.attendance_tables(lines, header)
        signed_until = 0  # lines up to this number were read as a signature block
        for at, line in enumerate(lines):
            if not line.text.strip() or line.number in in_tables or line.number < signed_until:
                continue
            if self.signing_label(line.text.strip()) is not None and (
                block := signature_block_at(lines, at, len(lines), self.signing_label, self.furniture.is_furniture)
            ):
                # "Sekreterare", a line drawn to sign on, "Tobias Lindqvist", each on its own line.
                for signing_as, signer in block.signed:
                    self.add_signatory(header, signing_as, signer)
                for signed_line in lines[block.start : block.stop]:
                    self.ctx.note(signed_line, "huvud", "underskrifter")
                signed_until = lines[block.stop - 1].number + 1
                field, awaiting = "underskrifter", False
                continue
            cells = _cells(line.text.strip(" "))  # a leading tab is an empty first cell: a continuation
            column, header.value_below = header.value_below, None
            if column is not None and column < len(cells) and _RANGE_WITHOUT_SIGN.fullmatch(cells[column].strip()):
                # "…<TAB>Paragrafer" over "…<TAB>71-77": the value under its label, in the same column.
                self.header_field(header, "paragrafer", [cells[column]], line)
                cells = cells[:column] + cells[column + 1 :]
            found = self.ctx.vocabulary.label(self.ctx.vocabulary.header, cells[0]) if cells[0] else None
            if not found and cells[0]:
                # "Direktionens ledamöter", "Nämndens ersättare": a label with the body's genitive before it.
                bare = re.sub(rf"^{re.escape(self.ctx.body.genitive)}\s+", "", _unmark(cells[0]), flags=re.IGNORECASE)
                found = (
                    self.ctx.vocabulary.label(self.ctx.vocabulary.header, bare) if bare != _unmark(cells[0]) else None
                )
            if not found and SIGNATURE_LINE.fullmatch(line.text.strip()):
                # A line drawn to sign on: the names below it sign, they are no attendance.
                field = "" if field in ATTENDANCE_GROUPS else field
                self.ctx.note(line, "huvud", "linje att skriva under på")
                continue
            # A header label wins over furniture with the same words, unless the line recurs
            # page after page ("Justerare<TAB>Utdragsbestyrkande" at every page's foot).
            # "Justerare signatur" at a page's foot: a label's word, then no name but the furniture's.
            vocabulary_furniture = bool(found and found[2] and not NAME_START.match(found[2]))
            if (
                not found or vocabulary_furniture or line.text in self.furniture.repeated
            ) and self.furniture.is_furniture(line.text):
                self.ctx.note(
                    line, "möbler", messages.FURNITURE_REMOVED.format(rule=self.furniture.furniture_rule(line.text))
                )
                continue  # a header label wins over a running header with the same words
            if _PIPE_SEPARATOR.match(line.text.strip()):
                self.ctx.note(line, "huvud", "tabellens avgränsare")
                continue  # the header written as a Markdown table: its separator row
            if columns := self.group_columns(cells):
                # "Beslutande:<TAB><TAB>Ersättare:": the rows below list each group in its column.
                header.group_columns, field, awaiting, extra = columns, "", False, None
                self.ctx.note(line, "huvud", ", ".join(f for _, f in columns))
                continue
            if found:
                header.group_columns = []  # a new label ends the columns above
            elif header.group_columns and all(_names_like(c) for c in cells if c):
                for at_cell, cell in enumerate(cells):
                    group = next((f for start, f in reversed(header.group_columns) if start <= at_cell), None)
                    if cell and group:
                        self.header_field(header, group, [cell], line)
                self.ctx.note(line, "huvud", "närvarande, i kolumner")
                continue
            if found and found[0] == "justerare" and field == "underskrifter":
                # "Justerare<TAB>Namn" among the signature rows signs; it is not the justerare field.
                values = [found[1], *(v for v in [found[2], *cells[1:]] if v)]
            elif found and found[0] == "ersättare" and field == "justerare" and not found[2]:
                # "Justerare<TAB>Maria Granath" then "Ersättare<TAB>Per Olsson": the justerare's
                # substitute, no substitute of the body; kept as written.
                self.substitute_adjuster(header, found[1], cells[1:], line)
                continue
            elif found:
                field, _, rest = found
                if field == "ersättare" and (joined := self.joined_group(rest)):
                    # "Ej tjänstgörande ersättare och övriga närvarande": one list of two groups;
                    # its ersättare say so in their role, the rest are the other group.
                    field, rest = joined
                header.group_range = None
                if field in ATTENDANCE_GROUPS and (during := self.ctx.vocabulary.present_during.fullmatch(rest)):
                    # "Personalföreträdare deltar under punkt 29": the persons below, for that paragraph.
                    header.group_range = paragraph_range(during["first"], during["last"])
                    rest = ""
                values = [v for v in ([rest] if rest else []) + cells[1:] if v]
                header.sub_group = None  # a new label: the sub-label of the rows above ends
                awaiting, extra = not values, None
                if field not in ATTENDANCE_GROUPS:
                    # "Justeringens plats<TAB>…<TAB>Paragrafer 155-162": a second field in the row.
                    values = self.split_row(header, field, values, line, 1 if rest else 0)
            elif awaiting and field and len([c for c in cells if c]) >= 1 and self.role_row(cells) is None:
                # "Plats och tid" on one line, "Folkets hus, kl. 18.30" on the next.
                values, awaiting = [c for c in cells if c], False
                if field not in ATTENDANCE_GROUPS:
                    values = self.split_row(header, field, values, line, 0)
            elif not cells[0] and extra is not None:
                index = header.extras.index(extra)
                extra = header.extras[index] = replace(
                    extra, text=" ".join([extra.text, *(c for c in cells if c)]).strip()
                )
                self.ctx.note(line, "huvud", "okänd rubrik, visas som den är skriven")
                continue
            elif not cells[0] and field in _ONE_VALUE_FIELDS:
                # A wrapped value ("Tisdag 22 november 2016 kl. 13.00," then "Kommunhuset"): read
                # again as one text with the lines before it.
                more = self.split_row(header, field, [v for v in cells[1:] if v], line, 0)
                values = [*written.get(field, []), *more]
            elif not cells[0] and field:
                values = [v for v in cells[1:] if v]  # a continuation row of the field above
                if field not in ATTENDANCE_GROUPS:
                    values = self.split_row(header, field, values, line, 0)
            elif (role := self.ctx.vocabulary.label(self.ctx.vocabulary.signature_roles, cells[0])) and (
                not role[2] or _names_like(role[2])  # "Ordförande hälsar alla välkomna …" is a sentence
            ):
                named = [v for v in [role[2], *cells[1:]] if v]
                if (
                    role[0] == "sekreterare"
                    and field != "underskrifter"
                    and len(named) == 1
                    and PERSON_SHAPE.fullmatch(_without_codes(named[0]))
                ):
                    # "Sekreterare<TAB>Hanna Björk" among the attendance, no line to sign on: she is present.
                    header.attendees += self.ctx.attendees(named[0], AttendanceGroup.OTHER, role[1], line)
                field, values = "underskrifter", [role[1], *named]
            elif sentence := self.ctx.vocabulary.adjustment_sentence.fullmatch(" ".join(c for c in cells if c)):
                field, values = "justerare", [sentence["names"]]  # "Att jämte ordföranden justera … utses X"
            elif (
                (field in ATTENDANCE_GROUPS or field == "frånvarande")
                and cells[0]
                and _names_like(cells[0])
                and (len([c for c in cells if c]) == 1 or self.ctx.roster.match_at(cells[0], 0))
            ):
                # One more line of names under a label of its own line, or a known person's row
                # with the role beside ("Kent Åberg (S)<TAB>Tjänstgör för Maria Gunnarsson (S)").
                values = [v for v in cells if v]
            elif field not in ATTENDANCE_GROUPS and (signed := self.signature_row(cells)):
                # "Olof Carlén, sekreterare" under a line drawn to sign on: a signature, the role after the name.
                self.add_signatory(header, signed[1], signed[0])
                self.ctx.note(line, "huvud", "underskrifter")
                field, awaiting = "", False
                continue
            elif (role_row := self.role_row(cells)) is not None:
                # "Vice ordföranden<TAB>Tomas Rehnberg (s)": a role before the name, as a row.
                field, values = role_row, [f"{cells[1]}, {cells[0]}"]
            elif rows := present_in_sentence(" ".join(c for c in cells if c)):
                # "Dessutom närvarade … ekonomichefen Karin Wessel, …": those present besides.
                for row in rows:
                    header.attendees += self.ctx.attendees(row, AttendanceGroup.OTHER, None, line)
                # The sentence stays on the page as written, its persons also in the attendance.
                header.extras.append(Extra(" ".join(c for c in cells if c), "", line.number))
                self.ctx.note(line, "huvud", "övriga, i en mening")
                continue
            else:
                text = " ".join(c for c in cells if c)
                if (
                    not (header.start or header.place or header.attendees)
                    and _TIME.search(text)
                    and not text.endswith(".")
                    and not (_ISO_DATE.search(text) or self.ctx.vocabulary.date_in_words.search(text))
                ):
                    # "Brattåsens miljöförbund, Kvarngatan 12 B, Vallby kl 08.30 - 11.50" above
                    # the attendance, with no label: the meeting's place and time.
                    self.header_field(header, "plats_och_tid", [text], line)
                    self.ctx.note(line, "huvud", "plats_och_tid")
                    field, awaiting = "", False
                    continue
                if not header.start:
                    self.place_and_time_in_sentence(text, header, line)
                # Kept as written under its own label, with a warning: an unknown label is no reason
                # to refuse a protocol.
                self.ctx.warning(line.number, messages.MD_UNKNOWN_HEADER.format(label=cells[0]))
                extra = Extra(cells[0], " ".join(c for c in cells[1:] if c), line.number)
                header.extras.append(extra)
                self.ctx.note(line, "huvud", "okänd rubrik, visas som den är skriven")
                if not (
                    field in ATTENDANCE_GROUPS
                    and len(cells) == 1
                    and _heading_like(line.text)
                    and not _unmark(cells[0]).endswith(":")
                ):
                    # A heading among the names ("### Fackliga organisationer") keeps them; an
                    # unknown label ("**Deltagande:**") ends them: its rows are not the group's.
                    field, awaiting = "", False
                continue
            self.ctx.note(line, "huvud", field)
            written[field] = values
            self.header_field(header, field, values, line)
        return header

    def group_columns(self, cells: list[str]) -> list[tuple[int, str]]:
        """A row of two or more attendance labels alone in their cells: (column, field) each."""
        labels = [(i, self.ctx.vocabulary.label(self.ctx.vocabulary.header, c)) for i, c in enumerate(cells) if c]
        columns = [(i, found[0]) for i, found in labels if found and found[0] in ATTENDANCE_GROUPS and not found[2]]
        return columns if len(columns) == len(labels) >= 2 else []

    def attendance_tables(self, lines: list[Line], header: Header) -> set[int]:
        """Attendance written as one table in the header ("Namn | Parti | Roll | Närvarande §"):
        read into ``header`` by its columns; the line numbers of its rows."""
        taken: set[int] = set()
        rows: list[tuple[int, list[str]]] = []
        last = 0  # the number of the table's last line so far
        for line in [*lines, Line(0, "")]:
            cells = _cells(line.text.strip(" ")) if line.text.strip() else []
            if (
                not cells
                and rows
                and line.number
                and all(not row[0] or column_heading(row, self.ctx.vocabulary) for _, row in rows)
            ):
                continue  # a blank line under the heading rows ("pdftotext -layout"): the rows follow
            if _PIPE_SEPARATOR.match(line.text.strip()) and rows:
                taken.add(line.number)
                last = line.number
                continue
            # A row right below the last, with one cell filled ("Mohammed Haddad (S)", its note
            # empty; "**Ersättare**"), goes on with the table; an empty line ends it.
            if rows and (len([c for c in cells if c]) >= 2 or (cells and line.number == last + 1)):
                rows.append((line.number, cells))
                last = line.number
                continue
            if rows:
                facts = read_tables(rows, self.ctx.vocabulary, self.ctx.annex_person)
                if facts.present or facts.absent:
                    header.attendees += facts.present
                    header.absentees += self.ctx.roster.names(_without_codes(n) for n in facts.absent)
                    header.table_votes += facts.votes
                    taken.update(number for number, _ in rows)
                    for number, _ in rows:
                        self.ctx.trace.setdefault(number, ("huvud", "närvarolista"))
                rows = []
            if len(cells) >= 2 and column_heading(cells, self.ctx.vocabulary):
                rows, last = [(line.number, cells)], line.number
        return taken

    def official_before_name(self, value: str) -> bool:
        """ "Verkställande direktören Henrik Malmsten" under the members or the ersättare: a title
        other than the chair's written before the name is an official's, one of the others."""
        found = self.ctx.attendance.roles.match(value.strip())
        return found is not None and not CHAIR_ROLE.fullmatch(found.group(0).strip())

    def role_row(self, cells: list[str]) -> str | None:
        """The attendance field of a row "<role><TAB><name>": the chair's roles are the members',
        any other role ("Verkställande direktören") is the others'."""
        if len(cells) != 2 or not cells[0] or not cells[1] or not cells[1][:1].isupper():
            return None
        role = normalise(cells[0])
        if role not in {normalise(r) for r in self.ctx.vocabulary.attendance["roller"]}:
            return None
        return "beslutande" if CHAIR_ROLE.fullmatch(role) else "övriga"

    def split_row(self, header: Header, field: str, values: list[str], line: Line, first: int) -> list[str]:
        """The values of ``field``, up to a cell (from index ``first``) that opens another
        (non-attendance) field; the fields after it are read at once. Under "Justering", a
        "Plats och tid" is the justering's own."""
        out: list[str] = []
        for j, value in enumerate(values):
            other = self.ctx.vocabulary.label(self.ctx.vocabulary.header, value) if j >= first else None
            if (
                other
                and field in ("underskrifter", "paragrafer")
                and self.ctx.vocabulary.label(self.ctx.vocabulary.signature_roles, value)
            ):
                other = None  # "Justerande<TAB>……": a signature row's role, not the justerare field
            if other and field == "justering" and other[0] in _ONE_VALUE_FIELDS | {"plats", "tid"}:
                if other[2]:
                    out.append(other[2])
                continue
            if other and other[0] != field and other[0] not in ATTENDANCE_GROUPS and other[0] != "frånvarande":
                tail = [v for v in [other[2], *values[j + 1 :]] if v]
                if other[0] == "paragrafer" and not tail and value in (row := _cells(line.text.strip(" "))):
                    header.value_below = row.index(value)  # its value stands in the row below
                    return out
                self.header_field(
                    header, other[0], self.split_row(header, other[0], tail, line, 1 if other[2] else 0), line
                )
                return out
            out.append(value)
        return out

    def header_field(self, header: Header, field: str, values: list[str], line: Line) -> None:
        joined = " ".join(values)
        if field in ("plats_och_tid", "plats", "tid", "datum"):
            if not joined.strip():
                return  # a label alone ("plats och tid" under "Justeringens:"): a known place stays
            if (header.place or header.start) and self.dated_otherwise(joined):
                # "Plats och tid<TAB>Kommunhuset, måndagen den 24 mars 2014" under "Justering": the
                # meeting's are known, another day's place and time are the justering's, kept as written.
                label = _unmark(_cells(line.text.strip(" "))[0]) or "Plats och tid"
                header.extras.append(Extra(label, joined, line.number))
                return
            place, start, end, other = self.place_and_time(joined, line, alone=field == "tid")
            if start is not None and header.start is not None and (start, end) != (header.start, header.end):
                # A second time ("Tid<TAB>kl 09.00-12.10", "<TAB>Ajournering kl 10.30-10.45") is
                # not the meeting's: kept whole, its clock included.
                place, other = "", joined
            elif field == "tid" and place:
                other, place = ", ".join(p for p in (place, other) if p), ""
            if other:
                # "Tid<TAB>… kl 13.00–16.40, ajournering 14.50–15.05": what else the time line
                # says is not the place; kept as written under its label.
                label = _cells(line.text.strip(" "))[0] or ("Tid" if field == "tid" else "Plats och tid")
                header.extras.append(Extra(label, other, line.number))
            if field not in ("datum", "tid"):
                header.place = " ".join(p for p in (header.place, place) if p) if field != "plats_och_tid" else place
            # The first time given is the meeting's; a later one ("Ajournering 10:30–10:45") is not.
            header.start, header.end = header.start or start, header.end or end
            header.time_line = header.time_line or line.number
        elif field in ATTENDANCE_GROUPS:
            label = _unmark(_cells(line.text.strip(" "))[0]).rstrip(":")
            if label and normalise(label) in self.ctx.vocabulary.role_labels:
                # "Personalrepresentanten<TAB>Bo Sjövall": the label says what the person is.
                header.sub_group = (ATTENDANCE_GROUPS[field][0], label.casefold())
            # A sub-label ("Övriga närvarande<TAB>Ersättare<TAB>…") holds for the rows below it too.
            group, role = header.sub_group or ATTENDANCE_GROUPS[field]
            if values and self.ctx.vocabulary.refers_elsewhere.search(" ".join(values)):
                # "Enligt bifogad närvarolista, bilaga 1": attendance given elsewhere, kept as written.
                header.extras.append(Extra(line.text.split("\t", 1)[0].strip(), " ".join(values), line.number))
                return
            for value in _with_party_cells(values, self.ctx.vocabulary.attendance["rolländelser"]):
                sub = self.ctx.vocabulary.label(self.ctx.vocabulary.header, value)
                if sub and sub[0] in ATTENDANCE_GROUPS and not sub[2]:
                    group, role = header.sub_group = ATTENDANCE_GROUPS[sub[0]]  # for the cells after it
                    continue
                official = self.official_before_name(value)
                found = self.ctx.attendees(value, AttendanceGroup.OTHER if official else group, role, line)
                if not found:
                    # "Samtliga individärenden publiceras inte.": no person in it; kept as written.
                    header.extras.append(Extra(value, "", line.number))
                header.attendees += [replace(a, paragraphs=a.paragraphs or header.group_range) for a in found]
        elif field == "frånvarande":
            names = [n.strip() for n in re.split(r",|\boch\b", joined) if n.strip()]
            header.absentees += self.ctx.roster.names(_without_codes(n) for n in names)
        elif field == "justerare":
            # "Utses att justera<TAB>Justerare<TAB>Maud Sjövall", "<TAB>Ersättare<TAB>Eskil Rapp":
            # sub-labels inside the field; the substitute is no justerare.
            sub = self.ctx.vocabulary.label(self.ctx.vocabulary.header, values[0]) if values else None
            if sub and sub[0] == "ersättare" and not sub[2]:
                self.substitute_adjuster(header, sub[1], values[1:], line)
                return
            if sub and sub[0] == "justerare" and not sub[2]:
                values = values[1:]
                joined = " ".join(values)
            if stand_in := self.ctx.vocabulary.adjuster_substitute.search(joined):
                # "Hanna Wallin (MP) med Per Gren (M) som ersättare": the substitute is no justerare.
                header.extras.append(Extra(messages.ADJUSTER_SUBSTITUTE_IN_VALUE, stand_in[0].strip(), line.number))
                joined = joined[: stand_in.start()]
            # "Marie Lidén, S", "Gunilla Åström, (S)": a party code after the comma is no person.
            names = [
                n.strip()
                for n in re.split(r",| och ", joined)
                if any(ch.isalpha() for ch in _without_codes(n)) and not _PARTY_CELL.fullmatch(n.strip())
            ]
            # "Birgitta Alm Jonas Teng": names without a separator, told apart by the roster.
            listed = self.ctx.named(joined)
            header.adjusters += (
                listed if len(listed) > len(names) else self.ctx.roster.names(_without_codes(n) for n in names)
            )
        elif field == "justering":
            header.place_and_time = joined
        elif field in ("underskrifter", "paragrafer"):
            header.line = header.line or line.number
            self.signatory(values, header, line)

    def substitute_adjuster(self, header: Header, label: str, cells: list[str], line: Line) -> None:
        header.extras.append(
            Extra(messages.ADJUSTER_SUBSTITUTE.format(label=label), " ".join(c for c in cells if c), line.number)
        )
        self.ctx.note(line, "huvud", "justerarens ersättare")

    def place_and_time_in_sentence(self, text: str, header: Header, line: Line) -> None:
        """ "Protokoll fört vid sammanträde med styrelsen … torsdagen den 2 september 2010 kl.
        09.30–11.45 i Mossbyhems kontor, Storgatan 14.": a sentence that gives the meeting's date
        gives its time, and the place it names after "i" or "på"."""
        dated = self.ctx.vocabulary.date_in_words.search(text) or _ISO_DATE.search(text)
        found = _TIME.search(text)
        if not (dated and found and found.start() > dated.start()):
            return
        if _date_of(dated, self.ctx.file_date) != self.ctx.file_date:
            return
        header.start = self.clock(found["start"], line)
        header.end = self.clock(found["end"], line) if found["end"] else None
        header.time_line = header.time_line or line.number
        place = _PLACE_AFTER.match(text, found.end())
        if place and not header.place:
            header.place = place["place"]

    def place_and_time(self, value: str, line: Line, alone: bool = False) -> tuple[str, time | None, time | None, str]:
        """The place as written, without its times ("kl. 10:30 – 12.00", or "08.30-11.15" without
        "kl"), which may stand before or after it; with ``alone`` (a field of its own for the
        time) also a single clock ("16:30"). Last, what else the value says with a time in it
        ("Ajournering kl 12.00-13.00"), which is no part of the place."""
        value = self.without_date(value, line)
        found = _TIME.search(value) or _CLOCK_SPAN.search(value) or (_ONE_CLOCK.search(value) if alone else None)
        if not found:
            return value, None, None, ""
        start = self.clock(found["start"], line)
        end_at, last = found.end(), found["end"]
        # "kl 09.00–12.05, 13.00–15.10": a meeting held in parts ends with its last part.
        while more := _NEXT_SPAN.match(value, end_at):
            end_at, last = more.end(), more["end"]
        end = self.clock(last, line) if last else None
        kept: list[str] = []
        other: list[str] = []
        after = value[end_at:]
        if after.lstrip().startswith(". "):
            # "kl. 08.00–09.50. Ledamöter markerade med * deltar på distans.": a sentence after
            # the time is no part of the place; it is kept beside it.
            other.append(after.lstrip()[2:].strip())
            after = ""
        for part in _join_parts(value[: found.start()], after).split(", "):
            (other if _TIME.search(part) or _CLOCK_SPAN.search(part) else kept).append(part)
        # "… klockan 13.30–16.10 i Vretarummet": the place, without the preposition the sentence gave it.
        return _LEADING_PREPOSITION.sub("", ", ".join(kept)), start, end, ", ".join(other)

    def date_in(self, value: str) -> re.Match[str] | None:
        """The first date written in ``value``: in words, ISO or compact ("190423")."""
        return (
            self.ctx.vocabulary.date_in_words.search(value) or _ISO_DATE.search(value) or _COMPACT_IN_TEXT.search(value)
        )

    def dated_otherwise(self, value: str) -> bool:
        """Whether ``value`` gives a day, with its year, that is not the meeting's."""
        found = self.date_in(value)
        if not found or ("month" in found.groupdict() and not found["year"]):
            return False
        written = _date_of(found, self.ctx.file_date)
        return written is not None and written != self.ctx.file_date

    def without_date(self, value: str, line: Line) -> str:
        """The place without the meeting's date when it is written in it ("tisdag 23 april 2019",
        "2019-04-23"); a date that is not the file's is an error."""
        found = self.date_in(value)
        if not found:
            return value
        written = _date_of(found, self.ctx.file_date)
        if written != self.ctx.file_date and "month" in found.groupdict() and not found["year"]:
            return value  # "den 3 maj" without a year, another day than the meeting's: not its date
        if written is None or written != self.ctx.file_date:
            self.ctx.error(
                line.number, messages.DATE_MISMATCH.format(written=found.group(0), expected=self.ctx.file_date)
            )
        # "Tisdag 2010-03-16": the weekday belongs to the date.
        return _join_parts(self.ctx.vocabulary.weekday_at_end.sub("", value[: found.start()]), value[found.end() :])

    def clock(self, value: str, line: Line) -> time | None:
        hours, minutes = re.split(r"[:.]", value)
        try:
            return time(int(hours), int(minutes))
        except ValueError:
            self.ctx.error(line.number, messages.TIME_INVALID.format(field="Plats och tid", value=value))
            return None

    def signatory(self, values: list[str], header: Header, line: Line) -> None:
        def span(value: str) -> re.Match[str] | None:
            value = re.sub(r"^(?:paragraf(?:er)?)\s*", "", value, flags=re.IGNORECASE)
            return RANGE.search(value) or _RANGE_WITHOUT_SIGN.fullmatch(value.strip())

        def only_span(value: str) -> re.Match[str] | None:
            # "Paragrafer 31-37", "§§ 112–118"; not "Gunnel Åkerlind §§ 112–115": the paragraphs
            # a person signs, not the protocol's.
            found = span(value)
            return found if found and not NAME_START.match(value) else None

        signed = next((found for v in values if (found := only_span(v))), None)
        if signed and header.signed is None:
            header.signed = paragraph_range(signed[1], signed[2])
        cells = [v for v in values if not only_span(v) and normalise(v) not in _SIGNED_LABELS]
        lines_to_sign = [v for v in cells if SIGNATURE_LINE.fullmatch(v)]
        names = [v for v in cells if not SIGNATURE_LINE.fullmatch(v)]
        role = self.ctx.vocabulary.label(self.ctx.vocabulary.signature_roles, names[0]) if names else None
        if lines_to_sign and len(names) == 1 and role:
            # "Sekreterare<TAB>……………<TAB>Paragrafer 31-37", the name on the row below, under
            # the line: one signature awaited for each line drawn.
            header.awaiting_signature = [names[0]] * len(lines_to_sign)
            return
        if header.awaiting_signature and names and not role:
            for name in names:
                if header.awaiting_signature:
                    self.add_signatory(header, header.awaiting_signature.pop(0), name)
            return
        if len(names) >= 2:
            self.add_signatory(header, names[0], names[1])
        elif len(names) == 1 and not role and not NAME_START.match(names[0]):
            # "Underskrifter<TAB>Genom digital justering": no name, no role; kept as written.
            label = _unmark(_cells(line.text.strip(" "))[0]) or names[0]
            header.extras.append(Extra(label, names[0] if label != names[0] else "", line.number))

    def signature_row(self, cells: list[str]) -> tuple[str, str] | None:
        """ "Gunnar Axelsson (S), ordförande", "Ingrid Lövgren (M), ersätter Åke Berglund (L) som
        justerare": one cell, a name, a comma and a signing role (or a phrase that ends with one);
        (name, role as written), else None."""
        filled = [c for c in cells if c]
        if len(filled) != 1:
            return None
        name, comma, role = (part.strip() for part in filled[0].partition(","))
        person = self.ctx.roster.match_at(name, 0) or PERSON_SHAPE.fullmatch(_without_codes(name))
        if not (comma and role and person):
            return None
        if self.signing_role(role) is None:
            return None
        return name.strip(), role

    def joined_group(self, rest: str) -> tuple[str, str] | None:
        """The group of an ersättare label's second half ("och övriga närvarande") when it names
        another group, with what follows it."""
        words = rest.split(maxsplit=1)
        if len(words) < 2 or words[0].casefold() not in ("och", "samt"):
            return None
        second = self.ctx.vocabulary.label(self.ctx.vocabulary.header, words[1])
        if not second or second[0] not in ATTENDANCE_GROUPS or second[0] == "ersättare":
            return None
        return second[0], second[2]

    def signing_role(self, role: str) -> str | None:
        """The signing role's key ("justerare") of a role as written, or of the phrase's last word."""
        for text in (role, role.split()[-1] if role.split() else ""):
            found = self.ctx.vocabulary.label(self.ctx.vocabulary.signature_roles, text) if text else None
            if found and not found[2]:
                return found[0]
        return None

    def add_signatory(self, header: Header, role: str, name: str) -> None:
        person = self.ctx.roster.lookup(_without_codes(name))
        header.signatories.append(Signatory(role, name, person.slug if person else None))
