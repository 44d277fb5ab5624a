"""p11 demo: a month of gate traffic at the Zhengzhou zone–port gate, sized from the seed (case
11): 13.69万吨 of export cargo from 2023 to April 2025 (28 months, ≈ 4,889 t a month, ≈ 163 t a
day) at about 19.21% of the airport's export tonnage. Vehicles, holds and imports are our own
illustrative demo values; organizations and people are fictitious."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind, Role
from ftz.core.auth.principal import Principal, current_principal
from ftz.core.auth.service import DEMO_PASSWORD
from ftz.practices.zone_port_gate import service
from ftz.practices.zone_port_gate.models import Declaration
from ftz.practices.zone_port_gate.schemas import (
    DeclarationIn,
    GateIn,
    InstructionIn,
    ManifestIn,
    ManifestUnitIn,
    ResolveIn,
    UnitIn,
    VolumeIn,
)

EXPORT_T_PER_DAY = 136_900 / 28 / 30.4  # ≈ 161 t
SHARE = 0.1921
DAYS = 30
AGENCIES = (
    ("zpg-customs", "郑州新郑综保区海关（演示）", "Xinzheng Bonded Zone Customs (demo)", "customs",
     "zpg.customs", "海关关员（演示）"),
    ("zpg-airport", "郑州机场区港一体化卡口（演示）", "Zhengzhou Airport zone–port gate (demo)",
     "airport", "zpg.gate", "卡口操作员（演示）"),
)  # fmt: skip
ENTERPRISES = (
    ("zpg-ent-a", "郑州航港电子信息有限公司（演示）", "Hanggang Electronics Co. (demo)",
     "zpg.ent.a"),
    ("zpg-ent-b", "郑州空港跨境电商有限公司（演示）", "Konggang Cross-border E-commerce (demo)",
     "zpg.ent.b"),
)  # fmt: skip


def ensure_staff(session: Session) -> None:
    for code, zh, en, department, username, name in AGENCIES:
        accounts.ensure_org(session, code=code, name_zh=zh, name_en=en, kind=OrgKind.AGENCY,
                            department=department)  # fmt: skip
        accounts.ensure_user(session, username=username, display_name=name, org_code=code,
                             roles=[Role.OFFICER], password=DEMO_PASSWORD)  # fmt: skip
    for code, zh, en, username in ENTERPRISES:
        accounts.ensure_org(session, code=code, name_zh=zh, name_en=en, kind=OrgKind.ENTERPRISE)
        accounts.ensure_user(session, username=username, display_name=f"{zh[:4]}报关员",
                             org_code=code, roles=[Role.ENTERPRISE],
                             password=DEMO_PASSWORD)  # fmt: skip


def _units(rng: random.Random, count: int) -> list[UnitIn]:
    return [
        UnitIn(number=f"{rng.choice(('PMC', 'PAG', 'PLA'))}{rng.randint(10000, 99999)}CV",
               kind="uld", seals=[f"ZZ{rng.randint(1000000, 9999999)}"])
        for _ in range(count)
    ]  # fmt: skip


def _vehicle(session: Session, people: dict[str, Principal], rng: random.Random, n: int,
             at: datetime, direction: str, flaw: str) -> int:  # fmt: skip
    """One shipment end to end; `flaw` makes the gate reading differ from the documents."""

    def who(name: str) -> Principal:  # the audit trail records the acting user
        current_principal.set(people[name])
        return people[name]

    units = _units(rng, rng.randint(2, 3))
    unit_weights = [rng.randint(3_600, 4_900) for _ in units]
    weight = sum(unit_weights)
    number = f"4612{at:%Y%m%d}{n:06d}"
    plate = f"豫A{rng.randint(10000, 99999)}"
    enterprise = who("zpg.ent.a" if direction == "export" else "zpg.ent.b")
    declaration = service.declare(session, principal=enterprise, data=DeclarationIn(
        number=number, direction=direction, plate=plate, units=units, weight_kg=weight,
        goods="电子元器件" if direction == "export" else "跨境电商进口商品",
        screened=direction == "export"))  # fmt: skip
    select_site = direction == "import" and n % 9 == 0
    service.instruct(session, principal=who("zpg.customs"), declaration_id=declaration.id,
                     data=InstructionIn(action="select" if select_site else "release",
                                        site="zone" if select_site else None))  # fmt: skip
    service.register_manifest(session, principal=who("zpg.gate"), data=ManifestIn(
        number=f"880{n:08d}", declaration_number=number, flight=f"CV{9700 + n % 50}",
        units=[ManifestUnitIn(number=u.number, kind=u.kind, seals=u.seals, weight_kg=kg)
               for u, kg in zip(units, unit_weights, strict=True)]))  # fmt: skip
    read = [u.model_copy() for u in units]
    weighed = weight + rng.randint(-40, 40)
    if flaw == "seal":
        read[0] = read[0].model_copy(update={"seals": ["ZZ0000000"]})
    elif flaw == "weight":
        weighed = int(weight * 1.06)
    tx = service.pass_gate(session, principal=who("zpg.gate"), data=GateIn(
        declaration_number=number, plate=plate, units=read, weight_kg=weighed,
        passed_at=at))  # fmt: skip
    if tx.status == "held" and at.date() < (datetime.now(service.LOCAL).date()):
        note = "开箱核对：封志更换有记录，货物相符"
        service.resolve(session, principal=who("zpg.customs"), transaction_id=tx.id,
                        data=ResolveIn(action="clear", note=note))  # fmt: skip
    return weighed if direction == "export" and tx.status in service.PASSED else 0


def load_demo(session: Session) -> dict[str, Any]:
    ensure_staff(session)
    if session.scalar(select(func.count(Declaration.id))):
        return {"loaded": False}
    who = {name: accounts.acting_as(session, name)
           for name in ("zpg.ent.a", "zpg.ent.b", "zpg.customs", "zpg.gate")}  # fmt: skip
    rng = random.Random(11)
    today = datetime.now(service.LOCAL).date()
    n = vehicles = 0
    for back in range(DAYS - 1, -1, -1):
        day = today - timedelta(days=back)
        target = EXPORT_T_PER_DAY * 1000 * rng.uniform(0.85, 1.15)
        exported = progress = 0  # a vehicle held today adds to progress, not to the tonnage
        while progress < target:
            n += 1
            at = datetime.combine(day, time(6), service.LOCAL) + timedelta(minutes=45 * (n % 24))
            flaw = "seal" if n % 37 == 0 else "weight" if n % 53 == 0 else ""
            passed = _vehicle(session, who, rng, n, at, "export", flaw)
            exported += passed
            progress += passed or 9_000
            if n % 4 == 0:
                n += 1
                _vehicle(session, who, rng, n, at + timedelta(minutes=20), "import", "")
        vehicles = n
        airport = int(exported / SHARE)
        volume = VolumeIn(airport_export_kg=airport, airport_import_kg=int(airport * 0.8))
        service.record_volume(
            session, principal=accounts.acting_as(session, "zpg.gate"), day=day, data=volume
        )
    return {"loaded": True, "vehicles": vehicles}
