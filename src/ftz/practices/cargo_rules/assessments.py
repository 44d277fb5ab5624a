"""Assessments of goods the Codes do not list. An enterprise asks (or an officer opens one), the
maritime safety officer accepts it, records the findings (the IMSBC group follows from them by
`imsbc_group.json`), the three administrations sign the resulting conditions (IMSBC 1.3), and
the agreement puts the goods in the registry as an "assessed" cargo, anchored as evidence.
Changing the findings withdraws the signatures: they were given to the old conditions."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ftz.core.auth.models import Organization
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import conflict, forbidden, validation_error
from ftz.core.workflow import allowed_events, fire
from ftz.practices.cargo_rules import cargoes, decisions, lookup, reference, repository
from ftz.practices.cargo_rules.common import anchor, require_officer, today
from ftz.practices.cargo_rules.models import Assessment, SignOff
from ftz.practices.cargo_rules.schemas import (
    AssessmentRequestIn,
    CargoIn,
    DecisionIn,
    FindingsIn,
    SignOffIn,
)
from ftz.practices.cargo_rules.workflow import AssessmentFlow


def _new(
    session: Session, data: AssessmentRequestIn, org_id: str | None, year: int | None = None
) -> Assessment:
    number = repository.next_number(session, Assessment, f"CA-{year or today().year}")
    item = Assessment(number=number, org_id=org_id, status="requested", **data.model_dump())
    session.add(item)
    session.flush()
    return item


def request(
    session: Session, *, principal: Principal, data: AssessmentRequestIn, year: int | None = None
) -> Assessment:
    """An enterprise asks for its goods to be assessed."""
    if not principal.is_enterprise or principal.org_id is None:
        raise forbidden("an enterprise asks for an assessment; officers open one instead")
    return _new(session, data, principal.org_id, year)


def _authority(session: Session, principal: Principal) -> str:
    org = session.get(Organization, principal.org_id) if principal.org_id else None
    return org.name_zh if org else principal.display_name


def open_(
    session: Session, *, principal: Principal, data: AssessmentRequestIn, year: int | None = None
) -> Assessment:
    """An officer opens an assessment himself (goods met at the port, no request), or records
    an earlier one (`year` numbers it in the year it was opened)."""
    require_officer(principal)
    item = _new(session, data, None, year)
    return accept(session, principal=principal, key=item.id)


def accept(session: Session, *, principal: Principal, key: str) -> Assessment:
    require_officer(principal)
    item = repository.assessment(session, principal, key, lock=True)
    fire(session, AssessmentFlow, item, "accept", principal=principal, owner_org_id=item.org_id)
    item.authority = _authority(session, principal)
    session.flush()
    return item


def _conditions(item: Assessment, data: FindingsIn) -> tuple[dict[str, Any], list[Any]]:
    hazard = bool(data.imdg_class) or data.mhb
    why: list[dict[str, Any]] = []
    if item.mode == "packaged":
        if data.may_liquefy or data.mhb:
            raise validation_error("may_liquefy", "liquefaction and MHB concern bulk cargoes")
        regime, group = ("imdg" if data.imdg_class else "general"), ""
    else:
        if hazard and not data.chemical_hazard:
            raise validation_error("chemical_hazard", "an IMDG class or MHB is a chemical hazard")
        if data.chemical_hazard and not hazard:
            raise validation_error("chemical_hazard", "name the hazard: an IMDG class or MHB")
        regime = "imsbc"
        group, why = decisions.imsbc_group(
            may_liquefy=data.may_liquefy, chemical_hazard=data.chemical_hazard
        )
    found = data.model_dump(exclude={"may_liquefy", "chemical_hazard"})
    conditions = {**found, "regime": regime, "imsbc_group": group}
    reference.check_conditions(conditions)
    return conditions, why


def record_findings(
    session: Session, *, principal: Principal, key: str, data: FindingsIn
) -> Assessment:
    require_officer(principal)
    item = repository.assessment(session, principal, key, lock=True)
    if item.status != "assessing":
        raise conflict(f"findings are recorded while assessing, not when {item.status}")
    conditions, why = _conditions(item, data)
    if conditions != item.conditions:
        for signed in repository.sign_offs(session, item.id):
            session.delete(signed)  # through the ORM, so the audit trail keeps the withdrawal
    item.findings = data.model_dump()
    item.conditions = conditions
    item.why = why
    session.flush()
    return item


def sign(session: Session, *, principal: Principal, key: str, data: SignOffIn) -> SignOff:
    """One administration's agreement to the recorded conditions."""
    require_officer(principal)
    item = repository.assessment(session, principal, key, lock=True)
    if item.status != "assessing" or not item.conditions:
        raise conflict("signatures are taken on recorded findings while assessing")
    if data.signed_on > today():
        raise validation_error("signed_on", "a signature cannot be dated in the future")
    if any(s.role == data.role for s in repository.sign_offs(session, item.id)):
        raise conflict(f"the {data.role} administration has signed already")
    signed = SignOff(assessment_id=item.id, recorded_by=principal.username, **data.model_dump())
    session.add(signed)
    session.flush()
    return signed


def agree(session: Session, *, principal: Principal, key: str, data: DecisionIn) -> Assessment:
    """All three have signed: the goods enter the registry as an assessed cargo."""
    require_officer(principal)
    item = repository.assessment(session, principal, key, lock=True)
    signed = {s.role: s for s in repository.sign_offs(session, item.id)}
    roles, _ = reference.administrations()
    missing = [r["role"] for r in roles if r["role"] not in signed]
    if item.status == "assessing" and missing:
        raise validation_error("sign_offs", f"waiting for: {', '.join(missing)}")
    fire(
        session,
        AssessmentFlow,
        item,
        "agree",
        principal=principal,
        owner_org_id=item.org_id,
        note=data.note,
    )
    agreed_on = max(s.signed_on for s in signed.values())
    label = f"tripartite {item.number}"
    cargo = cargoes.create(
        session,
        principal=principal,
        status="assessed",
        on=agreed_on,
        data=CargoIn(
            code=item.number,
            name_zh=item.goods_zh,
            name_en=item.goods_en,
            source=f"{item.authority} {item.number}",
            version_label=label,
            note=data.note,
            **item.conditions,
        ),
    )
    item.cargo_id, item.decided_on, item.decision_note = cargo.id, agreed_on, data.note
    entry = {
        "type": "cargo-rules-agreement",
        "assessment": item.number,
        "cargo": cargo.code,
        "conditions": item.conditions,
        "on": agreed_on.isoformat(),
        "sign_offs": {r: s.reference for r, s in sorted(signed.items())},
    }
    item.ledger_sha256 = anchor(session, entry, f"cargo_rules_assessment:{item.id}")
    session.flush()
    return item


def refuse(session: Session, *, principal: Principal, key: str, data: DecisionIn) -> Assessment:
    require_officer(principal)
    if not data.note:
        raise validation_error("note", "say why the goods cannot be agreed")
    item = repository.assessment(session, principal, key, lock=True)
    fire(
        session,
        AssessmentFlow,
        item,
        "refuse",
        principal=principal,
        owner_org_id=item.org_id,
        note=data.note,
    )
    item.decided_on, item.decision_note = today(), data.note
    session.flush()
    return item


def view(session: Session, principal: Principal, item: Assessment) -> dict[str, Any]:
    roles, citation = reference.administrations()
    signed = {s.role: s for s in repository.sign_offs(session, item.id)}
    officer = repository.is_officer(principal)
    similar = lookup.find(session, item.goods_zh, limit=3)["results"] if officer else []
    return {
        "id": item.id,
        "number": item.number,
        "goods_zh": item.goods_zh,
        "goods_en": item.goods_en,
        "description": item.description,
        "mode": item.mode,
        "loading_port": item.loading_port,
        "discharge_port": item.discharge_port,
        "flag_state": item.flag_state,
        "authority": item.authority,
        "status": item.status,
        "findings": item.findings,
        "conditions": item.conditions,
        "why": item.why,
        "sign_offs": [
            {
                **r,
                "signed": r["role"] in signed,
                "authority": signed[r["role"]].authority if r["role"] in signed else "",
                "reference": signed[r["role"]].reference if r["role"] in signed else "",
                "signed_on": signed[r["role"]].signed_on.isoformat()
                if r["role"] in signed
                else None,
            }
            for r in roles
        ],
        "sign_off_citation": citation,
        "cargo_code": item.number if item.cargo_id else None,
        "decided_on": item.decided_on.isoformat() if item.decided_on else None,
        "decision_note": item.decision_note,
        "ledger_sha256": item.ledger_sha256 or None,
        "similar": similar,
        "next_events": allowed_events(AssessmentFlow, item, principal) if officer else [],
    }
