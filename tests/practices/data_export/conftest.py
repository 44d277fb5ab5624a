"""p01 fixtures: the demo's cyberspace officer and enterprises (without their filings)."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.practices.data_export.demo import ensure_staff
from tests.conftest import ApiClients

STAFF = ("data.officer", "dx.auto", "dx.bio", "dx.retail")


@pytest.fixture
def dx(api: ApiClients, session: Session) -> ApiClients:
    ensure_staff(session)
    for username in STAFF:
        user = accounts.get_user_by_username(session, username)
        assert user is not None
        api.tokens[username], _ = accounts.create_api_token(session, user=user, name="t")
    session.commit()
    return api
