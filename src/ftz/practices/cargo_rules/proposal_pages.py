"""p05 pages, proposal tracker: the list with filters and CSV, the draft form, a proposal with
its documents, the workflow buttons and the form to add a document."""

from __future__ import annotations

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
from ftz.practices.cargo_rules import proposals, reference, repository
from ftz.practices.cargo_rules.page_common import (
    BASE,
    DB,
    LOOKUP,
    MANAGE,
    T,
    conditions_from,
    query_string,
    run_form,
    shown_again,
)
from ftz.practices.cargo_rules.schemas import DocumentIn, ProposalEventIn, ProposalIn

router = APIRouter(include_in_schema=False)
PROPOSAL_FIELDS = (
    "number", "title_zh", "title_en", "instrument", "change", "proposer", "body", "session",
    "target_amendment", "cargo",
)  # fmt: skip
TEXT = Query("", max_length=100)
P_STATUS = Query("", pattern="^(draft|submitted|under_consideration|adopted|rejected|)$")


def _proposals(
    request: Request,
    session: Session,
    who: Principal,
    filters: dict[str, str],
    params: PageParams,
    form: dict[str, Any],
    status: int = 200,
) -> Response:
    page = repository.page(session, repository.proposal_query(who, filters), params)
    context = {
        "page": page,
        "filters": filters,
        "query": query_string(filters),
        "can_manage": repository.is_officer(who) and allows(who, "cargo_rules.manage"),
        "amendments": reference.amendments(),
        "values": {},
        "errors": [],
        **form,
    }
    return render(request, T + "proposals.html", context, status=status)


@router.get("/proposals", response_class=HTMLResponse)
def list_proposals(
    request: Request,
    status: str = P_STATUS,
    instrument: str = Query("", pattern="^(IMSBC|IMDG|UNMR|)$"),
    q: str = TEXT,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = LOOKUP,
) -> Response:
    filters = {"status": status, "instrument": instrument, "q": q}
    return _proposals(request, session, who, filters, params, {})


@router.post("/proposals", response_class=HTMLResponse)
async def draft_proposal(
    request: Request, session: Session = DB, who: Principal = MANAGE
) -> Response:
    values = await form_values(request)
    body: dict[str, Any] = {k: values.get(k, "").strip() for k in PROPOSAL_FIELDS}
    if values.get("regime"):
        body["proposed"] = conditions_from(values)
    try:
        data = ProposalIn.model_validate(body)
        with session.begin_nested():
            made = proposals.create(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        form = {"values": values, "errors": shown_again(exc)}
        filters = {"status": "", "instrument": "", "q": ""}
        return _proposals(request, session, who, filters, PageParams(), form, 422)
    return RedirectResponse(f"{BASE}/proposals/{made.number}", status_code=303)


def _proposal(
    request: Request,
    session: Session,
    who: Principal,
    key: str,
    errors: Any = (),
    values: dict[str, str] | None = None,
) -> Response:
    item = proposals.view(session, who, repository.proposal(session, who, key))
    context = {
        "p": item,
        "errors": list(errors),
        "values": values or {},
        "can_manage": repository.is_officer(who),
    }
    return render(request, T + "proposal.html", context, status=422 if errors else 200)


@router.get("/proposals/{key}", response_class=HTMLResponse)
def one_proposal(
    request: Request, key: str, session: Session = DB, who: Principal = LOOKUP
) -> Response:
    return _proposal(request, session, who, key)


@router.post("/proposals/{key}/events", response_class=HTMLResponse)
async def advance_proposal(
    request: Request, key: str, session: Session = DB, who: Principal = MANAGE
) -> Response:
    def action(values: dict[str, str]) -> Any:
        data = ProposalEventIn.model_validate({k: v for k, v in values.items() if v != ""})
        return proposals.advance(session, principal=who, key=key, data=data)

    return await run_form(
        request,
        session,
        f"{BASE}/proposals/{key}",
        action,
        lambda e, v: _proposal(request, session, who, key, e, v),
    )


@router.post("/proposals/{key}/documents", response_class=HTMLResponse)
async def add_document(
    request: Request, key: str, session: Session = DB, who: Principal = MANAGE
) -> Response:
    def action(values: dict[str, str]) -> Any:
        data = DocumentIn.model_validate(values)
        return proposals.add_document(session, principal=who, key=key, data=data)

    return await run_form(
        request,
        session,
        f"{BASE}/proposals/{key}",
        action,
        lambda e, v: _proposal(request, session, who, key, e, v),
    )
