"""p23 fixtures. The park administrations' and statistics offices' users are created once per
database and committed (password hashing takes a while); the parks, offices, agreements and
arrangements are made in each test's own transaction and rolled back with it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_sessionmaker, unit_of_work
from ftz.practices.industry_transfer.demo import ensure_parties, ensure_staff
from tests.conftest import ApiClients

STAFF = ("it.lingang", "it.kunming", "it.mohan", "it.ningbo", "it.stats", "it.stats.yn")
API = "/api/industry-transfer"


@pytest.fixture(scope="session")
def it_tokens(seeded_engine: Engine) -> dict[str, str]:
    tokens = {}
    with unit_of_work(make_sessionmaker(seeded_engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)
        for username in STAFF:
            user = accounts.get_user_by_username(session, username)
            assert user is not None
            tokens[username], _ = accounts.create_api_token(session, user=user, name="p23")
    return tokens


@pytest.fixture
def it(api: ApiClients, session: Session, it_tokens: dict[str, str]) -> ApiClients:
    ensure_parties(session)
    session.commit()
    api.tokens.update(it_tokens)
    return api


def project_body(code: str, agreement: str = "SH-KM-2022-01", **extra: Any) -> dict[str, Any]:
    return {
        "code": code,
        "name": f"{code} 新材料项目",
        "enterprise": f"{code} 新材料有限公司",
        "agreement": agreement,
        "industry_code": "C30",
        "intention_on": "2024-03-01",
        "planned_investment": "500000000.00",
        **extra,
    }


def operating_project(
    api: ApiClients,
    code: str,
    agreement: str = "SH-KM-2022-01",
    sponsor: str = "it.lingang",
    receiving: str = "it.kunming",
) -> dict[str, Any]:
    """Registered by the sponsor park and advanced to operation (dates in 2024)."""
    made = api.as_(sponsor).post(f"{API}/projects", json=project_body(code, agreement))
    assert made.status_code == 201, made.text
    project = made.json()
    for event, on in (
        ("sign", "2024-04-01"),
        ("start_construction", "2024-06-01"),
        ("start_operation", "2024-12-01"),
    ):
        done = api.as_(receiving).post(
            f"{API}/projects/{project['id']}/stage", json={"event": event, "on": on}
        )
        assert done.status_code == 200, done.text
    return dict(done.json())


def report(
    api: ApiClients, project_id: str, period: str, user: str = "it.kunming", **figures: Any
) -> Any:
    body = {
        "output_value": "0",
        "tax": "0",
        "employment": 0,
        "investment_completed": "0",
        **figures,
    }
    return api.as_(user).put(f"{API}/projects/{project_id}/reports/{period}", json=body)


def money(value: str | Decimal) -> Decimal:
    return Decimal(value)


TODAY = date.today()
