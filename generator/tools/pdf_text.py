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

HEADER_ZONE = 0.075  # of the page height: running headers stand above this
FOOTER_ZONE = 0.93  # and footers below this
COLUMN_GAP = 1.2  # a gap wider than this many font sizes between words separates table cells
JOINED = 0.8  # points: words closer than this are one word (split at a soft hyphen)
FULL_LINE = 0.12  # of the text width: a line ending this close to the right edge was wrapped
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
_PAGE_NUMBER = re.compile(r"^(?:sida\s*)?#+(?:\s*(?:av|/|\(|of)\s*#+\)?)?$|^#+\s*\(#+\)$", re.IGNORECASE)
# A hyphen before these is kept with a space: "skol- och förskoleverksamhet".
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
        cells = [_cell_text(cell) for cell in self.cells]
        return "\t" * self.indent + "\t".join(cells)


@dataclass
class Extracted:
    markdown: str
    furniture: list[str] = field(default_factory=list)  # what was dropped, page by page
    pages: int = 0


def extract(path: Path) -> Extracted:
    """The PDF's text as Markdown; ``PdfRefused`` for a file that is not a readable PDF with text."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        with pdfplumber.open(path) as pdf:
            pages = [(page.height, _words(page)) for page in pdf.pages]
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise PdfRefused("encrypted") from None
    except PDFSyntaxError:
        raise PdfRefused("not_pdf") from None
    except Exception as exc:  # pdfplumber wraps pdfminer's errors; a damaged file raises many kinds
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise PdfRefused("encrypted") from None
        raise PdfRefused("not_pdf") from None
    if not any(words for _, words in pages):
        raise PdfRefused("no_text")
    body, furniture = _without_furniture(pages)
    if not body:
        raise PdfRefused("no_text")  # a scanned page with at most a printed running header
    return Extracted("\n".join(_markdown(body)), furniture, len(pages))


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


def _markdown(lines: list[Line]) -> list[str]:
    """Lines as the reader reads them: rows with tabs, bold lines, running text joined."""
    _mark_continuation_rows(lines)
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
    firsts = {(line.page, round(line.x0)) for line in lines if len(line.cells) > 1}
    for line in lines:
        starts = columns.get(line.page, {})
        if len(line.cells) == 1 and len(line.cells[0]) > 1 and (line.page, round(line.x0)) in firsts:
            words = line.cells[0]
            at = next(
                (
                    i
                    for i in range(1, len(words))
                    if any(abs(x - words[i].x0) <= 1.5 for x in starts)
                    and words[i].x0 - words[i - 1].x1 > 0.25 * words[i].size
                ),
                None,
            )
            if at is not None:
                line.cells = [words[:at], words[at:]]
    for line in lines:
        if len(line.cells) == 1 and line.page in columns:
            index = next((i for x, i in columns[line.page].items() if abs(x - line.x0) <= 3), 0)
            line.indent = index


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
    """A blank line between: a wider gap than between lines of one paragraph, or a new page."""
    if line.page != previous.page:
        return True
    return line.top - previous.bottom > 0.6 * previous.size


def _join(text: str, after: str) -> str:
    """Two wrapped lines as one; a hyphen at the end of the first is kept where it belongs to
    the word ("IT-säkerhet", "2019-2020", "skol- och") and dropped where the line broke a word."""
    if text.endswith("\u00ad"):
        return text[:-1] + after
    if text.endswith(("-", "\u2010")) and len(text) > 1 and not text[-2].isspace():  # Chromium draws U+2010
        first = after.split(" ", 1)[0].strip(",.;:").casefold()
        if first in _SUSPENDED:
            return text + " " + after  # "skol- och förskolenäten"
        fragment = text.rsplit(" ", 1)[-1][:-1]
        if fragment.isalpha() and fragment[-1].islower() and len(fragment) > 1 and after[:1].islower():
            return text[:-1] + after  # a word the line broke: "direk-" "tionen"
        return text + after  # the hyphen is the word's: "IT-säkerhet", "2017-2019", "e-post"
    return text + " " + after


def _cell_text(words: list[Word]) -> str:
    """A cell's words with bold runs marked; words with no gap between them are one word."""
    parts: list[str] = []
    run: list[str] = []
    bold = False
    for i, word in enumerate(words):
        glue = "" if i == 0 or word.x0 - words[i - 1].x1 < JOINED else " "
        if word.bold != bold and run:
            parts.append(_run(run, bold))
            run = []
            glue = glue or ""
        if run:
            run.append(glue + word.text)
        else:
            run = [word.text] if not parts else [glue + word.text]
        bold = word.bold
    if run:
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
