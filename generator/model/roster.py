"""The roster: the organisation's persons, found by name (or alias) in running text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from generator.model.protocol import Person, PersonName


@dataclass(frozen=True)
class NameMatch:
    person: Person
    end: int  # index in the text just after the matched name


def roster_for(persons: tuple[Person, ...]) -> Roster:
    """One roster per organisation: its pattern of every name is costly to build per file, and
    even hashing every person to find it in a cache was measurable, so the same tuple is known
    by identity first."""
    last = _LAST.get("roster")
    if last is None or last.persons is not persons:
        last = _LAST["roster"] = _roster_for(persons)
    return last


@lru_cache(maxsize=4)
def _roster_for(persons: tuple[Person, ...]) -> Roster:
    return Roster(persons)


_LAST: dict[str, Roster] = {}


class Roster:
    """Finds roster names (and aliases) in running text, case-insensitively."""

    def __init__(self, persons: tuple[Person, ...]) -> None:
        self.persons = persons
        spellings = sorted(
            ((spelling, p) for p in persons for spelling in (p.name, *p.aliases)),
            key=lambda pair: -len(pair[0]),
        )
        self._by_spelling = {s.casefold(): p for s, p in spellings}
        alternatives = "|".join(re.escape(s) for s, _ in spellings) or r"(?!x)x"
        self._pattern = re.compile(rf"(?:{alternatives})(?![\w])", re.IGNORECASE)

    def match_at(self, text: str, pos: int) -> NameMatch | None:
        """The roster name starting exactly at ``pos``, longest spelling first."""
        found = self._pattern.match(text, pos)
        if not found:
            return None
        return NameMatch(self._by_spelling[found.group(0).casefold()], found.end())

    def lookup(self, name: str) -> Person | None:
        return self._by_spelling.get(name.strip().casefold())

    def name(self, written: str) -> PersonName:
        """``written`` with the roster person it names, if any."""
        person = self.lookup(written)
        return PersonName(written, person.slug if person else None)

    def names(self, written: Iterable[str]) -> tuple[PersonName, ...]:
        return tuple(self.name(name) for name in written)
