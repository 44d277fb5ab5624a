"""p16 demo, at 1/100 of the seed's Sanya figures for 2024 (case 16): 14 yachts (1,415), 1,279
sailings (127,900) carrying 9,009 people (900,900), of them 10 night-pilot sailings with 67
visitors (6,700), and 5 completed one-application transfers (463) in 7 working days or fewer.
Historical sailings are imported in one bulk insert (one audit event for the import, as a
migration from the previous system would be); today's activity goes through the services:
yachts out now (one overdue), reports about to depart (one leaving the night zone), two open
transfers (one past its 7 working days). Names, owners and numbers are our own demo values."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from hashlib import sha256
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from ftz.core.audit import record_event
from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind, Role
from ftz.core.auth.principal import Principal, current_principal
from ftz.core.auth.service import DEMO_PASSWORD
from ftz.core.db import utcnow
from ftz.core.kit.ids import new_id
from ftz.domain.parties.identity import make_resident_id
from ftz.practices.yacht_services import sailings, transfers, yachts
from ftz.practices.yacht_services.common import local, local_zone, marinas
from ftz.practices.yacht_services.models import Sailing, Transfer, Yacht
from ftz.practices.yacht_services.schemas import (
    BorderDecisionIn,
    SailingEventIn,
    SailingIn,
    TransferEventIn,
    TransferIn,
    YachtIn,
)
from ftz.practices.yacht_services.workdays import add_working_days, working_days_before

AGENCIES = (
    ("ys-maritime", "三亚海事局（演示）", "Sanya Maritime Safety Administration (demo)",
     "maritime", "ys.maritime", "海事登记官（演示）"),
    ("ys-border", "三亚边检站（演示）", "Sanya Border Inspection Station (demo)", "border",
     "ys.border", "边检民警（演示）"),
    ("ys-transport", "三亚市交通运输局（演示）", "Sanya Transport Bureau (demo)", "transport",
     "ys.transport", "游艇调度中心值班员（演示）"),
)  # fmt: skip
OWNERS = (
    ("ys-club", "三亚鸿洲游艇俱乐部有限公司（演示）", "Sanya Visun Yacht Club (demo)", "ys.club"),
    ("ys-serenity", "三亚半山半岛游艇服务有限公司（演示）", "Serenity Yacht Services (demo)",
     "ys.serenity"),
    ("ys-owner", "林海洋（私人船东，演示）", "Lin Haiyang, private owner (demo)", "ys.owner"),
    ("ys-buyer", "三亚蓝湾游艇租赁有限公司（演示）", "Blue Bay Yacht Rental (demo)", "ys.buyer"),
)  # fmt: skip
# name_zh, name_en, length, capacity, usage, owner, home port, night certified
FLEET = (
    ("海韵号", "Sea Rhyme", "18.50", 12, "rental", "ys.club", "SY-VISUN", True),
    ("鸿洲壹号", "Visun One", "22.00", 20, "rental", "ys.club", "SY-VISUN", True),
    ("凤鸣号", "Phoenix Song", "15.20", 10, "rental", "ys.club", "SY-VISUN", True),
    ("鹿回头号", "Luhuitou", "12.80", 8, "rental", "ys.club", "SY-VISUN", True),
    ("椰梦号", "Coconut Dream", "16.00", 12, "rental", "ys.club", "SY-VISUN", False),
    ("三亚湾号", "Sanya Bay", "24.00", 26, "rental", "ys.club", "SY-VISUN", False),
    ("半山号", "Serenity", "19.80", 14, "rental", "ys.serenity", "SY-SERENITY", True),
    ("小东海号", "Xiaodonghai", "14.50", 10, "rental", "ys.serenity", "SY-SERENITY", False),
    ("南海明珠号", "Pearl of the South Sea", "21.00", 18, "rental", "ys.serenity",
     "SY-SERENITY", False),
    ("亚龙湾号", "Yalong Bay", "17.00", 12, "rental", "ys.serenity", "SY-YALONG", False),
    ("海鸥号", "Seagull", "11.50", 6, "private", "ys.owner", "SY-PHOENIX", False),
    ("林家号", "Lin Family", "13.20", 8, "private", "ys.owner", "SY-VISUN", False),
    ("蓝湾壹号", "Blue Bay One", "16.50", 12, "rental", "ys.buyer", "SY-PHOENIX", True),
    ("蓝湾贰号", "Blue Bay Two", "15.00", 10, "rental", "ys.buyer", "SY-PHOENIX", False),
)  # fmt: skip
SEED_SCALE = 100
SAILINGS_2024 = 127_900 // SEED_SCALE  # 1,279
PEOPLE_2024 = 900_900 // SEED_SCALE  # 9,009
NIGHT_SAILINGS, NIGHT_PEOPLE = 10, 6_700 // SEED_SCALE  # 67
TRANSFERS_DONE = round(463 / SEED_SCALE)  # 5
VISUN_CHANNEL = [[109.5010, 18.2450], [109.4975, 18.2405], [109.4860, 18.2372],
                 [109.4700, 18.2350]]  # fmt: skip
PHOENIX_CHANNEL = [[109.4925, 18.2330], [109.4780, 18.2320], [109.4680, 18.2300]]
ROUTES = {  # out-and-back runs; from the two Sanya Bay marinas along the zone's access channels
    "SY-VISUN": [*VISUN_CHANNEL, [109.4400, 18.2450], [109.4200, 18.2600], [109.4400, 18.2450],
                 *VISUN_CHANNEL[::-1]],
    "SY-PHOENIX": [*PHOENIX_CHANNEL, [109.4450, 18.2400], [109.4300, 18.2500],
                   [109.4450, 18.2400], *PHOENIX_CHANNEL[::-1]],
    "SY-SERENITY": [[109.5300, 18.2060], [109.5250, 18.1850], [109.5300, 18.2060]],
    "SY-YALONG": [[109.6460, 18.2230], [109.6400, 18.2000], [109.6460, 18.2230]],
}  # fmt: skip
# Across the night zone's south-western edge, about 2.8 km out, and back (a flagged night route).
OUTSIDE_ROUTE = [*VISUN_CHANNEL, [109.4400, 18.2450], [109.4100, 18.2150], [109.4400, 18.2450],
                 *VISUN_CHANNEL[::-1]]  # fmt: skip


def ensure_staff(session: Session) -> None:
    for code, zh, en, department, username, name in AGENCIES:
        accounts.ensure_org(session, code=code, name_zh=zh, name_en=en, kind=OrgKind.AGENCY,
                            department=department)  # fmt: skip
        accounts.ensure_user(session, username=username, display_name=name, org_code=code,
                             roles=[Role.OFFICER], password=DEMO_PASSWORD)  # fmt: skip
    for code, zh, en, username in OWNERS:
        accounts.ensure_org(session, code=code, name_zh=zh, name_en=en, kind=OrgKind.ENTERPRISE)
        accounts.ensure_user(session, username=username, display_name=zh.split("（")[0][:12],
                             org_code=code, roles=[Role.ENTERPRISE],
                             password=DEMO_PASSWORD)  # fmt: skip


def who(session: Session, name: str) -> Principal:
    principal = accounts.acting_as(session, name)
    current_principal.set(principal)  # the audit trail records the acting user
    return principal


def yacht_in(n: int, row: tuple[Any, ...]) -> YachtIn:
    name_zh, name_en, length, capacity, usage, owner, port, night = row
    org = next(code for code, _, _, user in OWNERS if user == owner)
    return YachtIn(
        owner_org_code=org, name_zh=name_zh, name_en=name_en,
        hull_id=f"CN-SYY{n:05d}{'ABCDEFGHIJKL'[n % 12]}{(2018 + n % 6) % 10}{(18 + n % 6):02d}",
        registration_no=f"460024{n:06d}", length_m=Decimal(length), capacity=capacity,
        usage=usage, owner_name=next(zh for _, zh, _, u in OWNERS if u == owner),
        home_port=port, berth=f"{port[3]}-{n:02d}", registration_cert_no=f"SYO2024{n:05d}",
        nationality_cert_no=f"SYN2024{n:05d}", nationality_cert_expiry=date(2029, 6, 30),
        survey_cert_no=f"SYJ2024{n:05d}", survey_cert_expiry=date(2027, 12, 31),
        rental_filed=usage == "rental", night_certified=night,
    )  # fmt: skip


def _history(session: Session, fleet: list[Yacht], rng: random.Random) -> int:
    """2024's sailings in one bulk insert: counts and people in the seed's proportions."""
    zone = local_zone()
    day_rows = SAILINGS_2024 - NIGHT_SAILINGS
    people = [7] * SAILINGS_2024  # 9,009 people over 1,279 sailings: 7.04 a sailing
    for i in rng.sample(range(day_rows), PEOPLE_2024 - NIGHT_PEOPLE - 7 * day_rows):
        people[i] += 1
    night_people = [7] * 7 + [6] * 3  # 67 night-pilot visitors
    night_fleet = [y for y in fleet if y.usage == "rental" and y.night_certified
                   and y.home_port in ("SY-VISUN", "SY-PHOENIX")]  # fmt: skip
    day_fleet = [y for y in fleet if y.capacity >= 10]  # 8 visitors and a skipper fit aboard
    rows, per_day = [], dict[str, int]()
    for i in range(SAILINGS_2024):
        night = i >= day_rows
        yacht = rng.choice(night_fleet if night else day_fleet)
        day = date(2024, 1, 1) + timedelta(days=rng.randrange(366))
        hour = rng.choice((18, 19)) if night else rng.randrange(8, 15)
        depart = datetime(day.year, day.month, day.day, hour, rng.choice((0, 30)), tzinfo=zone)
        back = depart + timedelta(hours=2)
        key = f"SR{day:%Y%m%d}"
        per_day[key] = per_day.get(key, 0) + 1
        count = night_people[i - day_rows] if night else people[i]
        rows.append({
            "id": new_id(), "number": f"{key}{per_day[key]:04d}", "yacht_id": yacht.id,
            "org_id": yacht.org_id, "captain_name": "持证驾驶员（演示）",
            "captain_cert_no": f"HN{yacht.registration_no[-6:]}", "marina": yacht.home_port,
            "depart_at": depart.astimezone(UTC), "return_at": back.astimezone(UTC),
            "usage": yacht.usage, "passengers": count, "crew": 1,
            "lookout_aboard": night, "route": ROUTES[yacht.home_port],
            "period": "night" if night else "day",
            "zone_code": "SY-NIGHT-PHOENIX" if yacht.home_port in ("SY-VISUN", "SY-PHOENIX")
            else None, "zone_version": 0, "excursions": [], "flags": [], "flagged": False,
            "fired": [], "status": "arrived", "departed_at": depart.astimezone(UTC),
            "arrived_at": back.astimezone(UTC), "border_status": "cleared", "border_note": "",
            "disposition": "", "review_note": "", "ledger_index": None,
            "created_at": (depart - timedelta(hours=3)).astimezone(UTC),
            "updated_at": back.astimezone(UTC),
        })  # fmt: skip
    session.execute(insert(Sailing), rows)
    details = {"rows": len(rows), "source": "demo 2024 history"}
    record_event(session, action="import", entity_type=Sailing.__tablename__, entity_id="2024",
                 owner_org_id=None, details=details)  # fmt: skip
    return len(rows)


def _past_transfers(session: Session, fleet: list[Yacht]) -> None:
    """2024's completed transfers (the buyer's two yachts and three club yachts changed hands
    within the club's group: previous owners are recorded, the registry shows today's owner)."""
    zone = local_zone()
    for n, yacht in enumerate(fleet[-2:] + fleet[:3]):
        accepted = date(2024, 3 + 2 * n, 4)
        done = add_working_days(accepted, (5, 7, 4, 6, 3)[n])
        at = datetime(accepted.year, accepted.month, accepted.day, 10, tzinfo=zone)
        finished = datetime(done.year, done.month, done.day, 16, tzinfo=zone)
        session.add(Transfer(
            number=f"YT2024-{n + 1:04d}", yacht_id=yacht.id, org_id=yacht.org_id,
            seller_org_id=yacht.org_id, previous={"name_zh": f"{yacht.name_zh}（原名）",
                                                  "owner_name": "原船东（演示）"},
            new_name_zh=yacht.name_zh, new_name_en=yacht.name_en,
            new_owner_name=yacht.owner_name, new_home_port=yacht.home_port,
            new_usage=yacht.usage, documents=[], status="completed",
            items=[{"code": c, "status": "approved"} for c in
                   ("deregistration", "name_approval", "ownership", "nationality")],
            submitted_at=at - timedelta(days=1), consented_at=at - timedelta(hours=20),
            accepted_at=at, completed_at=finished, sla="met",
            elapsed_working_days=(5, 7, 4, 6, 3)[n], new_registration_no=yacht.registration_cert_no,
        ))  # fmt: skip


def _people(n: int) -> list[dict[str, str]]:
    return [
        {"name": f"游客{n}-{k}（演示）", "nationality": "CHN", "document_kind": "id_card",
         "document_number": make_resident_id("460200", date(1990, 1 + k, 10), 100 + 10 * n + k)}
        for k in range(1, 5)
    ]  # fmt: skip


def _evening(now: datetime) -> datetime:
    """19:00 Sanya time today, or tomorrow when that is less than an hour away."""
    evening = local(now).replace(hour=19, minute=0, second=0, microsecond=0)
    return evening if evening - now > timedelta(hours=1) else evening + timedelta(days=1)


def _daytime(now: datetime) -> datetime:
    """In 40 minutes if that is within day sailing hours, else 09:00 Sanya time tomorrow."""
    soon = local(now + timedelta(minutes=40)).replace(second=0, microsecond=0)
    if 7 <= soon.hour < 15:
        return soon
    return (soon + timedelta(days=1 if soon.hour >= 15 else 0)).replace(hour=9, minute=0)


def _report(session: Session, user: str, yacht: Yacht, n: int, start: datetime,
            route: list[list[float]]) -> Sailing:  # fmt: skip
    body = SailingIn(
        yacht_id=yacht.id, captain_name=f"驾驶员{n + 1}（演示）", captain_cert_no=f"HN2024{n:04d}",
        marina=yacht.home_port, depart_at=start, return_at=start + timedelta(hours=2), crew=2,
        lookout_aboard=True, route=route, passengers=_people(n),
    )  # fmt: skip
    return sailings.file(session, principal=who(session, user), data=body)


def _today(session: Session, fleet: list[Yacht]) -> dict[str, int]:
    """Live activity around now. Out now: the private owner's two yachts — in transfer, and
    still sailing (不停航) — one due back within the hour, one 40 minutes late. About to
    depart: a club yacht by day, and a club rental at night whose route leaves the zone."""
    now = utcnow()
    private = [y for y in fleet if y.usage == "private"]
    club = [y for y in fleet if y.org_id == fleet[0].org_id]
    out = [_report(session, "ys.owner", y, n, now + timedelta(minutes=40), ROUTES[y.home_port])
           for n, y in enumerate(private)]  # fmt: skip
    day = _report(session, "ys.club", club[0], 2, _daytime(now), ROUTES[club[0].home_port])
    night = _report(session, "ys.club", club[1], 3, _evening(now), OUTSIDE_ROUTE)
    for sailing in [*out, day]:
        officer = who(session, "ys.border")
        sailings.border_decision(session, principal=officer, sailing_id=sailing.id,
                                 data=BorderDecisionIn(decision="cleared"))  # fmt: skip
    for n, sailing in enumerate(out):
        sailings.act(session, principal=who(session, "ys.owner"), sailing_id=sailing.id,
                     data=SailingEventIn(event="depart"))  # fmt: skip
        # Backdated for the demo: one yacht is due back in an hour, the other is 40 min late.
        shift = timedelta(hours=1, minutes=40) if n == 0 else timedelta(hours=3, minutes=20)
        sailing.depart_at -= shift
        sailing.return_at -= shift
        sailing.departed_at = sailing.depart_at
    return {"today": len(out) + 2, "flagged_tonight": len(night.flags)}


def fingerprint(text: str) -> str:
    return sha256(text.encode("utf-8")).hexdigest()


DOCUMENTS = (
    "transfer_application",
    "seller_consent",
    "original_certificates",
    "buyer_identity",
    "sale_contract",
    "tax_receipt",
    "survey_certificate",
    "insurance",
    "photos",
)
COMMITTED = ("tax_receipt", "photos")  # to follow within the supply period


def _open_transfers(session: Session, fleet: list[Yacht]) -> None:
    """The buyer takes over the private owner's two yachts: one case on its 4th working day,
    one past the 7-working-day limit (acceptance dates set back for the demo)."""
    cases = (
        (fleet[10], "蓝湾叁号", "Blue Bay Three", 4),
        (fleet[11], "蓝湾肆号", "Blue Bay Four", 9),
    )
    for yacht, name_zh, name_en, days in cases:
        docs = [{"code": c, "mode": "committed" if c in COMMITTED else "provided",
                 "sha256": None if c in COMMITTED else fingerprint(f"{name_zh} {c}")}
                for c in DOCUMENTS]  # fmt: skip
        case = transfers.file(session, principal=who(session, "ys.buyer"), data=TransferIn(
            registration_no=yacht.registration_no, new_name_zh=name_zh, new_name_en=name_en,
            new_owner_name="三亚蓝湾游艇租赁有限公司（演示）", new_home_port="SY-PHOENIX",
            new_usage="rental", documents=docs))  # fmt: skip
        transfers.act(session, principal=who(session, "ys.owner"), transfer_id=case.id,
                      data=TransferEventIn(event="consent"))  # fmt: skip
        transfers.act(session, principal=who(session, "ys.maritime"), transfer_id=case.id,
                      data=TransferEventIn(event="accept", note="材料齐全，予以受理"))  # fmt: skip
        day = working_days_before(transfers.today(), days)
        moment = datetime(day.year, day.month, day.day, 10, tzinfo=local_zone())
        case.submitted_at = case.consented_at = case.accepted_at = moment


def load_demo(session: Session) -> dict[str, Any]:
    ensure_staff(session)
    if session.scalar(select(func.count(Yacht.id))):
        return {"loaded": False}
    officer = who(session, "ys.maritime")
    fleet = [yachts.register(session, principal=officer, data=yacht_in(n, row))
             for n, row in enumerate(FLEET, start=1)]  # fmt: skip
    rng = random.Random(16)
    history = _history(session, fleet, rng)
    _past_transfers(session, fleet)
    _open_transfers(session, fleet)
    today = _today(session, fleet)
    session.flush()
    return {
        "loaded": True,
        "yachts": len(fleet),
        "sailings_2024": history,
        "marinas": len(marinas()),
        **today,
    }
