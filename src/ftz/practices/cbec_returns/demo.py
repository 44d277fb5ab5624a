"""p08 demo staff: a Hangzhou customs officer and a (fictional) Zhejiang CBEC platform."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind, Role
from ftz.core.auth.service import DEMO_PASSWORD

OFFICER, PLATFORM, OTHER = "cr.officer", "cr.platform", "cr.other"


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


def load_demo(session: Session) -> None:
    ensure_staff(session)
