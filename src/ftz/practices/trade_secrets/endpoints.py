"""p27 HTTP API over the service."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import validation_error
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.ledger import service as ledger
from ftz.practices.trade_secrets import certification, documents, repository, service
from ftz.practices.trade_secrets.schemas import (
    Contribution,
    KeyIn,
    KeyOut,
    ProjectOut,
    RecordPage,
    RecordRead,
    RegistrationIn,
    RegistrationOut,
    StatsOut,
    VerificationOut,
)

router = APIRouter()
DB = Depends(get_db, scope="function")


class AnswersIn(BaseModel):
    answers: dict[str, str] = Field(max_length=50)


class FindingsIn(BaseModel):
    findings: dict[str, bool] = Field(max_length=50)
    notes: dict[str, str] = Field(default_factory=dict, max_length=50)


class CertificationOut(BaseModel):
    id: str
    org_id: str
    status: str
    answers: dict[str, Any]
    findings: dict[str, Any]
    decision: dict[str, Any]
    certificate_number: str | None


def _cert_out(found: Any) -> CertificationOut:
    return CertificationOut(
        id=found.id,
        org_id=found.org_id,
        status=found.status,
        answers=found.answers,
        findings=found.findings,
        decision=found.decision,
        certificate_number=found.certificate_number,
    )


@router.post("/records", response_model=RegistrationOut, status_code=201)
def register(
    body: RegistrationIn,
    session: Session = DB,
    principal: Principal = Depends(require("trade_secrets.register")),
) -> RegistrationOut:
    result = service.register(session, principal=principal, data=body)
    return RegistrationOut(
        batch_id=result["batch_id"],
        registered=[RecordRead.model_validate(r) for r in result["registered"]],
        already_registered=[RecordRead.model_validate(r) for r in result["already_registered"]],
    )


@router.get("/records", response_model=RecordPage)
def list_records(
    project_id: str | None = Query(None, max_length=26),
    q: str | None = Query(None, max_length=100),
    contributor: str | None = Query(None, max_length=100),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    principal: Principal = Depends(require("trade_secrets.read")),
) -> RecordPage:
    page = service.list_records(
        session,
        principal=principal,
        params=params,
        project_id=project_id,
        text=q,
        contributor=contributor,
    )
    return RecordPage(
        items=[RecordRead.model_validate(r) for r in page.items],
        total=page.total,
        page=page.page,
        size=page.size,
    )


@router.get("/records/{record_id}", response_model=RecordRead)
def get_record(
    record_id: str,
    session: Session = DB,
    principal: Principal = Depends(require("trade_secrets.read")),
) -> RecordRead:
    return RecordRead.model_validate(
        service.get_record(session, principal=principal, record_id=record_id)
    )


@router.get("/records/{record_id}/receipt", response_model=dict[str, Any])
def record_receipt(
    record_id: str,
    request: Request,
    session: Session = DB,
    principal: Principal = Depends(require("trade_secrets.read")),
) -> dict[str, Any]:
    record = service.get_record(session, principal=principal, record_id=record_id)
    return service.receipts_for(
        session, principal=principal, settings=request.app.state.settings, records=[record]
    )[0]


def _pdf(
    session: Session, principal: Principal, request: Request, records: list[Any], name: str
) -> Response:
    data = service.certificate_data(
        session, principal=principal, settings=request.app.state.settings, records=records
    )
    return Response(
        documents.certificate_pdf(data),
        media_type="application/pdf",
        headers={"Content-Disposition": f"attachment; filename={name}.pdf"},
    )


@router.get("/records/{record_id}/certificate.pdf", response_class=Response)
def record_certificate(
    record_id: str,
    request: Request,
    session: Session = DB,
    principal: Principal = Depends(require("trade_secrets.read")),
) -> Response:
    record = service.get_record(session, principal=principal, record_id=record_id)
    return _pdf(session, principal, request, [record], f"certificate-{record.id}")


@router.get("/batches/{batch_id}/certificate.pdf", response_class=Response)
def batch_certificate(
    batch_id: str,
    request: Request,
    session: Session = DB,
    principal: Principal = Depends(require("trade_secrets.read")),
) -> Response:
    batch = repository.get_batch(session, principal, batch_id)
    records = repository.records_of(session, principal, batch_id=batch.id)
    return _pdf(session, principal, request, records, f"certificate-batch-{batch.id}")


@router.get("/export.zip", response_class=Response)
def export(
    request: Request,
    project_id: str | None = Query(None, max_length=26),
    batch_id: str | None = Query(None, max_length=26),
    session: Session = DB,
    principal: Principal = Depends(require("trade_secrets.read")),
) -> Response:
    """Receipts for litigation: every record (of a project or batch) with offline checks."""
    settings = request.app.state.settings
    records = repository.records_of(session, principal, project_id=project_id, batch_id=batch_id)
    receipts = service.receipts_for(
        session, principal=principal, settings=settings, records=records
    )
    signer = ledger.signing(settings)
    body = documents.receipts_zip(
        records, receipts, str(signer.keyring.active().verifier), signer.tsa.certificate_pem
    )
    return Response(
        body,
        media_type="application/zip",
        headers={"Content-Disposition": "attachment; filename=receipts.zip"},
    )


@router.get("/verify/{sha256}", response_model=VerificationOut)
def verify(
    sha256: str,
    request: Request,
    session: Session = DB,
    _: Principal = Depends(require("trade_secrets.verify")),
) -> VerificationOut:
    if len(sha256) != 64 or any(c not in "0123456789abcdefABCDEF" for c in sha256):
        raise validation_error("sha256", "64 hexadecimal characters")
    return VerificationOut(
        **service.verify(session, sha256=sha256, settings=request.app.state.settings)
    )


@router.get("/keys", response_model=list[KeyOut])
def list_keys(
    session: Session = DB, principal: Principal = Depends(require("trade_secrets.register"))
) -> list[KeyOut]:
    return [KeyOut.model_validate(k) for k in service.org_keys(session, principal=principal)]


@router.post("/keys", response_model=KeyOut, status_code=201)
def add_key(
    body: KeyIn,
    session: Session = DB,
    principal: Principal = Depends(require("trade_secrets.register")),
) -> KeyOut:
    return KeyOut.model_validate(
        service.register_key(session, principal=principal, public_key=body.public_key)
    )


@router.post("/keys/{key_id}/retire", response_model=KeyOut)
def retire_key(
    key_id: str,
    session: Session = DB,
    principal: Principal = Depends(require("trade_secrets.register")),
) -> KeyOut:
    return KeyOut.model_validate(service.retire_key(session, principal=principal, key_id=key_id))


@router.get("/projects", response_model=list[ProjectOut])
def projects(
    session: Session = DB, principal: Principal = Depends(require("trade_secrets.read"))
) -> list[ProjectOut]:
    return [
        ProjectOut(id=p.id, name=p.name, records=n)
        for p, n in repository.projects(session, principal)
    ]


@router.get("/contributions", response_model=list[Contribution])
def contributions(
    session: Session = DB, principal: Principal = Depends(require("trade_secrets.read"))
) -> list[Contribution]:
    return [Contribution(**c) for c in service.contributions(session, principal=principal)]


@router.get("/statistics", response_model=StatsOut)
def statistics(
    session: Session = DB, principal: Principal = Depends(require("trade_secrets.verify"))
) -> StatsOut:
    return StatsOut(**repository.counts(session, principal))


@router.get("/checklist", response_model=list[dict[str, Any]])
def checklist(_: Principal = Depends(require("trade_secrets.verify"))) -> list[dict[str, Any]]:
    return certification.checklist()


@router.post("/certifications", response_model=CertificationOut, status_code=201)
def open_certification(
    session: Session = DB, principal: Principal = Depends(require("trade_secrets.certification"))
) -> CertificationOut:
    return _cert_out(certification.open_application(session, principal=principal))


@router.get("/certifications", response_model=list[CertificationOut])
def list_certifications(
    session: Session = DB, principal: Principal = Depends(require("trade_secrets.certification"))
) -> list[CertificationOut]:
    return [_cert_out(c) for c in certification.list_certifications(session, principal=principal)]


@router.put("/certifications/{certification_id}/answers", response_model=CertificationOut)
def answer(
    certification_id: str,
    body: AnswersIn,
    session: Session = DB,
    principal: Principal = Depends(require("trade_secrets.certification")),
) -> CertificationOut:
    return _cert_out(
        certification.save_answers(
            session, principal=principal, certification_id=certification_id, answers=body.answers
        )
    )


@router.post("/certifications/{certification_id}/submit", response_model=CertificationOut)
def submit(
    certification_id: str,
    session: Session = DB,
    principal: Principal = Depends(require("trade_secrets.certification")),
) -> CertificationOut:
    return _cert_out(
        certification.submit(session, principal=principal, certification_id=certification_id)
    )


@router.post("/certifications/{certification_id}/audit", response_model=CertificationOut)
def audit(
    certification_id: str,
    body: FindingsIn,
    session: Session = DB,
    principal: Principal = Depends(require("trade_secrets.certification")),
) -> CertificationOut:
    return _cert_out(
        certification.audit(
            session,
            principal=principal,
            certification_id=certification_id,
            findings=body.findings,
            notes=body.notes,
        )
    )
