"""p09 pages: building and editing a ULD manifest, the CSV export, trailers, the ULD id check
and the statistics against the seed's figures."""

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
from ftz.core.web.templating import render
from ftz.practices.pallet_air_road import forms, metrics, repository, service, views
from ftz.practices.pallet_air_road.common import TRAILER_KINDS, destinations, places
from ftz.practices.pallet_air_road.schemas import TrailerIn, UldIn
from ftz.practices.pallet_air_road.uld import parse, types

router = APIRouter(include_in_schema=False)
DB = Depends(get_db, scope="function")
READ = Depends(require("pallet_air_road.read"))
BUILD = Depends(require("pallet_air_road.build"))
FLEET = Depends(require("pallet_air_road.fleet"))
BASE = "/pallet-air-road"


def _form(
    request: Request, values: dict[str, str], errors: list[FieldProblem], action: str,
    status: int = 200,
) -> Response:  # fmt: skip
    context = {"values": values, "errors": errors, "action": action,
               "destinations": destinations(), "origins": places()["origins"]}  # fmt: skip
    return render(request, "pallet_air_road/uld_form.html", context, status=status)


@router.get("/ulds/new", response_class=HTMLResponse)
def new_uld(request: Request, who: Principal = BUILD) -> Response:
    return _form(request, {"handler_org_code": "par-handler"}, [], f"{BASE}/ulds/new")


@router.post("/ulds/new", response_class=HTMLResponse)
async def build_uld(request: Request, session: Session = DB, who: Principal = BUILD) -> Response:
    values = await form_values(request)
    try:
        data = UldIn.model_validate(forms.uld_body(values))
        with session.begin_nested():
            made = service.build(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        return _form(request, values, form_problems(exc), f"{BASE}/ulds/new", 422)
    return RedirectResponse(f"{BASE}/ulds/{made.id}", status_code=303)


@router.get("/ulds/{uld_id}/edit", response_class=HTMLResponse)
def edit_uld(
    request: Request, uld_id: str, session: Session = DB, who: Principal = BUILD
) -> Response:
    uld = repository.get_uld(session, who, uld_id)
    values = {"uld_code": uld.uld_code, "mawb_no": uld.mawb_no, "flight_no": uld.flight_no,
              "flight_date": uld.flight_date, "origin": uld.origin, "note": uld.note,
              "handler_org_code": "", "lines": forms.lines_text(uld.lines)}  # fmt: skip
    return _form(request, values, [], f"{BASE}/ulds/{uld_id}/edit")


@router.post("/ulds/{uld_id}/edit", response_class=HTMLResponse)
async def save_uld(
    request: Request, uld_id: str, session: Session = DB, who: Principal = BUILD
) -> Response:
    values = await form_values(request)
    try:
        data = UldIn.model_validate(forms.uld_body(values))
        with session.begin_nested():
            service.edit(session, principal=who, uld_id=uld_id, data=data)
    except (FtzError, ValidationError) as exc:
        if isinstance(exc, FtzError) and exc.status == 404:
            raise
        return _form(request, values, form_problems(exc), f"{BASE}/ulds/{uld_id}/edit", 422)
    return RedirectResponse(f"{BASE}/ulds/{uld_id}", status_code=303)


@router.get("/ulds.csv", response_class=Response)
def ulds_csv(
    status: str = Query("", max_length=16),
    destination: str = Query("", pattern="^([A-Z]{3})?$"),
    mode: str = Query("", pattern="^(whole_uld|breakdown|)$"),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    query = repository.uld_query(who, status=status or None, destination=destination or None,
                                 mode=mode or None)  # fmt: skip
    return views.csv_response(repository.rows(session, query))


def _trailers(
    request: Request, session: Session, who: Principal, params: PageParams,
    values: dict[str, str], errors: list[FieldProblem], status: int = 200,
) -> Response:  # fmt: skip
    context = {"page": repository.page(session, repository.trailer_query(who), params),
               "kinds": TRAILER_KINDS, "values": values, "errors": errors,
               "can_add": who.is_enterprise}  # fmt: skip
    return render(request, "pallet_air_road/trailers.html", context, status=status)


@router.get("/trailers", response_class=HTMLResponse)
def trailers(
    request: Request, params: PageParams = Depends(page_params), session: Session = DB,
    who: Principal = READ,
) -> Response:  # fmt: skip
    return _trailers(request, session, who, params, {}, [])


@router.post("/trailers", response_class=HTMLResponse)
async def add_trailer(request: Request, session: Session = DB, who: Principal = FLEET) -> Response:
    values = await form_values(request)
    try:
        data = TrailerIn.model_validate({**values, "plate": values.get("plate", "").upper()})
        with session.begin_nested():
            service.add_trailer(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        params = PageParams()
        return _trailers(request, session, who, params, values, form_problems(exc), 422)
    return RedirectResponse(f"{BASE}/trailers", status_code=303)


@router.get("/uld-check", response_class=HTMLResponse)
def uld_check(
    request: Request, code: str = Query("", max_length=20), who: Principal = READ
) -> Response:
    found: dict[str, Any] | None = None
    errors: list[FieldProblem] = []
    if code:
        try:
            found = parse(code, "code").describe()
        except FtzError as exc:
            errors = form_problems(exc)
    context = {"code": code, "found": found, "errors": errors, "types": types()}
    return render(request, "pallet_air_road/uld_check.html", context)


@router.get("/statistics", response_class=HTMLResponse)
def statistics(request: Request, session: Session = DB, who: Principal = READ) -> Response:
    context = {"stats": metrics.summary(repository.delivered(session, who)),
               "workflow": views.workflow()}  # fmt: skip
    return render(request, "pallet_air_road/statistics.html", context)
