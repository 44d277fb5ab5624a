"""p04 fixtures: the demo's three customs districts and two enterprises, with API tokens."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.practices.bonded_art.demo import ensure_staff
from tests.conftest import ApiClients

STAFF = ("ba.customs.zd", "ba.customs.tj", "ba.customs.bj", "ba.ent.hb", "ba.ent.tj")


@pytest.fixture
def ba(api: ApiClients, session: Session) -> ApiClients:
    ensure_staff(session)
    for username in STAFF:
        user = accounts.get_user_by_username(session, username)
        assert user is not None
        api.tokens[username], _ = accounts.create_api_token(session, user=user, name="t")
    session.commit()
    return api
