"""p21 registrations over the API: edit (a new document number is hashed like at registration,
templates only as device references), deactivate and reactivate by the right authority, what a
deactivated vehicle or driver does at the lane and in a new declaration, the history, and the
lists' search, filter, pagination and CSV."""

from __future__ import annotations

import csv
import io
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.practices.border_fast_lane.models import Driver
from ftz.practices.border_fast_lane.registration import document_hash
from tests.conftest import ApiClients
from tests.practices.border_fast_lane.test_lane import API, DAY, _declare, _fleet, _read

PROBLEM = "application/problem+json"


def _problem(answer: Any, status: int, field: str | None = None) -> dict[str, Any]:
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"].startswith(PROBLEM)
    body: dict[str, Any] = answer.json()
    if field is not None:
        assert field in {e["field"] for e in body["errors"]}, body
    return body


def test_forwarder_edits_its_vehicle_and_driver(bfl: ApiClients, session: Session) -> None:
    unit = _fleet(bfl)
    fwd = bfl.as_("bfl.fwd1")
    vehicle_url = f"{API}/vehicles/{unit['vehicle']['id']}"
    edited = fwd.patch(vehicle_url, json={"permit_valid_until": "2028-06-30", "kind": "tractor"})
    assert edited.status_code == 200, edited.text
    assert edited.json()["permit_valid_until"] == "2028-06-30"
    assert edited.json()["kind"] == "tractor"
    _problem(fwd.patch(vehicle_url, json={}), 422, "body")
    _problem(fwd.patch(vehicle_url, json={"kind": "bus"}), 422, "kind")
    _problem(fwd.patch(vehicle_url, json={"plate": "桂F00001"}), 422, "plate")  # identifies it
    assert fwd.get(vehicle_url).json()["kind"] == "tractor"  # nothing changed by bad input

    driver_url = f"{API}/drivers/{unit['driver']['id']}"
    renewed = fwd.patch(
        driver_url,
        json={
            "document_kind": "passport",
            "document_number": "EH1234567",
            "document_valid_until": "2031-01-31",
            "fingerprint_ref": "fp:dev-02:000777",
            "face_ref": "face:dev-02:000777",
            "enrolment_device": "dev-enrol-02",
        },
    )
    assert renewed.status_code == 200, renewed.text
    body = renewed.json()
    assert body["document_hint"] == "4567" and body["document_kind"] == "passport"
    assert "document_number" not in body and "document_hash" not in body
    stored = session.scalar(select(Driver).where(Driver.id == body["id"]))
    assert stored is not None
    assert stored.document_hash == document_hash("passport", "EH1234567")
    # A raw template is not a field, and a template-sized blob is not a reference id.
    _problem(fwd.patch(driver_url, json={"fingerprint_template": "AAAA"}), 422)
    _problem(fwd.patch(driver_url, json={"face_ref": "Qk0" * 200}), 422, "face_ref")
    # A new kind without its number cannot be hashed: the old number is not kept.
    _problem(fwd.patch(driver_url, json={"document_kind": "border_pass"}), 422, "document_number")
    other = _fleet(bfl, n=2)
    taken = fwd.patch(
        f"{API}/drivers/{other['driver']['id']}",
        json={"document_kind": "passport", "document_number": "EH1234567"},
    )
    _problem(taken, 409)


def test_who_may_edit_and_change_status(bfl: ApiClients) -> None:
    unit = _fleet(bfl)
    vehicle_url = f"{API}/vehicles/{unit['vehicle']['id']}"
    reason = {"reason": "车辆转让"}
    # Another forwarder's vehicle answers 404, exactly like a missing one.
    other = bfl.as_("bfl.fwd2")
    _problem(other.patch(vehicle_url, json={"kind": "van"}), 404)
    _problem(other.post(f"{vehicle_url}/deactivate", json=reason), 404)
    _problem(bfl.as_("bfl.fwd1").patch(f"{API}/vehicles/nothing", json={"kind": "van"}), 404)
    # Officers do not edit a forwarder's registration; lane devices and other agencies change
    # no status.
    _problem(bfl.as_("bfl.officer").patch(vehicle_url, json={"kind": "van"}), 403)
    _problem(bfl.as_("bfl.lane1").post(f"{vehicle_url}/deactivate", json=reason), 403)
    _problem(bfl.as_("exam.officer").post(f"{vehicle_url}/deactivate", json=reason), 403)
    _problem(bfl.as_("bfl.fwd1").post(f"{vehicle_url}/deactivate", json={"reason": ""}), 422)

    officer = bfl.as_("bfl.officer")
    off = officer.post(f"{vehicle_url}/deactivate", json={"reason": "车底夹藏嫌疑，暂停快捷通关"})
    assert off.status_code == 200 and off.json()["active"] is False
    _problem(officer.post(f"{vehicle_url}/deactivate", json=reason), 409)
    # The border check took it off, so only the border check puts it back.
    _problem(bfl.as_("bfl.fwd1").post(f"{vehicle_url}/reactivate", json=reason), 403)
    back = officer.post(f"{vehicle_url}/reactivate", json={"reason": "查验无异常"})
    assert back.status_code == 200 and back.json()["active"] is True

    driver_url = f"{API}/drivers/{unit['driver']['id']}"
    fwd = bfl.as_("bfl.fwd1")
    assert fwd.post(f"{driver_url}/deactivate", json={"reason": "离职"}).json()["active"] is False
    _problem(officer.post(f"{driver_url}/reactivate", json=reason), 403)
    assert fwd.post(f"{driver_url}/reactivate", json={"reason": "复职"}).json()["active"] is True

    history = fwd.get(f"{vehicle_url}/history").json()
    actions = [e["action"] for e in history]
    assert actions[:2] == ["reactivate", "update"] and "deactivate" in actions
    assert actions[-1] == "create"
    took_off = next(e for e in history if e["action"] == "deactivate")
    assert took_off["who"] == "bfl.officer" and took_off["reason"] == "车底夹藏嫌疑，暂停快捷通关"
    driver_history = fwd.get(f"{driver_url}/history").json()
    created = driver_history[-1]["changes"]
    assert {"field": "document_hash", "before": None, "after": "(new)"} in created
    assert all(unit["number"] not in str(e) for e in driver_history)
    _problem(other.get(f"{vehicle_url}/history"), 404)


def test_deactivated_records_are_held_at_the_lane_and_refused_in_declarations(
    bfl: ApiClients,
) -> None:
    unit = _fleet(bfl)
    _declare(bfl, unit, consent=True)
    fwd, device = bfl.as_("bfl.fwd1"), bfl.as_("bfl.lane1")
    vehicle_url = f"{API}/vehicles/{unit['vehicle']['id']}"
    driver_url = f"{API}/drivers/{unit['driver']['id']}"
    assert fwd.post(f"{vehicle_url}/deactivate", json={"reason": "维修停运"}).status_code == 200
    held = device.post(f"{API}/lane/transactions", json=_read(unit)).json()
    assert held["verdict"] == "manual_check" and held["flags"] == ["vehicle_inactive"]
    rows = {row["row_id"]: row for row in held["fired"]}
    assert "LC-VEHICLE-INACTIVE" in rows and "案例21" in rows["LC-VEHICLE-INACTIVE"]["citation"]
    assert held["vehicle_id"] == unit["vehicle"]["id"]  # still recognized, not "unregistered"
    refused = fwd.post(
        f"{API}/declarations",
        json={
            "vehicle_id": unit["vehicle"]["id"],
            "driver_id": unit["driver"]["id"],
            "direction": "entry",
            "trip_date": DAY.isoformat(),
            "cargo": "红木家具",
            "hs_code": "940360",
            "weight_kg": 9000,
            "consent": True,
        },
    )
    _problem(refused, 422, "vehicle_id")
    assert fwd.get(f"{API}/declarations").json()["total"] == 1

    fwd.post(f"{vehicle_url}/reactivate", json={"reason": "维修完毕"})
    fwd.post(f"{driver_url}/deactivate", json={"reason": "证件送检"})
    again = device.post(f"{API}/lane/transactions", json=_read(unit, 700)).json()
    assert again["flags"] == ["driver_inactive"]
    assert any(row["row_id"] == "LC-DRIVER-INACTIVE" for row in again["fired"])
    fwd.post(f"{driver_url}/reactivate", json={"reason": "证件取回"})
    clean = device.post(f"{API}/lane/transactions", json=_read(unit, 1400)).json()
    assert clean["verdict"] == "pass"


def test_lists_search_filter_page_and_export(bfl: ApiClients) -> None:
    units = [_fleet(bfl, n=n) for n in range(1, 6)]
    fwd = bfl.as_("bfl.fwd1")
    for unit in units[:2]:
        fwd.post(f"{API}/vehicles/{unit['vehicle']['id']}/deactivate", json={"reason": "停运"})
    fwd.post(f"{API}/drivers/{units[4]['driver']['id']}/deactivate", json={"reason": "离职"})
    everything = fwd.get(f"{API}/vehicles").json()
    assert everything["total"] == 5
    inactive = fwd.get(f"{API}/vehicles", params={"active": "false"}).json()
    assert {v["plate"] for v in inactive["items"]} == {"桂F70001", "桂F70002"}
    assert fwd.get(f"{API}/vehicles", params={"active": "true"}).json()["total"] == 3
    found = fwd.get(f"{API}/vehicles", params={"q": "70003"}).json()
    assert [v["plate"] for v in found["items"]] == ["桂F70003"]
    assert fwd.get(f"{API}/vehicles", params={"q": "ettest000004"}).json()["total"] == 1
    assert fwd.get(f"{API}/vehicles", params={"q": "%"}).json()["total"] == 0  # literal
    first = fwd.get(f"{API}/vehicles", params={"size": 2, "page": 1}).json()
    third = fwd.get(f"{API}/vehicles", params={"size": 2, "page": 3}).json()
    assert len(first["items"]) == 2 and len(third["items"]) == 1 and third["total"] == 5
    _problem(fwd.get(f"{API}/vehicles", params={"active": "maybe"}), 422, "active")
    drivers = fwd.get(f"{API}/drivers", params={"q": "0003"}).json()  # the last four
    assert drivers["total"] == 1 and drivers["items"][0]["document_hint"] == "0003"
    assert fwd.get(f"{API}/drivers", params={"q": "黎师"}).json()["total"] == 5
    assert fwd.get(f"{API}/drivers", params={"active": "false"}).json()["total"] == 1

    exported = fwd.get(f"{API}/vehicles.csv", params={"active": "false"})
    assert exported.status_code == 200 and exported.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert {r["plate"] for r in rows} == {"桂F70001", "桂F70002"}
    assert {r["active"] for r in rows} == {"no"}
    assert rows[0]["forwarder"].startswith("凭祥祥宇")
    driver_rows = list(csv.DictReader(io.StringIO(fwd.get(f"{API}/drivers.csv").text)))
    assert len(driver_rows) == 5 and "document_hash" not in driver_rows[0]
    assert all(len(r["document_last4"]) == 4 for r in driver_rows)
    # Another forwarder exports nothing of these; the border check exports them all.
    assert bfl.as_("bfl.fwd2").get(f"{API}/vehicles.csv").text.count("\n") == 1
    assert bfl.as_("bfl.officer").get(f"{API}/vehicles.csv").text.count("\n") >= 6
