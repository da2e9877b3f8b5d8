"""Where a protocol's paragraphs start, found by sequence and position rather than by one layout's
spelling: "§ 28", "KS § 112", "28 §", "## 23 § Titel", "TN 32<TAB>09/TN 0051" (the body's
abbreviation and no "§"), or, in older running text, "36. Val av justerare."; the paragraphs are
the longest increasing run of such numbers, with one prefix. A contents list, a reference to an
earlier handling ("Au § 132" in the margin) and "§ 122 forts." are not starts.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from generator.readers.markdown.text import (
    PERSON_SHAPE,
    Line,
    _cells,
)
from generator.readers.vocabulary import normalise

_ITEM_START = re.compile(
    r"^(?:#{1,3}\s+)?(?:\*\*)?(?:(?:(?!(?:[Ff]orts|Bilaga|Se|Jfr|Enl)\b)[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,4}\.?\s+)?§\s*(?P<a>\d{1,6})|(?P<b>\d{1,6})\s*§)(?:\*\*)?"
    r"(?:[ \t]+(?P<rest>[^\s|].*?))?\s*$"
)


# A contents row rather than a paragraph: it ends in dotted leaders or in a page-number cell.
_AGENDA_ROW_END = re.compile(r"(?:\.{3,}|…+)\s*\d*\s*$|\t\s*\d{1,3}(?:\s*[-–]\s*\d{1,3})?\s*$")


# Older templates number paragraphs in running text: "36. Val av justerare." Read so only when a
# protocol has no "§" paragraph at all, and only as a run of consecutive numbers: a numbered list
# inside a paragraph starts again at 1 and its clauses begin in lower case ("1. att …"), and an
# ärendelista entry has dotted leaders.
_NUMBERED_START = re.compile(
    r"^(?:#{1,6}\s+)?(?:\*\*)?(?P<n>\d{1,4})\.(?:\*\*)?[ ]+(?!.*\.{4})(?P<rest>[A-ZÅÄÖ][^\t|]{0,150}?)\s*$"
)
# "**1 ÖPPNANDE AV STÄMMAN**", "## 2 Val av justerare": a heading that opens with its number,
# without a period (the bold or the heading marks tell it from a line of text beginning "2 950").
_NUMBERED_HEADING = re.compile(
    r"^(?:#{1,6}\s+(?:\*\*)?|\*\*)(?P<n>\d{1,4})\.?[ \t]+(?P<rest>[A-ZÅÄÖ][^\t|*]{0,150}?)(?:\*\*)?\s*$"
)
_LONG_NUMBER = re.compile(r"^§\s*(\d{7,})\s*$")


def _named_margin(text: str) -> list[str] | None:
    """ "Mattias Ström<TAB>§ 18<TAB>Dnr 2011/31": who presents the case in the margin, then the
    start; the cells from the start on, or None."""
    if "\t" not in text:
        return None
    cells = _cells(text.strip(" "))
    if len(cells) >= 2 and cells[0] and PERSON_SHAPE.fullmatch(cells[0]) and _ITEM_START.match(cells[1]):
        return cells[1:]
    return None


def _is_item_start(text: str) -> bool:
    if "§" not in text:
        return False  # asked of every line: most have no "§", and no start is without one
    if (named := _named_margin(text)) is not None:
        text = "\t".join(named)
    found = _ITEM_START.match(text.strip())
    if not found:
        return False
    rest = found["rest"] or ""
    # A contents row ends in leaders or a page number; "§ 122 forts." continues a paragraph.
    return not (rest and _AGENDA_ROW_END.search(text)) and not _CONTINUED.fullmatch(rest.strip("* "))


# "forts.", "(forts.)", "fortsättning från föregående sida": a paragraph goes on on a new page.
_CONTINUED = re.compile(r"(?i)\(?forts(?:\.|ättning)?(?: från föregående sida)?\)?\.?")


def _item_number(text: str) -> int | None:
    """The number of a line that opens a paragraph or a contents row ("§ 5", "KS § 5", "5 §", "5<TAB>")."""
    found = _ITEM_START.match(text.strip()) or _NUMBER_CELL.match(text.strip())
    return int(found["a"] or found["b"]) if found else None


_NUMBER_CELL = re.compile(r"^(?:\*\*)?(?P<a>\d{1,6})(?P<b>)(?:\*\*)?\t")


def _increasing(candidates: list[tuple[int, int]]) -> list[int]:
    """The longest run of strictly increasing paragraph numbers among (index, number) candidates,
    preferring later lines: a contents list repeats the numbers before the paragraphs, and a line
    of running text that happens to begin with "§ 5" breaks the sequence, so neither is taken.
    Patience sorting, O(n log n): a file of 20,000 "§ 1" lines must not take minutes."""
    tails: list[int] = []  # numbers ending the best run of each length
    ends: list[int] = []  # which candidate ends it
    before: list[int] = []
    for i, (_, number) in enumerate(candidates):
        k = bisect_left(tails, number)  # an equal number replaces the earlier one: later lines win
        before.append(ends[k - 1] if k else -1)
        if k == len(tails):
            tails.append(number)
            ends.append(i)
        else:
            tails[k], ends[k] = number, i
    chosen: list[int] = []
    at = ends[-1] if ends else -1
    while at >= 0:
        chosen.append(candidates[at][0])
        at = before[at]
    return chosen[::-1]


def paragraph_starts(texts: list[str]) -> list[int]:
    """Indexes of the lines that start a paragraph, found as the reader finds them (for tools
    that must know whether a text is a protocol at all)."""
    return _starts([Line(number, text) for number, text in enumerate(texts, start=1)])


def _starts(lines: list[Line], prefix_ok: Callable[[str], bool] | None = None) -> list[int]:
    # "Ks § 26 (forts.)" at the top of a page goes on with § 26: no start of its own.
    candidates = [
        (i, opening[0])
        for i, line in enumerate(lines)
        if _is_item_start(line.text) and not _CONTINUED.fullmatch((opening := _opening(line.text))[1].strip())
    ]
    # One protocol numbers its paragraphs with one prefix ("Kfm § 34"); lines with another ("Au
    # § 132", "Ks § 88" in the margin: the case's earlier handling) are references, not starts.
    by_prefix: dict[str, list[tuple[int, int]]] = {}
    for i, number in candidates:
        by_prefix.setdefault(_start_prefix(lines[i].text), []).append((i, number))
    runs = [_increasing(group) for group in by_prefix.values()]
    # The longest run; of equally long ones the later (a contents list stands before the paragraphs).
    chosen = max(runs, key=lambda run: (len(run), run[-1] if run else 0), default=[])
    # Starts without "§" are looked for only where the "§" ones are few.
    prefixed = _prefixed_starts(lines, prefix_ok or _is_abbreviation) if len(chosen) < 3 else []
    if len(prefixed) > max(len(chosen), 1):
        return prefixed  # "TN 32<TAB>09/TN 0051": the body's prefix and the number, no "§"
    if not chosen:
        return _numbered_starts(lines)
    # A number used again among the paragraphs is two paragraphs with one number (refused by the
    # checks), not text: only what stands before the first paragraph is a contents list. A bare
    # "Kfm § 34" where every start has its title beside it is a reference to another meeting's.
    prefix = _start_prefix(lines[chosen[0]].text)
    titled = all(_opening(lines[i].text)[1] for i in chosen)
    numbers = {_opening(lines[i].text)[0] for i in chosen}
    again = [
        i
        for i, n in candidates
        if i > chosen[0]
        and i not in chosen
        and n in numbers
        and _start_prefix(lines[i].text) == prefix
        and (_opening(lines[i].text)[1] or not titled)
    ]
    return sorted({*chosen, *again})


def _start_prefix(text: str) -> str:
    """What stands before the "§" of a paragraph start ("kfm" in "Kfm § 34"), folded (a name in
    the margin is none)."""
    if (named := _named_margin(text)) is not None:
        text = "\t".join(named)
    return normalise(re.sub(r"[\d#*_]+", "", text.split("§", 1)[0])) if "§" in text else ""


def _agenda_rows_at(lines: list[Line], items_at: int, first_number: int) -> int | None:
    """Where a contents list without a heading begins: the first line before the paragraphs that
    opens with the first paragraph's number, as a § line or a numbered row."""
    for i in range(items_at):
        if _item_number(lines[i].text) == first_number:
            return i
    return None


# Some templates number paragraphs with the body's abbreviation and no "§": "TN 32", "Sn 71",
# alone on the line or before a tab.
_PREFIXED_START = re.compile(
    r"^(?:\*\*)?(?P<p>[A-ZÅÄÖ][A-Za-zåäö]{0,3}) (?P<n>\d{1,4})(?:\*\*)?(?:[ ]*\t[\t ]*(?P<rest>\S.*?))?\s*$"
)


def _prefixed_starts(lines: list[Line], prefix_ok: Callable[[str], bool]) -> list[int]:
    """The longest increasing run of lines "<prefix> <number>" with one prefix (three at least)
    that abbreviates the body's name ("Sida 3" never does)."""
    by_prefix: dict[str, list[tuple[int, int]]] = {}
    for i, line in enumerate(lines):
        found = _PREFIXED_START.match(line.text.strip(" ")) or _prefixed_cell(line.text)
        if found and prefix_ok(found["p"]) and not _AGENDA_ROW_END.search(line.text):
            by_prefix.setdefault(found["p"], []).append((i, int(found["n"])))
    runs = [_increasing(candidates) for candidates in by_prefix.values()]
    best = max(runs, key=len, default=[])
    return best if len(best) >= 3 else []


_PREFIXED_CELL = re.compile(r"(?:\*\*)?(?P<p>[A-ZÅÄÖ][A-Za-zåäö]{0,3}) (?P<n>\d{1,4})(?:\*\*)?")


def _prefixed_cell(text: str) -> re.Match[str] | None:
    """ "Göran Nyberg<TAB>Sn 72": the start in a later cell, a margin note (who presented) before it."""
    if "\t" not in text:
        return None
    cells = _cells(text)
    return next((m for cell in cells[1:] if (m := _PREFIXED_CELL.fullmatch(cell))), None)


def _margin(text: str) -> str:
    """What stands before a paragraph start found in a later cell (see ``_prefixed_cell``)."""
    if _named_margin(text) is not None:
        return _cells(text.strip(" "))[0]
    if _ITEM_START.match(text.strip()) or _PREFIXED_START.match(text.strip(" ")):
        return ""
    found = _prefixed_cell(text)
    if not found:
        return ""
    cells = _cells(text)
    at = next(j for j, cell in enumerate(cells) if j and _PREFIXED_CELL.fullmatch(cell))
    return " ".join(c for c in cells[:at] if c)


def _is_abbreviation(prefix: str) -> bool:
    """Without the body's name at hand: an abbreviation in capitals ("TN", "BUN")."""
    return prefix.isupper() and len(prefix) >= 2


def abbreviates(prefix: str, name: str) -> bool:
    """``prefix`` abbreviates ``name``: its letters stand in the name in order, the first letter
    first of one of its words ("TN" and "Tekniska nämnden", "Sn" and "Socialnämnden", "KSAU" and
    "Kommunstyrelsens arbetsutskott", "ÖFN" and "Gemensamma överförmyndarnämnden")."""
    wanted = prefix.casefold()
    words = name.casefold().split()
    return bool(wanted) and any(
        _in_order(wanted, [ch for ch in " ".join(words[i:]) if ch.isalpha()])
        for i, word in enumerate(words)
        if word[:1] == wanted[0]
    )


def _in_order(wanted: str, letters: list[str]) -> bool:
    at = 0
    for ch in wanted:
        try:
            at = letters.index(ch, at) + 1
        except ValueError:
            return False
    return True


def _numbered_starts(lines: list[Line]) -> list[int]:
    """Where paragraphs numbered in running text start: the first such line and each later one
    numbered one more than the last (two at least: one numbered line is no layout)."""
    found: list[int] = []
    number = 0
    for i, line in enumerate(lines):
        opening = _NUMBERED_START.match(line.text.strip()) or _NUMBERED_HEADING.match(line.text.strip())
        if opening and (not found or int(opening["n"]) == number + 1):
            found.append(i)
            number = int(opening["n"])
    return found if len(found) >= 2 else []


def _opening(text: str) -> tuple[int, str]:
    """A paragraph's number and what follows it on its first line."""
    if (named := _named_margin(text)) is not None:
        text = "\t".join(named)
    bare = text.strip()
    if opening := _ITEM_START.match(bare):
        return int(opening["a"] or opening["b"]), opening["rest"] or ""
    if prefixed := _PREFIXED_START.match(text.strip(" ")):
        return int(prefixed["n"]), prefixed["rest"] or ""
    if in_cell := _prefixed_cell(text):
        cells = _cells(text)
        at = next(j for j, cell in enumerate(cells) if j and _PREFIXED_CELL.fullmatch(cell))
        return int(in_cell["n"]), "\t".join(cells[at + 1 :])
    numbered = _NUMBERED_START.match(bare) or _NUMBERED_HEADING.match(bare)
    assert numbered is not None  # a paragraph starts only where one of the patterns matches
    return int(numbered["n"]), numbered["rest"]
