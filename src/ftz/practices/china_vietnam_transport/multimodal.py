"""Rail–road multimodal applications (多式联运申请单): the railway, as operator for the whole
journey, files one application with the customs declaration made at the place of departure;
customs inspects once there and, by the multimodal table, releases the container through to
the end (no separate transit formalities, no transshipment) or rejects it. The journey is
planned on `ftz.domain.network` (rail and road)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.db import utcnow
from ftz.core.kit.errors import FtzError, forbidden, validation_error
from ftz.core.workflow import fire
from ftz.domain.network import plan
from ftz.practices.china_vietnam_transport import repository
from ftz.practices.china_vietnam_transport.models import Multimodal
from ftz.practices.china_vietnam_transport.permissions import CUSTOMS
from ftz.practices.china_vietnam_transport.reference import (
    anchor,
    decide,
    fired,
    local_zone,
    require_department,
)
from ftz.practices.china_vietnam_transport.schemas import (
    InspectionIn,
    MultimodalEventIn,
    MultimodalIn,
)
from ftz.practices.china_vietnam_transport.workflow import MultimodalFlow


def _journey(origin: str, destination: str) -> tuple[list[dict[str, object]], float]:
    try:
        # By CO₂: the railway carries the box as far as rail goes and the truck finishes it,
        # which is what a rail–road application is (by time the planner picks the road alone).
        found = plan(origin, destination, optimize="co2", modes=["rail", "road"], k=1)
    except FtzError as exc:
        problem = exc.errors[0] if exc.errors else None
        field = (
            problem.field if problem and problem.field in ("origin", "destination") else "origin"
        )
        raise validation_error(field, problem.reason if problem else exc.detail) from exc
    legs = [
        {
            "mode": leg.mode,
            "from": leg.from_node,
            "to": leg.to_node,
            "from_name": leg.from_name,
            "to_name": leg.to_name,
            "km": leg.distance_km,
            "hours": round(leg.hours, 2),
        }
        for leg in found.legs
        if leg.mode != "transfer"
    ]
    return legs, round(found.total.hours, 2)


def file(session: Session, *, principal: Principal, data: MultimodalIn) -> Multimodal:
    if not principal.is_enterprise or principal.org_id is None:
        raise forbidden("the multimodal operator files the application")
    decision = decide(
        "multimodal.json",
        {
            "rail_operator": data.rail_operator,
            "declared_at_origin": data.declared_at_origin,
            "inspection": "pending",
        },
    )
    if decision.result.get("separate_transit"):
        row = decision.fired[0]
        field = "rail_operator" if row.row_id == "M-OPERATOR" else "declared_at_origin"
        raise validation_error(field, f"{row.row_id}: {row.outputs['reason_en']}")
    legs, hours = _journey(data.origin, data.destination)
    prefix = f"MM{utcnow().astimezone(local_zone()):%Y%m%d}"
    made = Multimodal(
        number=repository.next_number(session, Multimodal, prefix),
        org_id=principal.org_id,
        container_no=data.container_no,
        declaration_no=data.declaration_no,
        cargo=data.cargo,
        origin=data.origin,
        destination=data.destination,
        rail_operator=data.rail_operator,
        legs=legs,
        hours=hours,
        status="submitted",
        fired=fired(decision),
    )
    session.add(made)
    session.flush()
    entry = {
        "type": "china_vietnam_transport.multimodal",
        "number": made.number,
        "container": made.container_no,
        "declaration": made.declaration_no,
        "origin": made.origin,
        "destination": made.destination,
    }
    made.ledger_index = anchor(session, entry, f"cvt-multimodal:{made.id}")
    session.flush()
    return made


def inspect(
    session: Session, *, principal: Principal, multimodal_id: str, data: InspectionIn
) -> Multimodal:
    """The one inspection at origin; the table says whether the box goes through."""
    require_department(principal, CUSTOMS)
    made = repository.get(session, principal, Multimodal, multimodal_id)
    decision = decide(
        "multimodal.json",
        {
            "rail_operator": made.rail_operator,
            "declared_at_origin": True,
            "inspection": data.inspection,
        },
    )
    through = bool(decision.result["through_release"])
    fire(
        session,
        MultimodalFlow,
        made,
        "release" if through else "reject",
        principal=principal,
        owner_org_id=made.org_id,
        note=data.note or str(decision.result["reason_zh"]),
    )
    made.inspection, made.fired = data.inspection, [*made.fired, *fired(decision)]
    if through:
        made.released_at = utcnow()
    session.flush()
    return made


def act(
    session: Session, *, principal: Principal, multimodal_id: str, data: MultimodalEventIn
) -> Multimodal:
    made = repository.get(session, principal, Multimodal, multimodal_id)
    fire(
        session,
        MultimodalFlow,
        made,
        data.event,
        principal=principal,
        owner_org_id=made.org_id,
        note=data.note,
    )
    return made
