"""p03 waste ledger pages: general and hazardous waste with tonnage, disposal method, receiver
and the disposal certificate's fingerprint; totals by year beside the seed's 2024 figures
(209 t general, 10 t hazardous); filters, pagination and CSV; a record's detail with its
history. An admitted enterprise records its waste; officers read everyone's."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.permissions import allows
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FtzError
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.forms import form_values
from ftz.core.web.templating import render
from ftz.practices.bonded_repair import exports, repository, service
from ftz.practices.bonded_repair.common import settings
from ftz.practices.bonded_repair.models import Waste
from ftz.practices.bonded_repair.page_common import (
    BASE,
    DB,
    READ,
    RECORD,
    query_string,
    shown_again,
    without_blanks,
)
from ftz.practices.bonded_repair.schemas import WasteIn

router = APIRouter(include_in_schema=False)
CATEGORIES = ("general", "hazardous")
METHODS = ("recycled", "disposed")
YEAR_Q = Query("", pattern=r"^(\d{4}|)$")
CATEGORY_Q = Query("", pattern="^(general|hazardous|)$")
METHOD_Q = Query("", pattern="^(recycled|disposed|)$")
TEXT_Q = Query("", max_length=100)
PAGING = Depends(page_params)


def _filters(year: str, category: str, method: str, text: str) -> list[Any]:
    found: list[Any] = []
    if year:
        found.append(Waste.year == int(year))
    if category:
        found.append(Waste.category == category)
    if method:
        found.append(Waste.method == method)
    if text:
        found.append(repository.text_filter(Waste, text, Waste.description, Waste.receiver))
    return found


def _ledger(
    request: Request,
    session: Session,
    who: Principal,
    filters: dict[str, str],
    params: PageParams,
    form: dict[str, Any],
) -> Response:
    wanted = _filters(filters["year"], filters["category"], filters["method"], filters["q"])
    page = repository.page(session, who, Waste, params, *wanted)
    conf = settings()
    context = {
        "page": page,
        "names": repository.org_names(session, {w.org_id for w in page.items}),
        "totals": service.waste_totals(session, who, *wanted),
        "seed": {"2024": {"general_total": conf["seed_2024_general_t"],
                          "hazardous_total": conf["seed_2024_hazardous_t"]}},
        "filters": filters,
        "query": query_string(filters),
        "categories": CATEGORIES,
        "methods": METHODS,
        "can_record": allows(who, "bonded_repair.record") and who.is_enterprise,
        "this_year": date.today().year,
        "errors": [],
        "values": {},
        **form,
    }  # fmt: skip
    status = 422 if context["errors"] else 200
    return render(request, "bonded_repair/waste.html", context, status=status)


@router.get("/waste", response_class=HTMLResponse)
def waste_ledger(
    request: Request,
    year: str = YEAR_Q,
    category: str = CATEGORY_Q,
    method: str = METHOD_Q,
    q: str = TEXT_Q,
    params: PageParams = PAGING,
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    filters = {"year": year, "category": category, "method": method, "q": q}
    return _ledger(request, session, who, filters, params, {})


@router.get("/waste.csv", response_class=Response)
def waste_csv(
    year: str = YEAR_Q,
    category: str = CATEGORY_Q,
    method: str = METHOD_Q,
    q: str = TEXT_Q,
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    return exports.waste_csv(session, who, *_filters(year, category, method, q))


@router.post("/waste", response_class=HTMLResponse)
async def record_waste(
    request: Request, session: Session = DB, who: Principal = RECORD
) -> Response:
    values = await form_values(request)
    try:
        data = WasteIn.model_validate(without_blanks(values))
        with session.begin_nested():
            made = service.record_waste(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        filters = {"year": "", "category": "", "method": "", "q": ""}
        form = {"errors": shown_again(exc), "values": values}
        return _ledger(request, session, who, filters, PageParams(), form)
    return RedirectResponse(f"{BASE}/waste/{made.id}", status_code=303)


@router.get("/waste/{waste_id}", response_class=HTMLResponse)
def waste_record(
    request: Request, waste_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    record = repository.get_owned(session, who, Waste, waste_id)
    context = {
        "record": record,
        "enterprise": repository.org_names(session, {record.org_id}).get(record.org_id),
        "history": service.history(session, principal=who, entity_id=record.id),
    }
    return render(request, "bonded_repair/waste_record.html", context)
