"""Every p22 query. Enterprises see their own organization's declarations, lines, violations
and credit; customs and railway officers see all; other agencies none. Another organization's
record answers 404, like a missing one."""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeVar, cast

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from ftz.core.auth import scoping
from ftz.core.auth.models import Organization
from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import Page, PageParams, paginate_query
from ftz.practices.cbec_key_items.models import (
    KeyItemCredit,
    KeyItemDeclaration,
    KeyItemLine,
    KeyItemListVersion,
    KeyItemViolation,
)
from ftz.practices.cbec_key_items.permissions import DEPARTMENTS

Owned = TypeVar("Owned", KeyItemDeclaration, KeyItemLine, KeyItemViolation, KeyItemCredit)
EXPORT_LIMIT = 50_000


def scoped(query: Any, model: type[Owned], principal: Principal) -> Select[Any]:
    return scoping.scoped(cast(Select[Any], query), model, principal, DEPARTMENTS)


def get_declaration(
    session: Session, principal: Principal, id_: str, *, lock: bool = False
) -> KeyItemDeclaration:
    return scoping.get_owned(
        session, principal, KeyItemDeclaration, id_, DEPARTMENTS, what="declaration", lock=lock
    )


def get_line(
    session: Session, principal: Principal, id_: str, *, lock: bool = False
) -> KeyItemLine:
    return scoping.get_owned(
        session, principal, KeyItemLine, id_, DEPARTMENTS, what="line", lock=lock
    )


def search(text: str) -> Any:
    """`text` in the number, entry number, e-commerce code, container or declarant's name."""
    like = f"%{text.strip()}%"
    orgs = select(Organization.id).where(
        or_(Organization.name_zh.like(like), Organization.name_en.like(like))
    )
    return or_(
        KeyItemDeclaration.number.like(like),
        KeyItemDeclaration.entry_no.like(like.upper()),
        KeyItemDeclaration.ecommerce_code.like(like.upper()),
        KeyItemDeclaration.container_no.like(like.upper()),
        KeyItemDeclaration.org_id.in_(orgs),
    )


def _ordered(principal: Principal, filters: tuple[Any, ...]) -> Select[Any]:
    query = scoped(select(KeyItemDeclaration), KeyItemDeclaration, principal).where(*filters)
    return query.order_by(KeyItemDeclaration.created_at.desc(), KeyItemDeclaration.id.desc())


def page(
    session: Session, principal: Principal, params: PageParams, *filters: Any
) -> Page[KeyItemDeclaration]:
    return paginate_query(session, _ordered(principal, filters), params)


def export_rows(session: Session, principal: Principal, *filters: Any) -> list[KeyItemDeclaration]:
    return list(session.scalars(_ordered(principal, filters).limit(EXPORT_LIMIT)))


def next_number(session: Session, month: str) -> str:
    prefix = f"KI-{month.replace('-', '')}-"
    count = session.scalar(
        select(func.count())
        .select_from(KeyItemDeclaration)
        .where(KeyItemDeclaration.number.like(f"{prefix}%"))
    )
    return f"{prefix}{int(count or 0) + 1:05d}"


def latest_version(session: Session) -> KeyItemListVersion | None:
    query = select(KeyItemListVersion).order_by(KeyItemListVersion.version.desc()).limit(1)
    return session.scalar(query)


def versions(session: Session) -> list[KeyItemListVersion]:
    query = select(KeyItemListVersion).order_by(KeyItemListVersion.version.desc())
    return list(session.scalars(query))


def version(session: Session, number: int) -> KeyItemListVersion | None:
    query = select(KeyItemListVersion).where(KeyItemListVersion.version == number)
    return session.scalar(query)


def credit(session: Session, org_id: str, *, lock: bool = False) -> KeyItemCredit | None:
    query = select(KeyItemCredit).where(KeyItemCredit.org_id == org_id)
    return session.scalar(query.with_for_update() if lock else query)


def credits(session: Session, principal: Principal) -> list[KeyItemCredit]:
    query = scoped(select(KeyItemCredit), KeyItemCredit, principal)
    return list(session.scalars(query.order_by(KeyItemCredit.updated_at.desc())))


def violations_since(session: Session, org_id: str, since: datetime) -> int:
    query = select(func.count(KeyItemViolation.id)).where(
        KeyItemViolation.org_id == org_id, KeyItemViolation.created_at >= since
    )
    return int(session.scalar(query) or 0)


def violations(session: Session, principal: Principal, *filters: Any) -> list[KeyItemViolation]:
    query = scoped(select(KeyItemViolation), KeyItemViolation, principal).where(*filters)
    return list(session.scalars(query.order_by(KeyItemViolation.created_at)))


def line_statuses(session: Session, declaration_id: str) -> dict[str, int]:
    query = (
        select(KeyItemLine.status, func.count())
        .where(KeyItemLine.declaration_id == declaration_id)
        .group_by(KeyItemLine.status)
    )
    return {str(s): int(n) for s, n in session.execute(query)}


def counts(session: Session, principal: Principal, column: Any, *filters: Any) -> dict[str, int]:
    query = scoped(select(column, func.count()), KeyItemDeclaration, principal)
    query = query.where(*filters).group_by(column)
    return {str(key): int(n) for key, n in session.execute(query)}


def line_counts(session: Session, principal: Principal, *filters: Any) -> dict[str, int]:
    """Lines by status, of the declarations matching `filters`."""
    query = (
        select(KeyItemLine.status, func.count())
        .join(KeyItemDeclaration, KeyItemDeclaration.id == KeyItemLine.declaration_id)
        .where(*filters)
        .group_by(KeyItemLine.status)
    )
    rows = session.execute(scoped(query, KeyItemLine, principal)).all()
    return {str(row[0]): int(row[1]) for row in rows}


def hit_lines(session: Session, principal: Principal, *filters: Any) -> list[KeyItemLine]:
    """Lines that went to inspection, of the declarations matching `filters`."""
    query = (
        select(KeyItemLine)
        .join(KeyItemDeclaration, KeyItemDeclaration.id == KeyItemLine.declaration_id)
        .where(KeyItemLine.status != "passed", *filters)
    )
    return list(session.scalars(scoped(query, KeyItemLine, principal).limit(EXPORT_LIMIT)))


def containers(session: Session, principal: Principal, *filters: Any) -> int:
    query = scoped(
        select(func.count(func.distinct(KeyItemDeclaration.container_no))),
        KeyItemDeclaration,
        principal,
    ).where(KeyItemDeclaration.container_no != "", *filters)
    return int(session.scalar(query) or 0)


def org_names(session: Session, org_ids: set[str]) -> dict[str, Organization]:
    if not org_ids:
        return {}
    query = select(Organization).where(Organization.id.in_(org_ids))
    return {org.id: org for org in session.scalars(query)}


def totals_by_org(session: Session, principal: Principal, *filters: Any) -> dict[str, list[int]]:
    """Per declarant: [declarations, lines, lines that hit] of the declarations matching."""
    query = scoped(
        select(
            KeyItemDeclaration.org_id,
            func.count(KeyItemDeclaration.id),
            func.sum(KeyItemDeclaration.line_count),
            func.sum(KeyItemDeclaration.hit_count),
        ),
        KeyItemDeclaration,
        principal,
    ).where(*filters)
    rows = session.execute(query.group_by(KeyItemDeclaration.org_id)).all()
    return {str(r[0]): [int(r[1]), int(r[2] or 0), int(r[3] or 0)] for r in rows}


def line_status_by_org(
    session: Session, principal: Principal, *filters: Any
) -> dict[tuple[str, str], int]:
    query = (
        select(KeyItemLine.org_id, KeyItemLine.status, func.count())
        .join(KeyItemDeclaration, KeyItemDeclaration.id == KeyItemLine.declaration_id)
        .where(KeyItemLine.status != "passed", *filters)
        .group_by(KeyItemLine.org_id, KeyItemLine.status)
    )
    rows = session.execute(scoped(query, KeyItemLine, principal)).all()
    return {(str(r[0]), str(r[1])): int(r[2]) for r in rows}
