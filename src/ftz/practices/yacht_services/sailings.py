"""Sailing reports (游艇报备): who sails (captain and certificate), where (marina and route),
when (departure and planned return), with how many aboard, the passengers pre-declared to the
border check, and the flags the report raises; then departure and arrival, the border check's
decision and the officer's review of a flagged report. Reports are anchored in the ledger."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.db import utcnow
from ftz.core.kit.errors import conflict, forbidden, validation_error
from ftz.core.workflow import fire
from ftz.domain.geo.crs import GEOD
from ftz.practices.yacht_services import repository
from ftz.practices.yacht_services.assessment import assess
from ftz.practices.yacht_services.common import (
    anchor,
    document_hash,
    local,
    marina,
    require_department,
    settings,
)
from ftz.practices.yacht_services.models import Passenger, Sailing, Yacht
from ftz.practices.yacht_services.permissions import BORDER, MARITIME, TRANSPORT
from ftz.practices.yacht_services.schemas import (
    BorderDecisionIn,
    ReviewIn,
    SailingEventIn,
    SailingIn,
)
from ftz.practices.yacht_services.workflow import SailingFlow

MAX_FROM_MARINA_M = 1000.0  # a route starts and ends at its marina
MAX_VOYAGE = timedelta(hours=72)
MAX_AHEAD = timedelta(days=30)


def _check_route(route: list[list[float]], marina_code: str) -> None:
    for n, point in enumerate(route):
        if len(point) != 2 or not (-180 <= point[0] <= 180 and -90 <= point[1] <= 90):
            raise validation_error(f"route[{n}]", "each waypoint is [lon, lat] in WGS84 range")
    place = marina(marina_code)
    for label, (lon, lat) in (("start", route[0]), ("end", route[-1])):
        _, _, metres = GEOD.inv(place["lon"], place["lat"], lon, lat)
        if metres > MAX_FROM_MARINA_M:
            raise validation_error(
                "route", f"the route's {label} is {metres:,.0f} m from {marina_code}; "
                f"it must {label} at the marina (within {MAX_FROM_MARINA_M:,.0f} m)",
            )  # fmt: skip


def file(session: Session, *, principal: Principal, data: SailingIn) -> Sailing:
    if not principal.is_enterprise:
        raise forbidden("the yacht's owner or club files the sailing report")
    yacht = repository.get(session, principal, Yacht, data.yacht_id)  # 404 if not one's own
    marina(data.marina)
    now = utcnow()
    if data.return_at <= data.depart_at:
        raise validation_error("return_at", "the planned return must be after the departure")
    if data.return_at - data.depart_at > MAX_VOYAGE:
        raise validation_error("return_at", "a sailing report covers at most 72 hours")
    if data.depart_at < now - timedelta(minutes=5):
        raise validation_error("depart_at", "a report is filed before departure")
    if data.depart_at > now + MAX_AHEAD:
        raise validation_error("depart_at", "reports are filed at most 30 days ahead")
    _check_route(data.route, data.marina)
    persons = len(data.passengers) + data.crew
    lead = int((data.depart_at - now).total_seconds() // 60)
    judged = assess(session, yacht=yacht, marina=data.marina, depart_at=data.depart_at,
                    return_at=data.return_at, persons=persons,
                    lookout_aboard=data.lookout_aboard, route=data.route,
                    lead_minutes=lead)  # fmt: skip
    prefix = f"{settings()['sailing_number_prefix']}{local(data.depart_at):%Y%m%d}"
    number = f"{prefix}{repository.count_numbers(session, Sailing, prefix) + 1:04d}"
    sailing = Sailing(
        number=number, yacht_id=yacht.id, org_id=yacht.org_id, captain_name=data.captain_name,
        captain_cert_no=data.captain_cert_no, marina=data.marina, depart_at=data.depart_at,
        return_at=data.return_at, usage=yacht.usage, passengers=len(data.passengers),
        crew=data.crew, lookout_aboard=data.lookout_aboard, route=data.route,
        period=judged.period, zone_code=judged.zone.code if judged.zone else None,
        zone_version=judged.zone.version if judged.zone else None,
        excursions=judged.excursions, flags=judged.flags, flagged=bool(judged.flags),
        fired=judged.fired, status="reported",
        border_status="declared" if data.passengers else "not_required",
    )  # fmt: skip
    session.add(sailing)
    session.flush()
    for person in data.passengers:
        session.add(Passenger(
            sailing_id=sailing.id, org_id=sailing.org_id, name=person.name,
            nationality=person.nationality, document_kind=person.document_kind,
            document_hash=document_hash(person.document_kind, person.document_number),
            document_hint=person.document_number[-4:],
        ))  # fmt: skip
    entry = {"type": "yacht_services.sailing_report", "number": number, "yacht": yacht.hull_id,
             "marina": data.marina, "depart_at": data.depart_at.isoformat(),
             "return_at": data.return_at.isoformat(), "persons": persons,
             "period": judged.period, "flags": judged.flags,
             "rows": [r["row_id"] for r in judged.fired]}  # fmt: skip
    sailing.ledger_index = anchor(session, entry, f"ys-sailing:{sailing.id}")
    session.flush()
    return sailing


def act(
    session: Session, *, principal: Principal, sailing_id: str, data: SailingEventIn
) -> Sailing:
    sailing = repository.get(session, principal, Sailing, sailing_id)
    if data.event == "depart" and sailing.border_status not in ("cleared", "not_required"):
        raise conflict(f"the border check has not cleared the passengers ({sailing.border_status})")
    fire(session, SailingFlow, sailing, data.event, principal=principal,
         owner_org_id=sailing.org_id, note=data.note)  # fmt: skip
    if data.event == "depart":
        sailing.departed_at = utcnow()
    elif data.event == "arrive":
        sailing.arrived_at = utcnow()
    session.flush()
    return sailing


def border_decision(
    session: Session, *, principal: Principal, sailing_id: str, data: BorderDecisionIn
) -> Sailing:
    require_department(principal, BORDER)
    sailing = repository.get(session, principal, Sailing, sailing_id)
    if sailing.border_status == "not_required":
        raise conflict("no passengers were declared on this sailing")
    if sailing.status != "reported":
        raise conflict(f"the sailing is {sailing.status}; the border check decides before it")
    if data.decision == "refused" and len(data.note.strip()) < 2:
        raise validation_error("note", "say why the passengers are refused")
    sailing.border_status, sailing.border_note = data.decision, data.note
    session.flush()
    return sailing


def review(session: Session, *, principal: Principal, sailing_id: str, data: ReviewIn) -> Sailing:
    require_department(principal, MARITIME, TRANSPORT)
    sailing = repository.get(session, principal, Sailing, sailing_id)
    if not sailing.flagged:
        raise conflict("only flagged reports are reviewed")
    sailing.disposition, sailing.review_note = data.disposition, data.note
    session.flush()
    return sailing
