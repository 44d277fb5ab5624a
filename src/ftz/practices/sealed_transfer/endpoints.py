"""p18 HTTP API: cases (list with search and status filter, detail, registration and
correction) and one route per step, each answering the case as it now stands; statistics,
reconciliation and the ledger receipt of any step. Thin: parse, call the service, shape. Every
write takes an `Idempotency-Key` (core.web.idempotency): money moves through escrow here, and a
client that retries after a timeout must get the first answer, not the state machine's refusal
or a second deposit."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import not_found
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.ledger import service as ledger
from ftz.core.web import idempotency
from ftz.practices.sealed_transfer import repository, service, views
from ftz.practices.sealed_transfer.actions import ACTIONS
from ftz.practices.sealed_transfer.schemas import CaseIn, CaseOut, CasePage

router = APIRouter()
DB = Depends(get_db, scope="function")
READ = Depends(require("sealed_transfer.read"))
COURT = Depends(require("sealed_transfer.court"))
STATUS = Query("", pattern=r"^[a-z_]{0,16}$")
TEXT = Query("", max_length=100)
KEY = idempotency.KEY


@router.get("/cases", response_model=CasePage)
def cases(
    status: str = STATUS,
    q: str = TEXT,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    principal: Principal = READ,
) -> CasePage:
    page = repository.search(session, principal, params, status=status, q=q)
    return CasePage(
        items=[views.summary(c) for c in page.items],
        total=page.total,
        page=page.page,
        size=page.size,
    )


@router.post("/cases", response_model=CaseOut, status_code=201)
def register(
    body: CaseIn, key: str | None = KEY, session: Session = DB, principal: Principal = COURT
) -> JSONResponse:
    def act() -> dict[str, Any]:
        case = service.create_case(session, principal=principal, data=body)
        return views.case_out(session, case, principal).model_dump(mode="json")

    payload = body.model_dump(mode="json")
    return idempotency.run(session, principal, key, "sealed_transfer/cases", payload, 201, act)


@router.get("/cases/{case_id}", response_model=CaseOut)
def one(case_id: str, session: Session = DB, principal: Principal = READ) -> CaseOut:
    return views.case_out(session, repository.get_case(session, principal, case_id), principal)


@router.put("/cases/{case_id}", response_model=CaseOut)
def correct(
    case_id: str, body: CaseIn, key: str | None = KEY, session: Session = DB,
    principal: Principal = COURT,
) -> JSONResponse:  # fmt: skip
    def act() -> dict[str, Any]:
        case = service.update_case(session, principal=principal, case_id=case_id, data=body)
        return views.case_out(session, case, principal).model_dump(mode="json")

    route = f"sealed_transfer/cases/{case_id}"
    return idempotency.run(session, principal, key, route, body.model_dump(mode="json"), 200, act)


# One typed route per step (actions.ACTIONS), each answering the case as it now stands.
for _path, _action in ACTIONS.items():
    router.add_api_route(
        f"/cases/{{case_id}}/{_path}",
        _action.endpoint(views.case_out),
        methods=[_action.method],
        response_model=CaseOut,
        name=f"sealed_transfer_{_action.step}",
        summary=_action.summary,
    )


@router.get("/cases/{case_id}/steps/{seq}/receipt", response_model=dict[str, Any])
def receipt(
    case_id: str, seq: int, request: Request, session: Session = DB, principal: Principal = READ
) -> dict[str, Any]:
    """The step's ledger receipt: entry, inclusion proof, signed checkpoint, timestamp; checked
    offline by `ftz ledger verify`."""
    case = repository.get_case(session, principal, case_id)
    step = next((s for s in repository.steps(session, case.id) if s.seq == seq), None)
    if step is None:
        raise not_found("step")
    signer = ledger.signing(request.app.state.settings)
    return ledger.receipt(session, ledger.EVIDENCE_LOG, step.ledger_index, signer)


@router.get("/statistics", response_model=dict[str, Any])
def statistics(
    session: Session = DB, principal: Principal = Depends(require("sealed_transfer.stats"))
) -> dict[str, Any]:
    return views.statistics(session, principal)


@router.get("/reconcile", response_model=dict[str, Any])
def reconcile(
    session: Session = DB, _: Principal = Depends(require("sealed_transfer.stats"))
) -> dict[str, Any]:
    return service.reconcile(session)
