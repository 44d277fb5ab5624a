"""p17 demo, in the seed's proportions and scaled to load in a few seconds: the province's
indicator quota is the seed's 500 planned leisure fishing vessels, 440 of them allocated to the 13
coastal cities and counties; 120 vessels are registered (about a quarter of the plan, so it loads
fast), with inspections, licences, safety officers and insurance, some lapsing so the flags and
reminders show; about 360 catch reports over 60 days, some over the limits; self-regulation
records; the seed's 70 key projects (nearly 600亿元) and the 2023–2024 statistics summing to the
seed's 47.83亿元 and 16 million visitors. Operators and vessels are fictional; everything goes
through the service, so the demo obeys the same rules as a user."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind, Role
from ftz.core.auth.principal import Principal, current_principal
from ftz.core.auth.service import DEMO_PASSWORD
from ftz.practices.leisure_fishery import (
    allocations,
    association,
    indicators,
)
from ftz.practices.leisure_fishery import reference as ref
from ftz.practices.leisure_fishery.demo_data import (
    ASSOCIATION,
    OFFICER,
    OPERATOR_A,
    OPERATOR_B,
    OPERATORS,
    VESSEL_SHARES,
    apportion,
    key_projects,
    yearly_statistics,
)
from ftz.practices.leisure_fishery.demo_fleet import file_reports, issue_papers, register_fleet
from ftz.practices.leisure_fishery.models import AnnualStatistic, Vessel
from ftz.practices.leisure_fishery.schemas import (
    AssociationRecordIn,
    BaseIn,
    StatisticIn,
)

# Of the seed's 500 planned vessels, 440 go to the cities and counties; 60 stay in reserve.
ALLOCATED = 440


def ensure_staff(session: Session) -> None:
    accounts.ensure_org(
        session,
        code="hn-fishery",
        name_zh="海南省农业农村厅（演示）",
        name_en="Hainan Agriculture and Rural Affairs (demo)",
        kind=OrgKind.AGENCY,
        department="fishery",
    )
    accounts.ensure_user(
        session,
        username=OFFICER,
        display_name="琼渔政",
        org_code="hn-fishery",
        roles=[Role.OFFICER],
        password=DEMO_PASSWORD,
    )
    accounts.ensure_org(
        session,
        code="hn-lf-association",
        name_zh="海南省休闲渔业协会（演示）",
        name_en="Hainan Leisure Fishery Association (demo)",
        kind=OrgKind.AGENCY,
        department="fishery_association",
    )
    accounts.ensure_user(
        session,
        username=ASSOCIATION,
        display_name="协会秘书处",
        org_code="hn-lf-association",
        roles=[Role.OFFICER],
        password=DEMO_PASSWORD,
    )
    for code, zh, en, user, _ in OPERATORS:
        accounts.ensure_org(session, code=code, name_zh=zh, name_en=en, kind=OrgKind.ENTERPRISE)
        if user:
            accounts.ensure_user(
                session,
                username=user,
                display_name=zh,
                org_code=code,
                roles=[Role.ENTERPRISE],
                password=DEMO_PASSWORD,
            )


def _as(people: dict[str, Principal], name: str) -> Principal:
    current_principal.set(people[name])  # the audit trail records the acting user
    return people[name]


def _allocate(session: Session, officer: Principal, year: int) -> None:
    seed = ref.seed()
    quota = indicators.Amount(int(seed["planned_vessels"]), 500 * 150_000, 500 * 12)
    allocations.set_quota(
        session, principal=officer, year=year, total=quota, note="案例17：计划建造500艘休闲渔船"
    )
    counts = apportion(ALLOCATED, VESSEL_SHARES)
    for code, vessels in counts.items():
        amount = indicators.Amount(vessels, vessels * 150_000, vessels * 12)
        allocations.allocate(
            session, principal=officer, year=year, code=code, amount=amount, note="年度分配（演示）"
        )
    allocations.transfer(
        session,
        principal=officer,
        year=year,
        from_code="460200",
        to_code="469028",
        amount=indicators.Amount(3, 450_000, 36),
        note="三亚调剂陵水（演示）",
    )


def load_demo(session: Session) -> dict[str, Any]:
    ensure_staff(session)
    if session.scalar(select(Vessel.id).where(Vessel.registration_no.like("琼%休0000%"))):
        return {"loaded": False}
    people = {
        "officer": accounts.acting_as(session, OFFICER),
        "association": accounts.acting_as(session, ASSOCIATION),
        OPERATOR_A: accounts.acting_as(session, OPERATOR_A),
        OPERATOR_B: accounts.acting_as(session, OPERATOR_B),
    }
    rng = random.Random(17)
    today, year = ref.today(), ref.today().year
    officer = _as(people, "officer")
    _allocate(session, officer, year)
    vessels = register_fleet(session, officer, rng)
    for n, vessel in enumerate(vessels):
        issue_papers(session, officer, vessel, n, today, year, rng)
    filed, flagged = file_reports(session, people, vessels, today, rng)
    assoc = _as(people, "association")
    for n in range(60):
        vessel = vessels[(n * 7) % len(vessels)]
        # Mostly clean inspections and training, a few findings and warnings: a spread of levels.
        kind = ("inspection", "training", "inspection", "commendation", "inspection", "warning")[
            n % 6
        ]
        severity = "serious" if n % 17 == 4 else ("minor" if n % 6 == 2 else "none")
        association.add_record(
            session,
            principal=assoc,
            data=AssociationRecordIn(
                vessel_id=vessel.id,
                kind=kind,
                severity=severity,
                occurred_on=today - timedelta(days=rng.randint(1, 300)),
                description={
                    "inspection": "协会自律检查：救生衣、安全告知、渔获登记",
                    "training": "参加休闲渔业从业渔民职业技能培训",
                    "commendation": "协助蓝天救援队救助落水游客",
                    "warning": "未按规定告知游客安全须知",
                }[kind],
            ),
        )
    officer = _as(people, "officer")
    facilities = list(ref.FACILITIES)
    for project in key_projects(rng):
        association.create_base(
            session,
            principal=officer,
            data=BaseIn(facilities=rng.sample(facilities, rng.randint(2, 5)), **project),
        )
    assoc = _as(people, "association")
    for row in yearly_statistics():
        association.record_statistic(session, principal=assoc, data=StatisticIn(**row))
    return {
        "loaded": True,
        "vessels": len(vessels),
        "catch_reports": filed,
        "flagged": flagged,
        "statistics_rows": len(session.scalars(select(AnnualStatistic.id)).all()),
    }
