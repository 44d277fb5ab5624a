"""p11 pages without a browser: forms give their errors back with what was typed, the dashboard
and its live fragment render, and every route is classified."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.conftest import ApiClients, csrf_from, login
from tests.routes import api_routes

HTML = {"accept": "text/html"}
ROUTES = {
    "/api/zone-port-gate/declarations", "/api/zone-port-gate/declarations/{declaration_id}",
    "/api/zone-port-gate/declarations/{declaration_id}/instruction",
    "/api/zone-port-gate/declarations/{declaration_id}/withdraw", "/api/zone-port-gate/manifests",
    "/api/zone-port-gate/transactions", "/api/zone-port-gate/transactions.csv",
    "/api/zone-port-gate/transactions/{transaction_id}",
    "/api/zone-port-gate/transactions/{transaction_id}/resolve",
    "/api/zone-port-gate/volumes/{day}", "/api/zone-port-gate/statistics", "/zone-port-gate",
    "/zone-port-gate/live", "/zone-port-gate/statistics", "/zone-port-gate/transactions",
    "/zone-port-gate/gate", "/zone-port-gate/transactions/{tx_id}",
    "/zone-port-gate/declarations", "/zone-port-gate/declarations/new",
    "/zone-port-gate/declarations/{declaration_id}", "/api/zone-port-gate/manifests.csv",
    "/api/zone-port-gate/volumes", "/api/zone-port-gate/volumes.csv", "/zone-port-gate/manifests",
    "/zone-port-gate/manifests/new", "/zone-port-gate/volumes", "/zone-port-gate/volumes/record",
}  # fmt: skip


def test_every_p11_route_is_classified_and_guarded(app: FastAPI) -> None:
    routes = [(p, r) for p, r in api_routes(app.routes) if "zone-port-gate" in p]
    assert {p for p, _ in routes} == ROUTES
    for path, route in routes:
        names = {getattr(d.call, "__qualname__", "") for d in route.dependant.dependencies}
        assert any("require" in n for n in names), path


def test_declaration_form_and_gate_form(zpg: ApiClients, client: TestClient) -> None:
    login(client, "zpg.ent.a")
    token = csrf_from(client.get("/zone-port-gate/declarations/new").text)
    form = {"csrf_token": token, "number": "461220261124000101", "direction": "export",
            "plate": "豫A12345", "units": "PMC12345CV uld ZZ1\nPAG54321CV uld ZZ2",
            "weight_kg": "8000", "screened": "on"}  # fmt: skip
    bad = client.post("/zone-port-gate/declarations/new", headers=HTML,
                      data={**form, "units": "PMC12345CV box"})  # fmt: skip
    assert bad.status_code == 422 and 'role="alert"' in bad.text and "PMC12345CV box" in bad.text
    made = client.post("/zone-port-gate/declarations/new", headers=HTML, data=form,
                       follow_redirects=False)  # fmt: skip
    assert made.status_code == 303
    detail = client.get(made.headers["location"])
    assert 'id="declaration-status"' in detail.text and "instruction-form" not in detail.text

    login(client, "zpg.customs")
    token = csrf_from(client.get(made.headers["location"]).text)
    client.post(made.headers["location"], headers=HTML,
                data={"csrf_token": token, "action": "release"})  # fmt: skip
    released = client.get(made.headers["location"] + "?lang=en").text
    assert 'id="declaration-status">released' in released

    login(client, "zpg.gate")
    token = csrf_from(client.get("/zone-port-gate/gate").text)
    gate = {"csrf_token": token, "declaration_number": "461220261124000101", "plate": "豫A12345",
            "units": "PMC12345CV uld ZZ1\nPAG54321CV uld ZZ2", "weight_kg": "8000"}  # fmt: skip
    bad = client.post("/zone-port-gate/gate", headers=HTML, data={**gate, "weight_kg": ""})
    assert bad.status_code == 422 and "461220261124000101" in bad.text
    done = client.post("/zone-port-gate/gate", headers=HTML, data=gate, follow_redirects=False)
    page = client.get(done.headers["location"] + "?lang=en")
    # No manifest was registered: held, and the dashboard lists the hold with its reason.
    assert 'id="verdict">hold' in page.text and "GC-NO-MANIFEST" in page.text
    live = client.get("/zone-port-gate/live?lang=en").text
    assert "GC-NO-MANIFEST" in live and "No manifest registered" in live
    assert client.get("/zone-port-gate?lang=en").status_code == 200
    assert client.get("/zone-port-gate/statistics").status_code == 200
    assert client.get("/zone-port-gate/transactions?q=豫A").status_code == 200


def test_manifest_form_and_list(zpg: ApiClients, client: TestClient) -> None:
    login(client, "zpg.ent.a")
    assert client.get("/zone-port-gate/manifests/new", headers=HTML).status_code == 403
    login(client, "zpg.gate")
    page = client.get("/zone-port-gate/manifests/new?declaration=461220261124000201&lang=en")
    assert page.status_code == 200 and 'value="461220261124000201"' in page.text
    token = csrf_from(page.text)
    units = "CSQU3054383 container 6200 ZZ1 ZZ2\nPMC12345CV uld 1800kg ZZ3"
    form = {"csrf_token": token, "number": "88020000201", "flight": "CV9751",
            "declaration_number": "461220261124000201", "units": units}  # fmt: skip
    bad = client.post("/zone-port-gate/manifests/new?lang=en", headers=HTML,
                      data={**form, "units": "CSQU3054384 container 6200 ZZ1"})  # fmt: skip
    assert bad.status_code == 422 and 'role="alert"' in bad.text
    assert "units.0.number" in bad.text and "ISO 6346" in bad.text
    assert "CSQU3054384 container 6200 ZZ1" in bad.text and 'value="88020000201"' in bad.text
    no_weight = client.post("/zone-port-gate/manifests/new", headers=HTML,
                            data={**form, "units": "PMC12345CV uld ZZ3"})  # fmt: skip
    assert no_weight.status_code == 422 and "WEIGHT_KG" in no_weight.text
    forged = client.post("/zone-port-gate/manifests/new", headers=HTML,
                         data={**form, "csrf_token": "forged"})  # fmt: skip
    assert forged.status_code == 403
    made = client.post("/zone-port-gate/manifests/new", headers=HTML, data=form,
                       follow_redirects=False)  # fmt: skip
    assert made.status_code == 303
    listing = client.get(made.headers["location"] + "&lang=en", headers=HTML).text
    assert "88020000201" in listing and "8,000" in listing and "ZZ1, ZZ2" in listing
    assert 'id="manifests-csv"' in listing
    again = client.post("/zone-port-gate/manifests/new", headers=HTML, data=form)
    assert again.status_code == 422 and "already exists" in again.text
    login(client, "zpg.ent.b")  # the manifest's declaration is not on file: nobody's to see
    assert "88020000201" not in client.get("/zone-port-gate/manifests", headers=HTML).text


def test_volume_form_feeds_the_statistics(zpg: ApiClients, client: TestClient) -> None:
    login(client, "zpg.customs")
    assert client.get("/zone-port-gate/volumes/record", headers=HTML).status_code == 403
    assert client.get("/zone-port-gate/volumes", headers=HTML).status_code == 200
    login(client, "zpg.gate")
    page = client.get("/zone-port-gate/volumes/record?lang=en", headers=HTML)
    token = csrf_from(page.text)
    day = page.text.split('id="day" name="day" type="date" required value="')[1][:10]
    form = {"csrf_token": token, "day": day, "airport_export_kg": "41900",
            "airport_import_kg": "30000"}  # fmt: skip
    bad = client.post("/zone-port-gate/volumes/record", headers=HTML,
                      data={**form, "airport_export_kg": "-5"})  # fmt: skip
    assert bad.status_code == 422 and "airport_export_kg" in bad.text and 'value="-5"' in bad.text
    not_a_day = client.post("/zone-port-gate/volumes/record", headers=HTML,
                            data={**form, "day": "yesterday"})  # fmt: skip
    assert not_a_day.status_code == 422 and "not a date" in not_a_day.text
    future = client.post("/zone-port-gate/volumes/record", headers=HTML,
                         data={**form, "day": "2999-01-01"})  # fmt: skip
    assert future.status_code == 422 and "future" in future.text
    before = client.get("/zone-port-gate/statistics?lang=en", headers=HTML).text
    assert day not in before
    done = client.post("/zone-port-gate/volumes/record", headers=HTML, data=form,
                       follow_redirects=True)  # fmt: skip
    assert done.status_code == 200 and day in done.text and "41.9" in done.text
    assert 'id="share">0.00%' in done.text  # the airport moved 41.9 t, none through the gate
    listing = client.get("/zone-port-gate/volumes?lang=en", headers=HTML).text
    assert day in listing and 'id="record-volume"' in listing
    assert client.get("/api/zone-port-gate/volumes.csv").text.count("\n") == 2
