"""Finding personnummer and samordningsnummer in source text, so that none reaches the web.

A match needs a real date (samordningsnummer add 60 to the day) and a valid Luhn check digit,
which keeps amounts, dnr and phone numbers from being taken for one. The text is normalised first,
so a number is found however a PDF export or an editor wrote it: Unicode dashes and spaces,
invisible characters, HTML entities, Markdown escapes and emphasis (``**121212**-1212``).
"""

from __future__ import annotations

import html
import re
import sys
from collections.abc import Iterable, Iterator
from datetime import date

# Everything a dash may be written as, every space, and what is not seen: every format character
# (Unicode's Cf: soft hyphen, zero-width and direction marks, invisible operators, the BOM), the
# combining grapheme joiner, Mongolian and variation selectors, Hangul fillers, tags. Any of them
# may stand between the digits of a number.
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"
_INVISIBLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f"
    "\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2"
)
_ASTRAL_INVISIBLE = "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001-\U000e007f\U000e0100-\U000e01ef"
_REPLACE = {**dict.fromkeys(_DASHES, "-"), **dict.fromkeys(_SPACES, " ")}
# One pattern of just those characters: a regex replaces the few there are far faster than
# str.translate walks every character of a large archive. The few outside the Basic Multilingual
# Plane make a class twice as slow to search: they are looked for only in a text that has such
# characters (CPython stores such a text with four bytes a character, which its size tells).
_SPECIAL = re.compile("[" + re.escape(_DASHES + _SPACES) + _INVISIBLE + "]")
_SPECIAL_ASTRAL = re.compile("[" + re.escape(_DASHES + _SPACES) + _INVISIBLE + _ASTRAL_INVISIBLE + "]")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Markdown between the digits: escapes, emphasis, code, and a link's or image's brackets and
# target ("[1912](#)1212-1212" is shown as 19121212-1212), an autolink's angle brackets.
_MARKDOWN = re.compile(r"\\(?=[-+./ ])|[*_`<>\[]|!(?=\[)|\]\([^)\n]{0,200}\)|\]")
_MARKS = "\\*_`<>[]"
# JSON's and JavaScript's escapes ("\u002d"), as a data file may write a character.
_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")

# Where a number can stand: ten or more digits and what may set its parts apart, from a digit to
# a digit. Found in one fast pass; the exact pattern below is tried only inside such runs.
_RUN = re.compile(r"\d[\d \n|+./-]{8,}\d")
# The pairs of digits may be set apart by a space or two or a line break ("1912\n1212-1212"; a
# page's text, where a tag reads as a space, "<a><b>19</b></a>12"), the date from the last four
# by a few more ("121212 -  1212") or a table's cell border ("| 121212 | 1212 |").
_GAP = r"[ \n|]{0,4}"
_PAIR = r"[ \n]{0,2}"
_CANDIDATE = re.compile(
    rf"(?<![\d-])((?:19|20)?){_PAIR}(\d{{2}}){_PAIR}(\d{{2}}){_PAIR}(\d{{2}}){_GAP}([-+./]?){_GAP}(\d{{4}})(?![\d-])"
)
_EXCEPTION = re.compile(r"arkiv: *personnummer-undantag +([\d+ ./-]{10,17}?) *: *\w[^\n]*")


def normalise(text: str, markdown: bool = True) -> str:
    """``text`` as the scan reads it; lines stay where they are (no newline is added or removed).
    ``markdown``: Markdown's marks are read through (not in a page's text, where they are shown)."""
    # Each step only where its characters are: most text has no escape, entity or Markdown mark.
    if "\\u" in text:
        text = _ESCAPE.sub(lambda found: chr(int(found[1], 16)).replace("\n", " "), text)
    if "&" in text:
        text = _ENTITY.sub(lambda found: html.unescape(found.group(0)).replace("\n", " ").replace("\r", " "), text)
    special = _SPECIAL_ASTRAL if sys.getsizeof(text) >= 4 * len(text) else _SPECIAL
    text = special.sub(lambda found: _REPLACE.get(found.group(0), ""), text)
    if markdown and any(mark in text for mark in _MARKS):
        text = _MARKDOWN.sub("", text)
    return text


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, char in enumerate(digits):
        value = int(char) * (2 if i % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _real_date(century: str, yy: str, mm: str, dd: str) -> bool:
    day = int(dd)
    if day > 60:
        day -= 60  # samordningsnummer
    year = int(century + yy) if century else 2000 + int(yy)
    try:
        date(year, int(mm), day)
    except ValueError:
        return False
    return True


def digits(number: str) -> str:
    return re.sub(r"\D", "", number)[-10:]


def exceptions(text: str) -> set[str]:
    """Numbers the source itself allows, each with a reason:
    ``arkiv: personnummer-undantag NUMMER: skäl`` in a comment (``<!-- -->`` or ``#``)."""
    return {digits(found[1]) for found in _EXCEPTION.finditer(normalise(text))}


def find(text: str, allowed: set[str] | None = None, markdown: bool = True) -> Iterator[tuple[int, str]]:
    """(line number, number as read) for each personnummer-like number in ``text``.

    Numbers excepted in the source are skipped, and those in ``allowed`` (ten digits each, the
    source's exceptions when ``text`` is a value read from it); an exception without a reason
    does not count.
    """
    text = normalise(text, markdown)
    # One pass over the whole text for the runs of digits; line numbers are counted only for
    # the rare candidates.
    runs = [(run.start(), run.end()) for run in _RUN.finditer(text)]
    if not runs:
        return
    # (``text`` is normalised already: the exceptions are read from it as it stands.)
    allowed = {digits(found[1]) for found in _EXCEPTION.finditer(text)} | (allowed or set())
    # Within a run, seen from the whole text: what stands before it is looked behind at.
    for match in (match for start, end in runs for match in _CANDIDATE.finditer(text, start, end)):
        century, yy, mm, dd, _sep, last = match.groups()
        if digits(match.group(0)) in allowed:
            continue
        if _real_date(century, yy, mm, dd) and _luhn_ok(yy + mm + dd + last):
            first = match.start(1) if century else match.start(2)  # not a line break before it
            yield text.count("\n", 0, first) + 1, match.group(0).strip()


def find_in_values(
    text: str, values: Iterable[tuple[int, str]], written: list[tuple[int, str]] | None = None
) -> Iterator[tuple[int, str]]:
    """(line, number) for each personnummer in a YAML source's values as read (``values``: line
    and string) that its text as written does not already show: a double-quoted escape
    ("19121212\\u002d1212") or a folded line is a number only once read. The source's own
    exceptions hold for its values. ``written``: what ``find(text)`` gave, when the caller has it."""
    shown = find(text) if written is None else written
    known = exceptions(text) | {digits(number) for _, number in shown}
    for line, value in values:
        for _, number in find(value, known):
            yield line, number
