"""p19 数字贸易纠纷调解: online mediation with evidence kept as fingerprints ("数据不出本地"),
every step anchored in the mediation log, settlements signed by the parties and notarized as
enforceable instruments, and a foreign-use package for overseas bodies."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from functools import lru_cache
from pathlib import Path
from typing import Any

from babel import Locale
from sqlalchemy.orm import Session

from ftz.core.auth.models import Organization
from ftz.core.auth.principal import Principal
from ftz.core.db import utcnow
from ftz.core.kit.errors import conflict, forbidden, validation_error
from ftz.core.kit.pagination import Page, PageParams
from ftz.core.ledger import service as ledger
from ftz.core.rules import RuleSet
from ftz.core.workflow import fire
from ftz.practices.trade_mediation import repository
from ftz.practices.trade_mediation.models import (
    Agreement,
    Case,
    Evidence,
    MediationSession,
    Party,
)
from ftz.practices.trade_mediation.schemas import (
    AgreementIn,
    CaseIn,
    EvidenceIn,
    SessionIn,
)
from ftz.practices.trade_mediation.workflow import CaseFlow

LOG = "ftz.local/mediation"
MEDIATION_DEPARTMENT = "mediation"
CLOSED = frozenset({"notarized", "failed", "referred", "withdrawn"})
# CLDR territories with two letters, less the pseudo-regions it also lists under two letters.
NOT_COUNTRIES = frozenset({"ZZ", "EU", "EZ", "UN", "QO", "XA", "XB"})
COUNTRIES = frozenset(
    str(code)
    for code in Locale("en").territories
    if len(str(code)) == 2 and str(code) not in NOT_COUNTRIES
)


@lru_cache(maxsize=1)
def rules() -> RuleSet:
    return RuleSet(Path(__file__).with_name("rules"))


def _country(code: str, field: str) -> str:
    code = code.upper()
    if code not in COUNTRIES:
        raise validation_error(field, f"{code!r} is not an ISO 3166-1 alpha-2 country code")
    return code


def _mediator(principal: Principal) -> None:
    if not principal.is_admin and principal.department != MEDIATION_DEPARTMENT:
        raise forbidden("only the mediation centre's officers may do this")


def _anchor(session: Session, case: Case, step: str, payload: dict[str, Any]) -> int:
    """Notarize one step: its canonical record goes into the mediation log now (not queued),
    so its receipt exists as soon as the step is committed."""
    entry = ledger.canonical(
        {
            "type": "mediation-step",
            "case": case.number,
            "step": step,
            "at": utcnow().isoformat(),
            **payload,
        }
    )
    index = ledger.append(session, LOG, [entry])[0]
    steps = [
        *case.outcome.get("steps", []),
        {"step": step, "ledger_index": index, "at": utcnow().isoformat()},
    ]
    case.outcome = {**case.outcome, "steps": steps}
    return index


def _transition(
    session: Session, case: Case, event: str, principal: Principal, note: str = ""
) -> None:
    fire(session, CaseFlow, case, event, principal=principal, owner_org_id=case.org_id, note=note)
    _anchor(session, case, event, {"status": case.status})


def file_case(session: Session, *, principal: Principal, data: CaseIn) -> Case:
    if not principal.is_enterprise or principal.org_id is None:
        raise forbidden("a case is filed by the enterprise that applies")
    org = session.get(Organization, principal.org_id)
    assert org is not None
    number = f"NJDM-{utcnow():%Y}-{repository.count_cases(session) + 1:05d}"
    case = Case(
        org_id=org.id,
        number=number,
        dispute_type=data.dispute_type,
        summary=data.summary.strip(),
        amount_cny=data.amount_cny,
        province=data.province.strip(),
        status="applied",
        outcome={"arbitration_clause": data.arbitration_clause},
    )
    case.parties = [
        Party(
            org_id=org.id,
            role="applicant",
            name=org.name_zh,
            country=_country(data.applicant_country, "applicant_country"),
        ),
        Party(
            org_id=org.id,
            role="respondent",
            name=data.respondent.name.strip(),
            country=_country(data.respondent.country, "respondent.country"),
            representative=data.respondent.representative.strip(),
        ),
    ]
    session.add(case)
    session.flush()
    _anchor(
        session,
        case,
        "apply",
        {
            "dispute_type": case.dispute_type,
            "summary_sha256": hashlib.sha256(case.summary.encode()).hexdigest(),
        },
    )
    return case


def accept(session: Session, *, principal: Principal, case_id: str) -> Case:
    _mediator(principal)
    case = repository.get_case(session, principal, case_id)
    case.mediator = principal.username
    _transition(session, case, "accept", principal)
    return case


def add_evidence(
    session: Session, *, principal: Principal, case_id: str, data: EvidenceIn
) -> Evidence:
    """Only the fingerprint is submitted; the file stays with the party."""
    case = repository.get_case(session, principal, case_id)
    if case.status in CLOSED:
        raise conflict(f"the case is {case.status}")
    if principal.is_enterprise and data.party_role != "applicant":
        raise forbidden("an applicant submits its own evidence")
    if not principal.is_enterprise:
        _mediator(principal)
    index = _anchor(
        session,
        case,
        "evidence",
        {"kind": data.kind, "sha256": data.sha256, "party": data.party_role},
    )
    evidence = Evidence(
        case_id=case.id,
        org_id=case.org_id,
        party_role=data.party_role,
        kind=data.kind,
        title=data.title.strip(),
        sha256=data.sha256,
        ledger_index=index,
    )
    case.evidence.append(evidence)
    session.flush()
    return evidence


def hold_session(
    session: Session, *, principal: Principal, case_id: str, data: SessionIn
) -> MediationSession:
    _mediator(principal)
    case = repository.get_case(session, principal, case_id)
    meeting = MediationSession(
        case_id=case.id,
        org_id=case.org_id,
        scheduled_at=data.scheduled_at,
        language=data.language,
        interpreter=data.interpreter,
        minutes_sha256=data.minutes_sha256,
        held=data.minutes_sha256 is not None,
    )
    case.sessions.append(meeting)
    _transition(
        session, case, "open_session", principal, note=f"session {data.scheduled_at.isoformat()}"
    )
    return meeting


def draft_agreement(
    session: Session, *, principal: Principal, case_id: str, data: AgreementIn
) -> Agreement:
    _mediator(principal)
    case = repository.get_case(session, principal, case_id)
    if case.status != "mediating":
        raise conflict("a settlement is drafted while mediating")
    terms = data.terms.strip()
    digest = hashlib.sha256(terms.encode()).hexdigest()
    if case.agreement is None:
        case.agreement = Agreement(org_id=case.org_id, terms=terms, terms_sha256=digest)
    agreement = case.agreement
    agreement.terms, agreement.terms_sha256 = terms, digest
    agreement.payment_cny = data.payment_cny
    agreement.enforcement_consent = data.enforcement_consent
    agreement.signatures = {}  # changed terms need new signatures
    session.flush()
    _anchor(session, case, "draft", {"terms_sha256": digest})
    return agreement


def _code_hash(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


def signing_code(session: Session, *, principal: Principal, case_id: str) -> str:
    """A one-time code for the respondent (often abroad, without an account); shown once."""
    _mediator(principal)
    case = repository.get_case(session, principal, case_id)
    code = secrets.token_urlsafe(12)
    respondent = next(p for p in case.parties if p.role == "respondent")
    respondent.signing_code_hash = _code_hash(code)
    return code


def terms_for_code(session: Session, *, case_id: str, code: str) -> Agreement:
    """What the respondent is asked to sign, shown before signing (the code is not used up)."""
    case = repository.case_by_id(session, case_id)
    respondent = next(p for p in case.parties if p.role == "respondent")
    if not respondent.signing_code_hash or not hmac.compare_digest(
        respondent.signing_code_hash, _code_hash(code)
    ):
        raise forbidden("the signing code is wrong or used")
    if case.agreement is None:
        raise conflict("there is no settlement to sign")
    return case.agreement


def sign(
    session: Session, *, principal: Principal, case_id: str, name: str, code: str | None = None
) -> Agreement:
    """Sign the current terms: the applicant with its account, the respondent with its code."""
    case = repository.case_by_id(session, case_id)
    if principal.is_enterprise and case.org_id == principal.org_id:
        role, method = "applicant", "platform account"
    elif code:
        respondent = next(p for p in case.parties if p.role == "respondent")
        if not respondent.signing_code_hash or not hmac.compare_digest(
            respondent.signing_code_hash, _code_hash(code)
        ):
            raise forbidden("the signing code is wrong or used")
        respondent.signing_code_hash = None
        role, method = "respondent", "one-time code"
    else:
        raise forbidden("sign with your account (applicant) or your signing code (respondent)")
    agreement = case.agreement
    if agreement is None or case.status != "mediating":
        raise conflict("there is no settlement to sign")
    index = _anchor(
        session,
        case,
        f"sign:{role}",
        {
            "terms_sha256": agreement.terms_sha256,
            "name_sha256": hashlib.sha256(name.strip().encode()).hexdigest(),
        },
    )
    agreement.signatures = {
        **agreement.signatures,
        role: {
            "name": name.strip(),
            "method": method,
            "signed_at": utcnow().isoformat(),
            "terms_sha256": agreement.terms_sha256,
            "ledger_index": index,
        },
    }
    if {"applicant", "respondent"} <= agreement.signatures.keys():
        _transition(session, case, "settle", principal, note="signed by both parties")
    return agreement


def notarize(session: Session, *, principal: Principal, case_id: str) -> Case:
    """The notary makes the settlement an instrument; the table decides if it is enforceable."""
    if not principal.has_role("notary"):
        raise forbidden("only a notary notarizes")
    case = repository.get_case(session, principal, case_id)
    agreement = case.agreement
    if agreement is None:
        raise conflict("no settlement to notarize")
    foreign = any(p.country != "CN" for p in case.parties)
    decision = rules().evaluate(
        "enforceability.json",
        {
            "all_signed": {"applicant", "respondent"} <= agreement.signatures.keys(),
            "payment_cny": agreement.payment_cny,
            "enforcement_consent": agreement.enforcement_consent,
            "foreign_party": foreign,
        },
    )
    agreement.enforceability = {"result": decision.result, "fired": decision.explanation()}
    agreement.notarized_by = principal.username
    agreement.notarial_number = f"({utcnow():%Y})宁数证字第{case.number[-5:]}号"
    _transition(session, case, "notarize", principal, note=agreement.notarial_number)
    return case


def close_without_settlement(
    session: Session, *, principal: Principal, case_id: str, refer: bool, note: str = ""
) -> Case:
    """Failure or referral; the referral table recommends court, arbitration or notary."""
    _mediator(principal)
    case = repository.get_case(session, principal, case_id)
    situation = "settled" if case.status == "settled" else "failed"
    decision = rules().evaluate(
        "referral.json",
        {
            "situation": situation,
            "arbitration_clause": bool(case.outcome.get("arbitration_clause")),
            "foreign_party": any(p.country != "CN" for p in case.parties),
        },
    )
    case.outcome = {
        **case.outcome,
        "referral_advice": {"result": decision.result, "fired": decision.explanation()},
        "note": note,
    }
    if refer:
        case.referral = str(decision.result["target"])
        _transition(session, case, "refer", principal, note=f"to {case.referral}")
    else:
        _transition(session, case, "fail", principal, note=note)
    return case


def withdraw(session: Session, *, principal: Principal, case_id: str) -> Case:
    case = repository.get_case(session, principal, case_id)
    _transition(session, case, "withdraw", principal)
    return case


def list_cases(
    session: Session,
    *,
    principal: Principal,
    params: PageParams,
    status: str | None = None,
    text: str | None = None,
) -> Page[Case]:
    return repository.list_cases(session, principal, params, status=status, text=text)


def get_case(session: Session, *, principal: Principal, case_id: str) -> Case:
    return repository.get_case(session, principal, case_id)


def step_receipts(session: Session, case: Case, signer: ledger.Signing) -> list[dict[str, Any]]:
    return [
        ledger.receipt(session, LOG, step["ledger_index"], signer)
        for step in case.outcome.get("steps", [])
    ]


def statistics(session: Session, *, principal: Principal) -> dict[str, Any]:
    return repository.statistics(session, principal)
