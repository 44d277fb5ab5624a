"""p12 one exam, many certificates: register once, check each certificate's conditions, sit one
theory and one practical exam, and let each department issue exactly what the rules allow."""

from __future__ import annotations

from collections import Counter
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy.orm import Session

from ftz.config import get_settings
from ftz.core.audit.service import list_events
from ftz.core.auth.models import Organization, OrgKind
from ftz.core.auth.principal import Principal
from ftz.core.auth.service import get_org_by_code
from ftz.core.db import utcnow
from ftz.core.kit.errors import conflict, forbidden, not_found, validation_error
from ftz.core.kit.pagination import Page, PageParams
from ftz.core.rules import RuleSet
from ftz.core.workflow import fire
from ftz.domain.parties.identity import age_on, parse_resident_id
from ftz.practices.exam_certificates import repository
from ftz.practices.exam_certificates.catalog import (
    EXAM_DEPARTMENT,
    REVIEWING_DEPARTMENTS,
    RULES,
    Catalog,
    catalog,
)
from ftz.practices.exam_certificates.models import (
    Application,
    Candidate,
    CertificateRequest,
    HeldCertificate,
)
from ftz.practices.exam_certificates.schemas import ApplicationCreate, ApplicationUpdate, ScoresIn
from ftz.practices.exam_certificates.workflow import ApplicationFlow, RequestFlow

DECIDED_REQUEST_STATES = frozenset({"issued", "refused", "ineligible"})


@lru_cache(maxsize=1)
def rules() -> RuleSet:
    return RuleSet(RULES)


def _validate_choice(cat: Catalog, trade: str, codes: list[str]) -> None:
    if trade not in cat.trades:
        raise validation_error("trade", f"unknown trade; choose from {', '.join(cat.trades)}")
    departments: set[str] = set()
    for index, code in enumerate(codes):
        cert = cat.certificates.get(code)
        if cert is None:
            raise validation_error(f"certificates.{index}", f"unknown certificate {code!r}")
        if cert.trade != trade:
            raise validation_error(f"certificates.{index}", f"{code} is not a {trade} certificate")
        if cert.department in departments:
            raise validation_error(
                f"certificates.{index}", "one certificate per department in one exam"
            )
        departments.add(cert.department)


def _employer_id(session: Session, principal: Principal, employer_code: str | None) -> str:
    if principal.is_enterprise:
        if employer_code and employer_code != _org_code(session, principal):
            raise forbidden("enterprises register their own employees only")
        assert principal.org_id is not None
        return principal.org_id
    if not employer_code:
        raise validation_error("employer_code", "officers must name the candidate's employer")
    org = get_org_by_code(session, employer_code)
    if org is None or org.kind != OrgKind.ENTERPRISE:
        raise validation_error("employer_code", f"no enterprise with code {employer_code!r}")
    return org.id


def _org_code(session: Session, principal: Principal) -> str:
    org = session.get(Organization, principal.org_id)
    return org.code if org else ""


def _condition_context(application: Application, request: CertificateRequest) -> dict[str, Any]:
    cert = catalog().certificates[request.certificate_code]
    candidate = application.candidate
    held = {h.certificate_code for h in candidate.held}
    as_of = application.exam_date or application.created_at.date()
    return {
        "age": age_on(candidate.birth_date, as_of),
        "gender": candidate.gender,
        "education": candidate.education,
        "health_ok": candidate.health_ok,
        "level": cert.level,
        "experience_years": application.experience_years,
        "apprenticeship_done": application.apprenticeship_done,
        "vocational_graduate": application.vocational_graduate,
        "holds_lower_level": bool(cert.lower_level and cert.lower_level in held),
    }


def _check_request(
    session: Session,
    principal: Principal,
    application: Application,
    request: CertificateRequest,
) -> None:
    cert = catalog().certificates[request.certificate_code]
    table = catalog().certificate_types[cert.certificate_type]["conditions"]
    context = _condition_context(application, request)
    decision = rules().evaluate(table, context)
    met = all(row["met"] for row in decision.result)
    request.eligibility = {
        "met": met,
        "input": context,
        "results": decision.result,
        "fired": decision.explanation(),
    }
    fire(
        session,
        RequestFlow,
        request,
        "accept" if met else "reject",
        principal=principal,
        owner_org_id=request.org_id,
    )


def _check_all(session: Session, principal: Principal, application: Application) -> None:
    for request in application.requests:
        _check_request(session, principal, application, request)
    fire(
        session,
        ApplicationFlow,
        application,
        "check",
        principal=principal,
        owner_org_id=application.org_id,
    )
    if not any(r.status == "eligible" for r in application.requests):
        # Nothing to examine: the application is decided (no certificate) right away.
        fire(
            session,
            ApplicationFlow,
            application,
            "close",
            principal=principal,
            owner_org_id=application.org_id,
            note="no certificate's conditions are met",
        )


def _add_prior(candidate: Candidate, code: str, number: str, source: str) -> None:
    if code not in {h.certificate_code for h in candidate.held}:
        candidate.held.append(
            HeldCertificate(
                org_id=candidate.org_id,
                certificate_code=code,
                certificate_number=number,
                source=source,
            )
        )


def register_application(
    session: Session, *, principal: Principal, data: ApplicationCreate
) -> Application:
    cat = catalog()
    _validate_choice(cat, data.trade, data.certificates)
    for index, prior in enumerate(data.prior_certificates):
        if prior.code not in cat.certificates:
            raise validation_error(f"prior_certificates.{index}.code", "unknown certificate")
    org_id = _employer_id(session, principal, data.employer_code)
    resident = parse_resident_id(data.candidate.id_number, "candidate.id_number")
    fingerprint = resident.fingerprint(get_settings().resolved_secret_key())
    candidate = repository.find_candidate(session, org_id, fingerprint)
    if candidate is None:
        candidate = Candidate(
            org_id=org_id,
            id_fingerprint=fingerprint,
            id_masked=resident.masked,
            birth_date=resident.birth_date,
            gender=resident.gender,
            full_name=data.candidate.full_name.strip(),
            education=data.candidate.education,
            health_ok=data.candidate.health_ok,
            held=[],
        )
        session.add(candidate)
    else:
        candidate.full_name = data.candidate.full_name.strip()
        candidate.education = data.candidate.education
        candidate.health_ok = data.candidate.health_ok
    for prior in data.prior_certificates:
        _add_prior(candidate, prior.code, prior.number, "declared")
    application = Application(
        org_id=org_id,
        candidate=candidate,
        trade=data.trade,
        status="registered",
        experience_years=data.experience_years,
        apprenticeship_done=data.apprenticeship_done,
        vocational_graduate=data.vocational_graduate,
        requests=[
            CertificateRequest(
                org_id=org_id,
                certificate_code=code,
                status="requested",
                department=cat.certificates[code].department,
            )
            for code in data.certificates
        ],
    )
    session.add(application)
    session.flush()
    _check_all(session, principal, application)
    return application


def update_application(
    session: Session, *, principal: Principal, application_id: str, data: ApplicationUpdate
) -> Application:
    """Before the exam, facts and choices can be corrected; every certificate is checked again."""
    application = repository.get_application(session, principal, application_id)
    if application.status != "checked":
        raise conflict(
            f"an application can be edited only before the exam (it is {application.status})"
        )
    if data.certificates is not None:
        _validate_choice(catalog(), application.trade, data.certificates)
        wanted = {catalog().certificates[c].department: c for c in data.certificates}
        for request in list(application.requests):
            if request.department not in wanted:
                application.requests.remove(request)
        existing = {r.department: r for r in application.requests}
        for department, code in wanted.items():
            if department in existing:
                existing[department].certificate_code = code
            else:
                application.requests.append(
                    CertificateRequest(
                        org_id=application.org_id,
                        certificate_code=code,
                        department=department,
                        status="requested",
                    )
                )
    for name in ("experience_years", "apprenticeship_done", "vocational_graduate"):
        value = getattr(data, name)
        if value is not None:
            setattr(application, name, value)
    for name in ("education", "health_ok"):
        value = getattr(data, name)
        if value is not None:
            setattr(application.candidate, name, value)
    session.flush()
    _check_all(session, principal, application)
    return application


def withdraw_application(
    session: Session, *, principal: Principal, application_id: str
) -> Application:
    application = repository.get_application(session, principal, application_id)
    fire(
        session,
        ApplicationFlow,
        application,
        "withdraw",
        principal=principal,
        owner_org_id=application.org_id,
    )
    return application


def _require_department(principal: Principal, allowed: tuple[str, ...] | str) -> None:
    departments = (allowed,) if isinstance(allowed, str) else allowed
    if not principal.is_admin and principal.department not in departments:
        raise forbidden(f"only officers of {', '.join(departments)} may do this")


def record_scores(
    session: Session, *, principal: Principal, application_id: str, data: ScoresIn
) -> Application:
    """The one theory and one practical exam of the merged standard, recorded once for all."""
    _require_department(principal, EXAM_DEPARTMENT)
    application = repository.get_application(session, principal, application_id)
    if data.exam_date > date.today():
        raise validation_error("exam_date", "cannot be in the future")
    application.theory_score = data.theory_score
    application.practical_score = data.practical_score
    application.exam_date = data.exam_date
    fire(
        session,
        ApplicationFlow,
        application,
        "record_scores",
        principal=principal,
        owner_org_id=application.org_id,
        note=f"theory {data.theory_score}, practical {data.practical_score}",
    )
    return application


def decide_request(
    session: Session, *, principal: Principal, request_id: str, note: str = ""
) -> CertificateRequest:
    """A department's review: the issuance table decides; the officer's name and note are kept."""
    request = repository.get_request(session, principal, request_id)
    _require_department(principal, request.department)
    application = request.application
    if application.status != "examined":
        raise conflict(
            f"the exam results are not recorded yet (application is {application.status})"
        )
    cert = catalog().certificates[request.certificate_code]
    context = {
        "certificate_type": cert.certificate_type,
        "eligible": request.status == "eligible",
        "theory_score": application.theory_score,
        "practical_score": application.practical_score,
    }
    decision = rules().evaluate("issuance.json", context)
    issued = bool(decision.result["issued"])
    request.decision = {
        "issued": issued,
        "input": context,
        "result": decision.result,
        "fired": decision.explanation(),
        "note": note,
    }
    request.decided_by = principal.username
    request.decided_at = utcnow()
    if issued:
        request.certificate_number = f"{cert.code}-{utcnow():%Y}-{request.id[-10:]}"
        _add_prior(application.candidate, cert.code, request.certificate_number, "issued")
    fire(
        session,
        RequestFlow,
        request,
        "issue" if issued else "refuse",
        principal=principal,
        owner_org_id=request.org_id,
        note=note,
    )
    if all(r.status in DECIDED_REQUEST_STATES for r in application.requests):
        fire(
            session,
            ApplicationFlow,
            application,
            "close",
            principal=principal,
            owner_org_id=application.org_id,
            note="every department has decided",
        )
    return request


def review_pending(
    session: Session, *, principal: Principal, department: str | None = None, limit: int = 500
) -> list[CertificateRequest]:
    """Decide a department's whole queue at once (each decision still goes through the rules)."""
    department = department or principal.department
    if department not in REVIEWING_DEPARTMENTS:
        raise validation_error("department", f"choose from {', '.join(REVIEWING_DEPARTMENTS)}")
    _require_department(principal, department)
    pending = repository.pending_requests(session, department, limit)
    return [decide_request(session, principal=principal, request_id=r.id) for r in pending]


def list_applications(
    session: Session, *, principal: Principal, params: PageParams, **filters: str | None
) -> Page[Application]:
    return repository.list_applications(session, principal, params, **filters)


def get_application(session: Session, *, principal: Principal, application_id: str) -> Application:
    return repository.get_application(session, principal, application_id)


def review_queue(
    session: Session, *, principal: Principal, limit: int = 200
) -> list[CertificateRequest]:
    department = principal.department or ""
    _require_department(principal, REVIEWING_DEPARTMENTS)
    return repository.pending_requests(session, department, limit)


def statistics(session: Session, *, principal: Principal) -> dict[str, Any]:
    """The seed's figures (candidates, three/two/one certificates), counted from the records."""
    rows = repository.request_rows(session, principal)
    issued_per_application: Counter[str] = Counter()
    applications = {app_id for app_id, *_ in rows}
    issued_department: Counter[str] = Counter()
    issued_certificate: Counter[str] = Counter()
    pending: Counter[str] = Counter()
    for app_id, department, code, status in rows:
        if status == "issued":
            issued_per_application[app_id] += 1
            issued_department[department] += 1
            issued_certificate[code] += 1
        elif status in ("requested", "eligible"):
            pending[department] += 1
    by_count = Counter(issued_per_application[a] for a in applications)
    return {
        "candidates": repository.count_candidates(session, principal),
        "applications": len(applications),
        "by_certificates_issued": {str(n): by_count.get(n, 0) for n in (3, 2, 1, 0)},
        "issued_by_department": {d: issued_department.get(d, 0) for d in REVIEWING_DEPARTMENTS},
        "issued_by_certificate": dict(sorted(issued_certificate.items())),
        "pending_review_by_department": {d: pending.get(d, 0) for d in REVIEWING_DEPARTMENTS},
    }


def export_rows(session: Session, *, principal: Principal) -> list[Application]:
    return repository.all_applications(session, principal)


def history(session: Session, *, principal: Principal, application_id: str) -> list[Any]:
    """Every audit event on the application, its candidate and its requests, newest first."""
    application = repository.get_application(session, principal, application_id)
    ids = [application.id, application.candidate_id] + [r.id for r in application.requests]
    page = list_events(
        session, principal=principal, entity_ids=ids, params=PageParams(page=1, size=500)
    )
    return list(page.items)


def candidate_lookup(session: Session, *, id_number: str, application_id: str) -> Application:
    """The candidate's own view: both the identity number and the application number must match,
    and a mismatch looks the same as a missing record."""
    resident = parse_resident_id(id_number, "id_number")
    fingerprint = resident.fingerprint(get_settings().resolved_secret_key())
    application = session.get(Application, application_id.strip().upper())
    if application is None or application.candidate.id_fingerprint != fingerprint:
        raise not_found("application for this identity number")
    return application
