"""Point-in-zone classification and the exact segments of a track outside a zone."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from ftz.domain.geo import Track, excursions, inside, parse_zone, route_excursions
from ftz.domain.geo.classify import which_zone
from ftz.domain.geo.crs import GEOD

SQUARE = {
    "type": "Polygon",
    "coordinates": [
        [[109.0, 18.0], [109.01, 18.0], [109.01, 18.01], [109.0, 18.01], [109.0, 18.0]]
    ],
}
# A U: two arms (x 0-0.004 and 0.006-0.01) joined along the bottom (y 0-0.004).
U_SHAPE = {
    "type": "Polygon",
    "coordinates": [
        [
            [109.0, 18.0],
            [109.01, 18.0],
            [109.01, 18.01],
            [109.006, 18.01],
            [109.006, 18.004],
            [109.004, 18.004],
            [109.004, 18.01],
            [109.0, 18.01],
            [109.0, 18.0],
        ]
    ],
}


def track(*fixes: tuple[float, float, float]) -> Track:
    lon, lat, t = (np.array(v, float) for v in zip(*fixes, strict=True))
    return Track(lon=lon, lat=lat, t=t)


def test_inside_counts_the_boundary_and_vertices_as_inside() -> None:
    zone = parse_zone(SQUARE)
    lon = [109.005, 109.01, 109.0, 109.0101, 108.99]
    lat = [18.005, 18.005, 18.0, 18.005, 18.0]
    assert inside(zone, lon, lat).tolist() == [True, True, True, False, False]
    assert inside(shapely.from_geojson('{"type":"Point","coordinates":[0,0]}').buffer(1), [0], [0])[
        0
    ]


def test_inside_is_vectorized_over_many_points() -> None:
    zone = parse_zone(SQUARE)
    rng = np.random.default_rng(7)
    lon = rng.uniform(108.99, 109.02, 200_000)
    lat = rng.uniform(17.99, 18.02, 200_000)
    expected = (lon >= 109.0) & (lon <= 109.01) & (lat >= 18.0) & (lat <= 18.01)
    assert np.array_equal(inside(zone, lon, lat), expected)


def test_which_zone_takes_the_first_that_contains() -> None:
    a = parse_zone(SQUARE, code="a")
    b = parse_zone(
        {
            "type": "Polygon",
            "coordinates": [
                [
                    [109.005, 18.0],
                    [109.02, 18.0],
                    [109.02, 18.01],
                    [109.005, 18.01],
                    [109.005, 18.0],
                ]
            ],
        },
        code="b",
    )
    assert which_zone([a, b], [109.001, 109.007, 109.015, 109.03], [18.005] * 4).tolist() == [
        0,
        0,
        1,
        -1,
    ]


def test_out_and_back_leaves_and_returns_at_the_interpolated_boundary_times() -> None:
    zone = parse_zone(SQUARE)
    [trip] = excursions(
        track((109.005, 18.005, 0), (109.015, 18.005, 100), (109.005, 18.005, 200)), zone
    )
    assert (trip.left_at, trip.returned_at) == pytest.approx((50.0, 150.0))
    assert (trip.first_leg, trip.last_leg, trip.uncertain) == (0, 1, False)
    assert np.allclose(trip.coordinates, [[109.01, 18.005], [109.015, 18.005], [109.01, 18.005]])
    _, _, expected = GEOD.inv(109.01, 18.005, 109.015, 18.005)
    assert trip.max_distance_m == pytest.approx(expected, rel=2e-3)
    body = trip.as_dict()
    assert body["from"] == "1970-01-01T00:00:50Z" and body["duration_s"] == 100.0


def test_a_leg_between_two_inside_fixes_that_cuts_the_notch_is_an_excursion() -> None:
    zone = parse_zone(U_SHAPE)
    legs = track((109.002, 18.008, 0), (109.008, 18.008, 60))
    assert inside(zone, legs.lon, legs.lat).all()
    [cut] = excursions(legs, zone)
    assert (cut.left_at, cut.returned_at) == pytest.approx((20.0, 40.0))


def test_starting_or_ending_outside_has_no_leaving_or_return_time() -> None:
    zone = parse_zone(SQUARE)
    [start] = excursions(track((109.02, 18.005, 0), (109.005, 18.005, 150)), zone)
    assert start.left_at is None and start.returned_at == pytest.approx(100.0)
    [end] = excursions(track((109.005, 18.005, 0), (109.02, 18.005, 150)), zone)
    assert end.left_at == pytest.approx(50.0) and end.returned_at is None
    assert excursions(track((109.002, 18.002, 0), (109.008, 18.008, 10)), zone) == []


def test_separate_excursions_stay_separate_and_gaps_make_them_uncertain() -> None:
    zone = parse_zone(SQUARE)
    fixes = track(
        (109.005, 18.005, 0),
        (109.015, 18.005, 100),
        (109.005, 18.005, 200),
        (109.005, 18.015, 300),
        (109.005, 18.005, 2000),
    )
    first, second = excursions(fixes, zone, max_gap_s=600)
    assert first.uncertain is False and second.uncertain is True
    assert second.left_at == pytest.approx(250.0)
    assert second.returned_at == pytest.approx(300 + 1700 / 2)


def test_stationary_fixes_outside_are_one_excursion() -> None:
    zone = parse_zone(SQUARE)
    [stay] = excursions(
        track(
            (109.005, 18.005, 0),
            (109.015, 18.005, 100),
            (109.015, 18.005, 400),
            (109.005, 18.005, 500),
        ),
        zone,
    )
    assert (stay.left_at, stay.returned_at) == pytest.approx((50.0, 450.0))


def test_a_planned_route_is_checked_at_constant_speed() -> None:
    zone = parse_zone(SQUARE)
    route = [[109.005, 18.005], [109.015, 18.005], [109.005, 18.005]]
    [trip] = route_excursions(route, zone, 1000.0, 1400.0)
    assert (trip.left_at, trip.returned_at) == pytest.approx((1100.0, 1300.0), abs=0.5)


def test_the_farthest_point_of_a_chord_is_between_its_vertices() -> None:
    zone = parse_zone(U_SHAPE)
    [cut] = excursions(track((109.002, 18.008, 0), (109.008, 18.008, 60)), zone)
    # The chord crosses the notch (x 0.004-0.006, open above y 0.004) at y 0.008: its middle
    # is 0.001° of longitude from both arms, and no closer to the notch's floor.
    _, _, expected = GEOD.inv(109.004, 18.008, 109.005, 18.008)
    assert cut.max_distance_m == pytest.approx(expected, abs=2.5)  # within half a 5 m step
