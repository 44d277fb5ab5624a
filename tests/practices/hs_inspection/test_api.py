"""p06 over the API: the one search by code (elements of the four sources for the code and its
parents, standards, cases, assessment with fired rows), imports (validated whole, idempotent,
anchored, admin only), batches (importer's own only; others' 404), the result that becomes a
risk record and a case feeding the next assessment, and bad input as RFC 9457 problems."""

from __future__ import annotations

import csv
import io
import json

from tests.conftest import ApiClients
from tests.practices.hs_inspection.conftest import (
    API,
    NOTIFICATION,
    batch_body,
    declared,
    record,
)


def test_lookup_by_code_returns_the_elements_and_assessment(hs: ApiClients) -> None:
    found = hs.as_("hs.officer").get(f"{API}/lookup", params={"q": "8516.31.00.00"})
    assert found.status_code == 200, found.text
    body = found.json()
    assert body["code"] == "851631" and body["tariff_code"] == "8516310000"
    assert [p["code"] for p in body["path"]] == ["85", "8516", "851631"]
    assert body["elements"]["nonconformity"]["total"] == 2
    alert = body["elements"]["overseas_notification"]["items"][0]
    assert alert["ref"] == "A12/00001/25" and alert["barcode"] == "6901234567892"
    assert alert["measures"].startswith("Recall")
    assert {p["code"]: p["counts"] for p in body["parents"]}["8516"]["nonconformity"] == 2
    assert {s["id"] for s in body["standards"]} >= {"GB4706.1", "WI-HS-01", "LAW-INSPECTION"}
    a = body["assessment"]
    assert a["risk_level"] in ("serious", "high") and a["action"] in ("lab_test", "sampling")
    shock = next(r for r in a["risks"] if r["risk_type"] == "electric_shock")
    assert shock["severity"] == 4 and shock["severity_from"] == "records"
    assert next(f["row_id"] for f in shock["fired"]) == "SEV-SHOCK"
    assert a["fired"][-1]["table"] == "Recommended action of the officer"
    empty = hs.as_("hs.officer").get(f"{API}/lookup", params={"q": "9018"}).json()
    assert (
        empty["assessment"]["risk_level"] == "none" and empty["assessment"]["action"] == "release"
    )
    used = hs.as_("hs.officer").get(f"{API}/lookup", params={"q": "845811", "used_machinery": True})
    assert used.json()["assessment"]["action"] == "document_check"


def test_lookup_is_for_inspectors_and_checks_the_code(hs: ApiClients) -> None:
    assert hs.as_("hs.importer").get(f"{API}/lookup", params={"q": "8516"}).status_code == 403
    assert hs.as_("nev.cq").get(f"{API}/lookup", params={"q": "8516"}).status_code == 403
    bad = hs.as_("hs.officer").get(f"{API}/lookup", params={"q": "9999"})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "q"
    assert hs.as_("hs.officer").get(f"{API}/lookup", params={"q": "85"}).status_code == 422


def _upload(hs: ApiClients, user: str, source: str, name: str, content: bytes):  # type: ignore[no-untyped-def]
    files = {"file": (name, io.BytesIO(content), "text/csv")}
    return hs.as_(user).post(f"{API}/imports/{source}", files=files)


CSV = (
    "certificate_no,hs_code,record_date,product,country,risk_type,result,defect,manufacture_year\n"
    "PSI-1,8458110000,2025-01-02,数控车床,Japan,injuries,conforming,,2015\n"
    "PSI-2,8458110000,2025-01-03,数控车床,Japan,injuries,nonconforming,防护罩缺失,2012\n"
).encode()


def test_import_is_validated_idempotent_and_anchored(hs: ApiClients) -> None:
    assert _upload(hs, "hs.officer", "used_machinery", "u.csv", CSV).status_code == 403
    first = _upload(hs, "admin", "used_machinery", "u.csv", CSV)
    assert first.status_code == 201, first.text
    assert (first.json()["inserted"], first.json()["skipped"]) == (2, 0)
    assert first.json()["ledger_index"] is not None
    again = _upload(hs, "admin", "used_machinery", "u.csv", CSV)
    assert (again.json()["inserted"], again.json()["skipped"]) == (0, 2)
    listed = hs.as_("hs.officer").get(f"{API}/records", params={"source": "used_machinery"})
    assert listed.json()["total"] == 2
    assert listed.json()["items"][0]["details"]["manufacture_year"] in ("2015", "2012")
    exported = hs.as_("hs.officer").get(f"{API}/records.csv", params={"q": "PSI-"})
    rows = list(csv.DictReader(io.StringIO(exported.text.lstrip("\ufeff"))))
    assert sorted(r["ref"] for r in rows) == ["PSI-1", "PSI-2"]
    assert {r["source"] for r in rows} == {"used_machinery"}
    assert json.loads(rows[0]["details"])["manufacture_year"] in ("2015", "2012")
    assert hs.as_("hs.importer").get(f"{API}/records.csv").status_code in (403, 404)
    bad = CSV.replace(b"8458110000,2025-01-03", b"99999999,2025-01-03")
    refused = _upload(hs, "admin", "used_machinery", "u2.csv", bad.replace(b"PSI-", b"PSJ-"))
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "row 2: hs_code"
    assert hs.as_("hs.officer").get(f"{API}/records", params={"q": "PSJ"}).json()["total"] == 0
    missing = dict(NOTIFICATION, alert_number="A12/9/25", measures="")
    gap = _upload(hs, "admin", "overseas_notification", "n.json", json.dumps([missing]).encode())
    assert gap.status_code == 422 and gap.json()["errors"][0]["field"] == "row 1: measures"
    assert _upload(hs, "admin", "used_machinery", "e.csv", b"").status_code == 422
    assert (
        hs.as_("admin").post(f"{API}/imports/nothing", files={"file": ("x", b"x")}).status_code
        == 422
    )


def test_batches_are_the_importers_own(hs: ApiClients) -> None:
    mine = declared(hs)
    other = declared(hs, "hs.importer2")
    assert "risk_level" not in mine and mine["status"] == "pending"
    importer = hs.as_("hs.importer")
    assert importer.get(f"{API}/batches/{other['id']}").status_code == 404
    assert importer.get(f"{API}/batches/{other['id']}/history").status_code == 404
    assert {b["id"] for b in importer.get(f"{API}/batches").json()["items"]} == {mine["id"]}
    assert hs.as_("nev.cq").get(f"{API}/batches").json()["total"] == 0
    assert hs.as_("nev.cq").get(f"{API}/batches/{mine['id']}").status_code == 404
    assert hs.as_("hs.officer").get(f"{API}/batches").json()["total"] == 2
    assert importer.get(f"{API}/batches/{mine['id']}/risk").status_code == 403
    fixed = importer.put(f"{API}/batches/{mine['id']}", json=batch_body(quantity=7))
    assert fixed.status_code == 200 and fixed.json()["quantity"] == 7
    assert importer.put(f"{API}/batches/{other['id']}", json=batch_body()).status_code == 404
    result = {"result": "conforming", "action_taken": "release"}
    assert importer.post(f"{API}/batches/{mine['id']}/result", json=result).status_code == 403
    csv = hs.as_("hs.importer2").get(f"{API}/batches.csv").text
    assert other["number"] in csv and mine["number"] not in csv
    bad = importer.post(f"{API}/batches", json=batch_body(hs_code="12"))
    assert bad.status_code == 422
    code = importer.post(
        f"{API}/batches",
        json={"hs_code": "8516999999", "product": "x", "quantity": 1, "arrival_date": "2026-11-24"},
    )
    assert code.status_code == 422 and "hs_code" in code.text
    assert hs.as_("hs.officer").post(f"{API}/batches", json={}).status_code in (403, 422)


def test_result_becomes_a_record_and_a_case_that_feeds_assessment(hs: ApiClients) -> None:
    officer = hs.as_("hs.officer")
    before = officer.get(f"{API}/lookup", params={"q": "851631"}).json()["assessment"]
    batch = declared(hs)
    risk = officer.get(f"{API}/batches/{batch['id']}/risk").json()
    assert risk["code"] == "851631" and risk["assessment"]["action"] == before["action"]
    no_defect = {"result": "nonconforming", "action_taken": "lab_test", "risk_type": "fire"}
    missing = officer.post(f"{API}/batches/{batch['id']}/result", json=no_defect)
    assert missing.status_code == 422 and "defect" in missing.text
    body = {**no_defect, "defect": "电源线温升超标", "severity": 3, "confirm_case": True,
            "case_title": "电吹风电源线过热"}  # fmt: skip
    done = officer.post(f"{API}/batches/{batch['id']}/result", json=body)
    assert done.status_code == 201, done.text
    out = done.json()
    assert out["status"] == "inspected" and out["recommended_action"] == before["action"]
    assert out["ledger_index"] is not None and out["assessment"]["fired"]
    assert officer.post(f"{API}/batches/{batch['id']}/result", json=body).status_code == 409
    records = officer.get(f"{API}/records", params={"q": batch["number"]}).json()
    assert records["total"] == 1 and records["items"][0]["source"] == "nonconformity"
    cases = officer.get(f"{API}/cases", params={"code": "851631"}).json()
    assert cases[0]["title"] == "电吹风电源线过热" and cases[0]["ledger_index"] is not None
    after = officer.get(f"{API}/lookup", params={"q": "851631"}).json()
    assert after["assessment"]["basis"]["cases"] == 1
    assert after["assessment"]["basis"]["nonconforming"] == 1
    assert after["assessment"]["basis"]["p_defect"] > before["basis"]["p_defect"]
    assert after["cases"][0]["title"] == "电吹风电源线过热"
    late = hs.as_("hs.importer").put(f"{API}/batches/{batch['id']}", json=batch_body())
    assert late.status_code == 409
    seen = hs.as_("hs.importer").get(f"{API}/batches/{batch['id']}").json()
    assert seen["result"] == "nonconforming" and "recommended_action" not in seen
    history = hs.as_("hs.importer").get(f"{API}/batches/{batch['id']}/history").json()
    assert [h["action"] for h in history][-1] == "create" and len(history) >= 2
    rec = officer.get(f"{API}/records", params={"q": "NC-T-1"}).json()["items"][0]
    case = officer.post(f"{API}/cases", json={"record_id": rec["id"], "title": "电吹风触电"})
    assert case.status_code == 201 and case.json()["risk_level"] in ("serious", "high")
    again = officer.post(f"{API}/cases", json={"record_id": rec["id"], "title": "电吹风触电"})
    assert again.status_code == 409
    assert (
        officer.post(f"{API}/cases", json={"record_id": "nope", "title": "xx"}).status_code == 404
    )
    dash = officer.get(f"{API}/dashboard").json()
    assert dash["batches"]["nonconforming"] == 1 and dash["seed"]["batches"] == 4555
    assert dash["seed"]["detection_rate_pct"] == 3.12


def test_rules_are_listed(hs: ApiClients) -> None:
    tables = hs.as_("hs.importer").get(f"{API}/rules").json()
    assert set(tables) == {"action.json", "probability.json", "risk_level.json", "severity.json"}
    assert record("x")["record_no"] == "x"
