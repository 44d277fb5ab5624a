"""p08 pages: the platform's declaration lists (search, pagination) and the declaration form
(declare_pages), a list's detail with its lines, tax, returned quantities and returns, the
return form on it; customs' review queue with approve / refuse, and statistics by receiving
customs and month."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.permissions import allows
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FtzError, validation_error
from ftz.core.kit.pagination import PageParams, page_params, paginate_query
from ftz.core.web.forms import form_problems, form_values
from ftz.core.web.templating import render
from ftz.practices.cbec_returns import declare_pages, repository, service, tax
from ftz.practices.cbec_returns.models import DeclarationList, ReturnDeclaration
from ftz.practices.cbec_returns.schemas import DecisionIn, ReturnIn

router = APIRouter(include_in_schema=False)
# First, so /lists/new is matched before /lists/{list_id}.
router.include_router(declare_pages.router)
DB = Depends(get_db, scope="function")
READ = Depends(require("cbec_returns.read"))
REVIEW = Depends(require("cbec_returns.review"))
BASE = "/cbec-returns"
T = "cbec_returns/"
# Seed figures of case 8 (Zhejiang, cumulative): shown beside the demo's own counts.
SEED = {"tickets": 207_800, "items": 261_300}


@router.get("", response_class=HTMLResponse)
def lists(
    request: Request,
    q: str = Query("", max_length=40),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    principal: Principal = READ,
) -> Response:
    query = repository.scoped(select(DeclarationList), DeclarationList, principal)
    if q:
        like = f"%{q}%"
        query = query.where(or_(DeclarationList.number.like(like),
                                DeclarationList.order_no.like(like)))  # fmt: skip
    query = query.order_by(DeclarationList.release_date.desc(), DeclarationList.number)
    page = paginate_query(session, query, params)
    can_declare = allows(principal, "cbec_returns.declare") and principal.is_enterprise
    return render(request, T + "lists.html", {"page": page, "q": q, "can_declare": can_declare})


def _detail(
    request: Request, session: Session, principal: Principal, list_id: str,
    errors: Any, values: dict[str, str], status: int,
) -> Response:  # fmt: skip
    item = repository.get_list(session, principal, list_id)
    query = select(ReturnDeclaration).where(ReturnDeclaration.list_id == item.id)
    returns = list(session.scalars(query.order_by(ReturnDeclaration.created_at)))
    context = {
        "item": service.list_view(session, item), "returns": returns, "errors": errors,
        "values": values, "customs": tax.customs_districts(), "today": service.today(),
        "customs_source": tax.customs_source(),
        "can_declare": allows(principal, "cbec_returns.declare") and principal.is_enterprise,
    }  # fmt: skip
    return render(request, T + "list.html", context, status=status)


@router.get("/lists/{list_id}", response_class=HTMLResponse)
def one_list(
    request: Request, list_id: str, session: Session = DB, principal: Principal = READ
) -> Response:
    return _detail(request, session, principal, list_id, [], {}, 200)


def _return_data(number: str, values: dict[str, str]) -> ReturnIn:
    lines = []
    for key, raw in values.items():
        if key.startswith("qty_") and raw.strip() not in ("", "0"):
            lines.append({"line_no": key[4:], "quantity": raw.strip()})
    return ReturnIn.model_validate({
        "list_number": number, "customs_code": values.get("customs_code", ""),
        "zone_entry_date": values.get("zone_entry_date", ""),
        "declared_on": values.get("declared_on") or None, "lines": lines,
    })  # fmt: skip


@router.post("/lists/{list_id}", response_class=HTMLResponse)
async def declare_return(
    request: Request,
    list_id: str,
    session: Session = DB,
    principal: Principal = Depends(require("cbec_returns.declare")),
) -> Response:
    values = await form_values(request)
    item = repository.get_list(session, principal, list_id)
    try:
        data = _return_data(item.number, values)
        with session.begin_nested():
            service.declare_return(session, principal=principal, data=data)
    except (FtzError, ValidationError) as exc:
        return _detail(request, session, principal, list_id, form_problems(exc), values, 422)
    return RedirectResponse(f"{BASE}/lists/{list_id}", status_code=303)


def _review(
    request: Request, session: Session, principal: Principal, errors: Any, status: int
) -> Response:
    pending = repository.returns(session, principal, "requested", limit=200)
    query = select(DeclarationList).where(DeclarationList.id.in_({r.list_id for r in pending}))
    numbers = {x.id: x.number for x in session.scalars(query)}
    context = {"pending": pending, "numbers": numbers, "errors": errors}
    return render(request, T + "review.html", context, status=status)


@router.get("/review", response_class=HTMLResponse)
def review(request: Request, session: Session = DB, principal: Principal = REVIEW) -> Response:
    return _review(request, session, principal, [], 200)


@router.post("/review/{return_id}", response_class=HTMLResponse)
async def decide(
    request: Request, return_id: str, session: Session = DB, principal: Principal = REVIEW
) -> Response:
    form = await form_values(request)
    action = form.get("action", "")
    try:
        data = DecisionIn.model_validate({"note": form.get("note", "")})
        do = {"approve": service.approve, "refuse": service.refuse}.get(action)
        if do is None:
            raise validation_error("action", "approve or refuse")
        with session.begin_nested():
            do(session, principal=principal, return_id=return_id, data=data)
    except (FtzError, ValidationError) as exc:
        return _review(request, session, principal, form_problems(exc), 422)
    return RedirectResponse(f"{BASE}/review", status_code=303)


@router.get("/statistics", response_class=HTMLResponse)
def statistics(
    request: Request,
    session: Session = DB,
    principal: Principal = Depends(require("cbec_returns.stats")),
) -> Response:
    rows = repository.statistics(session, principal)
    by_customs: dict[str, dict[str, int]] = {}
    for row in rows:
        slot = by_customs.setdefault(row["customs_code"], {"tickets": 0, "items": 0})
        slot["tickets"] += row["tickets"]
        slot["items"] += row["items"]
    tickets = sum(r["tickets"] for r in rows)
    items = sum(r["items"] for r in rows)
    widest = max((v["items"] for v in by_customs.values()), default=1) or 1
    names = {d["code"]: d for d in tax.customs_districts()}
    context = {
        "rows": rows, "by_customs": sorted(by_customs.items()), "widest": widest,
        "tickets": tickets, "items": items, "seed": SEED, "names": names,
        "as_of": date.today().isoformat(),
    }  # fmt: skip
    return render(request, T + "statistics.html", context)
