"""Annexes: a närvaro- och voteringslista after the last paragraph or among the header's pages,
kept as written and read for attendance and roll calls."""

from __future__ import annotations

from generator.model import (
    Extra,
)
from generator.readers.markdown.annex_tables import AnnexFacts, group_label, read_tables
from generator.readers.markdown.context import ReadContext
from generator.readers.markdown.furniture import Furniture
from generator.readers.markdown.paragraph_starts import _opening
from generator.readers.markdown.text import (
    _PIPE_SEPARATOR,
    NAME_START,
    Line,
    _cells,
    _is_row,
    _markdown,
    _unmark,
)


class AnnexReader:
    """Finds and reads the protocol's annexes."""

    def __init__(self, ctx: ReadContext, furniture: Furniture) -> None:
        self.ctx = ctx
        self.furniture = furniture

    def annex_start(self, lines: list[Line], start: int, end: int) -> int | None:
        """Where an annex printed after the last paragraph begins: at its title ("Närvarolista"),
        or at the "Bilaga 1 …" line a few lines above it. A "Bilaga" line with no annex title
        after it is the paragraph's own text (a list of handlingar)."""
        for i in range(start, end):
            text = lines[i].text.strip()
            if text and self.ctx.vocabulary.is_attached_file(text) and not self.furniture.is_furniture(text):
                return i  # "Närvaro.pdf" alone: a web export appends the attached file's text
            if not text or not self.ctx.vocabulary.is_annex_title(text):
                continue
            above = [j for j in range(max(start, i - 6), i) if lines[j].text.strip()]
            # "Bilaga 1" alone, or in the running header's last cell where the page number stands.
            found = next((j for j in above if self.annex_label(lines[j].text)), None)
            return found if found is not None else i
        return None

    def before_annex_repeats(self, lines: list[Line], starts: list[int]) -> list[int]:
        """The paragraph starts up to an annex whose table names a paragraph again ("§ 58" heading
        an omröstningslista's column): a number met a second time after an annex's title is the
        annex's, and the annex begins there, not a paragraph."""
        seen: dict[int, int] = {}
        for at, start in enumerate(starts):
            number = _opening(lines[start].text)[0]
            if number in seen and self.annex_start(lines, seen[number] + 1, start + 1) is not None:
                return starts[:at]
            seen.setdefault(number, start)
        return starts

    def annex_label(self, text: str) -> str:
        """ "Bilaga 1 …" on its own, or as the last cell of a running header printed on the
        annex's page ("Region X<TAB>PROTOKOLL<TAB>Bilaga 1"); "" when the line names no annex."""
        cells = [_unmark(c) for c in _cells(text.strip()) if _unmark(c)]
        if not cells or not self.ctx.vocabulary.is_annex_start(cells[-1]):
            return ""
        if len(cells) > 1 and not all(self.furniture.is_header_cell(c) for c in cells[:-1]):
            return ""
        return cells[-1] if len(cells) > 1 else _unmark(text)

    def header_annex(self, lines: list[Line]) -> tuple[int, int] | None:
        """Where an annex's title and the tables under it stand among the header's lines: from
        the title to its last table row (blank lines between tables included); None if none."""
        at = next((i for i, line in enumerate(lines) if self.ctx.vocabulary.is_annex_title(_unmark(line.text))), None)
        if at is None:
            return None
        stop = at + 1
        for i in range(at + 1, len(lines)):
            text = lines[i].text.strip()
            if _PIPE_SEPARATOR.match(text):
                continue  # the table written as a pipe table: its separator row
            # A person's row with no mark has lost its empty cells in the export, and a group's
            # label alone ("Ersättare") heads the next rows: both still the table's.
            heads_rows = bool(group_label(text, self.ctx.vocabulary)) and _is_row(
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
        kept = self.furniture.content(lines)
        for line in kept:
            self.ctx.note(line, "bilaga", "text")
        first = next(line for line in kept if line.text.strip())
        rest = kept[kept.index(first) + 1 :]
        label = self.annex_label(first.text) or _unmark(first.text)
        # The label is read with the rows: "Bilaga 1 till KF § 74" says whose roll call follows.
        rows = [(first.number, _cells(label))]
        rows += [(line.number, _cells(line.text.strip(" "))) for line in rest if line.text.strip()]
        facts = read_tables(rows, self.ctx.vocabulary, self.ctx.annex_person)
        return Extra(label, _markdown(rest), first.number), facts
