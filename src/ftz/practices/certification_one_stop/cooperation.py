"""Standard-cooperation projects: a Chinese standard developed with, or adopted by, a partner
country (the seed's example: Midea's odour-removal and antibacterial refrigerator grading
standard, brought to SIRIM, 4 visits and 9 review meetings, agreement signed in November 2023,
published in Malaysia in July 2024 as its national refrigerator standard). The standards centre
records the partners, dated events (each anchored) and moves the stage; adoption needs the
outcome stated."""

from __future__ import annotations

from collections import Counter

from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import conflict, validation_error
from ftz.core.workflow import fire
from ftz.practices.certification_one_stop import repository
from ftz.practices.certification_one_stop.common import anchor, require_department
from ftz.practices.certification_one_stop.models import CooperationEvent, CooperationProject
from ftz.practices.certification_one_stop.permissions import STANDARDS
from ftz.practices.certification_one_stop.schemas_watch import ProjectEventIn, ProjectIn, StageIn
from ftz.practices.certification_one_stop.workflow import ProjectFlow


def create(session: Session, *, principal: Principal, data: ProjectIn) -> CooperationProject:
    require_department(principal, STANDARDS, "run cooperation projects")
    if repository.project_by_code(session, data.code) is not None:
        raise conflict(f"project {data.code} exists")
    project = CooperationProject(
        code=data.code,
        title=data.title.strip(),
        country=data.country,
        subject=data.subject.strip(),
        partners=[p.model_dump() for p in data.partners],
        stage="proposed",
        started_on=data.started_on,
    )
    session.add(project)
    session.flush()
    return project


def add_event(
    session: Session, *, principal: Principal, project_id: str, data: ProjectEventIn
) -> CooperationEvent:
    require_department(principal, STANDARDS, "record cooperation events")
    project = repository.get_public(session, CooperationProject, project_id)
    if data.on < project.started_on:
        raise validation_error("on", f"on or after the project's start ({project.started_on})")
    entry = {
        "type": "certification_one_stop.cooperation_event",
        "project": project.code,
        "on": data.on.isoformat(),
        "kind": data.kind,
        "note": data.note,
    }
    made = CooperationEvent(
        project_id=project.id,
        on=data.on,
        kind=data.kind,
        note=data.note.strip(),
        ledger_index=anchor(session, entry, f"cos-project:{project.code}"),
    )
    session.add(made)
    session.flush()
    return made


def move(
    session: Session, *, principal: Principal, project_id: str, data: StageIn
) -> CooperationProject:
    require_department(principal, STANDARDS, "move cooperation projects")
    project = repository.get_public(session, CooperationProject, project_id)
    if data.event in ("adopt", "abandon") and len(data.outcome.strip()) < 2:
        raise validation_error("outcome", "state the outcome (what was adopted, or why not)")
    fire(
        session,
        ProjectFlow,
        project,
        data.event,
        principal=principal,
        owner_org_id=None,
        note=data.outcome,
    )
    if data.outcome.strip():
        project.outcome = data.outcome.strip()
    session.flush()
    return project


def event_counts(session: Session, project_id: str) -> dict[str, int]:
    return dict(Counter(e.kind for e in repository.project_events(session, project_id)))
