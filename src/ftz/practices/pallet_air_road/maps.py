"""The road leg on an inline SVG map (no tiles, no CDN): the planned road from the entry
airport to the destination airport, with the airports of the service as markers."""

from __future__ import annotations

from typing import Any

import shapely

from ftz.domain.geo.svgmap import SvgMap
from ftz.domain.network import get_node
from ftz.practices.pallet_air_road.common import places


def road_map(road: dict[str, Any] | None, entry: str, destination: str) -> dict[str, Any] | None:
    """The whole ULD's road, or a broken-down ULD's road legs (one line per destination)."""
    if not road:
        return None
    found = [(g["destination"], g.get("coordinates", [])) for g in road.get("legs", [])]
    found = found or [(destination, road.get("coordinates", []))]
    found = [(code, coords) for code, coords in found if len(coords) >= 2]
    if not found:
        return None
    lines = [shapely.LineString(coords) for _, coords in found]
    canvas = SvgMap.around(lines, width=560, height=360)
    markers = []
    for code in (entry, *(code for code, _ in found)):
        node = get_node(places()["airports"][code]["node"])
        x, y = canvas.xy(node.lon, node.lat)
        markers.append({"code": code, "x": x, "y": y})
    paths = " ".join(canvas.path(line) for line in lines)
    return {"width": canvas.width, "height": canvas.height, "road": paths,
            "airports": markers}  # fmt: skip
