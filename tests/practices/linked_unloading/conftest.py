"""p02 fixtures: the demo's customs, terminal and barge officers and consignees (no shipments)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.practices.linked_unloading.demo import ensure_staff
from tests.conftest import ApiClients

STAFF = ("lu.customs", "lu.terminal", "lu.barge", "lu.wuhu", "lu.hefei")
SHIPMENT: dict[str, Any] = {
    "direction": "import",
    "port_code": "WUH",
    "consignee": "芜湖联运进出口有限公司",
    "bill_of_lading": "YSLU000001",
    "declared_in_advance": True,
    "containers": [
        {"number": "CSQU3054383", "size_ft": 40},
        {"number": "MSKU 9070323", "size_ft": 20},
    ],
}


@pytest.fixture
def lu(api: ApiClients, session: Session) -> ApiClients:
    ensure_staff(session)
    for username in STAFF:
        user = accounts.get_user_by_username(session, username)
        assert user is not None
        api.tokens[username], _ = accounts.create_api_token(session, user=user, name="t")
    session.commit()
    return api
