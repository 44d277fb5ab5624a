"""p11 fixtures: the demo's customs officer, gate operator and two enterprises, with tokens."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.practices.zone_port_gate.demo import ensure_staff
from tests.conftest import ApiClients

STAFF = ("zpg.customs", "zpg.gate", "zpg.ent.a", "zpg.ent.b")


@pytest.fixture
def zpg(api: ApiClients, session: Session) -> ApiClients:
    ensure_staff(session)
    for username in STAFF:
        user = accounts.get_user_by_username(session, username)
        assert user is not None
        api.tokens[username], _ = accounts.create_api_token(session, user=user, name="t")
    session.commit()
    return api
