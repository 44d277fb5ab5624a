"""p06 pages without a browser: every route classified and guarded; the workbench; the search
page; the importer's batch form (typed values kept on a mistake, nothing kept); the batch page
with its risk view and the result form; another importer's 404; the upload form; the cases
page; CSV; Chinese pages."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.conftest import ApiClients, csrf_from, login
from tests.practices.hs_inspection.conftest import API, declared
from tests.routes import api_routes

PAGES = {
    "", "/lookup", "/rules", "/batches", "/batches.csv", "/batches/new", "/batches/{batch_id}",
    "/batches/{batch_id}/result", "/records", "/imports", "/cases", "/batches/{batch_id}/edit",
    "/records.csv",
}  # fmt: skip
APIS = {
    "/dashboard", "/rules", "/lookup", "/records", "/records/{record_id}", "/imports/{source}",
    "/imports", "/batches", "/batches.csv", "/batches/{batch_id}", "/batches/{batch_id}/risk",
    "/batches/{batch_id}/result", "/batches/{batch_id}/history", "/cases", "/records.csv",
}  # fmt: skip
FORM = {"hs_code": "8516310000", "product": "电吹风", "quantity": "50",
        "arrival_date": "2026-11-24", "brand": "Aerolux"}  # fmt: skip


def test_every_route_is_classified_and_guarded(app: FastAPI) -> None:
    routes = [(p, r) for p, r in api_routes(app.routes) if "hs-inspection" in p]
    expected = {f"/hs-inspection{p}" for p in PAGES} | {f"{API}{p}" for p in APIS}
    assert {p for p, _ in routes} == expected
    for path, route in routes:
        names = {getattr(d.call, "__qualname__", "") for d in route.dependant.dependencies}
        assert any("require" in n for n in names), path
    anonymous = TestClient(app, raise_server_exceptions=False)
    for path, route in routes:
        if "GET" in route.methods and "{" not in path:
            answer = anonymous.get(path, headers={"accept": "text/html"}, follow_redirects=False)
            assert answer.status_code in (303, 401), path


def test_batch_form_risk_view_and_result(hs: ApiClients, client: TestClient) -> None:
    login(client, "hs.importer")
    token = csrf_from(client.get("/hs-inspection/batches/new?lang=en").text)
    bad = client.post("/hs-inspection/batches",
                      data={**FORM, "csrf_token": token, "hs_code": "8516999999"})  # fmt: skip
    assert bad.status_code == 422 and "hs_code" in bad.text and "Aerolux" in bad.text
    assert hs.as_("hs.importer").get(f"{API}/batches").json()["total"] == 0
    good = client.post("/hs-inspection/batches", follow_redirects=False,
                       data={**FORM, "csrf_token": token})  # fmt: skip
    assert good.status_code == 303
    url = good.headers["location"]
    page = client.get(url + "?lang=en").text
    assert 'id="status">pending<' in page and "result-form" not in page and "risk-level" not in page
    edit = client.get(url + "/edit?lang=en").text
    assert 'value="8516310000"' in edit and "edit-link" in page
    bad_edit = client.post(url + "/edit", data={**FORM, "csrf_token": token, "quantity": "0"})
    assert bad_edit.status_code == 422 and "quantity" in bad_edit.text
    edited = client.post(url + "/edit", follow_redirects=False,
                         data={**FORM, "csrf_token": token, "brand": "Bellavita"})  # fmt: skip
    assert edited.status_code == 303 and "Bellavita" in client.get(url).text
    other = declared(hs, "hs.importer2")
    assert client.get(f"/hs-inspection/batches/{other['id']}").status_code == 404
    assert client.get(f"/hs-inspection/batches/{other['id']}/edit").status_code == 404
    assert client.get("/hs-inspection/lookup?q=8516").status_code == 403

    login(client, "hs.officer")
    page = client.get(url + "?lang=en").text
    assert "result-form" in page and 'id="count-nonconformity">2<' in page
    assert "GB 4706.1-2005" in page and "SEV-SHOCK" in page
    token = csrf_from(page)
    wrong = client.post(
        url + "/result",
        data={
            "csrf_token": token,
            "result": "nonconforming",
            "action_taken": "lab_test",
            "risk_type": "fire",
        },
    )
    assert wrong.status_code == 422 and "defect" in wrong.text
    done = client.post(url + "/result", follow_redirects=False,
                       data={"csrf_token": token, "result": "nonconforming",
                             "action_taken": "lab_test", "risk_type": "fire",
                             "defect": "温升超标", "confirm_case": "on"})  # fmt: skip
    assert done.status_code == 303
    after = client.get(url + "?lang=en").text
    assert 'id="status">inspected<' in after and 'id="ledger"' in after and "new-record" in after
    zh = client.get(url + "?lang=zh").text
    assert "已检验" in zh and "不合格" in zh
    cases = client.get("/hs-inspection/cases?lang=en").text
    assert "温升超标" in cases or "电吹风" in cases


def test_workbench_lookup_lists_and_csv(hs: ApiClients, client: TestClient) -> None:
    for _ in range(3):
        declared(hs)
    login(client, "hs.officer")
    bench = client.get("/hs-inspection?lang=en").text
    assert 'id="pending">3<' in bench and "risk-view" in bench
    found = client.get("/hs-inspection/lookup?q=851631&lang=en").text
    assert "A12/00001/25" in found and 'id="risk-level"' in found
    bad = client.get("/hs-inspection/lookup?q=9999&lang=en")
    assert bad.status_code == 422 and "does not exist" in bad.text
    listed = client.get("/hs-inspection/batches?size=2&lang=en").text
    assert 'rel="next"' in listed and "1 / 2 (3)" in listed
    assert client.get("/hs-inspection/batches?status=lost").status_code == 422
    records = client.get("/hs-inspection/records?source=overseas_notification&lang=en").text
    assert "A12/00001/25" in records and "NC-T-1" not in records
    assert 'id="export-records"' in records
    exported = client.get("/hs-inspection/records.csv?source=overseas_notification").text
    assert "A12/00001/25" in exported and "NC-T-1" not in exported
    csv = client.get("/hs-inspection/batches.csv")
    assert csv.headers["content-type"].startswith("text/csv") and csv.text.count("\n") == 4
    assert client.get("/hs-inspection/imports").status_code == 403
    zh = client.get("/hs-inspection?lang=zh").text
    assert "今日待检批次" in zh and "检出率" in zh


def test_upload_and_case_forms(hs: ApiClients, client: TestClient) -> None:
    login(client, "admin")
    token = csrf_from(client.get("/hs-inspection/imports?lang=en").text)
    content = (
        "return_no,hs_code,record_date,product,country,risk_type,defect\n"
        "TH-W-1,8471300000,2025-03-01,便携式电脑,Japan,fire,电池鼓包\n"
    ).encode()
    sent = client.post("/hs-inspection/imports", follow_redirects=False,
                       data={"csrf_token": token, "source": "export_return"},
                       files={"file": ("r.csv", content, "text/csv")})  # fmt: skip
    assert sent.status_code == 303
    page = client.get("/hs-inspection/imports?lang=en").text
    assert "r.csv" in page
    bad = client.post(
        "/hs-inspection/imports",
        data={"csrf_token": token, "source": "export_return"},
        files={"file": ("r.csv", content.replace(b"fire", b"heat"), "text/csv")},
    )
    assert bad.status_code == 422 and "risk_type" in bad.text
    login(client, "hs.officer")
    token = csrf_from(client.get("/hs-inspection/cases?lang=en").text)
    missing = client.post("/hs-inspection/cases", data={"csrf_token": token,
                          "record_id": "nope", "title": "测试案例"})  # fmt: skip
    assert missing.status_code == 422 and "测试案例" in missing.text
    rec = hs.as_("hs.officer").get(f"{API}/records", params={"q": "TH-W-1"}).json()["items"][0]
    made = client.post(
        "/hs-inspection/cases",
        follow_redirects=False,
        data={"csrf_token": token, "record_id": rec["id"], "title": "电脑电池鼓包"},
    )
    assert made.status_code == 303
    assert "电脑电池鼓包" in client.get("/hs-inspection/cases").text
