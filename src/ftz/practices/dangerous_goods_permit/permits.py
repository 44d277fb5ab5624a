"""Issuing, editing and revoking special permits (the transport department). A permit names the
carrier, the vehicle, the cargo and two domestic routes from the border crossing, each ending
at its station; its terms (tolerance, speed, hours, stops, escort) come from the police's
designation. Issuance is anchored in the evidence ledger with the digest of both routes."""

from __future__ import annotations

import hashlib
import json

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import conflict, validation_error
from ftz.core.workflow import fire
from ftz.practices.dangerous_goods_permit import repository
from ftz.practices.dangerous_goods_permit.common import anchor, require_department, stations
from ftz.practices.dangerous_goods_permit.compliance import Terms, corridors
from ftz.practices.dangerous_goods_permit.models import Permit
from ftz.practices.dangerous_goods_permit.permissions import TRANSPORT
from ftz.practices.dangerous_goods_permit.schemas import PermitIn, TermsIn
from ftz.practices.dangerous_goods_permit.workflow import PermitFlow


def _window(data: TermsIn) -> None:
    if data.window_start == data.window_end:
        raise validation_error("window_end", "the permitted hours must not be empty")


def _next_number(session: Session, year: int) -> str:
    prefix = f"HLJ-SFH-{year}-"
    count = session.scalar(select(func.count()).where(Permit.number.like(f"{prefix}%"))) or 0
    return f"{prefix}{count + 1:04d}"


def routes_digest(permit: Permit) -> str:
    body = json.dumps({"A": permit.route_a, "B": permit.route_b}, separators=(",", ":"))
    return hashlib.sha256(body.encode()).hexdigest()


def issue(session: Session, *, principal: Principal, data: PermitIn) -> Permit:
    require_department(principal, TRANSPORT)
    _window(data)
    if data.valid_to < data.valid_from:
        raise validation_error("valid_to", "the permit must end on or after its first day")
    org = accounts.get_org_by_code(session, data.org_code)
    if org is None or org.kind != OrgKind.ENTERPRISE:
        raise validation_error("org_code", f"no carrier {data.org_code!r}")
    codes = list(stations())
    permit = Permit(
        org_id=org.id,
        number=_next_number(session, data.valid_from.year),
        vehicle_plate=data.vehicle_plate.upper(),
        cargo_un=data.cargo_un,
        cargo_name=data.cargo_name,
        route_a=data.route_a,
        route_b=data.route_b,
        station_a=codes[0],
        station_b=codes[1],
        tolerance_m=data.tolerance_m,
        speed_limit_kmh=data.speed_limit_kmh,
        window_start=data.window_start,
        window_end=data.window_end,
        max_stop_min=data.max_stop_min,
        escort=data.escort,
        valid_from=data.valid_from,
        valid_to=data.valid_to,
        status="active",
        note=data.note,
    )
    corridors(Terms.of(permit))  # both routes must make a corridor, or the input is refused
    session.add(permit)
    session.flush()
    entry = {
        "type": "dangerous_goods_permit.permit",
        "number": permit.number,
        "vehicle": permit.vehicle_plate,
        "routes_sha256": routes_digest(permit),
        "valid": [permit.valid_from.isoformat(), permit.valid_to.isoformat()],
    }
    permit.ledger_index = anchor(session, entry, f"dg-permit:{permit.id}")
    session.flush()
    return permit


def edit(session: Session, *, principal: Principal, permit_id: str, data: TermsIn) -> Permit:
    require_department(principal, TRANSPORT)
    permit = repository.get(session, principal, Permit, permit_id)
    if permit.status != "active":
        raise conflict("only an active permit may be changed")
    _window(data)
    if data.valid_to < permit.valid_from:
        raise validation_error("valid_to", "the permit must end on or after its first day")
    for name, value in data.model_dump().items():
        setattr(permit, name, value)
    session.flush()
    return permit


def revoke(session: Session, *, principal: Principal, permit_id: str, note: str) -> Permit:
    require_department(principal, TRANSPORT)
    permit = repository.get(session, principal, Permit, permit_id)
    if not note.strip():
        raise validation_error("note", "say why the permit is revoked")
    fire(
        session,
        PermitFlow,
        permit,
        "revoke",
        principal=principal,
        owner_org_id=permit.org_id,
        note=note,
    )
    return permit
