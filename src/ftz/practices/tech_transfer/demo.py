"""p15 demo at 1/50 of the seed's figures (case 15, as of 2025 Q1; settings.yaml `demo_scale`):
4 pilot units (201), 2,140 achievements in the separate register (107,000), 740 of them
transferred (37,000) and 13 promotions (651). The history up to 2025-03-31 is imported in bulk
(demo_history.py, one audit event per unit, as a migration from a unit's previous register
would be); today's work of 秦岭理工大学（演示） goes through the services: a licence decided,
signed and paid with the inventors' reward, an assignment in publicity, an equity investment
with cash from the surplus-fund pool, a disclosure waiting for the office, title evaluations.
Units, people, companies and numbers are fictional."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind, Role
from ftz.core.auth.principal import Principal, current_principal
from ftz.core.auth.service import DEMO_PASSWORD
from ftz.practices.tech_transfer import demo_flow, demo_history
from ftz.practices.tech_transfer.common import today
from ftz.practices.tech_transfer.models import (
    Achievement,
    OfficeMember,
    PilotUnit,
    Researcher,
)

PROVINCE = (
    "tt-province",
    "陕西省科学技术厅（演示）",
    "Shaanxi Department of Science and Technology (demo)",
)
# code, name zh, name en, kind, prefix, reward policy, joined, batch
UNITS = (
    (
        "tt-qinling",
        "秦岭理工大学（演示）",
        "Qinling University of Technology (demo)",
        "university",
        "QL",
        "qinling_2024",
        date(2023, 3, 1),
        "第一批试点",
    ),
    (
        "tt-weishui",
        "渭水大学（演示）",
        "Weishui University (demo)",
        "university",
        "WS",
        "statutory",
        date(2023, 3, 1),
        "第一批试点",
    ),
    (
        "tt-qinchuan",
        "秦川医学中心（演示）",
        "Qinchuan Medical Centre (demo)",
        "medical",
        "QC",
        "statutory",
        date(2024, 1, 15),
        "第二批试点",
    ),
    (
        "tt-materials",
        "陕西秦创新材料集团（演示）",
        "Shaanxi Qinchuang Materials Group (demo)",
        "enterprise",
        "XC",
        "statutory",
        date(2024, 1, 15),
        "第二批试点",
    ),
)
# username, unit, display name, office position (None: not in the office), researcher
# (staff no, college, series, title, since, certified) or None
PEOPLE = (
    ("tt.office", "tt-qinling", "王振华", "科技成果转化中心主任", None),
    (
        "tt.manager",
        "tt-qinling",
        "刘思远",
        "技术经理人",
        ("QL-E001", "技术转移中心", "engineering", "intermediate", date(2019, 9, 1), True),
    ),
    (
        "tt.inventor",
        "tt-qinling",
        "陈嘉禾",
        None,
        (
            "QL-T001",
            "材料科学与工程学院",
            "teaching_research",
            "associate",
            date(2018, 9, 1),
            False,
        ),
    ),
    (
        "tt.inventor2",
        "tt-qinling",
        "赵雨桐",
        None,
        ("QL-T002", "机械工程学院", "teaching_research", "intermediate", date(2020, 7, 1), False),
    ),
    ("tt.ws.office", "tt-weishui", "孙立群", "科学技术研究院成果转化办公室", None),
)


def ensure_staff(session: Session) -> None:
    """The province's officer, the four pilot units, their office members and researchers."""
    code, zh, en = PROVINCE
    accounts.ensure_org(
        session, code=code, name_zh=zh, name_en=en, kind=OrgKind.AGENCY, department="sci_tech"
    )
    accounts.ensure_user(
        session,
        username="tt.province",
        display_name="周敏（成果转化处）",
        org_code=code,
        roles=[Role.OFFICER],
        password=DEMO_PASSWORD,
    )
    for code, zh, en, kind, prefix, policy, joined, batch in UNITS:
        org = accounts.ensure_org(
            session, code=code, name_zh=zh, name_en=en, kind=OrgKind.ENTERPRISE
        )
        if session.scalar(select(PilotUnit.id).where(PilotUnit.org_id == org.id)) is None:
            session.add(
                PilotUnit(
                    org_id=org.id,
                    kind=kind,
                    prefix=prefix,
                    joined_on=joined,
                    batch=batch,
                    reward_policy=policy,
                )
            )
    for username, unit, name, position, researcher in PEOPLE:
        user = accounts.ensure_user(
            session,
            username=username,
            display_name=name,
            org_code=unit,
            roles=[Role.ENTERPRISE],
            password=DEMO_PASSWORD,
        )
        taken = select(OfficeMember.id).where(OfficeMember.user_id == user.id)
        if position is not None and session.scalar(taken) is None:
            session.add(OfficeMember(org_id=user.org_id, user_id=user.id, position=position))
        if researcher is not None:
            staff_no, college, series, level, since, certified = researcher
            known = select(Researcher.id).where(Researcher.user_id == user.id)
            if session.scalar(known) is None:
                session.add(
                    Researcher(
                        org_id=user.org_id,
                        staff_no=staff_no,
                        name=name,
                        college=college,
                        series=series,
                        title_level=level,
                        title_since=since,
                        manager_certified=certified,
                        user_id=user.id,
                    )
                )
    session.flush()


def who(session: Session, username: str) -> Principal:
    principal = accounts.acting_as(session, username)
    current_principal.set(principal)  # the audit trail records the acting user
    return principal


def load_demo(session: Session) -> dict[str, Any]:
    ensure_staff(session)
    if session.scalar(select(Achievement.id).where(Achievement.number.like("QL%")).limit(1)):
        return {"loaded": False}
    rng = random.Random(15)
    orgs = {code: accounts.get_org_by_code(session, code) for code, *_ in UNITS}
    units = {
        code: (org.id, prefix, policy)
        for (code, *_, prefix, policy, _, _), org in zip(UNITS, orgs.values(), strict=True)
        if org is not None
    }
    imported = demo_history.load_history(session, units, demo_flow.LIVE, rng)
    made = demo_flow.run(session, who, today=today())
    return {"loaded": True, **imported, **made}
