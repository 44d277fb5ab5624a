"""Every p12 query, scoped to the caller: enterprises see their own organization only."""

from __future__ import annotations

from sqlalchemy import Select, false, func, or_, select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal, visibility
from ftz.core.kit.errors import not_found
from ftz.core.kit.pagination import Page, PageParams, paginate_query
from ftz.practices.exam_certificates.models import Application, Candidate, CertificateRequest

P12_DEPARTMENTS = ("exam_center", "emergency", "hrss", "housing")


def _scoped(query: Select[Application], principal: Principal) -> Select[Application]:
    seen = visibility(principal, P12_DEPARTMENTS)
    if seen == "own":
        return query.where(Application.org_id == principal.org_id)
    return query if seen == "all" else query.where(false())


def get_application(session: Session, principal: Principal, application_id: str) -> Application:
    query = _scoped(select(Application).where(Application.id == application_id), principal)
    application = session.scalar(query)
    if application is None:  # another organization's record looks exactly like a missing one
        raise not_found("application")
    return application


def get_request(session: Session, principal: Principal, request_id: str) -> CertificateRequest:
    request = session.get(CertificateRequest, request_id)
    seen = visibility(principal, P12_DEPARTMENTS)
    if request is None or seen == "none" or (seen == "own" and request.org_id != principal.org_id):
        raise not_found("certificate request")
    return request


def find_candidate(session: Session, org_id: str, fingerprint: str) -> Candidate | None:
    return session.scalar(
        select(Candidate).where(Candidate.org_id == org_id, Candidate.id_fingerprint == fingerprint)
    )


def list_applications(
    session: Session,
    principal: Principal,
    params: PageParams,
    *,
    status: str | None = None,
    trade: str | None = None,
    text: str | None = None,
    department: str | None = None,
    request_status: str | None = None,
) -> Page[Application]:
    query = _scoped(select(Application).join(Application.candidate), principal)
    if status:
        query = query.where(Application.status == status)
    if trade:
        query = query.where(Application.trade == trade)
    if text:
        like = f"%{text}%"
        query = query.where(or_(Candidate.full_name.like(like), Application.id == text))
    if department or request_status:
        sub = select(CertificateRequest.application_id)
        if department:
            sub = sub.where(CertificateRequest.department == department)
        if request_status:
            sub = sub.where(CertificateRequest.status == request_status)
        query = query.where(Application.id.in_(sub))
    query = query.order_by(Application.created_at.desc(), Application.id.desc())
    return paginate_query(session, query, params)


def all_applications(session: Session, principal: Principal) -> list[Application]:
    query = _scoped(select(Application).order_by(Application.created_at, Application.id), principal)
    return list(session.scalars(query))


def pending_requests(session: Session, department: str, limit: int) -> list[CertificateRequest]:
    query = (
        select(CertificateRequest)
        .join(CertificateRequest.application)
        .where(
            CertificateRequest.department == department,
            CertificateRequest.status == "eligible",
            Application.status == "examined",
        )
        .order_by(CertificateRequest.created_at, CertificateRequest.id)
        .limit(limit)
    )
    return list(session.scalars(query))


def count_candidates(session: Session, principal: Principal) -> int:
    query = select(func.count(Candidate.id))
    seen = visibility(principal, P12_DEPARTMENTS)
    if seen != "all":
        query = query.where(Candidate.org_id == (principal.org_id if seen == "own" else None))
    return session.scalar(query) or 0


def request_rows(session: Session, principal: Principal) -> list[tuple[str, str, str, str]]:
    """(application id, department, certificate code, status) for every request in scope."""
    query = select(
        CertificateRequest.application_id,
        CertificateRequest.department,
        CertificateRequest.certificate_code,
        CertificateRequest.status,
    )
    seen = visibility(principal, P12_DEPARTMENTS)
    if seen != "all":
        query = query.where(
            CertificateRequest.org_id == (principal.org_id if seen == "own" else None)
        )
    return [tuple(row) for row in session.execute(query)]  # type: ignore[misc]
