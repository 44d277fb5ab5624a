"""p05 pages without a browser: every route classified and guarded; the lookup, a cargo with
its requirements and moisture rule, the check's verdict and its 422; the officer's cargo form
and new version; the proposal tracker's draft, document and steps; an enterprise's request and
the officer's findings, signatures and agreement; both languages."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.conftest import ApiClients, csrf_from, login
from tests.practices.cargo_rules.conftest import cargo_body, request_body
from tests.routes import api_routes

HTML = {"accept": "text/html"}
PUBLIC = {
    "/api/cargo-rules/lookup",
    "/api/cargo-rules/cargoes",
    "/api/cargo-rules/cargoes.csv",
    "/api/cargo-rules/cargoes/{key}",
    "/api/cargo-rules/check",
    "/api/cargo-rules/rules/{table}",
    "/api/cargo-rules/statistics",
    "/api/cargo-rules/proposals",
    "/api/cargo-rules/proposals.csv",
    "/api/cargo-rules/proposals/{key}",
    "/cargo-rules",
    "/cargo-rules/cargoes",
    "/cargo-rules/cargoes/{key}",
    "/cargo-rules/check",
    "/cargo-rules/statistics",
    "/cargo-rules/proposals",
    "/cargo-rules/proposals/{key}",
}
SIGNED_IN = {
    "/api/cargo-rules/proposals/{key}/documents",
    "/api/cargo-rules/proposals/{key}/events",
    "/api/cargo-rules/assessments",
    "/api/cargo-rules/assessments.csv",
    "/api/cargo-rules/assessments/{key}",
    "/api/cargo-rules/assessments/open",
    "/api/cargo-rules/assessments/{key}/accept",
    "/api/cargo-rules/assessments/{key}/findings",
    "/api/cargo-rules/assessments/{key}/sign-offs",
    "/api/cargo-rules/assessments/{key}/agree",
    "/api/cargo-rules/assessments/{key}/refuse",
    "/cargo-rules/cargoes/new",
    "/cargo-rules/proposals/{key}/events",
    "/cargo-rules/proposals/{key}/documents",
    "/cargo-rules/assessments",
    "/cargo-rules/assessments/{key}",
    "/cargo-rules/assessments/{key}/{step}",
}


def test_every_p05_route_is_classified_and_guarded(app: FastAPI) -> None:
    routes = [(p, r) for p, r in api_routes(app.routes) if "cargo-rules" in p]
    assert {p for p, _ in routes} == PUBLIC | SIGNED_IN
    for path, route in routes:
        names = {getattr(d.call, "__qualname__", "") for d in route.dependant.dependencies}
        assert any("require" in n for n in names), path
    anonymous = TestClient(app, raise_server_exceptions=False)
    assert anonymous.get("/api/cargo-rules/assessments").status_code == 401
    assert anonymous.post("/api/cargo-rules/cargoes", json=cargo_body()).status_code == 401


def test_lookup_cargo_page_and_moisture_check(cgr: ApiClients, client: TestClient) -> None:
    found = client.get("/cargo-rules?q=铁矿粉&lang=en")
    assert found.status_code == 200 and "/cargo-rules/cargoes/IRON-ORE-FINES" in found.text
    zh = client.get("/cargo-rules?q=铁矿粉&lang=zh").text
    assert "货物规则查询" in zh and "A组" in zh
    page = client.get("/cargo-rules/cargoes/IRON-ORE-FINES?lang=en").text
    assert 'class="req-tml_certificate"' in page and 'id="moisture-rule"' in page
    assert "moisture_check-4" in page and "edit-form" not in page
    url = "/cargo-rules/check?cargo=IRON-ORE-FINES&moisture_pct={}&tml_pct=9.6&lang=en"
    refused = client.get(url.format("9.7"))
    assert refused.status_code == 200 and "verdict-may_not_load" in refused.text
    assert 'verdict-may_load"' in client.get(url.format("8.2")).text
    bad = client.get(url.format("abc"))
    assert bad.status_code == 422 and 'role="alert"' in bad.text and 'value="abc"' in bad.text
    assert (
        client.get("/cargo-rules/check?cargo=NOPE&moisture_pct=1", headers=HTML).status_code == 404
    )
    assert client.get("/cargo-rules/check?moisture_pct=1").status_code == 422
    assert (
        'id="not-in-force"' in client.get("/cargo-rules/cargoes/IRON-ORE-FINES?on=2010-01-01").text
    )
    for path in (
        "/cargo-rules/cargoes?regime=imdg",
        "/cargo-rules/statistics?lang=en",
        "/cargo-rules/proposals?lang=en",
        "/cargo-rules/statistics",
    ):
        assert client.get(path).status_code == 200, path
    assert "SODIUM-CHLORATE" in client.get("/cargo-rules/cargoes?regime=imdg").text


def test_officer_adds_and_changes_a_cargo(cgr: ApiClients, client: TestClient) -> None:
    login(client, "cgr.officer")
    form_page = client.get("/cargo-rules/cargoes/new")
    token = csrf_from(form_page.text)
    form = {**{k: str(v) for k, v in cargo_body().items()}, "csrf_token": token}
    bad = client.post("/cargo-rules/cargoes", data={**form, "un_number": "14"}, headers=HTML)
    assert bad.status_code == 422 and "un_number" in bad.text and 'value="14"' in bad.text
    done = client.post("/cargo-rules/cargoes", data=form, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == "/cargo-rules/cargoes/TEST-CARGO"
    page = client.get("/cargo-rules/cargoes/TEST-CARGO").text
    assert 'id="edit-form"' in page
    change = {**form, "version_label": "TEST-2025", "note": "更正", "imsbc_group": "C"}
    change.pop("code")
    again = client.post(
        "/cargo-rules/cargoes/TEST-CARGO", data={**change, "note": ""}, headers=HTML
    )
    assert again.status_code == 422 and "note" in again.text
    saved = client.post("/cargo-rules/cargoes/TEST-CARGO", data=change, follow_redirects=False)
    assert saved.status_code == 303
    assert "TEST-2025" in client.get("/cargo-rules/cargoes/TEST-CARGO").text
    login(client, "cgr.shipper")
    assert client.get("/cargo-rules/cargoes/new").status_code == 403


def test_proposal_pages(cgr: ApiClients, client: TestClient) -> None:
    login(client, "cgr.officer")
    token = csrf_from(client.get("/cargo-rules/proposals").text)
    form = {
        "csrf_token": token,
        "number": "CN-DL-2099-02",
        "title_zh": "测试",
        "title_en": "Test",
        "instrument": "IMDG",
        "change": "editorial",
        "proposer": "辽宁海事局",
        "body": "IMO E&T",
        "session": "",
        "target_amendment": "",
        "cargo": "",
        "regime": "",
    }
    bad = client.post("/cargo-rules/proposals", data={**form, "number": "x"}, headers=HTML)
    assert bad.status_code == 422 and "number" in bad.text
    made = client.post("/cargo-rules/proposals", data=form, follow_redirects=False)
    assert made.status_code == 303
    url = "/cargo-rules/proposals/CN-DL-2099-02"
    assert 'id="event-submit"' in client.get(url).text
    no_doc = client.post(
        f"{url}/events",
        data={"csrf_token": token, "event": "submit", "session": "E&T 42"},
        headers=HTML,
    )
    assert no_doc.status_code == 422 and "documents" in no_doc.text
    doc = {
        "csrf_token": token,
        "symbol": "E&T 42/2",
        "title": "Test",
        "kind": "proposal",
        "dated": "2025-06-01",
        "sha256": "",
    }
    assert client.post(f"{url}/documents", data=doc, follow_redirects=False).status_code == 303
    for event in ("submit", "consider"):
        step = client.post(
            f"{url}/events",
            data={"csrf_token": token, "event": event, "session": "E&T 42"},
            follow_redirects=False,
        )
        assert step.status_code == 303
    shown = client.get(f"{url}?lang=en").text
    assert 'id="event-adopt"' in shown and "under consideration" in shown
    login(client, "cgr.shipper")
    public = client.get(url).text
    assert "event-form" not in public and "document-form" not in public


def test_assessment_pages(cgr: ApiClients, client: TestClient) -> None:
    login(client, "cgr.shipper")
    token = csrf_from(client.get("/cargo-rules/assessments").text)
    form = {**request_body(), "csrf_token": token}
    bad = client.post("/cargo-rules/assessments", data={**form, "goods_zh": ""}, headers=HTML)
    assert bad.status_code == 422 and "goods_zh" in bad.text
    sent = client.post("/cargo-rules/assessments", data=form, follow_redirects=False)
    assert sent.status_code == 303
    url = sent.headers["location"]
    assert "findings-form" not in client.get(url).text
    login(client, "cgr.other")
    assert client.get(url).status_code == 404
    login(client, "cgr.officer")
    token = csrf_from(client.get(url).text)
    post = {"csrf_token": token}
    assert client.post(f"{url}/accept", data=post, follow_redirects=False).status_code == 303
    wrong = client.post(f"{url}/findings", data={**post, "mhb": "on"}, headers=HTML)
    assert wrong.status_code == 422 and "chemical_hazard" in wrong.text
    found = client.post(
        f"{url}/findings", data={**post, "may_liquefy": "on"}, follow_redirects=False
    )
    assert found.status_code == 303
    for role in ("loading", "flag", "discharge"):
        signed = client.post(
            f"{url}/sign-off",
            data={
                **post,
                "role": role,
                "authority": "主管机关",
                "reference": f"R-{role}",
                "signed_on": "2024-05-01",
            },
            follow_redirects=False,
        )
        assert signed.status_code == 303, signed.text
    agreed = client.post(f"{url}/agree", data={**post, "note": "一致同意"}, follow_redirects=False)
    assert agreed.status_code == 303
    page = client.get(f"{url}?lang=en").text
    assert 'id="registry-entry"' in page and "imsbc_group-2" in page
    assert client.post(f"{url}/nope", data=post, headers=HTML).status_code == 422
