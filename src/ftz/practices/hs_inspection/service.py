"""p06 services: importers declare batches; inspection officers look up a batch's risk, record
the result (a nonconforming result becomes a new nonconformity record, and may be confirmed as a
risk case), confirm risk cases from any record, and read the workbench statistics. Decisions are
anchored in the evidence ledger. Services flush, never commit."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from ftz.core.audit.models import AuditEvent
from ftz.core.audit.service import list_events
from ftz.core.auth.principal import Principal
from ftz.core.db.base import utcnow
from ftz.core.kit.errors import conflict, forbidden, validation_error
from ftz.core.kit.ids import new_id
from ftz.core.kit.pagination import PageParams
from ftz.core.ledger import service as ledger
from ftz.practices.hs_inspection import assess, repository
from ftz.practices.hs_inspection.common import (
    anchor,
    is_inspector,
    require_inspector,
    rules,
    settings,
)
from ftz.practices.hs_inspection.importer import row_values
from ftz.practices.hs_inspection.models import HsBatch, HsRiskCase, HsRiskRecord
from ftz.practices.hs_inspection.schemas import BatchIn, CaseIn, RecordIn, ResultIn, product_code

WORKBENCH_SIZE = 50


def declare(session: Session, *, principal: Principal, data: BatchIn) -> HsBatch:
    if not principal.is_enterprise or principal.org_id is None:
        raise forbidden("only an importer (enterprise) declares its batches")
    code, tariff = product_code(data.hs_code)
    batch = HsBatch(
        id=new_id(), org_id=principal.org_id,
        number=repository.next_batch_number(session, data.arrival_date.year),
        status="pending", hs_code=code, tariff_code=tariff,
        **data.model_dump(exclude={"hs_code"}),
    )  # fmt: skip
    session.add(batch)
    session.flush()
    return batch


def edit(session: Session, *, principal: Principal, batch_id: str, data: BatchIn) -> HsBatch:
    """The importer corrects its batch until it is inspected."""
    if not principal.is_enterprise:
        raise forbidden("only the importer edits its batch")
    batch = repository.get_batch(session, principal, batch_id, lock=True)
    if batch.status != "pending":
        raise conflict(f"batch {batch.number} is inspected and can no longer be edited")
    code, tariff = product_code(data.hs_code)
    for key, value in data.model_dump(exclude={"hs_code"}).items():
        setattr(batch, key, value)
    batch.hs_code, batch.tariff_code = code, tariff
    session.flush()
    return batch


def risk_view(session: Session, *, principal: Principal, batch_id: str) -> dict[str, Any]:
    """The one-click risk view of a batch: the lookup of its code, assessed for it."""
    require_inspector(principal)
    batch = repository.get_batch(session, principal, batch_id)
    found = assess.lookup(session, batch.tariff_code or batch.hs_code,
                          used_machinery=batch.used_machinery)  # fmt: skip
    return found


def _digest(value: Any) -> str:
    return hashlib.sha256(ledger.canonical(value)).hexdigest()


def record_result(
    session: Session, *, principal: Principal, batch_id: str, data: ResultIn
) -> HsBatch:
    require_inspector(principal)
    batch = repository.get_batch(session, principal, batch_id, lock=True)
    if batch.status != "pending":
        raise conflict(f"batch {batch.number} is already inspected")
    before = assess.assess(session, batch.hs_code, used_machinery=batch.used_machinery)
    batch.status, batch.result = "inspected", data.result
    batch.action_taken, batch.officer = data.action_taken, principal.username
    batch.risk_type, batch.defect = data.risk_type or "", data.defect
    batch.inspected_at = utcnow()
    batch.risk_level, batch.recommended_action = before["risk_level"], before["action"]
    batch.assessment = {k: before[k] for k in ("basis", "risks", "risk_level", "action",
                                               "reason_zh", "reason_en", "fired")}  # fmt: skip
    session.flush()
    record_id = None
    if data.result == "nonconforming":
        record_id = _new_record(session, batch, data)
    batch.ledger_index = anchor(
        session,
        {
            "type": "hs_inspection.inspection",
            "batch": batch.id,
            "number": batch.number,
            "hs_code": batch.hs_code,
            "result": batch.result,
            "action_taken": batch.action_taken,
            "recommended": batch.recommended_action,
            "risk_level": batch.risk_level,
            "assessment_sha256": _digest(batch.assessment),
            "record": record_id,
        },
        f"hs_inspection/batch/{batch.id}",
    )
    if data.confirm_case and record_id is not None:
        title = data.case_title or f"{batch.product}：{data.defect[:80]}"
        _case(session, principal, repository.get_record(session, record_id), title, data.note)
    session.flush()
    return batch


def _new_record(session: Session, batch: HsBatch, data: ResultIn) -> str:
    record = RecordIn(
        ref=batch.number, hs_code=batch.tariff_code or batch.hs_code,
        record_date=date.today(), product=batch.product, country=batch.origin_country,
        brand=batch.brand, model=batch.model, batch_no=batch.number,
        risk_type=data.risk_type or "other", defect=data.defect,
        measures=data.action_taken, severity=data.severity, result=data.result,
        details={"from": "inspection", "officer": batch.officer, "note": data.note},
    )  # fmt: skip
    if repository.existing_refs(session, "nonconformity", [record.ref]):
        raise conflict(f"a nonconformity record {record.ref} already exists")
    values = row_values("nonconformity", record, None) | {"batch_id": batch.id}
    session.execute(insert(HsRiskRecord), [values])
    return str(values["id"])


def _case(
    session: Session, principal: Principal, record: HsRiskRecord, title: str, description: str
) -> HsRiskCase:
    found = assess.assess(session, record.hs_code)
    risk = next((r for r in found["risks"] if r["risk_type"] == record.risk_type), None)
    if risk is None:  # pragma: no cover - the record itself puts its type under the code
        raise validation_error("record_id", "the record's risk type is not under its code")
    case = HsRiskCase(
        id=new_id(), number=repository.next_case_number(session, date.today().year),
        hs_code=record.hs_code, title=title, risk_type=record.risk_type,
        severity=record.severity or risk["severity"], risk_level=risk["risk_level"],
        description=description or record.defect, record_id=record.id,
        confirmed_by=principal.username,
    )  # fmt: skip
    session.add(case)
    session.flush()
    case.ledger_index = anchor(
        session,
        {
            "type": "hs_inspection.case",
            "id": case.id,
            "number": case.number,
            "hs_code": case.hs_code,
            "record": record.id,
            "risk_level": case.risk_level,
            "severity": case.severity,
        },
        f"hs_inspection/case/{case.id}",
    )
    session.flush()
    return case


def confirm_case(session: Session, *, principal: Principal, data: CaseIn) -> HsRiskCase:
    """A risk record confirmed as a typical case: it joins the risk-case database."""
    require_inspector(principal)
    record = repository.get_record(session, data.record_id)
    if any(c.record_id == record.id for c in repository.cases_under(session, record.hs_code)):
        raise conflict("this record is already a risk case")
    return _case(session, principal, record, data.title, data.description)


def history(session: Session, *, principal: Principal, entity_id: str) -> list[AuditEvent]:
    found = list_events(session, principal=principal, entity_ids=[entity_id],
                        params=PageParams(page=1, size=200))  # fmt: skip
    return list(found.items)


def brief(batch: HsBatch) -> dict[str, Any]:
    return {k: getattr(batch, k) for k in ("id", "number", "hs_code", "product", "brand",
            "arrival_date", "used_machinery", "org_id", "status")}  # fmt: skip


def dashboard(
    session: Session, *, principal: Principal, today: date | None = None
) -> dict[str, Any]:
    """The workbench: pending batches (today's first), the platform's detection rate and hours
    saved beside the seed's figures; inspectors also see the four sources and the cases."""
    seed = settings()["seed"]
    counts = repository.batch_counts(session, principal)
    inspected = counts.get("inspected", 0)
    day = today or date.today()
    todays = repository.pending(session, principal, day, WORKBENCH_SIZE)
    waiting = repository.pending(session, principal, None, WORKBENCH_SIZE)
    inspector = is_inspector(principal)
    return {
        "today": day.isoformat(),
        "batches": counts,
        "detection_rate_pct": round(100 * counts["nonconforming"] / inspected, 2)
        if inspected
        else 0.0,
        "hours_saved": round(inspected * float(seed["hours_saved_per_batch"]), 2),
        "today_batches": [brief(b) for b in todays],
        "pending_batches": [brief(b) for b in waiting],
        "records": repository.record_totals(session) if inspector else {},
        "cases": repository.case_count(session) if inspector else 0,
        "seed": seed
        | {"detection_rate_pct": round(100 * seed["nonconforming"] / seed["batches"], 2)},
        "rule_tables": rules().keys,
    }
