"""Every p08 query, scoped: an enterprise sees its own lists and returns, customs officers all,
other agencies none; another organization's record answers 404 like a missing one. `lock=True`
takes a row lock (SELECT … FOR UPDATE on PostgreSQL; SQLite's BEGIN IMMEDIATE already queues
writers) so concurrent returns and approvals of one list run one after another."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from ftz.core.auth import scoping
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import not_found
from ftz.practices.cbec_returns.models import DeclarationList, ListLine, ReturnDeclaration
from ftz.practices.cbec_returns.permissions import DEPARTMENTS


def scoped(query: Select[Any], model: Any, principal: Principal) -> Select[Any]:
    return scoping.scoped(query, model, principal, DEPARTMENTS)


def _one(session: Session, query: Select[Any], what: str, lock: bool) -> Any:
    found = session.scalar(query.with_for_update() if lock else query)
    if found is None:
        raise not_found(what)
    return found


def list_by_number(
    session: Session, principal: Principal, number: str, *, lock: bool = False
) -> DeclarationList:
    query = select(DeclarationList).where(DeclarationList.number == number)
    return _one(session, scoped(query, DeclarationList, principal), "list", lock)  # type: ignore[no-any-return]


def get_list(session: Session, principal: Principal, list_id: str) -> DeclarationList:
    query = select(DeclarationList).where(DeclarationList.id == list_id)
    return _one(session, scoped(query, DeclarationList, principal), "list", False)  # type: ignore[no-any-return]


def list_by_id(session: Session, list_id: str, *, lock: bool = False) -> DeclarationList:
    query = select(DeclarationList).where(DeclarationList.id == list_id)
    return _one(session, query, "list", lock)  # type: ignore[no-any-return]


def lines(session: Session, list_id: str, *, lock: bool = False) -> list[ListLine]:
    query = select(ListLine).where(ListLine.list_id == list_id).order_by(ListLine.line_no)
    return list(session.scalars(query.with_for_update() if lock else query))


def get_return(
    session: Session, principal: Principal, return_id: str, *, lock: bool = False
) -> ReturnDeclaration:
    query = select(ReturnDeclaration).where(ReturnDeclaration.id == return_id)
    return _one(session, scoped(query, ReturnDeclaration, principal), "return", lock)  # type: ignore[no-any-return]


def lists(session: Session, principal: Principal, limit: int = 100) -> list[DeclarationList]:
    query = scoped(select(DeclarationList), DeclarationList, principal)
    return list(session.scalars(query.order_by(DeclarationList.created_at.desc()).limit(limit)))


def returns(
    session: Session, principal: Principal, status: str | None = None, limit: int = 100
) -> list[ReturnDeclaration]:
    query = scoped(select(ReturnDeclaration), ReturnDeclaration, principal)
    if status:
        query = query.where(ReturnDeclaration.status == status)
    query = query.order_by(ReturnDeclaration.created_at, ReturnDeclaration.id).limit(limit)
    return list(session.scalars(query))


def statistics(session: Session, principal: Principal) -> list[dict[str, Any]]:
    """Approved returns by receiving customs and month: tickets (退货单) and items (件)."""
    table = scoped(select(ReturnDeclaration), ReturnDeclaration, principal).subquery()
    rows = session.execute(
        select(table.c.customs_code, table.c.month, func.count(), func.sum(table.c["items"]))
        .where(table.c.status == "approved")
        .group_by(table.c.customs_code, table.c.month)
        .order_by(table.c.month, table.c.customs_code)
    ).all()
    return [
        {"customs_code": c, "month": m, "tickets": int(n), "items": int(i or 0)}
        for c, m, n, i in rows
    ]
