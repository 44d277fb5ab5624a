"""Two-way loaded trips (重进重出): return loads matched to loaded trucks.

A bipartite graph: on one side the loaded trips that have no return trip yet, on the other the
open loads. Every pair is judged by the backhaul table (same carrier and route, opposite way,
permit over the return dates, capacity, reefer for fresh produce, deadline, waiting); feasible
pairs become edges weighted by the empty kilometres avoided less a waiting penalty (settings),
and networkx's maximum-weight matching picks the pairs. Each pair carries its rule row; each
load left over gets the unmatched table's cause and every candidate's row."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import networkx as nx
from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.db import utcnow
from ftz.practices.china_vietnam_transport import repository, trips
from ftz.practices.china_vietnam_transport.fleet import check_permit
from ftz.practices.china_vietnam_transport.models import Load, Trip, Truck
from ftz.practices.china_vietnam_transport.reference import decide, fired, routes, settings
from ftz.practices.china_vietnam_transport.schemas import (
    Candidate,
    MatchOut,
    Pair,
    TripIn,
    Unmatched,
)


def _hours(delta: timedelta) -> float:
    return round(delta.total_seconds() / 3600, 2)


def judge(session: Session, trip: Trip, truck: Truck, load: Load) -> dict[str, Any]:
    """The backhaul table's verdict on one (trip, load) pair, with the times it implies."""
    leg = routes().get(load.route_code)
    hours = leg.hours if leg else 0.0
    free_at = trip.arrive_at + timedelta(hours=float(settings()["unload_hours"]))
    pickup = max(free_at, load.ready_at)
    arrive = pickup + timedelta(hours=hours)
    permit, _ = check_permit(session, truck.id, load.route_code, pickup, arrive)
    context = {
        "same_carrier": trip.org_id == load.org_id,
        "route_match": trip.route_code == load.route_code,
        "direction_opposite": trip.direction != load.direction,
        "permit_ok": bool(permit.result.get("allowed")),
        "capacity_ok": load.weight_t <= truck.capacity_t,
        "reefer_ok": (not load.fresh) or truck.kind == "reefer",
        "late_h": _hours(arrive - load.deliver_by),
        "wait_h": _hours(load.ready_at - free_at),
    }
    decision = decide("backhaul.json", context)
    wait = max(context["wait_h"], 0.0)
    km = leg.distance_km if leg else 0.0
    weight = km - wait * float(settings()["wait_penalty_km_per_hour"])
    return {
        "feasible": bool(decision.result["feasible"]),
        "fired": fired(decision),
        "pickup": pickup,
        "wait_h": wait,
        "km": km,
        "weight": max(weight, 0.01),
    }


def _open(session: Session, principal: Principal, now: datetime) -> tuple[list[Trip], list[Load]]:
    loaded = repository.scoped(select(Trip), Trip, principal).where(
        Trip.status.in_(("planned", "under_way")),
        Trip.load_id.is_not(None),
        Trip.return_id.is_(None),
        Trip.outbound_id.is_(None),
        Trip.arrive_at > now - timedelta(days=2),
    )
    loads = repository.load_query(principal, status="open").where(Load.deliver_by > now)
    return (
        list(session.scalars(loaded.order_by(Trip.number))),
        list(session.scalars(loads.order_by(None).order_by(Load.number))),
    )


def match(session: Session, *, principal: Principal, now: datetime | None = None) -> MatchOut:
    now = now or utcnow()
    outbound, loads = _open(session, principal, now)
    trucks = repository.by_id(session, Truck, {t.truck_id for t in outbound})
    graph: nx.Graph[str] = nx.Graph()
    judged: dict[tuple[str, str], dict[str, Any]] = {}
    for trip in outbound:
        for load in loads:
            if trip.route_code != load.route_code or trip.direction == load.direction:
                continue  # not a candidate at all: another route, or the same way
            verdict = judge(session, trip, trucks[trip.truck_id], load)
            judged[(trip.id, load.id)] = verdict
            if verdict["feasible"]:
                graph.add_edge(f"t:{trip.id}", f"l:{load.id}", weight=verdict["weight"])
    chosen = nx.max_weight_matching(graph)
    by_trip = {t.id: t for t in outbound}
    by_load = {ld.id: ld for ld in loads}
    pairs = []
    for a, b in chosen:
        trip_key, load_key = (a, b) if a.startswith("t:") else (b, a)
        trip, load = by_trip[trip_key[2:]], by_load[load_key[2:]]
        v = judged[(trip.id, load.id)]
        pairs.append(
            Pair(
                trip_id=trip.id,
                trip_number=trip.number,
                truck_plate=trucks[trip.truck_id].plate,
                load_id=load.id,
                load_number=load.number,
                pickup_at=v["pickup"],
                wait_h=v["wait_h"],
                empty_km_avoided=v["km"],
                weight=round(v["weight"], 2),
                fired=v["fired"],
            )
        )
    pairs.sort(key=lambda p: p.trip_number)
    matched = {p.load_id for p in pairs}
    return MatchOut(
        pairs=pairs,
        unmatched=[_why(load, outbound, judged) for load in loads if load.id not in matched],
        empty_km_avoided=round(sum(p.empty_km_avoided for p in pairs), 1),
    )


def _why(load: Load, outbound: list[Trip], judged: dict[tuple[str, str], Any]) -> Unmatched:
    candidates = [
        Candidate(
            trip_number=t.number,
            feasible=judged[(t.id, load.id)]["feasible"],
            fired=judged[(t.id, load.id)]["fired"],
        )
        for t in outbound
        if (t.id, load.id) in judged
    ]
    decision = decide(
        "unmatched.json",
        {"candidates": len(candidates), "feasible": sum(c.feasible for c in candidates)},
    )
    return Unmatched(
        load_id=load.id,
        load_number=load.number,
        cause=str(decision.result["cause"]),
        fired=fired(decision),
        candidates=candidates,
    )


def apply(session: Session, *, principal: Principal, now: datetime | None = None) -> list[Trip]:
    """Plan the return trip of every matched pair, through the ordinary trip service (so the
    permit is checked again and the trip is anchored), with the match's rule rows."""
    made = []
    for pair in match(session, principal=principal, now=now).pairs:
        outbound = repository.get(session, principal, Trip, pair.trip_id)
        load = repository.get(session, principal, Load, pair.load_id)
        data = TripIn(
            truck_id=outbound.truck_id,
            route_code=load.route_code,
            direction=load.direction,
            depart_at=pair.pickup_at,
            load_id=load.id,
        )
        made.append(
            trips.plan_trip(
                session, principal=principal, data=data, outbound=outbound, matched=pair.fired
            )
        )
    return made
