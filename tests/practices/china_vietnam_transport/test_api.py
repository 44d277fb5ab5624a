"""p24 API: permits refuse trips with the rule row, the green channel and the seal check,
two-way loaded matching, multimodal applications, roles, other organizations (404) and bad
input (RFC 9457 problems naming the field)."""

from __future__ import annotations

import csv
import io

from sqlalchemy.orm import Session

from ftz.practices.china_vietnam_transport.models import Permit
from tests.conftest import ApiClients
from tests.practices.china_vietnam_transport.conftest import (
    API,
    Fleet,
    iso,
    load_body,
    permit,
    trip_body,
)


def _rows(made: dict) -> list[str]:  # type: ignore[type-arg]
    return [r["row_id"] for r in made["fired"]]


def test_routes_come_from_the_network(cvt: ApiClients) -> None:
    found = cvt.as_("cvt.carrier").get(f"{API}/routes").json()
    assert [r["code"] for r in found] == ["HK-KT", "HK-YB", "HK-VT", "HK-HN", "HK-HP"]
    hanoi = next(r for r in found if r["code"] == "HK-HN")
    assert hanoi["vn_end"] == "hanoi_yen_vien" and 300 < hanoi["distance_km"] < 400


def test_a_trip_with_a_valid_permit_is_planned_and_anchored(cvt: ApiClients, fleet: Fleet) -> None:
    made = cvt.as_("cvt.carrier").post(f"{API}/trips", json=trip_body(fleet.reefer))
    assert made.status_code == 201, made.text
    trip = made.json()
    assert _rows(trip) == ["P-VALID", "G-NOT-FRESH"] and trip["status"] == "planned"
    assert trip["ledger_index"] is not None and trip["distance_km"] > 300


def test_trips_without_a_valid_permit_are_refused_with_the_row(
    cvt: ApiClients, fleet: Fleet, session: Session
) -> None:
    carrier = cvt.as_("cvt.carrier")
    cases = [(trip_body(fleet.box), "P-NONE"), (trip_body(fleet.box, "HK-XX"), "P-ROUTE")]
    permit(session, fleet.box, "HK-HP", first=-300, last=-1)
    cases.append((trip_body(fleet.box, "HK-HP"), "P-EXPIRED"))
    permit(session, fleet.box, "HK-YB", first=5, last=50)
    cases.append((trip_body(fleet.box, "HK-YB"), "P-NOT-YET"))
    revoked = permit(session, fleet.box, "HK-VT")
    session.get(Permit, revoked).revoked = True  # type: ignore[union-attr]
    session.commit()
    cases.append((trip_body(fleet.box, "HK-VT"), "P-REVOKED"))
    for body, row in cases:
        refused = carrier.post(f"{API}/trips", json=body)
        assert refused.status_code == 422, refused.text
        problem = refused.json()
        assert problem["errors"][0]["field"] == "truck_id"
        assert problem["errors"][0]["reason"].startswith(f"{row}:"), problem


def _green_trip(cvt: ApiClients, fleet: Fleet, seal: str = "MZ0001") -> dict:  # type: ignore[type-arg]
    carrier = cvt.as_("cvt.carrier")
    load = carrier.post(f"{API}/loads", json=load_body(fresh=True)).json()
    body = trip_body(fleet.reefer, load_id=load["id"], local_inspection=True, seal_origin=seal)
    trip = carrier.post(f"{API}/trips", json=body).json()
    assert trip["green_channel"] and "G-OK" in _rows(trip)
    departed = carrier.post(f"{API}/trips/{trip['id']}/events", json={"event": "depart"})
    assert departed.json()["status"] == "under_way"
    return dict(trip)


def test_the_export_never_hands_a_spreadsheet_a_formula(cvt: ApiClients, fleet: Fleet) -> None:
    """A seal typed as `-A1` would be a cell reference in a spreadsheet: it is exported quoted."""
    trip = _green_trip(cvt, fleet, seal="-A1")
    exported = cvt.as_("cvt.carrier").get(f"{API}/trips.csv").text
    [row] = [r for r in csv.DictReader(io.StringIO(exported.lstrip("\ufeff")))
             if r["number"] == trip["number"]]  # fmt: skip
    assert row["seal_origin"] == "'-A1"


def test_intact_seal_is_cleared_and_a_mismatch_is_held(cvt: ApiClients, fleet: Fleet) -> None:
    customs = cvt.as_("cvt.customs")
    trip = _green_trip(cvt, fleet)
    seal = {"seal_destination": "mz0001", "clearance_minutes": 9}
    cleared = customs.post(f"{API}/trips/{trip['id']}/seal", json=seal).json()
    assert cleared["status"] == "cleared" and "S-INTACT" in _rows(cleared)
    other = _green_trip(cvt, fleet, seal="MZ0002")
    held = customs.post(
        f"{API}/trips/{other['id']}/seal",
        json={"seal_destination": "MZ7777", "clearance_minutes": 30},
    ).json()
    assert held["status"] == "held" and held["seal_verdict"] == "hold"
    assert "S-MISMATCH" in _rows(held) and "differs" in held["hold_reason"]
    bad = customs.post(f"{API}/trips/{other['id']}/release", json={"note": ""})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "note"
    released = customs.post(f"{API}/trips/{other['id']}/release", json={"note": "开箱查验无异常"})
    assert released.json()["status"] == "cleared"
    history = cvt.as_("cvt.carrier").get(f"{API}/trips/{other['id']}/history").json()
    assert any(h["action"] == "transition:hold" for h in history)


def test_roles_and_departments(cvt: ApiClients, fleet: Fleet) -> None:
    trip = _green_trip(cvt, fleet)
    seal = {"seal_destination": "MZ0001", "clearance_minutes": 9}
    assert (
        cvt.as_("cvt.carrier").post(f"{API}/trips/{trip['id']}/seal", json=seal).status_code == 403
    )
    assert (
        cvt.as_("cvt.transport").post(f"{API}/trips/{trip['id']}/seal", json=seal).status_code
        == 403
    )
    body = {
        "truck_id": fleet.box,
        "route_code": "HK-HN",
        "valid_from": "2026-01-01",
        "valid_to": "2026-12-31",
    }
    assert cvt.as_("cvt.customs").post(f"{API}/permits", json=body).status_code == 403
    assert cvt.as_("cvt.carrier").post(f"{API}/permits", json=body).status_code == 403
    assert cvt.as_("cvt.transport").post(f"{API}/permits", json=body).status_code == 201
    assert (
        cvt.as_("cvt.customs").post(f"{API}/trips", json=trip_body(fleet.reefer)).status_code == 403
    )


def test_other_organizations_get_404(cvt: ApiClients, fleet: Fleet) -> None:
    carrier, other = cvt.as_("cvt.carrier"), cvt.as_("cvt.vncarrier")
    load = carrier.post(f"{API}/loads", json=load_body()).json()
    trip = carrier.post(f"{API}/trips", json=trip_body(fleet.reefer, load_id=load["id"])).json()
    permits = carrier.get(f"{API}/permits", params={"truck_id": fleet.reefer}).json()["items"]
    for path in (
        f"/trips/{trip['id']}",
        f"/trips/{trip['id']}/history",
        f"/loads/{load['id']}",
        f"/trucks/{fleet.reefer}",
        f"/permits/{permits[0]['id']}",
    ):
        assert other.get(f"{API}{path}").status_code == 404, path
        assert cvt.as_("exam.officer").get(f"{API}{path}").status_code == 404, path
    event = other.post(f"{API}/trips/{trip['id']}/events", json={"event": "cancel"})
    assert event.status_code == 404
    edit = other.patch(f"{API}/trucks/{fleet.reefer}", json={"driver": "x"})
    assert edit.status_code == 404
    borrowed = other.post(f"{API}/trips", json=trip_body(fleet.reefer))
    assert borrowed.status_code == 404
    assert trip["id"] not in {t["id"] for t in other.get(f"{API}/trips").json()["items"]}
    assert cvt.as_("exam.officer").get(f"{API}/trips").json()["total"] == 0


def test_bad_input_names_the_field(cvt: ApiClients, fleet: Fleet) -> None:
    carrier = cvt.as_("cvt.carrier")
    late = carrier.post(f"{API}/loads", json=load_body(deliver_by=iso(-5)))
    assert late.status_code == 422 and late.json()["errors"][0]["field"] == "deliver_by"
    way = carrier.post(f"{API}/trips", json=trip_body(fleet.reefer, direction="east"))
    assert way.status_code == 422 and "direction" in way.text
    twice = carrier.post(
        f"{API}/trucks",
        json={"plate": "云GT0001", "country": "CN", "kind": "box", "capacity_t": "20"},
    )
    assert twice.status_code == 422 and twice.json()["errors"][0]["field"] == "plate"
    heavy = carrier.post(f"{API}/loads", json=load_body(weight_t="26")).json()
    over = carrier.post(f"{API}/trips", json=trip_body(fleet.reefer, load_id=heavy["id"]))
    assert over.status_code == 422 and over.json()["errors"][0]["field"] == "load_id"


def test_truck_edit_and_csv(cvt: ApiClients, fleet: Fleet) -> None:
    carrier = cvt.as_("cvt.carrier")
    edited = carrier.patch(f"{API}/trucks/{fleet.box}", json={"driver": "赵六"})
    assert edited.json()["driver"] == "赵六"
    carrier.post(f"{API}/trips", json=trip_body(fleet.reefer))
    csv = carrier.get(f"{API}/trips.csv")
    assert csv.status_code == 200 and "HK-HN" in csv.text and csv.text.startswith("\ufeffnumber")


def test_two_way_loaded_matching_and_apply(cvt: ApiClients, fleet: Fleet) -> None:
    carrier = cvt.as_("cvt.carrier")
    south = carrier.post(f"{API}/loads", json=load_body()).json()
    out = carrier.post(f"{API}/trips", json=trip_body(fleet.reefer, load_id=south["id"])).json()
    back = carrier.post(f"{API}/loads", json=load_body(direction="north", ready_at=iso(12))).json()
    stuck = carrier.post(f"{API}/loads", json=load_body("HK-YB", "north")).json()
    preview = carrier.get(f"{API}/match").json()
    [pair] = preview["pairs"]
    assert (pair["trip_id"], pair["load_id"]) == (out["id"], back["id"])
    assert [r["row_id"] for r in pair["fired"]] == ["B-OK"] and pair["empty_km_avoided"] > 300
    [left] = preview["unmatched"]
    assert left["load_id"] == stuck["id"] and left["cause"] == "no_truck"
    assert left["fired"][0]["row_id"] == "U-NO-TRUCK"
    applied = carrier.post(f"{API}/match/apply")
    assert applied.status_code == 201
    [made] = applied.json()["trips"]
    assert made["outbound_id"] == out["id"] and made["direction"] == "north"
    assert _rows(made)[0] == "P-VALID" and "B-OK" in _rows(made)
    assert carrier.get(f"{API}/trips/{out['id']}").json()["return_id"] == made["id"]
    assert carrier.get(f"{API}/loads/{back['id']}").json()["status"] == "assigned"
    assert cvt.as_("cvt.customs").post(f"{API}/match/apply").status_code == 403


def test_multimodal_one_declaration_one_inspection(cvt: ApiClients) -> None:
    rail = cvt.as_("cvt.rail")
    body = {
        "container_no": "CSQU3054383",
        "declaration_no": "860120240000000001",
        "cargo": "磷酸一铵",
        "origin": "mengzi",
        "destination": "lao_cai",
    }
    made = rail.post(f"{API}/multimodal", json=body)
    assert made.status_code == 201, made.text
    box = made.json()
    assert box["legs"] and box["hours"] > 0 and _rows(box) == ["M-INSPECT"]
    assert (
        rail.post(
            f"{API}/multimodal/{box['id']}/inspection", json={"inspection": "passed"}
        ).status_code
        == 403
    )
    released = (
        cvt.as_("cvt.customs")
        .post(f"{API}/multimodal/{box['id']}/inspection", json={"inspection": "passed"})
        .json()
    )
    assert released["status"] == "released" and "M-THROUGH" in _rows(released)
    delivered = rail.post(f"{API}/multimodal/{box['id']}/events", json={"event": "deliver"})
    assert delivered.json()["status"] == "delivered"
    assert cvt.as_("cvt.carrier").get(f"{API}/multimodal/{box['id']}").status_code == 404
    bad = rail.post(f"{API}/multimodal", json={**body, "container_no": "CSQU3054384"})
    assert bad.status_code == 422 and "container_no" in bad.text
    transit = rail.post(f"{API}/multimodal", json={**body, "rail_operator": False})
    assert transit.status_code == 422
    assert transit.json()["errors"][0]["reason"].startswith("M-OPERATOR")
    nowhere = rail.post(f"{API}/multimodal", json={**body, "destination": "atlantis"})
    assert nowhere.status_code == 422 and nowhere.json()["errors"][0]["field"] == "destination"
    figures = cvt.as_("cvt.rail").get(f"{API}/metrics").json()
    assert figures["containers_released"] == 1 and figures["container_saving_cny"] == 926
