"""p28 application pages: the list (filters, overdue flag, pagination, CSV), the enterprise's
application form, and one file's page through the three steps: documents hashed in the browser,
submission, the laboratory's acceptance and test results, the conclusion, the partner body's
certificate or refusal; with the SLA, the rules that fired and the history."""

from __future__ import annotations

from datetime import date
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
from ftz.practices.certification_one_stop import (
    applications,
    exports,
    reference,
    repository,
    sla,
    testing,
)
from ftz.practices.certification_one_stop.models import ExportApplication
from ftz.practices.certification_one_stop.page_common import (
    APPLY,
    BASE,
    CERTIFY,
    DB,
    READ,
    query_string,
    shown_again,
    without_blanks,
)
from ftz.practices.certification_one_stop.schemas import (
    ApplicationIn,
    ConcludeIn,
    DocumentIn,
    EventIn,
    TestIn,
)

router = APIRouter(include_in_schema=False)
STATUSES = ("draft", "submitted", "testing", "tested", "failed", "issued", "refused", "withdrawn")
STATUS_Q = Query("", pattern="^(draft|submitted|testing|tested|failed|issued|refused|withdrawn|)$")
SCHEME_Q = Query("", max_length=16)


def _filters(status: str, scheme: str, q: str, overdue: str) -> tuple[dict[str, str], list[Any]]:
    wanted = {"status": status, "scheme": scheme, "q": q, "overdue": overdue}
    found = repository.application_filters(
        status=status, scheme=scheme, q=q, overdue_on=date.today() if overdue else None
    )
    return wanted, found


@router.get("/applications", response_class=HTMLResponse)
def application_list(
    request: Request,
    status: str = STATUS_Q,
    scheme: str = SCHEME_Q,
    q: str = Query("", max_length=100),
    overdue: str = Query("", pattern="^(1|)$"),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    wanted, filters = _filters(status, scheme, q, overdue)
    page = repository.applications(session, who, params, *filters)
    today = date.today()
    context = {
        "page": page,
        "sla": {a.id: sla.status(a, today) for a in page.items},
        "names": repository.org_names(session, {a.org_id for a in page.items}),
        "filters": wanted,
        "query": query_string(wanted),
        "statuses": STATUSES,
        "schemes": reference.schemes(),
        "can_apply": allows(who, "certification_one_stop.apply") and who.is_enterprise,
    }
    return render(request, "certification_one_stop/applications.html", context)


@router.get("/applications.csv")
def application_csv(
    status: str = STATUS_Q,
    scheme: str = SCHEME_Q,
    q: str = Query("", max_length=100),
    overdue: str = Query("", pattern="^(1|)$"),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    _, filters = _filters(status, scheme, q, overdue)
    return exports.applications_csv(session, who, *filters)


def _form(request: Request, errors: list[FieldProblem], values: dict[str, str]) -> Response:
    context = {
        "schemes": reference.schemes(),
        "paths": reference.paths(),
        "errors": errors,
        "values": values,
    }
    return render(
        request, "certification_one_stop/apply.html", context, status=422 if errors else 200
    )


@router.get("/applications/new", response_class=HTMLResponse)
def application_form(
    request: Request,
    scheme: str = SCHEME_Q,
    hs_code: str = Query("", max_length=14),
    who: Principal = APPLY,
) -> Response:
    return _form(request, [], {"scheme": scheme, "hs_code": hs_code})


@router.post("/applications", response_class=HTMLResponse)
async def create(request: Request, session: Session = DB, who: Principal = APPLY) -> Response:
    values = await form_values(request)
    try:
        data = ApplicationIn.model_validate(without_blanks(values))
        with session.begin_nested():
            made = applications.create(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        return _form(request, shown_again(exc), values)
    return RedirectResponse(f"{BASE}/applications/{made.id}", status_code=303)


def _detail(
    request: Request,
    session: Session,
    who: Principal,
    application_id: str,
    errors: list[FieldProblem],
    values: dict[str, str],
) -> Response:
    application = repository.get_owned(session, who, ExportApplication, application_id)
    extra = testing.detail(session, application)
    ids = [application.id] + [d.id for d in extra["documents"]] + [t.id for t in extra["tests"]]
    roles = applications.can_certify(who)
    context = {
        "a": application,
        "scheme": reference.scheme(application.scheme),
        "paths": reference.paths(),
        "enterprise": repository.org_by_id(session, application.org_id),
        "lab": repository.org_by_id(session, application.lab_org_id),
        **extra,
        "recorded": {t.test_code: t for t in extra["tests"]},
        "history": testing.history(session, principal=who, entity_ids=ids),
        "is_owner": who.is_enterprise and who.org_id == application.org_id,
        "is_lab": roles["lab"] and allows(who, "certification_one_stop.certify"),
        "is_partner": roles["partner"] and allows(who, "certification_one_stop.certify"),
        "errors": errors,
        "values": values,
    }
    return render(
        request, "certification_one_stop/application.html", context, status=422 if errors else 200
    )


@router.get("/applications/{application_id}", response_class=HTMLResponse)
def application_page(
    request: Request, application_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    return _detail(request, session, who, application_id, [], {})


async def _act(
    request: Request, session: Session, who: Principal, application_id: str, action: Any
) -> Response:
    """Run one form's action in a savepoint; on bad input show the file again (422)."""
    values = await form_values(request)
    try:
        with session.begin_nested():
            action(values)
    except (FtzError, ValidationError) as exc:
        return _detail(request, session, who, application_id, shown_again(exc), values)
    return RedirectResponse(f"{BASE}/applications/{application_id}", status_code=303)


@router.post("/applications/{application_id}/edit", response_class=HTMLResponse)
async def edit(
    request: Request, application_id: str, session: Session = DB, who: Principal = APPLY
) -> Response:
    def action(values: dict[str, str]) -> None:
        data = ApplicationIn.model_validate(without_blanks(values))
        applications.update(session, principal=who, application_id=application_id, data=data)

    return await _act(request, session, who, application_id, action)


@router.post("/applications/{application_id}/documents", response_class=HTMLResponse)
async def attach(
    request: Request, application_id: str, session: Session = DB, who: Principal = APPLY
) -> Response:
    def action(values: dict[str, str]) -> None:
        data = DocumentIn.model_validate(without_blanks(values))
        applications.attach(session, principal=who, application_id=application_id, data=data)

    return await _act(request, session, who, application_id, action)


@router.post("/applications/{application_id}/event", response_class=HTMLResponse)
async def application_event(
    request: Request, application_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    """submit / withdraw (the enterprise), accept (the lab), issue / refuse (the partner)."""

    def action(values: dict[str, str]) -> None:
        data = EventIn.model_validate(values)
        applications.event(session, principal=who, application_id=application_id, data=data)

    return await _act(request, session, who, application_id, action)


@router.post("/applications/{application_id}/tests", response_class=HTMLResponse)
async def record_test(
    request: Request, application_id: str, session: Session = DB, who: Principal = CERTIFY
) -> Response:
    def action(values: dict[str, str]) -> None:
        if values.get("passed") not in ("yes", "no"):
            raise validation_error("passed", "say whether the test passed")
        fields = without_blanks({k: v for k, v in values.items() if k != "passed"})
        data = TestIn.model_validate({**fields, "passed": values["passed"] == "yes"})
        testing.record(session, principal=who, application_id=application_id, data=data)

    return await _act(request, session, who, application_id, action)


@router.post("/applications/{application_id}/conclude", response_class=HTMLResponse)
async def conclude(
    request: Request, application_id: str, session: Session = DB, who: Principal = CERTIFY
) -> Response:
    def action(values: dict[str, str]) -> None:
        data = ConcludeIn.model_validate(values)
        testing.conclude(session, principal=who, application_id=application_id, note=data.note)

    return await _act(request, session, who, application_id, action)
