"""Every p25 query. Carriers see their own permits, trips and blacklist entries; officers of
transport, the police and emergency management see all (joint supervision); other agencies
see none. Another organization's record answers 404, like a missing one."""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.auth.scoping import get_owned, scoped
from ftz.core.kit.pagination import Page, PageParams, paginate_query
from ftz.practices.dangerous_goods_permit.models import Blacklisting, Permit, Trip
from ftz.practices.dangerous_goods_permit.permissions import DEPARTMENTS

Owned = TypeVar("Owned", Permit, Trip, Blacklisting)
EXPORT_LIMIT = 50_000


def get(session: Session, principal: Principal, model: type[Owned], id_: str) -> Owned:
    what = model.__tablename__.removeprefix("dangerous_goods_permit_")
    return get_owned(session, principal, model, id_, DEPARTMENTS, what=what)


def permit_by_number_or_id(session: Session, principal: Principal, key: str) -> Permit:
    found = session.scalar(
        scoped(select(Permit).where(Permit.number == key), Permit, principal, DEPARTMENTS)
    )
    return found if found is not None else get(session, principal, Permit, key)


def permit_query(
    principal: Principal, *, text: str | None = None, status: str | None = None
) -> Select[Any]:
    query = scoped(select(Permit), Permit, principal, DEPARTMENTS)
    if text:
        like = f"%{text}%"
        query = query.where(
            or_(
                Permit.number.like(like),
                Permit.vehicle_plate.like(like),
                Permit.cargo_name.like(like),
                Permit.cargo_un.like(like),
            )
        )
    if status:
        query = query.where(Permit.status == status)
    return query.order_by(Permit.created_at.desc(), Permit.id)


def trip_query(
    principal: Principal,
    *,
    permit_id: str | None = None,
    text: str | None = None,
    compliant: bool | None = None,
    station: str | None = None,
    status: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> Select[Any]:
    query = scoped(select(Trip), Trip, principal, DEPARTMENTS)
    if permit_id:
        query = query.where(Trip.permit_id == permit_id)
    if text:
        like = f"%{text}%"
        query = query.where(
            or_(Trip.number.like(like), Trip.driver_name.like(like), Trip.driver_licence.like(like))
        )
    if compliant is not None:
        query = query.where(Trip.compliant == compliant)
    if station:
        query = query.where(Trip.station == station)
    if status:
        query = query.where(Trip.status == status)
    if since:
        query = query.where(Trip.entry_at >= since)
    if until:
        query = query.where(Trip.entry_at < until)
    return query.order_by(Trip.entry_at.desc(), Trip.id)


def blacklist_query(principal: Principal) -> Select[Any]:
    query = scoped(select(Blacklisting), Blacklisting, principal, DEPARTMENTS)
    return query.order_by(Blacklisting.listed_at.desc(), Blacklisting.id)


def page(session: Session, query: Select[Any], params: PageParams) -> Page[Any]:
    return paginate_query(session, query, params)


def rows(session: Session, query: Select[Any]) -> list[Any]:
    return list(session.scalars(query.limit(EXPORT_LIMIT)))


def points_since(session: Session, principal: Principal, since: datetime) -> dict[str, Any]:
    """Points of checked trips since `since`, per driver (licence) and per enterprise."""
    base = (
        scoped(select(Trip), Trip, principal, DEPARTMENTS)
        .where(Trip.status == "checked", Trip.checked_at >= since)
        .subquery()
    )
    drivers = session.execute(
        select(
            base.c.driver_licence,
            func.max(base.c.driver_name),
            func.max(base.c.org_id),
            func.sum(base.c.points),
            func.count(),
        )
        .group_by(base.c.driver_licence)
        .order_by(func.sum(base.c.points).desc())
    ).all()
    orgs = session.execute(
        select(base.c.org_id, func.sum(base.c.points), func.count())
        .group_by(base.c.org_id)
        .order_by(func.sum(base.c.points).desc())
    ).all()
    return {
        "drivers": [
            {
                "licence": r[0],
                "name": r[1],
                "org_id": r[2],
                "points": int(r[3] or 0),
                "trips": int(r[4]),
            }
            for r in drivers
        ],
        "enterprises": [
            {"org_id": r[0], "points": int(r[1] or 0), "trips": int(r[2])} for r in orgs
        ],
    }


def listed(session: Session, subject: str, key: str) -> Blacklisting | None:
    """Unscoped on purpose: the blacklist binds whoever asks to move a vehicle."""
    return session.scalar(
        select(Blacklisting).where(Blacklisting.subject == subject, Blacklisting.subject_key == key)
    )


def trip_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Trip)) or 0)


def permit_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Permit)) or 0)
