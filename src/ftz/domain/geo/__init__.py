"""Geography shared by practices: zones and corridors as polygons, GPS/AIS tracks with
timestamps, vectorized point-in-zone classification, speeds, gaps and the segments of a track
that leave a zone.

Conventions (the same in every module):
- Coordinates in and out are WGS84 longitude/latitude (GeoJSON, RFC 7946 order: lon, lat).
- Inside/outside is decided in longitude/latitude, because RFC 7946 §3.1.1 defines a GeoJSON
  edge as the straight line between its positions in that coordinate system: classifying in the
  stored coordinates is exact for the polygons as published. A point on the boundary is inside.
- Lengths, areas, buffers and distances from a zone are computed in metres, in the UTM zone of
  the geometry (pyproj); distances between fixes are geodesic on the WGS84 ellipsoid.
- Times are seconds since the Unix epoch (float) inside, timezone-aware datetimes at the edges.

Long routes (corridors.py) are buffered piece by piece in the UTM zone of each piece; tracks also
come from NMEA logs (nmea.py: AIS through pyais, GPS RMC); motion.py finds speeding stretches,
stops and the pieces between gaps.
"""

from ftz.domain.geo.classify import Excursion, excursions, inside, route_excursions
from ftz.domain.geo.corridors import CorridorCheck, route_corridor, track_in_corridor
from ftz.domain.geo.crs import MetricFrame, metric_frame
from ftz.domain.geo.motion import Stretch, speeding, split_at_gaps, stops
from ftz.domain.geo.nmea import NmeaLog, read_nmea
from ftz.domain.geo.tracks import Gap, Track, read_track_csv, read_track_geojson, timed_route
from ftz.domain.geo.zones import Zone, corridor, parse_zone, zones_from_geojson

__all__ = [
    "CorridorCheck",
    "Excursion",
    "Gap",
    "MetricFrame",
    "NmeaLog",
    "Stretch",
    "Track",
    "Zone",
    "corridor",
    "excursions",
    "inside",
    "metric_frame",
    "parse_zone",
    "read_nmea",
    "read_track_csv",
    "read_track_geojson",
    "route_corridor",
    "route_excursions",
    "speeding",
    "split_at_gaps",
    "stops",
    "timed_route",
    "track_in_corridor",
    "zones_from_geojson",
]
