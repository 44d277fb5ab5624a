"""p25 demo from case 25 (Suifenhe): a carrier importing liquefied petroleum gas with six
tankers, each on a special permit printed with two routes (port → station A, port → station B);
today six tankers enter within half an hour and split between the stations (the queue board
shows the hours saved against one station, the seed's 3–5 h, and 150 against 200 CNY/t);
earlier trips with checked tracks: compliant ones, one speeding, one stopped on the road, and
one driver who left the route outside the permitted hours and is blacklisted (12 points) and
reported to the transport authority. Everything goes through the services. Names, plates and
licence numbers are our own demo values."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind, Role
from ftz.core.auth.principal import Principal, current_principal
from ftz.core.auth.service import DEMO_PASSWORD
from ftz.core.db import utcnow
from ftz.practices.dangerous_goods_permit import permits, repository, trips
from ftz.practices.dangerous_goods_permit.common import demo_routes, local, local_zone
from ftz.practices.dangerous_goods_permit.schemas import PermitIn, TrackIn, TripIn
from ftz.practices.dangerous_goods_permit.simulate import Drive, as_csv, drive

AGENCIES = (
    (
        "dg-transport",
        "绥芬河市交通运输局（演示）",
        "Suifenhe Transport Bureau (demo)",
        "transport",
        "dg.transport",
        "危货运输许可科（演示）",
    ),
    (
        "dg-police",
        "绥芬河市公安局交通警察大队（演示）",
        "Suifenhe Traffic Police (demo)",
        "police",
        "dg.police",
        "交警押运民警（演示）",
    ),
)
CARRIERS = (
    (
        "dg-carrier",
        "绥芬河龙运国际危货运输有限公司（演示）",
        "Longyun International Hazmat Transport (demo)",
        "dg.carrier",
    ),
    (
        "dg-carrier2",
        "绥芬河北疆国际物流有限公司（演示）",
        "Beijiang International Logistics (demo)",
        "dg.carrier2",
    ),
)
PLATES = ("黑C·D1101", "黑C·D1102", "黑C·D1103", "黑C·D1104", "黑C·D1105", "黑C·D1106")
DRIVERS = (
    ("张建国", "230881198001011234"),
    ("李明", "230881198502021235"),
    ("王海", "230881197903031236"),
    ("赵强", "230881198804041237"),
    ("刘军", "230881198205051238"),
    ("陈伟", "230881199006061239"),
)
RELIEF = ("孙磊", "230881199107071230")
TONNES = 20.0  # an LPG semi-trailer tanker


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
    for code, zh, en, username in CARRIERS:
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
    current_principal.set(principal)  # the audit trail records the acting user
    return principal


def permit_in(org_code: str, plate: str, first_day: Any) -> PermitIn:
    routes = demo_routes()
    return PermitIn(
        org_code=org_code,
        vehicle_plate=plate,
        route_a=routes["A"],
        route_b=routes["B"],
        valid_from=first_day,
        valid_to=first_day + timedelta(days=365),
    )


def _past_trip(
    session: Session,
    permit_id: str,
    day: Any,
    station: str,
    driver: tuple[str, str],
    plan: Drive,
    hour: int = 9,
) -> Any:
    entry = datetime.combine(day, time(hour, 0), local_zone())
    carrier = who(session, "dg.carrier")
    trip = trips.plan(
        session,
        principal=carrier,
        data=TripIn(
            permit_id=permit_id,
            station=station,
            driver_name=driver[0],
            driver_licence=driver[1],
            tonnes=TONNES,
            entry_at=entry,
        ),
    )
    text = as_csv(drive(demo_routes()[station], entry, plan))
    escort = who(session, "dg.police")
    return trips.submit_track(
        session, principal=escort, trip_id=trip.id, data=TrackIn(format="csv", text=text)
    )


def load_demo(session: Session) -> dict[str, Any]:
    ensure_staff(session)
    if repository.permit_count(session):
        return {"loaded": False}
    today = local(utcnow()).date()
    officer = who(session, "dg.transport")
    issued = [
        permits.issue(
            session,
            principal=officer,
            data=permit_in("dg-carrier", plate, today - timedelta(days=30)),
        )
        for plate in PLATES
    ]
    permits.issue(
        session,
        principal=officer,
        data=permit_in("dg-carrier2", "黑C·E2201", today - timedelta(days=30)),
    )
    ago = today - timedelta(days=3)
    checked = [
        _past_trip(session, issued[0].id, ago, "A", DRIVERS[0], Drive(kmh=35)),
        _past_trip(session, issued[1].id, ago, "B", DRIVERS[1], Drive(kmh=35)),
        _past_trip(session, issued[2].id, ago, "A", DRIVERS[2], Drive(kmh=35, fast=(0.3, 0.5, 46))),
        _past_trip(session, issued[3].id, ago, "B", DRIVERS[3], Drive(kmh=35, stop=(0.5, 15))),
        # Left route B for a side road, and entered after the permitted hours: 6 + 6 points.
        _past_trip(
            session,
            issued[4].id,
            ago,
            "B",
            DRIVERS[4],
            Drive(kmh=25, detour=(0.55, 0.8, 600)),
            hour=18,
        ),
    ]
    carrier = who(session, "dg.carrier")
    start = datetime.combine(today, time(9, 0), local_zone())
    crew = [*DRIVERS[:4], RELIEF, DRIVERS[5]]  # the blacklisted driver is replaced
    planned = [
        trips.plan(
            session,
            principal=carrier,
            data=TripIn(
                permit_id=issued[n].id,
                station="AB"[n % 2],
                driver_name=crew[n][0],
                driver_licence=crew[n][1],
                tonnes=TONNES,
                entry_at=start + timedelta(minutes=5 * n),
            ),
        )
        for n in range(6)
    ]
    return {
        "loaded": True,
        "permits": len(issued) + 1,
        "checked": len(checked),
        "violations": sum(len(t.violations) for t in checked),
        "points": sum(t.points for t in checked),
        "planned_today": len(planned),
    }
