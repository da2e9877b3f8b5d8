"""Reader for protocols exported from the signed PDF to Markdown (the seed's layout).

The export keeps the protocol's text but also the PDF's page furniture (running headers with the
body's name, "Justerandes sign", "Utdragsbestyrkande", signature lines, page numbers in the
ärendelista). This reader finds the protocol's regions: header (place, attendance, justering),
ANSLAG/BEVIS, ärendelista, paragraphs, annexes and the e-signing service's record, and hands each
to its region reader in this package; furniture is dropped and every word of content kept.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from generator import messages
from generator.model import (
    Attendee,
    Body,
    Item,
    Meeting,
    Organisation,
    ParagraphRange,
    PersonName,
    Vote,
)
from generator.model.roster import Roster
from generator.problems import Problems
from generator.readers.attendance import (
    close_ranges,
)
from generator.readers.guards import MAX_ITEMS
from generator.readers.markdown.agenda import AgendaReader
from generator.readers.markdown.annex_tables import ATTENDANCE_GROUPS, AnnexFacts
from generator.readers.markdown.annexes import AnnexReader
from generator.readers.markdown.closing_signatures import closing_signatures
from generator.readers.markdown.context import CHAIR_ROLE, ReadContext, role_key
from generator.readers.markdown.decision import DecisionFinder
from generator.readers.markdown.facts import FactReader
from generator.readers.markdown.furniture import Furniture
from generator.readers.markdown.grid_tables import grid_tables_as_rows, has_grid_tables
from generator.readers.markdown.header import HeaderReader
from generator.readers.markdown.items import ItemReader
from generator.readers.markdown.marker_lines import MarkerReader
from generator.readers.markdown.paragraph_starts import (
    _agenda_rows_at,
    _opening,
    _starts,
    abbreviates,
)
from generator.readers.markdown.posting import PostingReader
from generator.readers.markdown.signing import SigningReader
from generator.readers.markdown.split_labels import SplitLabels
from generator.readers.markdown.text import (
    Line,
    _cells,
    _find,
    _instruction,
    _untable,
    _without_codes,
    columns_as_cells,
    laid_out_in_columns,
)
from generator.readers.markers import ORIGINAL, misspelt_marker
from generator.readers.source_text import SourceText
from generator.readers.vocabulary import normalise


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


def read(source: SourceText, problems: Problems) -> Meeting | None:
    """The registry's entry: a Markdown protocol (``generator.readers.registry``)."""
    return MarkdownReader(source.organisation, source.body, source.file, problems).read(source.text, source.file_date)


class MarkdownReader:
    """Reads one Markdown protocol of ``body`` into a ``Meeting``: finds the regions by their
    headings and paragraph numbers, then hands each to its reader."""

    def __init__(self, organisation: Organisation, body: Body, file: str, problems: Problems) -> None:
        self.ctx = ctx = ReadContext(organisation, body, file, problems)
        self.furniture = furniture = Furniture(ctx)
        self.labels = SplitLabels(ctx)
        self.header_reader = HeaderReader(ctx, furniture)
        self.posting_reader = PostingReader(ctx, furniture)
        self.agenda_reader = AgendaReader(ctx, furniture)
        self.item_reader = ItemReader(ctx, furniture, FactReader(ctx), DecisionFinder(ctx))
        self.annex_reader = AnnexReader(ctx, furniture)
        self.signing_reader = SigningReader(ctx)
        self.markers = MarkerReader(ctx)

    @property
    def trace(self) -> dict[int, tuple[str, str]]:
        """What each line became, for ``arkiv explain``: line number -> (region, what)."""
        return self.ctx.trace

    def is_decision_heading(self, heading: str) -> bool:
        return self.ctx.is_decision_heading(heading)

    def listed_attendance(self, lines: list[Line], facts: AnnexFacts) -> AnnexFacts:
        """An annex whose tables mark no attendance may list it as a header does ("Närvarande
        ledamöter" over the names, "Anmält förhinder" over the absent): read so, for the persons."""
        if facts.present or facts.absent:
            return facts
        groups = (self.ctx.vocabulary.label(self.ctx.vocabulary.header, _cells(line.text)[0]) for line in lines)
        if not any(found and found[0] in ATTENDANCE_GROUPS for found in groups):
            return facts
        with self.ctx.quietly():
            listed = self.header_reader.read_header(lines)
        return replace(facts, present=list(listed.attendees), absent=[n.name for n in listed.absentees])

    def read(self, text: str, file_date: date) -> Meeting | None:
        self.ctx.file_date = file_date
        self.ctx.date_line = file_date.isoformat()
        raw_lines = [raw.rstrip() for raw in text.splitlines()]
        if has_grid_tables(raw_lines):
            raw_lines = grid_tables_as_rows(raw_lines)  # pandoc's grid tables: pipe rows, wrapped labels joined
        if laid_out_in_columns(raw_lines):
            raw_lines = columns_as_cells(raw_lines)  # columns set apart by spaces: cells, as tabs set them
        lines = self.labels.join_split_labels(
            [
                # A pipe table's row is read as cells; "|" is rare, so most lines are not stripped twice.
                Line(i, _untable(bare) if "|" in bare and bare.lstrip()[:1] == "|" else bare)
                for i, bare in enumerate(raw_lines, start=1)
            ]
        )
        starts = _starts(lines, lambda prefix: abbreviates(prefix, self.ctx.body.name))
        if len(starts) > MAX_ITEMS:
            # Reading and rendering grow with the paragraphs: past any protocol's count, refused.
            self.ctx.error(lines[starts[MAX_ITEMS]].number, messages.TOO_MANY_ITEMS.format(limit=MAX_ITEMS))
            return None
        items_at = starts[0] if starts else None
        if items_at is None:
            first = next((line for line in lines if line.text.strip()), None)
            self.ctx.error(first.number if first else 1, messages.MD_NO_ITEMS)
            return None
        # Labels run together on one line of the header are split before the header is read.
        labels = self.labels
        header_part = labels.pair_split_columns(
            labels.split_inline_labels(
                labels.labels_before_values(labels.join_wrapped_rows(labels.join_wrapped_times(lines[:items_at])))
            )
        )
        if header_part != lines[:items_at]:
            lines = [*header_part, *lines[items_at:]]
            starts = [i + len(header_part) - items_at for i in starts]
            items_at = starts[0]
        self.furniture.repeated = self.furniture.repeated_furniture(lines)
        self.furniture.furniture_now = {}
        starts = self.annex_reader.before_annex_repeats(lines, starts)
        vocabulary = self.ctx.vocabulary
        header_at = self.header_reader.read_title(lines[:items_at])
        if header_at is None:
            return None
        anslag_at = _find(lines, self.posting_reader.is_posting_heading_row, end=items_at)
        # An anslag without a heading starts at its statement or its first date's label
        # ("Protokollet är justerat. …", "Datum då anslaget sätts upp: …"), wherever it stands.
        headless = (
            anslag_at is None
            and (anslag_at := _find(lines, self.posting_reader.opens_anslag, header_at + 1, items_at)) is not None
        )
        agenda_at = _find(lines, vocabulary.is_agenda_heading, end=items_at)
        signing_at = _find(lines, vocabulary.is_signing_start, start=items_at)
        end = signing_at if signing_at is not None else len(lines)
        annex_at = self.annex_reader.annex_start(lines, starts[-1] + 1, end)
        annex = self.annex_reader.read_annex(lines[annex_at:end]) if annex_at is not None else None
        if annex is not None and annex_at is not None:
            annex = (annex[0], self.listed_attendance(lines[annex_at:end], annex[1]))
        if annex_at is not None:
            end = annex_at
        # An anslag printed after the last paragraph (a web export puts it last) ends the paragraphs.
        late_anslag = (
            None
            if anslag_at is not None
            else _find(lines, self.posting_reader.is_posting_heading_row, starts[-1] + 1, end)
        )
        # Or without a heading, at its statement ("Protokollet justerat 2019-02-13. Justeringen har
        # tillkännagivits genom anslag …") or its first date's label.
        late_headless = (
            anslag_at is None
            and late_anslag is None
            and (late_anslag := _find(lines, self.posting_reader.opens_anslag, starts[-1] + 1, end)) is not None
        )
        posting_lines = (
            self.posting_reader.posting_lines(lines, late_anslag, end, late_headless) if late_anslag is not None else []
        )
        if late_anslag is not None:
            if not late_headless:
                self.ctx.note(lines[late_anslag], "anslag", "rubrik")
            end = late_anslag
        # Only these can hold a marker, or one an editor has misspelt.
        marked = [line for line in lines if "<!--" in line.text or misspelt_marker(line.text)]
        for line in marked:
            if _instruction(line.text.strip()):
                self.ctx.note(line, "instruktion", "till arkivet, visas inte")
        self.markers.check_markers(lines, marked, items_at, end)
        for at, region in (
            (None if headless else anslag_at, "anslag"),
            (agenda_at, "ärendelista"),
            (signing_at, "signering"),
        ):
            if at is not None:
                self.ctx.note(lines[at], region, "rubrik")
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
        agenda_stop = (
            self.agenda_reader.agenda_stop(lines, agenda_from, agenda_limit) if agenda_from is not None else items_at
        )
        header_lines = lines[header_at:header_end]
        if agenda_from is not None and agenda_stop < agenda_limit and agenda_stop >= header_end:
            # What follows the contents list before the paragraphs is the header's, also when an
            # anslag stood before the list ("Bevis/Anslag" on page 1, "Innehåll" on page 2).
            header_lines += lines[agenda_stop:agenda_limit]
        if anslag_at is not None:
            posting_end = agenda_from if agenda_from is not None and agenda_from > anslag_at else items_at
            if agenda_at is not None and anslag_at < agenda_at < posting_end:
                posting_end = agenda_at
            # Header fields may follow the anslag ("Övriga deltagande" on the next page).
            header_from = self.posting_reader.posting_stop(lines, anslag_at + 1, posting_end)
            posting_lines = self.posting_reader.posting_lines(lines, anslag_at, header_from, headless)
            header_lines += lines[header_from:posting_end]
        # A närvaro- och voteringslista printed among the header's pages is an annex, not header rows.
        inner = self.annex_reader.header_annex(header_lines)
        header_annex = self.annex_reader.read_annex(header_lines[inner[0] : inner[1]]) if inner else None
        if header_annex is not None and inner:
            header_annex = (header_annex[0], self.listed_attendance(header_lines[inner[0] : inner[1]], header_annex[1]))
        if inner:
            header_lines = [*header_lines[: inner[0]], *header_lines[inner[1] :]]
        header = self.header_reader.read_header(header_lines)
        posting, meeting_date = None, file_date
        undated = False
        if posting_lines:
            posting, written_date, undated = self.posting_reader.read_posting(posting_lines)
            if written_date and written_date != file_date:
                self.ctx.error(
                    posting_lines[0].number - 1,
                    messages.DATE_MISMATCH.format(written=written_date, expected=file_date),
                )
        if posting is None and not posting_lines:
            posting = self.posting_reader.posting_in_header(header.extras)
        agenda = self.agenda_reader.read_agenda(lines[agenda_from:agenda_stop]) if agenda_from is not None else []
        # Who holds the chair's roles, for text that names them so ("ordföranden yrkade …").
        self.ctx.chairs = {
            role_key(a.role): PersonName(a.name, a.person)
            for a in header.attendees
            if a.role and CHAIR_ROLE.fullmatch(a.role)
        }
        # Signatures printed after the last paragraph are the protocol's, not that paragraph's text.
        closing = closing_signatures(
            lines, starts[-1] + 1, end, self.header_reader.signing_label, self.furniture.is_furniture
        )
        if closing is None:
            items = self.item_reader.read_items(lines, [i for i in starts if i < end], end)
        else:
            self.ctx.note(lines[closing.start], "underskrifter", "efter sista paragrafen")
            kept = [*lines[: closing.start], *lines[closing.stop : end]]
            items = self.item_reader.read_items(kept, [i for i in starts if i < closing.start], len(kept))
            for role, name in closing.signed:
                if not any(s.name == name and s.role == role for s in header.signatories):
                    self.header_reader.add_signatory(header, role, name)
        if not header.adjusters:
            header.adjusters = self.item_reader.adjusters_in(items) or self.header_reader.adjusters_signing(header)
        header.adjusters = _unique(self.header_reader.adjusters_standing_in(header, header.adjusters))
        if header.signed is None and items and (header.adjusters or header.signatories):
            # Justered without a range written: the signatures are the whole protocol's.
            numbers = [item.number for item in items]
            header.signed = ParagraphRange(min(numbers), max(numbers))
        attendees, absentees = header.attendees, [*header.absentees]
        if header.table_votes:
            items = _with_votes(items, header.table_votes, self.ctx.roster)
        annexes = [found for found in (header_annex, annex) if found is not None]
        for _, facts in annexes:
            items = _with_votes(items, facts.votes, self.ctx.roster)
            attendees, absentees = _merged(attendees, absentees, facts, self.ctx.roster)
        signing = self.signing_reader.read_signing(lines[signing_at:]) if signing_at is not None else None
        original = next(((line.number, found) for line in marked if (found := ORIGINAL.match(line.text.strip()))), None)
        if items:
            attendees = close_ranges(list(attendees), items[0].number, items[-1].number)
        attendees = self.header_reader.roles_by_signature(header, list(attendees))
        return Meeting(
            body=self.ctx.body.slug,
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
            source=self.ctx.file,
            original_line=original[0] if original else 0,
            original_sha512=(original[1]["sha512"] or "") if original else "",
            time_line=header.time_line,
            corrections=tuple(self.markers.corrections(marked)),
            absentees=_unique((*absentees, *self.ctx.roster.names(_without_codes(n) for n in self.ctx.absent_names))),
            posting_undated=undated,
            extras=tuple(header.extras),
            annexes=tuple(extra for extra, _ in annexes),
        )
