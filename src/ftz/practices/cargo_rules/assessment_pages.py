"""p05 pages, assessments of unlisted goods: the list with filters and CSV, an enterprise's
request form (an officer's opening form), and an assessment with the officer's findings, the
three sign-offs and the agreement or refusal."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FtzError, validation_error
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.forms import form_values
from ftz.core.web.templating import render
from ftz.practices.cargo_rules import assessments, reports, repository
from ftz.practices.cargo_rules.page_common import (
    BASE,
    DB,
    MANAGE,
    READ,
    T,
    conditions_from,
    query_string,
    run_form,
    shown_again,
    split_list,
)
from ftz.practices.cargo_rules.schemas import (
    AssessmentRequestIn,
    DecisionIn,
    FindingsIn,
    SignOffIn,
)

router = APIRouter(include_in_schema=False)
TEXT = Query("", max_length=100)
A_STATUS = Query("", pattern="^(requested|assessing|agreed|refused|)$")
REQUEST_FIELDS = (
    "goods_zh",
    "goods_en",
    "description",
    "mode",
    "loading_port",
    "discharge_port",
    "flag_state",
)


def _assessments(
    request: Request,
    session: Session,
    who: Principal,
    filters: dict[str, str],
    params: PageParams,
    form: dict[str, Any],
    status: int = 200,
) -> Response:
    query = repository.assessment_query(who, filters)
    page = repository.page(session, query, params)
    context = {
        "page": page,
        "rows": list(reports.assessment_rows(page.items)),
        "filters": filters,
        "query": query_string(filters),
        "can_request": who.is_enterprise,
        "can_open": repository.is_officer(who),
        "values": {},
        "errors": [],
        **form,
    }
    return render(request, T + "assessments.html", context, status=status)


@router.get("/assessments", response_class=HTMLResponse)
def list_assessments(
    request: Request,
    status: str = A_STATUS,
    mode: str = Query("", pattern="^(bulk|packaged|)$"),
    q: str = TEXT,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    return _assessments(request, session, who, {"status": status, "mode": mode, "q": q}, params, {})


@router.post("/assessments", response_class=HTMLResponse)
async def new_assessment(
    request: Request, session: Session = DB, who: Principal = READ
) -> Response:
    """An enterprise's request, or an officer opening an assessment himself."""
    values = await form_values(request)
    try:
        data = AssessmentRequestIn.model_validate({k: values.get(k, "") for k in REQUEST_FIELDS})
        start = assessments.request if who.is_enterprise else assessments.open_
        with session.begin_nested():
            made = start(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        form = {"values": values, "errors": shown_again(exc)}
        filters = {"status": "", "mode": "", "q": ""}
        return _assessments(request, session, who, filters, PageParams(), form, 422)
    return RedirectResponse(f"{BASE}/assessments/{made.number}", status_code=303)


def _assessment(
    request: Request,
    session: Session,
    who: Principal,
    key: str,
    errors: Any = (),
    values: dict[str, str] | None = None,
) -> Response:
    item = assessments.view(session, who, repository.assessment(session, who, key))
    context = {
        "a": item,
        "errors": list(errors),
        "values": values or {},
        "can_manage": repository.is_officer(who),
    }
    return render(request, T + "assessment.html", context, status=422 if errors else 200)


@router.get("/assessments/{key}", response_class=HTMLResponse)
def one_assessment(
    request: Request, key: str, session: Session = DB, who: Principal = READ
) -> Response:
    return _assessment(request, session, who, key)


def _findings(values: dict[str, str]) -> FindingsIn:
    found = conditions_from(values)
    found.pop("regime")
    found.pop("imsbc_group")
    found["may_liquefy"] = values.get("may_liquefy") == "on"
    found["chemical_hazard"] = values.get("chemical_hazard") == "on"
    found["special_provisions"] = split_list(values.get("special_provisions", ""))
    return FindingsIn.model_validate(found)


@router.post("/assessments/{key}/{step}", response_class=HTMLResponse)
async def assessment_step(
    request: Request, key: str, step: str, session: Session = DB, who: Principal = MANAGE
) -> Response:
    """accept, findings, sign-off, agree or refuse: each form of the assessment page."""

    def action(values: dict[str, str]) -> Any:
        if step == "accept":
            return assessments.accept(session, principal=who, key=key)
        if step == "findings":
            return assessments.record_findings(
                session, principal=who, key=key, data=_findings(values)
            )
        if step == "sign-off":
            signed = SignOffIn.model_validate({k: v for k, v in values.items() if v != ""})
            return assessments.sign(session, principal=who, key=key, data=signed)
        if step in ("agree", "refuse"):
            decide = assessments.agree if step == "agree" else assessments.refuse
            note = DecisionIn.model_validate({"note": values.get("note", "")})
            return decide(session, principal=who, key=key, data=note)
        raise validation_error("step", "accept, findings, sign-off, agree or refuse")

    return await run_form(
        request,
        session,
        f"{BASE}/assessments/{key}",
        action,
        lambda e, v: _assessment(request, session, who, key, e, v),
    )
