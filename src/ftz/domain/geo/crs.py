"""A metric frame for a place: the UTM zone (WGS84) that contains it, with cached pyproj
transformers both ways. UTM keeps scale error under 0.04 % inside its 6° zone, which is well
below what yacht, truck or ship positions need; geodesic lengths use `GEOD` instead."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import shapely
from numpy.typing import NDArray
from pyproj import CRS, Geod, Transformer

GEOD = Geod(ellps="WGS84")
Array = NDArray[np.float64]


@dataclass(frozen=True)
class MetricFrame:
    """Projection to and from one UTM zone; `epsg` names it (e.g. 32649 = UTM 49N)."""

    epsg: int
    forward: Transformer
    backward: Transformer

    def to_metric(self, lon: Any, lat: Any) -> tuple[Array, Array]:
        x, y = self.forward.transform(np.asarray(lon, float), np.asarray(lat, float))
        return np.asarray(x, float), np.asarray(y, float)

    def to_wgs84(self, x: Any, y: Any) -> tuple[Array, Array]:
        lon, lat = self.backward.transform(np.asarray(x, float), np.asarray(y, float))
        return np.asarray(lon, float), np.asarray(lat, float)

    def project(self, geometry: shapely.Geometry) -> shapely.Geometry:
        """The geometry in metres (x east, y north)."""
        return shapely.transform(geometry, lambda xy: np.column_stack(self.to_metric(*xy.T)))

    def unproject(self, geometry: shapely.Geometry) -> shapely.Geometry:
        return shapely.transform(geometry, lambda xy: np.column_stack(self.to_wgs84(*xy.T)))


def utm_epsg(lon: float, lat: float) -> int:
    if not (-180.0 <= lon <= 180.0 and -80.0 <= lat <= 84.0):
        raise ValueError(f"no UTM zone for lon {lon}, lat {lat}")
    zone = min(int((lon + 180.0) // 6.0) + 1, 60)
    return (32600 if lat >= 0 else 32700) + zone


@lru_cache(maxsize=64)
def _frame(epsg: int) -> MetricFrame:
    target = CRS.from_epsg(epsg)
    return MetricFrame(
        epsg=epsg,
        forward=Transformer.from_crs(4326, target, always_xy=True),
        backward=Transformer.from_crs(target, 4326, always_xy=True),
    )


def metric_frame(lon: float, lat: float) -> MetricFrame:
    """The frame of the UTM zone containing (lon, lat), e.g. a zone's or a track's centre."""
    return _frame(utm_epsg(lon, lat))


def frame_for(geometry: shapely.Geometry) -> MetricFrame:
    centre = shapely.centroid(geometry)
    return metric_frame(float(shapely.get_x(centre)), float(shapely.get_y(centre)))


def geodesic_lengths(lon: Array, lat: Array) -> Array:
    """Metres between consecutive positions (n positions → n-1 lengths), WGS84 ellipsoid."""
    if len(lon) < 2:
        return np.zeros(0)
    _, _, dist = GEOD.inv(lon[:-1], lat[:-1], lon[1:], lat[1:])
    return np.asarray(dist, float)
