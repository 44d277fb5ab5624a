"""Chinese working days: weekends and statutory holidays off, adjusted working days (调休) on.

Neither `holidays` nor `chinesecalendar` is installed, so the dates are data
(data/cn_working_calendar.yaml, copied from the State Council's annual notices). A year missing
from the file raises rather than falling back to weekends, because a deadline computed without
the Spring Festival can be a week off.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import yaml

from ftz.core.kit.errors import FtzError

CALENDAR = Path(__file__).parent / "data" / "cn_working_calendar.yaml"


class CalendarGapError(FtzError):
    """The working-day calendar does not cover the year a computation needs."""


@dataclass(frozen=True)
class Calendar:
    years: frozenset[int]
    holidays: frozenset[date]
    workdays: frozenset[date]


def _dates(spec: str) -> list[date]:
    first, _, last = spec.partition("..")
    start = date.fromisoformat(first)
    end = date.fromisoformat(last) if last else start
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


@cache
def calendar() -> Calendar:
    raw = yaml.safe_load(CALENDAR.read_text(encoding="utf-8"))
    holidays: set[date] = set()
    workdays: set[date] = set()
    for year in raw.values():
        for spec in year["holidays"].values():
            holidays.update(_dates(str(spec)))
        for spec in year["workdays"]:
            workdays.update(_dates(str(spec)))
    return Calendar(frozenset(int(y) for y in raw), frozenset(holidays), frozenset(workdays))


def is_working_day(day: date) -> bool:
    known = calendar()
    if day.year not in known.years:
        raise CalendarGapError(
            detail=f"no official holiday arrangement for {day.year} in {CALENDAR.name}",
            status=503,
            title="Calendar not available",
            type_slug="calendar-gap",
        )
    if day in known.workdays:
        return True
    return day.weekday() < 5 and day not in known.holidays


def working_days_before(day: date, count: int) -> list[date]:
    """The `count` working days strictly before `day`, latest first."""
    found: list[date] = []
    current = day
    while len(found) < count:
        current -= timedelta(days=1)
        if is_working_day(current):
            found.append(current)
    return found
