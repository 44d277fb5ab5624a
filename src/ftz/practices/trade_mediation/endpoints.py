"""p19 HTTP API."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import SYSTEM, Principal
from ftz.core.kit.errors import conflict
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.ledger import service as ledger
from ftz.practices.trade_mediation import package, service
from ftz.practices.trade_mediation.schemas import (
    AgreementIn,
    AgreementOut,
    CaseIn,
    CaseOut,
    CasePage,
    EvidenceIn,
    EvidenceOut,
    OutcomeIn,
    SessionIn,
    SessionOut,
    SignIn,
    StatsOut,
)

router = APIRouter()
DB = Depends(get_db, scope="function")


def _out(session: Session, case_id: str, principal: Principal) -> CaseOut:
    return CaseOut.model_validate(service.get_case(session, principal=principal, case_id=case_id))


@router.post("/cases", response_model=CaseOut, status_code=201)
def file_case(
    body: CaseIn,
    session: Session = DB,
    principal: Principal = Depends(require("trade_mediation.file")),
) -> CaseOut:
    return CaseOut.model_validate(service.file_case(session, principal=principal, data=body))


@router.get("/cases", response_model=CasePage)
def list_cases(
    status: str | None = Query(None, max_length=32),
    q: str | None = Query(None, max_length=100),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    principal: Principal = Depends(require("trade_mediation.read")),
) -> CasePage:
    page = service.list_cases(session, principal=principal, params=params, status=status, text=q)
    return CasePage(
        items=[CaseOut.model_validate(c) for c in page.items],
        total=page.total,
        page=page.page,
        size=page.size,
    )


@router.get("/cases/{case_id}", response_model=CaseOut)
def get_case(
    case_id: str,
    session: Session = DB,
    principal: Principal = Depends(require("trade_mediation.read")),
) -> CaseOut:
    return _out(session, case_id, principal)


@router.post("/cases/{case_id}/accept", response_model=CaseOut)
def accept(
    case_id: str,
    session: Session = DB,
    principal: Principal = Depends(require("trade_mediation.mediate")),
) -> CaseOut:
    service.accept(session, principal=principal, case_id=case_id)
    return _out(session, case_id, principal)


@router.post("/cases/{case_id}/evidence", response_model=EvidenceOut, status_code=201)
def add_evidence(
    case_id: str,
    body: EvidenceIn,
    session: Session = DB,
    principal: Principal = Depends(require("trade_mediation.evidence")),
) -> EvidenceOut:
    return EvidenceOut.model_validate(
        service.add_evidence(session, principal=principal, case_id=case_id, data=body)
    )


@router.post("/cases/{case_id}/sessions", response_model=SessionOut, status_code=201)
def hold_session(
    case_id: str,
    body: SessionIn,
    session: Session = DB,
    principal: Principal = Depends(require("trade_mediation.mediate")),
) -> SessionOut:
    return SessionOut.model_validate(
        service.hold_session(session, principal=principal, case_id=case_id, data=body)
    )


@router.put("/cases/{case_id}/agreement", response_model=AgreementOut)
def draft(
    case_id: str,
    body: AgreementIn,
    session: Session = DB,
    principal: Principal = Depends(require("trade_mediation.mediate")),
) -> AgreementOut:
    return AgreementOut.model_validate(
        service.draft_agreement(session, principal=principal, case_id=case_id, data=body)
    )


@router.post("/cases/{case_id}/signing-code", response_model=dict[str, str])
def signing_code(
    case_id: str,
    session: Session = DB,
    principal: Principal = Depends(require("trade_mediation.mediate")),
) -> dict[str, str]:
    return {"code": service.signing_code(session, principal=principal, case_id=case_id)}


@router.post("/cases/{case_id}/sign", response_model=AgreementOut)
def sign(
    case_id: str,
    body: SignIn,
    session: Session = DB,
    principal: Principal = Depends(require("trade_mediation.sign")),
) -> AgreementOut:
    return AgreementOut.model_validate(
        service.sign(session, principal=principal, case_id=case_id, name=body.name, code=body.code)
    )


@router.post("/cases/{case_id}/notarize", response_model=CaseOut)
def notarize(
    case_id: str,
    session: Session = DB,
    principal: Principal = Depends(require("trade_mediation.notarize")),
) -> CaseOut:
    service.notarize(session, principal=principal, case_id=case_id)
    return _out(session, case_id, principal)


def _close(session: Session, principal: Principal, case_id: str, note: str, refer: bool) -> CaseOut:
    service.close_without_settlement(
        session, principal=principal, case_id=case_id, refer=refer, note=note
    )
    return _out(session, case_id, principal)


@router.post("/cases/{case_id}/fail", response_model=CaseOut)
def fail(
    case_id: str,
    body: OutcomeIn,
    session: Session = DB,
    principal: Principal = Depends(require("trade_mediation.mediate")),
) -> CaseOut:
    return _close(session, principal, case_id, body.note, refer=False)


@router.post("/cases/{case_id}/refer", response_model=CaseOut)
def refer(
    case_id: str,
    body: OutcomeIn,
    session: Session = DB,
    principal: Principal = Depends(require("trade_mediation.mediate")),
) -> CaseOut:
    """Refers to the court, arbitration or a notary, as the referral table advises."""
    return _close(session, principal, case_id, body.note, refer=True)


@router.post("/cases/{case_id}/withdraw", response_model=CaseOut)
def withdraw(
    case_id: str,
    session: Session = DB,
    principal: Principal = Depends(require("trade_mediation.file")),
) -> CaseOut:
    service.withdraw(session, principal=principal, case_id=case_id)
    return _out(session, case_id, principal)


@router.get("/cases/{case_id}/foreign-package.zip", response_class=Response)
def foreign_package(
    case_id: str,
    request: Request,
    session: Session = DB,
    principal: Principal = Depends(require("trade_mediation.read")),
) -> Response:
    case = service.get_case(session, principal=principal, case_id=case_id)
    if case.agreement is None or case.agreement.notarial_number is None:
        raise conflict("the package is made once the settlement is notarized")
    signer = ledger.signing(request.app.state.settings)
    body = package.foreign_package(
        case,
        service.step_receipts(session, case, signer),
        str(signer.keyring.active().verifier),
        signer.tsa.certificate_pem,
    )
    return Response(
        body,
        media_type="application/zip",
        headers={"Content-Disposition": f"attachment; filename={case.number}.zip"},
    )


@router.get("/statistics", response_model=StatsOut)
def statistics(
    session: Session = DB, principal: Principal = Depends(require("trade_mediation.stats"))
) -> StatsOut:
    scope = principal if principal.is_enterprise else SYSTEM
    return StatsOut(**service.statistics(session, principal=scope))
