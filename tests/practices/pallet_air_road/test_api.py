"""p09 API: a ULD built abroad by one destination is tallied with the ULD as the package,
cleared, loaded whole on a ULD-capable trailer and delivered with one touch; the metrics come
from the event times; a mixed ULD is broken down with four touches; each event belongs to its
party; the road-leg rule refuses an ordinary truck with the fired row; other organizations get
404; bad input is an RFC 9457 problem naming the field."""

from __future__ import annotations

from typing import Any

from tests.conftest import ApiClients
from tests.practices.pallet_air_road.conftest import API, WHOLE_STEPS, earlier, uld_body, walk


def _build(par: ApiClients, **extra: Any) -> dict[str, Any]:
    made = par.as_("par.forwarder").post(f"{API}/ulds", json=uld_body(**extra))
    assert made.status_code == 201, made.text
    return made.json()  # type: ignore[no-any-return]


def test_whole_uld_from_build_to_delivery(par: ApiClients) -> None:
    uld = _build(par)
    assert (uld["uld_code"], uld["mode"], uld["package_type"]) == ("PMC12345CV", "whole_uld", "ULD")
    assert uld["destination"] == "PEK" and uld["pieces"] == 42
    assert uld["fired"][0]["row_id"] == "BM-ONE-DEST"
    done = walk(par, uld["id"], WHOLE_STEPS, earlier()).json()
    assert done["status"] == "delivered"
    tally = next(e for e in done["events"] if e["event"] == "finish_tally")
    assert tally["data"]["tally_report"] == {"package_type": "ULD", "packages": 1}
    m = done["metrics"]
    assert (m["touches"], m["tally_minutes"], m["loading_minutes"], m["crew"]) == (1, 0.75, 15.0, 2)
    assert all(t["met"] for t in m["targets"])
    assert done["road"]["trailer"] == "豫A9001挂" and done["road"]["distance_km"] > 800
    assert "RL-WHOLE-CAPABLE" in {f["row_id"] for f in done["fired"]}
    assert done["record_sha256"] and len(done["manifest_sha256"]) == 64
    stats = par.as_("par.customs").get(f"{API}/statistics").json()
    assert stats["modes"]["whole_uld"]["count"] >= 1
    csv = par.as_("par.forwarder").get(f"{API}/ulds.csv")
    assert "PMC12345CV" in csv.text and csv.headers["content-type"].startswith("text/csv")


def test_mixed_destinations_break_down_with_four_touches(par: ApiClients) -> None:
    lines = uld_body()["lines"]
    lines[1]["destination"] = "WUH"
    uld = _build(par, lines=lines)
    assert (uld["mode"], uld["package_type"]) == ("breakdown", "pieces")
    steps = [("arrive", 0), ("start_tally", 20), ("finish_tally", 30), ("store", 50),
             ("screen", 60), ("clear", 90), ("start_loading", 100), ("finish_loading", 280),
             ("depart", 290), ("deliver", 900)]  # fmt: skip
    legs = {"PEK": "豫A9002挂", "WUH": "豫A9004挂"}
    done = walk(par, uld["id"], steps, earlier(), crew=5, legs=legs).json()
    m = done["metrics"]
    # Each piece is touched 4 times, however many road legs the ULD was split into.
    assert (m["touches"], m["tally_minutes"], m["loading_minutes"]) == (4, 10.0, 180.0)
    assert not any(t["met"] for t in m["targets"])
    assert done["status"] == "delivered"
    assert {g["destination"]: g["status"] for g in done["road_legs"]} == {
        "PEK": "delivered", "WUH": "delivered"}  # fmt: skip


def test_road_leg_needs_a_uld_capable_trailer(par: ApiClients) -> None:
    uld = _build(par)
    walk(par, uld["id"], WHOLE_STEPS[:6], earlier())
    refused = par.as_("par.handler").post(
        f"{API}/ulds/{uld['id']}/events",
        json={"event": "start_loading", "trailer_plate": "豫A9002挂"},
    )
    assert refused.status_code == 422
    problem = refused.json()
    assert problem["errors"][0]["field"] == "trailer_plate"
    assert problem["errors"][0]["reason"].startswith("RL-WHOLE-NOT-CAPABLE")
    missing = par.as_("par.handler").post(f"{API}/ulds/{uld['id']}/events",
                                          json={"event": "start_loading"})  # fmt: skip
    assert missing.json()["errors"][0]["field"] == "trailer_plate"


def test_each_event_belongs_to_its_party(par: ApiClients) -> None:
    uld = _build(par)
    url = f"{API}/ulds/{uld['id']}/events"
    assert par.as_("par.forwarder").post(url, json={"event": "arrive"}).status_code == 403
    assert par.as_("par.customs").post(url, json={"event": "arrive"}).status_code == 403
    assert par.as_("par.handler").post(url, json={"event": "screen"}).status_code == 403
    assert par.as_("par.handler").post(url, json={"event": "clear"}).status_code == 403
    assert par.as_("par.handler").post(url, json={"event": "deliver"}).status_code == 403
    assert par.as_("par.handler").post(url, json={"event": "teleport"}).status_code == 422
    walk(par, uld["id"], WHOLE_STEPS[:5], earlier())
    assert par.as_("par.security").post(url, json={"event": "clear"}).status_code == 403
    held = par.as_("par.customs").post(url, json={"event": "hold", "note": "查验"})
    assert held.json()["status"] == "held"
    assert par.as_("par.customs").post(url, json={"event": "clear"}).status_code == 409


def test_event_times_are_checked(par: ApiClients) -> None:
    uld = _build(par)
    walk(par, uld["id"], [("arrive", 0)], earlier())
    url = f"{API}/ulds/{uld['id']}/events"
    before = earlier(40).isoformat()
    answer = par.as_("par.handler").post(url, json={"event": "start_tally", "at": before})
    assert answer.json()["errors"][0] == {
        "field": "at",
        "reason": "before the ULD's previous event",
    }
    future = earlier(-2).isoformat()
    assert par.as_("par.handler").post(url, json={"event": "start_tally", "at": future}).json()[
        "errors"][0]["reason"] == "in the future"  # fmt: skip


def test_bad_manifests_name_the_field(par: ApiClients) -> None:
    client = par.as_("par.forwarder")
    cases = [
        (uld_body(code="PMC12CV"), "uld_code"),
        (uld_body(code="GMA12345CV"), "uld_code"),  # a net is no packing unit
        (uld_body(mawb_no="172-31000013"), "mawb_no"),
        (uld_body(handler_org_code="nobody"), "handler_org_code"),
        (uld_body(lines=[{**uld_body()["lines"][0], "destination": "XXX"}]), "lines.0.destination"),
        (uld_body(lines=[uld_body()["lines"][0], uld_body()["lines"][0]]), "lines"),
    ]
    for body, field in cases:
        answer = client.post(f"{API}/ulds", json=body)
        assert answer.status_code == 422, (field, answer.text)
        assert answer.json()["errors"][0]["field"] == field
    assert client.post(f"{API}/ulds", json={**uld_body(), "lines": []}).status_code == 422
    _build(par)
    assert client.post(f"{API}/ulds", json=uld_body()).status_code == 409


def test_edit_until_arrival_then_fixed(par: ApiClients) -> None:
    uld = _build(par)
    edited = par.as_("par.forwarder").put(f"{API}/ulds/{uld['id']}",
                                          json=uld_body(note="改"))  # fmt: skip
    assert edited.status_code == 200 and edited.json()["note"] == "改"
    walk(par, uld["id"], [("arrive", 0)], earlier())
    assert par.as_("par.forwarder").put(f"{API}/ulds/{uld['id']}",
                                        json=uld_body()).status_code == 409  # fmt: skip


def test_other_organizations_get_404(par: ApiClients) -> None:
    uld = _build(par)
    base = f"{API}/ulds/{uld['id']}"
    other = par.as_("par.other")
    for path in (base, f"{base}/events", f"{base}/history"):
        assert other.get(path).status_code == 404, path
        assert par.as_("exam.officer").get(path).status_code == 404, path
    assert other.put(base, json=uld_body()).status_code == 404
    assert other.post(f"{base}/events", json={"event": "cancel"}).status_code == 404
    assert other.get(f"{API}/ulds").json()["total"] == 0
    assert par.as_("exam.officer").get(f"{API}/ulds").json()["total"] == 0
    assert par.as_("par.handler").get(base).status_code == 200
    assert par.as_("par.customs").get(f"{API}/ulds").json()["total"] >= 1
    assert par.as_("par.trucker").get(base).status_code == 404  # not on its trailer yet
    assert par.anonymous().get(f"{API}/ulds").status_code == 401


def test_trailers_and_reference(par: ApiClients) -> None:
    trucker = par.as_("par.trucker")
    made = trucker.post(f"{API}/trailers", json={"plate": "豫A9100挂", "kind": "uld_roller",
                                                  "positions": 4})  # fmt: skip
    assert made.status_code == 201
    assert trucker.post(f"{API}/trailers", json={"plate": "豫A9100挂", "kind": "box",
                                                 "positions": 4}).status_code == 409  # fmt: skip
    bad = trucker.post(f"{API}/trailers", json={"plate": "X", "kind": "box", "positions": 4})
    assert bad.status_code == 422
    assert trucker.get(f"{API}/trailers").json()["total"] == 5
    assert par.as_("par.other").get(f"{API}/trailers").json()["total"] == 0
    assert par.as_("par.customs").post(f"{API}/trailers", json={"plate": "豫A9101挂",
        "kind": "box", "positions": 2}).status_code == 403  # fmt: skip
    found = par.as_("par.other").get(f"{API}/uld-id/ake 1234 mu").json()
    assert (found["code"], found["category"]["kind"]) == ("AKE1234MU", "container")
    assert par.as_("par.other").get(f"{API}/uld-id/XYZ").json()["errors"][0]["field"] == "code"
    assert "start_loading" in par.as_("par.other").get(f"{API}/workflow").json()["mermaid"]
