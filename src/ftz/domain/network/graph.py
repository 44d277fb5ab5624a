"""The planning graph (networkx DiGraph) of the shipped network.

Every node of nodes.csv appears as several graph nodes, so that waiting, boarding and changing
mode are edges with their own time, cost and CO₂:

    "N|out"  where a route starts at N        "N|in"  where a route ends at N
    "N|rail" cargo at N's rail terminal (one per mode serving N)
    "N|rail~" cargo on a moving unscheduled train passing N (rail, road, river)
    "svc:S|i<" / "svc:S|i>" service S arriving at / departing from its i-th stop
    "@CNCTU|out" / "@CNCTU|in" every node of a UN/LOCODE place at once

Edge kinds: access (N|out → N|m), egress (N|m → N|in), place, transfer (N|m → N|m', the
transfer rule of modes.yaml), dispatch (N|m → N|m~, the mode's dispatch wait and boarding
cost), move (a link), arrive (N|m~ → N|m), lane (N|m → M|m, expected wait + sailing/flight),
board (N|m → svc:S|i>, wait for the service), ride (svc:S|i> → svc:S|i+1<), dwell
(svc:S|i< → svc:S|i>), alight (svc:S|i< → N|m). Source nodes have no incoming edges and sinks
no outgoing ones, so a route never passes through an `out`/`in` node and every change of mode
pays its transfer. Weights per tonne: hours, cost, co2, and mix (generalised cost)."""

from __future__ import annotations

from typing import Any

import networkx as nx

from ftz.domain.network.data import Factors
from ftz.domain.network.links import Lane, Link
from ftz.domain.network.model import Graph, Mode, Node
from ftz.domain.network.services import Service

TIE = 1e-6
FREE = {"hours": 0.0, "wait": 0.0, "km": 0.0, "cost": 0.0, "co2": 0.0}


def terminal(node: str, mode: str) -> str:
    return f"{node}|{mode}"


def _edge(graph: Graph, u: str, v: str, factors: Factors, **attrs: Any) -> None:
    data = {**FREE, **attrs}
    data["mix"] = mix_weight(data, factors, (1.0, 1.0, 1.0))
    # Search weights: the objective plus a millionth of another one, so that of two routes
    # equal in cost the faster wins (and of two equally fast ones the cheaper).
    data["w_time"] = data["hours"] + TIE * data["cost"]
    data["w_cost"] = data["cost"] + TIE * data["hours"]
    data["w_co2"] = data["co2"] + TIE * data["hours"]
    graph.add_edge(u, v, **data)


def mix_weight(
    data: dict[str, Any], factors: Factors, weights: tuple[float, float, float]
) -> float:
    """Generalised cost per tonne: weighted CNY + value of time × hours + carbon price × kg."""
    time_w, cost_w, co2_w = weights
    return float(
        time_w * factors.value_of_time * data["hours"]
        + cost_w * data["cost"]
        + co2_w * factors.carbon_price * data["co2"]
    )


def build_graph(
    nodes: dict[str, Node],
    links: list[Link],
    lanes: list[Lane],
    services: list[Service],
    factors: Factors,
) -> Graph:
    graph: Graph = nx.DiGraph()
    modes_at: dict[str, set[Mode]] = {n: set() for n in nodes}
    for link in links:
        modes_at[link.a].add(link.mode)
        modes_at[link.b].add(link.mode)
    for lane in lanes:
        modes_at[lane.a].add(lane.mode)
        modes_at[lane.b].add(lane.mode)
    for service in services:
        for stop in service.stops:
            modes_at[stop].add(service.mode)
    for node_id, modes in modes_at.items():
        for mode in modes:
            here = terminal(node_id, mode)
            _edge(graph, f"{node_id}|out", here, factors, kind="access", mode=mode, at=node_id)
            _edge(graph, here, f"{node_id}|in", factors, kind="egress", mode=mode, at=node_id)
            for other in modes - {mode}:
                rule = factors.transfer(mode, other)
                _edge(graph, here, terminal(node_id, other), factors, kind="transfer",
                      mode=other, from_mode=mode, at=node_id, hours=rule.hours,
                      cost=rule.cost_cny_per_t, co2=rule.co2_kg_per_t)  # fmt: skip
        locode = nodes[node_id].locode
        if locode and modes:
            _edge(graph, f"@{locode}|out", f"{node_id}|out", factors, kind="place", mode=None)
            _edge(graph, f"{node_id}|in", f"@{locode}|in", factors, kind="place", mode=None)
    for link in links:
        _add_link(graph, link, factors)
    for lane in lanes:
        mf = factors.modes[lane.mode]
        wait = lane.expected_wait_h
        _edge(graph, terminal(lane.a, lane.mode), terminal(lane.b, lane.mode), factors,
              kind="lane", mode=lane.mode, a=lane.a, b=lane.b, km=lane.km,
              hours=wait + lane.run_h, wait=wait,
              cost=mf.fixed_cny_per_t + lane.km * mf.cost_cny_per_tkm,
              co2=lane.km * mf.co2_kg_per_tkm, lane=lane)  # fmt: skip
    for service in services:
        _add_service(graph, service, factors)
    return graph


def _add_link(graph: Graph, link: Link, factors: Factors) -> None:
    mf = factors.modes[link.mode]
    for node_id in (link.a, link.b):
        here, moving = terminal(node_id, link.mode), terminal(node_id, link.mode) + "~"
        if not graph.has_edge(here, moving):
            _edge(graph, here, moving, factors, kind="dispatch", mode=link.mode, at=node_id,
                  hours=mf.dispatch_h, wait=mf.dispatch_h, cost=mf.fixed_cny_per_t)  # fmt: skip
            _edge(graph, moving, here, factors, kind="arrive", mode=link.mode, at=node_id)
    _edge(graph, terminal(link.a, link.mode) + "~", terminal(link.b, link.mode) + "~", factors,
          kind="move", mode=link.mode, a=link.a, b=link.b, km=link.km, hours=link.hours,
          cost=link.km * mf.cost_cny_per_tkm, co2=link.km * mf.co2_kg_per_tkm,
          link=link)  # fmt: skip


def _add_service(graph: Graph, service: Service, factors: Factors) -> None:
    mf = factors.modes[service.mode]
    rate = service.cost_cny_per_tkm if service.cost_cny_per_tkm is not None else mf.cost_cny_per_tkm
    last = len(service.stops) - 1
    for i, stop in enumerate(service.stops):
        here = terminal(stop, service.mode)
        arrive, depart = f"svc:{service.id}|{i}<", f"svc:{service.id}|{i}>"
        if i < last:
            wait = service.departures_at(i).expected_wait_h
            _edge(graph, here, depart, factors, kind="board", mode=service.mode, at=stop,
                  service=service, stop=i, hours=wait, wait=wait,
                  cost=mf.fixed_cny_per_t)  # fmt: skip
            segment = service.segments[i]
            _edge(graph, depart, f"svc:{service.id}|{i + 1}<", factors, kind="ride",
                  mode=service.mode, service=service, stop=i, a=stop, b=service.stops[i + 1],
                  km=segment.km, hours=segment.run_h, cost=segment.km * rate,
                  co2=segment.km * mf.co2_kg_per_tkm)  # fmt: skip
        if i > 0:
            _edge(graph, arrive, here, factors, kind="alight", mode=service.mode, at=stop,
                  service=service, stop=i)  # fmt: skip
        if 0 < i < last:
            hold = service.depart_h[i] - service.arrive_h[i]
            _edge(graph, arrive, depart, factors, kind="dwell", mode=service.mode, at=stop,
                  service=service, stop=i, hours=hold)  # fmt: skip
