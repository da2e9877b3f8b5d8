"""Finding personnummer and samordningsnummer in source text, so that none reaches the web.

A match needs a real date (samordningsnummer add 60 to the day) and a valid Luhn check digit,
which keeps amounts, dnr and phone numbers from being taken for one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

_CANDIDATE = re.compile(r"(?<![\d/-])((?:19|20)?)(\d{2})(\d{2})(\d{2})[ \t]?([-+]?)[ \t]?(\d{4})(?![\d/-])")


_SIX_DIGITS = re.compile(r"\d{6}")
_EXCEPTION = re.compile(r"arkiv:[ \t]*personnummer-undantag[ \t]+([\d+ -]{10,15}?)[ \t]*:[ \t]*\w[^\n]*")


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
    return {_digits(found[1]) for found in _EXCEPTION.finditer(text)}


def find(text: str) -> Iterator[tuple[int, str]]:
    """(line number, matched text) for each personnummer-like number in ``text``.

    Numbers excepted in the source are skipped; an exception without a reason does not count.
    """
    # One pass over the whole text, and none without six digits in a row; line numbers are
    # counted only for the rare candidates.
    if not _SIX_DIGITS.search(text):
        return
    allowed = exceptions(text)
    for match in _CANDIDATE.finditer(text):
        century, yy, mm, dd, _sep, last = match.groups()
        if _digits(match.group(0)) in allowed:
            continue
        if _real_date(century, yy, mm, dd) and _luhn_ok(yy + mm + dd + last):
            yield text.count("\n", 0, match.start()) + 1, match.group(0).strip()
