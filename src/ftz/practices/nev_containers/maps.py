"""The declaration's journey on a map (inline SVG from domain/geo's SvgMap, no tiles, no CDN):
the rail leg from the packing place to the transit port as the shared network plans it, so the
officers see the one declaration's whole way from rail to sea."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import shapely

from ftz.core.kit.errors import FtzError
from ftz.domain.geo.svgmap import SvgMap
from ftz.domain.network import plan
from ftz.domain.network.network import network

COLOURS = {"rail": "#1f4e8c", "road": "#7f8c8d", "river": "#16a085", "sea": "#16a085"}


@lru_cache(maxsize=64)
def _legs(origin: str, transit_port: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(mode, node ids) per moving leg of the fastest route by rail (the seed's rail–sea
    through transport), by rail and road where no rail line reaches; empty if neither does."""
    for modes in (["rail"], ["rail", "road"]):
        try:
            route = plan(origin, transit_port, optimize="time", modes=modes, k=1)
            break
        except FtzError:  # no route with these modes, or a node the network does not know
            continue
    else:
        return ()
    return tuple(
        (leg.mode, (leg.from_node, *leg.via, leg.to_node))
        for leg in route.legs
        if leg.mode != "transfer"
    )


def journey_map(origin: str, transit_port: str) -> dict[str, Any] | None:
    legs = _legs(origin, transit_port)
    if not legs:
        return None
    nodes = network().nodes
    lines = [shapely.LineString([(nodes[n].lon, nodes[n].lat) for n in ids]) for _, ids in legs]
    canvas = SvgMap.around(lines, width=560, height=320)
    ends = []
    for node_id in (origin, transit_port):
        x, y = canvas.xy(nodes[node_id].lon, nodes[node_id].lat)
        ends.append({"x": x, "y": y, "name_zh": nodes[node_id].name_zh,
                     "name_en": nodes[node_id].name})  # fmt: skip
    return {
        "width": canvas.width,
        "height": canvas.height,
        "ends": ends,
        "legs": [
            {"d": canvas.path(line), "colour": COLOURS.get(mode, "#333"), "mode": mode}
            for (mode, _), line in zip(legs, lines, strict=True)
        ],
    }
