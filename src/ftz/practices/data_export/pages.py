"""p01 pages: the officers' dashboard, the guided export-path form, filings (new, edit, detail with
versions and review); batches, audit and pre-assessment are in evidence_pages, catalogs in
catalog_routes."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.permissions import allows
from ftz.core.auth.principal import Principal
from ftz.core.db import utcnow
from ftz.core.kit.errors import FtzError
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.forms import form_problems, form_values
from ftz.core.web.templating import render
from ftz.core.workflow import allowed_events
from ftz.practices.data_export import catalog_routes, evidence_pages, forms, repository, service
from ftz.practices.data_export.decision import assess, extension_window
from ftz.practices.data_export.schemas import FilingIn
from ftz.practices.data_export.workdays import CalendarGapError
from ftz.practices.data_export.workflow import FilingFlow

router = APIRouter(include_in_schema=False)
router.include_router(catalog_routes.pages)
router.include_router(evidence_pages.router)
DB = Depends(get_db, scope="function")
BASE = "/data-export"
STATUSES = ("draft", "submitted", "approved", "rejected", "superseded", "expired", "withdrawn")


@router.get("", response_class=HTMLResponse)
def overview(
    request: Request,
    session: Session = DB,
    principal: Principal = Depends(require("data_export.read")),
) -> Response:
    return render(
        request, "data_export/overview.html", {"board": repository.dashboard(session, principal)}
    )


@router.get("/assess", response_class=HTMLResponse)
def assess_form(
    request: Request, _: Principal = Depends(require("data_export.assess"))
) -> Response:
    return render(request, "data_export/assess.html", {"errors": [], "values": {}, "result": None})


@router.post("/assess", response_class=HTMLResponse)
async def assess_submit(
    request: Request, _: Principal = Depends(require("data_export.assess"))
) -> Response:
    values = await form_values(request)
    try:
        result = assess(forms.scenario_body(values)).to_dict()
    except (FtzError, ValidationError) as exc:
        context = {"errors": form_problems(exc), "values": values, "result": None}
        return render(request, "data_export/assess.html", context, status=422)
    return render(
        request, "data_export/assess.html", {"errors": [], "values": values, "result": result}
    )


@router.get("/filings", response_class=HTMLResponse)
def filings(
    request: Request,
    status: str = Query("", max_length=24),
    q: str = Query("", max_length=100),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    principal: Principal = Depends(require("data_export.read")),
) -> Response:
    page = service.list_filings(
        session, principal=principal, params=params, status=status or None, text=q or None
    )
    context = {
        "page": page,
        "status": status,
        "q": q,
        "statuses": STATUSES,
        "can_file": allows(principal, "data_export.file"),
    }
    return render(request, "data_export/filings.html", context)


def _filing_form(
    request: Request, values: dict[str, Any], errors: list[Any], action: str, status: int = 200
) -> Response:
    context = {"values": values, "errors": errors, "action": action}
    return render(request, "data_export/filing_form.html", context, status=status)


@router.get("/filings/new", response_class=HTMLResponse)
def new_filing(request: Request, _: Principal = Depends(require("data_export.file"))) -> Response:
    return _filing_form(
        request, {"purpose": "other", "on_negative_list": ""}, [], f"{BASE}/filings/new"
    )


async def _save(
    request: Request, session: Session, principal: Principal, filing_id: str | None
) -> Response:
    values = await form_values(request)
    action = f"{BASE}/filings/{filing_id}/edit" if filing_id else f"{BASE}/filings/new"
    try:
        data = FilingIn.model_validate(forms.filing_body(values))
        with session.begin_nested():
            if filing_id is None:
                filing = service.create_filing(session, principal=principal, data=data)
            else:
                filing = service.update_filing(
                    session, principal=principal, filing_id=filing_id, data=data
                )
    except (FtzError, ValidationError) as exc:
        if isinstance(exc, FtzError) and exc.status == 404:
            raise
        return _filing_form(request, values, form_problems(exc), action, status=422)
    return RedirectResponse(f"{BASE}/filings/{filing.id}", status_code=303)


@router.post("/filings/new", response_class=HTMLResponse)
async def create_filing(
    request: Request,
    session: Session = DB,
    principal: Principal = Depends(require("data_export.file")),
) -> Response:
    return await _save(request, session, principal, None)


@router.get("/filings/{filing_id}/edit", response_class=HTMLResponse)
def edit_filing(
    request: Request,
    filing_id: str,
    session: Session = DB,
    principal: Principal = Depends(require("data_export.file")),
) -> Response:
    filing = service.get_filing(session, principal=principal, filing_id=filing_id)
    values: dict[str, Any] = {
        name: getattr(filing, name)
        for name in service.DECLARED
        if name not in ("inventory", "documents")
    }
    values["inventory"] = forms.inventory_text(filing.inventory)
    values["on_negative_list"] = {True: "yes", False: "no"}.get(filing.on_negative_list, "")  # type: ignore[arg-type]
    if filing.documents:
        document = filing.documents[0]
        values.update(
            document_kind=document["kind"],
            document_title=document["title"],
            document_sha256=document["sha256"],
        )
    return _filing_form(request, values, [], f"{BASE}/filings/{filing_id}/edit")


@router.post("/filings/{filing_id}/edit", response_class=HTMLResponse)
async def save_filing(
    request: Request,
    filing_id: str,
    session: Session = DB,
    principal: Principal = Depends(require("data_export.file")),
) -> Response:
    return await _save(request, session, principal, filing_id)


def _renewal(filing: Any) -> dict[str, Any] | None:
    """When the extension may be applied for (60 working days before expiry), if it can be
    counted: the working-day calendar covers only the years whose holidays are published."""
    if filing.mechanism != "security_assessment" or filing.approved_on is None:
        return None
    try:
        first, last = extension_window(filing.approved_on)
    except CalendarGapError as exc:
        return {"first": None, "last": None, "note": exc.detail}
    return {"first": first, "last": last, "open": first <= utcnow().date() <= last, "note": ""}


def _detail(
    request: Request, session: Session, principal: Principal, filing_id: str, errors: list[Any]
) -> Response:
    filing = service.get_filing(session, principal=principal, filing_id=filing_id)
    context = {
        "filing": filing,
        "versions": repository.versions(session, principal, filing.number),
        "events": allowed_events(FilingFlow, filing, principal),
        "can_review": allows(principal, "data_export.review"),
        "can_file": allows(principal, "data_export.file"),
        "batches": repository.list_batches(
            session, principal, PageParams(page=1, size=20), filing_id=filing.id
        ),
        "errors": errors,
        "renewal": _renewal(filing),
    }
    return render(request, "data_export/filing.html", context, status=422 if errors else 200)


@router.get("/filings/{filing_id}", response_class=HTMLResponse)
def filing_detail(
    request: Request,
    filing_id: str,
    session: Session = DB,
    principal: Principal = Depends(require("data_export.read")),
) -> Response:
    return _detail(request, session, principal, filing_id, [])


@router.post("/filings/{filing_id}/action", response_class=HTMLResponse)
async def filing_action(
    request: Request,
    filing_id: str,
    session: Session = DB,
    principal: Principal = Depends(require("data_export.read")),
) -> Response:
    values = await form_values(request)
    action = values.get("action", "")
    note = values.get("note", "")
    try:
        with session.begin_nested():
            target = _act(session, principal, filing_id, action, note)
    except FtzError as exc:
        if exc.status == 404:
            raise
        return _detail(request, session, principal, filing_id, form_problems(exc))
    return RedirectResponse(f"{BASE}/filings/{target}", status_code=303)


def _act(session: Session, principal: Principal, filing_id: str, action: str, note: str) -> str:
    """Run one action from the detail page; returns the filing to show next."""
    enterprise = allows(principal, "data_export.file")
    if action == "submit" and enterprise:
        service.submit(session, principal=principal, filing_id=filing_id)
    elif action == "withdraw" and enterprise:
        service.withdraw(session, principal=principal, filing_id=filing_id)
    elif action == "revise" and enterprise:
        return service.revise(session, principal=principal, filing_id=filing_id).id
    elif action in ("approve", "return_for_changes", "reject") and allows(
        principal, "data_export.review"
    ):
        service.review(
            session, principal=principal, filing_id=filing_id, decision=action, note=note
        )
    else:
        raise FtzError(detail=f"you may not {action or 'do that'} here", status=403)
    return filing_id
