"""The text of a Markdown protocol as the reader's regions see it: lines, their cells (tab- or
pipe-separated), Markdown emphasis and headings, dates written in digits or words, and the
Markdown a region's text is kept as. One form for every rule: pipe rows become cells, emphasis
and heading marks are looked through, and the text as written is what the page gets.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from datetime import date
from typing import NamedTuple

from generator.model.dnr import DnrError, parse_many
from generator.readers.markers import CORRECTION, EXCEPTION_NOTE, ORIGINAL
from generator.readers.vocabulary import MONTHS, Vocabulary, normalise

_BOLD_LINE = re.compile(r"^\*\*(.+?)\*\*\s*$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
_PDF_BOLD = re.compile(r"<b>(.*?)</b>")
_LEADERS = re.compile(r"\s*(?:\.{3,}|…+)\s*(\d+(?:\s*[-–]\s*\d+)?)?\s*$")
_PIPE_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")
_NUMBERS = re.compile(r"^[-+−]?[\d\s.,]*\d\s*%?$")


class Line(NamedTuple):
    number: int
    text: str  # without the line break and trailing whitespace


# A cell that opens with a name: two capitalised words ("Bertil Ahlgren", "Eva-Lena Berg").
NAME_START = re.compile(r"[A-ZÅÄÖÉÜ][\w'’.-]*[ -][A-ZÅÄÖÉÜ]")
# A whole name: "Gunnar Axelsson", "Anna-Karin de Wall" (two to four words, first and last capitalised).
PERSON_SHAPE_PATTERN = r"[A-ZÅÄÖÉÜ][\w'’-]+(?: [\w'’-]+){0,2} [A-ZÅÄÖÉÜ][\w'’-]+"
PERSON_SHAPE = re.compile(PERSON_SHAPE_PATTERN)


def last_cell(text: str) -> str:
    """A row's last filled cell."""
    return next((c for c in reversed(_cells(text)) if c), "")


def _is_row(text: str) -> bool:
    """A table row: cells split by tabs, or a Markdown pipe row."""
    bare = text.strip()
    return "\t" in bare or (bare.startswith("|") and bare.endswith("|"))


def _paragraphs(chunk: list[Line]) -> list[str]:
    """The text of a section as paragraphs (blank lines between), each on one line."""
    out: list[str] = []
    current: list[str] = []
    for line in [*chunk, Line(0, "")]:
        if line.text.strip():
            current.append(line.text.strip())
        elif current:
            out.append(" ".join(current))
            current = []
    return out


_TWO_DIGITS = re.compile(r"\d\d")
_DNR_WORD = re.compile(r"(?:dnr|diarienr|diarienummer)\b", re.IGNORECASE)
_DNR_LABEL = re.compile(r"^(?:dnr|diarienr|diarienummer)\s*[:.]?\s*", re.IGNORECASE)
_HEADING_MARK = re.compile(r"^#{1,6}\s+")
_BULLET = re.compile(r"^\s*[-*•]\s+")


def _is_dnr_cell(cell: str) -> bool:
    """A cell or line that is one or more diarienummer and nothing else ("KS 2018/52"), or that says
    it is one ("Dnr …": then a wrong number is reported, not taken for a title)."""
    if not _TWO_DIGITS.search(cell):
        return False  # every dnr has a year
    if _DNR_WORD.match(cell.strip()):
        return True
    # Unlabelled, a title can look like one ("Underhållsplan 2013-2015", "Budget 2014-2016"): a
    # prefix is a code (in capitals, or short: "KS", "Bun", "Au"), and two years are a period.
    word = _LEADING_WORD.match(cell.strip())
    if word and not (word[0].isupper() or len(word[0]) <= _CODE_LENGTH):
        return False
    if (period := _PERIOD.search(cell)) and 0 < int(period[2]) - int(period[1]) <= _PERIOD_YEARS:
        return False
    try:
        return bool(parse_many(_strip_dnr_label(cell), "X"))
    except DnrError:
        return False


_LEADING_WORD = re.compile(r"[A-Za-zÅÄÖåäöÉé]+")
_CODE_LENGTH = 4
_PERIOD = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)(?!\d)")
_PERIOD_YEARS = 10


def _strip_dnr_label(cell: str) -> str:
    bare = _DNR_LABEL.sub("", cell.strip())
    # "Diarienummer 1900045": a number that is a dnr only by its label keeps it.
    return cell.strip() if _LABELLED_ONLY.fullmatch(bare) else bare


_LABELLED_ONLY = re.compile(r"\d{7}")


def _cells(text: str) -> list[str]:
    """A row's cells: tab-separated as the PDF export writes them, or a Markdown pipe-table row."""
    bare = text.strip()
    if bare.startswith("|") and bare.endswith("|") and len(bare) > 1:
        return [cell.strip() for cell in bare[1:-1].split("|")]
    return [cell.strip() for cell in text.rstrip().split("\t")]


def _near(numbers: list[int], number: int, distance: int = 3) -> bool:
    """Whether a line of ``numbers`` (sorted) lies within ``distance`` of ``number``, itself aside."""
    at = bisect_left(numbers, number - distance)
    return any(n != number and abs(n - number) <= distance for n in numbers[at : at + 2 * distance + 2])


def _heading_like(text: str) -> bool:
    bare = text.strip()
    return bool(_BOLD_LINE.match(bare) or _HEADING.match(bare))


def _names_like(text: str) -> bool:
    """A line that can hold names, not a heading ("**Mötets öppnande**") or a sentence."""
    bare = text.strip()
    if _BOLD_LINE.match(bare) or _HEADING.match(bare):
        return False
    return not (bare.endswith(".") and len(bare.split()) > 5)


def _join_label(head: str, part: str) -> str:
    return head[:-1] + part if head.endswith("-") else f"{head} {part}"


def _untable(text: str) -> str:
    """A Markdown pipe-table row as the tab-separated cells the PDF export writes (one form for
    every rule after it); a separator row stays as it is, marking the table's header above it."""
    bare = text.strip()
    if len(bare) < 2 or bare[0] != "|" or bare[-1] != "|" or _PIPE_SEPARATOR.match(bare):
        return text
    cells = [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", bare[1:-1])]
    # "Gunilla Fahlén, regiondirektör<br>Nora Myrén, …": a line break in a cell, written as HTML
    # (which never reaches a page), separates what the cell lists.
    return "\t".join(_CELL_BREAK.sub(", ", cell) for cell in cells).rstrip()


_CELL_BREAK = re.compile(r"\s*<br\s*/?>\s*", re.IGNORECASE)

# A text export that keeps the page's layout ("pdftotext -layout") sets columns apart with runs
# of spaces where other exports write a tab: three spaces or more inside a line are a cell break.
_COLUMN_GAP = re.compile(r" {3,}")
_LAID_OUT_SHARE = 0.1  # of the lines with text: a file laid out in columns, not stray spaces
_COLUMN_SLACK = 2  # characters a column's start may move from row to row


def laid_out_in_columns(lines: list[str]) -> bool:
    """Whether a file sets its columns apart with runs of spaces (and no tab or pipe table does)."""
    texts = [line for line in lines if line.strip()]
    if not texts or any("\t" in line or line.lstrip().startswith("|") for line in texts):
        return False
    inside = sum(1 for line in texts if _COLUMN_GAP.search(line.strip()))
    return inside >= _LAID_OUT_SHARE * len(texts)


def columns_as_cells(lines: list[str]) -> list[str]:
    """Each line's columns as tab-separated cells, a column placed under the column of the rows
    above that starts where it does ("Datum då anslag<TAB>2015-04-30<TAB>Datum då anslag<TAB>…"
    over "sätts upp<TAB><TAB>tas ner"), so that cells of one column share their index."""
    out: list[str] = []
    grid: list[int] = []  # where the columns of the rows above start; a blank line ends them
    for line in lines:
        if not line.strip():
            grid = []
            out.append(line)
            continue
        starts, cells = [], []
        for found in re.finditer(r"\S+(?: {1,2}\S+)*", line):
            starts.append(found.start())
            cells.append(found[0])
        slots = [next((i for i, g in enumerate(grid) if abs(g - s) <= _COLUMN_SLACK), None) for s in starts]
        placed = [slot for slot in slots if slot is not None]
        if grid and len(placed) == len(slots) and placed == sorted(set(placed)):
            row = [""] * (placed[-1] + 1)
            for slot, cell in zip(placed, cells, strict=True):
                row[slot] = cell
        else:
            row = ([""] if starts[0] >= 3 else []) + cells  # indented: under a column not shown
            if len(cells) > 1:
                grid = starts if starts[0] < 3 else [0, *starts]
        out.append("\t".join(row))
    return out


def _unmark(text: str) -> str:
    """Text without heading marks and emphasis."""
    if "#" not in text and "*" not in text and "_" not in text:
        return text.strip()  # most cells carry no marks
    return _HEADING_MARK.sub("", text.strip()).replace("**", "").replace("__", "").strip()


def _same(a: str, b: str) -> bool:
    return normalise(a) == normalise(b)


def _names_body(written: str, name: str) -> bool:
    """``written`` names the body ``name``: as written, or after genitives and without the definite
    ending ("Socialnämndens socialutskott" for Socialutskottet)."""
    words, own = normalise(written).split(), normalise(name).split()
    if words == own:
        return True
    if len(words) <= len(own) or any(not w.endswith("s") for w in words[: len(words) - len(own)]):
        return False
    tail = words[len(words) - len(own) :]
    stem = tail[-1]
    return tail[:-1] == own[:-1] and own[-1].startswith(stem) and len(own[-1]) - len(stem) <= 3


_CODE = re.compile(r"\s*,?\s*\((?:[A-ZÅÄÖa-zåäö]{1,4}|-)\)")


def _without_codes(name: str) -> str:
    """A name without a party or municipality code: "Anna Berg (S)" -> "Anna Berg"."""
    return _CODE.sub("", name).strip(" ,")


_ISO_DATE = re.compile(r"(?<![\d-])(?P<iso>\d{4}-\d{2}-\d{2})(?![\d-])")


# "Tid: 20250212 9.00–11.30": a date without dashes, read only where a date is looked for.
_COMPACT_IN_TEXT = re.compile(r"(?<![\d-])(?P<year>(?:19|20)\d\d)(?P<mm>\d\d)(?P<day>\d\d)(?![\d-])")


def _date_of(found: re.Match[str], near: date | None = None) -> date | None:
    """The date a match of a date pattern writes. One without a year ("den 23 oktober") is the
    one of that day and month nearest to ``near`` (the meeting's date); without ``near``, none."""
    try:
        if found.groupdict().get("iso"):
            return date.fromisoformat(found["iso"])
        if found.groupdict().get("mm"):
            return date(int(found["year"]), int(found["mm"]), int(found["day"]))
        month, day = MONTHS.index(found["month"].casefold()) + 1, int(found["day"])
        if found["year"]:
            return date(int(found["year"]), month, day)
        if near is None:
            return None
        candidates = [date(year, month, day) for year in (near.year - 1, near.year, near.year + 1)]
        return min(candidates, key=lambda candidate: abs(candidate - near))
    except ValueError:
        return None


def _dates_in(value: str, vocabulary: Vocabulary, near: date | None = None) -> list[str]:
    """The dates written in ``value``, as ISO dates, in order ("2021-03-24 -- 2021-04-15",
    "28 maj 2014"; "den 23 oktober" as the one nearest to ``near``)."""
    found = [(m.start(), m) for m in _ISO_DATE.finditer(value)]
    found += [(m.start(), m) for m in vocabulary.date_in_words.finditer(value)]
    out = []
    for _, match in sorted(found, key=lambda pair: pair[0]):
        day = _date_of(match, near)
        if day is not None:
            out.append(day.isoformat())
    return out


def _iso_date(value: str, vocabulary: Vocabulary, near: date | None = None) -> str:
    """``value`` as an ISO date when it is one date in other words ("28 maj 2014", "20140528")."""
    compact = _COMPACT_DATE.fullmatch(value.strip())
    if compact:
        return f"{compact[1]}-{compact[2]}-{compact[3]}"
    found = _dates_in(value, vocabulary, near)
    return found[0] if len(found) == 1 and not _ISO_DATE.fullmatch(value.strip()) else value


_COMPACT_DATE = re.compile(r"((?:19|20)\d\d)(\d\d)(\d\d)")


def _join_parts(before: str, after: str) -> str:
    """What stands around a removed time or date, as one text: "Kommunhuset, Älvsalen"."""
    parts = [part.strip(", \t\n") for part in (before, after)]
    return ", ".join(part for part in parts if part)


def _instruction(text: str) -> bool:
    """An instruction to the archive that may stand anywhere: the original PDF, a rättelse, a
    personnummer exception. Never content."""
    return "<!--" in text and bool(EXCEPTION_NOTE.match(text) or ORIGINAL.match(text) or CORRECTION.match(text))


def _find(lines: list[Line], test: Callable[[str], bool], start: int = 0, end: int | None = None) -> int | None:
    for i in range(start, len(lines) if end is None else end):
        if test(lines[i].text):
            return i
    return None


def _unbold(text: str) -> str:
    text = text.strip()
    while text.startswith("**") and text.endswith("**") and len(text) > 4:
        text = text[2:-2].strip()
    return text


def _unbullet(text: str) -> str:
    return _BULLET.sub("", text).strip()


def _markdown(lines: list[Line]) -> str:
    """Section text as Markdown: tab-separated rows become a table, PDF bold becomes **bold**."""
    out: list[str] = []
    table: list[list[str]] = []
    for line in [*lines, Line(0, "")]:
        text = _PDF_BOLD.sub(r"**\1**", line.text) if "<b>" in line.text else line.text
        if table and _PIPE_SEPARATOR.match(text.strip()):
            continue  # a pipe table's separator: the table is written anew below
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
