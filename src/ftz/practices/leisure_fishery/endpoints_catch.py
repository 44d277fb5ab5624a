"""p17 HTTP API, part two: catch reports (file, list, export, review, history) and the catch
limits table they are checked against."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import PageOut, PageParams, page_params, paginate_query
from ftz.practices.leisure_fishery import catch, export, reference, repository, service
from ftz.practices.leisure_fishery.models import CatchReport
from ftz.practices.leisure_fishery.schemas import CatchReportIn, ReviewIn
from ftz.practices.leisure_fishery.views import CatchReportOut, HistoryEntry

router = APIRouter()
DB = Depends(get_db, scope="function")
READ = Depends(require("leisure_fishery.read"))
STATUS = Query("", pattern="^(filed|reviewed|)$")
FLAGGED = Query("", pattern="^(yes|no|)$")


def _query(principal: Principal, **filters: Any) -> Any:
    return repository.reports_query(principal, **filters)


@router.get("/catch-reports", response_model=PageOut[CatchReportOut])
def reports(
    q: str = Query("", max_length=40),
    status: str = STATUS,
    flagged: str = FLAGGED,
    flag: str = Query("", max_length=30, pattern=r"^[a-z_]*$"),
    vessel_id: str = Query("", max_length=26),
    date_from: date | None = None,
    date_to: date | None = None,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    principal: Principal = READ,
) -> PageOut[CatchReportOut]:
    query = _query(
        principal,
        q=q,
        status=status,
        flagged=flagged,
        flag=flag,
        vessel_id=vessel_id,
        date_from=date_from,
        date_to=date_to,
    )
    page = paginate_query(session, query, params)
    return PageOut.of(page, [CatchReportOut.of(x) for x in page.items])


@router.get("/catch-reports.csv", response_class=Response)
def reports_csv(
    q: str = Query("", max_length=40),
    status: str = STATUS,
    flagged: str = FLAGGED,
    date_from: date | None = None,
    date_to: date | None = None,
    session: Session = DB,
    principal: Principal = READ,
) -> Response:
    query = _query(
        principal, q=q, status=status, flagged=flagged, date_from=date_from, date_to=date_to
    )
    return export.csv_response(
        "catch-reports", export.REPORTS, session.scalars(query), export.plain
    )


@router.post("/catch-reports", response_model=CatchReportOut, status_code=201)
def file_report(
    body: CatchReportIn,
    session: Session = DB,
    principal: Principal = Depends(require("leisure_fishery.operate")),
) -> Any:
    return CatchReportOut.of(catch.file_report(session, principal=principal, data=body))


@router.get("/catch-reports/{report_id}", response_model=CatchReportOut)
def report(report_id: str, session: Session = DB, principal: Principal = READ) -> Any:
    return CatchReportOut.of(
        repository.get(session, principal, CatchReport, report_id, "catch report")
    )


@router.get("/catch-reports/{report_id}/history", response_model=list[HistoryEntry])
def report_history(report_id: str, session: Session = DB, principal: Principal = READ) -> Any:
    found = repository.get(session, principal, CatchReport, report_id, "catch report")
    events = service.history(session, principal=principal, entity_ids=[found.id])
    return [HistoryEntry.model_validate(e, from_attributes=True) for e in events]


@router.post("/catch-reports/{report_id}/review", response_model=CatchReportOut)
def review(
    report_id: str,
    body: ReviewIn,
    session: Session = DB,
    principal: Principal = Depends(require("leisure_fishery.supervise")),
) -> Any:
    return CatchReportOut.of(
        catch.review(session, principal=principal, report_id=report_id, data=body)
    )


@router.get("/catch-limits")
def catch_limits(
    _: Principal = Depends(require("leisure_fishery.public")),
) -> dict[str, Any]:
    return {"limits": reference.limits_table(), "species": list(reference.species().values())}
