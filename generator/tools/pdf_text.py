"""The text of a born-digital protocol PDF in reading order, as Markdown lines the layout-tolerant
reader reads: table cells split by tabs (found from the gaps between words, so a header table
without borders is read too), bold runs as ``**bold**``, running headers, footers and page
numbers dropped as furniture, paragraphs joined across line and page breaks, and a hyphen at a
line end removed only where it is a line-break artefact.

pdfplumber (MIT) reads the characters and their positions; everything else is decided here.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.readers.pdf_limits import LIMITS, Limits, bounded, limit_in

HEADER_ZONE = 0.075  # of the page height: running headers stand above this
FOOTER_ZONE = 0.93  # and footers below this
COLUMN_GAP = 1.2  # a gap wider than this many font sizes between words separates table cells
JOINED = 0.8  # points: words closer than this are one word (split at a soft hyphen)
FULL_LINE = 0.12  # of the text width: a line ending this close to the right edge was wrapped
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
_PAGE_NUMBER = re.compile(r"^(?:sida\s*)?#+(?:\s*(?:av|/|\(|of)\s*#+\)?)?$|^#+\s*\(#+\)$", re.IGNORECASE)
# A hyphen before these is kept with a space: "skol- och förskoleverksamhet".
_HYPHENS = ("-", "\u2010")  # Chromium draws a soft hyphen's break as U+2010
_SUSPENDED = {"och", "eller", "samt", "respektive", "resp", "som", "till"}


class PdfRefused(Exception):
    """The PDF cannot be imported; the message says why, in the staff's words."""


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool


@dataclass
class Line:
    """One line of text on a page; ``cells`` are its table cells (one for running text)."""

    page: int
    cells: list[list[Word]]
    indent: int = 0  # leading empty cells: a continuation row of a table

    @property
    def words(self) -> list[Word]:
        return [w for cell in self.cells for w in cell]

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def size(self) -> float:
        return max(w.size for w in self.words)

    @property
    def is_row(self) -> bool:
        return len(self.cells) > 1 or self.indent > 0

    @property
    def is_bold(self) -> bool:
        return all(w.bold for w in self.words)

    def text(self) -> str:
        cells = [_cell_text(cell) if cell else "" for cell in self.cells]
        return "\t" * self.indent + "\t".join(cells)


@dataclass
class Extracted:
    markdown: str
    furniture: list[str] = field(default_factory=list)  # what was dropped, page by page
    pages: int = 0


def extract(path: Path, limits: Limits = LIMITS) -> Extracted:
    """The PDF's text as Markdown; ``PdfRefused`` for a file that is not a readable PDF with text,
    or that cannot be read within ``limits`` (its first argument the limit's kind)."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    pages: list[tuple[float, list[Word]]] = []
    rules: dict[int, list[float]] = {}
    try:
        # Within the limits (pages, bytes inflated, time); each page's objects are let go once
        # its words are taken, so memory does not grow with the page count.
        with bounded(limits) as budget, pdfplumber.open(path) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                budget.check_pages(number)
                budget.check_time()
                pages.append((page.height, _words(page)))
                rules[number] = sorted(e["x0"] for e in page.edges if e["orientation"] == "v")
                page.close()
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise PdfRefused("encrypted") from None
    except PDFSyntaxError:
        raise PdfRefused("not_pdf") from None
    except Exception as exc:  # pdfplumber wraps pdfminer's errors; a damaged file raises many kinds
        if (limit := limit_in(exc)) is not None:
            raise PdfRefused(limit.kind, limit.detail) from None
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise PdfRefused("encrypted") from None
        raise PdfRefused("not_pdf") from None
    if not any(words for _, words in pages):
        raise PdfRefused("no_text")
    body, furniture = _without_furniture(pages)
    if not body:
        raise PdfRefused("no_text")  # a scanned page with at most a printed running header
    return Extracted("\n".join(_markdown(body, rules)), furniture, len(pages))


def _words(page: Any) -> list[Word]:
    found = page.extract_words(x_tolerance=1.5, y_tolerance=2, extra_attrs=["fontname", "size"])
    return [
        Word(w["text"], w["x0"], w["x1"], w["top"], w["bottom"], float(w["size"]), _is_bold(w["fontname"]))
        for w in found
        if w["text"].strip()
    ]


def _is_bold(font: str) -> bool:
    return bool(_BOLD_FONT.search(font))


def _lines(number: int, words: list[Word]) -> list[Line]:
    """Words grouped into lines (same baseline within a tolerance), each split into cells."""
    rows: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (round(w.top), w.x0)):
        if rows and abs(rows[-1][0].top - word.top) <= 2.5:
            rows[-1].append(word)
        else:
            rows.append([word])
    lines = []
    for row in rows:
        row.sort(key=lambda w: w.x0)
        cells: list[list[Word]] = [[row[0]]]
        for before, word in itertools.pairwise(row):
            if word.x0 - before.x1 > COLUMN_GAP * max(before.size, word.size):
                cells.append([word])
            else:
                cells[-1].append(word)
        lines.append(Line(number, cells))
    return lines


def _without_furniture(pages: list[tuple[float, list[Word]]]) -> tuple[list[Line], list[str]]:
    """Body lines of every page; running headers and footers (the same text, digits aside, at
    the top or bottom of most pages) and page numbers are dropped and listed."""
    margins: list[tuple[int, Line, str]] = []
    body: list[Line] = []
    for number, (height, words) in enumerate(pages, start=1):
        for line in _lines(number, words):
            if line.bottom < height * HEADER_ZONE or line.top > height * FOOTER_ZONE:
                margins.append((number, line, re.sub(r"\d+", "#", _plain(line)).casefold()))
            else:
                body.append(line)
    seen_on: dict[str, set[int]] = {}
    for number, _, key in margins:
        seen_on.setdefault(key, set()).add(number)
    repeated = max(2, (len(pages) + 1) // 2) if len(pages) > 1 else 1
    furniture: list[str] = []
    for number, line, key in margins:
        if len(seen_on[key]) >= repeated or _PAGE_NUMBER.match(key):
            furniture.append(f"sida {number}: {_plain(line)}")
        else:
            body.append(line)  # text in the margin that is not repeated: content, kept
    body.sort(key=lambda line: (line.page, line.top))
    return body, furniture


def _markdown(lines: list[Line], rules: dict[int, list[float]]) -> list[str]:
    """Lines as the reader reads them: rows with tabs, bold lines, running text joined."""
    _mark_continuation_rows(lines)
    lines = _merge_wrapped_cells(lines, rules)
    for line, table in zip(lines, _tables(lines, rules), strict=True):
        if table is not None:
            _place_in_columns(line, table)
    # The running text's column on each page (table rows may reach further): where a wrapped
    # line ends.
    edges: dict[int, tuple[float, float]] = {}
    for line in lines:
        if not (line.is_row or line.is_bold):
            left, right = edges.get(line.page, (line.x0, line.x1))
            edges[line.page] = (min(left, line.x0), max(right, line.x1))
    out: list[str] = []
    previous: Line | None = None
    for line in lines:
        if previous is not None and _continues(previous, line, edges.get(previous.page, (0.0, 0.0))):
            out[-1] = _join(out[-1], line.text())
        else:
            if previous is not None and _new_block(previous, line):
                out.append("")
            out.append(line.text())
        previous = line
    return out


def _mark_continuation_rows(lines: list[Line]) -> None:
    """Table columns found on a page are applied to all its lines: a long label leaves a narrow
    gap before its value, which still starts where the column does; and a line that starts where
    a later cell starts is that cell's next line (a wrapped value): it gets the leading tabs."""
    columns: dict[int, dict[int, int]] = {}  # page -> x (rounded) -> cell index
    for line in lines:
        if len(line.cells) > 1:
            for index, cell in enumerate(line.cells[1:], start=1):
                columns.setdefault(line.page, {}).setdefault(round(cell[0].x0), index)
    for i, line in enumerate(lines):
        starts = columns.get(line.page, {})
        neighbours = [other for other in lines[max(0, i - 1) : i + 2] if other is not line]
        in_table = any(
            len(other.cells) > 1
            and other.page == line.page
            and abs(other.x0 - line.x0) <= 2
            and min(abs(other.top - line.bottom), abs(line.top - other.bottom)) <= 0.8 * line.size
            for other in neighbours
        )
        if len(line.cells) == 1 and len(line.cells[0]) > 1 and in_table:
            words = line.cells[0]
            at = next(
                (
                    i
                    for i in range(1, len(words))
                    if any(abs(x - words[i].x0) <= 1.5 for x in starts)
                    and words[i].x0 - words[i - 1].x1 > 0.4 * words[i].size
                ),
                None,
            )
            if at is not None:
                line.cells = [words[:at], words[at:]]
    previous: Line | None = None
    for line in lines:
        # A row that starts in a later column: its leading cells are empty. A lone text that
        # starts there is a wrapped value only right under a row (a name in a signature block
        # that happens to start where a column of the header table did stays text).
        if line.page in columns and (len(line.cells) > 1 or _right_under_a_row(previous, line)):
            line.indent = next((i for x, i in columns[line.page].items() if abs(x - line.x0) <= 3), 0)
        previous = line


def _right_under_a_row(previous: Line | None, line: Line) -> bool:
    return (
        previous is not None
        and previous.is_row
        and previous.page == line.page
        and line.top - previous.bottom <= 1.5 * line.size
    )


@dataclass
class _Columns:
    """Where a page's table cells may end: at a vertical rule when the table has them, else at
    the next column's start or at the widest text that starts in the same column."""

    rules: list[float]
    starts: list[float]
    widest: dict[int, float]
    right: float

    def limit(self, x0: float) -> float:
        rule = next((x for x in self.rules if x > x0 + 2), None)
        if rule is not None:
            return rule
        following = next((x for x in self.starts if x > x0 + 2), None)
        if following is not None:
            return following
        # The last column: as wide as the widest text in it (a wrapped column is filled).
        return min([w for x, w in self.widest.items() if abs(x - x0) <= 2] or [self.right])


def _tables(lines: list[Line], rules: dict[int, list[float]]) -> list[_Columns | None]:
    """For each line, the columns of the table it belongs to (None outside tables): a table is
    a run of rows and continuation rows on one page with no wide gap between them, so that the
    columns of one table never set the limits of another."""
    right: dict[int, float] = {}
    for line in lines:
        right[line.page] = max(right.get(line.page, 0.0), line.x1)
    found: list[_Columns | None] = []
    current: _Columns | None = None
    previous: Line | None = None
    for line in lines:
        in_table = len(line.cells) > 1 or line.indent > 0
        near = previous is not None and (
            (previous.page == line.page and line.top - previous.bottom <= 1.5 * line.size)
            or _table_runs_on(previous, line)  # its columns go on over the page break
        )
        if not in_table:
            current = None
        elif current is None or not near:
            current = _Columns(rules.get(line.page, []), [], {}, right[line.page])
        if current is not None:
            current.starts = sorted([*current.starts, *(cell[0].x0 for cell in line.cells[1:])])
            for cell in line.cells:
                key = round(cell[0].x0)
                current.widest[key] = max(current.widest.get(key, 0.0), cell[-1].x1)
        found.append(current)
        previous = line
    return found


def _merge_wrapped_cells(lines: list[Line], rules: dict[int, list[float]]) -> list[Line]:
    """Cells too narrow for their text wrap onto the next line ("Kommunhuset," / "Sessionssalen",
    "Ej tjänstgörande" / "ersättare", "2018-06-" / "13"). A line right under a table row whose
    pieces all start where the row's cells start is the rest of those cells when its first word
    would not have fitted where the row's cell ends (the line was wrapped, not broken by hand),
    when it continues a label in lower case, or when the cell above broke a value at a hyphen.
    Any other such line is a row, or a continuation row, of its own."""
    tables = _tables(lines, rules)
    kept: list[Line] = []
    kept_tables: list[_Columns | None] = []
    for line, table in zip(lines, tables, strict=True):
        before = kept[-1] if kept else None
        columns = kept_tables[-1] if kept_tables else None
        if (
            before is not None
            and columns is not None
            and len(before.cells) > 1
            and line.page == before.page
            and line.top - before.bottom <= 0.6 * before.size
        ):
            open_range = _open_range(before, line)
            if open_range is not None:
                # "Paragrafer 187–" above a lone "191": a range the cell broke at its dash, wherever
                # the renderer put the rest.
                before.cells[open_range] = before.cells[open_range] + line.cells[0]
                continue
            targets = [_column_of(before, cell[0].x0) for cell in line.cells]
            if all(t is not None for t in targets) and _is_wrapped(before, line, targets, columns):
                for cell, target in zip(line.cells, targets, strict=True):
                    before.cells[target or 0] = before.cells[target or 0] + cell
                continue
        kept.append(line)
        kept_tables.append(table)
    return kept


def _place_in_columns(line: Line, table: _Columns) -> None:
    """Each cell in its table column, with empty cells for the columns a row leaves out: an X
    under "Nej" must stay under "Nej" however many cells before it are empty (a vote read into
    the wrong column would be a false fact)."""
    starts: list[float] = []
    for x in table.starts:
        if not starts or x - starts[-1] > 4:
            starts.append(x)
    if not starts:
        return

    def column(cell: list[Word]) -> int:
        # A mark centred in its column still starts inside it: the last column starting before it.
        return sum(1 for x in starts if x <= cell[0].x0 + 2)

    first = column(line.cells[0]) if line.indent else 0
    placed: list[list[Word]] = []
    for i, cell in enumerate(line.cells):
        wanted = max(column(cell), first if i == 0 else len(placed) + first)
        while len(placed) + first < wanted:
            placed.append([])
        placed.append(cell)
    line.cells = placed
    line.indent = first


def _open_range(row: Line, line: Line) -> int | None:
    """The one cell of ``row`` that ends in a range's dash ("187–"), when ``line`` is one number."""
    if len(line.cells) != 1 or len(line.cells[0]) != 1 or not line.cells[0][0].text.isdigit():
        return None
    open_cells = [i for i, cell in enumerate(row.cells) if cell and re.search(r"\d[–-]$", cell[-1].text)]
    return open_cells[0] if len(open_cells) == 1 else None


def _column_of(row: Line, x: float) -> int | None:
    return next((i for i, cell in enumerate(row.cells) if abs(cell[0].x0 - x) <= 2), None)


def _is_wrapped(row: Line, line: Line, targets: list[int | None], columns: _Columns) -> bool:
    pieces = [(cell, row.cells[t or 0]) for cell, t in zip(line.cells, targets, strict=True)]
    if any(cell[-1].x1 > columns.limit(above[0].x0) + 2 for cell, above in pieces):
        return False  # wider than the column it would continue: a line of its own
    if any(above[-1].text.endswith(_HYPHENS) for _, above in pieces):
        return True  # a value broken at its hyphen: "2018-06-" / "13"
    if targets[0] == 0:
        # Under a label: only a label's lower-case rest ("ersättare", "upp"); a capital starts
        # the next row ("Justerare", "Upphandling av …").
        return line.words[0].text[:1].islower()
    return all(not _fits(above, cell[0], columns) for cell, above in pieces)


def _fits(above: list[Word], word: Word, columns: _Columns) -> bool:
    """Whether ``word`` would have fitted after the cell text ``above`` in its column."""
    return above[-1].x1 + 0.3 * word.size + (word.x1 - word.x0) <= columns.limit(above[0].x0) + 1


def _continues(previous: Line, line: Line, edges: tuple[float, float]) -> bool:
    """Running text wrapped onto the next line, or onto the next page."""
    if previous.is_row or line.is_row or previous.is_bold or line.is_bold:
        return False
    left, right = edges
    if previous.x1 < right - FULL_LINE * (right - left):
        return False  # the line ended short of the margin: its paragraph or line ended there
    if line.page != previous.page:
        return not _plain(previous).endswith(":") and line.page == previous.page + 1
    return line.top - previous.bottom <= 0.6 * previous.size and abs(line.x0 - left) <= 3


def _new_block(previous: Line, line: Line) -> bool:
    """A blank line between: a wider gap than between lines of one paragraph, or a new page
    (except inside a table that runs on: its rows stay one table)."""
    if line.page != previous.page:
        return not _table_runs_on(previous, line)
    return line.top - previous.bottom > 0.6 * previous.size


def _table_runs_on(previous: Line, line: Line) -> bool:
    """A table row at the top of a page that continues the table the last page ended with."""
    return line.page == previous.page + 1 and previous.is_row and line.is_row and abs(line.x0 - previous.x0) <= 2


def _join(text: str, after: str) -> str:
    """Two wrapped lines as one; a hyphen at the end of the first is kept where it belongs to
    the word ("IT-säkerhet", "2019-2020", "skol- och") and dropped where the line broke a word."""
    if text.endswith("\u00ad"):
        return text[:-1] + after
    if text.endswith(_HYPHENS) and len(text) > 1 and not text[-2].isspace():
        first = after.split(" ", 1)[0].strip(",.;:").casefold()
        if first in _SUSPENDED:
            return text + " " + after  # "skol- och förskolenäten"
        fragment = text.rsplit(" ", 1)[-1][:-1]
        if fragment.isalpha() and fragment[-1].islower() and len(fragment) > 1 and after[:1].islower():
            return text[:-1] + after  # a word the line broke: "direk-" "tionen"
        return text + after  # the hyphen is the word's: "IT-säkerhet", "2017-2019", "e-post"
    return text + " " + after


def _cell_text(words: list[Word]) -> str:
    """A cell's text: its lines (a wrapped cell has several) joined as running text is."""
    pieces: list[list[Word]] = []
    for word in words:
        if pieces and abs(word.top - pieces[-1][-1].top) <= 2.5:
            pieces[-1].append(word)
        else:
            pieces.append([word])
    text = _piece_text(pieces[0])
    for piece in pieces[1:]:
        text = _join(text, _piece_text(piece))
    return text


def _piece_text(words: list[Word]) -> str:
    """Words of one line of a cell with bold runs marked; words with no gap between them are one
    word (split in two at a soft hyphen)."""
    parts: list[str] = []
    run: list[str] = []
    bold = words[0].bold
    for i, word in enumerate(words):
        glue = " " if i and word.x0 - words[i - 1].x1 >= JOINED else ""
        if word.bold != bold:
            parts.append(_run(run, bold))
            run, bold = [], word.bold
        run.append(glue + word.text)
    parts.append(_run(run, bold))
    return "".join(parts)


def _run(words: list[str], bold: bool) -> str:
    text = "".join(words)
    if not bold:
        return text
    stripped = text.lstrip()
    return text[: len(text) - len(stripped)] + f"**{stripped}**"


def _plain(line: Line) -> str:
    return " ".join(w.text for w in line.words)
