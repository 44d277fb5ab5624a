"""p03 demo: two bonded-repair enterprises in the Tianjin Airport area, admitted by customs, and a
third whose application waits in the queue; a few batches (one within limits, one near a limit,
one exceeding and flagged for the officers' review); and the 2024 waste ledger from
the seed (case 3): 209 t general solid waste and 10 t hazardous waste, all recycled or disposed.
Enterprises, goods, batch figures and certificates are our own illustrative demo values."""

from __future__ import annotations

import hashlib
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind, Role
from ftz.core.auth.principal import Principal, current_principal
from ftz.core.auth.service import DEMO_PASSWORD
from ftz.practices.bonded_repair import batches, service
from ftz.practices.bonded_repair.models import Admission
from ftz.practices.bonded_repair.schemas import (
    AdmissionIn,
    BatchIn,
    DecisionIn,
    OutcomeIn,
    WasteIn,
)

AGENCIES = (
    ("br-customs", "天津机场海关（演示）", "Tianjin Airport Customs (demo)", "customs",
     "br.customs", "海关关员（演示）"),
    ("br-ecology", "天津市生态环境局（演示）", "Tianjin Ecology and Environment Bureau (demo)",
     "ecology", "br.ecology", "生态环境执法人员（演示）"),
)  # fmt: skip
ENTERPRISES = (
    ("br-ent-a", "天津空港航修科技有限公司（演示）", "Konggang Aero Repair Tech (demo)",
     "br.ent.a"),
    ("br-ent-b", "天津滨海再制造装备有限公司（演示）", "Binhai Remanufacturing (demo)",
     "br.ent.b"),
)  # fmt: skip
# A third enterprise whose application waits in the officers' queue; it declares a larger
# environmental risk, so the criteria table shows one row not met (AD-RISK).
APPLICANT = ("br-ent-c", "天津临空表面处理科技有限公司（演示）", "Linkong Surface Treatment (demo)",
             "br.ent.c")  # fmt: skip
# Seed 2024 totals split between the two demo enterprises (the split is ours).
RECYCLER = "天津某再生资源公司（演示）"
DISPOSER = "天津某危废处置公司（演示）"
WASTE = (
    ("br.ent.a", "general", "废包装材料、废金属边角料", "121.000", "recycled", RECYCLER),
    ("br.ent.b", "general", "废金属件、废塑料", "88.000", "recycled", RECYCLER),
    ("br.ent.a", "hazardous", "废矿物油（HW08）", "6.000", "disposed", DISPOSER),
    ("br.ent.b", "hazardous", "废清洗剂、含油抹布（HW49）", "4.000", "disposed", DISPOSER),
)
BATCHES = (  # number, owner, goods, qty, value, (irreparable qty, value), final
    ("TJBR-2024-0001", "br.ent.a", "航空发动机燃油控制器", 200, "48000000.00",
     (3, "1200000.00"), True),
    ("TJBR-2024-0002", "br.ent.a", "机载显示器", 500, "15000000.00", (22, "600000.00"), False),
    ("TJBR-2024-0003", "br.ent.b", "工程机械液压泵", 120, "9600000.00", (8, "500000.00"), True),
)  # fmt: skip


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def ensure_staff(session: Session) -> None:
    for code, zh, en, department, username, name in AGENCIES:
        accounts.ensure_org(session, code=code, name_zh=zh, name_en=en, kind=OrgKind.AGENCY,
                            department=department)  # fmt: skip
        accounts.ensure_user(session, username=username, display_name=name, org_code=code,
                             roles=[Role.OFFICER], password=DEMO_PASSWORD)  # fmt: skip
    for code, zh, en, username in (*ENTERPRISES, APPLICANT):
        accounts.ensure_org(session, code=code, name_zh=zh, name_en=en, kind=OrgKind.ENTERPRISE)
        accounts.ensure_user(session, username=username, display_name=f"{zh[:4]}环保专员",
                             org_code=code, roles=[Role.ENTERPRISE],
                             password=DEMO_PASSWORD)  # fmt: skip


def _who(session: Session, name: str) -> Principal:
    principal = accounts.acting_as(session, name)
    current_principal.set(principal)  # the audit trail records the acting user
    return principal


def load_demo(session: Session) -> dict[str, Any]:
    ensure_staff(session)
    if session.scalar(select(func.count(Admission.id))):
        return {"loaded": False}
    for _, _, _, username in ENTERPRISES:
        made = service.apply(session, principal=_who(session, username), data=AdmissionIn(
            business="保税维修和再制造（演示）", high_tech=True, value_added_pct=180,
            toxic_air=False, toxic_water=False, risk_level="general",
            documents_complete=True, permits_complete=True))  # fmt: skip
        service.decide(session, principal=_who(session, "br.customs"), admission_id=made.id,
                       data=DecisionIn(event="admit", note="材料齐全，符合准入条件"))  # fmt: skip
    service.apply(session, principal=_who(session, APPLICANT[3]), data=AdmissionIn(
        business="航空部件表面处理再制造（演示）", high_tech=True, value_added_pct=150,
        toxic_air=False, toxic_water=False, risk_level="larger",
        documents_complete=True, permits_complete=True))  # fmt: skip
    for number, owner, goods, qty, value, (irr_q, irr_v), final in BATCHES:
        batch = batches.open_batch(session, principal=_who(session, owner), data=BatchIn(
            number=number, goods=goods, quantity=qty, value_cny=Decimal(value),
            preinspection_sha256=fingerprint(f"境外初检报告 {number}")))  # fmt: skip
        repaired = qty - irr_q if final else qty // 2
        batches.report_outcome(session, principal=_who(session, owner), batch_id=batch.id,
                               data=OutcomeIn(repaired_qty=repaired, irreparable_qty=irr_q,
                                              irreparable_value_cny=Decimal(irr_v),
                                              final=final))  # fmt: skip
    for owner, category, description, tonnes, method, receiver in WASTE:
        service.record_waste(session, principal=_who(session, owner), data=WasteIn(
            year=2024, category=category, description=description, tonnes=Decimal(tonnes),
            method=method, receiver=receiver,
            certificate_sha256=fingerprint(f"处置证明 {owner} {description}")))  # fmt: skip
    return {"loaded": True, "batches": len(BATCHES), "waste_records": len(WASTE)}
