"""The "four reductions, five zeros" channel (四减五零, 案例7 主要做法(二)): grain ships file
their arrival plan online; the maritime administration confirms it with a reserved berth (zero
waiting) and the other guarantees (zero obstruction, zero risk through escorts, zero
interference through tracking on a dedicated channel, zero delay with customs and border
checks); every party follows the call's status. When the ship leaves, the time and cost saved
are worked out from the seed's waiting cycle (about 4 hours and 100,000 CNY) less any wait."""

from __future__ import annotations

from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.db import utcnow
from ftz.core.kit.errors import conflict, forbidden, validation_error
from ftz.core.kit.ids import new_id
from ftz.core.workflow import fire
from ftz.domain.vessels import repository as vessels
from ftz.practices.ship_selection import repository
from ftz.practices.ship_selection.common import anchor, is_msa, require_msa, settings
from ftz.practices.ship_selection.models import Arrival, Berth, Escort
from ftz.practices.ship_selection.schemas import ArrivalEventIn, ArrivalIn, BerthIn, EscortEventIn
from ftz.practices.ship_selection.workflow import ArrivalFlow, EscortFlow

GUARANTEES = ("zero_waiting", "zero_obstruction", "zero_risk", "zero_interference", "zero_delay")
TIME_OF = {"arrive": "arrived_at", "berth": "berthed_at", "depart": "departed_at"}
HOURS = Decimal("0.01")


def save_berth(session: Session, *, principal: Principal, data: BerthIn) -> Berth:
    require_msa(principal, "keep the reserved berths")
    found = repository.berth_by_code(session, data.code)
    if found is None:
        found = Berth(**data.model_dump())
        session.add(found)
    else:
        for key, value in data.model_dump().items():
            setattr(found, key, value)
    session.flush()
    return found


def _number(session: Session, eta: datetime) -> str:
    prefix = f"AP-{eta.year}-"
    count = session.scalar(select(func.count()).where(Arrival.number.like(f"{prefix}%"))) or 0
    return f"{prefix}{count + 1:05d}"


def plan(session: Session, *, principal: Principal, data: ArrivalIn) -> Arrival:
    if not principal.is_enterprise or principal.org_id is None:
        raise forbidden("arrival plans are filed by the ship's or agent's enterprise account")
    ship = vessels.ship_by_imo(session, data.imo_number)
    if ship is None:
        raise validation_error("imo_number", f"no ship with IMO {data.imo_number} on record")
    call_id = None
    if data.grain_call:
        call = repository.call_by_number(session, principal, data.grain_call)
        if call.ship_id != ship.id:
            raise validation_error("grain_call", "the grain call is for another ship")
        call_id = call.id
    arrival = Arrival(
        id=new_id(),
        number=_number(session, data.eta),
        org_id=principal.org_id,
        ship_id=ship.id,
        grain_call_id=call_id,
        port=data.port,
        eta=data.eta,
        etd=data.etd,
        cargo_name=data.cargo_name,
        quantity_t=data.quantity_t,
        status="planned",
        guarantees={g: False for g in GUARANTEES},
    )
    session.add(arrival)
    session.flush()
    for kind in dict.fromkeys(data.escorts):
        session.add(
            Escort(arrival_id=arrival.id, org_id=arrival.org_id, kind=kind, status="requested")
        )
    session.flush()
    return arrival


def _confirm(session: Session, arrival: Arrival, data: ArrivalEventIn) -> None:
    if not data.berth_code:
        raise validation_error("berth_code", "name the reserved berth")
    berth = repository.berth_by_code(session, data.berth_code)
    if berth is None or berth.port != arrival.port:
        raise validation_error("berth_code", f"no berth {data.berth_code} in {arrival.port}")
    ship = vessels.get_ship(session, arrival.ship_id)
    if ship.deadweight_t > berth.max_dwt:
        raise validation_error("berth_code", f"berth takes ships up to {berth.max_dwt} DWT")
    held = repository.berth_conflict(session, berth.id, arrival.eta, arrival.etd, arrival.id)
    if held is not None:
        raise conflict(f"berth {berth.code} is reserved for {held.number} in that window")
    unknown = set(data.guarantees) - set(GUARANTEES)
    if unknown:
        raise validation_error("guarantees", f"unknown: {', '.join(sorted(unknown))}")
    arrival.berth_id = berth.id
    arrival.guarantees = {g: bool(data.guarantees.get(g, False)) for g in GUARANTEES}


def savings(arrival: Arrival) -> None:
    """Waiting = berthed − arrived; saved = one waiting cycle less the wait, at the cycle's cost."""
    assert arrival.arrived_at is not None and arrival.berthed_at is not None
    conf = settings()
    cycle_h = Decimal(str(conf["waiting_cycle_hours"]))
    per_hour = Decimal(str(conf["waiting_cycle_cost_cny"])) / cycle_h
    waited = Decimal((arrival.berthed_at - arrival.arrived_at).total_seconds()) / 3600
    saved = max(Decimal(0), cycle_h - waited)
    arrival.waiting_hours = waited.quantize(HOURS, ROUND_HALF_UP)
    arrival.hours_saved = saved.quantize(HOURS, ROUND_HALF_UP)
    arrival.cost_saved_cny = (saved * per_hour).quantize(HOURS, ROUND_HALF_UP)


def act(
    session: Session, *, principal: Principal, arrival_id: str, data: ArrivalEventIn
) -> Arrival:
    arrival = repository.get_arrival(session, principal, arrival_id)
    if not is_msa(principal) and principal.org_id != arrival.org_id:
        raise forbidden("only the filer or the maritime administration moves an arrival plan")
    if data.event == "confirm":
        require_msa(principal, "confirm arrival plans")
        _confirm(session, arrival, data)
    at = data.at or utcnow()
    if data.event in TIME_OF:
        if at.tzinfo is None:
            raise validation_error("at", "needs a time zone")
        previous = {"arrive": None, "berth": arrival.arrived_at, "depart": arrival.berthed_at}
        before = previous[data.event]
        if before is not None and at < before:
            raise validation_error("at", "cannot come before the previous step")
    fire(
        session,
        ArrivalFlow,
        arrival,
        data.event,
        principal=principal,
        owner_org_id=arrival.org_id,
        note=data.note,
    )
    if data.event in TIME_OF:
        setattr(arrival, TIME_OF[data.event], at)
    if data.event == "depart":
        savings(arrival)
    if data.event in ("confirm", "depart"):
        entry = {
            "type": f"ship_selection.arrival_{data.event}",
            "plan": arrival.number,
            "guarantees": arrival.guarantees,
            "by": principal.username,
            "hours_saved": str(arrival.hours_saved) if arrival.hours_saved is not None else None,
        }
        arrival.ledger_index = anchor(session, entry, f"ss-arrival-{data.event}:{arrival.id}")
    session.flush()
    return arrival


def request_escort(session: Session, *, principal: Principal, arrival_id: str, kind: str) -> Escort:
    arrival = repository.get_arrival(session, principal, arrival_id)
    if principal.org_id != arrival.org_id:
        raise forbidden("escorts are requested by the plan's filer")
    if kind not in settings()["escort_kinds"]:
        raise validation_error("kind", f"one of {', '.join(settings()['escort_kinds'])}")
    if arrival.status not in ("planned", "confirmed"):
        raise conflict(f"the call is {arrival.status}: escorts are requested before arrival")
    if any(
        e.kind == kind and e.status in ("requested", "assigned")
        for e in repository.escorts(session, arrival.id)
    ):
        raise conflict(f"a {kind} escort is already requested")
    escort = Escort(arrival_id=arrival.id, org_id=arrival.org_id, kind=kind, status="requested")
    session.add(escort)
    session.flush()
    return escort


def escort_event(
    session: Session, *, principal: Principal, escort_id: str, data: EscortEventIn
) -> Escort:
    require_msa(principal, "assign escorts")
    escort = repository.get_escort(session, escort_id)
    if data.event == "assign" and not data.assigned_unit.strip():
        raise validation_error("assigned_unit", "name the patrol boat or tug")
    fire(
        session,
        EscortFlow,
        escort,
        data.event,
        principal=principal,
        owner_org_id=escort.org_id,
        note=data.note,
    )
    if data.assigned_unit.strip():
        escort.assigned_unit = data.assigned_unit.strip()
    escort.note = data.note or escort.note
    session.flush()
    return escort


def statistics(session: Session, *, principal: Principal) -> dict[str, Any]:
    """The channel's results beside the seed's 2024 figures (an enterprise sees its own)."""
    totals = repository.arrival_totals(session, principal)
    ratings = repository.rating_counts(session, principal)
    n = totals["completed"]
    return {
        "calls_completed": n,
        "hours_saved": str(Decimal(totals["hours_saved"]).quantize(HOURS)),
        "cost_saved_cny": str(Decimal(totals["cost_saved_cny"]).quantize(HOURS)),
        "average_hours_saved": str((Decimal(totals["hours_saved"]) / n).quantize(HOURS))
        if n
        else "0",
        "average_cost_saved_cny": str((Decimal(totals["cost_saved_cny"]) / n).quantize(HOURS))
        if n
        else "0",
        "arrivals_by_status": totals["by_status"],
        "ratings": ratings,
        "improper_charters_avoided": ratings.get("not_recommended", {}).get("declined", 0),
        "seed": settings()["seed"],
    }
