"""p14 pages: the corridors with their full-route timetables and map; the bills (filters, CSV),
the one booking form, and a bill with its legs, map, promises, tracking, hand-overs, pledge and
the actions each party may take. Reefer planning has its own module, mounted here."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FieldProblem, FtzError, validation_error
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.forms import form_problems, form_values
from ftz.core.web.templating import render
from ftz.core.workflow import allowed_events
from ftz.practices.asia_europe_transport import bills, corridor, forms, maps, pages_reefer, plans
from ftz.practices.asia_europe_transport import repository as repo
from ftz.practices.asia_europe_transport.models import Bill
from ftz.practices.asia_europe_transport.permissions import BANK, LANDPORT
from ftz.practices.asia_europe_transport.schemas import (
    AmendIn,
    BookingIn,
    EventIn,
    PayIn,
    PledgeIn,
)
from ftz.practices.asia_europe_transport.workflow import BillFlow

router = APIRouter(include_in_schema=False)
router.include_router(pages_reefer.router)
DB = Depends(get_db, scope="function")
READ = Depends(require("asia_europe_transport.read"))
BOOK = Depends(require("asia_europe_transport.book"))
BASE = "/asia-europe-transport"
T = "asia_europe_transport"
SEED = ("Seed case 14: Vientiane–Chengdu about 60 h; Chengdu–Europe within 11 days, Europe–"
        "Chengdu within 12; South-East Asia to Europe in 15 days at the fastest, 65% faster than "
        "sea–land; 1,000 USD or more saved per 40' box; air–rail 48% cheaper overall.")  # fmt: skip


@router.get("", response_class=HTMLResponse)
def overview(request: Request, who: Principal = READ) -> Response:
    routes = list(corridor.corridors().values())
    sample = [corridor.itinerary(c["code"], _monday(), cargo="general", teu=2, gross_kg=0)
              for c in routes]  # fmt: skip
    context = {"corridors": routes, "timetables": corridor.timetables(), "seed": SEED,
               "map": maps.legs_map([leg for s in sample for leg in s["legs"]]),
               "sample": {s["corridor"]: s for s in sample}}  # fmt: skip
    return render(request, f"{T}/overview.html", context)


def _monday() -> datetime:
    """Next Monday 00:00 UTC: the overview's sample runs depart from there."""
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    return today + timedelta(days=(7 - today.weekday()) % 7 or 7)


@router.get("/bills", response_class=HTMLResponse)
def list_bills(
    request: Request, status: str = Query("", max_length=16),
    pledge: str = Query("", max_length=16), q: str = Query("", max_length=100),
    params: PageParams = Depends(page_params), session: Session = DB, who: Principal = READ,
) -> Response:  # fmt: skip
    query = repo.bill_query(who, status=status or None, pledge=pledge or None, text=q or None)
    found = repo.page(session, query, params)
    filters = {"status": status, "pledge": pledge, "q": q}
    context = {"page": found, "filters": filters, "can_book": who.is_enterprise,
               "query": "&".join(f"{k}={v}" for k, v in filters.items()),
               "statuses": [s.id for s in BillFlow.states]}  # fmt: skip
    return render(request, f"{T}/bills.html", context)


def _new(
    request: Request, values: dict[str, str], errors: list[FieldProblem], status: int = 200
) -> Response:
    context = {"values": values, "errors": errors, "corridors": corridor.corridors()}
    return render(request, f"{T}/bill_new.html", context, status=status)


@router.get("/bills/new", response_class=HTMLResponse)
def new_bill(request: Request, who: Principal = BOOK) -> Response:
    return _new(request, {"corridor": "LMRO", "cargo": "reefer", "negotiable": "on"}, [])


@router.post("/bills/new", response_class=HTMLResponse)
async def book(request: Request, session: Session = DB, who: Principal = BOOK) -> Response:
    values = await form_values(request)
    try:
        data = BookingIn.model_validate(forms.booking(values))
        with session.begin_nested():
            made = bills.book(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        return _new(request, values, form_problems(exc), 422)
    return RedirectResponse(f"{BASE}/bills/{made.id}", status_code=303)


def _actions(who: Principal, made: Bill) -> list[str]:
    """What this principal may try here; the service and rules still decide."""
    events = allowed_events(BillFlow, made, who)
    mine, bank = who.org_id == made.org_id, who.department == BANK
    operator = who.is_admin or who.department == LANDPORT
    found = [e for e in events if (e in ("pay", "cancel") and mine) or (e == "issue" and operator)]
    if made.status in ("issued", "in_transit", "arrived") and operator:
        found.append("track")
    if mine or (bank and made.pledgee_org_id == who.org_id):
        found += ["amend"] if made.status not in ("surrendered", "cancelled") else []
        found += ["surrender"] if made.status == "arrived" else []
        found += ["finance"] if made.status in ("issued", "in_transit", "arrived") else []
    return found


def _detail(
    request: Request, session: Session, who: Principal, bill_id: str,
    errors: list[FieldProblem], status: int = 200,
) -> Response:  # fmt: skip
    made = repo.bill(session, who, bill_id)
    events = repo.events(session, made.id)
    context = {
        "bill": made, "events": events, "errors": errors, "actions": _actions(who, made),
        "is_bank": who.department == BANK, "mine": who.org_id == made.org_id,
        "map": maps.legs_map(made.legs, frozenset(e.node for e in events)),
        "history": plans.history(session, principal=who, entity_id=made.id),
    }  # fmt: skip
    return render(request, f"{T}/bill.html", context, status=status)


@router.get("/bills/{bill_id}", response_class=HTMLResponse)
def bill_detail(
    request: Request, bill_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    return _detail(request, session, who, bill_id, [])


def _run(session: Session, who: Principal, bill_id: str, op: str, values: dict[str, str]) -> None:
    kinds: dict[str, type[BaseModel]] = {"pay": PayIn, "amend": AmendIn, "track": EventIn,
                                         "finance": PledgeIn}  # fmt: skip
    clean = {k: v for k, v in values.items() if v != "" and k != "op"}
    body: Any = kinds[op].model_validate(clean) if op in kinds else None
    if op == "pay":
        bills.pay(session, principal=who, bill_id=bill_id, data=body)
    elif op == "cancel":
        bills.cancel(session, principal=who, bill_id=bill_id)
    elif op == "issue":
        bills.issue(session, principal=who, bill_id=bill_id)
    elif op == "amend":
        bills.amend(session, principal=who, bill_id=bill_id, data=body)
    elif op == "surrender":
        bills.surrender(session, principal=who, bill_id=bill_id)
    elif op == "finance":
        bills.finance(session, principal=who, bill_id=bill_id, data=body)
    elif op == "track":
        bills.track(session, principal=who, bill_id=bill_id, data=body)
    else:
        raise validation_error("op", f"unknown action {op!r}")


@router.post("/bills/{bill_id}", response_class=HTMLResponse)
async def act(
    request: Request, bill_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    """Every action on a bill posts here with `op`; the service checks who may do it."""
    values = await form_values(request)
    try:
        with session.begin_nested():
            _run(session, who, bill_id, values.get("op", ""), values)
    except (FtzError, ValidationError) as exc:
        return _detail(request, session, who, bill_id, form_problems(exc), 422)
    return RedirectResponse(f"{BASE}/bills/{bill_id}", status_code=303)
