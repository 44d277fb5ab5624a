"""Working days with the 2024-2026 holidays and make-up working days (调休)."""

from __future__ import annotations

from datetime import date

import pytest

from ftz.practices.yacht_services.workdays import (
    add_working_days,
    calendar_known,
    is_working_day,
    working_days_before,
    working_days_between,
)


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2024, 9, 29), True),  # Sunday made a working day for the National Day week
        (date(2024, 10, 1), False),
        (date(2024, 10, 12), True),  # Saturday, working
        (date(2025, 1, 26), True),
        (date(2025, 1, 28), False),  # Spring Festival eve 2025
        (date(2026, 2, 14), True),
        (date(2026, 2, 23), False),
        (date(2026, 3, 2), True),
        (date(2026, 3, 7), False),  # an ordinary Saturday
    ],
)
def test_holidays_and_make_up_days(day: date, working: bool) -> None:
    assert is_working_day(day) is working


def test_seven_working_days_across_the_national_day_week() -> None:
    # Accepted Friday 27 September 2024: Sun 29 Sep and Mon 30 Sep, then 8, 9, 10, 11 October
    # and Saturday 12 October (a working day) make seven.
    assert add_working_days(date(2024, 9, 27), 7) == date(2024, 10, 12)
    assert working_days_between(date(2024, 9, 27), date(2024, 10, 12)) == 7
    assert working_days_between(date(2024, 9, 27), date(2024, 10, 7)) == 2
    assert working_days_between(date(2024, 10, 12), date(2024, 10, 12)) == 0


def test_22_working_days_before_the_reform_span_a_month() -> None:
    # Four full weeks of March 2024 (20) and 1-2 April; Qingming (4-6 April) comes after.
    assert add_working_days(date(2024, 3, 1), 22) == date(2024, 4, 2)
    assert add_working_days(date(2024, 3, 1), 24) == date(2024, 4, 7)  # Sunday 7 April works


def test_the_latest_start_that_is_past_the_limit() -> None:
    last = working_days_before(date(2024, 10, 12), 8)
    assert working_days_between(last, date(2024, 10, 12)) == 8
    assert (
        working_days_between(last + (date(2024, 1, 2) - date(2024, 1, 1)), date(2024, 10, 12)) == 7
    )


def test_years_not_on_file_fall_back_to_weekends_and_say_so() -> None:
    assert calendar_known(date(2024, 1, 1), date(2026, 12, 31))
    assert not calendar_known(date(2026, 12, 30), date(2027, 1, 5))
    assert is_working_day(date(2027, 1, 4)) and not is_working_day(date(2027, 1, 9))
