"""Track points classified inside/outside a corridor: the vectorised path of domain/geo side by
side with a per-point shapely loop, in the same run.

Run: .venv/bin/python -m bench.geo [--points 2000000] [--loop-sample 20000] [--repeat 3]

The corridor is a 200 m wide road corridor (a dangerous-goods permit route, seed case 25) from
Suifenhe to Mudanjiang, ≈ 200 km with 600 vertices, built with `route_corridor` (buffered in
metres in its UTM zone). The points are GPS fixes along that road with a normal cross-track
error (σ 120 m, so about half fall outside) plus 10 % strays up to 5 km away. Timed:
- vectorised: `inside(zone, lon, lat)` (shapely 2 `intersects_xy` on the prepared polygon), one
  call for all points; and `track_in_corridor` (the same plus time inside/outside per leg);
- loop: `shapely.intersects(polygon, Point(lon, lat))` per point, unprepared and prepared, on the
  first --loop-sample points (the loop is far too slow for millions), whose answers must equal
  the vectorised ones. Best of --repeat runs for the vectorised path. Appends nothing."""

from __future__ import annotations

import argparse
import platform
import time
from collections.abc import Callable
from typing import TypeVar

import numpy as np
import shapely
from shapely.geometry import Point

from ftz.domain.geo import Track, inside, route_corridor, track_in_corridor
from ftz.domain.geo.crs import metric_frame

GOAL = 1_000_000  # points per second
T = TypeVar("T")


def road(vertices: int = 600) -> np.ndarray:
    """A winding road Suifenhe → Mudanjiang as [lon, lat] rows."""
    s = np.linspace(0, 1, vertices)
    lon = 131.15 + (129.63 - 131.15) * s
    lat = 44.40 + 0.15 * s + 0.04 * np.sin(s * 40) + 0.01 * np.sin(s * 170)
    return np.column_stack((lon, lat))


def fixes(line: np.ndarray, n: int, seed: int = 3) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    frame = metric_frame(130.4, 44.5)
    metric = shapely.LineString(np.column_stack(frame.to_metric(line[:, 0], line[:, 1])))
    along = shapely.line_interpolate_point(metric, rng.uniform(0, 1, n), normalized=True)
    x, y = shapely.get_x(along), shapely.get_y(along)
    spread = np.where(rng.uniform(size=n) < 0.9, rng.normal(0, 120, n), rng.uniform(-5e3, 5e3, n))
    angle = rng.uniform(0, 2 * np.pi, n)
    return frame.to_wgs84(x + spread * np.cos(angle), y + spread * np.sin(angle))


def best_of(repeat: int, fn: Callable[[], T]) -> tuple[float, T]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--points", type=int, default=2_000_000)
    parser.add_argument("--loop-sample", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    line = road()
    zone = route_corridor(line.tolist(), 200, code="dg-route")
    vertices = len(shapely.get_coordinates(zone.geometry))
    lon, lat = fixes(line, args.points)
    track = Track(lon=lon, lat=lat, t=np.arange(args.points, dtype=float) * 5.0)
    inside(zone, lon[:10], lat[:10])  # prepare the polygon once, as a service would
    print(f"python {platform.python_version()}, shapely {shapely.__version__} "
          f"(GEOS {shapely.geos_version_string}), numpy {np.__version__}; corridor 200 m × "
          f"{shapely.length(zone.frame.project(zone.geometry)) / 2 / 1000:.0f} km, "
          f"{vertices} polygon vertices; {args.points:,} points\n")  # fmt: skip

    seconds, flags = best_of(args.repeat, lambda: inside(zone, lon, lat))
    share = float(np.mean(flags))
    check_s, _ = best_of(args.repeat, lambda: track_in_corridor(track, zone, max_gap_s=60))
    sample = args.loop_sample
    plain = zone.geometry
    start = time.perf_counter()
    loop = [
        shapely.intersects(plain, Point(x, y))
        for x, y in zip(lon[:sample], lat[:sample], strict=True)
    ]
    loop_s = time.perf_counter() - start
    prepared = shapely.from_wkb(shapely.to_wkb(plain))
    shapely.prepare(prepared)
    start = time.perf_counter()
    loop_p = [shapely.intersects(prepared, Point(x, y))
              for x, y in zip(lon[:sample], lat[:sample], strict=True)]  # fmt: skip
    loop_p_s = time.perf_counter() - start
    same = loop == loop_p == list(np.asarray(flags)[:sample])

    def row(name: str, points: int, elapsed: float) -> str:
        rate = points / elapsed
        return (f"| {name} | {points:,} | {elapsed * 1000:.1f} | {rate:,.0f} | "
                f"{'yes' if rate >= GOAL else 'no'} |")  # fmt: skip

    print(f"share inside: {share:.3f}; loop answers equal the vectorised ones: {same}\n")
    print("| method | points | ms | points/s | ≥ 1,000,000/s |")
    print("|---|---|---|---|---|")
    print(row("vectorised: inside() (intersects_xy, prepared)", args.points, seconds))
    print(row("vectorised: track_in_corridor() (+ time per leg)", args.points, check_s))
    print(row("loop: shapely.intersects(polygon, Point) per point", sample, loop_s))
    print(row("loop: same, polygon prepared", sample, loop_p_s))
    print(f"\nvectorised / prepared loop: {(args.points / seconds) / (sample / loop_p_s):.0f}×")


if __name__ == "__main__":
    main()
