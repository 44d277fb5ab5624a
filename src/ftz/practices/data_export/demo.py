"""p01 demo: the cyberspace administration's officer, and demo enterprises in the three zones of
seed case 1 (connected vehicles and biomedicine in Lingang, cross-border retail in Tianjin, an
automaker and a pharmaceutical group in Beijing) filing flows through the real flow, recording
export batches and being audited. Names are fictional; figures are illustrative."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from stdnum.cn import uscc

from ftz.config import get_settings
from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind, Role
from ftz.core.auth.service import DEMO_PASSWORD
from ftz.practices.data_export import evidence, service
from ftz.practices.data_export.models import Filing
from ftz.practices.data_export.schemas import BatchIn, FilingIn

# code, name_zh, name_en, user, zone, sector, recipient, country, scenario, fields
ENTERPRISES: list[tuple[str, str, str, str, str, str, str, str, str, list[str]]] = [
    (
        "dx-lg-auto",
        "临港智联汽车科技有限公司（演示）",
        "Lingang Connected Car Tech (demo)",
        "dx.auto",
        "shanghai-lingang",
        "automobile",
        "Global R&D Center GmbH",
        "DE",
        "智能网联汽车跨国研发测试",
        [
            "vin:pi",
            "can_signal_speed",
            "battery_temperature",
            "fault_code",
            "gps_track:spi",
            "driver_mobile:pi",
        ],
    ),
    (
        "dx-lg-bio",
        "临港创新生物医药有限公司（演示）",
        "Lingang Innovative Biopharma (demo)",
        "dx.bio",
        "shanghai-lingang",
        "biomedicine",
        "Clinical Data Services Ltd",
        "GB",
        "医药临床试验和研发",
        ["subject_code", "age_band", "adverse_event:spi", "lab_result:spi", "site_id"],
    ),
    (
        "dx-tj-retail",
        "天津跨境优选电子商务有限公司（演示）",
        "Tianjin Cross-border Select (demo)",
        "dx.retail",
        "tianjin",
        "retail",
        "Overseas Fulfilment Pte Ltd",
        "SG",
        "跨境购物订单履约",
        ["buyer_name:pi", "buyer_mobile:pi", "delivery_address:pi", "order_id", "sku"],
    ),
    (
        "dx-bj-pharma",
        "北京康研医药集团有限公司（演示）",
        "Beijing Kangyan Pharma Group (demo)",
        "dx.pharma",
        "beijing",
        "biomedicine",
        "Pharmacovigilance Hub AG",
        "CH",
        "药物警戒不良反应报告",
        ["case_id", "patient_initials:pi", "adverse_event:spi", "drug_batch", "reporter_email:pi"],
    ),
]


def _scenario_flags(zone: str, sector: str) -> dict[str, Any]:
    # Lingang's general data list and Beijing's negative list: a field-level fact the enterprise
    # declares; in the demo the connected-car R&D flow is off the list, the pharmacovigilance
    # flow is on it (it carries health data of Chinese patients).
    return {"on_negative_list": sector == "biomedicine" and zone == "beijing"}


def ensure_staff(session: Session) -> None:
    accounts.ensure_org(
        session,
        code="cac-sh",
        name_zh="上海市互联网信息办公室（演示）",
        name_en="Shanghai Cyberspace Administration (demo)",
        kind=OrgKind.AGENCY,
        department="cyberspace",
    )
    accounts.ensure_user(
        session,
        username="data.officer",
        display_name="钱网信",
        org_code="cac-sh",
        roles=[Role.OFFICER],
        password=DEMO_PASSWORD,
    )
    for n, (code, zh, en, user, *_rest) in enumerate(ENTERPRISES, 20):
        body = f"91310000MA1{n:06d}"
        accounts.ensure_org(
            session, code=code, name_zh=zh, name_en=en, kind=OrgKind.ENTERPRISE,
            uscc=body + uscc.calc_check_digit(body),
        )  # fmt: skip
        accounts.ensure_user(
            session, username=user, display_name=f"{zh[:2]}数据合规官", org_code=code,
            roles=[Role.ENTERPRISE], password=DEMO_PASSWORD,
        )  # fmt: skip


def _filing(
    index: int, entry: tuple[str, str, str, str, str, str, str, str, str, list[str]]
) -> FilingIn:
    _code, _zh, _en, _user, zone, sector, recipient, country, scenario, fields = entry
    inventory = [
        {
            "name": name.split(":")[0],
            "personal_info": ":" in name,
            "sensitive": name.endswith(":spi"),
        }
        for name in fields
    ]
    sensitive = any(f["sensitive"] for f in inventory)
    individuals = [60_000, 8_000, 180_000, 3_000][index % 4]
    return FilingIn.model_validate(
        {
            "recipient": recipient,
            "country": country,
            "sector": sector,
            "purpose": "contract_with_individual" if sector == "retail" else "other",
            "purpose_text": scenario,
            "scenario": scenario,
            "ftz": zone,
            "inventory": inventory,
            "individuals": individuals,
            "sensitive_individuals": individuals // 10 if sensitive else 0,
            "documents": [
                {
                    "kind": "standard_contract",
                    "title": f"个人信息出境标准合同 {recipient}",
                    "sha256": hashlib.sha256(f"contract-{index}".encode()).hexdigest(),
                }
            ],
            **_scenario_flags(zone, sector),
        }
    )


# The seed's green channel covers 5 industries and 100+ enterprises; the demo adds 20 generated
# enterprises in those industries, two flows each, at every stage of the flow.
GREEN_SECTORS = [
    ("automobile", "DE", "整车研发数据共享"),
    ("biomedicine", "US", "多中心临床试验数据"),
    ("retail", "JP", "跨境电商订单与会员服务"),
    ("finance", "HK", "跨境支付与反洗钱核查"),
    ("aviation", "FR", "航班运行与旅客服务"),
]
GENERATED = 20


def _generated(session: Session) -> list[str]:
    users = []
    for n in range(GENERATED):
        code, user = f"dx-green-{n:02d}", f"dx.green{n:02d}"
        body = f"91120000MA2{n:06d}"
        sector = GREEN_SECTORS[n % 5][0]
        accounts.ensure_org(
            session,
            code=code,
            name_zh=f"绿色通道演示企业{n + 1:02d}（{sector}）",
            name_en=f"Green-channel demo enterprise {n + 1:02d} ({sector})",
            kind=OrgKind.ENTERPRISE,
            uscc=body + uscc.calc_check_digit(body),
        )
        accounts.ensure_user(
            session, username=user, display_name=f"演示合规官{n + 1:02d}", org_code=code,
            roles=[Role.ENTERPRISE], password=DEMO_PASSWORD,
        )  # fmt: skip
        users.append(user)
    return users


def _generated_filing(n: int, flow: int) -> FilingIn:
    sector, country, scenario = GREEN_SECTORS[n % 5]
    zone = (None, "tianjin", "beijing", "shanghai-lingang")[(n + flow) % 4]
    # Volumes spread over the thresholds: exempt, standard contract, security assessment.
    individuals = (20_000, 150_000, 420_000, 1_300_000)[(n + 2 * flow) % 4]
    sensitive = (0, 2_000, 0, 15_000)[(n + flow) % 4]
    return FilingIn.model_validate(
        {
            "recipient": f"{scenario} Partner {n + 1:02d}",
            "country": country,
            "sector": sector,
            "purpose": "other",
            "scenario": scenario,
            "ftz": zone,
            "on_negative_list": True if zone else None,
            "inventory": [
                {"name": "customer_id", "personal_info": True},
                {"name": "mobile", "personal_info": True},
                {"name": "account_no", "personal_info": True, "sensitive": sensitive > 0},
                {"name": "amount"},
            ],
            "individuals": individuals,
            "sensitive_individuals": sensitive,
            "documents": [
                {
                    "kind": "standard_contract",
                    "title": f"出境文件 {n}-{flow}",
                    "sha256": hashlib.sha256(f"doc-{n}-{flow}".encode()).hexdigest(),
                }
            ],
        }
    )


def _advance(session: Session, user: str, filing: Filing, stage: int) -> None:
    """Take a generated filing to one of the stages: draft, submitted, returned, approved,
    rejected (stage 0-4)."""
    if stage == 0:
        return
    service.submit(session, principal=accounts.acting_as(session, user), filing_id=filing.id)
    if stage == 1:
        return
    officer = accounts.acting_as(session, "data.officer")
    decision, note = {
        2: ("return_for_changes", "请补充境外接收方的数据安全保护能力说明"),
        3: ("approve", "材料齐全"),
        4: ("reject", "出境目的与处理范围不具有必要性"),
    }[stage]
    service.review(session, principal=officer, filing_id=filing.id, decision=decision, note=note)


def load_demo(session: Session) -> dict[str, Any]:
    ensure_staff(session)
    users = _generated(session)
    if session.scalar(select(func.count(Filing.id))):
        return {"loaded": False}
    for n, user in enumerate(users):
        for flow in range(2):
            principal = accounts.acting_as(session, user)
            filing = service.create_filing(
                session, principal=principal, data=_generated_filing(n, flow)
            )
            _advance(session, user, filing, (n + flow) % 5 if n % 3 else 3)
    officer = accounts.acting_as(session, "data.officer")
    start = datetime(2026, 1, 5, 9, tzinfo=UTC)
    filings = 0
    for index, entry in enumerate(ENTERPRISES):
        enterprise = accounts.acting_as(session, entry[3])
        filing = service.create_filing(session, principal=enterprise, data=_filing(index, entry))
        service.submit(session, principal=enterprise, filing_id=filing.id)
        accounts.acting_as(session, "data.officer")
        service.review(
            session, principal=officer, filing_id=filing.id, decision="approve", note="材料齐全"
        )
        filings += 1
        enterprise = accounts.acting_as(session, entry[3])
        columns = [f["name"] for f in filing.inventory]
        for month in range(10):
            extra = ["customer_face_image"] if index == 0 and month == 9 else []
            evidence.record_batch(
                session,
                principal=enterprise,
                data=BatchIn(
                    filing_id=filing.id,
                    exported_at=start + timedelta(days=30 * month + index),
                    columns=columns + extra,
                    row_count=5_000 + 100 * month,
                    individuals=filing.individuals // 8,
                    sensitive_individuals=filing.sensitive_individuals // 8,
                    sha256=hashlib.sha256(f"batch-{index}-{month}".encode()).hexdigest(),
                ),
            )
    auditor = accounts.acting_as(session, "data.officer")
    for entry in ENTERPRISES:
        org = accounts.get_org_by_code(session, entry[0])
        assert org is not None
        evidence.run_audit(
            session, principal=auditor, org_id=org.id, year=2026, settings=get_settings()
        )
    return {"loaded": True, "filings": filings + 2 * GENERATED}
