"""p21 registration pages without a browser: lists with search, filter, pagination and the CSV
link; a record's page with its edit form, status form and history; bad input (422 with the
message), a forbidden role, another organization's record (404); and the console's fragment."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.conftest import ApiClients, csrf_from, login
from tests.practices.border_fast_lane.test_lane import API, _declare, _fleet, _read

HTML = {"accept": "text/html"}
PAGES = "/border-fast-lane"


def test_lists_search_filter_and_page(bfl: ApiClients, client: TestClient) -> None:
    units = [_fleet(bfl, n=n) for n in range(1, 4)]
    bfl.as_("bfl.fwd1").post(
        f"{API}/vehicles/{units[0]['vehicle']['id']}/deactivate", json={"reason": "停运"}
    )
    login(client, "bfl.fwd1")
    page = client.get(f"{PAGES}/vehicles?lang=en")
    assert page.status_code == 200 and page.text.count("/border-fast-lane/vehicles/") >= 3
    assert 'href="/api/border-fast-lane/vehicles.csv?q=&amp;active="' in page.text
    inactive = client.get(f"{PAGES}/vehicles?active=false&lang=en").text
    assert "桂F70001" in inactive and "桂F70002" not in inactive
    searched = client.get(f"{PAGES}/vehicles", params={"q": "70002", "lang": "en"}).text
    assert "桂F70002" in searched and "桂F70003" not in searched
    paged = client.get(f"{PAGES}/vehicles?size=2&page=2&lang=en").text
    assert 'rel="prev"' in paged and "2 / 2 (3)" in paged
    assert client.get(f"{PAGES}/vehicles?active=maybe", headers=HTML).status_code == 422
    drivers = client.get(f"{PAGES}/drivers", params={"q": "0002", "lang": "en"}).text
    assert drivers.count("/border-fast-lane/drivers/") == 1
    assert "E90000002" not in drivers  # only the last four are ever shown


def test_edit_deactivate_and_history_on_the_page(bfl: ApiClients, client: TestClient) -> None:
    unit = _fleet(bfl)
    url = f"{PAGES}/vehicles/{unit['vehicle']['id']}"
    login(client, "bfl.fwd1")
    page = client.get(f"{url}?lang=en")
    assert page.status_code == 200 and 'id="edit-form"' in page.text
    assert 'id="deactivate-form"' in page.text and 'id="history"' in page.text
    token = csrf_from(page.text)
    bad = client.post(
        url, headers=HTML, data={"csrf_token": token, "kind": "bus", "permit_valid_until": "x"}
    )
    assert bad.status_code == 422 and 'role="alert"' in bad.text and "kind" in bad.text
    good = client.post(
        url,
        headers=HTML,
        data={"csrf_token": token, "kind": "van", "permit_valid_until": "2029-09-09"},
        follow_redirects=False,
    )
    assert good.status_code == 303 and good.headers["location"] == url
    detail = client.get(f"{url}?lang=en").text
    assert "2029-09-09" in detail and "permit_valid_until" in detail  # in the history
    no_reason = client.post(
        f"{url}/deactivate", headers=HTML, data={"csrf_token": token, "reason": ""}
    )
    assert no_reason.status_code == 422 and 'role="alert"' in no_reason.text
    off = client.post(
        f"{url}/deactivate",
        headers=HTML,
        data={"csrf_token": token, "reason": "车辆报废"},
        follow_redirects=False,
    )
    assert off.status_code == 303
    detail = client.get(f"{url}?lang=en").text
    assert "车辆报废" in detail and 'id="reactivate-form"' in detail
    assert 'id="record-status">Deactivated' in detail
    # No CSRF token: refused whatever the form says.
    assert client.post(f"{url}/reactivate", headers=HTML, data={"reason": "xx"}).status_code == 403

    # The deactivated vehicle is not offered for a new declaration.
    declarations = client.get(f"{PAGES}/declarations?lang=en").text
    assert unit["vehicle"]["id"] not in declarations

    driver_url = f"{PAGES}/drivers/{unit['driver']['id']}"
    renewed = client.post(
        driver_url,
        headers=HTML,
        data={
            "csrf_token": token,
            "name": "黎师傅",
            "document_kind": "exit_entry_permit",
            "document_number": "E55501234",
            "document_valid_until": "2030-03-03",
            "fingerprint_ref": "fp:dev-01:000001",
            "face_ref": "face:dev-01:000001",
            "enrolment_device": "dev-enrol-01",
        },
        follow_redirects=False,
    )
    assert renewed.status_code == 303, renewed.text
    driver_page = client.get(f"{driver_url}?lang=en").text
    assert "····1234" in driver_page and "E55501234" not in driver_page
    kind_only = client.post(
        driver_url,
        headers=HTML,
        data={"csrf_token": token, "document_kind": "passport", "document_number": ""},
    )
    assert kind_only.status_code == 422 and "document_number" in kind_only.text


def test_forbidden_roles_and_other_organizations(bfl: ApiClients, client: TestClient) -> None:
    unit = _fleet(bfl)
    url = f"{PAGES}/vehicles/{unit['vehicle']['id']}"
    login(client, "bfl.fwd2")
    assert client.get(url, headers=HTML).status_code == 404
    token = csrf_from(client.get(f"{PAGES}/vehicles").text)
    form = {"csrf_token": token, "kind": "van", "permit_valid_until": "2029-01-01"}
    assert client.post(url, headers=HTML, data=form).status_code == 404
    off = client.post(f"{url}/deactivate", headers=HTML, data={"csrf_token": token, "reason": "xx"})
    assert off.status_code == 404
    assert bfl.as_("bfl.fwd1").get(f"{API}/vehicles/{unit['vehicle']['id']}").json()["active"]

    client.cookies.clear()
    login(client, "bfl.officer")
    page = client.get(f"{url}?lang=en")
    assert page.status_code == 200 and 'id="edit-form"' not in page.text
    assert 'id="deactivate-form"' in page.text
    token = csrf_from(page.text)
    assert client.post(url, headers=HTML, data={**form, "csrf_token": token}).status_code == 403
    off = client.post(
        f"{url}/deactivate",
        headers=HTML,
        data={"csrf_token": token, "reason": "边检暂停快捷通关"},
        follow_redirects=False,
    )
    assert off.status_code == 303
    client.cookies.clear()
    login(client, "bfl.fwd1")
    page = client.get(f"{url}?lang=en")
    assert 'id="reactivate-form"' not in page.text  # the border check took it off
    token = csrf_from(page.text)
    back = client.post(
        f"{url}/reactivate", headers=HTML, data={"csrf_token": token, "reason": "x2"}
    )
    assert back.status_code == 403


def test_console_fragment_shows_new_exceptions(bfl: ApiClients, client: TestClient) -> None:
    unit = _fleet(bfl)
    _declare(bfl, unit, consent=True)
    device = bfl.as_("bfl.lane1")
    first = device.post(f"{API}/lane/transactions", json=_read(unit, face_score=30)).json()
    login(client, "bfl.officer")
    console = client.get(f"{PAGES}/console?lang=en").text
    assert 'hx-get="/border-fast-lane/console/lanes?lang=en"' in console
    assert 'hx-trigger="every 5s"' in console and 'src="/static/vendor/htmx.min.js"' in console
    assert f'id="note-{first["id"]}" hx-preserve="true"' in console
    fragment = client.get(f"{PAGES}/console/lanes?lang=en", headers={"HX-Request": "true"})
    assert fragment.status_code == 200 and "<html" not in fragment.text
    assert fragment.text.startswith('<div id="console-lanes"') and first["id"] in fragment.text
    second = device.post(
        f"{API}/lane/transactions", json=_read(unit, 40, lane=1, under_vehicle="suspect")
    ).json()
    fragment = client.get(f"{PAGES}/console/lanes?lang=en").text
    assert second["id"] in fragment and first["id"] in fragment
    lane_one = fragment.split('id="lane-1"')[1].split("</section>")[0]
    assert second["plate_read"] in lane_one
    bfl.as_("bfl.officer").post(
        f"{API}/transactions/{first['id']}/resolve", json={"decision": "release", "note": "一致"}
    )
    assert first["id"] not in client.get(f"{PAGES}/console/lanes").text
    client.cookies.clear()
    login(client, "bfl.fwd1")
    assert client.get(f"{PAGES}/console/lanes", headers=HTML).status_code == 403
