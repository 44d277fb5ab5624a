"""p29 API: the channel and route planning, the registry, the board, orders and offers with
matching, booking (ledger entry, parties), shared tracking by rule, statistics; roles,
isolation between organizations (404 on every order and offer route) and bad input (RFC 9457
problems naming the field)."""

from __future__ import annotations

from ftz.practices.yangtze_channel.demo_data import services
from tests.conftest import ApiClients
from tests.practices.yangtze_channel.conftest import (
    API,
    days,
    offer_body,
    offered,
    order_body,
    posted,
)


def _field(response, name: str) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code == 422, response.text
    problem = response.json()
    assert response.headers["content-type"].startswith("application/problem+json")
    assert name in {e["field"] for e in problem["errors"]}, problem


def test_channel_registry_and_route_planning(yc: ApiClients) -> None:
    me = yc.as_("yc.shipper.a")
    channels = me.get(f"{API}/channels").json()["channels"]
    assert [c["code"] for c in channels] == ["MAIN", "S1", "S2", "S3", "S4", "S5"]
    assert sum(c["main"] for c in channels) == 1
    s1 = me.get(f"{API}/channels/S1").json()
    assert [s["code"] for s in s1["services"]] == ["S1-GT-NS"]
    assert me.get(f"{API}/channels/S9").status_code == 404
    route = me.get(f"{API}/route", params={"origin": "CNCLJ", "destination": "qinzhou"}).json()
    assert route["legs"] and "S2" in route["channels"]
    by_water = {"origin": "chongqing_guoyuan", "destination": "shanghai_yangshan",
                "modes": ["river", "sea"]}  # fmt: skip
    river = me.get(f"{API}/route", params=by_water).json()
    assert {leg["mode"] for leg in river["legs"]} <= {"river", "sea", "transfer"}
    _field(me.get(f"{API}/route", params={"origin": "nowhere", "destination": "qinzhou"}), "origin")
    _field(me.get(f"{API}/route", params={"origin": "CNCLJ", "destination": "qinzhou",
                                          "modes": ["boat"]}), "modes")  # fmt: skip


def test_registry_is_the_administrations(yc: ApiClients) -> None:
    officer, shipper = yc.as_("yc.officer"), yc.as_("yc.shipper.a")
    assert len(shipper.get(f"{API}/operators").json()) == 7
    assert len(shipper.get(f"{API}/services").json()) == len(services())
    body = {"org_code": "yc-build-a", "code": "NEW1", "name_zh": "新承运人", "kind": "port",
            "agreement": "合作协议", "signed_on": "2024-05-01"}  # fmt: skip
    assert shipper.post(f"{API}/operators", json=body).status_code == 403
    _field(officer.post(f"{API}/operators", json=body), "node_id")
    _field(officer.post(f"{API}/operators", json={**body, "node_id": "atlantis"}), "node_id")
    made = officer.post(f"{API}/operators", json={**body, "node_id": "jiujiang"})
    assert made.status_code == 201 and made.json()["node_id"] == "jiujiang"
    assert officer.post(f"{API}/operators", json=body | {"node_id": "jiujiang"}).status_code == 409
    service = {"code": "S3-NEW", "operator_code": "NEW1", "sub_channel": "S3", "mode": "river",
               "name_zh": "九江支线", "stops": ["jiujiang", "shanghai_yangshan"],
               "weekly_departures": 3, "teu_per_departure": 80,
               "cargo_types": ["general"]}  # fmt: skip
    _field(officer.post(f"{API}/services", json={**service, "sub_channel": "S2"}), "stops")
    _field(officer.post(f"{API}/services", json={**service, "weekly_departures": 0}),
           "weekly_departures")  # fmt: skip
    assert officer.post(f"{API}/services", json=service).status_code == 201


def test_order_is_planned_and_classed(yc: ApiClients) -> None:
    order = posted(yc)
    assert order["status"] == "posted" and order["number"].startswith("YCO")
    assert order["route"]["legs"] and order["route"]["total"]["hours"] > 0
    assert "S1" in order["sub_channels"]
    assert order["foreign"] is True
    assert order["foreign_fired"][0]["row_id"] == "F-EXPORT"
    domestic = posted(yc, trade="domestic", destination="wuhan_yangluo", modes=["river"])
    assert domestic["foreign"] is False and "S5" in domestic["sub_channels"]
    shipper = yc.as_("yc.shipper.a")
    _field(shipper.post(f"{API}/orders", json={**order_body_min(), "teu": 0}), "teu")
    _field(shipper.post(f"{API}/orders", json={**order_body_min(), "destination": "mars"}),
           "destination")  # fmt: skip
    _field(shipper.post(f"{API}/orders", json={**order_body_min(), "deliver_by": days(0)}),
           "deliver_by")  # fmt: skip
    assert yc.as_("yc.officer").post(f"{API}/orders", json=order_body_min()).status_code == 403
    edited = shipper.put(f"{API}/orders/{order['id']}",
                         json={**order_body_min(), "destination": "qinzhou"})  # fmt: skip
    assert edited.status_code == 200 and "S2" in edited.json()["sub_channels"]


def order_body_min() -> dict[str, object]:
    return order_body()


def test_other_organizations_get_404(yc: ApiClients) -> None:
    order, offer = posted(yc), offered(yc)
    other = yc.as_("yc.shipper.b")
    oid = order["id"]
    for path in ("", "/events", "/history", "/matches"):
        assert other.get(f"{API}/orders/{oid}{path}").status_code == 404, path
    assert other.put(f"{API}/orders/{oid}", json=order_body_min()).status_code == 404
    assert other.post(f"{API}/orders/{oid}/cancel").status_code == 404
    assert other.post(f"{API}/orders/{oid}/book", json={"offer_id": offer["id"]}).status_code == 404
    assert other.post(f"{API}/orders/{oid}/events", json={"kind": "note"}).status_code == 404
    assert other.get(f"{API}/offers/{offer['id']}").status_code == 404
    assert other.post(f"{API}/offers/{offer['id']}/withdraw").status_code == 404
    assert other.get(f"{API}/orders").json()["total"] == 0
    unrelated = yc.as_("exam.officer")
    assert unrelated.get(f"{API}/orders/{oid}").status_code == 404
    assert yc.as_("yc.officer").get(f"{API}/orders/{oid}").status_code == 200
    board = other.get(f"{API}/board/orders").json()["items"]
    listed = next(b for b in board if b["number"] == order["number"])
    assert "org_id" not in listed and "description" not in listed and "id" not in listed
    assert any(
        o["number"] == offer["number"] for o in other.get(f"{API}/board/offers").json()["items"]
    )


def test_offers_belong_to_partner_operators(yc: ApiClients) -> None:
    shipper, rail = yc.as_("yc.shipper.a"), yc.as_("yc.op.guangtie")
    assert shipper.post(f"{API}/offers", json=offer_body()).status_code == 403
    _field(rail.post(f"{API}/offers", json=offer_body(service_code="S3-ZHT-YS")), "service_code")
    _field(rail.post(f"{API}/offers", json=offer_body(mode="river")), "mode")
    _field(rail.post(f"{API}/offers", json=offer_body(arrives_on=days(1))), "arrives_on")
    _field(rail.post(f"{API}/offers", json=offer_body(origin="guangzhou_nansha",
                                                      destination="changsha_xianing")),
           "destination")  # fmt: skip
    offer = offered(yc)
    assert rail.get(f"{API}/offers").json()["total"] == 1
    assert yc.as_("yc.op.zhongbu").get(f"{API}/offers").json()["total"] == 0
    gone = rail.post(f"{API}/offers/{offer['id']}/withdraw")
    assert gone.status_code == 200 and gone.json()["status"] == "withdrawn"


def test_match_book_and_track(yc: ApiClients) -> None:
    order, fits = posted(yc), offered(yc)
    late = offered(yc, departs_on=days(12), arrives_on=days(14), capacity_teu=10)
    shipper = yc.as_("yc.shipper.a")
    found = {
        m["offer"]["number"]: m for m in shipper.get(f"{API}/orders/{order['id']}/matches").json()
    }
    assert found[fits["number"]]["verdict"] == "match"
    assert [r["row_id"] for r in found[fits["number"]]["fired"]] == ["M-FIT"]
    assert {r["row_id"] for r in found[late["number"]]["fired"]} == {
        "M-WAIT",
        "M-LATE",
        "M-CAPACITY",
    }
    _field(shipper.post(f"{API}/orders/{order['id']}/book", json={"offer_id": late["id"]}),
           "offer_id")  # fmt: skip
    rail = yc.as_("yc.op.guangtie")
    assert rail.get(f"{API}/orders/{order['id']}").status_code == 404  # not a party yet
    booked = shipper.post(f"{API}/orders/{order['id']}/book", json={"offer_id": fits["id"]})
    assert booked.status_code == 200, booked.text
    body = booked.json()
    assert body["status"] == "booked" and body["ledger_index"] is not None
    assert body["match_fired"][0]["row_id"] == "M-FIT"
    assert rail.get(f"{API}/offers/{fits['id']}").json()["booked_teu"] == 40
    assert rail.get(f"{API}/orders/{order['id']}").status_code == 200  # now the operator's too
    assert (
        shipper.post(f"{API}/orders/{order['id']}/book", json={"offer_id": fits["id"]}).status_code
        == 409
    )
    assert shipper.put(f"{API}/orders/{order['id']}", json=order_body_min()).status_code == 409
    events = f"{API}/orders/{order['id']}/events"
    _field(shipper.post(events, json={"kind": "delivered"}), "kind")
    _field(rail.post(events, json={"kind": "arrived"}), "kind")  # not in transit yet
    _field(rail.post(events, json={"kind": "departed", "node_id": "qinzhou"}), "node_id")
    departed = rail.post(events, json={"kind": "departed", "node_id": "changsha_xianing"})
    assert departed.status_code == 201 and departed.json()["fired"][0]["row_id"] == "T-DEPART"
    assert shipper.get(f"{API}/orders/{order['id']}").json()["status"] == "in_transit"
    assert shipper.post(events, json={"kind": "customs_cleared"}).status_code == 201
    assert (
        rail.post(events, json={"kind": "delivered", "node_id": "guangzhou_nansha"}).status_code
        == 201
    )
    assert shipper.get(f"{API}/orders/{order['id']}").json()["status"] == "delivered"
    seen = [e["kind"] for e in shipper.get(events).json()]
    assert seen == ["departed", "customs_cleared", "delivered"]
    assert [e["kind"] for e in rail.get(events).json()] == seen
    history = shipper.get(f"{API}/orders/{order['id']}/history").json()
    assert any(h["action"].startswith("transition") for h in history)


def test_port_on_the_route_joins_the_order(yc: ApiClients) -> None:
    order = posted(yc, origin="yueyang_chenglingji", destination="qinzhou", ready_on=days(1))
    offer = offered(yc, service_code="S2-GT-QZ", origin="yueyang_chenglingji",
                    destination="qinzhou", departs_on=days(2), arrives_on=days(5))  # fmt: skip
    port = yc.as_("yc.port.hunan")
    assert port.get(f"{API}/orders/{order['id']}").status_code == 404
    yc.as_("yc.shipper.a").post(f"{API}/orders/{order['id']}/book", json={"offer_id": offer["id"]})
    assert port.get(f"{API}/orders/{order['id']}").status_code == 200
    loaded = port.post(f"{API}/orders/{order['id']}/events",
                       json={"kind": "loaded", "node_id": "yueyang_chenglingji"})  # fmt: skip
    assert loaded.status_code == 201 and loaded.json()["party"] == "port"


def test_cancel_frees_capacity(yc: ApiClients) -> None:
    order, offer = posted(yc, teu=100), offered(yc)
    shipper = yc.as_("yc.shipper.a")
    shipper.post(f"{API}/orders/{order['id']}/book", json={"offer_id": offer["id"]})
    rail = yc.as_("yc.op.guangtie")
    assert rail.get(f"{API}/offers/{offer['id']}").json()["status"] == "full"
    cancelled = shipper.post(f"{API}/orders/{order['id']}/cancel")
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    again = rail.get(f"{API}/offers/{offer['id']}").json()
    assert again["status"] == "open" and again["booked_teu"] == 0


def test_statistics_csv_and_lists(yc: ApiClients) -> None:
    order, offer = posted(yc), offered(yc)
    yc.as_("yc.shipper.a").post(f"{API}/orders/{order['id']}/book", json={"offer_id": offer["id"]})
    stats = yc.as_("yc.officer").get(f"{API}/statistics").json()
    assert stats["seed"]["teu_added"] == 681000 and stats["seed"]["foreign_teu"] == 204300
    assert stats["seed"]["foreign_share_pct"] == "30.00"
    assert stats["seed"]["foreign_teu_previous"] == 164678
    assert stats["live"]["teu"] >= 40 and stats["live"]["foreign_teu"] >= 40
    assert yc.as_("yc.shipper.a").get(f"{API}/statistics").status_code == 403
    csv = yc.as_("yc.shipper.a").get(f"{API}/orders.csv")
    assert csv.status_code == 200 and order["number"] in csv.text
    assert "number,status" in csv.text
    mine = yc.as_("yc.shipper.a").get(f"{API}/orders", params={"status": "booked", "size": 1})
    assert mine.json()["total"] == 1 and mine.json()["size"] == 1
    assert yc.as_("yc.shipper.a").get(f"{API}/orders", params={"status": "lost"}).status_code == 422
    assert (
        yc.as_("yc.shipper.a").get(f"{API}/orders", params={"sub_channel": "S1"}).json()["total"]
        == 1
    )
