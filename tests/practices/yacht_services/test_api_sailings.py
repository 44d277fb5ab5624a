"""p16 sailings over the API: flags by the rules (night zone, hours, capacity, lookout), the
route's segment outside the zone with its times, the border check's pre-declaration with hashed
document numbers, departure and arrival, the track as sailed, the review, zones and the views."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.practices.yacht_services.common import local
from ftz.practices.yacht_services.models import Passenger
from tests.conftest import ApiClients
from tests.practices.yacht_services.conftest import (
    API,
    INSIDE_ROUTE,
    OUTSIDE_ROUTE,
    make_yacht,
    sailing_body,
    tomorrow_at,
)

PEOPLE = [
    {
        "name": "张三",
        "nationality": "CHN",
        "document_kind": "id_card",
        "document_number": "460200199001100118",
    },
    {
        "name": "Anna Berg",
        "nationality": "SWE",
        "document_kind": "passport",
        "document_number": "AB1234567",
    },
]


def file(ys: ApiClients, body: dict[str, Any], user: str = "ys.club") -> dict[str, Any]:
    made = ys.as_(user).post(f"{API}/sailings", json=body)
    assert made.status_code == 201, made.text
    return dict(made.json())


def test_a_night_route_leaving_the_zone_is_flagged_with_segment_and_time(
    ys: ApiClients, session: Session
) -> None:
    yacht = make_yacht(session, 11)
    session.commit()
    start = tomorrow_at(19)
    night = file(ys, sailing_body(yacht, start, OUTSIDE_ROUTE))
    assert (night["period"], night["zone_code"], night["flags"]) == (
        "night",
        "SY-NIGHT-PHOENIX",
        ["left_night_zone"],
    )
    [out] = night["excursions"]
    left = datetime.fromisoformat(out["left_at"].replace("Z", "+00:00"))
    back = datetime.fromisoformat(out["returned_at"].replace("Z", "+00:00"))
    assert start < left < back < start + timedelta(hours=2)
    assert out["left_at_local"].startswith(local(start).strftime("%Y-%m-%d 19:"))
    assert out["max_distance_m"] > 1000 and out["geometry"]["type"] == "LineString"
    rows = {r["row_id"]: r for r in night["fired"]}
    assert {"NP-EVENING", "SF-LEFT-ZONE"} <= set(rows)
    assert "案例16" in rows["SF-LEFT-ZONE"]["citation"] and night["ledger_index"] is not None
    # The same route by day is not a night-zone matter; inside the zone at night is clean.
    assert file(ys, sailing_body(yacht, tomorrow_at(10), OUTSIDE_ROUTE))["flags"] == []
    clean = file(ys, sailing_body(yacht, tomorrow_at(18, 30), INSIDE_ROUTE))
    assert clean["flags"] == [] and clean["excursions"] == []
    flagged = ys.as_("ys.maritime").get(f"{API}/sailings?flagged=true").json()["items"]
    assert [s["id"] for s in flagged] == [night["id"]]


def test_other_rules_capacity_lookout_certificate_and_hours(
    ys: ApiClients, session: Session
) -> None:
    yacht = make_yacht(session, 12, night_certified=False, capacity=3)
    session.commit()
    crowded = sailing_body(
        yacht, tomorrow_at(19), INSIDE_ROUTE, lookout_aboard=False, passengers=PEOPLE
    )
    flags = file(ys, crowded)["flags"]
    assert flags == ["not_night_certified", "no_lookout", "over_capacity"]
    late = file(ys, sailing_body(yacht, tomorrow_at(21, 10), INSIDE_ROUTE, crew=1))
    assert (late["period"], late["flags"]) == (
        "after_curfew",
        ["after_curfew", "not_night_certified"],
    )


def test_bad_reports_are_refused_with_the_field(ys: ApiClients, session: Session) -> None:
    yacht = make_yacht(session, 13)
    other = make_yacht(session, 14, owner="ys-serenity")
    session.commit()
    club = ys.as_("ys.club")
    far = club.post(
        f"{API}/sailings",
        json=sailing_body(yacht, tomorrow_at(10), [[109.6, 18.2], [109.5010, 18.2450]]),
    )
    assert far.status_code == 422 and far.json()["errors"][0]["field"] == "route"
    body = sailing_body(yacht, tomorrow_at(10), INSIDE_ROUTE)
    backwards = club.post(f"{API}/sailings", json={**body, "return_at": body["depart_at"]})
    assert backwards.json()["errors"][0]["field"] == "return_at"
    past = sailing_body(yacht, tomorrow_at(10) - timedelta(days=2), INSIDE_ROUTE)
    assert club.post(f"{API}/sailings", json=past).json()["errors"][0]["field"] == "depart_at"
    bad_person = club.post(
        f"{API}/sailings", json={**body, "passengers": [{**PEOPLE[0], "nationality": "China"}]}
    )
    assert bad_person.status_code == 422
    assert (
        club.post(
            f"{API}/sailings", json=sailing_body(other, tomorrow_at(10), INSIDE_ROUTE)
        ).status_code
        == 404
    )
    assert ys.as_("ys.maritime").post(f"{API}/sailings", json=body).status_code == 403
    assert ys.anonymous().post(f"{API}/sailings", json=body).status_code == 401
    assert ys.as_("ys.club").get(f"{API}/sailings?period=dusk").status_code == 422


def test_border_pre_declaration_departure_track_and_review(
    ys: ApiClients, session: Session
) -> None:
    yacht = make_yacht(session, 15)
    session.commit()
    start = tomorrow_at(19)
    sailing = file(ys, sailing_body(yacht, start, INSIDE_ROUTE, passengers=PEOPLE))
    sid = sailing["id"]
    assert sailing["border_status"] == "declared" and sailing["flags"] == []
    mine = ys.as_("ys.club").get(f"{API}/sailings/{sid}/passengers").json()
    assert [(p["name"], p["document_hint"]) for p in mine] == [
        ("Anna Berg", "4567"),
        ("张三", "0118"),
    ]
    assert "AB1234567" not in str(mine)
    stored = session.scalars(select(Passenger).where(Passenger.sailing_id == sid)).all()
    assert all(len(p.document_hash) == 64 and "1234567" not in p.document_hash for p in stored)
    assert ys.as_("ys.maritime").get(f"{API}/sailings/{sid}/passengers").status_code == 403
    assert len(ys.as_("ys.border").get(f"{API}/sailings/{sid}/passengers").json()) == 2
    club = ys.as_("ys.club")
    blocked = club.post(f"{API}/sailings/{sid}/events", json={"event": "depart"})
    assert blocked.status_code == 409 and "border" in blocked.json()["detail"]
    assert (
        ys.as_("ys.maritime")
        .post(f"{API}/sailings/{sid}/border", json={"decision": "cleared"})
        .status_code
        == 403
    )
    cleared = ys.as_("ys.border").post(f"{API}/sailings/{sid}/border", json={"decision": "cleared"})
    assert cleared.json()["border_status"] == "cleared"
    assert (
        club.post(f"{API}/sailings/{sid}/events", json={"event": "depart"}).json()["status"]
        == "out"
    )
    board = ys.as_("ys.transport").get(f"{API}/dispatch").json()
    assert sid in {o["sailing_id"] for o in board["out"]}
    visun = next(
        b for b in ys.as_("ys.club").get(f"{API}/berths").json() if b["code"] == "SY-VISUN"
    )
    assert (visun["based"], visun["out"], visun["at_berth"]) == (1, 1, 0)
    # The track as sailed leaves the zone although the filed route did not.
    fixes = ["time,lon,lat"] + [
        f"{(local(start) + timedelta(minutes=10 * i)).strftime('%Y-%m-%dT%H:%M:%S')},{lon},{lat}"
        for i, (lon, lat) in enumerate(OUTSIDE_ROUTE)
    ]
    bad = club.post(
        f"{API}/sailings/{sid}/track",
        content="time,lon,lat\n1,2,3\nx,1,1\n",
        headers={"content-type": "text/csv"},
    )
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "track line 3"
    track = club.post(
        f"{API}/sailings/{sid}/track",
        content="\n".join(fixes),
        headers={"content-type": "text/csv"},
    )
    assert track.status_code == 201, track.text
    assert track.json()["points"] == len(OUTSIDE_ROUTE) and len(track.json()["excursions"]) == 1
    again = club.post(
        f"{API}/sailings/{sid}/track",
        content="\n".join(fixes),
        headers={"content-type": "text/csv"},
    )
    assert again.status_code == 409
    judged = club.get(f"{API}/sailings/{sid}").json()
    assert judged["flags"] == ["left_night_zone"] and judged["flagged"] is True
    [segment] = judged["excursions"]
    assert segment["left_at_local"].startswith(local(start).strftime("%Y-%m-%d 19:"))
    assert (
        club.get(f"{API}/sailings/{sid}/track").json()["feature"]["geometry"]["type"]
        == "LineString"
    )
    assert (
        ys.as_("ys.border")
        .post(f"{API}/sailings/{sid}/review", json={"disposition": "warned", "note": "越区"})
        .status_code
        == 403
    )
    reviewed = ys.as_("ys.maritime").post(
        f"{API}/sailings/{sid}/review",
        json={"disposition": "warned", "note": "驶出夜航区域，予以警示"},
    )
    assert reviewed.json()["disposition"] == "warned"
    assert (
        club.post(f"{API}/sailings/{sid}/events", json={"event": "arrive"}).json()["status"]
        == "arrived"
    )
    assert ys.as_("ys.serenity").get(f"{API}/sailings/{sid}").status_code == 404
    history = club.get(f"{API}/sailings/{sid}/history").json()
    assert {"transition:depart", "transition:arrive"} <= {h["action"] for h in history}


def test_zones_are_published_as_new_versions(ys: ApiClients, session: Session) -> None:
    zones = ys.as_("ys.club").get(f"{API}/zones").json()
    [zone] = zones["features"]
    props = zone["properties"]
    assert props["code"] == "SY-NIGHT-PHOENIX" and props["version"] == 0
    assert 30_000_000 < props["area_m2"] < 40_000_000
    smaller = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {
                    "code": "SY-NIGHT-PHOENIX",
                    "name_zh": "缩小的夜航区域",
                    "name_en": "Smaller zone",
                    "marinas": ["SY-VISUN"],
                },
                "geometry": {
                    "type": "Polygon",
                    "coordinates": [
                        [
                            [109.50, 18.24],
                            [109.48, 18.24],
                            [109.48, 18.25],
                            [109.50, 18.25],
                            [109.50, 18.24],
                        ]
                    ],
                },
            }
        ],
    }
    assert (
        ys.as_("ys.club")
        .post(f"{API}/zones", json={"geojson": smaller, "effective_from": "2024-01-01"})
        .status_code
        == 403
    )
    broken = {
        **smaller,
        "features": [
            {
                **smaller["features"][0],
                "geometry": {
                    "type": "Polygon",
                    "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]],
                },
            }
        ],
    }
    refused = ys.as_("ys.maritime").post(
        f"{API}/zones", json={"geojson": broken, "effective_from": "2024-01-01"}
    )
    assert refused.status_code == 422 and "Self-intersection" in refused.json()["detail"]
    made = ys.as_("ys.maritime").post(
        f"{API}/zones", json={"geojson": smaller, "effective_from": "2024-01-01"}
    )
    assert made.status_code == 201 and made.json()["version"] == 1
    now = ys.as_("ys.club").get(f"{API}/zones").json()["features"][0]["properties"]
    assert now["version"] == 1 and now["marinas"] == ["SY-VISUN"]
    before = ys.as_("ys.club").get(f"{API}/zones?on=2023-12-31").json()["features"][0]
    assert before["properties"]["version"] == 0


def test_statistics_count_the_year_in_local_time(ys: ApiClients, session: Session) -> None:
    yacht = make_yacht(session, 16)
    session.commit()
    start = tomorrow_at(10)
    file(ys, sailing_body(yacht, start, INSIDE_ROUTE, passengers=PEOPLE))
    data = ys.as_("ys.maritime").get(f"{API}/statistics?year={start.year}").json()
    month = data["months"][start.strftime("%Y-%m")]
    assert month["sailings"] >= 1 and month["passengers"] >= 2
    assert data["scaled_seed"] == {
        "yachts": 14,
        "sailings": 1279,
        "visitors": 9009,
        "night_pilot_visitors": 67,
        "transfers": 5,
    }
    assert ys.as_("ys.club").get(f"{API}/statistics?year=1999").status_code == 422
