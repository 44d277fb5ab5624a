"""标准认证: self-assessment against the checklist, third-party audit, rule-based decision."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal, visibility
from ftz.core.kit.errors import conflict, forbidden, not_found, validation_error
from ftz.core.rules import RuleSet
from ftz.core.workflow import fire
from ftz.practices.trade_secrets.models import Certification, Record
from ftz.practices.trade_secrets.workflow import CertificationFlow

HERE = Path(__file__).parent
CERTIFYING_DEPARTMENT = "certification"


@lru_cache(maxsize=1)
def checklist() -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = yaml.safe_load(
        (HERE / "data" / "checklist.yaml").read_text(encoding="utf-8")
    )
    return items


@lru_cache(maxsize=1)
def rules() -> RuleSet:
    return RuleSet(HERE / "rules")


def _get(session: Session, principal: Principal, certification_id: str) -> Certification:
    found = session.get(Certification, certification_id)
    seen = visibility(principal, (CERTIFYING_DEPARTMENT,))
    if found is None or seen == "none" or (seen == "own" and found.org_id != principal.org_id):
        raise not_found("certification")
    return found


def open_application(session: Session, *, principal: Principal) -> Certification:
    if not principal.is_enterprise or principal.org_id is None:
        raise forbidden("an enterprise applies for its own certification")
    current = session.scalar(
        select(Certification).where(
            Certification.org_id == principal.org_id,
            Certification.status.in_(("draft", "submitted")),
        )
    )
    if current is not None:
        return current
    certification = Certification(org_id=principal.org_id, status="draft", answers={})
    session.add(certification)
    session.flush()
    return certification


def save_answers(
    session: Session, *, principal: Principal, certification_id: str, answers: dict[str, str]
) -> Certification:
    certification = _get(session, principal, certification_id)
    if certification.status != "draft":
        raise conflict("answers can be changed only in a draft")
    codes = {item["code"] for item in checklist()}
    unknown = set(answers) - codes
    if unknown:
        raise validation_error("answers", f"unknown items {sorted(unknown)}")
    certification.answers = {
        **certification.answers,
        **{k: v.strip()[:2000] for k, v in answers.items()},
    }
    return certification


def submit(session: Session, *, principal: Principal, certification_id: str) -> Certification:
    certification = _get(session, principal, certification_id)
    missing = [i["code"] for i in checklist() if not certification.answers.get(i["code"])]
    if missing:
        raise validation_error("answers", f"describe your evidence for {', '.join(missing)}")
    records = session.scalar(
        select(Record.id).where(Record.org_id == certification.org_id).limit(1)
    )
    if records is None:
        raise validation_error("TS-08", "register at least one innovation record first")
    fire(
        session,
        CertificationFlow,
        certification,
        "submit",
        principal=principal,
        owner_org_id=certification.org_id,
    )
    return certification


def audit(
    session: Session,
    *,
    principal: Principal,
    certification_id: str,
    findings: dict[str, bool],
    notes: dict[str, str] | None = None,
) -> Certification:
    """The certification body's findings per item; the decision table certifies or rejects."""
    if not principal.is_admin and principal.department != CERTIFYING_DEPARTMENT:
        raise forbidden("only the certification body audits")
    certification = _get(session, principal, certification_id)
    items = checklist()
    missing = [i["code"] for i in items if i["code"] not in findings]
    if missing:
        raise validation_error("findings", f"give a finding for {', '.join(missing)}")
    score = sum(i["weight"] for i in items if findings[i["code"]])
    mandatory = all(findings[i["code"]] for i in items if i["mandatory"])
    decision = rules().evaluate(
        "certification.json", {"mandatory_passed": mandatory, "score": score}
    )
    certified = bool(decision.result["certified"])
    certification.findings = {
        code: {"passed": passed, "note": (notes or {}).get(code, "")}
        for code, passed in findings.items()
    }
    certification.decision = {
        "score": score,
        "mandatory_passed": mandatory,
        "result": decision.result,
        "fired": decision.explanation(),
        "auditor": principal.username,
    }
    fire(
        session,
        CertificationFlow,
        certification,
        "certify" if certified else "reject",
        principal=principal,
        owner_org_id=certification.org_id,
        note=f"score {score}",
    )
    if certified:
        certification.certificate_number = f"TSP-{certification.id[-10:]}"
    return certification


def list_certifications(session: Session, *, principal: Principal) -> list[Certification]:
    query = select(Certification).order_by(Certification.updated_at.desc())
    seen = visibility(principal, (CERTIFYING_DEPARTMENT,))
    if seen == "none":
        return []
    if seen == "own":
        query = query.where(Certification.org_id == principal.org_id)
    return list(session.scalars(query))


def get(session: Session, *, principal: Principal, certification_id: str) -> Certification:
    return _get(session, principal, certification_id)
