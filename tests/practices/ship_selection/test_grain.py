"""p07 grain green channel over the API: the agent files a call and uploads the papers (stored
with their SHA-256 under FTZ_DATA_DIR, anchored), the loading condition is checked at once
against the Grain Code, officers pre-review with the checklist, the terminal and the company
read the same files, the trimming check follows the rule, and the call is cleared."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from ftz.domain.vessels.models import Ship
from ftz.practices.ship_selection.demo_data import CONDITION
from tests.conftest import ApiClients
from tests.practices.ship_selection.conftest import rate

API = "/api/ship-selection"
PAPERS = ("authorization", "loading_manual", "stability_data", "loading_plan")
TICKS = {
    i: True
    for i in ("authorization", "manual", "stability", "plan", "certificates", "crew", "securing")
}


def file_call(api: ApiClients, ship: Ship) -> dict[str, Any]:
    made = api.as_("ss.agent").post(
        f"{API}/grain-calls",
        json={
            "imo_number": ship.imo_number,
            "port": "营口港",
            "eta": "2026-12-01T08:00:00+08:00",
            "cargo_name": "玉米",
            "quantity_t": 50000,
            "terminal_org": "ss-terminal",
            "company_org": "ss-carrier",
        },
    )
    assert made.status_code == 201, made.text
    return dict(made.json())


def upload(api: ApiClients, call_id: str, kind: str, content: bytes, user: str = "ss.agent") -> Any:
    return api.as_(user).post(
        f"{API}/grain-calls/{call_id}/documents",
        data={"kind": kind},
        files={"file": (f"{kind}.pdf", content, "application/pdf")},
    )


def papers_in(api: ApiClients, call_id: str, condition: bytes = CONDITION) -> dict[str, Any]:
    for kind in PAPERS:
        assert upload(api, call_id, kind, f"paper {kind}".encode()).status_code == 201
    done = upload(api, call_id, "condition", condition)
    assert done.status_code == 201, done.text
    return dict(done.json())


def event(api: ApiClients, user: str, call_id: str, **body: Any) -> Any:
    return api.as_(user).post(f"{API}/grain-calls/{call_id}/events", json=body)


def test_papers_are_stored_by_fingerprint_and_read_by_every_party(
    ss: ApiClients, fleet: dict[str, Ship], data_dir: Path
) -> None:
    call = file_call(ss, fleet["clean"])
    assert call["number"].startswith("GC-2026-") and call["status"] == "draft"
    content = b"%PDF-1.4 grain loading manual"
    made = upload(ss, call["id"], "loading_manual", content)
    paper = made.json()["documents"][0]
    digest = hashlib.sha256(content).hexdigest()
    assert paper["sha256"] == digest and paper["ledger_index"] >= 0
    stored = data_dir / "ship_selection" / "grain" / digest[:2] / digest
    assert stored.read_bytes() == content
    url = f"{API}/grain-calls/{call['id']}/documents/{paper['id']}"
    for reader in ("ss.terminal", "ss.carrier", "ss.msa", "ss.agent"):
        got = ss.as_(reader).get(url)
        assert got.status_code == 200 and got.content == content, reader
        assert got.headers["x-content-sha256"] == digest
    assert ss.as_("ss.shipper").get(url).status_code == 404
    assert ss.as_("ss.shipper").get(f"{API}/grain-calls/{call['id']}").status_code == 404
    assert ss.as_("ss.terminal").get(f"{API}/grain-calls").json()["total"] == 1
    assert upload(ss, call["id"], "loading_plan", b"x", user="ss.terminal").status_code == 403
    assert upload(ss, call["id"], "passport", b"x").status_code == 422
    assert upload(ss, call["id"], "loading_plan", b"").status_code == 422


def test_condition_is_checked_at_once(ss: ApiClients, fleet: dict[str, Ship]) -> None:
    call = file_call(ss, fleet["clean"])
    bad = upload(ss, call["id"], "condition", b'{"displacement_t": -1}')
    assert bad.status_code == 422
    assert bad.headers["content-type"].startswith("application/problem+json")
    assert upload(ss, call["id"], "condition", b"not json").status_code == 422
    ok = upload(ss, call["id"], "condition", CONDITION).json()
    assert ok["stability_pass"] is True and ok["stability"]["heel_angle_deg"] == 3.22
    assert {c["name"] for c in ok["stability"]["criteria"]} == {"heel_angle", "residual_area", "gm"}
    weak = json.loads(CONDITION)
    weak["gm_corrected_m"] = 0.25
    again = ss.as_("ss.agent").post(f"{API}/grain-calls/{call['id']}/condition", json=weak)
    assert again.json()["stability_pass"] is False
    gm = next(c for c in again.json()["stability"]["criteria"] if c["name"] == "gm")
    assert gm == {**gm, "value": 0.25, "limit": 0.3, "pass": False}


def test_pre_review_to_clearance(ss: ApiClients, fleet: dict[str, Ship]) -> None:
    ship = fleet["clean"]
    call = file_call(ss, ship)
    early = event(ss, "ss.agent", call["id"], event="submit")
    assert early.status_code == 422 and "loading_manual" in early.json()["errors"][0]["reason"]
    papers_in(ss, call["id"])
    assert event(ss, "ss.msa", call["id"], event="submit").status_code == 403
    assert event(ss, "ss.agent", call["id"], event="submit").json()["status"] == "submitted"
    assert upload(ss, call["id"], "loading_plan", b"late").status_code == 409
    unticked = event(ss, "ss.msa", call["id"], event="approve", checklist={"manual": True})
    assert unticked.status_code == 422 and unticked.json()["errors"][0]["field"] == "checklist"
    assert event(ss, "ss.msa", call["id"], event="send_back").status_code == 422
    back = event(ss, "ss.msa", call["id"], event="send_back", comment="装载计划页码缺失")
    assert back.json()["status"] == "returned" and back.json()["comments"][0]["body"]
    assert upload(ss, call["id"], "loading_plan", b"fixed plan").status_code == 201
    event(ss, "ss.agent", call["id"], event="submit")
    assert (
        event(ss, "exam.officer", call["id"], event="approve", checklist=TICKS).status_code == 404
    )
    approved = event(ss, "ss.msa", call["id"], event="approve", checklist=TICKS).json()
    assert approved["status"] == "approved" and approved["reviewed_by"] == "ss.msa"
    # Never rated and no calls through the channel yet: on-board check.
    assert approved["trimming_check"] == "onboard"
    assert approved["trimming_fired"][0]["row_id"] == "TR-RATING"
    loaded = event(ss, "ss.agent", call["id"], event="finish_loading").json()
    assert loaded["status"] == "loaded"
    cleared = event(ss, "ss.msa", call["id"], event="clear").json()
    assert cleared["status"] == "cleared" and cleared["ledger_index"] >= 0


def test_failing_stability_cannot_be_approved(ss: ApiClients, fleet: dict[str, Ship]) -> None:
    call = file_call(ss, fleet["clean"])
    weak = json.loads(CONDITION)
    weak["volumetric_heeling_moment_m4"] = 120000  # heels past 12°
    papers_in(ss, call["id"], json.dumps(weak).encode())
    event(ss, "ss.agent", call["id"], event="submit")
    refused = event(ss, "ss.msa", call["id"], event="approve", checklist=TICKS)
    assert refused.status_code == 409 and "Grain Code" in refused.json()["detail"]


def test_remote_photo_check_for_good_records(ss: ApiClients, fleet: dict[str, Ship]) -> None:
    """A recommended ship with calls completed through the channel, by an experienced agent."""
    ship = fleet["clean"]
    rate(ss, ship)
    berth = {
        "code": "T-G1",
        "port": "营口港",
        "terminal": "散粮码头",
        "depth_m": "14",
        "max_dwt": 80000,
    }
    assert ss.as_("ss.msa").post(f"{API}/berths", json=berth).status_code == 201
    agent = ss.as_("ss.agent")
    for n in range(5):
        plan = agent.post(
            f"{API}/arrivals",
            json={
                "imo_number": ship.imo_number,
                "port": "营口港",
                "eta": f"2026-0{n + 1}-01T08:00:00+08:00",
                "etd": f"2026-0{n + 1}-02T20:00:00+08:00",
                "cargo_name": "玉米",
                "quantity_t": 50000,
            },
        ).json()
        officer = ss.as_("ss.msa")
        officer.post(
            f"{API}/arrivals/{plan['id']}/events", json={"event": "confirm", "berth_code": "T-G1"}
        )
        for step, hour in (("arrive", "08"), ("berth", "09"), ("depart", "20")):
            officer.post(
                f"{API}/arrivals/{plan['id']}/events",
                json={"event": step, "at": f"2026-0{n + 1}-01T{hour}:00:00+08:00"},
            )
    call = file_call(ss, ship)
    papers_in(ss, call["id"])
    event(ss, "ss.agent", call["id"], event="submit")
    approved = event(ss, "ss.msa", call["id"], event="approve", checklist=TICKS).json()
    assert approved["trimming_check"] == "remote_photo", approved["trimming_fired"]
    early = event(ss, "ss.agent", call["id"], event="finish_loading")
    assert early.status_code == 422 and "photograph" in early.json()["errors"][0]["reason"]
    assert upload(ss, call["id"], "loading_plan", b"x").status_code == 409
    assert upload(ss, call["id"], "trimming_photo", b"\xff\xd8 hold 1").status_code == 201
    assert event(ss, "ss.agent", call["id"], event="finish_loading").json()["status"] == "loaded"


def test_stability_check_alone(ss: ApiClients) -> None:
    found = ss.as_("ss.shipper").post(f"{API}/grain-stability", json=json.loads(CONDITION))
    assert found.json()["pass"] is True
    missing = ss.as_("ss.shipper").post(f"{API}/grain-stability", json={"gz_curve": []})
    assert missing.status_code == 422
