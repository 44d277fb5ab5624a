"""p23 demo, loaded through the services in the seed's proportions (see `demo_data`): the parks
with their administrations, two statistics offices, the cooperation agreements and the two
enclave arrangements, 45 + 28 signed projects and 17 intentions, and the 2025 quarterly
indicators of the projects under construction or in operation. Idempotent."""

from __future__ import annotations

import random
from datetime import timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind, Role
from ftz.core.auth.principal import SYSTEM, Principal, current_principal
from ftz.core.auth.service import DEMO_PASSWORD
from ftz.practices.industry_transfer import partners, service
from ftz.practices.industry_transfer.demo_data import (
    AGREEMENTS,
    ARRANGEMENTS,
    BUILD_AFTER,
    OFFICES,
    OPERATE_AFTER,
    PARKS,
    REPORT_QUARTERS,
    SIGN_AFTER,
    WAN,
    DemoProject,
    pipeline,
)
from ftz.practices.industry_transfer.models import (
    CooperationAgreement,
    EnclaveArrangement,
    TransferPark,
    TransferProject,
)
from ftz.practices.industry_transfer.schemas import (
    AgreementIn,
    ArrangementIn,
    ParkIn,
    ProjectIn,
    ProjectUpdate,
    ReportIn,
    StageIn,
)

PARK_DEPARTMENT = "industry_park"
STATS_DEPARTMENT = "statistics"


def _as(session: Session, username: str | None) -> Principal:
    if username is None:
        current_principal.set(SYSTEM)
        return SYSTEM
    return accounts.acting_as(session, username)


def ensure_staff(session: Session) -> None:
    """The administrations and offices with their officers (creating users is the slow part:
    the tests run this once per database)."""
    for _, _, _, _, _, _, org, org_zh, org_en, _, user in PARKS:
        accounts.ensure_org(session, code=org, name_zh=org_zh, name_en=org_en,
                            kind=OrgKind.AGENCY, department=PARK_DEPARTMENT)  # fmt: skip
        if user:
            accounts.ensure_user(session, username=user, display_name=f"{org_zh[:-4]}招商专员",
                                 org_code=org, roles=[Role.OFFICER],
                                 password=DEMO_PASSWORD)  # fmt: skip
    for org, org_zh, org_en, _, user in OFFICES:
        accounts.ensure_org(session, code=org, name_zh=org_zh, name_en=org_en,
                            kind=OrgKind.AGENCY, department=STATS_DEPARTMENT)  # fmt: skip
        accounts.ensure_user(
            session,
            username=user,
            display_name=f"{org_zh[:-4]}统计员",
            org_code=org,
            roles=[Role.OFFICER],
            password=DEMO_PASSWORD,
        )


def ensure_parties(session: Session) -> None:
    """Staff, parks, offices, agreements and arrangements; each only if missing."""
    ensure_staff(session)
    admin = _as(session, None)
    for code, zh, en, role, province, city, org, _, _, operator, _ in PARKS:
        if session.scalar(select(TransferPark.id).where(TransferPark.code == code)) is None:
            partners.create_park(session, principal=admin, data=ParkIn(
                code=code, name_zh=zh, name_en=en, role=role, province_code=province, city=city,
                admin_org_code=org, operator=operator))  # fmt: skip
    for office in OFFICES:
        partners.register_office(session, principal=admin, org_code=office[0],
                                 province_code=office[3])  # fmt: skip
    users = {code: user for code, *_, user in PARKS}
    for number, title, sponsor, receiving, kind, s_sign, r_sign, signed in AGREEMENTS:
        if (
            session.scalar(
                select(CooperationAgreement.id).where(CooperationAgreement.number == number)
            )
            is None
        ):
            partners.create_agreement(session, principal=_as(session, users[sponsor]),
                                      data=AgreementIn(
                number=number, title=title, sponsor_park=sponsor, receiving_park=receiving,
                signatories=kind, sponsor_signatory=s_sign, receiving_signatory=r_sign,
                signed_on=signed))  # fmt: skip
    for _, number, kind, zh, en, share, years, starts, terms in ARRANGEMENTS:
        if (
            session.scalar(select(EnclaveArrangement.id).where(EnclaveArrangement.name_zh == zh))
            is None
        ):
            partners.create_arrangement(session, principal=_as(session, "it.kunming"),
                                        data=ArrangementIn(
                agreement=number, kind=kind, name_zh=zh, name_en=en, host_share_pct=share,
                term_years=years, starts_on=starts, terms=terms))  # fmt: skip


def _figures(project: DemoProject, stage: str, rng: random.Random) -> ReportIn:
    """A quarter's figures in proportion to the project's size (all demo values)."""
    planned = project.planned_wan * WAN
    people = max(20, planned // 2_000_000)
    if stage == "in_operation":
        output = Decimal(int(planned * rng.uniform(0.22, 0.34)) // WAN * WAN)
        return ReportIn(output_value=output, tax=(output * Decimal("0.045")).quantize(Decimal(1)),
                        employment=int(people * rng.uniform(0.9, 1.1)),
                        investment_completed=Decimal(0))  # fmt: skip
    return ReportIn(
        investment_completed=Decimal(int(planned * rng.uniform(0.06, 0.12)) // WAN * WAN),
        employment=max(10, people // 5),
    )


def _load_project(
    session: Session,
    item: DemoProject,
    users: dict[str, str | None],
    numbers: dict[str, tuple[str, str]],
    arrangements: dict[str, str],
    rng: random.Random,
) -> int:
    sponsor, receiving = numbers[item.agreement]
    registrar = _as(session, users[sponsor])
    made = service.register(
        session,
        principal=registrar,
        data=ProjectIn(
            code=item.code,
            name=item.name,
            enterprise=item.enterprise,
            agreement=item.agreement,
            arrangement_id=arrangements.get(item.arrangement or ""),
            industry_code=item.industry,
            intention_on=item.intention_on,
            planned_investment=Decimal(item.planned_wan * WAN),
        ),
    )
    steps = (("sign", SIGN_AFTER), ("start_construction", BUILD_AFTER),
             ("start_operation", OPERATE_AFTER))  # fmt: skip
    reached = {"intention": 0, "signed": 1, "under_construction": 2, "in_operation": 3}
    host = _as(session, users[receiving])
    for event, days in steps[: reached[item.stage]]:
        service.advance(session, principal=host, project_id=made.id, data=StageIn(
            event=event, on=item.intention_on + timedelta(days=days)))  # fmt: skip
    if item.actual_wan:
        service.update(session, principal=host, project_id=made.id, data=ProjectUpdate(
            actual_investment=Decimal(item.actual_wan * WAN)))  # fmt: skip
    reports = 0
    if item.stage in ("under_construction", "in_operation"):
        for quarter in REPORT_QUARTERS:
            service.file_report(session, principal=host, project_id=made.id, period=quarter,
                                data=_figures(item, item.stage, rng))  # fmt: skip
            reports += 1
    return reports


def load_demo(session: Session) -> dict[str, Any]:
    ensure_parties(session)
    if session.scalar(select(func.count(TransferProject.id))):
        return {"loaded": False}
    users = {code: user for code, *_, user in PARKS}
    numbers = {number: (sponsor, receiving) for number, _, sponsor, receiving, *_ in AGREEMENTS}
    arrangements = {
        key: session.scalars(
            select(EnclaveArrangement.id).where(EnclaveArrangement.name_zh == zh)
        ).one()
        for key, _, _, zh, *_ in ARRANGEMENTS
    }
    rng = random.Random(2023)
    items = pipeline()
    reports = sum(_load_project(session, item, users, numbers, arrangements, rng)
                  for item in items)  # fmt: skip
    current_principal.set(SYSTEM)
    return {"loaded": True, "projects": len(items), "indicator_reports": reports}
