"""p23 project pages: the list (search, filters, pagination, CSV) with the sponsor park's
registration form; a project's page with its parties, stage dates and the form to advance it,
the edit form, the quarterly indicators with the receiving park's report form, where the
project is counted (region by region, the rule row for each indicator), the tax sharing under
its arrangement, and its history."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.forms import form_values
from ftz.core.web.templating import render
from ftz.core.workflow import allowed_events
from ftz.practices.industry_transfer import exports, repository, service, statistics
from ftz.practices.industry_transfer.access import acts_for, scope_of, visible_project
from ftz.practices.industry_transfer.models import CooperationAgreement
from ftz.practices.industry_transfer.page_common import (
    BASE,
    DB,
    READ,
    REGISTER,
    REPORT,
    query_string,
    shown_again,
    without_blanks,
)
from ftz.practices.industry_transfer.reference import STAGES, current_period, industries
from ftz.practices.industry_transfer.schemas import ProjectIn, ProjectUpdate, ReportIn, StageIn
from ftz.practices.industry_transfer.workflow import ProjectFlow

router = APIRouter(include_in_schema=False)
STAGE_Q = Query("", pattern="^(" + "|".join(STAGES) + "|)$")
GROUP_Q = Query("", pattern="^(signed|)$")
ID_Q = Query("", max_length=26)
SECTIONS = sorted({i.section for i in industries().values()})
EDITABLE = ("name", "enterprise", "enterprise_uscc", "industry_code", "arrangement_id",
            "planned_investment", "actual_investment", "description")  # fmt: skip


def _filters(
    q: str, stage: str, group: str, park: str, receiving: str, section: str
) -> dict[str, str]:
    return {"q": q, "stage": stage, "group": group, "park": park, "receiving": receiving,
            "section": section}  # fmt: skip


def _registrable(session: Session, who: Principal) -> list[CooperationAgreement]:
    """The agreements in force under which this officer's park is the sponsor."""
    scope = scope_of(session, who)
    found = repository.agreements(session, scope, CooperationAgreement.status == "in_force")
    return [a for a in found if acts_for(who, scope, a.sponsor_park_id)]


def _list(
    request: Request,
    session: Session,
    who: Principal,
    wanted: dict[str, str],
    params: PageParams,
    errors: list[FieldProblem],
    values: dict[str, str],
) -> Response:
    scope = scope_of(session, who)
    stages = statistics.signed_stages() if wanted["group"] == "signed" else ()
    filters = repository.project_filters(
        q=wanted["q"],
        stage=wanted["stage"],
        park_id=wanted["park"],
        receiving_park_id=wanted["receiving"],
        section=wanted["section"],
        stages=stages,
    )
    agreements = _registrable(session, who)
    context = {
        "page": repository.project_page(session, scope, params, *filters),
        "filters": wanted, "query": query_string(wanted), "stages": STAGES,
        "sections": SECTIONS, "parks": repository.parks(session, scope),
        "agreements": agreements,
        "arrangements": repository.arrangements(session, [a.id for a in agreements]),
        "industries": industries(), "errors": errors, "values": values,
    }  # fmt: skip
    return render(request, "industry_transfer/projects.html", context,
                  status=422 if errors else 200)  # fmt: skip


@router.get("/projects", response_class=HTMLResponse)
def projects(
    request: Request,
    q: str = Query("", max_length=100),
    stage: str = STAGE_Q,
    group: str = GROUP_Q,
    park: str = ID_Q,
    receiving: str = ID_Q,
    section: str = Query("", pattern="^([A-T]|)$"),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    wanted = _filters(q, stage, group, park, receiving, section)
    return _list(request, session, who, wanted, params, [], {})


@router.get("/projects.csv")
def projects_csv(
    q: str = Query("", max_length=100),
    stage: str = STAGE_Q,
    group: str = GROUP_Q,
    park: str = ID_Q,
    receiving: str = ID_Q,
    section: str = Query("", pattern="^([A-T]|)$"),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    stages = statistics.signed_stages() if group == "signed" else ()
    filters = repository.project_filters(q=q, stage=stage, park_id=park,
                                         receiving_park_id=receiving, section=section,
                                         stages=stages)  # fmt: skip
    return exports.projects_csv(repository.export_projects(session, scope_of(session, who),
                                                           *filters))  # fmt: skip


@router.post("/projects", response_class=HTMLResponse)
async def register(request: Request, session: Session = DB, who: Principal = REGISTER) -> Response:
    values = await form_values(request)
    try:
        data = ProjectIn.model_validate(without_blanks(values))
        with session.begin_nested():
            made = service.register(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        wanted = _filters("", "", "", "", "", "")
        return _list(request, session, who, wanted, PageParams(), shown_again(exc), values)
    return RedirectResponse(f"{BASE}/projects/{made.id}", status_code=303)


def _detail(
    request: Request,
    session: Session,
    who: Principal,
    project_id: str,
    errors: list[FieldProblem],
    values: dict[str, str],
    form: str = "",
) -> Response:
    scope = scope_of(session, who)
    project = visible_project(session, scope, project_id)
    reports = repository.reports_of(session, project.id)
    can_edit = acts_for(who, scope, project.sponsor_park_id, project.receiving_park_id)
    context: dict[str, Any] = {
        "project": project, "reports": reports,
        "accounting": statistics.project_accounting(project, reports),
        "history": service.history(session, principal=who,
                                   entity_ids=[project.id, *(r.id for r in reports)]),
        "events": allowed_events(ProjectFlow, project, who) if can_edit else [],
        "can_edit": can_edit,
        "can_report": acts_for(who, scope, project.receiving_park_id)
        and project.stage in ("under_construction", "in_operation"),
        "arrangements": repository.arrangements(session, [project.agreement_id]),
        "industries": industries(), "current_period": str(current_period()),
        "indicators": statistics.indicators_out(),
        "errors": errors, "values": values, "form": form,
    }  # fmt: skip
    return render(request, "industry_transfer/project.html", context,
                  status=422 if errors else 200)  # fmt: skip


@router.get("/projects/{project_id}", response_class=HTMLResponse)
def project(
    request: Request, project_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    return _detail(request, session, who, project_id, [], {})


@router.post("/projects/{project_id}/edit", response_class=HTMLResponse)
async def edit(
    request: Request, project_id: str, session: Session = DB, who: Principal = REGISTER
) -> Response:
    values = await form_values(request)
    try:
        sent = {k: v.strip() for k, v in values.items() if k in EDITABLE}
        # An emptied optional field clears it; an emptied required one is refused by the service.
        data = ProjectUpdate.model_validate({k: (v or None) for k, v in sent.items()})
        with session.begin_nested():
            service.update(session, principal=who, project_id=project_id, data=data)
    except (FtzError, ValidationError) as exc:
        return _detail(request, session, who, project_id, shown_again(exc), values, "edit")
    return RedirectResponse(f"{BASE}/projects/{project_id}", status_code=303)


@router.post("/projects/{project_id}/stage", response_class=HTMLResponse)
async def advance(
    request: Request, project_id: str, session: Session = DB, who: Principal = REGISTER
) -> Response:
    values = await form_values(request)
    try:
        data = StageIn.model_validate(without_blanks(values))
        with session.begin_nested():
            service.advance(session, principal=who, project_id=project_id, data=data)
    except (FtzError, ValidationError) as exc:
        return _detail(request, session, who, project_id, shown_again(exc), values, "stage")
    return RedirectResponse(f"{BASE}/projects/{project_id}", status_code=303)


@router.post("/projects/{project_id}/reports", response_class=HTMLResponse)
async def report(
    request: Request, project_id: str, session: Session = DB, who: Principal = REPORT
) -> Response:
    values = await form_values(request)
    try:
        figures = without_blanks(values)
        period = figures.pop("period", "")
        data = ReportIn.model_validate(figures)
        with session.begin_nested():
            service.file_report(session, principal=who, project_id=project_id, period=period,
                                data=data)  # fmt: skip
    except (FtzError, ValidationError) as exc:
        return _detail(request, session, who, project_id, shown_again(exc), values, "report")
    return RedirectResponse(f"{BASE}/projects/{project_id}#reports", status_code=303)
