"""Double-entry accounting in fen. Accounts:
- `tax_due:<list>` (+) against `guarantee:<org>` (−): tax withheld under the platform's guarantee;
- `quota_used:<buyer>:<year>` (+) against `quota_free:<buyer>:<year>` (−): the annual limit used.
Every transaction's legs sum to zero; stored balances (list.tax_due_fen, quota.used_fen) are
checked against the sums of their entries by `reconcile`."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.db import utcnow
from ftz.practices.cbec_returns.models import (
    BuyerQuota,
    DeclarationList,
    Entry,
    ListLine,
    ReturnDeclaration,
)


def post(session: Session, txn: str, legs: list[tuple[str, int]]) -> None:
    if sum(amount for _, amount in legs) != 0:
        raise ValueError(f"unbalanced transaction {txn}")
    now = utcnow()
    session.add_all(Entry(txn=txn, account=a, amount_fen=n, at=now) for a, n in legs if n)


def tax_legs(item: DeclarationList, amount: int) -> list[tuple[str, int]]:
    return [(f"tax_due:{item.id}", amount), (f"guarantee:{item.org_id}", -amount)]


def quota_legs(buyer: str, year: int, amount: int) -> list[tuple[str, int]]:
    return [(f"quota_used:{buyer}:{year}", amount), (f"quota_free:{buyer}:{year}", -amount)]


def balance(session: Session, account: str) -> int:
    total = session.scalar(select(func.sum(Entry.amount_fen)).where(Entry.account == account))
    return int(total or 0)


def reconcile(session: Session) -> dict[str, Any]:
    sums = {
        str(a): int(n)
        for a, n in session.execute(select(Entry.account, func.sum(Entry.amount_fen)).group_by(
            Entry.account))
    }  # fmt: skip
    unbalanced = [
        str(t)
        for t, n in session.execute(
            select(Entry.txn, func.sum(Entry.amount_fen)).group_by(Entry.txn)
        )
        if int(n) != 0
    ]
    problems: list[dict[str, Any]] = [{"txn": t, "problem": "unbalanced"} for t in unbalanced]
    lists = 0
    for list_id, stored in session.execute(select(DeclarationList.id, DeclarationList.tax_due_fen)):
        lists += 1
        if sums.get(f"tax_due:{list_id}", 0) != stored:
            problems.append({"account": f"tax_due:{list_id}", "stored": stored,
                             "entries": sums.get(f"tax_due:{list_id}", 0)})  # fmt: skip
    quotas = 0
    for buyer, year, used in session.execute(
        select(BuyerQuota.buyer_hash, BuyerQuota.year, BuyerQuota.used_fen)
    ):
        quotas += 1
        account = f"quota_used:{buyer}:{year}"
        if sums.get(account, 0) != used:
            problems.append({"account": account, "stored": used, "entries": sums.get(account, 0)})
    problems += returned_problems(session)
    total = sum(sums.values())
    return {
        "ok": not problems and total == 0,
        "accounts": len(sums),
        "lists": lists,
        "quotas": quotas,
        "sum_of_all_entries": total,
        "problems": problems,
    }


def returned_problems(session: Session) -> list[dict[str, Any]]:
    """Each line's stored returned quantity must equal the units of its approved returns: the
    counter is what later returns are checked against, so drift would allow over-returns."""
    approved: dict[tuple[str, int], int] = {}
    query = select(ReturnDeclaration.list_id, ReturnDeclaration.lines).where(
        ReturnDeclaration.status == "approved"
    )
    for list_id, lines in session.execute(query):
        for line in lines:
            key = (str(list_id), int(line["line_no"]))
            approved[key] = approved.get(key, 0) + int(line["quantity"])
    problems: list[dict[str, Any]] = []
    rows = select(ListLine.list_id, ListLine.line_no, ListLine.returned_qty)
    for list_id, line_no, returned in session.execute(rows):
        expected = approved.get((str(list_id), int(line_no)), 0)
        if expected != returned:
            problems.append({"line": f"{list_id}:{line_no}", "stored": int(returned),
                             "approved_returns": expected})  # fmt: skip
    return problems
