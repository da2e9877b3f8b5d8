"""Reader for protocols exported from the signed PDF to Markdown (the seed's layout).

The export keeps the protocol's text but also the PDF's page furniture (running headers with the
body's name, "Justerandes sign", "Utdragsbestyrkande", signature lines, page numbers in the
ärendelista). This reader drops the furniture and keeps every word of content, in the regions the
protocol has: header (place, attendance, justering), ANSLAG/BEVIS, ärendelista, paragraphs, and the
e-signing service's record.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time
from functools import lru_cache
from itertools import pairwise

from generator import messages
from generator.model import (
    Adjustment,
    AgendaEntry,
    AttendanceGroup,
    Attendee,
    Body,
    Correction,
    ElectronicSignature,
    Extra,
    Item,
    Meeting,
    Organisation,
    ParagraphRange,
    PersonName,
    Posting,
    Reservation,
    Section,
    Signatory,
    SigningRecord,
    Vote,
    Withholding,
)
from generator.model.dnr import Dnr, DnrError, parse_many
from generator.model.roster import Roster, roster_for
from generator.problems import Problems
from generator.readers.annex import ATTENDANCE_GROUPS, AnnexFacts, column_heading, group_label, read_tables
from generator.readers.attendance import (
    RANGE,
    AttendanceReader,
    AttendanceWords,
    close_ranges,
    paragraph_range,
    with_party,
)
from generator.readers.attendance_prose import present_in_sentence
from generator.readers.closing_signatures import SIGNATURE_LINE, closing_signatures, signature_block_at
from generator.readers.markdown_text import (
    _BOLD_LINE,
    _COMPACT_IN_TEXT,
    _HEADING,
    _ISO_DATE,
    _LEADERS,
    _PDF_BOLD,
    _PIPE_SEPARATOR,
    NAME_START,
    Line,
    _cells,
    _collapse,
    _date_of,
    _dates_in,
    _find,
    _heading_like,
    _instruction,
    _is_dnr_cell,
    _is_row,
    _iso_date,
    _join_label,
    _join_parts,
    _markdown,
    _names_body,
    _names_like,
    _near,
    _paragraphs,
    _same,
    _strip_dnr_label,
    _unbold,
    _unbullet,
    _unmark,
    _untable,
    _without_codes,
)
from generator.readers.markers import CORRECTION, MARKER_LIKE, ORIGINAL, WITHHOLD
from generator.readers.paragraph_starts import (
    _AGENDA_ROW_END,
    _LONG_NUMBER,
    _agenda_rows_at,
    _is_item_start,
    _item_number,
    _margin,
    _opening,
    _starts,
    abbreviates,
)
from generator.readers.references import parse_reference
from generator.readers.source_text import SourceText
from generator.readers.vocabulary import MAX_FURNITURE, Vocabulary, normalise, vocabulary_for

# Where a paragraph starts, in the layouts the vocabulary's templates use: "§ 28", "§ 28 Dnr
# 2018/00041", "**§ 5**", "28 §", "## 23 § Titel", "KS § 112 KS/2018:311 - 001".
_FURNITURE_SEEN: dict[tuple[object, ...], dict[str, str]] = {}
_KNOWN_HEADINGS: dict[tuple[object, ...], dict[str, bool]] = {}
_SEEN_LIMIT = 200_000  # lines remembered per body (a few MB at most)
# Searched for (the place is what comes before it): linear even on a long line without "kl".
_TIME = re.compile(r"\b(?:klockan|kl\.?)\s*+(?P<start>\d{1,2}[:.]\d{2})(?:\s*+[-–]\s*+(?P<end>\d{1,2}[:.]\d{2}))?")
_ONE_CLOCK = re.compile(r"(?<![\d:.])(?P<start>\d{1,2}[:.]\d{2})(?P<end>)(?![\d:.])")
_PAGES = re.compile(r"^\d+(?:\s*[-–]\s*\d+)?$")
_UTC = re.compile(r"(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d:\d\d)Z")
_SERVICE = re.compile(r"(?:signerat med|signeringstjänsten)\s+(.+?)(?:\s+säkra|\.|\s*$)")
_RANGE_WITHOUT_SIGN = re.compile(r"(?<!\d)(\d{1,6})\s*(?:-{1,2}|–)\s*(\d{1,6})(?!\d)")
_PLACE_AFTER = re.compile(r",?\s+(?:i|på)\s+(?P<place>[A-ZÅÄÖ][^.]*?)\.?\s*$")
_NEXT_SPAN = re.compile(
    r"\s*(?:,|och)\s*(?:kl\.?\s*)?(?P<start>\d{1,2}[:.]\d{2})\s*+[-–]\s*+(?P<end>\d{1,2}[:.]\d{2})(?![\d:.])"
)
_CLOCK_SPAN = re.compile(r"(?<![\d:.])(?P<start>\d{1,2}[:.]\d{2})\s*+[-–]\s*+(?P<end>\d{1,2}[:.]\d{2})(?![\d:.])")
# A page number: a short number that is not part of a date, a dnr, a § or an amount.
_DIGITS = re.compile(r"(?<![\d\-/:.,§ ]\d)(?<![\d\-/:.,§])(?<!§ )\b\d{1,3}\b(?![\d\-/:.,])")

# Headings that end a paragraph's free text and become lists of their own (vocabulary: listor).
REFERENCES = "beslutsunderlag"
RECIPIENTS = "beslutsexpediering"

_ATTENDANCE_FIELDS = ATTENDANCE_GROUPS


_SHARED: dict[int, tuple[Organisation, Roster, Vocabulary, AttendanceReader]] = {}


def _shared(organisation: Organisation) -> tuple[Roster, Vocabulary, AttendanceReader]:
    """What every reader of one organisation's files shares, made once (not once per file)."""
    known = _SHARED.get(id(organisation))
    if known is None or known[0] is not organisation:
        roster = roster_for(organisation.persons)
        vocabulary = vocabulary_for(organisation.vocabulary)
        words = vocabulary.attendance
        attendance = AttendanceReader(
            roster,
            organisation.municipalities,
            AttendanceWords(
                serving_for=words["tjänstgör_för"],
                vacant=words["vakant"],
                took_part=words["deltog"],
                roles=words["roller"],
                municipality_codes=organisation.municipality_codes,
                not_persons=(organisation.name, organisation.short_name, organisation.dnr_prefix),
                absent=words["frånvarande"],
                parties=words["partier"],
            ),
        )
        _SHARED.clear()  # one organisation per build: keep no other alive
        known = _SHARED[id(organisation)] = (organisation, roster, vocabulary, attendance)
    return known[1], known[2], known[3]


class MarkdownReader:
    """Reads one Markdown protocol of ``body`` into a ``Meeting``."""

    def __init__(self, organisation: Organisation, body: Body, file: str, problems: Problems):
        self.org = organisation
        self.body = body
        self.file = file
        self.problems = problems
        self.roster, self.vocabulary, self.attendance = _shared(organisation)
        self.running_headers = {name.casefold() for name in (body.name, organisation.name, organisation.short_name)}
        # Lines recur from meeting to meeting: each is judged furniture or not once per body.
        self.furniture_seen = _FURNITURE_SEEN.setdefault((id(self.vocabulary), *sorted(self.running_headers)), {})
        # What each line became, for ``arkiv explain``: line number -> (region, what).
        self.trace: dict[int, tuple[str, str]] = {}
        # Headings recur from paragraph to paragraph and meeting to meeting: judged once per body.
        self.known_headings = _KNOWN_HEADINGS.setdefault((id(self.vocabulary), body.slug, body.name), {})
        self.date_line = ""  # the meeting date as a line of its own (set by ``read``)
        self.repeated: dict[str, str] = {}  # lines that are furniture by recurring, with the rule (set by ``read``)
        self.furniture_now: dict[str, str] = {}  # this file's answers (cleared when ``repeated`` is set)
        self.opening_pattern: re.Pattern[str] | None = None  # see ``body_opening``
        # The shipped sentence patterns for facts all hold one of _FACT_WORDS; an organisation's own may not.
        self.fact_words_only = not any(key.startswith("fakta_i_text") for key, _ in organisation.vocabulary)
        self.chairs: dict[str, PersonName] = {}  # "vice ordförande" -> who holds it (set by ``read``)
        self.absent_names: list[str] = []  # "Gertrud Sand (S) Anmält förhinder" in an attendance list

    # -- helpers -------------------------------------------------------------------------------

    def error(self, line: int, message: str) -> None:
        self.problems.error(self.file, line, message)

    def warning(self, line: int, message: str) -> None:
        self.problems.warning(self.file, line, message)

    def is_furniture(self, text: str) -> bool:
        return bool(self.furniture_rule(text))

    def furniture_rule(self, text: str) -> str:
        """Why ``text`` is page furniture, in the words ``arkiv explain`` shows; "" when it is not."""
        # Asked of most lines several times: answered once per line of this file.
        rule = self.furniture_now.get(text)
        if rule is None:
            rule = self.furniture_now[text] = self._rule_in_file(text)
        return rule

    def _rule_in_file(self, text: str) -> str:
        if text.strip() == self.date_line:
            return messages.FURNITURE_DATE_LINE  # the running header's "Sammanträdesdatum" value
        if text in self.repeated:
            return self.repeated[text]
        seen = self.furniture_seen.get(text)
        if seen is None:
            if len(self.furniture_seen) > _SEEN_LIMIT:
                self.furniture_seen.clear()
            seen = self.furniture_seen[text] = self._furniture_rule(text)
        return seen

    def _furniture_rule(self, text: str) -> str:
        bare = text.replace("\t", " ").strip()
        if _instruction(bare):
            return messages.FURNITURE_INSTRUCTION  # an instruction to the archive, not content
        if len(bare) > MAX_FURNITURE and bare[:1] not in "-_–—":
            return ""  # no running header is this long: a line of content
        if _unmark(bare).casefold() in self.running_headers:
            return messages.FURNITURE_NAME  # a running header: the organisation's or body's name
        if self.vocabulary.is_furniture(bare):
            return messages.FURNITURE_VOCABULARY
        # A running header of cells, printed once or on every page: each cell the organisation's
        # or body's name, a document title or a page number ("ITSAM<TAB>PROTOKOLL<TAB>Sida 2 (8)").
        cells = [_unmark(c) for c in _cells(text.strip()) if _unmark(c)]
        if len(cells) >= 2 and all(
            c.casefold() in self.running_headers or self.vocabulary.is_title(c) or self.vocabulary.is_furniture(c)
            for c in cells
        ):
            return messages.FURNITURE_HEADER_CELLS
        return ""

    def content(self, lines: list[Line]) -> list[Line]:
        kept = []
        after_furniture = False
        for line in lines:
            rule = self.furniture_rule(line.text)
            # A furniture row written as a pipe table brings its separator row along.
            if not rule and after_furniture and _PIPE_SEPARATOR.match(line.text.strip()):
                rule = messages.FURNITURE_SEPARATOR
            if rule:
                self.note(line, "möbler", messages.FURNITURE_REMOVED.format(rule=rule))
                after_furniture = True
            else:
                kept.append(line)
                after_furniture = after_furniture and not line.text.strip()
        return kept

    def repeated_furniture(self, lines: list[Line]) -> dict[str, str]:
        """Lines that are page furniture because they recur, whatever their words (with the rule
        that makes each one so): a running header or footer is printed on every page, with its
        page number or the meeting's date."""
        groups: dict[str, list[str]] = {}
        at: dict[str, list[int]] = {}
        # A content table's header and separator rows recur from § to § and are never furniture.
        separators = {i for i, line in enumerate(lines) if _PIPE_SEPARATOR.match(line.text.strip())}
        table_heads = {i - 1 for i in separators}
        for i, line in enumerate(lines):
            bare = line.text.strip()
            if i in separators:
                continue
            if i in table_heads and not any(
                self.vocabulary.is_furniture(c) or self.names_body(c) for c in _cells(bare) if c
            ):
                continue  # a table's header row, unless it is the running header written as a table
            if 0 < len(bare) <= MAX_FURNITURE:
                key = _key_of(bare)
                groups.setdefault(key, []).append(line.text)
                at.setdefault(key, []).append(line.number)
        found: dict[str, str] = {}
        # A line right under a paragraph start is its title (two cases can share one, the
        # meeting's date in it: "Delårsbokslut per 2006-08-31"), never the page's.
        under_start: set[int] | None = None  # made only when some line would be furniture
        for key, texts in groups.items():
            if len(texts) < 2 or self.is_known_heading(key) or _is_item_start(texts[0]) or _is_dnr_cell(texts[0]):
                continue
            numbers = at[key]
            if any(b - a <= 3 for a, b in pairwise(numbers)):
                continue  # rows of one table, not a header printed once a page
            cells = [c for c in _cells(texts[0].strip(" ")) if c]
            rule = (
                (
                    len(texts) >= 3
                    and "#" in key
                    and len(set(texts)) > 1
                    and not self.paragraph_ref(texts[0])
                    and not _LEADERS.search(texts[0])  # "Delårsbokslut ...... 6": a contents row's page
                    and messages.FURNITURE_PAGE_NUMBERS
                )
                or (self.date_line in texts[0] and len(key.split()) <= 16 and messages.FURNITURE_MEETING_DATE)
                or (len(texts) >= 3 and len(cells) >= 2 and messages.FURNITURE_FOOTER)  # address, org. number
                or (len(cells) >= 2 and any(self.vocabulary.is_furniture(c) for c in cells) and messages.FURNITURE_CELL)
                or (self.vocabulary.is_title(key) and messages.FURNITURE_TITLE)
            )
            if rule and under_start is None:
                under_start = _titles_under_starts(lines)
            if rule and under_start is not None and not all(n in under_start for n in numbers):
                found.update(dict.fromkeys(texts, rule))
        # A short line printed beside the running header on every page ("Utdragsbestyrkan", cut
        # off by the export) is the page's too.
        candidates = [
            (key, texts)
            for key, texts in groups.items()
            if len(texts) >= 3
            and len(key.split()) <= 3
            and texts[0] not in found
            and not _is_item_start(texts[0])
            and not self.is_known_heading(key)
            and not self.paragraph_ref(texts[0])
        ]
        if not candidates:
            return found
        # Looked at only around the candidates: the lines within three of each occurrence, and
        # the lines above it up to furniture or a paragraph start (is it a list under a heading?).
        index = {line.number: i for i, line in enumerate(lines)}
        wanted = sorted({n + d for key, _ in candidates for n in at[key] for d in range(-3, 4)} & index.keys())
        near = [n for n in wanted if (text := lines[index[n]].text) in found or self.is_furniture(text)]
        # The last page's footer has no running header after it.
        last = next((line.number for line in reversed(lines) if line.text.strip()), 0)
        for key, texts in candidates:
            numbers = at[key]
            # A word cut from the furniture's own is the page's even under a list ("Övriga närvarande").
            if all(_near(near, n) or n == last for n in numbers) and (
                self.vocabulary.is_cut_furniture(key)
                or not any(self.under_list_heading(lines, index[n], found) for n in numbers)
            ):
                found.update(dict.fromkeys(texts, messages.FURNITURE_BESIDE))
        return found

    def paragraph_ref(self, text: str) -> bool:
        """ "Sn 58", "Au 71": a paragraph written in the margin as the case's history (a short
        code and a number that is no page's, "Sida 3"); its number varies like a page number's,
        but it is content."""
        found = _MARGIN_REF.fullmatch(text.strip())
        return bool(found and normalise(found[1]) not in _PAGE_WORDS)

    def under_list_heading(self, lines: list[Line], at: int, found: dict[str, str]) -> bool:
        """Whether the line at ``at`` stands under a heading of the vocabulary ("Beslutsexpediering"
        above "Akt"), with nothing but text between: then it is a list's, not the page's."""
        for earlier in reversed(lines[max(0, at - 12) : at]):
            text = earlier.text
            if not text.strip():
                continue
            if text in found or self.is_furniture(text) or _is_item_start(text):
                return False
            if self.is_known_heading(normalise(text)):
                return True
        return False

    def join_split_labels(self, lines: list[Line]) -> list[Line]:
        """Labels the export split over two lines ("Under-" above "skrifter", "Datum för anslags"
        above "uppsättande") made whole on the first line; the second keeps what else it holds.
        Only where the second line's first cell completes the label above it into a known one:
        text is never joined on a guess."""
        out = list(lines)
        for i in range(len(out) - 1):
            below_at = i + 1
            while below_at < len(out) and below_at - i <= 2:  # a label split over three lines too
                line, below = out[i], out[below_at]
                if not line.text.strip() or not below.text.strip() or len(line.text) > MAX_FURNITURE:
                    break
                if len(below.text) > 60 or below.text.count(" ") > 4:
                    break  # the second line of a label is a word or two, not a line of text
                first_below = below.text.lstrip("\t *")[:1]
                if not (first_below.islower() or line.text.split("\t", 1)[0].rstrip().endswith("-")):
                    break  # a label goes on in lower case ("och tid"), or after a hyphen ("Under-")
                upper, lower = _cells(line.text), _cells(below.text)
                alone = len([c for c in lower if c]) == 1
                if not upper[0] or not lower[0] or len(lower) > len(upper):
                    break
                if not self.completes(upper[0], lower[0], alone):
                    break
                joined, rest = list(upper), list(lower)
                for j, part in enumerate(lower):
                    if part and upper[j] and self.completes(upper[j], part, alone):
                        joined[j], rest[j] = _join_label(upper[j], part), ""
                out[i] = Line(line.number, "\t".join(joined))
                out[below_at] = Line(below.number, "\t".join(rest).rstrip())
                self.note(below, "huvud", "rubrikens andra rad")
                if out[below_at].text:
                    break
                below_at += 1
        return out

    def completes(self, head: str, part: str, alone: bool = False) -> bool:
        """``part`` on the line below completes ``head`` into a known label, and is none itself
        (or stands alone on its line, where a label of its own would have a value beside it)."""
        vocabulary = self.vocabulary
        tables = (vocabulary.header, vocabulary.posting)
        whole = normalise(_join_label(head, part))
        if not any(whole in table for table in tables):
            return False
        # "Justeringens" above "plats och tid": the second line is a label too, but the first is none.
        return (
            alone
            or not any(normalise(part) in table for table in tables)
            or not any(normalise(head) in table for table in tables)
        )

    def is_posting_heading_row(self, text: str) -> bool:
        """The anslag's heading, alone or in a running header's row ("RÖDSJÖ KOMMUN<TAB>ANSLAG/BEVIS")."""
        if self.vocabulary.is_posting_heading(text) or self.posting_statement_beside(text) is not None:
            return True
        if "\t" not in text or len(text) > MAX_FURNITURE:
            return False
        folded = text.casefold()
        if not any(word in folded for word in self.vocabulary.posting_heading_words):
            return False  # no cell can be the heading: the row need not be split
        cells = [c for c in _cells(text) if c]
        return (
            len(cells) >= 2
            and any(self.vocabulary.is_posting_heading(c) for c in cells)
            and all(
                self.vocabulary.is_posting_heading(c) or self.names_body(c) or self.vocabulary.is_furniture(c)
                for c in cells
            )
        )

    def posting_statement_beside(self, text: str) -> str | None:
        """ "**Anslag/bevis**<TAB>Protokollet är justerat. …": the heading with the anslag's
        statement in the next cell; the statement, which the anslag keeps, or None."""
        cells = [c for c in _cells(text) if c]
        if len(cells) < 2 or not self.vocabulary.is_posting_heading(cells[0]):
            return None
        found = self.vocabulary.label(self.vocabulary.posting, cells[1])
        return " ".join(cells[1:]) if found and found[0] == "text" else None

    def posting_lines(self, lines: list[Line], at: int, stop: int) -> list[Line]:
        """The anslag's lines after its heading at ``at``, the statement beside the heading first."""
        beside = self.posting_statement_beside(lines[at].text)
        return [*([Line(lines[at].number, beside)] if beside else []), *lines[at + 1 : stop]]

    def is_date_cell(self, cell: str) -> bool:
        """A short cell that carries the meeting's date ("MBN 2021-03-18"): a running header's."""
        found = _ISO_DATE.search(cell) or self.vocabulary.date_in_words.search(cell)
        return bool(found) and _date_of(found) == self.file_date and len(cell.split()) <= 4  # type: ignore[arg-type]

    def is_known_heading(self, key: str) -> bool:
        known = self.known_headings.get(key)
        if known is None:
            vocabulary = self.vocabulary
            known = key in vocabulary.sections or key in vocabulary.lists or self.is_decision_heading(key)
            if len(self.known_headings) < _SEEN_LIMIT:
                self.known_headings[key] = known
        return known

    def note(self, line: Line, region: str, what: str) -> None:
        """Record what ``line`` became (the first record wins: the most specific reader)."""
        if line.text.strip():
            self.trace.setdefault(line.number, (region, what))

    def parse_date(self, value: str, field: str, line: int) -> date | None:
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            self.error(line, messages.DATE_INVALID.format(field=field, value=value))
            return None

    # -- the whole protocol --------------------------------------------------------------------

    def read(self, text: str, file_date: date) -> Meeting | None:
        self.file_date = file_date
        self.date_line = file_date.isoformat()
        lines = self.join_split_labels(
            [
                Line(i, _untable(raw.rstrip()) if raw.lstrip()[:1] == "|" else raw.rstrip())
                for i, raw in enumerate(text.splitlines(), start=1)
            ]
        )
        self.repeated = self.repeated_furniture(lines)
        self.furniture_now = {}
        vocabulary = self.vocabulary
        starts = _starts(lines, lambda prefix: abbreviates(prefix, self.body.name))
        items_at = starts[0] if starts else None
        if items_at is None:
            first = next((line for line in lines if line.text.strip()), None)
            self.error(first.number if first else 1, messages.MD_NO_ITEMS)
            return None
        header_at = self.read_title(lines[:items_at])
        if header_at is None:
            return None
        anslag_at = _find(lines, self.is_posting_heading_row, end=items_at)
        agenda_at = _find(lines, vocabulary.is_agenda_heading, end=items_at)
        signing_at = _find(lines, vocabulary.is_signing_start, start=items_at)
        end = signing_at if signing_at is not None else len(lines)
        annex_at = self.annex_start(lines, starts[-1] + 1, end)
        annex = self.read_annex(lines[annex_at:end]) if annex_at is not None else None
        if annex_at is not None:
            end = annex_at
        # An anslag printed after the last paragraph (a web export puts it last) ends the paragraphs.
        late_anslag = None if anslag_at is not None else _find(lines, self.is_posting_heading_row, starts[-1] + 1, end)
        posting_lines = self.posting_lines(lines, late_anslag, end) if late_anslag is not None else []
        if late_anslag is not None:
            self.note(lines[late_anslag], "anslag", "rubrik")
            end = late_anslag
        marked = [line for line in lines if "<!--" in line.text]  # only these can hold a marker
        for line in marked:
            if _instruction(line.text.strip()):
                self.note(line, "instruktion", "till arkivet, visas inte")
        self.check_markers(lines, marked, items_at, end)
        for at, region in ((anslag_at, "anslag"), (agenda_at, "ärendelista"), (signing_at, "signering")):
            if at is not None:
                self.note(lines[at], region, "rubrik")
        # A contents list without a heading of its own starts where the first paragraph's number
        # first stands: the list is found by its numbers, not by a heading.
        agenda_from = agenda_at + 1 if agenda_at is not None else None
        if agenda_from is None:
            agenda_from = _agenda_rows_at(lines, items_at, _opening(lines[items_at].text)[0])
        agenda_start = agenda_at if agenda_at is not None else agenda_from
        header_end = min(i for i in (anslag_at, agenda_start, items_at) if i is not None)

        # The contents list ends where its rows end: a header may follow it ("Innehållsförteckning"
        # on page 1, "Plats och tid" on page 2).
        agenda_limit = (
            anslag_at if anslag_at is not None and agenda_from is not None and anslag_at > agenda_from else items_at
        )
        agenda_stop = self.agenda_stop(lines, agenda_from, agenda_limit) if agenda_from is not None else items_at
        header_lines = lines[header_at:header_end]
        if agenda_from is not None and header_end == agenda_start and agenda_stop < agenda_limit:
            header_lines += lines[agenda_stop:agenda_limit]
        if anslag_at is not None:
            posting_end = agenda_from if agenda_from is not None and agenda_from > anslag_at else items_at
            if agenda_at is not None and anslag_at < agenda_at < posting_end:
                posting_end = agenda_at
            # Header fields may follow the anslag ("Övriga deltagande" on the next page).
            header_from = self.posting_stop(lines, anslag_at + 1, posting_end)
            posting_lines = self.posting_lines(lines, anslag_at, header_from)
            header_lines += lines[header_from:posting_end]
        # A närvaro- och voteringslista printed among the header's pages is an annex, not header rows.
        inner = self.header_annex(header_lines)
        header_annex = self.read_annex(header_lines[inner[0] : inner[1]]) if inner else None
        if inner:
            header_lines = [*header_lines[: inner[0]], *header_lines[inner[1] :]]
        header = self.read_header(header_lines)
        posting, meeting_date = None, file_date
        undated = False
        if posting_lines:
            posting, written_date, undated = self.read_posting(posting_lines)
            if written_date and written_date != file_date:
                self.error(
                    posting_lines[0].number - 1,
                    messages.DATE_MISMATCH.format(written=written_date, expected=file_date),
                )
        agenda = self.read_agenda(lines[agenda_from:agenda_stop]) if agenda_from is not None else []
        # Who holds the chair's roles, for text that names them so ("ordföranden yrkade …").
        self.chairs = {
            _role_key(a.role): PersonName(a.name, a.person)
            for a in header.attendees
            if a.role and _CHAIR_ROLE.fullmatch(a.role)
        }
        # Signatures printed after the last paragraph are the protocol's, not that paragraph's text.
        closing = closing_signatures(lines, starts[-1] + 1, end, self.signing_label, self.is_furniture)
        if closing is None:
            items = self.read_items(lines, [i for i in starts if i < end], end)
        else:
            self.note(lines[closing.start], "underskrifter", "efter sista paragrafen")
            kept = [*lines[: closing.start], *lines[closing.stop : end]]
            items = self.read_items(kept, [i for i in starts if i < closing.start], len(kept))
            for role, name in closing.signed:
                if not any(s.name == name and s.role == role for s in header.signatories):
                    self.add_signatory(header, role, name)
        if not header.adjusters:
            header.adjusters = self.adjusters_in(items) or self.adjusters_signing(header)
        attendees, absentees = header.attendees, [*header.absentees]
        annexes = [found for found in (header_annex, annex) if found is not None]
        for _, facts in annexes:
            items = _with_votes(items, facts.votes, self.roster)
            attendees, absentees = _merged(attendees, absentees, facts, self.roster)
        signing = self.read_signing(lines[signing_at:]) if signing_at is not None else None
        original = next(((line.number, found) for line in marked if (found := ORIGINAL.match(line.text.strip()))), None)
        if items:
            attendees = close_ranges(list(attendees), items[0].number, items[-1].number)
        return Meeting(
            body=self.body.slug,
            date=meeting_date,
            place=header.place,
            start=header.start,
            end=header.end,
            attendees=tuple(attendees),
            adjustment=header.adjustment(),
            posting=posting,
            agenda=tuple(agenda),
            items=tuple(items),
            signing=signing,
            original=original[1]["file"] if original else None,
            original_redacted=bool(original and original[1]["redacted"]),
            source=self.file,
            original_line=original[0] if original else 0,
            original_sha512=(original[1]["sha512"] or "") if original else "",
            time_line=header.time_line,
            corrections=tuple(self.corrections(marked)),
            absentees=_unique((*absentees, *self.roster.names(_without_codes(n) for n in self.absent_names))),
            posting_undated=undated,
            extras=tuple(header.extras),
            annexes=tuple(extra for extra, _ in annexes),
        )

    def adjusters_in(self, items: list[Item]) -> tuple[PersonName, ...]:
        """The justerare a paragraph names when the header does not ("Till justerare utsågs
        Kjell Ahl", "att utse Harald Kristoffersson att jämte ordföranden justera …"): the
        persons of the first sentence that says someone was chosen to justera, without the
        ordförande named beside them ("att jämte ordförande Sara Holmqvist justera")."""
        for item in items:
            texts = [item.title, item.decision, *(s.text for s in item.sections)]
            for text in texts:
                for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
                    if not self.vocabulary.adjusters_chosen.search(sentence):
                        continue
                    bare = self.vocabulary.beside_chair.sub(" ", sentence)
                    names = self.named(bare)
                    if names:
                        return names
        return ()

    def adjusters_signing(self, header: _Header) -> tuple[PersonName, ...]:
        """The justerare as the signature rows name them ("Justerande ……… / Siv Rönnqvist"),
        when neither the header nor a paragraph says who was chosen. The chair, who signs under
        "Justeras" too in many templates, is none."""
        chairs = {_without_codes(p.name) for p in self.chairs.values()}
        signing = [
            s
            for s in header.signatories
            if (role := self.vocabulary.label(self.vocabulary.signature_roles, s.role))
            and role[0] == "justerare"
            and _without_codes(s.name) not in chairs
        ]
        return tuple(PersonName(s.name, s.person) for s in signing if _names_like(s.name))

    def signing_label(self, text: str) -> str | None:
        """A signing label alone on its line ("Vid protokollet", "Justeras:"), as written."""
        found = self.vocabulary.label(self.vocabulary.signature_roles, text)
        return found[1] if found and not found[2] else None

    def annex_start(self, lines: list[Line], start: int, end: int) -> int | None:
        """Where an annex printed after the last paragraph begins: at its title ("Närvarolista"),
        or at the "Bilaga 1 …" line a few lines above it. A "Bilaga" line with no annex title
        after it is the paragraph's own text (a list of handlingar)."""
        for i in range(start, end):
            text = lines[i].text.strip()
            if not text or not self.vocabulary.is_annex_title(text):
                continue
            above = [j for j in range(max(start, i - 6), i) if lines[j].text.strip()]
            found = next((j for j in above if self.vocabulary.is_annex_start(lines[j].text.strip())), None)
            return found if found is not None else i
        return None

    def header_annex(self, lines: list[Line]) -> tuple[int, int] | None:
        """Where an annex's title and the tables under it stand among the header's lines: from
        the title to its last table row (blank lines between tables included); None if none."""
        at = next((i for i, line in enumerate(lines) if self.vocabulary.is_annex_title(_unmark(line.text))), None)
        if at is None:
            return None
        stop = at + 1
        for i in range(at + 1, len(lines)):
            text = lines[i].text.strip()
            # A person's row with no mark has lost its empty cells in the export, and a group's
            # label alone ("Ersättare") heads the next rows: both still the table's.
            heads_rows = bool(group_label(text, self.vocabulary)) and _is_row(
                next((line.text for line in lines[i + 1 :] if line.text.strip()), "")
            )
            if text and not _is_row(lines[i].text) and not (stop == i and NAME_START.match(text)) and not heads_rows:
                break
            if text:
                stop = i + 1
        return (at, stop) if stop > at + 1 else None

    def read_annex(self, lines: list[Line]) -> tuple[Extra, AnnexFacts]:
        """An annex: its text kept as written (its first line as its label), its tables read for
        attendance and roll-call votes."""
        kept = self.content(lines)
        for line in kept:
            self.note(line, "bilaga", "text")
        first = next(line for line in kept if line.text.strip())
        rest = kept[kept.index(first) + 1 :]
        # The label is read with the rows: "Bilaga 1 till KF § 74" says whose roll call follows.
        rows = [(first.number, _cells(_unmark(first.text)))]
        rows += [(line.number, _cells(line.text.strip(" "))) for line in rest if line.text.strip()]
        facts = read_tables(rows, self.vocabulary, self.annex_person)
        return Extra(_unmark(first.text), _markdown(rest), first.number), facts

    def annex_person(self, text: str, group: AttendanceGroup, role: str | None, number: int) -> list[Attendee]:
        return self.attendees(text, group, role, Line(number, text))

    def corrections(self, lines: list[Line]) -> list[Correction]:
        found = []
        for line in lines:
            if marker := CORRECTION.match(line.text.strip()):
                day = self.parse_date(marker["day"], "rättelse", line.number)
                if day is not None:
                    found.append(Correction(day, marker["reason"], line.number))
        return found

    def check_markers(self, lines: list[Line], marked: list[Line], items_at: int, items_end: int) -> None:
        """Every archive marker is understood where it stands, or is an error at its line.
        ``marked``: the lines that hold "<!--"; ``items_at``, ``items_end``: indexes in ``lines``."""
        for line in marked:
            text = line.text.strip()
            if WITHHOLD.match(text):
                if not items_at < line.number - 1 < items_end:
                    self.error(line.number, messages.MARKER_OUTSIDE_ITEMS)
            elif _instruction(text):
                continue
            elif MARKER_LIKE.search(text):
                self.error(line.number, messages.MARKER_UNKNOWN.format(value=text[:80]))
        for line in lines:
            if line.text[:1] == "§" and (too_long := _LONG_NUMBER.match(line.text)):
                self.error(line.number, messages.PARAGRAPH_NUMBER_TOO_LONG.format(value=too_long[1][:12] + "…"))

    # -- title --------------------------------------------------------------------------------

    def read_title(self, lines: list[Line]) -> int | None:
        """Skip the document title ("PROTOKOLL", "Sammanträdesprotokoll 4/2019") and the body's
        name; the index of the header's first line, or None (with an error) when the first line
        of content is neither a title, the body's name nor a header label."""
        for i, line in enumerate(lines):
            text = line.text.strip()
            if not text or self.is_furniture(text):
                if text:
                    rule = self.furniture_rule(text)
                    self.note(
                        line, "titel", "organets namn" if _same(_unmark(text), self.body.name) else f"möbler ({rule})"
                    )
                continue
            bare = _unmark(text)
            if self.vocabulary.is_title(text):
                self.note(line, "titel", "dokumentets titel")
                continue
            if self.vocabulary.label(self.vocabulary.header, text) or "\t" in text or text.startswith("|"):
                return i
            if self.names_body(bare):
                self.note(line, "titel", "organets namn")
                continue
            if self.names_other_body(bare):  # the protocol says it is another body's: a contradiction
                self.error(line.number, messages.BODY_MISMATCH.format(written=bare, expected=self.body.name))
                continue
            return i  # the header starts here; what it cannot place is kept as written
        return len(lines)

    def names_other_body(self, text: str) -> bool:
        """A short title line that names a body ("Styrelsen", "Socialnämnden") which is not this one."""
        words = _FIELD_NAME.sub("", normalise(text)).split()
        if not words or len(words) > 4 or any(ch.isdigit() for ch in text):
            return False
        return any(words[-1].endswith(noun) for noun in self.vocabulary.body_nouns)

    def names_body(self, text: str) -> bool:
        """A title line: the body's or organisation's name, a document title, the meeting's date,
        or these together ("**Kommunstyrelsen** 2016-11-22", "Direktionens protokoll 30 maj 2024")."""
        rest = normalise(text.replace("\t", " "))
        rest = _FIELD_NAME.sub("", rest)  # "Nämnd:Omvårdnadsnämnden" (a saved web page's fields)
        found = self.vocabulary.date_in_words.search(rest) or _ISO_DATE.search(rest)
        if found and _date_of(found) == self.file_date:
            rest = (rest[: found.start()] + " " + rest[found.end() :]).strip()
        names = (self.body.name, self.body.genitive, self.org.name, self.org.short_name)
        for name in sorted((normalise(n) for n in names if n), key=len, reverse=True):
            rest = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", rest)
        rest = re.sub(r"\s+", " ", rest).strip(" ,-")
        return not rest or self.vocabulary.is_title(rest)

    # -- header --------------------------------------------------------------------------------

    def read_header(self, lines: list[Line]) -> _Header:
        header = _Header()
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
                block := signature_block_at(lines, at, len(lines), self.signing_label, self.is_furniture)
            ):
                # "Sekreterare", a line drawn to sign on, "Tobias Lindqvist", each on its own line.
                for signing_as, signer in block.signed:
                    self.add_signatory(header, signing_as, signer)
                for signed_line in lines[block.start : block.stop]:
                    self.note(signed_line, "huvud", "underskrifter")
                signed_until = lines[block.stop - 1].number + 1
                field, awaiting = "underskrifter", False
                continue
            cells = _cells(line.text.strip(" "))  # a leading tab is an empty first cell: a continuation
            column, header.value_below = header.value_below, None
            if column is not None and column < len(cells) and _RANGE_WITHOUT_SIGN.fullmatch(cells[column].strip()):
                # "…<TAB>Paragrafer" over "…<TAB>71-77": the value under its label, in the same column.
                self.header_field(header, "paragrafer", [cells[column]], line)
                cells = cells[:column] + cells[column + 1 :]
            found = self.vocabulary.label(self.vocabulary.header, cells[0]) if cells[0] else None
            if not found and cells[0]:
                # "Direktionens ledamöter", "Nämndens ersättare": a label with the body's genitive before it.
                bare = re.sub(rf"^{re.escape(self.body.genitive)}\s+", "", _unmark(cells[0]), flags=re.IGNORECASE)
                found = self.vocabulary.label(self.vocabulary.header, bare) if bare != _unmark(cells[0]) else None
            if not found and self.is_furniture(line.text):
                self.note(line, "möbler", messages.FURNITURE_REMOVED.format(rule=self.furniture_rule(line.text)))
                continue  # a header label wins over a running header with the same words
            if _PIPE_SEPARATOR.match(line.text.strip()):
                self.note(line, "huvud", "tabellens avgränsare")
                continue  # the header written as a Markdown table: its separator row
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
                values = [v for v in ([rest] if rest else []) + cells[1:] if v]
                header.sub_group = None  # a new label: the sub-label of the rows above ends
                awaiting, extra = not values, None
                if field not in _ATTENDANCE_FIELDS:
                    # "Justeringens plats<TAB>…<TAB>Paragrafer 155-162": a second field in the row.
                    values = self.split_row(header, field, values, line, 1 if rest else 0)
            elif awaiting and field and len([c for c in cells if c]) >= 1 and self.role_row(cells) is None:
                # "Plats och tid" on one line, "Folkets hus, kl. 18.30" on the next.
                values, awaiting = [c for c in cells if c], False
                if field not in _ATTENDANCE_FIELDS:
                    values = self.split_row(header, field, values, line, 0)
            elif not cells[0] and extra is not None:
                index = header.extras.index(extra)
                extra = header.extras[index] = replace(
                    extra, text=" ".join([extra.text, *(c for c in cells if c)]).strip()
                )
                self.note(line, "huvud", "okänd rubrik, visas som den är skriven")
                continue
            elif not cells[0] and field in _ONE_VALUE_FIELDS:
                # A wrapped value ("Tisdag 22 november 2016 kl. 13.00," then "Kommunhuset"): read
                # again as one text with the lines before it.
                more = self.split_row(header, field, [v for v in cells[1:] if v], line, 0)
                values = [*written.get(field, []), *more]
            elif not cells[0] and field:
                values = [v for v in cells[1:] if v]  # a continuation row of the field above
                if field not in _ATTENDANCE_FIELDS:
                    values = self.split_row(header, field, values, line, 0)
            elif role := self.vocabulary.label(self.vocabulary.signature_roles, cells[0]):
                field, values = "underskrifter", [role[1], *(v for v in [role[2], *cells[1:]] if v)]
            elif sentence := self.vocabulary.adjustment_sentence.fullmatch(" ".join(c for c in cells if c)):
                field, values = "justerare", [sentence["names"]]  # "Att jämte ordföranden justera … utses X"
            elif (
                (field in _ATTENDANCE_FIELDS or field == "frånvarande")
                and len([c for c in cells if c]) == 1
                and _names_like(line.text)
            ):
                values = [v for v in cells if v]  # one more line of names under a label of its own line
            elif (role_row := self.role_row(cells)) is not None:
                # "Vice ordföranden<TAB>Tomas Rehnberg (s)": a role before the name, as a row.
                field, values = role_row, [f"{cells[1]}, {cells[0]}"]
            elif rows := present_in_sentence(" ".join(c for c in cells if c)):
                # "Dessutom närvarade … ekonomichefen Karin Wessel, …": those present besides.
                for row in rows:
                    header.attendees += self.attendees(row, AttendanceGroup.OTHER, None, line)
                # The sentence stays on the page as written, its persons also in the attendance.
                header.extras.append(Extra(" ".join(c for c in cells if c), "", line.number))
                self.note(line, "huvud", "övriga, i en mening")
                continue
            else:
                if not header.start:
                    self.place_and_time_in_sentence(" ".join(c for c in cells if c), header, line)
                # Kept as written under its own label, with a warning: an unknown label is no reason
                # to refuse a protocol.
                self.warning(line.number, messages.MD_UNKNOWN_HEADER.format(label=cells[0]))
                extra = Extra(cells[0], " ".join(c for c in cells[1:] if c), line.number)
                header.extras.append(extra)
                self.note(line, "huvud", "okänd rubrik, visas som den är skriven")
                if not (field in _ATTENDANCE_FIELDS and len(cells) == 1 and _heading_like(line.text)):
                    field, awaiting = "", False  # a heading among the names ("### Fackliga organisationer") keeps them
                continue
            self.note(line, "huvud", field)
            written[field] = values
            self.header_field(header, field, values, line)
        return header

    def attendance_tables(self, lines: list[Line], header: _Header) -> set[int]:
        """Attendance written as one table in the header ("Namn | Parti | Roll | Närvarande §"):
        read into ``header`` by its columns; the line numbers of its rows."""
        taken: set[int] = set()
        rows: list[tuple[int, list[str]]] = []
        for line in [*lines, Line(0, "")]:
            cells = _cells(line.text.strip(" ")) if line.text.strip() else []
            if _PIPE_SEPARATOR.match(line.text.strip()) and rows:
                taken.add(line.number)
                continue
            if rows and len([c for c in cells if c]) >= 2:
                rows.append((line.number, cells))
                continue
            if rows:
                facts = read_tables(rows, self.vocabulary, self.annex_person)
                if facts.present or facts.absent:
                    header.attendees += facts.present
                    header.absentees += self.roster.names(_without_codes(n) for n in facts.absent)
                    taken.update(number for number, _ in rows)
                    for number, _ in rows:
                        self.trace.setdefault(number, ("huvud", "närvarolista"))
                rows = []
            if len(cells) >= 2 and column_heading(cells, self.vocabulary):
                rows = [(line.number, cells)]
        return taken

    def role_row(self, cells: list[str]) -> str | None:
        """The attendance field of a row "<role><TAB><name>": the chair's roles are the members',
        any other role ("Verkställande direktören") is the others'."""
        if len(cells) != 2 or not cells[0] or not cells[1] or not cells[1][:1].isupper():
            return None
        role = normalise(cells[0])
        if role not in {normalise(r) for r in self.vocabulary.attendance["roller"]}:
            return None
        return "beslutande" if _CHAIR_ROLE.fullmatch(role) else "övriga"

    def split_row(self, header: _Header, field: str, values: list[str], line: Line, first: int) -> list[str]:
        """The values of ``field``, up to a cell (from index ``first``) that opens another
        (non-attendance) field; the fields after it are read at once. Under "Justering", a
        "Plats och tid" is the justering's own."""
        out: list[str] = []
        for j, value in enumerate(values):
            other = self.vocabulary.label(self.vocabulary.header, value) if j >= first else None
            if (
                other
                and field in ("underskrifter", "paragrafer")
                and self.vocabulary.label(self.vocabulary.signature_roles, value)
            ):
                other = None  # "Justerande<TAB>……": a signature row's role, not the justerare field
            if other and field == "justering" and other[0] in _ONE_VALUE_FIELDS | {"plats", "tid"}:
                if other[2]:
                    out.append(other[2])
                continue
            if other and other[0] != field and other[0] not in _ATTENDANCE_FIELDS and other[0] != "frånvarande":
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

    def header_field(self, header: _Header, field: str, values: list[str], line: Line) -> None:
        joined = " ".join(values)
        if field in ("plats_och_tid", "plats", "tid", "datum"):
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
        elif field in _ATTENDANCE_FIELDS:
            label = _unmark(_cells(line.text.strip(" "))[0]).rstrip(":")
            if label and normalise(label) in self.vocabulary.role_labels:
                # "Personalrepresentanten<TAB>Bo Sjövall": the label says what the person is.
                header.sub_group = (_ATTENDANCE_FIELDS[field][0], label.casefold())
            # A sub-label ("Övriga närvarande<TAB>Ersättare<TAB>…") holds for the rows below it too.
            group, role = header.sub_group or _ATTENDANCE_FIELDS[field]
            if values and self.vocabulary.refers_elsewhere.search(" ".join(values)):
                # "Enligt bifogad närvarolista, bilaga 1": attendance given elsewhere, kept as written.
                header.extras.append(Extra(line.text.split("\t", 1)[0].strip(), " ".join(values), line.number))
                return
            for value in _with_party_cells(values):
                sub = self.vocabulary.label(self.vocabulary.header, value)
                if sub and sub[0] in _ATTENDANCE_FIELDS and not sub[2]:
                    group, role = header.sub_group = _ATTENDANCE_FIELDS[sub[0]]  # for the cells after it
                    continue
                header.attendees += self.attendees(value, group, role, line)
        elif field == "frånvarande":
            names = [n.strip() for n in re.split(r",|\boch\b", joined) if n.strip()]
            header.absentees += self.roster.names(_without_codes(n) for n in names)
        elif field == "justerare":
            # "Utses att justera<TAB>Justerare<TAB>Maud Sjövall", "<TAB>Ersättare<TAB>Eskil Rapp":
            # sub-labels inside the field; the substitute is no justerare.
            sub = self.vocabulary.label(self.vocabulary.header, values[0]) if values else None
            if sub and sub[0] == "ersättare" and not sub[2]:
                self.substitute_adjuster(header, sub[1], values[1:], line)
                return
            if sub and sub[0] == "justerare" and not sub[2]:
                values = values[1:]
                joined = " ".join(values)
            # "Marie Lidén, S", "Gunilla Åström, (S)": a party code after the comma is no person.
            names = [
                n.strip()
                for n in re.split(r",| och ", joined)
                if any(ch.isalpha() for ch in _without_codes(n)) and not _PARTY_CELL.fullmatch(n.strip())
            ]
            # "Birgitta Alm Jonas Teng": names without a separator, told apart by the roster.
            listed = self.named(joined)
            header.adjusters += (
                listed if len(listed) > len(names) else self.roster.names(_without_codes(n) for n in names)
            )
        elif field == "justering":
            header.place_and_time = joined
        elif field in ("underskrifter", "paragrafer"):
            header.line = header.line or line.number
            self.signatory(values, header, line)

    def substitute_adjuster(self, header: _Header, label: str, cells: list[str], line: Line) -> None:
        header.extras.append(
            Extra(messages.ADJUSTER_SUBSTITUTE.format(label=label), " ".join(c for c in cells if c), line.number)
        )
        self.note(line, "huvud", "justerarens ersättare")

    def place_and_time_in_sentence(self, text: str, header: _Header, line: Line) -> None:
        """ "Protokoll fört vid sammanträde med styrelsen … torsdagen den 2 september 2010 kl.
        09.30–11.45 i Mossbyhems kontor, Storgatan 14.": a sentence that gives the meeting's date
        gives its time, and the place it names after "i" or "på"."""
        dated = self.vocabulary.date_in_words.search(text) or _ISO_DATE.search(text)
        found = _TIME.search(text)
        if not (dated and found and _date_of(dated) == self.file_date and found.start() > dated.start()):
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
        for part in _join_parts(value[: found.start()], value[end_at:]).split(", "):
            (other if _TIME.search(part) or _CLOCK_SPAN.search(part) else kept).append(part)
        # "… klockan 13.30–16.10 i Vretarummet": the place, without the preposition the sentence gave it.
        return _LEADING_PREPOSITION.sub("", ", ".join(kept)), start, end, ", ".join(other)

    def without_date(self, value: str, line: Line) -> str:
        """The place without the meeting's date when it is written in it ("tisdag 23 april 2019",
        "2019-04-23"); a date that is not the file's is an error."""
        found = self.vocabulary.date_in_words.search(value) or _ISO_DATE.search(value) or _COMPACT_IN_TEXT.search(value)
        if not found:
            return value
        written = _date_of(found)
        if written is None or written != self.file_date:
            self.error(line.number, messages.DATE_MISMATCH.format(written=found.group(0), expected=self.file_date))
        # "Tisdag 2010-03-16": the weekday belongs to the date.
        return _join_parts(self.vocabulary.weekday_at_end.sub("", value[: found.start()]), value[found.end() :])

    def clock(self, value: str, line: Line) -> time | None:
        hours, minutes = re.split(r"[:.]", value)
        try:
            return time(int(hours), int(minutes))
        except ValueError:
            self.error(line.number, messages.TIME_INVALID.format(field="Plats och tid", value=value))
            return None

    def attendees(self, value: str, group: AttendanceGroup, role: str | None, line: Line) -> list[Attendee]:
        # A sub-label in the cell ("Ledamöter Jacob Käll, …", "Ersättare …") sets the group.
        sub = self.vocabulary.label(self.vocabulary.header, value)
        if sub and sub[0] in _ATTENDANCE_FIELDS:
            (group, role), value = _ATTENDANCE_FIELDS[sub[0]], sub[2]
        found = self.attendance.read(value, group, lambda m: self.warning(line.number, m))
        self.absent_names += self.attendance.absentees
        not_serving = self.vocabulary.attendance["ej_tjänstgörande"]
        found = [
            replace(a, group=AttendanceGroup.SUBSTITUTE)
            if a.group is AttendanceGroup.OTHER and a.role and any(w in a.role.casefold() for w in not_serving)
            else a
            for a in found
        ]
        return [replace(a, role=a.role or role, line=line.number) for a in found]

    def signatory(self, values: list[str], header: _Header, line: Line) -> None:
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
        role = self.vocabulary.label(self.vocabulary.signature_roles, names[0]) if names else None
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

    def add_signatory(self, header: _Header, role: str, name: str) -> None:
        person = self.roster.lookup(_without_codes(name))
        header.signatories.append(Signatory(role, name, person.slug if person else None))

    # -- ANSLAG/BEVIS --------------------------------------------------------------------------

    def read_posting(self, lines: list[Line]) -> tuple[Posting | None, date | None, bool]:
        """(posting, the meeting date it states, whether it gives no dates at all)."""
        statement: list[str] = []
        fields: dict[str, tuple[str, int]] = {}
        pending: str | None = None
        for line in lines:
            cells = _cells(line.text.strip(" "))
            if not any(cells):
                continue
            if not self.vocabulary.label(self.vocabulary.posting, cells[0]) and self.is_furniture(line.text):
                self.note(line, "möbler", messages.FURNITURE_REMOVED.format(rule=self.furniture_rule(line.text)))
                continue  # a label of the anslag wins over a running header with the same words
            labelled = False
            if (
                pending
                and len([c for c in cells if c]) == 1
                and not self.vocabulary.label(self.vocabulary.posting, cells[0])
            ):
                # "Organ" on one line, "Kommunfullmäktige" on the next: the value below its label.
                fields[pending], pending = (cells[0], line.number), None
                self.note(line, "anslag", "värde")
                continue
            pending = None
            for cell in cells:
                found = self.vocabulary.label(self.vocabulary.posting, cell) if cell else None
                inside = _ISO_DATE.search(cell) if cell and not found else None
                if inside:
                    # "Datum då anslaget sätts 2018-10-15 upp": a label wrapped around its value.
                    around = self.vocabulary.label(
                        self.vocabulary.posting,
                        _join_parts(cell[: inside.start()], cell[inside.end() :]).replace(",", ""),
                    )
                    if around and not around[2]:
                        found = (around[0], around[1], inside.group(0))
                if found and found[0] != "text":
                    pending, labelled = found[0], True
                    fields.setdefault(pending, ("", line.number))
                    if found[2]:
                        fields[pending], pending = (found[2], line.number), None
                elif pending and cell:
                    fields[pending], pending = (cell, line.number), None
            if labelled:
                self.note(line, "anslag", ", ".join(k for k, (_, n) in fields.items() if n == line.number))
            elif any(cells):
                statement.append(" ".join(c for c in cells if c))
                self.note(line, "anslag", "text")
        # "Anslaget är uppsatt<TAB>2016-12-21 – 2017-01-12": both dates in one field.
        posted_at = fields.get("uppsatt")
        if posted_at and "nedtaget" not in fields and len(both := _dates_in(posted_at[0], self.vocabulary)) == 2:
            fields["uppsatt"], fields["nedtaget"] = (both[0], posted_at[1]), (both[1], posted_at[1])
        values = {
            name: self.parse_date(_iso_date(value, self.vocabulary), name, number) if value.strip() else None
            for name, (value, number) in fields.items()
            if name in ("sammanträdesdatum", "uppsatt", "nedtaget", "sista_dag")
        }
        line_no = lines[0].number if lines else 1
        written_date = values.get("sammanträdesdatum")
        organ = fields.get("organ")
        if organ and organ[0] and not _names_body(organ[0], self.body.name):
            self.error(organ[1], messages.BODY_MISMATCH.format(written=organ[0], expected=self.body.name))
        posted, taken_down = values.get("uppsatt"), values.get("nedtaget")
        if posted is None and taken_down is None and "uppsatt" not in fields:
            # "Justeringen har tillkännagivits genom anslag … den 28 maj 2014. Anslaget tas ned
            # den 19 juni 2014.": the dates said in the anslag's sentences.
            posted, taken_down = self.posting_in_prose(" ".join(statement))
            if posted and taken_down:
                fields["uppsatt"] = (posted.isoformat(), lines[0].number if lines else 0)
                fields["nedtaget"] = (taken_down.isoformat(), 0)
        if "uppsatt" in fields and not fields["uppsatt"][0].strip() and not fields.get("nedtaget", ("",))[0].strip():
            return None, written_date, True  # dated by hand on paper: published without dates
        for name in ("uppsatt", "nedtaget"):
            if name not in fields:
                self.warning(line_no, messages.MD_BAD_ANSLAG.format(label=_POSTING_LABELS[name]))
        if posted is None or taken_down is None:
            return None, written_date, False
        posting = Posting(
            statement=" ".join(statement),
            posted=posted,
            taken_down=taken_down,
            # "Protokollet förvaras på kommunkansliet": the place, without the preposition.
            kept_at=re.sub(r"^(?:på|hos|i)\s+", "", fields.get("förvaring", ("", 0))[0]),
            printed_deadline=values.get("sista_dag"),
            line=fields["uppsatt"][1],
        )
        return posting, written_date, False

    def posting_in_prose(self, text: str) -> tuple[date | None, date | None]:
        posted = taken_down = None
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            dates = _dates_in(sentence, self.vocabulary)
            if not dates:
                continue
            if self.vocabulary.taken_down_said.search(sentence):
                taken_down = taken_down or date.fromisoformat(dates[-1])
            elif self.vocabulary.posted_said.search(sentence):
                posted = posted or date.fromisoformat(dates[-1])
        return posted, taken_down

    # -- ärendelista ---------------------------------------------------------------------------

    def read_agenda(self, lines: list[Line]) -> list[AgendaEntry]:
        """Entries as "§ 65<TAB>Titel<TAB>ITSAM 2023/5<TAB>3", "41<TAB>Dnr KS 2018/52<TAB>Titel ..... 3",
        or over two lines ("§ 28<TAB>Dnr 2018/00041<TAB>3", then "Titel ..... 3"); page numbers
        and dotted leaders are the PDF's, dropped."""
        entries: list[AgendaEntry] = []
        untitled: AgendaEntry | None = None
        for line in self.content(lines):
            cells = [c for c in _cells(line.text.strip()) if c]
            if not cells:
                continue
            spaced = _AGENDA_SPACED.match(cells[0]) if len(cells) == 1 else None
            if spaced:  # "§ 14 Information från förbundsdirektören ..... 3": one cell
                cells = [spaced[1], spaced[2]]
            number = _AGENDA_NUMBER.fullmatch(cells[0])
            if not number:
                if untitled is not None:  # the title of the entry on the line above
                    entries[-1] = AgendaEntry(untitled.number, _LEADERS.sub("", " ".join(cells)), untitled.dnr)
                    untitled = None
                    self.note(line, "ärendelista", "rubrik")
                    continue
                if _LEADERS.search(line.text):
                    self.note(line, "ärendelista", "innehållsförteckningens rad, utan paragrafnummer")
                elif not _PIPE_SEPARATOR.match(line.text.strip()):
                    self.warning(line.number, messages.MD_BAD_AGENDA.format(value=line.text))
                continue
            rest = cells[1:]
            if rest and _PAGES.match(rest[-1]):
                rest = rest[:-1]  # page numbers of the PDF
            dnr_cells = [c for c in rest if _is_dnr_cell(c)]
            titles = [_LEADERS.sub("", c) for c in rest if c not in dnr_cells]
            # The ärendelista is the paragraphs' summary: a dnr it cannot give (split over two
            # rows by the export) is a warning; the paragraph's own dnr is the one that counts.
            dnr = self.dnr(" , ".join(_strip_dnr_label(c) for c in dnr_cells), "ärendelista", line.number, soft=True)
            entry = AgendaEntry(int(number[1]), titles[0] if titles else "", tuple(dnr))
            entries.append(entry)
            untitled = entry if not titles else None
            self.note(line, "ärendelista", f"§ {entry.number}")
        return entries

    def posting_stop(self, lines: list[Line], start: int, limit: int) -> int:
        """Where the anslag that starts at ``start`` gives way to header fields: the first line
        opening with a header label of attendance, place, time or justering (not the anslag's own
        "Underskrift"), or an annex's title ("Närvaro- och voteringslista")."""
        for i in range(start, limit):
            if self.vocabulary.is_annex_title(_unmark(lines[i].text)):
                return i
            first = _cells(lines[i].text.strip(" "))[0]
            found = self.vocabulary.label(self.vocabulary.header, first) if first else None
            if (
                found
                and not found[2]  # the cell is a label, not a sentence that begins like one
                and not self.is_furniture(lines[i].text)
                and found[0] not in ("underskrifter", "paragrafer", "datum")
                and not self.vocabulary.label(self.vocabulary.posting, first)
            ):
                return i
        return limit

    def agenda_stop(self, lines: list[Line], start: int, limit: int) -> int:
        """Where the contents list that starts at ``start`` ends (at most ``limit``): at the first
        line that is not a row of it (numbered, or ending in leaders or a page number), not a
        title wrapped onto the row below, nor furniture."""
        texts = [line.text.strip() for line in lines[start:limit]]

        def row(text: str) -> bool:
            return bool(_AGENDA_NUMBER.match(text) and _item_number(text) is not None) or bool(
                _AGENDA_ROW_END.search(text)
            )

        for i, text in enumerate(texts):
            if not text or row(text) or self.is_furniture(text) or _PIPE_SEPARATOR.match(text):
                continue
            following = next((t for t in texts[i + 1 :] if t), "")
            if _LEADERS.search(following) and not self.vocabulary.label(self.vocabulary.header, _cells(text)[0]):
                continue  # a title wrapped over two rows
            return start + i
        return limit

    def dnr(self, text: str, field: str, line: int, soft: bool = False) -> list[Dnr]:
        try:
            return parse_many(text, self.org.dnr_prefix)
        except DnrError as exc:
            (self.warning if soft else self.error)(line, messages.DNR_INVALID.format(field=field, value=str(exc)))
            return []

    # -- paragraphs ----------------------------------------------------------------------------

    def read_items(self, lines: list[Line], starts: list[int], end: int) -> list[Item]:
        """The paragraphs that start at ``starts`` (indexes in ``lines``), the last ending at ``end``."""
        items = []
        for start, stop in zip(starts, [*starts[1:], end], strict=True):
            item = self.read_item(lines[start], self.content(lines[start + 1 : stop]))
            if item:
                items.append(item)
        return items

    def read_item(self, start: Line, lines: list[Line]) -> Item | None:
        number, rest = _opening(start.text)
        self.note(start, "paragraf", f"§ {number}")
        dnr: list[Dnr] = []
        title = ""
        body_at = title_at = 0
        skipped: list[Line] = []
        # What follows the number on its own line: a dnr ("§ 28 Dnr 2018/00041") or the title.
        # A row of cells ("MBN § 31<TAB>Dnr MBN 2021-000012<TAB>DELGIVNINGAR<TAB>MBN 2021-03-18"):
        # dnr cells give the dnr, a cell with the meeting's date is the running header's, the rest
        # is the title.
        cells = [_unmark(c) for c in _cells(rest) if _unmark(c)]
        dnr_cells = [c for c in cells if _is_dnr_cell(c)]
        if dnr_cells:
            dnr = self.dnr(", ".join(_strip_dnr_label(c) for c in dnr_cells), "Dnr", start.number)
        rest = " ".join(c for c in cells if c not in dnr_cells and not self.is_date_cell(c))
        if rest:
            title, found_dnr = self.title_and_dnr(rest, start)
            dnr = dnr or found_dnr
        for i, line in enumerate(lines):
            text = line.text.strip()
            if not text or _PIPE_SEPARATOR.match(text):
                continue  # a separator: the start was written as a pipe table's header row
            if not dnr and _is_dnr_cell(_unmark(text)) and not _HEADING.match(text):
                dnr = self.dnr(_strip_dnr_label(_unmark(text)), "Dnr", line.number)
                self.note(line, "paragraf", "dnr")
                continue
            bold = _BOLD_LINE.match(text)
            if title and bold and line.number == title_at + 1 and not self.section_heading(text):
                # "**… gång- och cykelvägen vid**" above "**Norrvik**": a title the export wrapped.
                title, title_at, body_at = f"{title} {bold[1].strip()}", line.number, i + 1
                self.note(line, "paragraf", "rubrik")
                continue
            if title:
                body_at = i
                if not dnr and (below := self.dnr_below_title(lines, i)) is not None:
                    # "Au § 132", "Ks § 88", then "Dnr 05/Ks 0042": the dnr under the case's
                    # earlier handling; those lines stay in the text.
                    dnr = self.dnr(_strip_dnr_label(_unmark(lines[below].text.strip())), "Dnr", lines[below].number)
                    self.note(lines[below], "paragraf", "dnr")
                    lines = [*lines[:below], *lines[below + 1 :]]
                break
            if ("\t" in text or _MARGIN_REF.fullmatch(text)) and len(skipped) < 6 and not self.section_heading(text):
                skipped.append(line)  # margin rows before the title ("Au 103", "Sn 58"): kept as text
                continue
            title_line = _HEADING.match(text)
            title_at = line.number
            if title_line and len(title_line[1]) <= 2:
                title, found_dnr = self.title_and_dnr(_unbold(title_line[2]), line)
            elif bold and not self.section_heading(text):
                title, found_dnr = self.title_and_dnr(bold[1].strip(), line)
            elif not self.section_heading(text) and "\t" not in text and len(text) <= 200:
                # A title need not be bold: the first line after the paragraph's start is its title.
                title, found_dnr = self.title_and_dnr(text, line)
            else:
                break
            dnr = dnr or found_dnr
            self.note(line, "paragraf", "rubrik")
            body_at = i + 1
        if not title:
            self.error(start.number, messages.MD_NO_TITLE.format(number=number))
            return None
        margin = _margin(start.text)
        if skipped or margin:
            kept = [Line(start.number, margin)] if margin else []
            lines = [*kept, *skipped, *lines[body_at:]]
            body_at = 0
        # "<!-- arkiv: sekretess: grund -->" before the first sub-heading withholds the paragraph.
        body = lines[body_at:]
        first_heading = next((i for i, line in enumerate(body) if self.section_heading(line.text)), len(body))
        ground = next((found[1] for line in body[:first_heading] if (found := WITHHOLD.match(line.text.strip()))), None)
        if ground:
            return Item(number, title, tuple(dnr), withheld=Withholding(ground), line=start.number)
        decision = proposal = proposal_heading = decision_heading = ""
        sections: list[Section] = []
        facts = _Facts()
        lists: dict[str, list[str]] = {REFERENCES: [], RECIPIENTS: []}
        chunks = list(self.sections(lines[body_at:]))
        decision_headed = any(self.is_decision_heading(heading) for heading, _ in chunks)
        # A decision said in so many words anywhere ("Styrelsen beslutade") wins over a guess.
        # Under a proposal heading ("Förslag till beslut") even "Direktionen beslutar …" is proposed.
        stated = [
            None if self.is_proposal_heading(heading) else self.decision_opening(chunk) for heading, chunk in chunks
        ]
        decision_opened = any(at is not None for at in stated)
        for (heading, chunk), stated_at in zip(chunks, stated, strict=True):
            kind = self.vocabulary.lists.get(normalise(heading)) if heading else None
            decided_at = None
            facts_section = bool(heading) and bool(self.vocabulary.facts.get(normalise(heading)))
            proposed = self.is_proposal_heading(heading)
            if not (decision_headed or decision or kind or facts_section):
                decided_at = stated_at
                # Nothing said in so many words: "<organet> godkänner …", then a passive last
                # ("Dagordningen godkändes.").
                if decided_at is None and not heading and not decision_opened:
                    decided_at = self.decision_guess(chunk)
                if decided_at is None and not decision_opened and chunk is chunks[-1][1] and not proposed:
                    decided_at = self.decision_passive(chunk)
            if not (decision_headed or decision or kind or proposed or decision_opened) and (
                (clauses := self.decision_clauses(chunk)) is not None
            ):
                # The att-clauses with no lead-in ("att avslå motionen.") win over a guess; they may
                # follow a plain heading ("Ärendebeskrivning") or a vote's text ("Omröstning").
                decided_at = clauses
            if decided_at is not None:
                # "Direktionen beslutar: att …" in the running text, with no heading: the decision.
                for line in chunk[decided_at:]:
                    self.note(line, "paragraf", "beslut")
                decision, chunk = _markdown(self.without_own_margin(chunk[decided_at:])), chunk[:decided_at]
            for line in chunk:
                self.note(line, "paragraf", heading or "text")
            # The same marker under any heading (the decision and the lists included) withholds
            # exactly that part: its heading and ground are kept, its text never enters the model.
            withheld = next((found[1] for line in chunk if (found := WITHHOLD.match(line.text.strip()))), None)
            if withheld:
                sections.append(Section(heading, "", Withholding(withheld)))
            elif kind is not None:
                lists[kind] += [_unbullet(line.text) for line in chunk if line.text.strip()]
            elif self.is_decision_heading(heading) and not decision:
                decision = _markdown(chunk)
                if normalise(heading) != normalise(self.body.decision_heading):
                    decision_heading = heading
            elif self.is_proposal_heading(heading) and not proposal:
                # A proposal put to the body is not its decision: kept as the proposal.
                proposal, proposal_heading = _markdown(chunk), heading
            elif heading or _markdown(chunk):
                sections.append(Section(heading, _markdown(chunk)))
                self.facts(heading, chunk, facts)
        if not any(s.withheld for s in sections):
            self.facts_in_sentences(chunks, facts)
            if not facts.votes:
                # "Ja röstar: …" in the running text, with no "Omröstning" heading.
                facts.votes += [
                    vote
                    for heading, chunk in chunks
                    if not (heading and self.vocabulary.facts.get(normalise(heading)))
                    and (vote := self.vote_in_sentences(chunk, headed=False))
                ]
        if not decision and not any(s.withheld and self.is_decision_heading(s.heading) for s in sections):
            self.warning(
                start.number, messages.MD_NO_DECISION.format(number=number, heading=self.body.decision_heading)
            )
        return Item(
            number=number,
            title=title,
            dnr=tuple(dnr),
            decision=decision,
            decision_heading=decision_heading,
            proposal=proposal,
            proposal_heading=proposal_heading,
            votes=tuple(facts.votes),
            reservations=tuple(facts.reservations),
            disqualified=tuple(facts.disqualified),
            motions=tuple(facts.motions),
            notes=tuple(facts.notes),
            facts_from_text=facts.found,
            sections=tuple(sections),
            references=tuple(parse_reference(text, self.org) for text in lists[REFERENCES]),
            recipients=tuple(lists[RECIPIENTS]),
            adjusted_immediately=any(s.heading.casefold() == "omedelbar justering" for s in sections),
            line=start.number,
        )

    def dnr_below_title(self, lines: list[Line], at: int) -> int | None:
        """Where a dnr line stands among the few short lines right below the title, before any
        text (which is indented or longer); None when there is none."""
        for i in range(at, min(at + 6, len(lines))):
            text = lines[i].text.strip()
            if _is_dnr_cell(_unmark(text)) and not _HEADING.match(text):
                return i
            if lines[i].text.startswith("\t") or len(text) > 40 or self.section_heading(text):
                return None
        return None

    def facts(self, heading: str, chunk: list[Line], facts: _Facts) -> None:
        """Votes, reservations and jäv as facts, from the sections that publish them as text."""
        kind = self.vocabulary.facts.get(normalise(heading)) if heading else None
        if kind == "omröstning":
            vote = self.vote(chunk)
            if vote is not None:
                facts.votes.append(vote)
        elif kind == "reservation":
            for text in _paragraphs(chunk):
                by = self.named(text)
                if by:
                    facts.reservations.append(Reservation(by, text))
        elif kind == "jäv":
            facts.disqualified += self.named(" ".join(_paragraphs(chunk)))
        elif kind == "yrkande":
            facts.motions += _paragraphs(chunk)
        elif kind == "protokollsanteckning":
            facts.notes += _paragraphs(chunk)

    def facts_in_sentences(self, chunks: list[tuple[str, list[Line]]], facts: _Facts) -> None:
        """Reservations, jäv, protokollsanteckningar and yrkanden said in the running text, where
        the protocol gives them no heading ("Ove Lindkvist reserverade sig mot beslutet", "Fatima
        Haddad anmälde jäv"):
        read for each kind the paragraphs of text name, only when no heading gave that kind."""
        said = self.vocabulary.facts_in_text
        found_reservations = not facts.reservations
        found_disqualified = not facts.disqualified
        found_motions = not facts.motions
        found_notes = not facts.notes
        for heading, chunk in chunks:
            kind = self.vocabulary.facts.get(normalise(heading)) if heading else None
            if kind or (heading and self.vocabulary.lists.get(normalise(heading))):
                continue
            said_text = " ".join(line.text for line in chunk).casefold()
            if self.fact_words_only and not any(word in said_text for word in _FACT_WORDS):
                continue  # no sentence here can say a reservation, jäv or yrkande
            for text in _paragraphs(chunk):
                if found_reservations and said["reservation"].search(text) and (by := self.named_or_by_role(text)):
                    facts.reservations.append(Reservation(by, text))
                elif found_disqualified and said["jäv"].search(text):
                    facts.disqualified += self.named(text)
                elif found_notes and said["protokollsanteckning"].search(text) and self.named_or_by_role(text):
                    facts.notes.append(text)  # "Stina Lagerqvist (FP) antecknar till protokollet att …"
                elif found_motions and said["yrkande"].search(text) and self.named_or_by_role(text):
                    facts.motions.append(text)

    def named_or_by_role(self, text: str) -> tuple[PersonName, ...]:
        """The persons ``text`` names, and those it names by their role at the meeting ("vice
        ordföranden och ledamoten Anita Berglöf"), in the order written."""
        found = [(m.start(), p) for m in _CHAIR_ROLE.finditer(text) if (p := self.chairs.get(_role_key(m.group(0))))]
        at = 0
        for person in self.named(text):
            at = text.find(person.name, at)
            found.append((at, person))
        out: list[PersonName] = []
        for _, person in sorted(found, key=lambda pair: pair[0]):
            if all(p.person != person.person or p.name != person.name for p in out):
                out.append(person)
        return tuple(out)

    def named(self, text: str) -> tuple[PersonName, ...]:
        """Every roster person named in ``text``, in order, once each."""
        found: list[PersonName] = []
        for start in (0, *(m.end() for m in re.finditer(r"[\s(,]", text))):
            match = self.roster.match_at(text, start)
            if match and all(p.person != match.person.slug for p in found):
                found.append(PersonName(text[start : match.end], match.person.slug))
        return tuple(found)

    def vote(self, chunk: list[Line]) -> Vote | None:
        """An omröstning: its question, the table of names with X under Ja, Nej or Avstår (a sum
        row is skipped: it is the count of the marks), and its result."""
        table_at = next((i for i, line in enumerate(chunk) if _is_row(line.text)), None)
        if table_at is None:
            return self.vote_in_sentences(chunk)
        rows = [_cells(line.text.strip(" ")) for line in chunk if _is_row(line.text)]
        rows = [row for row in rows if not _PIPE_SEPARATOR.match("|".join(row))]
        headed = [
            (i, self.vocabulary.facts.get(normalise(cell)) or "") for i, cell in enumerate(rows[0]) if cell.strip()
        ]
        answers: dict[str, list[str]] = {"röst_ja": [], "röst_nej": [], "röst_avstår": []}
        for row in rows[1:]:
            name = row[0]
            if not name or self.vocabulary.facts.get(normalise(name)) == "summa":
                continue
            # A mark counts under the last answer column that starts at or before it: an export
            # may put an empty cell more in a row than in the heading ("Nej" at 2, its X at 3).
            marked: set[str] = set()
            for j, cell in enumerate(row[1:], start=1):
                under = [kind for at, kind in headed if at <= j]
                if cell.strip() and under and under[-1] in answers:
                    marked.add(under[-1])
            for answer in marked:
                answers[answer].append(_without_codes(name))
        before = [line.text.strip() for line in chunk[:table_at] if line.text.strip()]
        after = [line.text.strip() for line in chunk[table_at:] if line.text.strip() and not _is_row(line.text)]
        return self.vote_of(before, answers, after)

    def vote_of(self, before: list[str], answers: dict[str, list[str]], after: list[str]) -> Vote:
        return Vote(
            " ".join(before),
            self.roster.names(answers["röst_ja"]),
            self.roster.names(answers["röst_nej"]),
            self.roster.names(answers["röst_avstår"]),
            " ".join(after),
        )

    def vote_in_sentences(self, chunk: list[Line], headed: bool = True) -> Vote | None:
        """An omröstning written out: "Ja röstar: Ylva Stenberg, … och Inger Tjärnström.", "Nej
        röstar: …", "Avstår från att rösta: …"; a short lead before the colon that names one
        answer (Ja, Nej, Avstår) gives the names after it. Text before is the question, after
        the result: under an "Omröstning" heading all of it, in running text (not ``headed``)
        the paragraph right before and right after."""
        if not headed and not any(":" in line.text for line in chunk):
            return None  # no answer sentence without its colon: most text is read no further
        answers: dict[str, list[str]] = {"röst_ja": [], "röst_nej": [], "röst_avstår": []}
        before: list[str] = []
        after: list[str] = []
        for text in _paragraphs(chunk):
            lead, colon, names = text.partition(":")
            kinds = {self.vocabulary.facts.get(word, "") for word in re.findall(r"\w+", normalise(lead))} & set(answers)
            if colon and len(lead.split()) <= 6 and len(kinds) == 1:
                written = re.split(r",\s*|\s+och\s+", names.strip().rstrip("."))
                answers[kinds.pop()] += [_without_codes(n).strip() for n in written if _without_codes(n).strip()]
            else:
                (after if any(answers.values()) else before).append(text)
        if not any(answers.values()):
            return None
        return self.vote_of(before if headed else before[-1:], answers, after if headed else after[:1])

    def decision_opening(self, chunk: list[Line]) -> int | None:
        """Where the body's decision starts in text without a decision heading: "Direktionen
        beslutar att …", or "Styrelsen beslutade," with its att-clauses below."""
        texts = [line.text.strip() for line in chunk]
        for i, text in enumerate(texts):
            found = self.vocabulary.decision_intro.match(text)
            if not found or not self.is_this_body(found["body"]):
                continue
            following = next((t for t in texts[i + 1 :] if t), "")
            if "beslutar" in found.group(0).casefold() or re.match(r"(?i)att\b", text[found.end() :] or following):
                return i
        return None

    def decision_guess(self, chunk: list[Line]) -> int | None:
        """For a paragraph with no decision otherwise: the first paragraph of text that opens with
        the body's name and a verb ("Regionstyrelsen utser …", "Nämnden godkänner …")."""
        texts = [line.text.strip() for line in chunk]
        opening_of = self.body_opening()
        for i, text in enumerate(texts):
            opening = opening_of.match(text)
            if (
                opening
                and (not i or not texts[i - 1])  # the start of a paragraph, not a wrapped line
                and opening[1].islower()
                and opening[1] not in self.vocabulary.not_decision_verbs
            ):
                return i
        return None

    def paragraph_starts(self, chunk: list[Line]) -> tuple[list[int], list[str]]:
        """Where each paragraph of ``chunk`` starts (a row is one of its own) and its text."""
        starts = [
            i
            for i, line in enumerate(chunk)
            if line.text.strip() and (not i or not chunk[i - 1].text.strip() or "\t" in line.text)
        ]
        return starts, [_last_cell(chunk[i].text) for i in starts]

    def decision_clauses(self, chunk: list[Line]) -> int | None:
        """For a paragraph with no decision otherwise: the last run of paragraphs that open with
        "att" or a decision verb in the infinitive ("att avslå motionen.", "Föreslå
        kommunfullmäktige besluta"), unless a yrkande leads into it."""
        starts, texts = self.paragraph_starts(chunk)
        run = None
        for k in range(len(starts) - 1, -1, -1):
            if self.decides(texts[k]):
                run = k
            elif run is not None:
                break
        lead_in = texts[run - 1] if run else ""
        if run is not None and not (_MOTION_LEAD_IN.search(lead_in) and not lead_in.endswith(".")):
            return starts[run]
        return None

    def decision_passive(self, chunk: list[Line]) -> int | None:
        """The paragraph's last paragraph of text when it decides in the passive ("Dagordningen
        godkändes.", "Till justerare utsågs …") and is short, as such a decision is."""
        starts, texts = self.paragraph_starts(chunk)
        if not starts:
            return None
        words = re.findall(r"\w+", texts[-1].casefold())
        return starts[-1] if len(words) <= 40 and set(words) & self.vocabulary.decision_passives else None

    def without_own_margin(self, lines: list[Line]) -> list[Line]:
        """A decision written in the text column beside margin codes ("Kfm<TAB>att notera …"):
        its text, without the body's own code (it says only who decides) or an empty margin."""
        out = []
        for line in lines:
            cells = _cells(line.text)
            own = len(cells) == 2 and (not cells[0] or abbreviates(cells[0], self.body.name))
            out.append(Line(line.number, cells[1]) if own and cells[1] else line)
        return out

    def decides(self, text: str) -> bool:
        first = re.match(r"(?:\d{1,2}[.)]\s+|[-–•*]\s+)?(\w+)\b", text)  # "1. Sälja …", "- att …"
        if not first:
            return False
        word = first[1]
        return word == "att" or (word[:1].isupper() and word.casefold() in self.vocabulary.decision_infinitives)

    def body_opening(self) -> re.Pattern[str]:
        """A sentence that opens with the body's name (or the noun it ends with) and a word."""
        if self.opening_pattern is None:
            names = [
                re.escape(self.body.name),
                *(re.escape(n) for n in self.vocabulary.body_nouns if normalise(self.body.name).endswith(n)),
            ]
            self.opening_pattern = re.compile(rf"(?:\*\*)?(?:{'|'.join(names)})\s+([a-zåäö]+)\b", re.IGNORECASE)
        return self.opening_pattern

    def is_this_body(self, text: str) -> bool:
        """The body's name, or the noun it ends with ("Nämnden" for Kultur- och fritidsnämnden)."""
        name, written = normalise(self.body.name), normalise(text)
        return written == name or (written in self.vocabulary.body_nouns and name.endswith(written))

    def title_and_dnr(self, text: str, line: Line) -> tuple[str, list[Dnr]]:
        """A title as written; a dnr written inside it in parentheses ("(KS/2016:198)") is read too.
        A labelled dnr after a separator ("Tertialrapport 2 / Dnr 2010/0290-1.1.4") is the
        case's number printed on the title's line, not part of the title."""
        inside = re.search(r"\(([^()]{4,60})\)\s*$", text)
        if inside and _is_dnr_cell(inside[1]):
            try:
                return text, parse_many(_strip_dnr_label(inside[1]), self.org.dnr_prefix)
            except DnrError:
                pass
        after = [*_LABELLED_DNR_AFTER.finditer(text)]
        if after and after[-1].start() > 0:
            try:
                return text[: after[-1].start()].rstrip(), parse_many(
                    _strip_dnr_label(text[after[-1].end() :]), self.org.dnr_prefix
                )
            except DnrError:
                pass
        return text, []

    def is_proposal_heading(self, heading: str) -> bool:
        """ "Förslag till beslut", "Arbetsutskottets förslag": a proposal put to the body."""
        return bool(heading) and bool(self.vocabulary.proposal.fullmatch(normalise(heading)))

    def is_decision_heading(self, heading: str) -> bool:
        key = normalise(heading)
        # The body's own proposal to another body ("Kommunstyrelsens förslag till kommunfullmäktige",
        # "Arbetsutskottets förslag till kommunstyrelsen") is what the body decided.
        own = {normalise(self.body.genitive), normalise(self.body.decision_heading).removesuffix(" beslut")}
        intro = self.vocabulary.decision_intro.fullmatch(key)
        return (
            key in self.vocabulary.decision
            or key == normalise(self.body.decision_heading)
            or key == normalise(f"{self.body.genitive} beslut")
            or any(key.startswith(f"{name} förslag till ") for name in own)
            # "Förslag till kommunfullmäktige": the body's proposal to another (not "… till beslut").
            or (key.startswith("förslag till ") and key != "förslag till beslut")
            # "DIREKTIONEN BESLUTAR", "Styrelsen beslutade:" alone on a line heads the decision.
            or bool(intro and self.is_this_body(intro["body"]))
        )

    def sections(self, lines: list[Line]) -> Iterator[tuple[str, list[Line]]]:
        heading, chunk = "", []
        for line in lines:
            name = self.section_heading(line.text)
            if name is None:
                chunk.append(line)
                continue
            self.note(line, "paragraf", f"rubrik: {name}")
            if heading or any(c.text.strip() for c in chunk):
                yield heading, chunk
            heading, chunk = name, []
        yield heading, chunk

    def section_heading(self, text: str) -> str | None:
        heading = _HEADING.match(text)
        if heading and len(heading[1]) >= 3:
            return _unbold(heading[2])
        bold = _BOLD_LINE.match(text.strip())
        # A heading may be written plain as well as bold: the vocabulary's words, alone on a line.
        plain = text.strip() if "\t" not in text.strip() and len(text.strip()) <= 80 else None
        if plain and (
            plain.endswith(".")
            or not (
                self.is_known_heading(normalise(plain))
                or (len(plain.split()) <= 8 and self.vocabulary.proposal.fullmatch(normalise(plain)))
            )
        ):
            plain = None  # a plain line is a heading only when it is one of the vocabulary's, not a sentence
        if bold or plain:
            name = bold[1].strip() if bold else (plain or "")
            key = normalise(name)
            vocabulary = self.vocabulary
            if (
                key in vocabulary.sections
                or key in vocabulary.lists
                or self.is_decision_heading(name)
                or vocabulary.proposal.fullmatch(key)
            ):
                return name.rstrip(":")
        return None

    # -- e-signing record ----------------------------------------------------------------------

    def read_signing(self, lines: list[Line]) -> SigningRecord:
        signatures: list[ElectronicSignature] = []
        documents: list[str] = []
        kept: list[str] = []
        service = ""
        pending: list[tuple[str, str]] = []
        pending_line = 0
        for i, line in enumerate(lines):
            text = line.text.strip()
            if _instruction(text):
                continue
            signers = re.findall(r"<b>(.*?)</b>\s*(\S*)", text)
            following = next((later.text for later in lines[i + 1 :] if later.text.strip()), "")
            if not signers and _UTC.search(following):
                # Other exports write the signers in Markdown bold: "**NAME** reference".
                signers = re.findall(r"\*\*(.+?)\*\*\s*(\S*)", text)
            times = _UTC.findall(text)
            self.note(line, "signering", "undertecknare" if signers else "tidpunkter" if times else "text")
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
class _Facts:
    votes: list[Vote] = field(default_factory=list)
    reservations: list[Reservation] = field(default_factory=list)
    disqualified: tuple[PersonName, ...] = ()
    motions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def found(self) -> bool:
        return bool(self.votes or self.reservations or self.disqualified or self.motions or self.notes)


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
    refused: bool = False  # a line was not understood (reported once)
    absentees: tuple[PersonName, ...] = ()
    extras: list[Extra] = field(default_factory=list)
    sub_group: tuple[AttendanceGroup, str | None] | None = None  # set by a sub-label in a row
    awaiting_signature: list[str] = field(default_factory=list)  # roles whose names the next row gives
    value_below: int | None = None  # the column of a label ("Paragrafer") whose value is in the next row

    def adjustment(self) -> Adjustment | None:
        if not (self.adjusters or self.place_and_time or self.signatories):
            return None
        return Adjustment(self.adjusters, self.place_and_time, tuple(self.signatories), self.signed, self.line)


# "X yrkar att nämnden beslutar", "Förvaltningen föreslår nämnden besluta": att-clauses that
# follow are a motion's or a proposal's, not the decision.
_MOTION_LEAD_IN = re.compile(r"\byrka|\bföreslår\b|\bföreslog\b", re.IGNORECASE)
# "Au 71", "Ks § 88", "Kfm § 12": a paragraph reference in the margin, the case's earlier handling.
_MARGIN_REF = re.compile(r"([A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,4})\.?\s*§{0,2}\s*\d{1,4}")
_PAGE_WORDS = frozenset({"sida", "sid", "s", "blad", "page", "p"})
_LEADING_PREPOSITION = re.compile(r"^(?:i|på)\s+(?=[A-ZÅÄÖ])")
_SIGNED_LABELS = frozenset({"paragrafer", "paragraf", "justerade paragrafer"})
# "… / Dnr 2010/0290", "…, dnr KS 2018/52": a labelled dnr after the title on its line.
_LABELLED_DNR_AFTER = re.compile(r"\s*[/,;–—-]\s*(?=(?:dnr|diarienr|diarienummer)\b)", re.IGNORECASE)
# Header fields that hold one text: a continuation row adds to it rather than a second value.
_ONE_VALUE_FIELDS = frozenset({"plats_och_tid", "datum", "justering"})
_POSTING_LABELS = {
    "uppsatt": "Datum då anslaget sätts upp",
    "nedtaget": "Datum då anslaget tas ned",
    "förvaring": "Förvaringsplats för protokollet",
}
_AGENDA_SPACED = re.compile(r"((?:[A-ZÅÄÖ][A-Za-zåäö]{0,5}\s*)?§\s*\d{1,6}|\d{1,6}\s*§)\s+(\S.*)")
_AGENDA_NUMBER = re.compile(r"(?:[A-ZÅÄÖ]{1,6}\s*)?§?\s*(\d{1,6})\s*§?")


_CHAIR_ROLE = re.compile(r"(?i)(?:(?:1:e|2:e|förste|andre) )?(?:vice )?ordförande(?:n)?")


def _role_key(role: str) -> str:
    """ "Vice ordföranden" and "vice ordförande" as one key."""
    return re.sub(r"ordföranden\b", "ordförande", normalise(role))


# Words one of the facts' sentences must hold (vocabulary: fakta_i_text_mönster), to skip the rest.
_FACT_WORDS = ("reserv", "jäv", "yrka", "föreslog", "föreslår", "anteckn")


# "Nämnd:" before a title line's value: a saved web page writes its fields so.
_FIELD_NAME = re.compile(r"^[^\s:]{2,20}:\s*")


def _titles_under_starts(lines: list[Line]) -> set[int]:
    """The numbers of the first three lines of text under each paragraph start."""
    return {
        line.number
        for i, start in enumerate(lines)
        if _is_item_start(start.text)
        for line in [line for line in lines[i + 1 : i + 8] if line.text.strip()][:3]
    }


@lru_cache(maxsize=65536)
def _key_of(text: str) -> str:
    """A line as repetitions are compared: normalised, short numbers (page numbers) masked."""
    return _DIGITS.sub("#", normalise(text.strip().replace("|", " ")))


def _with_votes(
    items: list[Item], votes: list[tuple[int, str, list[str], list[str], list[str]]], roster: Roster
) -> list[Item]:
    """Items with the roll calls an annex gives for them ("Votering § 16" over its table)."""
    by_number = {item.number: i for i, item in enumerate(items)}
    out = list(items)
    for number, question, yes, no, abstaining in votes:
        at = by_number.get(number)
        if at is None:
            continue
        vote = Vote(
            question,
            roster.names(_without_codes(n) for n in yes),
            roster.names(_without_codes(n) for n in no),
            roster.names(_without_codes(n) for n in abstaining),
        )
        out[at] = replace(out[at], votes=(*out[at].votes, vote))
    return out


def _merged(
    attendees: list[Attendee], absentees: list[PersonName], annex: AnnexFacts, roster: Roster
) -> tuple[list[Attendee], list[PersonName]]:
    """The header's attendance corrected by the annex's list: who the list marks absent is no
    participant, who it marks present is one. Someone in both keeps what the header says (a
    tjänstgörande ersättare's 'ersättare för …', a role), the list filling what it leaves out."""

    def key(name: str) -> str:
        return normalise(_without_codes(name))

    absent = {key(n) for n in annex.absent}
    listed = {key(a.name): a for a in annex.present}
    out: list[Attendee] = []
    for attendee in attendees:
        if key(attendee.name) in absent:
            continue
        found = listed.pop(key(attendee.name), None)
        out.append(
            replace(
                attendee,
                role=attendee.role or found.role,
                serving_for=found.serving_for or attendee.serving_for,
                paragraphs=attendee.paragraphs or found.paragraphs,
                party=attendee.party or found.party,
            )
            if found
            else attendee
        )
    out += listed.values()
    return out, [*absentees, *roster.names(_without_codes(n) for n in annex.absent)]


def _unique(names: tuple[PersonName, ...]) -> tuple[PersonName, ...]:
    seen: set[str] = set()
    out = []
    for name in names:
        if normalise(name.name) not in seen:
            seen.add(normalise(name.name))
            out.append(name)
    return tuple(out)


_PARTY_CELL = re.compile(r"\(?([A-ZÅÄÖ]{1,4})\)?")


def _last_cell(text: str) -> str:
    """A row's last filled cell: the text beside a margin code ("Ks<TAB>att avslå motionen.")."""
    return next((c for c in reversed(_cells(text)) if c), "")


def _with_party_cells(values: list[str]) -> list[str]:
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
            and (value[:1].islower() or value[:1].isdigit() or value[:1] == "§" or not NAME_START.match(value))
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


def read(source: SourceText, problems: Problems) -> Meeting | None:
    """The registry's entry: a Markdown protocol (``generator.readers.registry``)."""
    return MarkdownReader(source.organisation, source.body, source.file, problems).read(source.text, source.file_date)
