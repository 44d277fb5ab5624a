"""p03 HTTP API: admission (enterprise applies, officer decides), the batch ledger with its
irreparable-rate verdicts, the waste ledger, the measures' checklist and the officer dashboard."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.practices.bonded_repair import batches, repository, service
from ftz.practices.bonded_repair.common import checklist
from ftz.practices.bonded_repair.models import Admission, Batch, Waste
from ftz.practices.bonded_repair.schemas import (
    AdmissionIn,
    AdmissionOut,
    BatchIn,
    BatchOut,
    DecisionIn,
    OutcomeIn,
    ReviewIn,
    WasteIn,
    WasteOut,
)

router = APIRouter()
DB = Depends(get_db, scope="function")
READ = Depends(require("bonded_repair.read"))
RECORD = Depends(require("bonded_repair.record"))
REVIEW = Depends(require("bonded_repair.review"))


@router.get("/checklist", response_model=dict[str, Any])
def get_checklist(who: Principal = READ) -> dict[str, Any]:
    """The measures' 27 items in four parts (item texts: demo)."""
    return checklist()


@router.get("/dashboard", response_model=dict[str, Any])
def dashboard(session: Session = DB, who: Principal = READ) -> dict[str, Any]:
    return service.dashboard(session, principal=who)


@router.post("/admissions", response_model=AdmissionOut, status_code=201)
def apply(body: AdmissionIn, session: Session = DB, who: Principal = RECORD) -> AdmissionOut:
    return AdmissionOut.model_validate(service.apply(session, principal=who, data=body))


@router.get("/admissions", response_model=list[AdmissionOut])
def list_admissions(session: Session = DB, who: Principal = READ) -> list[AdmissionOut]:
    return [AdmissionOut.model_validate(a) for a in repository.listing(session, who, Admission)]


@router.get("/admissions/{admission_id}", response_model=AdmissionOut)
def get_admission(admission_id: str, session: Session = DB, who: Principal = READ) -> AdmissionOut:
    found = repository.get_owned(session, who, Admission, admission_id)
    return AdmissionOut.model_validate(found)


@router.post("/admissions/{admission_id}/events", response_model=AdmissionOut)
def admission_event(
    admission_id: str, body: DecisionIn, session: Session = DB, who: Principal = READ
) -> AdmissionOut:
    """admit / reject / complete_exit (officers), request_exit (the enterprise); roles are
    checked per event by the workflow."""
    made = service.decide(session, principal=who, admission_id=admission_id, data=body)
    return AdmissionOut.model_validate(made)


@router.post("/batches", response_model=BatchOut, status_code=201)
def open_batch(body: BatchIn, session: Session = DB, who: Principal = RECORD) -> BatchOut:
    return BatchOut.model_validate(batches.open_batch(session, principal=who, data=body))


@router.get("/batches", response_model=list[BatchOut])
def list_batches(
    verdict: str | None = None, session: Session = DB, who: Principal = READ
) -> list[BatchOut]:
    filters = [Batch.verdict == verdict] if verdict else []
    return [BatchOut.model_validate(b) for b in repository.listing(session, who, Batch, *filters)]


@router.get("/batches/{batch_id}", response_model=BatchOut)
def get_batch(batch_id: str, session: Session = DB, who: Principal = READ) -> BatchOut:
    return BatchOut.model_validate(repository.get_owned(session, who, Batch, batch_id))


@router.post("/batches/{batch_id}/outcome", response_model=BatchOut)
def report_outcome(
    batch_id: str, body: OutcomeIn, session: Session = DB, who: Principal = RECORD
) -> BatchOut:
    made = batches.report_outcome(session, principal=who, batch_id=batch_id, data=body)
    return BatchOut.model_validate(made)


@router.post("/batches/{batch_id}/review", response_model=BatchOut)
def review_batch(
    batch_id: str, body: ReviewIn, session: Session = DB, who: Principal = REVIEW
) -> BatchOut:
    made = batches.review(session, principal=who, batch_id=batch_id, data=body)
    return BatchOut.model_validate(made)


@router.post("/waste", response_model=WasteOut, status_code=201)
def record_waste(body: WasteIn, session: Session = DB, who: Principal = RECORD) -> WasteOut:
    return WasteOut.model_validate(service.record_waste(session, principal=who, data=body))


@router.get("/waste", response_model=list[WasteOut])
def list_waste(session: Session = DB, who: Principal = READ) -> list[WasteOut]:
    return [WasteOut.model_validate(w) for w in repository.listing(session, who, Waste)]
