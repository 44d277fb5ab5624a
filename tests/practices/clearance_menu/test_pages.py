"""p10 pages without a browser: the wizard gives errors back with what was typed, an enterprise's
choice from the result page, officers' statistics, and every route classified for isolation."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.conftest import ApiClients, csrf_from, login
from tests.routes import api_routes

HTML = {"accept": "text/html"}
FORM = {
    "direction": "import",
    "transport": "rail",
    "hs_code": "8703.23.90",
    "taxable": "on",
    "guarantee_filed": "on",
    "manifest_before_arrival": "on",
    "declare_before_arrival": "on",
    "credit": "general",
    "port": "阿拉山口",
    "pickup_place": "郑州",
}


def test_wizard_errors_keep_what_was_typed(cm: ApiClients, client: TestClient) -> None:
    login(client, "cm.rail")
    token = csrf_from(client.get("/clearance-menu/wizard?lang=en").text)
    bad = client.post(
        "/clearance-menu/wizard",
        headers=HTML,
        data={**FORM, "csrf_token": token, "hs_code": "87x", "port": "Alashankou-typed"},
    )
    assert bad.status_code == 422 and 'role="alert"' in bad.text
    assert "Alashankou-typed" in bad.text and "HS code" in bad.text
    assert (
        client.get("/clearance-menu/requests", headers=HTML).text.count("/clearance-menu/requests/")
        == 0
    )


def test_wizard_result_and_choice(cm: ApiClients, client: TestClient) -> None:
    login(client, "cm.rail")
    token = csrf_from(client.get("/clearance-menu/wizard").text)
    done = client.post("/clearance-menu/wizard", headers=HTML, data={**FORM, "csrf_token": token})
    assert done.status_code == 200 and 'id="timeline"' in done.text
    assert 'id="combination-code">I02<' in done.text and 'id="choose-I03"' in done.text
    action = done.text.split('action="/clearance-menu/requests/')[1].split('"')[0]
    detail = f"/clearance-menu/requests/{action.removesuffix('/choose')}"
    wrong = client.post(
        f"{detail}/choose", headers=HTML, data={"csrf_token": token, "combination": "E01"}
    )
    assert wrong.status_code == 422 and "not eligible" in wrong.text
    chosen = client.post(
        f"{detail}/choose",
        headers=HTML,
        data={"csrf_token": token, "combination": "I03"},
        follow_redirects=True,
    )
    assert chosen.status_code == 200 and 'id="chosen-code">I03<' in chosen.text
    assert 'id="ledger-index"' in chosen.text
    login(client, "cm.sea")
    assert client.get(detail, headers=HTML).status_code == 404
    login(client, "cm.officer")
    board = client.get("/clearance-menu/statistics?lang=en", headers=HTML)
    assert board.status_code == 200 and board.text.count("<svg") >= 4 and "I03" in board.text


def test_combination_pages(client: TestClient) -> None:
    listing = client.get("/clearance-menu/combinations?direction=import", headers=HTML)
    assert listing.status_code == 200 and listing.text.count("/clearance-menu/combinations/I") == 10
    detail = client.get("/clearance-menu/combinations/I01", headers=HTML)
    assert detail.status_code == 200 and "海关总署公告2017年第48号" in detail.text


ISOLATED = {
    "/api/clearance-menu/requests",
    "/api/clearance-menu/requests.csv",
    "/api/clearance-menu/requests/{record_id}",
    "/api/clearance-menu/requests/{record_id}/history",
    "/api/clearance-menu/requests/{record_id}/choice",
    "/api/clearance-menu/statistics",
    "/clearance-menu/requests",
    "/clearance-menu/requests.csv",
    "/clearance-menu/requests/{record_id}",
    "/clearance-menu/requests/{record_id}/choose",
    "/clearance-menu/statistics",
}
PUBLIC = {
    "/api/clearance-menu/modes",
    "/api/clearance-menu/combinations",
    "/api/clearance-menu/combinations/{code}",
    "/api/clearance-menu/recommend",
    "/clearance-menu",
    "/clearance-menu/combinations",
    "/clearance-menu/combinations/{code}",
    "/clearance-menu/wizard",
}


def test_every_p10_route_is_classified(app: FastAPI) -> None:
    paths = {path for path, _ in api_routes(app.routes) if "clearance-menu" in path}
    assert paths == ISOLATED | PUBLIC
