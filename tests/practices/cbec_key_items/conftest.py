"""p22 fixtures: the demo's customs and railway officers and two forwarders, with API tokens
made inside the test's transaction."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.practices.cbec_key_items.demo import ensure_staff
from tests.conftest import ApiClients

STAFF = ("cbk.customs", "cbk.railway", "cbk.forwarder", "cbk.forwarder2")


@pytest.fixture
def cbk(api: ApiClients, session: Session) -> ApiClients:
    ensure_staff(session)
    for username in STAFF:
        user = accounts.get_user_by_username(session, username)
        assert user is not None
        api.tokens[username], _ = accounts.create_api_token(session, user=user, name="t")
    session.commit()
    return api
