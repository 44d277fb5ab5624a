"""p28 HTTP API, certification: schemes and the rules' quote, applications through the three
steps (documents, events, tests, conclusion, certificate), certificate verification, statistics
and the decision tables. Standards watch and cooperation: watch_endpoints.py."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from fastapi import APIRouter, Depends, Query
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import PageOut, PageParams, page_params
from ftz.practices.certification_one_stop import (
    applications,
    certificates,
    reference,
    repository,
    statistics,
    testing,
    views,
    watch_endpoints,
)
from ftz.practices.certification_one_stop.common import rules, table_rows
from ftz.practices.certification_one_stop.models import ExportApplication
from ftz.practices.certification_one_stop.schemas import (
    ApplicationDetail,
    ApplicationIn,
    ApplicationOut,
    ConcludeIn,
    DocumentIn,
    DocumentOut,
    EventIn,
    TestIn,
    TestOut,
    VerificationOut,
)

router = APIRouter()
router.include_router(watch_endpoints.router)
DB = Depends(get_db, scope="function")
READ = Depends(require("certification_one_stop.read"))
APPLY = Depends(require("certification_one_stop.apply"))
CERTIFY = Depends(require("certification_one_stop.certify"))
VERIFY = Depends(require("certification_one_stop.verify"))
PAGE = Depends(page_params)
STATUS_Q = Query("", pattern="^(draft|submitted|testing|tested|failed|issued|refused|withdrawn|)$")


@router.get("/schemes", response_model=dict[str, Any])
def list_schemes(who: Principal = READ) -> dict[str, Any]:
    """The partner-country schemes (scope, tests, fees, sources) and the path before and after."""
    return {
        "version": reference.catalog().version,
        "schemes": [s.model_dump(mode="json") for s in reference.schemes()],
        "paths": reference.paths(),
    }


@router.get("/quote", response_model=dict[str, Any])
def quote(
    scheme: str,
    hs_code: str,
    trade_value_cny: Decimal = Query(gt=0, max_digits=16, decimal_places=2),
    who: Principal = READ,
) -> dict[str, Any]:
    """What the rules decide before applying: category, documents, tests, fee and SLA."""
    found = applications.assess(scheme, hs_code, trade_value_cny)
    return {**found, "fee": {k: str(v) for k, v in found["fee"].items()}}


@router.get("/rules", response_model=dict[str, list[dict[str, Any]]])
def rule_tables(who: Principal = READ) -> dict[str, list[dict[str, Any]]]:
    """Every decision table, row by row with its reasons and source."""
    return {key: table_rows(key) for key in rules().keys}


@router.post("/applications", response_model=ApplicationOut, status_code=201)
def create(body: ApplicationIn, session: Session = DB, who: Principal = APPLY) -> ApplicationOut:
    return ApplicationOut.model_validate(applications.create(session, principal=who, data=body))


@router.get("/applications", response_model=PageOut[ApplicationOut])
def list_applications(
    status: str = STATUS_Q,
    scheme: str = Query("", max_length=16),
    q: str = Query("", max_length=100),
    overdue: bool = False,
    params: PageParams = PAGE,
    session: Session = DB,
    who: Principal = READ,
) -> PageOut[ApplicationOut]:
    filters = repository.application_filters(
        status=status, scheme=scheme, q=q, overdue_on=date.today() if overdue else None
    )
    page = repository.applications(session, who, params, *filters)
    return PageOut.of(page, [ApplicationOut.model_validate(a) for a in page.items])


@router.get("/applications/{application_id}", response_model=ApplicationDetail)
def get_application(
    application_id: str, session: Session = DB, who: Principal = READ
) -> ApplicationDetail:
    found = repository.get_owned(session, who, ExportApplication, application_id)
    return views.application_detail(session, found)


@router.put("/applications/{application_id}", response_model=ApplicationOut)
def update(
    application_id: str, body: ApplicationIn, session: Session = DB, who: Principal = APPLY
) -> ApplicationOut:
    """Correct a draft (the rules decide documents, tests, fee and SLA again)."""
    made = applications.update(session, principal=who, application_id=application_id, data=body)
    return ApplicationOut.model_validate(made)


@router.post(
    "/applications/{application_id}/documents", response_model=DocumentOut, status_code=201
)
def attach(
    application_id: str, body: DocumentIn, session: Session = DB, who: Principal = APPLY
) -> DocumentOut:
    made = applications.attach(session, principal=who, application_id=application_id, data=body)
    return DocumentOut.model_validate(made)


@router.post("/applications/{application_id}/events", response_model=ApplicationOut)
def application_event(
    application_id: str, body: EventIn, session: Session = DB, who: Principal = READ
) -> ApplicationOut:
    """submit / withdraw (the enterprise), accept (the laboratory), issue / refuse (the partner
    body's desk); roles and departments are checked per event."""
    made = applications.event(session, principal=who, application_id=application_id, data=body)
    return ApplicationOut.model_validate(made)


@router.post("/applications/{application_id}/tests", response_model=TestOut, status_code=201)
def record_test(
    application_id: str, body: TestIn, session: Session = DB, who: Principal = CERTIFY
) -> TestOut:
    made = testing.record(session, principal=who, application_id=application_id, data=body)
    return TestOut.model_validate(made)


@router.post("/applications/{application_id}/conclude", response_model=ApplicationOut)
def conclude(
    application_id: str, body: ConcludeIn, session: Session = DB, who: Principal = CERTIFY
) -> ApplicationOut:
    made = testing.conclude(session, principal=who, application_id=application_id, note=body.note)
    return ApplicationOut.model_validate(made)


@router.get("/verify", response_model=VerificationOut)
def verify(
    code: str = Query(min_length=12, max_length=20), session: Session = DB, who: Principal = VERIFY
) -> VerificationOut:
    """Anyone may check a certificate's verification code."""
    return VerificationOut.model_validate(certificates.verify(session, code))


@router.get("/statistics", response_model=dict[str, Any])
def stats(session: Session = DB, who: Principal = READ) -> dict[str, Any]:
    return statistics.overview(session, principal=who)
