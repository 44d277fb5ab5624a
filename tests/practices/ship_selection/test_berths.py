"""p07 "four reductions, five zeros" channel over the API: reserved berths, arrival plans
confirmed with a berth and the five guarantees, overlapping reservations refused, the call's
times and the time and cost saved, escorts, and the statistics."""

from __future__ import annotations

from typing import Any

from ftz.domain.vessels.models import Ship
from tests.conftest import ApiClients

API = "/api/ship-selection"
BERTH = {
    "code": "YK-T1",
    "port": "营口港",
    "terminal": "散粮码头",
    "depth_m": "14.00",
    "max_dwt": 70000,
}


def plan(api: ApiClients, ship: Ship, day: str = "2026-12-01", **extra: Any) -> dict[str, Any]:
    made = api.as_("ss.agent").post(
        f"{API}/arrivals",
        json={
            "imo_number": ship.imo_number,
            "port": "营口港",
            "eta": f"{day}T08:00:00+08:00",
            "etd": f"{day}T23:00:00+08:00",
            "cargo_name": "玉米",
            "quantity_t": 50000,
            **extra,
        },
    )
    assert made.status_code == 201, made.text
    return dict(made.json())


def act(api: ApiClients, user: str, arrival_id: str, **body: Any) -> Any:
    return api.as_(user).post(f"{API}/arrivals/{arrival_id}/events", json=body)


def test_berths_are_kept_by_maritime_officers(ss: ApiClients) -> None:
    assert ss.as_("ss.agent").post(f"{API}/berths", json=BERTH).status_code == 403
    made = ss.as_("ss.msa").post(f"{API}/berths", json=BERTH)
    assert made.status_code == 201
    again = ss.as_("ss.msa").post(f"{API}/berths", json={**BERTH, "max_dwt": 80000})
    assert again.json()["id"] == made.json()["id"] and again.json()["max_dwt"] == 80000
    bad = ss.as_("ss.msa").post(f"{API}/berths", json={**BERTH, "code": "bad code"})
    assert bad.status_code == 422
    listed = ss.as_("ss.terminal").get(f"{API}/berths", params={"port": "营口港"}).json()
    assert [b["code"] for b in listed] == ["YK-T1"]


def test_a_call_through_the_channel(ss: ApiClients, fleet: dict[str, Ship]) -> None:
    ss.as_("ss.msa").post(f"{API}/berths", json=BERTH)
    made = plan(ss, fleet["clean"], escorts=["patrol", "icebreaking"])
    assert made["status"] == "planned" and {e["kind"] for e in made["escorts"]} == {
        "patrol",
        "icebreaking",
    }
    assert all(v is False for v in made["guarantees"].values())
    assert act(ss, "ss.agent", made["id"], event="confirm", berth_code="YK-T1").status_code == 403
    no_berth = act(ss, "ss.msa", made["id"], event="confirm")
    assert no_berth.status_code == 422 and no_berth.json()["errors"][0]["field"] == "berth_code"
    confirmed = act(
        ss,
        "ss.msa",
        made["id"],
        event="confirm",
        berth_code="YK-T1",
        guarantees={"zero_waiting": True, "zero_risk": True},
    ).json()
    assert confirmed["status"] == "confirmed" and confirmed["berth_id"]
    assert confirmed["guarantees"]["zero_waiting"] and not confirmed["guarantees"]["zero_delay"]
    other = plan(ss, fleet["clean2"])
    clash = act(ss, "ss.msa", other["id"], event="confirm", berth_code="YK-T1")
    assert clash.status_code == 409 and made["number"] in clash.json()["detail"]
    arrived = act(ss, "ss.agent", made["id"], event="arrive", at="2026-12-01T08:00:00+08:00")
    assert arrived.json()["status"] == "arrived"
    backwards = act(ss, "ss.agent", made["id"], event="berth", at="2026-12-01T07:00:00+08:00")
    assert backwards.status_code == 422
    act(ss, "ss.agent", made["id"], event="berth", at="2026-12-01T09:30:00+08:00")
    gone = act(ss, "ss.agent", made["id"], event="depart", at="2026-12-02T20:00:00+08:00").json()
    # waited 1.5 h of the 4 h cycle: 2.5 h saved at 100,000 CNY / 4 h
    assert gone["waiting_hours"] == "1.50" and gone["hours_saved"] == "2.50"
    assert gone["cost_saved_cny"] == "62500.00" and gone["ledger_index"] >= 0
    assert ss.as_("ss.shipper").get(f"{API}/arrivals/{made['id']}").status_code == 404
    stats = ss.as_("ss.agent").get(f"{API}/statistics").json()
    assert stats["calls_completed"] == 1 and stats["hours_saved"] == "2.50"
    assert stats["seed"]["ship_calls_2024"] == 1200


def test_berth_too_small_and_cancel(ss: ApiClients, fleet: dict[str, Ship]) -> None:
    ss.as_("ss.msa").post(f"{API}/berths", json={**BERTH, "max_dwt": 20000})
    made = plan(ss, fleet["clean"])
    small = act(ss, "ss.msa", made["id"], event="confirm", berth_code="YK-T1")
    assert small.status_code == 422 and "20000 DWT" in small.json()["errors"][0]["reason"]
    cancelled = act(ss, "ss.agent", made["id"], event="cancel", note="改港")
    assert cancelled.json()["status"] == "cancelled"
    assert act(ss, "ss.agent", made["id"], event="arrive").status_code == 409


def test_escorts(ss: ApiClients, fleet: dict[str, Ship]) -> None:
    made = plan(ss, fleet["clean"])
    url = f"{API}/arrivals/{made['id']}/escorts"
    escort = ss.as_("ss.agent").post(url, params={"kind": "tug"})
    assert escort.status_code == 201 and escort.json()["status"] == "requested"
    assert ss.as_("ss.agent").post(url, params={"kind": "tug"}).status_code == 409
    assert ss.as_("ss.terminal").post(url, params={"kind": "patrol"}).status_code == 404
    events = f"{API}/escorts/{escort.json()['id']}/events"
    assert ss.as_("ss.msa").post(events, json={"event": "assign"}).status_code == 422
    assigned = ss.as_("ss.msa").post(events, json={"event": "assign", "assigned_unit": "海巡0601"})
    assert assigned.json()["status"] == "assigned"
    done = ss.as_("ss.msa").post(events, json={"event": "complete"}).json()
    assert done["status"] == "done" and done["assigned_unit"] == "海巡0601"
    assert ss.as_("ss.agent").post(events, json={"event": "complete"}).status_code == 403


def test_lists_filters_and_exports(ss: ApiClients, fleet: dict[str, Ship]) -> None:
    made = plan(ss, fleet["clean"])
    plan(ss, fleet["clean2"], day="2026-12-03")
    agent = ss.as_("ss.agent")
    assert agent.get(f"{API}/arrivals").json()["total"] == 2
    assert agent.get(f"{API}/arrivals", params={"q": made["number"]}).json()["total"] == 1
    assert agent.get(f"{API}/arrivals", params={"status": "departed"}).json()["total"] == 0
    assert agent.get(f"{API}/arrivals", params={"status": "sailing"}).status_code == 422
    csv_text = agent.get(f"{API}/arrivals.csv").text
    assert csv_text.startswith("\ufeffnumber,") and made["number"] in csv_text
    assert ss.as_("ss.terminal").get(f"{API}/arrivals").json()["total"] == 0


def test_terminal_and_company_follow_the_plan_of_their_grain_call(
    ss: ApiClients, fleet: dict[str, Ship]
) -> None:
    call = (
        ss.as_("ss.agent")
        .post(
            f"{API}/grain-calls",
            json={
                "imo_number": fleet["clean"].imo_number,
                "port": "营口港",
                "eta": "2026-12-01T08:00:00+08:00",
                "cargo_name": "玉米",
                "quantity_t": 50000,
                "terminal_org": "ss-terminal",
                "company_org": "ss-carrier",
            },
        )
        .json()
    )
    made = plan(ss, fleet["clean"], grain_call=call["number"])
    assert made["grain_call_id"] == call["id"]
    for party in ("ss.terminal", "ss.carrier"):
        seen = ss.as_(party).get(f"{API}/arrivals/{made['id']}")
        assert seen.status_code == 200 and seen.json()["status"] == "planned", party
    assert ss.as_("ss.shipper").get(f"{API}/arrivals/{made['id']}").status_code == 404
    assert act(ss, "ss.terminal", made["id"], event="cancel").status_code == 403
    wrong_ship = ss.as_("ss.agent").post(
        f"{API}/arrivals",
        json={
            "imo_number": fleet["clean2"].imo_number,
            "port": "营口港",
            "eta": "2026-12-01T08:00:00+08:00",
            "etd": "2026-12-02T08:00:00+08:00",
            "cargo_name": "玉米",
            "quantity_t": 1,
            "grain_call": call["number"],
        },
    )
    assert wrong_ship.status_code == 422
