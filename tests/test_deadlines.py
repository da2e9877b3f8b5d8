from __future__ import annotations

from datetime import date

import pytest

from generator.model.deadlines import appeal_deadline, is_non_working_day


@pytest.mark.parametrize(
    ("posted", "deadline"),
    [
        (date(2023, 11, 6), date(2023, 11, 27)),  # the seed: an ordinary Monday
        (date(2023, 10, 22), date(2023, 11, 13)),  # three weeks end on Sunday 12 Nov
        (date(2023, 10, 21), date(2023, 11, 13)),  # ... on Saturday 11 Nov
        (date(2023, 6, 2), date(2023, 6, 26)),  # ... on midsommarafton 23 June 2023
        (date(2024, 5, 31), date(2024, 6, 24)),  # ... on midsommarafton 21 June 2024
        (date(2022, 12, 3), date(2022, 12, 27)),  # ... on julafton (a Saturday), then juldagen, annandagen
        (date(2024, 12, 3), date(2024, 12, 27)),  # ... on julafton (a Tuesday)
        (date(2024, 12, 10), date(2025, 1, 2)),  # ... on nyårsafton, then nyårsdagen
        (date(2024, 3, 8), date(2024, 4, 2)),  # ... on långfredagen 29 March, then Easter
        (date(2024, 5, 16), date(2024, 6, 7)),  # ... on nationaldagen 6 June 2024 (a Thursday)
    ],
)
def test_appeal_deadline(posted: date, deadline: date) -> None:
    assert appeal_deadline(posted) == deadline


def test_eves_are_non_working_days() -> None:
    assert is_non_working_day(date(2025, 6, 20))  # midsommarafton 2025
    assert is_non_working_day(date(2025, 12, 24))
    assert is_non_working_day(date(2025, 12, 31))
    assert not is_non_working_day(date(2025, 12, 23))
