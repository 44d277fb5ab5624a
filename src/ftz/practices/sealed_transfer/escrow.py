"""The notary's escrow account (提存专户) in double entry, integer fen. Accounts per case:
`escrow:<case>` (money held by the notary) against `buyer:<case>` (deposits, refunds),
`creditor:<party>` (payouts) and `debtor:<case>` (the remainder). A movement's legs sum to
zero, so the escrow balance is always deposits − payouts − remainder − refunds; the case keeps
that balance for locking and display, and `reconcile` proves it equals the entries."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.practices.sealed_transfer.models import (
    CaseParty,
    EscrowEntry,
    EscrowMovement,
    TransferCase,
)

KINDS = ("deposit", "payout", "remainder", "refund")


def escrow_account(case_id: str) -> str:
    return f"escrow:{case_id}"


def legs(movement: EscrowMovement) -> list[tuple[str, int]]:
    """The two legs of a movement: escrow up for a deposit, down for everything else."""
    n, case = movement.amount_fen, movement.case_id
    other = {
        "deposit": f"buyer:{case}",
        "refund": f"buyer:{case}",
        "payout": f"creditor:{movement.party_id}",
        "remainder": f"debtor:{case}",
    }[movement.kind]
    into_escrow = n if movement.kind == "deposit" else -n
    return [(escrow_account(case), into_escrow), (other, -into_escrow)]


def post(session: Session, movement: EscrowMovement) -> None:
    entries = legs(movement)
    if sum(amount for _, amount in entries) != 0:  # cannot happen: legs() mirrors each amount
        raise ValueError(f"unbalanced movement {movement.id}")
    session.add_all(
        EscrowEntry(movement_id=movement.id, account=a, amount_fen=n) for a, n in entries
    )


def balance(session: Session, case_id: str) -> int:
    """The escrow balance from the entries (not from the stored figure)."""
    query = select(func.sum(EscrowEntry.amount_fen)).where(
        EscrowEntry.account == escrow_account(case_id)
    )
    return int(session.scalar(query) or 0)


def totals(session: Session, case_id: str) -> dict[str, int]:
    """Deposits, payouts, remainder and refunds of one case, in fen."""
    rows = session.execute(
        select(EscrowMovement.kind, func.sum(EscrowMovement.amount_fen))
        .where(EscrowMovement.case_id == case_id)
        .group_by(EscrowMovement.kind)
    ).all()
    found = {str(k): int(n or 0) for k, n in rows}
    return {kind: found.get(kind, 0) for kind in KINDS}


def reconcile(session: Session) -> dict[str, Any]:
    """Every stored balance equals its entries and the movement totals; every movement is
    balanced; no creditor was paid more than agreed or other than by payouts."""
    problems: list[dict[str, Any]] = []
    unbalanced = session.execute(
        select(EscrowEntry.movement_id)
        .group_by(EscrowEntry.movement_id)
        .having(func.sum(EscrowEntry.amount_fen) != 0)
    ).all()
    problems += [{"movement": str(m), "problem": "unbalanced"} for (m,) in unbalanced]
    sums = dict(
        session.execute(
            select(EscrowEntry.account, func.sum(EscrowEntry.amount_fen)).group_by(
                EscrowEntry.account
            )
        ).all()
    )
    cases = 0
    for case_id, stored in session.execute(
        select(TransferCase.id, TransferCase.escrow_balance_fen)
    ):
        cases += 1
        t = totals(session, case_id)
        from_entries = int(sums.get(escrow_account(case_id), 0) or 0)
        from_movements = t["deposit"] - t["payout"] - t["remainder"] - t["refund"]
        if not stored == from_entries == from_movements or stored < 0:
            problems.append(
                {
                    "case": case_id,
                    "stored": stored,
                    "entries": from_entries,
                    "movements": from_movements,
                }
            )
    paid = dict(
        session.execute(
            select(EscrowMovement.party_id, func.sum(EscrowMovement.amount_fen))
            .where(EscrowMovement.kind == "payout")
            .group_by(EscrowMovement.party_id)
        ).all()
    )
    for party_id, stored_paid, agreed in session.execute(
        select(CaseParty.id, CaseParty.paid_fen, CaseParty.agreed_fen)
    ):
        if stored_paid != int(paid.get(party_id, 0) or 0) or stored_paid > agreed:
            problems.append(
                {
                    "party": party_id,
                    "paid": stored_paid,
                    "agreed": agreed,
                    "payouts": int(paid.get(party_id, 0) or 0),
                }
            )
    return {"ok": not problems, "cases": cases, "accounts": len(sums), "problems": problems}
