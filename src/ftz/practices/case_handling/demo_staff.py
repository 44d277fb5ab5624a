"""p26 demo people: the FTZ court of the Chenzhou area (fictional accounts, marked 演示) with its
judges, a division chief, the president and a quality reviewer; two FTZ enterprises that are
parties, and a law firm whose lawyer represents one of them."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session
from stdnum.cn import uscc

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind, Role
from ftz.core.auth.service import DEMO_PASSWORD
from ftz.practices.case_handling.models import CourtMember

COURT_CODE = "ch-court"
COURT_ZH = "郴州市北湖区人民法院（演示）"
COURT_EN = "Chenzhou Beihu District People's Court (demo)"
# username, display name, position, division
STAFF = (
    ("ch.judge", "李卫东", "judge", "民事审判庭（自贸区法庭）"),
    ("ch.judge2", "周晓岚", "judge", "民事审判庭（自贸区法庭）"),
    ("ch.chief", "陈志刚", "division_chief", "民事审判庭（自贸区法庭）"),
    ("ch.president", "黄雅琴", "president", ""),
    ("ch.reviewer", "谢文斌", "quality_reviewer", "审判管理办公室"),
)
# org code, Chinese name, English name, username, person, USCC seed
ENTERPRISES = (
    (
        "ch-ent-a",
        "湖南湘江商业保理有限公司（演示）",
        "Xiangjiang Commercial Factoring (demo)",
        "ch.ent.a",
        "刘经理",
        2601,
    ),
    (
        "ch-ent-b",
        "郴州湘南有色金属贸易有限公司（演示）",
        "Xiangnan Nonferrous Metals Trading (demo)",
        "ch.ent.b",
        "王经理",
        2602,
    ),
    ("ch-law", "湖南五岭律师事务所（演示）", "Wuling Law Firm (demo)", "ch.lawyer", "赵律师", 2603),
)


def demo_uscc(seed: int) -> str:
    """A checksum-valid unified social credit code (GB 32100) registered in Chenzhou (4310)."""
    body = f"91431000MA4{seed:06d}"
    return body + str(uscc.calc_check_digit(body))


def ensure_staff(session: Session) -> None:
    court = accounts.ensure_org(
        session,
        code=COURT_CODE,
        name_zh=COURT_ZH,
        name_en=COURT_EN,
        kind=OrgKind.AGENCY,
        department="court",
    )
    for username, name, position, division in STAFF:
        user = accounts.ensure_user(
            session,
            username=username,
            display_name=name,
            org_code=COURT_CODE,
            roles=[Role.COURT],
            password=DEMO_PASSWORD,
        )
        found = session.scalar(select(CourtMember).where(CourtMember.user_id == user.id))
        if found is None:
            session.add(
                CourtMember(
                    user_id=user.id, court_org_id=court.id, position=position, division=division
                )
            )
    for code, zh, en, username, person, seed in ENTERPRISES:
        accounts.ensure_org(
            session,
            code=code,
            name_zh=zh,
            name_en=en,
            kind=OrgKind.ENTERPRISE,
            uscc=demo_uscc(seed),
        )
        accounts.ensure_user(
            session,
            username=username,
            display_name=person,
            org_code=code,
            roles=[Role.ENTERPRISE],
            password=DEMO_PASSWORD,
        )
    session.flush()
