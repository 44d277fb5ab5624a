"""The p09 demo: the Zhengzhou parties (a forwarder and an airline abroad, the airport's ground
handler, the air–road trucking company, airport security and customs; all fictional, marked
演示), their trailers, and ULDs from Luxembourg replayed through the service with times taken
from the seed's figures: whole ULDs tallied in under a minute and loaded in under 20 minutes
with a crew of 2, one mixed ULD broken down the conventional way (10 minutes, 3 hours, 5
people, 4 touches), and ULDs stopped at each stage."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind, Role
from ftz.core.auth.principal import Principal, current_principal
from ftz.core.auth.service import DEMO_PASSWORD
from ftz.core.db import utcnow
from ftz.practices.pallet_air_road import events, service
from ftz.practices.pallet_air_road.models import Uld
from ftz.practices.pallet_air_road.schemas import EventIn, TrailerIn, UldIn

FORWARDER, AIRLINE, HANDLER, TRUCKER = "par.forwarder", "par.airline", "par.handler", "par.trucker"
SECURITY, CUSTOMS = "par.security", "par.customs"
PEOPLE = [  # username, org code, zh, en, kind, department, role
    (FORWARDER, "par-forwarder", "卢森堡示范国际货运代理（演示）", "Demo Luxembourg Forwarding",
     OrgKind.ENTERPRISE, None, Role.ENTERPRISE),
    (AIRLINE, "par-airline", "示范国际货运航空（演示）", "Demo Cargo Airline",
     OrgKind.ENTERPRISE, None, Role.ENTERPRISE),
    (HANDLER, "par-handler", "郑州机场示范货站（演示）", "Demo Zhengzhou Cargo Terminal",
     OrgKind.ENTERPRISE, None, Role.ENTERPRISE),
    (TRUCKER, "par-trucker", "河南示范空陆联运车队（演示）", "Demo Henan Air–Road Trucking",
     OrgKind.ENTERPRISE, None, Role.ENTERPRISE),
    (SECURITY, "par-security", "郑州机场安检站（演示）", "Zhengzhou Airport Security (demo)",
     OrgKind.AGENCY, "airport_security", Role.OFFICER),
    (CUSTOMS, "par-customs", "郑州新郑机场海关（演示）", "Zhengzhou Airport Customs (demo)",
     OrgKind.AGENCY, "customs", Role.OFFICER),
]  # fmt: skip
TRAILERS = [("豫A2001挂", "uld_roller", 4), ("豫A2002挂", "uld_reefer", 3),
            ("豫A3001挂", "box", 6), ("豫A3002挂", "box", 6), ("豫A3003挂", "box", 4)]  # fmt: skip
# A broken-down ULD's loose cargo goes one truck per destination (plates in the line order).
LOOSE_TRUCKS = ["豫A3001挂", "豫A3002挂", "豫A3003挂"]
# Minutes after arrival of each step: (event, minutes, crew). Whole ULD: seed 二(二) figures.
WHOLE = [
    ("arrive", 0, None),
    ("start_tally", 35, 2),
    ("finish_tally", 35.8, None),
    ("store", 50, None),
    ("screen", 90, None),
    ("clear", 150, None),
    ("start_loading", 240, 2),
    ("finish_loading", 258, None),
    ("depart", 270, None),
]
LOOSE = [
    ("arrive", 0, None),
    ("start_tally", 40, 5),
    ("finish_tally", 50, None),
    ("store", 80, None),
    ("screen", 120, None),
    ("clear", 190, None),
    ("start_loading", 300, 5),
    ("finish_loading", 480, None),
    ("depart", 495, None),
]
ACTOR = {"screen": SECURITY, "clear": CUSTOMS, "depart": TRUCKER, "deliver": TRUCKER}
# (uld id, mawb, flight day offset, destination lines, steps done, trailer, road hours)
ULDS = [
    ("PMC 31001 CV", "172-31000012", 9, [("PEK", 3)], 10, "豫A2001挂", 11),
    ("PMC 31002 CV", "172-31000023", 9, [("PVG", 2)], 10, "豫A2001挂", 12),
    ("PAG 21003 CV", "172-31000034", 8, [("CAN", 4)], 10, "豫A2001挂", 16),
    ("RKN 4104 CV", "172-31000045", 8, [("CTU", 1)], 10, "豫A2002挂", 14),
    ("PMC 31005 CV", "172-31000056", 7, [("PEK", 2), ("WUH", 2), ("CTU", 1)], 10, "豫A3001挂", 9),
    ("AKE 12306 CV", "172-31000060", 2, [("WUH", 3)], 8, "豫A2001挂", 0),
    ("PMC 31007 CV", "172-31000071", 1, [("SZX", 2)], 5, "", 0),
    ("PMC 31008 CV", "172-31000082", 1, [("CKG", 2)], 2, "", 0),
    ("PAG 21009 CV", "172-31000093", 0, [("KMG", 2)], 0, "", 0),
]


def ensure_staff(session: Session) -> None:
    for user, code, zh, en, kind, department, role in PEOPLE:
        accounts.ensure_org(session, code=code, name_zh=zh, name_en=en, kind=kind,
                            department=department)  # fmt: skip
        accounts.ensure_user(session, username=user, display_name=zh, org_code=code,
                             roles=[role], password=DEMO_PASSWORD)  # fmt: skip


def who(session: Session, username: str) -> Principal:
    principal = accounts.acting_as(session, username)
    current_principal.set(principal)  # the audit trail records the acting user
    return principal


def _lines(n: int, spec: list[tuple[str, int]]) -> list[dict[str, Any]]:
    goods = ["电子元器件", "精密仪器", "医疗器械", "汽车零部件", "服装"]
    destinations = [dest for dest, count in spec for _ in range(count)]
    return [{"hawb": f"LUX{n:02d}{k:03d}", "description": goods[k % len(goods)], "pieces": 20 + k,
             "gross_kg": f"{380 + 45 * k}.0", "destination": dest}
            for k, dest in enumerate(destinations)]  # fmt: skip


def _replay(session: Session, uld: Uld, done: int, plate: str, road_hours: int,
            arrived: datetime) -> None:  # fmt: skip
    steps = WHOLE if uld.mode == "whole_uld" else LOOSE
    dests = list(dict.fromkeys(line["destination"] for line in uld.lines))
    trucks = dict(zip(dests, LOOSE_TRUCKS, strict=False)) if uld.mode == "breakdown" else None
    for event, minutes, crew in steps[:done]:
        actor = who(session, ACTOR.get(event, HANDLER))
        at = arrived + timedelta(minutes=minutes)
        loading = event == "start_loading"
        for k, dest in enumerate(dests if trucks and event == "depart" else [None]):
            body = EventIn(event=event, at=at + timedelta(minutes=5 * k), crew=crew,
                           trailer_plate=plate if loading and not trucks else None,
                           legs=trucks if loading else None, destination=dest)  # fmt: skip
            events.act(session, principal=actor, uld_id=uld.id, data=body)
    if done >= 10:
        at = arrived + timedelta(minutes=steps[-1][1], hours=road_hours)
        for k, dest in enumerate(dests if trucks else [None]):
            events.act(session, principal=who(session, TRUCKER), uld_id=uld.id,
                       data=EventIn(event="deliver", at=at + timedelta(hours=2 * k), crew=2,
                                    destination=dest))  # fmt: skip


def load_demo(session: Session) -> dict[str, Any]:
    ensure_staff(session)
    if session.scalar(select(Uld.id).where(Uld.uld_code == "PMC31001CV")) is not None:
        return {"loaded": False}
    trucker = who(session, TRUCKER)
    for plate, kind, positions in TRAILERS:
        service.add_trailer(
            session, principal=trucker, data=TrailerIn(plate=plate, kind=kind, positions=positions)
        )
    forwarder = who(session, FORWARDER)
    today = utcnow().replace(hour=0, minute=0, second=0, microsecond=0)
    for n, (code, mawb, days, spec, done, plate, road_hours) in enumerate(ULDS, start=1):
        flown = today - timedelta(days=days)
        data = UldIn(uld_code=code, mawb_no=mawb, flight_no="CV9701",
                     flight_date=date.fromisoformat(flown.date().isoformat()), origin="LUX",
                     handler_org_code="par-handler", lines=_lines(n, spec))  # fmt: skip
        uld = service.build(session, principal=forwarder, data=data)
        if done:
            _replay(session, uld, done, plate, road_hours, flown + timedelta(hours=13))
    return {"loaded": True, "ulds": len(ULDS), "trailers": len(TRAILERS)}
