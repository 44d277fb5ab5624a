"""Multi-period reefer circulation: a time-expanded network over several periods of
`period_days` days. Each depot has boxes freed (stock) and boxes wanted (demand) in each period.
Node (depot, t) for every period; arcs:

- holding: (n, t) → (n, t+1), the idle cost of a box for one period;
- empty repositioning: (a, t) → (b, t+k) for each lane, k = ceil(days / period_days) − 1 (a box
  that arrives within the period it left in serves that period's demand), only if it lands
  within the horizon;
- lease-in: lease pool → (n, t) at the local lease price;
- overseas return (off-hire) where rules/reefer_return.json allows it: (n, t) → end;
- end of horizon: (n, last) → end, the cheaper of off-hire and one more period idle.

Solved as a min-cost flow (networkx network simplex) and compared, priced alike, with the naive
plan: each period every depot serves its own demand, spare boxes abroad run back to the home
depot (arriving k periods later), home fills shortages it can reach within the period, the rest
is leased, and what is left is held. With one period of `horizon_days` days this is exactly the
single-horizon model of reefer.py (same arcs, same costs), tested as such."""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any

import networkx as nx

from ftz.core.kit.errors import validation_error
from ftz.practices.asia_europe_transport.common import reefer_data
from ftz.practices.asia_europe_transport.reefer import (
    END,
    LEASE,
    MAX_BOXES,
    _summary,
    depots,
    overseas_return,
)

MAX_PERIODS, MAX_PERIOD_DAYS = 12, 30
Period = dict[str, dict[str, int]]


def transit(days: int, period_days: int) -> int:
    """Periods a lane takes: 0 when the box arrives within the period it left in."""
    return max(0, math.ceil(int(days) / period_days) - 1)


def check(period_days: int, periods: list[Period]) -> None:
    if not 1 <= period_days <= MAX_PERIOD_DAYS:
        raise validation_error("period_days", f"a period is 1 to {MAX_PERIOD_DAYS} days")
    if not 1 <= len(periods) <= MAX_PERIODS:
        raise validation_error("periods", f"1 to {MAX_PERIODS} periods")
    known = depots()
    for t, period in enumerate(periods):
        for field in ("stock", "demand"):
            for node, count in period.get(field, {}).items():
                if node not in known:
                    raise validation_error(f"periods.{t}.{field}.{node}",
                                           f"not a depot; one of {', '.join(known)}")  # fmt: skip
                if not 0 <= int(count) <= MAX_BOXES:
                    raise validation_error(f"periods.{t}.{field}.{node}", f"0 to {MAX_BOXES} boxes")


def _lanes(period_days: int) -> list[dict[str, Any]]:
    return [{**lane, "k": transit(lane["days"], period_days)} for lane in reefer_data()["lanes"]]


def _at(node: str, t: int) -> str:
    return f"{node}@{t}"


def _get(period: Period, field: str, node: str) -> int:
    return int(period.get(field, {}).get(node, 0))


def optimal(period_days: int, periods: list[Period]) -> dict[str, Any]:
    known, last = depots(), len(periods) - 1
    graph: nx.DiGraph[str] = nx.DiGraph()
    wanted = sum(_get(p, "demand", n) for p in periods for n in known)
    freed = sum(_get(p, "stock", n) for p in periods for n in known)
    for t, period in enumerate(periods):
        for node in known:
            graph.add_node(_at(node, t), demand=_get(period, "demand", node)
                           - _get(period, "stock", node))  # fmt: skip
    # The lease pool can cover every box wanted; what it does not lease goes straight to END.
    graph.add_node(LEASE, demand=-wanted)
    graph.add_node(END, demand=freed)
    graph.add_edge(LEASE, END, weight=0)

    def arc(a: str, b: str, kind: str, weight: int, src: str | None, dst: str | None,
            t: int, arrives: int | None) -> None:  # fmt: skip
        graph.add_edge(a, b, weight=weight, kind=kind, src=src, dst=dst, t=t, arrives=arrives)

    for t in range(len(periods)):
        for node, depot in known.items():
            hold = int(depot["hold_cny_per_day"]) * period_days
            arc(LEASE, _at(node, t), "lease_in", int(depot["lease_cny"]), None, node, t, t)
            if t < last:
                arc(_at(node, t), _at(node, t + 1), "hold", hold, node, node, t, t + 1)
            allowed, _ = overseas_return(depot)
            offhire = depot["offhire_cny"]
            if allowed and offhire is not None and (t < last or int(offhire) < hold):
                arc(_at(node, t), END, "overseas_return", int(offhire), node, None, t, None)
            elif t == last:
                arc(_at(node, t), END, "idle", hold, node, None, t, None)
        for lane in _lanes(period_days):
            if t + lane["k"] <= last:
                arc(_at(lane["from"], t), _at(lane["to"], t + lane["k"]), "empty_move",
                    int(lane["cny"]), lane["from"], lane["to"], t, t + lane["k"])  # fmt: skip
    flow = nx.min_cost_flow(graph)
    moves = []
    for a, targets in flow.items():
        for b, boxes in targets.items():
            if boxes and not (a == LEASE and b == END):
                edge = graph.edges[a, b]
                moves.append({"kind": edge["kind"], "from": edge["src"], "to": edge["dst"],
                              "period": edge["t"], "arrives": edge["arrives"], "boxes": boxes,
                              "cost_cny": boxes * int(edge["weight"])})  # fmt: skip
    moves.sort(key=lambda m: (m["period"], m["kind"], m["from"] or "", m["to"] or ""))
    return _summary(moves)


def naive(period_days: int, periods: list[Period]) -> dict[str, Any]:
    known, home, last = depots(), str(reefer_data()["home"]), len(periods) - 1
    lanes = {(x["from"], x["to"]): (int(x["cny"]), x["k"]) for x in _lanes(period_days)}
    on = dict.fromkeys(known, 0)
    arriving: list[dict[str, int]] = [defaultdict(int) for _ in periods]
    moves: list[dict[str, Any]] = []

    def add(kind: str, a: str | None, b: str | None, boxes: int, each: int, t: int,
            arrives: int | None) -> None:  # fmt: skip
        if boxes:
            moves.append({"kind": kind, "from": a, "to": b, "period": t, "arrives": arrives,
                          "boxes": boxes, "cost_cny": boxes * each})  # fmt: skip

    for t, period in enumerate(periods):
        short = {}
        for node in known:
            on[node] += _get(period, "stock", node) + arriving[t][node]
            used = min(on[node], _get(period, "demand", node))
            on[node] -= used
            short[node] = _get(period, "demand", node) - used
        for node in known:  # every spare box abroad runs back home
            if node != home and on[node] and (node, home) in lanes:
                cny, k = lanes[node, home]
                if t + k <= last:
                    add("return_to_origin", node, home, on[node], cny, t, t + k)
                    if k == 0:
                        on[home] += on[node]
                    else:
                        arriving[t + k][home] += on[node]
                    on[node] = 0
        served = min(on[home], short[home])
        on[home] -= served
        short[home] -= served
        for node in known:  # home fills the shortages it reaches within the period
            if node != home and short[node] and lanes.get((home, node), (0, 1))[1] == 0:
                sent = min(short[node], on[home])
                add("empty_move", home, node, sent, lanes[home, node][0], t, t)
                on[home] -= sent
                short[node] -= sent
        for node, depot in known.items():
            hold = int(depot["hold_cny_per_day"]) * period_days
            add("lease_in", None, node, short[node], int(depot["lease_cny"]), t, t)
            if t < last:
                add("hold", node, node, on[node], hold, t, t + 1)
            else:
                add("idle", node, None, on[node], hold, t, None)
    return _summary(moves)


def compare(period_days: int, periods: list[Period]) -> dict[str, Any]:
    check(period_days, periods)
    best, base = optimal(period_days, periods), naive(period_days, periods)
    fired = [row for depot in depots().values() for row in overseas_return(depot)[1]]
    return {"period_days": period_days, "periods": periods,
            "horizon_days": period_days * len(periods), "optimal": best, "naive": base,
            "saving_cny": base["cost_cny"] - best["cost_cny"], "fired": fired,
            "parameters": str(reefer_data()["version"]),
            "sources": reefer_data()["sources"]}  # fmt: skip
