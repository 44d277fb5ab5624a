"""Links between nodes, built from the data files: railway lines and waterways (lines.yaml),
single border links, generated road links, and the sea and air lanes (lanes.yaml).

A `Link` is one direction of one piece of infrastructure, run without a timetable; a `Lane` is
one direction of a frequency-based sea or air service. Both carry a distance, a run time and
fixed dwell hours (a border, a lock); money and emissions come from the mode's factors."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any, cast

import numpy as np

from ftz.domain.network.data import (
    Factors,
    ModeFactors,
    NetworkDataError,
    read_sea_legs,
    read_yaml,
)
from ftz.domain.network.model import MODES, Mode, Node

EARTH_RADIUS_KM = 6371.0088
HOURS_PER_WEEK = 168.0


def great_circle_km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Haversine distance on the mean Earth sphere (IUGG mean radius)."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp, dl = p2 - p1, np.radians(lon2 - lon1)
    h = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return float(2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(h)))


@dataclass(frozen=True)
class Link:
    a: str
    b: str
    mode: Mode
    km: float
    run_h: float
    dwell_h: float = 0.0
    line: str = ""
    why: str = ""

    @property
    def hours(self) -> float:
        return self.run_h + self.dwell_h


@dataclass(frozen=True)
class Lane:
    a: str
    b: str
    mode: Mode  # sea or air
    km: float
    run_h: float  # sailing or flight time plus the fixed port time
    per_week: float
    coordinates: list[list[float]] = field(default_factory=list, compare=False)

    @property
    def expected_wait_h(self) -> float:
        """Half the mean headway: departures evenly spread over the week."""
        return HOURS_PER_WEEK / self.per_week / 2


def _distance(nodes: dict[str, Node], a: str, b: str) -> float:
    return great_circle_km(nodes[a].lon, nodes[a].lat, nodes[b].lon, nodes[b].lat)


def _speed(factors: ModeFactors, flow: str) -> float:
    if factors.mode != "river":
        return factors.speed_kmh
    return {"down": factors.downstream_kmh, "up": factors.upstream_kmh}.get(flow, factors.still_kmh)


def _need(nodes: dict[str, Node], node_id: str, where: str) -> str:
    if node_id not in nodes:
        raise NetworkDataError(f"{where}: unknown node {node_id!r}")
    return node_id


def line_links(nodes: dict[str, Node], factors: Factors) -> list[Link]:
    """Both directions of every segment of every line; a segment listed by two lines keeps the
    shorter length (the lines agree on the track, not always on their published totals)."""
    raw = read_yaml("lines.yaml")
    best: dict[tuple[str, str, Mode], Link] = {}
    infrastructure: tuple[Mode, ...] = ("rail", "river")
    for mode in infrastructure:
        mf = factors.modes[mode]
        for line in raw[mode]:
            name, stations = line["name"], line["stations"]
            for station in stations:
                _need(nodes, station, f"lines.yaml {name}")
            pairs = list(itertools.pairwise(stations))
            arcs = [_distance(nodes, a, b) for a, b in pairs]
            scale = line["length_km"] / sum(arcs) if "length_km" in line else mf.detour
            dwell = {(d["from"], d["to"]): float(d["hours"]) for d in line.get("dwell") or []}
            flow = line.get("flow", "river")
            for (a, b), arc in zip(pairs, arcs, strict=True):
                km = arc * scale
                hold = dwell.get((a, b), dwell.get((b, a), 0.0))
                forward, backward = ("down", "up") if flow == "river" else (flow, flow)
                for x, y, way in ((a, b, forward), (b, a, backward)):
                    link = Link(x, y, mode, km, km / _speed(mf, way), hold, name)
                    key = (x, y, mode)
                    if key not in best or link.km < best[key].km:
                        best[key] = link
    for n, row in enumerate(raw.get("links") or []):
        where = f"lines.yaml links[{n}]"
        a, b = _need(nodes, row["from"], where), _need(nodes, row["to"], where)
        mode = cast(Mode, row["mode"])
        if mode not in MODES:
            raise NetworkDataError(f"{where}: unknown mode {mode!r}")
        mf = factors.modes[mode]
        km = float(row.get("km", _distance(nodes, a, b) * mf.detour))
        for x, y in ((a, b), (b, a)):
            best[(x, y, mode)] = Link(x, y, mode, km, km / _speed(mf, "still"),
                                      float(row.get("dwell_h", 0)), "border link",
                                      str(row.get("why", "")))  # fmt: skip
    return list(best.values())


def road_links(nodes: dict[str, Node], factors: Factors, taken: set[tuple[str, str]]) -> list[Link]:
    """Trucking between nodes of one country (or one open-border group): every pair closer than
    `drayage_km`, and each node's nearest `neighbours` within `max_km`. Borders are crossed only
    by the explicit road links of lines.yaml."""
    rules = factors.road
    mf = factors.modes["road"]
    group_of: dict[str, str] = {}
    for n, group in enumerate(rules.get("open_borders") or []):
        for country in group:
            group_of[country] = f"group{n}"
    ids = list(nodes)
    lon = np.radians([nodes[i].lon for i in ids])
    lat = np.radians([nodes[i].lat for i in ids])
    groups = np.array([group_of.get(nodes[i].country, nodes[i].country) for i in ids])
    dlat = lat[:, None] - lat[None, :]
    dlon = lon[:, None] - lon[None, :]
    h = np.sin(dlat / 2) ** 2 + np.cos(lat)[:, None] * np.cos(lat)[None, :] * np.sin(dlon / 2) ** 2
    km = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0, 1)))
    km[groups[:, None] != groups[None, :]] = np.inf
    np.fill_diagonal(km, np.inf)
    chosen: set[tuple[int, int]] = set()
    for i in range(len(ids)):
        order = np.argsort(km[i])
        near = [j for j in order[: int(rules["neighbours"])] if km[i, j] <= rules["max_km"]]
        near += [j for j in np.flatnonzero(km[i] <= rules["drayage_km"])]
        for j in near:
            chosen.add((min(i, int(j)), max(i, int(j))))
    links = []
    for i, j in sorted(chosen):
        a, b = ids[i], ids[j]
        if (a, b) in taken:
            continue
        road_km = float(km[i, j]) * mf.detour
        links.append(Link(a, b, "road", road_km, road_km / mf.speed_kmh, line="road"))
        links.append(Link(b, a, "road", road_km, road_km / mf.speed_kmh, line="road"))
    return links


def lanes(nodes: dict[str, Node], factors: Factors) -> list[Lane]:
    """Sea lanes (distances from sea_legs.json) and air lanes, both directions each."""
    raw = read_yaml("lanes.yaml")
    sea_legs = read_sea_legs()
    found: list[Lane] = []
    for mode in ("sea", "air"):
        mf = factors.modes[mode]
        for n, (a, b, per_week) in enumerate(raw[mode]):
            where = f"lanes.yaml {mode}[{n}]"
            _need(nodes, a, where), _need(nodes, b, where)
            coords: list[list[float]] = []
            if mode == "sea":
                leg = sea_legs.get(f"{a}|{b}")
                if leg is None:
                    raise NetworkDataError(
                        f"{where}: no sea distance for {a}|{b}; "
                        "run python -m ftz.domain.network.build"
                    )
                km, coords = float(leg["km"]), leg["coordinates"]
            else:
                km = _distance(nodes, a, b) * mf.detour
            run_h = km / mf.speed_kmh + mf.port_h
            found.append(Lane(a, b, mode, km, run_h, float(per_week), coords))
            found.append(Lane(b, a, mode, km, run_h, float(per_week), coords[::-1]))
    return found


def sea_pairs() -> list[tuple[str, str]]:
    """The sea lanes as listed, for the build step."""
    raw: dict[str, Any] = read_yaml("lanes.yaml")
    return [(a, b) for a, b, _ in raw["sea"]]
