"""The pool's invariants as properties (hypothesis), on both databases: after any sequence of
contributions, investments and returns, every transaction balances, the pool's balance equals
the sum of its legs and is never negative, a refused movement writes nothing, and a project
never gives more than its surplus. Then the same under concurrent requests: four investments
that together exceed the balance, of which exactly the affordable ones succeed."""

from __future__ import annotations

import threading
from datetime import date
from decimal import Decimal

from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.principal import Principal, current_principal
from ftz.core.db import make_sessionmaker, unit_of_work
from ftz.core.kit.errors import FtzError
from ftz.practices.tech_transfer import pool, registry, transfers
from ftz.practices.tech_transfer.demo import ensure_staff
from ftz.practices.tech_transfer.demo_flow import company_uscc
from ftz.practices.tech_transfer.models import Pool, PoolEntry, Project, Researcher
from ftz.practices.tech_transfer.patents import make_patent_number
from ftz.practices.tech_transfer.schemas import AchievementIn, DecisionIn, InventorIn, TransferIn
from ftz.practices.tech_transfer.schemas_more import (
    ContributionIn,
    MovementIn,
    ProjectCloseIn,
    ProjectIn,
)

SURPLUS = 1_000_000  # CNY
OPS = st.lists(
    st.tuples(
        st.sampled_from(["contribute", "invest", "return"]),
        st.integers(min_value=1, max_value=600_000),
    ),
    min_size=1,
    max_size=12,
)


def _setup(session: Session) -> tuple[Principal, str, str]:
    ensure_staff(session)
    office = accounts.acting_as(session, "tt.office")
    current_principal.set(office)
    chen = session.scalar(select(Researcher.id).where(Researcher.staff_no == "QL-T001"))
    assert chen is not None
    made = registry.disclose(
        session,
        principal=office,
        register=True,
        data=AchievementIn(
            title="池测试成果",
            kind="patent",
            college="材料学院",
            completed_on=date(2025, 1, 1),
            ip_number=make_patent_number(2024, "1", 4242),
            inventors=[InventorIn(researcher_id=chen, share_pct=Decimal(100))],
        ),
    )
    equity = transfers.propose(
        session,
        principal=office,
        data=TransferIn(
            achievement_id=made.id,
            mode="equity",
            counterparty="池测试公司",
            counterparty_uscc=company_uscc(7777),
            pricing="listing",
            price=Decimal(1_000_000),
            equity_pct=Decimal(10),
        ),
    )
    transfers.decide(
        session,
        principal=office,
        transfer_id=equity.id,
        data=DecisionIn(
            meeting="校长办公会",
            meeting_no="1",
            meeting_date=date(2026, 1, 5),
            decision="同意",
            decision_makers=["甲"],
            conflict_declared=True,
        ),
    )
    project = pool.create_project(
        session,
        principal=office,
        data=ProjectIn(
            code="H-P-1", title="池测试项目", sponsor="池测试企业", contract=Decimal(SURPLUS)
        ),
    )
    pool.close_project(
        session,
        principal=office,
        project_id=project.id,
        data=ProjectCloseIn(spent=Decimal(0), closed_on=date(2026, 1, 1), accepted=True),
    )
    return office, project.id, equity.id


def _sum(session: Session, account: str) -> int:
    total = session.scalar(
        select(func.sum(PoolEntry.amount_fen)).where(PoolEntry.account == account)
    )
    return int(total or 0)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=OPS)
def test_balance_is_the_sum_of_entries_and_never_negative(
    session: Session, ops: list[tuple[str, int]]
) -> None:
    if "p15_pool" not in session.info:  # once per test: examples roll back to this point
        session.info["p15_pool"] = _setup(session)
    office, project_id, equity_id = session.info["p15_pool"]
    current_principal.set(office)
    example = session.begin_nested()
    try:
        expected, invested = 0, 0
        for kind, amount in ops:
            money = Decimal(amount)
            try:
                with session.begin_nested():
                    if kind == "contribute":
                        pool.contribute(
                            session,
                            principal=office,
                            data=ContributionIn(project_id=project_id, amount=money),
                        )
                    elif kind == "invest":
                        pool.invest(
                            session,
                            principal=office,
                            data=MovementIn(transfer_id=equity_id, amount=money),
                        )
                    else:
                        pool.give_back(
                            session,
                            principal=office,
                            data=MovementIn(transfer_id=equity_id, amount=money),
                        )
            except FtzError:
                session.expire_all()
            else:
                expected += -amount if kind == "invest" else amount
                invested += amount if kind == "invest" else 0
            found = session.scalar(select(Pool).where(Pool.org_id == office.org_id))
            balance = found.balance_fen if found else 0
            assert balance == _sum(session, f"pool:{office.org_id}") == expected * 100
            assert balance >= 0
            project = session.get(Project, project_id)
            assert project is not None and project.contributed_fen <= project.surplus_fen
            assert -_sum(session, f"project:{project_id}") == project.contributed_fen
            assert _sum(session, f"investment:{equity_id}") == invested * 100
        assert pool.reconcile(session, principal=office)["ok"]
    finally:
        example.rollback()


def test_concurrent_investments_never_overdraw(fresh_engine: Engine, fresh_app: FastAPI) -> None:
    with unit_of_work(make_sessionmaker(fresh_engine)) as session:
        office, project_id, equity_id = _setup(session)
        pool.contribute(
            session,
            principal=office,
            data=ContributionIn(project_id=project_id, amount=Decimal(100_000)),
        )
        user = accounts.get_user_by_username(session, "tt.office")
        assert user is not None
        token, _ = accounts.create_api_token(session, user=user, name="race")
        org_id = office.org_id
    answers: list[int] = []

    def invest() -> None:
        with TestClient(fresh_app, raise_server_exceptions=False) as client:
            reply = client.post(
                "/api/tech-transfer/pool/investments",
                headers={"Authorization": f"Bearer {token}"},
                json={"transfer_id": equity_id, "amount": "40000"},
            )
            answers.append(reply.status_code)

    threads = [threading.Thread(target=invest) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answers) == [201, 201, 409, 409]
    with unit_of_work(make_sessionmaker(fresh_engine)) as session:
        found = session.scalar(select(Pool).where(Pool.org_id == org_id))
        assert found is not None and found.balance_fen == 20_000 * 100
        assert _sum(session, f"pool:{org_id}") == found.balance_fen
