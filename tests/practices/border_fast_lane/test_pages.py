"""p21 pages without a browser: forms give their errors back with what was typed, the console
shows only exceptions, and every route is classified."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.conftest import ApiClients, csrf_from, login
from tests.practices.border_fast_lane.test_lane import API, _declare, _fleet, _read
from tests.routes import api_routes

HTML = {"accept": "text/html"}
ISOLATED = {
    "/api/border-fast-lane/vehicles",
    "/api/border-fast-lane/vehicles.csv",
    "/api/border-fast-lane/vehicles/{vehicle_id}",
    "/api/border-fast-lane/vehicles/{vehicle_id}/deactivate",
    "/api/border-fast-lane/vehicles/{vehicle_id}/reactivate",
    "/api/border-fast-lane/vehicles/{vehicle_id}/history",
    "/api/border-fast-lane/drivers",
    "/api/border-fast-lane/drivers.csv",
    "/api/border-fast-lane/drivers/{driver_id}",
    "/api/border-fast-lane/drivers/{driver_id}/deactivate",
    "/api/border-fast-lane/drivers/{driver_id}/reactivate",
    "/api/border-fast-lane/drivers/{driver_id}/history",
    "/api/border-fast-lane/declarations",
    "/api/border-fast-lane/declarations/{declaration_id}",
    "/api/border-fast-lane/lane/transactions",
    "/api/border-fast-lane/transactions",
    "/api/border-fast-lane/transactions.csv",
    "/api/border-fast-lane/transactions/{tx_id}",
    "/api/border-fast-lane/transactions/{tx_id}/resolve",
    "/api/border-fast-lane/statistics",
    "/border-fast-lane",
    "/border-fast-lane/console",
    "/border-fast-lane/console/lanes",
    "/border-fast-lane/transactions",
    "/border-fast-lane/transactions/{tx_id}",
    "/border-fast-lane/vehicles",
    "/border-fast-lane/vehicles/{vehicle_id}",
    "/border-fast-lane/vehicles/{vehicle_id}/deactivate",
    "/border-fast-lane/vehicles/{vehicle_id}/reactivate",
    "/border-fast-lane/drivers",
    "/border-fast-lane/drivers/{driver_id}",
    "/border-fast-lane/drivers/{driver_id}/deactivate",
    "/border-fast-lane/drivers/{driver_id}/reactivate",
    "/border-fast-lane/declarations",
}


def test_every_p21_route_is_classified_and_guarded(app: FastAPI) -> None:
    routes = [(p, r) for p, r in api_routes(app.routes) if "border-fast-lane" in p]
    assert {p for p, _ in routes} == ISOLATED
    anonymous = TestClient(app, raise_server_exceptions=False)
    for path, route in routes:
        if "GET" in route.methods and "{" not in path:
            answer = anonymous.get(path, headers=HTML, follow_redirects=False)
            assert answer.status_code in (303, 401), path


def test_forms_keep_what_was_typed(bfl: ApiClients, client: TestClient) -> None:
    login(client, "bfl.fwd1")
    token = csrf_from(client.get("/border-fast-lane/vehicles?lang=en").text)
    bad = client.post(
        "/border-fast-lane/vehicles",
        headers=HTML,
        data={
            "csrf_token": token,
            "plate": "XX-1",
            "etag": "ETWEB0001",
            "permit_valid_until": "2027-01-01",
        },
    )
    assert bad.status_code == 422 and 'role="alert"' in bad.text and "ETWEB0001" in bad.text
    good = client.post(
        "/border-fast-lane/vehicles",
        headers=HTML,
        data={
            "csrf_token": token,
            "plate": "桂F55501",
            "etag": "ETWEB0001",
            "kind": "truck",
            "permit_valid_until": "2027-01-01",
        },
        follow_redirects=False,
    )
    assert good.status_code == 303
    assert good.headers["location"].startswith("/border-fast-lane/vehicles/")
    assert "桂F55501" in client.get("/border-fast-lane/vehicles").text
    page = client.get("/border-fast-lane/declarations?lang=en")
    wrong = client.post(
        "/border-fast-lane/declarations",
        headers=HTML,
        data={
            "csrf_token": csrf_from(page.text),
            "cargo": "鲜榴莲",
            "hs_code": "abc",
            "direction": "exit",
        },
    )
    assert wrong.status_code == 422 and "鲜榴莲" in wrong.text


def test_console_resolves_an_exception(bfl: ApiClients, client: TestClient) -> None:
    unit = _fleet(bfl)
    _declare(bfl, unit, consent=True)
    device = bfl.as_("bfl.lane1")
    held = device.post(f"{API}/lane/transactions", json=_read(unit, face_score=30)).json()
    device.post(f"{API}/lane/transactions", json=_read(unit, 30, lane=3))
    login(client, "bfl.officer")
    console = client.get("/border-fast-lane/console?lang=en")
    assert console.status_code == 200 and held["plate_read"] in console.text
    assert console.text.count(held["plate_read"]) == 1  # the clean crossing is not shown
    detail = f"/border-fast-lane/transactions/{held['id']}"
    token = csrf_from(client.get(detail).text)
    empty = client.post(detail, headers=HTML, data={"csrf_token": token, "decision": "release"})
    assert empty.status_code == 422 and 'role="alert"' in empty.text
    done = client.post(
        detail,
        headers=HTML,
        data={
            "csrf_token": token,
            "decision": "refuse",
            "note": "人像不符",
            "back": "/border-fast-lane/console",
        },
        follow_redirects=False,
    )
    assert done.status_code == 303 and done.headers["location"] == "/border-fast-lane/console"
    assert 'id="tx-status"' in client.get(detail).text
    assert client.get("/border-fast-lane?lang=en").status_code == 200
