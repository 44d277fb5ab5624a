"""p15 fixtures: the demo's province officer, the four pilot units with the Qinling office,
technology manager and two inventors, and the Weishui office, with API tokens; helpers that
take an achievement through registration and a licence through to income."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.practices.tech_transfer.demo import PEOPLE, ensure_staff
from ftz.practices.tech_transfer.demo_flow import company_uscc
from ftz.practices.tech_transfer.models import Researcher
from ftz.practices.tech_transfer.patents import make_patent_number
from tests.conftest import ApiClients

API = "/api/tech-transfer"
STAFF = ("tt.province", *(p[0] for p in PEOPLE))
OFFICE = "tt.office"


@pytest.fixture
def tt(api: ApiClients, session: Session) -> ApiClients:
    ensure_staff(session)
    for username in STAFF:
        user = accounts.get_user_by_username(session, username)
        assert user is not None
        api.tokens[username], _ = accounts.create_api_token(session, user=user, name="t")
    session.commit()
    return api


@pytest.fixture
def people(tt: ApiClients, session: Session) -> dict[str, str]:
    """Researcher ids by staff number."""
    rows = session.execute(select(Researcher.staff_no, Researcher.id)).all()
    return {str(no): str(i) for no, i in rows}


def achievement(
    api: ApiClients, people: dict[str, str], serial: int = 1, **extra: Any
) -> dict[str, Any]:
    body = {
        "title": f"测试成果{serial}",
        "kind": "patent",
        "college": "材料科学与工程学院",
        "ip_number": make_patent_number(2024, "1", 700_000 + serial),
        "completed_on": "2025-06-01",
        "inventors": [
            {"researcher_id": people["QL-T001"], "share_pct": "60"},
            {"researcher_id": people["QL-T002"], "share_pct": "40"},
        ],
        **extra,
    }
    made = api.as_(OFFICE).post(f"{API}/achievements?register=true", json=body)
    assert made.status_code == 201, made.text
    return dict(made.json())


def licence(api: ApiClients, achievement_id: str, **extra: Any) -> dict[str, Any]:
    body = {
        "achievement_id": achievement_id,
        "mode": "licence",
        "licence_scope": "non_exclusive",
        "term_years": 5,
        "counterparty": "西安测试科技有限公司",
        "pricing": "listing",
        "counterparty_uscc": company_uscc(9001),
        "price": "100000.00",
        **extra,
    }
    made = api.as_(OFFICE).post(f"{API}/transfers", json=body)
    assert made.status_code == 201, made.text
    return dict(made.json())


DECISION = {
    "meeting": "校长办公会",
    "meeting_no": "2026年第9次",
    "meeting_date": "2026-01-10",
    "decision": "同意许可",
    "decision_makers": ["李校长", "王主任"],
    "conflict_declared": True,
}


def contracted(api: ApiClients, transfer_id: str) -> dict[str, Any]:
    office = api.as_(OFFICE)
    decided = office.post(f"{API}/transfers/{transfer_id}/decision", json=DECISION)
    assert decided.status_code == 200, decided.text
    signed = office.post(
        f"{API}/transfers/{transfer_id}/contract",
        json={"contract_no": "HT-T-001", "signed_on": "2026-01-15"},
    )
    assert signed.status_code == 200, signed.text
    return dict(signed.json())
