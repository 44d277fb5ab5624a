"""p11 pages: the gate dashboard (htmx-refreshed live list with holds and reasons), the gate
form, transactions with their why and hold resolution, declarations with customs' instruction,
and daily statistics."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.permissions import allows
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FtzError
from ftz.core.kit.pagination import PageParams, page_params, paginate_query
from ftz.core.web.forms import form_problems
from ftz.core.web.templating import render
from ftz.practices.zone_port_gate import (
    airport_pages,
    declaration_pages,
    forms,
    repository,
    service,
)
from ftz.practices.zone_port_gate.models import GateTransaction
from ftz.practices.zone_port_gate.permissions import AIRPORT
from ftz.practices.zone_port_gate.schemas import (
    GateIn,
    ResolveIn,
)

router = APIRouter(include_in_schema=False)
router.include_router(declaration_pages.router)
router.include_router(airport_pages.router)
DB = Depends(get_db, scope="function")
READ = Depends(require("zone_port_gate.read"))
STATS = Depends(require("zone_port_gate.stats"))
BASE = "/zone-port-gate"
T = "zone_port_gate/"


@router.get("", response_class=HTMLResponse)
def dashboard(request: Request, session: Session = DB, principal: Principal = STATS) -> Response:
    stats = service.statistics(session, principal=principal, days=1)
    return render(request, T + "dashboard.html", {"stats": stats, **_live(session, principal)})


def _live(session: Session, principal: Principal) -> dict[str, Any]:
    latest = repository.transactions_query(principal)
    holds = repository.transactions_query(principal, status="held")
    return {
        "latest": list(session.scalars(latest.limit(15))),
        "holds": list(session.scalars(holds.limit(50))),
    }


@router.get("/live", response_class=HTMLResponse)
def live(request: Request, session: Session = DB, principal: Principal = STATS) -> Response:
    return render(request, T + "_live.html", _live(session, principal))


@router.get("/statistics", response_class=HTMLResponse)
def statistics(
    request: Request,
    days: int = Query(30, ge=1, le=366),
    session: Session = DB,
    principal: Principal = STATS,
) -> Response:
    stats = service.statistics(session, principal=principal, days=days)
    can_record = allows(principal, "zone_port_gate.operate") and (
        principal.is_admin or principal.department == AIRPORT
    )
    context = {"stats": stats, "days": days, "can_record": can_record}
    return render(request, T + "statistics.html", context)


@router.get("/transactions", response_class=HTMLResponse)
def transactions(
    request: Request,
    status: str = Query("", max_length=16),
    q: str = Query("", max_length=40),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    principal: Principal = READ,
) -> Response:
    query = repository.transactions_query(principal, status=status or None, text=q or None)
    page = paginate_query(session, query, params)
    return render(request, T + "transactions.html", {"page": page, "status": status, "q": q})


@router.get("/gate", response_class=HTMLResponse)
def gate_form(
    request: Request, _: Principal = Depends(require("zone_port_gate.operate"))
) -> Response:
    return render(request, T + "gate.html", {"errors": [], "values": {}})


@router.post("/gate", response_class=HTMLResponse)
async def gate(
    request: Request,
    session: Session = DB,
    principal: Principal = Depends(require("zone_port_gate.operate")),
) -> Response:
    values = {k: str(v) for k, v in (await request.form()).items()}
    try:
        data = GateIn.model_validate({
            "declaration_number": values.get("declaration_number", ""),
            "plate": values.get("plate", ""),
            "units": forms.parse_units(values.get("units", "")),
            "weight_kg": values.get("weight_kg") or 0,
        })  # fmt: skip
        with session.begin_nested():
            tx = service.pass_gate(session, principal=principal, data=data)
    except (FtzError, ValidationError) as exc:
        context = {"errors": form_problems(exc), "values": values}
        return render(request, T + "gate.html", context, status=422)
    return RedirectResponse(f"{BASE}/transactions/{tx.id}", status_code=303)


def _transaction(
    request: Request, session: Session, principal: Principal, tx_id: str, errors: Any, status: int
) -> Response:
    tx = repository.get_owned(session, principal, GateTransaction, tx_id)
    can_resolve = allows(principal, "zone_port_gate.instruct") and (
        principal.is_admin or principal.department == "customs"
    )
    context = {"tx": tx, "errors": errors, "can_resolve": can_resolve}
    return render(request, T + "transaction.html", context, status=status)


@router.get("/transactions/{tx_id}", response_class=HTMLResponse)
def transaction(
    request: Request, tx_id: str, session: Session = DB, principal: Principal = READ
) -> Response:
    return _transaction(request, session, principal, tx_id, [], 200)


@router.post("/transactions/{tx_id}", response_class=HTMLResponse)
async def resolve(
    request: Request,
    tx_id: str,
    session: Session = DB,
    principal: Principal = Depends(require("zone_port_gate.instruct")),
) -> Response:
    form = {k: str(v) for k, v in (await request.form()).items()}
    try:
        data = ResolveIn.model_validate(
            {"action": form.get("action"), "note": form.get("note", "")}
        )
        with session.begin_nested():
            service.resolve(session, principal=principal, transaction_id=tx_id, data=data)
    except (FtzError, ValidationError) as exc:
        return _transaction(request, session, principal, tx_id, form_problems(exc), 422)
    return RedirectResponse(f"{BASE}/transactions/{tx_id}", status_code=303)
