"""Calendar files as calendar programs read them: ical.js (many web calendars) and the Python
``icalendar`` both turn every meeting into the same UTC instant, the one its protocol gives in
Swedish local time, in summer and in winter; every file has a component, as RFC 5545 asks."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar

from generator.problems import Problems
from generator.readers.sources import read_sources
from tests.conftest import PROTOCOLS, TESTMARK, build_site
from tests.validators import ical_js

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def _expected(protocols: Path) -> dict[str, str]:
    """Each timed meeting's start in UTC, computed from its source with Python's own zone data."""
    sources = read_sources(protocols, Problems())
    assert sources is not None
    out = {}
    for meeting in sources.meetings:
        if meeting.start:
            local = datetime.combine(meeting.date, meeting.start, tzinfo=STOCKHOLM)
            out[f"{meeting.body}-{meeting.date.isoformat()}"] = local.astimezone(UTC).isoformat()
    return out


def test_every_calendar_gives_each_meeting_its_utc_time_in_two_parsers(tmp_path: Path) -> None:
    seasons = set()
    for name, protocols in (("seed", PROTOCOLS), ("testmark", TESTMARK)):
        site = build_site(protocols, tmp_path / name, "--site-url", "https://arkiv.example.org/")
        expected = _expected(protocols)
        assert expected
        for file in sorted(site.rglob("kalender.ics")):
            read = ical_js(file)
            assert read["components"] >= 1, file  # RFC 5545: at least one component, events or not
            by_js = {e["uid"].split("@")[0]: e["start"] for e in read["events"]}
            calendar = Calendar.from_ical(file.read_bytes())
            by_py = {
                str(e["uid"]).split("@")[0]: e.decoded("dtstart").astimezone(UTC).isoformat()
                for e in calendar.walk("VEVENT")
                if isinstance(e.decoded("dtstart"), datetime)
            }
            for uid, start in by_py.items():
                assert uid in expected and start == expected[uid], (file, uid, start)
                js = datetime.fromisoformat(by_js[uid].replace("Z", "+00:00")).isoformat()
                assert js == expected[uid], (file, uid, "ical.js", js)
                seasons.add(bool(datetime.fromisoformat(start).astimezone(STOCKHOLM).dst()))
            # libical refuses a COMMENT in a VTIMEZONE; ical.js and vobject read only one RDATE.
            assert not any("COMMENT" in c or "RDATE" in c for z in calendar.walk("VTIMEZONE") for c in z.walk()), file
    # A summer meeting (the seed's, 2023-10-26: summer time until the 29th) and a winter one.
    assert seasons == {True, False}
