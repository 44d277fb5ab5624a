"""p17 pages: demonstration bases and key projects (list with filters, detail with history,
the fishery officer's create and edit forms) and the statistics board with the association's
form for a year's figures."""

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
    association,
    service,
    statistics,
)
from ftz.practices.leisure_fishery.pages_common import (
    ASSOCIATE,
    BASE,
    DB,
    PUBLIC,
    SUPERVISE,
    T,
    choices,
    read_form,
)
from ftz.practices.leisure_fishery.schemas import (
    BaseIn,
    BaseUpdate,
    StatisticIn,
)

router = APIRouter(include_in_schema=False)
YEAR = Query(None, ge=2020, le=2100)


@router.get("/bases", response_class=HTMLResponse)
def bases(
    request: Request,
    q: str = Query("", max_length=40),
    kind: str = Query("", max_length=24),
    level: str = Query("", max_length=12),
    area: str = Query("", max_length=6),
    key_project: str = Query("", pattern="^(yes|no|)$"),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    principal: Principal = PUBLIC,
) -> Response:
    filters = {"q": q, "kind": kind, "level": level, "area": area, "key_project": key_project}
    page = paginate_query(session, association.bases_query(**filters), params)
    context = {
        "page": page,
        "filters": filters,
        **choices(),
        "query": "&".join(f"{k}={v}" for k, v in filters.items()),
        "can_edit": service.is_fishery_officer(principal)
        and allows(principal, "leisure_fishery.supervise"),
    }
    return render(request, T + "bases.html", context)


def _base_form(
    request: Request, base: Any, values: dict[str, Any], errors: Any, status: int
) -> Response:
    context = {"base": base, "values": values, "errors": errors, **choices()}
    return render(request, T + "base_form.html", context, status=status)


@router.get("/bases/new", response_class=HTMLResponse)
def new_base(request: Request, principal: Principal = SUPERVISE) -> Response:
    service.require_fishery(principal, "recognise demonstration bases")
    return _base_form(request, None, {"facilities": [], "status": "open"}, [], 200)


@router.post("/bases/new", response_class=HTMLResponse)
async def create_base(
    request: Request, session: Session = DB, principal: Principal = SUPERVISE
) -> Response:
    values = await read_form(request, "facilities")
    values["key_project"] = values.get("key_project") == "on"
    try:
        data = BaseIn.model_validate(values)
        with session.begin_nested():
            base = association.create_base(session, principal=principal, data=data)
    except (FtzError, ValidationError) as exc:
        if isinstance(exc, FtzError) and exc.status == 403:
            raise
        return _base_form(request, None, values, form_problems(exc), 422)
    return RedirectResponse(f"{BASE}/bases/{base.id}", status_code=303)


@router.get("/bases/{base_id}", response_class=HTMLResponse)
def base_detail(
    request: Request, base_id: str, session: Session = DB, principal: Principal = PUBLIC
) -> Response:
    base = association.get_base(session, base_id)
    history = (
        service.history(session, principal=principal, entity_ids=[base.id])
        if service.is_fishery_officer(principal)
        else []
    )
    context = {
        "base": base,
        "history": history,
        **choices(),
        "can_edit": service.is_fishery_officer(principal)
        and allows(principal, "leisure_fishery.supervise"),
    }
    return render(request, T + "base.html", context)


@router.get("/bases/{base_id}/edit", response_class=HTMLResponse)
def edit_base(
    request: Request, base_id: str, session: Session = DB, principal: Principal = SUPERVISE
) -> Response:
    service.require_fishery(principal, "recognise demonstration bases")
    base = association.get_base(session, base_id)
    values = {
        k: getattr(base, k)
        for k in (
            "name",
            "kind",
            "level",
            "area_code",
            "facilities",
            "status",
            "recognised_on",
            "investment_wan",
            "key_project",
            "description",
        )
    }
    return _base_form(request, base, values, [], 200)


@router.post("/bases/{base_id}/edit", response_class=HTMLResponse)
async def update_base(
    request: Request, base_id: str, session: Session = DB, principal: Principal = SUPERVISE
) -> Response:
    base = association.get_base(session, base_id)
    values = await read_form(request, "facilities")
    values["key_project"] = values.get("key_project") == "on"
    values.setdefault("recognised_on", None)
    values.setdefault("description", "")
    try:
        data = BaseUpdate.model_validate(values)
        with session.begin_nested():
            association.update_base(session, principal=principal, base_id=base_id, data=data)
    except (FtzError, ValidationError) as exc:
        if isinstance(exc, FtzError) and exc.status == 403:
            raise
        return _base_form(request, base, values, form_problems(exc), 422)
    return RedirectResponse(f"{BASE}/bases/{base_id}", status_code=303)


def _statistics(
    request: Request,
    session: Session,
    principal: Principal,
    year: int | None,
    errors: Any,
    values: dict[str, Any],
    status: int,
) -> Response:
    board = statistics.board(session, principal, year)
    widest = max((r["output_wan"] or 0 for r in board["by_area"]), default=0) or 1
    context = {
        "board": board,
        "widest": widest,
        "errors": errors,
        "values": values,
        **choices(),
        "can_report": service.is_association(principal) or service.is_fishery_officer(principal),
    }
    return render(request, T + "statistics.html", context, status=status)


@router.get("/statistics", response_class=HTMLResponse)
def statistics_page(
    request: Request,
    year: int | None = YEAR,
    session: Session = DB,
    principal: Principal = PUBLIC,
) -> Response:
    return _statistics(request, session, principal, year, [], {}, 200)


@router.post("/statistics", response_class=HTMLResponse)
async def record_statistic(
    request: Request, session: Session = DB, principal: Principal = ASSOCIATE
) -> Response:
    values = await read_form(request)
    try:
        data = StatisticIn.model_validate(values)
        with session.begin_nested():
            association.record_statistic(session, principal=principal, data=data)
    except (FtzError, ValidationError) as exc:
        if isinstance(exc, FtzError) and exc.status == 403:
            raise
        return _statistics(request, session, principal, None, form_problems(exc), values, 422)
    return RedirectResponse(f"{BASE}/statistics?year={data.year}", status_code=303)
