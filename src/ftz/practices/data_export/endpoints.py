"""p01 HTTP API: assess, catalogs, filings (versions, review), batches, audit, pre-assessment."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Body, Depends, Query, Request
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import PageParams, page_params
from ftz.practices.data_export import catalog_routes, evidence, preassessment, repository, service
from ftz.practices.data_export.decision import assess
from ftz.practices.data_export.models import Batch, PreAssessment
from ftz.practices.data_export.schemas import (
    AuditOut,
    BatchIn,
    BatchOut,
    BatchPage,
    FilingIn,
    FilingOut,
    FilingPage,
    FindingOut,
    PreAssessmentIn,
    PreAssessmentOut,
    ReviewIn,
)

router = APIRouter()
router.include_router(catalog_routes.api)
DB = Depends(get_db, scope="function")


@router.post("/assess", response_model=dict[str, Any])
def assess_scenario(
    scenario: dict[str, Any] = Body(..., description="See `ftz data-export assess --help`"),
    _: Principal = Depends(require("data_export.assess")),
) -> dict[str, Any]:
    """The export path of a scenario under the 2024 CAC provisions, with the rows that fired."""
    return assess(scenario).to_dict()


@router.post("/filings", response_model=FilingOut, status_code=201)
def create_filing(
    body: FilingIn,
    session: Session = DB,
    principal: Principal = Depends(require("data_export.file")),
) -> FilingOut:
    return FilingOut.model_validate(service.create_filing(session, principal=principal, data=body))


@router.get("/filings", response_model=FilingPage)
def list_filings(
    status: str | None = Query(None, max_length=24),
    q: str | None = Query(None, max_length=100),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    principal: Principal = Depends(require("data_export.read")),
) -> FilingPage:
    page = service.list_filings(session, principal=principal, params=params, status=status, text=q)
    return FilingPage(
        items=[FilingOut.model_validate(f) for f in page.items],
        total=page.total,
        page=page.page,
        size=page.size,
    )


@router.get("/filings/{filing_id}", response_model=FilingOut)
def get_filing(
    filing_id: str,
    session: Session = DB,
    principal: Principal = Depends(require("data_export.read")),
) -> FilingOut:
    return FilingOut.model_validate(
        service.get_filing(session, principal=principal, filing_id=filing_id)
    )


@router.get("/filings/{filing_id}/versions", response_model=list[FilingOut])
def filing_versions(
    filing_id: str,
    session: Session = DB,
    principal: Principal = Depends(require("data_export.read")),
) -> list[FilingOut]:
    filing = service.get_filing(session, principal=principal, filing_id=filing_id)
    versions = repository.versions(session, principal, filing.number)
    return [FilingOut.model_validate(f) for f in versions]


@router.put("/filings/{filing_id}", response_model=FilingOut)
def update_filing(
    filing_id: str,
    body: FilingIn,
    session: Session = DB,
    principal: Principal = Depends(require("data_export.file")),
) -> FilingOut:
    updated = service.update_filing(session, principal=principal, filing_id=filing_id, data=body)
    return FilingOut.model_validate(updated)


@router.post("/filings/{filing_id}/submit", response_model=FilingOut)
def submit_filing(
    filing_id: str,
    session: Session = DB,
    principal: Principal = Depends(require("data_export.file")),
) -> FilingOut:
    return FilingOut.model_validate(
        service.submit(session, principal=principal, filing_id=filing_id)
    )


@router.post("/filings/{filing_id}/withdraw", response_model=FilingOut)
def withdraw_filing(
    filing_id: str,
    session: Session = DB,
    principal: Principal = Depends(require("data_export.file")),
) -> FilingOut:
    return FilingOut.model_validate(
        service.withdraw(session, principal=principal, filing_id=filing_id)
    )


@router.post("/filings/{filing_id}/revise", response_model=FilingOut, status_code=201)
def revise_filing(
    filing_id: str,
    session: Session = DB,
    principal: Principal = Depends(require("data_export.file")),
) -> FilingOut:
    return FilingOut.model_validate(
        service.revise(session, principal=principal, filing_id=filing_id)
    )


@router.post("/filings/{filing_id}/review", response_model=FilingOut)
def review_filing(
    filing_id: str,
    body: ReviewIn,
    session: Session = DB,
    principal: Principal = Depends(require("data_export.review")),
) -> FilingOut:
    reviewed = service.review(
        session, principal=principal, filing_id=filing_id, decision=body.decision, note=body.note
    )
    return FilingOut.model_validate(reviewed)


@router.post("/batches", response_model=BatchOut, status_code=201)
def record_batch(
    body: BatchIn,
    session: Session = DB,
    principal: Principal = Depends(require("data_export.file")),
) -> BatchOut:
    return BatchOut.model_validate(evidence.record_batch(session, principal=principal, data=body))


@router.get("/batches", response_model=BatchPage)
def list_batches(
    filing_id: str | None = Query(None, max_length=26),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    principal: Principal = Depends(require("data_export.read")),
) -> BatchPage:
    page = repository.list_batches(session, principal, params, filing_id=filing_id)
    return BatchPage(
        items=[BatchOut.model_validate(b) for b in page.items],
        total=page.total,
        page=page.page,
        size=page.size,
    )


@router.get("/batches/{batch_id}", response_model=BatchOut)
def get_batch(
    batch_id: str,
    session: Session = DB,
    principal: Principal = Depends(require("data_export.read")),
) -> BatchOut:
    return BatchOut.model_validate(repository.get_owned(session, principal, Batch, batch_id))


@router.post("/audits", response_model=AuditOut, status_code=201)
def run_audit(
    request: Request,
    org_id: str = Query(..., min_length=26, max_length=26),
    year: int = Query(default_factory=lambda: date.today().year, ge=2022, le=2100),
    session: Session = DB,
    principal: Principal = Depends(require("data_export.audit")),
) -> AuditOut:
    run, findings, receipts = evidence.run_audit(
        session, principal=principal, org_id=org_id, year=year, settings=request.app.state.settings
    )
    return AuditOut(
        run_id=run.id,
        year=run.year,
        batches=run.batches,
        findings=[FindingOut.model_validate(f) for f in findings],
        receipts=receipts,
    )


@router.get("/findings", response_model=list[FindingOut])
def list_findings(
    run_id: str | None = Query(None, max_length=26),
    session: Session = DB,
    principal: Principal = Depends(require("data_export.read")),
) -> list[FindingOut]:
    return [FindingOut.model_validate(f) for f in repository.findings(session, principal, run_id)]


@router.post("/preassessments", response_model=PreAssessmentOut, status_code=201)
def create_preassessment(
    body: PreAssessmentIn,
    session: Session = DB,
    principal: Principal = Depends(require("data_export.file")),
) -> PreAssessmentOut:
    made = preassessment.preassess(session, principal=principal, data=body)
    return PreAssessmentOut.model_validate(made)


@router.get("/preassessments/{record_id}", response_model=PreAssessmentOut)
def get_preassessment(
    record_id: str,
    session: Session = DB,
    principal: Principal = Depends(require("data_export.read")),
) -> PreAssessmentOut:
    found = repository.get_owned(session, principal, PreAssessment, record_id)
    return PreAssessmentOut.model_validate(found)


@router.get("/dashboard", response_model=dict[str, Any])
def dashboard(
    session: Session = DB, principal: Principal = Depends(require("data_export.read"))
) -> dict[str, Any]:
    return repository.dashboard(session, principal)
