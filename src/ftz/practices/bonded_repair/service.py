"""p03 admission, waste ledger and dashboard. Admission applications are checked against the
measures' criteria by rules/admission.json; the officer's decision, each waste disposal and the
exit are anchored in the evidence ledger. Services flush, never commit."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from ftz.core.audit.models import AuditEvent
from ftz.core.audit.service import list_events
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import conflict, validation_error
from ftz.core.kit.ids import new_id
from ftz.core.kit.pagination import PageParams
from ftz.core.workflow import fire
from ftz.practices.bonded_repair import repository
from ftz.practices.bonded_repair.common import (
    anchor,
    criteria_rows,
    own_org,
    require_reviewer,
    rules,
    settings,
)
from ftz.practices.bonded_repair.models import Admission, Batch, Waste
from ftz.practices.bonded_repair.schemas import AdmissionIn, DecisionIn, WasteIn
from ftz.practices.bonded_repair.workflow import AdmissionFlow

REVIEWED_EVENTS = {"admit", "reject", "complete_exit"}


def apply(session: Session, *, principal: Principal, data: AdmissionIn) -> Admission:
    org_id = own_org(principal)
    if repository.admission_of(session, org_id, "submitted", "admitted", "exiting"):
        raise conflict("this enterprise already has an admission in progress or in force")
    facts = data.model_dump()
    decision = rules().evaluate("admission.json", facts)
    failures = [row["failure"] for row in decision.result]
    fired = decision.explanation()
    admission_id = new_id()
    entry = {"type": "bonded_repair.admission", "org_id": org_id, "facts": facts,
             "eligible": not failures, "rows": [r["row_id"] for r in fired]}  # fmt: skip
    index = anchor(session, entry, f"br-admission:{admission_id}")
    admission = Admission(
        id=admission_id, org_id=org_id, **facts, eligible=not failures,
        failures=failures, fired=fired, status="submitted", ledger_index=index,
    )  # fmt: skip
    session.add(admission)
    session.flush()
    return admission


def decide(
    session: Session, *, principal: Principal, admission_id: str, data: DecisionIn
) -> Admission:
    admission = repository.get_owned(session, principal, Admission, admission_id)
    if data.event in REVIEWED_EVENTS:
        require_reviewer(principal)
    if data.event == "reject" and len(data.note.strip()) < 2:
        raise validation_error("note", "give the reason for the rejection")
    if data.event == "admit" and not admission.eligible:
        raise conflict(
            "the application fails the admission criteria: " + ", ".join(admission.failures)
        )
    if data.event == "complete_exit":
        blocking = exit_blockers(session, admission)
        if blocking:
            raise conflict(
                "batches are still open, flagged or under correction: "
                + ", ".join(f"{b.number} ({b.status})" for b in blocking)
                + "; they must be closed or reviewed before the exit"
            )
    fire(session, AdmissionFlow, admission, data.event, principal=principal,
         owner_org_id=admission.org_id, note=data.note)  # fmt: skip
    admission.note = data.note
    if data.event in REVIEWED_EVENTS:
        entry = {
            "type": f"bonded_repair.{data.event}",
            "admission": admission.id,
            "org_id": admission.org_id,
            "officer": principal.username,
            "note": data.note,
        }
        admission.decision_ledger_index = anchor(session, entry, f"br-{data.event}:{admission.id}")
    session.flush()
    return admission


def record_waste(session: Session, *, principal: Principal, data: WasteIn) -> Waste:
    org_id = own_org(principal)
    if not repository.admission_of(session, org_id, "admitted", "exiting"):
        raise conflict("only an admitted enterprise keeps a bonded-repair waste ledger")
    waste_id = new_id()
    entry = {"type": "bonded_repair.disposal", "org_id": org_id,
             **data.model_dump(mode="json")}  # fmt: skip
    index = anchor(session, entry, f"br-disposal:{waste_id}")
    waste = Waste(id=waste_id, org_id=org_id, **data.model_dump(), ledger_index=index)
    session.add(waste)
    session.flush()
    return waste


def admission_criteria(admission: Admission) -> list[dict[str, Any]]:
    """Every criterion of rules/admission.json, marked failed when its row fired for this
    application: the table the officer decides by, each row with its reason and source."""
    fired = {row["row_id"] for row in admission.fired}
    return [{**row, "failed": row["row_id"] in fired} for row in criteria_rows("admission.json")]


def exit_blockers(session: Session, admission: Admission) -> list[Batch]:
    """The batches that keep an exiting enterprise from leaving (shown to the officer)."""
    return repository.unfinished_batches(session, admission.org_id)


def waste_totals(session: Session, principal: Principal, *filters: Any) -> dict[str, Any]:
    """Tonnes by year: per category and disposal method, and per category in all."""
    waste: dict[str, dict[str, Decimal]] = {}
    for year, category, method, tonnes in repository.waste_totals(session, principal, *filters):
        slot = waste.setdefault(str(year), {})
        slot[f"{category}_{method}"] = Decimal(tonnes or 0)
        slot[f"{category}_total"] = slot.get(f"{category}_total", Decimal(0)) + Decimal(tonnes or 0)
    return {y: {k: str(v) for k, v in s.items()} for y, s in waste.items()}


def history(session: Session, *, principal: Principal, entity_id: str) -> list[AuditEvent]:
    """The audit trail of one record (creation, every change, every workflow event), newest
    first; the caller has already fetched the record, so it is visible to the principal."""
    found = list_events(session, principal=principal, entity_ids=[entity_id],
                        params=PageParams(page=1, size=200))  # fmt: skip
    return list(found.items)


def dashboard(session: Session, *, principal: Principal) -> dict[str, Any]:
    """What the officer watches (an enterprise sees the same for its own records)."""
    conf = settings()
    return {
        "admissions": repository.counts(session, principal, Admission, Admission.status),
        "batch_status": repository.counts(session, principal, Batch, Batch.status),
        "batch_verdicts": repository.counts(session, principal, Batch, Batch.verdict),
        "waste": waste_totals(session, principal),
        "reading": conf["reading"],
        "seed": {k: v for k, v in conf.items() if k.startswith("seed_")},
    }
