"""p20 pages without a browser: every route classified and guarded; the application form (goods
one per line, typed values kept on a mistake, nothing kept), the assessment and revocation forms
on the pilot's page with the fired rows, the instruction form and the check forms by office, the
lists' search, filters, pages and CSV, another enterprise's 404, and Chinese pages."""

from __future__ import annotations

import csv
import io

from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.conftest import ApiClients, csrf_from, login
from tests.practices.two_stage_inspection.helpers import API, admitted, applied, issued
from tests.routes import api_routes

BASE = "/two-stage-inspection"
HTML = {"accept": "text/html"}
PAGES = {
    "", "/rules", "/pilots", "/pilots.csv", "/pilots/new", "/pilots/{pilot_id}",
    "/pilots/{pilot_id}/edit", "/pilots/{pilot_id}/assessment", "/pilots/{pilot_id}/revocation",
    "/instructions", "/instructions.csv", "/instructions/new", "/instructions/{instruction_id}",
    "/instructions/{instruction_id}/external-check",
    "/instructions/{instruction_id}/destination-check",
    "/instructions/{instruction_id}/port-inspection",
}  # fmt: skip
APIS = {
    "/dashboard", "/rules", "/pilots", "/pilots.csv", "/pilots/{pilot_id}",
    "/pilots/{pilot_id}/history", "/pilots/{pilot_id}/assessment", "/pilots/{pilot_id}/revocation",
    "/instructions", "/instructions.csv", "/instructions/{instruction_id}",
    "/instructions/{instruction_id}/checks", "/instructions/{instruction_id}/history",
    "/instructions/{instruction_id}/external-check",
    "/instructions/{instruction_id}/destination-check",
    "/instructions/{instruction_id}/port-inspection",
}  # fmt: skip
GOODS = (
    "3707.90, KrF光刻胶, 1加仑/瓶, light_proof, 6200000\n381800, 掺杂硅片, 12英寸, vacuum, 1000000"
)
FORM = {"contact": "关务部 王工", "business_scope": "光刻材料", "recommendation_ref": "苏推1号"}


def test_every_p20_route_is_classified_and_guarded(app: FastAPI) -> None:
    routes = [(p, r) for p, r in api_routes(app.routes) if "two-stage-inspection" in p]
    expected = {f"{BASE}{p}" for p in PAGES} | {f"{API}{p}" for p in APIS}
    assert {p for p, _ in routes} == expected
    for path, route in routes:
        names = {getattr(d.call, "__qualname__", "") for d in route.dependant.dependencies}
        assert any("require" in n for n in names), path
    anonymous = TestClient(app, raise_server_exceptions=False)
    for path, route in routes:
        if "GET" in route.methods and "{" not in path:
            answer = anonymous.get(path, headers=HTML, follow_redirects=False)
            assert answer.status_code in (303, 401), path


def test_application_form_assessment_and_revocation(tsi: ApiClients, client: TestClient) -> None:
    login(client, "tsi.ent")
    token = csrf_from(client.get(f"{BASE}/pilots/new?lang=en").text)
    bad = client.post(f"{BASE}/pilots", data={**FORM, "csrf_token": token,
                                              "goods": "8541.40, 芯片, x, vacuum, 1"})  # fmt: skip
    assert bad.status_code == 422 and "8541.40" in bad.text and "苏推1号" in bad.text
    line = client.post(f"{BASE}/pilots", data={**FORM, "csrf_token": token, "goods": "370790, x"})
    assert line.status_code == 422 and "line 1" in line.text
    assert tsi.as_("tsi.ent").get(f"{API}/pilots").json()["total"] == 0
    good = client.post(f"{BASE}/pilots", follow_redirects=False,
                       data={**FORM, "csrf_token": token, "goods": GOODS})  # fmt: skip
    assert good.status_code == 303
    where = good.headers["location"]
    page = client.get(f"{where}?lang=en").text
    assert 'id="status">applied<' in page and "GD-LIGHT-PROOF" in page and "edit-link" in page
    assert "assessment-form" not in page
    edit = client.get(f"{where}/edit?lang=en").text
    assert "370790, KrF光刻胶, 1加仑/瓶, light_proof, 6200000.00" in edit
    zh = client.get(f"{where}?lang=zh").text
    assert "已申请" in zh and "防光包装" in zh

    login(client, "tsi.sip")
    page = client.get(f"{where}?lang=en").text
    assert "assessment-form" in page and "edit-link" not in page
    token = csrf_from(page)
    wrong = client.post(f"{where}/assessment", data={
        "csrf_token": token, "credit_level": "platinum", "supply_chain": "traceable",
        "seizures_3y": "0", "local_recommended": "on"})  # fmt: skip
    assert wrong.status_code == 422 and "credit_level" in wrong.text
    sent = client.post(f"{where}/assessment", follow_redirects=False, data={
        "csrf_token": token, "credit_level": "general_credit", "supply_chain": "traceable",
        "seizures_3y": "0", "local_recommended": "on"})  # fmt: skip
    assert sent.status_code == 303
    after = client.get(f"{where}?lang=en").text
    assert 'id="status">admitted<' in after and "AD-CREDIT-GENERAL" in after
    assert "revocation-form" in after
    blank = {"csrf_token": token, "violation": "smuggling", "note": ""}
    empty = client.post(f"{where}/revocation", data=blank)
    assert empty.status_code == 422 and "note" in empty.text
    revoked = client.post(f"{where}/revocation", follow_redirects=False, data={
        "csrf_token": token, "violation": "smuggling", "note": "走私"})  # fmt: skip
    assert revoked.status_code == 303
    final = client.get(f"{where}?lang=en").text
    assert 'id="status">revoked<' in final and 'id="blocked-until"' in final
    assert "VI-SMUGGLING" in final and "revoke the pilot" in final


def test_instruction_pages_by_office(tsi: ApiClients, client: TestClient) -> None:
    admitted(tsi)
    login(client, "tsi.pvg")
    form = client.get(f"{BASE}/instructions/new?lang=en").text
    token = csrf_from(form)
    fields = {"csrf_token": token, "enterprise": "tsi-ent-photo", "entry_no": "221820261000000009",
              "tariff_code": "3707900000", "goods_name": "KrF光刻胶", "quantity": "40",
              "unit": "瓶", "value_usd": "186000", "requirements": "开箱检查",
              "arrived_on": "2026-11-16", "port_office": "tsi-port-pvg",
              "destination_office": "tsi-dest-sip"}  # fmt: skip
    bad = client.post(f"{BASE}/instructions", data={**fields, "entry_no": "12"})
    assert bad.status_code == 422 and "entry_no" in bad.text and "KrF光刻胶" in bad.text
    made = client.post(f"{BASE}/instructions", data=fields, follow_redirects=False)
    assert made.status_code == 303
    where = made.headers["location"]
    page = client.get(f"{where}?lang=en").text
    assert 'id="status">issued<' in page and "RT-TWO-STAGE" in page and "external-form" in page
    sent = client.post(f"{where}/external-check", follow_redirects=False, data={
        "csrf_token": token, "labels_ok": "on", "name_ok": "on", "spec_ok": "on",
        "quantity_ok": "on", "packing_intact": "on", "checked_on": "2026-11-16"})  # fmt: skip
    assert sent.status_code == 303
    page = client.get(f"{where}?lang=en").text
    assert 'id="status">routed<' in page and "EC-CLEAR" in page and "result-form" not in page
    login(client, "tsi.sip")
    page = client.get(f"{where}?lang=en").text
    assert "result-form" in page and "destination-check" in page
    token = csrf_from(page)
    future = client.post(f"{where}/destination-check", data={
        "csrf_token": token, "conform": "yes", "checked_on": "2099-01-01"})  # fmt: skip
    assert future.status_code == 422 and "checked_on" in future.text
    done = client.post(f"{where}/destination-check", follow_redirects=False,
                       data={"csrf_token": token, "conform": "yes"})  # fmt: skip
    assert done.status_code == 303
    assert 'id="status">closed<' in client.get(f"{where}?lang=en").text
    zh = client.get(f"{where}?lang=zh").text
    assert "已办结" in zh and "口岸外观查验" in zh


def test_lists_filters_pages_exports_and_isolation(tsi: ApiClients, client: TestClient) -> None:
    mine = admitted(tsi)
    other = applied(tsi, "tsi.ent2")
    for _ in range(3):
        issued(tsi)
    login(client, "tsi.pvg")
    listed = client.get(f"{BASE}/pilots?status=admitted&lang=en").text
    assert mine["number"] in listed and other["number"] not in listed
    found = client.get(f"{BASE}/pilots?q=掺杂硅片").text
    assert mine["number"] in found and other["number"] in found
    first = client.get(f"{BASE}/instructions?size=2&lang=en").text
    assert 'rel="next"' in first and "1 / 2 (3)" in first
    assert client.get(f"{BASE}/instructions?status=lost").status_code == 422
    exported = client.get(f"{BASE}/pilots.csv?status=admitted")
    rows = list(csv.DictReader(io.StringIO(exported.text.lstrip("\ufeff"))))
    assert [(r["number"], r["eligible_goods"]) for r in rows] == [(mine["number"], "2")]
    instructions = client.get(f"{BASE}/instructions.csv").text
    assert instructions.count("KrF光刻胶") == 3
    login(client, "tsi.ent2")
    assert client.get(f"{BASE}/pilots/{mine['id']}").status_code == 404
    assert client.get(f"{BASE}/pilots/{mine['id']}/edit").status_code == 404
    assert "KrF" not in client.get(f"{BASE}/instructions.csv").text
    for path in (f"{BASE}?lang=zh", f"{BASE}/rules?lang=en", f"{BASE}/instructions?lang=zh"):
        assert client.get(path).status_code == 200, path
    dashboard = client.get(f"{BASE}?lang=en").text
    assert "48,000,000" in dashboard and "new-pilot" in dashboard
    rules = client.get(f"{BASE}/rules?lang=en").text
    assert "AD-HISTORY-SEIZED" in rules and "stateDiagram-v2" in rules
