"""iCalendar files of meetings, held and planned: one per body and one for all bodies.

Each event carries the URL of its meeting page (or, for a planned meeting without a protocol,
of its body's page), so that a calendar entry links back to the archive.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from generator.index import Archive
from generator.site import labels, urls
from generator.site.outputs.base import STOCKHOLM, OutputContext, files_output


def _stockholm() -> Timezone:
    """Europe/Stockholm as one rule-based definition (the EU's summer time since 1996: last Sunday
    of March and of October). Calendar programs that read only the first of many RDATEs (ical.js,
    vobject) put a summer meeting an hour off; a COMMENT here is refused by libical."""
    zone = Timezone()
    zone.add("tzid", "Europe/Stockholm")
    for kind, name, start, before, after, month in (
        (TimezoneDaylight, "CEST", datetime(1996, 3, 31, 2), "+0100", "+0200", 3),
        (TimezoneStandard, "CET", datetime(1996, 10, 27, 3), "+0200", "+0100", 10),
    ):
        part = kind()
        part.add("tzname", name)
        part.add("dtstart", start)
        part.add("tzoffsetfrom", timedelta(hours=int(before[:3])))
        part.add("tzoffsetto", timedelta(hours=int(after[:3])))
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1SU"})
        zone.add_component(part)
    return zone


def ical(archive: Archive, body: str | None, site_url: str, stamp: date) -> str:
    org = archive.organisation
    bodies = [archive.body(body)] if body else list(org.bodies)
    calendar = Calendar()
    calendar.add("prodid", "-//Protokollarkiv//SV")
    calendar.add("version", "2.0")
    name = bodies[0].name if body else org.name
    calendar.add("x-wr-calname", labels.CALENDAR_NAME.format(name=name))
    calendar.add("x-wr-timezone", "Europe/Stockholm")
    # Always there, so a body with no meetings yet still has a component (RFC 5545 wants one).
    calendar.add_component(_stockholm())
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
    return str(calendar.to_ical().decode("utf-8"))


def files(context: OutputContext) -> dict[str, str]:
    bodies = (None, *(b.slug for b in context.archive.organisation.bodies))
    return {urls.calendar_path(body): ical(context.archive, body, context.site_url, context.today) for body in bodies}


OUTPUT = files_output("calendars", files)
