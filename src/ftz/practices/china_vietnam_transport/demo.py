"""p24 demo, built through the services from the seed's case 24: the Hekou customs and the
Honghe transport bureau, a Chinese and a Vietnamese carrier and the railway as multimodal
operator; trucks with permits per designated route (one expired, to show a refusal); a week of
through trips, southbound loaded with plateau produce (fresh produce sealed at Mengzi, green
channel) and northbound return loads matched by the two-way loaded matcher, each cleared at the
destination in about 10 minutes (seed: 40 → 10); today's open trips and loads, one trip held for
a seal mismatch; and rail–road multimodal containers released through to Lao Cai (926 CNY each).
Names, plates and numbers are demo values. Idempotent: nothing is added once trucks exist."""

from __future__ import annotations

import contextlib
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind, Role
from ftz.core.auth.principal import Principal, current_principal
from ftz.core.auth.service import DEMO_PASSWORD
from ftz.core.db import utcnow
from ftz.practices.china_vietnam_transport import fleet, matching, multimodal, refusals, trips
from ftz.practices.china_vietnam_transport.demo_data import (
    AGENCIES,
    DAYS,
    ENTERPRISES,
    FLEET,
    NORTH,
    SOUTH,
)
from ftz.practices.china_vietnam_transport.models import Load, Trip, Truck
from ftz.practices.china_vietnam_transport.reference import local_zone
from ftz.practices.china_vietnam_transport.schemas import (
    InspectionIn,
    LoadIn,
    MultimodalIn,
    PermitIn,
    SealCheckIn,
    TripEventIn,
    TripIn,
    TruckIn,
)


def ensure_staff(session: Session) -> None:
    for code, zh, en, department, username, name in AGENCIES:
        accounts.ensure_org(
            session, code=code, name_zh=zh, name_en=en, kind=OrgKind.AGENCY, department=department
        )
        accounts.ensure_user(
            session,
            username=username,
            display_name=name,
            org_code=code,
            roles=[Role.OFFICER],
            password=DEMO_PASSWORD,
        )
    for code, zh, en, username in ENTERPRISES:
        accounts.ensure_org(session, code=code, name_zh=zh, name_en=en, kind=OrgKind.ENTERPRISE)
        accounts.ensure_user(
            session,
            username=username,
            display_name=zh.split("（")[0][:12],
            org_code=code,
            roles=[Role.ENTERPRISE],
            password=DEMO_PASSWORD,
        )


def who(session: Session, name: str) -> Principal:
    principal = accounts.acting_as(session, name)
    current_principal.set(principal)
    return principal


def ensure_fleet(session: Session, today: datetime) -> dict[str, Truck]:
    """The trucks with a year's permit per route (issued a month ago), and one expired permit."""
    officer, made = who(session, "cvt.transport"), {}
    start = (today - timedelta(days=30)).date()
    for plate, country, kind, capacity, driver, owner, codes in FLEET:
        truck = fleet.register_truck(
            session,
            principal=who(session, owner),
            data=TruckIn(
                plate=plate, country=country, kind=kind, capacity_t=Decimal(capacity), driver=driver
            ),
        )
        for code in codes:
            fleet.issue_permit(
                session,
                principal=officer,
                data=PermitIn(
                    truck_id=truck.id,
                    route_code=code,
                    issuing_side=country,  # each side issues permits to its own carriers
                    valid_from=start,
                    valid_to=start + timedelta(days=364),
                ),
            )
        made[plate] = truck
    fleet.issue_permit(
        session,
        principal=officer,
        data=PermitIn(
            truck_id=made["云G61003"].id,
            route_code="HK-HN",
            valid_from=start - timedelta(days=300),
            valid_to=start - timedelta(days=1),
        ),
    )
    # A Vietnamese truck with a Chinese-issued permit only (HK-HP): refused by P-SIDE-VN.
    fleet.issue_permit(
        session,
        principal=officer,
        data=PermitIn(
            truck_id=made["24C-10521"].id,
            route_code="HK-HP",
            issuing_side="CN",
            valid_from=start,
            valid_to=start + timedelta(days=364),
        ),
    )
    return made


def _refused(session: Session, fleet_: dict[str, Truck], today: datetime) -> int:
    """Two attempts the permit table refuses, recorded with their rows: the expired HK-HN permit
    of 云G61003 and the Chinese-issued HK-HP permit of the Vietnamese 24C-10521."""
    attempts = [("cvt.carrier", "云G61003", "HK-HN"), ("cvt.vncarrier", "24C-10521", "HK-HP")]
    for owner, plate, code in attempts:
        data = TripIn(truck_id=fleet_[plate].id, route_code=code, direction="south",
                      depart_at=today + timedelta(hours=3))  # fmt: skip
        with contextlib.suppress(refusals.TripRefusedError):  # recorded in this transaction
            refusals.attempt(session, principal=who(session, owner), data=data)
    return len(attempts)


def _load(
    session: Session,
    carrier: Principal,
    row: tuple[str, str, bool],
    code: str,
    direction: str,
    ready: datetime,
    n: int,
) -> Load:
    shipper, cargo, fresh = row
    return trips.post_load(
        session,
        principal=carrier,
        data=LoadIn(
            shipper=shipper,
            cargo=cargo,
            route_code=code,
            direction=direction,
            fresh=fresh,
            weight_t=Decimal(18 + n % 6),
            ready_at=ready,
            deliver_by=ready + timedelta(hours=30),
        ),
    )


def _south(
    session: Session,
    carrier: Principal,
    truck: Truck,
    code: str,
    at: datetime,
    row: tuple[str, str, bool],
    n: int,
) -> Trip:
    load = _load(session, carrier, row, code, "south", at - timedelta(hours=2), n)
    seal = f"MZ{at:%m%d}{n:03d}" if row[2] else ""
    return trips.plan_trip(
        session,
        principal=carrier,
        data=TripIn(
            truck_id=truck.id,
            route_code=code,
            direction="south",
            depart_at=at,
            load_id=load.id,
            local_inspection=row[2],
            seal_origin=seal,
        ),
    )


def _run(
    session: Session,
    carrier: Principal,
    customs: Principal,
    trip: Trip,
    n: int,
    seal: str | None = None,
) -> None:
    trips.act(session, principal=carrier, trip_id=trip.id, data=TripEventIn(event="depart"))
    trips.check_seal(
        session,
        principal=customs,
        trip_id=trip.id,
        data=SealCheckIn(
            seal_destination=trip.seal_origin if seal is None else seal, clearance_minutes=8 + n % 5
        ),
    )


def _history(session: Session, fleet_: dict[str, Truck], today: datetime) -> int:
    """A week of through trips with their matched return trips, all cleared."""
    carrier, customs = who(session, "cvt.carrier"), who(session, "cvt.customs")
    plan = (("云G61001", "HK-HN"), ("云G61003", "HK-KT"), ("云G61004", "HK-HP"))
    n = 0
    for day in range(DAYS, 0, -1):
        morning = today - timedelta(days=day)
        outbound = []
        for k, (plate, code) in enumerate(plan):
            n += 1
            row = (
                SOUTH[(day + k) % len(SOUTH)]
                if fleet_[plate].kind == "reefer"
                else SOUTH[2 + k % 2]
            )
            outbound.append(
                _south(session, carrier, fleet_[plate], code, morning + timedelta(hours=k), row, n)
            )
            if (day + k) % 3:  # two of three trucks find a return load
                ready = outbound[-1].arrive_at + timedelta(hours=3)
                back = NORTH[0] if fleet_[plate].kind == "reefer" else NORTH[1 + k % 2]
                _load(session, carrier, back, code, "north", ready, n)
        returns = matching.apply(session, principal=carrier, now=morning)
        for i, trip in enumerate([*outbound, *returns]):
            _run(session, carrier, customs, trip, n + i)
    return n


def _today(session: Session, fleet_: dict[str, Truck], today: datetime) -> None:
    """Open work: trips on the road, return loads to match (one with no truck on its route,
    one fresh load that only a reefer could carry), and one trip held for its seal."""
    carrier, customs = who(session, "cvt.carrier"), who(session, "cvt.customs")
    a = _south(
        session, carrier, fleet_["云G61002"], "HK-HN", today + timedelta(hours=1), SOUTH[0], 901
    )
    b = _south(
        session, carrier, fleet_["云G61003"], "HK-KT", today + timedelta(hours=2), SOUTH[2], 902
    )
    trips.act(session, principal=carrier, trip_id=a.id, data=TripEventIn(event="depart"))
    _load(session, carrier, NORTH[0], "HK-HN", "north", a.arrive_at + timedelta(hours=4), 903)
    _load(session, carrier, NORTH[0], "HK-KT", "north", b.arrive_at + timedelta(hours=3), 904)
    _load(session, carrier, NORTH[2], "HK-YB", "north", today + timedelta(hours=20), 905)
    held = _south(
        session, carrier, fleet_["云G61001"], "HK-KT", today - timedelta(hours=3), SOUTH[1], 906
    )
    _run(session, carrier, customs, held, 906, seal="MZ9999999")


def _multimodal(session: Session, today: datetime) -> None:
    rail, customs = who(session, "cvt.rail"), who(session, "cvt.customs")
    boxes = ("CSQU3054383", "MSKU1234565", "TGHU9876542", "CAIU2345678", "TCLU7654320")
    for n, box in enumerate(boxes):
        made = multimodal.file(
            session,
            principal=rail,
            data=MultimodalIn(
                container_no=box,
                declaration_no=f"86012024{n:010d}",
                cargo="出口化肥（磷酸一铵）",
                origin="mengzi",
                destination="lao_cai" if n % 2 == 0 else "hanoi_yen_vien",
            ),
        )
        if n < 4:
            multimodal.inspect(
                session,
                principal=customs,
                multimodal_id=made.id,
                data=InspectionIn(inspection="passed"),
            )


def load_demo(session: Session) -> dict[str, Any]:
    ensure_staff(session)
    if session.scalar(select(func.count()).select_from(Truck)):
        return {"skipped": "p24 demo already loaded"}
    today = utcnow().astimezone(local_zone()).replace(hour=8, minute=0, second=0, microsecond=0)
    fleet_ = ensure_fleet(session, today)
    history = _history(session, fleet_, today)
    _today(session, fleet_, today)
    _multimodal(session, today)
    _refused(session, fleet_, today)
    trips_made = session.scalar(select(func.count()).select_from(Trip))
    return {"trucks": len(fleet_), "outbound_history": history, "trips": trips_made}
