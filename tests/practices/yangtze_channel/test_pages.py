"""p29 pages without a browser: every route guarded; the channel with its SVG map, the route
planner (map, legs, channels; a bad node answers 422 with the message), the board, the
shipper's order form (422 with what was typed, nothing kept), booking and tracking from the
order page, another organization's 404, statistics for the administration only, both
languages."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.conftest import ApiClients, csrf_from, login
from tests.practices.yangtze_channel.conftest import API, days, offered, posted
from tests.routes import api_routes

PAGE = "/yangtze-channel"


def test_every_p29_route_is_guarded(app: FastAPI) -> None:
    routes = [(p, r) for p, r in api_routes(app.routes) if "yangtze-channel" in p]
    assert len(routes) >= 30
    for path, route in routes:
        names = {getattr(d.call, "__qualname__", "") for d in route.dependant.dependencies}
        assert any("require" in n for n in names), path


def test_channel_planner_and_board(yc: ApiClients, client: TestClient) -> None:
    posted(yc)
    offered(yc)
    login(client, "yc.shipper.b")
    home = client.get(PAGE)
    assert home.status_code == 200 and "<svg" in home.text and 'id="line-S5"' in home.text
    assert "681,000" in home.text and "204,300" in home.text
    assert 'id="hub-sailings">51<' in home.text  # the demo's services: the seed's 50+ a week
    assert client.get(f"{PAGE}/channels/S2").status_code == 200
    assert client.get(f"{PAGE}/channels/S7").status_code == 404
    planned = client.get(f"{PAGE}/route", params={"origin": "CNCLJ", "destination": "qinzhou"})
    assert planned.status_code == 200 and 'id="route-map"' in planned.text
    assert 'class="leg leg-rail"' in planned.text and "/channels/S2" in planned.text
    bad = client.get(f"{PAGE}/route", params={"origin": "atlantis", "destination": "qinzhou"})
    assert bad.status_code == 422 and "atlantis" in bad.text
    board = client.get(f"{PAGE}/board")
    assert board.status_code == 200 and "YCO" in board.text and "YCC" in board.text
    assert "湘北机械" not in board.text  # the shipper is not named on the board
    assert client.get(f"{PAGE}/operators").status_code == 200
    assert client.get(f"{PAGE}/statistics").status_code == 403
    english = client.get(f"{PAGE}?lang=en")
    assert "Central Dual-Circulation Corridor" in english.text


def test_order_form_book_and_track(yc: ApiClients, client: TestClient) -> None:
    offer = offered(yc)
    login(client, "yc.shipper.a")
    form = client.get(f"{PAGE}/orders/new")
    token = csrf_from(form.text)
    values = {"csrf_token": token, "origin": "changsha_xianing", "destination": "atlantis",
              "cargo_type": "machinery", "trade": "export", "teu": "40", "ready_on": days(1),
              "deliver_by": days(10), "optimize": "cost", "listed": "true"}  # fmt: skip
    refused = client.post(f"{PAGE}/orders/new", data=values)
    assert refused.status_code == 422 and "atlantis" in refused.text
    assert yc.as_("yc.shipper.a").get(f"{API}/orders").json()["total"] == 0
    made = client.post(f"{PAGE}/orders/new", data={**values, "destination": "guangzhou_nansha"},
                       follow_redirects=False)  # fmt: skip
    assert made.status_code == 303
    detail = client.get(made.headers["location"])
    assert detail.status_code == 200 and f'id="match-{offer["number"]}"' in detail.text
    assert "M-FIT" in detail.text and 'id="route-map"' in detail.text
    order_path = made.headers["location"]
    booked = client.post(f"{order_path}/book", data={"csrf_token": token, "offer_id": offer["id"]},
                         follow_redirects=False)  # fmt: skip
    assert booked.status_code == 303
    page = client.get(order_path)
    assert 'id="ledger-index"' in page.text and 'id="event-form"' in page.text
    wrong = client.post(f"{order_path}/events", data={"csrf_token": token, "kind": "delivered"})
    assert wrong.status_code == 422 and "may not record" in wrong.text
    noted = client.post(f"{order_path}/events", data={"csrf_token": token, "kind": "note",
                        "note": "请提前通知提货"}, follow_redirects=False)  # fmt: skip
    assert noted.status_code == 303
    assert "请提前通知提货" in client.get(order_path).text
    order_id = order_path.rsplit("/", 1)[1]
    other = TestClient(client.app, raise_server_exceptions=False)
    login(other, "yc.shipper.b")
    assert other.get(order_path).status_code == 404
    assert other.get(f"{PAGE}/orders/{order_id}/edit").status_code == 404
    officer = TestClient(client.app, raise_server_exceptions=False)
    login(officer, "yc.officer")
    assert officer.get(order_path).status_code == 200
    stats = officer.get(f"{PAGE}/statistics")
    assert stats.status_code == 200 and "164,678" in stats.text


def test_edit_and_offer_forms(yc: ApiClients, client: TestClient) -> None:
    order = posted(yc)
    login(client, "yc.shipper.a")
    edit = client.get(f"{PAGE}/orders/{order['id']}/edit")
    token = csrf_from(edit.text)
    values = {"csrf_token": token, "origin": "yueyang_chenglingji", "destination": "qinzhou",
              "cargo_type": "auto_parts", "trade": "export", "teu": "30", "ready_on": days(1),
              "deliver_by": days(12), "optimize": "time"}  # fmt: skip
    saved = client.post(f"{PAGE}/orders/{order['id']}/edit", data=values, follow_redirects=False)
    assert saved.status_code == 303
    again = yc.as_("yc.shipper.a").get(f"{API}/orders/{order['id']}").json()
    assert again["destination"] == "qinzhou" and again["listed"] is False
    assert client.get(f"{PAGE}/orders").status_code == 200
    operator = TestClient(client.app, raise_server_exceptions=False)
    login(operator, "yc.op.guangtie")
    offers = operator.get(f"{PAGE}/offers")
    assert 'id="offer-form"' in offers.text
    body = {"csrf_token": csrf_from(offers.text), "service_code": "S2-GT-QZ", "mode": "rail",
            "origin": "yueyang_chenglingji", "destination": "qinzhou", "departs_on": days(2),
            "arrives_on": days(1), "capacity_teu": "50", "cargo_types": ["auto_parts"],
            "price_cny_per_teu": "4800"}  # fmt: skip
    refused = operator.post(f"{PAGE}/offers", data=body)
    assert refused.status_code == 422 and "arrives_on" in refused.text
    made = operator.post(f"{PAGE}/offers", data={**body, "arrives_on": days(5)},
                         follow_redirects=False)  # fmt: skip
    assert made.status_code == 303
    assert yc.as_("yc.op.guangtie").get(f"{API}/offers").json()["total"] == 1
