"""p18 pages: the case list (search, status filter, pagination, CSV), a case with its progress,
property, seals, parties and agreement, the escrow ledger (CSV), the workflow, every step with
its ledger entry, and the forms of the steps the signed-in user may take now. A refused step
shows the case again (422) with the rows that refused it."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.permissions import allows
from ftz.core.auth.principal import Principal
from ftz.core.kit.csv_export import csv_response
from ftz.core.kit.errors import FieldProblem, FtzError, not_found
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.forms import form_values
from ftz.core.web.templating import render
from ftz.practices.sealed_transfer import case_pages, info_pages, repository, settlement, views
from ftz.practices.sealed_transfer.actions import ACTIONS, BY_STEP
from ftz.practices.sealed_transfer.page_common import BASE, DB, READ, T, query_string, shown_again
from ftz.practices.sealed_transfer.steps import yuan
from ftz.practices.sealed_transfer.workflow import MAIN_LINE, TransferFlow

router = APIRouter(include_in_schema=False)
router.include_router(case_pages.router)  # first: /cases/new before /cases/{case_id}
router.include_router(info_pages.router)
STATUSES = [s.id for s in TransferFlow.states]
STATUS_Q = Query("", pattern=r"^[a-z_]{0,16}$")
TEXT_Q = Query("", max_length=100)
PAGING = Depends(page_params)


@router.get("", response_class=HTMLResponse)
def cases(
    request: Request,
    status: str = STATUS_Q,
    q: str = TEXT_Q,
    params: PageParams = PAGING,
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    page = repository.search(session, who, params, status=status, q=q)
    filters = {"status": status, "q": q}
    context = {
        "page": page,
        "filters": filters,
        "query": query_string(filters),
        "statuses": STATUSES,
        "counts": repository.counts_by_status(session, who),
        "can_register": allows(who, "sealed_transfer.court"),
    }
    return render(request, T + "cases.html", context)


CSV_COLUMNS = (
    "number",
    "status",
    "registered_on",
    "certificate_no",
    "address",
    "area_m2",
    "appraised_value",
    "min_price",
    "price",
    "escrow_balance",
    "new_certificate_no",
    "steps",
    "id",
)


@router.get("/cases.csv", response_class=Response)
def cases_csv(
    status: str = STATUS_Q, q: str = TEXT_Q, session: Session = DB, who: Principal = READ
) -> Response:
    found = session.scalars(repository.filtered(who, status=status, q=q).limit(10_000))
    rows = [
        [
            c.number,
            c.status,
            c.registered_on.isoformat(),
            c.certificate_no,
            c.address,
            c.area_m2,
            yuan(c.appraised_fen),
            yuan(c.min_price_fen),
            yuan(c.price_fen),
            yuan(c.escrow_balance_fen),
            c.new_certificate_no,
            c.steps_taken,
            c.id,
        ]
        for c in found
    ]
    return csv_response(CSV_COLUMNS, rows, "sealed-transfer-cases.csv")


@router.get("/cases/{case_id}/escrow.csv", response_class=Response)
def escrow_csv(case_id: str, session: Session = DB, who: Principal = READ) -> Response:
    case = repository.get_case(session, who, case_id)
    names = {p.id: p.name for p in repository.parties(session, case.id)}
    balance, rows = 0, []
    for m in repository.movements(session, case.id):
        balance += m.amount_fen if m.kind == "deposit" else -m.amount_fen
        rows.append(
            [
                m.step_seq,
                m.at.isoformat(timespec="seconds"),
                m.kind,
                yuan(m.amount_fen),
                names.get(m.party_id or "", ""),
                m.source,
                m.reference,
                yuan(balance),
            ]
        )
    columns = ("step", "at", "kind", "amount", "party", "source", "reference", "balance")
    return csv_response(columns, rows, f"escrow-{case.id}.csv")  # header values are latin-1


def detail(
    request: Request,
    session: Session,
    who: Principal,
    case_id: str,
    errors: list[FieldProblem],
    values: dict[str, str],
    form: str,
    status: int = 200,
) -> Response:
    case = repository.get_case(session, who, case_id)
    out = views.case_out(session, case, who)
    transitions = [
        (t.source.id, str(e), t.target.id, ", ".join(sorted(TransferFlow.event_roles[str(e)])))
        for s in TransferFlow.states
        for t in s.transitions
        for e in t.events
    ]
    context = {
        "case": out,
        "errors": errors,
        "values": values,
        "form": form,
        "main_line": MAIN_LINE,
        "done": MAIN_LINE[: MAIN_LINE.index(case.status)] if case.status in MAIN_LINE else (),
        "transitions": transitions,
        "forms": [BY_STEP[s] for s in out.allowed if s in BY_STEP],
        "notaries": repository.notary_offices(session),
        "price": settlement.price_preview(case) if case.agreement_sha256 else None,
        "names": {p.id: p.name for p in out.parties},
        "mine": {
            p.id
            for p in repository.parties(session, case.id)
            if who.is_enterprise and p.org_id == who.org_id
        },
        "can_edit": "edit" in out.allowed,
    }
    return render(request, T + "case.html", context, status=status)


@router.get("/cases/{case_id}", response_class=HTMLResponse)
def case(request: Request, case_id: str, session: Session = DB, who: Principal = READ) -> Response:
    return detail(request, session, who, case_id, [], {}, "")


@router.post("/cases/{case_id}/{path}", response_class=HTMLResponse)
async def step(
    request: Request, case_id: str, path: str, session: Session = DB, who: Principal = READ
) -> Response:
    """Every step's form posts here; the step's own permission is checked like on the API."""
    action = ACTIONS.get(path)
    if action is None:
        raise not_found("step")
    if not allows(who, action.permission):
        raise FtzError(
            detail="You do not have permission for this action",
            status=403,
            title="Forbidden",
            type_slug="forbidden",
        )
    values = await form_values(request)
    try:
        data = action.body.model_validate(action.from_form(values))
        with session.begin_nested():
            action.do(session, principal=who, case_id=case_id, data=data)
    except (FtzError, ValidationError) as exc:
        return detail(request, session, who, case_id, shown_again(exc), values, path, 422)
    return RedirectResponse(f"{BASE}/cases/{case_id}#steps", status_code=303)
