"""p10 fixtures: the demo's customs officer and enterprises (without their recorded requests)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.practices.clearance_menu.demo import ensure_staff
from tests.conftest import ApiClients

STAFF = ("cm.officer", "cm.rail", "cm.sea")

RAIL_IMPORT: dict[str, Any] = {
    "direction": "import",
    "transport": "rail",
    "goods": {"hs_code": "8703.23.90", "taxable": True},
    "credit": "general",
    "guarantee_filed": True,
    "manifest_before_arrival": True,
    "pickup_place": "郑州",
    "port": "阿拉山口",
    "declare_before_arrival": True,
    "transit_wanted": False,
}


@pytest.fixture
def cm(api: ApiClients, session: Session) -> ApiClients:
    ensure_staff(session)
    for username in STAFF:
        user = accounts.get_user_by_username(session, username)
        assert user is not None
        api.tokens[username], _ = accounts.create_api_token(session, user=user, name="t")
    session.commit()
    return api
