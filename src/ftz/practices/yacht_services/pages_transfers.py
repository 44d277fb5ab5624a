"""p16 transfer pages: the cases (filters, time limit, CSV), the new owner's one application
with a choice per document between providing it now and committing to supply it, and a case
with its four items, documents, time limit and the actions each party may take."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.forms import form_problems, form_values
from ftz.core.workflow import allowed_events
from ftz.practices.yacht_services import forms, monitoring, repository, transfers, views
from ftz.practices.yacht_services.common import documents, marinas
from ftz.practices.yacht_services.models import Transfer, Yacht
from ftz.practices.yacht_services.permissions import MARITIME
from ftz.practices.yacht_services.schemas import SupplyIn, TransferEventIn, TransferIn
from ftz.practices.yacht_services.web import show
from ftz.practices.yacht_services.workflow import TransferFlow

router = APIRouter(include_in_schema=False)
DB = Depends(get_db, scope="function")
READ = Depends(require("yacht_services.read"))
REPORT = Depends(require("yacht_services.report"))
BASE = "/yacht-services/transfers"


@router.get("/transfers", response_class=HTMLResponse)
def list_transfers(
    request: Request,
    status: str = Query("", max_length=16),
    sla: str = Query("", pattern="^(met|missed|overdue|)$"),
    q: str = Query("", max_length=100),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    query = views.transfer_query(who, status=status or None, sla=sla or None, text=q or None)
    found = repository.page(session, query, params)
    filters = {"status": status, "sla": sla, "q": q}
    context = {
        "page": found, "live": {t.id: views.transfer_live(t) for t in found.items},
        "filters": filters, "query": "&".join(f"{k}={v}" for k, v in filters.items()),
        "statuses": [s.id for s in TransferFlow.states], "can_file": who.is_enterprise,
    }  # fmt: skip
    return show(request, "yacht_services/transfers.html", context)


def _new(
    request: Request, values: dict[str, str], errors: list[FieldProblem], status: int = 200
) -> Response:
    context = {"values": values, "errors": errors, "marinas": marinas(),
               "documents": documents()}  # fmt: skip
    return show(request, "yacht_services/transfer_new.html", context, status=status)


@router.get("/transfers/new", response_class=HTMLResponse)
def new_transfer(request: Request, who: Principal = REPORT) -> Response:
    return _new(request, {}, [])


@router.post("/transfers/new", response_class=HTMLResponse)
async def file_transfer(
    request: Request, session: Session = DB, who: Principal = REPORT
) -> Response:
    values = await form_values(request)
    try:
        data = TransferIn.model_validate(forms.transfer_body(values))
        with session.begin_nested():
            made = transfers.file(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        return _new(request, values, form_problems(exc), 422)
    return RedirectResponse(f"{BASE}/{made.id}", status_code=303)


def _detail(
    request: Request, session: Session, who: Principal, transfer_id: str,
    errors: list[FieldProblem], status: int = 200,
) -> Response:  # fmt: skip
    found = views.transfer_detail(session, who, transfer_id)
    transfer: Transfer = found["transfer"]
    events = allowed_events(TransferFlow, transfer, who)
    party = who.org_id in (transfer.org_id, transfer.seller_org_id)
    maritime = who.is_admin or who.department == MARITIME
    mine = [e for e in events if (e in ("consent", "withdraw") and party)
            or (e in ("accept", "complete", "reject") and maritime)]  # fmt: skip
    if "consent" in mine and who.org_id != transfer.seller_org_id:
        mine.remove("consent")
    context = {
        **found, "errors": errors, "events": mine, "catalog": documents(),
        "yacht": session.get(Yacht, transfer.yacht_id), "marinas": marinas(),
        "can_supply": who.org_id == transfer.org_id
        and transfer.status not in ("rejected", "withdrawn"),
        "history": monitoring.history(session, principal=who, entity_id=transfer.id),
    }  # fmt: skip
    return show(request, "yacht_services/transfer.html", context, status=status)


@router.get("/transfers/{transfer_id}", response_class=HTMLResponse)
def transfer_detail(
    request: Request, transfer_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    return _detail(request, session, who, transfer_id, [])


@router.post("/transfers/{transfer_id}/events", response_class=HTMLResponse)
async def transfer_event(
    request: Request, transfer_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    values = await form_values(request)
    try:
        data = TransferEventIn.model_validate(values)
        with session.begin_nested():
            transfers.act(session, principal=who, transfer_id=transfer_id, data=data)
    except (FtzError, ValidationError) as exc:
        return _detail(request, session, who, transfer_id, form_problems(exc), 422)
    return RedirectResponse(f"{BASE}/{transfer_id}", status_code=303)


@router.post("/transfers/{transfer_id}/supply", response_class=HTMLResponse)
async def supply_document(
    request: Request, transfer_id: str, session: Session = DB, who: Principal = REPORT
) -> Response:
    values = await form_values(request)
    try:
        data = SupplyIn.model_validate(values)
        with session.begin_nested():
            transfers.supply(session, principal=who, transfer_id=transfer_id, data=data)
    except (FtzError, ValidationError) as exc:
        return _detail(request, session, who, transfer_id, form_problems(exc), 422)
    return RedirectResponse(f"{BASE}/{transfer_id}", status_code=303)
