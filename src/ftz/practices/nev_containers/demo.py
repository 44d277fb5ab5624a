"""p13 demo, from the seed (case 13): the Chongqing (origin) and Qinzhou (transit port) maritime
offices and two Chongqing shippers. Boxes of the last 2024 batches, declared under IMDG 41-22
(battery electric cars were UN 3171 then), inspected at the packing site and loaded at Qinzhou
unopened; and 2026 boxes under 42-24 (UN 3556 for lithium-ion) at every step: waiting for the
packing-site inspection, sent back for rectification, certified and on the rail, and one reopened
at Qinzhou because its seal number differs. The seed's totals (45 batches, 479 boxes, 1,032
vehicles, 3–5 days and ~3,000 CNY saved per box) are shown beside the platform's counts. Shippers,
VINs, container and seal numbers are our own illustrative values."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from stdnum import iso6346

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind, Role
from ftz.core.auth.principal import Principal, current_principal
from ftz.core.auth.service import DEMO_PASSWORD
from ftz.practices.nev_containers import inspections, service
from ftz.practices.nev_containers.models import Declaration
from ftz.practices.nev_containers.schemas import (
    ArrivalIn,
    DeclarationIn,
    InspectionIn,
    VehicleIn,
)

OFFICES = (
    ("nev-msa-cq", "重庆海事局（演示）", "Chongqing MSA (demo)", "nev.cq", "重庆海事查验员"),
    ("nev-msa-qz", "钦州海事局（演示）", "Qinzhou MSA (demo)", "nev.qz", "钦州海事值班员"),
)
SHIPPERS = (
    ("nev-ship-a", "重庆两江新能源汽车出口有限公司（演示）", "Liangjiang NEV Export (demo)",
     "nev.shipper"),
    ("nev-ship-b", "重庆果园港国际物流有限公司（演示）", "Guoyuan Port Logistics (demo)",
     "nev.shipper2"),
)  # fmt: skip
# (model, power source, kWh): Chongqing-built cars, illustrative pack sizes.
CARS = (
    ("深蓝SL03 纯电", "bev_li_ion", "58.1"),
    ("阿维塔11", "bev_li_ion", "90.4"),
    ("问界M5 增程", "phev_liquid", "40.0"),
    ("长安UNI-K iDD", "phev_liquid", "30.7"),
)
# (batch, shipper, sea date, boxes, cars per box, where the box ends up)
BOXES = (
    ("CQ-QZ-2024-043", "nev.shipper", date(2024, 11, 20), 3, (2, 2, 3), "loaded"),
    ("CQ-QZ-2024-044", "nev.shipper2", date(2024, 12, 9), 2, (2, 2), "loaded"),
    ("CQ-QZ-2024-045", "nev.shipper", date(2024, 12, 26), 2, (3, 2), "loaded"),
    ("CQ-QZ-2026-101", "nev.shipper", date(2026, 12, 8), 4, (2, 2, 2, 3),
     ("declared", "rectifying", "certified", "reopened")),
)  # fmt: skip
ALL_MET = dict.fromkeys(
    ("no_leakage", "battery_undamaged", "terminals_protected", "battery_type_tested",
     "vehicles_secured", "fuel_system_safe", "placards_four_sides", "packing_certificate",
     "seal_applied", "container_sound"), True,
)  # fmt: skip


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def container(serial: int) -> str:
    body = f"NEVU{serial:06d}"
    return body + iso6346.calc_check_digit(body)


def vin(serial: int) -> str:
    return f"LDC{serial:014d}"[:17]


def ensure_staff(session: Session) -> None:
    for code, zh, en, username, name in OFFICES:
        accounts.ensure_org(session, code=code, name_zh=zh, name_en=en, kind=OrgKind.AGENCY,
                            department="msa")  # fmt: skip
        accounts.ensure_user(session, username=username, display_name=name, org_code=code,
                             roles=[Role.OFFICER], password=DEMO_PASSWORD)  # fmt: skip
    for code, zh, en, username in SHIPPERS:
        accounts.ensure_org(session, code=code, name_zh=zh, name_en=en, kind=OrgKind.ENTERPRISE)
        accounts.ensure_user(session, username=username, display_name=f"{zh[:4]}危险货物申报员",
                             org_code=code, roles=[Role.ENTERPRISE],
                             password=DEMO_PASSWORD)  # fmt: skip


def _who(session: Session, name: str) -> Principal:
    principal = accounts.acting_as(session, name)
    current_principal.set(principal)  # the audit trail records the acting user
    return principal


def _declare(session: Session, batch: str, owner: str, sea: date, cars: int, serial: int) -> str:
    vehicles = [
        VehicleIn(vin=vin(serial * 10 + n), model=CARS[(serial + n) % len(CARS)][0],
                  power_source=CARS[(serial + n) % len(CARS)][1],
                  battery_kwh=Decimal(CARS[(serial + n) % len(CARS)][2]))
        for n in range(cars)
    ]  # fmt: skip
    data = DeclarationIn(
        batch_no=batch, container_no=container(serial), origin="chongqing_guoyuan",
        transit_port="qinzhou", destination="Laem Chabang (THLCH)", origin_office="nev-msa-cq",
        transit_office="nev-msa-qz", packing_site="两江新区鱼复工业园装箱场（演示）",
        sea_date=sea, vehicles=vehicles,
    )  # fmt: skip
    return service.declare(session, principal=_who(session, owner), data=data).id


def _walk(session: Session, declaration_id: str, end: str, serial: int) -> None:
    seal = f"CQ{serial:06d}"
    if end == "declared":
        return
    answers = {**ALL_MET, "vehicles_secured": end != "rectifying"}
    inspections.inspect(session, principal=_who(session, "nev.cq"), declaration_id=declaration_id,
                        data=InspectionIn(**answers, seal_no=seal,
                                          photo_sha256=[fingerprint(f"装箱照片 {serial}")],
                                          note="装箱地现场查验"))  # fmt: skip
    if end in ("rectifying", "certified"):
        return
    arrived = seal if end == "loaded" else f"QZ{serial:06d}"
    inspections.arrival(session, principal=_who(session, "nev.qz"), declaration_id=declaration_id,
                        data=ArrivalIn(seal_no=arrived, seal_intact=True, container_damaged=False,
                                       leak_seen=False, placards_intact=True))  # fmt: skip


def load_demo(session: Session) -> dict[str, Any]:
    ensure_staff(session)
    if session.scalar(select(func.count(Declaration.id))):
        return {"loaded": False}
    serial, boxes, cars_total = 300, 0, 0
    for batch, owner, sea, count, per_box, ends in BOXES:
        for n in range(count):
            serial += 1
            end = ends if isinstance(ends, str) else ends[n]
            made = _declare(session, batch, owner, sea, per_box[n], serial)
            _walk(session, made, end, serial)
            boxes, cars_total = boxes + 1, cars_total + per_box[n]
    return {"loaded": True, "boxes": boxes, "vehicles": cars_total}
