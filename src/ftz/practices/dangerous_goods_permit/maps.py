"""SVG maps for the pages (no tiles, no CDN): the permit's two routes with their corridors, the
border crossing and both stations, the track as driven, and each violation highlighted (off
route: the stretch outside the corridor; speeding, time window, stops: the track's fixes in
that time span)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import numpy as np
import shapely

from ftz.domain.geo.svgmap import SvgMap
from ftz.practices.dangerous_goods_permit.common import stations
from ftz.practices.dangerous_goods_permit.compliance import Terms, corridors, port
from ftz.practices.dangerous_goods_permit.models import Permit


def _epoch(stamp: str) -> float:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp()


def _piece(track: dict[str, Any], start: float, end: float) -> shapely.Geometry | None:
    coords = track["geometry"]["coordinates"]
    times = np.array([_epoch(t) for t in track["properties"]["times"]])
    index = np.flatnonzero((times >= start - 1e-6) & (times <= end + 1e-6))
    if len(index) == 0:
        return None
    picked = [coords[i] for i in range(index[0], index[-1] + 1)]
    return shapely.LineString(picked) if len(picked) >= 2 else shapely.Point(picked[0])


def permit_map(
    permit: Permit,
    track: dict[str, Any] | None = None,
    violations: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    zones = corridors(Terms.of(permit))
    line_a, line_b = shapely.LineString(permit.route_a), shapely.LineString(permit.route_b)
    track_line = shapely.LineString(track["geometry"]["coordinates"]) if track else None
    canvas = SvgMap.around([zones["A"].geometry, zones["B"].geometry, track_line])
    marks = []
    for v in violations or []:
        shape: shapely.Geometry | None = None
        if v["type"] == "off_route" and len(v.get("geometry") or []) >= 2:
            shape = shapely.LineString(v["geometry"])
        else:
            shape = _piece(track, _epoch(v["from"]), _epoch(v["to"])) if track else None
        if shape is not None and not shapely.is_empty(shape):
            # A stop stays at one place: a dot, since a path of length 0 would not show.
            point = float(shapely.length(shape)) < 1e-6
            centre = shapely.centroid(shape)
            x, y = canvas.xy(shapely.get_x(centre), shapely.get_y(centre))
            marks.append(
                {
                    "type": v["type"],
                    "path": "" if point else canvas.path(shape),
                    "x": x,
                    "y": y,
                    "title": f"{v['type']} {v['from']} → {v['to']}",
                }
            )
    places = [{"code": port()["code"], "lon": port()["lon"], "lat": port()["lat"]}]
    places += [
        {"code": f"{code}", "lon": s["lon"], "lat": s["lat"]} for code, s in stations().items()
    ]
    pins = []
    for p in places:
        x, y = canvas.xy(p["lon"], p["lat"])
        pins.append({"code": p["code"], "x": x, "y": y})
    return {
        "width": canvas.width,
        "height": canvas.height,
        "corridor_a": canvas.path(zones["A"].geometry),
        "corridor_b": canvas.path(zones["B"].geometry),
        "route_a": canvas.path(line_a),
        "route_b": canvas.path(line_b),
        "track": canvas.path(track_line) if track_line is not None else "",
        "marks": marks,
        "pins": pins,
    }
