"""p14 pages without a browser: every route is guarded; the overview, lists, bill and reefer
pages render in Chinese and English for each role; the booking form given bad input answers 422
with the message and what was typed; actions post through the form with CSRF; another
shipper's bill answers 404."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.conftest import ApiClients, csrf_from, login
from tests.practices.asia_europe_transport.conftest import API, issued_bill, next_monday
from tests.routes import api_routes

HTML = {"accept": "text/html"}
BASE = "/asia-europe-transport"


def test_every_p14_route_is_guarded(app: FastAPI) -> None:
    routes = [(p, r) for p, r in api_routes(app.routes) if "asia-europe-transport" in p]
    assert len(routes) >= 25
    for _, route in routes:
        names = {d.call.__name__ for d in route.dependant.dependencies}
        assert any(n.startswith("require_asia_europe_transport") for n in names), route.path
    anonymous = TestClient(app, raise_server_exceptions=False)
    for path, route in routes:
        if "GET" in route.methods and "{" not in path:
            answer = anonymous.get(path, headers=HTML, follow_redirects=False)
            assert answer.status_code in (303, 401, 422), path


def test_pages_render_for_each_role_in_both_languages(aet: ApiClients, client: TestClient) -> None:
    bill = issued_bill(aet)
    plan = (
        aet.as_("aet.operator")
        .post(
            f"{API}/reefer/plans",
            json={"horizon_days": 14, "stock": {"lodz_olechow": 9}, "demand": {}},
        )
        .json()
    )
    for user in ("aet.shipper", "aet.operator"):
        login(client, user)
        for lang in ("zh", "en"):
            for page in ("", "/bills", f"/bills/{bill['id']}", "/reefer", f"/reefer/{plan['id']}"):
                answer = client.get(f"{BASE}{page}?lang={lang}")
                expected = 404 if user == "aet.shipper" and "/reefer/" in page else 200
                assert answer.status_code == expected, (user, page, answer.text[:300])
        client.cookies.clear()
    login(client, "aet.operator")
    zh = client.get(f"{BASE}/bills/{bill['id']}?lang=zh").text
    assert "全程跟踪与交接" in zh and 'id="form-track"' in zh and "PS-REEFER" in zh
    assert '<svg class="aet-map"' in zh
    overview = client.get(f"{BASE}?lang=en").text
    assert "Full-route timetables" in overview and "corridor-LMRO" in overview
    client.cookies.clear()
    login(client, "aet.forwarder")
    assert client.get(f"{BASE}/bills/{bill['id']}").status_code == 404
    page = client.get(f"{BASE}/bills")
    assert bill["number"] not in page.text


def test_booking_form_keeps_what_was_typed_then_books_and_pays(
    client: TestClient, aet: ApiClients
) -> None:
    login(client, "aet.shipper")
    form = client.get(f"{BASE}/bills/new?lang=en")
    fields = {
        "csrf_token": csrf_from(form.text), "corridor": "LMRO", "shipper": "Vientiane Test Co.",
        "consignee": "TO ORDER", "goods": "frozen durian", "hs_code": "081090",
        "cargo": "reefer", "packages": "800", "gross_kg": "24000",
        "containers": "CSQU3054384 40 -18", "negotiable": "on",
        "requested_departure": next_monday().strftime("%Y-%m-%dT%H:%M"),
    }  # fmt: skip
    again = client.post(f"{BASE}/bills/new", data=fields, follow_redirects=False)
    assert again.status_code == 422
    assert "ISO 6346" in again.text and "Vientiane Test Co." in again.text
    fields["containers"] = "SZLU9000010 40 -18"
    made = client.post(f"{BASE}/bills/new", data=fields, follow_redirects=False)
    assert made.status_code == 303, made.text[:500]
    detail = client.get(made.headers["location"] + "?lang=en")
    assert "Pay the through freight" in detail.text
    token = csrf_from(detail.text)
    paid = client.post(made.headers["location"], data={"csrf_token": token, "op": "pay",
                                                       "payment_ref": "95306-W-1"},
                       follow_redirects=False)  # fmt: skip
    assert paid.status_code == 303
    bad = client.post(made.headers["location"], data={"csrf_token": token, "op": "pay",
                                                      "payment_ref": "95306-W-1"})  # fmt: skip
    assert bad.status_code == 422 and "cannot pay while paid" in bad.text
    no_csrf = client.post(made.headers["location"], data={"op": "cancel"})
    assert no_csrf.status_code == 403


def test_reefer_form_plans_and_shows_the_saving(client: TestClient, aet: ApiClients) -> None:
    login(client, "aet.operator")
    form = client.get(f"{BASE}/reefer?lang=en")
    assert 'id="stock_lodz_olechow"' in form.text and 'value="45"' in form.text
    token = csrf_from(form.text)
    bad = client.post(f"{BASE}/reefer", data={"csrf_token": token, "horizon_days": "14",
                                              "stock_lodz_olechow": "many"})  # fmt: skip
    assert bad.status_code == 422 and "stock_lodz_olechow" in bad.text
    made = client.post(f"{BASE}/reefer", data={"csrf_token": token, "horizon_days": "14",
                                               "stock_lodz_olechow": "35",
                                               "demand_chengdu_qingbaijiang": "35"},
                       follow_redirects=False)  # fmt: skip
    assert made.status_code == 303
    page = client.get(made.headers["location"] + "?lang=en").text
    assert "move-overseas_return" in page and "move-return_to_origin" in page
    assert 'id="saving"' in page
