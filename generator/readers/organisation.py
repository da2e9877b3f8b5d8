"""Reading ``organisation.yaml``: the organisation, its bodies and its roster of persons."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from slugify import slugify

from generator import messages
from generator.model import Body, Organisation, Person
from generator.problems import Problems, SourceError
from generator.readers import personal_data
from generator.readers.schema_check import check
from generator.readers.yaml_source import decode, kind_of, load

FILE_NAME = "organisation.yaml"


def read_organisation(directory: Path, problems: Problems) -> Organisation | None:
    """The organisation of the sources in ``directory``; None (with problems) if unusable."""
    path = directory / FILE_NAME
    if not path.is_file():
        problems.error(FILE_NAME, 1, messages.ORGANISATION_MISSING.format(directory=directory))
        return None
    try:
        text = decode(path.read_bytes(), FILE_NAME)
        doc = load(text, FILE_NAME)
    except SourceError as exc:
        problems.items.append(exc.problem)
        return None
    # Names become page titles and URLs: no personnummer may come in this way either.
    found = list(personal_data.find(text))
    for line, value in found:
        problems.error(FILE_NAME, line, messages.PERSONNUMMER.format(value=value))
    if found:
        return None
    if not isinstance(doc.data, dict):
        problems.error(FILE_NAME, 1, messages.YAML_NOT_MAPPING.format(kind=kind_of(doc.data)))
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
        appeal_standing=data.get("överklagande_behöriga", ""),
    )
