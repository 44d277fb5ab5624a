"""p03 pages without a browser: the batch form gives errors back with what was typed, and every
route is classified and guarded."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.conftest import ApiClients, csrf_from, login
from tests.practices.bonded_repair.test_api import admitted
from tests.routes import api_routes

HTML = {"accept": "text/html"}
ROUTES = {
    "/api/bonded-repair/checklist",
    "/api/bonded-repair/dashboard",
    "/api/bonded-repair/admissions",
    "/api/bonded-repair/admissions/{admission_id}",
    "/api/bonded-repair/admissions/{admission_id}/events",
    "/api/bonded-repair/batches",
    "/api/bonded-repair/batches/{batch_id}",
    "/api/bonded-repair/batches/{batch_id}/outcome",
    "/api/bonded-repair/batches/{batch_id}/review",
    "/api/bonded-repair/waste",
    "/bonded-repair",
    "/bonded-repair/checklist",
    "/bonded-repair/batches",
    "/bonded-repair/batches/{batch_id}",
}


def test_every_p03_route_is_classified_and_guarded(app: FastAPI) -> None:
    routes = [(p, r) for p, r in api_routes(app.routes) if "bonded-repair" in p]
    assert {p for p, _ in routes} == ROUTES
    anonymous = TestClient(app, raise_server_exceptions=False)
    for path, route in routes:
        if "GET" in route.methods and "{" not in path:
            answer = anonymous.get(path, headers=HTML, follow_redirects=False)
            assert answer.status_code in (303, 401), path


def test_batch_form_keeps_what_was_typed(br: ApiClients, client: TestClient) -> None:
    admitted(br)
    login(client, "br.ent.a")
    token = csrf_from(client.get("/bonded-repair/batches?lang=en").text)
    bad = client.post("/bonded-repair/batches", data={
        "csrf_token": token, "number": "TJBR-P-0001", "goods": "燃油控制器", "quantity": "10",
        "value_cny": "1000", "preinspection_sha256": "not-a-hash"})  # fmt: skip
    assert bad.status_code == 422
    assert "TJBR-P-0001" in bad.text and "preinspection_sha256" in bad.text
    for page in ("/bonded-repair", "/bonded-repair/checklist"):
        assert client.get(f"{page}?lang=zh").status_code == 200
