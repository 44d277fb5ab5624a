"""A broken-down ULD's loose cargo goes one truck per destination: a road leg per destination
with its house waybills, pieces and weight, each leg departing and delivered on its own by its
own trucker, the ULD delivered with its last leg. And the ULD's audit history is shown to every
party that acts on it (forwarder, handler, each trucker, officers), to no one else."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind, Role
from ftz.core.auth.service import DEMO_PASSWORD
from ftz.practices.pallet_air_road import service
from ftz.practices.pallet_air_road.demo import who
from ftz.practices.pallet_air_road.schemas import TrailerIn
from tests.conftest import ApiClients, csrf_from, login
from tests.practices.pallet_air_road.conftest import (
    API,
    WHOLE_STEPS,
    earlier,
    uld_body,
    walk,
)

MIXED = [
    {"hawb": "H1", "description": "精密仪器", "pieces": 12, "gross_kg": "850.5",
     "destination": "PEK"},
    {"hawb": "H2", "description": "电子元器件", "pieces": 30, "gross_kg": "412.0",
     "destination": "PEK"},
    {"hawb": "H3", "description": "医疗器械", "pieces": 8, "gross_kg": "300.0",
     "destination": "WUH"},
    {"hawb": "H4", "description": "服装", "pieces": 5, "gross_kg": "95.5", "destination": "CTU"},
]  # fmt: skip
TRUCKS = {"PEK": "豫A9002挂", "WUH": "豫A9004挂", "CTU": "豫A9005挂"}


def _second_trucker(par: ApiClients, session: Session) -> None:
    accounts.ensure_org(session, code="par-trucker2", name_zh="第二车队（测试）",
                        name_en="Second trucking", kind=OrgKind.ENTERPRISE)  # fmt: skip
    user = accounts.ensure_user(session, username="par.trucker2", display_name="第二车队",
                                org_code="par-trucker2", roles=[Role.ENTERPRISE],
                                password=DEMO_PASSWORD)  # fmt: skip
    service.add_trailer(session, principal=who(session, "par.trucker2"),
                        data=TrailerIn(plate="豫A9005挂", kind="box", positions=1))  # fmt: skip
    par.tokens["par.trucker2"], _ = accounts.create_api_token(session, user=user, name="t")
    session.commit()


def _event(par: ApiClients, user: str, uld_id: str, **body: Any) -> Any:
    return par.as_(user).post(f"{API}/ulds/{uld_id}/events", json=body)


def test_broken_down_uld_goes_one_truck_per_destination(par: ApiClients, session: Session) -> None:
    _second_trucker(par, session)
    uld = par.as_("par.forwarder").post(f"{API}/ulds", json=uld_body(lines=MIXED)).json()
    assert uld["mode"] == "breakdown"
    walk(par, uld["id"], WHOLE_STEPS[:6], earlier())
    uid = uld["id"]
    # One truck for three destinations is refused, and so is a destination left without one.
    one = _event(par, "par.handler", uid, event="start_loading", trailer_plate="豫A9002挂")
    assert one.status_code == 422 and one.json()["errors"][0]["field"] == "legs"
    short = _event(par, "par.handler", uid, event="start_loading",
                   legs={"PEK": "豫A9002挂", "WUH": "豫A9004挂"})  # fmt: skip
    assert short.json()["errors"][0]["field"] == "legs.CTU"
    stray = _event(par, "par.handler", uid, event="start_loading", legs={**TRUCKS, "SZX": "x"})
    assert stray.json()["errors"][0]["field"] == "legs.SZX"
    capable = _event(par, "par.handler", uid, event="start_loading",
                     legs={**TRUCKS, "CTU": "豫A9009挂"})  # fmt: skip
    assert capable.json()["errors"][0] == {
        "field": "legs.CTU",
        "reason": "no active trailer with this plate",
    }
    # Nothing of a refused load was kept: the ULD is still cleared, with no legs.
    assert par.as_("par.handler").get(f"{API}/ulds/{uid}").json()["road_legs"] == []
    loaded = _event(par, "par.handler", uid, event="start_loading", legs=TRUCKS, crew=4).json()
    assert loaded["status"] == "loading"
    legs = {g["destination"]: g for g in loaded["road_legs"]}
    assert [g["destination"] for g in loaded["road_legs"]] == [
        "PEK",
        "WUH",
        "CTU",
    ]  # heaviest first
    assert (legs["PEK"]["hawbs"], legs["PEK"]["pieces"], legs["PEK"]["gross_kg"]) == (
        ["H1", "H2"],
        42,
        "1262.5",
    )
    assert (legs["WUH"]["pieces"], legs["WUH"]["gross_kg"]) == (8, "300.0")
    assert (legs["CTU"]["trailer"], legs["CTU"]["gross_kg"]) == ("豫A9005挂", "95.5")
    assert all(g["distance_km"] > 100 and g["planned_hours"] > 1 for g in legs.values())
    assert {g["status"] for g in legs.values()} == {"loading"}
    assert "RL-LOOSE" in {f["row_id"] for f in legs["CTU"]["fired"]}
    # The second trucker is a party through its leg only; another forwarder is not.
    assert par.as_("par.trucker2").get(f"{API}/ulds/{uid}").status_code == 200
    assert par.as_("par.other").get(f"{API}/ulds/{uid}").status_code == 404
    # Its one-position trailer is now taken: another ULD's leg cannot go on it.
    assert _event(par, "par.handler", uid, event="finish_loading").status_code == 200
    # Each leg departs and is delivered by its own trucker, on its own.
    assert _event(par, "par.trucker2", uid, event="depart",
                  destination="PEK").status_code == 403  # fmt: skip
    assert _event(par, "par.trucker", uid, event="depart").json()["errors"][0]["field"] == (
        "destination"
    )  # two legs of the first trucker wait: which one?
    first = _event(par, "par.trucker", uid, event="depart", destination="PEK").json()
    assert first["status"] == "on_road"
    assert _event(par, "par.trucker2", uid, event="depart").status_code == 200  # its only leg
    assert _event(par, "par.trucker", uid, event="deliver",
                  destination="WUH").status_code == 409  # fmt: skip  # not departed yet
    assert _event(par, "par.trucker", uid, event="deliver", destination="PEK").json()[
        "status"] == "on_road"  # fmt: skip
    assert _event(par, "par.trucker", uid, event="depart", destination="WUH").status_code == 200
    assert _event(par, "par.trucker", uid, event="deliver", destination="WUH").status_code == 200
    done = _event(par, "par.trucker2", uid, event="deliver", destination="CTU").json()
    assert done["status"] == "delivered" and done["record_sha256"]
    assert {g["status"] for g in done["road_legs"]} == {"delivered"}
    assert all(g["road_hours"] is not None for g in done["road_legs"])
    assert done["metrics"]["touches"] == 4
    tracked = [(e["event"], e["data"].get("destination")) for e in done["events"][-6:]]
    assert tracked == [("depart", "PEK"), ("depart", "CTU"), ("deliver", "PEK"),
                       ("depart", "WUH"), ("deliver", "WUH"), ("deliver", "CTU")]  # fmt: skip
    again = _event(par, "par.trucker", uid, event="deliver", destination="PEK")
    assert again.status_code == 409


def test_history_is_shown_to_each_party_of_the_uld(
    par: ApiClients, session: Session, client: TestClient
) -> None:
    _second_trucker(par, session)
    uld = par.as_("par.forwarder").post(f"{API}/ulds", json=uld_body(lines=MIXED)).json()
    uid = uld["id"]
    walk(par, uid, WHOLE_STEPS[:6], earlier())
    # Not yet on any of its trucks: the truckers are no party of the ULD yet.
    assert par.as_("par.trucker").get(f"{API}/ulds/{uid}/history").status_code == 404
    _event(par, "par.handler", uid, event="start_loading", legs=TRUCKS, crew=4)
    for user in ("par.forwarder", "par.handler", "par.trucker", "par.trucker2", "par.customs",
                 "par.security"):  # fmt: skip
        found = par.as_(user).get(f"{API}/ulds/{uid}/history")
        assert found.status_code == 200, user
        actions = {h["action"] for h in found.json()}
        assert {"transition:arrive", "transition:clear", "transition:start_loading"} <= actions
        assert "road_leg" in {h["entity"] for h in found.json()}, user
    assert par.as_("par.other").get(f"{API}/ulds/{uid}/history").status_code == 404
    # On the page too, for the handler and the second trucker.
    for user in ("par.handler", "par.trucker2"):
        login(client, user)
        page = client.get(f"/pallet-air-road/ulds/{uid}?lang=en")
        assert page.status_code == 200
        history = page.text.split('id="history"')[1]
        assert "transition:arrive" in history and "transition:start_loading" in history
        assert 'id="road-legs"' in page.text and 'id="leg-CTU"' in page.text
    # The handler's page form names a truck per destination for the next broken-down ULD.
    other = par.as_("par.forwarder").post(
        f"{API}/ulds", json=uld_body("PMC 12346 CV", lines=MIXED)).json()  # fmt: skip
    walk(par, other["id"], WHOLE_STEPS[:6], earlier())
    login(client, "par.handler")
    page = client.get(f"/pallet-air-road/ulds/{other['id']}?lang=en")
    assert 'id="leg_PEK"' in page.text and 'id="leg_CTU"' in page.text
    form = {"csrf_token": csrf_from(page.text), "event": "start_loading", "crew": "3",
            "leg_PEK": "豫A9002挂", "leg_WUH": "豫A9002挂", "leg_CTU": "豫A9004挂"}  # fmt: skip
    refused = client.post(f"/pallet-air-road/ulds/{other['id']}/events", data=form)
    assert refused.status_code == 422 and "one truck per destination" in refused.text
    # 豫A9005挂 has one position, taken by the first ULD's CTU leg: RL-FULL names it.
    form.update(leg_WUH="豫A9004挂", leg_CTU="豫A9005挂")
    full = client.post(f"/pallet-air-road/ulds/{other['id']}/events", data=form)
    assert full.status_code == 422 and "RL-FULL" in full.text
    form.update(leg_CTU="豫A9001挂")
    ok = client.post(f"/pallet-air-road/ulds/{other['id']}/events", data=form,
                     follow_redirects=False)  # fmt: skip
    assert ok.status_code == 303
    page = client.get(f"/pallet-air-road/ulds/{other['id']}?lang=en")
    assert 'id="map"' in page.text and page.text.count('<tr id="leg-') == 3
