"""Weekly timetables: local times to UTC, the next departure, the average wait."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ftz.domain.network.timetable import Weekly


def at(text: str) -> float:
    return datetime.fromisoformat(text).replace(tzinfo=UTC).timestamp()


def test_local_time_becomes_utc_and_wraps_the_week() -> None:
    # Monday 07:00 in UTC+08:00 is Sunday 23:00 UTC
    weekly = Weekly.parse({"days": ["mon"], "times": ["07:00"], "utc_offset": "+08:00"}, "t")
    assert weekly.offsets == (6 * 86400 + 23 * 3600,)
    assert weekly.labels(8 * 3600) == ["mon 07:00"]
    assert weekly.next_departure(at("2025-03-03T00:00:00")) == at("2025-03-09T23:00:00")
    assert weekly.next_departure(at("2025-03-09T23:00:00")) == at("2025-03-09T23:00:00")


def test_expected_wait_is_half_the_headway_when_even() -> None:
    daily = Weekly.parse({"days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
                          "times": ["08:00"]}, "t")  # fmt: skip
    assert daily.per_week == 7 and daily.expected_wait_h == pytest.approx(12.0)
    weekly = Weekly.parse({"days": ["fri"], "times": ["08:00", "20:00"]}, "t")
    # gaps 12 h and 156 h: (12² + 156²) / (2 × 168) hours
    assert weekly.expected_wait_h == pytest.approx((12**2 + 156**2) / 336)


def test_a_later_stop_departs_later() -> None:
    weekly = Weekly.parse({"days": ["sun"], "times": ["22:00"]}, "t").shifted(5 * 3600)
    assert weekly.labels() == ["mon 03:00"]


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ({"days": ["mon"], "times": ["25:00"]}, "not HH:MM"),
        ({"days": ["monday"], "times": ["08:00"]}, "unknown day"),
        ({"days": [], "times": ["08:00"]}, "at least one"),
        ({"days": ["mon"], "times": ["08:00"], "utc_offset": "8"}, r"look like \+08:00"),
    ],
)
def test_bad_timetables_say_why(value: dict[str, object], reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        Weekly.parse(value, "t")
