"""p28 demo people: the laboratory, the partner bodies' desks, the standards centre (officers
narrowed by department) and two enterprises with logins; historical enterprises act through a
principal of their organization without a login (their files predate the demo)."""

from __future__ import annotations

import hashlib

from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind, Role
from ftz.core.auth.principal import Principal, current_principal
from ftz.core.auth.service import DEMO_PASSWORD
from ftz.practices.certification_one_stop.permissions import LAB, PARTNER, STANDARDS

AGENCIES = (
    (
        "co-lab",
        "湖南芙蓉认证检测有限公司（中马合资，演示）",
        "Furong Certification and Testing Co., Sino-Malaysian JV (demo)",
        LAB,
        "co.lab",
        "检测工程师",
    ),
    (
        "co-sirim",
        "SIRIM QAS国际长沙服务台（演示）",
        "SIRIM QAS International, Changsha desk (demo)",
        PARTNER,
        "co.sirim",
        "SIRIM认证官",
    ),
    (
        "co-kebs",
        "肯尼亚标准局中肯事业部（演示）",
        "KEBS China–Kenya desk (demo)",
        PARTNER,
        "co.kebs",
        "KEBS认证官",
    ),
    (
        "co-zw",
        "津巴布韦CBCA长沙服务台（演示）",
        "Zimbabwe CBCA Changsha desk (demo)",
        PARTNER,
        "co.zw",
        "CBCA认证官",
    ),
    (
        "co-standards",
        "湖南自贸试验区标准合作创新中心（演示）",
        "Hunan FTZ Standards Cooperation Centre (demo)",
        STANDARDS,
        "co.standards",
        "标准专员",
    ),
)
ENTERPRISES = (
    (
        "co-ent-a",
        "湖南湘江家电制造有限公司（演示）",
        "Xiangjiang Home Appliances (demo)",
        "co.ent.a",
    ),
    ("co-ent-b", "湖南洞庭食品有限公司（演示）", "Dongting Foods (demo)", "co.ent.b"),
)


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def ensure_staff(session: Session) -> None:
    for code, zh, en, department, username, title in AGENCIES:
        accounts.ensure_org(
            session, code=code, name_zh=zh, name_en=en, kind=OrgKind.AGENCY, department=department
        )
        accounts.ensure_user(
            session,
            username=username,
            display_name=title,
            org_code=code,
            roles=[Role.OFFICER],
            password=DEMO_PASSWORD,
        )
    for code, zh, en, username in ENTERPRISES:
        accounts.ensure_org(session, code=code, name_zh=zh, name_en=en, kind=OrgKind.ENTERPRISE)
        accounts.ensure_user(
            session,
            username=username,
            display_name=f"{zh[2:6]}出口专员",
            org_code=code,
            roles=[Role.ENTERPRISE],
            password=DEMO_PASSWORD,
        )


def who(session: Session, name: str) -> Principal:
    principal = accounts.acting_as(session, name)
    current_principal.set(principal)  # the audit trail records the acting user
    return principal


def as_org(session: Session, code: str) -> Principal:
    """A historical enterprise acting without a login of its own (its files predate the demo)."""
    org = accounts.get_org_by_code(session, code)
    assert org is not None
    principal = Principal(
        user_id=None,
        username=f"{code}.history",
        display_name=org.name_zh,
        org_id=org.id,
        org_kind=org.kind,
        department=None,
        roles=frozenset({Role.ENTERPRISE}),
        auth_method="demo",
    )
    current_principal.set(principal)
    return principal
