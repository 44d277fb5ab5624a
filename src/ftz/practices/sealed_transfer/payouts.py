"""After the transfer: the notary pays each creditor per the agreement (rank by rank, never
more than agreed), then the remainder to the debtor; the court verifies from the escrow books
that every creditor was paid, lifts the seals and closes the case. The failure path: a sale
that collapses before the transfer has the buyer's money refunded, keeps the property sealed,
and the court ends the self-sale (the case goes back to ordinary enforcement)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import conflict, validation_error
from ftz.practices.sealed_transfer import clock, money, repository, steps
from ftz.practices.sealed_transfer.models import EscrowMovement, TransferCase
from ftz.practices.sealed_transfer.schemas import (
    DocumentIn,
    NoteIn,
    PayoutIn,
    ReasonIn,
    ReferenceIn,
    RefundIn,
)
from ftz.practices.sealed_transfer.steps import CREDITORS, fen


def payout(session: Session, *, principal: Principal, case_id: str, data: PayoutIn) -> TransferCase:
    case = steps.load(session, principal, case_id)
    people = repository.parties(session, case.id)
    party = next((p for p in people if p.id == data.party_id), None)
    if party is None or party.role not in CREDITORS or party.priority is None:
        raise validation_error("party_id", "not a creditor in the agreement")
    earlier = sum(
        1
        for p in people
        if p.role in CREDITORS
        and p.priority is not None
        and p.priority < party.priority
        and p.paid_fen < p.agreed_fen
    )
    amount = fen(data.amount)
    steps.may(
        session,
        case,
        principal,
        "payout",
        amount=amount,
        outstanding=party.agreed_fen - party.paid_fen,
        earlier_unpaid=earlier,
    )
    money.move(
        session,
        case,
        principal,
        kind="payout",
        amount_fen=amount,
        party=party,
        reference=data.reference,
    )
    return case


def pay_remainder(
    session: Session, *, principal: Principal, case_id: str, data: ReferenceIn
) -> TransferCase:
    """Whatever is left after every creditor is paid goes to the debtor, all of it at once."""
    case = steps.load(session, principal, case_id)
    steps.may(session, case, principal, "pay_remainder", amount=case.escrow_balance_fen)
    debtor = steps.party_of_role(session, case, "debtor")
    money.move(
        session,
        case,
        principal,
        kind="remainder",
        amount_fen=case.escrow_balance_fen,
        party=debtor,
        reference=data.reference,
    )
    return case


def report_paid(
    session: Session, *, principal: Principal, case_id: str, data: NoteIn
) -> TransferCase:
    case = steps.load(session, principal, case_id)
    steps.transition(
        session,
        case,
        principal,
        "report_paid",
        note=data.note,
        details={"balance_fen": case.escrow_balance_fen},
    )
    return case


def _verify_paid(session: Session, case: TransferCase) -> dict[str, int]:
    """The court's own check, from the payouts themselves rather than the stored paid amounts."""
    paid = dict(
        session.execute(
            select(EscrowMovement.party_id, func.sum(EscrowMovement.amount_fen))
            .where(EscrowMovement.case_id == case.id, EscrowMovement.kind == "payout")
            .group_by(EscrowMovement.party_id)
        ).all()
    )
    found: dict[str, int] = {}
    for p in repository.parties(session, case.id):
        if p.role in CREDITORS and p.priority is not None:
            found[p.id] = int(paid.get(p.id, 0) or 0)
            if found[p.id] != p.agreed_fen:
                raise conflict(
                    f"{p.name} has {steps.yuan(found[p.id])} of {steps.yuan(p.agreed_fen)}"
                    " agreed: the seal stays"
                )
    return found


def lift_seal(
    session: Session, *, principal: Principal, case_id: str, data: DocumentIn
) -> TransferCase:
    case = steps.load(session, principal, case_id)
    steps.may(session, case, principal, "lift_seal")
    verified = _verify_paid(session, case)
    steps.transition(
        session,
        case,
        principal,
        "lift_seal",
        note=data.note,
        details={
            "document_no": data.document_no,
            "verified_paid_fen": verified,
        },
    )
    now = clock.now()
    for seal in repository.seals(session, case.id):
        seal.lifted_at = seal.lifted_at or now
    case.lift_doc_no, case.unsealed_at = data.document_no, now
    return case


def close(session: Session, *, principal: Principal, case_id: str, data: NoteIn) -> TransferCase:
    case = steps.load(session, principal, case_id)
    steps.transition(session, case, principal, "close", note=data.note)
    case.closed_at = clock.now()
    return case


def collapse(
    session: Session, *, principal: Principal, case_id: str, data: ReasonIn
) -> TransferCase:
    case = steps.load(session, principal, case_id)
    steps.transition(
        session,
        case,
        principal,
        "collapse",
        note=data.note,
        details={"balance_fen": case.escrow_balance_fen},
    )
    case.collapse_reason, case.collapsed_at = data.note, clock.now()
    return case


def refund(session: Session, *, principal: Principal, case_id: str, data: RefundIn) -> TransferCase:
    case = steps.load(session, principal, case_id)
    amount = fen(data.amount)
    steps.may(session, case, principal, "refund", amount=amount)
    buyer = steps.party_of_role(session, case, "buyer")
    money.move(
        session,
        case,
        principal,
        kind="refund",
        amount_fen=amount,
        party=buyer,
        reference=data.reference,
    )
    return case


def terminate(
    session: Session, *, principal: Principal, case_id: str, data: NoteIn
) -> TransferCase:
    case = steps.load(session, principal, case_id)
    steps.transition(
        session,
        case,
        principal,
        "terminate",
        note=data.note,
        details={
            "seals_in_force": sum(
                1 for s in repository.seals(session, case.id) if s.lifted_at is None
            )
        },
    )
    return case
