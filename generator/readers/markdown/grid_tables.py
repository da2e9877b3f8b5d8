"""Pandoc's grid tables ("+------+------+" borders, "| cell | cell |" rows, a cell wrapped over
several lines) as the pipe rows every other rule reads, line for line.

A grid row is the lines between two borders. A cell's text wrapped over consecutive lines is
one text: the first column's wrapped lines ("Ej tjänstgörande" / "ersättare och övriga" /
"närvarande") are joined on the row's first of them, since that column holds a label or a title;
the other columns keep their lines, for a cell may list one name a line. A blank line inside a
cell parts its paragraphs, as in pandoc. Borders stay, for the furniture rules to take away (the
table's drawing, never content). Line numbers stay as they were.
"""

from __future__ import annotations

import re
from itertools import pairwise

GRID_BORDER = re.compile(r"\s*\+(?:[-=:]+\+)+\s*")


def is_grid_border(text: str) -> bool:
    """ "+-----+-----+": a grid table's border (its header's "+=====+" too)."""
    return ("+-" in text or "+=" in text) and bool(GRID_BORDER.fullmatch(text))


def has_grid_tables(lines: list[str]) -> bool:
    return any(is_grid_border(line) for line in lines)


def _cells(line: str, bars: list[int]) -> list[str] | None:
    """The cells of a grid row's line, cut where the border above puts its "+"."""
    if len(line) < bars[-1] + 1 or any(line[at] != "|" for at in bars):
        return None  # not aligned with its border: left as the line it is
    return [line[a + 1 : b].strip() for a, b in pairwise(bars)]


def grid_tables_as_rows(lines: list[str]) -> list[str]:
    out = list(lines)
    bars: list[int] = []
    row: list[tuple[int, list[str]]] = []  # the current grid row: (line index, cells)

    def close_row() -> None:
        # The first column's wrapped lines, joined where they begin.
        start: int | None = None
        for at, (index, cells) in enumerate(row):
            if cells[0] and start is None:
                start = at
            elif cells[0] and start is not None:
                row[start][1][0] += " " + cells[0]
                cells[0] = ""
                if not any(cells):
                    out[index] = ""  # the wrap's line holds nothing more
            else:
                start = None
        for index, cells in row:
            if any(cells):
                out[index] = "| " + " | ".join(cells) + " |"
        row.clear()

    for index, line in enumerate(lines):
        if is_grid_border(line):
            close_row()
            bars = [at for at, char in enumerate(line) if char == "+"]
            continue
        cells = _cells(line, bars) if bars else None
        if cells is None:
            close_row()
            bars = []
            continue
        row.append((index, cells))
    close_row()
    return out
