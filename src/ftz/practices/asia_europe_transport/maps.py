"""SVG maps of the corridors and of one bill's legs (domain/geo's SvgMap, no tiles, no CDN):
each leg a line coloured by mode, the stops and hand-over places as labelled points."""

from __future__ import annotations

from typing import Any

import shapely

from ftz.domain.geo.svgmap import SvgMap
from ftz.domain.network.network import network

COLOURS = {"rail": "#1f4e8c", "air": "#c0392b", "road": "#7f8c8d", "sea": "#16a085"}


def legs_map(
    legs: list[dict[str, Any]], events: frozenset[str] = frozenset(), width: int = 760
) -> dict[str, Any]:
    lines = [shapely.LineString(leg["path"]) for leg in legs if len(leg["path"]) >= 2]
    canvas = SvgMap.around(lines, width=width, height=round(width * 0.45))
    places = {leg["from"] for leg in legs} | {leg["to"] for leg in legs} | set(events)
    nodes = network().nodes
    points: list[dict[str, Any]] = []
    for node_id in sorted(places, key=lambda n: -nodes[n].lat):
        node = nodes[node_id]
        x, y = canvas.xy(node.lon, node.lat)
        label_y = y - 5
        # Two places of one city (the airport and the rail port) would print on each other.
        while any(abs(p["label_y"] - label_y) < 12 and abs(p["x"] - x) < 160 for p in points):
            label_y += 12
        points.append({"id": node_id, "x": x, "y": y, "label_y": label_y, "name_zh": node.name_zh,
                       "name_en": node.name, "event": node_id in events})  # fmt: skip
    return {
        "width": canvas.width, "height": canvas.height, "points": points,
        "legs": [{"d": canvas.path(line), "colour": COLOURS.get(leg["mode"], "#333"),
                  "mode": leg["mode"], "label": f"{leg['from']} → {leg['to']}"}
                 for leg, line in zip(legs, lines, strict=False)],
    }  # fmt: skip
