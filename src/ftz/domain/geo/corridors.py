"""Corridors as buffered routes: a route (a WGS84 line, e.g. the legs of a planned route or a
permit's road) widened by a distance in metres on each side, as a `Zone` that every check of
this package accepts (`inside`, `excursions`, `distance_m`).

`zones.corridor` buffers in the one UTM zone of the line's centre, which is exact for a harbour
channel but stretches a long route: 600 km from the central meridian the scale error passes 0.4 %
and grows with the square of the distance. `route_corridor` cuts the route at the UTM zone
boundaries and buffers each piece in its own zone (crs.metric_frame), so a corridor from
Chengdu to Łódź is as true as one across a bay. `track_in_corridor` then tells, for a whole
track at once, which fixes are inside and how much time was spent inside, outside, or unknown
(legs longer than `max_gap_s`, where the vehicle's whereabouts are not evidence)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from ftz.core.kit.errors import validation_error
from ftz.domain.geo.classify import inside
from ftz.domain.geo.crs import metric_frame
from ftz.domain.geo.tracks import Track
from ftz.domain.geo.zones import LINEAR, Zone, parse_geometry

UTM_WIDTH_DEG = 6.0
QUAD_SEGS = 8  # a quarter circle as 8 segments: the round ends are short by < 0.5 ‰ of the width


def _line(route: Any) -> BaseGeometry:
    """A (Multi)LineString from a shapely line, a GeoJSON line or a list of [lon, lat]."""
    if isinstance(route, BaseGeometry):
        if route.geom_type not in LINEAR or route.is_empty:
            raise validation_error("route", "a corridor needs a non-empty line")
        return route
    if isinstance(route, list | tuple):
        route = {"type": "LineString", "coordinates": [list(p) for p in route]}
    try:
        line: BaseGeometry = parse_geometry(route, "route", LINEAR)
    except shapely.errors.GEOSException as exc:
        raise validation_error("route", "a line needs at least two positions") from exc
    return line


def utm_pieces(line: BaseGeometry) -> list[tuple[int, BaseGeometry]]:
    """The line cut along the UTM zone boundaries: (zone number, piece) for each zone it
    crosses, each piece in WGS84."""
    west, south, east, north = shapely.bounds(line)
    first = int((west + 180) // UTM_WIDTH_DEG)
    last = min(int((east + 180) // UTM_WIDTH_DEG), 59)
    if first == last:
        return [(first + 1, line)]
    pieces: list[tuple[int, BaseGeometry]] = []
    for zone in range(first, last + 1):
        lon0 = -180 + zone * UTM_WIDTH_DEG
        band = shapely.box(lon0, south - 1, lon0 + UTM_WIDTH_DEG, north + 1)
        piece = shapely.intersection(line, band)
        if not piece.is_empty and piece.length > 0:
            pieces.append((zone + 1, piece))
    return pieces


def route_corridor(
    route: Any, width_m: float, code: str = "corridor", properties: dict[str, Any] | None = None
) -> Zone:
    """The band of `width_m` metres centred on the route (half the width on each side)."""
    if not isinstance(width_m, int | float) or not np.isfinite(width_m) or width_m <= 0:
        raise validation_error("width_m", "a corridor needs a positive width in metres")
    line = _line(route)
    parts = []
    for zone, piece in utm_pieces(line):
        centre_lon = -180 + (zone - 0.5) * UTM_WIDTH_DEG
        frame = metric_frame(centre_lon, float(shapely.get_y(shapely.centroid(piece))))
        band = shapely.buffer(frame.project(piece), width_m / 2.0, quad_segs=QUAD_SEGS)
        parts.append(frame.unproject(band))
    geometry = shapely.make_valid(shapely.union_all(parts))
    return Zone(code=code, geometry=geometry, properties={"width_m": width_m, **(properties or {})})


@dataclass(frozen=True)
class CorridorCheck:
    inside: np.ndarray  # one bool per fix
    inside_s: float  # legs with both ends inside
    outside_s: float  # legs with both ends outside
    mixed_s: float  # legs that cross the edge (one end in, one out)
    unknown_s: float  # legs longer than max_gap_s, whatever their ends

    @property
    def share_inside(self) -> float:
        return float(self.inside.mean()) if len(self.inside) else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "points": len(self.inside),
            "points_inside": int(self.inside.sum()),
            "share_inside": round(self.share_inside, 4),
            "inside_s": round(self.inside_s, 1),
            "outside_s": round(self.outside_s, 1),
            "crossing_s": round(self.mixed_s, 1),
            "unknown_s": round(self.unknown_s, 1),
        }


def track_in_corridor(track: Track, zone: Zone, max_gap_s: float = float("inf")) -> CorridorCheck:
    """Fix by fix (one vectorised call), and leg by leg for the time spent."""
    flags = inside(zone, track.lon, track.lat)
    seconds = track.legs_s
    gap = seconds > max_gap_s
    both_in = flags[:-1] & flags[1:] & ~gap
    both_out = ~flags[:-1] & ~flags[1:] & ~gap
    mixed = ~gap & ~both_in & ~both_out
    return CorridorCheck(
        inside=flags,
        inside_s=float(seconds[both_in].sum()),
        outside_s=float(seconds[both_out].sum()),
        mixed_s=float(seconds[mixed].sum()),
        unknown_s=float(seconds[gap].sum()),
    )
