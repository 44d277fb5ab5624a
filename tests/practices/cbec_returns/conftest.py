"""p08 fixtures: the demo's customs officer and two platforms, with API tokens."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.practices.cbec_returns.demo import ensure_staff
from ftz.practices.cbec_returns.service import today
from tests.conftest import ApiClients

STAFF = ("cr.officer", "cr.platform", "cr.other")
BASE = "/api/cbec-returns"


def list_body(number: str, days_ago: int = 5, buyer: str = "330106199001011234") -> dict[str, Any]:
    return {
        "number": number, "order_no": f"O-{number}", "buyer_id": buyer, "customs_code": "2900",
        "release_date": (today() - timedelta(days=days_ago)).isoformat(),
        "lines": [
            {"hs_code": "3304990099", "name": "面霜", "quantity": 3, "unit_price": "500.00"},
            {"hs_code": "1901101000", "name": "婴儿奶粉", "quantity": 4, "unit_price": "250.00"},
        ],
    }  # fmt: skip


def return_body(number: str, lines: list[tuple[int, int]], customs: str = "3100") -> dict[str, Any]:
    return {
        "list_number": number, "customs_code": customs,
        "zone_entry_date": today().isoformat(),
        "lines": [{"line_no": n, "quantity": q} for n, q in lines],
    }  # fmt: skip


def add_staff(session: Session, tokens: dict[str, str]) -> None:
    ensure_staff(session)
    for username in STAFF:
        user = accounts.get_user_by_username(session, username)
        assert user is not None
        tokens[username], _ = accounts.create_api_token(session, user=user, name="t")
    session.commit()


@pytest.fixture
def cr(api: ApiClients, session: Session) -> ApiClients:
    add_staff(session, api.tokens)
    return api
