"""p17 pages: catch reports (list with the officers' filters, the operator's report
form, detail with the rows that fired and the review form, history) and the catch-limit table."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FtzError
from ftz.core.kit.pagination import PageParams, page_params, paginate_query
from ftz.core.web.forms import form_problems
from ftz.core.web.templating import render
from ftz.practices.leisure_fishery import catch, reference, repository, service
from ftz.practices.leisure_fishery.models import CatchReport, Vessel
from ftz.practices.leisure_fishery.pages_common import (
    BASE,
    DB,
    OPERATE,
    PUBLIC,
    READ,
    SUPERVISE,
    T,
    choices,
    read_form,
)
from ftz.practices.leisure_fishery.schemas import CatchReportIn, ReviewIn

router = APIRouter(include_in_schema=False)
LINES = 6  # rows on the report form


@router.get("/catch-reports", response_class=HTMLResponse)
def reports(
    request: Request,
    q: str = Query("", max_length=40),
    status: str = Query("", pattern="^(filed|reviewed|)$"),
    flagged: str = Query("", pattern="^(yes|no|)$"),
    flag: str = Query("", max_length=30, pattern=r"^[a-z_]*$"),
    date_from: date | None = None,
    date_to: date | None = None,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    principal: Principal = READ,
) -> Response:
    filters: dict[str, Any] = {
        "q": q,
        "status": status,
        "flagged": flagged,
        "flag": flag,
        "date_from": date_from,
        "date_to": date_to,
    }
    page = paginate_query(session, repository.reports_query(principal, **filters), params)
    vessels = repository.vessel_names(session, {x.vessel_id for x in page.items})
    context = {
        "page": page,
        "filters": filters,
        "vessels": vessels,
        **choices(),
        "query": "&".join(f"{k}={v or ''}" for k, v in filters.items()),
        "can_file": principal.is_enterprise or service.is_fishery_officer(principal),
    }
    return render(request, T + "reports.html", context)


def _form(
    request: Request,
    session: Session,
    principal: Principal,
    values: dict[str, Any],
    errors: Any,
    status: int,
) -> Response:
    query = repository.scoped(select(Vessel), Vessel, principal).where(
        Vessel.status == "in_service"
    )
    vessels = session.scalars(query.order_by(Vessel.name)).all()
    context = {
        "vessels": vessels,
        "values": values,
        "errors": errors,
        "rows": range(LINES),
        **choices(),
    }
    return render(request, T + "report_form.html", context, status=status)


@router.get("/catch-reports/new", response_class=HTMLResponse)
def new_report(
    request: Request,
    vessel_id: str = Query("", max_length=26),
    session: Session = DB,
    principal: Principal = OPERATE,
) -> Response:
    values = {"vessel_id": vessel_id, "trip_date": reference.today().isoformat(), "crew": "1"}
    return _form(request, session, principal, values, [], 200)


def _body(values: dict[str, Any]) -> dict[str, Any]:
    lines = []
    for n in range(LINES):
        if values.get(f"species_{n}"):
            lines.append(
                {
                    key: values[f"{key}_{n}"]
                    for key in ("species", "count", "weight_kg", "min_length_cm")
                    if values.get(f"{key}_{n}")
                }
            )
    body = {k: v for k, v in values.items() if not k.rsplit("_", 1)[-1].isdigit()}
    return {**body, "lines": lines}


@router.post("/catch-reports/new", response_class=HTMLResponse)
async def file_report(
    request: Request, session: Session = DB, principal: Principal = OPERATE
) -> Response:
    values = await read_form(request)
    try:
        data = CatchReportIn.model_validate(_body(values))
        with session.begin_nested():
            report = catch.file_report(session, principal=principal, data=data)
    except (FtzError, ValidationError) as exc:
        if isinstance(exc, FtzError) and exc.status == 403:
            raise
        return _form(request, session, principal, values, form_problems(exc), 422)
    return RedirectResponse(f"{BASE}/catch-reports/{report.id}", status_code=303)


def _detail(
    request: Request,
    session: Session,
    principal: Principal,
    report_id: str,
    errors: Any,
    status: int,
) -> Response:
    report = repository.get(session, principal, CatchReport, report_id, "catch report")
    vessel = repository.get(session, principal, Vessel, report.vessel_id, "vessel")
    context = {
        "report": report,
        "vessel": vessel,
        "errors": errors,
        **choices(),
        "history": service.history(session, principal=principal, entity_ids=[report.id]),
        "can_review": service.is_fishery_officer(principal) and report.status == "filed",
        "total_kg": catch.total_kg(report),
    }
    return render(request, T + "report.html", context, status=status)


@router.get("/catch-reports/{report_id}", response_class=HTMLResponse)
def report(
    request: Request, report_id: str, session: Session = DB, principal: Principal = READ
) -> Response:
    return _detail(request, session, principal, report_id, [], 200)


@router.post("/catch-reports/{report_id}/review", response_class=HTMLResponse)
async def review(
    request: Request, report_id: str, session: Session = DB, principal: Principal = SUPERVISE
) -> Response:
    values = await read_form(request)
    try:
        data = ReviewIn.model_validate(values)
        with session.begin_nested():
            catch.review(session, principal=principal, report_id=report_id, data=data)
    except (FtzError, ValidationError) as exc:
        if isinstance(exc, FtzError) and exc.status in (403, 404):
            raise
        return _detail(request, session, principal, report_id, form_problems(exc), 422)
    return RedirectResponse(f"{BASE}/catch-reports/{report_id}", status_code=303)


@router.get("/catch-limits", response_class=HTMLResponse)
def catch_limits(request: Request, _: Principal = PUBLIC) -> Response:
    context = {"limits": reference.limits_table(), **choices()}
    return render(request, T + "limits.html", context)
