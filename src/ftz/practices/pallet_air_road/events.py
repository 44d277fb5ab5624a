"""Recording what happens to a ULD: the party check (the ULD's handler, trucker or builder,
or the security or customs department), the time (not before the previous event, not in the
future), the road-leg check when loading (rules/road_leg.json: a whole ULD needs a ULD-capable
trailer with a free position), the touch count (rules/touches.json), the state change through
the workflow, the metrics recomputed, and on delivery the whole record anchored."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.db import utcnow
from ftz.core.kit.errors import conflict, forbidden, validation_error
from ftz.core.workflow import fire
from ftz.domain.network import plan
from ftz.practices.pallet_air_road import legs, metrics, repository
from ftz.practices.pallet_air_road.common import anchor, decide, places
from ftz.practices.pallet_air_road.models import Uld, UldEvent
from ftz.practices.pallet_air_road.schemas import EventIn
from ftz.practices.pallet_air_road.uld import parse
from ftz.practices.pallet_air_road.workflow import UldFlow

CLOCK_SKEW = timedelta(minutes=5)  # handheld clocks run a little ahead of the server's


def may_send(principal: Principal, uld: Uld, event: str) -> bool:
    """Whether this principal is the party of `uld` that sends `event` (roles aside)."""
    party = UldFlow.event_party.get(event)
    if principal.is_admin:
        return True
    if party == "forwarder":
        return principal.org_id == uld.org_id
    if party == "handler":
        return principal.org_id == uld.handler_org_id
    if party == "trucker":
        return uld.trucker_org_id is not None and principal.org_id == uld.trucker_org_id
    return party is not None and principal.department == party


def _when(data: EventIn, previous: list[UldEvent]) -> datetime:
    now = utcnow()
    at = data.at or now
    if at.tzinfo is None:
        raise validation_error("at", "give the time with its offset, e.g. +08:00")
    if at > now + CLOCK_SKEW:
        raise validation_error("at", "in the future")
    if previous and at < previous[-1].at:
        raise validation_error("at", "before the ULD's previous event")
    return at


def _road_leg(session: Session, uld: Uld, plate: str | None) -> dict[str, Any]:
    if not plate:
        raise validation_error("trailer_plate", "name the trailer the ULD is loaded on")
    trailer = repository.trailer_by_plate(session, plate.strip().upper(), lock=True)
    if trailer is None or not trailer.active:
        raise validation_error("trailer_plate", "no active trailer with this plate")
    free = trailer.positions - repository.used_positions(session, trailer.id)
    thermal = bool(parse(uld.uld_code).category["thermal"])
    decision = decide(
        "road_leg.json",
        {
            "mode": uld.mode,
            "thermal": thermal,
            "trailer_kind": trailer.kind,
            "free_positions": free,
        },
    )
    if not decision.result["allowed"]:
        row = decision.fired[0]
        raise validation_error("trailer_plate", f"{row.row_id}: {decision.result['reason_en']}")
    airports = places()["airports"]
    route = plan(airports[uld.entry]["node"], airports[uld.destination]["node"],
                 optimize="time", modes=["road"]).model_dump()  # fmt: skip
    legs = route["legs"]
    uld.trailer_id, uld.trucker_org_id = trailer.id, trailer.org_id
    uld.fired = [*uld.fired, *decision.explanation()]
    return {
        "trailer": trailer.plate, "trailer_kind": trailer.kind,
        "distance_km": round(sum(leg["distance_km"] or 0 for leg in legs), 1),
        "planned_hours": route["total"]["hours"],
        "coordinates": [c for leg in legs for c in leg["coordinates"]],
        "via": [v for leg in legs for v in leg["via"]],
    }  # fmt: skip


def _digest(e: UldEvent) -> str:
    text = f"{e.seq}|{e.event}|{e.at.isoformat()}|{e.actor}|{e.crew}|{e.touches}"
    return hashlib.sha256(text.encode()).hexdigest()


def _on_legs(uld: Uld, event: str) -> bool:
    """A broken-down ULD's depart / deliver is about one of its road legs."""
    return uld.mode == "breakdown" and event in legs.NEXT and uld.status in ("loaded", "on_road")


def act(session: Session, *, principal: Principal, uld_id: str, data: EventIn) -> Uld:
    uld = repository.get_uld(session, principal, uld_id, lock=True)
    if data.event not in UldFlow.event_roles:
        raise validation_error("event", f"unknown event {data.event!r}")
    roles = UldFlow.event_roles[data.event]
    leg = None
    if _on_legs(uld, data.event):
        if not principal.has_role(*roles):
            raise forbidden(f"your role may not perform {data.event!r}")
        leg = legs.pick(session, principal, uld, data)
    elif principal.has_role(*roles) and not may_send(principal, uld, data.event):
        raise forbidden(f"{data.event} is recorded by the ULD's {UldFlow.event_party[data.event]}")
    previous = repository.events(session, uld.id)
    at = _when(data, previous)
    extra: dict[str, Any] = {}
    if data.event == "start_loading" and uld.status == "cleared":
        if uld.mode == "breakdown":
            uld.road = legs.load(session, uld, data)
            extra["trucks"] = {g["destination"]: g["trailer"] for g in uld.road["legs"]}
        else:
            uld.road = _road_leg(session, uld, data.trailer_plate)
            extra["trailer"] = uld.road["trailer"]
    if data.event == "finish_loading" and uld.status == "loading":
        legs.finish_loading(session, uld)
    if data.event == "finish_tally":
        # The tally report counts the ULD as one package in the whole-ULD mode (seed 一(一)).
        extra["tally_report"] = {
            "package_type": uld.package_type,
            "packages": 1 if uld.mode == "whole_uld" else uld.pieces,
        }
    moves = True
    if leg is not None:
        moves = legs.move(session, uld, leg, data.event, at)
        extra.update(destination=leg.destination, trailer=leg.plate)
        if not moves and uld.status != "on_road":
            raise conflict(f"cannot {data.event} while {uld.status}")
    if moves:
        fire(session, UldFlow, uld, data.event, principal=principal,
             owner_org_id=uld.org_id, note=data.note)  # fmt: skip
    touch = decide("touches.json", {"event": data.event, "mode": uld.mode})
    event = UldEvent(
        uld_id=uld.id, seq=len(previous) + 1, event=data.event, at=at,
        actor=principal.username, org_id=principal.org_id, crew=data.crew,
        touches=int(touch.result["touches"]), note=data.note.strip(),
        data={**extra, "operation": touch.result["operation"], "fired": touch.explanation()},
    )  # fmt: skip
    session.add(event)
    uld.metrics = metrics.compute([*previous, event], uld.status)
    if uld.status == "delivered":
        record = {"type": "p09.uld", "uld": uld.uld_code, "manifest": uld.manifest_sha256,
                  "events": [_digest(e) for e in [*previous, event]],
                  "touches": uld.metrics["touches"]}  # fmt: skip
        uld.record_sha256 = anchor(session, record, f"p09:uld:{uld.id}")
    session.flush()
    return uld
