"""The batch ledger: goods entered for repair with the overseas pre-inspection fingerprint, the
running outcome (repaired and re-exported, irreparable) and the irreparable-rate verdict of
rules/irreparable.json under the configured reading of "5 % of quantity or 10 % of value". Every
verdict is anchored in the evidence ledger and names the reading it used."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import conflict, validation_error
from ftz.core.kit.ids import new_id
from ftz.core.workflow import fire
from ftz.practices.bonded_repair import repository
from ftz.practices.bonded_repair.common import anchor, own_org, require_reviewer, rules, settings
from ftz.practices.bonded_repair.models import Batch
from ftz.practices.bonded_repair.schemas import BatchIn, OutcomeIn, ReviewIn
from ftz.practices.bonded_repair.workflow import BatchFlow

PLACES = Decimal("0.0001")
REPORTABLE = ("open", "correcting")


def rates(quantity: int, value: Decimal, irr_qty: int, irr_value: Decimal) -> tuple[float, float]:
    qty_pct = (Decimal(irr_qty) * 100 / Decimal(quantity)).quantize(PLACES)
    value_pct = (Decimal(irr_value) * 100 / Decimal(value)).quantize(PLACES)
    return float(qty_pct), float(value_pct)


def judge(
    quantity: int, value: Decimal, irr_qty: int, irr_value: Decimal, reading: str | None = None
) -> dict[str, Any]:
    """The verdict, the rows that fired, the rates and the reading used."""
    used = reading or str(settings()["reading"])
    qty_pct, value_pct = rates(quantity, value, irr_qty, irr_value)
    facts = {"reading": used, "qty_pct": qty_pct, "value_pct": value_pct}
    decision = rules().evaluate("irreparable.json", facts)
    return {**facts, "verdict": decision.result["verdict"], "limit": decision.result["limit"],
            "fired": decision.explanation()}  # fmt: skip


def open_batch(session: Session, *, principal: Principal, data: BatchIn) -> Batch:
    org_id = own_org(principal)
    if not repository.admission_of(session, org_id, "admitted"):
        raise conflict("the enterprise has no bonded-repair admission in force")
    if session.scalar(select(Batch.id).where(Batch.number == data.number)):
        raise validation_error("number", "this batch number is already recorded")
    found = judge(data.quantity, data.value_cny, 0, Decimal(0))
    batch = Batch(id=new_id(), org_id=org_id, **data.model_dump(),
                  reading=found["reading"], verdict=found["verdict"], fired=found["fired"],
                  status="open")  # fmt: skip
    entry = {"type": "bonded_repair.batch_entered", "org_id": org_id,
             **data.model_dump(mode="json")}  # fmt: skip
    batch.ledger_index = anchor(session, entry, f"br-batch:{batch.id}")
    session.add(batch)
    session.flush()
    return batch


def report_outcome(
    session: Session, *, principal: Principal, batch_id: str, data: OutcomeIn
) -> Batch:
    batch = repository.get_owned(session, principal, Batch, batch_id)
    if batch.status not in REPORTABLE:
        raise conflict(
            f"the batch is {batch.status}; outcomes are reported while it is open or "
            "under a correction order"
        )
    accounted = data.repaired_qty + data.irreparable_qty
    if accounted > batch.quantity:
        raise validation_error("irreparable_qty", f"repaired + irreparable exceed {batch.quantity}")
    if data.irreparable_value_cny > batch.value_cny:
        raise validation_error("irreparable_value_cny", "exceeds the batch value")
    if data.final and accounted != batch.quantity:
        raise validation_error("repaired_qty", "a final outcome accounts for every item")
    found = judge(batch.quantity, batch.value_cny, data.irreparable_qty,
                  data.irreparable_value_cny, data.reading)  # fmt: skip
    batch.repaired_qty, batch.irreparable_qty = data.repaired_qty, data.irreparable_qty
    batch.irreparable_value_cny = data.irreparable_value_cny
    batch.reading, batch.verdict, batch.fired = found["reading"], found["verdict"], found["fired"]
    entry = {"type": "bonded_repair.batch_verdict", "batch": batch.number,
             "org_id": batch.org_id, "outcome": data.model_dump(mode="json"),
             **{k: found[k] for k in ("reading", "qty_pct", "value_pct", "verdict", "limit")},
             "rows": [r["row_id"] for r in found["fired"]]}  # fmt: skip
    batch.ledger_index = anchor(session, entry, f"br-verdict:{batch.id}:{new_id()}")
    if data.final:
        event = "flag" if found["verdict"] == "exceeded" else "close"
        fire(session, BatchFlow, batch, event, principal=principal, owner_org_id=batch.org_id)
    session.flush()
    return batch


def review(session: Session, *, principal: Principal, batch_id: str, data: ReviewIn) -> Batch:
    require_reviewer(principal)
    batch = repository.get_owned(session, principal, Batch, batch_id)
    fire(session, BatchFlow, batch, data.decision, principal=principal,
         owner_org_id=batch.org_id, note=data.note)  # fmt: skip
    session.flush()
    return batch
