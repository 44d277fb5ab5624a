"""Zones: polygons published as GeoJSON (WGS84), validated on the way in, with their area and
distances in metres. A zone may be assembled from several features with the same `code`:
polygons are united, and lines with a `width_m` property become corridors (the line buffered by
half the width on each side, in metres) united with them — e.g. a navigation area plus the
access channels from the marinas it serves."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
import shapely
from shapely.geometry import shape

from ftz.core.kit.errors import validation_error
from ftz.domain.geo.crs import MetricFrame, frame_for

POLYGONAL = ("Polygon", "MultiPolygon")
LINEAR = ("LineString", "MultiLineString")


@dataclass(frozen=True)
class Zone:
    code: str
    geometry: shapely.Geometry  # Polygon or MultiPolygon, WGS84 lon/lat
    properties: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def frame(self) -> MetricFrame:
        return frame_for(self.geometry)

    @cached_property
    def metric(self) -> shapely.Geometry:
        return self.frame.project(self.geometry)

    @cached_property
    def prepared(self) -> shapely.Geometry:
        """A prepared copy: repeated point tests then cost O(log n) per point."""
        copy = shapely.from_wkb(shapely.to_wkb(self.geometry))
        shapely.prepare(copy)
        return copy

    @property
    def area_m2(self) -> float:
        return float(shapely.area(self.metric))

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        west, south, east, north = shapely.bounds(self.geometry)
        return float(west), float(south), float(east), float(north)

    def distance_m(self, lon: Any, lat: Any) -> np.ndarray:
        """Metres from each position to the zone (0 inside or on the boundary)."""
        x, y = self.frame.to_metric(lon, lat)
        return np.asarray(shapely.distance(self.metric, shapely.points(x, y)), float)

    def feature(self) -> dict[str, Any]:
        return {
            "type": "Feature",
            "properties": {"code": self.code, **self.properties},
            "geometry": json.loads(shapely.to_geojson(self.geometry)),
        }


def _positions(value: Any, where: str) -> None:
    """Every position is [lon, lat] of finite numbers within range."""
    if isinstance(value, list | tuple) and value and not isinstance(value[0], list | tuple):
        if len(value) < 2 or not all(isinstance(v, int | float) for v in value[:2]):
            raise validation_error(where, f"a position must be [lon, lat] numbers, got {value!r}")
        lon, lat = float(value[0]), float(value[1])
        if not (math.isfinite(lon) and math.isfinite(lat)):
            raise validation_error(where, "coordinates must be finite numbers")
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            raise validation_error(where, f"[{lon}, {lat}] is not [lon, lat] in WGS84 range")
        return
    if not isinstance(value, list | tuple) or not value:
        raise validation_error(where, "coordinates must be a non-empty array")
    for item in value:
        _positions(item, where)


def _rings_closed(geometry: dict[str, Any], where: str) -> None:
    polygons = (
        [geometry["coordinates"]]
        if geometry["type"] == "Polygon"
        else list(geometry["coordinates"])
    )
    for polygon in polygons:
        for ring in polygon:
            if len(ring) < 4 or list(ring[0][:2]) != list(ring[-1][:2]):
                raise validation_error(
                    where, "a polygon ring needs 4+ positions, the last equal to the first"
                )


def parse_geometry(value: Any, where: str = "geometry", kinds: tuple[str, ...] = POLYGONAL) -> Any:
    """A shapely geometry from a GeoJSON geometry object, or a field problem saying why not."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError as exc:
            raise validation_error(where, f"not JSON: {exc.msg}") from exc
    if isinstance(value, dict) and value.get("type") == "Feature":
        value = value.get("geometry")
    if not isinstance(value, dict) or value.get("type") not in kinds:
        raise validation_error(where, f"expected a GeoJSON {' or '.join(kinds)}")
    _positions(value.get("coordinates"), where)
    if value["type"] in POLYGONAL:
        _rings_closed(value, where)
    geometry = shape(value)
    if geometry.is_empty:
        raise validation_error(where, "the geometry is empty")
    if not shapely.is_valid(geometry):
        raise validation_error(where, f"invalid geometry: {shapely.is_valid_reason(geometry)}")
    return geometry


def corridor(line: shapely.Geometry, width_m: float) -> shapely.Geometry:
    """The band of `width_m` metres centred on a WGS84 line, as a WGS84 polygon."""
    if width_m <= 0:
        raise validation_error("width_m", "a corridor needs a positive width")
    frame = frame_for(line)
    return frame.unproject(shapely.buffer(frame.project(line), width_m / 2.0, quad_segs=8))


def parse_zone(value: Any, code: str | None = None, where: str = "zone") -> Zone:
    """One zone from a GeoJSON Feature, FeatureCollection or bare (Multi)Polygon."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError as exc:
            raise validation_error(where, f"not JSON: {exc.msg}") from exc
    if isinstance(value, dict) and value.get("type") == "FeatureCollection":
        zones = zones_from_geojson(value, where)
        if code is not None:
            zones = [z for z in zones if z.code == code]
        if len(zones) != 1:
            raise validation_error(where, f"expected one zone, found {len(zones)}")
        return zones[0]
    properties = dict(value.get("properties") or {}) if isinstance(value, dict) else {}
    geometry = parse_geometry(value, where)
    found = str(code or properties.pop("code", "") or "zone")
    properties.pop("code", None)
    return Zone(code=found, geometry=geometry, properties=properties)


def zones_from_geojson(collection: Any, where: str = "zones") -> list[Zone]:
    """Zones of a FeatureCollection, grouped by `properties.code`, in first-seen order."""
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        raise validation_error(where, "expected a GeoJSON FeatureCollection")
    parts: dict[str, list[shapely.Geometry]] = {}
    properties: dict[str, dict[str, Any]] = {}
    for n, feature in enumerate(collection.get("features") or []):
        here = f"{where}.features[{n}]"
        props = dict((feature or {}).get("properties") or {})
        code = str(props.get("code") or "")
        if not code:
            raise validation_error(here, "every feature needs properties.code")
        geometry = parse_geometry(feature, here, POLYGONAL + LINEAR)
        if geometry.geom_type in LINEAR:
            width = props.get("width_m")
            if not isinstance(width, int | float):
                raise validation_error(here, "a line feature needs a numeric properties.width_m")
            geometry = corridor(geometry, float(width))
        else:
            properties.setdefault(code, {k: v for k, v in props.items() if k != "code"})
        parts.setdefault(code, []).append(geometry)
    zones = []
    for code, geometries in parts.items():
        merged = shapely.union_all(geometries)
        zones.append(Zone(code=code, geometry=merged, properties=properties.get(code, {})))
    return zones
