"""p17 pages: the overview, the vessel list (search and problem filters), the register and edit
forms; the vessel's own page and the other parts are included from their modules below."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.permissions import allows
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FtzError
from ftz.core.kit.pagination import PageParams, page_params, paginate_query
from ftz.core.web.forms import form_problems
from ftz.core.web.templating import render
from ftz.practices.leisure_fishery import (
    reference,
    repository,
    service,
    statistics,
)
from ftz.practices.leisure_fishery.models import (
    Vessel,
)
from ftz.practices.leisure_fishery.pages_bases import router as bases_router
from ftz.practices.leisure_fishery.pages_catch import router as catch_router
from ftz.practices.leisure_fishery.pages_common import (
    BASE,
    DB,
    OPERATE,
    PUBLIC,
    READ,
    T,
    choices,
    read_form,
)
from ftz.practices.leisure_fishery.pages_licences import router as licence_router
from ftz.practices.leisure_fishery.pages_more import router as more_router
from ftz.practices.leisure_fishery.pages_vessel import router as vessel_router
from ftz.practices.leisure_fishery.schemas import (
    VesselIn,
    VesselUpdate,
)

router = APIRouter(include_in_schema=False)
PROBLEM = Query("", pattern="^(inspection_overdue|uninsured|no_safety_officer|unlicensed|)$")


@router.get("", response_class=HTMLResponse)
def overview(request: Request, session: Session = DB, principal: Principal = PUBLIC) -> Response:
    board = statistics.board(session, principal)
    return render(request, T + "overview.html", {"board": board})


@router.get("/vessels", response_class=HTMLResponse)
def vessels(
    request: Request,
    q: str = Query("", max_length=40),
    area: str = Query("", max_length=6),
    status: str = Query("", max_length=16),
    vessel_class: str = Query("", max_length=8),
    problem: str = PROBLEM,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    principal: Principal = READ,
) -> Response:
    filters = {
        "q": q,
        "area": area,
        "status": status,
        "vessel_class": vessel_class,
        "problem": problem,
    }
    query = repository.vessels_query(principal, on=reference.today(), **filters)
    page = paginate_query(session, query, params)
    context = {
        "page": page,
        "filters": filters,
        **choices(),
        "query": "&".join(f"{k}={v}" for k, v in filters.items()),
        "can_register": allows(principal, "leisure_fishery.operate"),
    }
    return render(request, T + "vessels.html", context)


def _form(
    request: Request,
    vessel: Vessel | None,
    values: dict[str, Any],
    errors: Any,
    status: int,
    principal: Principal,
) -> Response:
    context = {
        "vessel": vessel,
        "values": values,
        "errors": errors,
        **choices(),
        "officer": service.is_fishery_officer(principal),
    }
    return render(request, T + "vessel_form.html", context, status=status)


@router.get("/vessels/new", response_class=HTMLResponse)
def new_vessel(request: Request, principal: Principal = OPERATE) -> Response:
    service.writer(principal)
    return _form(request, None, {"status": "in_service"}, [], 200, principal)


@router.post("/vessels/new", response_class=HTMLResponse)
async def create_vessel(
    request: Request, session: Session = DB, principal: Principal = OPERATE
) -> Response:
    values = await read_form(request)
    try:
        data = VesselIn.model_validate(values)
        with session.begin_nested():
            vessel = service.create_vessel(session, principal=principal, data=data)
    except (FtzError, ValidationError) as exc:
        return _form(request, None, values, form_problems(exc), 422, principal)
    return RedirectResponse(f"{BASE}/vessels/{vessel.id}", status_code=303)


@router.get("/vessels/{vessel_id}/edit", response_class=HTMLResponse)
def edit_vessel(
    request: Request, vessel_id: str, session: Session = DB, principal: Principal = OPERATE
) -> Response:
    service.writer(principal)
    vessel = repository.get(session, principal, Vessel, vessel_id, "vessel")
    values = {
        "name": vessel.name,
        "length_m": vessel.length_cm / 100,
        "power_kw": vessel.power_w / 1000,
        "passenger_capacity": vessel.passenger_capacity,
        "home_port": vessel.home_port,
        "area_code": vessel.area_code,
        "status": vessel.status,
    }
    return _form(request, vessel, values, [], 200, principal)


@router.post("/vessels/{vessel_id}/edit", response_class=HTMLResponse)
async def update_vessel(
    request: Request, vessel_id: str, session: Session = DB, principal: Principal = OPERATE
) -> Response:
    vessel = repository.get(session, principal, Vessel, vessel_id, "vessel")
    values = await read_form(request)
    try:
        data = VesselUpdate.model_validate(values)
        with session.begin_nested():
            service.update_vessel(session, principal=principal, vessel_id=vessel_id, data=data)
    except (FtzError, ValidationError) as exc:
        if isinstance(exc, FtzError) and exc.status == 404:
            raise
        return _form(request, vessel, values, form_problems(exc), 422, principal)
    return RedirectResponse(f"{BASE}/vessels/{vessel_id}", status_code=303)


router.include_router(vessel_router)
router.include_router(licence_router)
router.include_router(catch_router)
router.include_router(more_router)
router.include_router(bases_router)
