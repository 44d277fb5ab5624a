"""p22 pages without a browser: every route classified and guarded; the CSV upload (a mistake
shows the form again with what was typed and keeps nothing), a declaration's lines with the
hits and the officers' confirm and clear forms, the list and its new version form, the report
and its CSV, credit, another forwarder's 404 and Chinese pages."""

from __future__ import annotations

import csv
import io

from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.conftest import ApiClients, csrf_from, login
from tests.practices.cbec_key_items.helpers import API, POWER_BANK, declared, flagged
from tests.routes import api_routes

HTML = {"accept": "text/html"}
BASE = "/cbec-key-items"
PAGES = {
    "",
    "/rules",
    "/list",
    "/list/new",
    "/declarations",
    "/declarations.csv",
    "/declarations/new",
    "/declarations/{declaration_id}",
    "/lines/{line_id}/resolve",
    "/report",
    "/report.csv",
    "/credit",
}
APIS = {
    "/dashboard",
    "/rules",
    "/list",
    "/list/versions",
    "/screen",
    "/declarations",
    "/declarations.csv",
    "/declarations/{declaration_id}",
    "/declarations/{declaration_id}/history",
    "/lines/{line_id}/resolve",
    "/credit",
    "/violations",
    "/report",
    "/report.csv",
}
CSV = (
    "商品名称,规格型号,商品编码,数量,单位,重量,价值\n"
    "纯棉T恤,S-XL,6109100021,100,件,18,2900\n"
    "移动电源,10000mAh,8507600090,10,个,3,800\n"
)


def test_every_p22_route_is_classified_and_guarded(app: FastAPI) -> None:
    routes = [(p, r) for p, r in api_routes(app.routes) if "cbec-key-items" in p]
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


def test_upload_screens_and_officers_resolve(cbk: ApiClients, client: TestClient) -> None:
    login(client, "cbk.forwarder")
    token = csrf_from(client.get(f"{BASE}/declarations/new?lang=en").text)
    form = {"csrf_token": token, "entry_no": "4601202611249999", "ecommerce_code": "4501961234"}
    bad = client.post(
        f"{BASE}/declarations", data={**form, "lines": CSV.replace("6109100021", "9405209000")}
    )
    assert (
        bad.status_code == 422 and "row 2, hs_code" in bad.text and "4601202611249999" in bad.text
    )
    missing = client.post(f"{BASE}/declarations", data={**form, "lines": "item_name\nx"})
    assert missing.status_code == 422 and "missing column" in missing.text
    assert cbk.as_("cbk.forwarder").get(f"{API}/declarations").json()["total"] == 0
    good = client.post(
        f"{BASE}/declarations",
        data=form,
        files={"file": ("lines.csv", CSV.encode("utf-8-sig"), "text/csv")},
        follow_redirects=False,
    )
    assert good.status_code == 303, good.text
    page = client.get(good.headers["location"] + "?lang=en").text
    assert 'id="status">inspection<' in page and "KI-BAT-POWERBANK" in page and "KI-BAT-HS" in page
    assert "RT-HIT" in page and 'id="resolve-2"' not in page  # the forwarder cannot resolve
    zh = client.get(good.headers["location"] + "?lang=zh").text
    assert "待查验" in zh and "充电宝（移动电源）" in zh

    login(client, "cbk.railway")
    page = client.get(good.headers["location"] + "?lang=en").text
    assert 'id="resolve-2"' in page and 'id="resolve-1"' not in page
    made = cbk.as_("cbk.railway").get(f"{API}/declarations?q=4601202611249999").json()["items"][0]
    line_id = flagged(made)[0]["id"]
    token = csrf_from(page)
    no_kind = client.post(
        f"{BASE}/lines/{line_id}/resolve",
        data={"csrf_token": token, "event": "confirm", "note": "开箱"},
    )
    assert no_kind.status_code == 422 and "kind" in no_kind.text
    done = client.post(
        f"{BASE}/lines/{line_id}/resolve",
        data={"csrf_token": token, "event": "confirm", "kind": "carriage", "note": "开箱查验"},
        follow_redirects=False,
    )
    assert done.status_code == 303
    after = client.get(good.headers["location"] + "?lang=en").text
    assert 'id="status">violation<' in after and "railway:cbk.railway" in after
    credit = client.get(f"{BASE}/credit?lang=en").text
    assert "warning" in credit and "Nanning CrossLink" in credit


def test_lists_report_and_isolation(cbk: ApiClients, client: TestClient) -> None:
    mine = declared(cbk, POWER_BANK)
    other = declared(cbk, POWER_BANK, user="cbk.forwarder2", entry_no="4601202611240002")
    login(client, "cbk.forwarder")
    assert client.get(f"{BASE}/declarations/{other['id']}").status_code == 404
    own = client.get(f"{BASE}/declarations.csv").text
    assert mine["number"] in own and other["number"] not in own
    assert client.get(f"{BASE}/list/new").status_code == 403
    login(client, "cbk.customs")
    listed = client.get(f"{BASE}/declarations?size=1&lang=en").text
    assert 'rel="next"' in listed and "1 / 2 (2)" in listed
    found = client.get(f"{BASE}/declarations?q=4601202611240002").text
    assert other["number"] in found and mine["number"] not in found
    assert client.get(f"{BASE}/declarations?status=lost").status_code == 422
    exported = client.get(f"{BASE}/declarations.csv?status=inspection")
    rows = list(csv.DictReader(io.StringIO(exported.text.lstrip("\ufeff"))))
    assert sorted(r["number"] for r in rows) == sorted([mine["number"], other["number"]])
    report = client.get(f"{BASE}/report?month={mine['month']}&lang=en").text
    assert 'id="report-total"' in report and "battery" in report
    assert "合计 total" in client.get(f"{BASE}/report.csv?month={mine['month']}").text
    lists = client.get(f"{BASE}/list?lang=en").text
    assert "KI-ENT-WATCH" in lists and 'id="new-version"' in lists
    form = client.get(f"{BASE}/list/new?lang=en").text
    token = csrf_from(form)
    bad = client.post(f"{BASE}/list", data={"csrf_token": token, "document": "rules: [oops"})
    assert bad.status_code == 422 and "not YAML" in bad.text
    wrong = client.post(
        f"{BASE}/list",
        data={"csrf_token": token, "document": "effective_from: 2026-12-01\nrules: []"},
    )
    assert wrong.status_code == 422 and "rules" in wrong.text
    saved = client.post(
        f"{BASE}/list",
        data={
            "csrf_token": token,
            "document": (
                "effective_from: 2026-12-01\nrules:\n- {id: KI-ONLY, category: magnet,"
                " reason_zh: 磁铁, reason_en: magnets, source: 案例22, keywords: [磁铁]}\n"
            ),
        },
        follow_redirects=False,
    )
    assert saved.status_code == 303
    assert 'id="doc-version">v2<' in client.get(f"{BASE}/list").text
    for path in ("?lang=zh", "/rules?lang=en", "/credit?lang=zh", "/report?lang=zh"):
        assert client.get(BASE + path).status_code == 200, path
    dashboard = client.get(f"{BASE}?lang=zh").text
    assert "600" in dashboard and "0.5" in dashboard and "南宁" in dashboard
