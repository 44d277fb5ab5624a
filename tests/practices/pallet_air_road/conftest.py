"""p09 fixtures: the demo's forwarder, ground handler, trucking company, airport security and
customs officers with API tokens, a second forwarder (isolation), trailers, and helpers to build
a ULD and walk it through its events with times a few minutes apart."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind, Role
from ftz.core.auth.service import DEMO_PASSWORD
from ftz.core.db import utcnow
from ftz.practices.pallet_air_road import service
from ftz.practices.pallet_air_road.demo import ensure_staff, who
from ftz.practices.pallet_air_road.schemas import TrailerIn
from tests.conftest import ApiClients

API = "/api/pallet-air-road"
STAFF = ("par.forwarder", "par.handler", "par.trucker", "par.security", "par.customs",
         "par.other")  # fmt: skip
ACTOR = {"screen": "par.security", "clear": "par.customs", "hold": "par.customs",
         "release": "par.customs", "depart": "par.trucker", "deliver": "par.trucker"}  # fmt: skip


def uld_body(code: str = "PMC 12345 CV", **extra: Any) -> dict[str, Any]:
    return {
        "uld_code": code, "mawb_no": "172-31000012", "flight_no": "CV9701",
        "flight_date": "2026-11-20", "origin": "LUX", "handler_org_code": "par-handler",
        "lines": [{"hawb": "H1", "description": "精密仪器", "pieces": 12, "gross_kg": "850.5",
                   "destination": "PEK"},
                  {"hawb": "H2", "description": "电子元器件", "pieces": 30, "gross_kg": "412.0",
                   "destination": "PEK"}],
        **extra,
    }  # fmt: skip


def walk(
    api: ApiClients, uld_id: str, steps: list[tuple[str, float]], start: datetime,
    plate: str = "豫A9001挂", crew: int = 2, legs: dict[str, str] | None = None,
) -> TestClient:  # fmt: skip
    """Send each (event, minutes after start) as its party; returns the last response. With
    `legs` (a broken-down ULD: destination → truck), each leg departs and is delivered in turn,
    a minute apart."""
    response: Any = None
    for event, minutes in steps:
        for k, dest in enumerate(list(legs) if legs and event in ("depart", "deliver") else [""]):
            body: dict[str, Any] = {
                "event": event,
                "at": (start + timedelta(minutes=minutes + k)).isoformat(),
            }
            if dest:
                body["destination"] = dest
            if event in ("start_tally", "start_loading"):
                body["crew"] = crew
            if event == "start_loading":
                body.update({"legs": legs} if legs else {"trailer_plate": plate})
            client = api.as_(ACTOR.get(event, "par.handler"))
            response = client.post(f"{API}/ulds/{uld_id}/events", json=body)
            assert response.status_code == 200, (event, response.text)
    return response  # type: ignore[no-any-return]


WHOLE_STEPS = [("arrive", 0), ("start_tally", 30), ("finish_tally", 30.75), ("store", 40),
               ("screen", 60), ("clear", 90), ("start_loading", 120), ("finish_loading", 135),
               ("depart", 140), ("deliver", 800)]  # fmt: skip


def earlier(hours: int = 30) -> datetime:
    return utcnow() - timedelta(hours=hours)


@pytest.fixture
def par(api: ApiClients, session: Session) -> ApiClients:
    ensure_staff(session)
    accounts.ensure_org(session, code="par-other", name_zh="另一货代（测试）", name_en="Other",
                        kind=OrgKind.ENTERPRISE)  # fmt: skip
    accounts.ensure_user(
        session,
        username="par.other",
        display_name="另一货代",
        org_code="par-other",
        roles=[Role.ENTERPRISE],
        password=DEMO_PASSWORD,
    )
    trucker = who(session, "par.trucker")
    for plate, kind in (
        ("豫A9001挂", "uld_roller"),
        ("豫A9002挂", "box"),
        ("豫A9003挂", "uld_reefer"),
        ("豫A9004挂", "box"),
    ):
        service.add_trailer(session, principal=trucker,
                            data=TrailerIn(plate=plate, kind=kind, positions=2))  # fmt: skip
    for username in STAFF:
        user = accounts.get_user_by_username(session, username)
        assert user is not None
        api.tokens[username], _ = accounts.create_api_token(session, user=user, name="t")
    session.commit()
    return api
