"""p02 pages without a browser: the forms give their errors back with what was typed, each
party's action buttons, and another organization's container answers 404."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.conftest import ApiClients, csrf_from, login

HTML = {"accept": "text/html"}
FORM = {
    "direction": "import",
    "port_code": "AQG",
    "consignee": "安庆收货人",
    "bill_of_lading": "WEB-1",
    "containers": "CSQU3054383 40\nMSKU9070323 20",
}


def test_file_then_post_events_on_the_web(lu: ApiClients, client: TestClient) -> None:
    login(client, "lu.wuhu")
    token = csrf_from(client.get("/linked-unloading/shipments/new").text)
    bad = client.post(
        "/linked-unloading/shipments/new",
        headers=HTML,
        data={**FORM, "csrf_token": token, "containers": "CSQU3054384"},
    )
    assert bad.status_code == 422 and 'role="alert"' in bad.text and "CSQU3054384" in bad.text
    assert "安庆收货人" in bad.text
    made = client.post(
        "/linked-unloading/shipments/new",
        headers=HTML,
        data={**FORM, "csrf_token": token},
        follow_redirects=True,
    )
    assert made.status_code == 200 and 'id="shipment-number"' in made.text
    assert 'id="route-barge"' in made.text and "RA-" not in made.text
    listing = client.get("/linked-unloading/containers?q=CSQU&lang=en", headers=HTML)
    assert "CSQU3054383" in listing.text
    box = listing.text.split("/linked-unloading/containers/")[1].split('"')[0]
    page = client.get(f"/linked-unloading/containers/{box}", headers=HTML)
    assert 'id="event-release"' not in page.text  # the consignee cannot release

    login(client, "lu.customs")
    page = client.get(f"/linked-unloading/containers/{box}?lang=en", headers=HTML)
    assert 'id="event-release"' in page.text and 'id="event-load_barge"' not in page.text
    token = csrf_from(page.text)
    done = client.post(
        f"/linked-unloading/containers/{box}",
        headers=HTML,
        data={"csrf_token": token, "event": "release"},
        follow_redirects=True,
    )
    assert 'id="container-status">released' in done.text
    wrong = client.post(
        f"/linked-unloading/containers/{box}",
        headers=HTML,
        data={"csrf_token": token, "event": "pick_up"},
    )
    assert wrong.status_code == 422 and 'role="alert"' in wrong.text

    login(client, "ent.a")
    assert client.get(f"/linked-unloading/containers/{box}", headers=HTML).status_code == 404


def test_public_pages_and_overview(lu: ApiClients, client: TestClient) -> None:
    ports = client.get("/linked-unloading/ports", headers=HTML)
    assert ports.status_code == 200 and "芜湖港" in ports.text
    result = client.get("/linked-unloading/compare?port=WUH&direction=import&teu=1", headers=HTML)
    assert result.status_code == 200 and 'id="recommended"' in result.text
    bad = client.get("/linked-unloading/compare?port=WUH&teu=abc", headers=HTML)
    assert bad.status_code == 422 and 'role="alert"' in bad.text
    login(client, "lu.customs")
    overview = client.get("/linked-unloading", headers=HTML)
    assert overview.status_code == 200 and 'id="stat-containers"' in overview.text


def test_correct_a_shipment_on_the_web(lu: ApiClients, client: TestClient) -> None:
    login(client, "lu.wuhu")
    token = csrf_from(client.get("/linked-unloading/shipments/new").text)
    made = client.post("/linked-unloading/shipments/new", headers=HTML,
                       data={**FORM, "csrf_token": token}, follow_redirects=False)  # fmt: skip
    url = made.headers["location"]
    form_page = client.get(f"{url}/edit?lang=en", headers=HTML)
    assert form_page.status_code == 200 and 'id="edit-form"' in form_page.text
    assert "CSQU3054383 40" in form_page.text and "locked-" not in form_page.text
    token = csrf_from(form_page.text)
    edit = {"csrf_token": token, "port_code": "AQG", "consignee": "安庆收货人",
            "bill_of_lading": "WEB-1", "vessel": "", "declared_in_advance_shown": "1",
            "containers": "CSQU3054383 40\nMSKU9070323 20"}  # fmt: skip
    bad = client.post(f"{url}/edit", headers=HTML,
                      data={**edit, "containers": "CSQU3054384 40", "vessel": "TYPED"})  # fmt: skip
    assert bad.status_code == 422 and 'role="alert"' in bad.text and "ISO 6346" in bad.text
    assert "TYPED" in bad.text and "CSQU3054384" in bad.text
    no_csrf = client.post(f"{url}/edit", headers=HTML, data={**edit, "csrf_token": "x"})
    assert no_csrf.status_code == 403
    corrected = {**edit, "vessel": "XIN AN QING", "declared_in_advance": "on"}
    done = client.post(f"{url}/edit", headers=HTML, follow_redirects=True, data=corrected)
    assert done.status_code == 200 and 'id="shipment-vessel">XIN AN QING' in done.text
    assert 'id="shipment-history"' in done.text and "EW-DECL-IMP" in done.text
    assert "/api/ledger/receipt?log=ftz.local/evidence" in done.text
    listing = client.get("/linked-unloading/shipments?q=web-1&lang=en", headers=HTML)
    assert url.split("/")[-1] in listing.text and 'id="shipments-csv"' in listing.text
    assert "WEB-1" not in client.get("/linked-unloading/shipments?direction=export").text

    login(client, "lu.customs")
    box = client.get(f"/api/linked-unloading{url.removeprefix('/linked-unloading')}").json()
    token = csrf_from(client.get(f"/linked-unloading/containers/{box['containers'][0]['id']}").text)
    client.post(f"/linked-unloading/containers/{box['containers'][0]['id']}", headers=HTML,
                data={"csrf_token": token, "event": "release"})  # fmt: skip
    assert client.get(f"{url}/edit", headers=HTML).status_code == 403  # officers do not edit

    login(client, "lu.wuhu")
    locked = client.get(f"{url}/edit?lang=en", headers=HTML)
    assert 'id="locked-consignee"' in locked.text and "EW-DECL-LATE" in locked.text
    assert 'id="locked-vessel"' not in locked.text
    token = csrf_from(locked.text)
    refused = client.post(f"{url}/edit?lang=en", headers=HTML,
                          data={**edit, "csrf_token": token, "consignee": "Changed"})  # fmt: skip
    assert refused.status_code == 422 and "EW-DECL-LATE" in refused.text
    assert "Changed" in refused.text  # what was typed comes back

    login(client, "ent.a")
    assert client.get(f"{url}/edit", headers=HTML).status_code == 404
