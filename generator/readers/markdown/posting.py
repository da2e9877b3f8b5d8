"""ANSLAG/BEVIS: the notice that the protocol is justerat and posted, with its dates and the
place the protocol is kept."""

from __future__ import annotations

import re
from datetime import date

from generator import messages
from generator.model import (
    Extra,
    Posting,
)
from generator.readers.markdown.context import ReadContext
from generator.readers.markdown.furniture import Furniture
from generator.readers.markdown.text import (
    _ISO_DATE,
    Line,
    _cells,
    _dates_in,
    _iso_date,
    _join_parts,
    _names_body,
    _unmark,
)
from generator.readers.vocabulary import MAX_FURNITURE

_POSTING_LABELS = {
    "uppsatt": "Datum då anslaget sätts upp",
    "nedtaget": "Datum då anslaget tas ned",
    "förvaring": "Förvaringsplats för protokollet",
}


_DATE_SHAPED = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\s+\w+\s+\d{4}")
_LABEL_TAIL = 2  # words after a label, with no date, that still belong to it
_DATED = frozenset({"sammanträdesdatum", "uppsatt", "nedtaget", "sista_dag"})  # the fields that hold a date


class PostingReader:
    """Finds and reads the anslag block."""

    def __init__(self, ctx: ReadContext, furniture: Furniture) -> None:
        self.ctx = ctx
        self.furniture = furniture

    def is_posting_heading_row(self, text: str) -> bool:
        """The anslag's heading, alone or in a running header's row ("RÖDSJÖ KOMMUN<TAB>ANSLAG/BEVIS")."""
        if self.ctx.vocabulary.is_posting_heading(text) or self.posting_statement_beside(text) is not None:
            return True
        if "\t" not in text or len(text) > MAX_FURNITURE:
            return False
        folded = text.casefold()
        if not any(word in folded for word in self.ctx.vocabulary.posting_heading_words):
            return False  # no cell can be the heading: the row need not be split
        cells = [c for c in _cells(text) if c]
        return (
            len(cells) >= 2
            and any(self.ctx.vocabulary.is_posting_heading(c) for c in cells)
            and all(
                self.ctx.vocabulary.is_posting_heading(c)
                or self.ctx.names_body(c)
                or self.ctx.vocabulary.is_furniture(c)
                for c in cells
            )
        )

    def posting_statement_beside(self, text: str) -> str | None:
        """ "**Anslag/bevis**<TAB>Protokollet är justerat. …": the heading with the anslag's
        statement in the next cell; the statement, which the anslag keeps, or None."""
        cells = [c for c in _cells(text) if c]
        if len(cells) < 2 or not self.ctx.vocabulary.is_posting_heading(cells[0]):
            return None
        found = self.ctx.vocabulary.label(self.ctx.vocabulary.posting, cells[1])
        return " ".join(cells[1:]) if found and found[0] == "text" else None

    def opens_anslag(self, text: str) -> bool:
        """The first line of an anslag that has no heading: its statement, or the label of the
        day it was put up or taken down, and no header label as long ("Datum då anslaget sätts
        upp" is no "Datum")."""
        cell = _cells(text.strip(" "))[0]
        if not cell or len(cell) > MAX_FURNITURE:
            return False
        found = self.ctx.vocabulary.label(self.ctx.vocabulary.posting, cell)
        if not found or found[0] not in ("text", "uppsatt", "nedtaget"):
            return False
        header = self.ctx.vocabulary.label(self.ctx.vocabulary.header, cell)
        return header is None or len(header[1]) < len(found[1])

    def posting_lines(self, lines: list[Line], at: int, stop: int, headless: bool = False) -> list[Line]:
        """The anslag's lines after its heading at ``at``, the statement beside the heading first
        (from ``at`` itself when the anslag has no heading)."""
        if headless:
            return lines[at:stop]
        beside = self.posting_statement_beside(lines[at].text)
        return [*([Line(lines[at].number, beside)] if beside else []), *lines[at + 1 : stop]]

    def read_posting(self, lines: list[Line]) -> tuple[Posting | None, date | None, bool]:
        """(posting, the meeting date it states, whether it gives no dates at all)."""
        statement: list[str] = []
        fields: dict[str, tuple[str, int]] = {}
        pending: str | None = None
        for line in lines:
            cells = _cells(line.text.strip(" "))
            if not any(cells):
                continue
            value_below = pending is not None and len([c for c in cells if c]) == 1
            if (
                not value_below  # "Organ:" above "Kommunstyrelsens arbetsutskott": its value, not a header
                and not self.ctx.vocabulary.label(self.ctx.vocabulary.posting, cells[0])
                and self.furniture.is_furniture(line.text)
            ):
                self.ctx.note(
                    line, "möbler", messages.FURNITURE_REMOVED.format(rule=self.furniture.furniture_rule(line.text))
                )
                continue  # a label of the anslag wins over a running header with the same words
            labelled = False
            if (
                pending
                and len([c for c in cells if c]) == 1
                and not self.ctx.vocabulary.label(self.ctx.vocabulary.posting, cells[0])
                # A date's label over a name ("Datum för anslags nedtagande" above "Emil Granat", the
                # export's order): no date, so not its value; the name stays in the anslag's text.
                and (pending not in _DATED or any(ch.isdigit() for ch in cells[0]))
            ):
                # "Organ" on one line, "Kommunfullmäktige" on the next: the value below its label.
                fields[pending], pending = (cells[0], line.number), None
                self.ctx.note(line, "anslag", "värde")
                continue
            pending = None
            for cell in cells:
                found = self.ctx.vocabulary.label(self.ctx.vocabulary.posting, cell) if cell else None
                inside = _ISO_DATE.search(cell) if cell and not found else None
                if inside:
                    # "Datum då anslaget sätts 2018-10-15 upp": a label wrapped around its value.
                    around = self.ctx.vocabulary.label(
                        self.ctx.vocabulary.posting,
                        _join_parts(cell[: inside.start()], cell[inside.end() :]).replace(",", ""),
                    )
                    if around and not around[2]:
                        found = (around[0], around[1], inside.group(0))
                if found and found[0] in _DATED and found[2] and not any(ch.isdigit() for ch in found[2]):
                    # "Protokollet anslås senast två dagar efter justering": a sentence, no date;
                    # "Anslaget tas ner efter<TAB>2009-06-27": the label goes on, its date beside it.
                    found = None if len(found[2].split()) > _LABEL_TAIL else (found[0], f"{found[1]} {found[2]}", "")
                if found and found[0] != "text":
                    pending, labelled = found[0], True
                    fields.setdefault(pending, ("", line.number))
                    if found[2]:
                        fields[pending], pending = (found[2], line.number), None
                elif pending and cell:
                    fields[pending], pending = (cell, line.number), None
            if labelled:
                self.ctx.note(line, "anslag", ", ".join(k for k, (_, n) in fields.items() if n == line.number))
            elif any(cells):
                statement.append(" ".join(c for c in cells if c))
                self.ctx.note(line, "anslag", "text")
        near = self.ctx.file_date  # a date written without its year is the one nearest the meeting
        for name, (value, number) in list(fields.items()):
            if (
                name in _DATED
                and value.strip()
                and not _DATE_SHAPED.search(value)
                and not _dates_in(value, self.ctx.vocabulary, near)
            ):
                # "Anslag uppsättes:<TAB>2016-": a date to be filled in by hand, never written (a
                # date written wrong, "2023-11-31", is refused where it stands).
                self.ctx.warning(number, messages.MD_POSTING_NOT_A_DATE.format(value=value.strip()))
                fields[name] = ("", number)
        # "Anslaget är uppsatt<TAB>2016-12-21 – 2017-01-12": both dates in one field.
        posted_at = fields.get("uppsatt")
        if (
            posted_at
            and "nedtaget" not in fields
            and len(both := _dates_in(posted_at[0], self.ctx.vocabulary, near)) == 2
        ):
            fields["uppsatt"], fields["nedtaget"] = (both[0], posted_at[1]), (both[1], posted_at[1])
        values = {
            name: self.ctx.parse_date(_iso_date(value, self.ctx.vocabulary, near), name, number)
            if value.strip()
            else None
            for name, (value, number) in fields.items()
            if name in _DATED
        }
        line_no = lines[0].number if lines else 1
        written_date = values.get("sammanträdesdatum")
        organ = fields.get("organ")
        if organ and organ[0] and not (_names_body(organ[0], self.ctx.body.name) or self.ctx.names_body(organ[0])):
            # Another of the organisation's bodies is a contradiction; anything else is kept as written.
            report = self.ctx.error if self.ctx.names_other_body(organ[0]) else self.ctx.warning
            report(organ[1], messages.BODY_MISMATCH.format(written=organ[0], expected=self.ctx.body.name))
        posted, taken_down = values.get("uppsatt"), values.get("nedtaget")
        if posted is None and "uppsatt" not in fields:
            # "Justeringen har tillkännagivits genom anslag … den 28 maj 2014. Anslaget tas ned
            # den 19 juni 2014.": the dates said in the anslag's sentences.
            posted, said_down = self.posting_in_prose(" ".join(statement))
            if posted:
                fields["uppsatt"] = (posted.isoformat(), lines[0].number if lines else 0)
            if said_down and taken_down is None:
                taken_down = said_down
                fields["nedtaget"] = (said_down.isoformat(), 0)
        if "uppsatt" in fields and not fields["uppsatt"][0].strip() and not fields.get("nedtaget", ("",))[0].strip():
            return None, written_date, True  # dated by hand on paper: published without dates
        for name in ("uppsatt", "nedtaget"):
            if name not in fields:
                self.ctx.warning(line_no, messages.MD_BAD_ANSLAG.format(label=_POSTING_LABELS[name]))
        if posted is None:
            return None, written_date, False
        posting = Posting(
            statement=" ".join(statement),
            posted=posted,
            taken_down=taken_down,
            # "Protokollet förvaras på kommunkansliet": the place, without the preposition.
            kept_at=re.sub(r"^(?:på|hos|i)\s+", "", fields.get("förvaring", ("", 0))[0]),
            printed_deadline=values.get("sista_dag"),
            line=fields["uppsatt"][1] if "uppsatt" in fields else line_no,  # said in a sentence, or only that
        )
        return posting, written_date, False

    def posting_in_header(self, extras: list[Extra]) -> Posting | None:
        """ "Justeringen tillkännagiven på kommunens anslagstavla den 23 oktober": the anslag said
        in a line of the header, under no ANSLAG/BEVIS heading; the line becomes its statement."""
        for extra in extras:
            text = " ".join(part for part in (extra.label, extra.text) if part)
            posted, taken_down = self.posting_in_prose(text)
            if posted is not None:
                extras.remove(extra)
                return Posting(statement=text, posted=posted, taken_down=taken_down, kept_at="", line=extra.line)
        return None

    def posting_in_prose(self, text: str) -> tuple[date | None, date | None]:
        posted = taken_down = None
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            dates = _dates_in(sentence, self.ctx.vocabulary, self.ctx.file_date)
            if not dates:
                continue
            if self.ctx.vocabulary.taken_down_said.search(sentence):
                taken_down = taken_down or date.fromisoformat(dates[-1])
            elif self.ctx.vocabulary.posted_said.search(sentence):
                posted = posted or date.fromisoformat(dates[-1])
        return posted, taken_down

    def posting_stop(self, lines: list[Line], start: int, limit: int) -> int:
        """Where the anslag that starts at ``start`` gives way to header fields: the first line
        opening with a header label of attendance, place, time or justering (not the anslag's own
        "Underskrift"), or an annex's title ("Närvaro- och voteringslista")."""
        dated = False
        for i in range(start, limit):
            if self.ctx.vocabulary.is_annex_title(_unmark(lines[i].text)):
                return i
            first = _cells(lines[i].text.strip(" "))[0]
            in_posting = self.ctx.vocabulary.label(self.ctx.vocabulary.posting, first) if first else None
            if dated and not in_posting and lines[i].text in self.furniture.repeated:
                # A new page's running header after the anslag's dates: the box ended with its
                # page, and what follows goes on with the header ("Beslutande" continued).
                return i
            dated = dated or (in_posting is not None and in_posting[0] in ("uppsatt", "nedtaget"))
            found = self.ctx.vocabulary.label(self.ctx.vocabulary.header, first) if first else None
            if (
                found
                and not found[2]  # the cell is a label, not a sentence that begins like one
                and not self.furniture.is_furniture(lines[i].text)
                and found[0] not in ("underskrifter", "paragrafer", "datum")
                and not in_posting
            ):
                return i
        return limit
