"""Diarienummer (dnr): the one place that parses and normalises them.

Every spelling a citizen or a protocol uses (``ITSAM 2023/93``, ``2023/93``, ``Dnr 2023/93``,
``2023/00093``, ``itsam 2023-93``) becomes one ``Dnr``, whose ``key`` names the case page.
The search issue reuses ``parse`` so that the site and the generator agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# An optional "Dnr"/"Dnr:"/"diarienummer" label, then either an optional diarium prefix (letters,
# may hold dashes such as "KS" or "BUN-") and year and serial split by "/", "-", ".", ":" or space
# ("KS 2018/52", "KS/2016:198", "ITSAM.2021.3"), or the year first ("2024/ITSAM 0018"); either
# may end in a three-digit classification code ("KS/2018:311 - 001", "2019/31 042"). Written so
# that it is also a valid JavaScript pattern (see ``js_pattern``): the site's search box reads a
# dnr with exactly this rule.
_LETTERS = "A-Za-zÅÄÖåäöÉé"
PATTERN = (
    r"^\s*(?:(?:dnr|diarienr|diarienummer)\s*[:.]?\s*)?(?:"
    rf"(?:(?P<prefix>[{_LETTERS}][{_LETTERS}-]*?)[\s./-]*)?"
    r"(?P<year>(?:19|20)\d\d)\s*[/\-.:\s]\s*0*(?P<serial>\d{1,6})(?:\s*[-\s]\s*(?P<code>\d{3}))?"
    rf"|(?P<year2>(?:19|20)\d\d)\s*/\s*(?P<prefix2>[{_LETTERS}]+)\s+0*(?P<serial2>\d{{1,6}})(?:\s+(?P<code2>\d{{3}}))?"
    r")\s*$"
)
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


def parse(text: str, default_prefix: str) -> Dnr:
    """Read ``text`` as a dnr; a missing prefix means the organisation's own diarium."""
    match = _DNR.match(text) if len(text) <= MAX_LENGTH else None
    if not match:
        raise DnrError(text)
    year_first = match["year2"] is not None
    serial = int(match["serial2"] if year_first else match["serial"])
    if serial == 0:
        raise DnrError(text)
    written = match["prefix2"] if year_first else match["prefix"]
    prefix = (written or default_prefix).strip(" -").upper()
    year = int(match["year2"] if year_first else match["year"])
    return Dnr(prefix=prefix, year=year, serial=serial, code=(match["code2"] if year_first else match["code"]) or "")


_SEPARATORS = re.compile(r"[,;]|\boch\b")


def parse_many(text: str, default_prefix: str) -> list[Dnr]:
    """Read a comma- or semicolon-separated list of dnr (a paragraph may carry several)."""
    parts = [part for part in _SEPARATORS.split(text) if part.strip()]
    return [parse(part, default_prefix) for part in parts]
