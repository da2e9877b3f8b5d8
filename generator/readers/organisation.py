"""Reading ``organisation.yaml``: the organisation, its bodies and its roster of persons."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from slugify import slugify

from generator import messages
from generator.model import Accessibility, Body, Organisation, Person
from generator.problems import Problems, SourceError
from generator.readers import personal_data, vocabulary
from generator.readers.checks import plausible_years
from generator.readers.guards import control_character
from generator.readers.pattern_safety import unsafe_pattern
from generator.readers.schema_check import check
from generator.readers.yaml_source import decode, kind_of, load, strings

FILE_NAME = "organisation.yaml"


def read_organisation(directory: Path, problems: Problems, reserved: tuple[str, ...] = ()) -> Organisation | None:
    """The organisation of the sources in ``directory``; None (with problems) if unusable.

    ``reserved`` are the names the site itself uses at its top level; no body may take one.
    """
    path = directory / FILE_NAME
    if not path.is_file():
        problems.error(FILE_NAME, 1, messages.ORGANISATION_MISSING.format(directory=directory))
        return None
    if path.is_symlink():
        problems.error(FILE_NAME, 1, messages.SYMLINK_SOURCE.format(path=FILE_NAME))
        return None
    try:
        text = decode(path.read_bytes(), FILE_NAME)
        doc = load(text, FILE_NAME)
    except SourceError as exc:
        problems.items.append(exc.problem)
        return None
    # Names become page titles and URLs: no personnummer may come in this way either.
    written = list(personal_data.find(text))
    found = [*written, *personal_data.find_in_values(text, strings(doc), written)]
    for line, value in found:
        problems.error(FILE_NAME, line, messages.PERSONNUMMER.format(value=value))
    controls = [(line, character) for line, value in strings(doc) if (character := control_character(value))]
    for line, character in controls:
        problems.error(FILE_NAME, line, messages.CONTROL_CHARACTER.format(character=character))
    if found or controls:
        return None
    if not isinstance(doc.data, dict):
        problems.error(FILE_NAME, 1, messages.YAML_NOT_MAPPING.format(kind=kind_of(doc.data)))
        return None
    if not check(doc, "organisation", problems):
        return None
    data = doc.data
    before = len(problems.errors)
    bodies: list[Body] = []
    low, high = plausible_years()
    for i, b in enumerate(data["organ"]):
        slug_line = doc.line(("organ", i, "slug"))
        if b["slug"] in reserved:
            reserved_names = ", ".join(reserved)
            problems.error(FILE_NAME, slug_line, messages.SLUG_RESERVED.format(slug=b["slug"], reserved=reserved_names))
        if any(body.slug == b["slug"] for body in bodies):
            problems.error(FILE_NAME, slug_line, messages.SLUG_DUPLICATE.format(slug=b["slug"]))
        schedule = []
        for j, day in enumerate(b.get("sammanträdesdagar", ())):
            line = doc.line(("organ", i, "sammanträdesdagar", j))
            try:
                planned = date.fromisoformat(day)
            except ValueError:
                problems.error(FILE_NAME, line, messages.DATE_INVALID.format(field="sammanträdesdagar", value=day))
                continue
            if not low <= planned.year <= high:
                field = "sammanträdesdagar"
                problems.error(
                    FILE_NAME, line, messages.DATE_IMPLAUSIBLE.format(field=field, value=day, low=low, high=high)
                )
                continue
            schedule.append(planned)
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
    persons: list[Person] = []
    for i, p in enumerate(data.get("personer", ())):
        # A person's page lives at their slug: an empty one, or one two persons share, is an error.
        slug, line = slugify(p["namn"]), doc.line(("personer", i, "namn"))
        other = next((known for known in persons if known.slug == slug), None)
        if not slug:
            problems.error(FILE_NAME, line, messages.PERSON_NO_SLUG.format(name=p["namn"]))
        elif other is not None:
            problems.error(
                FILE_NAME, line, messages.PERSON_DUPLICATE.format(name=p["namn"], other=other.name, slug=slug)
            )
        persons.append(Person(slug, p["namn"], tuple(p.get("alias", ())), p.get("kommun")))
    known = set(vocabulary.keys())
    for key in data.get("ordlista", {}):
        if key not in known:
            message = messages.VOCABULARY_KEY.format(key=key, known=", ".join(sorted(known)))
            problems.error(FILE_NAME, doc.line(("ordlista", key)), message)
        elif "mönster" in key:
            for i, pattern in enumerate(data["ordlista"][key]):
                if why := unsafe_pattern(pattern):
                    message = messages.VOCABULARY_PATTERN.format(key=key, value=pattern[:80], why=why)
                    problems.error(FILE_NAME, doc.line(("ordlista", key, i)), message)
    accessibility = _accessibility(doc, data, problems)
    if len(problems.errors) > before:
        return None
    return Organisation(
        name=data["namn"],
        short_name=data["kortnamn"],
        dnr_prefix=data["dnr_prefix"],
        municipalities=tuple(data.get("kommuner", ())),
        bodies=tuple(bodies),
        persons=tuple(persons),
        description=data.get("beskrivning", ""),
        appeal_standing=data.get("överklagande_behöriga", ""),
        vocabulary=tuple((key, tuple(words)) for key, words in data.get("ordlista", {}).items()),
        municipality_codes=tuple(data.get("kommunkoder", {}).items()),
        registrar=data.get("registrator", ""),
        organisation_number=data.get("organisationsnummer", ""),
        accessibility=accessibility,
    )


def _accessibility(doc: Any, data: dict[str, Any], problems: Problems) -> Accessibility:
    """The organisation's part of the accessibility statement; its contact defaults to the registrator."""
    given = data.get("tillgänglighet", {})
    dates: dict[str, date | None] = {}
    for key in ("bedömd", "uppdaterad"):
        dates[key] = None
        if key in given:
            try:
                dates[key] = date.fromisoformat(given[key])
            except ValueError:
                line = doc.line(("tillgänglighet", key))
                problems.error(FILE_NAME, line, messages.DATE_INVALID.format(field=key, value=given[key]))
    contact = given.get("kontakt", data.get("registrator", ""))
    if not contact:
        # DOS-lagen: the statement must give a way to report shortcomings; the site is still built.
        problems.warning(FILE_NAME, doc.line(("tillgänglighet",)) if given else 1, messages.ACCESSIBILITY_NO_CONTACT)
    return Accessibility(
        contact=contact,
        conformance=given.get("förenlighet", Accessibility.conformance),
        assessed=dates["bedömd"],
        updated=dates["uppdaterad"],
        method=given.get("metod", ""),
        shortcomings=tuple(given.get("brister", ())),
    )
