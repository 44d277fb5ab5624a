"""Every p03 query. Enterprises see their own organization's records; customs and ecology
officers see all; other agencies none. Another organization's record answers 404."""

from __future__ import annotations

from typing import Any, TypeVar, cast

from sqlalchemy import Select, false, func, select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal, visibility
from ftz.core.kit.errors import not_found
from ftz.practices.bonded_repair.models import Admission, Batch, Waste
from ftz.practices.bonded_repair.permissions import DEPARTMENTS

Owned = TypeVar("Owned", Admission, Batch, Waste)
LIMIT = 200


def scoped(query: Select[Any], model: type[Owned], principal: Principal) -> Select[Any]:
    seen = visibility(principal, DEPARTMENTS)
    if seen == "own":
        return query.where(model.org_id == principal.org_id)
    return query if seen == "all" else query.where(false())


def get_owned(session: Session, principal: Principal, model: type[Owned], id_: str) -> Owned:
    found = session.scalar(scoped(select(model).where(model.id == id_), model, principal))
    if found is None:
        raise not_found(model.__tablename__.removeprefix("bonded_repair_"))
    return found  # type: ignore[no-any-return]


def listing(
    session: Session, principal: Principal, model: type[Owned], *filters: Any
) -> list[Owned]:
    query = scoped(select(model), model, principal).where(*filters)
    ordered = query.order_by(model.created_at.desc(), model.id.desc()).limit(LIMIT)
    return list(session.scalars(ordered))


def admission_of(session: Session, org_id: str, *statuses: str) -> Admission | None:
    query = select(Admission).where(Admission.org_id == org_id, Admission.status.in_(statuses))
    return session.scalar(query.order_by(Admission.created_at.desc()).limit(1))


def open_batches(session: Session, org_id: str) -> int:
    query = select(func.count()).where(
        Batch.org_id == org_id, Batch.status.in_(("open", "flagged"))
    )
    return int(session.scalar(query) or 0)


def counts(
    session: Session, principal: Principal, model: type[Owned], column: Any
) -> dict[str, int]:
    query = scoped(select(column, func.count()), model, principal).group_by(column)
    return {str(key): int(n) for key, n in session.execute(query)}


def waste_totals(session: Session, principal: Principal) -> list[tuple[int, str, str, Any]]:
    totals = select(Waste.year, Waste.category, Waste.method, func.sum(Waste.tonnes))
    query = scoped(cast(Select[Any], totals), Waste, principal).group_by(
        Waste.year, Waste.category, Waste.method
    )
    return [
        (int(y), str(c), str(m), t) for y, c, m, t in session.execute(query.order_by(Waste.year))
    ]
