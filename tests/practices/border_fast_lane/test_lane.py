"""p21 over the API: registration, one declaration for two authorities, lane verdicts with their
reasons anchored in the ledger, the officer's resolution, statistics and isolation."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from ftz.practices.border_fast_lane.lane import PORT_TIME
from tests.conftest import ApiClients

API = "/api/border-fast-lane"
DAY = date(2026, 3, 2)
START = datetime(2026, 3, 2, 9, 0, tzinfo=PORT_TIME)


def _fleet(api: ApiClients, user: str = "bfl.fwd1", n: int = 1) -> dict[str, Any]:
    fwd = api.as_(user)
    vehicle = fwd.post(
        f"{API}/vehicles",
        json={
            "plate": f"桂F7{n:04d}",
            "etag": f"ETTEST{n:06d}",
            "permit_valid_until": "2027-01-01",
        },
    )
    assert vehicle.status_code == 201, vehicle.text
    driver = fwd.post(
        f"{API}/drivers",
        json={
            "name": "黎师傅",
            "document_number": f"E9{n:07d}",
            "document_valid_until": "2026-12-31",
            "fingerprint_ref": f"fp:dev-01:{n:06d}",
            "face_ref": f"face:dev-01:{n:06d}",
            "enrolment_device": "dev-enrol-01",
        },
    )
    assert driver.status_code == 201, driver.text
    return {"vehicle": vehicle.json(), "driver": driver.json(), "number": f"E9{n:07d}"}


def _declare(api: ApiClients, unit: dict[str, Any], consent: bool) -> dict[str, Any]:
    made = api.as_("bfl.fwd1").post(
        f"{API}/declarations",
        json={
            "vehicle_id": unit["vehicle"]["id"],
            "driver_id": unit["driver"]["id"],
            "direction": "exit",
            "trip_date": DAY.isoformat(),
            "cargo": "火龙果",
            "hs_code": "081090",
            "weight_kg": 18000,
            "consent": consent,
        },
    )
    assert made.status_code == 201, made.text
    return dict(made.json())


def _read(unit: dict[str, Any], offset: int = 0, **changes: Any) -> dict[str, Any]:
    at = START + timedelta(seconds=offset)
    body = {
        "lane": 2,
        "direction": "exit",
        "etag": unit["vehicle"]["etag"],
        "plate_read": unit["vehicle"]["plate"],
        "document_number": unit["number"],
        "fingerprint_score": 95,
        "face_score": 93,
        "under_vehicle": "clear",
        "started_at": at.isoformat(),
        "finished_at": (at + timedelta(seconds=14)).isoformat(),
    }
    return {**body, **changes}


def test_consent_decides_whether_the_border_check_gets_a_record(bfl: ApiClients) -> None:
    unit = _fleet(bfl)
    assert _declare(bfl, unit, consent=True)["border_record_id"]
    assert _declare(bfl, unit, consent=False)["border_record_id"] is None
    driver = bfl.as_("bfl.officer").get(f"{API}/drivers/{unit['driver']['id']}").json()
    assert "document_hash" not in driver and driver["document_hint"] == unit["number"][-4:]


def test_clean_crossing_passes_and_anomalies_are_held(bfl: ApiClients) -> None:
    unit = _fleet(bfl)
    _declare(bfl, unit, consent=True)
    device = bfl.as_("bfl.lane1")
    passed = device.post(f"{API}/lane/transactions", json=_read(unit))
    assert passed.status_code == 201, passed.text
    assert passed.json()["status"] == "passed" and passed.json()["fired"][0]["row_id"] == "LV-PASS"
    held = device.post(
        f"{API}/lane/transactions",
        json=_read(unit, 60, fingerprint_score=60, plate_read="桂F79999"),
    ).json()
    assert held["status"] == "manual_check"
    assert set(held["flags"]) >= {"fingerprint_low", "plate_mismatch"}
    assert all(row["citation"] for row in held["fired"])
    third = device.post(f"{API}/lane/transactions", json=_read(unit, 90)).json()
    assert "repeated_attempts" not in third["flags"]  # the plate read differed on the second
    fourth = device.post(f"{API}/lane/transactions", json=_read(unit, 120)).json()
    assert "repeated_attempts" in fourth["flags"]
    officer = bfl.as_("bfl.officer")
    bad = officer.post(f"{API}/transactions/{held['id']}/resolve", json={"decision": "wave"})
    assert bad.status_code == 422 and bad.headers["content-type"].startswith("application/problem")
    done = officer.post(
        f"{API}/transactions/{held['id']}/resolve",
        json={"decision": "release", "note": "人工核验一致"},
    ).json()
    assert done["status"] == "released" and done["resolution_ledger_index"] is not None
    again = officer.post(
        f"{API}/transactions/{held['id']}/resolve", json={"decision": "refuse", "note": "xx"}
    )
    assert again.status_code == 409
    stats = officer.get(f"{API}/statistics", params={"day": DAY.isoformat()}).json()
    assert stats["vehicles"] == 4 and stats["seconds_per_vehicle"] == 14.0
    assert stats["faster_by"] == round(1 - 14 / 60, 3)
    csv = officer.get(f"{API}/transactions.csv", params={"day": DAY.isoformat()})
    assert csv.status_code == 200 and csv.text.count("\n") == 5


def test_bad_reads_and_wrong_roles(bfl: ApiClients) -> None:
    unit = _fleet(bfl)
    device = bfl.as_("bfl.lane1")
    bad = device.post(f"{API}/lane/transactions", json=_read(unit, face_score=140))
    assert bad.status_code == 422
    backwards = _read(unit, finished_at=(START - timedelta(seconds=5)).isoformat())
    assert device.post(f"{API}/lane/transactions", json=backwards).status_code == 422
    assert device.post(f"{API}/lane/transactions", json=_read(unit, lane=7)).status_code == 422
    # The officer may not impersonate a lane; a device reads nothing; a forwarder posts nothing.
    assert (
        bfl.as_("bfl.officer").post(f"{API}/lane/transactions", json=_read(unit)).status_code == 403
    )
    assert device.get(f"{API}/transactions").json()["total"] == 0
    assert bfl.as_("bfl.fwd1").post(f"{API}/lane/transactions", json=_read(unit)).status_code == 403
    dup = bfl.as_("bfl.fwd1").post(
        f"{API}/vehicles",
        json={
            "plate": unit["vehicle"]["plate"],
            "etag": "ETOTHER01",
            "permit_valid_until": "2027-01-01",
        },
    )
    assert dup.status_code == 409


def test_forwarders_see_only_their_own(bfl: ApiClients) -> None:
    unit = _fleet(bfl)
    declaration = _declare(bfl, unit, consent=True)
    tx = bfl.as_("bfl.lane1").post(f"{API}/lane/transactions", json=_read(unit)).json()
    other = bfl.as_("bfl.fwd2")
    for path in (
        f"/vehicles/{unit['vehicle']['id']}",
        f"/drivers/{unit['driver']['id']}",
        f"/declarations/{declaration['id']}",
        f"/transactions/{tx['id']}",
    ):
        assert other.get(API + path).status_code == 404, path
        assert bfl.as_("bfl.fwd1").get(API + path).status_code == 200, path
    for path in ("/vehicles", "/drivers", "/declarations", "/transactions"):
        assert other.get(API + path).json()["total"] == 0, path
    assert other.get(f"{API}/statistics", params={"day": DAY.isoformat()}).json()["vehicles"] == 0
    stolen = other.post(
        f"{API}/declarations",
        json={
            **{k: declaration[k] for k in ("vehicle_id", "driver_id", "direction", "cargo")},
            "trip_date": DAY.isoformat(),
            "hs_code": "081090",
            "weight_kg": 1,
            "consent": True,
        },
    )
    assert stolen.status_code == 404
    assert (
        other.post(
            f"{API}/transactions/{tx['id']}/resolve", json={"decision": "release", "note": "xx"}
        ).status_code
        == 403
    )
    assert bfl.as_("exam.officer").get(f"{API}/transactions").json()["total"] == 0
