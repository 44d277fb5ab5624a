"""Trucks and their route permits. A permit is issued by the transport bureau for one truck and
one designated route; whether a truck may run a trip is the permit table's verdict on the state
of its permits for that route over the trip's dates."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import conflict, forbidden, validation_error
from ftz.core.rules import Decision
from ftz.practices.china_vietnam_transport import repository
from ftz.practices.china_vietnam_transport.models import Permit, Truck
from ftz.practices.china_vietnam_transport.permissions import TRANSPORT
from ftz.practices.china_vietnam_transport.reference import (
    decide,
    designated,
    local_zone,
    require_department,
    route,
)
from ftz.practices.china_vietnam_transport.schemas import PermitIn, RevokeIn, TruckIn, TruckUpdate

PERMIT_SERIES = {"CN": "YN-VN", "VN": "VN-LC"}


def register_truck(session: Session, *, principal: Principal, data: TruckIn) -> Truck:
    if not principal.is_enterprise or principal.org_id is None:
        raise forbidden("a carrier registers its own trucks")
    if session.scalar(select(Truck.id).where(Truck.plate == data.plate)) is not None:
        raise validation_error("plate", f"a truck with plate {data.plate} is registered already")
    truck = Truck(org_id=principal.org_id, **data.model_dump())
    session.add(truck)
    session.flush()
    return truck


def issue_permit(session: Session, *, principal: Principal, data: PermitIn) -> Permit:
    require_department(principal, TRANSPORT)
    truck = repository.get(session, principal, Truck, data.truck_id)
    route(data.route_code)
    if data.valid_to < data.valid_from:
        raise validation_error("valid_to", "the permit must end on or after its first day")
    if (data.valid_to - data.valid_from).days > 366:
        raise validation_error("valid_to", "a permit is issued for one year at most")
    # Chinese-issued (Yunnan transport bureau) and Vietnamese-issued (Lào Cai) number series.
    prefix = f"{PERMIT_SERIES[data.issuing_side]}-{data.valid_from:%Y}-"
    permit = Permit(
        number=repository.next_number(session, Permit, prefix),
        org_id=truck.org_id,
        truck_id=truck.id,
        route_code=data.route_code,
        issuing_side=data.issuing_side,
        valid_from=data.valid_from,
        valid_to=data.valid_to,
    )
    session.add(permit)
    session.flush()
    return permit


def revoke_permit(
    session: Session, *, principal: Principal, permit_id: str, data: RevokeIn
) -> Permit:
    require_department(principal, TRANSPORT)
    permit = repository.get(session, principal, Permit, permit_id)
    if permit.revoked:
        raise conflict("the permit is revoked already")
    permit.revoked, permit.note = True, data.note
    session.flush()
    return permit


def _state(permits: list[Permit], first: date, last: date) -> tuple[str, Permit | None]:
    covering = [p for p in permits if p.valid_from <= first and p.valid_to >= last]
    live = [p for p in covering if not p.revoked]
    if live:
        return "valid", live[0]
    if covering:
        return "revoked", covering[0]
    if any(p.valid_from > first for p in permits):
        return "not_yet_valid", next(p for p in permits if p.valid_from > first)
    if permits:
        return "expired", permits[0]
    return "none", None


def permit_state(
    session: Session, truck_id: str, route_code: str, start: datetime, end: datetime
) -> tuple[str, Permit | None]:
    """valid / revoked / not_yet_valid / expired / none for the trip's local dates; the permit
    that decides it (the valid one, else the latest that almost fits). The truck's own side's
    permits first; with none of them, what the other side's permits say (the permit table then
    refuses them by their issuing side)."""
    first, last = start.astimezone(local_zone()).date(), end.astimezone(local_zone()).date()
    permits = repository.permits_of(session, truck_id, route_code)
    truck = session.get(Truck, truck_id)
    country = truck.country if truck is not None else "CN"
    state, permit = _state([p for p in permits if p.issuing_side == country], first, last)
    if state == "none":
        state, permit = _state([p for p in permits if p.issuing_side != country], first, last)
    return state, permit


def check_permit(
    session: Session, truck_id: str, route_code: str, start: datetime, end: datetime
) -> tuple[Decision, Permit | None]:
    state, permit = permit_state(session, truck_id, route_code, start, end)
    truck = session.get(Truck, truck_id)
    context = {
        "route_designated": designated(route_code),
        "permit_state": state,
        "truck_country": truck.country if truck is not None else "",
        "issuing_side": permit.issuing_side if permit is not None else "",
    }
    return decide("permit.json", context), permit


def edit_truck(
    session: Session, *, principal: Principal, truck_id: str, data: TruckUpdate
) -> Truck:
    if not principal.is_enterprise:
        raise forbidden("the carrier edits its own trucks")
    truck = repository.get(session, principal, Truck, truck_id)
    for key, value in data.model_dump(exclude_none=True).items():
        setattr(truck, key, value)
    session.flush()
    return truck
