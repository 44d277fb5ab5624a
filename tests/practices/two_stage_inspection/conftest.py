"""p20 fixtures: the demo's customs officers (Pudong airport port, Suzhou Industrial Park and
Jinling destinations) and enterprises, committed once per database (hashing eleven demo
passwords in every test's transaction cost seconds per test), with API tokens made inside the
test's transaction."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_sessionmaker, unit_of_work
from ftz.practices.two_stage_inspection.demo import ensure_staff
from tests.conftest import ApiClients

STAFF = ("tsi.pvg", "tsi.sip", "tsi.nj", "tsi.ent", "tsi.ent2")


@pytest.fixture(scope="session")
def tsi_staff(seeded_engine: Engine) -> None:
    with unit_of_work(make_sessionmaker(seeded_engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)


@pytest.fixture
def tsi(api: ApiClients, session: Session, tsi_staff: None) -> ApiClients:
    for username in STAFF:
        user = accounts.get_user_by_username(session, username)
        assert user is not None
        api.tokens[username], _ = accounts.create_api_token(session, user=user, name="t")
    session.commit()
    return api
