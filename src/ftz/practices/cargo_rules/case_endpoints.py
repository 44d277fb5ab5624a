"""p05 HTTP API, case side: proposals (list, CSV, detail, draft, documents, workflow steps) and
assessments of unlisted goods (enterprise requests, officer opening, acceptance, findings,
the three sign-offs, agreement or refusal)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import PageOut, PageParams, page_params
from ftz.practices.cargo_rules import assessments, proposals, reports, repository
from ftz.practices.cargo_rules.schemas import (
    AssessmentRequestIn,
    DecisionIn,
    DocumentIn,
    FindingsIn,
    ProposalEventIn,
    ProposalIn,
    SignOffIn,
)

router = APIRouter()
DB = Depends(get_db, scope="function")
LOOKUP = Depends(require("cargo_rules.lookup"))
READ = Depends(require("cargo_rules.read"))
REQUEST = Depends(require("cargo_rules.request"))
MANAGE = Depends(require("cargo_rules.manage"))
P_STATUS = Query("", pattern="^(draft|submitted|under_consideration|adopted|rejected|)$")
INSTRUMENT = Query("", pattern="^(IMSBC|IMDG|UNMR|)$")
A_STATUS = Query("", pattern="^(requested|assessing|agreed|refused|)$")
MODE = Query("", pattern="^(bulk|packaged|)$")
TEXT = Query("", max_length=100)


@router.get("/proposals")
def list_proposals(
    status: str = P_STATUS,
    instrument: str = INSTRUMENT,
    q: str = TEXT,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    principal: Principal = LOOKUP,
) -> PageOut[dict[str, Any]]:
    query = repository.proposal_query(
        principal, {"status": status, "instrument": instrument, "q": q}
    )
    page = repository.page(session, query, params)
    return PageOut[dict[str, Any]].of(
        page, [proposals.view(session, principal, p) for p in page.items]
    )


@router.get("/proposals.csv", response_class=Response)
def export_proposals(
    status: str = P_STATUS,
    instrument: str = INSTRUMENT,
    q: str = TEXT,
    session: Session = DB,
    principal: Principal = LOOKUP,
) -> Response:
    query = repository.proposal_query(
        principal, {"status": status, "instrument": instrument, "q": q}
    )
    rows = reports.proposal_rows(session.scalars(query))
    return reports.csv_response(reports.PROPOSAL_COLUMNS, rows, "proposals.csv")


@router.get("/proposals/{key}")
def one_proposal(key: str, session: Session = DB, principal: Principal = LOOKUP) -> dict[str, Any]:
    return proposals.view(session, principal, repository.proposal(session, principal, key))


@router.post("/proposals", status_code=201)
def draft_proposal(
    body: ProposalIn, session: Session = DB, principal: Principal = MANAGE
) -> dict[str, Any]:
    made = proposals.create(session, principal=principal, data=body)
    return proposals.view(session, principal, made)


@router.post("/proposals/{key}/documents", status_code=201)
def add_document(
    key: str, body: DocumentIn, session: Session = DB, principal: Principal = MANAGE
) -> dict[str, Any]:
    proposals.add_document(session, principal=principal, key=key, data=body)
    return proposals.view(session, principal, repository.proposal(session, principal, key))


@router.post("/proposals/{key}/events")
def advance_proposal(
    key: str, body: ProposalEventIn, session: Session = DB, principal: Principal = MANAGE
) -> dict[str, Any]:
    moved = proposals.advance(session, principal=principal, key=key, data=body)
    return proposals.view(session, principal, moved)


@router.get("/assessments")
def list_assessments(
    status: str = A_STATUS,
    mode: str = MODE,
    q: str = TEXT,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    principal: Principal = READ,
) -> PageOut[dict[str, Any]]:
    query = repository.assessment_query(principal, {"status": status, "mode": mode, "q": q})
    page = repository.page(session, query, params)
    return PageOut[dict[str, Any]].of(page, list(reports.assessment_rows(page.items)))


@router.get("/assessments.csv", response_class=Response)
def export_assessments(
    status: str = A_STATUS,
    mode: str = MODE,
    q: str = TEXT,
    session: Session = DB,
    principal: Principal = READ,
) -> Response:
    query = repository.assessment_query(principal, {"status": status, "mode": mode, "q": q})
    rows = reports.assessment_rows(session.scalars(query))
    return reports.csv_response(reports.ASSESSMENT_COLUMNS, rows, "assessments.csv")


@router.get("/assessments/{key}")
def one_assessment(key: str, session: Session = DB, principal: Principal = READ) -> dict[str, Any]:
    return assessments.view(session, principal, repository.assessment(session, principal, key))


@router.post("/assessments", status_code=201)
def request_assessment(
    body: AssessmentRequestIn, session: Session = DB, principal: Principal = REQUEST
) -> dict[str, Any]:
    made = assessments.request(session, principal=principal, data=body)
    return assessments.view(session, principal, made)


@router.post("/assessments/open", status_code=201)
def open_assessment(
    body: AssessmentRequestIn, session: Session = DB, principal: Principal = MANAGE
) -> dict[str, Any]:
    made = assessments.open_(session, principal=principal, data=body)
    return assessments.view(session, principal, made)


@router.post("/assessments/{key}/accept")
def accept_assessment(
    key: str, session: Session = DB, principal: Principal = MANAGE
) -> dict[str, Any]:
    item = assessments.accept(session, principal=principal, key=key)
    return assessments.view(session, principal, item)


@router.put("/assessments/{key}/findings")
def record_findings(
    key: str, body: FindingsIn, session: Session = DB, principal: Principal = MANAGE
) -> dict[str, Any]:
    item = assessments.record_findings(session, principal=principal, key=key, data=body)
    return assessments.view(session, principal, item)


@router.post("/assessments/{key}/sign-offs", status_code=201)
def sign_off(
    key: str, body: SignOffIn, session: Session = DB, principal: Principal = MANAGE
) -> dict[str, Any]:
    assessments.sign(session, principal=principal, key=key, data=body)
    return assessments.view(session, principal, repository.assessment(session, principal, key))


@router.post("/assessments/{key}/agree")
def agree(
    key: str, body: DecisionIn, session: Session = DB, principal: Principal = MANAGE
) -> dict[str, Any]:
    item = assessments.agree(session, principal=principal, key=key, data=body)
    return assessments.view(session, principal, item)


@router.post("/assessments/{key}/refuse")
def refuse(
    key: str, body: DecisionIn, session: Session = DB, principal: Principal = MANAGE
) -> dict[str, Any]:
    item = assessments.refuse(session, principal=principal, key=key, data=body)
    return assessments.view(session, principal, item)
