"""p21 pages: lane statistics, the officer's exception console (three lanes, exceptions only,
refreshed by htmx polling), transactions with their "why" and the forwarder's declarations; the
vehicles and drivers are in `fleet_pages`."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.permissions import allows
from ftz.core.auth.principal import Principal
from ftz.core.db import utcnow
from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.forms import form_problems, form_values
from ftz.core.web.templating import render
from ftz.practices.border_fast_lane import fleet_pages, lane, registration, repository
from ftz.practices.border_fast_lane.models import Declaration, Driver, LaneTransaction, Vehicle
from ftz.practices.border_fast_lane.permissions import DEPARTMENTS
from ftz.practices.border_fast_lane.repository import Registered
from ftz.practices.border_fast_lane.schemas import DeclarationIn, ResolveIn

router = APIRouter(include_in_schema=False)
router.include_router(fleet_pages.router)
DB = Depends(get_db, scope="function")
READ = Depends(require("border_fast_lane.read"))
REGISTER = Depends(require("border_fast_lane.register"))
RESOLVE = Depends(require("border_fast_lane.resolve"))
BASE = "/border-fast-lane"


def _officer(principal: Principal) -> bool:
    return allows(principal, "border_fast_lane.resolve") and (
        principal.is_admin or principal.department in DEPARTMENTS
    )


@router.get("", response_class=HTMLResponse)
def overview(
    request: Request,
    day: str = Query("", max_length=10),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    try:
        stats = lane.statistics(session, principal=who, day=_date(day))
    except ValueError:
        stats = lane.statistics(session, principal=who)
    return render(request, "border_fast_lane/overview.html", {"stats": stats})


def _date(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


def _console(session: Session, who: Principal) -> dict[str, Any]:
    open_ = repository.transactions(
        session, who, PageParams(page=1, size=200), status="manual_check"
    )
    lanes = {n: [t for t in open_.items if t.lane == n] for n in lane.settings()["lanes"]}
    return {
        "lanes": lanes,
        "stats": lane.statistics(session, principal=who),
        "refresh_seconds": lane.settings()["console_refresh_seconds"],
        "refreshed_at": utcnow(),
        "port_time": lane.PORT_TIME,
    }


@router.get("/console", response_class=HTMLResponse)
def console(request: Request, session: Session = DB, who: Principal = RESOLVE) -> Response:
    return render(request, "border_fast_lane/console.html", _console(session, who))


@router.get("/console/lanes", response_class=HTMLResponse)
def console_lanes(request: Request, session: Session = DB, who: Principal = RESOLVE) -> Response:
    """The console's lanes alone, which the page polls with htmx: new exceptions appear, resolved
    ones go, and a note being typed stays (its input is preserved by id)."""
    return render(request, "border_fast_lane/_console_lanes.html", _console(session, who))


@router.get("/transactions", response_class=HTMLResponse)
def transactions(
    request: Request,
    lane_no: int | None = Query(None, alias="lane", ge=1, le=99),
    status: str = Query("", max_length=16),
    plate: str = Query("", max_length=16),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    page = repository.transactions(
        session, who, params, lane=lane_no, status=status or None, plate=plate or None
    )
    filters = {"lane": lane_no or "", "status": status, "plate": plate}
    context = {"page": page, "filters": filters, "port_time": lane.PORT_TIME}
    return render(request, "border_fast_lane/transactions.html", context)


def _detail(
    request: Request, session: Session, who: Principal, tx_id: str, errors: list[FieldProblem]
) -> Response:
    tx = repository.get_owned(session, who, LaneTransaction, tx_id)
    context = {
        "tx": tx,
        "errors": errors,
        "can_resolve": _officer(who),
        "port_time": lane.PORT_TIME,
    }
    return render(
        request, "border_fast_lane/transaction.html", context, status=422 if errors else 200
    )


@router.get("/transactions/{tx_id}", response_class=HTMLResponse)
def transaction(
    request: Request, tx_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    return _detail(request, session, who, tx_id, [])


@router.post("/transactions/{tx_id}", response_class=HTMLResponse)
async def resolve(
    request: Request,
    tx_id: str,
    session: Session = DB,
    who: Principal = Depends(require("border_fast_lane.resolve")),
) -> Response:
    form = await form_values(request)
    try:
        data = ResolveIn.model_validate(
            {"decision": form.get("decision"), "note": form.get("note", "")}
        )
        with session.begin_nested():
            lane.resolve(session, principal=who, tx_id=tx_id, data=data)
    except (FtzError, ValidationError) as exc:
        return _detail(request, session, who, tx_id, form_problems(exc))
    back = f"{BASE}/console"
    target = back if form.get("back") == back else f"{BASE}/transactions/{tx_id}"
    return RedirectResponse(target, status_code=303)


def _submit(session: Session, who: Principal, values: dict[str, Any]) -> Declaration:
    data = DeclarationIn.model_validate(values)
    with session.begin_nested():
        return registration.file_declaration(session, principal=who, data=data)


def _usable(session: Session, who: Principal, model: type[Registered]) -> list[Registered]:
    query = repository.fleet_query(who, model, active=True)
    return list(session.scalars(query.limit(500)))


def _declarations(
    request: Request,
    session: Session,
    who: Principal,
    params: PageParams,
    extra: dict[str, Any],
    status: int = 200,
) -> Response:
    context = {
        "page": repository.listing(session, who, Declaration, params),
        "can_register": allows(who, "border_fast_lane.register"),
        # Only what may start a trip: deactivated vehicles and drivers are not offered.
        "vehicles": _usable(session, who, Vehicle),
        "drivers": _usable(session, who, Driver),
        "errors": [],
        "values": {},
        **extra,
    }
    return render(request, "border_fast_lane/declarations.html", context, status=status)


@router.get("/declarations", response_class=HTMLResponse)
def declarations(
    request: Request,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    return _declarations(request, session, who, params, {})


@router.post("/declarations", response_class=HTMLResponse)
async def declare(request: Request, session: Session = DB, who: Principal = REGISTER) -> Response:
    values = await form_values(request)
    body = {**values, "consent": values.get("consent") == "on"}
    try:
        made = _submit(session, who, body)
    except (FtzError, ValidationError) as exc:
        extra = {"errors": form_problems(exc), "values": values}
        return _declarations(request, session, who, PageParams(), extra, 422)
    return RedirectResponse(f"{BASE}/declarations?made={made.number}", status_code=303)
