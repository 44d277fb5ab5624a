"""Loads and trips. A trip runs one truck over one designated route: it is refused, with the
permit table's row, when the truck holds no valid permit for that route over the trip's dates.
Fresh produce inspected by the local customs and sealed at origin takes the green channel; at the
destination customs compares the seal with the number recorded at origin: intact → cleared,
different or broken → held with the reason, until customs releases it."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.db import utcnow
from ftz.core.kit.errors import conflict, forbidden, validation_error
from ftz.core.workflow import fire
from ftz.practices.china_vietnam_transport import repository
from ftz.practices.china_vietnam_transport.fleet import check_permit
from ftz.practices.china_vietnam_transport.models import Load, Trip, Truck
from ftz.practices.china_vietnam_transport.permissions import CUSTOMS
from ftz.practices.china_vietnam_transport.reference import (
    anchor,
    decide,
    fired,
    local_zone,
    require_department,
    route,
    routes,
)
from ftz.practices.china_vietnam_transport.schemas import LoadIn, SealCheckIn, TripEventIn, TripIn
from ftz.practices.china_vietnam_transport.workflow import TripFlow

PAST, AHEAD = timedelta(days=400), timedelta(days=60)  # records may be entered after the fact


def _carrier(principal: Principal) -> str:
    if not principal.is_enterprise or principal.org_id is None:
        raise forbidden("the carrier does this")
    return principal.org_id


def post_load(session: Session, *, principal: Principal, data: LoadIn) -> Load:
    org_id = _carrier(principal)
    route(data.route_code)
    if data.deliver_by <= data.ready_at:
        raise validation_error("deliver_by", "the delivery deadline must be after the ready time")
    prefix = f"LD{data.ready_at.astimezone(local_zone()):%Y%m%d}"
    load = Load(
        number=repository.next_number(session, Load, prefix),
        org_id=org_id,
        status="open",
        **data.model_dump(),
    )
    session.add(load)
    session.flush()
    return load


def _open_load(session: Session, principal: Principal, data: TripIn, truck: Truck) -> Load | None:
    if not data.load_id:
        return None
    load = repository.get(session, principal, Load, data.load_id)
    if load.status != "open":
        raise conflict(f"load {load.number} is {load.status}")
    if (load.route_code, load.direction) != (data.route_code, data.direction):
        raise validation_error("load_id", "the load is on another route or goes the other way")
    if load.weight_t > truck.capacity_t:
        raise validation_error(
            "load_id", f"{load.weight_t} t exceeds the truck's {truck.capacity_t} t"
        )
    return load


def plan_trip(
    session: Session,
    *,
    principal: Principal,
    data: TripIn,
    outbound: Trip | None = None,
    matched: list[dict[str, Any]] | None = None,
) -> Trip:
    _carrier(principal)
    now = utcnow()
    if not now - PAST <= data.depart_at <= now + AHEAD:
        raise validation_error("depart_at", "trips are planned at most 60 days ahead")
    truck = repository.get(session, principal, Truck, data.truck_id)
    hours = routes()[data.route_code].hours if data.route_code in routes() else 0.0
    arrive_at = data.depart_at + timedelta(hours=hours)
    permit_decision, permit = check_permit(
        session, truck.id, data.route_code, data.depart_at, arrive_at
    )
    if not permit_decision.result.get("allowed"):
        row = permit_decision.fired[0]
        raise validation_error("truck_id", f"{row.row_id}: {row.outputs['reason_en']}")
    assert permit is not None  # an allowed trip has its valid permit
    leg = route(data.route_code)
    load = _open_load(session, principal, data, truck)
    fresh = bool(load and load.fresh)
    green = decide(
        "green_channel.json",
        {
            "fresh": fresh,
            "local_inspection": data.local_inspection,
            "sealed": bool(data.seal_origin),
        },
    )
    prefix = f"CV{data.depart_at.astimezone(local_zone()):%Y%m%d}"
    trip = Trip(
        number=repository.next_number(session, Trip, prefix),
        org_id=truck.org_id,
        truck_id=truck.id,
        permit_id=permit.id,
        route_code=leg.code,
        direction=data.direction,
        load_id=load.id if load else None,
        outbound_id=outbound.id if outbound else None,
        depart_at=data.depart_at,
        arrive_at=arrive_at,
        distance_km=leg.distance_km,
        fresh=fresh,
        local_inspection=data.local_inspection,
        green_channel=bool(green.result["green_channel"]),
        seal_origin=data.seal_origin.strip().upper(),
        status="planned",
        fired=fired(permit_decision) + fired(green) + (matched or []),
    )
    session.add(trip)
    session.flush()
    if load:
        load.status, load.trip_id = "assigned", trip.id
    if outbound:
        outbound.return_id = trip.id
    entry = {
        "type": "china_vietnam_transport.trip",
        "number": trip.number,
        "truck": truck.plate,
        "permit": permit.number,
        "route": leg.code,
        "direction": data.direction,
        "depart_at": data.depart_at.isoformat(),
        "seal_origin": trip.seal_origin,
        "rows": [r["row_id"] for r in trip.fired],
    }
    trip.ledger_index = anchor(session, entry, f"cvt-trip:{trip.id}")
    session.flush()
    return trip


def act(session: Session, *, principal: Principal, trip_id: str, data: TripEventIn) -> Trip:
    trip = repository.get(session, principal, Trip, trip_id)
    fire(
        session,
        TripFlow,
        trip,
        data.event,
        principal=principal,
        owner_org_id=trip.org_id,
        note=data.note,
    )
    if data.event == "cancel" and trip.load_id:
        load = repository.get(session, principal, Load, trip.load_id)
        load.status, load.trip_id = "open", None
    session.flush()
    return trip


def check_seal(session: Session, *, principal: Principal, trip_id: str, data: SealCheckIn) -> Trip:
    """Customs at the destination: the seal seen against the one recorded at origin."""
    require_department(principal, CUSTOMS)
    trip = repository.get(session, principal, Trip, trip_id)
    if trip.status != "under_way":
        raise conflict(f"the trip is {trip.status}; seals are checked on arrival")
    seen = data.seal_destination.strip().upper()
    state = "broken" if data.seal_broken else ("intact" if seen == trip.seal_origin else "mismatch")
    decision = decide("seal_check.json", {"sealed": bool(trip.seal_origin), "seal_state": state})
    verdict = str(decision.result["verdict"])
    trip.seal_destination, trip.seal_verdict = seen, verdict
    trip.clearance_minutes = data.clearance_minutes
    trip.fired = [*trip.fired, *fired(decision)]
    if verdict == "hold":
        trip.hold_reason = str(decision.result["reason_en"])
    event = "clear" if verdict == "release" else "hold"
    fire(
        session,
        TripFlow,
        trip,
        event,
        principal=principal,
        owner_org_id=trip.org_id,
        note=data.note or str(decision.result["reason_zh"]),
    )
    session.flush()
    return trip


def release(session: Session, *, principal: Principal, trip_id: str, note: str) -> Trip:
    require_department(principal, CUSTOMS)
    trip = repository.get(session, principal, Trip, trip_id)
    if len(note.strip()) < 2:
        raise validation_error("note", "say what the examination found")
    fire(
        session, TripFlow, trip, "release", principal=principal, owner_org_id=trip.org_id, note=note
    )
    return trip
