"""Atom feeds of new protocols: one for the whole archive and one per body."""

from __future__ import annotations

from datetime import datetime, time

from feedgen.feed import FeedGenerator

from generator.index import Archive
from generator.model import Meeting
from generator.site import labels, urls
from generator.site.outputs.base import STOCKHOLM, OutputContext, files_output

ENTRIES = 50  # the newest protocols; older ones are in the archive


def _published(meeting: Meeting) -> datetime:
    day = meeting.posting.posted if meeting.posting else meeting.date
    return datetime.combine(day, time(8, 0), tzinfo=STOCKHOLM)


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
    feed.language(labels.SITE_LANGUAGE)
    feed.updated(_published(meetings[0]) if meetings else datetime(2000, 1, 1, tzinfo=STOCKHOLM))
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
        entry.published(_published(meeting))
        entry.updated(_published(meeting))
        entry.summary("; ".join(f"§ {item.number} {item.title}" for item in meeting.items))
    return str(feed.atom_str(pretty=True).decode("utf-8"))


def files(context: OutputContext) -> dict[str, str]:
    bodies = (None, *(b.slug for b in context.archive.organisation.bodies))
    return {urls.feed_path(body): atom(context.archive, body, context.site_url) for body in bodies}


OUTPUT = files_output("feeds", files)
