"""p19 demo: Nanjing's mediation centre, a notary, and 520 cases over 7 provinces and 30
countries (seed: 500+ cases, 7 provinces, 30 countries, over 1.4 billion CNY), run through the
real flow; the seed's example (a design licence breached by a Korean brand) is case 1."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind, Role
from ftz.core.auth.principal import current_principal
from ftz.core.auth.service import DEMO_PASSWORD
from ftz.practices.trade_mediation import service
from ftz.practices.trade_mediation.models import Case
from ftz.practices.trade_mediation.schemas import AgreementIn, CaseIn, EvidenceIn, SessionIn

COUNTRIES = [
    "KR",
    "JP",
    "SG",
    "MY",
    "TH",
    "VN",
    "ID",
    "PH",
    "IN",
    "AE",
    "SA",
    "TR",
    "DE",
    "FR",
    "IT",
    "ES",
    "NL",
    "GB",
    "US",
    "CA",
    "MX",
    "BR",
    "AU",
    "NZ",
    "ZA",
    "EG",
    "RU",
    "KZ",
    "HK",
    "MO",
]
PROVINCES = ["江苏", "浙江", "上海", "安徽", "广东", "山东", "湖北"]
TYPES = ["ip_license", "trade_secret", "online_transaction", "service_trade", "goods_delivery"]
CASES = 520


def ensure_staff(session: Session) -> None:
    """The mediation centre with its mediator, and a notary office with its notary."""
    accounts.ensure_org(
        session,
        code="nj-mediation",
        name_zh="国际数字贸易与金融调解中心",
        name_en="International Digital Trade and Finance Mediation Centre",
        kind=OrgKind.AGENCY,
        department=service.MEDIATION_DEPARTMENT,
    )
    accounts.ensure_user(
        session,
        username="mediator",
        display_name="吴调解",
        org_code="nj-mediation",
        roles=[Role.OFFICER],
        password=DEMO_PASSWORD,
    )
    accounts.ensure_org(
        session,
        code="nj-notary",
        name_zh="南京市石城公证处",
        name_en="Nanjing Shicheng Notary Office",
        kind=OrgKind.AGENCY,
        department="notary",
    )
    accounts.ensure_user(
        session,
        username="notary",
        display_name="郑公证",
        org_code="nj-notary",
        roles=[Role.NOTARY],
        password=DEMO_PASSWORD,
    )


def load_demo(session: Session) -> dict[str, Any]:
    ensure_staff(session)
    if session.scalar(select(func.count(Case.id))):
        return {"loaded": False}
    mediator, notary = (
        accounts.acting_as(session, "mediator"),
        accounts.acting_as(session, "notary"),
    )
    start = datetime(2023, 3, 1, tzinfo=UTC)
    for n in range(CASES):
        applicant = accounts.acting_as(session, "ent.a" if n % 2 else "ent.b")
        first = n == 0
        case = service.file_case(
            session,
            principal=applicant,
            data=CaseIn(
                dispute_type="ip_license" if first else TYPES[n % len(TYPES)],
                summary=(
                    "服装设计授权仅限韩国销售，被许可方在其他国家销售"
                    if first
                    else f"跨境数字贸易纠纷 {n}"
                ),
                amount_cny=2_750_000 + (n * 7919) % 1_000_000,
                province=PROVINCES[n % 7],
                respondent={"name": f"Counterparty {n}", "country": COUNTRIES[n % 30]},
                arbitration_clause=n % 5 == 0,
            ),
        )
        evidence = hashlib.sha256(f"design-{n}".encode()).hexdigest()
        service.add_evidence(
            session,
            principal=applicant,
            case_id=case.id,
            data=EvidenceIn(
                party_role="applicant", kind="ip_creation", title="设计过程存证", sha256=evidence
            ),
        )
        if n % 10 == 9:
            continue  # waiting for acceptance
        current_principal.set(mediator)
        service.accept(session, principal=mediator, case_id=case.id)
        service.hold_session(
            session,
            principal=mediator,
            case_id=case.id,
            data=SessionIn(scheduled_at=start + timedelta(days=n), interpreter=True, language="en"),
        )
        if n % 10 == 8:
            service.close_without_settlement(
                session, principal=mediator, case_id=case.id, refer=True
            )
            continue
        service.draft_agreement(
            session,
            principal=mediator,
            case_id=case.id,
            data=AgreementIn(
                terms=f"被申请人承认违约并支付赔偿金，双方补签其他国家销售许可（{case.number}）。",
                payment_cny=500_000,
                enforcement_consent=True,
            ),
        )
        code = service.signing_code(session, principal=mediator, case_id=case.id)
        current_principal.set(applicant)
        service.sign(session, principal=applicant, case_id=case.id, name="法定代表人")
        service.sign(
            session, principal=mediator, case_id=case.id, name=f"Counterparty {n}", code=code
        )
        if n % 2 == 0:
            current_principal.set(notary)
            service.notarize(session, principal=notary, case_id=case.id)
    stats = service.statistics(session, principal=mediator)
    return {
        "loaded": True,
        "cases": stats["cases"],
        "countries": stats["countries"],
        "amount_cny": stats["amount_cny"],
    }
