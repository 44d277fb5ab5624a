"""p26 fixtures: the demo court (judges, division chief, president, quality reviewer), the
party enterprises and the law firm, committed once per database with a small law corpus and a
dozen judgments (kept small so no test waits on a 26,000-article index); API tokens per test."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_sessionmaker, unit_of_work
from ftz.domain.legal.importer import import_laws
from ftz.practices.case_handling import judgments
from ftz.practices.case_handling.common import HERE
from ftz.practices.case_handling.demo_staff import ensure_staff
from tests.conftest import ApiClients

LAWS = ("海关法", "关税法", "民事诉讼法", "电子商务法")
USERS = (
    "ch.judge",
    "ch.judge2",
    "ch.chief",
    "ch.president",
    "ch.reviewer",
    "ch.ent.a",
    "ch.ent.b",
    "ch.lawyer",
    "ent.a",
    "exam.officer",
)
API = "/api/case-handling"


def add_corpus(session: Session) -> None:
    current_principal.set(SYSTEM)
    ensure_staff(session)
    import_laws(session, names=LAWS)
    items = judgments.read_file(HERE / "data" / "concluded_cases.yaml")[:12]
    judgments.import_judgments(session, items, "tests")


@pytest.fixture(scope="session")
def ch_corpus(seeded_engine: Engine) -> None:
    with unit_of_work(make_sessionmaker(seeded_engine)) as session:
        add_corpus(session)


@pytest.fixture
def ch(api: ApiClients, session: Session, ch_corpus: None) -> ApiClients:
    for username in USERS:
        user = accounts.get_user_by_username(session, username)
        assert user is not None
        api.tokens[username], _ = accounts.create_api_token(session, user=user, name="t")
    session.commit()
    return api


def case_body(number: str = "（2026）湘1002民初9001号", **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "number": number,
        "cause": "保理合同纠纷",
        "case_type": "factoring",
        "claims": "判令被告支付应收账款2,400,000元及逾期利息",
        "subject_matter": "应收账款（发票 No.1）",
        "amount_cny": "2400000.00",
        "filed_on": "2026-09-01",
        "judge": "ch.judge",
        "parties": [
            {
                "role": "plaintiff",
                "name": "湖南湘江商业保理有限公司（演示）",
                "ftz_enterprise": True,
                "org_code": "ch-ent-a",
                "counsel": "赵律师",
                "counsel_org_code": "ch-law",
            },
            {
                "role": "defendant",
                "name": "郴州湘南有色金属贸易有限公司（演示）",
                "ftz_enterprise": True,
                "org_code": "ch-ent-b",
            },
        ],
        "facts": {"disputed": True},
    }
    body.update(overrides)
    return body


def register(api: ApiClients, **overrides: Any) -> dict[str, Any]:
    made = api.as_("ch.judge").post(f"{API}/cases", json=case_body(**overrides))
    assert made.status_code == 201, made.text
    return dict(made.json())
