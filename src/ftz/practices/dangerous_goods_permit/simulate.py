"""Vehicle tracks driven along a permit's route, for the demo and the tests: a fix every few
seconds at a given speed, with optional faster stretches, a stop and a detour off the road, as
the CSV a vehicle terminal exports (time, lon, lat)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np

from ftz.domain.geo.crs import geodesic_lengths

METRES_PER_DEG_LAT = 111_320.0


@dataclass(frozen=True)
class Drive:
    kmh: float = 35.0
    every_s: float = 10.0
    fast: tuple[float, float, float] | None = None  # (from, to) fraction of the route, km/h
    stop: tuple[float, float] | None = None  # fraction of the route, minutes standing
    detour: tuple[float, float, float] | None = None  # (from, to) fraction, metres north


def drive(
    route: list[list[float]], start: datetime, plan: Drive
) -> list[tuple[float, float, float]]:
    """(lon, lat, epoch seconds) along `route` from `start`."""
    lon = np.array([p[0] for p in route], float)
    lat = np.array([p[1] for p in route], float)
    along = np.concatenate(([0.0], np.cumsum(geodesic_lengths(lon, lat))))
    total = float(along[-1])
    t, d, fixes = start.timestamp(), 0.0, []
    stopped = False
    while True:
        share = d / total
        fixes.append(_at(lon, lat, along, d, share, plan, t))
        if d >= total:
            return fixes
        if plan.stop and not stopped and share >= plan.stop[0]:
            stopped = True
            for _ in range(int(plan.stop[1] * 60 // plan.every_s)):
                t += plan.every_s
                fixes.append(_at(lon, lat, along, d, share, plan, t))
        kmh = plan.fast[2] if plan.fast and plan.fast[0] <= share < plan.fast[1] else plan.kmh
        d = min(total, d + kmh / 3.6 * plan.every_s)
        t += plan.every_s


def _at(
    lon: np.ndarray,
    lat: np.ndarray,
    along: np.ndarray,
    d: float,
    share: float,
    plan: Drive,
    t: float,
) -> tuple[float, float, float]:
    x, y = float(np.interp(d, along, lon)), float(np.interp(d, along, lat))
    if plan.detour and plan.detour[0] <= share <= plan.detour[1]:
        # Out and back gradually (a side road), not a jump: the peak halfway through.
        low, high, metres = plan.detour
        rise = 1 - abs(2 * (share - (low + high) / 2) / (high - low))
        y += metres * rise / METRES_PER_DEG_LAT
    return round(x, 6), round(y, 6), t


def as_csv(fixes: list[tuple[float, float, float]]) -> str:
    lines = ["time,lon,lat"]
    for x, y, t in fixes:
        stamp = datetime.fromtimestamp(t, UTC).isoformat().replace("+00:00", "Z")
        lines.append(f"{stamp},{x},{y}")
    return "\n".join(lines) + "\n"
