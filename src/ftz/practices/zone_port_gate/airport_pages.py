"""p11 airport pages: manifests (list with search, pages and CSV; the form for one vehicle's load
with containers checked against ISO 6346, seals and weights) and the airport's daily volumes
(list, CSV, and the form whose figures the tonnage-share statistics divide by)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.permissions import allows
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FtzError, validation_error
from ftz.core.kit.pagination import PageParams, page_params, paginate_query
from ftz.core.web.forms import form_problems, form_values
from ftz.core.web.templating import render
from ftz.practices.zone_port_gate import forms, repository, service
from ftz.practices.zone_port_gate.permissions import AIRPORT, CUSTOMS
from ftz.practices.zone_port_gate.schemas import ManifestIn, VolumeIn, unit_rows

router = APIRouter(include_in_schema=False)
DB = Depends(get_db, scope="function")
READ = Depends(require("zone_port_gate.read"))
OPERATE = Depends(require("zone_port_gate.operate"))
STATS = Depends(require("zone_port_gate.stats"))
BASE = "/zone-port-gate"
T = "zone_port_gate/"


def _may(principal: Principal, *departments: str) -> bool:
    return allows(principal, "zone_port_gate.operate") and (
        principal.is_admin or principal.department in departments
    )


@router.get("/manifests", response_class=HTMLResponse)
def manifests(
    request: Request,
    q: str = Query("", max_length=40),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    principal: Principal = READ,
) -> Response:
    page = paginate_query(session, repository.manifests_query(principal, text=q or None), params)
    rows = [{"m": m, "units": unit_rows(m.units)} for m in page.items]
    context = {"page": page, "rows": rows, "q": q,
               "can_file": _may(principal, AIRPORT, CUSTOMS)}  # fmt: skip
    return render(request, T + "manifests.html", context)


@router.get("/manifests/new", response_class=HTMLResponse)
def new_manifest(request: Request, principal: Principal = OPERATE) -> Response:
    service.require_department(principal, AIRPORT, CUSTOMS)
    values = {"declaration_number": request.query_params.get("declaration", "")[:32]}
    return render(request, T + "manifest_form.html", {"errors": [], "values": values})


@router.post("/manifests/new", response_class=HTMLResponse)
async def file_manifest(
    request: Request, session: Session = DB, principal: Principal = OPERATE
) -> Response:
    service.require_department(principal, AIRPORT, CUSTOMS)
    values = await form_values(request)
    try:
        data = ManifestIn.model_validate({
            "number": values.get("number", ""),
            "declaration_number": values.get("declaration_number", ""),
            "flight": values.get("flight", ""),
            "units": forms.parse_manifest_units(values.get("units", "")),
        })  # fmt: skip
        with session.begin_nested():
            manifest = service.register_manifest(session, principal=principal, data=data)
    except (FtzError, ValidationError) as exc:
        context = {"errors": form_problems(exc), "values": values}
        return render(request, T + "manifest_form.html", context, status=422)
    return RedirectResponse(f"{BASE}/manifests?q={manifest.number}", status_code=303)


@router.get("/volumes", response_class=HTMLResponse)
def volumes(
    request: Request,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    principal: Principal = STATS,
) -> Response:
    page = paginate_query(session, repository.volumes_query(), params)
    context = {"page": page, "can_record": _may(principal, AIRPORT)}
    return render(request, T + "volumes.html", context)


def _today() -> date:
    return datetime.now(service.LOCAL).date()


@router.get("/volumes/record", response_class=HTMLResponse)
def volume_form(request: Request, principal: Principal = OPERATE) -> Response:
    service.require_department(principal, AIRPORT)
    values = {"day": request.query_params.get("day", "")[:10] or _today().isoformat()}
    return render(request, T + "volume_form.html", {"errors": [], "values": values})


def _day(raw: str) -> date:
    try:
        return date.fromisoformat(raw.strip())
    except ValueError:
        raise validation_error("day", f"{raw!r} is not a date (YYYY-MM-DD)") from None


@router.post("/volumes/record", response_class=HTMLResponse)
async def record_volume(
    request: Request, session: Session = DB, principal: Principal = OPERATE
) -> Response:
    service.require_department(principal, AIRPORT)
    values: dict[str, Any] = await form_values(request)
    try:
        day = _day(values.get("day", ""))
        data = VolumeIn.model_validate({
            "airport_export_kg": values.get("airport_export_kg") or None,
            "airport_import_kg": values.get("airport_import_kg") or None,
        })  # fmt: skip
        with session.begin_nested():
            service.record_volume(session, principal=principal, day=day, data=data)
    except (FtzError, ValidationError) as exc:
        context = {"errors": form_problems(exc), "values": values}
        return render(request, T + "volume_form.html", context, status=422)
    return RedirectResponse(f"{BASE}/statistics", status_code=303)
