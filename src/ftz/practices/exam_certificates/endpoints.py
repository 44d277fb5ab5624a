"""p12 HTTP API: thin routes over the service; response_model on every route."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.csv_export import csv_response
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.workflow import mermaid
from ftz.practices.exam_certificates import service
from ftz.practices.exam_certificates.catalog import catalog
from ftz.practices.exam_certificates.schemas import (
    ApplicationCreate,
    ApplicationPage,
    ApplicationRead,
    ApplicationUpdate,
    CatalogRead,
    CertificateRead,
    DecisionIn,
    HistoryEntry,
    LookupIn,
    RequestRead,
    ScoresIn,
    Statistics,
)
from ftz.practices.exam_certificates.workflow import ApplicationFlow, RequestFlow

router = APIRouter()


@router.get("/catalog", response_model=CatalogRead)
def get_catalog(_: Principal = Depends(require("exam_certificates.catalog"))) -> CatalogRead:
    cat = catalog()
    return CatalogRead(
        certificates=[CertificateRead(**c.__dict__) for c in cat.certificates.values()],
        departments=cat.departments,
        trades=cat.trades,
    )


@router.get("/workflows", response_model=dict[str, str])
def get_workflows(_: Principal = Depends(require("exam_certificates.catalog"))) -> dict[str, str]:
    return {"application": mermaid(ApplicationFlow), "request": mermaid(RequestFlow)}


@router.post("/applications", response_model=ApplicationRead, status_code=201)
def create_application(
    body: ApplicationCreate,
    session: Session = Depends(get_db, scope="function"),
    principal: Principal = Depends(require("exam_certificates.apply")),
) -> ApplicationRead:
    application = service.register_application(session, principal=principal, data=body)
    return ApplicationRead.model_validate(application)


@router.get("/applications", response_model=ApplicationPage)
def list_applications(
    status: str | None = Query(None, max_length=32),
    trade: str | None = Query(None, max_length=32),
    q: str | None = Query(None, max_length=100, description="Name or application id"),
    department: str | None = Query(None, max_length=32),
    request_status: str | None = Query(None, max_length=32),
    params: PageParams = Depends(page_params),
    session: Session = Depends(get_db, scope="function"),
    principal: Principal = Depends(require("exam_certificates.read")),
) -> ApplicationPage:
    page = service.list_applications(
        session,
        principal=principal,
        params=params,
        status=status,
        trade=trade,
        text=q,
        department=department,
        request_status=request_status,
    )
    return ApplicationPage(
        items=[ApplicationRead.model_validate(a) for a in page.items],
        total=page.total,
        page=page.page,
        size=page.size,
    )


EXPORT_COLUMNS = (
    "application_id", "candidate", "trade", "status", "theory", "practical", "certificate",
    "department", "request_status", "certificate_number",
)  # fmt: skip


def _export_rows(applications: Iterable[Any]) -> Iterator[list[Any]]:
    """One row per certificate request of each application."""
    for app in applications:
        for req in app.requests:
            yield [
                app.id, app.candidate.full_name, app.trade, app.status, app.theory_score,
                app.practical_score, req.certificate_code, req.department, req.status,
                req.certificate_number or "",
            ]  # fmt: skip


@router.get("/applications.csv", response_class=Response)
def export_applications(
    session: Session = Depends(get_db, scope="function"),
    principal: Principal = Depends(require("exam_certificates.read")),
) -> Response:
    rows = _export_rows(service.export_rows(session, principal=principal))
    return csv_response(EXPORT_COLUMNS, rows, "p12-applications.csv")


@router.get("/applications/{application_id}", response_model=ApplicationRead)
def get_application(
    application_id: str,
    session: Session = Depends(get_db, scope="function"),
    principal: Principal = Depends(require("exam_certificates.read")),
) -> ApplicationRead:
    application = service.get_application(
        session, principal=principal, application_id=application_id
    )
    return ApplicationRead.model_validate(application)


@router.patch("/applications/{application_id}", response_model=ApplicationRead)
def update_application(
    application_id: str,
    body: ApplicationUpdate,
    session: Session = Depends(get_db, scope="function"),
    principal: Principal = Depends(require("exam_certificates.apply")),
) -> ApplicationRead:
    application = service.update_application(
        session, principal=principal, application_id=application_id, data=body
    )
    return ApplicationRead.model_validate(application)


@router.post("/applications/{application_id}/withdraw", response_model=ApplicationRead)
def withdraw_application(
    application_id: str,
    session: Session = Depends(get_db, scope="function"),
    principal: Principal = Depends(require("exam_certificates.apply")),
) -> ApplicationRead:
    application = service.withdraw_application(
        session, principal=principal, application_id=application_id
    )
    return ApplicationRead.model_validate(application)


@router.post("/applications/{application_id}/scores", response_model=ApplicationRead)
def record_scores(
    application_id: str,
    body: ScoresIn,
    session: Session = Depends(get_db, scope="function"),
    principal: Principal = Depends(require("exam_certificates.score")),
) -> ApplicationRead:
    application = service.record_scores(
        session, principal=principal, application_id=application_id, data=body
    )
    return ApplicationRead.model_validate(application)


@router.get("/applications/{application_id}/history", response_model=list[HistoryEntry])
def application_history(
    application_id: str,
    session: Session = Depends(get_db, scope="function"),
    principal: Principal = Depends(require("exam_certificates.read")),
) -> list[HistoryEntry]:
    events = service.history(session, principal=principal, application_id=application_id)
    return [HistoryEntry.model_validate(e) for e in events]


@router.get("/reviews", response_model=list[RequestRead])
def review_queue(
    session: Session = Depends(get_db, scope="function"),
    principal: Principal = Depends(require("exam_certificates.review")),
) -> list[RequestRead]:
    return [
        RequestRead.model_validate(r) for r in service.review_queue(session, principal=principal)
    ]


@router.post("/requests/{request_id}/decision", response_model=RequestRead)
def decide(
    request_id: str,
    body: DecisionIn,
    session: Session = Depends(get_db, scope="function"),
    principal: Principal = Depends(require("exam_certificates.review")),
) -> RequestRead:
    request = service.decide_request(
        session, principal=principal, request_id=request_id, note=body.note
    )
    return RequestRead.model_validate(request)


@router.post("/lookup", response_model=ApplicationRead)
def candidate_lookup(
    body: LookupIn,
    session: Session = Depends(get_db, scope="function"),
    _: Principal = Depends(require("exam_certificates.catalog")),
) -> ApplicationRead:
    """A candidate's own results, by identity number and application number."""
    application = service.candidate_lookup(
        session, id_number=body.id_number, application_id=body.application_id
    )
    return ApplicationRead.model_validate(application)


@router.get("/statistics", response_model=Statistics)
def statistics(
    session: Session = Depends(get_db, scope="function"),
    principal: Principal = Depends(require("exam_certificates.stats")),
) -> Statistics:
    return Statistics(**service.statistics(session, principal=principal))
