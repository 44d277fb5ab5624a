"""p20 demo, from the seed (case 20): the first pilot of five enterprises and fifteen goods
(vacuum, light-proof and constant-temperature packed) worth about 48 million USD a year, all
admitted after customs' risk assessment; one applicant refused (seizures in its inspection
history) and one pilot revoked for a false declaration, blocked for a year. Control instructions
on their goods at Pudong airport: most routed to Suzhou Industrial Park or Jinling customs after
an external check the same or the next working day (against the seed's three days at the port),
one escalated to a full port inspection for a quantity anomaly, and instructions waiting at each
step. Enterprises, goods, values, entry numbers and dates are our own illustrative values; the
HS subheadings are real (HS 2022), filed at six digits."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind, Role
from ftz.core.auth.principal import Principal, current_principal
from ftz.core.auth.service import DEMO_PASSWORD
from ftz.practices.two_stage_inspection import instructions, service
from ftz.practices.two_stage_inspection.models import TsiPilot
from ftz.practices.two_stage_inspection.schemas import (
    AssessmentIn,
    ExternalCheckIn,
    GoodIn,
    InstructionIn,
    PilotIn,
    ResultIn,
    ViolationIn,
)

OFFICES = (
    ("tsi-port-pvg", "浦东国际机场海关（演示）", "Pudong Airport Customs (demo)", "tsi.pvg",
     "浦东机场海关查验关员"),
    ("tsi-port-yangshan", "洋山海关（演示）", "Yangshan Customs (demo)", "tsi.yangshan",
     "洋山海关查验关员"),
    ("tsi-dest-sip", "苏州工业园区海关（演示）", "Suzhou Industrial Park Customs (demo)", "tsi.sip",
     "园区海关目的地检查关员"),
    ("tsi-dest-nj", "金陵海关（演示）", "Jinling Customs (demo)", "tsi.nj",
     "金陵海关目的地检查关员"),
)  # fmt: skip
# (org code, name zh, name en, user, goods: (hs, name, specification, packing, annual USD))
ENTERPRISES = (
    ("tsi-ent-photo", "苏州纳微光刻材料有限公司（演示）", "Nanowei Photoresist (demo)", "tsi.ent", (
        ("370790", "KrF光刻胶", "1加仑/瓶，避光", "light_proof", "6200000"),
        ("370790", "ArF光刻胶", "1加仑/瓶，避光", "light_proof", "4800000"),
        ("370710", "感光乳剂", "500毫升/瓶", "light_proof", "1800000"),
    )),
    ("tsi-ent-wafer", "苏州晶准半导体材料有限公司（演示）",
     "Jingzhun Semiconductor Materials (demo)", "tsi.ent2", (
        ("381800", "掺杂硅片", "12英寸，真空包装", "vacuum", "9500000"),
        ("854232", "存储芯片", "BGA封装，防潮真空包装", "vacuum", "4300000"),
        ("854231", "处理器芯片", "真空干燥包装", "vacuum", "3100000"),
    )),
    ("tsi-ent-bio", "南京康诺生物试剂有限公司（演示）", "Kangnuo Bio-reagents Nanjing (demo)",
     "tsi.ent3", (
        ("382219", "诊断试剂盒", "2-8℃恒温", "constant_temperature", "3600000"),
        ("300290", "细胞培养物", "-80℃恒温", "constant_temperature", "2200000"),
        ("300215", "免疫制品", "2-8℃恒温", "constant_temperature", "2500000"),
    )),
    ("tsi-ent-optic", "苏州精衡光学仪器有限公司（演示）", "Jingheng Optical Instruments (demo)",
     "tsi.ent4", (
        ("900190", "镀膜光学元件", "真空密封，避光", "vacuum", "2400000"),
        ("902750", "光谱分析模组", "恒温防震包装", "constant_temperature", "2900000"),
        ("901380", "激光光学器件", "防光包装", "light_proof", "1700000"),
    )),
    ("tsi-ent-sensor", "无锡芯感电子有限公司（演示）", "Xingan Sensors Wuxi (demo)", "tsi.ent5", (
        ("854149", "光敏半导体器件", "防光真空包装", "light_proof", "2600000"),
        ("848690", "晶圆设备零件", "真空包装", "vacuum", "1100000"),
        ("293499", "核酸类化合物", "-20℃恒温", "constant_temperature", "900000"),
    )),
)  # fmt: skip
REFUSED = ("tsi-ent-refused", "苏州恒达电子贸易有限公司（演示）",
           "Hengda Electronics Trading (demo)", "tsi.ent6")  # fmt: skip
REVOKED = ("tsi-ent-revoked", "常州瑞安生物科技有限公司（演示）", "Ruian Biotech Changzhou (demo)",
           "tsi.ent7")  # fmt: skip
# (enterprise user, hs, quantity, unit, value USD, arrived, checked, destination, end)
INSTRUCTIONS = (
    ("tsi.ent", "370790", "40", "瓶", "186000", date(2026, 10, 12), date(2026, 10, 12), "sip",
     "closed"),
    ("tsi.ent2", "381800", "1200", "片", "312000", date(2026, 10, 14), date(2026, 10, 15), "sip",
     "closed"),
    ("tsi.ent3", "382219", "600", "盒", "96000", date(2026, 10, 20), date(2026, 10, 20), "nj",
     "closed"),
    ("tsi.ent4", "902750", "12", "台", "228000", date(2026, 10, 27), date(2026, 10, 28), "sip",
     "closed"),
    ("tsi.ent5", "854149", "20000", "个", "142000", date(2026, 11, 3), date(2026, 11, 3), "sip",
     "closed"),
    ("tsi.ent2", "854232", "8000", "个", "265000", date(2026, 11, 5), date(2026, 11, 6), "sip",
     "closed"),
    ("tsi.ent3", "300290", "80", "支", "54000", date(2026, 11, 9), date(2026, 11, 11), "nj",
     "escalated"),
    ("tsi.ent", "370710", "120", "瓶", "43000", date(2026, 11, 16), date(2026, 11, 17), "sip",
     "routed"),
    ("tsi.ent4", "900190", "300", "件", "88000", date(2026, 11, 19), None, "sip", "issued"),
    ("tsi.ent6", "854231", "5000", "个", "120000", date(2026, 11, 19), None, "sip", "port"),
)  # fmt: skip


def ensure_staff(session: Session) -> None:
    for code, zh, en, username, name in OFFICES:
        accounts.ensure_org(session, code=code, name_zh=zh, name_en=en, kind=OrgKind.AGENCY,
                            department="customs")  # fmt: skip
        accounts.ensure_user(session, username=username, display_name=name, org_code=code,
                             roles=[Role.OFFICER], password=DEMO_PASSWORD)  # fmt: skip
    companies = [(c, zh, en, u) for c, zh, en, u, _ in ENTERPRISES] + [REFUSED, REVOKED]
    for code, zh, en, username in companies:
        accounts.ensure_org(session, code=code, name_zh=zh, name_en=en, kind=OrgKind.ENTERPRISE)
        accounts.ensure_user(session, username=username, display_name=f"{zh[:6]}关务专员",
                             org_code=code, roles=[Role.ENTERPRISE],
                             password=DEMO_PASSWORD)  # fmt: skip


def _who(session: Session, name: str) -> Principal:
    principal = accounts.acting_as(session, name)
    current_principal.set(principal)  # the audit trail records the acting user
    return principal


def _apply(session: Session, user: str, goods: tuple[tuple[str, ...], ...], n: int) -> str:
    data = PilotIn(
        contact=f"关务部 {user}", business_scope="高新技术产品研发、生产及进口",
        recommendation_ref=f"苏自贸推〔2026〕{n}号",
        goods=[GoodIn(tariff_code=hs, name=name, specification=spec, packing=packing,
                      annual_value_usd=Decimal(value))
               for hs, name, spec, packing, value in goods],
    )  # fmt: skip
    return service.apply(session, principal=_who(session, user), data=data).id


def _assess(session: Session, pilot_id: str, on: date, **facts: Any) -> None:
    data = AssessmentIn(**{"credit_level": "advanced_certified", "local_recommended": True,
                           "supply_chain": "traceable", "seizures_3y": 0, **facts},
                        assessed_on=on, note="事前风险评估")  # fmt: skip
    service.assess(session, principal=_who(session, "tsi.sip"), pilot_id=pilot_id, data=data)


def _instruction(session: Session, serial: int, row: tuple[Any, ...]) -> None:
    user, hs, qty, unit, value, arrived, checked, dest, end = row
    org = accounts.get_user_by_username(session, user)
    assert org is not None
    name = next(
        (g[1] for e in ENTERPRISES for g in e[4] if e[3] == user and g[0] == hs), "电子元器件"
    )
    port = _who(session, "tsi.pvg")
    made = instructions.issue(session, principal=port, data=InstructionIn(
        enterprise=org.organization.code, entry_no=f"2218202610{serial:08d}", tariff_code=hs,
        goods_name=name, quantity=Decimal(qty), unit=unit, value_usd=Decimal(value),
        requirements="核对品名、规格、数量，开箱检查品质", arrived_on=arrived,
        port_office="tsi-port-pvg", destination_office=f"tsi-dest-{dest}",
    ))  # fmt: skip
    if end in ("issued", "port"):
        return
    anomaly = end == "escalated"
    instructions.external_check(session, principal=port, instruction_id=made.id,
                                data=ExternalCheckIn(labels_ok=True, name_ok=True, spec_ok=True,
                                                     quantity_ok=not anomaly, packing_intact=True,
                                                     checked_on=arrived if anomaly else checked,
                                                     note="外包装标签核对"))  # fmt: skip
    if end == "routed":
        return
    if anomaly:
        result = ResultIn(
            conform=True, checked_on=checked, note="开箱全面查验，数量短少系装箱单笔误"
        )
        instructions.port_inspection(session, principal=port, instruction_id=made.id, data=result)
        return
    destination = _who(session, f"tsi.{dest}")
    instructions.destination_check(session, principal=destination, instruction_id=made.id,
                                   data=ResultIn(conform=True, checked_on=checked,
                                                 note="目的地检查，随即投入使用"))  # fmt: skip


def load_demo(session: Session) -> dict[str, Any]:
    ensure_staff(session)
    if session.scalar(select(func.count(TsiPilot.id))):
        return {"loaded": False}
    for n, (_, _, _, user, goods) in enumerate(ENTERPRISES, start=1):
        _assess(session, _apply(session, user, goods, n), date(2026, 9, 1 + n),
                **({"credit_level": "general_credit"} if n == 5 else {}))  # fmt: skip
    refused = _apply(session, REFUSED[3], (("854231", "处理器芯片", "真空包装", "vacuum",
                                            "5000000"),), 6)  # fmt: skip
    _assess(session, refused, date(2026, 9, 10), credit_level="general_credit", seizures_3y=2)
    revoked = _apply(session, REVOKED[3], (("300290", "细胞培养物", "-80℃恒温",
                                            "constant_temperature", "1500000"),), 7)  # fmt: skip
    _assess(session, revoked, date(2026, 6, 15))
    service.revoke(session, principal=_who(session, "tsi.sip"), pilot_id=revoked,
                   data=ViolationIn(violation="false_declaration", found_on=date(2026, 10, 9),
                                    note="稽核查发现申报规格与实际不符"))  # fmt: skip
    for serial, row in enumerate(INSTRUCTIONS, start=1):
        _instruction(session, serial, row)
    return {"loaded": True, "pilots": 7, "instructions": len(INSTRUCTIONS)}
