"""p22 HTTP API: the key-items list (current, versions, a new version), screening without
declaring, declarations (screened on submission), the officers' confirm or clear of a line,
enterprises' credit, the monthly joint report (JSON and CSV), the decision tables and the
dashboard."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import PageOut, PageParams, page_params
from ftz.practices.cbec_key_items import report, repository, service
from ftz.practices.cbec_key_items.common import rules, table_rows
from ftz.practices.cbec_key_items.keylist import KeyItemListIn
from ftz.practices.cbec_key_items.models import KeyItemDeclaration
from ftz.practices.cbec_key_items.schemas import (
    CheckIn,
    CreditOut,
    DeclarationIn,
    DeclarationOut,
    LineOut,
    ListVersionOut,
    ResolvedOut,
    ResolveIn,
    ViolationOut,
)

router = APIRouter()
DB = Depends(get_db, scope="function")
READ = Depends(require("cbec_key_items.read"))
DECLARE = Depends(require("cbec_key_items.declare"))
INSPECT = Depends(require("cbec_key_items.inspect"))
MAINTAIN = Depends(require("cbec_key_items.maintain"))
STATUS_Q = Query(None, pattern="^(released|inspection|cleared|violation)$")
MONTH_Q = Query(..., pattern=r"^\d{4}-(0[1-9]|1[0-2])$", examples=["2026-11"])


def _filters(status: str | None, q: str | None) -> list[Any]:
    filters: list[Any] = [KeyItemDeclaration.status == status] if status else []
    if q:
        filters.append(repository.search(q))
    return filters


@router.get("/dashboard", response_model=dict[str, Any])
def dashboard(session: Session = DB, who: Principal = READ) -> dict[str, Any]:
    return service.dashboard(session, principal=who)


@router.get("/rules", response_model=dict[str, list[dict[str, Any]]])
def rule_tables(who: Principal = READ) -> dict[str, list[dict[str, Any]]]:
    """Every row of the credit and route tables, with its reasons and source."""
    return {key: table_rows(key) for key in rules().keys}


@router.get("/list", response_model=dict[str, Any])
def key_items(
    version: int | None = Query(None, ge=1), session: Session = DB, who: Principal = READ
) -> dict[str, Any]:
    """The key-items list in force (or one version of it), whole."""
    return service.list_document(session, version)


@router.get("/list/versions", response_model=list[ListVersionOut])
def list_versions(session: Session = DB, who: Principal = READ) -> list[ListVersionOut]:
    return [ListVersionOut(**v) for v in service.list_versions(session)]


@router.post("/list", response_model=ListVersionOut, status_code=201)
def save_list(
    body: KeyItemListIn, session: Session = DB, who: Principal = MAINTAIN
) -> ListVersionOut:
    """Save a new version of the whole list (customs or railway officers)."""
    made = service.save_list(session, principal=who, data=body)
    return ListVersionOut(
        version=made.version,
        effective_from=made.effective_from.isoformat(),
        rule_count=made.rule_count,
        sha256=made.sha256,
        saved_by=made.saved_by,
        note=made.note,
    )


@router.post("/screen", response_model=dict[str, Any])
def screen(body: CheckIn, session: Session = DB, who: Principal = READ) -> dict[str, Any]:
    """Hits and route of each line under the list in force, without declaring anything."""
    return service.check(session, principal=who, data=body)


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
    return report.declarations_csv(session, who, *_filters(status, q))


@router.post("/declarations", response_model=DeclarationOut, status_code=201)
def declare(body: DeclarationIn, session: Session = DB, who: Principal = DECLARE) -> DeclarationOut:
    """Submit a declaration: every line is screened; a hit sends the line to inspection."""
    made = service.declare(session, principal=who, data=body, source="api")
    return DeclarationOut.model_validate(made)


@router.get("/declarations/{declaration_id}", response_model=DeclarationOut)
def get_declaration(
    declaration_id: str, session: Session = DB, who: Principal = READ
) -> DeclarationOut:
    return DeclarationOut.model_validate(repository.get_declaration(session, who, declaration_id))


@router.get("/declarations/{declaration_id}/history", response_model=list[dict[str, Any]])
def declaration_history(
    declaration_id: str, session: Session = DB, who: Principal = READ
) -> list[dict[str, Any]]:
    found = repository.get_declaration(session, who, declaration_id)
    events = service.history(session, principal=who, declaration=found)
    return [
        {
            "at": e.occurred_at.isoformat(),
            "who": e.actor_username,
            "action": e.action,
            "entity": e.entity_type,
            "changes": e.changes,
        }
        for e in events
    ]


@router.post("/lines/{line_id}/resolve", response_model=ResolvedOut)
def resolve(
    line_id: str, body: ResolveIn, session: Session = DB, who: Principal = INSPECT
) -> ResolvedOut:
    """Confirm (with what was found) or clear a line at inspection."""
    line, violation = service.resolve(session, principal=who, line_id=line_id, data=body)
    return ResolvedOut(
        line=LineOut.model_validate(line),
        declaration_status=line.declaration.status,
        violation=ViolationOut.model_validate(violation) if violation else None,
    )


@router.get("/credit", response_model=list[CreditOut])
def credit(session: Session = DB, who: Principal = READ) -> list[CreditOut]:
    """Enterprises' standing (own only, for an enterprise)."""
    return [CreditOut.model_validate(c) for c in repository.credits(session, who)]


@router.get("/violations", response_model=list[ViolationOut])
def violations(session: Session = DB, who: Principal = READ) -> list[ViolationOut]:
    return [ViolationOut.model_validate(v) for v in repository.violations(session, who)]


@router.get("/report", response_model=dict[str, Any])
def monthly_report(
    month: str = MONTH_Q, session: Session = DB, who: Principal = READ
) -> dict[str, Any]:
    """The monthly joint report of customs and railway, computed from the records."""
    return report.report(session, principal=who, month=month)


@router.get("/report.csv", response_class=Response)
def monthly_report_csv(
    month: str = MONTH_Q, session: Session = DB, who: Principal = READ
) -> Response:
    return report.report_csv(session, principal=who, month=month)
