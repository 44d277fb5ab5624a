"""Today's pool and talent work at 秦岭理工大学（演示）: two horizontal projects closed and
their surplus contributed, a third still open, cash invested beside the equity transfer and a
dividend back; transfer-service and concept records, and three title evaluations (one
promoted, one waiting for the committee, one short of a criterion)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.practices.tech_transfer import pool, talent
from ftz.practices.tech_transfer.models import Researcher, Transfer
from ftz.practices.tech_transfer.schemas_more import (
    ContributionIn,
    EvaluationIn,
    EvaluationResultIn,
    MovementIn,
    ProjectCloseIn,
    ProjectIn,
    TalentRecordIn,
)


def researcher_id(session: Session, staff_no: str) -> str:
    found = session.scalar(select(Researcher.id).where(Researcher.staff_no == staff_no))
    assert found is not None, staff_no
    return str(found)


def pool_work(session: Session, office: Principal, t: date, equity_id: str) -> dict[str, Any]:
    for code, title, contract, spent, days in (
        ("H2024-017", "航空发动机叶片修复工艺开发（横向）", 2_000_000, 1_400_000, 120),
        ("H2025-003", "储能电池热管理系统测试服务（横向）", 900_000, 550_000, 90),
    ):
        project = pool.create_project(
            session,
            principal=office,
            data=ProjectIn(
                code=code,
                title=title,
                sponsor="陕西某能源装备企业（演示）",
                contract=Decimal(contract),
            ),
        )
        pool.close_project(
            session,
            principal=office,
            project_id=project.id,
            data=ProjectCloseIn(
                spent=Decimal(spent), closed_on=t - timedelta(days=days), accepted=True
            ),
        )
        amount = Decimal(contract - spent) if code == "H2024-017" else Decimal(200_000)
        pool.contribute(
            session,
            principal=office,
            data=ContributionIn(
                project_id=project.id, amount=amount, booked_on=t - timedelta(days=days - 30)
            ),
        )
    pool.create_project(
        session,
        principal=office,
        data=ProjectIn(
            code="H2025-011",
            title="低温共烧陶瓷器件委托研发（横向）",
            sponsor="西安某电子企业（演示）",
            contract=Decimal(1_200_000),
        ),
    )
    pool.invest(
        session,
        principal=office,
        data=MovementIn(
            transfer_id=equity_id,
            amount=Decimal(500_000),
            booked_on=t - timedelta(days=44),
            memo="现金出资，与技术作价入股组合",
        ),
    )
    last = pool.give_back(
        session,
        principal=office,
        data=MovementIn(
            transfer_id=equity_id,
            amount=Decimal(50_000),
            booked_on=t - timedelta(days=5),
            memo="2026年度现金分红",
        ),
    )
    return {"pool_balance": str(last.balance_after_fen / 100)}


def talent_work(session: Session, office: Principal, t: date, live: list[str]) -> dict[str, Any]:
    manager, zhao, chen = (researcher_id(session, s) for s in ("QL-E001", "QL-T002", "QL-T001"))
    query = select(Transfer.id).where(
        Transfer.number.like("QLT2024-%"), Transfer.status == "contracted"
    )
    served = [*live, *list(session.scalars(query.order_by(Transfer.number).limit(3)))]
    for n, transfer_id in enumerate(served):
        talent.add_record(
            session,
            principal=office,
            researcher_id=manager,
            data=TalentRecordIn(
                kind="transfer_service",
                title=f"成果转化全流程服务（第{n + 1}项）",
                done_on=t - timedelta(days=20 + 60 * n),
                transfer_id=transfer_id,
                evidence="合同、服务记录与收益分配表存档",
            ),
        )
    for kind, title in (
        ("proof_of_concept", "固态电解质概念验证"),
        ("pilot", "固态电解质百公斤级中试"),
    ):
        talent.add_record(
            session,
            principal=office,
            researcher_id=zhao,
            data=TalentRecordIn(kind=kind, title=title, done_on=t - timedelta(days=200)),
        )
    waiting = talent.evaluate(
        session,
        principal=office,
        researcher_id=manager,
        data=EvaluationIn(path="engineering", level="associate"),
    )
    promoted = talent.evaluate(
        session,
        principal=office,
        researcher_id=zhao,
        data=EvaluationIn(path="teaching_research", level="associate"),
    )
    talent.decide(
        session,
        principal=office,
        evaluation_id=promoted.id,
        data=EvaluationResultIn(
            result="promote", decided_on=t - timedelta(days=3), note="职称评审委员会表决通过"
        ),
    )
    short = talent.evaluate(
        session,
        principal=office,
        researcher_id=chen,
        data=EvaluationIn(path="teaching_research", level="full"),
    )
    return {
        "evaluations": {
            "waiting": waiting.eligible,
            "promoted": promoted.status,
            "short": [c["row_id"] for c in short.criteria if not c["met"]],
        }
    }
