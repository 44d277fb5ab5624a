"""p25 pages without a browser: every route is guarded; pages render in Chinese and English for
each role; the permit form shows bad input again with the message (422); the trip page draws
both routes, the track and the violations in red; another carrier gets 404; an officer of an
unrelated agency sees no records."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from ftz.practices.dangerous_goods_permit import trips
from ftz.practices.dangerous_goods_permit.demo import who
from ftz.practices.dangerous_goods_permit.schemas import TrackIn, TripIn
from ftz.practices.dangerous_goods_permit.simulate import Drive
from tests.conftest import ApiClients, csrf_from, login
from tests.practices.dangerous_goods_permit.conftest import API, BASE, at, issue, track_csv
from tests.routes import api_routes

HTML = {"accept": "text/html"}


def test_every_p25_route_is_guarded(app: FastAPI) -> None:
    routes = [(p, r) for p, r in api_routes(app.routes) if "dangerous-goods-permit" in p]
    assert len(routes) >= 25
    for _, route in routes:
        names = {d.call.__name__ for d in route.dependant.dependencies}
        assert any(n.startswith("require_dangerous_goods_permit") for n in names), route.path
    anonymous = TestClient(app, raise_server_exceptions=False)
    for path, route in routes:
        if "GET" in route.methods and "{" not in path:
            answer = anonymous.get(path, headers=HTML, follow_redirects=False)
            assert answer.status_code in (303, 401), path


def _checked_trip(session: Session) -> tuple[str, str]:
    permit = issue(session)
    carrier = who(session, "dg.carrier")
    trip = trips.plan(
        session,
        principal=carrier,
        data=TripIn(
            permit_id=permit.id,
            station="A",
            driver_name="李明",
            driver_licence="230881198502021235",
            tonnes=20,
            entry_at=at(9),
        ),
    )
    text = track_csv("A", at(9), Drive(kmh=35, fast=(0.3, 0.5, 64)))
    trips.submit_track(
        session, principal=carrier, trip_id=trip.id, data=TrackIn(format="csv", text=text)
    )
    session.commit()
    return permit.id, trip.id


def test_pages_render_for_each_role_in_both_languages(
    dg: ApiClients, client: TestClient, session: Session
) -> None:
    permit_id, trip_id = _checked_trip(session)
    for user in ("dg.carrier", "dg.transport", "dg.police"):
        login(client, user)
        for lang in ("zh", "en"):
            for page in (
                "",
                "/permits",
                "/trips",
                "/points",
                f"/permits/{permit_id}",
                f"/trips/{trip_id}",
                "/trips?compliant=no&station=A",
            ):
                answer = client.get(
                    f"{BASE}{page}?lang={lang}" if "?" not in page else f"{BASE}{page}&lang={lang}"
                )
                assert answer.status_code == 200, (user, page, answer.text[:300])
        client.cookies.clear()
    login(client, "dg.police")
    detail = client.get(f"{BASE}/trips/{trip_id}?lang=zh").text
    assert 'class="violation speeding"' in detail and "VP-SPEED-50" in detail
    assert "超过许可限速50%以上" in detail and 'class="route-a"' in detail
    english = client.get(f"{BASE}/trips/{trip_id}?lang=en").text
    assert "Violations" in english and 'id="track-form"' not in english
    login(client, "dg.carrier2")
    assert client.get(f"{BASE}/trips/{trip_id}").status_code == 404
    assert client.get(f"{BASE}/permits/{permit_id}").status_code == 404


def test_an_unrelated_officer_sees_no_records(dg: ApiClients, session: Session) -> None:
    permit_id, _ = _checked_trip(session)
    assert dg.as_("hrss.officer").get(f"{API}/permits/{permit_id}").status_code == 404
    assert dg.as_("hrss.officer").get(f"{API}/trips").json()["total"] == 0
    # Emergency management supervises jointly with transport and the police (case 25).
    assert dg.as_("emergency.officer").get(f"{API}/permits/{permit_id}").status_code == 200


def test_permit_form_keeps_input_and_issues(dg: ApiClients, client: TestClient) -> None:
    login(client, "dg.transport")
    page = client.get(f"{BASE}/permits/new?lang=en").text
    token = csrf_from(page)
    form = {
        "csrf_token": token,
        "org_code": "dg-carrier",
        "vehicle_plate": "黑C·W0001",
        "cargo_un": "UN1075",
        "cargo_name": "液化石油气",
        "route_a": "131.195, 44.403\nnot a point",
        "route_b": "131.195, 44.403\n131.125, 44.382",
        "valid_from": "2026-01-01",
        "valid_to": "2026-12-31",
        "tolerance_m": "100",
        "speed_limit_kmh": "40",
        "window_start": "08:00",
        "window_end": "18:00",
        "max_stop_min": "10",
        "escort": "on",
    }
    bad = client.post(f"{BASE}/permits/new", data=form)
    assert bad.status_code == 422 and "line 2" in bad.text and "黑C·W0001" in bad.text
    form["route_a"] = "131.195, 44.403\n131.120, 44.424"
    made = client.post(f"{BASE}/permits/new", data=form, follow_redirects=False)
    assert made.status_code == 303, made.text[:500]
    permit_url = made.headers["location"]
    edit = client.get(f"{permit_url}/edit?lang=en")
    assert edit.status_code == 200 and 'id="speed_limit_kmh"' in edit.text
    edited = client.post(f"{permit_url}/edit", data={**form, "speed_limit_kmh": "abc"})
    assert edited.status_code == 422
    revoke = client.post(f"{permit_url}/revoke", data={"csrf_token": token, "note": ""})
    assert revoke.status_code == 422
    done = client.post(
        f"{permit_url}/revoke", data={"csrf_token": token, "note": "sold"}, follow_redirects=False
    )
    assert done.status_code == 303
    assert 'id="permit-status">revoked' in client.get(f"{permit_url}?lang=en").text
    assert (
        client.post(
            f"{BASE}/permits/new", data={k: v for k, v in form.items() if k != "csrf_token"}
        ).status_code
        == 403
    )


def test_trip_form_and_track_upload(dg: ApiClients, client: TestClient, session: Session) -> None:
    permit = issue(session)
    session.commit()
    login(client, "dg.carrier")
    page = client.get(f"{BASE}/permits/{permit.id}?lang=en").text
    token = csrf_from(page)
    form = {
        "csrf_token": token,
        "station": "B",
        "driver_name": "王海",
        "driver_licence": "2308",
        "tonnes": "20",
        "entry_at": at(9).strftime("%Y-%m-%dT%H:%M"),
    }
    bad = client.post(f"{BASE}/permits/{permit.id}/trips", data=form)
    assert bad.status_code == 422 and "driver_licence" in bad.text
    form["driver_licence"] = "230881197903031236"
    made = client.post(f"{BASE}/permits/{permit.id}/trips", data=form, follow_redirects=False)
    assert made.status_code == 303
    trip_url = made.headers["location"]
    junk = client.post(f"{trip_url}/track", data={"csrf_token": token, "text": "nonsense"})
    assert junk.status_code == 422
    upload = client.post(
        f"{trip_url}/track",
        data={"csrf_token": token},
        files={"file": ("track.csv", track_csv("B", at(9)), "text/csv")},
        follow_redirects=False,
    )
    assert upload.status_code == 303
    shown = client.get(f"{trip_url}?lang=en").text
    assert 'id="compliant">yes' in shown and 'id="route-followed">B' in shown
