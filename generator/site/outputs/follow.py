"""Atom feeds to follow one case or one person: every meeting that handled the case (newest first,
with its decision), every meeting a person attended and how they voted, reserved or were jäviga.

Thousands of small feeds at archive scale, so they are written with the standard library's
ElementTree rather than a feed library: a few hundred microseconds each.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, datetime, time

from generator.index import Archive, Case, Handling, PersonRecord
from generator.model import Meeting
from generator.site import labels, urls
from generator.site.outputs.base import STOCKHOLM, OutputContext, files_output

ATOM = "http://www.w3.org/2005/Atom"
ENTRIES = 50


def _moment(meeting: Meeting) -> str:
    day: date = meeting.posting.posted if meeting.posting else meeting.date
    return datetime.combine(day, time(8, 0), tzinfo=STOCKHOLM).isoformat()


class _Feed:
    def __init__(self, context: OutputContext, path: str, title: str, page: str) -> None:
        self.context = context
        self.folder = path.rsplit("/", 1)[0] + "/"
        self.root = ET.Element("feed", xmlns=ATOM)
        ET.SubElement(self.root, "title").text = title
        ET.SubElement(self.root, "id").text = self.identity(path)
        ET.SubElement(self.root, "link", href=self.link(page), rel="alternate")
        ET.SubElement(self.root, "link", href=self.link(path), rel="self")
        self.updated = ET.SubElement(self.root, "updated")
        self.updated.text = datetime(2000, 1, 1, tzinfo=STOCKHOLM).isoformat()
        ET.SubElement(ET.SubElement(self.root, "author"), "name").text = context.archive.organisation.name

    def link(self, url: str) -> str:
        site_url = self.context.site_url
        return urls.absolute(site_url, url) if site_url else urls.relative(self.folder, url)

    def identity(self, url: str) -> str:
        prefix = self.context.archive.organisation.dnr_prefix.lower()
        return (
            urls.absolute(self.context.site_url, url)
            if self.context.site_url
            else f"tag:protokollarkiv,2024:{prefix}/{url}"
        )

    def entry(self, key: str, title: str, url: str, meeting: Meeting, summary: str) -> None:
        entry = ET.SubElement(self.root, "entry")
        ET.SubElement(entry, "title").text = title
        ET.SubElement(entry, "id").text = self.identity(key)
        ET.SubElement(entry, "link", href=self.link(url), rel="alternate")
        ET.SubElement(entry, "updated").text = _moment(meeting)
        ET.SubElement(entry, "summary").text = summary
        self.updated.text = max(self.updated.text or "", _moment(meeting))

    def text(self) -> str:
        return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(self.root, encoding="unicode") + "\n"


def _handled(archive: Archive, handling: Handling) -> str:
    body = archive.body(handling.meeting.body)
    return labels.HANDLED_AT.format(body=body.name, date=handling.meeting.date.isoformat(), number=handling.item.number)


def case_feed(context: OutputContext, case: Case) -> str:
    archive = context.archive
    feed = _Feed(
        context,
        urls.case_feed_path(case.key),
        labels.CASE_FEED_TITLE.format(dnr=case.dnr, title=case.title),
        urls.case_url(case.dnr),
    )
    for handling in list(reversed(case.handlings))[:ENTRIES]:
        item = handling.item
        decision = labels.WITHHELD if item.withheld else item.decision
        url = urls.item_url(handling.meeting, item.anchor)
        feed.entry(url, f"{_handled(archive, handling)}: {item.title}", url, handling.meeting, decision)
    return feed.text()


def person_feed(context: OutputContext, record: PersonRecord) -> str:
    archive = context.archive
    person = record.person
    feed = _Feed(
        context,
        urls.person_feed_path(person.slug),
        labels.PERSON_FEED_TITLE.format(name=person.name),
        urls.person_url(person.slug),
    )
    # (meeting, what happened, the paragraph or meeting it happened at, its title, summary)
    events: list[tuple[Meeting, str, str, str, str]] = []
    for meeting in record.attended:
        title = labels.MEETING_TITLE.format(body=archive.body(meeting.body).name, date=meeting.date.isoformat())
        events.append((meeting, "narvaro", urls.meeting_url(meeting), title, labels.FEED_ATTENDED))
    acts = [(h, "rost", labels.FEED_VOTED.format(answer=answer)) for h, answer in record.votes]
    acts += [(h, "reservation", labels.FEED_RESERVED) for h in record.reservations]
    acts += [(h, "jav", labels.FEED_DISQUALIFIED) for h in record.disqualified]
    for handling, kind, summary in acts:
        url = urls.item_url(handling.meeting, handling.item.anchor)
        events.append((handling.meeting, kind, url, _handled(archive, handling), summary))
    events.sort(key=lambda event: (event[0].date, event[2], event[1]), reverse=True)
    for meeting, kind, url, title, summary in events[:ENTRIES]:
        feed.entry(f"{url}/{kind}", title, url, meeting, summary)
    return feed.text()


def files(context: OutputContext) -> dict[str, str]:
    out = {urls.case_feed_path(case.key): case_feed(context, case) for case in context.archive.cases.values()}
    for record in context.archive.persons.values():
        out[urls.person_feed_path(record.person.slug)] = person_feed(context, record)
    return out


OUTPUT = files_output("follow-feeds", files)
