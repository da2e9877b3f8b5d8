"""Diarienummer (dnr): the one place that parses and normalises them.

Every spelling a citizen or a protocol uses (``ITSAM 2023/93``, ``2023/93``, ``Dnr 2023/93``,
``2023/00093``, ``itsam 2023-93``) becomes one ``Dnr``, whose ``key`` names the case page.
The search issue reuses ``parse`` so that the site and the generator agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# An optional "Dnr"/"Dnr:"/"diarienummer" label, then one of the spellings real diaria use, each
# alternative with groups of its own (suffix 1-6), so that the code can tell which one matched:
# 1. an optional prefix (letters, may hold dashes: "KS", "BUN-"), year and serial split by "/",
#    "-", ".", ":" or space ("KS 2018/52", "KS/2016:198", "ITSAM.2021.3"), maybe a classification
#    code of three digits ("KS/2018:311 - 001", "2019/31 042", "1999.201.101") or from a dotted classification
#    plan ("2010/0311-2.3.1");
# 2. the year first, then the prefix ("2024/ITSAM 0018");
# 3. the serial first ("KS 58/2013", "RUN 233-2019");
# 4. a two-digit year, with a prefix ("KS 09-061 101", "BN07/154");
# 5. prefix, two-digit year and a four-digit serial in one word ("RS140178");
# 6. a two-digit year, then the prefix ("09/TN 0051");
# 7. the prefix last, as the series the number belongs to ("2012/41-KS");
# 8. labelled, a two-digit year and a five-digit serial as one number ("Diarienummer 1900045"):
#    without its label, seven digits are no dnr;
# 9. a two-digit year, the prefix and the serial in one word ("15RV118").
# Written so that it is also a valid JavaScript pattern (see ``js_pattern``): the site's search
# box reads a dnr with exactly this rule.
_LETTERS = "A-Za-zÅÄÖåäöÉé"
_YEAR = r"(?:19|20)\d\d"
PATTERN = (
    r"^\s*(?:(?:dnr|diarienr|diarienummer)\s*[:.]?\s*)?(?:"
    rf"(?:(?P<prefix1>[{_LETTERS}][{_LETTERS}-]*?)[\s./-]*)?"
    rf"(?P<year1>{_YEAR})\s*[/\-.:\s]\s*0*(?P<serial1>\d{{1,6}})(?:\s*[-.\s]\s*(?P<code1>\d{{3}}|\d{{1,2}}(?:\.\d{{1,2}}){{1,3}}))?"
    rf"|(?P<year2>{_YEAR})\s*/\s*(?P<prefix2>[{_LETTERS}]+)\s+0*(?P<serial2>\d{{1,6}})(?:\s+(?P<code2>\d{{3}}))?"
    rf"|(?:(?P<prefix3>[{_LETTERS}]+)[\s./-]*)?0*(?P<serial3>\d{{1,5}})\s*[/-]\s*(?P<year3>{_YEAR})"
    rf"|(?P<prefix4>[{_LETTERS}]+)[\s./]*(?P<year4>\d\d)[-/]0*(?P<serial4>\d{{1,6}})(?:\s+(?P<code4>\d{{3}}))?"
    rf"|(?P<prefix5>[{_LETTERS}]{{1,6}})(?P<year5>\d\d)(?P<serial5>\d{{4}})"
    rf"|(?P<year6>\d\d)\s*/\s*(?P<prefix6>[{_LETTERS}]+)\s+0*(?P<serial6>\d{{1,6}})"
    rf"|(?P<year7>{_YEAR})\s*/\s*0*(?P<serial7>\d{{1,6}})\s*-\s*(?P<prefix7>[{_LETTERS}]{{1,8}})"
    r"|(?:dnr|diarienr|diarienummer)\s*[:.]?\s*(?P<year8>\d\d)(?P<serial8>\d{5})"
    rf"|(?P<year9>\d\d)(?P<prefix9>[{_LETTERS}]{{1,6}})0*(?P<serial9>\d{{1,5}})"
    r")\s*$"
)
_ALTERNATIVES = range(1, 10)
_DNR = re.compile(PATTERN, re.IGNORECASE)
# The pattern's optional parts can overlap ("-" in a prefix and as a separator), which makes a
# failing match slow on long text; no dnr is longer than this, so longer text is none, unread.
MAX_LENGTH = 60


def js_pattern() -> str:
    """``PATTERN`` in JavaScript's syntax for named groups (used with the "i" flag)."""
    return PATTERN.replace("(?P<", "(?<")


class DnrError(ValueError):
    """Raised when a text does not read as a diarienummer."""


@dataclass(frozen=True, order=True)
class Dnr:
    """One case in one organisation's diarium."""

    prefix: str
    year: int
    serial: int
    code: str = field(default="", compare=False)  # the classification code, e.g. "001", kept as written

    @property
    def key(self) -> str:
        """URL-safe identity, e.g. ``itsam-2023-93``."""
        return f"{self.prefix.lower()}-{self.year}-{self.serial}"

    def __str__(self) -> str:
        return f"{self.prefix} {self.year}/{self.serial}"


def parse(text: str, default_prefix: str, near: int | None = None) -> Dnr:
    """Read ``text`` as a dnr; a missing prefix means the organisation's own diarium. ``near``
    (the meeting's year) settles "HE 41/00" and "HE 88/99", two two-digit numbers either of
    which may be the year: the reading whose year is the latest not after it."""
    match = _DNR.match(text) if len(text) <= MAX_LENGTH else None
    if not match:
        raise DnrError(text)
    n = next(n for n in _ALTERNATIVES if match[f"serial{n}"] is not None)
    prefix = (match.groupdict().get(f"prefix{n}") or default_prefix).strip(" -").upper()
    code = match.groupdict().get(f"code{n}") or ""
    readings = [(_full_year(int(match[f"year{n}"])), int(match[f"serial{n}"]))]
    if n == _TWO_DIGIT_YEAR_FIRST and "/" in text and len(match["serial4"]) <= 2:
        # The serial first, as 1990s diaria wrote it ("41/00"): the other way to read the pair.
        readings.append((_full_year(int(match["serial4"])), int(match["year4"])))
        possible = [r for r in readings if r[1] > 0 and (near is None or r[0] <= near)]
        readings = (sorted(possible, key=lambda reading: -reading[0]) if near else possible) or readings
    year, serial = readings[0]
    if serial == 0:
        raise DnrError(text)
    return Dnr(prefix=prefix, year=year, serial=serial, code=code)


def _full_year(year: int) -> int:
    """A two-digit year ("KS 09-061"): this century up to the pivot, the last one before."""
    if year < 100:
        return year + (2000 if year <= _TWO_DIGIT_PIVOT else 1900)
    return year


_TWO_DIGIT_PIVOT = 50
_TWO_DIGIT_YEAR_FIRST = 4


_SEPARATORS = re.compile(r"[,;]|\boch\b")


def parse_many(text: str, default_prefix: str, near: int | None = None) -> list[Dnr]:
    """Read a comma- or semicolon-separated list of dnr (a paragraph may carry several)."""
    parts = [part for part in _SEPARATORS.split(text) if part.strip()]
    return [parse(part, default_prefix, near) for part in parts]
