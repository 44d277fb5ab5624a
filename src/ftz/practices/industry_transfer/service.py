"""p23 projects: the sponsor park registers a transferred project under a cooperation agreement,
either park concerned advances it (intention → signed → under construction → in operation, each
with its date) and keeps its figures, and the receiving park files the quarterly indicators,
checked against rules/reporting.json at the project's stage in that quarter and anchored in the
evidence ledger. Services flush, never commit."""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any

from sqlalchemy.orm import Session

from ftz.core.audit.models import AuditEvent
from ftz.core.audit.service import list_events
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import conflict, validation_error
from ftz.core.kit.pagination import PageParams
from ftz.core.ledger import service as ledger
from ftz.core.workflow import allowed_events, fire
from ftz.practices.industry_transfer import repository
from ftz.practices.industry_transfer.access import require_party, scope_of, visible_project
from ftz.practices.industry_transfer.models import IndicatorReport, TransferProject
from ftz.practices.industry_transfer.reference import (
    REPORTED,
    Period,
    current_period,
    rules,
    today,
)
from ftz.practices.industry_transfer.schemas import ProjectIn, ProjectUpdate, ReportIn, StageIn
from ftz.practices.industry_transfer.workflow import EVENT_DATES, ProjectFlow

TARGET = {"sign": "signed", "start_construction": "under_construction",
          "start_operation": "in_operation", "withdraw": "withdrawn"}  # fmt: skip


@cache
def pipeline(stage: str) -> dict[str, Any]:
    """What rules/pipeline.json says of a stage, with the row that says it."""
    decision = rules().evaluate("pipeline.json", {"stage": stage})
    return {**decision.result, "fired": decision.explanation()}


def _check_arrangement(
    session: Session, principal: Principal, agreement_id: str, arrangement_id: str | None
) -> None:
    if arrangement_id is None:
        return
    scope = scope_of(session, principal)
    arrangement = repository.arrangement_in_scope(session, scope, arrangement_id)
    if arrangement.agreement_id != agreement_id:
        raise validation_error("arrangement_id", "belongs to another agreement")


def register(session: Session, *, principal: Principal, data: ProjectIn) -> TransferProject:
    scope = scope_of(session, principal)
    agreement = repository.agreement_by_number(session, scope, data.agreement)
    require_party(principal, scope, agreement.sponsor_park_id,
                  what="register a project (the sponsor park registers it)")  # fmt: skip
    if agreement.status != "in_force":
        raise validation_error("agreement", "the agreement is terminated")
    if repository.code_taken(session, TransferProject, TransferProject.code, data.code):
        raise conflict(f"a project with code {data.code} exists")
    if data.intention_on > today():
        raise validation_error("intention_on", "cannot lie in the future")
    _check_arrangement(session, principal, agreement.id, data.arrangement_id)
    values = data.model_dump(exclude={"agreement"})
    project = TransferProject(
        **values, agreement_id=agreement.id, sponsor_park_id=agreement.sponsor_park_id,
        receiving_park_id=agreement.receiving_park_id, stage="intention",
        created_by_org_id=principal.org_id or agreement.sponsor_park.admin_org_id,
    )  # fmt: skip
    session.add(project)
    session.flush()
    return project


def _party(session: Session, principal: Principal, project_id: str, what: str) -> TransferProject:
    scope = scope_of(session, principal)
    project = visible_project(session, scope, project_id, lock=True)
    require_party(principal, scope, project.sponsor_park_id, project.receiving_park_id, what=what)
    return project


def update(
    session: Session, *, principal: Principal, project_id: str, data: ProjectUpdate
) -> TransferProject:
    project = _party(session, principal, project_id, "change this project")
    changes = data.model_dump(exclude_unset=True)
    for required in (
        "name",
        "enterprise",
        "industry_code",
        "planned_investment",
        "actual_investment",
    ):
        if required in changes and changes[required] is None:
            raise validation_error(required, "cannot be emptied")
    if not changes:
        raise validation_error("body", "nothing to change")
    if "description" in changes and changes["description"] is None:
        changes["description"] = ""
    if "arrangement_id" in changes:
        _check_arrangement(session, principal, project.agreement_id, changes["arrangement_id"])
    planned = changes.get("planned_investment", project.planned_investment)
    rule = pipeline(project.stage)
    if rule["needs_planned_investment"] and planned <= 0:
        raise validation_error("planned_investment", _why(rule, "must stay above zero"))
    for key, value in changes.items():
        setattr(project, key, value)
    session.flush()
    return project


def _why(rule: dict[str, Any], text: str) -> str:
    rows = ", ".join(row["row_id"] for row in rule["fired"])
    return f"{text} ({rows})"


def _stage_dates(project: TransferProject) -> list[date]:
    return [d for d in (project.intention_on, project.signed_on, project.construction_on,
                        project.operation_on) if d is not None]  # fmt: skip


def advance(
    session: Session, *, principal: Principal, project_id: str, data: StageIn
) -> TransferProject:
    project = _party(session, principal, project_id, "advance this project")
    if data.event not in allowed_events(ProjectFlow, project, principal):
        raise conflict(f"cannot {data.event} while {project.stage}")
    if data.on > today():
        raise validation_error("on", "cannot lie in the future")
    latest = max(_stage_dates(project))
    if data.on < latest:
        raise validation_error("on", f"cannot come before the previous stage's date {latest}")
    rule = pipeline(TARGET[data.event])
    if rule["needs_planned_investment"] and project.planned_investment <= 0:
        raise validation_error(
            "planned_investment", _why(rule, "a signed project needs its contracted investment")
        )
    fire(session, ProjectFlow, project, data.event, principal=principal,
         owner_org_id=project.created_by_org_id, note=data.note)  # fmt: skip
    setattr(project, EVENT_DATES[data.event], data.on)
    session.flush()
    return project


def stage_at(project: TransferProject, day: date) -> str:
    """The stage the project had reached on `day` (by its stage dates)."""
    for stage, reached in (
        ("in_operation", project.operation_on),
        ("under_construction", project.construction_on),
        ("signed", project.signed_on),
    ):
        if reached is not None and reached <= day:
            return stage
    return "intention"


def _allowed(stage: str, key: str) -> tuple[bool, dict[str, Any]]:
    decision = rules().evaluate("reporting.json", {"stage": stage, "indicator": key})
    [row] = decision.explanation()
    return bool(decision.result["allowed"]), row


def file_report(
    session: Session, *, principal: Principal, project_id: str, period: str, data: ReportIn
) -> IndicatorReport:
    """Files the quarter's figures, or corrects them (the previous ones stay in the audit
    trail); only the receiving park's administration reports, as the project operates there."""
    scope = scope_of(session, principal)
    project = visible_project(session, scope, project_id, lock=True)
    require_party(
        principal,
        scope,
        project.receiving_park_id,
        what="report this project's indicators (the receiving park reports them)",
    )
    quarter = Period.parse(period)
    if quarter > current_period():
        raise validation_error("period", f"cannot lie after the current quarter {current_period()}")
    stage = stage_at(project, quarter.last_day)
    fired: list[dict[str, Any]] = []
    for key in REPORTED:
        allowed, row = _allowed(stage, key)
        value = getattr(data, key)
        if value and not allowed:
            reason = row["outputs"]["reason_en"]
            raise validation_error(key, f"{reason} in {quarter} ({row['row_id']}, stage {stage})")
        if allowed:
            fired.append({**row, "indicator": key})
    if not fired:
        raise validation_error(
            "period", f"the project reports nothing at stage {stage} in {quarter}"
        )
    report = repository.report_for(session, project.id, str(quarter), lock=True)
    figures = data.model_dump(exclude={"note"})
    revision = report.revision + 1 if report else 1
    entry = {"type": "industry_transfer.indicators", "project": project.code,
             "period": str(quarter), "revision": revision, "stage": stage,
             **{k: str(v) for k, v in figures.items()}}  # fmt: skip
    [index] = ledger.append(session, ledger.EVIDENCE_LOG, [ledger.canonical(entry)],
                            [f"it-report:{project.code}:{quarter}:{revision}"])  # fmt: skip
    if report is None:
        reporter = principal.org_id or project.receiving_park.admin_org_id
        report = IndicatorReport(project_id=project.id, period=str(quarter),
                                 reported_by_org_id=reporter)  # fmt: skip
        session.add(report)
    report.revision, report.ledger_index = revision, int(index)
    for key, value in figures.items():
        setattr(report, key, value)
    report.note, report.stage, report.fired = data.note, stage, fired
    session.flush()
    return report


def history(session: Session, *, principal: Principal, entity_ids: list[str]) -> list[AuditEvent]:
    """The audit trail of a project and its reports, newest first (the caller has fetched the
    project, so it is within the principal's reach)."""
    found = list_events(session, principal=principal, entity_ids=entity_ids,
                        params=PageParams(page=1, size=200))  # fmt: skip
    return list(found.items)
