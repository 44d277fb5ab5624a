"""Every p10 query: an enterprise sees its own requests, customs officers all, other agencies none;
another organization's request answers 404 like a missing one."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from ftz.core.auth import scoping
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import not_found
from ftz.core.kit.pagination import Page, PageParams, paginate_query
from ftz.practices.clearance_menu.models import MenuRecord
from ftz.practices.clearance_menu.permissions import DEPARTMENTS


def scoped(query: Select[Any], principal: Principal) -> Select[Any]:
    return scoping.scoped(query, MenuRecord, principal, DEPARTMENTS)


def get(session: Session, principal: Principal, record_id: str) -> MenuRecord:
    found = session.scalar(scoped(select(MenuRecord).where(MenuRecord.id == record_id), principal))
    if found is None:
        raise not_found("request")
    return found  # type: ignore[no-any-return]


def _filtered(
    principal: Principal,
    direction: str | None,
    transport: str | None,
    combination: str | None,
    text: str | None,
) -> Select[Any]:
    query = scoped(select(MenuRecord), principal)
    if direction:
        query = query.where(MenuRecord.direction == direction)
    if transport:
        query = query.where(MenuRecord.transport == transport)
    if combination:
        query = query.where(MenuRecord.chosen_code == combination)
    if text:
        like = f"%{text}%"
        query = query.where(
            MenuRecord.hs_code.like(like)
            | MenuRecord.port.like(like)
            | MenuRecord.pickup_place.like(like)
        )
    return query.order_by(MenuRecord.created_at.desc(), MenuRecord.id.desc())


def search(
    session: Session,
    principal: Principal,
    params: PageParams,
    *,
    direction: str | None = None,
    transport: str | None = None,
    combination: str | None = None,
    text: str | None = None,
) -> Page[MenuRecord]:
    query = _filtered(principal, direction, transport, combination, text)
    return paginate_query(session, query, params)


EXPORT_LIMIT = 50_000


def export_rows(session: Session, principal: Principal, **filters: str | None) -> list[MenuRecord]:
    query = _filtered(
        principal,
        filters.get("direction"),
        filters.get("transport"),
        filters.get("combination"),
        filters.get("text"),
    )
    return list(session.scalars(query.limit(EXPORT_LIMIT)))


def counts(session: Session, principal: Principal) -> dict[str, Any]:
    """Choices by combination, direction, transport and month (chosen requests only), plus how
    often the enterprise took the first recommendation."""
    chosen = scoped(select(MenuRecord), principal).where(MenuRecord.chosen_code.is_not(None))
    table = chosen.subquery()
    everything = scoped(select(MenuRecord), principal).subquery()

    def grouped(column: Any) -> dict[str, int]:
        rows = session.execute(select(column, func.count()).group_by(column)).all()
        return {str(key): int(count) for key, count in rows}

    followed = session.scalar(
        select(func.count()).where(table.c.chosen_code == table.c.recommended_code)
    )
    return {
        "requests": int(session.scalar(select(func.count()).select_from(everything)) or 0),
        "choices": int(session.scalar(select(func.count()).select_from(table)) or 0),
        "followed_recommendation": int(followed or 0),
        "by_combination": grouped(table.c.chosen_code),
        "by_direction": grouped(table.c.direction),
        "by_transport": grouped(table.c.transport),
        "by_month": dict(sorted(grouped(table.c.month).items())),
        "recommended": grouped(everything.c.recommended_code),
    }
