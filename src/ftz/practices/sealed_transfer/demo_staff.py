"""The p18 demo's people: a Jinan court, notary office and registration centre, and the
accounts of a bank, a debtor company and a buyer (all fictional, marked 演示)."""

from __future__ import annotations

from sqlalchemy.orm import Session
from stdnum.cn import uscc

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind, Role
from ftz.core.auth.service import DEMO_PASSWORD

COURT, NOTARY, REGISTRY = "st.court", "st.notary", "st.registry"
BANK, DEBTOR, BUYER = "st.bank", "st.debtor", "st.buyer"
NOTARY_OFFICE = "jn-minghu-notary"
STREETS = [
    "历下区经十路",
    "历下区解放路",
    "市中区英雄山路",
    "槐荫区经七路",
    "天桥区北园大街",
    "历城区花园路",
    "高新区舜华路",
    "长清区大学路",
]
# Where each demo case stops: (state reached, how many of them).
PLAN = [
    ("closed", 7),
    ("transferred", 1),
    ("contracted", 1),
    ("sale_approved", 1),
    ("settling", 1),
    ("on_file", 1),
    ("terminated", 1),
    ("unsuitable", 1),
]


def uscc_of(seed: int) -> str:
    body = f"91370102MA3C{seed:05d}"
    return body + uscc.calc_check_digit(body)


def ensure_staff(session: Session) -> None:
    agencies = [
        (
            "jn-lixia-court",
            "济南市历下区人民法院（演示）",
            "Lixia District Court, Jinan (demo)",
            "court",
            COURT,
            Role.COURT,
            "历下法院执行局",
        ),
        (
            NOTARY_OFFICE,
            "济南市明湖公证处（演示）",
            "Minghu Notary Office, Jinan (demo)",
            "notary",
            NOTARY,
            Role.NOTARY,
            "明湖公证员",
        ),
        (
            "jn-registry",
            "济南市不动产登记中心（演示）",
            "Jinan Real Estate Registration Centre (demo)",
            "real_estate",
            REGISTRY,
            Role.OFFICER,
            "不动产登记员",
        ),
    ]
    for code, zh, en, department, user, role, person in agencies:
        accounts.ensure_org(
            session, code=code, name_zh=zh, name_en=en, kind=OrgKind.AGENCY, department=department
        )
        accounts.ensure_user(
            session,
            username=user,
            display_name=person,
            org_code=code,
            roles=[role],
            password=DEMO_PASSWORD,
        )
    parties = [
        ("st-bank", "济南示范农村商业银行（演示）", "Jinan Demo Rural Commercial Bank", BANK, 1),
        (
            "st-debtor",
            "山东鲁中示范贸易有限公司（演示）",
            "Shandong Luzhong Demo Trading Co.",
            DEBTOR,
            2,
        ),
        ("st-buyer", "王明（演示买受人）", "Wang Ming (demo buyer)", BUYER, 3),
    ]
    for code, zh, en, user, seed in parties:
        accounts.ensure_org(
            session,
            code=code,
            name_zh=zh,
            name_en=en,
            kind=OrgKind.ENTERPRISE,
            uscc=uscc_of(seed) if code != "st-buyer" else None,
        )
        accounts.ensure_user(
            session,
            username=user,
            display_name=zh,
            org_code=code,
            roles=[Role.ENTERPRISE],
            password=DEMO_PASSWORD,
        )
