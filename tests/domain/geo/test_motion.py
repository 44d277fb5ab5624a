"""Speeding stretches, stops and gaps, on tracks built leg by leg with exact geodesic lengths."""

from __future__ import annotations

import numpy as np
import pytest

from ftz.domain.geo import Track, speeding, split_at_gaps, stops
from ftz.domain.geo.crs import GEOD


def drive(legs: list[tuple[float, float]]) -> Track:
    """A track heading east from (131.0, 44.4): each leg is (metres, seconds)."""
    lon, lat, t = [131.0], [44.4], [0.0]
    for metres, seconds in legs:
        x, y, _ = GEOD.fwd(lon[-1], lat[-1], 90, metres)
        lon.append(float(x))
        lat.append(float(y))
        t.append(t[-1] + seconds)
    return Track(lon=np.array(lon), lat=np.array(lat), t=np.array(t))


def test_speeding_stretches_with_their_top_speed() -> None:
    # 60 km/h, 90, 100 km/h, 50, then 95 km/h over a 20-minute gap (not evidence)
    track = drive([(1000, 60), (1500, 60), (2000, 72), (500, 36), (31_666, 1200)])
    [stretch] = speeding(track, limit_kmh=80, max_gap_s=600)
    assert (stretch.first_fix, stretch.last_fix) == (1, 3)
    assert stretch.value == pytest.approx(100.0)
    assert stretch.seconds == 132 and stretch.as_dict()["value_kmh"] == 100.0
    assert len(speeding(track, limit_kmh=80)) == 2  # without a gap limit the gap leg counts


def test_stops_last_long_enough_and_gaps_are_not_stops() -> None:
    track = drive([(1000, 60), (5, 300), (5, 400), (1000, 60), (0, 2000), (1000, 60)])
    [stop] = stops(track, min_s=600, max_speed_kmh=2.0, max_gap_s=1800)
    assert (stop.first_fix, stop.last_fix, stop.seconds) == (1, 3, 700)
    assert stop.value == pytest.approx(10 / 700 * 3.6)
    assert len(stops(track, min_s=600, max_speed_kmh=2.0)) == 2  # the silent 2000 s counts


def test_split_at_gaps() -> None:
    track = drive([(100, 10), (100, 10), (100, 5000), (100, 10), (100, 9000)])
    pieces = split_at_gaps(track, max_gap_s=600)
    assert [len(p) for p in pieces] == [3, 2]
    assert pieces[1].t[0] == 5020
