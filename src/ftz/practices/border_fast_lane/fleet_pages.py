"""p21 pages of the pre-registrations: vehicle and driver lists (search, active/inactive,
pagination, CSV), the registration forms, and each record's page with its edit form, the
deactivate/reactivate form and its history. Vehicles and drivers work alike, so one set of
handlers serves both, told apart by a `Fleet` entry."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.permissions import allows
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.core.kit.pagination import PageParams, page_params, paginate_query
from ftz.core.web.forms import form_problems, form_values
from ftz.core.web.templating import render
from ftz.practices.border_fast_lane import fleet, registration, repository
from ftz.practices.border_fast_lane.lane import PORT_TIME
from ftz.practices.border_fast_lane.models import Driver, Vehicle
from ftz.practices.border_fast_lane.repository import Registered
from ftz.practices.border_fast_lane.schemas import (
    DOCUMENT_KINDS,
    VEHICLE_KINDS,
    DriverEdit,
    DriverIn,
    StatusChangeIn,
    VehicleEdit,
    VehicleIn,
)

router = APIRouter(include_in_schema=False)
DB = Depends(get_db, scope="function")
READ = Depends(require("border_fast_lane.read"))
REGISTER = Depends(require("border_fast_lane.register"))
STATUS = Depends(require("border_fast_lane.status"))
BASE = "/border-fast-lane"
SEARCH = Query("", max_length=40)
ACTIVE = Query("", pattern="^(|true|false)$")


@dataclass(frozen=True)
class Fleet(Generic[Registered]):
    slug: str
    model: type[Registered]
    create: type[BaseModel]
    edit: type[BaseModel]


VEHICLES = Fleet("vehicles", Vehicle, VehicleIn, VehicleEdit)
DRIVERS = Fleet("drivers", Driver, DriverIn, DriverEdit)


def _active(value: str) -> bool | None:
    return None if value == "" else value == "true"


def _list(
    request: Request,
    session: Session,
    who: Principal,
    kind: Fleet[Registered],
    filters: dict[str, str],
    params: PageParams,
    extra: dict[str, Any] | None = None,
    status: int = 200,
) -> Response:
    query = repository.fleet_query(
        who, kind.model, q=filters["q"] or None, active=_active(filters["active"])
    )
    context = {
        "page": paginate_query(session, query, params),
        "filters": filters,
        "can_register": allows(who, "border_fast_lane.register"),
        "vehicle_kinds": VEHICLE_KINDS,
        "document_kinds": DOCUMENT_KINDS,
        "errors": [],
        "values": {},
        **(extra or {}),
    }
    return render(request, f"border_fast_lane/{kind.slug}.html", context, status=status)


def _status_actions(session: Session, who: Principal, record: Vehicle | Driver) -> list[str]:
    """The buttons this person may press: deactivate an active record; reactivate one only
    if the same authority took it off."""
    if not allows(who, "border_fast_lane.status"):
        return []
    try:
        authority = fleet.authority_of(who)
    except FtzError:
        return []
    if record.active:
        return ["deactivate"]
    return ["reactivate"] if fleet.deactivated_by(session, record) == authority else []


def _detail(
    request: Request,
    session: Session,
    who: Principal,
    kind: Fleet[Registered],
    record_id: str,
    errors: list[FieldProblem] | None = None,
    values: dict[str, str] | None = None,
) -> Response:
    record = repository.get_owned(session, who, kind.model, record_id)
    context = {
        "record": record,
        "history": fleet.history(session, principal=who, model=kind.model, record_id=record_id),
        "can_edit": allows(who, "border_fast_lane.register") and who.is_enterprise,
        "actions": _status_actions(session, who, record),
        "vehicle_kinds": VEHICLE_KINDS,
        "document_kinds": DOCUMENT_KINDS,
        "errors": errors or [],
        "values": values or {},
        "port_time": PORT_TIME,
    }
    template = f"border_fast_lane/{kind.slug.removesuffix('s')}.html"
    return render(request, template, context, status=422 if errors else 200)


async def _register(
    request: Request, session: Session, who: Principal, kind: Fleet[Registered]
) -> Response:
    values = await form_values(request)
    try:
        data = kind.create.model_validate({k: v for k, v in values.items() if v != ""})
        with session.begin_nested():
            if isinstance(data, VehicleIn):
                made: Vehicle | Driver = registration.register_vehicle(
                    session, principal=who, data=data
                )
            else:
                assert isinstance(data, DriverIn)
                made = registration.register_driver(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        values.pop("document_number", None)  # never echoed back into the page
        extra = {"errors": form_problems(exc), "values": values}
        filters = {"q": "", "active": ""}
        return _list(request, session, who, kind, filters, PageParams(), extra, 422)
    return RedirectResponse(f"{BASE}/{kind.slug}/{made.id}", status_code=303)


async def _edit(
    request: Request, session: Session, who: Principal, kind: Fleet[Registered], record_id: str
) -> Response:
    values = await form_values(request)
    try:
        data = kind.edit.model_validate({k: v for k, v in values.items() if v != ""})
        with session.begin_nested():
            if isinstance(data, VehicleEdit):
                fleet.edit_vehicle(session, principal=who, vehicle_id=record_id, data=data)
            else:
                assert isinstance(data, DriverEdit)
                fleet.edit_driver(session, principal=who, driver_id=record_id, data=data)
    except (FtzError, ValidationError) as exc:
        if isinstance(exc, FtzError) and exc.status in (403, 404):
            raise
        values.pop("document_number", None)
        return _detail(request, session, who, kind, record_id, form_problems(exc), values)
    return RedirectResponse(f"{BASE}/{kind.slug}/{record_id}", status_code=303)


async def _set_status(
    request: Request,
    session: Session,
    who: Principal,
    kind: Fleet[Registered],
    record_id: str,
    active: bool,
) -> Response:
    values = await form_values(request)
    try:
        data = StatusChangeIn.model_validate({"reason": values.get("reason", "")})
        with session.begin_nested():
            fleet.set_active(
                session,
                principal=who,
                model=kind.model,
                record_id=record_id,
                active=active,
                data=data,
            )
    except (FtzError, ValidationError) as exc:
        if isinstance(exc, FtzError) and exc.status in (403, 404):
            raise
        return _detail(request, session, who, kind, record_id, form_problems(exc), values)
    return RedirectResponse(f"{BASE}/{kind.slug}/{record_id}", status_code=303)


@router.get("/vehicles", response_class=HTMLResponse)
def vehicles(
    request: Request,
    q: str = SEARCH,
    active: str = ACTIVE,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    return _list(request, session, who, VEHICLES, {"q": q, "active": active}, params)


@router.post("/vehicles", response_class=HTMLResponse)
async def register_vehicle(
    request: Request, session: Session = DB, who: Principal = REGISTER
) -> Response:
    return await _register(request, session, who, VEHICLES)


@router.get("/vehicles/{vehicle_id}", response_class=HTMLResponse)
def vehicle(
    request: Request, vehicle_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    return _detail(request, session, who, VEHICLES, vehicle_id)


@router.post("/vehicles/{vehicle_id}", response_class=HTMLResponse)
async def edit_vehicle(
    request: Request, vehicle_id: str, session: Session = DB, who: Principal = REGISTER
) -> Response:
    return await _edit(request, session, who, VEHICLES, vehicle_id)


@router.post("/vehicles/{vehicle_id}/deactivate", response_class=HTMLResponse)
async def deactivate_vehicle(
    request: Request, vehicle_id: str, session: Session = DB, who: Principal = STATUS
) -> Response:
    return await _set_status(request, session, who, VEHICLES, vehicle_id, False)


@router.post("/vehicles/{vehicle_id}/reactivate", response_class=HTMLResponse)
async def reactivate_vehicle(
    request: Request, vehicle_id: str, session: Session = DB, who: Principal = STATUS
) -> Response:
    return await _set_status(request, session, who, VEHICLES, vehicle_id, True)


@router.get("/drivers", response_class=HTMLResponse)
def drivers(
    request: Request,
    q: str = SEARCH,
    active: str = ACTIVE,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    return _list(request, session, who, DRIVERS, {"q": q, "active": active}, params)


@router.post("/drivers", response_class=HTMLResponse)
async def register_driver(
    request: Request, session: Session = DB, who: Principal = REGISTER
) -> Response:
    return await _register(request, session, who, DRIVERS)


@router.get("/drivers/{driver_id}", response_class=HTMLResponse)
def driver(
    request: Request, driver_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    return _detail(request, session, who, DRIVERS, driver_id)


@router.post("/drivers/{driver_id}", response_class=HTMLResponse)
async def edit_driver(
    request: Request, driver_id: str, session: Session = DB, who: Principal = REGISTER
) -> Response:
    return await _edit(request, session, who, DRIVERS, driver_id)


@router.post("/drivers/{driver_id}/deactivate", response_class=HTMLResponse)
async def deactivate_driver(
    request: Request, driver_id: str, session: Session = DB, who: Principal = STATUS
) -> Response:
    return await _set_status(request, session, who, DRIVERS, driver_id, False)


@router.post("/drivers/{driver_id}/reactivate", response_class=HTMLResponse)
async def reactivate_driver(
    request: Request, driver_id: str, session: Session = DB, who: Principal = STATUS
) -> Response:
    return await _set_status(request, session, who, DRIVERS, driver_id, True)
