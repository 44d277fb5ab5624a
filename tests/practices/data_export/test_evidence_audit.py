"""p01 evidence and audit: batches anchored in the ledger (receipts verify offline), and the
findings an audit raises, each with its rule and source."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any

from ftz.core.ledger.receipts import verify_receipt
from tests.conftest import ApiClients
from tests.practices.data_export.test_filings import BASE, approve, create

# After the filings the test approves (today), within this year's audit.
NOW = datetime.now(UTC).isoformat()
YEAR = datetime.now(UTC).year


def batch(api: ApiClients, filing_id: str, user: str = "dx.auto", **extra: Any) -> Any:
    body = {
        "filing_id": filing_id,
        "exported_at": NOW,
        "columns": ["vin", "battery_temperature"],
        "row_count": 5000,
        "individuals": 4000,
        "sensitive_individuals": 0,
        "sha256": hashlib.sha256(b"batch").hexdigest(),
        **extra,
    }
    return api.as_(user).post(f"{BASE}/batches", json=body)


def org_id(api: ApiClients, user: str) -> str:
    return str(api.as_(user).get("/api/me").json()["org_id"])


def test_batch_is_anchored_and_a_clean_audit_finds_nothing(dx: ApiClients) -> None:
    filing = approve(dx, create(dx)["id"])
    recorded = batch(dx, filing["id"])
    assert recorded.status_code == 201, recorded.text
    index = recorded.json()["ledger_index"]
    receipt = (
        dx.as_("dx.auto")
        .get("/api/ledger/receipt", params={"log": "ftz.local/evidence", "index": index})
        .json()
    )
    key = dx.anonymous().get("/api/ledger/keys").json()["active"]
    assert verify_receipt(receipt, key).ok
    audit = dx.as_("data.officer").post(
        f"{BASE}/audits", params={"org_id": org_id(dx, "dx.auto"), "year": YEAR}
    )
    assert audit.status_code == 201, audit.text
    assert audit.json()["batches"] == 1 and audit.json()["findings"] == []


def test_audit_findings(dx: ApiClients) -> None:
    filing = approve(dx, create(dx, individuals=150_000)["id"])
    batch(dx, filing["id"], columns=["vin", "face_image"])
    batch(dx, filing["id"], individuals=1_000_000)
    draft = create(dx)
    batch(dx, draft["id"])
    result = (
        dx.as_("data.officer")
        .post(f"{BASE}/audits", params={"org_id": org_id(dx, "dx.auto"), "year": YEAR})
        .json()
    )
    kinds = sorted(f["kind"] for f in result["findings"])
    # 1,008,000 people this year: both the approved filing and the draft (standard contracts)
    # now need a security assessment.
    assert kinds == [
        "filing_not_approved",
        "legal_threshold_exceeded",
        "legal_threshold_exceeded",
        "unfiled_field",
        "volume_above_filed",
    ]
    unfiled = next(f for f in result["findings"] if f["kind"] == "unfiled_field")
    assert unfiled["detail"]["fields"] == ["face_image"]
    assert unfiled["detail"]["citation"] and unfiled["detail"]["reason_zh"]
    exceeded = next(f for f in result["findings"] if f["kind"] == "legal_threshold_exceeded")
    assert exceeded["detail"]["needed_mechanism"] == "security_assessment"
    assert len(result["receipts"]) == 2  # the batches named by a finding, with their proofs
    mine = dx.as_("dx.auto").get(f"{BASE}/findings", params={"run_id": result["run_id"]})
    assert len(mine.json()) == 5
    assert (
        dx.as_("dx.bio").get(f"{BASE}/findings", params={"run_id": result["run_id"]}).json() == []
    )


def test_batch_rules(dx: ApiClients) -> None:
    filing = create(dx)
    naive = batch(dx, filing["id"], exported_at="2026-03-01T10:00:00")
    assert naive.status_code == 422 and naive.json()["errors"][0]["field"] == "exported_at"
    more = batch(dx, filing["id"], sensitive_individuals=5000)
    assert more.status_code == 422
    theirs = batch(dx, filing["id"], user="dx.bio")
    assert theirs.status_code == 404
    self_audit = dx.as_("dx.bio").post(
        f"{BASE}/audits", params={"org_id": org_id(dx, "dx.auto"), "year": YEAR}
    )
    assert self_audit.status_code == 403
