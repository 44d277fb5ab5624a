"""Every p03 query. Enterprises see their own organization's records; customs and ecology
officers see all; other agencies none. Another organization's record answers 404."""

from __future__ import annotations

from typing import Any, TypeVar, cast

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from ftz.core.auth import scoping
from ftz.core.auth.models import Organization
from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import Page, PageParams, paginate_query
from ftz.practices.bonded_repair.models import Admission, Batch, Waste
from ftz.practices.bonded_repair.permissions import DEPARTMENTS

Owned = TypeVar("Owned", Admission, Batch, Waste)
LIMIT = 200
EXPORT_LIMIT = 50_000
# A batch still in the enterprise's or the officer's hands: the exit waits for these.
UNFINISHED = ("open", "flagged", "correcting")


def scoped(query: Select[Any], model: type[Owned], principal: Principal) -> Select[Any]:
    return scoping.scoped(query, model, principal, DEPARTMENTS)


def get_owned(session: Session, principal: Principal, model: type[Owned], id_: str) -> Owned:
    what = model.__tablename__.removeprefix("bonded_repair_")
    return scoping.get_owned(session, principal, model, id_, DEPARTMENTS, what=what)


def _ordered(principal: Principal, model: type[Owned], filters: tuple[Any, ...]) -> Select[Any]:
    query = scoped(select(model), model, principal).where(*filters)
    return query.order_by(model.created_at.desc(), model.id.desc())


def listing(
    session: Session, principal: Principal, model: type[Owned], *filters: Any
) -> list[Owned]:
    return list(session.scalars(_ordered(principal, model, filters).limit(LIMIT)))


def page(
    session: Session, principal: Principal, model: type[Owned], params: PageParams, *filters: Any
) -> Page[Owned]:
    return paginate_query(session, _ordered(principal, model, filters), params)


def export_rows(
    session: Session, principal: Principal, model: type[Owned], *filters: Any
) -> list[Owned]:
    return list(session.scalars(_ordered(principal, model, filters).limit(EXPORT_LIMIT)))


def text_filter(model: type[Owned], text: str, *columns: Any) -> Any:
    """`text` in any of `columns` or in the owning enterprise's name (officers search by it)."""
    like = f"%{text}%"
    orgs = select(Organization.id).where(
        or_(Organization.name_zh.like(like), Organization.name_en.like(like))
    )
    return or_(*(c.like(like) for c in columns), model.org_id.in_(orgs))


def org_names(session: Session, org_ids: set[str]) -> dict[str, Organization]:
    if not org_ids:
        return {}
    query = select(Organization).where(Organization.id.in_(org_ids))
    return {org.id: org for org in session.scalars(query)}


def admission_of(session: Session, org_id: str, *statuses: str) -> Admission | None:
    query = select(Admission).where(Admission.org_id == org_id, Admission.status.in_(statuses))
    return session.scalar(query.order_by(Admission.created_at.desc()).limit(1))


def latest_admission(session: Session, principal: Principal) -> Admission | None:
    """The enterprise's most recent application, whatever its state (for its own dashboard)."""
    if principal.org_id is None:
        return None
    query = select(Admission).where(Admission.org_id == principal.org_id)
    return session.scalar(query.order_by(Admission.created_at.desc()).limit(1))


def unfinished_batches(session: Session, org_id: str) -> list[Batch]:
    query = select(Batch).where(Batch.org_id == org_id, Batch.status.in_(UNFINISHED))
    return list(session.scalars(query.order_by(Batch.number)))


def counts(
    session: Session, principal: Principal, model: type[Owned], column: Any
) -> dict[str, int]:
    query = scoped(select(column, func.count()), model, principal).group_by(column)
    return {str(key): int(n) for key, n in session.execute(query)}


def waste_totals(
    session: Session, principal: Principal, *filters: Any
) -> list[tuple[int, str, str, Any]]:
    totals = select(Waste.year, Waste.category, Waste.method, func.sum(Waste.tonnes))
    query = (
        scoped(cast(Select[Any], totals), Waste, principal)
        .where(*filters)
        .group_by(Waste.year, Waste.category, Waste.method)
    )
    return [
        (int(y), str(c), str(m), t) for y, c, m, t in session.execute(query.order_by(Waste.year))
    ]
