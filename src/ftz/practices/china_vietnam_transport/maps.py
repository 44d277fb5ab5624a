"""The routes map (inline SVG, no tiles or CDN): the five designated routes as planned on the
network's road layer, their end points and Mengzi, where fresh produce is inspected and sealed."""

from __future__ import annotations

from typing import Any

import shapely

from ftz.domain.geo.svgmap import SvgMap
from ftz.domain.network import get_node
from ftz.practices.china_vietnam_transport.reference import routes

EXTRA_PLACES = ("mengzi",)  # the local customs of the green channel


def routes_map(highlight: str | None = None, lang: str = "zh") -> dict[str, Any]:
    lines = {code: shapely.LineString(r.coordinates) for code, r in routes().items()}
    ids = sorted(
        {r.cn_end for r in routes().values()}
        | {r.vn_end for r in routes().values()}
        | set(EXTRA_PLACES)
    )
    nodes = [get_node(i) for i in ids]
    shapes = [*lines.values(), *(shapely.Point(n.lon, n.lat) for n in nodes)]
    canvas = SvgMap.around(shapes, width=640, height=420)
    places = []
    for node in nodes:
        x, y = canvas.xy(node.lon, node.lat)
        places.append(
            {
                "id": node.id,
                "x": x,
                "y": y,
                "country": node.country,
                "name": node.name_zh if lang == "zh" else node.name,
            }
        )
    return {
        "width": canvas.width,
        "height": canvas.height,
        "places": places,
        "routes": [
            {"code": c, "path": canvas.path(g), "on": c == highlight} for c, g in lines.items()
        ],
    }
