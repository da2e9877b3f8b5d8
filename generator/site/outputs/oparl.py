"""A static OParl 1.1 endpoint: System, Body, Organization, Person, Meeting (with its AgendaItems,
Location and File), Paper (with its Consultations), and the paginated lists OParl clients walk.

OParl objects are identified by absolute URLs, so the endpoint is written only with a site_url.
Our richer facts (per-§ attendance, anslag, appeal deadline) stay in the archive's own open data
(data/), linked from each object's ``web``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime, time
from typing import Any

from generator.index import Archive, Case
from generator.model import Item, Meeting
from generator.site import urls
from generator.site.outputs.base import STOCKHOLM, OutputContext, files_output

SCHEMA = "https://schema.oparl.org/1.1/"
PAGE_SIZE = 100
LICENCE = "http://creativecommons.org/publicdomain/zero/1.0/"


class OParl:
    def __init__(self, archive: Archive, site_url: str) -> None:
        self.archive = archive
        self.site_url = site_url

    def url(self, path: str) -> str:
        return urls.absolute(self.site_url, path)

    def typed(self, kind: str, path: str, **fields: Any) -> dict[str, Any]:
        return {"id": self.url(path), "type": SCHEMA + kind, **fields}

    def dated(self, kind: str, path: str, meetings: Iterable[Meeting], **fields: Any) -> dict[str, Any]:
        """A non-embedded object, with the ``created`` and ``modified`` OParl requires on it (and
        harvesters sync by): when the first of its meetings was published and when the last one
        changed. Taken from the sources, so they stay the same from build to build."""
        spans = [(m.published_on, m.changed_on) for m in meetings] or [(_NO_MEETING, _NO_MEETING)]
        created = min(first for first, _ in spans)
        modified = max(last for _, last in spans)
        return self.typed(kind, path, **fields, created=_moment(created), modified=_moment(modified))

    def system(self) -> dict[str, Any]:
        org = self.archive.organisation
        return self.dated(
            "System",
            urls.OPARL_SYSTEM,
            self.archive.meetings,
            oparlVersion=SCHEMA,
            body=self.url(urls.OPARL_BODIES),
            name=org.name,
            website=self.url(""),
            license=LICENCE,
            product=self.url(urls.url_of(urls.ABOUT_PAGE)),  # a URL, as OParl asks: the page on this software
        )

    def body(self) -> dict[str, Any]:
        org = self.archive.organisation
        return self.dated(
            "Body",
            urls.OPARL_BODY,
            self.archive.meetings,
            system=self.url(urls.OPARL_SYSTEM),
            name=org.name,
            shortName=org.short_name,
            license=LICENCE,
            organization=self.url(urls.OPARL_ORGANIZATIONS),
            person=self.url(urls.OPARL_PERSONS),
            meeting=self.url(urls.oparl_list("meetings", 1)),
            paper=self.url(urls.oparl_list("papers", 1)),
            legislativeTerm=[],
            web=self.url(""),
        )

    def organization(self, slug: str) -> dict[str, Any]:
        body = self.archive.body(slug)
        return self.dated(
            "Organization",
            urls.oparl_object("organization", slug),
            self.archive.by_body[slug],
            body=self.url(urls.OPARL_BODY),
            name=body.name,
            organizationType="Gremium",
            web=self.url(urls.body_url(slug)),
        )

    def person(self, slug: str) -> dict[str, Any]:
        record = self.archive.persons[slug]
        person = record.person
        return self.dated(
            "Person",
            urls.oparl_object("person", slug),
            [*record.attended, *record.adjusted, *(m for m, _ in record.signed)],
            body=self.url(urls.OPARL_BODY),
            name=person.name,
            web=self.url(urls.person_url(slug)),
        )

    def moment(self, meeting: Meeting, clock: time | None) -> str | None:
        return datetime.combine(meeting.date, clock, tzinfo=STOCKHOLM).isoformat() if clock else None

    def meeting(self, meeting: Meeting) -> dict[str, Any]:
        path = urls.oparl_object("meeting", f"{meeting.body}-{meeting.slug}")
        data = self.dated(
            "Meeting",
            path,
            [meeting],
            name=f"{self.archive.body(meeting.body).name} {meeting.date.isoformat()}",
            organization=[self.url(urls.oparl_object("organization", meeting.body))],
            participant=[self.url(urls.oparl_object("person", a.person)) for a in meeting.attendees if a.person],
            agendaItem=[self.agenda_item(meeting, item, i) for i, item in enumerate(meeting.items, start=1)],
            web=self.url(urls.meeting_url(meeting)),
        )
        for key, clock in (("start", meeting.start), ("end", meeting.end)):
            if clock:
                data[key] = self.moment(meeting, clock)
        if meeting.place:
            data["location"] = self.typed("Location", f"{path}#plats", description=meeting.place)
        if meeting.original_file:
            data["verbatimProtocol"] = self.typed(
                "File",
                f"{path}#protokoll",
                name=urls.ORIGINAL_NAME,
                mimeType="application/pdf",
                size=meeting.original_file.size,
                sha512Checksum=meeting.original_file.sha512,
                accessUrl=self.url(urls.original_url(meeting)),
            )
        return data

    def agenda_item(self, meeting: Meeting, item: Item, order: int) -> dict[str, Any]:
        path = urls.oparl_object("meeting", f"{meeting.body}-{meeting.slug}")
        data = self.typed(
            "AgendaItem",
            f"{path}#paragraf-{item.number}",
            meeting=self.url(path),
            number=str(item.number),
            order=order,
            name=item.title,
            public=item.withheld is None,
            web=self.url(urls.item_url(meeting, item.anchor)),
        )
        if item.decision and not item.withheld:
            data["resolutionText"] = item.decision
        if item.published_documents:
            # Its handlingar: a withheld one has no address to give (OParl's File requires one).
            data["auxiliaryFile"] = [
                self.typed(
                    "File",
                    f"{path}#paragraf-{item.number}-handling-{n}",
                    name=d.title,
                    fileName=d.name,
                    mimeType="application/pdf",
                    size=d.size,
                    sha512Checksum=d.sha512,
                    accessUrl=self.url(urls.document_url(meeting, d)),
                )
                for n, d in enumerate(item.published_documents, start=1)
            ]
        return data

    def paper(self, case: Case) -> dict[str, Any]:
        path = urls.oparl_object("paper", case.key)
        consultations = [
            self.typed(
                "Consultation",
                f"{path}#behandling-{n}",
                paper=self.url(path),
                meeting=self.url(urls.oparl_object("meeting", f"{h.meeting.body}-{h.meeting.slug}")),
                agendaItem=self.url(
                    urls.oparl_object("meeting", f"{h.meeting.body}-{h.meeting.slug}") + f"#paragraf-{h.item.number}"
                ),
                organization=[self.url(urls.oparl_object("organization", h.meeting.body))],
                authoritative=bool(h.item.decision),
            )
            for n, h in enumerate(case.handlings, start=1)
        ]
        return self.dated(
            "Paper",
            path,
            [h.meeting for h in case.handlings],
            body=self.url(urls.OPARL_BODY),
            name=case.title,
            reference=str(case.dnr),
            consultation=consultations,
            web=self.url(urls.case_url(case.dnr)),
        )

    def listing(self, objects: list[dict[str, Any]], kind: str | None, page: int, pages: int) -> dict[str, Any]:
        links: dict[str, str] = {}
        if kind is not None:
            links["first"] = self.url(urls.oparl_list(kind, 1))
            links["last"] = self.url(urls.oparl_list(kind, pages))
            if page > 1:
                links["prev"] = self.url(urls.oparl_list(kind, page - 1))
            if page < pages:
                links["next"] = self.url(urls.oparl_list(kind, page + 1))
        return {
            "data": objects,
            "pagination": {"elementsPerPage": PAGE_SIZE, "currentPage": page, "totalPages": pages},
            "links": links,
        }

    def files(self) -> dict[str, str]:
        out: dict[str, Any] = {urls.OPARL_SYSTEM: self.system(), urls.OPARL_BODY: self.body()}
        out[urls.OPARL_BODIES] = self.listing([self.body()], None, 1, 1)
        organizations = [self.organization(b.slug) for b in self.archive.organisation.bodies]
        persons = [self.person(slug) for slug in self.archive.persons]
        out[urls.OPARL_ORGANIZATIONS] = self.listing(organizations, None, 1, 1)
        out[urls.OPARL_PERSONS] = self.listing(persons, None, 1, 1)
        for data in (*organizations, *persons):
            out[data["id"].removeprefix(self.url(""))] = data
        meetings = [self.meeting(m) for m in reversed(self.archive.meetings)]
        papers = [self.paper(c) for c in self.archive.cases.values()]
        for kind, objects in (("meetings", meetings), ("papers", papers)):
            pages = max(1, -(-len(objects) // PAGE_SIZE))
            for page in range(1, pages + 1):
                chunk = objects[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
                out[urls.oparl_list(kind, page)] = self.listing(chunk, kind, page, pages)
            for data in objects:
                out[data["id"].removeprefix(self.url(""))] = data
        return {path: json.dumps(data, ensure_ascii=False, separators=(",", ":")) for path, data in out.items()}


# For an object no meeting concerns yet (a body before its first protocol): a fixed day, stable.
_NO_MEETING = date(2000, 1, 1)


def _moment(day: date) -> str:
    return datetime.combine(day, time(0, 0), tzinfo=STOCKHOLM).isoformat()


def files(context: OutputContext) -> dict[str, str]:
    if not context.site_url:
        return {}  # OParl objects are identified by absolute URLs: none without the site's address
    return OParl(context.archive, context.site_url).files()


OUTPUT = files_output("oparl", files)
