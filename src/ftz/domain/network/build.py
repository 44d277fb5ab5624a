"""Build step (run by a developer, never at run time): sea distances and sea-lane geometries
with the searoute package, written to data/sea_legs.json.

    .venv/bin/python -m ftz.domain.network.build

searoute computes the shortest path on Eurostat's maritime network (marnet) between two points;
its length in km is the lane distance, and its line, simplified to 0.1° for maps, is kept too."""

from __future__ import annotations

import importlib
import json
import sys
from importlib import metadata
from typing import Any

import shapely

from ftz.domain.network.data import DATA, read_nodes
from ftz.domain.network.links import sea_pairs

SIMPLIFY_DEG = 0.1


def sea_leg(searoute: Any, origin: list[float], destination: list[float]) -> dict[str, Any]:
    route = searoute.searoute(origin, destination, units="km")
    line = shapely.LineString(route["geometry"]["coordinates"])
    simple = shapely.simplify(line, SIMPLIFY_DEG, preserve_topology=False)
    coordinates = [[round(x, 3), round(y, 3)] for x, y in simple.coords]
    return {"km": round(float(route["properties"]["length"]), 1), "coordinates": coordinates}


def build() -> dict[str, Any]:
    searoute = importlib.import_module("searoute")  # a build-time (dev) dependency only
    nodes = read_nodes()
    legs: dict[str, Any] = {}
    for a, b in sea_pairs():
        origin = [nodes[a].lon, nodes[a].lat]
        destination = [nodes[b].lon, nodes[b].lat]
        legs[f"{a}|{b}"] = sea_leg(searoute, origin, destination)
    version = metadata.version("searoute")
    return {"generator": f"searoute {version}", "units": "km", "legs": legs}


def main() -> None:
    result = build()
    path = DATA / "sea_legs.json"
    path.write_text(json.dumps(result, ensure_ascii=False, separators=(",", ":")) + "\n")
    sys.stdout.write(f"{len(result['legs'])} sea legs written to {path}\n")


if __name__ == "__main__":
    main()
