"""p01 pages after the export: the batches recorded, the audit with its findings, and the
pre-assessment before a filing."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FtzError
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.forms import form_problems, form_values
from ftz.core.web.templating import render
from ftz.practices.data_export import evidence, preassessment, repository
from ftz.practices.data_export.catalogs import load_preassessment
from ftz.practices.data_export.schemas import PreAssessmentIn

router = APIRouter(include_in_schema=False)
DB = Depends(get_db, scope="function")
BASE = "/data-export"


@router.get("/batches", response_class=HTMLResponse)
def batches(
    request: Request,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    principal: Principal = Depends(require("data_export.read")),
) -> Response:
    page = repository.list_batches(session, principal, params)
    return render(request, "data_export/batches.html", {"page": page})


@router.get("/audit", response_class=HTMLResponse)
def audit_page(
    request: Request,
    run_id: str = Query("", max_length=26),
    session: Session = DB,
    principal: Principal = Depends(require("data_export.audit")),
) -> Response:
    context = {
        "findings": repository.findings(session, principal, run_id or None),
        "errors": [],
        "run_id": run_id,
    }
    return render(request, "data_export/audit.html", context)


@router.post("/audit", response_class=HTMLResponse)
async def audit_run(
    request: Request,
    session: Session = DB,
    principal: Principal = Depends(require("data_export.audit")),
) -> Response:
    values = await form_values(request)
    try:
        year = int(values.get("year", ""))
        org = (
            accounts.get_org_by_code(session, values.get("org", "").strip())
            if not principal.is_enterprise
            else None
        )
        org_id = principal.org_id if principal.is_enterprise else (org.id if org else None)
        if org_id is None:
            raise FtzError(detail="no such organization code", status=422)
        with session.begin_nested():
            run, _, _ = evidence.run_audit(
                session, principal=principal, org_id=org_id, year=year,
                settings=request.app.state.settings,
            )  # fmt: skip
    except (FtzError, ValueError) as exc:
        problems = form_problems(exc) if isinstance(exc, FtzError) else []
        if isinstance(exc, ValueError):
            problems = form_problems(FtzError(detail="year: a year such as 2026", status=422))
        context = {"findings": [], "errors": problems, "run_id": ""}
        return render(request, "data_export/audit.html", context, status=422)
    return RedirectResponse(f"{BASE}/audit?run_id={run.id}", status_code=303)


@router.get("/preassessment", response_class=HTMLResponse)
def preassessment_form(
    request: Request, _: Principal = Depends(require("data_export.file"))
) -> Response:
    context = {"indicators": load_preassessment(), "errors": [], "record": None, "answers": {}}
    return render(request, "data_export/preassessment.html", context)


@router.post("/preassessment", response_class=HTMLResponse)
async def preassessment_submit(
    request: Request,
    session: Session = DB,
    principal: Principal = Depends(require("data_export.file")),
) -> Response:
    values = await form_values(request)
    answers = {key.removeprefix("met_"): True for key in values if key.startswith("met_")}
    context: dict[str, Any] = {"indicators": load_preassessment(), "answers": answers}
    try:
        data = PreAssessmentIn(title=values.get("title", ""), answers=answers)
        with session.begin_nested():
            record = preassessment.preassess(session, principal=principal, data=data)
    except (FtzError, ValidationError) as exc:
        context.update(errors=form_problems(exc), record=None)
        return render(request, "data_export/preassessment.html", context, status=422)
    context.update(errors=[], record=record)
    return render(request, "data_export/preassessment.html", context, status=201)
