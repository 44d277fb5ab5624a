"""Maps without a CDN: WGS84 geometries drawn as SVG paths in a fixed viewport.

An equirectangular projection scaled by cos(latitude) at the map's centre keeps small areas
(a bay, a port, a corridor) in true shape; the page draws the paths with its own styles."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import shapely


@dataclass(frozen=True)
class SvgMap:
    west: float
    south: float
    east: float
    north: float
    width: int = 640
    height: int = 420

    @classmethod
    def around(cls, geometries: list[Any], margin: float = 0.08, **size: int) -> SvgMap:
        shapes = [g for g in geometries if g is not None and not shapely.is_empty(g)]
        if not shapes:
            raise ValueError("nothing to draw")
        west, south, east, north = shapely.total_bounds(shapes)
        pad_x = max((east - west) * margin, 0.002)
        pad_y = max((north - south) * margin, 0.002)
        return cls(west - pad_x, south - pad_y, east + pad_x, north + pad_y, **size)

    @property
    def _scale(self) -> float:
        squeeze = math.cos(math.radians((self.south + self.north) / 2))
        span_x = (self.east - self.west) * squeeze
        span_y = self.north - self.south
        return min(self.width / span_x, self.height / span_y)

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        squeeze = math.cos(math.radians((self.south + self.north) / 2))
        scale = self._scale
        return (
            round((lon - self.west) * squeeze * scale, 1),
            round((self.north - lat) * scale, 1),
        )

    def path(self, geometry: Any) -> str:
        """SVG path data for any (multi)polygon or (multi)line; polygons close their rings."""
        commands: list[str] = []
        for part in shapely.get_parts(geometry):
            rings = [part.exterior, *part.interiors] if part.geom_type == "Polygon" else [part]
            for ring in rings:
                points = [self.xy(x, y) for x, y, *_ in ring.coords]
                if not points:
                    continue
                head, *rest = points
                commands.append(f"M{head[0]},{head[1]}" + "".join(f"L{x},{y}" for x, y in rest))
                if part.geom_type == "Polygon":
                    commands.append("Z")
        return "".join(commands)
