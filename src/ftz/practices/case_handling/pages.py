"""p26 pages: the dashboard (a judge's cases and pending answers, a supervisor's reading queue),
the case list with filters, pagination and CSV, the registration form, statistics and surveys.
Case detail and its actions are in `case_pages`, the searches in `search_pages`."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.permissions import allows
from ftz.core.auth.principal import Principal
from ftz.core.kit.csv_export import csv_response
from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.forms import form_values
from ftz.core.web.templating import render
from ftz.practices.case_handling import repository, service, statistics, supervision
from ftz.practices.case_handling.case_pages import router as case_router
from ftz.practices.case_handling.common import member
from ftz.practices.case_handling.page_common import (
    BASE,
    CASE_TYPES,
    DB,
    JUDGE,
    READ,
    STATS,
    SUPERVISE,
    query_string,
    shown_again,
)
from ftz.practices.case_handling.schemas import CaseIn, SurveyIn
from ftz.practices.case_handling.search_pages import router as search_router

router = APIRouter(include_in_schema=False)


@router.get("", response_class=HTMLResponse)
def dashboard(request: Request, session: Session = DB, who: Principal = READ) -> Response:
    seat = member(session, who)
    mine = (
        repository.case_page(
            session, who, PageParams(size=50), {"active": True, "judge_user_id": who.user_id}
        )
        if seat
        else None
    )
    queue = repository.case_page(session, who, PageParams(size=50), {"status": "report_final"})
    context = {
        "seat": seat,
        "mine": mine.items if mine else [],
        "pending": {
            c.id: repository.pending_submissions(session, c.id)
            for c in (mine.items if mine else [])
        },
        "queue": [c for c in queue.items if c.review_requirement == "reading_approval"],
        "party_cases": repository.case_page(session, who, PageParams(size=50), {}).items
        if who.is_enterprise
        else [],
        "stats": statistics.compute(session, principal=who)
        if allows(who, "case_handling.stats")
        else None,
    }
    return render(request, "case_handling/dashboard.html", context)


def _filters(
    q: str = Query("", max_length=100),
    status: str = Query("", pattern="^(open|report_final|approved|closed|)$"),
    track: str = Query("", pattern="^(fast|full|)$"),
    case_type: str = Query("", max_length=32),
    ftz: str = Query("", pattern="^(yes|no|)$"),
) -> dict[str, Any]:
    return {"q": q, "status": status, "track": track, "case_type": case_type, "ftz": ftz}


@router.get("/cases", response_class=HTMLResponse)
def cases(
    request: Request,
    filters: dict[str, Any] = Depends(_filters),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    page = repository.case_page(session, who, params, filters)
    context = {
        "page": page,
        "filters": filters,
        "query": query_string(filters),
        "case_types": CASE_TYPES,
        "can_register": allows(who, "case_handling.judge"),
    }
    return render(request, "case_handling/cases.html", context)


CASE_COLUMNS = (
    "number", "court", "cause", "case_type", "ftz_enterprise", "amount_cny", "filed_on",
    "closed_on", "days", "outcome", "track", "review_requirement", "status", "judge", "parties",
)  # fmt: skip


def _case_row(c: Any, parties: list[Any]) -> list[Any]:
    days = (c.closed_on - c.filed_on).days if c.closed_on else ""
    return [
        c.number, c.court, c.cause, c.case_type, c.ftz_enterprise, c.amount_cny, c.filed_on,
        c.closed_on or "", days, c.outcome or "", c.track, c.review_requirement, c.status,
        c.judge_name, "; ".join(p.name for p in parties),
    ]  # fmt: skip


@router.get("/cases.csv")
def cases_csv(
    filters: dict[str, Any] = Depends(_filters), session: Session = DB, who: Principal = READ
) -> Response:
    rows = repository.case_export(session, who, filters)
    names = repository.parties(session, [c.id for c in rows])
    return csv_response(CASE_COLUMNS, (_case_row(c, names[c.id]) for c in rows), "cases.csv")


def _form(request: Request, errors: list[FieldProblem], values: dict[str, str]) -> Response:
    context = {"errors": errors, "values": values, "case_types": CASE_TYPES}
    return render(request, "case_handling/new.html", context, status=422 if errors else 200)


@router.get("/cases/new", response_class=HTMLResponse)
def new_case(request: Request, who: Principal = JUDGE) -> Response:
    return _form(request, [], {})


def case_body(values: dict[str, str]) -> dict[str, Any]:
    """The form's flat fields as the API's CaseIn body (two or three parties)."""
    parties = []
    for role in ("plaintiff", "defendant", "third_party"):
        name = values.get(f"{role}_name", "").strip()
        if name or role != "third_party":
            parties.append(
                {
                    "role": role,
                    "name": name,
                    "ftz_enterprise": values.get(f"{role}_ftz") == "yes",
                    "org_code": values.get(f"{role}_org_code", "").strip() or None,
                    "counsel": values.get(f"{role}_counsel", "").strip(),
                }
            )
    linked = [
        n.strip()
        for n in values.get("linked_numbers", "").replace("，", ",").split(",")
        if n.strip()
    ]
    return {
        "number": values.get("number", "").strip(),
        "cause": values.get("cause", "").strip(),
        "case_type": values.get("case_type", ""),
        "claims": values.get("claims", "").strip(),
        "subject_matter": values.get("subject_matter", "").strip(),
        "amount_cny": values.get("amount_cny", "").strip() or None,
        "filed_on": values.get("filed_on", "") or None,
        "parties": parties,
        "linked_numbers": linked,
        "judge": values.get("judge", "").strip() or None,
        "facts": {
            "foreign_related": values.get("foreign_related") == "yes",
            "disputed": values.get("disputed") == "yes",
            "relation": values.get("relation", "simple"),
            "four_category": values.get("four_category") == "yes",
        },
    }


@router.post("/cases", response_class=HTMLResponse)
async def register(request: Request, session: Session = DB, who: Principal = JUDGE) -> Response:
    values = await form_values(request)
    try:
        data = CaseIn.model_validate(case_body(values))
        with session.begin_nested():
            made = service.register(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        return _form(request, shown_again(exc), values)
    return RedirectResponse(f"{BASE}/cases/{made.id}", status_code=303)


@router.get("/statistics", response_class=HTMLResponse)
def stats_page(
    request: Request,
    start: str = Query("", alias="from"),
    end: str = Query("", alias="to"),
    session: Session = DB,
    who: Principal = STATS,
) -> Response:

    errors: list[FieldProblem] = []
    try:
        first = date.fromisoformat(start) if start else None
        last = date.fromisoformat(end) if end else None
        stats = statistics.compute(session, principal=who, start=first, end=last)
    except (ValueError, FtzError) as exc:
        errors = shown_again(exc) if isinstance(exc, FtzError) else [FieldProblem("from", str(exc))]
        stats = statistics.compute(session, principal=who)
    context = {
        "stats": stats,
        "errors": errors,
        "values": {"from": start, "to": end},
        "surveys": repository.surveys(session, who),
        "can_survey": allows(who, "case_handling.supervise"),
    }
    return render(request, "case_handling/statistics.html", context, status=422 if errors else 200)


@router.post("/surveys", response_class=HTMLResponse)
async def record_survey(
    request: Request, session: Session = DB, who: Principal = SUPERVISE
) -> Response:
    values = await form_values(request)
    try:
        data = SurveyIn.model_validate({k: v for k, v in values.items() if v.strip()})
        with session.begin_nested():
            supervision.record_survey(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        context = {
            "stats": statistics.compute(session, principal=who),
            "errors": shown_again(exc),
            "values": values,
            "surveys": repository.surveys(session, who),
            "can_survey": True,
        }
        return render(request, "case_handling/statistics.html", context, status=422)
    return RedirectResponse(f"{BASE}/statistics", status_code=303)


# After the routes above, so /cases/new is not taken for a case id.
router.include_router(case_router)
router.include_router(search_router)
