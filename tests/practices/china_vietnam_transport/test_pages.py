"""p24 pages without a browser: every route is guarded; pages render in Chinese and English for
each role; the trip form refused for a missing permit answers 422 with the rule row and what was
typed; the seal check holds a mismatch; truck, permit, load and multimodal forms; CSRF; and
another carrier's trip answers 404."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.conftest import ApiClients, csrf_from, login
from tests.practices.china_vietnam_transport.conftest import API, Fleet, load_body, trip_body
from tests.routes import api_routes

HTML = {"accept": "text/html"}
BASE = "/china-vietnam-transport"


def test_every_p24_route_is_guarded(app: FastAPI) -> None:
    routes = [(p, r) for p, r in api_routes(app.routes) if "china-vietnam-transport" in p]
    assert len(routes) > 40
    for _, route in routes:
        names = {d.call.__name__ for d in route.dependant.dependencies}
        assert any(n.startswith("require_china_vietnam_transport") for n in names), route.path
    anonymous = TestClient(app, raise_server_exceptions=False)
    for path, route in routes:
        if "GET" in route.methods and "{" not in path:
            answer = anonymous.get(path, headers=HTML, follow_redirects=False)
            assert answer.status_code in (303, 401), path


def test_pages_render_for_each_role_in_both_languages(
    cvt: ApiClients, client: TestClient, fleet: Fleet
) -> None:
    carrier = cvt.as_("cvt.carrier")
    trip = carrier.post(f"{API}/trips", json=trip_body(fleet.reefer)).json()
    box = (
        cvt.as_("cvt.rail")
        .post(
            f"{API}/multimodal",
            json={
                "container_no": "CSQU3054383",
                "declaration_no": "860120240000000001",
                "cargo": "化肥",
                "origin": "mengzi",
                "destination": "lao_cai",
            },
        )
        .json()
    )
    pages = [
        "",
        "/trips",
        "/trips/new",
        "/trucks",
        "/loads",
        "/match",
        "/multimodal",
        "/metrics",
        f"/trips/{trip['id']}",
        f"/trucks/{fleet.reefer}",
        f"/multimodal/{box['id']}",
    ]
    for user in ("cvt.carrier", "cvt.customs", "cvt.transport"):
        login(client, user)
        for lang in ("zh", "en"):
            for page in pages:
                if page == "/trips/new" and user != "cvt.carrier":
                    continue
                if page.startswith("/multimodal/") and user == "cvt.carrier":
                    continue
                answer = client.get(f"{BASE}{page}?lang={lang}")
                assert answer.status_code == 200, (user, page, answer.text[:300])
        client.cookies.clear()
    login(client, "cvt.carrier")
    detail = client.get(f"{BASE}/trips/{trip['id']}?lang=zh").text
    assert "P-VALID" in detail and "案例24" in detail and 'id="map"' in detail
    assert "河口—河内" in detail and 'id="depart"' in detail
    login(client, "cvt.vncarrier")
    assert client.get(f"{BASE}/trips/{trip['id']}").status_code == 404


def test_trip_form_shows_the_permit_row_and_keeps_the_values(
    cvt: ApiClients, client: TestClient, fleet: Fleet
) -> None:
    login(client, "cvt.carrier")
    form = client.get(f"{BASE}/trips/new?lang=en")
    data = {
        "csrf_token": csrf_from(form.text),
        "truck_id": fleet.box,
        "route_code": "HK-HN",
        "direction": "south",
        "depart_at": "2026-12-01T09:30",
        "seal_origin": "MZ42",
    }
    refused = client.post(f"{BASE}/trips/new?lang=en", data=data)
    assert refused.status_code == 422
    assert "P-NONE" in refused.text and 'value="MZ42"' in refused.text
    good = client.post(
        f"{BASE}/trips/new", data={**data, "truck_id": fleet.reefer}, follow_redirects=False
    )
    assert good.status_code == 303
    no_token = client.post(
        f"{BASE}/trips/new", data={k: v for k, v in data.items() if k != "csrf_token"}
    )
    assert no_token.status_code == 403


def test_seal_check_form_holds_a_mismatch(
    cvt: ApiClients, client: TestClient, fleet: Fleet
) -> None:
    carrier = cvt.as_("cvt.carrier")
    load = carrier.post(f"{API}/loads", json=load_body(fresh=True)).json()
    trip = carrier.post(
        f"{API}/trips",
        json=trip_body(fleet.reefer, load_id=load["id"], local_inspection=True, seal_origin="MZ1"),
    ).json()
    carrier.post(f"{API}/trips/{trip['id']}/events", json={"event": "depart"})
    login(client, "cvt.customs")
    page = client.get(f"{BASE}/trips/{trip['id']}?lang=en")
    assert 'id="seal-form"' in page.text
    token = csrf_from(page.text)
    bad = client.post(
        f"{BASE}/trips/{trip['id']}/seal?lang=en",
        data={"csrf_token": token, "clearance_minutes": "-3"},
    )
    assert bad.status_code == 422 and "clearance_minutes" in bad.text
    held = client.post(
        f"{BASE}/trips/{trip['id']}/seal?lang=en",
        data={"csrf_token": token, "seal_destination": "MZ2", "clearance_minutes": "12"},
    )
    assert (
        held.status_code == 200 and "S-MISMATCH" in held.text and 'id="release-form"' in held.text
    )


def test_truck_permit_load_and_multimodal_forms(
    cvt: ApiClients, client: TestClient, fleet: Fleet
) -> None:
    login(client, "cvt.carrier")
    token = csrf_from(client.get(f"{BASE}/trucks").text)
    bad = client.post(
        f"{BASE}/trucks?lang=en",
        data={
            "csrf_token": token,
            "plate": "x",
            "country": "CN",
            "kind": "box",
            "capacity_t": "20",
        },
    )
    assert bad.status_code == 422 and "plate" in bad.text
    made = client.post(
        f"{BASE}/trucks",
        data={
            "csrf_token": token,
            "plate": "云GT7777",
            "country": "CN",
            "kind": "reefer",
            "capacity_t": "20",
        },
        follow_redirects=True,
    )
    assert made.status_code == 200 and "云GT7777" in made.text
    edited = client.post(
        f"{BASE}/trucks/{fleet.box}/edit",
        data={"csrf_token": token, "driver": "孙七"},
        follow_redirects=True,
    )
    assert "孙七" in edited.text
    late = client.post(
        f"{BASE}/loads?lang=en",
        data={
            "csrf_token": token,
            **{
                k: str(v)
                for k, v in load_body().items()
                if k not in ("ready_at", "deliver_by", "fresh")
            },
            "ready_at": "2026-12-02T10:00",
            "deliver_by": "2026-12-01T10:00",
        },
    )
    assert late.status_code == 422 and "deliver_by" in late.text
    client.cookies.clear()
    login(client, "cvt.transport")
    page = client.get(f"{BASE}/trucks/{fleet.box}")
    issued = client.post(
        f"{BASE}/trucks/{fleet.box}/permits",
        data={
            "csrf_token": csrf_from(page.text),
            "route_code": "HK-HP",
            "valid_from": "2026-01-01",
            "valid_to": "2026-12-31",
        },
        follow_redirects=True,
    )
    assert issued.status_code == 200 and "HK-HP" in issued.text
    client.cookies.clear()
    login(client, "cvt.rail")
    token = csrf_from(client.get(f"{BASE}/multimodal").text)
    filed = client.post(
        f"{BASE}/multimodal",
        data={
            "csrf_token": token,
            "container_no": "CSQU3054383",
            "declaration_no": "860120240000000009",
            "cargo": "化肥",
            "origin": "mengzi",
            "destination": "lao_cai",
            "rail_operator": "on",
            "declared_at_origin": "on",
        },
        follow_redirects=True,
    )
    assert filed.status_code == 200 and "M-INSPECT" in filed.text
    wrong = client.post(
        f"{BASE}/multimodal?lang=en",
        data={
            "csrf_token": token,
            "container_no": "CSQU3054383",
            "declaration_no": "86",
            "cargo": "化肥",
            "origin": "mengzi",
            "destination": "lao_cai",
        },
    )
    assert wrong.status_code == 422 and "declaration_no" in wrong.text
