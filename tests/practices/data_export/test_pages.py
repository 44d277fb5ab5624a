"""p01 pages without a browser: the forms give their errors back, and every route is classified
for isolation."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.conftest import ApiClients, csrf_from, login
from tests.routes import api_routes

HTML = {"accept": "text/html"}


def test_assess_form_shows_the_why(client: TestClient) -> None:
    login(client, "ent.a")
    page = client.get("/data-export/assess?lang=en")
    token = csrf_from(page.text)
    result = client.post(
        "/data-export/assess",
        headers=HTML,
        data={"csrf_token": token, "personal_info": "on", "individuals": "50000"},
    )
    assert result.status_code == 200 and 'id="assess-result"' in result.text
    assert "art5" in result.text
    bad = client.post(
        "/data-export/assess",
        headers=HTML,
        data={"csrf_token": token, "personal_info": "on", "individuals": "-5"},
    )
    assert bad.status_code == 422 and 'role="alert"' in bad.text


def test_filing_form_errors_keep_what_was_typed(dx: ApiClients, client: TestClient) -> None:
    login(client, "dx.auto")
    token = csrf_from(client.get("/data-export/filings/new").text)
    bad = client.post(
        "/data-export/filings/new",
        headers=HTML,
        data={
            "csrf_token": token,
            "recipient": "Recipient Ltd",
            "country": "D",
            "sector": "automobile",
            "purpose": "other",
            "inventory": "vin:pi\nname:xyz",
        },
    )
    assert bad.status_code == 422 and "Recipient Ltd" in bad.text
    good = client.post(
        "/data-export/filings/new",
        headers=HTML,
        data={
            "csrf_token": token,
            "recipient": "Recipient Ltd",
            "country": "DE",
            "sector": "automobile",
            "purpose": "other",
            "inventory": "vin:pi",
            "individuals": "1000",
        },
        follow_redirects=True,
    )
    assert good.status_code == 200 and 'id="filing-mechanism"' in good.text
    listing = client.get("/data-export/filings", headers=HTML)
    assert "Recipient Ltd" in listing.text
    overview = client.get("/data-export", headers=HTML)
    assert overview.status_code == 200 and "<svg" in overview.text


ISOLATED = {
    "/api/data-export/filings",
    "/api/data-export/filings/{filing_id}",
    "/api/data-export/filings/{filing_id}/versions",
    "/api/data-export/filings/{filing_id}/submit",
    "/api/data-export/filings/{filing_id}/withdraw",
    "/api/data-export/filings/{filing_id}/revise",
    "/api/data-export/filings/{filing_id}/review",
    "/api/data-export/batches",
    "/api/data-export/batches/{batch_id}",
    "/api/data-export/audits",
    "/api/data-export/findings",
    "/api/data-export/preassessments",
    "/api/data-export/preassessments/{record_id}",
    "/api/data-export/dashboard",
    "/data-export",
    "/data-export/filings",
    "/data-export/filings/new",
    "/data-export/filings/{filing_id}",
    "/data-export/filings/{filing_id}/edit",
    "/data-export/filings/{filing_id}/action",
    "/data-export/batches",
    "/data-export/audit",
    "/data-export/preassessment",
}
PUBLIC = {
    "/api/data-export/assess",
    "/data-export/assess",
}


def test_every_p01_route_is_classified(app: FastAPI) -> None:
    paths = {path for path, _ in api_routes(app.routes) if "data-export" in path}
    catalogs = {p for p in paths if "catalog" in p}  # public reference data, admin edits
    assert paths - catalogs == ISOLATED | PUBLIC


def test_actions_on_the_detail_page(dx: ApiClients, client: TestClient) -> None:
    login(client, "dx.auto")
    token = csrf_from(client.get("/data-export/filings/new").text)
    made = client.post(
        "/data-export/filings/new",
        headers=HTML,
        data={
            "csrf_token": token,
            "recipient": "Web Recipient GmbH",
            "country": "DE",
            "sector": "automobile",
            "purpose": "other",
            "inventory": "vin:pi",
            "individuals": "1000",
        },
        follow_redirects=False,
    )
    assert made.status_code == 303
    detail = made.headers["location"]
    token = csrf_from(client.get(detail).text)
    client.post(f"{detail}/action", headers=HTML, data={"csrf_token": token, "action": "submit"})
    forbidden = client.post(
        f"{detail}/action", headers=HTML, data={"csrf_token": token, "action": "approve"}
    )
    assert forbidden.status_code == 422 and "may not approve" in forbidden.text
    login(client, "data.officer")
    token = csrf_from(client.get(detail).text)
    no_note = client.post(
        f"{detail}/action", headers=HTML, data={"csrf_token": token, "action": "reject"}
    )
    assert no_note.status_code == 422 and 'role="alert"' in no_note.text
    client.post(f"{detail}/action", headers=HTML, data={"csrf_token": token, "action": "approve"})
    login(client, "dx.auto")
    page = client.get(detail)
    assert 'id="action-revise"' in page.text
    revised = client.post(
        f"{detail}/action",
        headers=HTML,
        data={"csrf_token": csrf_from(page.text), "action": "revise"},
        follow_redirects=True,
    )
    assert revised.status_code == 200 and "2" in revised.text and 'id="edit-filing"' in revised.text
