"""p21 fixtures: the demo's officer, lane devices and forwarders, with API tokens."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.practices.border_fast_lane.demo import ensure_staff
from tests.conftest import ApiClients

STAFF = ("bfl.officer", "bfl.lane1", "bfl.fwd1", "bfl.fwd2")


@pytest.fixture
def bfl(api: ApiClients, session: Session) -> ApiClients:
    ensure_staff(session)
    for username in STAFF:
        user = accounts.get_user_by_username(session, username)
        assert user is not None
        api.tokens[username], _ = accounts.create_api_token(session, user=user, name="t")
    session.commit()
    return api
