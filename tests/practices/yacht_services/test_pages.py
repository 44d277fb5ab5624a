"""p16 pages without a browser: every route is classified and guarded; lists, details and forms
render in Chinese and English for each role; forms given bad input answer 422 with the message
and what was typed; a night report leaving the zone shows its flag, map and segment."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from tests.conftest import ApiClients, csrf_from, login
from tests.practices.yacht_services.conftest import (
    API,
    OUTSIDE_ROUTE,
    make_yacht,
    sailing_body,
    tomorrow_at,
)
from tests.routes import api_routes

HTML = {"accept": "text/html"}
BASE = "/yacht-services"
ROUTES = {
    f"{API}/marinas",
    f"{API}/zones",
    f"{API}/yachts",
    f"{API}/yachts.csv",
    f"{API}/yachts/{{yacht_id}}",
    f"{API}/yachts/{{yacht_id}}/history",
    f"{API}/dispatch",
    f"{API}/berths",
    f"{API}/statistics",
    f"{API}/transfer-documents",
    f"{API}/transfers",
    f"{API}/transfers.csv",
    f"{API}/transfers/{{transfer_id}}",
    f"{API}/transfers/{{transfer_id}}/events",
    f"{API}/transfers/{{transfer_id}}/supply",
    f"{API}/transfers/{{transfer_id}}/history",
    f"{API}/sailings",
    f"{API}/sailings.csv",
    f"{API}/sailings/{{sailing_id}}",
    f"{API}/sailings/{{sailing_id}}/events",
    f"{API}/sailings/{{sailing_id}}/passengers",
    f"{API}/sailings/{{sailing_id}}/border",
    f"{API}/sailings/{{sailing_id}}/review",
    f"{API}/sailings/{{sailing_id}}/track",
    f"{API}/sailings/{{sailing_id}}/history",
    BASE,
    f"{BASE}/yachts",
    f"{BASE}/yachts/new",
    f"{BASE}/yachts/{{yacht_id}}",
    f"{BASE}/zones",
    f"{BASE}/statistics",
    f"{BASE}/transfers",
    f"{BASE}/transfers/new",
    f"{BASE}/transfers/{{transfer_id}}",
    f"{BASE}/transfers/{{transfer_id}}/events",
    f"{BASE}/transfers/{{transfer_id}}/supply",
    f"{BASE}/sailings",
    f"{BASE}/sailings/new",
    f"{BASE}/sailings/{{sailing_id}}",
    f"{BASE}/sailings/{{sailing_id}}/events",
    f"{BASE}/sailings/{{sailing_id}}/border",
    f"{BASE}/sailings/{{sailing_id}}/review",
    f"{BASE}/sailings/{{sailing_id}}/track",
}


def test_every_p16_route_is_classified_and_guarded(app: FastAPI) -> None:
    routes = [(p, r) for p, r in api_routes(app.routes) if "yacht-services" in p]
    assert {p for p, _ in routes} == ROUTES
    for _, route in routes:
        names = {d.call.__name__ for d in route.dependant.dependencies}
        assert any(n.startswith("require_yacht_services") for n in names), route.path
    anonymous = TestClient(app, raise_server_exceptions=False)
    for path, route in routes:
        if "GET" in route.methods and "{" not in path:
            answer = anonymous.get(path, headers=HTML, follow_redirects=False)
            assert answer.status_code in (303, 401), path


def test_pages_render_for_each_role_in_both_languages(
    ys: ApiClients, client: TestClient, session: Session
) -> None:
    yacht = make_yacht(session, 31)
    session.commit()
    night = (
        ys.as_("ys.club")
        .post(f"{API}/sailings", json=sailing_body(yacht, tomorrow_at(19), OUTSIDE_ROUTE))
        .json()
    )
    for user in ("ys.club", "ys.maritime", "ys.border", "ys.transport"):
        login(client, user)
        for lang in ("zh", "en"):
            for page in (
                "",
                "/yachts",
                "/zones",
                "/statistics",
                "/transfers",
                "/sailings",
                f"/yachts/{yacht.id}",
                f"/sailings/{night['id']}",
            ):
                answer = client.get(f"{BASE}{page}?lang={lang}")
                assert answer.status_code == 200, (user, page, answer.text[:300])
        client.cookies.clear()
    login(client, "ys.maritime")
    detail = client.get(f"{BASE}/sailings/{night['id']}?lang=zh").text
    assert "驶出夜航区域" in detail and 'class="outside"' in detail and "SF-LEFT-ZONE" in detail
    assert 'id="review-form"' in detail and 'id="passengers"' not in detail
    english = client.get(f"{BASE}/sailings/{night['id']}?lang=en").text
    assert "left night zone" in english and "Outside the night-navigation zone" in english
    login(client, "ys.serenity")
    assert client.get(f"{BASE}/sailings/{night['id']}").status_code == 404


def test_sailing_form_keeps_what_was_typed_and_files_a_flagged_report(
    ys: ApiClients, client: TestClient, session: Session
) -> None:
    yacht = make_yacht(session, 32)
    session.commit()
    login(client, "ys.club")
    token = csrf_from(client.get(f"{BASE}/sailings/new?lang=en").text)
    start = tomorrow_at(19)
    form = {
        "csrf_token": token,
        "yacht_id": yacht.id,
        "captain_name": "王船长",
        "captain_cert_no": "HN20240001",
        "marina": "SY-VISUN",
        "depart_at": start.strftime("%Y-%m-%dT%H:%M"),
        "return_at": start.replace(hour=21).strftime("%Y-%m-%dT%H:%M"),
        "crew": "2",
        "lookout_aboard": "on",
        "route": "109.50 18.24\nnot a point",
        "passengers": "张三, CHN, id_card, 460200199001100118",
    }
    bad = client.post(f"{BASE}/sailings/new", data=form)
    assert bad.status_code == 422
    assert "line 2" in bad.text and "张三, CHN" in bad.text and "HN20240001" in bad.text
    route = "\n".join(f"{lon}, {lat}" for lon, lat in OUTSIDE_ROUTE)
    made = client.post(
        f"{BASE}/sailings/new", data={**form, "route": route}, follow_redirects=False
    )
    assert made.status_code == 303
    page = client.get(made.headers["location"] + "?lang=en").text
    assert "left night zone" in page and "…0118" in page and 'id="border-status"' in page


def test_transfer_and_yacht_forms_answer_422_with_the_field(
    ys: ApiClients, client: TestClient, session: Session
) -> None:
    yacht = make_yacht(session, 33)
    session.commit()
    login(client, "ys.buyer")
    token = csrf_from(client.get(f"{BASE}/transfers/new?lang=en").text)
    form = {
        "csrf_token": token,
        "registration_no": yacht.registration_no,
        "new_name_zh": "表单新名",
        "new_owner_name": "蓝湾",
        "new_home_port": "SY-PHOENIX",
        "new_usage": "rental",
        "mode_survey_certificate": "committed",
    }
    bad = client.post(f"{BASE}/transfers/new", data=form)
    assert bad.status_code == 422 and "表单新名" in bad.text
    assert "documents.transfer_application" in bad.text  # provided without its fingerprint
    digests = {
        f"sha256_{code}": f"{n:064x}"
        for n, code in enumerate(
            (
                "transfer_application",
                "seller_consent",
                "original_certificates",
                "buyer_identity",
                "sale_contract",
                "survey_certificate",
                "insurance",
                "photos",
            )
        )
    }
    made = client.post(
        f"{BASE}/transfers/new",
        follow_redirects=False,
        data={
            **form,
            **digests,
            "mode_survey_certificate": "provided",
            "mode_tax_receipt": "committed",
        },
    )
    assert made.status_code == 303, made.text
    case_page = client.get(made.headers["location"] + "?lang=en").text
    assert "submitted" in case_page and 'id="event-withdraw"' in case_page
    assert 'id="event-consent"' not in case_page and 'id="supply-form"' in case_page
    client.cookies.clear()
    login(client, "ys.club")
    seller_page = client.get(made.headers["location"] + "?lang=en").text
    assert 'id="event-consent"' in seller_page
    client.cookies.clear()
    login(client, "ys.maritime")
    token = csrf_from(client.get(f"{BASE}/yachts/new?lang=en").text)
    refused = client.post(f"{BASE}/yachts/new", data={"csrf_token": token, "name_zh": "缺字段"})
    assert refused.status_code == 422 and "缺字段" in refused.text and "hull_id" in refused.text
    zones = client.post(
        f"{BASE}/zones",
        data={"csrf_token": token, "geojson": "{not json", "effective_from": "2024-01-01"},
    )
    assert zones.status_code == 422 and "not JSON" in zones.text
