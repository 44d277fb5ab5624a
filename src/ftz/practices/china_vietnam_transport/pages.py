"""p24 pages: the overview (routes map and figures), trips (list, plan, detail with the seal
check) and the rule rows behind each verdict. Trucks, loads, matching and multimodal
applications are in `pages_more`."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.forms import form_problems, form_values
from ftz.practices.china_vietnam_transport import (
    maps,
    metrics,
    pages_more,
    pages_multimodal,
    refusals,
    repository,
    trips,
)
from ftz.practices.china_vietnam_transport.api_common import history
from ftz.practices.china_vietnam_transport.models import Load, Trip, Truck
from ftz.practices.china_vietnam_transport.schemas import SealCheckIn, TripEventIn, TripIn
from ftz.practices.china_vietnam_transport.web import (
    BASE,
    checkbox,
    is_carrier,
    is_customs,
    local_input,
    show,
)

router = APIRouter(include_in_schema=False)
router.include_router(pages_more.router)
router.include_router(pages_multimodal.router)
DB = Depends(get_db, scope="function")
READ = Depends(require("china_vietnam_transport.read"))
OPERATE = Depends(require("china_vietnam_transport.operate"))
REVIEW = Depends(require("china_vietnam_transport.review"))


def _lang(request: Request) -> str:
    return str(getattr(request.state, "lang", "zh"))


@router.get("", response_class=HTMLResponse)
def overview(request: Request, session: Session = DB, who: Principal = READ) -> Response:
    context = {
        "map": maps.routes_map(lang=_lang(request)),
        "figures": metrics.figures(session, principal=who),
    }
    return show(request, "china_vietnam_transport/overview.html", context)


@router.get("/trips", response_class=HTMLResponse)
def list_trips(
    request: Request,
    q: str = Query("", max_length=100),
    status: str = Query("", pattern="^(planned|under_way|held|cleared|cancelled|)$"),
    route_code: str = Query("", max_length=8),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    query = repository.trip_query(
        who, text=q or None, status=status or None, route_code=route_code or None
    )
    filters = {"q": q, "status": status, "route_code": route_code}
    found = repository.page(session, query, params)
    trucks = repository.by_id(session, Truck, {t.truck_id for t in found.items})
    context = {
        "page": found,
        "filters": filters,
        "trucks": trucks,
        "can_plan": is_carrier(who),
        "query": "&".join(f"{k}={v}" for k, v in filters.items()),
    }
    return show(request, "china_vietnam_transport/trips.html", context)


def _trip_form(
    request: Request,
    session: Session,
    who: Principal,
    values: dict[str, str],
    errors: list[FieldProblem],
    status: int = 200,
) -> Response:
    context = {
        "values": values,
        "errors": errors,
        "trucks": repository.rows(session, repository.truck_query(who)),
        "loads": repository.rows(session, repository.load_query(who, status="open")),
    }
    return show(request, "china_vietnam_transport/trip_new.html", context, status=status)


@router.get("/trips/new", response_class=HTMLResponse)
def new_trip(request: Request, session: Session = DB, who: Principal = OPERATE) -> Response:
    return _trip_form(request, session, who, dict(request.query_params), [])


@router.post("/trips/new", response_class=HTMLResponse)
async def plan_trip(request: Request, session: Session = DB, who: Principal = OPERATE) -> Response:
    values = await form_values(request)
    body: dict[str, Any] = {
        **values,
        "local_inspection": checkbox(values, "local_inspection"),
        "depart_at": local_input(values, "depart_at"),
        "load_id": values.get("load_id") or None,
    }
    try:
        data = TripIn.model_validate(body)
        made = refusals.attempt(session, principal=who, data=data)
    except refusals.TripRefusedError as refused:  # recorded; committed with this request
        return _trip_form(request, session, who, values, form_problems(refused.error), 422)
    except (FtzError, ValidationError) as exc:
        return _trip_form(request, session, who, values, form_problems(exc), 422)
    return RedirectResponse(f"{BASE}/trips/{made.id}", status_code=303)


def _trip(
    request: Request,
    session: Session,
    who: Principal,
    trip_id: str,
    errors: list[FieldProblem],
    status: int = 200,
) -> Response:
    trip = repository.get(session, who, Trip, trip_id)
    load = repository.get(session, who, Load, trip.load_id) if trip.load_id else None
    context = {
        "trip": trip,
        "truck": repository.get(session, who, Truck, trip.truck_id),
        "load": load,
        "errors": errors,
        "can_check": is_customs(who),
        "is_owner": who.is_enterprise and who.org_id == trip.org_id,
        "map": maps.routes_map(trip.route_code, _lang(request)),
        "history": history(session, principal=who, entity_id=trip.id),
    }
    return show(request, "china_vietnam_transport/trip.html", context, status=status)


@router.get("/trips/{trip_id}", response_class=HTMLResponse)
def trip_page(
    request: Request, trip_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    return _trip(request, session, who, trip_id, [])


@router.post("/trips/{trip_id}/events", response_class=HTMLResponse)
async def trip_event(
    request: Request, trip_id: str, session: Session = DB, who: Principal = OPERATE
) -> Response:
    values = await form_values(request)
    try:
        data = TripEventIn.model_validate(values)
        with session.begin_nested():
            trips.act(session, principal=who, trip_id=trip_id, data=data)
    except (FtzError, ValidationError) as exc:
        if isinstance(exc, FtzError) and exc.status == 404:
            raise
        return _trip(request, session, who, trip_id, form_problems(exc), 422)
    return RedirectResponse(f"{BASE}/trips/{trip_id}", status_code=303)


@router.post("/trips/{trip_id}/seal", response_class=HTMLResponse)
async def check_seal(
    request: Request, trip_id: str, session: Session = DB, who: Principal = REVIEW
) -> Response:
    values = await form_values(request)
    try:
        data = SealCheckIn.model_validate(
            {**values, "seal_broken": checkbox(values, "seal_broken")}
        )
        with session.begin_nested():
            trips.check_seal(session, principal=who, trip_id=trip_id, data=data)
    except (FtzError, ValidationError) as exc:
        if isinstance(exc, FtzError) and exc.status == 404:
            raise
        return _trip(request, session, who, trip_id, form_problems(exc), 422)
    return RedirectResponse(f"{BASE}/trips/{trip_id}", status_code=303)


@router.post("/trips/{trip_id}/release", response_class=HTMLResponse)
async def release(
    request: Request, trip_id: str, session: Session = DB, who: Principal = REVIEW
) -> Response:
    values = await form_values(request)
    try:
        with session.begin_nested():
            trips.release(session, principal=who, trip_id=trip_id, note=values.get("note", ""))
    except FtzError as exc:
        if exc.status == 404:
            raise
        return _trip(request, session, who, trip_id, form_problems(exc), 422)
    return RedirectResponse(f"{BASE}/trips/{trip_id}", status_code=303)


@router.get("/metrics", response_class=HTMLResponse)
def metrics_page(request: Request, session: Session = DB, who: Principal = READ) -> Response:
    context = {"figures": metrics.figures(session, principal=who)}
    return show(request, "china_vietnam_transport/metrics.html", context)


@router.get("/refusals", response_class=HTMLResponse)
def refusal_list(
    request: Request,
    route_code: str = Query("", max_length=8),
    q: str = Query("", max_length=100),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    """Refused trip attempts (who, when, truck, route, the rows that fired)."""
    query = repository.refused_query(who, route_code=route_code or None, text=q or None)
    context = {
        "page": repository.page(session, query, params),
        "filters": {"route_code": route_code, "q": q},
        "query": f"route_code={route_code}&q={q}",
    }
    return show(request, "china_vietnam_transport/refusals.html", context)
