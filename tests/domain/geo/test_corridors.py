"""Corridors along long routes: true widths in metres far from the centre of the route, where a
single UTM zone would stretch them; the time a track spends inside, outside or unknown."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from ftz.core.kit.errors import FtzError
from ftz.domain.geo import Track, corridor, inside, route_corridor, track_in_corridor
from ftz.domain.geo.corridors import utm_pieces
from ftz.domain.geo.crs import GEOD

# Shanghai to Urumqi along the 40th parallel, roughly: 34° of longitude, six UTM zones.
LONG = [[121.0, 40.0], [104.0, 40.0], [87.0, 40.0]]


def offsets(lon: float, lat: float, metres: list[float]) -> tuple[list[float], list[float]]:
    """Points due north of (lon, lat) at the given geodesic distances."""
    lons, lats, _ = GEOD.fwd([lon] * len(metres), [lat] * len(metres), [0] * len(metres), metres)
    return list(lons), list(lats)


def test_a_long_route_is_cut_at_the_utm_zone_boundaries() -> None:
    pieces = utm_pieces(shapely.LineString(LONG))
    assert [zone for zone, _ in pieces] == [45, 46, 47, 48, 49, 50, 51]
    assert sum(p.length for _, p in pieces) == pytest.approx(34.0)


def test_the_width_is_true_at_the_far_end_where_one_zone_would_shrink_it() -> None:
    lons, lats = offsets(88.0, 40.0, [490.0, 510.0])
    zone = route_corridor(LONG, 1000)
    assert inside(zone, lons, lats).tolist() == [True, False]
    # One UTM zone centred near 105°E: 88°E is ≈ 1,450 km off its meridian, the projection's
    # scale there is ≈ 1.026, so a 500 m buffer is only ≈ 487 m on the ground.
    stretched = corridor(shapely.LineString(LONG), 1000)
    assert not shapely.intersects_xy(stretched, lons[0], lats[0])
    assert zone.properties == {"width_m": 1000}


def test_a_short_route_gives_the_same_band_as_the_single_zone_corridor() -> None:
    short = shapely.LineString([(109.0, 18.0), (109.05, 18.02)])
    ours, theirs = route_corridor(short, 200).geometry, corridor(short, 200)
    assert shapely.equals_exact(ours.normalize(), theirs.normalize(), tolerance=1e-9)


@pytest.mark.parametrize(
    ("route", "width", "field"),
    [
        (LONG, 0, "width_m"),
        (LONG, float("nan"), "width_m"),
        ([[121.0, 40.0]], 100, "route"),
        ({"type": "Point", "coordinates": [121, 40]}, 100, "route"),
        ([[121.0, 140.0], [120.0, 40.0]], 100, "route"),
    ],
)
def test_bad_routes_and_widths_are_field_problems(route: object, width: float, field: str) -> None:
    with pytest.raises(FtzError) as caught:
        route_corridor(route, width)
    assert caught.value.errors[0].field == field


def test_time_inside_outside_crossing_and_unknown() -> None:
    zone = route_corridor([[131.0, 44.4], [131.2, 44.4]], 1000)
    lon = np.array([131.05, 131.06, 131.07, 131.08, 131.09])
    lat = np.array([44.4, 44.4, 44.41, 44.41, 44.4])  # the 3rd and 4th fixes ≈ 1.1 km north
    track = Track(lon=lon, lat=lat, t=np.array([0.0, 60, 120, 180, 10_000]))
    check = track_in_corridor(track, zone, max_gap_s=600)
    assert check.inside.tolist() == [True, True, False, False, True]
    assert (check.inside_s, check.mixed_s, check.outside_s, check.unknown_s) == (60, 60, 60, 9820)
    assert check.as_dict()["points_inside"] == 3 and check.share_inside == pytest.approx(0.6)
