"""Reading ``organisation.yaml``: the organisation, its bodies and its roster of persons."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from slugify import slugify

from generator import messages
from generator.model import Body, Organisation, Person
from generator.problems import Problems, SourceError
from generator.schema_check import check
from generator.yaml_source import decode, load

FILE_NAME = "organisation.yaml"


def read_organisation(directory: Path, problems: Problems) -> Organisation | None:
    """The organisation of the sources in ``directory``; None (with problems) if unusable."""
    path = directory / FILE_NAME
    if not path.is_file():
        problems.error(FILE_NAME, 1, messages.ORGANISATION_MISSING.format(directory=directory))
        return None
    try:
        doc = load(decode(path.read_bytes(), FILE_NAME), FILE_NAME)
    except SourceError as exc:
        problems.items.append(exc.problem)
        return None
    if not isinstance(doc.data, dict):
        problems.error(FILE_NAME, 1, messages.YAML_NOT_MAPPING.format(kind=type(doc.data).__name__))
        return None
    if not check(doc, "organisation", problems):
        return None
    data = doc.data
    bodies = []
    for i, b in enumerate(data["organ"]):
        schedule = []
        for j, day in enumerate(b.get("sammanträdesdagar", ())):
            try:
                schedule.append(date.fromisoformat(day))
            except ValueError:
                line = doc.line(("organ", i, "sammanträdesdagar", j))
                problems.error(FILE_NAME, line, messages.DATE_INVALID.format(field="sammanträdesdagar", value=day))
        bodies.append(
            Body(
                slug=b["slug"],
                name=b["namn"],
                genitive=b["genitiv"],
                decision_heading=b.get("beslutsrubrik") or f"{b['genitiv']} beslut",
                description=b.get("beskrivning", ""),
                schedule=tuple(sorted(schedule)),
            )
        )
    persons = tuple(
        Person(
            slug=slugify(p["namn"]),
            name=p["namn"],
            aliases=tuple(p.get("alias", ())),
            municipality=p.get("kommun"),
        )
        for p in data.get("personer", ())
    )
    return Organisation(
        name=data["namn"],
        short_name=data["kortnamn"],
        dnr_prefix=data["dnr_prefix"],
        municipalities=tuple(data.get("kommuner", ())),
        bodies=tuple(bodies),
        persons=persons,
        description=data.get("beskrivning", ""),
    )


@dataclass(frozen=True)
class NameMatch:
    person: Person
    end: int  # index in the text just after the matched name


@lru_cache(maxsize=4)
def roster_for(persons: tuple[Person, ...]) -> Roster:
    """One roster per organisation: its pattern of every name is costly to build per file."""
    return Roster(persons)


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
