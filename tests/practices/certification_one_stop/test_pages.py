"""p28 pages without a browser: every route guarded (the verification page is public); the
application form showing bad input again (422, typed values kept, nothing saved); a file's page
through the three steps with the roles' forms; the list's filters, CSV export and scoping; the
standards watch, standards and cooperation pages in both languages."""

from __future__ import annotations

import csv
import io

from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.conftest import ApiClients, csrf_from, login
from tests.practices.certification_one_stop.conftest import (
    API,
    make_submitted,
    make_tested,
    sha,
)
from tests.routes import api_routes

BASE = "/certification-one-stop"
HTML = {"accept": "text/html"}
PUBLIC = {f"{BASE}/verify", f"{API}/verify"}


def test_every_route_is_guarded(app: FastAPI) -> None:
    routes = [(p, r) for p, r in api_routes(app.routes) if "certification-one-stop" in p]
    assert len(routes) >= 40
    anonymous = TestClient(app, raise_server_exceptions=False)
    for path, route in routes:
        names = {getattr(d.call, "__qualname__", "") for d in route.dependant.dependencies}
        assert any("require" in n for n in names), path
        if "GET" in route.methods and "{" not in path and path not in PUBLIC:
            answer = anonymous.get(path, headers=HTML, follow_redirects=False)
            assert answer.status_code in (303, 401), path
    assert anonymous.get(f"{BASE}/verify?lang=en").status_code == 200


def test_application_form_shows_bad_input_again(co: ApiClients, client: TestClient) -> None:
    login(client, "co.ent.a")
    page = client.get(f"{BASE}/applications/new?lang=en")
    assert page.status_code == 200 and "apply-form" in page.text
    token = csrf_from(page.text)
    form = {
        "csrf_token": token,
        "scheme": "MY-SIRIM",
        "product": "Fridge",
        "model": "F-1",
        "hs_code": "8499",
        "trade_value_cny": "1000",
    }
    bad = client.post(f"{BASE}/applications?lang=en", data=form)
    assert bad.status_code == 422
    assert "heading 8499 does not exist in HS 2022" in bad.text and 'value="F-1"' in bad.text
    assert co.as_("co.ent.a").get(f"{API}/applications").json()["total"] == 0
    good = client.post(
        f"{BASE}/applications", data={**form, "hs_code": "841821"}, follow_redirects=False
    )
    assert good.status_code == 303
    detail = good.headers["location"]
    shown = client.get(f"{detail}?lang=en")
    assert 'id="application-status">draft<' in shown.text and "document-form" in shown.text
    assert 'id="submit-application" disabled' in shown.text
    bad_edit = client.post(f"{detail}/edit", data={**form, "hs_code": "0000"})
    assert bad_edit.status_code == 422 and 'id="edit" open' in bad_edit.text
    assert "chapter 00 does not exist in HS 2022" in bad_edit.text
    edited = client.post(
        f"{detail}/edit", data={**form, "hs_code": "841829", "model": "F-2"}, follow_redirects=False
    )
    assert edited.status_code == 303
    assert 'id="hs-code">841829<' in client.get(f"{detail}?lang=en").text
    wrong = client.post(
        f"{detail}/documents",
        data={"csrf_token": token, "kind": "business_licence", "filename": "b.pdf", "sha256": "zz"},
    )
    assert wrong.status_code == 422 and "sha256" in wrong.text
    early = client.post(f"{detail}/event", data={"csrf_token": token, "event": "submit"})
    assert early.status_code == 422 and "documents missing before submission" in early.text
    app_id = detail.rsplit("/", 1)[1]
    required = co.as_("co.ent.a").get(f"{API}/applications/{app_id}").json()["required_documents"]
    for kind in required:
        done = client.post(
            f"{detail}/documents",
            follow_redirects=False,
            data={
                "csrf_token": token,
                "kind": kind,
                "filename": f"{kind}.pdf",
                "sha256": sha(kind),
            },
        )
        assert done.status_code == 303
    sent = client.post(
        f"{detail}/event", data={"csrf_token": token, "event": "submit"}, follow_redirects=False
    )
    assert sent.status_code == 303
    assert 'id="application-status">submitted<' in client.get(f"{detail}?lang=en").text
    login(client, "co.ent.b")
    assert client.get(detail, headers=HTML).status_code == 404


def test_laboratory_and_partner_forms(co: ApiClients, client: TestClient) -> None:
    app = make_submitted(co)
    detail = f"{BASE}/applications/{app['id']}"
    login(client, "co.lab")
    page = client.get(f"{detail}?lang=en")
    assert "accept-form" in page.text and "test-form" not in page.text
    token = csrf_from(page.text)
    client.post(f"{detail}/event", data={"csrf_token": token, "event": "accept"})
    page = client.get(f"{detail}?lang=en")
    assert "test-form" in page.text and "conclude-form" in page.text
    missing = client.post(
        f"{detail}/tests",
        data={"csrf_token": token, "test_code": "safety", "report_sha256": sha("r")},
    )
    assert missing.status_code == 422 and "say whether the test passed" in missing.text
    for code in ("safety", "energy", "emc"):
        done = client.post(
            f"{detail}/tests",
            follow_redirects=False,
            data={
                "csrf_token": token,
                "test_code": code,
                "passed": "yes",
                "findings": "ok",
                "report_sha256": sha(code),
            },
        )
        assert done.status_code == 303
    client.post(f"{detail}/conclude", data={"csrf_token": token, "note": ""})
    login(client, "co.sirim")
    page = client.get(f"{detail}?lang=en")
    assert 'id="application-status">tested<' in page.text and "issue-form" in page.text
    token = csrf_from(page.text)
    refused = client.post(
        f"{detail}/event", data={"csrf_token": token, "event": "refuse", "note": ""}
    )
    assert refused.status_code == 422 and "give the reason for the refusal" in refused.text
    client.post(f"{detail}/event", data={"csrf_token": token, "event": "issue", "note": ""})
    page = client.get(f"{detail}?lang=en")
    assert 'id="application-status">issued<' in page.text and 'id="verification-code"' in page.text
    assert 'id="sla-status">met<' in page.text
    code = (
        co.as_("co.ent.a")
        .get(f"{API}/applications/{app['id']}")
        .json()["certificate"]["verification_code"]
    )
    public = TestClient(client.app, raise_server_exceptions=False)
    checked = public.get(f"{BASE}/verify?lang=en&code={code.replace('-', '').lower()}")
    assert checked.status_code == 200 and "<strong>valid</strong>" in checked.text
    wrong = public.get(f"{BASE}/verify?lang=en&code=ZZZZ-ZZZZ-ZZZZ")
    assert (
        wrong.status_code == 422 and "no certificate carries this verification code" in wrong.text
    )


def test_list_filters_csv_and_scoping(co: ApiClients, client: TestClient) -> None:
    mine = make_submitted(co)
    make_tested(co, fail="safety")
    theirs = make_submitted(
        co,
        {
            "scheme": "KE-PVOC",
            "product": "加碘盐",
            "model": "S1",
            "hs_code": "250100",
            "trade_value_cny": "90000",
        },
        user="co.ent.b",
    )
    login(client, "co.ent.a")
    listing = client.get(f"{BASE}/applications?lang=en")
    assert mine["number"] in listing.text and theirs["number"] not in listing.text
    failed = client.get(f"{BASE}/applications?status=failed&lang=en")
    assert mine["number"] not in failed.text and "failed" in failed.text
    exported = client.get(f"{BASE}/applications.csv?status=submitted")
    assert exported.headers["content-type"].startswith("text/csv"), exported.text
    rows = list(csv.DictReader(io.StringIO(exported.text.lstrip("\ufeff"))))
    assert [r["number"] for r in rows] == [mine["number"]]
    assert rows[0]["sla_status"] == "on_track" and rows[0]["scheme"] == "MY-SIRIM"
    login(client, "co.lab")
    every = client.get(f"{BASE}/applications.csv")
    numbers = {r["number"] for r in csv.DictReader(io.StringIO(every.text.lstrip("\ufeff")))}
    assert {mine["number"], theirs["number"]} <= numbers
    by_scheme = client.get(f"{BASE}/applications?scheme=KE-PVOC&lang=en").text
    assert theirs["number"] in by_scheme and mine["number"] not in by_scheme


def test_watch_standards_and_projects_pages(co: ApiClients, client: TestClient) -> None:
    login(client, "co.ent.a")
    page = client.get(f"{BASE}/watch?lang=en")
    token = csrf_from(page.text)
    bad = client.post(
        f"{BASE}/watch/subscriptions", data={"csrf_token": token, "kind": "hs", "value": "99"}
    )
    assert bad.status_code == 422 and "chapter 99 does not exist in HS 2022" in bad.text
    ok = client.post(
        f"{BASE}/watch/subscriptions",
        follow_redirects=False,
        data={"csrf_token": token, "kind": "hs", "value": "8418"},
    )
    assert ok.status_code == 303
    login(client, "co.standards")
    page = client.get(f"{BASE}/standards?lang=en")
    assert "standard-form" in page.text
    token = csrf_from(page.text)
    form = {
        "csrf_token": token,
        "number": "MS PAGE 1",
        "country": "MY",
        "body": "DSM",
        "mandatory": "yes",
        "version": "1",
        "title": "冰箱",
        "hs_codes": "8418",
        "products": "冰箱、refrigerator",
        "effective_on": "2024-01-01",
        "text": "1 范围 冰箱。\n2 限值 450。",
    }
    missing = client.post(f"{BASE}/standards", data={**form, "text": ""})
    assert missing.status_code == 422 and 'value="MS PAGE 1"' in missing.text
    made = client.post(f"{BASE}/standards", data=form, follow_redirects=False)
    assert made.status_code == 303
    standard = made.headers["location"]
    again = client.post(
        f"{standard}/versions",
        follow_redirects=False,
        data={**form, "version": "2", "text": "1 范围 冰箱。\n2 限值 420。"},
    )
    assert again.status_code == 303
    shown = client.get(f"{standard}?lang=en").text
    assert "450 → 420" in shown and "version-form" in shown
    login(client, "co.ent.a")
    notices = client.get(f"{BASE}/watch?lang=en")
    assert notices.text.count("notice-item unread") == 2 and "2 changed: 450 → 420" in notices.text
    for path in ("", "/schemes", "/statistics", "/standards", "/projects", "/watch"):
        for lang in ("zh", "en"):
            assert client.get(f"{BASE}{path}?lang={lang}").status_code == 200, path
    assert "认证与标准国际合作" in client.get(f"{BASE}?lang=zh").text
    login(client, "co.standards")
    token = csrf_from(client.get(f"{BASE}/projects").text)
    project = client.post(
        f"{BASE}/projects",
        follow_redirects=False,
        data={
            "csrf_token": token,
            "code": "SC-PAGE",
            "title": "冰箱分级",
            "country": "MY",
            "subject": "分级标准",
            "started_on": "2023-01-01",
            "partner_name": "SIRIM",
            "partner_country": "MY",
            "partner_role": "标准机构",
        },
    )
    assert project.status_code == 303
    where = project.headers["location"]
    moved = client.post(
        f"{where}/stage",
        follow_redirects=False,
        data={"csrf_token": token, "event": "form_group", "outcome": ""},
    )
    assert moved.status_code == 303
    no_outcome = client.post(f"{where}/stage", data={"csrf_token": token, "event": "abandon"})
    assert no_outcome.status_code == 422 and "state the outcome" in no_outcome.text
    assert 'id="project-stage">working group<' in client.get(f"{where}?lang=en").text
    assert 'id="project-stage">工作组阶段<' in client.get(f"{where}?lang=zh").text
