"""Path searches on the planning graph (networkx): the best path, alternatives, and the
earliest arrival under timetables.

Alternatives, two ways:
- "legs" (default): leg elimination (Azevedo et al. 1993; Yen's scheme at the level of
  vehicles). For each route found, each of its vehicle legs in turn is banned (the boarding of
  that service, that sailing or flight, the dispatch of that unscheduled mode at that node) and
  the best route without it is a candidate; candidates carry their bans forward like Yen's spur
  paths, and the best candidate with a new sequence of legs is the next route. Every search is
  one bidirectional Dijkstra, so k routes cost about k × legs searches.
- "yen": Yen's k shortest loopless paths (networkx `shortest_simple_paths`), exact in the graph,
  on the corridor of nodes that paths within (1 + slack) × the best can use. Yen also lists paths
  that differ only inside one vehicle's run (a truck passing another town); those are skipped,
  which is why it examines more paths and is slower (bench/routing.py)."""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Iterator
from itertools import count, pairwise
from typing import Any

import networkx as nx

from ftz.domain.network.model import Graph

Weight = str | Callable[[str, str, dict[str, Any]], float | None]
Edge = tuple[str, str]
VEHICLE_EDGES = {"dispatch", "board", "lane"}
SLACK = 0.3


def _banning(weight: Weight, banned: frozenset[Edge]) -> Weight:
    if not banned:
        return weight
    if isinstance(weight, str):
        attr = weight
        return lambda u, v, d: None if (u, v) in banned else d[attr]
    inner = weight
    return lambda u, v, d: None if (u, v) in banned else inner(u, v, d)


def best_path(
    graph: Graph,
    source: str,
    target: str,
    weight: Weight,
    banned: frozenset[Edge] = frozenset(),
) -> tuple[float, list[str]]:
    length, path = nx.bidirectional_dijkstra(graph, source, target, weight=_banning(weight, banned))
    return float(length), list(path)


def vehicle_edges(graph: Graph, path: list[str]) -> list[Edge]:
    """The edge that starts each vehicle leg of the path (what leg elimination bans)."""
    return [
        (u, v) for u, v in pairwise(path)
        if graph.edges[u, v]["kind"] in VEHICLE_EDGES
    ]  # fmt: skip


def leg_alternatives(graph: Graph, source: str, target: str, weight: Weight) -> Iterator[list[str]]:
    """Paths best first, the first one the best path; the caller stops when it has enough and
    skips paths whose legs repeat an earlier route's."""
    _length, path = best_path(graph, source, target, weight)
    yield path
    tried: set[frozenset[Edge]] = set()
    ties = count()
    candidates: list[tuple[float, int, list[str], frozenset[Edge]]] = []
    expand: list[tuple[list[str], frozenset[Edge]]] = [(path, frozenset())]
    while expand:
        current, bans = expand.pop()
        for edge in vehicle_edges(graph, current):
            more = bans | {edge}
            if more in tried:
                continue
            tried.add(more)
            try:
                cost, found = best_path(graph, source, target, weight, more)
            except nx.NetworkXNoPath:
                continue
            heapq.heappush(candidates, (cost, next(ties), found, more))
        if not candidates:
            return
        _, _, chosen, chosen_bans = heapq.heappop(candidates)
        yield chosen
        expand.append((chosen, chosen_bans))


def _reversed(weight: Weight) -> Weight:
    if isinstance(weight, str):
        return weight
    inner = weight
    return lambda u, v, d: inner(v, u, d)


_REVERSED: dict[int, Graph] = {}


def reverse_of(graph: Graph) -> Graph:
    """A reversed copy of a cached (never modified) planning graph, for backward searches."""
    key = id(graph)
    if key not in _REVERSED:
        _REVERSED[key] = graph.reverse(copy=True)
    return _REVERSED[key]


def corridor(graph: Graph, source: str, target: str, weight: Weight, slack: float = SLACK) -> Graph:
    """The nodes v with d(source, v) + d(v, target) ≤ (1 + slack) × best: every path within that
    bound lies wholly inside, so Yen's k shortest paths there are exactly the whole graph's (up
    to the bound), at a fraction of the cost."""
    best, _ = best_path(graph, source, target, weight)
    bound = best * (1 + slack) + 1e-9
    ahead = nx.single_source_dijkstra_path_length(graph, source, cutoff=bound, weight=weight)
    behind = nx.single_source_dijkstra_path_length(
        reverse_of(graph), target, cutoff=bound, weight=_reversed(weight)
    )
    keep = [v for v, d in ahead.items() if v in behind and d + behind[v] <= bound]
    return nx.DiGraph(graph.subgraph(keep))


def yen_alternatives(graph: Graph, source: str, target: str, weight: Weight) -> Iterator[list[str]]:
    narrow = corridor(graph, source, target, weight)
    yield from nx.shortest_simple_paths(narrow, source, target, weight=weight)  # type: ignore[arg-type]


def earliest_arrival(graph: Graph, source: str, target: str, start: float) -> list[str]:
    """Time-dependent Dijkstra: boarding a service waits for its next departure, every other
    edge takes its hours. Waiting never lets cargo arrive earlier (FIFO), so the labels are
    exact earliest arrivals."""
    best = {source: start}
    previous: dict[str, str] = {}
    queue = [(start, source)]
    succ = graph.adj
    while queue:
        moment, node = heapq.heappop(queue)
        if node == target:
            path = [node]
            while path[-1] != source:
                path.append(previous[path[-1]])
            return path[::-1]
        if moment > best.get(node, math.inf):
            continue
        for nxt, data in succ[node].items():
            if data["kind"] == "board":
                reach = data["service"].departures_at(data["stop"]).next_departure(moment)
            else:
                reach = moment + data["hours"] * 3600
            if reach < best.get(nxt, math.inf):
                best[nxt] = reach
                previous[nxt] = node
                heapq.heappush(queue, (reach, nxt))
    raise nx.NetworkXNoPath(f"no path from {source} to {target}")
