"""The unit's pool of surplus horizontal-research funds (横向科研结余经费“资金池”) as
double-entry transactions in fen. Accounts:
- `pool:<org>`: the cash in the pool;
- `project:<id>`: a closed, accepted project's surplus contributed (rules/pool_contribution.json);
- `investment:<transfer>`: cash invested beside the technology in an equity transfer
  ("技术入股+现金入股"), under the unit's decision of that transfer;
- `return:<transfer>`: dividends or exit proceeds of that investment flowing back.
The legs of a transaction sum to zero; the pool's balance is the sum of its legs and never
negative: the pool row is locked for the whole movement and a CHECK constraint backs it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import conflict, validation_error
from ftz.practices.tech_transfer import repository
from ftz.practices.tech_transfer.common import (
    Viewer,
    anchor,
    fen,
    fired,
    office_org,
    rules,
    today,
    viewer_for,
    yuan,
)
from ftz.practices.tech_transfer.models import Pool, PoolEntry, PoolTxn, Project, Transfer
from ftz.practices.tech_transfer.schemas_more import (
    ContributionIn,
    MovementIn,
    ProjectCloseIn,
    ProjectIn,
)

INVESTABLE = ("decided", "contracted")


def locked_pool(session: Session, org_id: str) -> Pool:
    pool = repository.pool_of(session, org_id, lock=True)
    if pool is None:
        pool = Pool(org_id=org_id, balance_fen=0)
        session.add(pool)
        session.flush()
        pool = repository.pool_of(session, org_id, lock=True)
    assert pool is not None
    return pool


def _post(
    session: Session,
    pool: Pool,
    kind: str,
    legs: list[tuple[str, int]],
    *,
    amount: int,
    booked_on: Any,
    memo: str,
    why: list[dict[str, Any]],
    **refs: str | None,
) -> PoolTxn:
    if sum(n for _, n in legs) != 0:
        raise ValueError(f"unbalanced {kind}")
    delta = sum(n for account, n in legs if account == f"pool:{pool.org_id}")
    if pool.balance_fen + delta < 0:
        raise conflict(
            f"the pool holds {yuan(pool.balance_fen)} CNY; {yuan(-delta)} CNY cannot be taken out"
        )
    pool.balance_fen += delta
    txn = PoolTxn(
        org_id=pool.org_id,
        kind=kind,
        amount_fen=amount,
        booked_on=booked_on or today(),
        memo=memo,
        balance_after_fen=pool.balance_fen,
        why=why,
        **refs,
    )
    session.add(txn)
    session.flush()
    session.add_all(PoolEntry(txn_id=txn.id, account=a, amount_fen=n) for a, n in legs)
    txn.ledger_sha256 = anchor(
        session,
        {
            "type": f"tech-transfer.pool.{kind}",
            "txn": txn.id,
            "org": pool.org_id,
            "legs": [[a, n] for a, n in legs],
            "balance_after_fen": pool.balance_fen,
        },
        f"tech_transfer_pool_txn:{txn.id}",
    )
    session.flush()
    return txn


def create_project(session: Session, *, principal: Principal, data: ProjectIn) -> Project:
    viewer = viewer_for(session, principal)
    org_id = office_org(viewer)
    if data.lead_id and not repository.researchers_by_id(session, org_id, {data.lead_id}):
        raise validation_error("lead_id", "no such researcher in this unit")
    taken = session.scalar(
        select(Project.id).where(Project.org_id == org_id, Project.code == data.code)
    )
    if taken is not None:
        raise conflict(f"project {data.code} is already recorded")
    project = Project(
        org_id=org_id,
        code=data.code,
        title=data.title,
        sponsor=data.sponsor,
        lead_id=data.lead_id,
        contract_fen=fen(data.contract),
        spent_fen=0,
        status="open",
        accepted=False,
        surplus_fen=0,
        contributed_fen=0,
    )
    session.add(project)
    session.flush()
    return project


def close_project(
    session: Session, *, principal: Principal, project_id: str, data: ProjectCloseIn
) -> Project:
    viewer = viewer_for(session, principal)
    project = repository.get_for_office(session, viewer, Project, project_id, "project", lock=True)
    if project.status != "open":
        raise conflict("the project is already closed")
    spent = fen(data.spent)
    if spent > project.contract_fen:
        raise validation_error("spent", "more spent than the contract brought in")
    if data.closed_on > today():
        raise validation_error("closed_on", "a project cannot be closed in the future")
    project.spent_fen, project.closed_on, project.accepted = spent, data.closed_on, data.accepted
    project.surplus_fen = project.contract_fen - spent
    project.status = "closed"
    session.flush()
    return project


def contribute(session: Session, *, principal: Principal, data: ContributionIn) -> PoolTxn:
    viewer = viewer_for(session, principal)
    org_id = office_org(viewer)
    project = repository.get_for_office(
        session, viewer, Project, data.project_id, "project", lock=True
    )
    amount = fen(data.amount)
    available = project.surplus_fen - project.contributed_fen
    decision = rules().evaluate(
        "pool_contribution.json",
        {
            "project_status": project.status,
            "accepted": project.accepted,
            "excess_fen": amount - available,
        },
    )
    if not decision.result["allowed"]:
        where = "amount" if decision.fired[0].row_id == "PC-EXCEEDS" else "project_id"
        reason = f"{decision.result['reason_zh']} / {decision.result['reason_en']}"
        raise validation_error(where, f"{reason} ({yuan(available)} CNY left)")
    pool = locked_pool(session, org_id)
    project.contributed_fen += amount
    legs = [(f"pool:{org_id}", amount), (f"project:{project.id}", -amount)]
    return _post(
        session,
        pool,
        "contribution",
        legs,
        amount=amount,
        booked_on=data.booked_on,
        memo=data.memo or project.code,
        why=fired(decision),
        project_id=project.id,
    )


def _equity_transfer(session: Session, viewer: Viewer, transfer_id: str) -> Transfer:
    transfer = repository.get_for_office(session, viewer, Transfer, transfer_id, "transfer")
    if transfer.mode != "equity" or transfer.status not in INVESTABLE:
        raise conflict("cash goes only beside a decided equity investment (作价入股)")
    return transfer


def invest(session: Session, *, principal: Principal, data: MovementIn) -> PoolTxn:
    viewer = viewer_for(session, principal)
    org_id = office_org(viewer)
    transfer = _equity_transfer(session, viewer, data.transfer_id)
    decision = rules().evaluate("disposal_authority.json", {"mode": "cash_investment"})
    amount = fen(data.amount)
    pool = locked_pool(session, org_id)
    legs = [(f"pool:{org_id}", -amount), (f"investment:{transfer.id}", amount)]
    return _post(
        session,
        pool,
        "investment",
        legs,
        amount=amount,
        booked_on=data.booked_on,
        memo=data.memo or transfer.counterparty,
        why=fired(decision),
        transfer_id=transfer.id,
    )


def give_back(session: Session, *, principal: Principal, data: MovementIn) -> PoolTxn:
    """Dividends or exit proceeds of a cash investment, back into the pool."""
    viewer = viewer_for(session, principal)
    org_id = office_org(viewer)
    transfer = _equity_transfer(session, viewer, data.transfer_id)
    if balance(session, f"investment:{transfer.id}") <= 0:
        raise conflict("the pool invested no cash in this transfer")
    amount = fen(data.amount)
    pool = locked_pool(session, org_id)
    legs = [(f"pool:{org_id}", amount), (f"return:{transfer.id}", -amount)]
    return _post(
        session,
        pool,
        "return",
        legs,
        amount=amount,
        booked_on=data.booked_on,
        memo=data.memo or transfer.counterparty,
        why=[],
        transfer_id=transfer.id,
    )


def balance(session: Session, account: str) -> int:
    total = session.scalar(
        select(func.sum(PoolEntry.amount_fen)).where(PoolEntry.account == account)
    )
    return int(total or 0)


def reconcile(session: Session, *, principal: Principal) -> dict[str, Any]:
    """Stored balances against the sums of their legs; every transaction balanced."""
    viewer = viewer_for(session, principal)
    pools = repository.rows(session, viewer, Pool)
    txns = select(PoolTxn.id).where(PoolTxn.org_id.in_([p.org_id for p in pools]))
    sums = {
        str(a): int(n)
        for a, n in session.execute(
            select(PoolEntry.account, func.sum(PoolEntry.amount_fen))
            .where(PoolEntry.txn_id.in_(txns))
            .group_by(PoolEntry.account)
        )
    }
    problems: list[dict[str, Any]] = [
        {"txn": str(t), "problem": "unbalanced"}
        for t, n in session.execute(
            select(PoolEntry.txn_id, func.sum(PoolEntry.amount_fen))
            .where(PoolEntry.txn_id.in_(txns))
            .group_by(PoolEntry.txn_id)
        )
        if int(n) != 0
    ]
    for pool in pools:
        entries = sums.get(f"pool:{pool.org_id}", 0)
        if entries != pool.balance_fen or pool.balance_fen < 0:
            problems.append(
                {"account": f"pool:{pool.org_id}", "stored": pool.balance_fen, "entries": entries}
            )
    projects = select(Project).where(Project.org_id.in_([p.org_id for p in pools]))
    for project in session.scalars(projects):
        entries = -sums.get(f"project:{project.id}", 0)
        if entries != project.contributed_fen or entries > project.surplus_fen:
            problems.append(
                {
                    "account": f"project:{project.id}",
                    "stored": project.contributed_fen,
                    "entries": entries,
                }
            )
    return {"ok": not problems, "pools": len(pools), "accounts": len(sums), "problems": problems}
