"""China's working days from data/cn_calendar.yaml, for SLAs a scheme counts in working days.
A year missing from the file counts Monday–Friday only; callers report that the calendar was
incomplete instead of pretending to know the holidays."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from pathlib import Path

import yaml

CALENDAR = Path(__file__).parent / "data" / "cn_calendar.yaml"


def _days(spec: str) -> list[date]:
    first, _, last = spec.partition("..")
    start = date.fromisoformat(first)
    end = date.fromisoformat(last) if last else start
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


@cache
def _calendar() -> tuple[frozenset[int], frozenset[date], frozenset[date]]:
    raw = yaml.safe_load(CALENDAR.read_text("utf-8"))
    years = frozenset(int(y) for y in raw)
    holidays = frozenset(d for y in raw.values() for s in y["holidays"] for d in _days(s))
    workdays = frozenset(d for y in raw.values() for s in y["workdays"] for d in _days(s))
    return years, holidays, workdays


def known_year(year: int) -> bool:
    return year in _calendar()[0]


def is_working_day(day: date) -> bool:
    _, holidays, workdays = _calendar()
    if day in workdays:
        return True
    return day.weekday() < 5 and day not in holidays


def add_working_days(start: date, days: int) -> date:
    """The day on which the `days`-th working day after `start` ends (start itself not counted)."""
    day, left = start, days
    while left > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            left -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end` (negative when end is earlier)."""
    if end < start:
        return -working_days_between(end, start)
    return sum(1 for n in range(1, (end - start).days + 1) if is_working_day(start + timedelta(n)))


def calendar_complete(start: date, end: date) -> bool:
    return all(known_year(y) for y in range(start.year, end.year + 1))
