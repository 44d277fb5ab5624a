"""p11 manifests and the airport's daily volumes over the API: containers checked against
ISO 6346, seals and unit weights on the manifest (and compared at the gate), lists with search,
pages and CSV, who may file what, and the tonnage share counting every reported day."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from tests.conftest import ApiClients

API = "/api/zone-port-gate"
DECLARATION = "461220261124000301"
UNITS = [
    {"number": "CSQU3054383", "kind": "container", "seals": ["ZZ3000001"], "weight_kg": 6200},
    {"number": "PMC30001CV", "kind": "uld", "seals": ["ZZ3000002"], "weight_kg": 1800},
]


def _manifest(**changes: Any) -> dict[str, Any]:
    return {"number": "88030000001", "declaration_number": DECLARATION, "flight": "CV 9751",
            "units": UNITS, **changes}  # fmt: skip


def _today() -> str:
    return datetime.now(ZoneInfo("Asia/Shanghai")).date().isoformat()


def test_manifest_with_seals_and_weights(zpg: ApiClients) -> None:
    gate = zpg.as_("zpg.gate")
    made = gate.post(f"{API}/manifests", json=_manifest())
    assert made.status_code == 201, made.text
    out = made.json()
    assert out["weight_kg"] == 8000 and out["flight"] == "CV9751"  # the units' sum
    assert out["units"][0] == UNITS[0]
    listed = gate.get(f"{API}/manifests?q=cv9751").json()
    assert listed["total"] == 1 and listed["items"][0]["units"][1]["seals"] == ["ZZ3000002"]
    assert gate.get(f"{API}/manifests?q=nothing").json()["total"] == 0
    csv = gate.get(f"{API}/manifests.csv?q={DECLARATION}")
    assert csv.headers["content-type"].startswith("text/csv")
    lines = csv.text.splitlines()
    assert lines[0].startswith("created_at,number,declaration_number") and len(lines) == 2
    assert "ZZ3000001; ZZ3000002" in lines[1] and "6200 1800" in lines[1]
    # The earlier shape (bare numbers and a gross weight) is still read.
    plain = {"number": "88030000002", "declaration_number": DECLARATION,
             "units": ["PMC30001CV"], "weight_kg": 1800}  # fmt: skip
    old = gate.post(f"{API}/manifests", json=plain).json()
    assert old["units"] == [{"number": "PMC30001CV", "kind": "uld", "seals": [],
                             "weight_kg": None}]  # fmt: skip
    assert zpg.as_("zpg.customs").get(f"{API}/manifests").json()["total"] == 2
    assert gate.get(f"{API}/manifests?size=1&page=2").json()["items"][0]["number"] == "88030000001"


def test_bad_manifests_are_problems(zpg: ApiClients) -> None:
    gate = zpg.as_("zpg.gate")
    wrong_digit = [{**UNITS[0], "number": "CSQU3054384"}, UNITS[1]]
    bad = gate.post(f"{API}/manifests", json=_manifest(units=wrong_digit))
    assert bad.status_code == 422
    assert bad.headers["content-type"].startswith("application/problem+json")
    error = bad.json()["errors"][0]
    assert error["field"] == "units.0.number" and "ISO 6346" in error["reason"]
    shaped = [{"number": "MSKU9070320", "weight_kg": 10}]
    unlabelled = gate.post(f"{API}/manifests", json=_manifest(units=shaped))
    assert unlabelled.json()["errors"][0]["field"] == "units.0.number"  # shape says container
    mismatch = gate.post(f"{API}/manifests", json=_manifest(weight_kg=7000))
    assert mismatch.status_code == 422 and mismatch.json()["errors"][0]["field"] == "weight_kg"
    partial = [UNITS[0], {**UNITS[1], "weight_kg": None}]
    assert gate.post(f"{API}/manifests", json=_manifest(units=partial)).status_code == 422
    no_weight = [{"number": "PMC30001CV"}]
    assert gate.post(f"{API}/manifests", json=_manifest(units=no_weight)).status_code == 422
    twice = [UNITS[1], UNITS[1]]
    assert gate.post(f"{API}/manifests", json=_manifest(units=twice)).status_code == 422
    assert gate.get(f"{API}/manifests").json()["total"] == 0  # nothing half-saved
    assert zpg.as_("zpg.ent.a").post(f"{API}/manifests", json=_manifest()).status_code == 403
    assert gate.post(f"{API}/manifests", json=_manifest()).status_code == 201
    assert gate.post(f"{API}/manifests", json=_manifest()).status_code == 409


def test_gate_compares_seals_with_the_manifest(zpg: ApiClients) -> None:
    declared = [{k: u[k] for k in ("number", "kind", "seals")} for u in UNITS]
    body = {"number": DECLARATION, "direction": "export", "plate": "豫A30001", "units": declared,
            "weight_kg": 8000, "screened": True}  # fmt: skip
    made = zpg.as_("zpg.ent.a").post(f"{API}/declarations", json=body).json()
    zpg.as_("zpg.customs").post(f"{API}/declarations/{made['id']}/instruction",
                                json={"action": "release"})  # fmt: skip
    manifest = [UNITS[0], {**UNITS[1], "seals": ["ZZ3999999"]}]  # the airport saw another seal
    assert zpg.as_("zpg.gate").post(f"{API}/manifests", json=_manifest(units=manifest)).status_code
    reading = {"declaration_number": DECLARATION, "plate": "豫A30001", "units": declared,
               "weight_kg": 8020}  # fmt: skip
    tx = zpg.as_("zpg.gate").post(f"{API}/transactions", json=reading).json()
    assert [(m["row_id"], m["source"]) for m in tx["mismatches"]] == [
        ("GC-SEAL-MANIFEST", "manifest")
    ]
    assert tx["facts"]["manifest_seal_mismatches"] == 1


def test_daily_volumes_and_the_share(zpg: ApiClients) -> None:
    gate = zpg.as_("zpg.gate")
    today = datetime.now(ZoneInfo("Asia/Shanghai")).date()
    quiet = (today - timedelta(days=2)).isoformat()
    first = gate.put(f"{API}/volumes/{quiet}", json={"airport_export_kg": 500_000,
                                                      "airport_import_kg": 400_000})  # fmt: skip
    assert first.status_code == 200 and first.json()["day"] == quiet
    again = gate.put(f"{API}/volumes/{quiet}", json={"airport_export_kg": 600_000,
                                                      "airport_import_kg": 400_000})  # fmt: skip
    assert again.json()["airport_export_kg"] == 600_000  # replaced, not added
    future = (today + timedelta(days=1)).isoformat()
    late = gate.put(
        f"{API}/volumes/{future}", json={"airport_export_kg": 1, "airport_import_kg": 1}
    )
    assert late.status_code == 422 and late.json()["errors"][0]["field"] == "day"
    negative = gate.put(f"{API}/volumes/{quiet}", json={"airport_export_kg": -1,
                                                         "airport_import_kg": 0})  # fmt: skip
    assert negative.status_code == 422
    body = {"airport_export_kg": 1, "airport_import_kg": 1}
    assert zpg.as_("zpg.customs").put(f"{API}/volumes/{quiet}", json=body).status_code == 403
    customs = zpg.as_("zpg.customs")
    listed = customs.get(f"{API}/volumes").json()
    assert listed["total"] == 1 and listed["items"][0]["airport_export_kg"] == 600_000
    assert customs.get(f"{API}/volumes?since={_today()}").json()["total"] == 0
    csv = customs.get(f"{API}/volumes.csv").text.splitlines()
    assert csv[0] == "day,airport_export_kg,airport_import_kg,updated_at"
    assert csv[1].startswith(f"{quiet},600000,400000,")
    assert zpg.as_("zpg.ent.a").get(f"{API}/volumes").status_code == 403
    stats = customs.get(f"{API}/statistics?days=7").json()
    day = next(d for d in stats["days"] if d["day"] == quiet)
    assert (day["vehicles"], day["export_kg"], day["export_share"]) == (0, 0, 0.0)
    assert stats["export_share"] == 0.0
