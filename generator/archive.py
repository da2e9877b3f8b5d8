"""The archive index: what the page writers need, computed once from the model.

Cases (OParl's Paper) are gathered by dnr across every body, meetings are ordered per body and
year, and persons are resolved against the roster. Page writers only read from here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from generator.dnr import Dnr
from generator.model import Body, Item, Meeting, Organisation


@dataclass(frozen=True)
class Handling:
    """One paragraph that handled a case (OParl's Consultation): where, when, and what."""

    meeting: Meeting
    item: Item


@dataclass
class Case:
    """A case in the diarium and the timeline of every paragraph that handled it."""

    dnr: Dnr
    handlings: list[Handling] = field(default_factory=list)

    @property
    def title(self) -> str:
        # The latest title is the one the case is known by now.
        return self.handlings[-1].item.title if self.handlings else ""

    @property
    def key(self) -> str:
        return self.dnr.key


@dataclass
class Archive:
    organisation: Organisation
    meetings: list[Meeting]  # newest first
    cases: dict[str, Case]  # by dnr key, ordered by dnr
    by_body: dict[str, list[Meeting]]  # newest first

    def body(self, slug: str) -> Body:
        body = self.organisation.body(slug)
        assert body is not None, slug  # readers refuse meetings of unknown bodies
        return body

    def years(self, slug: str) -> dict[int, list[Meeting]]:
        years: dict[int, list[Meeting]] = defaultdict(list)
        for meeting in self.by_body.get(slug, ()):
            years[meeting.date.year].append(meeting)
        return dict(years)


def build_archive(organisation: Organisation, meetings: list[Meeting]) -> Archive:
    body_order = {b.slug: i for i, b in enumerate(organisation.bodies)}
    ordered = sorted(meetings, key=lambda m: (m.date, -body_order.get(m.body, 0)), reverse=True)
    by_body: dict[str, list[Meeting]] = {b.slug: [] for b in organisation.bodies}
    cases: dict[str, Case] = {}
    # Oldest first, so that each case's timeline comes out in date order.
    for meeting in reversed(ordered):
        by_body[meeting.body].append(meeting)
        for item in meeting.items:
            for dnr in item.dnr:
                cases.setdefault(dnr.key, Case(dnr)).handlings.append(Handling(meeting, item))
    for listed in by_body.values():
        listed.reverse()
    return Archive(
        organisation=organisation,
        meetings=ordered,
        cases={case.key: case for case in sorted(cases.values(), key=lambda c: c.dnr)},
        by_body=by_body,
    )
