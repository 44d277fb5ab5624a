"""p20 pages: the dashboard (metrics from the records beside the seed's figures), pilot
applications (list with search, filters, pages and CSV; the application form with goods one per
line; a pilot's page with the assessment's fired rows, the assessment and revocation forms, its
instructions and history), control instructions (list, issue form, a page with the routing's
rows, the checks and the form the reader's office may use now) and the rule tables."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.forms import form_problems, form_values
from ftz.core.web.list_context import list_context
from ftz.core.web.templating import render
from ftz.core.workflow import mermaid
from ftz.practices.two_stage_inspection import (
    exports,
    forms,
    instructions,
    repository,
    service,
)
from ftz.practices.two_stage_inspection.common import is_officer, rules, settings, table_rows
from ftz.practices.two_stage_inspection.endpoints import instruction_filters, pilot_filters
from ftz.practices.two_stage_inspection.schemas import (
    CREDIT_LEVELS,
    INSTRUCTION_STATUSES,
    PACKINGS,
    STATUSES,
    SUPPLY_CHAINS,
    VIOLATIONS,
)
from ftz.practices.two_stage_inspection.workflow import InstructionFlow, PilotFlow

router = APIRouter(include_in_schema=False)
DB = Depends(get_db, scope="function")
READ = Depends(require("two_stage_inspection.read"))
APPLY = Depends(require("two_stage_inspection.apply"))
ASSESS = Depends(require("two_stage_inspection.assess"))
INSPECT = Depends(require("two_stage_inspection.inspect"))
BASE = "/two-stage-inspection"
PILOT_Q = Query("", pattern="^(applied|admitted|refused|revoked|)$")
INSTRUCTION_Q = Query("", pattern="^(issued|routed|port_inspection|closed|)$")
TEXT_Q = Query("", max_length=100)
Action = Callable[[dict[str, str]], Any]


def _shown_again(exc: FtzError | ValidationError) -> list[FieldProblem]:
    """A record the user may not see (404) or an action not theirs (403) is no form mistake."""
    if isinstance(exc, FtzError) and exc.status in (403, 404):
        raise exc
    return form_problems(exc)


@router.get("", response_class=HTMLResponse)
def overview(request: Request, session: Session = DB, who: Principal = READ) -> Response:
    data = service.dashboard(session, principal=who)
    context = {"data": data, "officer": is_officer(who), "enterprise": who.is_enterprise}
    return render(request, "two_stage_inspection/overview.html", context)


@router.get("/rules", response_class=HTMLResponse)
def rule_tables(request: Request, who: Principal = READ) -> Response:
    tables = {key: table_rows(key) for key in rules().keys}
    flows = {"pilot": mermaid(PilotFlow), "instruction": mermaid(InstructionFlow)}
    return render(request, "two_stage_inspection/rules.html", {"tables": tables, "flows": flows})


# Pilot applications ------------------------------------------------------------------------


@router.get("/pilots", response_class=HTMLResponse)
def pilots(
    request: Request,
    status: str = PILOT_Q,
    q: str = TEXT_Q,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    page = repository.pilot_page(session, who, params, *pilot_filters(status, q))
    names = repository.org_names(session, {p.org_id for p in page.items})
    context = list_context(
        page,
        {"status": status, "q": q},
        names=names,
        statuses=STATUSES,
        can_apply=who.is_enterprise,
    )
    return render(request, "two_stage_inspection/pilots.html", context)


@router.get("/pilots.csv")
def export_pilots(
    status: str = PILOT_Q, q: str = TEXT_Q, session: Session = DB, who: Principal = READ
) -> Response:
    return exports.pilots_csv(session, who, *pilot_filters(status, q))


def _pilot_form(
    request: Request, values: dict[str, str], errors: list[FieldProblem], editing: str | None
) -> Response:
    context = {"values": values, "errors": errors, "editing": editing, "packings": PACKINGS}
    return render(request, "two_stage_inspection/pilot_form.html", context,
                  status=422 if errors else 200)  # fmt: skip


@router.get("/pilots/new", response_class=HTMLResponse)
def new_pilot(request: Request, who: Principal = APPLY) -> Response:
    return _pilot_form(request, {}, [], None)


@router.post("/pilots", response_class=HTMLResponse)
async def create_pilot(request: Request, session: Session = DB, who: Principal = APPLY) -> Response:
    values = await form_values(request)
    try:
        data = forms.pilot(values)
        with session.begin_nested():
            made = service.apply(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        return _pilot_form(request, values, _shown_again(exc), None)
    return RedirectResponse(f"{BASE}/pilots/{made.id}", status_code=303)


@router.get("/pilots/{pilot_id}/edit", response_class=HTMLResponse)
def edit_pilot_form(
    request: Request, pilot_id: str, session: Session = DB, who: Principal = APPLY
) -> Response:
    p = repository.get_pilot(session, who, pilot_id)
    values = {"contact": p.contact, "business_scope": p.business_scope,
              "recommendation_ref": p.recommendation_ref,
              "goods": forms.goods_text(p.goods)}  # fmt: skip
    return _pilot_form(request, values, [], p.id)


@router.post("/pilots/{pilot_id}/edit", response_class=HTMLResponse)
async def edit_pilot(
    request: Request, pilot_id: str, session: Session = DB, who: Principal = APPLY
) -> Response:
    values = await form_values(request)
    try:
        data = forms.pilot(values)
        with session.begin_nested():
            service.edit(session, principal=who, pilot_id=pilot_id, data=data)
    except (FtzError, ValidationError) as exc:
        return _pilot_form(request, values, _shown_again(exc), pilot_id)
    return RedirectResponse(f"{BASE}/pilots/{pilot_id}", status_code=303)


def _pilot_page(
    request: Request, session: Session, who: Principal, pilot_id: str,
    errors: list[FieldProblem] | None = None, form: str = "",
) -> Response:  # fmt: skip
    p = repository.get_pilot(session, who, pilot_id)
    context = {
        "p": p,
        "orgs": repository.org_names(session, {p.org_id}),
        "instructions": repository.instructions_of_pilot(session, p.id),
        "history": service.history(session, principal=who, entity_id=p.id),
        "officer": is_officer(who),
        "enterprise": who.is_enterprise,
        "credit_levels": CREDIT_LEVELS,
        "supply_chains": SUPPLY_CHAINS,
        "violations": VIOLATIONS,
        "errors": errors or [],
        "form": form,
    }
    status = 422 if errors else 200
    return render(request, "two_stage_inspection/pilot.html", context, status=status)


@router.get("/pilots/{pilot_id}", response_class=HTMLResponse)
def pilot(
    request: Request, pilot_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    return _pilot_page(request, session, who, pilot_id)


async def _act(
    request: Request, session: Session, who: Principal, show: Callable[..., Response],
    record_id: str, form: str, action: Action, target: str,
) -> Response:  # fmt: skip
    values = await form_values(request)
    try:
        with session.begin_nested():
            action(values)
    except (FtzError, ValidationError) as exc:
        return show(request, session, who, record_id, _shown_again(exc), form)
    return RedirectResponse(target, status_code=303)


@router.post("/pilots/{pilot_id}/assessment", response_class=HTMLResponse)
async def assess(
    request: Request, pilot_id: str, session: Session = DB, who: Principal = ASSESS
) -> Response:
    def act(values: dict[str, str]) -> Any:
        data = forms.assessment(values)
        return service.assess(session, principal=who, pilot_id=pilot_id, data=data)

    return await _act(request, session, who, _pilot_page, pilot_id, "assessment", act,
                      f"{BASE}/pilots/{pilot_id}")  # fmt: skip


@router.post("/pilots/{pilot_id}/revocation", response_class=HTMLResponse)
async def revoke(
    request: Request, pilot_id: str, session: Session = DB, who: Principal = ASSESS
) -> Response:
    def act(values: dict[str, str]) -> Any:
        data = forms.violation(values)
        return service.revoke(session, principal=who, pilot_id=pilot_id, data=data)

    return await _act(request, session, who, _pilot_page, pilot_id, "revocation", act,
                      f"{BASE}/pilots/{pilot_id}")  # fmt: skip


# Control instructions ----------------------------------------------------------------------


@router.get("/instructions", response_class=HTMLResponse)
def instruction_list(
    request: Request,
    status: str = INSTRUCTION_Q,
    q: str = TEXT_Q,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    page = repository.instruction_page(session, who, params, *instruction_filters(status, q))
    names = repository.org_names(session, {i.org_id for i in page.items})
    context = list_context(
        page,
        {"status": status, "q": q},
        names=names,
        statuses=INSTRUCTION_STATUSES,
        can_issue=is_officer(who),
    )
    return render(request, "two_stage_inspection/instructions.html", context)


@router.get("/instructions.csv")
def export_instructions(
    status: str = INSTRUCTION_Q, q: str = TEXT_Q, session: Session = DB, who: Principal = READ
) -> Response:
    return exports.instructions_csv(session, who, *instruction_filters(status, q))


def _instruction_form(
    request: Request, values: dict[str, str], errors: list[FieldProblem]
) -> Response:
    context = {"values": values, "errors": errors, "offices": settings()["offices"]}
    return render(request, "two_stage_inspection/instruction_form.html", context,
                  status=422 if errors else 200)  # fmt: skip


@router.get("/instructions/new", response_class=HTMLResponse)
def new_instruction(request: Request, who: Principal = INSPECT) -> Response:
    return _instruction_form(request, {"unit": "台"}, [])


@router.post("/instructions", response_class=HTMLResponse)
async def issue(request: Request, session: Session = DB, who: Principal = INSPECT) -> Response:
    values = await form_values(request)
    try:
        data = forms.instruction(values)
        with session.begin_nested():
            made = instructions.issue(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        return _instruction_form(request, values, _shown_again(exc))
    return RedirectResponse(f"{BASE}/instructions/{made.id}", status_code=303)


def _instruction_page(
    request: Request, session: Session, who: Principal, instruction_id: str,
    errors: list[FieldProblem] | None = None, form: str = "",
) -> Response:  # fmt: skip
    i = repository.get_instruction(session, who, instruction_id)
    orgs = repository.org_names(session, {i.org_id, i.port_office_org_id,
                                          i.destination_office_org_id})  # fmt: skip
    context = {
        "i": i,
        "orgs": orgs,
        "checks": repository.checks(session, i.id),
        "history": service.history(session, principal=who, entity_id=i.id),
        "port_office": is_officer(who) and (who.is_admin or who.org_id == i.port_office_org_id),
        "destination_office": is_officer(who)
        and (who.is_admin or who.org_id == i.destination_office_org_id),
        "check_items": forms.CHECK_ITEMS,
        "errors": errors or [],
        "form": form,
    }
    status = 422 if errors else 200
    return render(request, "two_stage_inspection/instruction.html", context, status=status)


@router.get("/instructions/{instruction_id}", response_class=HTMLResponse)
def instruction(
    request: Request, instruction_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    return _instruction_page(request, session, who, instruction_id)


def _step(name: str, read: Callable[[dict[str, str]], Any], run: Callable[..., Any]) -> Any:
    async def step(
        request: Request, instruction_id: str, session: Session = DB, who: Principal = INSPECT
    ) -> Response:
        def act(values: dict[str, str]) -> Any:
            return run(session, principal=who, instruction_id=instruction_id, data=read(values))

        return await _act(request, session, who, _instruction_page, instruction_id, name, act,
                          f"{BASE}/instructions/{instruction_id}")  # fmt: skip

    step.__name__ = name.replace("-", "_")
    return step


router.post("/instructions/{instruction_id}/external-check", response_class=HTMLResponse)(
    _step("external-check", forms.external_check, instructions.external_check)
)
router.post("/instructions/{instruction_id}/destination-check", response_class=HTMLResponse)(
    _step("destination-check", forms.result, instructions.destination_check)
)
router.post("/instructions/{instruction_id}/port-inspection", response_class=HTMLResponse)(
    _step("port-inspection", forms.result, instructions.port_inspection)
)
