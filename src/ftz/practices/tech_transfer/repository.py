"""Every p15 query, scoped. `ftz.core.auth.scoping` confines a unit's users to their own
organization (another unit's record answers 404 like a missing one) and hides everything from
officers of unrelated agencies, state-asset administrators included; within a unit, a researcher
who is not in the office sees only the achievements they invented, their transfers and income,
and their own rewards, records and evaluations. `lock=True` takes the row lock (FOR UPDATE on
PostgreSQL; SQLite's BEGIN IMMEDIATE already queues writers)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import Select, false, or_, select
from sqlalchemy.orm import Session

from ftz.core.auth import scoping
from ftz.core.auth.models import Organization
from ftz.core.kit.errors import not_found
from ftz.core.kit.pagination import Page, PageParams, paginate_query
from ftz.practices.tech_transfer.common import Viewer, office_org
from ftz.practices.tech_transfer.models import (
    Achievement,
    Evaluation,
    Exemption,
    Income,
    Inventor,
    OfficeMember,
    PilotUnit,
    Pool,
    PoolTxn,
    Project,
    Researcher,
    RewardLine,
    TalentRecord,
    Transfer,
)
from ftz.practices.tech_transfer.permissions import DEPARTMENTS

Row = TypeVar("Row")
EXPORT_LIMIT = 50_000
OFFICE_ONLY = (Project, Pool, PoolTxn, OfficeMember)
OWN_RESEARCHER = (RewardLine, TalentRecord, Evaluation)


def _mine(viewer: Viewer) -> Select[Any]:
    return select(Inventor.achievement_id).where(Inventor.researcher_id == viewer.researcher_id)


def visible(query: Select[Any], model: Any, viewer: Viewer) -> Select[Any]:
    """`query` narrowed to the rows of `model` the viewer may read."""
    query = scoping.scoped(query, model, viewer.principal, DEPARTMENTS)
    if viewer.sees == "none":
        return query.where(false())
    if viewer.sees != "inventor":
        return query
    if model in OFFICE_ONLY:
        return query.where(false())
    if model in OWN_RESEARCHER:
        return query.where(model.researcher_id == viewer.researcher_id)
    if model is Researcher:
        return query.where(Researcher.id == viewer.researcher_id)
    if model in (Achievement, Inventor):
        column = Achievement.id if model is Achievement else Inventor.achievement_id
        return query.where(column.in_(_mine(viewer)))
    transfers = select(Transfer.id).where(Transfer.achievement_id.in_(_mine(viewer)))
    if model is Transfer:
        return query.where(Transfer.id.in_(transfers))
    if model in (Income, Exemption):
        return query.where(model.transfer_id.in_(transfers))
    return query  # PilotUnit: every member of the unit reads its own unit's record


def get_visible(session: Session, viewer: Viewer, model: type[Row], id_: str, what: str) -> Row:
    query = visible(select(model).where(model.id == id_), model, viewer)  # type: ignore[attr-defined]
    found = session.scalar(query)
    if found is None:
        raise not_found(what)
    return found  # type: ignore[no-any-return]


def get_for_office(
    session: Session, viewer: Viewer, model: type[Row], id_: str, what: str, *, lock: bool = False
) -> Row:
    """A row of the viewer's own unit for the office to change (403 outside the office)."""
    office_org(viewer)
    return scoping.get_owned(
        session, viewer.principal, model, id_, DEPARTMENTS, what=what, lock=lock
    )


def page(
    session: Session,
    viewer: Viewer,
    model: Any,
    params: PageParams,
    *filters: Any,
    order: tuple[Any, ...] = (),
) -> Page[Any]:
    query = visible(select(model), model, viewer).where(*filters)
    return paginate_query(session, query.order_by(*order, model.id.desc()), params)


def rows(
    session: Session,
    viewer: Viewer,
    model: Any,
    *filters: Any,
    order: tuple[Any, ...] = (),
    limit: int = EXPORT_LIMIT,
) -> list[Any]:
    query = visible(select(model), model, viewer).where(*filters)
    return list(session.scalars(query.order_by(*order, model.id.desc()).limit(limit)))


def achievement_filters(
    q: str = "", kind: str = "", status: str = "", college: str = "", year: int | None = None
) -> list[Any]:
    """Search by title, number, IP number, college or an inventor's name; filter the rest."""
    found: list[Any] = []
    if q:
        like = f"%{q}%"
        by_inventor = (
            select(Inventor.achievement_id)
            .join(Researcher, Researcher.id == Inventor.researcher_id)
            .where(Researcher.name.like(like))
        )
        found.append(
            or_(
                Achievement.title.like(like),
                Achievement.number.like(like),
                Achievement.ip_number.like(like),
                Achievement.college.like(like),
                Achievement.id.in_(by_inventor),
            )
        )
    if kind:
        found.append(Achievement.kind == kind)
    if status:
        found.append(Achievement.status == status)
    if college:
        found.append(Achievement.college == college)
    if year:
        found.append(Achievement.completed_on >= date(year, 1, 1))
        found.append(Achievement.completed_on < date(year + 1, 1, 1))
    return found


def inventors_of(
    session: Session, achievement_ids: list[str]
) -> dict[str, list[tuple[Inventor, Researcher]]]:
    if not achievement_ids:
        return {}
    query = (
        select(Inventor, Researcher)
        .join(Researcher, Researcher.id == Inventor.researcher_id)
        .where(Inventor.achievement_id.in_(achievement_ids))
        .order_by(Inventor.achievement_id, Inventor.position)
    )
    grouped: dict[str, list[tuple[Inventor, Researcher]]] = defaultdict(list)
    for inventor, researcher in session.execute(query):
        grouped[inventor.achievement_id].append((inventor, researcher))
    return grouped


def researchers_by_id(session: Session, org_id: str, ids: set[str]) -> dict[str, Researcher]:
    if not ids:
        return {}
    query = select(Researcher).where(Researcher.org_id == org_id, Researcher.id.in_(ids))
    return {r.id: r for r in session.scalars(query)}


def names_of(session: Session, researcher_ids: set[str]) -> dict[str, str]:
    if not researcher_ids:
        return {}
    query = select(Researcher.id, Researcher.name).where(Researcher.id.in_(researcher_ids))
    return {str(i): str(n) for i, n in session.execute(query)}


def org_names(session: Session, org_ids: set[str]) -> dict[str, Organization]:
    if not org_ids:
        return {}
    query = select(Organization).where(Organization.id.in_(org_ids))
    return {org.id: org for org in session.scalars(query)}


def unit_of(session: Session, org_id: str) -> PilotUnit | None:
    return session.scalar(select(PilotUnit).where(PilotUnit.org_id == org_id))


def transfers_of(session: Session, viewer: Viewer, achievement_id: str) -> list[Transfer]:
    return rows(
        session,
        viewer,
        Transfer,
        Transfer.achievement_id == achievement_id,
        order=(Transfer.created_at.desc(),),
    )


def exemption_of(session: Session, transfer_id: str) -> Exemption | None:
    return session.scalar(select(Exemption).where(Exemption.transfer_id == transfer_id))


def pool_of(session: Session, org_id: str, *, lock: bool = False) -> Pool | None:
    query = select(Pool).where(Pool.org_id == org_id)
    return session.scalar(query.with_for_update() if lock else query)
