"""Refused trip attempts are recorded (who, when, truck, route, reasons, the rows that fired),
listed by API, page and CLI, each carrier seeing its own; nothing of the refused trip is kept.
Permits have an issuing side: each side issues permits to its own carriers, so a Vietnamese
truck needs a Vietnamese-issued permit for the route and a Chinese truck a Chinese-issued one
(permit.json P-SIDE-VN / P-SIDE-CN)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from ftz.core.db import utcnow
from ftz.practices.china_vietnam_transport import fleet as fleet_service
from ftz.practices.china_vietnam_transport.demo import who
from ftz.practices.china_vietnam_transport.schemas import PermitIn, TruckIn
from tests.conftest import ApiClients, csrf_from, login
from tests.practices.china_vietnam_transport.conftest import (
    API,
    Fleet,
    load_body,
    permit,
    trip_body,
)

BASE = "/china-vietnam-transport"


def _vn_truck(session: Session, plate: str = "24C-T0099") -> str:
    made = fleet_service.register_truck(
        session,
        principal=who(session, "cvt.vncarrier"),
        data=TruckIn(plate=plate, country="VN", kind="box", capacity_t=Decimal("20")),
    )
    session.commit()
    return made.id


def _issue(session: Session, truck_id: str, route: str, side: str) -> str:
    today = utcnow().date()
    made = fleet_service.issue_permit(
        session,
        principal=who(session, "cvt.transport"),
        data=PermitIn(truck_id=truck_id, route_code=route, issuing_side=side,  # type: ignore[arg-type]
                      valid_from=today - timedelta(days=5), valid_to=today + timedelta(days=200)),
    )  # fmt: skip
    session.commit()
    return made.number


def _trips(cvt: ApiClients, user: str) -> int:
    return int(cvt.as_(user).get(f"{API}/trips").json()["total"])


def test_a_vietnamese_truck_needs_a_vietnamese_issued_permit(
    cvt: ApiClients, fleet: Fleet, session: Session
) -> None:
    vn = _vn_truck(session)
    assert _issue(session, vn, "HK-HN", "CN").startswith("YN-VN-")
    before = _trips(cvt, "cvt.vncarrier")
    refused = cvt.as_("cvt.vncarrier").post(f"{API}/trips", json=trip_body(vn))
    assert refused.status_code == 422
    problem = refused.json()["errors"][0]
    assert problem["field"] == "truck_id" and problem["reason"].startswith("P-SIDE-VN")
    assert _trips(cvt, "cvt.vncarrier") == before  # nothing of the trip was kept
    number = _issue(session, vn, "HK-HN", "VN")
    assert number.startswith("VN-LC-")
    planned = cvt.as_("cvt.vncarrier").post(f"{API}/trips", json=trip_body(vn))
    assert planned.status_code == 201, planned.text
    assert planned.json()["fired"][0]["row_id"] == "P-VALID"
    permits = cvt.as_("cvt.vncarrier").get(f"{API}/permits", params={"truck_id": vn}).json()
    assert sorted(p["issuing_side"] for p in permits["items"]) == ["CN", "VN"]
    # A Chinese truck with only a Vietnamese-issued permit is refused the other way round.
    _issue(session, fleet.box, "HK-HP", "VN")
    cn = cvt.as_("cvt.carrier").post(f"{API}/trips", json=trip_body(fleet.box, "HK-HP"))
    assert cn.json()["errors"][0]["reason"].startswith("P-SIDE-CN")
    # The transport bureau's permit form offers the issuing side.
    bad = cvt.as_("cvt.transport").post(f"{API}/permits", json={
        "truck_id": vn, "route_code": "HK-KT", "issuing_side": "LA",
        "valid_from": "2026-11-01", "valid_to": "2027-10-31"})  # fmt: skip
    assert bad.status_code == 422 and "issuing_side" in bad.text


def test_refused_attempts_are_recorded_and_scoped(
    cvt: ApiClients, fleet: Fleet, session: Session
) -> None:
    carrier = cvt.as_("cvt.carrier")
    before = _trips(cvt, "cvt.carrier")
    assert carrier.post(f"{API}/trips", json=trip_body(fleet.box)).status_code == 422  # P-NONE
    route = carrier.post(f"{API}/trips", json=trip_body(fleet.box, "HK-XX"))
    assert route.status_code == 422  # P-ROUTE
    heavy = carrier.post(f"{API}/loads", json=load_body("HK-KT", weight_t="35")).json()
    too_small = carrier.post(
        f"{API}/trips", json=trip_body(fleet.box, "HK-KT", load_id=heavy["id"])
    )
    assert too_small.json()["errors"][0]["field"] == "load_id"  # the vehicle rule
    # Not rules: another carrier's truck (404) and a date out of range are not recorded.
    assert carrier.post(f"{API}/trips", json=trip_body(fleet.vn, "HK-KT")).status_code == 404
    far = trip_body(fleet.box, depart_at=(utcnow() + timedelta(days=90)).isoformat())
    assert carrier.post(f"{API}/trips", json=far).status_code == 422
    assert _trips(cvt, "cvt.carrier") == before

    listed = carrier.get(f"{API}/refusals").json()
    assert listed["total"] == 3
    rows = [r["fired"][0]["row_id"] for r in listed["items"]]
    assert rows == ["P-VALID", "P-ROUTE", "P-NONE"]  # newest first; the load failed on capacity
    newest = listed["items"][0]
    assert newest["actor"] == "cvt.carrier" and newest["plate"] == "云GT0002"
    assert newest["route_code"] == "HK-KT" and newest["load_id"] == heavy["id"]
    assert newest["reasons"][0]["field"] == "load_id" and "35" in newest["reasons"][0]["reason"]
    assert listed["items"][2]["reasons"][0]["reason"].startswith("P-NONE")
    assert {r["truck_country"] for r in listed["items"]} == {"CN"}
    # Search and filters; the other carrier sees none of them, not even by id; officers all.
    assert carrier.get(f"{API}/refusals", params={"route_code": "HK-XX"}).json()["total"] == 1
    assert carrier.get(f"{API}/refusals", params={"q": "云GT0002"}).json()["total"] == 3
    other = cvt.as_("cvt.vncarrier")
    assert other.get(f"{API}/refusals").json()["total"] == 0
    assert other.get(f"{API}/refusals/{newest['id']}").status_code == 404
    assert carrier.get(f"{API}/refusals/{newest['id']}").json()["id"] == newest["id"]
    for officer in ("cvt.customs", "cvt.transport"):
        assert cvt.as_(officer).get(f"{API}/refusals").json()["total"] >= 3


def test_refusals_page_and_the_refused_form(
    cvt: ApiClients, client: TestClient, fleet: Fleet, session: Session
) -> None:
    permit(session, fleet.box, "HK-YB", first=-300, last=-10)  # expired
    session.commit()
    login(client, "cvt.carrier")
    form = client.get(f"{BASE}/trips/new?lang=en")
    data = {"csrf_token": csrf_from(form.text), "truck_id": fleet.box, "route_code": "HK-YB",
            "direction": "south", "depart_at": "2026-12-01T09:30"}  # fmt: skip
    refused = client.post(f"{BASE}/trips/new?lang=en", data=data)
    assert refused.status_code == 422 and "P-EXPIRED" in refused.text
    for lang in ("zh", "en"):
        page = client.get(f"{BASE}/refusals?lang={lang}")
        assert page.status_code == 200 and 'id="refusals"' in page.text
        assert "P-EXPIRED" in page.text and "云GT0002" in page.text and "cvt.carrier" in page.text
    assert "P-EXPIRED" not in client.get(f"{BASE}/refusals?route_code=HK-KT").text
    assert 'id="refusals-link"' in client.get(f"{BASE}/trips?lang=en").text
    truck_page = client.get(f"{BASE}/trucks/{fleet.box}?lang=en").text
    assert "issuing-side" in truck_page
    client.cookies.clear()
    login(client, "cvt.vncarrier")
    assert "P-EXPIRED" not in client.get(f"{BASE}/refusals").text
