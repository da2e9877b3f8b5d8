"""A meeting page's schema.org Event as search engines read it: extruct (the structured-data
extractor of Scrapy's makers) over a built page of the synthetic archive, built with an address."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import extruct

from tests.conftest import SYNTH_URL


def events(page: Path, url: str) -> list[dict[str, object]]:
    data = extruct.extract(page.read_text(encoding="utf-8"), base_url=url, syntaxes=["json-ld"], uniform=True)
    return [item for item in data["json-ld"] if item.get("@type") == "Event"]


def test_a_meeting_page_has_an_event_search_engines_accept(synth_small: tuple[Path, Path]) -> None:
    site = synth_small[1]
    meeting = next(p for p in sorted(site.glob("*/[12][0-9][0-9][0-9]-*/index.html")))
    url = SYNTH_URL + meeting.parent.relative_to(site).as_posix() + "/"
    [event] = events(meeting, url)
    # What Google's Event results require (name, startDate with its offset, location with an
    # address) and what they flag when missing (organizer with url, status, attendance mode, end).
    start = datetime.fromisoformat(str(event["startDate"]))
    assert event["name"] and start.utcoffset() is not None and start.hour > 0
    assert datetime.fromisoformat(str(event["endDate"])) > start
    location = event["location"]
    assert isinstance(location, dict) and location["@type"] == "Place" and location["address"]
    assert event["organizer"] == {"@type": "Organization", "name": "Kommunalförbundet Sagoskogen", "url": SYNTH_URL}
    assert event["url"] == url
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
