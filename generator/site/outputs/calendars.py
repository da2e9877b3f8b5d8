"""iCalendar files of meetings, held and planned: one per body and one for all bodies.

Each event carries the URL of its meeting page (or, for a planned meeting without a protocol,
of its body's page), so that a calendar entry links back to the archive.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from icalendar import Calendar, Event

from generator.index import Archive
from generator.site import labels, urls
from generator.site.outputs.base import STOCKHOLM, OutputContext, files_output


def ical(archive: Archive, body: str | None, site_url: str, stamp: date) -> str:
    org = archive.organisation
    bodies = [archive.body(body)] if body else list(org.bodies)
    calendar = Calendar()
    calendar.add("prodid", "-//Protokollarkiv//SV")
    calendar.add("version", "2.0")
    name = bodies[0].name if body else org.name
    calendar.add("x-wr-calname", labels.CALENDAR_NAME.format(name=name))
    calendar.add("x-wr-timezone", "Europe/Stockholm")
    stamped = datetime.combine(stamp, datetime.min.time(), tzinfo=STOCKHOLM)
    for b in bodies:
        held = {m.date: m for m in archive.by_body[b.slug]}
        for day in sorted(set(held) | set(b.schedule)):
            meeting = held.get(day)
            event = Event()
            event.add("uid", f"{b.slug}-{day.isoformat()}@{org.dnr_prefix.lower()}.protokollarkiv")
            event.add("dtstamp", stamped)
            if meeting and meeting.start:
                event.add("dtstart", datetime.combine(day, meeting.start, tzinfo=STOCKHOLM))
                end = meeting.end or meeting.start
                event.add("dtend", datetime.combine(day, end, tzinfo=STOCKHOLM))
            else:
                event.add("dtstart", day)
                event.add("dtend", day + timedelta(days=1))
            if meeting:
                url = urls.absolute(site_url, urls.meeting_url(meeting))
                event.add("summary", labels.CALENDAR_EVENT.format(body=b.name))
                event.add("description", labels.CALENDAR_PROTOCOL.format(url=url))
                if meeting.place:
                    event.add("location", meeting.place)
            else:
                url = urls.absolute(site_url, urls.body_url(b.slug))
                event.add("summary", labels.CALENDAR_PLANNED.format(body=b.name))
                event.add("description", labels.CALENDAR_BODY_PAGE.format(url=url))
            event.add("url", url)
            calendar.add_component(event)
    calendar.add_missing_timezones()
    return str(calendar.to_ical().decode("utf-8"))


def files(context: OutputContext) -> dict[str, str]:
    bodies = (None, *(b.slug for b in context.archive.organisation.bodies))
    return {urls.calendar_path(body): ical(context.archive, body, context.site_url, context.today) for body in bodies}


OUTPUT = files_output("calendars", files)
