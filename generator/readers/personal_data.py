"""Finding personnummer and samordningsnummer in source text, so that none reaches the web.

A match needs a real date (samordningsnummer add 60 to the day) and a valid Luhn check digit,
which keeps amounts, dnr and phone numbers from being taken for one. The text is normalised first,
so a number is found however a PDF export or an editor wrote it: Unicode dashes and spaces,
invisible characters, HTML entities, Markdown escapes and emphasis (``**121212**-1212``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import date

# Everything a dash may be written as, every space, and what is invisible: one mapping.
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_REPLACE = {**dict.fromkeys(_DASHES, "-"), **dict.fromkeys(_SPACES, " "), **dict.fromkeys(_INVISIBLE, "")}
# A pattern of just those characters: a regex replaces the few there are far faster than
# str.translate walks every character of a large archive.
_SPECIAL = re.compile("[" + re.escape(_DASHES + _SPACES + _INVISIBLE) + "]")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_MARKDOWN = re.compile(r"\\(?=[-+./ ])|[*_`]")

_DIGITS_NEARBY = re.compile(r"\d\d ?\d\d ?\d\d")
_CANDIDATE = re.compile(r"(?<![\d/-])((?:19|20)?)(\d{2}) ?(\d{2}) ?(\d{2}) ?([-+./]?) ?(\d{4})(?![\d/-])")
_EXCEPTION = re.compile(r"arkiv: *personnummer-undantag +([\d+ ./-]{10,17}?) *: *\w[^\n]*")


def normalise(text: str) -> str:
    """``text`` as the scan reads it; lines stay where they are (no newline is added or removed)."""
    text = _ENTITY.sub(lambda found: html.unescape(found.group(0)).replace("\n", " ").replace("\r", " "), text)
    return _MARKDOWN.sub("", _SPECIAL.sub(lambda found: _REPLACE[found.group(0)], text))


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


def _digits(number: str) -> str:
    return re.sub(r"\D", "", number)[-10:]


def exceptions(text: str) -> set[str]:
    """Numbers the source itself allows, each with a reason:
    ``arkiv: personnummer-undantag NUMMER: skäl`` in a comment (``<!-- -->`` or ``#``)."""
    return {_digits(found[1]) for found in _EXCEPTION.finditer(normalise(text))}


def find(text: str) -> Iterator[tuple[int, str]]:
    """(line number, number as read) for each personnummer-like number in ``text``.

    Numbers excepted in the source are skipped; an exception without a reason does not count.
    """
    text = normalise(text)
    # One pass over the whole text, and none without six digits close together; line numbers
    # are counted only for the rare candidates.
    if not _DIGITS_NEARBY.search(text):
        return
    allowed = exceptions(text)
    for match in _CANDIDATE.finditer(text):
        century, yy, mm, dd, _sep, last = match.groups()
        if _digits(match.group(0)) in allowed:
            continue
        if _real_date(century, yy, mm, dd) and _luhn_ok(yy + mm + dd + last):
            yield text.count("\n", 0, match.start()) + 1, match.group(0).strip()
