"""p23 HTTP API: projects (register, change, advance), their quarterly indicator reports, the
statistics (a region's report with dual accounting, the roll-up counting each project once),
the dashboard, the rule tables and the reference data. Parks, agreements and arrangements are
in `endpoints_parks`."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import PageOut, PageParams, page_params
from ftz.practices.industry_transfer import (
    dashboard as boards,
)
from ftz.practices.industry_transfer import (
    endpoints_parks,
    repository,
    service,
    statistics,
)
from ftz.practices.industry_transfer.access import scope_of, visible_project
from ftz.practices.industry_transfer.reference import STAGES, industries, provinces
from ftz.practices.industry_transfer.rule_tables import rule_tables
from ftz.practices.industry_transfer.schemas import (
    ProjectIn,
    ProjectOut,
    ProjectUpdate,
    ReportIn,
    ReportOut,
    StageIn,
)

router = APIRouter()
router.include_router(endpoints_parks.router)
DB = Depends(get_db, scope="function")
READ = Depends(require("industry_transfer.read"))
REGISTER = Depends(require("industry_transfer.register"))
REPORT = Depends(require("industry_transfer.report"))
STAGE_Q = Query("", pattern="^(" + "|".join(STAGES) + "|)$")
PERIOD_FROM = Query("", alias="from", max_length=7, description="First quarter, e.g. 2025-Q1")
PERIOD_TO = Query("", alias="to", max_length=7, description="Last quarter, e.g. 2025-Q4")


@router.get("/reference", response_model=dict[str, Any])
def reference(who: Principal = READ) -> dict[str, Any]:
    """Provinces (GB/T 2260, NBS zones), industries (GB/T 4754-2017), indicators, stages."""
    return {"provinces": [vars(p) for p in provinces().values()],
            "industries": [vars(i) for i in industries().values()],
            "indicators": statistics.indicators_out(), "stages": list(STAGES)}  # fmt: skip


@router.get("/rules", response_model=dict[str, Any])
def rules(who: Principal = READ) -> dict[str, Any]:
    """Every rule table, row by row, with its reasons and source."""
    return {"tables": rule_tables(), "accounting": statistics.rules_out(statistics.rulebook())}


@router.get("/dashboard", response_model=dict[str, Any])
def dashboard(session: Session = DB, who: Principal = READ) -> dict[str, Any]:
    return boards.plain(boards.dashboard(session, principal=who))


@router.get("/projects", response_model=PageOut[ProjectOut])
def list_projects(
    q: str = Query("", max_length=100),
    stage: str = STAGE_Q,
    park_id: str = Query("", max_length=26),
    section: str = Query("", pattern="^([A-T]|)$"),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> PageOut[ProjectOut]:
    filters = repository.project_filters(q=q, stage=stage, park_id=park_id, section=section)
    page = repository.project_page(session, scope_of(session, who), params, *filters)
    return PageOut[ProjectOut].of(page, [ProjectOut.model_validate(p) for p in page.items])


@router.post("/projects", response_model=ProjectOut, status_code=201)
def register(body: ProjectIn, session: Session = DB, who: Principal = REGISTER) -> ProjectOut:
    return ProjectOut.model_validate(service.register(session, principal=who, data=body))


@router.get("/projects/{project_id}", response_model=ProjectOut)
def get_project(project_id: str, session: Session = DB, who: Principal = READ) -> ProjectOut:
    return ProjectOut.model_validate(visible_project(session, scope_of(session, who), project_id))


@router.patch("/projects/{project_id}", response_model=ProjectOut)
def update_project(
    project_id: str, body: ProjectUpdate, session: Session = DB, who: Principal = REGISTER
) -> ProjectOut:
    made = service.update(session, principal=who, project_id=project_id, data=body)
    return ProjectOut.model_validate(made)


@router.post("/projects/{project_id}/stage", response_model=ProjectOut)
def advance(
    project_id: str, body: StageIn, session: Session = DB, who: Principal = REGISTER
) -> ProjectOut:
    """sign / start_construction / start_operation / withdraw, with the stage's date."""
    made = service.advance(session, principal=who, project_id=project_id, data=body)
    return ProjectOut.model_validate(made)


@router.get("/projects/{project_id}/history", response_model=list[dict[str, Any]])
def project_history(
    project_id: str, session: Session = DB, who: Principal = READ
) -> list[dict[str, Any]]:
    project = visible_project(session, scope_of(session, who), project_id)
    ids = [project.id] + [r.id for r in repository.reports_of(session, project.id)]
    return [
        {"occurred_at": e.occurred_at.isoformat(), "actor": e.actor_username,
         "action": e.action, "entity_type": e.entity_type, "changes": e.changes}
        for e in service.history(session, principal=who, entity_ids=ids)
    ]  # fmt: skip


@router.get("/projects/{project_id}/reports", response_model=list[ReportOut])
def list_reports(project_id: str, session: Session = DB, who: Principal = READ) -> list[ReportOut]:
    project = visible_project(session, scope_of(session, who), project_id)
    return [ReportOut.model_validate(r) for r in repository.reports_of(session, project.id)]


@router.put("/projects/{project_id}/reports/{period}", response_model=ReportOut)
def file_report(
    project_id: str, period: str, body: ReportIn, session: Session = DB, who: Principal = REPORT
) -> ReportOut:
    """Files the quarter's indicators, or corrects them (revision + 1)."""
    made = service.file_report(session, principal=who, project_id=project_id, period=period,
                               data=body)  # fmt: skip
    return ReportOut.model_validate(made)


@router.get("/statistics/region", response_model=dict[str, Any])
def region_report(
    region: str = Query(..., max_length=80, description="CN, 53 (province) or 53/昆明市 (city)"),
    first: str = PERIOD_FROM,
    last: str = PERIOD_TO,
    session: Session = DB,
    who: Principal = READ,
) -> dict[str, Any]:
    """A region's report: every project with a park in the region, in full (dual accounting),
    each line with the sides and rule rows that count it and the reports it adds up."""
    return statistics.region_report(session, principal=who, region=region, first=first,
                                    last=last)  # fmt: skip


@router.get("/statistics/rollup", response_model=dict[str, Any])
def rollup(
    scope: str = Query("CN", max_length=40, description="CN or a province (53)"),
    first: str = PERIOD_FROM,
    last: str = PERIOD_TO,
    session: Session = DB,
    who: Principal = READ,
) -> dict[str, Any]:
    """The child regions' reports, their sum, the dual-accounting overlap and the total with
    each project counted once."""
    return statistics.rollup(session, principal=who, scope_region=scope, first=first, last=last)
