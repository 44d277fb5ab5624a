"""The permit page, shared by the permit and trip pages (its trip form is shown again there
when a planned trip is refused)."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FieldProblem
from ftz.practices.dangerous_goods_permit import maps, repository, views
from ftz.practices.dangerous_goods_permit.common import stations
from ftz.practices.dangerous_goods_permit.models import Permit
from ftz.practices.dangerous_goods_permit.permissions import TRANSPORT
from ftz.practices.dangerous_goods_permit.web import show


def issuer(who: Principal) -> bool:
    return who.is_admin or who.department == TRANSPORT


def permit_page(
    request: Request,
    session: Session,
    who: Principal,
    permit_id: str,
    errors: list[FieldProblem],
    values: dict[str, str] | None = None,
    status: int = 200,
) -> Response:
    """The permit with its map and trips; its forms shown again with their errors."""
    permit = repository.get(session, who, Permit, permit_id)
    trips = repository.rows(session, repository.trip_query(who, permit_id=permit.id))
    return show(
        request,
        "dangerous_goods_permit/permit.html",
        {
            "permit": permit,
            "trips": trips,
            "map": maps.permit_map(permit),
            "stations": stations(),
            "history": views.history(session, principal=who, entity_id=permit.id),
            "can_issue": issuer(who) and permit.status == "active",
            "can_plan": who.is_enterprise and permit.status == "active",
            "errors": errors,
            "values": values or {},
        },
        status=status,
    )
