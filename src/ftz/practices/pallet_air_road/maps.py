"""The road leg on an inline SVG map (no tiles, no CDN): the planned road from the entry
airport to the destination airport, with the airports of the service as markers."""

from __future__ import annotations

from typing import Any

import shapely

from ftz.domain.geo.svgmap import SvgMap
from ftz.domain.network import get_node
from ftz.practices.pallet_air_road.common import places


def road_map(road: dict[str, Any] | None, entry: str, destination: str) -> dict[str, Any] | None:
    if not road or len(road.get("coordinates", [])) < 2:
        return None
    line = shapely.LineString(road["coordinates"])
    canvas = SvgMap.around([line], width=560, height=360)
    markers = []
    for code in (entry, destination):
        node = get_node(places()["airports"][code]["node"])
        x, y = canvas.xy(node.lon, node.lat)
        markers.append({"code": code, "x": x, "y": y})
    return {"width": canvas.width, "height": canvas.height, "road": canvas.path(line),
            "airports": markers}  # fmt: skip
