"""Technology-transfer talent (技术转移人才): researchers and the records of their transfer work
(proof of concept, pilot, industrialisation, transfer services), feeding title evaluation on
two paths (case 15 (二)): teachers doing concept verification, piloting and industrialisation
are evaluated on the teaching-research path, full-time transfer staff on the engineering path.
The criteria per path and level are rules/title_criteria.json; an evaluation computes the
metrics from the registry and the records and shows each criterion met or not, with its reason
and source. A promotion needs every criterion met; it counts toward the seed's 651."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.auth.service import get_user_by_username
from ftz.core.kit.errors import conflict, validation_error
from ftz.core.workflow import fire
from ftz.practices.tech_transfer import repository
from ftz.practices.tech_transfer.common import anchor, office_org, rules, today, viewer_for
from ftz.practices.tech_transfer.models import (
    Evaluation,
    Inventor,
    Researcher,
    TalentRecord,
    Transfer,
)
from ftz.practices.tech_transfer.registry import completed_years
from ftz.practices.tech_transfer.schemas_more import (
    EvaluationIn,
    EvaluationResultIn,
    ResearcherIn,
    ResearcherUpdate,
    TalentRecordIn,
)
from ftz.practices.tech_transfer.workflow import EvaluationFlow

LEVELS = ("junior", "intermediate", "associate", "full")
CONCEPT = ("proof_of_concept", "pilot", "industrialisation")
WAN = Decimal(1_000_000)  # fen in 10,000 CNY (万元), the unit the criteria are written in


def add_researcher(session: Session, *, principal: Principal, data: ResearcherIn) -> Researcher:
    org_id = office_org(viewer_for(session, principal))
    taken = session.scalar(
        select(Researcher.id).where(
            Researcher.org_id == org_id, Researcher.staff_no == data.staff_no
        )
    )
    if taken is not None:
        raise conflict(f"staff number {data.staff_no} is already recorded")
    user_id = None
    if data.username:
        user = get_user_by_username(session, data.username)
        if user is None or user.org_id != org_id:
            raise validation_error("username", "no user of this unit by that name")
        user_id = user.id
    researcher = Researcher(org_id=org_id, user_id=user_id, **data.model_dump(exclude={"username"}))
    session.add(researcher)
    session.flush()
    return researcher


def update_researcher(
    session: Session, *, principal: Principal, researcher_id: str, data: ResearcherUpdate
) -> Researcher:
    viewer = viewer_for(session, principal)
    researcher = repository.get_for_office(
        session, viewer, Researcher, researcher_id, "researcher", lock=True
    )
    for key, value in data.model_dump(exclude_unset=True).items():
        if value is not None:
            setattr(researcher, key, value)
    session.flush()
    return researcher


def add_record(
    session: Session, *, principal: Principal, researcher_id: str, data: TalentRecordIn
) -> TalentRecord:
    viewer = viewer_for(session, principal)
    researcher = repository.get_for_office(session, viewer, Researcher, researcher_id, "researcher")
    if data.done_on > today():
        raise validation_error("done_on", "work cannot be done in the future")
    value = int(data.value * 100)
    if data.transfer_id:
        transfer = session.scalar(
            select(Transfer).where(
                Transfer.id == data.transfer_id, Transfer.org_id == researcher.org_id
            )
        )
        if transfer is None or transfer.status != "contracted":
            raise validation_error("transfer_id", "a signed transfer of this unit")
        value = value or transfer.price_fen  # a served contract is worth its price by default
    record = TalentRecord(
        org_id=researcher.org_id,
        researcher_id=researcher.id,
        kind=data.kind,
        title=data.title,
        done_on=data.done_on,
        value_fen=value,
        transfer_id=data.transfer_id,
        evidence=data.evidence,
    )
    session.add(record)
    session.flush()
    return record


def metrics(session: Session, researcher: Researcher, year: int) -> dict[str, Any]:
    """The figures the criteria are written in, as of the end of `year`."""
    mine = select(Inventor.achievement_id).where(Inventor.researcher_id == researcher.id)
    transfers = select(func.count(), func.coalesce(func.sum(Transfer.price_fen), 0)).where(
        Transfer.achievement_id.in_(mine),
        Transfer.status == "contracted",
        Transfer.signed_on <= date(year, 12, 31),
    )
    count, value = session.execute(transfers).one()
    records = list(
        session.scalars(select(TalentRecord).where(TalentRecord.researcher_id == researcher.id))
    )
    records = [r for r in records if r.done_on.year <= year]
    service = [r for r in records if r.kind == "transfer_service"]
    end = date(year, 12, 31)
    return {
        "transfers": int(count),
        "contract_wan": float(Decimal(int(value)) / WAN),
        "concept_projects": sum(1 for r in records if r.kind in CONCEPT),
        "industry_projects": sum(1 for r in records if r.kind == "industrialisation"),
        "service_contracts": len(service),
        "service_wan": float(Decimal(sum(r.value_fen for r in service)) / WAN),
        "years_in_title": completed_years(researcher.title_since, end),
        "manager_certified": researcher.manager_certified,
    }


def assess(path: str, level: str, figures: dict[str, Any]) -> list[dict[str, Any]]:
    decision = rules().evaluate("title_criteria.json", {"path": path, "level": level, **figures})
    return [
        {
            "row_id": row.row_id,
            **row.outputs,
            "value": figures.get(row.outputs["metric"]),
            "citation": row.citation,
        }
        for row in decision.fired
    ]


def evaluate(
    session: Session, *, principal: Principal, researcher_id: str, data: EvaluationIn
) -> Evaluation:
    viewer = viewer_for(session, principal)
    researcher = repository.get_for_office(
        session, viewer, Researcher, researcher_id, "researcher", lock=True
    )
    if data.path != researcher.series:
        raise validation_error("path", f"{researcher.name} is on the {researcher.series} path")
    if LEVELS.index(data.level) <= LEVELS.index(researcher.title_level):
        raise validation_error("level", f"above the current title ({researcher.title_level})")
    year = data.year or today().year
    pending = session.scalar(
        select(Evaluation.id).where(
            Evaluation.researcher_id == researcher.id, Evaluation.status == "assessed"
        )
    )
    if pending is not None:
        raise conflict("an evaluation of this researcher still waits for its result")
    figures = metrics(session, researcher, year)
    criteria = assess(data.path, data.level, figures)
    evaluation = Evaluation(
        org_id=researcher.org_id,
        researcher_id=researcher.id,
        path=data.path,
        level=data.level,
        year=year,
        metrics=figures,
        criteria=criteria,
        eligible=bool(criteria) and all(c["met"] for c in criteria),
        status="assessed",
    )
    session.add(evaluation)
    session.flush()
    return evaluation


def decide(
    session: Session, *, principal: Principal, evaluation_id: str, data: EvaluationResultIn
) -> Evaluation:
    viewer = viewer_for(session, principal)
    evaluation = repository.get_for_office(
        session, viewer, Evaluation, evaluation_id, "evaluation", lock=True
    )
    if data.result == "promote" and not evaluation.eligible:
        unmet = [c["row_id"] for c in evaluation.criteria if not c["met"]]
        raise conflict("criteria not met: " + ", ".join(unmet))
    if data.decided_on > today():
        raise validation_error("decided_on", "the result cannot be dated in the future")
    fire(
        session,
        EvaluationFlow,
        evaluation,
        data.result,
        principal=principal,
        owner_org_id=evaluation.org_id,
        note=data.note,
    )
    evaluation.decided_on, evaluation.note = data.decided_on, data.note
    if data.result == "promote":
        researcher = session.get(Researcher, evaluation.researcher_id, with_for_update=True)
        assert researcher is not None
        researcher.title_level, researcher.title_since = evaluation.level, data.decided_on
    evaluation.ledger_sha256 = anchor(
        session,
        {
            "type": "tech-transfer.evaluation",
            "evaluation": evaluation.id,
            "researcher": evaluation.researcher_id,
            "path": evaluation.path,
            "level": evaluation.level,
            "result": data.result,
            "criteria": {c["row_id"]: c["met"] for c in evaluation.criteria},
        },
        f"tech_transfer_evaluation:{evaluation.id}",
    )
    session.flush()
    return evaluation


def criteria_table() -> list[dict[str, Any]]:
    """Every criterion row per path and level, with its reasons and source."""
    doc = rules().document("title_criteria.json")
    table = next(n for n in doc["nodes"] if n["type"] == "decisionTableNode")
    return [
        {
            "row_id": row["_id"],
            "path": row["in_path"].strip('"'),
            "level": row["in_level"].strip('"'),
            **{f[4:]: str(row[f]).strip('"') for f in row if f.startswith("out_")},
        }
        for row in table["content"]["rules"]
    ]
