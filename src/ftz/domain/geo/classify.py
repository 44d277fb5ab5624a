"""Point-in-zone classification (vectorized, shapely 2) and the parts of a track outside a zone.

`excursions` treats the track as straight legs between fixes and finds exactly where they run
outside: a leg's outside part is the leg minus the zone, so an excursion between two fixes that
are both inside (a concave zone, a leg cutting a corner) is found too, and the times of leaving
and returning are interpolated along the leg. An excursion touching a gap (a leg longer in time
than `max_gap_s`) is marked uncertain: the straight line across a gap is a guess."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import shapely
from shapely.geometry import LineString, Point

from ftz.domain.geo.crs import Array
from ftz.domain.geo.tracks import Track, iso, timed_route
from ftz.domain.geo.zones import Zone

EPSILON_S = 1e-6


def inside(zone: Zone | shapely.Geometry, lon: Any, lat: Any) -> np.ndarray:
    """True where (lon, lat) lies in the zone or on its boundary; one call for any number of
    points (shapely's prepared-geometry `intersects_xy`, no Python loop)."""
    geometry = zone.prepared if isinstance(zone, Zone) else zone
    if not shapely.is_prepared(geometry):
        shapely.prepare(geometry)
    x, y = np.asarray(lon, float), np.asarray(lat, float)
    return np.asarray(shapely.intersects_xy(geometry, x, y))


def which_zone(zones: list[Zone], lon: Any, lat: Any) -> np.ndarray:
    """Index of the first zone containing each point, -1 where none does."""
    lon, lat = np.asarray(lon, float), np.asarray(lat, float)
    found = np.full(lon.shape, -1, dtype=np.int64)
    for index, zone in enumerate(zones):
        todo = found < 0
        hit = inside(zone, lon[todo], lat[todo])
        found[np.flatnonzero(todo)[hit]] = index
    return found


@dataclass
class Excursion:
    left_at: float | None  # None: the track starts outside
    returned_at: float | None  # None: the track ends outside
    first_leg: int
    last_leg: int
    start: float  # first moment outside that the track shows (= left_at when known)
    end: float
    coordinates: list[list[float]] = field(default_factory=list)
    uncertain: bool = False
    max_distance_m: float = 0.0

    @property
    def seconds(self) -> float:
        return self.end - self.start

    def as_dict(self) -> dict[str, Any]:
        return {
            "left_at": iso(self.left_at) if self.left_at is not None else None,
            "returned_at": iso(self.returned_at) if self.returned_at is not None else None,
            "from": iso(self.start),
            "to": iso(self.end),
            "duration_s": round(self.seconds, 1),
            "max_distance_m": round(self.max_distance_m, 1),
            "uncertain": self.uncertain,
            "legs": [self.first_leg, self.last_leg],
            "geometry": {"type": "LineString", "coordinates": self.coordinates},
        }


def _outside_parts(leg: LineString, zone: Zone) -> list[tuple[float, float, list[list[float]]]]:
    """(start fraction, end fraction, coordinates) of each part of `leg` outside the zone."""
    if leg.length == 0:
        x, y = leg.coords[0]
        return [] if inside(zone, [x], [y])[0] else [(0.0, 1.0, [[x, y], [x, y]])]
    rest = shapely.difference(leg, zone.geometry)
    parts = []
    for part in shapely.get_parts(rest):
        if part.geom_type != "LineString" or part.length == 0:
            continue
        coords = [list(c[:2]) for c in part.coords]
        a = leg.project(Point(coords[0]), normalized=True)
        b = leg.project(Point(coords[-1]), normalized=True)
        if b < a:
            a, b, coords = b, a, coords[::-1]
        parts.append((float(a), float(b), coords))
    return sorted(parts)


def _candidate_legs(track: Track, zone: Zone, fixes_in: np.ndarray) -> np.ndarray:
    either_out = ~fixes_in[:-1] | ~fixes_in[1:]
    both_in = np.flatnonzero(~either_out)
    if len(both_in):
        starts = np.column_stack((track.lon[both_in], track.lat[both_in]))
        ends = np.column_stack((track.lon[both_in + 1], track.lat[both_in + 1]))
        legs = shapely.linestrings(np.stack((starts, ends), axis=1))
        cut = ~np.asarray(shapely.covers(zone.prepared, legs))
        either_out[both_in[cut]] = True
    return np.flatnonzero(either_out)


def excursions(track: Track, zone: Zone, max_gap_s: float = float("inf")) -> list[Excursion]:
    """The track's stretches outside the zone, in time order, with leaving/return times."""
    fixes_in = inside(zone, track.lon, track.lat)
    seconds: Array = track.legs_s
    found: list[Excursion] = []
    for i in _candidate_legs(track, zone, fixes_in):
        t0, dt = float(track.t[i]), float(seconds[i])
        leg = LineString([(track.lon[i], track.lat[i]), (track.lon[i + 1], track.lat[i + 1])])
        for a, b, coords in _outside_parts(leg, zone):
            start, end = t0 + a * dt, t0 + b * dt
            gap = dt > max_gap_s
            last = found[-1] if found else None
            if last is not None and start - last.end <= EPSILON_S and last.last_leg >= i - 1:
                last.end, last.last_leg = end, int(i)
                last.coordinates.extend(coords[1:])
                last.uncertain = last.uncertain or gap
                continue
            found.append(Excursion(left_at=start, returned_at=end, first_leg=int(i),
                                   last_leg=int(i), start=start, end=end,
                                   coordinates=coords, uncertain=gap))  # fmt: skip
    for excursion in found:
        if excursion.first_leg == 0 and not fixes_in[0] and excursion.start == track.t[0]:
            excursion.left_at = None
        if excursion.last_leg == len(track) - 2 and not fixes_in[-1]:
            excursion.returned_at = None
        excursion.returned_at = None if excursion.returned_at is None else excursion.end
        excursion.max_distance_m = farthest_m(zone, excursion.coordinates)
    return found


def farthest_m(zone: Zone, coordinates: list[list[float]], step_m: float = 5.0) -> float:
    """How far from the zone a path gets, in metres. A chord outside a concave zone is farthest
    between its vertices, so the path is densified (every `step_m` metres) before measuring:
    the answer is short by at most half a step."""
    lon, lat = np.array(coordinates, float).T
    x, y = zone.frame.to_metric(lon, lat)
    path = shapely.segmentize(shapely.linestrings(np.column_stack((x, y))), step_m)
    points = shapely.points(shapely.get_coordinates(path))
    return float(np.max(shapely.distance(zone.metric, points)))


def route_excursions(
    coordinates: list[list[float]], zone: Zone, start: float, end: float
) -> list[Excursion]:
    """Excursions of a planned route sailed at constant speed from `start` to `end`."""
    return excursions(timed_route(coordinates, start, end), zone)
