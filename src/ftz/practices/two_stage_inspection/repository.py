"""Every p20 query. Enterprises see their own organization's applications, goods and the
instructions that hit their goods; customs officers see all; other agencies none. Another
organization's record answers 404."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from ftz.core.auth import scoping
from ftz.core.auth.models import Organization
from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import Page, PageParams, paginate_query
from ftz.practices.two_stage_inspection.models import TsiCheck, TsiGood, TsiInstruction, TsiPilot
from ftz.practices.two_stage_inspection.permissions import DEPARTMENTS

Owned = TypeVar("Owned", TsiPilot, TsiGood, TsiInstruction, TsiCheck)
EXPORT_LIMIT = 50_000


def scoped(query: Select[Any], model: type[Owned], principal: Principal) -> Select[Any]:
    return scoping.scoped(query, model, principal, DEPARTMENTS)


def get_pilot(session: Session, principal: Principal, id_: str, *, lock: bool = False) -> TsiPilot:
    return scoping.get_owned(
        session, principal, TsiPilot, id_, DEPARTMENTS, what="pilot application", lock=lock
    )


def get_instruction(
    session: Session, principal: Principal, id_: str, *, lock: bool = False
) -> TsiInstruction:
    return scoping.get_owned(
        session, principal, TsiInstruction, id_, DEPARTMENTS, what="instruction", lock=lock
    )


def _orgs_like(like: str) -> Any:
    return select(Organization.id).where(
        or_(Organization.name_zh.like(like), Organization.name_en.like(like),
            Organization.code.like(like))
    )  # fmt: skip


def pilot_search(text: str) -> Any:
    """`text` in the number, contact, a filed good's name or HS code, or the enterprise."""
    like = f"%{text.strip()}%"
    goods = select(TsiGood.pilot_id).where(or_(TsiGood.name.like(like), TsiGood.hs_code.like(like)))
    return or_(
        TsiPilot.number.like(like),
        TsiPilot.contact.like(like),
        TsiPilot.id.in_(goods),
        TsiPilot.org_id.in_(_orgs_like(like)),
    )


def instruction_search(text: str) -> Any:
    like = f"%{text.strip()}%"
    return or_(
        TsiInstruction.number.like(like),
        TsiInstruction.entry_no.like(like),
        TsiInstruction.goods_name.like(like),
        TsiInstruction.hs_code.like(like),
        TsiInstruction.org_id.in_(_orgs_like(like)),
    )


def _ordered(model: Any, principal: Principal, filters: tuple[Any, ...]) -> Select[Any]:
    query = scoped(select(model), model, principal).where(*filters)
    return query.order_by(model.created_at.desc(), model.id.desc())


def pilot_page(
    session: Session, principal: Principal, params: PageParams, *filters: Any
) -> Page[TsiPilot]:
    return paginate_query(session, _ordered(TsiPilot, principal, filters), params)


def instruction_page(
    session: Session, principal: Principal, params: PageParams, *filters: Any
) -> Page[TsiInstruction]:
    return paginate_query(session, _ordered(TsiInstruction, principal, filters), params)


def export_pilots(session: Session, principal: Principal, *filters: Any) -> list[TsiPilot]:
    query = _ordered(TsiPilot, principal, filters).limit(EXPORT_LIMIT)
    return list(session.scalars(query))


def export_instructions(
    session: Session, principal: Principal, *filters: Any
) -> list[TsiInstruction]:
    query = _ordered(TsiInstruction, principal, filters).limit(EXPORT_LIMIT)
    return list(session.scalars(query))


def checks(session: Session, instruction_id: str) -> list[TsiCheck]:
    query = select(TsiCheck).where(TsiCheck.instruction_id == instruction_id)
    return list(session.scalars(query.order_by(TsiCheck.created_at, TsiCheck.id)))


def instructions_of_pilot(session: Session, pilot_id: str) -> list[TsiInstruction]:
    query = select(TsiInstruction).where(TsiInstruction.pilot_id == pilot_id)
    return list(session.scalars(query.order_by(TsiInstruction.created_at.desc())))


def latest_pilot(session: Session, org_id: str, statuses: tuple[str, ...]) -> TsiPilot | None:
    query = (
        select(TsiPilot)
        .where(TsiPilot.org_id == org_id, TsiPilot.status.in_(statuses))
        .order_by(TsiPilot.created_at.desc(), TsiPilot.id.desc())
    )
    return session.scalars(query.limit(1)).first()


def latest_revocation(session: Session, org_id: str) -> TsiPilot | None:
    query = (
        select(TsiPilot)
        .where(TsiPilot.org_id == org_id, TsiPilot.status == "revoked")
        .order_by(TsiPilot.blocked_until.desc())
    )
    return session.scalars(query.limit(1)).first()


def next_number(session: Session, model: Any, prefix: str) -> str:
    count = session.scalar(
        select(func.count()).select_from(model).where(model.number.like(f"{prefix}%"))
    )
    return f"{prefix}{int(count or 0) + 1:05d}"


def counts(session: Session, principal: Principal, model: Any, column: Any) -> dict[str, int]:
    query = scoped(select(column, func.count()), model, principal).group_by(column)
    return {str(key): int(n) for key, n in session.execute(query)}


def visible(session: Session, principal: Principal, model: Any, *filters: Any) -> list[Any]:
    return list(session.scalars(scoped(select(model), model, principal).where(*filters)))


def org_names(session: Session, org_ids: set[str]) -> dict[str, Organization]:
    if not org_ids:
        return {}
    query = select(Organization).where(Organization.id.in_(org_ids))
    return {org.id: org for org in session.scalars(query)}
