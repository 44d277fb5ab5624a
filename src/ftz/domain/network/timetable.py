"""Weekly timetables: departures on given weekdays at given local times, kept as seconds after
Monday 00:00 UTC. The next departure after any moment, and the average wait for cargo that
arrives at a random moment (the "expected wait" used when a plan has no departure time)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

DAY = 86_400
WEEK = 7 * DAY
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MONDAY_OFFSET = 4 * DAY  # 1970-01-01 was a Thursday: epoch + 4 days is a Monday 00:00 UTC
OFFSET_RE = re.compile(r"^([+-])(\d{2}):(\d{2})$")
TIME_RE = re.compile(r"^(\d{1,2}):(\d{2})$")


@dataclass(frozen=True)
class Weekly:
    offsets: tuple[float, ...]  # seconds after Monday 00:00 UTC, sorted, each in [0, WEEK)

    @classmethod
    def parse(cls, value: Any, where: str) -> Weekly:
        """From {"days": [mon, …], "times": ["08:00", …], "utc_offset": "+08:00"}."""
        if not isinstance(value, dict):
            raise ValueError(f"{where}: departs must be a mapping")
        days, times = value.get("days") or [], value.get("times") or []
        try:
            shift = parse_utc_offset(str(value.get("utc_offset", "+00:00")))
        except ValueError as exc:
            raise ValueError(f"{where}: {exc}") from exc
        found: set[float] = set()
        for day in days:
            if day not in DAYS:
                raise ValueError(f"{where}: unknown day {day!r} (use {', '.join(DAYS)})")
            for text in times:
                clock = TIME_RE.match(str(text))
                if not clock or int(clock.group(1)) > 23 or int(clock.group(2)) > 59:
                    raise ValueError(f"{where}: time {text!r} is not HH:MM")
                local = (
                    DAYS.index(day) * DAY + int(clock.group(1)) * 3600 + int(clock.group(2)) * 60
                )
                found.add(float((local - shift) % WEEK))
        if not found:
            raise ValueError(f"{where}: a timetable needs at least one day and one time")
        return cls(tuple(sorted(found)))

    @property
    def per_week(self) -> int:
        return len(self.offsets)

    def shifted(self, seconds: float) -> Weekly:
        """The same departures `seconds` later (a later stop of the same service)."""
        return Weekly(tuple(sorted((o + seconds) % WEEK for o in self.offsets)))

    def next_departure(self, moment: float) -> float:
        """Epoch seconds of the first departure at or after `moment` (epoch seconds)."""
        since_monday = (moment - MONDAY_OFFSET) % WEEK
        week_start = moment - since_monday
        i = bisect.bisect_left(self.offsets, since_monday - 1e-6)
        if i < len(self.offsets):
            return week_start + self.offsets[i]
        return week_start + WEEK + self.offsets[0]

    @property
    def expected_wait_h(self) -> float:
        """Mean wait for a random arrival: Σ headway² / (2 × week)."""
        gaps = [b - a for a, b in zip(self.offsets, self.offsets[1:], strict=False)]
        gaps.append(WEEK - self.offsets[-1] + self.offsets[0])
        return sum(g * g for g in gaps) / (2 * WEEK) / 3600

    def labels(self, utc_offset_s: int = 0) -> list[str]:
        """Departures as "mon 08:00" in the given offset, for people."""
        out = []
        for offset in self.offsets:
            local = (offset + utc_offset_s) % WEEK
            day, rest = divmod(int(local), DAY)
            out.append(f"{DAYS[day]} {rest // 3600:02d}:{rest % 3600 // 60:02d}")
        return out


def parse_utc_offset(text: str) -> int:
    match = OFFSET_RE.match(text)
    if not match:
        raise ValueError(f"utc_offset {text!r} must look like +08:00")
    sign = 1 if match.group(1) == "+" else -1
    return sign * (int(match.group(2)) * 3600 + int(match.group(3)) * 60)
