"""p24 fixtures: the demo's customs and transport officers, two carriers and the railway with API
tokens (users created once per database and committed), and a small fleet with route permits
made in each test's own transaction and rolled back with it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_sessionmaker, unit_of_work, utcnow
from ftz.practices.china_vietnam_transport import fleet as fleet_service
from ftz.practices.china_vietnam_transport.demo import ensure_staff, who
from ftz.practices.china_vietnam_transport.schemas import PermitIn, TruckIn
from tests.conftest import ApiClients

STAFF = ("cvt.customs", "cvt.transport", "cvt.carrier", "cvt.vncarrier", "cvt.rail")
API = "/api/china-vietnam-transport"


@pytest.fixture(scope="session")
def cvt_tokens(seeded_engine: Engine) -> dict[str, str]:
    tokens = {}
    with unit_of_work(make_sessionmaker(seeded_engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)
        for username in STAFF:
            user = accounts.get_user_by_username(session, username)
            assert user is not None
            tokens[username], _ = accounts.create_api_token(session, user=user, name="p24")
    return tokens


@pytest.fixture
def cvt(api: ApiClients, cvt_tokens: dict[str, str]) -> ApiClients:
    api.tokens.update(cvt_tokens)
    return api


@dataclass
class Fleet:
    reefer: str  # cvt.carrier, permits HK-HN and HK-KT
    box: str  # cvt.carrier, permit HK-KT only
    vn: str  # cvt.vncarrier, permit HK-KT


def truck(session: Session, owner: str, plate: str, kind: str, capacity: str = "25") -> str:
    made = fleet_service.register_truck(
        session,
        principal=who(session, owner),
        data=TruckIn(plate=plate, country="CN", kind=kind, capacity_t=Decimal(capacity)),
    )  # type: ignore[arg-type]
    return made.id


def permit(session: Session, truck_id: str, code: str, first: int = -30, last: int = 300) -> str:
    today = utcnow().date()
    made = fleet_service.issue_permit(
        session,
        principal=who(session, "cvt.transport"),
        data=PermitIn(
            truck_id=truck_id,
            route_code=code,
            valid_from=today + timedelta(days=first),
            valid_to=today + timedelta(days=last),
        ),
    )
    return made.id


@pytest.fixture
def fleet(session: Session, cvt_tokens: dict[str, str]) -> Fleet:
    reefer = truck(session, "cvt.carrier", "云GT0001", "reefer")
    box = truck(session, "cvt.carrier", "云GT0002", "box", "30")
    vn = truck(session, "cvt.vncarrier", "24C-T0003", "box")
    for truck_id, code in ((reefer, "HK-HN"), (reefer, "HK-KT"), (box, "HK-KT"), (vn, "HK-KT")):
        permit(session, truck_id, code)
    session.commit()
    current_principal.set(SYSTEM)
    return Fleet(reefer=reefer, box=box, vn=vn)


def at(hours: float) -> datetime:
    return utcnow().replace(microsecond=0) + timedelta(hours=hours)


def iso(hours: float) -> str:
    return at(hours).isoformat()


def trip_body(truck_id: str, route: str = "HK-HN", **extra: Any) -> dict[str, Any]:
    return {
        "truck_id": truck_id,
        "route_code": route,
        "direction": "south",
        "depart_at": iso(2),
        **extra,
    }


def load_body(route: str = "HK-HN", direction: str = "south", **extra: Any) -> dict[str, Any]:
    return {
        "shipper": "蒙自果业",
        "cargo": "石榴",
        "route_code": route,
        "direction": direction,
        "fresh": False,
        "weight_t": "18",
        "ready_at": iso(1),
        "deliver_by": iso(40),
        **extra,
    }
