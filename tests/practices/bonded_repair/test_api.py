"""p03 over the API: admission by rule and the officer's decision, batches with the irreparable
verdict under both readings, the waste ledger, the exit, ledger anchoring and isolation."""

from __future__ import annotations

import hashlib
from typing import Any

from tests.conftest import ApiClients

API = "/api/bonded-repair"
GOOD = {"business": "航空部件保税维修", "high_tech": True, "value_added_pct": 180,
        "toxic_air": False, "toxic_water": False, "risk_level": "general",
        "documents_complete": True, "permits_complete": True}  # fmt: skip


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def admitted(api: ApiClients, user: str = "br.ent.a") -> dict[str, Any]:
    made = api.as_(user).post(f"{API}/admissions", json=GOOD)
    assert made.status_code == 201, made.text
    done = api.as_("br.customs").post(
        f"{API}/admissions/{made.json()['id']}/events", json={"event": "admit", "note": "ok"}
    )
    assert done.status_code == 200, done.text
    return dict(done.json())


def batch(api: ApiClients, number: str = "TJBR-T-0001", user: str = "br.ent.a") -> dict[str, Any]:
    made = api.as_(user).post(f"{API}/batches", json={
        "number": number, "goods": "燃油控制器", "quantity": 100, "value_cny": "1000000.00",
        "preinspection_sha256": sha(number)})  # fmt: skip
    assert made.status_code == 201, made.text
    return dict(made.json())


def test_ineligible_application_cannot_be_admitted(br: ApiClients) -> None:
    bad = {**GOOD, "toxic_air": True, "risk_level": "larger"}
    made = br.as_("br.ent.a").post(f"{API}/admissions", json=bad)
    assert made.status_code == 201
    body = made.json()
    assert body["eligible"] is False
    assert set(body["failures"]) == {"toxic_air_pollutant", "risk_above_general"}
    assert {r["row_id"] for r in body["fired"]} == {"AD-AIR", "AD-RISK"}
    refused = br.as_("br.ecology").post(
        f"{API}/admissions/{body['id']}/events", json={"event": "admit"}
    )
    assert refused.status_code == 409
    assert refused.headers["content-type"].startswith("application/problem+json")
    self_admit = br.as_("br.ent.a").post(
        f"{API}/admissions/{body['id']}/events", json={"event": "reject"}
    )
    assert self_admit.status_code == 403


def test_batch_verdicts_under_both_readings(br: ApiClients) -> None:
    admitted(br)
    b = batch(br)
    assert b["status"] == "open" and b["reading"] == "both"
    ent = br.as_("br.ent.a")
    near = ent.post(f"{API}/batches/{b['id']}/outcome", json={
        "repaired_qty": 50, "irreparable_qty": 4, "irreparable_value_cny": "20000"})  # fmt: skip
    assert near.json()["verdict"] == "warning"
    either = ent.post(f"{API}/batches/{b['id']}/outcome", json={
        "repaired_qty": 50, "irreparable_qty": 6, "irreparable_value_cny": "20000",
        "reading": "either"})  # fmt: skip
    assert either.json()["verdict"] == "ok" and either.json()["reading"] == "either"
    final = ent.post(f"{API}/batches/{b['id']}/outcome", json={
        "repaired_qty": 94, "irreparable_qty": 6, "irreparable_value_cny": "20000",
        "final": True})  # fmt: skip
    body = final.json()
    assert body["verdict"] == "exceeded" and body["status"] == "flagged"
    assert body["fired"][0]["row_id"] == "IR-BOTH-QTY" and body["ledger_index"] is not None
    again = ent.post(f"{API}/batches/{b['id']}/outcome", json={
        "repaired_qty": 94, "irreparable_qty": 6, "irreparable_value_cny": "0"})  # fmt: skip
    assert again.status_code == 409
    reviewed = br.as_("br.ecology").post(f"{API}/batches/{b['id']}/review", json={"note": "查验"})
    assert reviewed.json()["status"] == "reviewed"
    watch = br.as_("br.customs").get(f"{API}/batches", params={"verdict": "exceeded"}).json()
    assert [x["number"] for x in watch] == ["TJBR-T-0001"]


def test_bad_input_is_a_problem_and_nothing_is_saved(br: ApiClients) -> None:
    ent = br.as_("br.ent.a")
    early = ent.post(f"{API}/batches", json={"number": "TJBR-X", "goods": "液压泵", "quantity": 1,
                     "value_cny": "1", "preinspection_sha256": sha("x")})  # fmt: skip
    assert early.status_code == 409  # not admitted yet
    admitted(br)
    b = batch(br)
    over = ent.post(f"{API}/batches/{b['id']}/outcome", json={
        "repaired_qty": 99, "irreparable_qty": 5, "irreparable_value_cny": "0"})  # fmt: skip
    assert over.status_code == 422
    assert ent.get(f"{API}/batches/{b['id']}").json()["repaired_qty"] == 0
    bad_sha = ent.post(
        f"{API}/batches", json={**b, "number": "TJBR-Y", "preinspection_sha256": "x"}
    )
    assert bad_sha.status_code == 422


def test_waste_ledger_and_exit(br: ApiClients) -> None:
    admission = admitted(br)
    ent = br.as_("br.ent.a")
    for category, tonnes in (("general", "209"), ("hazardous", "10")):
        waste = {
            "year": 2024, "category": category, "description": "演示", "tonnes": tonnes,
            "method": "disposed", "receiver": "处置单位", "certificate_sha256": sha(category),
        }  # fmt: skip
        made = ent.post(f"{API}/waste", json=waste)
        assert made.status_code == 201, made.text
    dash = br.as_("br.customs").get(f"{API}/dashboard").json()
    assert dash["waste"]["2024"]["general_total"].startswith("209")
    assert dash["waste"]["2024"]["hazardous_total"].startswith("10")
    b = batch(br)
    url = f"{API}/admissions/{admission['id']}/events"
    assert ent.post(url, json={"event": "request_exit"}).json()["status"] == "exiting"
    blocked = br.as_("br.customs").post(url, json={"event": "complete_exit"})
    assert blocked.status_code == 409  # a batch is still open
    final = {
        "repaired_qty": 100, "irreparable_qty": 0, "irreparable_value_cny": "0", "final": True,
    }  # fmt: skip
    ent.post(f"{API}/batches/{b['id']}/outcome", json=final)
    done = br.as_("br.customs").post(url, json={"event": "complete_exit", "note": "已处置"})
    assert done.json()["status"] == "exited" and done.json()["decision_ledger_index"] is not None


def test_other_organizations_see_nothing(br: ApiClients) -> None:
    admission = admitted(br)
    b = batch(br)
    other = br.as_("br.ent.b")
    for path in (f"/admissions/{admission['id']}", f"/batches/{b['id']}"):
        assert other.get(API + path).status_code == 404
    nothing = {"repaired_qty": 0, "irreparable_qty": 0, "irreparable_value_cny": "0"}
    assert other.post(f"{API}/batches/{b['id']}/outcome", json=nothing).status_code == 404
    assert other.post(f"{API}/admissions/{admission['id']}/events",
                      json={"event": "request_exit"}).status_code == 404  # fmt: skip
    assert other.get(f"{API}/batches").json() == []
    assert other.get(f"{API}/admissions").json() == []
    assert br.as_("br.customs").get(f"{API}/batches/{b['id']}").status_code == 200


def test_correction_order_and_rejection_reason(br: ApiClients) -> None:
    admission = admitted(br)
    b = batch(br)
    ent, officer = br.as_("br.ent.a"), br.as_("br.customs")
    over = {"repaired_qty": 94, "irreparable_qty": 6, "irreparable_value_cny": "0", "final": True}
    assert ent.post(f"{API}/batches/{b['id']}/outcome", json=over).json()["status"] == "flagged"
    review = f"{API}/batches/{b['id']}/review"
    assert officer.post(review, json={"decision": "redo", "note": "复核"}).status_code == 422
    ordered = officer.post(review, json={"decision": "order_correction", "note": "补充说明"})
    assert ordered.json()["status"] == "correcting"
    corrected = {**over, "repaired_qty": 97, "irreparable_qty": 3}
    done = ent.post(f"{API}/batches/{b['id']}/outcome", json=corrected).json()
    assert (done["status"], done["verdict"]) == ("closed", "ok")
    made = br.as_("br.ent.b").post(f"{API}/admissions", json=GOOD).json()
    url = f"{API}/admissions/{made['id']}/events"
    silent = officer.post(url, json={"event": "reject", "note": " "})
    assert silent.status_code == 422 and silent.json()["errors"][0]["field"] == "note"
    assert officer.get(f"{API}/admissions/{made['id']}").json()["status"] == "submitted"
    assert admission["status"] == "admitted"
