"""p06 HTTP API: the one search (`/lookup?q=`), the assessment of a code, the four sources'
records and their imports, batches (importer declares; inspector views the risk and records
the result), the risk-case database, the rule tables and the workbench statistics."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, File, Path, Query, UploadFile
from fastapi.responses import Response
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import validation_error
from ftz.core.kit.pagination import PageOut, PageParams, page_params
from ftz.domain.hs.nomenclature import HsCodeError
from ftz.practices.hs_inspection import assess, exports, importer, repository, service
from ftz.practices.hs_inspection.common import require_inspector, rules, table_rows
from ftz.practices.hs_inspection.models import HsBatch, HsRiskRecord
from ftz.practices.hs_inspection.schemas import (
    BatchIn,
    BatchOut,
    CaseIn,
    CaseOut,
    EnterpriseBatchOut,
    ImportOut,
    RecordOut,
    ResultIn,
)

router = APIRouter()
DB = Depends(get_db, scope="function")
READ = Depends(require("hs_inspection.read"))
LOOKUP = Depends(require("hs_inspection.lookup"))
DECLARE = Depends(require("hs_inspection.declare"))
INSPECT = Depends(require("hs_inspection.inspect"))
IMPORT = Depends(require("hs_inspection.import"))
SOURCE_RE = "^(nonconformity|overseas_notification|export_return|used_machinery)$"
SOURCE_P = Path(pattern=SOURCE_RE)
SOURCE_Q = Query(None, pattern=SOURCE_RE)
STATUS_Q = Query(None, pattern="^(pending|inspected)$")
MAX_UPLOAD = 20 * 1024 * 1024


def batch_out(batch: HsBatch, who: Principal) -> dict[str, Any]:
    shape = EnterpriseBatchOut if who.is_enterprise else BatchOut
    return shape.model_validate(batch).model_dump(mode="json")


def batch_filters(status: str | None, q: str | None) -> list[Any]:
    filters: list[Any] = [HsBatch.status == status] if status else []
    return [*filters, repository.batch_search(q)] if q else filters


def record_filters(source: str | None, q: str | None) -> list[Any]:
    filters: list[Any] = [HsRiskRecord.source == source] if source else []
    return [*filters, repository.record_search(q)] if q else filters


def run_lookup(session: Session, q: str, used_machinery: bool) -> dict[str, Any]:
    try:
        return assess.lookup(session, q, used_machinery=used_machinery)
    except (HsCodeError, ValueError) as exc:
        raise validation_error("q", str(exc)) from exc


@router.get("/dashboard", response_model=dict[str, Any])
def dashboard(session: Session = DB, who: Principal = READ) -> dict[str, Any]:
    return service.dashboard(session, principal=who)


@router.get("/rules", response_model=dict[str, list[dict[str, Any]]])
def rule_tables(who: Principal = READ) -> dict[str, list[dict[str, Any]]]:
    return {key: table_rows(key) for key in rules().keys}


@router.get("/lookup", response_model=dict[str, Any])
def lookup(
    q: str = Query(..., min_length=1, max_length=200),
    used_machinery: bool = False,
    session: Session = DB,
    who: Principal = LOOKUP,
) -> dict[str, Any]:
    """One search by HS code or product text: risk elements of the four sources for the code
    and its parents, standards and work instructions, typical cases and the assessment."""
    require_inspector(who)
    return run_lookup(session, q, used_machinery)


@router.get("/records", response_model=PageOut[RecordOut])
def list_records(
    source: str | None = SOURCE_Q,
    q: str | None = Query(None, max_length=100),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = LOOKUP,
) -> PageOut[RecordOut]:
    require_inspector(who)
    found = repository.record_page(session, params, *record_filters(source, q))
    return PageOut.of(found, [RecordOut.model_validate(r) for r in found.items])


@router.get("/records.csv", response_class=Response)
def export_records(
    source: str | None = SOURCE_Q,
    q: str | None = Query(None, max_length=100),
    session: Session = DB,
    who: Principal = LOOKUP,
) -> Response:
    """The risk records of the list's filters, every page, as CSV."""
    require_inspector(who)
    return exports.records_csv(session, *record_filters(source, q))


@router.get("/records/{record_id}", response_model=RecordOut)
def get_record(record_id: str, session: Session = DB, who: Principal = LOOKUP) -> RecordOut:
    require_inspector(who)
    return RecordOut.model_validate(repository.get_record(session, record_id))


@router.post("/imports/{source}", response_model=ImportOut, status_code=201)
async def import_file(
    source: str = SOURCE_P,
    file: UploadFile = File(...),
    session: Session = DB,
    who: Principal = IMPORT,
) -> ImportOut:
    """A CSV or JSON file of one source; validated whole, idempotent, anchored."""
    content = await file.read(MAX_UPLOAD + 1)
    if len(content) > MAX_UPLOAD:
        raise validation_error("file", "larger than 20 MB")
    made = importer.import_records(session, principal=who, source=source,
                                   filename=file.filename or "upload", content=content)  # fmt: skip
    return ImportOut.model_validate(made)


@router.get("/imports", response_model=list[ImportOut])
def list_imports(session: Session = DB, who: Principal = LOOKUP) -> list[ImportOut]:
    require_inspector(who)
    return [ImportOut.model_validate(i) for i in repository.imports(session)]


@router.get("/batches", response_model=PageOut[dict[str, Any]])
def list_batches(
    status: str | None = STATUS_Q,
    q: str | None = Query(None, max_length=100),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> PageOut[dict[str, Any]]:
    found = repository.batch_page(session, who, params, *batch_filters(status, q))
    return PageOut.of(found, [batch_out(b, who) for b in found.items])


@router.get("/batches.csv", response_class=Response)
def export_batches(
    status: str | None = STATUS_Q,
    q: str | None = Query(None, max_length=100),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    return exports.batches_csv(session, who, *batch_filters(status, q))


@router.post("/batches", response_model=dict[str, Any], status_code=201)
def declare(body: BatchIn, session: Session = DB, who: Principal = DECLARE) -> dict[str, Any]:
    return batch_out(service.declare(session, principal=who, data=body), who)


@router.get("/batches/{batch_id}", response_model=dict[str, Any])
def get_batch(batch_id: str, session: Session = DB, who: Principal = READ) -> dict[str, Any]:
    return batch_out(repository.get_batch(session, who, batch_id), who)


@router.put("/batches/{batch_id}", response_model=dict[str, Any])
def edit_batch(
    batch_id: str, body: BatchIn, session: Session = DB, who: Principal = DECLARE
) -> dict[str, Any]:
    return batch_out(service.edit(session, principal=who, batch_id=batch_id, data=body), who)


@router.get("/batches/{batch_id}/risk", response_model=dict[str, Any])
def batch_risk(batch_id: str, session: Session = DB, who: Principal = LOOKUP) -> dict[str, Any]:
    """The one-click risk view of a batch."""
    return service.risk_view(session, principal=who, batch_id=batch_id)


@router.post("/batches/{batch_id}/result", response_model=BatchOut, status_code=201)
def record_result(
    batch_id: str, body: ResultIn, session: Session = DB, who: Principal = INSPECT
) -> BatchOut:
    made = service.record_result(session, principal=who, batch_id=batch_id, data=body)
    return BatchOut.model_validate(made)


@router.get("/batches/{batch_id}/history", response_model=list[dict[str, Any]])
def batch_history(
    batch_id: str, session: Session = DB, who: Principal = READ
) -> list[dict[str, Any]]:
    found = repository.get_batch(session, who, batch_id)
    events = service.history(session, principal=who, entity_id=found.id)
    return [
        {"at": e.occurred_at.isoformat(), "who": e.actor_username, "action": e.action,
         "changes": e.changes}
        for e in events
    ]  # fmt: skip


@router.get("/cases", response_model=list[CaseOut])
def list_cases(
    code: str = Query("", pattern=r"^\d{0,6}$"), session: Session = DB, who: Principal = LOOKUP
) -> list[CaseOut]:
    require_inspector(who)
    return [CaseOut.model_validate(c) for c in repository.cases_under(session, code, 500)]


@router.post("/cases", response_model=CaseOut, status_code=201)
def confirm_case(body: CaseIn, session: Session = DB, who: Principal = INSPECT) -> CaseOut:
    return CaseOut.model_validate(service.confirm_case(session, principal=who, data=body))
