"""The archive index: what the page writers need, computed once from the model.

Cases (OParl's Paper) are gathered by dnr across every body, meetings are ordered per body and
year, references between paragraphs are resolved, and persons are gathered from attendance,
justering, signatures, votes and reservations. The readers have already resolved every name to a
roster person, so the index only aggregates; page writers only read from here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from generator.model import (
    AttendanceGroup,
    Body,
    Item,
    ItemRef,
    Meeting,
    Organisation,
    Person,
    PersonName,
    Reference,
)
from generator.model.dnr import Dnr


@dataclass(frozen=True)
class Handling:
    """One paragraph that handled a case (OParl's Consultation): where, when, and what."""

    meeting: Meeting
    item: Item

    @property
    def ref(self) -> ItemRef:
        return ItemRef(self.meeting.body, self.meeting.date, self.item.number)


@dataclass
class Case:
    """A case in the diarium and the timeline of every paragraph that handled it."""

    dnr: Dnr
    handlings: list[Handling] = field(default_factory=list)
    related: list[Dnr] = field(default_factory=list)

    @property
    def title(self) -> str:
        # The latest title is the one the case is known by now.
        return self.handlings[-1].item.title if self.handlings else ""

    @property
    def key(self) -> str:
        return self.dnr.key


@dataclass(frozen=True)
class Unresolved:
    """A reference to a meeting and § that is not in the archive: shown as text, reported."""

    source: str
    number: int
    text: str


@dataclass
class Role:
    """A role a person held in a body, from the first to the last meeting it was recorded.

    ``title`` is the role as written ("ordförande", "förbundsdirektör"); without one, the
    attendance ``group`` says what the person was.
    """

    body: str
    title: str | None
    group: AttendanceGroup
    first: date
    last: date
    meetings: int = 0


@dataclass
class PersonRecord:
    """Everything the archive knows a person did, for the person's page."""

    person: Person
    roles: dict[tuple[str, str], Role] = field(default_factory=dict)
    attended: list[Meeting] = field(default_factory=list)
    adjusted: list[Meeting] = field(default_factory=list)  # meetings where they were justerare
    signed: list[tuple[Meeting, str]] = field(default_factory=list)  # (meeting, role in signing)
    votes: list[tuple[Handling, str]] = field(default_factory=list)  # (paragraph, ja/nej/avstår)
    reservations: list[Handling] = field(default_factory=list)
    disqualified: list[Handling] = field(default_factory=list)  # jäv

    def note_role(self, body: str, title: str | None, group: AttendanceGroup, day: date) -> None:
        key = (body, title or group.value)
        role = self.roles.setdefault(key, Role(body, title, group, day, day))
        role.first, role.last = min(role.first, day), max(role.last, day)
        role.meetings += 1


@dataclass
class Archive:
    organisation: Organisation
    meetings: list[Meeting]  # newest first
    cases: dict[str, Case]  # by dnr key, ordered by dnr
    by_body: dict[str, list[Meeting]]  # newest first
    items: dict[ItemRef, Handling]
    persons: dict[str, PersonRecord]  # by slug, in roster order
    unresolved: list[Unresolved]

    def body(self, slug: str) -> Body:
        return self.bodies[slug]  # readers refuse meetings of unknown bodies

    @cached_property
    def bodies(self) -> dict[str, Body]:
        """The bodies by slug: pages ask tens of thousands of times."""
        return {body.slug: body for body in self.organisation.bodies}

    def years(self, slug: str) -> dict[int, list[Meeting]]:
        years: dict[int, list[Meeting]] = defaultdict(list)
        for meeting in self.by_body.get(slug, ()):
            years[meeting.date.year].append(meeting)
        return dict(years)

    def target(self, reference: Reference) -> Handling | None:
        """The paragraph a reference points at, when it is in the archive."""
        return self.items.get(reference.target) if reference.target else None


def build_archive(organisation: Organisation, meetings: list[Meeting]) -> Archive:
    body_order = {b.slug: i for i, b in enumerate(organisation.bodies)}
    ordered = sorted(meetings, key=lambda m: (m.date, -body_order.get(m.body, 0)), reverse=True)
    by_body: dict[str, list[Meeting]] = {b.slug: [] for b in organisation.bodies}
    cases: dict[str, Case] = {}
    items: dict[ItemRef, Handling] = {}
    # Oldest first, so that each case's timeline comes out in date order.
    for meeting in reversed(ordered):
        by_body[meeting.body].append(meeting)
        for item in meeting.items:
            handling = Handling(meeting, item)
            items[handling.ref] = handling
            for dnr in item.dnr:
                cases.setdefault(dnr.key, Case(dnr)).handlings.append(handling)
    for listed in by_body.values():
        listed.reverse()
    archive = Archive(
        organisation=organisation,
        meetings=ordered,
        cases={case.key: case for case in sorted(cases.values(), key=lambda c: c.dnr)},
        by_body=by_body,
        items=items,
        persons={},
        unresolved=[],
    )
    _resolve_references(archive)
    archive.persons = _gather_persons(archive)
    return archive


def _resolve_references(archive: Archive) -> None:
    """Link paragraphs that reference each other, and relate their cases."""
    related: dict[str, set[Dnr]] = defaultdict(set)
    for handling in archive.items.values():
        for reference in handling.item.references:
            if reference.target is None:
                continue
            target = archive.items.get(reference.target)
            if target is None:
                archive.unresolved.append(Unresolved(handling.meeting.source, handling.item.number, reference.text))
                continue
            # Related both ways: the case that cites and the case cited.
            for own in handling.item.dnr:
                for other in target.item.dnr:
                    if own != other:
                        related[own.key].add(other)
                        related[other.key].add(own)
    for key, dnrs in related.items():
        if key in archive.cases:
            archive.cases[key].related = sorted(d for d in dnrs if d.key in archive.cases)


def _gather_persons(archive: Archive) -> dict[str, PersonRecord]:
    records = {p.slug: PersonRecord(p) for p in archive.organisation.persons}

    def each(names: tuple[PersonName, ...]) -> list[PersonRecord]:
        return [records[n.person] for n in names if n.person is not None]

    for meeting in reversed(archive.meetings):  # oldest first
        for attendee in meeting.attendees:
            if attendee.person is None:
                continue
            person = records[attendee.person]
            person.note_role(meeting.body, attendee.role, attendee.group, meeting.date)
            if not person.attended or person.attended[-1] is not meeting:
                person.attended.append(meeting)
        if meeting.adjustment:
            for found in each(meeting.adjustment.adjusters):
                found.adjusted.append(meeting)
            for signatory in meeting.adjustment.signatories:
                if signatory.person is not None:
                    records[signatory.person].signed.append((meeting, signatory.role))
        for item in meeting.items:
            handling = archive.items[ItemRef(meeting.body, meeting.date, item.number)]
            for vote in item.votes:
                for names, answer in ((vote.yes, "ja"), (vote.no, "nej"), (vote.abstaining, "avstår")):
                    for found in each(names):
                        found.votes.append((handling, answer))
            for reservation in item.reservations:
                for found in each(reservation.by):
                    found.reservations.append(handling)
            for found in each(item.disqualified):
                found.disqualified.append(handling)
    return records
