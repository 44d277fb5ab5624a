"""Route planning on the shipped network: `plan(origin, destination, …) -> RoutePlan`.

The best route is the shortest path of the planning graph by the chosen weight: hours, cost,
CO₂, or the generalised cost ("mix"); its alternatives come from leg elimination or Yen's
k shortest paths (search.py). Routes with the same sequence of legs (vehicles and the nodes
where they start and end) count once. With a departure time, timetabled services wait for their
real next departure; when optimising time, the exact earliest-arrival route under the
timetables (a time-dependent Dijkstra) is added and the routes are ordered by their timed
totals."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from itertools import islice
from typing import Any

import networkx as nx

from ftz.core.kit.errors import FtzError, validation_error
from ftz.domain.network.graph import mix_weight
from ftz.domain.network.model import MODES, OPTIMIZE, Route, RoutePlan
from ftz.domain.network.network import Network, network
from ftz.domain.network.routes import build_route, signature
from ftz.domain.network.search import (
    Weight,
    best_path,
    earliest_arrival,
    leg_alternatives,
    yen_alternatives,
)

MAX_K = 10
SCAN_FACTOR = 4  # paths examined per route wanted before giving up on more alternatives
WEIGHT_OF = {"time": "w_time", "cost": "w_cost", "co2": "w_co2", "mix": "mix"}
METHODS = ("legs", "yen")


def no_route(origin: str, destination: str, modes: Iterable[str] | None) -> FtzError:
    using = f" using {', '.join(sorted(modes))}" if modes else ""
    return FtzError(
        detail=f"no route from {origin} to {destination}{using}",
        status=404,
        title="No route",
        type_slug="no-route",
    )


def _check(
    optimize: str, modes: Iterable[str] | None, k: int, tonnes: float, method: str
) -> frozenset[str] | None:
    if optimize not in OPTIMIZE:
        raise validation_error("optimize", f"{optimize!r} is not one of {', '.join(OPTIMIZE)}")
    if method not in METHODS:
        raise validation_error("method", f"{method!r} is not one of {', '.join(METHODS)}")
    if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= MAX_K:
        raise validation_error("k", f"k must be an integer from 1 to {MAX_K}")
    if not math.isfinite(tonnes) or not 0 < tonnes <= 1_000_000:
        raise validation_error("tonnes", "tonnes must be a positive number up to 1,000,000")
    if modes is None:
        return None
    chosen = frozenset(modes)
    unknown = sorted(chosen - set(MODES))
    if unknown:
        raise validation_error("modes", f"unknown mode {unknown[0]!r} (use {', '.join(MODES)})")
    if not chosen:
        raise validation_error("modes", "allow at least one mode")
    return chosen


def _weight(net: Network, optimize: str, weights: Mapping[str, float] | None) -> Weight:
    if weights is None or optimize != "mix":
        return WEIGHT_OF[optimize]
    extra = set(weights) - {"time", "cost", "co2"}
    if extra:
        raise validation_error("weights", f"unknown weight {sorted(extra)[0]!r}")
    triple = (
        float(weights.get("time", 0.0)),
        float(weights.get("cost", 0.0)),
        float(weights.get("co2", 0.0)),
    )
    if any(w < 0 or not math.isfinite(w) for w in triple) or not any(triple):
        raise validation_error("weights", "weights must be non-negative and not all zero")
    factors = net.factors
    return lambda u, v, d: mix_weight(d, factors, triple)


def _epoch(depart_at: datetime | None) -> float | None:
    if depart_at is None:
        return None
    moment = depart_at if depart_at.tzinfo else depart_at.replace(tzinfo=UTC)
    return moment.timestamp()


def plan(
    origin: str,
    destination: str,
    optimize: str = "time",
    modes: Iterable[str] | None = None,
    k: int = 3,
    depart_at: datetime | None = None,
    tonnes: float | None = None,
    weights: Mapping[str, float] | None = None,
    method: str = "legs",
    net: Network | None = None,
) -> RoutePlan:
    """The best route from `origin` to `destination` (node ids or UN/LOCODEs) and up to k-1
    different alternatives. `modes` limits the modes used (None: all); `tonnes` defaults to one
    loaded TEU (modes.yaml); `weights` ({"time", "cost", "co2"}) tune optimize="mix"; a naive
    `depart_at` is read as UTC; `method` ("legs" or "yen") picks how alternatives are found;
    `net` is the shipped network unless given (tests pass small ones)."""
    net = net or network()
    load = float(tonnes) if tonnes is not None else net.factors.teu_tonnes
    allowed = _check(optimize, modes, k, load, method)
    weight = _weight(net, optimize, weights)
    source, starts = net.endpoint(origin, "origin", "out")
    target, ends = net.endpoint(destination, "destination", "in")
    if {n.id for n in starts} & {n.id for n in ends}:
        raise validation_error("destination", "the destination is the origin")
    graph = net.restricted(allowed)
    if source not in graph or target not in graph:
        raise no_route(origin, destination, allowed)
    start = _epoch(depart_at)
    routes: list[Route] = []
    seen: set[Any] = set()

    def keep(path: list[str]) -> None:
        route = build_route(graph, net.nodes, path, load, start)
        key = signature(route)
        if key not in seen:
            seen.add(key)
            routes.append(route)

    try:
        if start is not None and optimize == "time":
            keep(earliest_arrival(graph, source, target, start))
        if k == 1 and not routes:
            keep(best_path(graph, source, target, weight)[1])
        elif k > 1:
            search = yen_alternatives if method == "yen" else leg_alternatives
            paths: Iterator[list[str]] = search(graph, source, target, weight)
            for path in islice(paths, SCAN_FACTOR * k):
                keep(path)
                if len(routes) >= k:
                    break
    except nx.NetworkXNoPath as exc:
        raise no_route(origin, destination, allowed) from exc
    if start is not None and optimize == "time":
        routes.sort(key=lambda r: r.total.hours)
    best, *others = routes[:k]
    return RoutePlan(legs=best.legs, total=best.total, alternatives=others)
