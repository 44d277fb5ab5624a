"""p16 fixtures: the demo's maritime, border and transport officers and four owners with API
tokens, a registered fleet, and times in Sanya local time that the rules judge as day or night."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.db import utcnow
from ftz.practices.yacht_services import yachts
from ftz.practices.yacht_services.common import local
from ftz.practices.yacht_services.demo import ensure_staff, who
from ftz.practices.yacht_services.models import Yacht
from ftz.practices.yacht_services.schemas import YachtIn
from tests.conftest import ApiClients

STAFF = (
    "ys.maritime",
    "ys.border",
    "ys.transport",
    "ys.club",
    "ys.serenity",
    "ys.owner",
    "ys.buyer",
)
API = "/api/yacht-services"
VISUN = [109.5010, 18.2450]
# Out along the marina's access channel into the night zone, and back the same way.
CHANNEL = [VISUN, [109.4975, 18.2405], [109.4860, 18.2372], [109.4700, 18.2350]]
INSIDE_ROUTE = [
    *CHANNEL,
    [109.4400, 18.2450],
    [109.4200, 18.2600],
    [109.4400, 18.2450],
    *CHANNEL[::-1],
]
# Across the zone's south-western edge to a point about 2.8 km outside it, then back.
OUTSIDE_ROUTE = [
    *CHANNEL,
    [109.4400, 18.2450],
    [109.4100, 18.2150],
    [109.4400, 18.2450],
    *CHANNEL[::-1],
]


def tomorrow_at(hour: int, minute: int = 0) -> datetime:
    day = local(utcnow()).date() + timedelta(days=1)
    return local(utcnow()).replace(
        year=day.year,
        month=day.month,
        day=day.day,
        hour=hour,
        minute=minute,
        second=0,
        microsecond=0,
    )


def make_yacht(session: Session, n: int, owner: str = "ys-club", **extra: Any) -> Yacht:
    fields: dict[str, Any] = {
        "owner_org_code": owner,
        "name_zh": f"测试艇{n}号",
        "name_en": f"Test {n}",
        "hull_id": f"CN-TST{n:05d}H324",
        "registration_no": f"460099{n:06d}",
        "length_m": Decimal("15.50"),
        "capacity": 10,
        "usage": "rental",
        "owner_name": "测试船东",
        "home_port": "SY-VISUN",
        "registration_cert_no": f"SYO{n:05d}",
        "nationality_cert_no": f"SYN{n:05d}",
        "nationality_cert_expiry": date(2030, 1, 1),
        "survey_cert_no": f"SYJ{n:05d}",
        "survey_cert_expiry": date(2035, 1, 1),
        "rental_filed": True,
        "night_certified": True,
        **extra,
    }
    return yachts.register(session, principal=who(session, "ys.maritime"), data=YachtIn(**fields))


def sailing_body(
    yacht: Yacht, start: datetime, route: list[list[float]], **extra: Any
) -> dict[str, Any]:
    return {
        "yacht_id": yacht.id,
        "captain_name": "王船长",
        "captain_cert_no": "HN20240001",
        "marina": "SY-VISUN",
        "depart_at": start.isoformat(),
        "return_at": (start + timedelta(hours=2)).isoformat(),
        "crew": 2,
        "lookout_aboard": True,
        "route": route,
        "passengers": [],
        **extra,
    }


@pytest.fixture
def ys(api: ApiClients, session: Session) -> ApiClients:
    ensure_staff(session)
    for username in STAFF:
        user = accounts.get_user_by_username(session, username)
        assert user is not None
        api.tokens[username], _ = accounts.create_api_token(session, user=user, name="t")
    session.commit()
    return api
