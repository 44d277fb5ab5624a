"""p07 pages of the "four reductions, five zeros" channel: arrival plans (list, filing, a plan
with its status, berth, guarantees and escorts for every party), the reserved berths, and the
statistics against the seed's figures."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.permissions import allows
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.core.kit.pagination import PageParams
from ftz.core.web.forms import form_problems
from ftz.core.web.templating import render
from ftz.core.workflow import allowed_events
from ftz.domain.vessels import repository as vessels
from ftz.practices.ship_selection import berths, exports, repository
from ftz.practices.ship_selection.common import is_msa, settings
from ftz.practices.ship_selection.schemas import ArrivalEventIn, ArrivalIn, BerthIn, EscortEventIn
from ftz.practices.ship_selection.web import (
    BASE,
    DB,
    FILE,
    PORT_TIME,
    READ,
    REVIEW,
    T,
    filled,
    form_with_files,
    port_time,
)
from ftz.practices.ship_selection.workflow import ArrivalFlow, EscortFlow

router = APIRouter(include_in_schema=False)
STATUSES = ("planned", "confirmed", "arrived", "berthed", "departed", "cancelled")


@router.get("/arrivals", response_class=HTMLResponse)
def list_arrivals(
    request: Request,
    status: str = Query("", pattern="^(planned|confirmed|arrived|berthed|departed|cancelled|)$"),
    port: str = Query("", max_length=64),
    q: str = Query("", max_length=100),
    page: int = Query(1, ge=1),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    found = repository.arrivals(
        session,
        who,
        PageParams(page=page, size=25),
        status=status or None,
        port=port or None,
        text=q or None,
    )
    filters = {"status": status, "port": port, "q": q}
    context = {
        "page": found,
        "filters": filters,
        "statuses": STATUSES,
        "query": "&".join(f"{k}={v}" for k, v in filters.items()),
        "ships": vessels.ships_by_id(session, {a.ship_id for a in found.items}),
        "ports": settings()["ports"],
        "can_file": allows(who, "ship_selection.file") and who.is_enterprise,
        "tz": PORT_TIME,
    }
    return render(request, T + "arrivals.html", context)


@router.get("/arrivals.csv", response_class=Response)
def arrivals_csv(
    status: str = Query("", pattern="^(planned|confirmed|arrived|berthed|departed|cancelled|)$"),
    port: str = Query("", max_length=64),
    q: str = Query("", max_length=100),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    text = exports.arrivals_csv(
        session, who, status=status or None, port=port or None, text=q or None
    )
    return exports.csv_response(text, "arrival-plans.csv")


def _form(
    request: Request, values: dict[str, Any], errors: list[FieldProblem], status: int = 200
) -> Response:
    context = {
        "values": values,
        "errors": errors,
        "ports": settings()["ports"],
        "escort_kinds": settings()["escort_kinds"],
    }
    return render(request, T + "arrival_form.html", context, status=status)


@router.get("/arrivals/new", response_class=HTMLResponse)
def new_arrival(
    request: Request,
    imo: str = Query("", max_length=7),
    call: str = Query("", max_length=32),
    who: Principal = FILE,
) -> Response:
    return _form(request, {"imo_number": imo, "grain_call": call, "cargo_name": "玉米"}, [])


@router.post("/arrivals/new", response_class=HTMLResponse)
async def plan(request: Request, session: Session = DB, who: Principal = FILE) -> Response:
    form = await request.form()
    values = {k: v for k, v in form.items() if isinstance(v, str) and k != "csrf_token"}
    body: dict[str, Any] = filled(values)
    body.pop("escorts", None)
    body["escorts"] = [v for v in form.getlist("escorts") if isinstance(v, str)]
    body["eta"], body["etd"] = port_time(body.get("eta")), port_time(body.get("etd"))
    try:
        data = ArrivalIn.model_validate(body)
        with session.begin_nested():
            made = berths.plan(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        return _form(request, values, form_problems(exc), 422)
    return RedirectResponse(f"{BASE}/arrivals/{made.id}", status_code=303)


def _detail(
    request: Request,
    session: Session,
    who: Principal,
    arrival_id: str,
    errors: list[FieldProblem],
    status: int = 200,
) -> Response:
    arrival = repository.get_arrival(session, who, arrival_id)
    escorts = repository.escorts(session, arrival.id)
    own_or_msa = who.org_id == arrival.org_id or is_msa(who)
    context = {
        "a": arrival,
        "ship": vessels.get_ship(session, arrival.ship_id),
        "escorts": escorts,
        "berth": next((b for b in repository.berths(session) if b.id == arrival.berth_id), None),
        "berths": repository.berths(session, arrival.port),
        "events": allowed_events(ArrivalFlow, arrival, who) if own_or_msa else [],
        "escort_events": {e.id: allowed_events(EscortFlow, e, who) for e in escorts}
        if is_msa(who)
        else {},
        "guarantees": berths.GUARANTEES,
        "escort_kinds": settings()["escort_kinds"],
        "is_filer": who.org_id == arrival.org_id,
        "errors": errors,
        "tz": PORT_TIME,
    }
    return render(request, T + "arrival.html", context, status=status)


@router.get("/arrivals/{arrival_id}", response_class=HTMLResponse)
def arrival_detail(
    request: Request, arrival_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    return _detail(request, session, who, arrival_id, [])


@router.post("/arrivals/{arrival_id}/event", response_class=HTMLResponse)
async def arrival_event(
    request: Request, arrival_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    values, _ = await form_with_files(request)
    body: dict[str, Any] = {
        "event": values.get("event", ""),
        "note": values.get("note", ""),
        "berth_code": values.get("berth_code") or None,
        "guarantees": {g: values.get(g) == "on" for g in berths.GUARANTEES},
    }
    if values.get("at"):
        body["at"] = port_time(values["at"])
    try:
        data = ArrivalEventIn.model_validate(body)
        with session.begin_nested():
            berths.act(session, principal=who, arrival_id=arrival_id, data=data)
    except (FtzError, ValidationError) as exc:
        if isinstance(exc, FtzError) and exc.status == 404:
            raise
        return _detail(request, session, who, arrival_id, form_problems(exc), 422)
    return RedirectResponse(f"{BASE}/arrivals/{arrival_id}", status_code=303)


@router.post("/arrivals/{arrival_id}/escort", response_class=HTMLResponse)
async def escort(
    request: Request, arrival_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    values, _ = await form_with_files(request)
    try:
        with session.begin_nested():
            if values.get("escort_id"):
                data = EscortEventIn.model_validate(
                    filled(values) | {"event": values.get("event", "")}
                )
                berths.escort_event(
                    session, principal=who, escort_id=values["escort_id"], data=data
                )
            else:
                berths.request_escort(
                    session, principal=who, arrival_id=arrival_id, kind=values.get("kind", "")
                )
    except (FtzError, ValidationError) as exc:
        if isinstance(exc, FtzError) and exc.status == 404:
            raise
        return _detail(request, session, who, arrival_id, form_problems(exc), 422)
    return RedirectResponse(f"{BASE}/arrivals/{arrival_id}#escorts", status_code=303)


@router.get("/berths", response_class=HTMLResponse)
def list_berths(request: Request, session: Session = DB, who: Principal = READ) -> Response:
    context = {
        "berths": repository.berths(session),
        "errors": [],
        "values": {},
        "can_manage": allows(who, "ship_selection.review") and is_msa(who),
    }
    return render(request, T + "berths.html", context)


@router.post("/berths", response_class=HTMLResponse)
async def save_berth(request: Request, session: Session = DB, who: Principal = REVIEW) -> Response:
    values, _ = await form_with_files(request)
    try:
        data = BerthIn.model_validate(
            filled(values) | {"reserved_for_grain": values.get("reserved_for_grain") == "on"}
        )
        with session.begin_nested():
            berths.save_berth(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        context = {
            "berths": repository.berths(session),
            "errors": form_problems(exc),
            "values": values,
            "can_manage": True,
        }
        return render(request, T + "berths.html", context, status=422)
    return RedirectResponse(f"{BASE}/berths", status_code=303)
