"""p17 pages: the province's indicators (summary by city or county, the officer's quota /
allocation / transfer / withdrawal forms, the journal) and the association's records and the
operators' credit."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FtzError
from ftz.core.kit.pagination import PageParams, page_params, paginate_query
from ftz.core.web.forms import form_problems
from ftz.core.web.templating import render
from ftz.practices.leisure_fishery import (
    allocations,
    association,
    indicators,
    reference,
    service,
)
from ftz.practices.leisure_fishery.pages_common import (
    ASSOCIATE,
    BASE,
    DB,
    READ,
    SUPERVISE,
    T,
    choices,
    read_form,
)
from ftz.practices.leisure_fishery.schemas import (
    AllocationIn,
    AssociationRecordIn,
    QuotaIn,
    TransferIn,
)

router = APIRouter(include_in_schema=False)
YEAR = Query(None, ge=2020, le=2100)


def _indicators(
    request: Request,
    session: Session,
    principal: Principal,
    year: int,
    errors: dict[str, Any],
    values: dict[str, Any],
    status: int,
    params: PageParams | None = None,
) -> Response:
    page = paginate_query(
        session, allocations.journal_query(year=year), params or PageParams(page=1, size=20)
    )
    summary = indicators.summary(session, year)
    widest = max((r["allocated"]["vessels"] for r in summary["areas"]), default=0) or 1
    context = {
        "summary": summary,
        "page": page,
        "year": year,
        "errors": errors,
        "values": values,
        "widest": widest,
        **choices(),
        "can_allocate": service.is_fishery_officer(principal),
    }
    return render(request, T + "indicators.html", context, status=status)


@router.get("/indicators", response_class=HTMLResponse)
def indicator_page(
    request: Request,
    year: int | None = YEAR,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    principal: Principal = READ,
) -> Response:
    chosen = year or reference.today().year
    return _indicators(request, session, principal, chosen, {}, {}, 200, params)


FORMS: dict[str, tuple[type[Any], Callable[..., Any]]] = {
    "quota": (
        QuotaIn,
        lambda s, p, d: allocations.set_quota(
            s, principal=p, year=d.year, total=indicators.amount_of(d), note=d.note
        ),
    ),
    "allocate": (
        AllocationIn,
        lambda s, p, d: allocations.allocate(
            s,
            principal=p,
            year=d.year,
            code=d.area_code,
            amount=indicators.amount_of(d),
            note=d.note,
        ),
    ),
    "withdraw": (
        AllocationIn,
        lambda s, p, d: allocations.withdraw(
            s,
            principal=p,
            year=d.year,
            code=d.area_code,
            amount=indicators.amount_of(d),
            note=d.note,
        ),
    ),
    "transfer": (
        TransferIn,
        lambda s, p, d: allocations.transfer(
            s,
            principal=p,
            year=d.year,
            from_code=d.from_area,
            to_code=d.to_area,
            amount=indicators.amount_of(d),
            note=d.note,
        ),
    ),
}


@router.post("/indicators/{form}", response_class=HTMLResponse)
async def indicator_form(
    request: Request, form: str, session: Session = DB, principal: Principal = SUPERVISE
) -> Response:
    schema, action = FORMS.get(form, (None, None))
    values = await read_form(request)
    year = int(values["year"]) if str(values.get("year", "")).isdigit() else reference.today().year
    try:
        if schema is None or action is None:
            raise FtzError(detail="unknown form", status=404)
        data = schema.model_validate({"vessels": 0, "power_kw": 0, "gear_units": 0, **values})
        with session.begin_nested():
            action(session, principal, data)
    except (FtzError, ValidationError) as exc:
        if isinstance(exc, FtzError) and exc.status in (403, 404):
            raise
        return _indicators(
            request, session, principal, year, {form: form_problems(exc)}, {form: values}, 422
        )
    return RedirectResponse(f"{BASE}/indicators?year={year}", status_code=303)


def _association(
    request: Request,
    session: Session,
    principal: Principal,
    errors: Any,
    values: dict[str, Any],
    status: int,
    kind: str = "",
    q: str = "",
    params: PageParams | None = None,
) -> Response:
    query = association.records_query(principal, kind=kind, q=q)
    page = paginate_query(session, query, params or PageParams(page=1, size=20))
    context = {
        "page": page,
        "credit": association.credit(session, principal=principal),
        "errors": errors,
        "values": values,
        "kind": kind,
        "q": q,
        **choices(),
        "can_record": service.is_association(principal),
    }
    return render(request, T + "association.html", context, status=status)


@router.get("/association", response_class=HTMLResponse)
def association_page(
    request: Request,
    kind: str = Query("", pattern="^(inspection|warning|commendation|training|)$"),
    q: str = Query("", max_length=40),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    principal: Principal = READ,
) -> Response:
    return _association(request, session, principal, [], {}, 200, kind, q, params)


@router.post("/association", response_class=HTMLResponse)
async def add_record(
    request: Request, session: Session = DB, principal: Principal = ASSOCIATE
) -> Response:
    values = await read_form(request)
    try:
        data = AssociationRecordIn.model_validate(values)
        with session.begin_nested():
            association.add_record(session, principal=principal, data=data)
    except (FtzError, ValidationError) as exc:
        if isinstance(exc, FtzError) and exc.status == 403:
            raise
        return _association(request, session, principal, form_problems(exc), values, 422)
    return RedirectResponse(f"{BASE}/association", status_code=303)
