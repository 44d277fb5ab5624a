"""The notary's settlement and the court's approval: the notary drafts the agreement (each
creditor's rank and amount, the minimum sale price), every party consents to that exact version
(its digest), the notary notarizes it, and the court reviews the price and approves the sale in
sealed status by a legal document (法律文书)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import validation_error
from ftz.practices.sealed_transfer import clock, repository, rules, steps
from ftz.practices.sealed_transfer.models import CaseParty, TransferCase
from ftz.practices.sealed_transfer.schemas import AgreementIn, DocumentIn, NoteIn, PartyRef
from ftz.practices.sealed_transfer.steps import CREDITORS, fen


def suggested_ranks(parties: list[CaseParty]) -> dict[str, int]:
    """The default order of the creditors (rules/priority.json), as 1, 2, …: a lower class
    first; within a class by date (mortgage registration, seal) or, pro rata, sharing a rank."""
    keyed = []
    for p in parties:
        if p.role not in CREDITORS:
            continue
        rank = rules.default_rank(p.claim_basis)
        by_date = rank.get("tie_break") == "secured_on" and p.secured_on is not None
        day = p.secured_on.toordinal() if by_date and p.secured_on else 0
        keyed.append(((int(rank.get("rank", 99)), day), p.id))
    ranks: dict[str, int] = {}
    previous, number = None, 0
    for key, party_id in sorted(keyed):
        if key != previous:
            number, previous = number + 1, key
        ranks[party_id] = number
    return ranks


def agreement_digest(case: TransferCase, parties: list[CaseParty]) -> str:
    return steps.digest(
        {
            "case": case.id,
            "agreement_no": case.agreement_no,
            "min_price_fen": case.min_price_fen,
            "allocations": sorted(
                [p.id, p.priority, p.agreed_fen] for p in parties if p.priority is not None
            ),
        }
    )


def set_agreement(
    session: Session, *, principal: Principal, case_id: str, data: AgreementIn
) -> TransferCase:
    case = steps.load(session, principal, case_id)
    steps.may(session, case, principal, "set_agreement")
    people = {p.id: p for p in repository.parties(session, case.id)}
    seen: set[str] = set()
    for n, line in enumerate(data.allocations):
        party = people.get(line.party_id)
        if party is None or party.role not in CREDITORS:
            raise validation_error(f"allocations.{n}.party_id", "not a creditor of this case")
        if line.party_id in seen:
            raise validation_error(f"allocations.{n}.party_id", "listed twice")
        if fen(line.amount) > party.claim_fen:
            raise validation_error(
                f"allocations.{n}.amount",
                f"more than {party.name}'s claim ({steps.yuan(party.claim_fen)})",
            )
        seen.add(line.party_id)
    given = {line.party_id: line for line in data.allocations}
    for party in people.values():
        agreed = given.get(party.id)
        party.priority = agreed.priority if agreed else None
        party.agreed_fen = fen(agreed.amount) if agreed else 0
    case.agreement_no, case.min_price_fen = data.agreement_no, fen(data.min_price)
    case.agreement_sha256 = agreement_digest(case, list(people.values()))
    session.flush()
    total = sum(p.agreed_fen for p in people.values())
    steps.record(
        session,
        case,
        principal,
        "set_agreement",
        source=case.status,
        details={
            "agreement_sha256": case.agreement_sha256,
            "total_agreed_fen": total,
            "min_price_fen": case.min_price_fen,
            "creditors": len(given),
        },
    )
    return case


def consent(
    session: Session, *, principal: Principal, case_id: str, data: PartyRef
) -> TransferCase:
    """A party (or the notary witnessing it) consents to the agreement as it stands now."""
    case = steps.load(session, principal, case_id)
    party = next((p for p in repository.parties(session, case.id) if p.id == data.party_id), None)
    if party is None or party.role not in steps.AGREEING:
        raise validation_error("party_id", "not a party to the agreement")
    method = steps.acting_for(principal, party)  # a stranger is refused before anything else
    steps.may(session, case, principal, "give_consent")
    if not case.agreement_sha256:
        raise validation_error("party_id", "there is no agreement to consent to yet")
    party.consent_sha256, party.consent_method = case.agreement_sha256, method
    party.consented_at = clock.now()
    steps.record(
        session,
        case,
        principal,
        "give_consent",
        source=case.status,
        details={
            "party": party.id,
            "role": party.role,
            "agreement_sha256": case.agreement_sha256,
            "method": method,
        },
    )
    return case


def notarize_agreement(
    session: Session, *, principal: Principal, case_id: str, data: NoteIn
) -> TransferCase:
    case = steps.load(session, principal, case_id)
    people = repository.parties(session, case.id)
    steps.transition(
        session,
        case,
        principal,
        "notarize_agreement",
        note=data.note,
        details={
            "agreement_no": case.agreement_no,
            "agreement_sha256": case.agreement_sha256,
            "total_agreed_fen": sum(p.agreed_fen for p in people if p.role in CREDITORS),
            "min_price_fen": case.min_price_fen,
        },
    )
    return case


def approve_sale(
    session: Session, *, principal: Principal, case_id: str, data: DocumentIn
) -> TransferCase:
    """The court's review of the agreement and its price, and its consent to sell while sealed."""
    case = steps.load(session, principal, case_id)
    verdict, why = rules.price_review(case.min_price_fen, case.appraised_fen)
    steps.transition(
        session,
        case,
        principal,
        "approve_sale",
        note=data.note,
        details={"document_no": data.document_no, "price_verdict": verdict},
    )
    case.approval_doc_no, case.price_check = data.document_no, why
    return case


def price_preview(case: TransferCase) -> dict[str, Any]:
    """What the court's review would say of the agreement's minimum price (shown before)."""
    verdict, why = rules.price_review(case.min_price_fen, case.appraised_fen)
    return {"verdict": verdict, "why": why}
