"""p25 fixtures: the demo's transport and police officers and two carriers with API tokens made
inside the test transaction, a permit issued for the first carrier, and tracks driven along the
demo routes at chosen Beijing times."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.db import utcnow
from ftz.practices.dangerous_goods_permit import permits
from ftz.practices.dangerous_goods_permit.common import demo_routes, local, local_zone
from ftz.practices.dangerous_goods_permit.demo import ensure_staff, permit_in, who
from ftz.practices.dangerous_goods_permit.models import Permit
from ftz.practices.dangerous_goods_permit.simulate import Drive, as_csv, drive
from tests.conftest import ApiClients

STAFF = ("dg.transport", "dg.police", "dg.carrier", "dg.carrier2")
API = "/api/dangerous-goods-permit"
BASE = "/dangerous-goods-permit"


def today() -> date:
    return local(utcnow()).date()


def at(hour: int, minute: int = 0, days: int = 0) -> datetime:
    return datetime.combine(today() + timedelta(days=days), time(hour, minute), local_zone())


def track_csv(station: str, start: datetime, plan: Drive | None = None) -> str:
    return as_csv(drive(demo_routes()[station], start, plan or Drive()))


def issue(session: Session, plate: str = "黑C·T0001", org: str = "dg-carrier") -> Permit:
    officer = who(session, "dg.transport")
    return permits.issue(
        session, principal=officer, data=permit_in(org, plate, today() - timedelta(days=10))
    )


def trip_body(permit_id: str, station: str = "A", **extra: Any) -> dict[str, Any]:
    return {
        "permit_id": permit_id,
        "station": station,
        "driver_name": "张建国",
        "driver_licence": "230881198001011234",
        "tonnes": 20,
        "entry_at": at(9).isoformat(),
        **extra,
    }


@pytest.fixture
def dg(api: ApiClients, session: Session) -> ApiClients:
    ensure_staff(session)
    for username in STAFF:
        user = accounts.get_user_by_username(session, username)
        assert user is not None
        api.tokens[username], _ = accounts.create_api_token(session, user=user, name="t")
    session.commit()
    return api
