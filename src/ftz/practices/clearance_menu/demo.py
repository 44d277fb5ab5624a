"""p10 demo: Zhengzhou Customs' officer and five small enterprises (fictional) trading through the
Zhengzhou rail port, Qingdao and Tianjin seaports and Zhengzhou airport, with a year of recorded
requests and choices (300, 2025-04 to 2026-03) so the officers' statistics have something to show.
Requests are generated deterministically; figures are illustrative (demo)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from stdnum.cn import uscc

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind, Role
from ftz.core.auth.service import DEMO_PASSWORD
from ftz.practices.clearance_menu import service
from ftz.practices.clearance_menu.models import MenuRecord
from ftz.practices.clearance_menu.schemas import MenuRequest

OFFICER = "cm.officer"
REQUESTS = 300
START = datetime(2025, 4, 1, 9, tzinfo=UTC)
# code, name_zh, name_en, user, direction, transport, port, pickup, hs codes
ENTERPRISES: list[tuple[str, str, str, str, str, str, str, str, tuple[str, ...]]] = [
    ("cm-zz-rail", "郑州中欧班列进口贸易有限公司（演示）", "Zhengzhou Rail Import Trading (demo)",
     "cm.rail", "import", "rail", "阿拉山口", "郑州", ("8703239000", "2204210000", "8471300000")),
    ("cm-zz-export", "河南豫丰机械出口有限公司（演示）", "Henan Yufeng Machinery Export (demo)",
     "cm.export", "export", "rail", "二连浩特", "郑州", ("8429521200", "8701949000")),
    ("cm-zz-sea", "郑州海铁联运供应链有限公司（演示）", "Zhengzhou Sea-Rail Supply Chain (demo)",
     "cm.sea", "import", "sea", "青岛", "郑州", ("1201909100", "4403210000")),
    ("cm-zz-cbec", "郑州跨境优购电子商务有限公司（演示）", "Zhengzhou Cross-border Shop (demo)",
     "cm.cbec", "import", "air", "郑州新郑机场", "郑州", ("3304990099", "1901101000")),
    ("cm-zz-auto", "河南新能源汽车零部件有限公司（演示）", "Henan NEV Parts (demo)",
     "cm.auto", "export", "sea", "天津", "天津", ("8507600090", "8708999990")),
]  # fmt: skip


def ensure_staff(session: Session) -> None:
    accounts.ensure_org(
        session, code="zz-customs", name_zh="郑州海关（演示）", name_en="Zhengzhou Customs (demo)",
        kind=OrgKind.AGENCY, department="customs",
    )  # fmt: skip
    accounts.ensure_user(
        session, username=OFFICER, display_name="郑关务", org_code="zz-customs",
        roles=[Role.OFFICER], password=DEMO_PASSWORD,
    )  # fmt: skip
    for n, (code, zh, en, user, *_rest) in enumerate(ENTERPRISES, 1):
        body = f"91410100MA9{n:06d}"
        accounts.ensure_org(
            session, code=code, name_zh=zh, name_en=en, kind=OrgKind.ENTERPRISE,
            uscc=body + uscc.calc_check_digit(body),
        )  # fmt: skip
        accounts.ensure_user(
            session, username=user, display_name=f"{zh[:2]}关务专员", org_code=code,
            roles=[Role.ENTERPRISE], password=DEMO_PASSWORD,
        )  # fmt: skip


def _request(rng: random.Random, entry: tuple[Any, ...]) -> MenuRequest:
    _code, _zh, _en, _user, direction, transport, port, pickup, hs_codes = entry
    if rng.random() < 0.15:  # some shipments go another way
        transport = rng.choice(("road", "multimodal_through_bill", transport))
    return MenuRequest.model_validate(
        {
            "direction": direction,
            "transport": transport,
            "goods": {
                "hs_code": rng.choice(hs_codes),
                "legal_inspection": rng.random() < 0.2,
                "taxable": direction == "import" and rng.random() < 0.8,
                "temperature_sensitive": rng.random() < 0.1,
                "cbec_retail": port == "郑州新郑机场" and rng.random() < 0.7,
                "solid_waste": False,
            },
            "credit": rng.choices(("advanced", "general", "dishonest"), (3, 6, 1))[0],
            "guarantee_filed": rng.random() < 0.6,
            "manifest_before_arrival": rng.random() < 0.8,
            "declare_before_arrival": rng.random() < 0.7,
            "transit_wanted": rng.random() < 0.4,
            "port": port,
            "pickup_place": pickup,
        }
    )


def load_demo(session: Session) -> dict[str, Any]:
    ensure_staff(session)
    if session.scalar(select(func.count(MenuRecord.id))):
        return {"loaded": False}
    rng = random.Random(10)  # case 10: the same demo every time
    span = (datetime(2026, 3, 31, tzinfo=UTC) - START).total_seconds()
    moments = sorted(START + timedelta(seconds=rng.uniform(0, span)) for _ in range(REQUESTS))
    chosen = 0
    for at in moments:
        entry = rng.choice(ENTERPRISES)
        principal = accounts.acting_as(session, entry[3])
        result = service.recommend(
            session, principal=principal, request=_request(rng, entry), at=at
        )
        if rng.random() < 0.1:  # asked, but never came back to choose
            continue
        options = [result["combination"]["code"]] + [a["code"] for a in result["alternatives"]]
        pick = options[0] if rng.random() < 0.75 or len(options) == 1 else rng.choice(options[1:])
        service.choose(
            session, principal=principal, record_id=result["request_id"], combination=pick,
            at=at + timedelta(minutes=rng.randint(2, 90)),
        )  # fmt: skip
        chosen += 1
    return {"loaded": True, "requests": REQUESTS, "choices": chosen}
