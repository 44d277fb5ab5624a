"""Every p13 query. Shippers see their own organization's declarations; maritime officers see
all; other agencies none. Another organization's record answers 404."""

from __future__ import annotations

from typing import Any, TypeVar, cast

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from ftz.core.auth import scoping
from ftz.core.auth.models import Organization
from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import Page, PageParams, paginate_query
from ftz.practices.nev_containers.models import Declaration, Inspection, Vehicle
from ftz.practices.nev_containers.permissions import DEPARTMENTS

Owned = TypeVar("Owned", Declaration, Inspection, Vehicle)
EXPORT_LIMIT = 50_000


def scoped(query: Select[Any], model: type[Owned], principal: Principal) -> Select[Any]:
    return scoping.scoped(query, model, principal, DEPARTMENTS)


def get_declaration(
    session: Session, principal: Principal, id_: str, *, lock: bool = False
) -> Declaration:
    return scoping.get_owned(
        session, principal, Declaration, id_, DEPARTMENTS, what="declaration", lock=lock
    )


def search(text: str) -> Any:
    """`text` in the number, batch, container, a vehicle's VIN or the shipper's name."""
    like = f"%{text.strip()}%"
    orgs = select(Organization.id).where(
        or_(Organization.name_zh.like(like), Organization.name_en.like(like))
    )
    vins = select(Vehicle.declaration_id).where(Vehicle.vin.like(like.upper()))
    return or_(
        Declaration.number.like(like),
        Declaration.batch_no.like(like),
        Declaration.container_no.like(like.upper()),
        Declaration.id.in_(vins),
        Declaration.org_id.in_(orgs),
    )


def _ordered(principal: Principal, filters: tuple[Any, ...]) -> Select[Any]:
    query = scoped(select(Declaration), Declaration, principal).where(*filters)
    return query.order_by(Declaration.created_at.desc(), Declaration.id.desc())


def page(
    session: Session, principal: Principal, params: PageParams, *filters: Any
) -> Page[Declaration]:
    return paginate_query(session, _ordered(principal, filters), params)


def export_rows(session: Session, principal: Principal, *filters: Any) -> list[Declaration]:
    return list(session.scalars(_ordered(principal, filters).limit(EXPORT_LIMIT)))


def inspections(session: Session, declaration_id: str) -> list[Inspection]:
    query = select(Inspection).where(Inspection.declaration_id == declaration_id)
    return list(session.scalars(query.order_by(Inspection.created_at, Inspection.id)))


def vin_in_open_declaration(session: Session, vins: list[str], other_than: str | None) -> list[str]:
    """VINs already declared in a box that has not been withdrawn (a car travels in one box)."""
    query = (
        select(Vehicle.vin)
        .join(Declaration, Declaration.id == Vehicle.declaration_id)
        .where(Vehicle.vin.in_(vins), Declaration.status != "withdrawn")
    )
    if other_than is not None:
        query = query.where(Declaration.id != other_than)
    return sorted(set(session.scalars(query)))


def next_number(session: Session, year: int) -> str:
    prefix = f"NEV-{year}-"
    count = session.scalar(
        select(func.count()).select_from(Declaration).where(Declaration.number.like(f"{prefix}%"))
    )
    return f"{prefix}{int(count or 0) + 1:05d}"


def counts(session: Session, principal: Principal, column: Any) -> dict[str, int]:
    query = scoped(select(column, func.count()), Declaration, principal).group_by(column)
    return {str(key): int(n) for key, n in session.execute(query)}


def vehicle_counts(session: Session, principal: Principal) -> dict[str, int]:
    """Vehicles by UN number, in boxes that have not been withdrawn."""
    query = cast(
        Select[Any],
        select(Vehicle.un_number, func.count())
        .join(Declaration, Declaration.id == Vehicle.declaration_id)
        .where(Declaration.status != "withdrawn")
        .group_by(Vehicle.un_number),
    )
    rows = session.execute(scoped(query, Vehicle, principal)).all()
    return {str(row[0]): int(row[1]) for row in rows}


def org_names(session: Session, org_ids: set[str]) -> dict[str, Organization]:
    if not org_ids:
        return {}
    query = select(Organization).where(Organization.id.in_(org_ids))
    return {org.id: org for org in session.scalars(query)}
