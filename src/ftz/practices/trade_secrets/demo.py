"""p27 demo: Changsha manufacturers registering innovation records through the real service,
a third-party certification body, one enterprise certified and one waiting for audit."""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from stdnum.cn import uscc

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind, Role
from ftz.core.auth.service import DEMO_PASSWORD
from ftz.practices.trade_secrets import certification, service
from ftz.practices.trade_secrets.models import Record
from ftz.practices.trade_secrets.schemas import ItemIn, RegistrationIn

ENTERPRISES = [
    (
        "cs-machinery",
        "长沙智能装备制造有限公司",
        "Changsha Intelligent Equipment Co., Ltd.",
        "ts.a",
        "周工",
        ["伺服控制算法", "减速器工艺"],
        ["周工", "王磊", "李娜"],
    ),
    (
        "cs-materials",
        "长沙新材料科技有限公司",
        "Changsha New Materials Technology Co., Ltd.",
        "ts.b",
        "陈工",
        ["陶瓷配方"],
        ["陈工", "刘洋"],
    ),
]
PROJECT_FILES = ["设计说明书", "工艺参数表", "源代码", "试验报告", "图纸"]


def _fingerprints(text: str) -> tuple[str, str]:
    data = text.encode()
    return hashlib.sha256(data).hexdigest(), hashlib.new("sm3", data).hexdigest()


def load_demo(session: Session) -> dict[str, Any]:
    accounts.ensure_org(
        session,
        code="hf-ts-cert",
        name_zh="合肥商业秘密保护认证中心",
        name_en="Hefei trade-secret protection certification centre",
        kind=OrgKind.AGENCY,
        department=certification.CERTIFYING_DEPARTMENT,
    )
    accounts.ensure_user(
        session,
        username="cert.officer",
        display_name="孙认证",
        org_code="hf-ts-cert",
        roles=[Role.OFFICER],
        password=DEMO_PASSWORD,
    )
    for n, (code, zh, en, username, person, _projects, _people) in enumerate(ENTERPRISES, 10):
        body = f"91430100MA4{n:06d}"
        accounts.ensure_org(
            session,
            code=code,
            name_zh=zh,
            name_en=en,
            kind=OrgKind.ENTERPRISE,
            uscc=body + uscc.calc_check_digit(body),
        )
        accounts.ensure_user(
            session,
            username=username,
            display_name=person,
            org_code=code,
            roles=[Role.ENTERPRISE],
            password=DEMO_PASSWORD,
        )
    if session.scalar(select(func.count(Record.id))):
        return {"loaded": False}
    total = 0
    for code, _zh, _en, username, _person, projects, people in ENTERPRISES:
        principal = accounts.acting_as(session, username)
        for project in projects:
            items = []
            for version in range(1, 31):
                for index, kind in enumerate(PROJECT_FILES):
                    sha, sm3 = _fingerprints(f"{code}/{project}/{kind}/v{version}")
                    items.append(
                        ItemIn(
                            title=f"{project}·{kind} v{version}",
                            file_name=f"{project}/{kind}-v{version}.dat",
                            size_bytes=1000 + version * 37 + index,
                            sha256=sha,
                            sm3=sm3,
                            contributors=people[: 1 + index % len(people)],
                        )
                    )
            result = service.register(
                session, principal=principal, data=RegistrationIn(project=project, items=items)
            )
            total += len(result["registered"])
    # The first enterprise is certified; the second has submitted and waits for the audit.
    for username, findings in (("ts.a", True), ("ts.b", None)):
        principal = accounts.acting_as(session, username)
        application = certification.open_application(session, principal=principal)
        certification.save_answers(
            session,
            principal=principal,
            certification_id=application.id,
            answers={i["code"]: f"见制度文件 {i['code']}" for i in certification.checklist()},
        )
        certification.submit(session, principal=principal, certification_id=application.id)
        if findings:
            officer = accounts.acting_as(session, "cert.officer")
            certification.audit(
                session,
                principal=officer,
                certification_id=application.id,
                findings={i["code"]: True for i in certification.checklist()},
            )
    return {"loaded": True, "records": total}
