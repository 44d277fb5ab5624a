"""Reefer circulation (全球调拨、海外还箱、循环利用): given boxes on hand and boxes wanted at each
depot over a horizon, the cheapest plan of empty moves, local lease-ins, overseas returns
(off-hire where rules/reefer_return.json allows it) and idle boxes, as a min-cost flow solved by
networkx's network simplex; and the naive plan it replaces, where every spare box abroad goes
back to the home depot and every shortage is filled from home (or leased). Both are priced with
the same parameters (data/reefer.yaml, each with its source), so the saving is like for like."""

from __future__ import annotations

from typing import Any

import networkx as nx

from ftz.core.kit.errors import validation_error
from ftz.practices.asia_europe_transport.common import reefer_data, rules

LEASE, END = "_lease", "_end"
MAX_BOXES = 100_000


def depots() -> dict[str, dict[str, Any]]:
    return {d["node"]: d for d in reefer_data()["depots"]}


def overseas_return(depot: dict[str, Any]) -> tuple[bool, list[dict[str, Any]]]:
    facts = {"owner": depot["owner"], "role": depot["role"], "partner": depot["partner"]}
    decision = rules().evaluate("reefer_return.json", facts)
    return bool(decision.result["overseas_return"]), decision.explanation()


def _check(horizon_days: int, stock: dict[str, int], demand: dict[str, int]) -> None:
    if not 1 <= horizon_days <= 60:
        raise validation_error("horizon_days", "the horizon is 1 to 60 days")
    known = depots()
    for field, values in (("stock", stock), ("demand", demand)):
        for node, count in values.items():
            if node not in known:
                raise validation_error(f"{field}.{node}", f"not a depot; one of {', '.join(known)}")
            if not 0 <= int(count) <= MAX_BOXES:
                raise validation_error(f"{field}.{node}", f"0 to {MAX_BOXES} boxes")


def _lanes(horizon_days: int) -> list[dict[str, Any]]:
    """Lanes an empty box can run within the horizon."""
    return [lane for lane in reefer_data()["lanes"] if int(lane["days"]) <= horizon_days]


def _summary(moves: list[dict[str, Any]]) -> dict[str, Any]:
    cost = sum(int(m["cost_cny"]) for m in moves)
    by_kind: dict[str, int] = {}
    for move in moves:
        by_kind[move["kind"]] = by_kind.get(move["kind"], 0) + int(move["boxes"])
    return {"moves": moves, "cost_cny": cost, "boxes_by_kind": by_kind}


def optimal(horizon_days: int, stock: dict[str, int], demand: dict[str, int]) -> dict[str, Any]:
    """The min-cost plan. Nodes: depots (demand − stock), a lease pool that can supply every
    shortage, and an end node taking idle boxes (storage over the horizon), off-hired boxes
    (where overseas return is allowed) and unused lease capacity, so the flow balances."""
    known = depots()
    graph: nx.DiGraph[str] = nx.DiGraph()
    short = sum(max(0, demand.get(n, 0) - stock.get(n, 0)) for n in known)
    for node in known:
        graph.add_node(node, demand=int(demand.get(node, 0)) - int(stock.get(node, 0)))
    graph.add_node(LEASE, demand=-short)
    total_stock, total_demand = sum(stock.values()), sum(demand.values())
    graph.add_node(END, demand=int(total_stock - total_demand + short))
    graph.add_edge(LEASE, END, weight=0)
    for lane in _lanes(horizon_days):
        graph.add_edge(lane["from"], lane["to"], weight=int(lane["cny"]), kind="empty_move")
    for node, depot in known.items():
        graph.add_edge(LEASE, node, weight=int(depot["lease_cny"]), kind="lease_in")
        allowed, _ = overseas_return(depot)
        hold = int(depot["hold_cny_per_day"]) * horizon_days
        # Off-hire and idle are two ways into END; only the cheaper exists per depot.
        if allowed and depot["offhire_cny"] is not None and int(depot["offhire_cny"]) < hold:
            graph.add_edge(node, END, weight=int(depot["offhire_cny"]), kind="overseas_return")
        else:
            graph.add_edge(node, END, weight=hold, kind="idle")
    flow = nx.min_cost_flow(graph)
    moves = []
    for a, targets in flow.items():
        for b, boxes in targets.items():
            if boxes and not (a == LEASE and b == END):
                edge = graph.edges[a, b]
                moves.append({"kind": edge["kind"], "from": a if a != LEASE else None,
                              "to": b if b != END else None, "boxes": boxes,
                              "cost_cny": boxes * int(edge["weight"])})  # fmt: skip
    moves.sort(key=lambda m: (m["kind"], m["from"] or "", m["to"] or ""))
    return _summary(moves)


def naive(horizon_days: int, stock: dict[str, int], demand: dict[str, int]) -> dict[str, Any]:
    """Return to origin: each depot first serves its own demand; every spare box abroad runs
    back empty to the home depot (idle where the lane is longer than the horizon); shortages
    are filled from home while it has boxes and a lane, then leased locally."""
    known, home = depots(), str(reefer_data()["home"])
    lanes = {(x["from"], x["to"]): int(x["cny"]) for x in _lanes(horizon_days)}
    spare = {n: max(0, stock.get(n, 0) - demand.get(n, 0)) for n in known}
    short = {n: max(0, demand.get(n, 0) - stock.get(n, 0)) for n in known}
    moves: list[dict[str, Any]] = []

    def add(kind: str, a: str | None, b: str | None, boxes: int, each: int) -> None:
        if boxes:
            moves.append({"kind": kind, "from": a, "to": b, "boxes": boxes,
                          "cost_cny": boxes * each})  # fmt: skip

    for node in known:
        if node != home and spare[node] and (node, home) in lanes:
            add("return_to_origin", node, home, spare[node], lanes[node, home])
            spare[home] += spare[node]
            spare[node] = 0
    served = min(spare[home], short[home])  # the returned boxes first serve home itself
    spare[home] -= served
    short[home] -= served
    for node in known:
        if node != home and short[node] and (home, node) in lanes:
            sent = min(short[node], spare[home])
            add("empty_move", home, node, sent, lanes[home, node])
            spare[home] -= sent
            short[node] -= sent
    for node, depot in known.items():
        add("lease_in", None, node, short[node], int(depot["lease_cny"]))
        add("idle", node, None, spare[node], int(depot["hold_cny_per_day"]) * horizon_days)
    return _summary(moves)


def compare(horizon_days: int, stock: dict[str, int], demand: dict[str, int]) -> dict[str, Any]:
    _check(horizon_days, stock, demand)
    best, base = optimal(horizon_days, stock, demand), naive(horizon_days, stock, demand)
    fired = [row for depot in depots().values() for row in overseas_return(depot)[1]]
    return {"horizon_days": horizon_days, "optimal": best, "naive": base,
            "saving_cny": base["cost_cny"] - best["cost_cny"], "fired": fired,
            "parameters": str(reefer_data()["version"]),
            "sources": reefer_data()["sources"]}  # fmt: skip
