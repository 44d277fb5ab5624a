"""p17 fixtures: the demo's fishery officer, association and two operators with API tokens, and
helpers that build a licensable vessel through the API."""

from __future__ import annotations

from datetime import timedelta
from typing import Any, Protocol

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.practices.leisure_fishery.demo import ensure_staff
from ftz.practices.leisure_fishery.reference import today
from tests.conftest import ApiClients

STAFF = ("lf.officer", "lf.association", "lf.op.sanya", "lf.op.lingao")
BASE = "/api/leisure-fishery"
SANYA = "460200"
YEAR = today().year


def add_staff(session: Session, tokens: dict[str, str]) -> None:
    ensure_staff(session)
    for username in STAFF:
        user = accounts.get_user_by_username(session, username)
        assert user is not None
        tokens[username], _ = accounts.create_api_token(session, user=user, name="t")
    session.commit()


@pytest.fixture
def lf(api: ApiClients, session: Session) -> ApiClients:
    add_staff(session, api.tokens)
    return api


class Clients(Protocol):
    def as_(self, username: str) -> TestClient: ...


def vessel_body(reg: str, **extra: Any) -> dict[str, Any]:
    return {
        "name": f"测试{reg}",
        "registration_no": reg,
        "length_m": "14.50",
        "power_kw": "120.5",
        "passenger_capacity": 12,
        "home_port": "崖州中心渔港",
        "area_code": SANYA,
        **extra,
    }


def days(n: int) -> str:
    return (today() + timedelta(days=n)).isoformat()


def allocate(api: Clients, vessels: int = 5, area: str = SANYA) -> None:
    officer = api.as_("lf.officer")
    quota = {"year": YEAR, "vessels": 20, "power_kw": "3000", "gear_units": 240}
    assert officer.post(f"{BASE}/indicators/quota", json=quota).status_code == 200
    body = {
        "year": YEAR,
        "area_code": area,
        "vessels": vessels,
        "power_kw": str(150 * vessels),
        "gear_units": 12 * vessels,
    }
    r = officer.post(f"{BASE}/indicators/allocations", json=body)
    assert r.status_code == 201, r.text


def ready_vessel(api: Clients, reg: str, *, licence: bool = True) -> dict[str, Any]:
    """A vessel of lf.op.sanya with a passed inspection, safety officer, passenger insurance
    and (by default) a licence valid today."""
    op, officer = api.as_("lf.op.sanya"), api.as_("lf.officer")
    made = op.post(f"{BASE}/vessels", json=vessel_body(reg))
    assert made.status_code == 201, made.text
    vessel = made.json()
    vid = vessel["id"]
    inspection = {"kind": "annual", "inspected_on": days(-10), "inspector": "检验员"}
    assert officer.post(f"{BASE}/vessels/{vid}/inspections", json=inspection).status_code == 201
    officer_body = {
        "name": "王海",
        "certificate_no": f"AQ-{reg}",
        "valid_from": days(-100),
        "valid_to": days(300),
    }
    assert op.post(f"{BASE}/vessels/{vid}/safety-officers", json=officer_body).status_code == 201
    policy = {
        "policy_no": f"P-{reg}",
        "insurer": "人保",
        "cover": "passenger_accident",
        "sum_insured_yuan": 6_000_000,
        "seats": 12,
        "starts_on": days(-30),
        "expires_on": days(300),
    }
    assert op.post(f"{BASE}/vessels/{vid}/insurance", json=policy).status_code == 201
    if licence:
        body = {
            "vessel_id": vid,
            "valid_from": days(-5),
            "valid_to": days(360),
            "sea_areas": [SANYA],
            "gear": ["rod", "hand_line"],
            "gear_units": 10,
        }
        issued = officer.post(f"{BASE}/licences", json=body)
        assert issued.status_code == 201, issued.text
        vessel["licence"] = issued.json()
    return vessel


def report_body(vessel_id: str, lines: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {
        "vessel_id": vessel_id,
        "trip_date": days(-1),
        "sea_area": SANYA,
        "gear": "rod",
        "anglers": 4,
        "crew": 1,
        "lines": lines,
        **extra,
    }
