"""p10 pages: the combinations, the enterprise's wizard with the result as a timeline, recorded
requests (list, detail with history, choice, CSV) and the customs officers' statistics."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.permissions import allows
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FtzError, not_found
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.forms import form_problems, form_values
from ftz.core.web.templating import render
from ftz.practices.clearance_menu import export, menu, service
from ftz.practices.clearance_menu.catalog import catalog
from ftz.practices.clearance_menu.forms import DEFAULTS, request_body
from ftz.practices.clearance_menu.schemas import MenuRequest

router = APIRouter(include_in_schema=False)
DB = Depends(get_db, scope="function")
BASE = "/clearance-menu"
TRANSPORTS = ("sea", "rail", "air", "road", "multimodal_through_bill")


@router.get("", response_class=HTMLResponse)
def overview(
    request: Request, _: Principal = Depends(require("clearance_menu.browse"))
) -> Response:
    counts = {d: len(catalog().for_direction(d)) for d in ("import", "export")}
    return render(request, "clearance_menu/overview.html", {"counts": counts})


@router.get("/combinations", response_class=HTMLResponse)
def combinations(
    request: Request,
    direction: str = Query("", pattern="^(import|export|)$"),
    _: Principal = Depends(require("clearance_menu.browse")),
) -> Response:
    directions = [direction] if direction else ["import", "export"]
    items = [menu.describe(c) for d in directions for c in catalog().for_direction(d)]
    context = {"items": items, "direction": direction, "modes": catalog().modes}
    return render(request, "clearance_menu/combinations.html", context)


@router.get("/combinations/{code}", response_class=HTMLResponse)
def combination(
    request: Request, code: str, _: Principal = Depends(require("clearance_menu.browse"))
) -> Response:
    found = catalog().combination(code.upper())
    if found is None:
        raise not_found("combination")
    context = {"combo": menu.combination_detail(found)}
    return render(request, "clearance_menu/combination.html", context)


def _wizard(
    request: Request, values: dict[str, Any], errors: list[Any], result: Any, status: int = 200
) -> Response:
    context = {
        "values": values,
        "errors": errors,
        "result": result,
        "transports": TRANSPORTS,
        "modes": catalog().modes,
    }
    return render(request, "clearance_menu/wizard.html", context, status=status)


@router.get("/wizard", response_class=HTMLResponse)
def wizard(request: Request, _: Principal = Depends(require("clearance_menu.browse"))) -> Response:
    return _wizard(request, dict(DEFAULTS), [], None)


@router.post("/wizard", response_class=HTMLResponse)
async def wizard_submit(
    request: Request,
    session: Session = DB,
    principal: Principal = Depends(require("clearance_menu.browse")),
) -> Response:
    values = await form_values(request)
    try:
        body = MenuRequest.model_validate(request_body(values))
        with session.begin_nested():
            result = service.recommend(session, principal=principal, request=body)
    except (FtzError, ValidationError) as exc:
        return _wizard(request, values, form_problems(exc), None, status=422)
    return _wizard(request, values, [], result)


@router.get("/requests", response_class=HTMLResponse)
def requests(
    request: Request,
    direction: str = Query("", pattern="^(import|export|)$"),
    transport: str = Query("", max_length=32),
    combination: str = Query("", max_length=8),
    q: str = Query("", max_length=100),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    principal: Principal = Depends(require("clearance_menu.read")),
) -> Response:
    filters = {"direction": direction, "transport": transport, "combination": combination, "q": q}
    page = service.search(
        session, principal=principal, params=params, direction=direction or None,
        transport=transport or None, combination=combination or None, text=q or None,
    )  # fmt: skip
    query = "&".join(f"{k}={v}" for k, v in filters.items())
    context = {"page": page, "filters": filters, "query": query, "transports": TRANSPORTS}
    return render(request, "clearance_menu/requests.html", context)


@router.get("/requests.csv", response_class=Response)
def requests_csv(
    direction: str = Query("", pattern="^(import|export|)$"),
    transport: str = Query("", max_length=32),
    combination: str = Query("", max_length=8),
    q: str = Query("", max_length=100),
    session: Session = DB,
    principal: Principal = Depends(require("clearance_menu.read")),
) -> Response:
    return export.csv_response(
        session, principal, direction=direction or None, transport=transport or None,
        combination=combination or None, text=q or None,
    )  # fmt: skip


def _detail(
    request: Request,
    session: Session,
    principal: Principal,
    record_id: str,
    errors: list[Any],
    status: int = 200,
) -> Response:
    record = service.get(session, principal=principal, record_id=record_id)
    result = menu.recommend(MenuRequest.model_validate(record.request))
    context = {
        "record": record,
        "result": result,
        "history": service.history(session, principal=principal, record_id=record_id),
        "can_choose": allows(principal, "clearance_menu.choose") and principal.is_enterprise,
        "errors": errors,
    }
    return render(request, "clearance_menu/request.html", context, status=status)


@router.get("/requests/{record_id}", response_class=HTMLResponse)
def request_detail(
    request: Request,
    record_id: str,
    session: Session = DB,
    principal: Principal = Depends(require("clearance_menu.read")),
) -> Response:
    return _detail(request, session, principal, record_id, [])


@router.post("/requests/{record_id}/choose", response_class=HTMLResponse)
async def choose(
    request: Request,
    record_id: str,
    session: Session = DB,
    principal: Principal = Depends(require("clearance_menu.choose")),
) -> Response:
    values = await form_values(request)
    try:
        with session.begin_nested():
            service.choose(
                session, principal=principal, record_id=record_id,
                combination=values.get("combination", ""),
            )  # fmt: skip
    except FtzError as exc:
        if exc.status == 404:
            raise
        return _detail(request, session, principal, record_id, form_problems(exc), status=422)
    return RedirectResponse(f"{BASE}/requests/{record_id}", status_code=303)


@router.get("/statistics", response_class=HTMLResponse)
def statistics(
    request: Request,
    session: Session = DB,
    principal: Principal = Depends(require("clearance_menu.stats")),
) -> Response:
    board = service.statistics(session, principal=principal)
    zh = getattr(request.state, "lang", "zh") == "zh"
    name = {c.code: f"{c.code} {c.name_zh if zh else c.name_en}" for c in catalog().combinations}
    board["by_combination_named"] = {name[k]: v for k, v in board["by_combination"].items()}
    return render(request, "clearance_menu/statistics.html", {"board": board})
