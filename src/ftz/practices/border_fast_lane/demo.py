"""p21 demo: the border check at Youyiguan, three lane devices, three forwarders with their
vehicles and drivers, a day of declarations and a day of crossings on the three lanes one
officer watches, run through the real services.

From the seed: about 15 s per vehicle (75 % faster than the ~60 s manual check), three lanes
per officer, the record day of 26 April 2024 (1,900 crossings port-wide). Demo choices (ours,
illustrative): the three lanes carry a quarter of that day (480 crossings) and the exception
rates below, which give about one manual check in ten. After the day a few registrations are
suspended, so the lists have deactivated rows with their reasons."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind, Role
from ftz.core.auth.service import DEMO_PASSWORD
from ftz.practices.border_fast_lane import fleet as fleet_service
from ftz.practices.border_fast_lane import lane, registration
from ftz.practices.border_fast_lane.lane import PORT_TIME
from ftz.practices.border_fast_lane.models import Driver, LaneTransaction, Vehicle
from ftz.practices.border_fast_lane.permissions import DEPARTMENTS, DEVICE_DEPARTMENT
from ftz.practices.border_fast_lane.schemas import (
    DeclarationIn,
    DriverIn,
    LaneReadIn,
    ResolveIn,
    StatusChangeIn,
    VehicleIn,
)

DAY = date(2024, 4, 26)
VEHICLES = 160  # two crossings each, some three: 480 on the day
FORWARDERS = (
    (
        "bfl.fwd1",
        "demo.bfl.xiangyu",
        "凭祥祥宇国际货运代理有限公司（演示）",
        "Xiangyu Forwarding (demo)",
    ),
    ("bfl.fwd2", "demo.bfl.youyi", "凭祥友谊关物流有限公司（演示）", "Youyiguan Logistics (demo)"),
    ("bfl.fwd3", "demo.bfl.hongtu", "崇左鸿途供应链有限公司（演示）", "Hongtu Supply Chain (demo)"),
)
CARGO = (("鲜榴莲", "081060"), ("火龙果", "081090"), ("红木家具", "940360"), ("电子元件", "854239"))
# Demo rates per crossing (illustrative): each anomaly the lane can see.
RATES = {"fingerprint": 0.02, "face": 0.015, "under": 0.006, "misread": 0.01, "stranger": 0.008}


def ensure_staff(session: Session) -> None:
    accounts.ensure_org(
        session,
        code="gx.border_check.youyiguan",
        name_zh="友谊关出入境边防检查站",
        name_en="Youyiguan Border Inspection Station",
        kind=OrgKind.AGENCY,
        department=DEPARTMENTS[0],
    )
    accounts.ensure_user(
        session,
        username="bfl.officer",
        display_name="边检执勤民警（演示）",
        org_code="gx.border_check.youyiguan",
        roles=[Role.OFFICER],
        password=DEMO_PASSWORD,
    )
    accounts.ensure_org(
        session,
        code="gx.border_check.lanes",
        name_zh="友谊关快捷通关车道设备",
        name_en="Youyiguan fast-lane devices",
        kind=OrgKind.AGENCY,
        department=DEVICE_DEPARTMENT,
    )
    for n in (1, 2, 3):
        accounts.ensure_user(
            session,
            username=f"bfl.lane{n}",
            display_name=f"Lane {n} device",
            org_code="gx.border_check.lanes",
            roles=[Role.OFFICER],
            password=DEMO_PASSWORD,
        )
    for username, code, name_zh, name_en in FORWARDERS:
        accounts.ensure_org(
            session, code=code, name_zh=name_zh, name_en=name_en, kind=OrgKind.ENTERPRISE
        )
        accounts.ensure_user(
            session,
            username=username,
            display_name=name_zh,
            org_code=code,
            roles=[Role.ENTERPRISE],
            password=DEMO_PASSWORD,
        )


def _fleet(session: Session, rng: random.Random) -> list[dict[str, Any]]:
    fleet = []
    for n in range(VEHICLES):
        who = accounts.acting_as(session, FORWARDERS[n % 3][0])
        vehicle = registration.register_vehicle(
            session,
            principal=who,
            data=VehicleIn(
                plate=f"桂F{10000 + n * 37:05d}",
                etag=f"ET45{n:08d}",
                kind=("tractor", "truck", "van")[n % 3],
                permit_valid_until=DAY + timedelta(days=30 + n),
            ),
        )
        number = f"E{60000000 + n * 131:08d}"
        # Two drivers' documents ran out before the day: the lane catches them.
        valid = DAY - timedelta(days=3) if n in (17, 101) else DAY + timedelta(days=90 + n)
        driver = registration.register_driver(
            session,
            principal=who,
            data=DriverIn(
                name=f"驾驶员{n:03d}",
                document_number=number,
                document_valid_until=valid,
                fingerprint_ref=f"fp:yyg-enrol-01:{n:06d}",
                face_ref=f"face:yyg-enrol-01:{n:06d}",
                enrolment_device="yyg-enrol-01",
            ),
        )
        fleet.append({"who": who, "vehicle": vehicle, "driver": driver, "number": number})
    return fleet


def _declare(session: Session, unit: dict[str, Any], direction: str, rng: random.Random) -> None:
    cargo, hs_code = CARGO[rng.randrange(len(CARGO))]
    registration.file_declaration(
        session,
        principal=unit["who"],
        data=DeclarationIn(
            vehicle_id=unit["vehicle"].id,
            driver_id=unit["driver"].id,
            direction=direction,
            trip_date=DAY,
            cargo=cargo,
            hs_code=hs_code,
            weight_kg=rng.randrange(8_000, 32_000),
            consent=rng.random() > 0.02,  # a few forwarders still file on paper
        ),
    )


def _read(unit: dict[str, Any], direction: str, at: datetime, rng: random.Random) -> LaneReadIn:
    plate = unit["vehicle"].plate
    if rng.random() < RATES["misread"]:
        plate = plate[:-1] + str((int(plate[-1]) + 1) % 10)
    etag = unit["vehicle"].etag
    if rng.random() < RATES["stranger"]:  # a vehicle that never pre-registered takes the lane
        plate, etag = f"桂A{rng.randrange(10000, 99999)}", None
    seconds = max(8.0, rng.gauss(15.0, 3.0))
    return LaneReadIn(
        lane=rng.choice((1, 2, 3)),
        direction=direction,
        etag=etag,
        plate_read=plate,
        document_number=unit["number"],
        fingerprint_score=rng.randrange(40, 79)
        if rng.random() < RATES["fingerprint"]
        else rng.randrange(85, 100),
        face_score=rng.randrange(40, 84)
        if rng.random() < RATES["face"]
        else rng.randrange(88, 100),
        under_vehicle="suspect" if rng.random() < RATES["under"] else "clear",
        started_at=at,
        finished_at=at + timedelta(seconds=seconds),
    )


def load_demo(session: Session) -> dict[str, Any]:
    ensure_staff(session)
    if session.scalar(select(func.count(LaneTransaction.id))):
        return {"loaded": False}
    rng = random.Random(21)
    fleet = _fleet(session, rng)
    trips = [(u, "exit") for u in fleet] + [(u, "entry") for u in fleet]
    trips += [(fleet[n], "exit") for n in range(0, VEHICLES, 1)][: 480 - len(trips)]
    for unit, direction in {(id(u), d): (u, d) for u, d in trips}.values():
        _declare(session, unit, direction, rng)
    opening = datetime.combine(DAY, time(8, 0), PORT_TIME)
    devices = {n: accounts.acting_as(session, f"bfl.lane{n}") for n in (1, 2, 3)}
    held = []
    for k, (unit, direction) in enumerate(trips):
        at = opening + timedelta(seconds=k * 12 * 3600 // len(trips) + rng.randrange(60))
        read = _read(unit, direction, at, rng)
        tx = lane.record_transaction(session, principal=devices[read.lane], data=read)
        if tx.verdict != "pass":
            held.append(tx)
    officer = accounts.acting_as(session, "bfl.officer")
    for tx in held[: len(held) * 4 // 5]:  # the last fifth stays open on the console
        refuse = "under_vehicle" in tx.flags or "vehicle_unregistered" in tx.flags
        note = "车底可疑，移交查验" if refuse else "人工核验证件与人像一致，放行"
        data = ResolveIn(decision="refuse" if refuse else "release", note=note)
        lane.resolve(session, principal=officer, tx_id=tx.id, data=data)
    deactivated = _take_off_the_lane(session, fleet, held)
    return {
        "loaded": True,
        "vehicles": VEHICLES,
        "crossings": len(trips),
        "held": len(held),
        "deactivated": deactivated,
    }


def _take_off_the_lane(
    session: Session, fleet: list[dict[str, Any]], held: list[LaneTransaction]
) -> int:
    """After the day: the border check suspends the vehicles refused for a suspect under-vehicle
    image; the forwarders suspend the drivers whose documents ran out until they are renewed."""
    officer = accounts.acting_as(session, "bfl.officer")
    suspects = {t.vehicle_id for t in held if t.status == "refused" and "under_vehicle" in t.flags}
    reason = StatusChangeIn(reason="车底成像可疑，移交查验；暂停快捷通关待复核")
    for vehicle_id in sorted(v for v in suspects if v):
        fleet_service.set_active(
            session,
            principal=officer,
            model=Vehicle,
            record_id=vehicle_id,
            active=False,
            data=reason,
        )
    expired = [u for u in fleet if u["driver"].document_valid_until < DAY]
    for unit in expired:
        who = accounts.acting_as(session, unit["who"].username)
        fleet_service.set_active(
            session,
            principal=who,
            model=Driver,
            record_id=unit["driver"].id,
            active=False,
            data=StatusChangeIn(reason="出入境证件已过期，换发后恢复"),
        )
    return len(suspects - {None}) + len(expired)
