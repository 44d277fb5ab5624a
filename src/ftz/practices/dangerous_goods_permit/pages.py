"""p25 pages: the station queue board, permits (list with search and CSV, issue, edit, revoke,
a permit with both routes on the map, its trips and history) and the carrier's trip form."""

from __future__ import annotations

from datetime import date, timedelta

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.db import utcnow
from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.forms import form_problems, form_values
from ftz.practices.dangerous_goods_permit import permits, queue, repository
from ftz.practices.dangerous_goods_permit.api_common import DB, ISSUE, READ
from ftz.practices.dangerous_goods_permit.common import demo_routes, local, settings, stations
from ftz.practices.dangerous_goods_permit.models import Permit
from ftz.practices.dangerous_goods_permit.pages_trips import router as trips_router
from ftz.practices.dangerous_goods_permit.permit_page import issuer, permit_page
from ftz.practices.dangerous_goods_permit.schemas import PermitIn, TermsIn
from ftz.practices.dangerous_goods_permit.web import as_lines, permit_body, show, terms_body

router = APIRouter(include_in_schema=False)
router.include_router(trips_router)
BASE = "/dangerous-goods-permit"


@router.get("", response_class=HTMLResponse)
def overview(
    request: Request, day: date | None = None, session: Session = DB, who: Principal = READ
) -> Response:
    board = queue.day_view(session, principal=who, day=day or local(utcnow()).date())
    listed = repository.rows(session, repository.blacklist_query(who))[:10]
    return show(
        request,
        "dangerous_goods_permit/overview.html",
        {"board": board, "listed": listed, "stations": stations()},
    )


@router.get("/permits", response_class=HTMLResponse)
def list_permits(
    request: Request,
    q: str = Query("", max_length=100),
    status: str = Query("", pattern="^(active|revoked|)$"),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    found = repository.page(
        session, repository.permit_query(who, text=q or None, status=status or None), params
    )
    return show(
        request,
        "dangerous_goods_permit/permits.html",
        {"page": found, "filters": {"q": q, "status": status}, "can_issue": issuer(who)},
    )


def _form(
    request: Request,
    values: dict[str, str],
    errors: list[FieldProblem],
    permit: Permit | None = None,
    status: int = 200,
) -> Response:
    return show(
        request,
        "dangerous_goods_permit/permit_form.html",
        {"values": values, "errors": errors, "permit": permit},
        status=status,
    )


def _defaults() -> dict[str, str]:
    d = settings()["defaults"]
    today = local(utcnow()).date()
    routes = demo_routes()
    return {
        "cargo_un": "UN1075",
        "cargo_name": "液化石油气",
        "route_a": as_lines(routes["A"]),
        "route_b": as_lines(routes["B"]),
        "tolerance_m": str(d["tolerance_m"]),
        "speed_limit_kmh": str(d["speed_limit_kmh"]),
        "window_start": d["window_start"],
        "window_end": d["window_end"],
        "max_stop_min": str(d["max_stop_min"]),
        "escort": "on",
        "valid_from": today.isoformat(),
        "valid_to": (today + timedelta(days=364)).isoformat(),
    }


@router.get("/permits/new", response_class=HTMLResponse)
def new_permit(request: Request, who: Principal = ISSUE) -> Response:
    return _form(request, _defaults(), [])


@router.post("/permits/new", response_class=HTMLResponse)
async def issue_permit(request: Request, session: Session = DB, who: Principal = ISSUE) -> Response:
    values = await form_values(request)
    try:
        data = PermitIn.model_validate(permit_body(values))
        with session.begin_nested():
            made = permits.issue(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        return _form(request, values, form_problems(exc), status=422)
    return RedirectResponse(f"{BASE}/permits/{made.id}", status_code=303)


@router.get("/permits/{permit_id}", response_class=HTMLResponse)
def permit_detail(
    request: Request, permit_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    return permit_page(request, session, who, permit_id, [])


@router.get("/permits/{permit_id}/edit", response_class=HTMLResponse)
def edit_form(
    request: Request, permit_id: str, session: Session = DB, who: Principal = ISSUE
) -> Response:
    permit = repository.get(session, who, Permit, permit_id)
    values = {
        k: str(getattr(permit, k))
        for k in (
            "tolerance_m",
            "speed_limit_kmh",
            "window_start",
            "window_end",
            "max_stop_min",
            "valid_to",
            "note",
        )
    }
    values["escort"] = "on" if permit.escort else ""
    return _form(request, values, [], permit)


@router.post("/permits/{permit_id}/edit", response_class=HTMLResponse)
async def edit_permit(
    request: Request, permit_id: str, session: Session = DB, who: Principal = ISSUE
) -> Response:
    permit = repository.get(session, who, Permit, permit_id)
    values = await form_values(request)
    try:
        data = TermsIn.model_validate(terms_body(values))
        with session.begin_nested():
            permits.edit(session, principal=who, permit_id=permit.id, data=data)
    except (FtzError, ValidationError) as exc:
        return _form(request, values, form_problems(exc), permit, status=422)
    return RedirectResponse(f"{BASE}/permits/{permit.id}", status_code=303)


@router.post("/permits/{permit_id}/revoke", response_class=HTMLResponse)
async def revoke_permit(
    request: Request, permit_id: str, session: Session = DB, who: Principal = ISSUE
) -> Response:
    values = await form_values(request)
    try:
        with session.begin_nested():
            permits.revoke(session, principal=who, permit_id=permit_id, note=values.get("note", ""))
    except FtzError as exc:
        if exc.status == 404:
            raise
        return permit_page(request, session, who, permit_id, form_problems(exc), values, 422)
    return RedirectResponse(f"{BASE}/permits/{permit_id}", status_code=303)
