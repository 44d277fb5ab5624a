"""p05 demo: the people (two maritime safety administrations, three enterprises), the ports,
flags and condition texts the demo uses, and the demo goods file."""

from __future__ import annotations

from functools import cache
from typing import Any

import yaml
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind, Role
from ftz.core.auth.principal import Principal, current_principal
from ftz.core.auth.service import DEMO_PASSWORD
from ftz.practices.cargo_rules.reference import DATA

OFFICER, XIAMEN, SHIPPER, BARITE, OTHER = (
    "cgr.officer",
    "cgr.xiamen",
    "cgr.shipper",
    "cgr.barite",
    "cgr.other",
)
AGENCIES = (
    (
        "cgr-ln-msa",
        "辽宁海事局（演示）",
        "Liaoning Maritime Safety Administration (demo)",
        OFFICER,
        "辽宁海事局危防处（演示）",
    ),
    (
        "cgr-xm-msa",
        "厦门海事局（演示）",
        "Xiamen Maritime Safety Administration (demo)",
        XIAMEN,
        "厦门海事局履约研究团队（演示）",
    ),
)
ENTERPRISES = (
    ("cgr-dl-trade", "大连港湾国际贸易有限公司（演示）", "Dalian Harbour Trading (demo)", SHIPPER),
    (
        "cgr-xm-mining",
        "厦门东渡矿产进出口有限公司（演示）",
        "Xiamen Dongdu Minerals (demo)",
        BARITE,
    ),
    ("cgr-yk-magnesia", "营口镁质材料有限公司（演示）", "Yingkou Magnesia Materials (demo)", OTHER),
)
PORTS = ("大连港", "营口港", "锦州港", "丹东港")
DESTINATIONS = (
    "Busan, KR",
    "Rotterdam, NL",
    "Santos, BR",
    "Jebel Ali, AE",
    "Tanjung Priok, ID",
    "Hai Phong, VN",
    "Antwerp, BE",
    "Durban, ZA",
)
FLAGS = (
    ("巴拿马", "Panama Maritime Authority"),
    ("利比里亚", "Liberia Maritime Authority"),
    ("马绍尔群岛", "Marshall Islands Maritime Administrator"),
    ("中国香港", "Hong Kong Marine Department"),
    ("新加坡", "Maritime and Port Authority of Singapore"),
)
TEXTS = {  # our own wording of the conditions that follow from each finding
    "A": (
        "含水量须低于适运水分极限（TML）；装货前提交TML及含水量证书。",
        "Moisture content below the TML; TML and moisture certificates before loading.",
    ),
    "B": (
        "具化学危险（MHB），保持干燥，进入货舱前测氧测毒，远离热源。",
        "Chemical hazard (MHB): keep dry, test the atmosphere before entry, keep from heat.",
    ),
    "AB": (
        "可能液化且具化学危险：含水量须低于TML，并按MHB要求通风测气。",
        "May liquefy and has a chemical hazard: moisture below the TML, ventilate and test.",
    ),
    "C": (
        "无液化及化学危险；按一般要求平舱、防尘。",
        "Neither liquefies nor has a chemical hazard; trim and control dust.",
    ),
    "dg": (
        "按所定类别包装、标记、积载和隔离。",
        "Packed, marked, stowed and segregated for its class.",
    ),
    "general": (
        "经鉴别不属于危险货物，按普通货物运输。",
        "Classified as not dangerous: carried as general cargo.",
    ),
}


@cache
def demo_goods() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((DATA / "demo_goods.yaml").read_text("utf-8"))
    return loaded


def ensure_staff(session: Session) -> None:
    for code, zh, en, username, person in AGENCIES:
        accounts.ensure_org(
            session, code=code, name_zh=zh, name_en=en, kind=OrgKind.AGENCY, department="msa"
        )
        accounts.ensure_user(
            session,
            username=username,
            display_name=person,
            org_code=code,
            roles=[Role.OFFICER],
            password=DEMO_PASSWORD,
        )
    for code, zh, en, username in ENTERPRISES:
        accounts.ensure_org(session, code=code, name_zh=zh, name_en=en, kind=OrgKind.ENTERPRISE)
        accounts.ensure_user(
            session,
            username=username,
            display_name=f"{zh[:6]}单证员",
            org_code=code,
            roles=[Role.ENTERPRISE],
            password=DEMO_PASSWORD,
        )


def act_as(session: Session, username: str) -> Principal:
    principal = accounts.acting_as(session, username)
    current_principal.set(principal)  # the audit trail records the acting user
    return principal
