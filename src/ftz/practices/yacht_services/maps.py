"""SVG maps for the pages (no tiles, no CDN): zones, routes, tracks, the parts outside the zone
and the marinas, drawn with domain/geo's SvgMap."""

from __future__ import annotations

from typing import Any

import shapely

from ftz.domain.geo.svgmap import SvgMap
from ftz.practices.yacht_services.common import marinas
from ftz.practices.yacht_services.zones import ZoneInForce


def _line(coords: list[list[float]]) -> Any:
    return shapely.LineString(coords) if len(coords) >= 2 else None


def _marker(canvas: SvgMap, code: str, place: dict[str, Any]) -> dict[str, Any]:
    x, y = canvas.xy(place["lon"], place["lat"])
    return {"code": code, "x": x, "y": y, "name_zh": place["name_zh"], "name_en": place["name_en"]}


def sailing_map(
    zone: ZoneInForce | None,
    route: list[list[float]],
    excursions: list[dict[str, Any]],
    track: dict[str, Any] | None,
) -> dict[str, Any]:
    route_line = _line(route)
    track_line = _line(track["geometry"]["coordinates"]) if track else None
    outside = [_line(e["geometry"]["coordinates"]) for e in excursions]
    shapes = [g for g in [zone.zone.geometry if zone else None, route_line, track_line] if g]
    canvas = SvgMap.around(shapes)
    return {
        "width": canvas.width, "height": canvas.height,
        "zone": canvas.path(zone.zone.geometry) if zone else "",
        "route": canvas.path(route_line) if route_line is not None else "",
        "track": canvas.path(track_line) if track_line is not None else "",
        "outside": [canvas.path(g) for g in outside if g is not None],
        "marinas": [_marker(canvas, c, m) for c, m in marinas().items()
                    if canvas.west <= m["lon"] <= canvas.east
                    and canvas.south <= m["lat"] <= canvas.north],
    }  # fmt: skip


def overview_map(zones: list[ZoneInForce], out_at: dict[str, int]) -> dict[str, Any]:
    """All zones and marinas; each marina with the number of its yachts out now."""
    points = [shapely.Point(m["lon"], m["lat"]) for m in marinas().values()]
    canvas = SvgMap.around([z.zone.geometry for z in zones] + points, width=720, height=360)
    markers = []
    for code, place in marinas().items():
        markers.append({**_marker(canvas, code, place), "out": out_at.get(code, 0)})
    return {"width": canvas.width, "height": canvas.height,
            "zones": [{"code": z.code, "path": canvas.path(z.zone.geometry)} for z in zones],
            "marinas": markers}  # fmt: skip
