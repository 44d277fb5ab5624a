"""Timetabled services (services.yaml) laid on the infrastructure: between two consecutive stops
a service follows the shortest path of its mode's links, and its schedule gives each stop an
arrival and a departure offset from the departure at the first stop."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any, cast

import networkx as nx

from ftz.domain.network.data import Factors, NetworkDataError, read_yaml
from ftz.domain.network.links import Link
from ftz.domain.network.model import Graph, Mode, Node
from ftz.domain.network.timetable import Weekly, parse_utc_offset


@dataclass(frozen=True)
class Segment:
    a: str
    b: str
    km: float
    run_h: float  # running time plus the links' dwell (borders, locks)
    via: tuple[str, ...]  # nodes passed between a and b


@dataclass(frozen=True)
class Service:
    id: str
    name: str
    name_zh: str
    mode: Mode
    stops: tuple[str, ...]
    departs: Weekly  # at the first stop
    utc_offset_s: int
    segments: tuple[Segment, ...]
    arrive_h: tuple[float, ...]  # offset of the arrival at each stop (0 at the first)
    depart_h: tuple[float, ...]  # offset of the departure from each stop
    cost_cny_per_tkm: float | None
    source: str
    stop_dwell_h: dict[str, float] = field(default_factory=dict, compare=False)

    def departures_at(self, index: int) -> Weekly:
        return self.departs.shifted(self.depart_h[index] * 3600)

    def schedule(self) -> dict[str, Any]:
        """The service as people read a timetable."""
        return {
            "id": self.id,
            "name": self.name,
            "name_zh": self.name_zh,
            "mode": self.mode,
            "per_week": self.departs.per_week,
            "departs": self.departs.labels(self.utc_offset_s),
            "utc_offset_s": self.utc_offset_s,
            "source": self.source,
            "stops": [
                {
                    "node": stop,
                    "arrive_h": round(self.arrive_h[i], 2),
                    "depart_h": round(self.depart_h[i], 2),
                }
                for i, stop in enumerate(self.stops)
            ],
            "hours": round(self.arrive_h[-1], 2),
            "distance_km": round(sum(s.km for s in self.segments), 1),
        }


def _mode_graph(links: list[Link], mode: Mode) -> Graph:
    graph: Graph = nx.DiGraph()
    for link in links:
        if link.mode == mode:
            graph.add_edge(link.a, link.b, km=link.km, link=link)
    return graph


def _segment(graph: Graph, a: str, b: str, speed: float | None, where: str) -> Segment:
    try:
        path: list[str] = nx.dijkstra_path(graph, a, b, weight="km")
    except (nx.NetworkXNoPath, nx.NodeNotFound) as exc:
        raise NetworkDataError(f"{where}: no infrastructure path {a} → {b}") from exc
    km = run = 0.0
    for x, y in itertools.pairwise(path):
        link: Link = graph.edges[x, y]["link"]
        km += link.km
        run += (link.km / speed if speed else link.run_h) + link.dwell_h
    return Segment(a, b, km, run, tuple(path[1:-1]))


def _build(row: dict[str, Any], graphs: dict[Mode, Graph], nodes: dict[str, Node]) -> Service:
    where = f"services.yaml {row.get('id')}"
    stops = tuple(row["stops"])
    for stop in stops:
        if stop not in nodes:
            raise NetworkDataError(f"{where}: unknown stop {stop!r}")
    if len(stops) < 2 or len(set(stops)) != len(stops):
        raise NetworkDataError(f"{where}: needs two or more distinct stops")
    mode = cast(Mode, row["mode"])
    speed = float(row["speed_kmh"]) if row.get("speed_kmh") else None
    dwell = {k: float(v) for k, v in (row.get("stop_dwell_h") or {}).items()}
    segments = tuple(
        _segment(graphs[mode], a, b, speed, where) for a, b in itertools.pairwise(stops)
    )
    arrive, depart = [0.0], [0.0]
    for i, segment in enumerate(segments, start=1):
        arrive.append(depart[-1] + segment.run_h)
        depart.append(arrive[-1] + (dwell.get(stops[i], 0.0) if i < len(stops) - 1 else 0.0))
    try:
        departs = Weekly.parse(row["departs"], where)
        offset = parse_utc_offset(str(row["departs"].get("utc_offset", "+00:00")))
    except ValueError as exc:
        raise NetworkDataError(str(exc)) from exc
    cost = row.get("cost_cny_per_tkm")
    return Service(
        id=row["id"], name=row["name"], name_zh=row["name_zh"], mode=mode, stops=stops,
        departs=departs, utc_offset_s=offset, segments=segments, arrive_h=tuple(arrive),
        depart_h=tuple(depart), cost_cny_per_tkm=float(cost) if cost is not None else None,
        source=str(row.get("source", "")), stop_dwell_h=dwell,
    )  # fmt: skip


def build_services(
    nodes: dict[str, Node],
    links: list[Link],
    factors: Factors,
    rows: list[dict[str, Any]] | None = None,
) -> list[Service]:
    """Every service of services.yaml (or of `rows`), and its reverse where `reverse: true`."""
    del factors  # speeds come from the services or the links themselves
    modes: tuple[Mode, ...] = ("rail", "river", "road")
    graphs = {mode: _mode_graph(links, mode) for mode in modes}
    found: list[Service] = []
    seen: set[str] = set()
    for row in rows if rows is not None else read_yaml("services.yaml")["services"]:
        variants = [row]
        if row.get("reverse"):
            back = dict(row, id=f"{row['id']}_return", stops=list(reversed(row["stops"])))
            back["name"] = f"{row['name']} (return)"
            back["name_zh"] = f"{row['name_zh']}（回程）"
            variants.append(back)
        for item in variants:
            if item["id"] in seen:
                raise NetworkDataError(f"services.yaml: duplicate id {item['id']}")
            seen.add(item["id"])
            found.append(_build(item, graphs, nodes))
    return found
