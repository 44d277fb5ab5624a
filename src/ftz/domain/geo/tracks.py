"""Tracks: timestamped positions from CSV or GeoJSON, sorted by time, with the geodesic length,
time and speed of every leg between consecutive fixes, and the gaps (legs longer in time than a
threshold, where the vessel's whereabouts are unknown and straight-line interpolation is not
evidence). A planned route with only a start and an end time becomes a track by spreading the
time over the route in proportion to distance (constant speed)."""

from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import Any

import numpy as np

from ftz.core.kit.errors import validation_error
from ftz.domain.geo.crs import Array, geodesic_lengths

KNOT_MPS = 1852.0 / 3600.0
LON_NAMES = ("lon", "lng", "longitude", "x")
LAT_NAMES = ("lat", "latitude", "y")
TIME_NAMES = ("time", "timestamp", "t", "datetime", "fix_time")
MAX_POINTS = 2_000_000


@dataclass(frozen=True)
class Gap:
    start_index: int
    start: float  # epoch seconds of the last fix before the gap
    end: float  # and of the first fix after it
    distance_m: float

    @property
    def seconds(self) -> float:
        return self.end - self.start


@dataclass(frozen=True)
class Track:
    lon: Array
    lat: Array
    t: Array  # epoch seconds, strictly increasing

    def __len__(self) -> int:
        return len(self.t)

    @property
    def legs_m(self) -> Array:
        return geodesic_lengths(self.lon, self.lat)

    @property
    def legs_s(self) -> Array:
        return np.diff(self.t)

    @property
    def speeds_mps(self) -> Array:
        return self.legs_m / self.legs_s

    def gaps(self, max_gap_s: float) -> list[Gap]:
        lengths, seconds = self.legs_m, self.legs_s
        return [
            Gap(int(i), float(self.t[i]), float(self.t[i + 1]), float(lengths[i]))
            for i in np.flatnonzero(seconds > max_gap_s)
        ]

    def summary(self, max_gap_s: float) -> dict[str, Any]:
        """Points, start and end, length, duration, top and mean speed (knots), gaps."""
        lengths, seconds = self.legs_m, self.legs_s
        gaps = self.gaps(max_gap_s)
        moving = seconds > 0
        top = float(np.max(lengths[moving] / seconds[moving])) if moving.any() else 0.0
        total_s = float(self.t[-1] - self.t[0]) if len(self) else 0.0
        return {
            "points": len(self),
            "start": iso(self.t[0]) if len(self) else None,
            "end": iso(self.t[-1]) if len(self) else None,
            "distance_m": round(float(lengths.sum()), 1),
            "duration_s": round(total_s, 1),
            "max_speed_kn": round(top / KNOT_MPS, 2),
            "mean_speed_kn": round(float(lengths.sum()) / total_s / KNOT_MPS, 2)
            if total_s
            else 0.0,
            "gaps": len(gaps),
            "max_gap_s": round(max((g.seconds for g in gaps), default=0.0), 1),
        }

    def feature(self, properties: dict[str, Any] | None = None) -> dict[str, Any]:
        """A GeoJSON LineString Feature with the fix times in `properties.times` (ISO 8601)."""
        return {
            "type": "Feature",
            "properties": {**(properties or {}), "times": [iso(v) for v in self.t]},
            "geometry": {
                "type": "LineString",
                "coordinates": np.column_stack((self.lon, self.lat)).tolist(),
            },
        }


def iso(seconds: float) -> str:
    return datetime.fromtimestamp(float(seconds), UTC).isoformat().replace("+00:00", "Z")


def parse_time(value: Any, default_tz: tzinfo, where: str) -> float:
    """ISO 8601 (a naive time is read in `default_tz`) or epoch seconds, as epoch seconds."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    text = str(value).strip()
    try:
        return float(text)
    except ValueError:
        pass
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise validation_error(where, f"{text!r} is not an ISO 8601 time") from exc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=default_tz)
    return moment.timestamp()


def _number(value: Any, where: str, low: float, high: float, name: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError) as exc:
        raise validation_error(where, f"{name} {value!r} is not a number") from exc
    if not math.isfinite(number) or not low <= number <= high:
        raise validation_error(where, f"{name} {number} is outside [{low}, {high}]")
    return number


def build_track(rows: list[tuple[float, float, float]], where: str = "track") -> Track:
    """Sorted by time; exact repeats dropped; one time with two positions is an error."""
    if len(rows) < 2:
        raise validation_error(where, "a track needs at least two timestamped positions")
    if len(rows) > MAX_POINTS:
        raise validation_error(where, f"more than {MAX_POINTS} positions")
    data = np.array(rows, float)
    data = data[np.argsort(data[:, 2], kind="stable")]
    same_time = np.diff(data[:, 2]) == 0
    if same_time.any():
        repeat = np.all(data[1:][same_time] == data[:-1][same_time], axis=1)
        if not repeat.all():
            clash = iso(data[1:][same_time][~repeat][0, 2])
            raise validation_error(where, f"two different positions at {clash}")
        data = data[np.concatenate(([True], ~same_time))]
    if len(data) < 2:
        raise validation_error(where, "a track needs positions at two different times")
    return Track(lon=data[:, 0].copy(), lat=data[:, 1].copy(), t=data[:, 2].copy())


def _column(header: list[str], names: tuple[str, ...], what: str) -> int:
    lowered = [h.strip().lower() for h in header]
    for name in names:
        if name in lowered:
            return lowered.index(name)
    raise validation_error("track", f"no {what} column (one of {', '.join(names)})")


def read_track_csv(text: str, default_tz: tzinfo = UTC) -> Track:
    """CSV with a header naming time, lon and lat columns (common aliases accepted)."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    header = next(reader, None)
    if not header:
        raise validation_error("track", "the CSV is empty")
    cols = (_column(header, LON_NAMES, "longitude"), _column(header, LAT_NAMES, "latitude"),
            _column(header, TIME_NAMES, "time"))  # fmt: skip
    rows: list[tuple[float, float, float]] = []
    for line_no, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        where = f"track line {line_no}"
        if len(row) <= max(cols):
            raise validation_error(where, f"expected {len(header)} columns, got {len(row)}")
        rows.append((
            _number(row[cols[0]], where, -180, 180, "longitude"),
            _number(row[cols[1]], where, -90, 90, "latitude"),
            parse_time(row[cols[2]], default_tz, where),
        ))  # fmt: skip
    return build_track(rows)


def read_track_geojson(value: Any, default_tz: tzinfo = UTC) -> Track:
    """A LineString Feature with `properties.times` (or `coordTimes`), or a FeatureCollection
    of Point features each with `properties.time` (or `timestamp`)."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError as exc:
            raise validation_error("track", f"not JSON: {exc.msg}") from exc
    if not isinstance(value, dict):
        raise validation_error("track", "expected a GeoJSON object")
    rows: list[tuple[float, float, float]] = []
    if value.get("type") == "FeatureCollection":
        for n, feature in enumerate(value.get("features") or []):
            where = f"track.features[{n}]"
            geometry = (feature or {}).get("geometry") or {}
            props = (feature or {}).get("properties") or {}
            stamp = props.get("time", props.get("timestamp"))
            if geometry.get("type") != "Point" or stamp is None:
                raise validation_error(where, "expected a Point with properties.time")
            rows.append(_fix(geometry.get("coordinates"), stamp, default_tz, where))
        return build_track(rows)
    geometry = value.get("geometry") if value.get("type") == "Feature" else value
    props = value.get("properties") or {}
    times = props.get("times", props.get("coordTimes"))
    if not isinstance(geometry, dict) or geometry.get("type") != "LineString":
        raise validation_error("track", "expected a LineString Feature or Point features")
    coords = geometry.get("coordinates") or []
    if not isinstance(times, list) or len(times) != len(coords):
        raise validation_error("track", "properties.times must give one time per position")
    for n, (position, stamp) in enumerate(zip(coords, times, strict=True)):
        rows.append(_fix(position, stamp, default_tz, f"track.coordinates[{n}]"))
    return build_track(rows)


def _fix(position: Any, stamp: Any, default_tz: tzinfo, where: str) -> tuple[float, float, float]:
    if not isinstance(position, list) or len(position) < 2:
        raise validation_error(where, "a position must be [lon, lat]")
    return (
        _number(position[0], where, -180, 180, "longitude"),
        _number(position[1], where, -90, 90, "latitude"),
        parse_time(stamp, default_tz, where),
    )


def timed_route(coordinates: list[list[float]], start: float, end: float) -> Track:
    """A route's positions with times spread from `start` to `end` by distance travelled."""
    if end <= start:
        raise validation_error("route", "the end time must be after the start time")
    lon = np.array([float(p[0]) for p in coordinates])
    lat = np.array([float(p[1]) for p in coordinates])
    travelled = np.concatenate(([0.0], np.cumsum(geodesic_lengths(lon, lat))))
    if travelled[-1] <= 0:
        raise validation_error("route", "the route does not move")
    t = start + (end - start) * travelled / travelled[-1]
    keep = np.concatenate(([True], np.diff(t) > 0))  # repeated positions add no time
    return Track(lon=lon[keep], lat=lat[keep], t=t[keep])
