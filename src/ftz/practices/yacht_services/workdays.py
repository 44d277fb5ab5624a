"""Working days in mainland China: Monday to Friday, minus public holidays, plus the weekend
days declared working days (调休) — both read from data/holidays.yaml, so a new year's notice is
a data change. For a year not on file yet only weekends are known: `calendar_known` says so, and
the pages show it next to any count that relied on it."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

import yaml

from ftz.practices.yacht_services.common import DATA


@cache
def _calendar() -> tuple[frozenset[date], frozenset[date], frozenset[int]]:
    loaded = yaml.safe_load((DATA / "holidays.yaml").read_text("utf-8"))
    off = frozenset(d for year in loaded.values() for d in year["holidays"])
    work = frozenset(d for year in loaded.values() for d in year["workdays"])
    return off, work, frozenset(int(y) for y in loaded)


def calendar_known(start: date, end: date) -> bool:
    """Whether every year from `start` to `end` has its holidays on file."""
    return all(year in _calendar()[2] for year in range(start.year, end.year + 1))


def is_working_day(day: date) -> bool:
    off, work, _ = _calendar()
    if day in work:
        return True
    return day.weekday() < 5 and day not in off


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end` (0 when end <= start)."""
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += is_working_day(day)
    return count


def add_working_days(start: date, days: int) -> date:
    """The date `days` working days after `start`."""
    day, left = start, days
    while left > 0:
        day += timedelta(days=1)
        left -= is_working_day(day)
    return day


def working_days_before(end: date, days: int) -> date:
    """The latest date with exactly `days` working days after it up to `end`: a case accepted
    on or before it has run more than `days - 1` working days by `end`."""
    day, count = end, 0
    while count < days:
        count += is_working_day(day)
        day -= timedelta(days=1)
    return day
