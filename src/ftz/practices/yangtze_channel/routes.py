"""Route planning over the shared network for the channel: an order's best route (kept on the
order, without the drawing coordinates' precision loss), the nodes it passes, the channels it
runs along, and SVG maps of the channel and of a route (no tiles, no CDN)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import shapely

from ftz.domain.geo.svgmap import SvgMap
from ftz.domain.network import RoutePlan, plan
from ftz.practices.yangtze_channel import reference


def plan_route(origin: str, destination: str, optimize: str, modes: Sequence[str]) -> RoutePlan:
    """The network's plan (its own field problems for unknown nodes or modes)."""
    return plan(origin, destination, optimize=optimize, modes=modes or None, k=3)


def route_nodes(legs: list[dict[str, Any]]) -> list[str]:
    """Every node the route passes, in order, once (transfers add none)."""
    nodes: list[str] = []
    for leg in legs:
        for node_id in [leg["from"], *leg.get("via", []), leg["to"]]:
            if not nodes or nodes[-1] != node_id:
                nodes.append(node_id)
    return nodes


def summary(route_plan: RoutePlan) -> dict[str, Any]:
    best = route_plan.model_dump(mode="json")
    return {"legs": best["legs"], "total": best["total"]}


def _point(node_id: str) -> shapely.Point:
    found = reference.node(node_id)
    return shapely.Point(found.lon, found.lat)


def _marker(canvas: SvgMap, node_id: str, lang: str) -> dict[str, Any]:
    found = reference.node(node_id)
    x, y = canvas.xy(found.lon, found.lat)
    return {"id": node_id, "x": x, "y": y, "name": reference.node_name(node_id, lang)}


def channel_map(lang: str, highlight: list[str] | None = None) -> dict[str, Any]:
    """The main channel and the five sub-channels as lines through their nodes."""
    lines = {
        c.code: shapely.LineString([(_point(n).x, _point(n).y) for n in c.nodes])
        for c in reference.channels().values()
    }
    canvas = SvgMap.around(list(lines.values()), width=720, height=460)
    ends = {n for c in reference.channels().values() for n in (c.nodes[0], c.nodes[-1])}
    return {
        "width": canvas.width, "height": canvas.height,
        "lines": [{"code": code, "path": canvas.path(line), "main": code == "MAIN",
                   "on": not highlight or code in highlight} for code, line in lines.items()],
        "nodes": [_marker(canvas, n, lang) for n in sorted(ends | {reference.hub()})],
        "hub": reference.hub(),
    }  # fmt: skip


def route_map(route: dict[str, Any], lang: str) -> dict[str, Any]:
    """A route's legs coloured by mode over the channel's lines."""
    legs = [leg for leg in route["legs"] if len(leg.get("coordinates", [])) >= 2]
    shapes = [shapely.LineString(leg["coordinates"]) for leg in legs]
    channel_lines = [
        shapely.LineString([(_point(n).x, _point(n).y) for n in c.nodes])
        for c in reference.channels().values()
    ]
    canvas = SvgMap.around(shapes or channel_lines, width=720, height=460)
    ends = {leg["from"] for leg in route["legs"]} | {leg["to"] for leg in route["legs"]}
    return {
        "width": canvas.width, "height": canvas.height,
        "channels": [canvas.path(line) for line in channel_lines],
        "legs": [{"mode": leg["mode"], "path": canvas.path(shape),
                  "title": f"{leg['from_name']} → {leg['to_name']}"}
                 for leg, shape in zip(legs, shapes, strict=True)],
        "nodes": [_marker(canvas, n, lang) for n in sorted(ends)],
    }  # fmt: skip
