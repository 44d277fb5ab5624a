"""Tracks: CSV and GeoJSON with timestamps, sorting and repeats, speeds in knots, gaps."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from ftz.core.kit.errors import FtzError
from ftz.domain.geo import read_track_csv, read_track_geojson, timed_route
from ftz.domain.geo.crs import GEOD

CST = timezone(timedelta(hours=8))
T0 = datetime(2024, 7, 1, 12, 0, tzinfo=UTC).timestamp()


def test_csv_with_aliases_bom_naive_local_times_and_unsorted_rows() -> None:
    text = (
        "\ufefftimestamp,Latitude,Longitude\n2024-07-01T20:10:00,18.1,109.1\n"
        "2024-07-01T20:00:00,18.0,109.0\n\n2024-07-01T12:20:00Z,18.2,109.2\n"
    )
    track = read_track_csv(text, default_tz=CST)
    assert list(track.t) == [T0, T0 + 600, T0 + 1200]
    assert list(track.lon) == [109.0, 109.1, 109.2] and list(track.lat) == [18.0, 18.1, 18.2]


@pytest.mark.parametrize(
    ("text", "where", "reason"),
    [
        ("time,lon\n", "track", "no latitude column"),
        ("time,lon,lat\n2024-07-01T00:00:00Z,109,18\n", "track", "at least two"),
        (
            "time,lon,lat\n2024-07-01T00:00:00Z,109,18\nyesterday,109,18\n",
            "track line 3",
            "not an ISO 8601 time",
        ),
        ("time,lon,lat\n2024-07-01T00:00:00Z,109,98\n", "track line 2", "latitude 98.0"),
        ("time,lon,lat\n2024-07-01T00:00:00Z,109\n", "track line 2", "expected 3 columns"),
        ("time,lon,lat\n0,109,18\n0,109.1,18\n", "track", "two different positions"),
        ("", "track", "empty"),
    ],
)
def test_bad_csv_names_the_line_and_the_reason(text: str, where: str, reason: str) -> None:
    with pytest.raises(FtzError) as caught:
        read_track_csv(text)
    problem = caught.value.errors[0]
    assert problem.field == where and reason in problem.reason


def test_exact_repeats_are_dropped() -> None:
    track = read_track_csv("t,lon,lat\n0,109,18\n0,109,18\n60,109.001,18\n")
    assert len(track) == 2


def test_speed_and_summary_one_nautical_mile_in_an_hour_is_one_knot() -> None:
    east, north, _ = GEOD.fwd(109.0, 18.0, 90, 1852)
    track = read_track_csv(f"t,lon,lat\n{T0},109.0,18.0\n{T0 + 3600},{east},{north}\n")
    assert track.legs_m[0] == pytest.approx(1852, abs=1e-6)
    summary = track.summary(max_gap_s=600)
    assert summary["max_speed_kn"] == 1.0 and summary["mean_speed_kn"] == 1.0
    assert summary["distance_m"] == 1852.0 and summary["duration_s"] == 3600.0
    assert summary["gaps"] == 1 and summary["max_gap_s"] == 3600.0
    assert summary["start"] == "2024-07-01T12:00:00Z"


def test_gaps_are_the_legs_longer_than_the_threshold() -> None:
    track = read_track_csv("t,lon,lat\n0,109,18\n60,109.001,18\n1000,109.002,18\n1060,109.003,18\n")
    [gap] = track.gaps(max_gap_s=300)
    assert (gap.start_index, gap.start, gap.end, gap.seconds) == (1, 60.0, 1000.0, 940.0)
    assert track.gaps(max_gap_s=940) == []


def test_geojson_linestring_with_times_and_point_collection() -> None:
    line = {
        "type": "Feature",
        "properties": {"times": ["2024-07-01T12:00:00Z", T0 + 60]},
        "geometry": {"type": "LineString", "coordinates": [[109, 18], [109.01, 18]]},
    }
    track = read_track_geojson(line)
    assert list(track.t) == [T0, T0 + 60]
    assert read_track_geojson(track.feature()).t.tolist() == track.t.tolist()
    points = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"time": "2024-07-01T20:01:00"},
                "geometry": {"type": "Point", "coordinates": [109.01, 18]},
            },
            {
                "type": "Feature",
                "properties": {"timestamp": "2024-07-01T20:00:00"},
                "geometry": {"type": "Point", "coordinates": [109, 18]},
            },
        ],
    }
    assert read_track_geojson(points, default_tz=CST).t.tolist() == [T0, T0 + 60]
    bad = {**line, "properties": {"times": [T0]}}
    with pytest.raises(FtzError, match="one time per position"):
        read_track_geojson(bad)


def test_a_route_gets_times_in_proportion_to_distance() -> None:
    mid, _, _ = GEOD.fwd(109.0, 18.0, 90, 1000)
    end, _, _ = GEOD.fwd(109.0, 18.0, 90, 4000)
    track = timed_route([[109.0, 18.0], [mid, 18.0], [mid, 18.0], [end, 18.0]], 0.0, 400.0)
    assert track.t.tolist() == pytest.approx([0.0, 100.0, 400.0], abs=0.05)
    with pytest.raises(FtzError, match="after the start"):
        timed_route([[109.0, 18.0], [mid, 18.0]], 10.0, 10.0)
