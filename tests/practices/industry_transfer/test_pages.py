"""p23 pages without a browser: every route guarded; the registration form shows what was typed
with the message (422) and saves nothing; the project page (stage form, where it is counted,
sharing, reports with the rule rows, history) and its report form; the region report and the
roll-up with their CSVs; the dashboard, parks, agreements and rules pages in both languages."""

from __future__ import annotations

import csv
import io

from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.conftest import ApiClients, csrf_from, login
from tests.practices.industry_transfer.conftest import API, operating_project, report
from tests.routes import api_routes

HTML = {"accept": "text/html"}


def test_every_route_is_guarded(app: FastAPI) -> None:
    routes = [(p, r) for p, r in api_routes(app.routes) if "industry-transfer" in p]
    assert len(routes) >= 35
    for path, route in routes:
        names = {getattr(d.call, "__qualname__", "") for d in route.dependant.dependencies}
        assert any("require" in n for n in names), path
    anonymous = TestClient(app, raise_server_exceptions=False)
    for path, route in routes:
        if "GET" in route.methods and "{" not in path:
            answer = anonymous.get(path, headers=HTML, follow_redirects=False)
            assert answer.status_code in (303, 401), path


def test_register_form_keeps_what_was_typed(it: ApiClients, client: TestClient) -> None:
    login(client, "it.lingang")
    page = client.get("/industry-transfer/projects?lang=en")
    assert page.status_code == 200 and 'id="register-form"' in page.text
    token = csrf_from(page.text)
    form = {
        "csrf_token": token,
        "agreement": "SH-KM-2022-01",
        "code": "T-PAGE-001",
        "name": "页面项目",
        "enterprise": "页面企业有限公司",
        "industry_code": "C27",
        "intention_on": "2024-02-02",
        "planned_investment": "abc",
    }
    bad = client.post("/industry-transfer/projects", data=form)
    assert bad.status_code == 422 and 'role="alert"' in bad.text
    assert "T-PAGE-001" in bad.text and "planned_investment" in bad.text
    assert it.as_("it.stats").get(f"{API}/projects", params={"q": "T-PAGE"}).json()["total"] == 0
    good = client.post(
        "/industry-transfer/projects",
        data={**form, "planned_investment": "9000000"},
        follow_redirects=False,
    )
    assert good.status_code == 303
    detail = client.get(good.headers["location"] + "?lang=en")
    assert 'id="stage-form"' in detail.text and "intention" in detail.text
    # A receiving-only park sees no registration form: it sponsors no agreement.
    login(client, "it.mohan")
    assert 'id="register-form"' not in client.get("/industry-transfer/projects").text


def test_project_page_stage_and_report_forms(it: ApiClients, client: TestClient) -> None:
    project = operating_project(it, "T-PAGE-002")
    login(client, "it.kunming")
    url = f"/industry-transfer/projects/{project['id']}"
    page = client.get(url + "?lang=en")
    assert 'id="report-form"' in page.text and 'id="counted-in"' in page.text
    assert "ACC-MAIN-SPONSOR" in page.text and "ACC-INV-RECEIVING" in page.text
    token = csrf_from(page.text)
    wrong = client.post(
        f"{url}/reports",
        data={
            "csrf_token": token,
            "period": "2024-Q3",
            "output_value": "10",
            "tax": "0",
            "employment": "0",
            "investment_completed": "0",
        },
    )
    assert wrong.status_code == 422 and "REP-CONSTRUCTION-OUTPUT" in wrong.text
    assert 'value="2024-Q3"' in wrong.text
    done = client.post(
        f"{url}/reports",
        data={
            "csrf_token": token,
            "period": "2025-Q1",
            "output_value": "1000000",
            "tax": "50000",
            "employment": "40",
            "investment_completed": "0",
        },
        follow_redirects=False,
    )
    assert done.status_code == 303
    after = client.get(url + "?lang=en")
    assert 'id="report-2025-Q1"' in after.text and "REP-OPERATION" in after.text
    assert 'id="history"' in after.text
    login(client, "it.lingang")  # the sponsor may not report; it sees no report form
    sponsor_view = client.get(url)
    assert 'id="report-form"' not in sponsor_view.text
    assert (
        client.post(
            f"{url}/reports", data={"csrf_token": csrf_from(sponsor_view.text), "period": "2025-Q2"}
        ).status_code
        == 403
    )


def test_enclave_sharing_is_shown_beside_full_counting(it: ApiClients, client: TestClient) -> None:
    arrangements = it.as_("it.kunming").get(f"{API}/arrangements").json()
    city = next(a for a in arrangements if a["kind"] == "enclave")
    project = operating_project(it, "T-PAGE-003")
    it.as_("it.kunming").patch(
        f"{API}/projects/{project['id']}", json={"arrangement_id": city["id"]}
    )
    report(it, project["id"], "2025-Q1", output_value="1000", tax="200")
    login(client, "it.kunming")
    page = client.get(f"/industry-transfer/projects/{project['id']}?lang=en")
    assert 'id="sharing"' in page.text and "100.00" in page.text  # 50 % of 200


def test_region_and_rollup_pages_with_csv(it: ApiClients, client: TestClient) -> None:
    project = operating_project(it, "T-PAGE-004")
    report(it, project["id"], "2025-Q1", output_value="5000", tax="100", employment=7)
    login(client, "it.stats")
    region = client.get("/industry-transfer/statistics/region?region=31&lang=en")
    assert region.status_code == 200 and 'id="line-T-PAGE-004"' in region.text
    assert "ACC-MAIN-SPONSOR" in region.text
    rows = list(
        csv.DictReader(
            io.StringIO(
                client.get("/industry-transfer/statistics/region.csv?region=31").text.lstrip(
                    "\ufeff"
                )
            )
        )
    )
    [line] = [r for r in rows if r["code"] == "T-PAGE-004"]
    assert line["output_value"] == "5000.00" and "sponsor/ACC-MAIN-SPONSOR" in line["counted_via"]
    assert "2025-Q1:" in line["reports"] and rows[-1]["code"] == "TOTAL"
    rollup = client.get("/industry-transfer/statistics/rollup?scope=CN&lang=en")
    assert 'id="overlap-T-PAGE-004"' in rollup.text and 'id="rollup-total"' in rollup.text
    rolled = list(
        csv.DictReader(
            io.StringIO(
                client.get("/industry-transfer/statistics/rollup.csv?scope=CN").text.lstrip(
                    "\ufeff"
                )
            )
        )
    )
    kinds = [r["row"] for r in rolled]
    assert kinds.count("region_report") == 2 and "overlap" in kinds and "rollup" in kinds
    [total] = [r for r in rolled if r["row"] == "rollup"]
    [summed] = [r for r in rolled if r["row"] == "sum_of_regions"]
    assert total["output_value"] == "5000.00" and summed["output_value"] == "10000.00"
    bad = client.get("/industry-transfer/statistics/region?region=火星")
    assert bad.status_code == 422 and 'role="alert"' in bad.text
    city = client.get("/industry-transfer/statistics/rollup?scope=53/昆明市")
    assert city.status_code == 422


def test_lists_and_pages_in_both_languages(it: ApiClients, client: TestClient) -> None:
    operating_project(it, "T-PAGE-005")
    login(client, "it.kunming")
    for path in (
        "",
        "/projects",
        "/parks",
        "/agreements",
        "/rules",
        "/statistics/region",
        "/statistics/rollup?scope=53",
    ):
        zh = client.get(f"/industry-transfer{path}")
        assert zh.status_code == 200, path
        en = client.get(f"/industry-transfer{path}{'&' if '?' in path else '?'}lang=en")
        assert en.status_code == 200, path
    assert "产业转移看板" in client.get("/industry-transfer?lang=zh").text
    assert "主要经济指标全额双核算" in client.get("/industry-transfer/rules").text
    listed = client.get("/industry-transfer/projects?q=T-PAGE-005&stage=in_operation")
    assert "T-PAGE-005" in listed.text
    exported = client.get("/industry-transfer/projects.csv?q=T-PAGE-005")
    assert exported.text.lstrip("\ufeff").splitlines()[1].startswith("T-PAGE-005,")
    parks = client.get("/industry-transfer/parks?province=53&lang=en")
    assert "KM-FTZ" in parks.text and "SH-LG" not in parks.text
    agreements = client.get("/industry-transfer/agreements?lang=en")
    assert "SH-KM-2022-01" in agreements.text and 'id="agreement-form"' in agreements.text
    login(client, "exam.officer")
    unrelated = client.get("/industry-transfer/projects?q=T-PAGE-005&lang=en").text
    assert 'id="project-count">0 projects' in unrelated
