"""The pilot units' registers up to 2025-03-31 (the seed's cut-off), imported in bulk at 1/50 of
the seed: per unit its researchers, its achievements (2,140 in all, minus what today's live flow
adds), the transfers of 740 of them with decision, exemption record, income and reward lines
computed by the same rules as the services, and 13 promotions. One audit event per unit records
the import. Names, titles, companies and numbers are generated and fictional."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ftz.core.audit import record_event
from ftz.core.kit.ids import new_id
from ftz.practices.tech_transfer import demo_history_transfers
from ftz.practices.tech_transfer.common import fired, rules
from ftz.practices.tech_transfer.demo_history_transfers import (
    CUTOFF,
    GIVEN,
    SUBJECTS,
    SURNAMES,
    day_between,
)
from ftz.practices.tech_transfer.models import (
    Achievement,
    Inventor,
    Researcher,
)
from ftz.practices.tech_transfer.patents import make_patent_number

# unit: (achievements registered, of them transferred, promotions) = seed / 50, split by size
TARGETS = {
    "tt-qinling": (900, 320, 6),
    "tt-weishui": (760, 260, 4),
    "tt-qinchuan": (280, 90, 2),
    "tt-materials": (200, 70, 1),
}
STAFF = {"tt-qinling": 40, "tt-weishui": 30, "tt-qinchuan": 15, "tt-materials": 10}
COLLEGES = {
    "tt-qinling": (
        "材料科学与工程学院",
        "机械工程学院",
        "电子信息学院",
        "能源与动力工程学院",
        "地质工程学院",
        "计算机科学学院",
    ),
    "tt-weishui": ("化学工程学院", "生命科学学院", "土木工程学院", "电子信息学院", "农学院"),
    "tt-qinchuan": ("心血管内科", "骨科", "医学检验中心", "药学部"),
    "tt-materials": ("中央研究院", "新材料研究所"),
}
FORMS = (
    "一种{}及其制备方法",
    "{}在线监测系统",
    "基于深度学习的{}识别方法",
    "{}快速检测装置",
    "高性能{}的工艺优化",
    "{}智能运维平台",
)
SHARES = ([100], [60, 40], [70, 30], [50, 30, 20], [40, 30, 30])


def _researchers(
    session: Session, code: str, org_id: str, prefix: str, rng: random.Random
) -> list[dict[str, Any]]:
    rows = []
    for n in range(STAFF[code]):
        engineering = n % 5 == 4
        rows.append(
            {
                "id": new_id(),
                "org_id": org_id,
                "staff_no": f"{prefix}-H{n + 1:03d}",
                "name": rng.choice(SURNAMES) + rng.choice(GIVEN),
                "college": "技术转移中心" if engineering else rng.choice(COLLEGES[code]),
                "series": "engineering" if engineering else "teaching_research",
                "title_level": rng.choice(("intermediate", "associate", "associate", "full")),
                "title_since": day_between(rng, date(2012, 1, 1), date(2020, 12, 31)),
                "manager_certified": engineering,
            }
        )
    session.execute(insert(Researcher), rows)
    return rows


def _ip(kind: str, completed: date, rng: random.Random) -> tuple[str, str]:
    if kind == "software":
        return f"{completed.year}SR{rng.randint(100_000, 1_999_999):07d}", ""
    if kind == "know_how":
        return "", ""
    kind_digit = rng.choice("1111112223")
    types = {"1": "invention", "2": "utility_model", "3": "design"}
    return make_patent_number(completed.year, kind_digit, rng.randint(10_000, 999_999)), types[
        kind_digit
    ]


def load_history(
    session: Session,
    units: dict[str, tuple[str, str, str]],
    live: dict[str, dict[str, int]],
    rng: random.Random,
) -> dict[str, Any]:
    basis = {
        k: fired(rules().evaluate("separate_listing.json", {"kind": k}))
        for k in ("patent", "software", "know_how")
    }
    totals = {"history_achievements": 0, "history_transfers": 0, "history_promotions": 0}
    for code, (org_id, prefix, policy) in units.items():
        registered, transferred, promotions = TARGETS[code]
        own = live.get(code, {})
        counts = (
            registered - own.get("registered", 0),
            transferred - own.get("transferred", 0),
            promotions - own.get("promotions", 0),
        )
        people = _researchers(session, code, org_id, prefix, rng)
        staff = list(
            session.scalars(
                select(Researcher.id).where(
                    Researcher.org_id == org_id,
                    Researcher.user_id.is_not(None),
                    Researcher.series == "teaching_research",
                )
            )
        )
        made = _unit(session, code, org_id, prefix, policy, counts, people, staff, basis, rng)
        for key, value in made.items():
            totals[key] += value
        record_event(
            session,
            action="import",
            entity_type=Achievement.__tablename__,
            entity_id=f"history:{prefix}",
            owner_org_id=org_id,
            details={"source": "register before 2025-03-31 (demo)", **made},
        )
    return totals


def _unit(
    session: Session,
    code: str,
    org_id: str,
    prefix: str,
    policy: str,
    counts: tuple[int, int, int],
    people: list[dict[str, Any]],
    staff: list[str],
    basis: dict[str, Any],
    rng: random.Random,
) -> dict[str, int]:
    n_registered, n_transferred, n_promoted = counts
    achievements, inventors, shares_of = [], [], {}
    for _ in range(n_registered):
        completed = day_between(rng, date(2019, 1, 1), date(2025, 2, 28))
        kind = rng.choices(("patent", "software", "know_how"), (7, 2, 1))[0]
        ip_number, patent_type = _ip(kind, completed, rng)
        field = rng.choice(SUBJECTS)
        achievements.append(
            {
                "id": new_id(),
                "org_id": org_id,
                "title": rng.choice(FORMS).format(field),
                "kind": kind,
                "ip_number": ip_number,
                "patent_type": patent_type,
                "college": rng.choice(COLLEGES[code]),
                "field": field,
                "completed_on": completed,
                "registered_on": min(CUTOFF, completed + timedelta(days=rng.randint(10, 60))),
                "description": "",
                "status": "registered",
                "disclosed_by": "import",
                "basis": basis[kind],
            }
        )
    achievements.sort(key=lambda a: a["registered_on"])
    seq: dict[int, int] = {}
    for a in achievements:
        year = a["registered_on"].year
        seq[year] = seq.get(year, 0) + 1
        a["number"] = f"{prefix}{year}-{seq[year]:05d}"
    chosen = rng.sample(range(len(achievements)), n_transferred)
    for i in chosen:
        achievements[i]["status"] = "transferred"
    featured = {chosen[k]: staff[k % len(staff)] for k in range(min(len(chosen), 2 * len(staff)))}
    for i, a in enumerate(achievements):
        split = rng.choice(SHARES)
        who = [p["id"] for p in rng.sample(people, len(split))]
        if i in featured and featured[i] not in who:
            who[0] = featured[i]
        shares_of[a["id"]] = [(r, Decimal(s)) for r, s in zip(who, split, strict=True)]
        inventors += [
            {
                "id": new_id(),
                "org_id": org_id,
                "achievement_id": a["id"],
                "researcher_id": r,
                "share_pct": s,
                "position": n + 1,
            }
            for n, (r, s) in enumerate(shares_of[a["id"]])
        ]
    session.execute(insert(Achievement), achievements)
    session.execute(insert(Inventor), inventors)
    moved = [achievements[i] for i in chosen]
    demo_history_transfers.unit_transfers(
        session, code, org_id, prefix, policy, moved, shares_of, rng
    )
    demo_history_transfers.promotions(session, org_id, people, n_promoted, rng)
    return {
        "history_achievements": n_registered,
        "history_transfers": n_transferred,
        "history_promotions": n_promoted,
    }
