"""p04 pages without a browser: the enterprise registers a work and applies on the web, forms
come back with the error and what was typed, customs steps on the exhibition page; every route
is classified for isolation."""

from __future__ import annotations

from datetime import date, timedelta

from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.conftest import ApiClients, csrf_from, login
from tests.routes import api_routes

HTML = {"accept": "text/html"}


def test_register_apply_and_steps_on_the_web(ba: ApiClients, client: TestClient) -> None:
    login(client, "ba.ent.hb")
    page = client.get("/bonded-art/artworks", headers=HTML)
    token = csrf_from(page.text)
    work = {
        "csrf_token": token,
        "number": "WEB-1",
        "title": "山水",
        "category": "painting",
        "approval_doc": "文旅艺进2025-009",
        "value_cny": "250000",
    }
    bad = client.post("/bonded-art/artworks", headers=HTML, data={**work, "value_cny": "0"})
    assert bad.status_code == 422 and 'role="alert"' in bad.text and "WEB-1" in bad.text
    done = client.post("/bonded-art/artworks", headers=HTML, data=work)
    assert done.status_code == 200 and "山水" in done.text
    form = client.get("/bonded-art/exhibitions/new", headers=HTML)
    artwork_id = form.text.split('<option value="', 1)[1].split('"', 1)[0]
    today = date.today()
    application = {
        "csrf_token": csrf_from(form.text),
        "number": "EX-WEB-1",
        "artwork_id": artwork_id,
        "home_customs": "ba-customs-zd",
        "destination_customs": "ba-customs-zd",
        "venue": "北京艺术博览会",
        "starts_on": str(today),
        "ends_on": str(today + timedelta(days=30)),
    }
    same = client.post("/bonded-art/exhibitions/new", headers=HTML, data=application)
    assert same.status_code == 422 and "destination" in same.text
    made = client.post(
        "/bonded-art/exhibitions/new",
        headers=HTML,
        data={**application, "destination_customs": "ba-customs-bj"},
        follow_redirects=False,
    )
    assert made.status_code == 303
    detail = made.headers["location"]
    login(client, "ba.customs.zd")
    page = client.get(detail, headers=HTML)
    assert 'id="action-consult"' in page.text
    consulted = client.post(
        detail,
        headers=HTML,
        data={"csrf_token": csrf_from(page.text), "event": "consult"},
        follow_redirects=True,
    )
    assert 'id="status"' in consulted.text
    wrong_district = client.post(
        detail, headers=HTML, data={"csrf_token": csrf_from(page.text), "event": "consent"}
    )
    assert wrong_district.status_code == 422  # the home customs may not consent for Beijing
    login(client, "ent.a")
    assert client.get(detail, headers=HTML).status_code == 404


ISOLATED = {
    "/api/bonded-art/artworks",
    "/api/bonded-art/artworks/{artwork_id}",
    "/api/bonded-art/exhibitions",
    "/api/bonded-art/exhibitions/{exhibition_id}",
    "/api/bonded-art/exhibitions/{exhibition_id}/steps",
    "/api/bonded-art/exhibitions/{exhibition_id}/capture",
    "/api/bonded-art/exhibitions/{exhibition_id}/guarantee",
    "/api/bonded-art/exhibitions/{exhibition_id}/verify",
    "/api/bonded-art/exhibitions/{exhibition_id}/sale",
    "/api/bonded-art/exhibitions/{exhibition_id}/settle",
    "/api/bonded-art/reminders",
    "/api/bonded-art/statistics",
    "/bonded-art",
    "/bonded-art/artworks",
    "/bonded-art/exhibitions/new",
    "/bonded-art/exhibitions/{exhibition_id}",
}
PUBLIC = {"/api/bonded-art/workflow"}


def test_every_p04_route_is_classified(app: FastAPI) -> None:
    paths = {path for path, _ in api_routes(app.routes) if "bonded-art" in path}
    assert paths == ISOLATED | PUBLIC
