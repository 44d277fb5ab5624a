"""Moving money through the notary's escrow account: one movement, its two legs, the stored
balance and the creditor's paid amount changed together under the case's row lock, then the
books are checked again from the entries before the step is recorded — if they ever disagreed
the whole transaction would be refused rather than committed."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FtzError
from ftz.practices.sealed_transfer import clock, escrow, steps
from ftz.practices.sealed_transfer.models import CaseParty, EscrowMovement, TransferCase


def move(
    session: Session,
    case: TransferCase,
    principal: Principal,
    *,
    kind: str,
    amount_fen: int,
    party: CaseParty | None,
    source: str = "",
    reference: str = "",
    method: str = "",
) -> EscrowMovement:
    movement = EscrowMovement(
        case_id=case.id,
        kind=kind,
        amount_fen=amount_fen,
        party_id=party.id if party else None,
        source=source,
        reference=reference,
        at=clock.now(),
        step_seq=case.steps_taken + 1,
    )
    session.add(movement)
    session.flush()
    escrow.post(session, movement)
    case.escrow_balance_fen += amount_fen if kind == "deposit" else -amount_fen
    if kind == "payout" and party is not None:
        party.paid_fen += amount_fen
    session.flush()
    _check_books(session, case, party if kind == "payout" else None)
    steps.record(
        session,
        case,
        principal,
        kind,
        source=case.status,
        details={
            "movement": movement.id,
            "amount_fen": amount_fen,
            "party": movement.party_id,
            "source": source,
            "reference_sha256": steps.digest(reference),
            "method": method,
            "balance_fen": case.escrow_balance_fen,
        },
    )
    return movement


def _check_books(session: Session, case: TransferCase, party: CaseParty | None) -> None:
    """The invariants, recomputed from the entries rather than trusted from the stored figures."""
    from_entries = escrow.balance(session, case.id)
    broken = from_entries != case.escrow_balance_fen or from_entries < 0
    if party is not None:
        paid = session.scalar(
            select(func.sum(EscrowMovement.amount_fen)).where(
                EscrowMovement.party_id == party.id, EscrowMovement.kind == "payout"
            )
        )
        broken = broken or int(paid or 0) != party.paid_fen or party.paid_fen > party.agreed_fen
    if broken:
        raise FtzError(
            detail="the escrow books would not balance; nothing was changed",
            status=500,
            title="Internal error",
            type_slug="books",
        )
