"""p17 pages without a browser: every route classified and guarded; forms answer 422 with the
message and what was typed, and change nothing; the operator's register and report forms, the
officer's inspection, licence, review and indicator forms, the association's records, bases,
statistics, both languages, and another operator's 404."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.conftest import ApiClients, csrf_from, login
from tests.practices.leisure_fishery.conftest import (
    BASE,
    SANYA,
    YEAR,
    allocate,
    days,
    ready_vessel,
)
from tests.routes import api_routes

HTML = {"accept": "text/html"}
PAGE = "/leisure-fishery"


def test_every_p17_route_is_guarded(app: FastAPI) -> None:
    routes = [(p, r) for p, r in api_routes(app.routes) if "leisure-fishery" in p]
    assert len(routes) >= 60
    for path, route in routes:
        names = {getattr(d.call, "__qualname__", "") for d in route.dependant.dependencies}
        assert any("require" in n for n in names), path


def test_operator_registers_and_files_a_report(lf: ApiClients, client: TestClient) -> None:
    allocate(lf)
    ready = ready_vessel(lf, "琼三亚休P0001")
    login(client, "lf.op.sanya")
    form_page = client.get(f"{PAGE}/vessels/new")
    token = csrf_from(form_page.text)
    form = {
        "csrf_token": token,
        "name": "页面测试1号",
        "registration_no": "琼三亚休P0002",
        "length_m": "9.5",
        "power_kw": "88",
        "passenger_capacity": "8",
        "home_port": "崖州中心渔港",
        "area_code": SANYA,
        "status": "in_service",
    }
    bad = client.post(f"{PAGE}/vessels/new", headers=HTML, data={**form, "length_m": "-3"})
    assert bad.status_code == 422 and 'role="alert"' in bad.text and "页面测试1号" in bad.text
    made = client.post(f"{PAGE}/vessels/new", headers=HTML, data=form, follow_redirects=False)
    assert made.status_code == 303
    detail = client.get(made.headers["location"] + "?lang=en").text
    assert "small vessel (under 12 m)" in detail and "never inspected" in detail
    assert client.get(f"{PAGE}/vessels?q=P000&lang=en").text.count("/leisure-fishery/vessels/") >= 2

    page = client.get(f"{PAGE}/catch-reports/new?vessel_id={ready['id']}")
    token = csrf_from(page.text)
    report = {
        "csrf_token": token,
        "vessel_id": ready["id"],
        "trip_date": days(-1),
        "sea_area": SANYA,
        "gear": "rod",
        "anglers": "2",
        "crew": "1",
        "species_0": "grouper",
        "count_0": "11",
        "weight_kg_0": "9",
    }
    turtle = {**report, "species_1": "green_turtle", "count_1": "1", "weight_kg_1": "30"}
    refused = client.post(f"{PAGE}/catch-reports/new", headers=HTML, data=turtle)
    assert refused.status_code == 422 and "lines.1.species" in refused.text
    assert 'value="11"' in refused.text
    filed = client.post(
        f"{PAGE}/catch-reports/new", headers=HTML, data=report, follow_redirects=False
    )
    assert filed.status_code == 303
    shown = client.get(filed.headers["location"] + "?lang=en").text
    assert "over limit" in shown and "CS-GROUPER-PP" in shown and "review-form" not in shown


def test_officer_inspects_licenses_reviews_and_allocates(
    lf: ApiClients, client: TestClient
) -> None:
    allocate(lf, vessels=2)
    vessel = ready_vessel(lf, "琼三亚休P0100", licence=False)
    body = {
        "vessel_id": vessel["id"],
        "trip_date": days(-2),
        "sea_area": SANYA,
        "gear": "rod",
        "anglers": 3,
        "crew": 1,
        "lines": [{"species": "hairtail", "count": 70, "weight_kg": "20"}],
    }
    report = lf.as_("lf.op.sanya").post(f"{BASE}/catch-reports", json=body).json()
    assert report["flagged"]
    login(client, "lf.officer")
    url = f"{PAGE}/vessels/{vessel['id']}"
    token = csrf_from(client.get(url).text)
    inspection = {"csrf_token": token, "kind": "annual", "inspected_on": days(1), "inspector": "检"}
    bad = client.post(f"{url}/inspections", headers=HTML, data=inspection)
    assert bad.status_code == 422 and "inspected_on" in bad.text
    licence = {
        "csrf_token": token,
        "valid_from": days(0),
        "valid_to": days(-1),
        "sea_areas": [SANYA],
        "gear": ["rod"],
        "gear_units": "6",
    }
    wrong = client.post(f"{url}/licences", headers=HTML, data=licence)
    assert wrong.status_code == 422 and "valid_to" in wrong.text
    licence["valid_to"] = days(200)
    issued = client.post(f"{url}/licences", headers=HTML, data=licence, follow_redirects=False)
    assert issued.status_code == 303
    assert f"LF-{SANYA}-{YEAR}-00001" in client.get(url).text

    queue = client.get(f"{PAGE}/catch-reports?flagged=yes&status=filed&lang=en").text
    assert report["id"] in queue
    review = f"{PAGE}/catch-reports/{report['id']}/review"
    empty = client.post(review, headers=HTML, data={"csrf_token": token, "note": ""})
    assert empty.status_code == 422 and "note" in empty.text
    done = client.post(
        review, headers=HTML, data={"csrf_token": token, "note": "已警告"}, follow_redirects=False
    )
    assert done.status_code == 303
    assert "已警告" in client.get(f"{PAGE}/catch-reports/{report['id']}").text

    indicators = client.get(f"{PAGE}/indicators?year={YEAR}").text
    assert 'id="allocate-form"' in indicators
    over = {"csrf_token": token, "year": str(YEAR), "area_code": "469024", "vessels": "999"}
    refused = client.post(f"{PAGE}/indicators/allocate", headers=HTML, data=over)
    assert refused.status_code == 422 and "province:" in refused.text
    ok = {**over, "vessels": "3", "power_kw": "300", "gear_units": "30"}
    posted = client.post(
        f"{PAGE}/indicators/allocate", headers=HTML, data=ok, follow_redirects=False
    )
    assert posted.status_code == 303
    page = client.get(f"{PAGE}/indicators?year={YEAR}&lang=zh").text
    assert 'id="area-469024"><td>临高县</td><td class="allocated">3<' in page


def test_association_bases_statistics_and_languages(lf: ApiClients, client: TestClient) -> None:
    allocate(lf)
    vessel = ready_vessel(lf, "琼三亚休P0200")
    login(client, "lf.association")
    page = client.get(f"{PAGE}/association")
    token = csrf_from(page.text)
    record = {
        "csrf_token": token,
        "vessel_id": vessel["id"],
        "kind": "warning",
        "severity": "serious",
        "occurred_on": days(-1),
        "description": "夜间违规出海",
    }
    assert (
        client.post(
            f"{PAGE}/association", headers=HTML, data={**record, "description": ""}
        ).status_code
        == 422
    )
    assert (
        client.post(
            f"{PAGE}/association", headers=HTML, data=record, follow_redirects=False
        ).status_code
        == 303
    )
    shown = client.get(f"{PAGE}/association?lang=en").text
    assert "warning issued" in shown and "-15" in shown and ">85<" in shown
    stat = {
        "csrf_token": token,
        "area_code": SANYA,
        "year": "2024",
        "output_wan": "129141",
        "visitors": "4320000",
        "source": "协会监测",
    }
    assert (
        client.post(
            f"{PAGE}/statistics", headers=HTML, data=stat, follow_redirects=False
        ).status_code
        == 303
    )
    board = client.get(f"{PAGE}/statistics?year=2024&lang=en").text
    assert "47.83" in board and "16,000,000" in board and "4,320,000" in board
    assert client.get(f"{PAGE}/bases/new").status_code == 403

    login(client, "lf.officer")
    token = csrf_from(client.get(f"{PAGE}/bases/new").text)
    base = {
        "csrf_token": token,
        "name": "测试海钓赛事基地",
        "kind": "competition_base",
        "level": "provincial",
        "area_code": SANYA,
        "status": "open",
        "investment_wan": "1200",
        "facilities": ["berths", "first_aid"],
        "key_project": "on",
    }
    bad = client.post(f"{PAGE}/bases/new", headers=HTML, data={**base, "facilities": ["spa"]})
    assert bad.status_code == 422 and "facilities.0" in bad.text
    made = client.post(f"{PAGE}/bases/new", headers=HTML, data=base, follow_redirects=False)
    assert made.status_code == 303
    edit = made.headers["location"] + "/edit"
    changed = client.post(
        edit, headers=HTML, data={**base, "status": "under_construction"}, follow_redirects=False
    )
    assert changed.status_code == 303
    detail = client.get(made.headers["location"] + "?lang=en").text
    assert "under construction" in detail and "first aid" in detail
    zh = client.get(f"{PAGE}/bases?q=测试&lang=zh").text
    assert "海钓赛事基地" in zh and "在建" in zh
    for path in (
        "",
        "/vessels",
        "/licences",
        "/reminders",
        "/catch-reports",
        "/catch-limits",
        "/indicators",
        "/association",
        "/bases",
        "/statistics",
    ):
        for lang in ("zh", "en"):
            assert client.get(f"{PAGE}{path}?lang={lang}").status_code == 200, path


def test_other_operator_gets_404_and_anonymous_is_sent_to_sign_in(
    lf: ApiClients, client: TestClient
) -> None:
    allocate(lf)
    vessel = ready_vessel(lf, "琼三亚休P0300")
    login(client, "lf.op.lingao")
    assert client.get(f"{PAGE}/vessels/{vessel['id']}").status_code == 404
    assert client.get(f"{PAGE}/licences/{vessel['licence']['id']}").status_code == 404
    assert vessel["registration_no"] not in client.get(f"{PAGE}/vessels").text
    assert client.get(f"{PAGE}/indicators").status_code == 200
    assert 'id="allocate-form"' not in client.get(f"{PAGE}/indicators").text
    anonymous = TestClient(client.app)
    assert anonymous.get(f"{PAGE}/catch-limits").status_code == 200
    assert anonymous.get(f"{PAGE}/vessels", follow_redirects=False).status_code in (302, 303, 401)
