"""Appeal deadline for laglighetsprövning (kommunallagen 13 kap. 5 §).

The appeal must reach the authority within three weeks from the day the notice of the justered
protocol was posted. Lag (1930:173) om beräkning av lagstadgad tid moves a deadline that falls on
a Saturday, Sunday, public holiday, midsommarafton, julafton or nyårsafton to the next weekday.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays

APPEAL_PERIOD = timedelta(weeks=3)


@lru_cache(maxsize=64)
def _public_holidays(year: int) -> frozenset[date]:
    # `holidays` keeps the Swedish public holidays (moving ones such as Easter included) up to date.
    return frozenset(holidays.country_holidays("SE", years=year).keys())


def _midsommarafton(year: int) -> date:
    # Midsommardagen is the Saturday in 20-26 June, so the eve is the Friday in 19-25 June.
    day = date(year, 6, 19)
    return day + timedelta(days=(4 - day.weekday()) % 7)


def is_non_working_day(day: date) -> bool:
    """True for the days on which lag (1930:173) does not let a deadline end."""
    if day.weekday() >= 5:
        return True
    if day in _public_holidays(day.year):
        return True
    return day in (_midsommarafton(day.year), date(day.year, 12, 24), date(day.year, 12, 31))


def appeal_deadline(posted: date) -> date:
    """Last day to appeal a decision whose protocol notice was posted on ``posted``."""
    deadline = posted + APPEAL_PERIOD
    while is_non_working_day(deadline):
        deadline += timedelta(days=1)
    return deadline
