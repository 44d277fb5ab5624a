"""Demo data of p07 that is not people: reserved grain berths (codes, depths and sizes are our
illustration of Yingkou and Dalian grain terminals), a loading condition that passes the Grain
Code, and the 2024 history of grain ship calls through the channel (seed: 1,200 calls, about
1.16 × 10⁸ CNY saved: most ships berth at once, some wait a little)."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from ftz.core.kit.ids import new_id
from ftz.domain.vessels import repository as vessels
from ftz.domain.vessels.demo_fleet import PROFILES
from ftz.practices.ship_selection.berths import GUARANTEES, savings
from ftz.practices.ship_selection.common import settings
from ftz.practices.ship_selection.models import Arrival

BERTHS = (  # code, port, terminal, depth (m), largest ship (DWT)
    ("YK-G01", "营口港", "营口港散粮码头（演示）", "14.00", 70000),
    ("YK-G02", "营口港", "营口港散粮码头（演示）", "14.00", 70000),
    ("YK-BYQ-G1", "鲅鱼圈港区", "鲅鱼圈粮食码头（演示）", "16.50", 100000),
    ("DL-G01", "大连港", "大连北良粮食码头（演示）", "15.00", 80000),
    ("DL-DYW-G1", "大窑湾港区", "大窑湾散粮码头（演示）", "17.00", 120000),
)
# A handymax bulk carrier loaded with maize (stowage factor 1.35 m³/t): heel about 3.2°,
# residual area about 0.31 m·rad, GM 2.0 m — well inside the Grain Code criteria.
CONDITION = json.dumps(
    {
        "displacement_t": 60000,
        "stowage_factor_m3_per_t": 1.35,
        "volumetric_heeling_moment_m4": 9000,
        "gm_corrected_m": 2.0,
        "gz_curve": [
            [0, 0],
            [5, 0.17],
            [10, 0.35],
            [12, 0.42],
            [15, 0.53],
            [20, 0.72],
            [25, 0.88],
            [30, 1.0],
            [35, 1.05],
            [40, 1.02],
            [45, 0.95],
            [50, 0.85],
            [60, 0.6],
        ],
        "flooding_angle_deg": 55,
        "deck_edge_immersion_deg": 14,
        "built_on_or_after_1994": True,
    }
).encode()


def history_arrivals(session: Session, rng: random.Random, *, year: int, org_id: str) -> int:
    """The year's calls, departed, written in one batch (the service's timing rules hold:
    arrival ≤ berthing ≤ departure; savings from `berths.savings`)."""
    calls = int(settings()["seed"]["ship_calls_2024"])
    fleet = [
        s
        for s in vessels.all_ships(session, vessels.ShipFilter())
        if PROFILES.get(s.name) in ("clean", "expiring", "accident", "deficient", "old_penalty")
    ]
    start = datetime(year, 1, 1, tzinfo=UTC)
    rows = []
    for n in range(calls):
        ship = fleet[n % len(fleet)]
        eta = start + timedelta(minutes=rng.randrange(0, 365 * 24 * 60))
        port = "营口港" if n % 5 < 3 else "大连港"
        waited = (
            timedelta(hours=rng.choice((1.0, 1.5, 2.0))) if rng.random() < 0.09 else timedelta(0)
        )
        arrived = eta + timedelta(minutes=rng.randrange(-60, 60))
        berthed = arrived + waited
        arrival = Arrival(
            id=new_id(),
            number=f"AP-{year}-H{n + 1:05d}",
            org_id=org_id,
            ship_id=ship.id,
            port=port,
            eta=eta,
            etd=eta + timedelta(hours=36),
            cargo_name=rng.choice(("玉米", "大豆", "小麦")),
            quantity_t=min(ship.deadweight_t - 2000, 60000),
            status="departed",
            guarantees={g: True for g in GUARANTEES},
            arrived_at=arrived,
            berthed_at=berthed,
            departed_at=berthed + timedelta(hours=rng.randrange(26, 40)),
        )
        savings(arrival)
        rows.append(arrival)
    session.add_all(rows)
    session.flush()
    return calls
