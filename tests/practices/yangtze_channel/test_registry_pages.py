"""p29 registry and timed-route pages without a browser: the administration registers an
operator and a service through the forms (a refused form comes back 422 with the message and
what was typed, nothing saved), edits them, deactivates and reactivates them (CSRF-protected
buttons, with the reason) and reads their history; others see no forms and are refused; the
order form takes the ready date-time and the order page shows the timed legs, re-planned onto
the booked offer."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.conftest import ApiClients, csrf_from, login
from tests.practices.yangtze_channel.conftest import API, days, offered

PAGE = "/yangtze-channel"


def _operator_id(yc: ApiClients, code: str) -> str:
    rows = yc.as_("yc.officer").get(f"{API}/operators").json()
    return str(next(r["id"] for r in rows if r["code"] == code))


def test_registry_forms(yc: ApiClients, client: TestClient) -> None:
    login(client, "yc.officer")
    listing = client.get(f"{PAGE}/operators")
    assert 'id="operator-form"' in listing.text and 'id="service-form"' in listing.text
    token = csrf_from(listing.text)
    body = {
        "csrf_token": token,
        "org_code": "yc-build-a",
        "code": "JJPG",
        "name_zh": "九江港",
        "kind": "port",
        "node_id": "",
        "agreement": "合作协议",
        "signed_on": "2025-03-01",
    }
    refused = client.post(f"{PAGE}/operators", data=body)
    assert refused.status_code == 422 and "a port names its node" in refused.text
    assert 'value="九江港"' in refused.text  # what was typed comes back
    assert len(yc.as_("yc.officer").get(f"{API}/operators").json()) == 7  # nothing saved
    made = client.post(f"{PAGE}/operators", data={**body, "node_id": "jiujiang"},
                       follow_redirects=False)  # fmt: skip
    assert made.status_code == 303
    operator_page = made.headers["location"]
    detail = client.get(operator_page)
    assert detail.status_code == 200 and "九江" in detail.text and 'id="edit-form"' in detail.text

    service = {"csrf_token": token, "code": "S3-JJ-YS", "operator_code": "JJPG",
               "sub_channel": "S2", "name_zh": "九江—洋山 支线", "mode": "river",
               "stops": "jiujiang → shanghai_yangshan", "weekly_departures": "3",
               "teu_per_departure": "80", "cargo_types": ["general"]}  # fmt: skip
    bad = client.post(f"{PAGE}/services", data=service)
    assert bad.status_code == 422 and "do not touch channel S2" in bad.text
    made = client.post(f"{PAGE}/services", data={**service, "sub_channel": "S3"},
                       follow_redirects=False)  # fmt: skip
    assert made.status_code == 303
    service_page = made.headers["location"]
    assert "九江—洋山" in client.get(service_page).text

    edit = {"csrf_token": token, "name_zh": "九江港集团", "name_en": "", "kind": "port",
            "node_id": "atlantis", "agreement": "合作协议", "signed_on": "2025-03-01"}  # fmt: skip
    wrong = client.post(f"{operator_page}/edit", data=edit)
    assert wrong.status_code == 422 and "atlantis" in wrong.text
    saved = client.post(f"{operator_page}/edit", data={**edit, "node_id": "jiujiang"},
                        follow_redirects=False)  # fmt: skip
    assert saved.status_code == 303
    assert "九江港集团" in client.get(operator_page).text
    weekly = {"csrf_token": token, "sub_channel": "S3", "name_zh": "九江—洋山 支线",
              "name_en": "", "mode": "river", "stops": "jiujiang shanghai_yangshan",
              "network_service": "", "weekly_departures": "0", "teu_per_departure": "80",
              "cargo_types": ["general", "grain"]}  # fmt: skip
    assert client.post(f"{service_page}/edit", data=weekly).status_code == 422
    saved = client.post(f"{service_page}/edit", data={**weekly, "weekly_departures": "5"},
                        follow_redirects=False)  # fmt: skip
    assert saved.status_code == 303
    assert 'id="fact-departures">5 / 80<' in client.get(service_page).text

    no_reason = client.post(f"{service_page}/deactivate", data={"csrf_token": token})
    assert no_reason.status_code == 422
    off = client.post(
        f"{service_page}/deactivate",
        data={"csrf_token": token, "reason": "枯水期停航"},
        follow_redirects=False,
    )
    assert off.status_code == 303
    page = client.get(service_page).text
    assert 'id="reactivate"' in page and "枯水期停航" in page and "history-deactivate" in page
    assert "weekly_departures" in page  # the edit in the history
    assert client.post(f"{service_page}/deactivate", data={"reason": "no token"}).status_code == 403
    on = client.post(f"{service_page}/reactivate", data={"csrf_token": token, "reason": "复航"},
                     follow_redirects=False)  # fmt: skip
    assert on.status_code == 303 and 'id="deactivate"' in client.get(service_page).text
    inactive = client.get(f"{PAGE}/operators", params={"active": "inactive"}).text
    assert "S3-JJ-YS" not in inactive

    shipper = TestClient(client.app, raise_server_exceptions=False)
    login(shipper, "yc.shipper.a")
    mine = shipper.get(f"{PAGE}/operators")
    assert 'id="operator-form"' not in mine.text and "九江港集团" in mine.text
    seen = shipper.get(operator_page)
    assert 'id="edit-form"' not in seen.text and 'id="history"' not in seen.text
    assert shipper.post(f"{operator_page}/edit", data={"csrf_token": csrf_from(mine.text),
                        "name_zh": "x"}).status_code == 403  # fmt: skip
    assert shipper.get(f"{PAGE}/operators/nope").status_code == 404

    # A deactivated operator is shown no offer form.
    rail_page = f"{PAGE}/operators/{_operator_id(yc, 'GTJT')}"
    off = client.post(f"{rail_page}/deactivate", data={"csrf_token": token, "reason": "暂停"},
                      follow_redirects=False)  # fmt: skip
    assert off.status_code == 303
    rail = TestClient(client.app, raise_server_exceptions=False)
    login(rail, "yc.op.guangtie")
    offers = rail.get(f"{PAGE}/offers").text
    assert 'id="operator-inactive"' in offers and 'id="offer-form"' not in offers


def test_order_page_shows_timed_and_booked_legs(yc: ApiClients, client: TestClient) -> None:
    offer = offered(yc)
    login(client, "yc.shipper.a")
    form = client.get(f"{PAGE}/orders/new")
    assert 'type="datetime-local"' in form.text and 'id="ready_at"' in form.text
    token = csrf_from(form.text)
    values = {"csrf_token": token, "origin": "changsha_xianing", "destination": "guangzhou_nansha",
              "cargo_type": "machinery", "trade": "export", "teu": "40",
              "ready_at": f"{days(1)}T21:30", "deliver_by": days(10), "optimize": "cost",
              "listed": "true"}  # fmt: skip
    made = client.post(f"{PAGE}/orders/new", data=values, follow_redirects=False)
    assert made.status_code == 303
    order_path = made.headers["location"]
    page = client.get(order_path).text
    assert f"{days(1)} 21:30" in page and 'class="departs"' in page and "⏱" in page
    edit = client.get(f"{order_path}/edit").text
    assert f'value="{days(1)}T21:30"' in edit
    booked = client.post(f"{order_path}/book", data={"csrf_token": token, "offer_id": offer["id"]},
                         follow_redirects=False)  # fmt: skip
    assert booked.status_code == 303
    page = client.get(order_path).text
    assert "booked-offer" in page and offer["number"] in page and 'id="route-basis"' in page
    english = client.get(f"{order_path}?lang=en").text
    assert "Booked route" in english and "Re-planned onto the booked offer" in english
    planner = client.get(
        f"{PAGE}/route",
        params={
            "origin": "changsha_xianing",
            "destination": "guangzhou_nansha",
            "depart_at": f"{days(1)}T21:30",
        },
    )
    assert planner.status_code == 200 and 'class="departs"' in planner.text
    bad = client.get(f"{PAGE}/route", params={"origin": "changsha_xianing",
                     "destination": "guangzhou_nansha", "depart_at": "soon"})  # fmt: skip
    assert bad.status_code == 422 and "depart_at" in bad.text
    zh = client.get(f"{order_path}?lang=zh").text
    assert "订舱后路线" in zh
