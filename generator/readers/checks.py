"""Checks on a whole meeting once it is read, in either format: the protocol must agree with itself.

Errors stop the build; warnings are shown and the build goes on.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from generator import messages
from generator.model import Meeting
from generator.problems import Problems


def _same_title(a: str, b: str) -> bool:
    # The ärendelista and the paragraph may differ in dashes and spacing only.
    def norm(text: str) -> str:
        return re.sub(r"\s+", " ", re.sub(r"[-–—]", "-", text)).strip().casefold()

    return norm(a) == norm(b)


FIRST_YEAR = 1900  # no Swedish kommunalförbund or nämnd protocol in an archive is older
POSTING_WINDOW = timedelta(days=366)  # a notice goes up within days of the meeting


def plausible_years() -> tuple[int, int]:
    """Years a protocol can be from: none from the far past, none from after next year."""
    return FIRST_YEAR, date.today().year + 1


def check_meeting(meeting: Meeting, problems: Problems) -> None:
    file = meeting.source
    low, high = plausible_years()
    if not low <= meeting.date.year <= high:
        problems.error(
            file, 1, messages.DATE_IMPLAUSIBLE.format(field="sammanträdet", value=meeting.date, low=low, high=high)
        )
        return  # nothing else about it can be computed (deadlines would leave the calendar)
    if meeting.start and meeting.end and meeting.end < meeting.start:
        problems.error(
            file, meeting.time_line or 1, messages.START_AFTER_END.format(start=meeting.start, end=meeting.end)
        )
    if meeting.original and meeting.withholds and not meeting.original_redacted:
        # The signed PDF holds the withheld text: only a redacted copy may be published.
        problems.error(file, meeting.original_line or 1, messages.ORIGINAL_WITHHELD.format(value=meeting.original))
    numbers: set[int] = set()
    for item in meeting.items:
        if item.number in numbers:
            problems.error(file, item.line or 1, messages.DUPLICATE_ITEM.format(number=item.number))
        numbers.add(item.number)
    if not numbers:
        return
    first, last = min(numbers), max(numbers)

    signed = meeting.adjustment.signed if meeting.adjustment else None
    if signed is not None:
        for item in meeting.items:
            if item.number not in signed:
                problems.error(
                    file, item.line or 1, messages.ITEM_OUTSIDE_SIGNED.format(number=item.number, signed=signed)
                )

    # The paragraphs win over the ärendelista: a disagreement is worth a warning, not a refusal.
    if meeting.agenda:
        listed = {entry.number: entry for entry in meeting.agenda}
        for item in meeting.items:
            entry = listed.get(item.number)
            if entry is None:
                problems.warning(file, item.line or 1, messages.AGENDA_MISSING.format(number=item.number))
            elif set(entry.dnr) != set(item.dnr):
                problems.warning(file, item.line or 1, messages.AGENDA_DNR.format(number=item.number))
            elif not _same_title(entry.title, item.title):
                problems.warning(file, item.line or 1, messages.AGENDA_TITLE.format(number=item.number))
        for number in sorted(set(listed) - numbers):
            problems.warning(file, 1, messages.AGENDA_EXTRA.format(number=number))

    for attendee in meeting.attendees:
        span = attendee.paragraphs
        if span is not None and (span.first < first or span.last > last or span.first > span.last):
            problems.error(
                file,
                attendee.line or 1,
                messages.ATTENDANCE_RANGE.format(name=attendee.name, span=span, first=first, last=last),
            )

    posting = meeting.posting
    if posting is not None:
        line = posting.line or 1
        late = [
            (field, day)
            for field, day in (("anslaget", posting.posted), ("nedtagningen", posting.taken_down))
            if day is not None and day > meeting.date + POSTING_WINDOW
        ]
        for field, day in late:
            problems.error(file, line, messages.POSTING_IMPLAUSIBLE.format(field=field, value=day))
        if late:
            return
        if posting.posted < meeting.date:
            problems.error(file, line, messages.POSTED_BEFORE_MEETING.format(posted=posting.posted, date=meeting.date))
        if posting.taken_down is not None and posting.taken_down < posting.appeal_deadline:
            problems.error(
                file,
                line,
                messages.TAKEN_DOWN_EARLY.format(taken_down=posting.taken_down, deadline=posting.appeal_deadline),
            )
        if posting.printed_deadline and posting.printed_deadline != posting.appeal_deadline:
            problems.warning(
                file,
                line,
                messages.DEADLINE_DIFFERS.format(printed=posting.printed_deadline, computed=posting.appeal_deadline),
            )
