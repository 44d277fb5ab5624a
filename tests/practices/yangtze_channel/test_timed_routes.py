"""p29 timed planning and booking through the API: an order carries the date-time its cargo is
ready and is planned from it, so a timetabled service waits for its next departure (a minute
later means the next day's train); booking re-plans the order's route onto the booked offer —
its fixed service's timetabled network service, or its mode through its stops — with the
carriage to and from it timed in sequence, and tracking follows the booked route."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from tests.conftest import ApiClients
from tests.practices.yangtze_channel.conftest import API, days, offered, order_body, posted


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _scheduled(order: dict[str, Any], service: str) -> dict[str, Any]:
    return dict(next(leg for leg in order["route"]["legs"] if leg["service"] == service))


def test_ready_time_and_timetabled_departures(yc: ApiClients) -> None:
    shipper = yc.as_("yc.shipper.a")
    # Daily at 20:00 from Chenglingji (services.yaml): at Changsha a few hours later.
    first = posted(yc, ready_at=f"{days(1)}T00:00", ready_on=None)
    assert first["ready_on"] == days(1)
    assert _at(first["ready_at"]) == _at(f"{days(1)}T00:00+08:00")
    train = _scheduled(first, "central_corridor_nansha")
    assert train["scheduled"] is True and train["departs"] and train["arrives"]
    departs = _at(train["departs"])
    assert departs >= _at(first["ready_at"])
    assert first["route"]["departs_at"].startswith(days(1))
    # Ready a minute after that train leaves: the next one, a day later, and a longer wait.
    late = departs + timedelta(minutes=1)
    second = posted(yc, ready_at=late.isoformat(), ready_on=None)
    again = _scheduled(second, "central_corridor_nansha")
    assert _at(again["departs"]) == departs + timedelta(days=1)
    assert again["wait_hours"] > 23.9
    # Only a date: the start of that day (China Standard Time).
    dated = posted(yc)
    assert _at(dated["ready_at"]) == _at(f"{days(1)}T00:00+08:00")
    assert _scheduled(dated, "central_corridor_nansha")["departs"] == train["departs"]

    def refused(body: dict[str, Any], field: str) -> None:
        answer = shipper.post(f"{API}/orders", json=body)
        assert answer.status_code == 422, answer.text
        assert field in {e["field"] for e in answer.json()["errors"]}

    refused(order_body(ready_on=None), "ready_at")
    refused(order_body(ready_at=f"{days(2)}T08:00"), "ready_on")  # the days disagree
    refused(order_body(ready_on=None, ready_at="tomorrow"), "ready_at")
    refused(order_body(ready_on=None, ready_at=f"{days(11)}T08:00"), "deliver_by")
    # Editing moves the departure time and the plan with it.
    moved = shipper.put(f"{API}/orders/{first['id']}",
                        json=order_body(ready_on=None, ready_at=late.isoformat()))  # fmt: skip
    assert moved.status_code == 200, moved.text
    assert _scheduled(moved.json(), "central_corridor_nansha")["departs"] == again["departs"]
    csv = shipper.get(f"{API}/orders.csv").text
    assert "ready_at" in csv.splitlines()[0] and f"{days(1)} 00:00" in csv
    # The planner answers with timed legs too.
    planned = shipper.get(
        f"{API}/route",
        params={
            "origin": "changsha_xianing",
            "destination": "guangzhou_nansha",
            "depart_at": late.isoformat(),
        },
    )
    assert planned.status_code == 200
    assert all(leg["departs"] for leg in planned.json()["legs"])


def test_booking_replans_onto_the_offers_service(yc: ApiClients) -> None:
    shipper = yc.as_("yc.shipper.a")
    order = posted(yc, origin="yueyang_chenglingji", destination="qinzhou",
                   ready_at=f"{days(1)}T09:00", ready_on=None)  # fmt: skip
    # The cheapest plan is an unscheduled train; the offer rides S2's timetabled service.
    assert {leg["service"] for leg in order["route"]["legs"]} == {None}
    assert order["route"]["basis"] == "plan"
    offer = offered(yc, service_code="S2-GT-QZ", origin="yueyang_chenglingji",
                    destination="qinzhou", departs_on=days(2), arrives_on=days(7))  # fmt: skip
    booked = shipper.post(f"{API}/orders/{order['id']}/book", json={"offer_id": offer["id"]})
    assert booked.status_code == 200, booked.text
    route = booked.json()["route"]
    assert route["basis"] == "booking" and route["offer"] == offer["number"]
    [leg] = route["legs"]
    assert leg["service"] == "central_corridor_qinzhou" and leg["booked"] == offer["number"]
    assert leg["scheduled"] is True
    # Tue, Fri and Sun at 20:00 (China Standard Time), not before the offer's departure day.
    leaves = _at(leg["departs"]).astimezone(_at(f"{days(2)}T00:00+08:00").tzinfo)
    assert leaves.strftime("%a %H:%M") in ("Tue 20:00", "Fri 20:00", "Sun 20:00")
    assert leaves >= _at(f"{days(2)}T00:00+08:00")
    stored = shipper.get(f"{API}/orders/{order['id']}").json()
    assert stored["route"] == route and stored["route_nodes"][-1] == "qinzhou"


def test_booking_adds_the_carriage_after_the_offer_and_tracking_follows(yc: ApiClients) -> None:
    shipper = yc.as_("yc.shipper.a")
    order = posted(yc, origin="changsha_xianing", destination="wuhan_yangluo", modes=["river"],
                   trade="domestic", ready_at=f"{days(1)}T09:00", ready_on=None)  # fmt: skip
    offer = offered(yc, user="yc.port.hunan", service_code="S5-HN-CS", mode="river",
                    origin="changsha_xianing", destination="yueyang_chenglingji",
                    departs_on=days(1), arrives_on=days(2))  # fmt: skip
    booked = shipper.post(f"{API}/orders/{order['id']}/book", json={"offer_id": offer["id"]})
    assert booked.status_code == 200, booked.text
    body = booked.json()
    legs = body["route"]["legs"]
    assert [leg.get("booked") for leg in legs] == [offer["number"], None]
    assert legs[0]["service"] == "xiang_changsha_chenglingji"
    assert (legs[0]["from"], legs[0]["to"]) == ("changsha_xianing", "yueyang_chenglingji")
    assert (legs[1]["from"], legs[1]["to"]) == ("yueyang_chenglingji", "wuhan_yangluo")
    assert _at(legs[0]["departs"]) >= _at(f"{days(1)}T09:00+08:00")
    assert _at(legs[1]["departs"]) >= _at(legs[0]["arrives"])  # on-carriage after the offer
    door_to_door = _at(legs[1]["arrives"]) - _at(f"{days(1)}T09:00+08:00")
    assert body["route"]["total"]["hours"] == round(door_to_door.total_seconds() / 3600, 2)
    assert body["route_nodes"] == ["changsha_xianing", "yueyang_chenglingji", "wuhan_yangluo"]
    events = f"{API}/orders/{order['id']}/events"
    port = yc.as_("yc.port.hunan")  # the booked operator and the port of Chenglingji
    departed = port.post(events, json={"kind": "departed", "node_id": "changsha_xianing"})
    assert departed.status_code == 201, departed.text
    wrong = port.post(events, json={"kind": "arrived", "node_id": "zhuzhou"})
    assert wrong.status_code == 422  # not on the booked route
    arrived = port.post(events, json={"kind": "arrived", "node_id": "wuhan_yangluo"})
    assert arrived.status_code == 201
