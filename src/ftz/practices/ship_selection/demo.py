"""p07 demo, in the seed's figures (案例7): the maritime administrations of Yingkou and Dalian, a
carrier, two shippers, an agent and a terminal; the demo fleet (domain/vessels); reserved grain
berths; ratings of which 14 "not recommended" ones the shippers declined (seed 2024: 14
improper charters avoided); 1,200 grain ship calls of 2024 through the channel, saving one
waiting cycle (about 4 h, 100,000 CNY) less any wait, about 1.16 × 10⁸ CNY in all; and live
grain calls and arrival plans in every state. Organizations and people are fictional."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind, Role
from ftz.core.auth.principal import current_principal
from ftz.core.auth.service import DEMO_PASSWORD
from ftz.domain.vessels import importer
from ftz.domain.vessels import repository as vessels
from ftz.domain.vessels.demo_fleet import PROFILES, demo_fleet
from ftz.practices.ship_selection import berths, ratings
from ftz.practices.ship_selection.demo_calls import live_calls, who
from ftz.practices.ship_selection.demo_data import BERTHS, history_arrivals
from ftz.practices.ship_selection.models import Rating
from ftz.practices.ship_selection.schemas import (
    BerthIn,
    DecisionIn,
    RatingRequest,
)

AGENCIES = (
    (
        "ss-msa-yk",
        "营口海事局（演示）",
        "Yingkou Maritime Safety Administration (demo)",
        "ss.msa",
        "营口海事局 王海涛（演示）",
    ),
    (
        "ss-msa-dl",
        "大连海事局（演示）",
        "Dalian Maritime Safety Administration (demo)",
        "ss.msa.dl",
        "大连海事局 刘晓东（演示）",
    ),
)
ENTERPRISES = (
    (
        "ss-carrier",
        "辽宁粮海航运有限公司（演示）",
        "Liaoning Grain Sea Shipping (demo)",
        "ss.carrier",
    ),
    (
        "ss-shipper",
        "北方粮食贸易集团有限公司（演示）",
        "Northern Grain Trading Group (demo)",
        "ss.shipper",
    ),
    ("ss-shipper-b", "南方饲料集团有限公司（演示）", "Southern Feed Group (demo)", "ss.shipper.b"),
    (
        "ss-agent",
        "营口中理外轮代理有限公司（演示）",
        "Yingkou Ocean Shipping Agency (demo)",
        "ss.agent",
    ),
    (
        "ss-terminal",
        "营口港散粮码头有限公司（演示）",
        "Yingkou Port Grain Terminal (demo)",
        "ss.terminal",
    ),
)
VOYAGES = (
    "营口港 → 广州港",
    "鲅鱼圈港区 → 东莞港",
    "大连港 → 湛江港",
    "营口港 → 厦门港",
    "大窑湾港区 → 上海港",
    "营口港 → 福州港",
)


def ensure_staff(session: Session) -> None:
    for code, zh, en, username, name in AGENCIES:
        accounts.ensure_org(
            session, code=code, name_zh=zh, name_en=en, kind=OrgKind.AGENCY, department="msa"
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
            display_name=f"{zh[:6]}业务员（演示）",
            org_code=code,
            roles=[Role.ENTERPRISE],
            password=DEMO_PASSWORD,
        )


def _ratings(session: Session, rng: random.Random) -> int:
    """Every demo ship rated once or more; the not-recommended ones 14 times in all, each
    declined by the shipper (the seed's improper charters avoided)."""
    carrier = who(session, "ss.carrier")
    made = 0
    ships = vessels.all_ships(session, vessels.ShipFilter())
    bad = [
        s
        for s in ships
        if PROFILES.get(s.name)
        in (
            "no_grain_doc",
            "expired",
            "detained_recent",
            "assistance",
            "short_manned",
            "key_tracking",
        )
    ]
    plan = ships + [bad[i % len(bad)] for i in range(14 - len(bad))]
    for i, ship in enumerate(plan):
        shipper = ("ss.shipper", "ss-shipper") if i % 3 else ("ss.shipper.b", "ss-shipper-b")
        rating = ratings.request_rating(
            session,
            principal=who(session, "ss.carrier"),
            data=RatingRequest(
                imo_number=ship.imo_number,
                shipper_org=shipper[1],
                voyage=VOYAGES[i % len(VOYAGES)],
                cargo_name=rng.choice(("玉米", "大豆", "小麦")),
                quantity_t=min(ship.deadweight_t - 2000, 60000),
            ),
        )
        made += 1
        if i % 5 == 4 and rating.rating != "not_recommended":
            continue  # still waiting for the shipper
        event = "decline" if rating.rating == "not_recommended" else "charter"
        note = "参考选船助手建议，不租用该船" if event == "decline" else "按建议租用"
        ratings.decide(
            session,
            principal=who(session, shipper[0]),
            rating_id=rating.id,
            data=DecisionIn(event=event, note=note),
        )
    current_principal.set(carrier)
    return made


def load_demo(session: Session) -> dict[str, Any]:
    ensure_staff(session)
    if session.scalar(select(func.count(Rating.id))):
        return {"loaded": False}
    today = date.today()
    officer = who(session, "ss.msa")
    fleet = importer.import_fleet(session, demo_fleet(today))
    for code, port, terminal, depth, dwt in BERTHS:
        berths.save_berth(
            session,
            principal=officer,
            data=BerthIn(
                code=code, port=port, terminal=terminal, depth_m=Decimal(depth), max_dwt=dwt
            ),
        )
    rng = random.Random(7)
    made = _ratings(session, rng)
    agent_org = accounts.get_org_by_code(session, "ss-agent")
    assert agent_org is not None
    history = history_arrivals(session, rng, year=2024, org_id=agent_org.id)
    live = live_calls(session, today)
    current_principal.set(officer)
    return {
        "loaded": True,
        "ships": fleet["counts"]["ships"]["created"],
        "ratings": made,
        "calls_2024": history,
        **live,
    }
