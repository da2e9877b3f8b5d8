"""Atom feeds of new protocols: one for the whole archive and one per body."""

from __future__ import annotations

from datetime import date, datetime, time

from feedgen.feed import FeedGenerator

from generator.index import Archive
from generator.site import labels, urls
from generator.site.outputs.base import STOCKHOLM, OutputContext, files_output

ENTRIES = 50  # the newest protocols; older ones are in the archive


def _at(day: date) -> datetime:
    """A day as Atom's date-time: its start in Swedish time (the sources give no hour)."""
    return datetime.combine(day, time(0, 0), tzinfo=STOCKHOLM)


def atom(archive: Archive, body: str | None, site_url: str) -> str:
    """The feed; links are absolute with a ``site_url``, else relative to the feed's folder."""
    org = archive.organisation
    meetings = archive.by_body[body] if body else archive.meetings
    name = archive.body(body).name if body else org.name
    path = urls.feed_path(body)
    folder = path.rsplit("/", 1)[0] + "/" if "/" in path else ""

    def link(url: str) -> str:
        return site_url.rstrip("/") + "/" + url if site_url else urls.relative(folder, url)

    feed = FeedGenerator()
    feed.id(link(path) if site_url else f"tag:protokollarkiv,2024:{org.dnr_prefix.lower()}/{path}")
    feed.title(labels.FEED_TITLE.format(name=name) if body else labels.FEED_ALL.format(organisation=org.name))
    feed.link(href=link(urls.body_url(body) if body else urls.url_of(urls.HOME)), rel="alternate")
    # Where the feed itself lives, as RFC 4287 asks; relative to the feed without a site address.
    feed.link(href=link(path) if site_url else path.rsplit("/", 1)[-1], rel="self", type="application/atom+xml")
    feed.language(labels.SITE_LANGUAGE)
    # The author of every entry: the body whose protocols the feed carries (for all bodies, the organisation).
    feed.author({"name": name})
    feed.updated(_at(max(m.changed_on for m in meetings)) if meetings else _at(date(2000, 1, 1)))
    for meeting in reversed(meetings[:ENTRIES]):
        body_name = archive.body(meeting.body).name
        entry = feed.add_entry()
        entry.id(
            link(urls.meeting_url(meeting))
            if site_url
            else f"tag:protokollarkiv,2024:{org.dnr_prefix.lower()}/{urls.meeting_url(meeting)}"
        )
        entry.title(labels.MEETING_TITLE.format(body=body_name, date=meeting.date.isoformat()))
        entry.link(href=link(urls.meeting_url(meeting)), rel="alternate")
        entry.author({"name": body_name})
        entry.published(_at(meeting.published_on))
        entry.updated(_at(meeting.changed_on))  # a rättelse makes the entry new to readers
        entry.summary("; ".join(f"§ {item.number} {item.title}" for item in meeting.items))
    return str(feed.atom_str(pretty=True).decode("utf-8"))


def files(context: OutputContext) -> dict[str, str]:
    bodies = (None, *(b.slug for b in context.archive.organisation.bodies))
    return {urls.feed_path(body): atom(context.archive, body, context.site_url) for body in bodies}


OUTPUT = files_output("feeds", files)
