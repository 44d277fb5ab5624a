"""p16 pages: the dispatch overview (map, yachts out now, berths), the registry, the zones and
the statistics. Transfers and sailings have their own page modules, mounted here."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.permissions import allows
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FieldProblem, FtzError, validation_error
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.forms import form_problems, form_values
from ftz.practices.yacht_services import (
    forms,
    maps,
    monitoring,
    pages_sailings,
    pages_transfers,
    repository,
    yachts,
    zones,
)
from ftz.practices.yacht_services.common import marinas
from ftz.practices.yacht_services.models import Transfer, Yacht
from ftz.practices.yacht_services.permissions import MARITIME
from ftz.practices.yacht_services.schemas import YachtIn, YachtUpdate, ZoneIn
from ftz.practices.yacht_services.transfers import today
from ftz.practices.yacht_services.web import show

router = APIRouter(include_in_schema=False)
router.include_router(pages_transfers.router)
router.include_router(pages_sailings.router)
DB = Depends(get_db, scope="function")
READ = Depends(require("yacht_services.read"))
REVIEW = Depends(require("yacht_services.review"))
BASE = "/yacht-services"


def is_maritime(who: Principal) -> bool:
    return who.is_admin or (allows(who, "yacht_services.review") and who.department == MARITIME)


@router.get("", response_class=HTMLResponse)
def overview(request: Request, session: Session = DB, who: Principal = READ) -> Response:
    board = monitoring.dispatch(session, principal=who)
    out_at = Counter(e["sailing"].marina for e in board["out"])
    context = {"board": board, "berths": monitoring.berths(session, principal=who),
               "map": maps.overview_map(zones.in_force(session, today()), dict(out_at)),
               "marinas": marinas()}  # fmt: skip
    return show(request, "yacht_services/overview.html", context)


@router.get("/yachts", response_class=HTMLResponse)
def list_yachts(
    request: Request,
    q: str = Query("", max_length=100),
    usage: str = Query("", pattern="^(private|rental|)$"),
    home_port: str = Query("", max_length=16),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    query = repository.yacht_query(who, text=q or None, usage=usage or None,
                                   home_port=home_port or None)  # fmt: skip
    filters = {"q": q, "usage": usage, "home_port": home_port}
    context = {"page": repository.page(session, query, params), "filters": filters,
               "query": "&".join(f"{k}={v}" for k, v in filters.items()),
               "marinas": marinas(), "can_register": is_maritime(who)}  # fmt: skip
    return show(request, "yacht_services/yachts.html", context)


def _new_yacht(
    request: Request, values: dict[str, str], errors: list[FieldProblem], status: int = 200
) -> Response:
    context = {"values": values, "errors": errors, "marinas": marinas()}
    return show(request, "yacht_services/yacht_new.html", context, status=status)


@router.get("/yachts/new", response_class=HTMLResponse)
def new_yacht(request: Request, who: Principal = REVIEW) -> Response:
    return _new_yacht(request, {}, [])


@router.post("/yachts/new", response_class=HTMLResponse)
async def register_yacht(
    request: Request, session: Session = DB, who: Principal = REVIEW
) -> Response:
    values = await form_values(request)
    try:
        data = YachtIn.model_validate(forms.yacht_body(values))
        with session.begin_nested():
            made = yachts.register(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        return _new_yacht(request, values, form_problems(exc), 422)
    return RedirectResponse(f"{BASE}/yachts/{made.id}", status_code=303)


def _yacht(
    request: Request, session: Session, who: Principal, yacht_id: str,
    errors: list[FieldProblem], status: int = 200,
) -> Response:  # fmt: skip
    yacht = repository.get(session, who, Yacht, yacht_id)
    context = {
        "yacht": yacht, "errors": errors, "marinas": marinas(), "can_edit": is_maritime(who),
        "sailings": repository.rows(
            session, repository.sailing_query(who, yacht_id=yacht.id).limit(20)),
        "transfers": repository.rows(
            session, repository.transfer_query(who).where(Transfer.yacht_id == yacht.id)),
        "history": monitoring.history(session, principal=who, entity_id=yacht.id),
    }  # fmt: skip
    return show(request, "yacht_services/yacht.html", context, status=status)


@router.get("/yachts/{yacht_id}", response_class=HTMLResponse)
def yacht_detail(
    request: Request, yacht_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    return _yacht(request, session, who, yacht_id, [])


@router.post("/yachts/{yacht_id}", response_class=HTMLResponse)
async def update_yacht(
    request: Request, yacht_id: str, session: Session = DB, who: Principal = REVIEW
) -> Response:
    values = await form_values(request)
    try:
        data = YachtUpdate.model_validate(forms.yacht_body(values))
        with session.begin_nested():
            yachts.update(session, principal=who, yacht_id=yacht_id, data=data)
    except (FtzError, ValidationError) as exc:
        return _yacht(request, session, who, yacht_id, form_problems(exc), 422)
    return RedirectResponse(f"{BASE}/yachts/{yacht_id}", status_code=303)


def _zones(
    request: Request, session: Session, who: Principal, values: dict[str, str],
    errors: list[FieldProblem], status: int = 200,
) -> Response:  # fmt: skip
    found = zones.in_force(session, today())
    context = {
        "zones": found, "versions": zones.versions(session), "errors": errors,
        "values": values, "can_publish": is_maritime(who),
        "map": maps.overview_map(found, {}), "marinas": marinas(),
        "example": json.dumps(found[0].geojson, ensure_ascii=False) if found else "",
    }  # fmt: skip
    return show(request, "yacht_services/zones.html", context, status=status)


@router.get("/zones", response_class=HTMLResponse)
def show_zones(request: Request, session: Session = DB, who: Principal = READ) -> Response:
    return _zones(request, session, who, {}, [])


@router.post("/zones", response_class=HTMLResponse)
async def publish_zone(
    request: Request, session: Session = DB, who: Principal = REVIEW
) -> Response:
    values = await form_values(request)
    try:
        try:
            geojson: Any = json.loads(values.get("geojson", ""))
        except json.JSONDecodeError as exc:
            raise validation_error("geojson", f"not JSON ({exc.msg})") from exc
        data = ZoneIn.model_validate({"geojson": geojson,
                                      "effective_from": values.get("effective_from")})  # fmt: skip
        with session.begin_nested():
            zones.publish(session, principal=who, geojson=data.geojson,
                          effective_from=data.effective_from)  # fmt: skip
    except (FtzError, ValidationError) as exc:
        return _zones(request, session, who, values, form_problems(exc), 422)
    return RedirectResponse(f"{BASE}/zones", status_code=303)


@router.get("/statistics", response_class=HTMLResponse)
def statistics(
    request: Request,
    year: int = Query(2024, ge=2000, le=2100),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    data = monitoring.statistics(session, principal=who, year=year)
    widest = max((m["sailings"] for m in data["months"].values()), default=0) or 1
    return show(request, "yacht_services/statistics.html", {"data": data, "widest": widest})
