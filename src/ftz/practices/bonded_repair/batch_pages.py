"""p03 batch pages: the batch ledger (filters, pagination, CSV) with the entry form, a batch with
its verdict, the reading used, the "why" and its history; the enterprise reports outcomes on
it, and a customs or ecology officer reviews a flagged batch there (accept or order a
correction, with a note)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.permissions import allows
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.forms import form_values
from ftz.core.web.templating import render
from ftz.practices.bonded_repair import batches, exports, repository, service
from ftz.practices.bonded_repair.batches import REPORTABLE
from ftz.practices.bonded_repair.common import is_reviewer, settings
from ftz.practices.bonded_repair.models import Batch
from ftz.practices.bonded_repair.page_common import (
    BASE,
    DB,
    READ,
    RECORD,
    REVIEW,
    query_string,
    shown_again,
    without_blanks,
)
from ftz.practices.bonded_repair.schemas import BatchIn, OutcomeIn, ReviewIn

router = APIRouter(include_in_schema=False)
STATUSES = ("open", "flagged", "correcting", "reviewed", "closed")
VERDICTS = ("ok", "warning", "exceeded")
STATUS_Q = Query("", pattern="^(open|flagged|correcting|reviewed|closed|)$")
VERDICT_Q = Query("", pattern="^(ok|warning|exceeded|)$")
TEXT_Q = Query("", max_length=100)
PAGING = Depends(page_params)


def _filters(status: str, verdict: str, text: str) -> list[Any]:
    found: list[Any] = []
    if status:
        found.append(Batch.status == status)
    if verdict:
        found.append(Batch.verdict == verdict)
    if text:
        found.append(repository.text_filter(Batch, text, Batch.number, Batch.goods))
    return found


def _ledger(
    request: Request,
    session: Session,
    who: Principal,
    filters: dict[str, str],
    params: PageParams,
    form: dict[str, Any],
) -> Response:
    wanted = _filters(filters["status"], filters["verdict"], filters["q"])
    page = repository.page(session, who, Batch, params, *wanted)
    context = {
        "page": page,
        "names": repository.org_names(session, {b.org_id for b in page.items}),
        "filters": filters,
        "query": query_string(filters),
        "statuses": STATUSES,
        "verdicts": VERDICTS,
        "can_record": allows(who, "bonded_repair.record"),
        "errors": [],
        "values": {},
        **form,
    }
    status = 422 if context["errors"] else 200
    return render(request, "bonded_repair/batches.html", context, status=status)


@router.get("/batches", response_class=HTMLResponse)
def list_batches(
    request: Request,
    status: str = STATUS_Q,
    verdict: str = VERDICT_Q,
    q: str = TEXT_Q,
    params: PageParams = PAGING,
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    filters = {"status": status, "verdict": verdict, "q": q}
    return _ledger(request, session, who, filters, params, {})


@router.get("/batches.csv", response_class=Response)
def batches_csv(
    status: str = STATUS_Q,
    verdict: str = VERDICT_Q,
    q: str = TEXT_Q,
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    return exports.batches_csv(session, who, *_filters(status, verdict, q))


@router.post("/batches", response_class=HTMLResponse)
async def open_batch(request: Request, session: Session = DB, who: Principal = RECORD) -> Response:
    values = await form_values(request)
    try:
        data = BatchIn.model_validate(without_blanks(values))
        with session.begin_nested():
            made = batches.open_batch(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        filters = {"status": "", "verdict": "", "q": ""}
        form = {"errors": shown_again(exc), "values": values}
        return _ledger(request, session, who, filters, PageParams(), form)
    return RedirectResponse(f"{BASE}/batches/{made.id}", status_code=303)


def _detail(
    request: Request,
    session: Session,
    who: Principal,
    batch_id: str,
    errors: list[FieldProblem],
    values: dict[str, str],
    form: str = "",
) -> Response:
    batch = repository.get_owned(session, who, Batch, batch_id)
    history = service.history(session, principal=who, entity_id=batch.id)
    orders = [e for e in history if e.action == "transition:order_correction"]
    context = {
        "batch": batch,
        "enterprise": repository.org_names(session, {batch.org_id}).get(batch.org_id),
        "history": history,
        "correction": orders[0].changes.get("note", "") if orders else "",
        "errors": errors,
        "values": values,
        "form": form,  # which form the errors belong to
        "can_report": allows(who, "bonded_repair.record") and batch.status in REPORTABLE,
        "can_review": allows(who, "bonded_repair.review") and is_reviewer(who)
        and batch.status == "flagged",
        "readings": settings()["readings"],
    }  # fmt: skip
    status = 422 if errors else 200
    return render(request, "bonded_repair/batch.html", context, status=status)


@router.get("/batches/{batch_id}", response_class=HTMLResponse)
def batch(
    request: Request, batch_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    return _detail(request, session, who, batch_id, [], {})


@router.post("/batches/{batch_id}", response_class=HTMLResponse)
async def outcome(
    request: Request, batch_id: str, session: Session = DB, who: Principal = RECORD
) -> Response:
    values = await form_values(request)
    body = {k: v for k, v in without_blanks(values).items() if k != "final"}
    try:
        data = OutcomeIn.model_validate({**body, "final": values.get("final") == "on"})
        with session.begin_nested():
            batches.report_outcome(session, principal=who, batch_id=batch_id, data=data)
    except (FtzError, ValidationError) as exc:
        return _detail(request, session, who, batch_id, shown_again(exc), values, "outcome")
    return RedirectResponse(f"{BASE}/batches/{batch_id}", status_code=303)


@router.post("/batches/{batch_id}/review", response_class=HTMLResponse)
async def review(
    request: Request, batch_id: str, session: Session = DB, who: Principal = REVIEW
) -> Response:
    values = await form_values(request)
    try:
        data = ReviewIn.model_validate(without_blanks(values))
        with session.begin_nested():
            batches.review(session, principal=who, batch_id=batch_id, data=data)
    except (FtzError, ValidationError) as exc:
        return _detail(request, session, who, batch_id, shown_again(exc), values, "review")
    return RedirectResponse(f"{BASE}/batches/{batch_id}", status_code=303)
