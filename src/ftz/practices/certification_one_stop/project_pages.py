"""p28 cooperation pages: the projects (filter by stage, the standards centre's form for a new
one) and one project with its partners, events (visits, meetings, agreements, publication,
each anchored) and the stage form (adoption or abandonment needs the outcome)."""

from __future__ import annotations

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
from ftz.practices.certification_one_stop import cooperation, repository
from ftz.practices.certification_one_stop.common import in_department
from ftz.practices.certification_one_stop.models import CooperationProject
from ftz.practices.certification_one_stop.page_common import (
    BASE,
    DB,
    PUBLISH,
    READ,
    query_string,
    shown_again,
    without_blanks,
)
from ftz.practices.certification_one_stop.permissions import STANDARDS
from ftz.practices.certification_one_stop.schemas_watch import ProjectEventIn, ProjectIn, StageIn
from ftz.practices.certification_one_stop.workflow import ProjectFlow

router = APIRouter(include_in_schema=False)
STAGES = ("proposed", "working_group", "drafting", "signed", "adopted", "abandoned")
STAGE_Q = Query("", pattern="^(proposed|working_group|drafting|signed|adopted|abandoned|)$")


def _list(
    request: Request,
    session: Session,
    who: Principal,
    params: PageParams,
    stage: str,
    errors: list[FieldProblem],
    values: dict[str, str],
) -> Response:
    page = repository.projects(session, params, stage=stage)
    context = {
        "page": page,
        "stage": stage,
        "stages": STAGES,
        "query": query_string({"stage": stage}),
        "counts": {p.id: cooperation.event_counts(session, p.id) for p in page.items},
        "publisher": in_department(who, STANDARDS),
        "errors": errors,
        "values": values,
    }
    return render(
        request, "certification_one_stop/projects.html", context, status=422 if errors else 200
    )


@router.get("/projects", response_class=HTMLResponse)
def project_list(
    request: Request,
    stage: str = STAGE_Q,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    return _list(request, session, who, params, stage, [], {})


@router.post("/projects", response_class=HTMLResponse)
async def create(request: Request, session: Session = DB, who: Principal = PUBLISH) -> Response:
    values = await form_values(request)
    try:
        fields = without_blanks({k: v for k, v in values.items() if not k.startswith("partner_")})
        partner = without_blanks({k[8:]: v for k, v in values.items() if k.startswith("partner_")})
        data = ProjectIn.model_validate({**fields, "partners": [partner]})
        with session.begin_nested():
            made = cooperation.create(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        return _list(request, session, who, PageParams(), "", shown_again(exc), values)
    return RedirectResponse(f"{BASE}/projects/{made.id}", status_code=303)


def _detail(
    request: Request,
    session: Session,
    who: Principal,
    project_id: str,
    errors: list[FieldProblem],
    values: dict[str, str],
) -> Response:
    project = repository.get_public(session, CooperationProject, project_id)
    publisher = in_department(who, STANDARDS)
    context = {
        "p": project,
        "events": repository.project_events(session, project.id),
        "counts": cooperation.event_counts(session, project.id),
        "moves": allowed_events(ProjectFlow, project, who) if publisher else [],
        "publisher": publisher,
        "errors": errors,
        "values": values,
    }
    return render(
        request, "certification_one_stop/project.html", context, status=422 if errors else 200
    )


@router.get("/projects/{project_id}", response_class=HTMLResponse)
def project_page(
    request: Request, project_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    return _detail(request, session, who, project_id, [], {})


@router.post("/projects/{project_id}/events", response_class=HTMLResponse)
async def add_event(
    request: Request, project_id: str, session: Session = DB, who: Principal = PUBLISH
) -> Response:
    values = await form_values(request)
    try:
        data = ProjectEventIn.model_validate(without_blanks(values))
        with session.begin_nested():
            cooperation.add_event(session, principal=who, project_id=project_id, data=data)
    except (FtzError, ValidationError) as exc:
        return _detail(request, session, who, project_id, shown_again(exc), values)
    return RedirectResponse(f"{BASE}/projects/{project_id}", status_code=303)


@router.post("/projects/{project_id}/stage", response_class=HTMLResponse)
async def move(
    request: Request, project_id: str, session: Session = DB, who: Principal = PUBLISH
) -> Response:
    values = await form_values(request)
    try:
        data = StageIn.model_validate(values)
        with session.begin_nested():
            cooperation.move(session, principal=who, project_id=project_id, data=data)
    except (FtzError, ValidationError) as exc:
        return _detail(request, session, who, project_id, shown_again(exc), values)
    return RedirectResponse(f"{BASE}/projects/{project_id}", status_code=303)
