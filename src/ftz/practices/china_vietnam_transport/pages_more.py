"""p24 pages: trucks with their permits (register, edit, issue, revoke), loads, the two-way
loaded matching (preview with every rule row, then apply) and the multimodal applications."""

from __future__ import annotations

from collections.abc import Callable
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
from ftz.practices.china_vietnam_transport import fleet, matching, repository, trips
from ftz.practices.china_vietnam_transport.api_common import history
from ftz.practices.china_vietnam_transport.models import Truck
from ftz.practices.china_vietnam_transport.schemas import (
    LoadIn,
    PermitIn,
    RevokeIn,
    TruckIn,
    TruckUpdate,
)
from ftz.practices.china_vietnam_transport.web import (
    BASE,
    checkbox,
    is_carrier,
    is_transport,
    local_input,
    show,
)

router = APIRouter(include_in_schema=False)
DB = Depends(get_db, scope="function")
READ = Depends(require("china_vietnam_transport.read"))
OPERATE = Depends(require("china_vietnam_transport.operate"))
REVIEW = Depends(require("china_vietnam_transport.review"))
Fallback = Callable[[list[FieldProblem]], Response]


def attempt(
    action: Callable[[], Any], target: Callable[[Any], str], again: Fallback, session: Session
) -> Response:
    """Run a service call in a savepoint; on refusal show the page again with the problems."""
    try:
        with session.begin_nested():
            made = action()
    except (FtzError, ValidationError) as exc:
        if isinstance(exc, FtzError) and exc.status == 404:
            raise
        return again(form_problems(exc))
    return RedirectResponse(target(made), status_code=303)


@router.get("/trucks", response_class=HTMLResponse)
def list_trucks(
    request: Request,
    q: str = Query("", max_length=100),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    context = {
        "page": repository.page(session, repository.truck_query(who, text=q or None), params),
        "q": q,
        "values": {},
        "errors": [],
        "can_register": is_carrier(who),
    }
    return show(request, "china_vietnam_transport/trucks.html", context)


@router.post("/trucks", response_class=HTMLResponse)
async def register_truck(
    request: Request, session: Session = DB, who: Principal = OPERATE
) -> Response:
    values = await form_values(request)

    def again(errors: list[FieldProblem]) -> Response:
        page = repository.page(session, repository.truck_query(who), PageParams(page=1, size=20))
        context = {"page": page, "q": "", "values": values, "errors": errors, "can_register": True}
        return show(request, "china_vietnam_transport/trucks.html", context, status=422)

    return attempt(
        lambda: fleet.register_truck(session, principal=who, data=TruckIn.model_validate(values)),
        lambda t: f"{BASE}/trucks/{t.id}",
        again,
        session,
    )


def _truck(
    request: Request,
    session: Session,
    who: Principal,
    truck_id: str,
    errors: list[FieldProblem],
    status: int = 200,
) -> Response:
    truck = repository.get(session, who, Truck, truck_id)
    context = {
        "truck": truck,
        "errors": errors,
        "can_edit": who.is_enterprise,
        "can_issue": is_transport(who),
        "permits": repository.rows(session, repository.permit_query(who, truck_id=truck.id)),
        "trips": repository.rows(session, repository.trip_query(who, truck_id=truck.id).limit(20)),
        "history": history(session, principal=who, entity_id=truck.id),
    }
    return show(request, "china_vietnam_transport/truck.html", context, status=status)


@router.get("/trucks/{truck_id}", response_class=HTMLResponse)
def truck_page(
    request: Request, truck_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    return _truck(request, session, who, truck_id, [])


@router.post("/trucks/{truck_id}/edit", response_class=HTMLResponse)
async def edit_truck(
    request: Request, truck_id: str, session: Session = DB, who: Principal = OPERATE
) -> Response:
    values = {k: v for k, v in (await form_values(request)).items() if v != ""}
    return attempt(
        lambda: fleet.edit_truck(
            session, principal=who, truck_id=truck_id, data=TruckUpdate.model_validate(values)
        ),
        lambda t: f"{BASE}/trucks/{t.id}",
        lambda e: _truck(request, session, who, truck_id, e, 422),
        session,
    )


@router.post("/trucks/{truck_id}/permits", response_class=HTMLResponse)
async def issue_permit(
    request: Request, truck_id: str, session: Session = DB, who: Principal = REVIEW
) -> Response:
    values = {**(await form_values(request)), "truck_id": truck_id}
    return attempt(
        lambda: fleet.issue_permit(session, principal=who, data=PermitIn.model_validate(values)),
        lambda p: f"{BASE}/trucks/{truck_id}",
        lambda e: _truck(request, session, who, truck_id, e, 422),
        session,
    )


@router.post("/permits/{permit_id}/revoke", response_class=HTMLResponse)
async def revoke_permit(
    request: Request, permit_id: str, session: Session = DB, who: Principal = REVIEW
) -> Response:
    values = await form_values(request)
    made = fleet.revoke_permit(
        session,
        principal=who,
        permit_id=permit_id,
        data=RevokeIn.model_validate({"note": values.get("note") or "—"}),
    )
    return RedirectResponse(f"{BASE}/trucks/{made.truck_id}", status_code=303)


def _loads(
    request: Request,
    session: Session,
    who: Principal,
    values: dict[str, str],
    errors: list[FieldProblem],
    params: PageParams,
    status: int = 200,
) -> Response:
    query = repository.load_query(who, status=values.get("status_filter") or None)
    context = {
        "page": repository.page(session, query, params),
        "values": values,
        "errors": errors,
        "can_post": is_carrier(who),
    }
    return show(request, "china_vietnam_transport/loads.html", context, status=status)


@router.get("/loads", response_class=HTMLResponse)
def list_loads(
    request: Request,
    status: str = Query("", pattern="^(open|assigned|)$"),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    return _loads(request, session, who, {"status_filter": status}, [], params)


@router.post("/loads", response_class=HTMLResponse)
async def post_load(request: Request, session: Session = DB, who: Principal = OPERATE) -> Response:
    values = await form_values(request)
    body = {
        **values,
        "fresh": checkbox(values, "fresh"),
        "ready_at": local_input(values, "ready_at"),
        "deliver_by": local_input(values, "deliver_by"),
    }
    return attempt(
        lambda: trips.post_load(session, principal=who, data=LoadIn.model_validate(body)),
        lambda _: f"{BASE}/loads",
        lambda e: _loads(request, session, who, values, e, PageParams(page=1, size=20), 422),
        session,
    )


@router.get("/match", response_class=HTMLResponse)
def match_page(request: Request, session: Session = DB, who: Principal = READ) -> Response:
    context = {"result": matching.match(session, principal=who), "can_apply": is_carrier(who)}
    return show(request, "china_vietnam_transport/match.html", context)


@router.post("/match", response_class=HTMLResponse)
def apply_match(request: Request, session: Session = DB, who: Principal = OPERATE) -> Response:
    made = matching.apply(session, principal=who)
    return RedirectResponse(f"{BASE}/trips?applied={len(made)}", status_code=303)
