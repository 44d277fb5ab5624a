"""The track check without a database: which corridor a track stays in, and each violation
(off route, speeding, outside the hours, stopped outside a designated stop) with its times,
detail and points from the rule table; gaps are never scored."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from ftz.domain.geo import read_track_csv
from ftz.practices.dangerous_goods_permit.common import demo_routes
from ftz.practices.dangerous_goods_permit.compliance import Terms, check, local_minutes
from ftz.practices.dangerous_goods_permit.simulate import Drive, as_csv, drive

BEIJING = timezone(timedelta(hours=8))
ROUTES = demo_routes()
TERMS = Terms(
    ROUTES["A"],
    ROUTES["B"],
    100,
    40,
    "08:00",
    "18:00",
    10,
    [ROUTES["A"][0], ROUTES["A"][-1], ROUTES["B"][-1]],
)


def run(station: str, hour: int, plan: Drive, chosen: str | None = None) -> dict:  # type: ignore[type-arg]
    start = datetime(2026, 11, 20, hour, 0, tzinfo=BEIJING)
    return check(read_track_csv(as_csv(drive(ROUTES[station], start, plan))), TERMS, chosen)


def kinds(verdict: dict) -> list[str]:  # type: ignore[type-arg]
    return [v["type"] for v in verdict["violations"]]


def test_a_clean_drive_on_either_route_is_compliant() -> None:
    for station in ("A", "B"):
        verdict = run(station, 9, Drive(kmh=35))
        assert (verdict["compliant"], verdict["route"], verdict["points"]) == (True, station, 0)
        assert verdict["violations"] == [] and verdict["summary"]["points"] > 60


def test_leaving_the_road_is_off_route_with_times_and_distance() -> None:
    verdict = run("B", 9, Drive(kmh=25, detour=(0.55, 0.8, 600)), chosen="B")
    assert verdict["route"] is None and kinds(verdict) == ["off_route"]
    [off] = verdict["violations"]
    assert off["points"] == 6 and off["rule"] == "VP-OFF-ROUTE"
    assert off["from"] < off["to"] and "beyond it" in off["detail"]


def test_driving_to_the_other_station_than_chosen_is_off_route() -> None:
    verdict = run("A", 9, Drive(kmh=35), chosen="B")
    assert verdict["route"] == "A" and verdict["judged_against"] == "B"
    assert kinds(verdict) == ["off_route"]


def test_speeding_points_follow_the_excess() -> None:
    minor = run("A", 9, Drive(kmh=35, fast=(0.3, 0.5, 46)))
    assert kinds(minor) == ["speeding"] and minor["violations"][0]["points"] == 3
    serious = run("A", 9, Drive(kmh=35, fast=(0.3, 0.5, 64)))
    assert serious["violations"][0]["points"] == 12
    assert serious["violations"][0]["rule"] == "VP-SPEED-50"


def test_outside_the_permitted_hours() -> None:
    late = run("A", 18, Drive(kmh=35))
    assert kinds(late) == ["time_window"] and late["points"] == 6
    edge = run("A", 17, Drive(kmh=35))  # 17:00 to about 17:11, inside 08:00-18:00
    assert edge["compliant"]


def test_a_stop_on_the_road_is_illegal_but_at_a_station_it_is_not() -> None:
    stopped = run("B", 9, Drive(kmh=35, stop=(0.5, 15)))
    assert kinds(stopped) == ["illegal_stop"] and stopped["points"] == 6
    long_stop = run("B", 9, Drive(kmh=35, stop=(0.5, 31)))
    assert long_stop["violations"][0]["points"] == 9
    at_station = run("B", 9, Drive(kmh=35, stop=(1.0, 40)))
    assert at_station["compliant"]


def test_a_gap_is_not_speeding_nor_a_stop() -> None:
    start = datetime(2026, 11, 20, 9, 0, tzinfo=BEIJING).timestamp()
    fixes = drive(ROUTES["A"], datetime.fromtimestamp(start, BEIJING), Drive(kmh=35))
    # Drop 20 minutes of fixes in the middle: the vehicle went silent, the check says nothing.
    kept = [f for f in fixes if not start + 200 < f[2] < start + 500]
    shifted = [(x, y, t + 1200 if t >= start + 500 else t) for x, y, t in kept]
    verdict = check(read_track_csv(as_csv(shifted)), TERMS)
    assert verdict["compliant"] and verdict["summary"]["gaps"] == 1


def test_an_overnight_window_wraps_midnight() -> None:
    night = Terms(**{**TERMS.__dict__, "window_start": "22:00", "window_end": "06:00"})
    start = datetime(2026, 11, 20, 23, 0, tzinfo=BEIJING)
    track = read_track_csv(as_csv(drive(ROUTES["A"], start, Drive(kmh=35))))
    assert check(track, night)["compliant"]
    assert local_minutes(track.t)[0] == 23 * 60
