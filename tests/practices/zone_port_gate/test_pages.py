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
    "/zone-port-gate/declarations/{declaration_id}",
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
