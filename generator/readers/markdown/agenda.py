"""The ärendelista: the contents list of paragraph numbers, titles and pages, found by its
numbers wherever it stands."""

from __future__ import annotations

import re

from generator import messages
from generator.model import (
    AgendaEntry,
)
from generator.readers.markdown.context import ReadContext
from generator.readers.markdown.furniture import Furniture
from generator.readers.markdown.paragraph_starts import (
    _AGENDA_ROW_END,
    _item_number,
)
from generator.readers.markdown.text import (
    _LEADERS,
    _PIPE_SEPARATOR,
    Line,
    _cells,
    _is_dnr_cell,
    _strip_dnr_label,
)

_PAGES = re.compile(r"^\d+(?:\s*[-–]\s*\d+)?$")


# A contents row's title and page number, after a space: "Fastställande av dagordning 4".
_PAGE_AFTER_TITLE = re.compile(r"^[A-ZÅÄÖ][^\t]*[a-zåäö.)]\s+(\d{1,3})$")
_AGENDA_SPACED = re.compile(r"((?:[A-ZÅÄÖ][A-Za-zåäö]{0,5}\s*)?§\s*\d{1,6}|\d{1,6}\s*§)\s+(\S.*)")


_AGENDA_NUMBER = re.compile(r"(?:[A-ZÅÄÖ]{1,6}\s*)?§?\s*(\d{1,6})\s*§?")


class AgendaReader:
    """Finds where the ärendelista ends and reads its rows."""

    def __init__(self, ctx: ReadContext, furniture: Furniture) -> None:
        self.ctx = ctx
        self.furniture = furniture

    def read_agenda(self, lines: list[Line]) -> list[AgendaEntry]:
        """Entries as "§ 65<TAB>Titel<TAB>ITSAM 2023/5<TAB>3", "41<TAB>Dnr KS 2018/52<TAB>Titel ..... 3",
        or over two lines ("§ 28<TAB>Dnr 2018/00041<TAB>3", then "Titel ..... 3"); page numbers
        and dotted leaders are the PDF's, dropped."""
        entries: list[AgendaEntry] = []
        untitled: AgendaEntry | None = None
        # Asked before furniture goes: a separator row may read as furniture ("|---|---|").
        heads = _table_heads(lines)
        for line in self.furniture.content(lines):
            cells = [c for c in _cells(line.text.strip()) if c]
            if not cells:
                continue
            spaced = _AGENDA_SPACED.match(cells[0]) if len(cells) == 1 else None
            if spaced:  # "§ 14 Information från förbundsdirektören ..... 3": one cell
                cells = [spaced[1], spaced[2]]
            number = _AGENDA_NUMBER.fullmatch(cells[0])
            if not number and line.number in heads:
                # "| Ärende nummer | Rubrik |" over its separator: the list's column headings.
                self.ctx.note(line, "ärendelista", "kolumnrubriker")
                continue
            if not number:
                if untitled is not None:  # the title of the entry on the line above
                    entries[-1] = AgendaEntry(untitled.number, _LEADERS.sub("", " ".join(cells)), untitled.dnr)
                    untitled = None
                    self.ctx.note(line, "ärendelista", "rubrik")
                    continue
                if _LEADERS.search(line.text) or _PAGE_AFTER_TITLE.search(line.text):
                    self.ctx.note(line, "ärendelista", "innehållsförteckningens rad, utan paragrafnummer")
                elif not _PIPE_SEPARATOR.match(line.text.strip()):
                    self.ctx.warning(line.number, messages.MD_BAD_AGENDA.format(value=line.text))
                continue
            rest = cells[1:]
            if rest and _PAGES.match(rest[-1]):
                rest = rest[:-1]  # page numbers of the PDF
            dnr_cells = [c for c in rest if _is_dnr_cell(c)]
            titles = [_LEADERS.sub("", c) for c in rest if c not in dnr_cells]
            # The ärendelista is the paragraphs' summary: a dnr it cannot give (split over two
            # rows by the export) is a warning; the paragraph's own dnr is the one that counts.
            dnr = self.ctx.dnr(
                " , ".join(_strip_dnr_label(c) for c in dnr_cells), "ärendelista", line.number, soft=True
            )
            entry = AgendaEntry(int(number[1]), titles[0] if titles else "", tuple(dnr))
            entries.append(entry)
            untitled = entry if not titles else None
            self.ctx.note(line, "ärendelista", f"§ {entry.number}")
        return entries

    def agenda_stop(self, lines: list[Line], start: int, limit: int) -> int:
        """Where the contents list that starts at ``start`` ends (at most ``limit``): at the first
        line that is not a row of it (numbered, or ending in leaders or a page number), not a
        title wrapped onto the row below, nor furniture."""
        texts = [line.text.strip() for line in lines[start:limit]]
        page = 0  # the last row's page: a contents list without leaders has its pages in order

        def row(text: str) -> bool:
            nonlocal page
            if (_AGENDA_NUMBER.match(text) and _item_number(text) is not None) or _AGENDA_ROW_END.search(text):
                return True
            # "Årsredovisning 2022 6": a title and its page, no number and no leaders.
            found = _PAGE_AFTER_TITLE.search(text)
            if found and int(found[1]) >= page:
                page = int(found[1])
                return True
            return False

        for i, text in enumerate(texts):
            if not text or row(text) or self.furniture.is_furniture(text) or _PIPE_SEPARATOR.match(text):
                continue
            if _heads_table(lines, start + i):
                continue  # the list written as a pipe table: its column headings
            following = next((t for t in texts[i + 1 :] if t), "")
            if _LEADERS.search(following) and not self.ctx.vocabulary.label(
                self.ctx.vocabulary.header, _cells(text)[0]
            ):
                continue  # a title wrapped over two rows
            return start + i
        return limit


def _heads_table(lines: list[Line], at: int) -> bool:
    """Whether the line at ``at`` is a pipe table's header row: its separator is the next line."""
    following = next((line.text.strip() for line in lines[at + 1 :] if line.text.strip()), "")
    return "---" in following and bool(_PIPE_SEPARATOR.match(following))


def _table_heads(lines: list[Line]) -> set[int]:
    """The numbers of the lines that are a pipe table's header row (see ``_heads_table``)."""
    heads: set[int] = set()
    above: Line | None = None
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        if above is not None and "---" in text and _PIPE_SEPARATOR.match(text):
            heads.add(above.number)
        above = line
    return heads
