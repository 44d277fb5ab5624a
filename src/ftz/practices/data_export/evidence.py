"""事中存证 and 事后核查: every export batch is recorded (columns, counts, fingerprint; never the
data) and anchored in the evidence log; an audit compares the year's batches with the filings and
with the legal thresholds, and each finding carries the receipt of the batch it is about."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy.orm import Session

from ftz.config import Settings
from ftz.core.auth.principal import Principal
from ftz.core.db import utcnow
from ftz.core.kit.errors import forbidden, validation_error
from ftz.core.ledger import service as ledger
from ftz.practices.data_export import repository
from ftz.practices.data_export.decision import assess
from ftz.practices.data_export.models import AuditRun, Batch, Filing, Finding
from ftz.practices.data_export.schemas import BatchIn
from ftz.practices.data_export.service import LOG, officer, org_of, scenario_of

FINDINGS_FILE = Path(__file__).with_name("data") / "findings.yaml"
STRICTNESS = {"exempt": 0, "standard_contract_or_certification": 1, "security_assessment": 2}
NOT_APPROVED = {"draft", "submitted", "rejected", "withdrawn"}


@lru_cache(maxsize=1)
def finding_rules() -> dict[str, dict[str, str]]:
    rows = yaml.safe_load(FINDINGS_FILE.read_text(encoding="utf-8"))
    return {row["kind"]: row for row in rows}


def record_batch(session: Session, *, principal: Principal, data: BatchIn) -> Batch:
    org_id = org_of(principal)
    filing = repository.get_owned(session, principal, Filing, data.filing_id)
    if filing.org_id != org_id:
        raise validation_error("filing_id", "not a filing of your organization")
    if data.exported_at.tzinfo is None:
        raise validation_error("exported_at", "give a time zone, e.g. 2026-11-24T10:00:00+08:00")
    if data.sensitive_individuals > data.individuals:
        raise validation_error("sensitive_individuals", "cannot exceed individuals")
    entry = ledger.canonical(
        {
            "type": "data-export-batch",
            "org": org_id,
            "filing": filing.number,
            "version": filing.version,
            "exported_at": data.exported_at.isoformat(),
            "columns": sorted(data.columns),
            "rows": data.row_count,
            "individuals": data.individuals,
            "sensitive_individuals": data.sensitive_individuals,
            "sha256": data.sha256,
        }
    )
    batch = Batch(
        org_id=org_id,
        filing_id=filing.id,
        exported_at=data.exported_at,
        columns=list(data.columns),
        row_count=data.row_count,
        individuals=data.individuals,
        sensitive_individuals=data.sensitive_individuals,
        sha256=data.sha256,
        ledger_index=0,
    )
    session.add(batch)
    session.flush()
    batch.ledger_index = ledger.append(session, LOG, [entry], [f"data_export_batch:{batch.id}"])[0]
    session.flush()
    return batch


def _finding(kind: str, filing: Filing, batch: Batch | None, **figures: Any) -> dict[str, Any]:
    rule = finding_rules()[kind]
    return {
        "kind": kind,
        "severity": rule["severity"],
        "filing_id": filing.id,
        "batch_id": batch.id if batch else None,
        "detail": {
            "filing": f"{filing.number} v{filing.version}",
            "reason_zh": rule["reason_zh"],
            "reason_en": rule["reason_en"],
            "citation": rule["citation"],
            **figures,
        },
    }


def _batch_findings(
    batch: Batch, filing: Filing, filings: dict[str, Filing]
) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    day = batch.exported_at.date()
    successor = next(
        (f for f in filings.values() if f.supersedes_id == filing.id and f.approved_on), None
    )
    if filing.status in NOT_APPROVED or filing.approved_on is None or filing.approved_on > day:
        found.append(_finding("filing_not_approved", filing, batch, status=filing.status))
    elif (filing.valid_until is not None and day > filing.valid_until) or (
        successor is not None and successor.approved_on is not None and successor.approved_on <= day
    ):
        found.append(
            _finding(
                "assessment_expired",
                filing,
                batch,
                valid_until=str(filing.valid_until),
                exported_on=day.isoformat(),
            )
        )
    filed = {field["name"] for field in filing.inventory}
    unfiled = sorted(set(batch.columns) - filed)
    if unfiled:
        found.append(_finding("unfiled_field", filing, batch, fields=unfiled))
    return found


def _volume_findings(
    filing: Filing, batches: list[Batch], org_totals: tuple[int, int]
) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    individuals = sum(b.individuals for b in batches)
    if individuals > filing.individuals:
        found.append(
            _finding(
                "volume_above_filed", filing, None, filed=filing.individuals, actual=individuals
            )
        )
    actual = assess(scenario_of(filing, *org_totals)).to_dict()
    if STRICTNESS[actual["mechanism"]] > STRICTNESS.get(filing.mechanism, 0):
        found.append(
            _finding(
                "legal_threshold_exceeded",
                filing,
                None,
                filed_mechanism=filing.mechanism,
                needed_mechanism=actual["mechanism"],
                articles=actual["articles"],
                individuals=org_totals[0],
                sensitive_individuals=org_totals[1],
            )
        )
    return found


def run_audit(
    session: Session, *, principal: Principal, org_id: str, year: int, settings: Settings
) -> tuple[AuditRun, list[Finding], list[dict[str, Any]]]:
    """Audit one organization's exports of `year`; officers audit anyone, an enterprise itself."""
    if principal.is_enterprise:
        if principal.org_id != org_id:
            raise forbidden("an enterprise audits only its own exports")
    else:
        officer(principal)
    batches = [b for b in repository.org_batches(session, org_id) if b.exported_at.year == year]
    filings = {f.id: f for f in repository.org_filings(session, org_id)}
    raw: list[dict[str, Any]] = []
    by_filing: dict[str, list[Batch]] = defaultdict(list)
    for batch in batches:
        by_filing[batch.filing_id].append(batch)
        raw += _batch_findings(batch, filings[batch.filing_id], filings)
    totals = (
        sum(b.individuals for b in batches),
        sum(b.sensitive_individuals for b in batches),
    )
    for filing_id, filing_batches in by_filing.items():
        raw += _volume_findings(filings[filing_id], filing_batches, totals)
    run = AuditRun(org_id=org_id, year=year, batches=len(batches), finding_count=len(raw))
    session.add(run)
    session.flush()
    findings = [Finding(run_id=run.id, org_id=org_id, **item) for item in raw]
    session.add_all(findings)
    session.flush()
    signer = ledger.signing(settings)
    flagged = {f.batch_id for f in findings if f.batch_id}
    receipts = [
        ledger.receipt(session, LOG, b.ledger_index, signer) for b in batches if b.id in flagged
    ]
    return run, findings, receipts


def year_of(moment: datetime | None = None) -> int:
    return (moment or utcnow()).year
