"""p08 demo: a Hangzhou customs officer and two (fictional) Zhejiang CBEC platforms, and six
months of lists and returns sized from the seed's ratio (207,800 tickets for 261,300 items,
about 1.26 items a ticket), received at five customs districts so the statistics show data.
Lists, buyers and goods are illustrative; everything goes through the service."""

from __future__ import annotations

import random
from datetime import timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind, Role
from ftz.core.auth.principal import Principal, current_principal
from ftz.core.auth.service import DEMO_PASSWORD
from ftz.practices.cbec_returns import service, tax
from ftz.practices.cbec_returns.models import DeclarationList
from ftz.practices.cbec_returns.schemas import (
    DecisionIn,
    LineIn,
    ListIn,
    ReturnIn,
    ReturnLineIn,
)  # fmt: skip

OFFICER, PLATFORM, OTHER = "cr.officer", "cr.platform", "cr.other"
LISTS, DAYS = 360, 180
GOODS = [
    ("3304990099", "面霜", 180, 680), ("3303000010", "香水", 300, 900),
    ("1901101000", "婴儿配方奶粉", 150, 320), ("0402210000", "全脂奶粉", 90, 200),
    ("8509400000", "破壁料理机", 400, 1200), ("9102110000", "石英腕表", 800, 1800),
]  # fmt: skip
REFUSAL = "退货商品外包装破损，不符合二次销售条件"


def ensure_staff(session: Session) -> None:
    accounts.ensure_org(
        session, code="hz-customs", name_zh="杭州海关（演示）", name_en="Hangzhou Customs (demo)",
        kind=OrgKind.AGENCY, department="customs",
    )  # fmt: skip
    accounts.ensure_user(session, username=OFFICER, display_name="杭关务", org_code="hz-customs",
                         roles=[Role.OFFICER], password=DEMO_PASSWORD)  # fmt: skip
    for code, zh, en, user in [
        ("cr-platform", "浙江跨境优选电商平台（演示）", "Zhejiang CBEC Platform (demo)", PLATFORM),
        ("cr-other", "宁波保税购电商（演示）", "Ningbo Bonded Shop (demo)", OTHER),
    ]:
        accounts.ensure_org(session, code=code, name_zh=zh, name_en=en,
                            kind=OrgKind.ENTERPRISE)  # fmt: skip
        accounts.ensure_user(session, username=user, display_name=zh, org_code=code,
                             roles=[Role.ENTERPRISE], password=DEMO_PASSWORD)  # fmt: skip


def _as(people: dict[str, Principal], name: str) -> Principal:
    current_principal.set(people[name])  # the audit trail records the acting user
    return people[name]


def load_demo(session: Session) -> dict[str, Any]:
    ensure_staff(session)
    if session.scalar(select(DeclarationList.id).where(DeclarationList.number.like("DEMO-%"))):
        return {"loaded": False}
    people = {n: accounts.acting_as(session, n) for n in (OFFICER, PLATFORM, OTHER)}
    rng = random.Random(8)
    today = service.today()
    codes = [d["code"] for d in tax.customs_districts()]
    returns = approved = 0
    for n in range(LISTS):
        released = today - timedelta(days=rng.randint(1, DAYS))
        lines = [
            LineIn(hs_code=hs, name=name, quantity=rng.randint(1, 3),
                   unit_price=Decimal(rng.randint(low, high)))
            for hs, name, low, high in rng.sample(GOODS, rng.randint(1, 2))
        ]  # fmt: skip
        platform = PLATFORM if n % 3 else OTHER
        item = service.declare_list(session, principal=_as(people, platform), data=ListIn(
            number=f"DEMO-{n:05d}", order_no=f"ORD{released:%Y%m%d}{n:05d}",
            buyer_id=f"33010619900101{n % 150:04d}", customs_code=rng.choice(("2900", "3100")),
            release_date=released, lines=lines))  # fmt: skip
        if n % 5 >= 3:  # about 60% of the demo lists see a return
            continue
        declared = min(today, released + timedelta(days=rng.randint(0, 25)))
        # Most returns are one unit; one in four takes two (≈ 1.26 items a ticket, as seeded).
        qty = 2 if rng.random() < 0.26 and lines[0].quantity >= 2 else 1
        ret = service.declare_return(session, principal=_as(people, platform), data=ReturnIn(
            list_number=item.number, customs_code=rng.choice(codes),
            zone_entry_date=declared + timedelta(days=rng.randint(0, 7)), declared_on=declared,
            lines=[ReturnLineIn(line_no=1, quantity=qty)]))  # fmt: skip
        returns += 1
        if (today - declared).days < 3:
            continue  # the recent ones wait in the officer's review queue
        officer = _as(people, OFFICER)
        if n % 17 == 0:
            service.refuse(session, principal=officer, return_id=ret.id,
                           data=DecisionIn(note=REFUSAL))  # fmt: skip
        else:
            service.approve(session, principal=officer, return_id=ret.id, data=DecisionIn())
            approved += 1
    return {"loaded": True, "lists": LISTS, "returns": returns, "approved": approved}
