"""The one-application transfer (游艇“一次办、不停航”): deregistration, name approval, ownership
registration and the nationality certificate as one case with one merged set of documents.
Documents may be committed (容缺) as rules/commitment.json allows, on the strength of a valid
original survey certificate, with a deadline to supply them; the yacht keeps sailing while the
case runs; the 7-working-day limit (22 before) runs from acceptance and is judged by
rules/transfer_sla.json. Filing and completion are anchored in the evidence ledger."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.db import utcnow
from ftz.core.kit.errors import conflict, forbidden, not_found, validation_error
from ftz.core.workflow import fire
from ftz.practices.yacht_services import repository
from ftz.practices.yacht_services.common import (
    anchor,
    documents,
    local,
    marina,
    require_department,
    rules,
    settings,
)
from ftz.practices.yacht_services.models import Transfer, Yacht
from ftz.practices.yacht_services.permissions import MARITIME
from ftz.practices.yacht_services.schemas import DocumentIn, SupplyIn, TransferEventIn, TransferIn
from ftz.practices.yacht_services.workdays import (
    add_working_days,
    calendar_known,
    working_days_between,
)
from ftz.practices.yacht_services.workflow import TransferFlow

CERTIFICATE_YEARS = 5


def today() -> date:
    return local(utcnow()).date()


def _judge_documents(
    given: list[DocumentIn], survey_valid: bool, filed_on: date
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Each document with its mode and deadline, and the commitment rows that fired."""
    catalog = {d["code"]: d for d in documents()["documents"]}
    seen: dict[str, DocumentIn] = {}
    for doc in given:
        if doc.code not in catalog:
            raise validation_error(f"documents.{doc.code}", "not a document of this procedure")
        if doc.code in seen:
            raise validation_error(f"documents.{doc.code}", "listed twice")
        if doc.mode == "provided" and doc.sha256 is None:
            raise validation_error(f"documents.{doc.code}", "a provided document needs its SHA-256")
        seen[doc.code] = doc
    missing = [code for code in catalog if code not in seen]
    if missing:
        raise validation_error("documents", f"missing: {', '.join(missing)}")
    judged, fired = [], []
    for code in catalog:
        doc = seen[code]
        facts = {"document": code, "mode": doc.mode, "survey_valid": survey_valid}
        decision = rules().evaluate("commitment.json", facts)
        if not decision.result["allowed"]:
            raise validation_error(f"documents.{code}", str(decision.result["reason_en"]))
        days = int(decision.result["deadline_working_days"])
        deadline = add_working_days(filed_on, days).isoformat() if doc.mode == "committed" else None
        judged.append({"code": code, "mode": doc.mode, "sha256": doc.sha256,
                       "deadline": deadline, "supplied_at": None})  # fmt: skip
        fired.extend(decision.explanation() if doc.mode == "committed" else [])
    return judged, fired


def file(session: Session, *, principal: Principal, data: TransferIn) -> Transfer:
    if not principal.is_enterprise or principal.org_id is None:
        raise forbidden("the new owner files the transfer")
    yacht = repository.yacht_by_registration(session, data.registration_no)
    if yacht is None:
        raise not_found("yacht")
    if yacht.org_id == principal.org_id:
        raise conflict("you already own this yacht")
    if yacht.status != "registered":
        raise conflict(f"the yacht is {yacht.status}; one transfer at a time")
    marina(data.new_home_port, "new_home_port")
    if repository.name_taken(session, data.new_name_zh, except_id=yacht.id):
        raise validation_error("new_name_zh", "this name is already registered (name approval)")
    filed_on = today()
    survey = next((d for d in data.documents if d.code == "survey_certificate"), None)
    survey_valid = bool(
        survey and survey.mode == "provided" and yacht.survey_cert_expiry >= filed_on
    )
    judged, fired = _judge_documents(data.documents, survey_valid, filed_on)
    year = filed_on.year
    prefix = f"{settings()['transfer_number_prefix']}{year}-"
    number = f"{prefix}{repository.count_numbers(session, Transfer, prefix) + 1:04d}"
    previous = {
        "name_zh": yacht.name_zh, "owner_name": yacht.owner_name, "org_id": yacht.org_id,
        "registration_cert_no": yacht.registration_cert_no,
        "nationality_cert_no": yacht.nationality_cert_no, "home_port": yacht.home_port,
    }  # fmt: skip
    items = [{"code": i["code"], "status": "pending"} for i in documents()["items"]]
    deadlines = [d["deadline"] for d in judged if d["deadline"]]
    transfer = Transfer(
        number=number, yacht_id=yacht.id, org_id=principal.org_id, seller_org_id=yacht.org_id,
        previous=previous, **data.model_dump(exclude={"registration_no", "documents"}),
        documents=judged, items=items, fired=fired, status="submitted", submitted_at=utcnow(),
        commitment_deadline=date.fromisoformat(min(deadlines)) if deadlines else None,
    )  # fmt: skip
    yacht.status = "in_transfer"  # the yacht keeps sailing (不停航): reports stay open
    session.add(transfer)
    session.flush()
    listed = [{k: d[k] for k in ("code", "mode", "sha256")} for d in judged]
    entry = {"type": "yacht_services.transfer_filed", "number": number, "yacht": yacht.hull_id,
             "buyer": principal.org_id, "seller": yacht.org_id, "documents": listed}  # fmt: skip
    transfer.ledger_index = anchor(session, entry, f"ys-transfer:{transfer.id}")
    session.flush()
    return transfer


def sla(transfer: Transfer, on: date | None = None) -> dict[str, Any]:
    """Working days since acceptance and the verdict of rules/transfer_sla.json (live for an
    open case, final once completed)."""
    if transfer.accepted_at is None:
        return {"sla": "not_started", "elapsed_working_days": None, "fired": []}
    started = local(transfer.accepted_at).date()
    completed = transfer.completed_at is not None
    end = local(transfer.completed_at).date() if transfer.completed_at else (on or today())
    elapsed = working_days_between(started, end)
    decision = rules().evaluate(
        "transfer_sla.json", {"completed": completed, "elapsed_working_days": elapsed}
    )
    due = add_working_days(started, int(decision.result["limit_working_days"]))
    return {"sla": decision.result["sla"], "elapsed_working_days": elapsed,
            "due": due.isoformat(), "calendar_known": calendar_known(started, end),
            "fired": decision.explanation()}  # fmt: skip


def overdue_commitments(transfer: Transfer, on: date | None = None) -> list[dict[str, Any]]:
    day = on or today()
    return [
        d for d in transfer.documents
        if d["mode"] == "committed" and d["deadline"] and date.fromisoformat(d["deadline"]) < day
    ]  # fmt: skip


def _certificate_numbers(session: Session, on: date) -> tuple[str, str]:
    prefix = f"{settings()['transfer_number_prefix']}{on.year}-"
    n = repository.count_numbers(session, Transfer, prefix)
    return f"SYO{on:%Y%m%d}{n:04d}", f"SYN{on:%Y%m%d}{n:04d}"


def _complete(session: Session, transfer: Transfer, yacht: Yacht, moment: datetime) -> None:
    if repository.name_taken(session, transfer.new_name_zh, except_id=yacht.id):
        raise conflict("the new name was registered meanwhile; the name approval fails")
    day = local(moment).date()
    ownership_no, nationality_no = _certificate_numbers(session, day)
    yacht.org_id, yacht.name_zh, yacht.name_en = (transfer.org_id, transfer.new_name_zh,
                                                  transfer.new_name_en)  # fmt: skip
    yacht.owner_name, yacht.home_port = transfer.new_owner_name, transfer.new_home_port
    yacht.usage, yacht.berth = transfer.new_usage, ""
    yacht.registration_cert_no, yacht.nationality_cert_no = ownership_no, nationality_no
    yacht.nationality_cert_expiry = day.replace(year=day.year + CERTIFICATE_YEARS) - timedelta(1)
    yacht.rental_filed = False  # the new operator files its own rental operation
    yacht.status = "registered"
    transfer.new_registration_no = ownership_no
    transfer.items = [{**i, "status": "approved"} for i in transfer.items]
    transfer.completed_at = moment
    found = sla(transfer)
    transfer.elapsed_working_days, transfer.sla = found["elapsed_working_days"], found["sla"]
    transfer.fired = [*transfer.fired, *found["fired"]]


def act(
    session: Session, *, principal: Principal, transfer_id: str, data: TransferEventIn
) -> Transfer:
    transfer = repository.get(session, principal, Transfer, transfer_id)
    yacht = session.get(Yacht, transfer.yacht_id)
    assert yacht is not None
    if data.event == "consent" and principal.org_id != transfer.seller_org_id:
        raise forbidden("only the previous owner consents to the deregistration")
    if data.event == "withdraw" and principal.org_id not in (transfer.org_id,
                                                             transfer.seller_org_id):  # fmt: skip
        raise forbidden("only the parties may withdraw")
    if data.event in ("accept", "complete", "reject"):
        require_department(principal, MARITIME)
    if data.event == "reject" and len(data.note.strip()) < 2:
        raise validation_error("note", "say why the application is rejected")
    fire(session, TransferFlow, transfer, data.event, principal=principal,
         owner_org_id=transfer.org_id, note=data.note)  # fmt: skip
    moment = utcnow()
    if data.event == "consent":
        transfer.consented_at = moment
    elif data.event == "accept":
        transfer.accepted_at = moment  # the 7-working-day clock starts
    elif data.event == "complete":
        _complete(session, transfer, yacht, moment)
    else:
        yacht.status = "registered"
    if data.note:
        transfer.note = data.note
    if data.event in ("complete", "reject"):
        entry = {"type": f"yacht_services.transfer_{data.event}", "number": transfer.number,
                 "officer": principal.username, "sla": transfer.sla,
                 "elapsed_working_days": transfer.elapsed_working_days,
                 "certificate": transfer.new_registration_no}  # fmt: skip
        transfer.ledger_index = anchor(session, entry, f"ys-transfer-{data.event}:{transfer.id}")
    session.flush()
    return transfer


def supply(session: Session, *, principal: Principal, transfer_id: str, data: SupplyIn) -> Transfer:
    """The new owner supplies a committed document (also after completion: that is the point)."""
    transfer = repository.get(session, principal, Transfer, transfer_id)
    if principal.org_id != transfer.org_id:
        raise forbidden("the new owner supplies committed documents")
    if transfer.status in ("rejected", "withdrawn"):
        raise conflict(f"the case is {transfer.status}")
    docs = [dict(d) for d in transfer.documents]
    target = next((d for d in docs if d["code"] == data.code), None)
    if target is None or target["mode"] != "committed":
        raise validation_error("code", "no committed document with this code is outstanding")
    target.update(mode="provided", sha256=data.sha256, supplied_at=utcnow().isoformat())
    transfer.documents = docs
    open_deadlines = [d["deadline"] for d in docs if d["mode"] == "committed" and d["deadline"]]
    earliest = min(open_deadlines) if open_deadlines else None
    transfer.commitment_deadline = date.fromisoformat(earliest) if earliest else None
    session.flush()
    return transfer
