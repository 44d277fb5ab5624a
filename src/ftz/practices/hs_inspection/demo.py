"""p06 demo, from the seed (case 6, Shenyang area of the Liaoning FTZ): the customs inspection
office and three importers of mechanical and electrical goods; the four sources' records in the
seed's total (2,718: the split over the sources is ours), imported through the importers; the
4,555 inspected batches with 142 nonconforming, each nonconforming batch also a nonconformity
record; a dozen batches arriving today for the workbench; and typical cases confirmed into the
risk-case database. Firms, brands, models, barcodes and reference numbers are illustrative.
Deterministic (fixed random seed); batches go in as one bulk insert."""

# ruff: noqa: E501 (the product and defect tables read best one row per line)
from __future__ import annotations

import json
import random
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind, Role
from ftz.core.auth.principal import Principal, current_principal
from ftz.core.auth.service import DEMO_PASSWORD
from ftz.core.db.base import utcnow
from ftz.core.kit.ids import new_id
from ftz.practices.hs_inspection import importer, service
from ftz.practices.hs_inspection.common import settings
from ftz.practices.hs_inspection.models import HsBatch, HsRiskRecord
from ftz.practices.hs_inspection.schemas import BatchIn, CaseIn

OFFICE = ("hs-sy-customs", "沈阳海关综合技术检验处（演示）", "Shenyang Customs inspection (demo)")
OFFICERS = (("hs.officer", "沈阳海关检验员"), ("hs.officer2", "沈阳海关风险分析员"))
IMPORTERS = (
    ("hs-imp-a", "沈阳盛京机电进出口有限公司（演示）", "Shengjing M&E Import (demo)", "hs.importer"),
    ("hs-imp-b", "辽宁浑河家电贸易有限公司（演示）", "Hunhe Appliance Trading (demo)", "hs.importer2"),
    ("hs-imp-c", "沈阳铁西装备再制造有限公司（演示）", "Tiexi Equipment Reman (demo)", "hs.importer3"),
)  # fmt: skip
# (tariff code, product, brands, risk types, batch weight, used machinery)
PRODUCTS: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...], int, bool], ...] = (
    ("8516600000", "电烤箱及电磁炉", ("Kochwerk", "CasaChef"), ("electric_shock", "fire", "burns"), 9, False),
    ("8516310000", "电吹风", ("Aerolux", "Bellavita"), ("electric_shock", "fire"), 6, False),
    ("8516710000", "咖啡机", ("Barista+", "Kaffeehaus"), ("burns", "electric_shock"), 5, False),
    ("8509400090", "食品研磨机及搅拌器", ("MixPro", "Kitchenia"), ("injuries", "electric_shock"), 6, False),
    ("8508110000", "真空吸尘器", ("Staubfrei", "CleanWave"), ("fire", "emc"), 5, False),
    ("8418102000", "冷藏冷冻组合机", ("NordKuhl",), ("environment", "electric_shock"), 4, False),
    ("8450111000", "全自动洗衣机", ("Waschmeister",), ("electric_shock", "injuries"), 4, False),
    ("8414519100", "电风扇", ("BreezeLine",), ("injuries", "fire"), 5, False),
    ("8471300000", "便携式电脑", ("Notebo", "Lapton"), ("fire", "emc"), 7, False),
    ("8517130000", "智能手机", ("Phonix",), ("fire", "emc", "chemical"), 6, False),
    ("8528721100", "彩色电视机", ("Visionet",), ("electric_shock", "emc"), 4, False),
    ("8504401400", "电源适配器及充电器", ("ChargeIt", "Voltara"), ("electric_shock", "fire", "emc"), 9, False),
    ("8507600020", "锂离子蓄电池", ("Lithon",), ("fire", "chemical"), 5, False),
    ("8536690000", "插头插座及转换器", ("PlugWell",), ("electric_shock", "fire", "labelling"), 8, False),
    ("8544421900", "电线电缆", ("Cablex",), ("fire", "electric_shock"), 5, False),
    ("9405420000", "LED灯具", ("Luminor", "Lichtwerk"), ("electric_shock", "fire", "emc"), 7, False),
    ("9503008900", "电动玩具", ("ToyJoy",), ("chemical", "injuries", "labelling"), 6, False),
    ("8711600000", "电动自行车", ("VeloE",), ("fire", "injuries"), 3, False),
    ("9018190000", "电气诊断医疗设备", ("Medion",), ("electric_shock", "emc"), 3, False),
    ("8458110000", "数控卧式车床（旧）", ("Okuma-R", "Heller-R"), ("injuries", "electric_shock"), 3, True),
    ("8429521200", "履带式挖掘机（旧）", ("Komat-R", "Hitachi-R"), ("injuries", "environment"), 3, True),
    ("8477109000", "注塑机（旧）", ("Engel-R", "Arburg-R"), ("injuries", "burns"), 3, True),
    ("8479899990", "其他机械（旧）", ("Misc-R",), ("injuries", "labelling"), 2, True),
)  # fmt: skip
DEFECTS = {
    "electric_shock": ("带电部件可触及，防触电保护不合格", "抗电强度试验击穿", "接地连续性不合格"),
    "fire": ("非金属材料灼热丝试验不合格", "电源线截面积不足，温升超标", "电池过充保护失效"),
    "injuries": ("运动部件防护罩缺失", "急停装置失效", "刀片可触及"),
    "chemical": ("塑料部件邻苯二甲酸酯超标", "焊料铅含量超标"),
    "burns": ("外壳表面温升超标", "蒸汽出口无防护"),
    "environment": ("制冷剂未标识", "液压油泄漏"),
    "emc": ("辐射骚扰超标", "谐波电流超标"),
    "labelling": ("无中文标识和说明书", "额定值标识与实物不符"),
    "other": ("其他不符合项",),
}
DEFECTS_EN = {
    "electric_shock": "Live parts are accessible; the product does not comply with EN 60335-1.",
    "fire": "The insulation of the power cord is insufficient and may overheat.",
    "injuries": "Moving parts are not guarded; the user may be injured.",
    "chemical": "The plastic contains DEHP above the REACH limit.",
    "burns": "The outer surface gets too hot.",
    "environment": "The refrigerant is not declared.",
    "emc": "Radiated emissions exceed the limits of EN 55032.",
    "labelling": "No instructions in the language of the market.",
}
MEASURES = (
    "Withdrawal of the product from the market", "Recall of the product from end users",
    "Rejected at border", "Ban on the marketing of the product",
)  # fmt: skip
EU = ("Germany", "France", "Italy", "Spain", "Netherlands", "Poland", "Sweden", "Hungary")
RETURN_TO = ("Japan", "Korea", "Germany", "United States", "Russia", "Australia")
USED_FROM = ("Japan", "Germany", "Korea", "Italy")
SEVERITY = {"electric_shock": 4, "fire": 3, "injuries": 3, "chemical": 3, "burns": 2}
START, END = date(2023, 4, 1), date(2025, 3, 31)


def ean13(rng: random.Random) -> str:
    body = "69" + "".join(str(rng.randint(0, 9)) for _ in range(10))
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
    return body + str((10 - total % 10) % 10)


def ensure_staff(session: Session) -> None:
    code, zh, en = OFFICE
    accounts.ensure_org(session, code=code, name_zh=zh, name_en=en, kind=OrgKind.AGENCY,
                        department="inspection")  # fmt: skip
    for username, name in OFFICERS:
        accounts.ensure_user(session, username=username, display_name=name, org_code=code,
                             roles=[Role.OFFICER], password=DEMO_PASSWORD)  # fmt: skip
    for org, zh, en, username in IMPORTERS:
        accounts.ensure_org(session, code=org, name_zh=zh, name_en=en, kind=OrgKind.ENTERPRISE)
        accounts.ensure_user(session, username=username, display_name=f"{zh[:4]}报检员",
                             org_code=org, roles=[Role.ENTERPRISE],
                             password=DEMO_PASSWORD)  # fmt: skip


def _who(session: Session, name: str) -> Principal:
    principal = accounts.acting_as(session, name)
    current_principal.set(principal)
    return principal


def _day(rng: random.Random) -> date:
    return START + timedelta(days=rng.randint(0, (END - START).days))


def _batches(rng: random.Random, orgs: list[str]) -> tuple[list[dict[str, Any]], list[int]]:
    seed = settings()["seed"]
    weights = [p[4] for p in PRODUCTS]
    picks = rng.choices(range(len(PRODUCTS)), weights=weights, k=seed["batches"])
    days = sorted(_day(rng) for _ in picks)
    # Nonconforming batches lean to products with more risk types (heavier rows).
    risky = [i for i, p in enumerate(picks) for _ in range(len(PRODUCTS[p][3]))]
    bad: set[int] = set()
    while len(bad) < seed["nonconforming"]:
        bad.add(rng.choice(risky))
    rows: list[dict[str, Any]] = []
    per_year: dict[int, int] = {}
    now = utcnow()
    for n, (pick, day) in enumerate(zip(picks, days, strict=True)):
        tariff, product, brands, risks, _, used = PRODUCTS[pick]
        per_year[day.year] = per_year.get(day.year, 0) + 1
        nonconforming = n in bad
        risk = rng.choice(risks) if nonconforming else ""
        rows.append({
            "id": new_id(), "created_at": now, "updated_at": now, "org_id": orgs[pick % 3],
            "number": f"SY{day.year}-{per_year[day.year]:06d}",
            "declaration_no": f"0801{day.year}{n:010d}", "hs_code": tariff[:6],
            "tariff_code": tariff, "product": product, "brand": rng.choice(brands),
            "model": f"{rng.choice('ABCDKMX')}{rng.randint(100, 999)}",
            "origin_country": rng.choice(USED_FROM if used else (*EU, "Japan", "Korea")),
            "quantity": 1 if used else rng.randint(20, 2000), "arrival_date": day,
            "used_machinery": used, "status": "inspected", "risk_level": "",
            "recommended_action": "", "assessment": {},
            "result": "nonconforming" if nonconforming else "conforming",
            "action_taken": rng.choice(("sampling", "lab_test")) if nonconforming
            else rng.choice(("release", "release", "document_check", "sampling")),
            "risk_type": risk, "defect": rng.choice(DEFECTS[risk]) if risk else "",
            "officer": OFFICERS[n % 2][0],
            "inspected_at": datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=15),
            "ledger_index": None,
        })  # fmt: skip
    return rows, sorted(bad)


def _records(rng: random.Random, batches: list[dict[str, Any]], bad: list[int]) -> dict[str, list[dict[str, Any]]]:  # fmt: skip
    split = settings()["demo_split"]
    out: dict[str, list[dict[str, Any]]] = {s: [] for s in split}
    for n in bad:
        b = batches[n]
        out["nonconformity"].append({
            "record_no": b["number"], "hs_code": b["tariff_code"],
            "record_date": b["arrival_date"].isoformat(), "product": b["product"],
            "country": b["origin_country"], "brand": b["brand"], "model": b["model"],
            "batch_no": b["number"], "risk_type": b["risk_type"], "defect": b["defect"],
            "measures": b["action_taken"], "severity": SEVERITY.get(b["risk_type"]),
            "result": "nonconforming",
        })  # fmt: skip
    for source, total in split.items():
        used_only = source == "used_machinery"
        pool = [p for p in PRODUCTS if p[5] == used_only] if used_only else list(PRODUCTS)
        for n in range(len(out[source]), total):
            tariff, product, brands, risks, _, _ = rng.choice(pool)
            risk, day = rng.choice(risks), _day(rng)
            row: dict[str, Any] = {
                "hs_code": tariff, "record_date": day.isoformat(), "product": product,
                "brand": rng.choice(brands), "model": f"{rng.choice('ABCDKMX')}{rng.randint(100, 999)}",
                "risk_type": risk, "defect": rng.choice(DEFECTS[risk]),
            }  # fmt: skip
            if source == "nonconformity":
                row |= {"record_no": f"NC{day.year}-{n:05d}", "country": rng.choice(EU),
                        "severity": SEVERITY.get(risk), "measures": "退运/销毁"}  # fmt: skip
            elif source == "overseas_notification":
                row |= {"alert_number": f"A{rng.randint(1, 12):02d}/{n:05d}/{day.year % 100}",
                        "country": rng.choice(EU), "barcode": ean13(rng),
                        "batch_no": f"LOT{rng.randint(1000, 9999)}",
                        "defect": DEFECTS_EN.get(risk, row["defect"]),
                        "measures": rng.choice(MEASURES), "severity": SEVERITY.get(risk)}  # fmt: skip
            elif source == "export_return":
                row |= {"return_no": f"TH{day.year}-{n:04d}", "country": rng.choice(RETURN_TO),
                        "destination_quantity": rng.randint(10, 500)}  # fmt: skip
            else:
                ok = rng.random() < 0.88
                row |= {"certificate_no": f"PSI{day.year}-{n:06d}",
                        "country": rng.choice(USED_FROM),
                        "result": "conforming" if ok else "nonconforming",
                        "defect": "" if ok else row["defect"],
                        "manufacture_year": rng.randint(2008, 2020),
                        "psi_agency": "装运前检验机构（演示）"}  # fmt: skip
            out[source].append(row)
    return out


TYPICAL = (
    ("8504401400", "电源适配器抗电强度击穿致触电风险"),
    ("8536690000", "转换插座带电部件可触及"),
    ("8516600000", "电烤箱外壳温升超标"),
    ("8507600020", "锂离子电池过充保护失效起火"),
    ("8458110000", "旧数控车床防护罩缺失"),
    ("9405420000", "LED灯具接地不良"),
)


def load_demo(session: Session) -> dict[str, Any]:
    ensure_staff(session)
    if session.scalar(select(func.count(HsBatch.id))):
        return {"loaded": False}
    rng = random.Random(6)
    orgs = [accounts.acting_as(session, u).org_id or "" for *_, u in IMPORTERS]
    batches, bad = _batches(rng, orgs)
    session.execute(insert(HsBatch), batches)
    admin = _who(session, "admin")
    for source, rows in _records(rng, batches, bad).items():
        content = json.dumps({"records": rows}, ensure_ascii=False).encode("utf-8")
        importer.import_records(session, principal=admin, source=source,
                                filename=f"demo-{source}.json", content=content)  # fmt: skip
    officer = _who(session, "hs.officer")
    cases = 0
    for tariff, title in TYPICAL:
        record = session.scalar(
            select(HsRiskRecord)
            .where(HsRiskRecord.tariff_code == tariff, HsRiskRecord.source == "nonconformity")
            .order_by(HsRiskRecord.record_date.desc(), HsRiskRecord.ref)
            .limit(1)
        )
        if record is not None:
            service.confirm_case(session, principal=officer,
                                 data=CaseIn(record_id=record.id, title=title))  # fmt: skip
            cases += 1
    today = date.today()
    for n in range(12):
        tariff, product, brands, _, _, used = PRODUCTS[(n * 5) % len(PRODUCTS)]
        who = _who(session, IMPORTERS[n % 3][3])
        service.declare(session, principal=who, data=BatchIn(
            hs_code=tariff, product=product, brand=brands[0], model=f"T{n:03d}",
            origin_country="Japan" if used else "Germany", quantity=1 if used else 100 + n,
            arrival_date=today, used_machinery=used,
            declaration_no=f"0801{today.year}{n:010d}",
        ))  # fmt: skip
    return {"loaded": True, "batches": len(batches) + 12, "nonconforming": len(bad),
            "records": sum(settings()["demo_split"].values()), "cases": cases}  # fmt: skip
