"""p02 API: filing, each party's events, rule verdicts, isolation, filters, CSV and statistics."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from tests.conftest import ApiClients
from tests.practices.linked_unloading.conftest import SHIPMENT
from tests.routes import api_routes

API = "/api/linked-unloading"


def _file(lu: ApiClients, body: dict[str, Any] | None = None, user: str = "lu.wuhu") -> Any:
    response = lu.as_(user).post(f"{API}/shipments", json=body or SHIPMENT)
    assert response.status_code == 201, response.text
    return response.json()


def _post(lu: ApiClients, user: str, container_id: str, event: str) -> Any:
    return lu.as_(user).post(f"{API}/containers/{container_id}/events", json={"event": event})


def test_import_flow_through_every_party(lu: ApiClients) -> None:
    shipment = _file(lu)
    assert shipment["number"].startswith("LU-") and shipment["teu"] == 3
    assert [c["number"] for c in shipment["containers"]] == ["CSQU3054383", "MSKU9070323"]
    assert shipment["fast_track"]["measure"] == "shipside_pickup"
    assert shipment["fast_track"]["eligible"] is True
    assert shipment["comparison"]["saved_cny_vs_transshipment"] == 600  # 200 × 3 TEU
    box = shipment["containers"][0]["id"]
    assert _post(lu, "lu.barge", box, "release").status_code == 403  # customs' event
    assert _post(lu, "lu.wuhu", box, "release").status_code == 403
    selected = _post(lu, "lu.customs", box, "select_inspection")
    assert selected.status_code == 201 and selected.json()["status"] == "selected"
    assert selected.json()["inspection"]["site"] == "yangshan_island"
    assert selected.json()["inspection"]["fired"][0]["row_id"] == "IS-ISLAND"
    assert _post(lu, "lu.barge", box, "load_barge").status_code == 409  # not released yet
    for user, event in (("lu.customs", "clear_inspection"), ("lu.barge", "load_barge"),
                        ("lu.barge", "arrive"), ("lu.terminal", "pick_up")):  # fmt: skip
        assert _post(lu, user, box, event).status_code == 201, event
    detail = lu.as_("lu.wuhu").get(f"{API}/containers/{box}").json()
    assert detail["status"] == "picked_up" and detail["transit_hours"] is not None
    assert detail["delay"]["verdict"] == "on_time"  # minutes against 48 h expected
    assert [e["event"] for e in detail["events"]] == [
        "declare", "select_inspection", "clear_inspection", "load_barge", "arrive", "pick_up",
    ]  # fmt: skip
    assert all(e["ledger_index"] >= 0 for e in detail["events"])
    assert detail["events"][4]["location"] == "WUH" and detail["events"][1]["location"] == "YSH"
    again = lu.as_("lu.wuhu").get(f"{API}/shipments/{shipment['id']}").json()
    assert again["fast_track"]["eligible"] is False  # a box was selected


def test_export_flow_and_cancel(lu: ApiClients) -> None:
    body = {**SHIPMENT, "direction": "export", "port_code": "HFE", "bill_of_lading": "EXP1"}
    shipment = _file(lu, body, "lu.hefei")
    assert shipment["containers"][0]["status"] == "booked"
    assert shipment["fast_track"]["measure"] == "direct_loading"
    first, second = (c["id"] for c in shipment["containers"])
    for user, event in (("lu.terminal", "receive"), ("lu.barge", "load_barge"),
                        ("lu.barge", "arrive"), ("lu.customs", "release"),
                        ("lu.terminal", "load_vessel")):  # fmt: skip
        assert _post(lu, user, first, event).status_code == 201, event
    assert _post(lu, "lu.wuhu", second, "cancel").status_code == 404  # not its container
    cancelled = _post(lu, "lu.hefei", second, "cancel")
    assert cancelled.status_code == 201 and cancelled.json()["status"] == "cancelled"
    resized = lu.as_("lu.hefei").get(f"{API}/shipments/{shipment['id']}").json()
    assert shipment["teu"] == 3 and resized["teu"] == 2  # the cancelled 20' box left
    assert resized["comparison"]["teu"] == 2
    saved = shipment["comparison"]["saved_cny_vs_transshipment"]
    assert resized["comparison"]["saved_cny_vs_transshipment"] == saved * 2 // 3


def test_bad_input_is_a_problem(lu: ApiClients) -> None:
    client = lu.as_("lu.wuhu")
    bad_digit = {**SHIPMENT, "containers": [{"number": "CSQU3054384"}]}
    response = client.post(f"{API}/shipments", json=bad_digit)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["errors"][0]["field"] == "containers.0.number"
    twice = {**SHIPMENT, "containers": [{"number": "CSQU3054383"}, {"number": "CSQU3054383"}]}
    assert client.post(f"{API}/shipments", json=twice).status_code == 422
    assert client.post(f"{API}/shipments", json={**SHIPMENT, "port_code": "XXX"}).status_code == 422
    assert client.get(f"{API}/shipments").json()["total"] == 0  # nothing half-saved
    box = _file(lu)["containers"][0]["id"]
    future = {"event": "release", "at": "2999-01-01T00:00:00+08:00"}
    customs = lu.as_("lu.customs")
    assert customs.post(f"{API}/containers/{box}/events", json=future).status_code == 422
    past = {"event": "release", "at": "2001-01-01T00:00:00+08:00"}
    assert customs.post(f"{API}/containers/{box}/events", json=past).status_code == 422
    unknown = customs.post(f"{API}/containers/{box}/events", json={"event": "teleport"})
    assert unknown.status_code == 422
    assert lu.as_("lu.wuhu").get(f"{API}/compare?port=WUH&teu=0").status_code == 422


def test_other_organizations_see_nothing(lu: ApiClients) -> None:
    shipment = _file(lu)
    box = shipment["containers"][0]["id"]
    other = lu.as_("ent.a")
    assert other.get(f"{API}/shipments/{shipment['id']}").status_code == 404
    assert other.get(f"{API}/containers/{box}").status_code == 404
    assert other.post(f"{API}/containers/{box}/events", json={"event": "cancel"}).status_code == 404
    assert other.get(f"{API}/containers").json()["total"] == 0
    assert other.get(f"{API}/shipments").json()["total"] == 0
    assert other.get(f"{API}/stats").json()["containers"] == 0
    assert other.get(f"{API}/containers.csv").text.count("\n") == 1
    unrelated = lu.as_("exam.officer")  # an officer of another agency
    assert unrelated.get(f"{API}/containers/{box}").status_code == 404
    assert lu.as_("lu.barge").get(f"{API}/containers/{box}").status_code == 200
    assert lu.anonymous().get(f"{API}/containers").status_code == 401
    assert lu.as_("ent.a").post(f"{API}/shipments", json=SHIPMENT).status_code == 201


def test_filters_csv_stats_and_reference(lu: ApiClients) -> None:
    _file(lu)
    _file(lu, {**SHIPMENT, "direction": "export", "port_code": "TAC", "bill_of_lading": "B2"})
    client = lu.as_("lu.customs")
    assert client.get(f"{API}/containers?direction=export").json()["total"] == 2
    assert client.get(f"{API}/containers?port=wuh&status=declared").json()["total"] == 2
    assert client.get(f"{API}/containers?q=yslu000001").json()["total"] == 2
    assert client.get(f"{API}/containers?q=MSKU907&size=1").json()["size"] == 1
    csv = client.get(f"{API}/containers.csv?port=TAC")
    assert csv.headers["content-type"].startswith("text/csv")
    assert csv.text.splitlines()[0].startswith("container,") and len(csv.text.splitlines()) == 3
    stats = client.get(f"{API}/stats").json()
    assert stats["containers"] == 4 and stats["by_direction"] == {"import": 2, "export": 2}
    ports = lu.anonymous().get(f"{API}/ports").json()
    assert len(ports["ports"]) == 15
    advice = lu.anonymous().get(f"{API}/compare?port=WUH&direction=export&teu=2&deadline_hours=60")
    assert advice.status_code == 200 and advice.json()["advice"]["recommended"] == "barge"
    assert advice.json()["advice"]["fired"][0]["row_id"] == "RA-BARGE"


ISOLATED = {
    f"{API}/shipments", f"{API}/shipments/{{shipment_id}}", f"{API}/shipments.csv",
    f"{API}/shipments/{{shipment_id}}/history", "/linked-unloading/shipments",
    "/linked-unloading/shipments/{shipment_id}/edit", f"{API}/containers",
    f"{API}/containers.csv", f"{API}/containers/{{container_id}}",
    f"{API}/containers/{{container_id}}/events", f"{API}/stats",
    "/linked-unloading", "/linked-unloading/containers",
    "/linked-unloading/containers/{container_id}",
    "/linked-unloading/shipments/new", "/linked-unloading/shipments/{shipment_id}",
}  # fmt: skip
PUBLIC = {f"{API}/ports", f"{API}/compare", "/linked-unloading/ports", "/linked-unloading/compare"}


def test_every_p02_route_is_classified(app: FastAPI) -> None:
    paths = {path for path, _ in api_routes(app.routes) if "linked-unloading" in path}
    assert paths == ISOLATED | PUBLIC
