"""p03 admission pages: the enterprise applies (a form answering the measures' criteria) and
follows its admission; customs and ecology officers work the queue, decide on the criteria
table of rules/admission.json (every row with its reason and source, the failed ones marked),
admit or reject with a reason, and complete an exit, which waits for the enterprise's
unfinished batches (listed on the page)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.permissions import allows
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FieldProblem, FtzError, validation_error
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.forms import form_values
from ftz.core.web.templating import render
from ftz.practices.bonded_repair import repository, service
from ftz.practices.bonded_repair.common import criteria_rows, is_reviewer
from ftz.practices.bonded_repair.models import Admission, Waste
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
from ftz.practices.bonded_repair.schemas import AdmissionIn, DecisionIn

router = APIRouter(include_in_schema=False)
STATUSES = ("submitted", "admitted", "rejected", "exiting", "exited")
IN_PROGRESS = ("submitted", "admitted", "exiting")
OFFICER_EVENTS = ("admit", "reject", "complete_exit")
STATUS_Q = Query("", pattern="^(submitted|admitted|rejected|exiting|exited|)$")
# The yes/no questions of the application form, in the order of the measures' criteria.
QUESTIONS = ("high_tech", "toxic_air", "toxic_water", "documents_complete", "permits_complete")


@router.get("/admissions", response_class=HTMLResponse)
def admissions(
    request: Request,
    status: str = STATUS_Q,
    q: str = Query("", max_length=100),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    filters: list[Any] = [Admission.status == status] if status else []
    if q:
        filters.append(repository.text_filter(Admission, q, Admission.business))
    page = repository.page(session, who, Admission, params, *filters)
    wanted = {"status": status, "q": q}
    context = {
        "page": page,
        "names": repository.org_names(session, {a.org_id for a in page.items}),
        "filters": wanted,
        "query": query_string(wanted),
        "statuses": STATUSES,
        "can_apply": allows(who, "bonded_repair.record") and who.is_enterprise,
        "reviewer": is_reviewer(who),
    }
    return render(request, "bonded_repair/admissions.html", context)


def _application(
    request: Request,
    session: Session,
    who: Principal,
    errors: list[FieldProblem],
    values: dict[str, str],
) -> Response:
    current = repository.admission_of(session, who.org_id, *IN_PROGRESS) if who.org_id else None
    context = {
        "current": current,
        "criteria": criteria_rows("admission.json"),
        "questions": QUESTIONS,
        "errors": errors,
        "values": values,
    }
    status = 422 if errors else 200
    return render(request, "bonded_repair/apply.html", context, status=status)


@router.get("/admissions/new", response_class=HTMLResponse)
def application_form(request: Request, session: Session = DB, who: Principal = RECORD) -> Response:
    return _application(request, session, who, [], {})


@router.post("/admissions", response_class=HTMLResponse)
async def apply(request: Request, session: Session = DB, who: Principal = RECORD) -> Response:
    values = await form_values(request)
    try:
        data = AdmissionIn.model_validate(without_blanks(values))
        with session.begin_nested():
            made = service.apply(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        return _application(request, session, who, shown_again(exc), values)
    return RedirectResponse(f"{BASE}/admissions/{made.id}", status_code=303)


def _detail(
    request: Request,
    session: Session,
    who: Principal,
    admission_id: str,
    errors: list[FieldProblem],
    values: dict[str, str],
) -> Response:
    admission = repository.get_owned(session, who, Admission, admission_id)
    exiting = admission.status in ("admitted", "exiting")
    context = {
        "admission": admission,
        "enterprise": repository.org_names(session, {admission.org_id}).get(admission.org_id),
        "criteria": service.admission_criteria(admission),
        "questions": QUESTIONS,
        "history": service.history(session, principal=who, entity_id=admission.id),
        "blockers": service.exit_blockers(session, admission) if exiting else [],
        "waste": service.waste_totals(session, who, Waste.org_id == admission.org_id),
        "can_decide": allows(who, "bonded_repair.review") and is_reviewer(who),
        "can_request_exit": allows(who, "bonded_repair.record") and who.is_enterprise,
        "errors": errors,
        "values": values,
    }
    status = 422 if errors else 200
    return render(request, "bonded_repair/admission.html", context, status=status)


@router.get("/admissions/{admission_id}", response_class=HTMLResponse)
def admission(
    request: Request, admission_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    return _detail(request, session, who, admission_id, [], {})


async def _event(
    request: Request, session: Session, who: Principal, admission_id: str, allowed: tuple[str, ...]
) -> Response:
    values = await form_values(request)
    try:
        if values.get("event") not in allowed:
            raise validation_error("event", "one of " + ", ".join(allowed))
        data = DecisionIn.model_validate(values)
        with session.begin_nested():
            service.decide(session, principal=who, admission_id=admission_id, data=data)
    except (FtzError, ValidationError) as exc:
        return _detail(request, session, who, admission_id, shown_again(exc), values)
    return RedirectResponse(f"{BASE}/admissions/{admission_id}", status_code=303)


@router.post("/admissions/{admission_id}/decision", response_class=HTMLResponse)
async def decide(
    request: Request, admission_id: str, session: Session = DB, who: Principal = REVIEW
) -> Response:
    """Admit or reject (a reason is required to reject), or complete the exit."""
    return await _event(request, session, who, admission_id, OFFICER_EVENTS)


@router.post("/admissions/{admission_id}/exit", response_class=HTMLResponse)
async def request_exit(
    request: Request, admission_id: str, session: Session = DB, who: Principal = RECORD
) -> Response:
    return await _event(request, session, who, admission_id, ("request_exit",))
