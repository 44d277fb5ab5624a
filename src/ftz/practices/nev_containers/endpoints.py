"""p13 HTTP API: declarations (shipper), the packing-site inspection (origin office), the
arrival check and reinspection (transit port office), the classification of any vehicles by the
rule tables, the tables themselves and the dashboard."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import PageOut, PageParams, page_params
from ftz.practices.nev_containers import exports, inspections, repository, service
from ftz.practices.nev_containers.classify import classify
from ftz.practices.nev_containers.common import rules, table_rows
from ftz.practices.nev_containers.models import Declaration
from ftz.practices.nev_containers.schemas import (
    ArrivalIn,
    DeclarationIn,
    DeclarationOut,
    EventIn,
    InspectionIn,
    InspectionOut,
    ReinspectionIn,
)

router = APIRouter()
DB = Depends(get_db, scope="function")
READ = Depends(require("nev_containers.read"))
DECLARE = Depends(require("nev_containers.declare"))
INSPECT = Depends(require("nev_containers.inspect"))
STATUS_Q = Query(None, pattern="^(declared|rectifying|withdrawn|certified|reopened|loaded|held)$")


def _filters(status: str | None, q: str | None) -> list[Any]:
    filters: list[Any] = [Declaration.status == status] if status else []
    if q:
        filters.append(repository.search(q))
    return filters


@router.get("/dashboard", response_model=dict[str, Any])
def dashboard(session: Session = DB, who: Principal = READ) -> dict[str, Any]:
    return service.dashboard(session, principal=who)


@router.get("/rules", response_model=dict[str, list[dict[str, Any]]])
def rule_tables(who: Principal = READ) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table, with its reasons and source."""
    return {key: table_rows(key) for key in rules().keys}


@router.post("/classify", response_model=dict[str, Any])
def classify_vehicles(body: DeclarationIn, who: Principal = READ) -> dict[str, Any]:
    """UN number, class and special provisions of the vehicles, without declaring anything."""
    return classify(body.sea_date, body.opt_in_42_24, body.vehicles)


@router.get("/declarations", response_model=PageOut[DeclarationOut])
def list_declarations(
    status: str | None = STATUS_Q,
    q: str | None = Query(None, max_length=100),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> PageOut[DeclarationOut]:
    found = repository.page(session, who, params, *_filters(status, q))
    return PageOut.of(found, [DeclarationOut.model_validate(d) for d in found.items])


@router.get("/declarations.csv", response_class=Response)
def export_declarations(
    status: str | None = STATUS_Q,
    q: str | None = Query(None, max_length=100),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    return exports.declarations_csv(session, who, *_filters(status, q))


@router.post("/declarations", response_model=DeclarationOut, status_code=201)
def declare(body: DeclarationIn, session: Session = DB, who: Principal = DECLARE) -> DeclarationOut:
    return DeclarationOut.model_validate(service.declare(session, principal=who, data=body))


@router.get("/declarations/{declaration_id}", response_model=DeclarationOut)
def get_declaration(
    declaration_id: str, session: Session = DB, who: Principal = READ
) -> DeclarationOut:
    return DeclarationOut.model_validate(repository.get_declaration(session, who, declaration_id))


@router.put("/declarations/{declaration_id}", response_model=DeclarationOut)
def edit_declaration(
    declaration_id: str, body: DeclarationIn, session: Session = DB, who: Principal = DECLARE
) -> DeclarationOut:
    made = service.edit(session, principal=who, declaration_id=declaration_id, data=body)
    return DeclarationOut.model_validate(made)


@router.post("/declarations/{declaration_id}/events", response_model=DeclarationOut)
def declaration_event(
    declaration_id: str, body: EventIn, session: Session = DB, who: Principal = DECLARE
) -> DeclarationOut:
    """resubmit (after rectification) or withdraw."""
    made = service.event(session, principal=who, declaration_id=declaration_id, data=body)
    return DeclarationOut.model_validate(made)


@router.get("/declarations/{declaration_id}/inspections", response_model=list[InspectionOut])
def list_inspections(
    declaration_id: str, session: Session = DB, who: Principal = READ
) -> list[InspectionOut]:
    found = repository.get_declaration(session, who, declaration_id)
    return [InspectionOut.model_validate(i) for i in repository.inspections(session, found.id)]


@router.get("/declarations/{declaration_id}/history", response_model=list[dict[str, Any]])
def declaration_history(
    declaration_id: str, session: Session = DB, who: Principal = READ
) -> list[dict[str, Any]]:
    found = repository.get_declaration(session, who, declaration_id)
    events = service.history(session, principal=who, entity_id=found.id)
    return [
        {"at": e.occurred_at.isoformat(), "who": e.actor_username, "action": e.action,
         "changes": e.changes}
        for e in events
    ]  # fmt: skip


@router.post(
    "/declarations/{declaration_id}/inspection", response_model=InspectionOut, status_code=201
)
def inspect(
    declaration_id: str, body: InspectionIn, session: Session = DB, who: Principal = INSPECT
) -> InspectionOut:
    made = inspections.inspect(session, principal=who, declaration_id=declaration_id, data=body)
    return InspectionOut.model_validate(made)


@router.post(
    "/declarations/{declaration_id}/arrival", response_model=InspectionOut, status_code=201
)
def arrival(
    declaration_id: str, body: ArrivalIn, session: Session = DB, who: Principal = INSPECT
) -> InspectionOut:
    made = inspections.arrival(session, principal=who, declaration_id=declaration_id, data=body)
    return InspectionOut.model_validate(made)


@router.post(
    "/declarations/{declaration_id}/reinspection", response_model=InspectionOut, status_code=201
)
def reinspect(
    declaration_id: str, body: ReinspectionIn, session: Session = DB, who: Principal = INSPECT
) -> InspectionOut:
    made = inspections.reinspect(session, principal=who, declaration_id=declaration_id, data=body)
    return InspectionOut.model_validate(made)
