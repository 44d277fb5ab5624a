"""p02 demo (illustrative, not real traffic): Yangshan customs, a terminal group, a barge
operator and two consignees; 120 shipments (about 300 containers) to and from the 15 linked
ports over the last six months, run through the real flow, a few open ones corrected. Barge legs
follow the reference data's expected hours (Yangshan–Wuhu about 48 h, seed case 2) with seeded
random spread."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from stdnum import iso6346

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind, Role
from ftz.core.auth.principal import Principal, current_principal
from ftz.core.auth.service import DEMO_PASSWORD
from ftz.core.db import utcnow
from ftz.practices.linked_unloading import editing, reference, service
from ftz.practices.linked_unloading.models import Container, Shipment
from ftz.practices.linked_unloading.permissions import BARGE, CUSTOMS, TERMINAL
from ftz.practices.linked_unloading.schemas import ContainerIn, ShipmentEdit, ShipmentIn
from ftz.practices.linked_unloading.workflow import EVENT_PARTY

SHIPMENTS = 120
OWNERS = ("COSU", "CSNU", "OOLU", "MSKU", "EGHU", "TGHU")
AGENCIES = (
    ("lu-customs", "上海海关洋山海关", "Yangshan Customs", CUSTOMS, "lu.customs", "洋山关员"),
    ("lu-terminal", "联动接卸码头联盟", "Linked terminals", TERMINAL, "lu.terminal", "码头调度"),
    ("lu-barge", "长江驳运有限公司", "Yangtze Barge Co.", BARGE, "lu.barge", "驳船调度"),
)  # fmt: skip
ENTERPRISES = (
    ("lu-wuhu-trading", "芜湖联运进出口有限公司", "Wuhu Linked Trading Co.", "lu.wuhu", "王经理"),
    ("lu-hefei-mfg", "合肥智造装备有限公司", "Hefei Smart Equipment Co.", "lu.hefei", "李主管"),
)  # fmt: skip
IMPORT_STEPS = ("release", "load_barge", "arrive", "pick_up")
EXPORT_STEPS = ("receive", "load_barge", "arrive", "release", "load_vessel")
USER_OF = {CUSTOMS: "lu.customs", TERMINAL: "lu.terminal", BARGE: "lu.barge"}


def ensure_staff(session: Session) -> None:
    for code, zh, en, department, username, name in AGENCIES:
        accounts.ensure_org(session, code=code, name_zh=zh, name_en=en, kind=OrgKind.AGENCY,
                            department=department)  # fmt: skip
        accounts.ensure_user(session, username=username, display_name=name, org_code=code,
                             roles=[Role.OFFICER], password=DEMO_PASSWORD)  # fmt: skip
    for code, zh, en, username, name in ENTERPRISES:
        accounts.ensure_org(session, code=code, name_zh=zh, name_en=en, kind=OrgKind.ENTERPRISE)
        accounts.ensure_user(session, username=username, display_name=name, org_code=code,
                             roles=[Role.ENTERPRISE], password=DEMO_PASSWORD)  # fmt: skip


def container_number(rng: random.Random) -> str:
    body = f"{rng.choice(OWNERS)}{rng.randrange(10**6):06d}"
    return body + iso6346.calc_check_digit(body)


def _step_hours(event: str, expected: float, rng: random.Random) -> float:
    if event == "arrive":  # most legs on time, a few late
        return expected * rng.choice((0.9, 0.95, 1.0, 1.0, 1.05, 1.1, 1.25, 1.6))
    return rng.uniform(2, 14)


def _run(
    session: Session,
    container: Container,
    start: datetime,
    actors: dict[str, Principal],
    rng: random.Random,
    in_progress: bool,
) -> None:
    expected = reference.barge_hours(reference.reference().port(container.port_code))
    steps = list(IMPORT_STEPS if container.direction == "import" else EXPORT_STEPS)
    if rng.random() < 0.06:  # selected for inspection on Yangshan island
        at = steps.index("release")
        steps[at : at + 1] = ["select_inspection", "clear_inspection"]
    if in_progress:  # the latest shipments stop part-way, as on any working day
        steps = steps[: rng.randrange(len(steps))]
    when, now = start, utcnow()
    for event in steps:
        when = when + timedelta(hours=_step_hours(event, expected, rng))
        if when > now:
            return  # still under way
        party = EVENT_PARTY[event]
        current_principal.set(actors[party])
        service.post_event(session, principal=actors[party], container_id=container.id,
                           event=event, at=when)  # fmt: skip


def load_demo(session: Session) -> dict[str, Any]:
    ensure_staff(session)
    if session.scalar(select(func.count(Shipment.id))):
        return {"loaded": False}
    actors = {party: accounts.acting_as(session, user) for party, user in USER_OF.items()}
    owners = [accounts.acting_as(session, e[3]) for e in ENTERPRISES]
    rng = random.Random(2)  # seed case 2
    ports = reference.reference().ports
    start = utcnow() - timedelta(days=182)
    containers = 0
    for n in range(SHIPMENTS):
        port = ports[10] if n == 0 else ports[n % len(ports)]  # the first goes to Wuhu
        direction = "export" if rng.random() < 0.35 else "import"
        owner = owners[n % 2]
        current_principal.set(owner)
        filed = start + timedelta(hours=n * 36 + rng.uniform(0, 12))
        boxes = [ContainerIn(number=container_number(rng), size_ft=rng.choice((20, 40, 40)))
                 for _ in range(rng.choice((1, 2, 2, 3, 4)))]  # fmt: skip
        shipment = service.file_shipment(
            session,
            principal=owner,
            data=ShipmentIn(
                direction=direction,
                port_code=port.code,
                consignee=owner.display_name,
                bill_of_lading=f"YSLU{24000 + n:06d}",
                vessel=rng.choice(("COSCO SHIPPING ARIES", "MSC GULSUN", "EVER GIVEN")),
                declared_in_advance=n % 4 != 0,
                containers=boxes,
            ),
            at=filed,
        )
        for container in shipment.containers:
            _run(session, container, filed, actors, rng, n >= SHIPMENTS - 12)
        containers += len(shipment.containers)
        # A few open shipments had their vessel changed (a roll-over) while still allowed.
        if n >= SHIPMENTS - 12 and n % 3 == 0 and editing.windows(shipment)["vessel"]["open"]:
            current_principal.set(owner)
            editing.edit_shipment(session, principal=owner, shipment_id=shipment.id,
                                  data=ShipmentEdit(vessel="XIN AN QING"))  # fmt: skip
    return {"loaded": True, "shipments": SHIPMENTS, "containers": containers}
