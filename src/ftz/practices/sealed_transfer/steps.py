"""What every p18 step shares: the locked case, the facts the step guards are evaluated on,
the parties acting on their own account, and the record of the step: a row in the case's step
log whose canonical entry (hashes and commitments, no personal data) is appended to the
evidence ledger in the same transaction, so a step exists exactly when its anchor does."""

from __future__ import annotations

import hashlib
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from ftz.core.auth.models import Role
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import forbidden
from ftz.core.ledger import service as ledger
from ftz.core.workflow import fire
from ftz.practices.sealed_transfer import clock, repository, rules
from ftz.practices.sealed_transfer.models import CaseParty, CaseStep, TransferCase
from ftz.practices.sealed_transfer.permissions import DEPARTMENTS
from ftz.practices.sealed_transfer.workflow import ACTION_ROLES, TransferFlow

CREDITORS = ("applicant", "creditor")
AGREEING = ("applicant", "creditor", "debtor")
SIGNING = {"buyer": "buyer", "seller": "debtor"}


def fen(amount: Decimal) -> int:
    return int((amount * 100).to_integral_value())


def yuan(amount_fen: int) -> Decimal:
    return (Decimal(amount_fen) / 100).quantize(Decimal("0.01"))


def digest(value: Any) -> str:
    return hashlib.sha256(ledger.canonical(value)).hexdigest()


def load(session: Session, principal: Principal, case_id: str) -> TransferCase:
    """The case, visible to `principal`, under its row lock."""
    return repository.get_case(session, principal, case_id, lock=True)


def facts(session: Session, case: TransferCase, **extra: Any) -> dict[str, Any]:
    """Everything the step guards (rules/steps.json) may look at, computed from the records."""
    people = repository.parties(session, case.id)
    creditors = [p for p in people if p.role in CREDITORS]
    verdict, _ = rules.price_review(case.min_price_fen, case.appraised_fen)
    return {
        "agreement_drafted": bool(case.agreement_sha256),
        "creditors_unallocated": sum(1 for p in creditors if p.priority is None),
        "consents_missing": sum(
            1
            for p in people
            if p.role in AGREEING
            and (not case.agreement_sha256 or p.consent_sha256 != case.agreement_sha256)
        ),
        "total_agreed": sum(p.agreed_fen for p in creditors),
        "min_price": case.min_price_fen,
        "price_verdict": verdict if case.agreement_sha256 else "",
        "contract_drafted": bool(case.contract_sha256),
        "signatures_missing": sum(
            1
            for p in people
            if p.role in SIGNING.values() and p.signed_sha256 != case.contract_sha256
        )
        + (0 if any(p.role == "buyer" for p in people) else 1),
        "price": case.price_fen,
        "balance": case.escrow_balance_fen,
        "unpaid_creditors": sum(1 for p in creditors if p.paid_fen < p.agreed_fen),
        **extra,
    }


def check(session: Session, case: TransferCase, step: str, **extra: Any) -> None:
    rules.guard(step, case.status, facts(session, case, **extra))


def may(
    session: Session, case: TransferCase, principal: Principal, event: str, **extra: Any
) -> None:
    """The role first (a stranger learns nothing about the case's state), then the guards."""
    roles = TransferFlow.event_roles.get(event) or ACTION_ROLES[event]
    if not principal.has_role(*roles):
        raise forbidden(f"your role may not perform {event!r}")
    check(session, case, event, **extra)


def acting_for(principal: Principal, party: CaseParty) -> str:
    """How `principal` acts for `party`: on the party's own account, or as the notary who
    witnessed it ("witnessed"); anyone else is refused."""
    if principal.is_enterprise:
        if party.org_id is None or party.org_id != principal.org_id:
            raise forbidden(f"you do not act for the {party.role} of this case")
        return "account"
    if principal.has_role(Role.NOTARY):
        return "witnessed"
    raise forbidden(f"only the {party.role} or the notary may do this")


def party_of_role(session: Session, case: TransferCase, role: str) -> CaseParty | None:
    return next((p for p in repository.parties(session, case.id) if p.role == role), None)


def require_registry(principal: Principal) -> None:
    if not principal.is_admin and principal.department not in DEPARTMENTS:
        raise forbidden("only the real-estate registration authority transfers titles")


def record(
    session: Session,
    case: TransferCase,
    principal: Principal,
    step: str,
    *,
    source: str,
    note: str = "",
    details: dict[str, Any] | None = None,
) -> CaseStep:
    """Append the step to the case's log and its anchor to the evidence ledger."""
    at = clock.now()
    case.steps_taken += 1
    details = details or {}
    entry = ledger.canonical(
        {
            "type": "sealed-transfer-step",
            "case": case.id,
            "number": case.number,
            "seq": case.steps_taken,
            "step": step,
            "from": source,
            "to": case.status,
            "actor": principal.username,
            "at": at.isoformat(),
            "details_sha256": digest(details),
            "note_sha256": hashlib.sha256(note.encode()).hexdigest(),
        }
    )
    [index] = ledger.append(session, ledger.EVIDENCE_LOG, [entry], [f"sealed_transfer:{case.id}"])
    row = CaseStep(
        case_id=case.id,
        seq=case.steps_taken,
        step=step,
        from_status=source,
        to_status=case.status,
        actor=principal.username,
        at=at,
        note=note,
        details=details,
        entry_sha256=hashlib.sha256(entry).hexdigest(),
        ledger_index=int(index),
    )
    session.add(row)
    session.flush()
    return row


def transition(
    session: Session,
    case: TransferCase,
    principal: Principal,
    event: str,
    *,
    note: str = "",
    details: dict[str, Any] | None = None,
    **guard_facts: Any,
) -> CaseStep:
    """Role and guards (`may`), then the state machine (audited) and the step's record."""
    may(session, case, principal, event, **guard_facts)
    source = case.status
    fire(
        session,
        TransferFlow,
        case,
        event,
        principal=principal,
        owner_org_id=case.court_org_id,
        note=note,
    )
    return record(session, case, principal, event, source=source, note=note, details=details)
