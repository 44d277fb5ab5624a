"""p15 transfer pages: the list (search, filters, pages, CSV); the proposal form from an
achievement; a transfer's page with its legal basis (who decides: the unit, no approval, no
filing), the publicity, the decision, the due-diligence exemption record, the contract, the
income with the inventors' reward explained step by step, and the history. Rewards: each
researcher's own lines, the office's whole unit (CSV)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.csv_export import records_csv as csv_response
from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.forms import form_values
from ftz.core.web.templating import render
from ftz.practices.tech_transfer import forms, registry, repository, rewards, transfers
from ftz.practices.tech_transfer.api_common import BASE, DB, MANAGE, READ, history, query_string
from ftz.practices.tech_transfer.common import settings, viewer_for, yuan
from ftz.practices.tech_transfer.models import Achievement, Income, Transfer
from ftz.practices.tech_transfer.schemas import (
    ContractIn,
    DecisionIn,
    IncomeIn,
    NoteIn,
    PublicityIn,
    TransferIn,
)

router = APIRouter(include_in_schema=False)
T = "tech_transfer/"
MODES = ("licence", "assignment", "equity")
STATUSES = ("proposed", "publicity", "decided", "contracted", "terminated")
MODE_Q = Query("", pattern="^(licence|assignment|equity|)$")
STATUS_Q = Query("", pattern="^(proposed|publicity|decided|contracted|terminated|)$")
CSV_COLUMNS = (
    "number",
    "achievement",
    "mode",
    "licence_scope",
    "counterparty",
    "counterparty_uscc",
    "pricing",
    "price",
    "equity_pct",
    "status",
    "meeting",
    "meeting_no",
    "meeting_date",
    "contract_no",
    "signed_on",
    "id",
)


def _filters(q: str, mode: str, status: str) -> list[Any]:
    found: list[Any] = []
    if q:
        like = f"%{q}%"
        found.append(Transfer.number.like(like) | Transfer.counterparty.like(like))
    if mode:
        found.append(Transfer.mode == mode)
    if status:
        found.append(Transfer.status == status)
    return found


@router.get("/transfers", response_class=HTMLResponse)
def transfer_list(
    request: Request,
    q: str = Query("", max_length=100),
    mode: str = MODE_Q,
    status: str = STATUS_Q,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    viewer = viewer_for(session, who)
    found = repository.page(
        session,
        viewer,
        Transfer,
        params,
        *_filters(q, mode, status),
        order=(Transfer.created_at.desc(),),
    )
    wanted = {"q": q, "mode": mode, "status": status}
    context = {
        "page": found,
        "filters": wanted,
        "query": query_string(wanted),
        "modes": MODES,
        "statuses": STATUSES,
        "viewer": viewer,
    }
    return render(request, T + "transfers.html", context)


@router.get("/transfers.csv")
def transfers_csv(
    q: str = Query("", max_length=100),
    mode: str = MODE_Q,
    status: str = STATUS_Q,
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    viewer = viewer_for(session, who)
    found = repository.rows(
        session, viewer, Transfer, *_filters(q, mode, status), order=(Transfer.number,)
    )
    query = select(Achievement.id, Achievement.number).where(
        Achievement.id.in_({t.achievement_id for t in found})
    )
    numbers = {str(i): str(n) for i, n in session.execute(query)}
    rows = [
        {
            **{c: getattr(t, c, None) for c in CSV_COLUMNS},
            "price": yuan(t.price_fen),
            "achievement": numbers.get(t.achievement_id, ""),
        }
        for t in found
    ]
    return csv_response(CSV_COLUMNS, rows, "tech-transfer-transfers.csv")


def _proposal(
    request: Request,
    session: Session,
    who: Principal,
    achievement_id: str,
    errors: list[FieldProblem],
    values: dict[str, str],
) -> Response:
    viewer = viewer_for(session, who)
    found = repository.get_for_office(session, viewer, Achievement, achievement_id, "achievement")
    context = {
        "a": registry.view(session, found),
        "errors": errors,
        "values": values,
        "modes": MODES,
    }
    return render(request, T + "transfer_form.html", context, status=422 if errors else 200)


@router.get("/transfers/new", response_class=HTMLResponse)
def new_transfer(
    request: Request,
    achievement: str = Query(..., max_length=26),
    session: Session = DB,
    who: Principal = MANAGE,
) -> Response:
    return _proposal(request, session, who, achievement, [], {})


@router.post("/transfers", response_class=HTMLResponse)
async def propose(request: Request, session: Session = DB, who: Principal = MANAGE) -> Response:
    values = await form_values(request)
    try:
        data = TransferIn.model_validate(forms.without_blanks(values))
        with session.begin_nested():
            made = transfers.propose(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        problems = forms.shown_again(exc)
        return _proposal(request, session, who, values.get("achievement_id", ""), problems, values)
    return RedirectResponse(f"{BASE}/transfers/{made.id}", status_code=303)


def _detail(
    request: Request,
    session: Session,
    who: Principal,
    transfer_id: str,
    errors: list[FieldProblem],
    values: dict[str, str],
    form: str = "",
) -> Response:
    viewer = viewer_for(session, who)
    transfer = repository.get_visible(session, viewer, Transfer, transfer_id, "transfer")
    achievement = session.get(Achievement, transfer.achievement_id)
    incomes = repository.rows(
        session,
        viewer,
        Income,
        Income.transfer_id == transfer.id,
        order=(Income.received_on.desc(),),
    )
    lines = rewards.lines_of(session, [i.id for i in incomes])
    people = {line.researcher_id for group in lines.values() for line in group}
    exemption = repository.exemption_of(session, transfer.id)
    ids = [transfer.id, *(i.id for i in incomes), *([exemption.id] if exemption else [])]
    context = {
        "t": transfer,
        "a": registry.view(session, achievement) if achievement else None,
        "viewer": viewer,
        "exemption": exemption,
        "incomes": incomes,
        "lines": lines,
        "names": repository.names_of(session, people),
        "history": history(session, who, *ids),
        "cost_kinds": settings()["cost_kinds"],
        "errors": errors,
        "values": values,
        "form": form,
        "publicity": transfers.authority(transfer.mode, transfer.pricing)[1],
    }
    return render(request, T + "transfer.html", context, status=422 if errors else 200)


@router.get("/transfers/{transfer_id}", response_class=HTMLResponse)
def transfer_page(
    request: Request, transfer_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    return _detail(request, session, who, transfer_id, [], {})


Act = Callable[[Session, Principal, str, dict[str, str]], Any]


async def _act(
    request: Request, session: Session, who: Principal, transfer_id: str, form: str, do: Act
) -> Response:
    values = await form_values(request)
    try:
        with session.begin_nested():
            do(session, who, transfer_id, values)
    except (FtzError, ValidationError) as exc:
        return _detail(request, session, who, transfer_id, forms.shown_again(exc), values, form)
    return RedirectResponse(f"{BASE}/transfers/{transfer_id}", status_code=303)


def _parsed(schema: type[BaseModel], values: dict[str, Any]) -> Any:
    return schema.model_validate(forms.without_blanks(values) if values else {})


@router.post("/transfers/{transfer_id}/publicity", response_class=HTMLResponse)
async def publish(
    request: Request, transfer_id: str, session: Session = DB, who: Principal = MANAGE
) -> Response:
    return await _act(
        request,
        session,
        who,
        transfer_id,
        "publicity",
        lambda s, p, i, v: transfers.publish(
            s, principal=p, transfer_id=i, data=_parsed(PublicityIn, v)
        ),
    )


@router.post("/transfers/{transfer_id}/decision", response_class=HTMLResponse)
async def decide(
    request: Request, transfer_id: str, session: Session = DB, who: Principal = MANAGE
) -> Response:
    def do(s: Session, p: Principal, i: str, v: dict[str, str]) -> Any:
        body = {
            **forms.without_blanks(v),
            "decision_makers": forms.names(v.get("makers", "")),
            "conflict_declared": v.get("conflict_declared") == "yes",
        }
        body.pop("makers", None)
        return transfers.decide(s, principal=p, transfer_id=i, data=DecisionIn.model_validate(body))

    return await _act(request, session, who, transfer_id, "decision", do)


@router.post("/transfers/{transfer_id}/contract", response_class=HTMLResponse)
async def sign(
    request: Request, transfer_id: str, session: Session = DB, who: Principal = MANAGE
) -> Response:
    return await _act(
        request,
        session,
        who,
        transfer_id,
        "contract",
        lambda s, p, i, v: transfers.sign(
            s, principal=p, transfer_id=i, data=_parsed(ContractIn, v)
        ),
    )


@router.post("/transfers/{transfer_id}/terminate", response_class=HTMLResponse)
async def terminate(
    request: Request, transfer_id: str, session: Session = DB, who: Principal = MANAGE
) -> Response:
    return await _act(
        request,
        session,
        who,
        transfer_id,
        "terminate",
        lambda s, p, i, v: transfers.terminate(
            s, principal=p, transfer_id=i, data=_parsed(NoteIn, v)
        ),
    )


@router.post("/transfers/{transfer_id}/incomes", response_class=HTMLResponse)
async def record_income(
    request: Request, transfer_id: str, session: Session = DB, who: Principal = MANAGE
) -> Response:
    def do(s: Session, p: Principal, i: str, v: dict[str, str]) -> Any:
        kinds = list(settings()["cost_kinds"])
        body = {k: v[k] for k in ("received_on", "kind", "gross", "note") if v.get(k, "").strip()}
        data = IncomeIn.model_validate({**body, "costs": forms.costs(v, kinds)})
        return rewards.record_income(s, principal=p, transfer_id=i, data=data)

    return await _act(request, session, who, transfer_id, "income", do)
