"""From a path through the planning graph to legs people read: consecutive edges of one vehicle
become one leg (an unscheduled train from dispatch to arrival, a service from boarding to
alighting, a sailing or a flight), a change of mode becomes a transfer leg. When the plan has a
departure time, each leg is timed: a timetabled service waits for its next departure, the other
legs wait their average (dispatch or half the headway)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ftz.domain.network.links import Lane
from ftz.domain.network.model import Graph, Leg, Node, Route, Total
from ftz.domain.network.services import Service

SILENT = {"access", "egress", "place", "arrive"}


@dataclass
class _Draft:
    mode: str
    start: str
    end: str = ""
    service: Service | None = None
    stop: int = 0
    transfer: str | None = None
    via: list[str] = field(default_factory=list)
    km: float = 0.0
    wait_h: float = 0.0
    run_h: float = 0.0
    cost: float = 0.0  # per tonne
    co2: float = 0.0
    lane: Lane | None = None


def _drafts(graph: Graph, path: list[str]) -> list[_Draft]:
    drafts: list[_Draft] = []
    current: _Draft | None = None
    for u, v in itertools.pairwise(path):
        d: dict[str, Any] = graph.edges[u, v]
        kind = d["kind"]
        if kind in SILENT:
            if kind == "arrive" and current is not None:
                drafts.append(current)
                current = None
            continue
        if kind == "transfer":
            drafts.append(_Draft(mode="transfer", start=d["at"], end=d["at"],
                                 transfer=f"{d['from_mode']}→{d['mode']}", run_h=d["hours"],
                                 cost=d["cost"], co2=d["co2"]))  # fmt: skip
        elif kind == "dispatch":
            current = _Draft(mode=d["mode"], start=d["at"], wait_h=d["wait"], cost=d["cost"])
        elif kind == "board":
            current = _Draft(mode=d["mode"], start=d["at"], service=d["service"],
                             stop=d["stop"], wait_h=d["wait"], cost=d["cost"])  # fmt: skip
        elif kind in ("move", "ride", "dwell") and current is not None:
            if kind != "dwell":
                if current.end:
                    current.via.append(current.end)
                current.via.extend(d["service"].segments[d["stop"]].via if kind == "ride" else ())
                current.end = d["b"]
            current.km += d["km"]
            current.run_h += d["hours"]
            current.cost += d["cost"]
            current.co2 += d["co2"]
        elif kind == "alight" and current is not None:
            drafts.append(current)
            current = None
        elif kind == "lane":
            lane: Lane = d["lane"]
            drafts.append(_Draft(mode=d["mode"], start=d["a"], end=d["b"], km=d["km"],
                                 wait_h=d["wait"], run_h=d["hours"] - d["wait"], cost=d["cost"],
                                 co2=d["co2"], lane=lane))  # fmt: skip
    return drafts


def _lane_name(draft: _Draft) -> str | None:
    if draft.lane is None:
        return None
    trips = "sailings" if draft.lane.mode == "sea" else "flights"
    return f"{draft.lane.mode} lane, {draft.lane.per_week:g} {trips} a week"


def _iso(seconds: float) -> str:
    moment = datetime.fromtimestamp(round(seconds), UTC)
    return moment.isoformat().replace("+00:00", "Z")


def _coordinates(draft: _Draft, nodes: dict[str, Node]) -> list[list[float]]:
    if draft.lane is not None and draft.lane.coordinates:
        return [list(p) for p in draft.lane.coordinates]
    ids = [draft.start, *draft.via, draft.end] if draft.end != draft.start else [draft.start]
    return [[nodes[i].lon, nodes[i].lat] for i in ids]


def build_route(
    graph: Graph,
    nodes: dict[str, Node],
    path: list[str],
    tonnes: float,
    start: float | None = None,
) -> Route:
    """The legs of `path` for `tonnes` of cargo, timed from `start` (epoch seconds) if given."""
    legs: list[Leg] = []
    moment = start
    for draft in _drafts(graph, path):
        wait, scheduled = draft.wait_h, False
        departs = arrives = None
        if moment is not None:
            if draft.service is not None:
                leaving = draft.service.departures_at(draft.stop).next_departure(moment)
                wait, scheduled = (leaving - moment) / 3600, True
            departs = moment + wait * 3600
            arrives = departs + draft.run_h * 3600
            moment = arrives
        service = draft.service
        legs.append(Leg.model_validate({
            "mode": draft.mode,
            "from": draft.start,
            "to": draft.end,
            "from_name": nodes[draft.start].name,
            "to_name": nodes[draft.end].name,
            "service": service.id if service else None,
            "service_name": service.name if service else _lane_name(draft),
            "transfer": draft.transfer,
            "via": draft.via,
            "distance_km": round(draft.km, 1),
            "wait_hours": round(wait, 2),
            "hours": round(wait + draft.run_h, 2),
            "cost_cny": round(draft.cost * tonnes, 2),
            "co2_kg": round(draft.co2 * tonnes, 2),
            "departs": _iso(departs) if departs is not None else None,
            "arrives": _iso(arrives) if arrives is not None else None,
            "scheduled": scheduled,
            "coordinates": _coordinates(draft, nodes),
        }))  # fmt: skip
    total = Total(
        hours=round(sum(leg.hours for leg in legs), 2),
        cost_cny=round(sum(leg.cost_cny for leg in legs), 2),
        co2_kg=round(sum(leg.co2_kg for leg in legs), 2),
    )
    return Route(legs=legs, total=total)


def signature(route: Route) -> tuple[tuple[str, str | None, str, str], ...]:
    """What makes two routes different to a shipper: the vehicles and where they change."""
    return tuple((leg.mode, leg.service, leg.from_node, leg.to_node) for leg in route.legs)
