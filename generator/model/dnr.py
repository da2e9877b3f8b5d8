"""Diarienummer (dnr): the one place that parses and normalises them.

Every spelling a citizen or a protocol uses (``ITSAM 2023/93``, ``2023/93``, ``Dnr 2023/93``,
``2023/00093``, ``itsam 2023-93``) becomes one ``Dnr``, whose ``key`` names the case page.
The search issue reuses ``parse`` so that the site and the generator agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# An optional "Dnr"/"Dnr:"/"diarienummer" label, an optional diarium prefix (letters, may hold
# dashes such as "KS" or "BUN-"), then year and serial split by "/", "-", "." or space.
# Written so that it is also a valid JavaScript pattern (see ``js_pattern``): the site's search
# box reads a dnr with exactly this rule.
PATTERN = (
    r"^\s*(?:(?:dnr|diarienr|diarienummer)\s*[:.]?\s*)?"
    r"(?:(?P<prefix>[A-Za-zÅÄÖåäöÉé][A-Za-zÅÄÖåäöÉé-]*?)[\s-]*)?"
    r"(?P<year>(?:19|20)\d\d)\s*[/\-.\s]\s*0*(?P<serial>\d{1,6})\s*$"
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
    serial = int(match["serial"])
    if serial == 0:
        raise DnrError(text)
    prefix = (match["prefix"] or default_prefix).strip(" -").upper()
    return Dnr(prefix=prefix, year=int(match["year"]), serial=serial)


def parse_many(text: str, default_prefix: str) -> list[Dnr]:
    """Read a comma- or semicolon-separated list of dnr (a paragraph may carry several)."""
    parts = [part for part in re.split(r"[,;]|\boch\b", text) if part.strip()]
    return [parse(part, default_prefix) for part in parts]
