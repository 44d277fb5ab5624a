"""p09 pages without a browser: every route guarded; the build form shows what was typed with
the message (422) and saves nothing; the ULD page with its manifest, tracking, metrics, map,
why and actions; a refused road leg shows the fired row; other organizations get 404; trailers,
the ULD id check and the statistics in both languages."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.conftest import ApiClients, csrf_from, login
from tests.practices.pallet_air_road.conftest import API, WHOLE_STEPS, earlier, uld_body, walk
from tests.routes import api_routes

HTML = {"accept": "text/html"}
LINES = "H1, 精密仪器, 12, 850.5, PEK\nH2, 电子元器件, 30, 412.0, PEK"


def test_every_route_is_guarded(app: FastAPI) -> None:
    routes = [(p, r) for p, r in api_routes(app.routes) if "pallet-air-road" in p]
    assert len(routes) >= 20
    for path, route in routes:
        names = {getattr(d.call, "__qualname__", "") for d in route.dependant.dependencies}
        assert any("require" in n for n in names), path
    anonymous = TestClient(app, raise_server_exceptions=False)
    for path, route in routes:
        if "GET" in route.methods and "{" not in path:
            answer = anonymous.get(path, headers=HTML, follow_redirects=False)
            assert answer.status_code in (303, 401), path


def test_build_form_keeps_what_was_typed(par: ApiClients, client: TestClient) -> None:
    login(client, "par.forwarder")
    page = client.get("/pallet-air-road/ulds/new?lang=en")
    assert page.status_code == 200 and 'id="uld-form"' in page.text
    form = {"csrf_token": csrf_from(page.text), "uld_code": "PMC 99 CV", "mawb_no": "172-31000012",
            "flight_no": "cv9701", "flight_date": "2026-11-20", "origin": "lux",
            "handler_org_code": "par-handler", "lines": LINES}  # fmt: skip
    bad = client.post("/pallet-air-road/ulds/new", data=form)
    assert bad.status_code == 422 and 'role="alert"' in bad.text and "PMC 99 CV" in bad.text
    assert par.as_("par.forwarder").get(f"{API}/ulds").json()["total"] == 0
    broken = client.post("/pallet-air-road/ulds/new", data={**form, "lines": "H1, x"})
    assert broken.status_code == 422 and "line 1" in broken.text
    good = client.post("/pallet-air-road/ulds/new", data={**form, "uld_code": "PMC 54321 CV"},
                       follow_redirects=False)  # fmt: skip
    assert good.status_code == 303
    detail = client.get(good.headers["location"] + "?lang=en")
    assert "PMC 54321 CV" in detail.text and "BM-ONE-DEST" in detail.text
    assert 'id="edit-uld"' in detail.text and 'id="event-cancel"' in detail.text
    edit = client.get(good.headers["location"] + "/edit?lang=en")
    assert "H1, 精密仪器, 12, 850.5, PEK" in edit.text


def test_uld_page_through_delivery(par: ApiClients, client: TestClient) -> None:
    uld = par.as_("par.forwarder").post(f"{API}/ulds", json=uld_body()).json()
    walk(par, uld["id"], WHOLE_STEPS[:6], earlier())
    login(client, "par.handler")
    url = f"/pallet-air-road/ulds/{uld['id']}"
    page = client.get(url + "?lang=en")
    assert 'id="event-start_loading"' in page.text and 'id="trailer_plate"' in page.text
    form = {"csrf_token": csrf_from(page.text), "event": "start_loading",
            "trailer_plate": "豫A9002挂", "crew": "2"}  # fmt: skip
    refused = client.post(url + "/events", data=form)
    assert refused.status_code == 422 and "RL-WHOLE-NOT-CAPABLE" in refused.text
    loaded = client.post(url + "/events", data={**form, "trailer_plate": "豫A9001挂"},
                         follow_redirects=False)  # fmt: skip
    assert loaded.status_code == 303
    page = client.get(url)
    assert (
        'id="map"' in page.text
        and "RL-WHOLE-CAPABLE" in page.text
        and 'uld-status">loading<' in page.text
    )
    assert 'id="metric-tally_minutes"' in page.text


def test_other_organizations_and_lists(par: ApiClients, client: TestClient) -> None:
    uld = par.as_("par.forwarder").post(f"{API}/ulds", json=uld_body()).json()
    login(client, "par.other")
    assert client.get(f"/pallet-air-road/ulds/{uld['id']}").status_code == 404
    assert client.get(f"/pallet-air-road/ulds/{uld['id']}/edit").status_code == 404
    page = client.get("/pallet-air-road/ulds/new")
    token = csrf_from(page.text)
    assert (
        client.post(
            f"/pallet-air-road/ulds/{uld['id']}/events",
            data={"csrf_token": token, "event": "cancel"},
        ).status_code
        == 404
    )
    assert "PMC12345CV" not in client.get("/pallet-air-road").text
    login(client, "par.customs")
    listing = client.get("/pallet-air-road?lang=en&destination=PEK")
    assert "PMC12345CV" in listing.text
    assert client.get("/pallet-air-road/ulds.csv").text.count("PMC12345CV") == 1
    for path in ("/pallet-air-road/trailers", "/pallet-air-road/statistics",
                 "/pallet-air-road/uld-check?code=AKE1234MU"):  # fmt: skip
        for lang in ("zh", "en"):
            assert client.get(f"{path}{'&' if '?' in path else '?'}lang={lang}").status_code == 200
    assert "LD3" in client.get("/pallet-air-road/uld-check?code=AKE1234MU&lang=en").text
    assert 'role="alert"' in client.get("/pallet-air-road/uld-check?code=ZZZ").text


def test_trailer_form(par: ApiClients, client: TestClient) -> None:
    login(client, "par.trucker")
    page = client.get("/pallet-air-road/trailers?lang=en")
    token = csrf_from(page.text)
    bad = client.post(
        "/pallet-air-road/trailers",
        data={"csrf_token": token, "plate": "abc", "kind": "box", "positions": "2"},
    )
    assert bad.status_code == 422 and "plate" in bad.text
    good = client.post("/pallet-air-road/trailers", follow_redirects=False,
                       data={"csrf_token": token, "plate": "豫a9200挂", "kind": "uld_roller",
                             "positions": "4"})  # fmt: skip
    assert good.status_code == 303
    assert "豫A9200挂" in client.get("/pallet-air-road/trailers").text
