"""p12 web pages (Jinja2 + HTMX) over the same service as the API."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.models import Organization, OrgKind
from ftz.core.auth.permissions import allows
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.forms import form_problems
from ftz.core.web.templating import render
from ftz.core.workflow import allowed_events, mermaid
from ftz.practices.exam_certificates import service
from ftz.practices.exam_certificates.catalog import EXAM_DEPARTMENT, catalog
from ftz.practices.exam_certificates.forms import (
    application_from_form,
    scores_from_form,
    update_from_form,
)
from ftz.practices.exam_certificates.workflow import ApplicationFlow, RequestFlow

router = APIRouter(include_in_schema=False)
T = TypeVar("T")
BASE = "/exam-certificates"


def _attempt(session: Session, action: Callable[[], T]) -> tuple[T | None, list[FieldProblem]]:
    """Run a service call in a savepoint: on bad input nothing it did is kept."""
    try:
        with session.begin_nested():
            return action(), []
    except (FtzError, ValidationError) as exc:
        return None, form_problems(exc)


def _employers(session: Session, principal: Principal) -> list[Organization]:
    if principal.is_enterprise:
        return []
    query = select(Organization).where(Organization.kind == OrgKind.ENTERPRISE.value)
    return list(session.scalars(query.order_by(Organization.code)))


@router.get("", response_class=HTMLResponse)
def overview(
    request: Request, _: Principal = Depends(require("exam_certificates.catalog"))
) -> Response:
    return render(
        request,
        "exam_certificates/overview.html",
        {
            "cat": catalog(),
            "rules": service.rules(),
            "diagrams": {"application": mermaid(ApplicationFlow), "request": mermaid(RequestFlow)},
        },
    )


@router.get("/applications", response_class=HTMLResponse)
def applications(
    request: Request,
    status: str = Query("", max_length=32),
    trade: str = Query("", max_length=32),
    q: str = Query("", max_length=100),
    params: PageParams = Depends(page_params),
    session: Session = Depends(get_db, scope="function"),
    principal: Principal = Depends(require("exam_certificates.read")),
) -> Response:
    page = service.list_applications(
        session,
        principal=principal,
        params=params,
        status=status or None,
        trade=trade or None,
        text=q or None,
    )
    return render(
        request,
        "exam_certificates/list.html",
        {
            "page": page,
            "cat": catalog(),
            "status": status,
            "trade": trade,
            "q": q,
            "can_apply": allows(principal, "exam_certificates.apply"),
        },
    )


def _new_form(
    request: Request,
    session: Session,
    principal: Principal,
    values: dict[str, Any],
    errors: list[FieldProblem],
    status: int = 200,
) -> Response:
    return render(
        request,
        "exam_certificates/new.html",
        {
            "cat": catalog(),
            "values": values,
            "errors": errors,
            "employers": _employers(session, principal),
        },
        status=status,
    )


@router.get("/applications/new", response_class=HTMLResponse)
def new_application(
    request: Request,
    session: Session = Depends(get_db, scope="function"),
    principal: Principal = Depends(require("exam_certificates.apply")),
) -> Response:
    return _new_form(request, session, principal, {"trade": "electrician"}, [])


@router.get("/applications/new/certificates", response_class=HTMLResponse)
def certificate_choices(
    request: Request,
    trade: str = Query("electrician", max_length=32),
    _: Principal = Depends(require("exam_certificates.apply")),
) -> Response:
    """HTMX fragment: the certificates of one trade, one per department."""
    return render(
        request, "exam_certificates/_choices.html", {"cat": catalog(), "values": {"trade": trade}}
    )


@router.post("/applications/new", response_class=HTMLResponse)
async def create_application(
    request: Request,
    session: Session = Depends(get_db, scope="function"),
    principal: Principal = Depends(require("exam_certificates.apply")),
) -> Response:
    form = await request.form()
    values = {k: form.getlist(k) if k in ("certificates",) else form.get(k) for k in form}
    application, errors = _attempt(
        session,
        lambda: service.register_application(
            session, principal=principal, data=application_from_form(form)
        ),
    )
    if application is None:
        return _new_form(request, session, principal, values, errors, status=422)
    return RedirectResponse(f"{BASE}/applications/{application.id}", status_code=303)


@router.get("/applications/{application_id}", response_class=HTMLResponse)
def application_detail(
    request: Request,
    application_id: str,
    session: Session = Depends(get_db, scope="function"),
    principal: Principal = Depends(require("exam_certificates.read")),
    errors: list[FieldProblem] | None = None,
    status: int = 200,
) -> Response:
    application = service.get_application(
        session, principal=principal, application_id=application_id
    )
    events = set(allowed_events(ApplicationFlow, application, principal))
    can_score = (
        "record_scores" in events
        and any(r.status == "eligible" for r in application.requests)
        and (principal.is_admin or principal.department == EXAM_DEPARTMENT)
    )
    decidable = {
        r.id
        for r in application.requests
        if application.status == "examined"
        and set(allowed_events(RequestFlow, r, principal)) & {"issue", "refuse"}
        and (principal.is_admin or principal.department == r.department)
    }
    history = service.history(session, principal=principal, application_id=application_id)
    return render(
        request,
        "exam_certificates/detail.html",
        {
            "app": application,
            "cat": catalog(),
            "can_score": can_score,
            "decidable": decidable,
            "can_edit": application.status == "checked" and "check" in events,
            "can_withdraw": "withdraw" in events,
            "history": history,
            "errors": errors or [],
            "today": date.today().isoformat(),
        },
        status=status,
    )


@router.post("/applications/{application_id}/scores", response_class=HTMLResponse)
async def post_scores(
    request: Request,
    application_id: str,
    session: Session = Depends(get_db, scope="function"),
    principal: Principal = Depends(require("exam_certificates.score")),
) -> Response:
    form = await request.form()
    done, errors = _attempt(
        session,
        lambda: service.record_scores(
            session, principal=principal, application_id=application_id, data=scores_from_form(form)
        ),
    )
    if done is None:
        return application_detail(request, application_id, session, principal, errors, 422)
    return RedirectResponse(f"{BASE}/applications/{application_id}", status_code=303)


@router.get("/applications/{application_id}/edit", response_class=HTMLResponse)
def edit_application(
    request: Request,
    application_id: str,
    session: Session = Depends(get_db, scope="function"),
    principal: Principal = Depends(require("exam_certificates.apply")),
) -> Response:
    application = service.get_application(
        session, principal=principal, application_id=application_id
    )
    return render(
        request, "exam_certificates/edit.html", {"app": application, "cat": catalog(), "errors": []}
    )


@router.post("/applications/{application_id}/edit", response_class=HTMLResponse)
async def post_edit(
    request: Request,
    application_id: str,
    session: Session = Depends(get_db, scope="function"),
    principal: Principal = Depends(require("exam_certificates.apply")),
) -> Response:
    form = await request.form()
    done, errors = _attempt(
        session,
        lambda: service.update_application(
            session, principal=principal, application_id=application_id, data=update_from_form(form)
        ),
    )
    if done is None:
        application = service.get_application(
            session, principal=principal, application_id=application_id
        )
        return render(
            request,
            "exam_certificates/edit.html",
            {"app": application, "cat": catalog(), "errors": errors},
            status=422,
        )
    return RedirectResponse(f"{BASE}/applications/{application_id}", status_code=303)


@router.post("/applications/{application_id}/withdraw")
def post_withdraw(
    application_id: str,
    session: Session = Depends(get_db, scope="function"),
    principal: Principal = Depends(require("exam_certificates.apply")),
) -> Response:
    service.withdraw_application(session, principal=principal, application_id=application_id)
    return RedirectResponse(f"{BASE}/applications/{application_id}", status_code=303)


@router.post("/requests/{request_id}/decision")
async def post_decision(
    request: Request,
    request_id: str,
    session: Session = Depends(get_db, scope="function"),
    principal: Principal = Depends(require("exam_certificates.review")),
) -> Response:
    form = await request.form()
    note = str(form.get("note") or "")[:500]
    decided = service.decide_request(session, principal=principal, request_id=request_id, note=note)
    return RedirectResponse(f"{BASE}/applications/{decided.application_id}", status_code=303)


@router.get("/reviews", response_class=HTMLResponse)
def reviews(
    request: Request,
    session: Session = Depends(get_db, scope="function"),
    principal: Principal = Depends(require("exam_certificates.review")),
) -> Response:
    queue = service.review_queue(session, principal=principal)
    return render(request, "exam_certificates/reviews.html", {"queue": queue, "cat": catalog()})


@router.post("/reviews/decide-all")
def post_decide_all(
    session: Session = Depends(get_db, scope="function"),
    principal: Principal = Depends(require("exam_certificates.review")),
) -> Response:
    service.review_pending(session, principal=principal)
    return RedirectResponse(f"{BASE}/reviews", status_code=303)


@router.get("/lookup", response_class=HTMLResponse)
def lookup_form(
    request: Request, _: Principal = Depends(require("exam_certificates.catalog"))
) -> Response:
    return render(request, "exam_certificates/lookup.html", {"cat": catalog(), "errors": []})


@router.post("/lookup", response_class=HTMLResponse)
async def lookup(
    request: Request,
    session: Session = Depends(get_db, scope="function"),
    _: Principal = Depends(require("exam_certificates.catalog")),
) -> Response:
    form = await request.form()
    id_number, application_id = (
        str(form.get("id_number") or ""),
        str(form.get("application_id") or ""),
    )
    found, errors = _attempt(
        session,
        lambda: service.candidate_lookup(
            session, id_number=id_number, application_id=application_id
        ),
    )
    return render(
        request,
        "exam_certificates/lookup.html",
        {"cat": catalog(), "errors": errors, "app": found, "application_id": application_id},
        status=422 if errors else 200,
    )


@router.get("/statistics", response_class=HTMLResponse)
def statistics(
    request: Request,
    session: Session = Depends(get_db, scope="function"),
    principal: Principal = Depends(require("exam_certificates.stats")),
) -> Response:
    return render(
        request,
        "exam_certificates/statistics.html",
        {"stats": service.statistics(session, principal=principal), "cat": catalog()},
    )
