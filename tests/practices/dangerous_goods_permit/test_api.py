"""p25 over the API: the transport department issues two-route permits (not the police, not a
carrier); the carrier plans trips choosing the station; a submitted track is judged with its
violations, rule rows and points; points accumulate per driver and enterprise and a driver past
the threshold is blacklisted, reported and refused further trips; the queue board; another
carrier's records answer 404 on every route; bad input is a problem naming the field."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ftz.practices.dangerous_goods_permit.common import demo_routes
from ftz.practices.dangerous_goods_permit.simulate import Drive
from tests.conftest import ApiClients
from tests.practices.dangerous_goods_permit.conftest import (
    API,
    at,
    issue,
    today,
    track_csv,
    trip_body,
)


def permit_body(**extra: Any) -> dict[str, Any]:
    routes = demo_routes()
    return {
        "org_code": "dg-carrier",
        "vehicle_plate": "黑C·T0009",
        "route_a": routes["A"],
        "route_b": routes["B"],
        "valid_from": today().isoformat(),
        "valid_to": today().replace(year=today().year + 1).isoformat(),
        **extra,
    }


def plan(dg: ApiClients, permit_id: str, **extra: Any) -> dict[str, Any]:
    made = dg.as_("dg.carrier").post(f"{API}/trips", json=trip_body(permit_id, **extra))
    assert made.status_code == 201, made.text
    return dict(made.json())


def test_only_the_transport_department_issues_permits(dg: ApiClients) -> None:
    made = dg.as_("dg.transport").post(f"{API}/permits", json=permit_body())
    assert made.status_code == 201, made.text
    permit = made.json()
    assert (permit["station_a"], permit["station_b"], permit["status"]) == ("A", "B", "active")
    assert permit["ledger_index"] is not None and permit["speed_limit_kmh"] == 40
    assert dg.as_("dg.police").post(f"{API}/permits", json=permit_body()).status_code == 403
    assert dg.as_("dg.carrier").post(f"{API}/permits", json=permit_body()).status_code == 403
    bad = dg.as_("dg.transport").post(f"{API}/permits", json=permit_body(route_b=[[131.2, 44.4]]))
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"].endswith("route_b")
    hours = dg.as_("dg.transport").post(f"{API}/permits", json=permit_body(window_end="25:00"))
    assert hours.json()["errors"][0]["field"].endswith("window_end")
    nobody = dg.as_("dg.transport").post(f"{API}/permits", json=permit_body(org_code="nope"))
    assert nobody.status_code == 422 and nobody.json()["errors"][0]["field"] == "org_code"
    edited = dg.as_("dg.transport").patch(
        f"{API}/permits/{permit['id']}",
        json={"speed_limit_kmh": 30, "valid_to": permit["valid_to"], "window_start": "07:00"},
    )
    assert edited.status_code == 200 and edited.json()["speed_limit_kmh"] == 30
    history = dg.as_("dg.transport").get(f"{API}/permits/{permit['id']}/history").json()
    assert {"create", "update"} <= {h["action"] for h in history}
    revoked = dg.as_("dg.transport").post(
        f"{API}/permits/{permit['id']}/revoke", json={"note": "vehicle sold"}
    )
    assert revoked.json()["status"] == "revoked"
    refused = dg.as_("dg.carrier").post(f"{API}/trips", json=trip_body(permit["id"]))
    assert refused.status_code == 409


def test_a_trip_is_judged_and_points_lead_to_the_blacklist(
    dg: ApiClients, session: Session
) -> None:
    permit = issue(session)
    session.commit()
    clean = plan(dg, permit.id, station="B")
    checked = dg.as_("dg.carrier").post(
        f"{API}/trips/{clean['id']}/track", json={"text": track_csv("B", at(9))}
    )
    assert checked.status_code == 200, checked.text
    body = checked.json()
    assert (body["status"], body["compliant"], body["route_followed"], body["points"]) == (
        "checked",
        True,
        "B",
        0,
    )
    again = dg.as_("dg.carrier").post(
        f"{API}/trips/{clean['id']}/track", json={"text": track_csv("B", at(9))}
    )
    assert again.status_code == 409

    # Off the road after 18:00: 6 + 6 points, the driver's threshold (12).
    late = plan(dg, permit.id, station="B", entry_at=at(18).isoformat())
    text = track_csv("B", at(18), Drive(kmh=25, detour=(0.55, 0.8, 600)))
    judged = dg.as_("dg.police").post(f"{API}/trips/{late['id']}/track", json={"text": text})
    assert judged.status_code == 200, judged.text
    verdict = judged.json()
    assert verdict["compliant"] is False and verdict["route_followed"] is None
    assert sorted(v["type"] for v in verdict["violations"]) == ["off_route", "time_window"]
    assert verdict["points"] == 12
    assert {v["rule"] for v in verdict["violations"]} == {"VP-OFF-ROUTE", "VP-TIME-WINDOW"}

    board = dg.as_("dg.police").get(f"{API}/points").json()
    [driver] = board["drivers"]
    assert (driver["points"], driver["level"]) == (12, "blacklist")
    [listed] = board["blacklist"]
    assert listed["subject"] == "driver" and listed["reported_to"] == "transport_authority"
    assert listed["fired"][0]["row_id"] == "BL-DRIVER-LIST" and listed["ledger_index"] is not None
    assert board["enterprises"][0]["level"] == "none"
    refused = dg.as_("dg.carrier").post(f"{API}/trips", json=trip_body(permit.id))
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "driver_licence"
    other = plan(dg, permit.id, driver_licence="230881199107071230")
    assert other["status"] == "planned"


def test_bad_tracks_and_roles(dg: ApiClients, session: Session) -> None:
    permit = issue(session)
    session.commit()
    trip = plan(dg, permit.id)
    url = f"{API}/trips/{trip['id']}/track"
    bad = dg.as_("dg.carrier").post(url, json={"text": "time,lon,lat\n2026-01-01T00:00:00,x,1\n"})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "track line 2"
    far = dg.as_("dg.carrier").post(url, json={"text": track_csv("A", at(9, days=3))})
    assert far.status_code == 422 and far.json()["errors"][0]["field"] == "text"
    assert dg.as_("dg.transport").post(f"{API}/trips", json=trip_body(permit.id)).status_code == 403
    wrong = dg.as_("dg.carrier").post(f"{API}/trips", json=trip_body(permit.id, station="C"))
    assert wrong.status_code == 422
    expired = trip_body(permit.id, entry_at=at(9, days=400).isoformat())
    assert (
        dg.as_("dg.carrier").post(f"{API}/trips", json=expired).json()["errors"][0]["field"]
        == "entry_at"
    )
    cancelled = dg.as_("dg.carrier").post(f"{API}/trips/{trip['id']}/cancel")
    assert cancelled.json()["status"] == "cancelled"


def test_another_carrier_sees_nothing_of_ours(dg: ApiClients, session: Session) -> None:
    permit = issue(session)
    session.commit()
    trip = plan(dg, permit.id)
    them = dg.as_("dg.carrier2")
    for path in (
        f"/permits/{permit.id}",
        f"/permits/{permit.id}/history",
        f"/trips/{trip['id']}",
        f"/trips/{trip['id']}/history",
    ):
        assert them.get(API + path).status_code == 404, path
    assert (
        them.post(
            f"{API}/trips/{trip['id']}/track", json={"text": track_csv("A", at(9))}
        ).status_code
        == 404
    )
    assert them.post(f"{API}/trips/{trip['id']}/cancel").status_code == 404
    assert (
        them.post(
            f"{API}/permits/{permit.id}/check-track", json={"text": track_csv("A", at(9))}
        ).status_code
        == 404
    )
    assert them.post(f"{API}/trips", json=trip_body(permit.id)).status_code == 404
    assert them.get(f"{API}/permits").json()["total"] == 0
    assert them.get(f"{API}/trips").json()["total"] == 0
    assert "黑C" not in them.get(f"{API}/permits.csv").text
    assert them.get(f"{API}/queue").json()["vehicles"] == 0


def test_lists_csv_queue_and_trial_check(dg: ApiClients, session: Session) -> None:
    permit = issue(session)
    session.commit()
    for n in range(4):
        plan(dg, permit.id, station="AB"[n % 2], entry_at=at(9, 5 * n).isoformat())
    board = dg.as_("dg.transport").get(f"{API}/queue", params={"day": today().isoformat()}).json()
    assert board["vehicles"] == 4 and [s["vehicles"] for s in board["stations"]] == [2, 2]
    # One station, 1.25 h a vehicle: the 4th waits 3.75 h - 15 min; with two, 1.25 h - 10 min.
    assert board["single_station"]["max_wait_h"] == 3.5
    assert board["saved"]["max_wait_h"] == 2.42
    assert (board["saved"]["fees_cny"], board["saved"]["fee_pct"]) == (4000, 25.0)
    page = dg.as_("dg.carrier").get(f"{API}/trips", params={"station": "A", "size": 1}).json()
    assert (page["total"], len(page["items"])) == (2, 1)
    found = dg.as_("dg.police").get(f"{API}/permits", params={"q": "T0001"}).json()
    assert found["total"] == 1
    csv = dg.as_("dg.carrier").get(f"{API}/trips.csv")
    assert csv.status_code == 200 and csv.text.count("\n") == 5
    trial = (
        dg.as_("dg.carrier")
        .post(
            f"{API}/permits/{permit.id}/check-track",
            json={"text": track_csv("A", at(9), Drive(kmh=35, fast=(0.3, 0.5, 64)))},
        )
        .json()
    )
    assert trial["compliant"] is False and trial["route"] == "A" and trial["points"] == 12
    assert trial["violations"][0]["type"] == "speeding"
    assert dg.as_("dg.carrier").get(f"{API}/trips").json()["items"][0]["status"] == "planned"
    assert dg.anonymous().get(f"{API}/permits").status_code == 401
