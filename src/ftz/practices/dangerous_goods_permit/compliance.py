"""A track judged against a two-route permit, with no database: the corridor of each route
(the road buffered by the permit's tolerance on each side, in metres), which route the track
stayed in, the stretches off route, above the speed limit, outside the permitted hours and
stopped outside a designated stop, and the points of each from the rule table.

Gaps (legs longer than `max_gap_s`) are never judged as speeding or stopping (motion.py), and an
excursion that only appears across a gap is kept but marked uncertain and not scored: a straight
line across a silence is not evidence of where the vehicle drove."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np
import shapely

from ftz.domain.geo import Track, Zone, excursions, inside, metric_frame, route_corridor
from ftz.domain.geo import speeding as speeding_stretches
from ftz.domain.geo import stops as stop_stretches
from ftz.domain.geo.tracks import iso
from ftz.practices.dangerous_goods_permit.common import local_zone, places, rules, settings


@dataclass(frozen=True)
class Terms:
    """What the permit says, as the check needs it."""

    route_a: list[list[float]]
    route_b: list[list[float]]
    tolerance_m: float
    speed_limit_kmh: float
    window_start: str  # HH:MM local
    window_end: str
    max_stop_min: int
    stop_points: list[list[float]]  # designated stops: the port and both stations

    @classmethod
    def of(cls, permit: Any) -> Terms:
        return cls(
            route_a=permit.route_a,
            route_b=permit.route_b,
            tolerance_m=float(permit.tolerance_m),
            speed_limit_kmh=float(permit.speed_limit_kmh),
            window_start=permit.window_start,
            window_end=permit.window_end,
            max_stop_min=int(permit.max_stop_min),
            stop_points=[permit.route_a[0], permit.route_a[-1], permit.route_b[-1]],
        )


def corridors(terms: Terms) -> dict[str, Zone]:
    width = 2 * terms.tolerance_m  # route_corridor takes the whole width
    return {
        "A": route_corridor(terms.route_a, width, "A"),
        "B": route_corridor(terms.route_b, width, "B"),
    }


def stop_zone(points: list[list[float]]) -> Zone:
    """Circles of `stop_radius_m` around the designated stops, as one zone."""
    radius = float(settings()["defaults"]["stop_radius_m"])
    circles = []
    for lon, lat in points:
        frame = metric_frame(lon, lat)
        circle = shapely.buffer(frame.project(shapely.Point(lon, lat)), radius)
        circles.append(frame.unproject(circle))
    return Zone(code="stops", geometry=shapely.union_all(circles))


def _minutes(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def _score(kind: str, excess_pct: float, minutes: float) -> tuple[int, list[dict[str, Any]]]:
    decision = rules().evaluate(
        "violation_points.json", {"type": kind, "excess_pct": excess_pct, "minutes": minutes}
    )
    return int(decision.result["points"]), decision.explanation()


def _violation(
    kind: str, start: float, end: float, detail: str, excess_pct: float = 0.0, **extra: Any
) -> dict[str, Any]:
    minutes = round((end - start) / 60.0, 1)
    points, fired = _score(kind, excess_pct, minutes)
    return {
        "type": kind,
        "from": iso(start),
        "to": iso(end),
        "detail": detail,
        "points": points,
        "rule": fired[0]["row_id"] if fired else None,
        "fired": fired,
        **extra,
    }


def _off_route(track: Track, zone: Zone, gap_s: float) -> list[dict[str, Any]]:
    found = []
    for e in excursions(track, zone, gap_s):
        if e.uncertain:
            continue  # only a gap's straight line left the corridor
        found.append(
            _violation(
                "off_route",
                e.start,
                e.end,
                f"left route {zone.code}'s corridor for {e.seconds / 60:.1f} min, "
                f"up to {e.max_distance_m:.0f} m beyond it",
                geometry=e.coordinates,
            )
        )
    return found


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """[first, last] indices of each run of True."""
    edges = np.diff(np.concatenate(([0], mask.astype(np.int8), [0])))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1) - 1
    return list(zip(starts.tolist(), ends.tolist(), strict=True))


def _offset_s(moment: float) -> float:
    offset = datetime.fromtimestamp(moment, local_zone()).utcoffset()
    return offset.total_seconds() if offset else 0.0


def local_minutes(t: np.ndarray) -> np.ndarray:
    """Minute of the local day of each time; vectorised when the UTC offset does not change
    over the track (always in Beijing time), fix by fix otherwise."""
    first, last = _offset_s(float(t[0])), _offset_s(float(t[-1]))
    if first == last:
        return np.asarray(((t + first) // 60) % 1440, dtype=np.int64)
    return np.array([int((v + _offset_s(float(v))) // 60) % 1440 for v in t], dtype=np.int64)


def _time_window(track: Track, terms: Terms) -> list[dict[str, Any]]:
    """Fixes outside [start, end) local time (an overnight window wraps past midnight)."""
    minute = local_minutes(track.t)
    start, end = _minutes(terms.window_start), _minutes(terms.window_end)
    allowed = (
        ((minute >= start) & (minute < end))
        if start <= end
        else ((minute >= start) | (minute < end))
    )
    found = []
    for a, b in _runs(~allowed):
        first, last = float(track.t[a]), float(track.t[min(b + 1, len(track) - 1)])
        found.append(
            _violation(
                "time_window",
                first,
                last,
                f"driving outside {terms.window_start}–{terms.window_end}",
            )
        )
    return found


def _speeding(track: Track, terms: Terms, gap_s: float) -> list[dict[str, Any]]:
    found = []
    for s in speeding_stretches(track, terms.speed_limit_kmh, gap_s):
        excess = round((s.value / terms.speed_limit_kmh - 1) * 100, 1)
        found.append(
            _violation(
                "speeding",
                s.start,
                s.end,
                f"up to {s.value:.0f} km/h, limit {terms.speed_limit_kmh:.0f} (+{excess}%)",
                excess,
                top_kmh=round(s.value, 1),
            )
        )
    return found


def _illegal_stops(track: Track, terms: Terms, gap_s: float) -> list[dict[str, Any]]:
    allowed_zone = stop_zone(terms.stop_points)
    found = []
    for s in stop_stretches(track, terms.max_stop_min * 60.0, settings()["stop_speed_kmh"], gap_s):
        lon = track.lon[s.first_fix : s.last_fix + 1]
        lat = track.lat[s.first_fix : s.last_fix + 1]
        if inside(allowed_zone, lon, lat).mean() >= 0.5:
            continue  # at the port, or at a station: designated stops
        found.append(
            _violation(
                "illegal_stop",
                s.start,
                s.end,
                f"stopped {s.seconds / 60:.0f} min at "
                f"{float(lon.mean()):.5f}, {float(lat.mean()):.5f} "
                f"(allowed {terms.max_stop_min} min at designated stops only)",
            )
        )
    return found


def check(track: Track, terms: Terms, chosen: str | None = None) -> dict[str, Any]:
    """The verdict of the issue's shape: compliant, route (A, B or None), violations, points.

    `route` is the corridor the track stayed inside entirely (None: neither). Off-route
    stretches are measured against the chosen station's route (a trip), or, for a bare check,
    the route the track kept to longest."""
    gap_s = float(settings()["max_gap_s"])
    zones = corridors(terms)
    flags = {code: inside(z, track.lon, track.lat) for code, z in zones.items()}
    share = {code: float(f.mean()) for code, f in flags.items()}
    # Every fix inside is cheap to test for the whole track at once; only then are the legs
    # between fixes checked too (a leg may cut a corner out of the corridor).
    stayed = [c for c, z in zones.items() if flags[c].all() and not excursions(track, z, gap_s)]
    route = chosen if chosen in stayed else (stayed[0] if stayed else None)
    judged_on = chosen or route or max(share, key=lambda code: share[code])
    violations = (
        _off_route(track, zones[judged_on], gap_s)
        + _speeding(track, terms, gap_s)
        + _time_window(track, terms)
        + _illegal_stops(track, terms, gap_s)
    )
    violations.sort(key=lambda v: (v["from"], v["type"]))
    return {
        "compliant": not violations,
        "route": route,
        "violations": violations,
        "points": sum(v["points"] for v in violations),
        "judged_against": judged_on,
        "share_inside": {code: round(v, 4) for code, v in share.items()},
        "summary": summary(track, gap_s),
    }


def summary(track: Track, gap_s: float) -> dict[str, Any]:
    """Points, start, end, length, duration and gaps, with speeds in km/h (roads, not sea)."""
    ok = track.legs_s <= gap_s
    speeds = track.speeds_mps[ok] * 3.6 if ok.any() else np.zeros(1)
    keep = ("points", "start", "end", "distance_m", "duration_s", "gaps", "max_gap_s")
    found = track.summary(gap_s)
    return {**{k: found[k] for k in keep}, "max_speed_kmh": round(float(speeds.max()), 1)}


def port() -> dict[str, Any]:
    found: dict[str, Any] = places()["port"]
    return found
