"""p28 demo, built through the services from the seed's figures (case 28), scaled 1:10 so that
`ftz demo load` stays within seconds: 72 enterprises served (seed: 700+) and 100 million CNY of
exports covered by certificates (seed: 1 billion), 80 decided files of which 77 issued (96 %,
seed: 95 %+) in about three weeks each (seed: 30 days, was 90); a few files in progress, one
of them overdue. Standards, versions, subscriptions and notices; the seed's refrigerator
standard cooperation with Malaysia (4 visits, 9 meetings, agreement November 2023, published
July 2024) and the Kenya and Zimbabwe agreements. Enterprise names, products, values, dates
and standard texts are our own illustrative demo data."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind
from ftz.core.auth.principal import Principal, current_principal
from ftz.practices.certification_one_stop import applications, demo_watch, testing
from ftz.practices.certification_one_stop.demo_staff import (
    ENTERPRISES,
    as_org,
    ensure_staff,
    fingerprint,
    who,
)
from ftz.practices.certification_one_stop.models import ExportApplication
from ftz.practices.certification_one_stop.schemas import (
    ApplicationIn,
    DocumentIn,
    EventIn,
    TestIn,
)

PARTNER_USER = {"MY-SIRIM": "co.sirim", "KE-PVOC": "co.kebs", "ZW-CBCA": "co.zw"}
# Historical files: (scheme, product, HS code) cycled over the 70 other enterprises.
PRODUCTS = (
    ("MY-SIRIM", "双门家用电冰箱", "841821"),
    ("MY-SIRIM", "分体式空调器", "841510"),
    ("MY-SIRIM", "电热水壶", "851671"),
    ("MY-SIRIM", "聚氯乙烯绝缘电线", "854449"),
    ("MY-SIRIM", "精制食用盐", "250100"),
    ("KE-PVOC", "卧式冷柜", "841830"),
    ("KE-PVOC", "液压挖掘机", "842952"),
    ("KE-PVOC", "轮式拖拉机", "870192"),
    ("KE-PVOC", "加碘食用盐", "250100"),
    ("KE-PVOC", "液晶显示器", "852852"),
    ("ZW-CBCA", "晶体硅光伏组件", "854143"),
    ("ZW-CBCA", "釉面陶瓷砖", "690721"),
    ("ZW-CBCA", "润肤霜", "330499"),
    ("ZW-CBCA", "家用冰箱", "841821"),
)
SECTORS = ("家电", "电器", "机械", "食品", "盐业", "电缆", "新能源", "建材", "日化", "装备")
PLACES = ("长沙", "株洲", "湘潭", "岳阳", "常德", "衡阳", "益阳", "郴州", "娄底", "永州")
DECIDED = 80
FAILED_AT = {17: "fail", 43: "refuse", 66: "fail"}  # 77 of 80 issued: 96.25 %
TRADE_TOTAL = Decimal("100000000.00")  # 1:10 of the seed's 1 billion CNY


def run_file(
    session: Session,
    owner: Principal,
    data: ApplicationIn,
    *,
    start: date,
    days: int,
    until: str = "issued",
    outcome: str = "pass",
) -> ExportApplication:
    """One file through the steps on the given dates: submitted on `start`, tested half-way,
    decided after `days`; `until` stops it earlier (draft, submitted, testing, tested)."""
    made = applications.create(session, principal=owner, data=data, today=start)
    for kind in made.required_documents:
        current_principal.set(owner)
        applications.attach(
            session,
            principal=owner,
            application_id=made.id,
            data=DocumentIn(
                kind=kind, filename=f"{kind}.pdf", sha256=fingerprint(f"{made.number} {kind}")
            ),
        )
    if until == "draft":
        return made
    applications.event(
        session, principal=owner, application_id=made.id, data=EventIn(event="submit"), today=start
    )
    if until == "submitted":
        return made
    lab = who(session, "co.lab")
    applications.event(
        session,
        principal=lab,
        application_id=made.id,
        data=EventIn(event="accept"),
        today=start + timedelta(days=1),
    )
    tested_on = start + timedelta(days=max(2, days // 2))
    for index, test in enumerate(made.required_tests):
        passed = not (outcome == "fail" and index == 0)
        testing.record(
            session,
            principal=lab,
            application_id=made.id,
            today=tested_on,
            data=TestIn(
                test_code=test["code"],
                passed=passed,
                findings="" if passed else "温升超过限值（演示）",
                report_sha256=fingerprint(f"{made.number} {test['code']}"),
            ),
        )
    if until == "testing":
        return made
    testing.conclude(session, principal=lab, application_id=made.id, today=tested_on)
    if until == "tested" or outcome == "fail":
        return made
    partner = who(session, PARTNER_USER[made.scheme])
    event = (
        EventIn(event="refuse", note="标签不符合对方国要求（演示）")
        if outcome == "refuse"
        else EventIn(event="issue")
    )
    applications.event(
        session,
        principal=partner,
        application_id=made.id,
        data=event,
        today=start + timedelta(days=days),
    )
    return made


def _history(session: Session) -> list[ExportApplication]:
    """80 decided files over 2025–2026 for 70 historical enterprises and the two demo ones."""
    weights = [Decimal(3 + (n * 7) % 11) for n in range(DECIDED)]
    issued_weight = sum(w for n, w in enumerate(weights) if n not in FAILED_AT)
    made: list[ExportApplication] = []
    first = date(2025, 1, 6)
    for n in range(DECIDED):
        scheme, product, hs = PRODUCTS[n % len(PRODUCTS)]
        code = f"co-hist-{n % 70 + 1:03d}"
        if n % 70 == n:
            place, sector = PLACES[n % 10], SECTORS[(n // 10) % 10]
            accounts.ensure_org(
                session,
                code=code,
                name_zh=f"{place}{sector}出口企业{n + 1:02d}（演示）",
                name_en=f"{place} {sector} exporter {n + 1:02d} (demo)",
                kind=OrgKind.ENTERPRISE,
            )
        owner = as_org(session, code) if n < 76 else who(session, ENTERPRISES[n % 2][3])
        value = (TRADE_TOTAL * weights[n] / issued_weight).quantize(Decimal("0.01"))
        if n == DECIDED - 1:  # the last issued file takes the rounding rest
            value = TRADE_TOTAL - sum(
                a.trade_value_cny for i, a in enumerate(made) if i not in FAILED_AT
            )
        start = first + timedelta(days=n * 7)
        days = 34 if n == 29 else 14 + (n * 5) % 15  # one file missed its 30 days
        made.append(
            run_file(
                session,
                owner,
                ApplicationIn(
                    scheme=scheme,
                    product=product,
                    model=f"M{n + 1:03d}",
                    hs_code=hs,
                    trade_value_cny=value,
                ),
                start=start,
                days=days,
                outcome=FAILED_AT.get(n, "pass"),
            )
        )
    return made


def _current(session: Session) -> None:
    """Files in progress today: the enterprises' own, one of them overdue."""
    today = date.today()
    ent_a, ent_b = who(session, "co.ent.a"), who(session, "co.ent.b")
    fridge = ApplicationIn(
        scheme="KE-PVOC",
        product="风冷无霜冰箱",
        model="XJ-BCD-450",
        hs_code="841821",
        trade_value_cny=Decimal("2600000.00"),
    )
    run_file(session, ent_a, fridge, start=today - timedelta(days=3), days=0, until="submitted")
    salt = ApplicationIn(
        scheme="MY-SIRIM",
        product="低钠食用盐",
        model="DT-SALT-500G",
        hs_code="250100",
        trade_value_cny=Decimal("850000.00"),
    )
    run_file(session, ent_b, salt, start=today - timedelta(days=12), days=10, until="testing")
    late = ApplicationIn(
        scheme="KE-PVOC",
        product="加碘精制盐",
        model="DT-IOD-1KG",
        hs_code="250100",
        trade_value_cny=Decimal("1200000.00"),
    )
    run_file(session, ent_b, late, start=today - timedelta(days=40), days=20, until="testing")
    tiles = ApplicationIn(
        scheme="ZW-CBCA",
        product="釉面陶瓷砖",
        model="TL-600",
        hs_code="690721",
        trade_value_cny=Decimal("640000.00"),
    )
    run_file(
        session,
        as_org(session, "co-hist-009"),
        tiles,
        start=today - timedelta(days=9),
        days=6,
        until="tested",
    )


def load_demo(session: Session) -> dict[str, Any]:
    ensure_staff(session)
    if session.scalar(select(func.count(ExportApplication.id))):
        return {"loaded": False}
    history = _history(session)
    _current(session)
    notified = demo_watch.load_standards(session)
    demo_watch.load_projects(session)
    return {"loaded": True, "decided": len(history), "notified": notified}
