"""Speed and time along a track: the stretches above a speed limit and the stops (stretches
slower than a threshold for at least a minimum time), both vectorised over the legs of
`Track`, with gaps (legs longer than `max_gap_s`) never counted as speeding or as a stop: over a
gap the track only says where the vehicle was at each end."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from ftz.domain.geo.tracks import Track, iso

KMH = 3.6  # m/s → km/h


@dataclass(frozen=True)
class Stretch:
    first_fix: int
    last_fix: int
    start: float  # epoch seconds
    end: float
    value: float  # top speed (km/h) of a speeding stretch, mean speed of a stop

    @property
    def seconds(self) -> float:
        return self.end - self.start

    def as_dict(self) -> dict[str, Any]:
        return {
            "from": iso(self.start),
            "to": iso(self.end),
            "duration_s": round(self.seconds, 1),
            "fixes": [self.first_fix, self.last_fix],
            "value_kmh": round(self.value, 1),
        }


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """[first, last] leg indices of each run of True."""
    if not mask.any():
        return []
    edges = np.diff(np.concatenate(([0], mask.astype(np.int8), [0])))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1) - 1
    return list(zip(starts.tolist(), ends.tolist(), strict=True))


def speeds_kmh(track: Track) -> np.ndarray:
    """Mean speed of each leg (geodesic length / time), km/h."""
    return np.asarray(track.speeds_mps * KMH, float)


def speeding(track: Track, limit_kmh: float, max_gap_s: float = float("inf")) -> list[Stretch]:
    """Consecutive legs faster than `limit_kmh` (gaps excluded), with the top speed of each."""
    speed = speeds_kmh(track)
    fast = (speed > limit_kmh) & (track.legs_s <= max_gap_s)
    return [
        Stretch(a, b + 1, float(track.t[a]), float(track.t[b + 1]), float(speed[a : b + 1].max()))
        for a, b in _runs(fast)
    ]


def stops(
    track: Track, min_s: float, max_speed_kmh: float = 2.0, max_gap_s: float = float("inf")
) -> list[Stretch]:
    """Consecutive legs slower than `max_speed_kmh` lasting at least `min_s` (gaps excluded:
    a vehicle that went silent did not necessarily stop)."""
    speed = speeds_kmh(track)
    seconds = track.legs_s
    slow = (speed <= max_speed_kmh) & (seconds <= max_gap_s)
    found = []
    for a, b in _runs(slow):
        duration = float(track.t[b + 1] - track.t[a])
        if duration >= min_s:
            metres = float(track.legs_m[a : b + 1].sum())
            found.append(Stretch(a, b + 1, float(track.t[a]), float(track.t[b + 1]),
                                 metres / duration * KMH))  # fmt: skip
    return found


def split_at_gaps(track: Track, max_gap_s: float) -> list[Track]:
    """The pieces of a track between its gaps (pieces of one fix are dropped)."""
    cut = np.flatnonzero(track.legs_s > max_gap_s) + 1
    pieces = []
    for index in np.split(np.arange(len(track)), cut):
        if len(index) >= 2:
            pieces.append(Track(lon=track.lon[index], lat=track.lat[index], t=track.t[index]))
    return pieces
