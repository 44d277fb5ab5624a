"""p13 pages without a browser: every route classified and guarded; the declaration form (the
typed values kept on a mistake, vehicles one per line), the list's search, filters, pages and
CSV, another shipper's 404, the inspection and arrival forms by office, and Chinese pages."""

from __future__ import annotations

import csv
import io

from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.conftest import ApiClients, csrf_from, login
from tests.practices.nev_containers.helpers import API, box, certified, declared
from tests.routes import api_routes

HTML = {"accept": "text/html"}
PAGES = {
    "",
    "/rules",
    "/declarations",
    "/declarations.csv",
    "/declarations/new",
    "/declarations/{declaration_id}",
    "/declarations/{declaration_id}/edit",
    "/declarations/{declaration_id}/events",
    "/declarations/{declaration_id}/inspection",
    "/declarations/{declaration_id}/arrival",
    "/declarations/{declaration_id}/reinspection",
}
APIS = {
    "/dashboard",
    "/rules",
    "/classify",
    "/declarations",
    "/declarations.csv",
    "/declarations/{declaration_id}",
    "/declarations/{declaration_id}/events",
    "/declarations/{declaration_id}/inspections",
    "/declarations/{declaration_id}/history",
    "/declarations/{declaration_id}/inspection",
    "/declarations/{declaration_id}/arrival",
    "/declarations/{declaration_id}/reinspection",
}
FORM = {
    "batch_no": "CQ-QZ-W-001",
    "container_type": "45G1",
    "origin": "chongqing_guoyuan",
    "transit_port": "qinzhou",
    "destination": "Laem Chabang",
    "origin_office": "nev-msa-cq",
    "transit_office": "nev-msa-qz",
    "packing_site": "鱼复装箱场",
    "sea_date": "2026-12-20",
    "vehicles": (
        "LWEBX000000000001, 深蓝SL03, bev_li_ion, 58.1\nLWEBX000000000002, 问界M5, phev_liquid, 40"
    ),
}


def test_every_p13_route_is_classified_and_guarded(app: FastAPI) -> None:
    routes = [(p, r) for p, r in api_routes(app.routes) if "nev-containers" in p]
    expected = {f"/nev-containers{p}" for p in PAGES} | {f"{API}{p}" for p in APIS}
    assert {p for p, _ in routes} == expected
    for path, route in routes:
        names = {getattr(d.call, "__qualname__", "") for d in route.dependant.dependencies}
        assert any("require" in n for n in names), path
    anonymous = TestClient(app, raise_server_exceptions=False)
    for path, route in routes:
        if "GET" in route.methods and "{" not in path:
            answer = anonymous.get(path, headers=HTML, follow_redirects=False)
            assert answer.status_code in (303, 401), path


def test_declaration_form_keeps_what_was_typed(nev: ApiClients, client: TestClient) -> None:
    login(client, "nev.shipper")
    token = csrf_from(client.get("/nev-containers/declarations/new?lang=en").text)
    bad = client.post(
        "/nev-containers/declarations",
        data={**FORM, "csrf_token": token, "container_no": "CSQU3054384"},
    )
    assert bad.status_code == 422 and "container_no" in bad.text and "CQ-QZ-W-001" in bad.text
    line = client.post(
        "/nev-containers/declarations",
        data={**FORM, "csrf_token": token, "container_no": box(7), "vehicles": "LWEBX0001, x"},
    )
    assert line.status_code == 422 and "line 1" in line.text
    assert nev.as_("nev.shipper").get(f"{API}/declarations").json()["total"] == 0
    good = client.post(
        "/nev-containers/declarations",
        follow_redirects=False,
        data={**FORM, "csrf_token": token, "container_no": box(7)},
    )
    assert good.status_code == 303
    page = client.get(good.headers["location"] + "?lang=en").text
    assert 'id="status">declared<' in page and "UN3556" in page and "SP-962" in page
    assert "edit-link" in page and "inspection-form" not in page
    edit = client.get(good.headers["location"] + "/edit?lang=en").text
    assert "LWEBX000000000002, 问界M5, phev_liquid, 40" in edit
    zh = client.get(good.headers["location"] + "?lang=zh").text
    assert "已申报" in zh and "联合国编号" in zh

    login(client, "nev.cq")  # the origin office sees the checklist form
    page = client.get(good.headers["location"] + "?lang=en").text
    assert "inspection-form" in page and "edit-link" not in page
    token = csrf_from(page)
    sent = client.post(
        good.headers["location"] + "/inspection",
        follow_redirects=False,
        data={"csrf_token": token, "no_leakage": "on"},
    )
    assert sent.status_code == 303
    after = client.get(good.headers["location"] + "?lang=en").text
    assert 'id="status">rectifying<' in after and "CK-TERMINALS" in after


def test_list_filters_pages_exports_and_isolation(nev: ApiClients, client: TestClient) -> None:
    for serial in range(1, 4):
        declared(nev, serial)
    other = declared(nev, 9, user="nev.shipper2")
    done = certified(nev, 4)
    login(client, "nev.qz")
    certified_only = client.get("/nev-containers/declarations?status=certified&lang=en").text
    assert done["container_no"] in certified_only and box(1) not in certified_only
    by_vin = client.get("/nev-containers/declarations?q=LTEST000000000002").text
    assert box(2) in by_vin and box(1) not in by_vin
    first = client.get("/nev-containers/declarations?size=2&lang=en").text
    assert 'rel="next"' in first and "1 / 3 (5)" in first
    assert client.get("/nev-containers/declarations?status=lost").status_code == 422
    page = client.get(f"/nev-containers/declarations/{done['id']}?lang=en").text
    assert "arrival-form" in page
    exported = client.get("/nev-containers/declarations.csv?status=certified")
    rows = list(csv.DictReader(io.StringIO(exported.text.lstrip("\ufeff"))))
    assert [(r["container_no"], r["status"]) for r in rows] == [(done["container_no"], "certified")]
    login(client, "nev.shipper")
    assert client.get(f"/nev-containers/declarations/{other['id']}").status_code == 404
    assert client.get(f"/nev-containers/declarations/{other['id']}/edit").status_code == 404
    own = client.get("/nev-containers/declarations.csv").text
    assert box(1) in own and box(9) not in own
    for path in ("/nev-containers?lang=zh", "/nev-containers/rules?lang=en"):
        assert client.get(path).status_code == 200
    assert "479" in client.get("/nev-containers").text


def test_declaration_shows_the_rail_to_sea_journey_on_a_map(
    nev: ApiClients, client: TestClient
) -> None:
    made = declared(nev, 5)
    login(client, "nev.shipper")
    page = client.get(f"/nev-containers/declarations/{made['id']}?lang=zh").text
    assert 'id="journey-map"' in page and '<path d="M' in page
    assert "钦州" in page and "一次申报，铁海全程" in page
    assert "<title>铁路</title>" in page  # the leg is the rail line planned on the network
