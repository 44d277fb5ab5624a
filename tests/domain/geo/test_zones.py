"""Zones: GeoJSON in and out, validation with the reason, areas and distances in metres,
corridors, and zones assembled from several features."""

from __future__ import annotations

import math

import pytest
import shapely

from ftz.core.kit.errors import FtzError
from ftz.domain.geo import corridor, metric_frame, parse_zone, zones_from_geojson
from ftz.domain.geo.crs import GEOD, utm_epsg

SQUARE = [[109.0, 18.0], [109.01, 18.0], [109.01, 18.01], [109.0, 18.01], [109.0, 18.0]]


def square_feature(code: str = "Z1") -> dict[str, object]:
    return {
        "type": "Feature",
        "properties": {"code": code, "name": "test"},
        "geometry": {"type": "Polygon", "coordinates": [SQUARE]},
    }


def test_utm_zone_of_sanya_and_of_the_southern_hemisphere() -> None:
    assert utm_epsg(109.5, 18.2) == 32649
    assert utm_epsg(-43.2, -22.9) == 32723
    assert utm_epsg(180.0, 0.0) == 32660


def test_round_trip_keeps_code_properties_and_coordinates() -> None:
    zone = parse_zone(square_feature())
    assert zone.code == "Z1" and zone.properties == {"name": "test"}
    feature = zone.feature()
    assert feature["properties"] == {"code": "Z1", "name": "test"}
    assert parse_zone(feature).geometry.equals(zone.geometry)


def test_area_of_a_one_kilometre_square_built_in_metres() -> None:
    frame = metric_frame(109.5, 18.2)
    x0, y0 = frame.to_metric(109.5, 18.2)
    ring = [(x0, y0), (x0 + 1000, y0), (x0 + 1000, y0 + 1000), (x0, y0 + 1000)]
    lonlat = frame.unproject(shapely.Polygon(ring))
    zone = parse_zone(shapely.geometry.mapping(lonlat), code="km")
    assert zone.area_m2 == pytest.approx(1_000_000, rel=1e-6)


def test_distance_from_the_zone_is_zero_inside_and_metres_outside() -> None:
    zone = parse_zone(square_feature())
    east = GEOD.fwd(109.01, 18.005, 90, 500)[0]
    inside, on_edge, outside = zone.distance_m([109.005, 109.01, east], [18.005, 18.005, 18.005])
    assert inside == 0 and on_edge == pytest.approx(0, abs=1e-6)
    assert outside == pytest.approx(500, rel=2e-3)  # UTM scale error near the zone's edge


@pytest.mark.parametrize(
    ("geometry", "reason"),
    [
        ({"type": "Polygon", "coordinates": [SQUARE[:-1]]}, "last equal to the first"),
        (
            {"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]},
            "Self-intersection",
        ),
        ({"type": "Polygon", "coordinates": [[[0, 0], [1, 95], [1, 0], [0, 0]]]}, "WGS84 range"),
        ({"type": "Point", "coordinates": [0, 0]}, "expected a GeoJSON Polygon"),
        (
            {"type": "Polygon", "coordinates": [[["a", 0], [1, 1], [1, 0], ["a", 0]]]},
            "[lon, lat] numbers",
        ),
        ("{not json", "not JSON"),
    ],
)
def test_bad_zones_are_refused_with_the_reason(geometry: object, reason: str) -> None:
    with pytest.raises(FtzError) as caught:
        parse_zone(geometry)
    assert caught.value.status == 422
    assert reason in caught.value.errors[0].reason


def test_corridor_area_is_the_band_plus_round_caps() -> None:
    start = (109.5, 18.2)
    end_lon, end_lat, _ = GEOD.fwd(*start, 90, 1000)
    band = corridor(shapely.LineString([start, (end_lon, end_lat)]), 200)
    area = parse_zone(shapely.geometry.mapping(band), code="c").area_m2
    assert area == pytest.approx(1000 * 200 + math.pi * 100**2, rel=5e-3)
    with pytest.raises(FtzError):
        corridor(shapely.LineString([start, (end_lon, end_lat)]), 0)


def test_features_with_one_code_make_one_zone_with_its_corridors() -> None:
    access = {
        "type": "Feature",
        "properties": {"code": "Z1", "width_m": 100},
        "geometry": {"type": "LineString", "coordinates": [[109.005, 18.01], [109.005, 18.02]]},
    }
    other = square_feature("Z2")
    other["geometry"] = {"type": "Polygon", "coordinates": [[[x + 1, y] for x, y in SQUARE]]}
    zones = zones_from_geojson(
        {"type": "FeatureCollection", "features": [square_feature(), access, other]}
    )
    assert [z.code for z in zones] == ["Z1", "Z2"]
    assert zones[0].properties == {"name": "test"}
    assert zones[0].geometry.covers(shapely.Point(109.005, 18.019))
    assert not zones[1].geometry.covers(shapely.Point(109.005, 18.019))
    with pytest.raises(FtzError, match="width_m"):
        zones_from_geojson(
            {"type": "FeatureCollection", "features": [{**access, "properties": {"code": "Z1"}}]}
        )
    with pytest.raises(FtzError, match=r"properties\.code"):
        zones_from_geojson(
            {"type": "FeatureCollection", "features": [{**square_feature(), "properties": {}}]}
        )
