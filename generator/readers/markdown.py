"""Reader for protocols exported from the signed PDF to Markdown (the seed's layout).

The export keeps the protocol's text but also the PDF's page furniture (running headers with the
body's name, "Justerandes sign", "Utdragsbestyrkande", signature lines, page numbers in the
ärendelista). This reader drops the furniture and keeps every word of content, in the regions the
protocol has: header (place, attendance, justering), ANSLAG/BEVIS, ärendelista, paragraphs, and the
e-signing service's record.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING

from generator import messages
from generator.model import (
    Adjustment,
    AgendaEntry,
    AttendanceGroup,
    Attendee,
    Body,
    Correction,
    ElectronicSignature,
    Item,
    Meeting,
    Organisation,
    ParagraphRange,
    PersonName,
    Posting,
    Section,
    Signatory,
    SigningRecord,
    Withholding,
)
from generator.model.dnr import Dnr, DnrError, parse_many
from generator.model.roster import roster_for
from generator.problems import Problems
from generator.readers.attendance import RANGE, AttendanceReader, paragraph_range
from generator.readers.markers import CORRECTION, EXCEPTION_NOTE, MARKER_LIKE, ORIGINAL, WITHHOLD
from generator.readers.references import parse_reference

_ITEM_START = re.compile(r"^§\s*(\d{1,6})\s*$")
_LONG_NUMBER = re.compile(r"^§\s*(\d{7,})\s*$")
_BOLD_LINE = re.compile(r"^\*\*(.+?)\*\*\s*$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
_PDF_BOLD = re.compile(r"<b>(.*?)</b>")
# Searched for (the place is what comes before it): linear even on a long line without "kl".
_TIME = re.compile(r"\bkl\.?\s*+(?P<start>\d{1,2}[:.]\d{2})(?:\s*+[-–]\s*+(?P<end>\d{1,2}[:.]\d{2}))?\s*+$")
_PAGES = re.compile(r"^\d+(?:\s*[-–]\s*\d+)?$")
_UTC = re.compile(r"(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d:\d\d)Z")
_SERVICE = re.compile(r"(?:signerat med|signeringstjänsten)\s+(.+?)(?:\s+säkra|\.|\s*$)")
_FURNITURE = {"Justerandes sign", "Utdragsbestyrkande", "Underskrift"}
_SIGNING_START = ("Signaturerna i detta dokument", "## Undertecknare")
_ANSLAG = "ANSLAG/BEVIS"
_DEADLINE_LABELS = ("Sista dag för överklagande", "Sista dag att överklaga")
_NUMBERS = re.compile(r"^[-+−]?[\d\s.,]*\d\s*%?$")

# Headings that end a paragraph's free text and become lists of their own.
REFERENCES = "beslutsunderlag"
RECIPIENTS = "beslutsexpediering"
_LIST_SECTIONS = {REFERENCES, RECIPIENTS}
_KNOWN_SECTION_NAMES = _LIST_SECTIONS | {
    "sammanfattning av ärendet",
    "yrkanden",
    "omröstning",
    "reservation",
    "reservationer",
    "protokollsanteckning",
    "protokollsanteckningar",
    "jäv",
    "omedelbar justering",
}

# Header labels of the protocol's first page, and the attendance group each one opens.
_GROUP_WORDS = (
    ("Tjänstgörande ersättare", AttendanceGroup.SUBSTITUTE, "tjänstgörande"),
    ("Ledamöter", AttendanceGroup.MEMBER, None),
    ("Ledamot", AttendanceGroup.MEMBER, None),
    ("Ersättare", AttendanceGroup.SUBSTITUTE, None),
)
_ATTENDANCE_LABELS = {
    "Beslutande": AttendanceGroup.MEMBER,
    "Ersättare": AttendanceGroup.SUBSTITUTE,
    "Tjänstgörande ersättare": AttendanceGroup.SUBSTITUTE,
    "Övriga närvarande": AttendanceGroup.OTHER,
    "Övriga deltagande": AttendanceGroup.OTHER,
    "Övriga": AttendanceGroup.OTHER,
}

if TYPE_CHECKING:  # the registry imports the readers, not the other way round
    from generator.readers.registry import SourceText


@dataclass(frozen=True)
class Line:
    number: int
    text: str  # without the line break and trailing whitespace

    @property
    def cells(self) -> list[str]:
        return [cell.strip() for cell in self.text.split("\t")]


class MarkdownReader:
    """Reads one Markdown protocol of ``body`` into a ``Meeting``."""

    def __init__(self, organisation: Organisation, body: Body, file: str, problems: Problems):
        self.org = organisation
        self.body = body
        self.file = file
        self.problems = problems
        self.roster = roster_for(organisation.persons)
        self.attendance = AttendanceReader(self.roster, organisation.municipalities)

    # -- helpers -------------------------------------------------------------------------------

    def error(self, line: int, message: str) -> None:
        self.problems.error(self.file, line, message)

    def warning(self, line: int, message: str) -> None:
        self.problems.warning(self.file, line, message)

    def is_furniture(self, text: str) -> bool:
        bare = text.replace("\t", " ").strip()
        if _instruction(bare):
            return True  # an instruction to the archive, not content
        if bare in _FURNITURE or bare == self.body.name:
            return True
        if bare.startswith("Justerandes sign") and bare.endswith("Utdragsbestyrkande"):
            return True
        return bool(bare) and set(bare) <= {"-", " "} and "--" in bare

    def content(self, lines: list[Line]) -> list[Line]:
        return [line for line in lines if not self.is_furniture(line.text)]

    def parse_date(self, value: str, field: str, line: int) -> date | None:
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            self.error(line, messages.DATE_INVALID.format(field=field, value=value))
            return None

    # -- the whole protocol --------------------------------------------------------------------

    def read(self, text: str, file_date: date) -> Meeting | None:
        lines = [Line(i, raw.rstrip()) for i, raw in enumerate(text.splitlines(), start=1)]
        first = next((line for line in lines if line.text and not self.is_furniture(line.text)), None)
        title = _BOLD_LINE.match(first.text) if first else None
        if not first or not title:
            self.error(first.number if first else 1, messages.MD_NO_BODY)
            return None
        if title[1].strip() != self.body.name:
            self.error(first.number, messages.BODY_MISMATCH.format(written=title[1], expected=self.body.name))

        anslag_at = _find(lines, lambda t: t.strip("* ") == _ANSLAG)
        agenda_at = _find(lines, lambda t: t.lstrip("# ").strip("* ").lower() == "ärendelista")
        items_at = _find(lines, lambda t: bool(_ITEM_START.match(t)))
        if items_at is None:
            self.error(first.number, messages.MD_NO_ITEMS)
            return None
        signing_at = _find(lines, lambda t: t.startswith(_SIGNING_START), start=items_at)
        end = signing_at if signing_at is not None else len(lines)
        self.check_markers(lines, items_at, end)
        header_end = min(i for i in (anslag_at, agenda_at, items_at) if i is not None)

        header = self.read_header(lines[lines.index(first) + 1 : header_end])
        posting, meeting_date = None, file_date
        if anslag_at is not None:
            posting_end = agenda_at if agenda_at is not None and agenda_at > anslag_at else items_at
            posting, written_date = self.read_posting(lines[anslag_at + 1 : posting_end])
            if written_date and written_date != file_date:
                self.error(
                    lines[anslag_at].number,
                    messages.DATE_MISMATCH.format(written=written_date, expected=file_date),
                )
        agenda = self.read_agenda(lines[agenda_at + 1 : items_at]) if agenda_at is not None else []
        items = self.read_items(lines[items_at:end])
        signing = self.read_signing(lines[signing_at:]) if signing_at is not None else None
        original = next(((line.number, found) for line in lines if (found := ORIGINAL.match(line.text.strip()))), None)
        return Meeting(
            body=self.body.slug,
            date=meeting_date,
            place=header.place,
            start=header.start,
            end=header.end,
            attendees=tuple(header.attendees),
            adjustment=header.adjustment(),
            posting=posting,
            agenda=tuple(agenda),
            items=tuple(items),
            signing=signing,
            original=original[1]["file"] if original else None,
            original_redacted=bool(original and original[1]["redacted"]),
            source=self.file,
            original_line=original[0] if original else 0,
            time_line=header.time_line,
            corrections=tuple(self.corrections(lines)),
        )

    def corrections(self, lines: list[Line]) -> list[Correction]:
        found = []
        for line in lines:
            if marker := CORRECTION.match(line.text.strip()):
                day = self.parse_date(marker["day"], "rättelse", line.number)
                if day is not None:
                    found.append(Correction(day, marker["reason"], line.number))
        return found

    def check_markers(self, lines: list[Line], items_at: int, items_end: int) -> None:
        """Every archive marker is understood where it stands, or is an error at its line."""
        for i, line in enumerate(lines):
            text = line.text.strip()
            if "<!--" not in text:
                continue
            if WITHHOLD.match(text):
                if not items_at < i < items_end:
                    self.error(line.number, messages.MARKER_OUTSIDE_ITEMS)
            elif _instruction(text):
                continue
            elif MARKER_LIKE.search(text):
                self.error(line.number, messages.MARKER_UNKNOWN.format(value=text[:80]))
        for line in lines:
            if too_long := _LONG_NUMBER.match(line.text):
                self.error(line.number, messages.PARAGRAPH_NUMBER_TOO_LONG.format(value=too_long[1][:12] + "…"))

    # -- header --------------------------------------------------------------------------------

    def read_header(self, lines: list[Line]) -> _Header:
        header = _Header()
        label = ""
        for line in self.content(lines):
            if not line.text.strip():
                continue
            cells = line.cells
            label = cells[0] or label
            values = [c for c in cells[1:] if c]
            if label == "Plats och tid":
                header.place, header.start, header.end = self.place_and_time(" ".join(values), line)
                header.time_line = line.number
            elif label in _ATTENDANCE_LABELS:
                for value in values:
                    header.attendees += self.attendees(value, _ATTENDANCE_LABELS[label], line)
            elif label == "Justerare":
                names = [n.strip() for n in re.split(r",| och ", " ".join(values)) if n.strip()]
                header.adjusters += self.roster.names(names)
            elif label == "Justeringens plats och tid":
                header.place_and_time = " ".join(values)
            elif label == "Underskrifter":
                header.line = header.line or line.number
                self.signatory(values, header, line)
            else:
                self.error(line.number, messages.MD_UNKNOWN_HEADER.format(label=label))
        return header

    def place_and_time(self, value: str, line: Line) -> tuple[str, time | None, time | None]:
        found = _TIME.search(value)
        if not found:
            return value, None, None
        start = self.clock(found["start"], line)
        end = self.clock(found["end"], line) if found["end"] else None
        return value[: found.start()].rstrip(", \t\n"), start, end

    def clock(self, value: str, line: Line) -> time | None:
        hours, minutes = re.split(r"[:.]", value)
        try:
            return time(int(hours), int(minutes))
        except ValueError:
            self.error(line.number, messages.TIME_INVALID.format(field="Plats och tid", value=value))
            return None

    def attendees(self, value: str, group: AttendanceGroup, line: Line) -> list[Attendee]:
        role = None
        for word, word_group, word_role in _GROUP_WORDS:
            if value.startswith(word + " "):
                value, group, role = value[len(word) :], word_group, word_role
                break
        found = self.attendance.read(value, group, lambda m: self.warning(line.number, m))
        return [replace(a, role=a.role or role, line=line.number) for a in found]

    def signatory(self, values: list[str], header: _Header, line: Line) -> None:
        signed = next((RANGE.search(v) for v in values if RANGE.search(v)), None)
        if signed:
            header.signed = paragraph_range(signed[1], signed[2])
        names = [v for v in values if not RANGE.search(v)]
        if len(names) >= 2:
            person = self.roster.lookup(names[1])
            header.signatories.append(Signatory(names[0], names[1], person.slug if person else None))

    # -- ANSLAG/BEVIS --------------------------------------------------------------------------

    def read_posting(self, lines: list[Line]) -> tuple[Posting | None, date | None]:
        statement: list[str] = []
        fields: dict[str, tuple[str, int]] = {}
        for line in self.content(lines):
            cells = [c for c in line.cells if c]
            if len(cells) >= 2:
                for label, value in zip(cells[::2], cells[1::2], strict=False):
                    fields[label] = (value, line.number)
            elif cells:
                statement.append(cells[0])
        values: dict[str, date | None] = {}
        for label in (
            "Sammanträdesdatum",
            "Datum då anslaget sätts upp",
            "Datum då anslaget tas ned",
            *_DEADLINE_LABELS,
        ):
            if label in fields:
                values[label] = self.parse_date(fields[label][0], label, fields[label][1])
        posted, taken_down = values.get("Datum då anslaget sätts upp"), values.get("Datum då anslaget tas ned")
        line_no = lines[0].number if lines else 1
        for label in ("Datum då anslaget sätts upp", "Datum då anslaget tas ned", "Förvaringsplats för protokollet"):
            if label not in fields:
                self.error(line_no, messages.MD_BAD_ANSLAG.format(label=label))
        if "Organ" in fields and fields["Organ"][0] != self.body.name:
            self.error(
                fields["Organ"][1], messages.BODY_MISMATCH.format(written=fields["Organ"][0], expected=self.body.name)
            )
        if posted is None or taken_down is None or "Förvaringsplats för protokollet" not in fields:
            return None, values.get("Sammanträdesdatum")
        posting = Posting(
            statement=" ".join(statement),
            posted=posted,
            taken_down=taken_down,
            kept_at=fields["Förvaringsplats för protokollet"][0],
            printed_deadline=next((values[label] for label in _DEADLINE_LABELS if values.get(label)), None),
            line=fields["Datum då anslaget sätts upp"][1],
        )
        return posting, values.get("Sammanträdesdatum")

    # -- ärendelista ---------------------------------------------------------------------------

    def read_agenda(self, lines: list[Line]) -> list[AgendaEntry]:
        entries = []
        for line in self.content(lines):
            cells = [c for c in line.cells if c]
            if not cells:
                continue
            number = re.fullmatch(r"§\s*(\d{1,6})", cells[0])
            if not number:
                self.error(line.number, messages.MD_BAD_AGENDA.format(value=line.text))
                continue
            rest = cells[1:]
            if rest and _PAGES.match(rest[-1]):
                rest = rest[:-1]  # page numbers of the PDF
            title = rest[0] if rest else ""
            dnr = self.dnr(" , ".join(rest[1:]), "ärendelista", line.number) if len(rest) > 1 else []
            entries.append(AgendaEntry(int(number[1]), title, tuple(dnr)))
        return entries

    def dnr(self, text: str, field: str, line: int) -> list[Dnr]:
        try:
            return parse_many(text, self.org.dnr_prefix)
        except DnrError as exc:
            self.error(line, messages.DNR_INVALID.format(field=field, value=str(exc)))
            return []

    # -- paragraphs ----------------------------------------------------------------------------

    def read_items(self, lines: list[Line]) -> list[Item]:
        starts = [i for i, line in enumerate(lines) if _ITEM_START.match(line.text)]
        items = []
        for start, stop in zip(starts, [*starts[1:], len(lines)], strict=True):
            item = self.read_item(lines[start], self.content(lines[start + 1 : stop]))
            if item:
                items.append(item)
        return items

    def read_item(self, start: Line, lines: list[Line]) -> Item | None:
        number = int(start.text.strip().lstrip("§"))
        dnr: list[Dnr] = []
        title = ""
        body_at = 0
        for i, line in enumerate(lines):
            text = line.text.strip()
            if not text:
                continue
            if not title and re.match(r"^Dnr\b", text, re.IGNORECASE):
                dnr = self.dnr(text, "Dnr", line.number)
                continue
            title_line = _HEADING.match(text)
            if title_line and len(title_line[1]) <= 2 and not title:
                title = _unbold(title_line[2])
                body_at = i + 1
                break
            break
        if not title:
            self.error(start.number, messages.MD_NO_TITLE.format(number=number))
            return None
        # "<!-- arkiv: sekretess: grund -->" before the first sub-heading withholds the paragraph.
        rest = lines[body_at:]
        first_heading = next((i for i, line in enumerate(rest) if self.section_heading(line.text)), len(rest))
        ground = next((found[1] for line in rest[:first_heading] if (found := WITHHOLD.match(line.text.strip()))), None)
        if ground:
            return Item(number, title, tuple(dnr), withheld=Withholding(ground), line=start.number)
        decision = ""
        sections: list[Section] = []
        lists: dict[str, list[str]] = {name: [] for name in _LIST_SECTIONS}
        for heading, chunk in self.sections(lines[body_at:]):
            key = heading.casefold()
            # The same marker under any heading (the decision and the lists included) withholds
            # exactly that part: its heading and ground are kept, its text never enters the model.
            withheld = next((found[1] for line in chunk if (found := WITHHOLD.match(line.text.strip()))), None)
            if withheld:
                sections.append(Section(heading, "", Withholding(withheld)))
            elif key in lists:
                lists[key] += [_unbullet(line.text) for line in chunk if line.text.strip()]
            elif self.is_decision_heading(heading) and not decision:
                decision = _markdown(chunk)
            elif heading or _markdown(chunk):
                sections.append(Section(heading, _markdown(chunk)))
        if not decision and not any(s.withheld and self.is_decision_heading(s.heading) for s in sections):
            self.warning(
                start.number, messages.MD_NO_DECISION.format(number=number, heading=self.body.decision_heading)
            )
        return Item(
            number=number,
            title=title,
            dnr=tuple(dnr),
            decision=decision,
            sections=tuple(sections),
            references=tuple(parse_reference(text, self.org) for text in lists[REFERENCES]),
            recipients=tuple(lists[RECIPIENTS]),
            adjusted_immediately=any(s.heading.casefold() == "omedelbar justering" for s in sections),
            line=start.number,
        )

    def is_decision_heading(self, heading: str) -> bool:
        key = heading.casefold()
        return key == self.body.decision_heading.casefold() or key == "beslut"

    def sections(self, lines: list[Line]) -> Iterator[tuple[str, list[Line]]]:
        heading, chunk = "", []
        for line in lines:
            name = self.section_heading(line.text)
            if name is None:
                chunk.append(line)
                continue
            if heading or any(c.text.strip() for c in chunk):
                yield heading, chunk
            heading, chunk = name, []
        yield heading, chunk

    def section_heading(self, text: str) -> str | None:
        heading = _HEADING.match(text)
        if heading and len(heading[1]) >= 3:
            return _unbold(heading[2])
        bold = _BOLD_LINE.match(text.strip())
        if bold:
            name = bold[1].strip()
            if name.casefold() in _KNOWN_SECTION_NAMES or self.is_decision_heading(name):
                return name
        return None

    # -- e-signing record ----------------------------------------------------------------------

    def read_signing(self, lines: list[Line]) -> SigningRecord:
        signatures: list[ElectronicSignature] = []
        documents: list[str] = []
        kept: list[str] = []
        service = ""
        pending: list[tuple[str, str]] = []
        pending_line = 0
        for line in lines:
            text = line.text.strip()
            if _instruction(text):
                continue
            signers = re.findall(r"<b>(.*?)</b>\s*(\S*)", text)
            times = _UTC.findall(text)
            if signers:
                pending, pending_line = signers, line.number
            elif times and pending:
                if len(times) != len(pending):
                    self.error(line.number, messages.MD_BAD_SIGNATURE.format(value=text))
                for (name, ref), (day, clock) in zip(pending, times, strict=False):
                    try:
                        when = datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=UTC)
                    except ValueError:
                        self.error(line.number, messages.MD_BAD_SIGNATURE.format(value=text))
                        continue
                    person = self.roster.lookup(name)
                    signatures.append(ElectronicSignature(name.strip(), when, ref, person.slug if person else None))
                pending = []
            elif text != "## Undertecknare":
                if text.lower().endswith(".pdf"):
                    documents.append(text)
                found = _SERVICE.search(text)
                if found and not service:
                    service = found[1].strip()
                kept.append(_PDF_BOLD.sub(r"**\1**", line.text))
        if pending:
            self.error(pending_line, messages.MD_BAD_SIGNATURE.format(value=pending))
        return SigningRecord(service, tuple(signatures), tuple(documents), _collapse(kept))


@dataclass
class _Header:
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

    def adjustment(self) -> Adjustment | None:
        if not (self.adjusters or self.place_and_time or self.signatories):
            return None
        return Adjustment(self.adjusters, self.place_and_time, tuple(self.signatories), self.signed, self.line)


def _instruction(text: str) -> bool:
    """An instruction to the archive that may stand anywhere: the original PDF, a rättelse, a
    personnummer exception. Never content."""
    return bool(EXCEPTION_NOTE.match(text) or ORIGINAL.match(text) or CORRECTION.match(text))


def _find(lines: list[Line], test: Callable[[str], bool], start: int = 0) -> int | None:
    for i in range(start, len(lines)):
        if test(lines[i].text):
            return i
    return None


def _unbold(text: str) -> str:
    text = text.strip()
    while text.startswith("**") and text.endswith("**") and len(text) > 4:
        text = text[2:-2].strip()
    return text


def _unbullet(text: str) -> str:
    return re.sub(r"^\s*[-*•]\s+", "", text).strip()


def _markdown(lines: list[Line]) -> str:
    """Section text as Markdown: tab-separated rows become a table, PDF bold becomes **bold**."""
    out: list[str] = []
    table: list[list[str]] = []
    for line in [*lines, Line(0, "")]:
        text = _PDF_BOLD.sub(r"**\1**", line.text)
        if "\t" in text.strip("\t "):
            table.append([cell.strip() for cell in text.strip("\t ").split("\t")])
            continue
        if table:
            out += ["", *_table(table), ""]
            table = []
        out.append(text)
    return _collapse(out)


def _table(rows: list[list[str]]) -> list[str]:
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    numeric = [all(_NUMBERS.match(r[j].strip("*")) or not r[j] for r in rows[1:]) for j in range(width)]
    align = ["---:" if j and numeric[j] and len(rows) > 1 else "---" for j in range(width)]

    def row(cells: list[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    return [row(rows[0]), row(align), *(row(r) for r in rows[1:])]


def _collapse(lines: list[str]) -> str:
    """Join lines, with runs of blank lines made one and none at either end."""
    out: list[str] = []
    for line in lines:
        if not line.strip():
            if out and out[-1] != "":
                out.append("")
            continue
        out.append(line.rstrip())
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out)


def read(source: SourceText, problems: Problems) -> Meeting | None:
    """The registry's entry: a Markdown protocol (``generator.readers.registry``)."""
    return MarkdownReader(source.organisation, source.body, source.file, problems).read(source.text, source.file_date)
