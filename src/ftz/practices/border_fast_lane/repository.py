"""Every p21 query. Forwarders see their own organization's records; border-check officers see
all; anyone else (other agencies, lane devices) sees none. Another organization's record answers
404, exactly like a missing one."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from ftz.core.auth import scoping
from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import Page, PageParams, paginate_query
from ftz.practices.border_fast_lane.models import (
    BorderRecord,
    Declaration,
    Driver,
    LaneTransaction,
    Vehicle,
)
from ftz.practices.border_fast_lane.permissions import DEPARTMENTS

Owned = TypeVar("Owned", Vehicle, Driver, Declaration, BorderRecord, LaneTransaction)
Registered = TypeVar("Registered", Vehicle, Driver)


def scoped(query: Select[Any], model: type[Owned], principal: Principal) -> Select[Any]:
    return scoping.scoped(query, model, principal, DEPARTMENTS)


def get_owned(session: Session, principal: Principal, model: type[Owned], id_: str) -> Owned:
    what = model.__tablename__.removeprefix("border_fast_lane_")
    return scoping.get_owned(session, principal, model, id_, DEPARTMENTS, what=what)


def listing(
    session: Session,
    principal: Principal,
    model: type[Owned],
    params: PageParams,
    *filters: Any,
) -> Page[Owned]:
    query = scoped(select(model), model, principal).where(*filters)
    return paginate_query(session, query.order_by(model.created_at.desc(), model.id.desc()), params)


def fleet_query(
    principal: Principal,
    model: type[Registered],
    *,
    q: str | None = None,
    active: bool | None = None,
) -> Select[Any]:
    """Vehicles by plate or tag, drivers by name or the document's last four characters;
    active, inactive or both. Newest first; `%` and `_` in the search are taken literally."""
    query = scoped(select(model), model, principal)
    if q:
        if model is Vehicle:
            query = query.where(
                Vehicle.plate.icontains(q, autoescape=True)
                | Vehicle.etag.icontains(q, autoescape=True)
            )
        else:
            query = query.where(
                Driver.name.icontains(q, autoescape=True)
                | Driver.document_hint.icontains(q, autoescape=True)
            )
    if active is not None:
        query = query.where(model.active.is_(active))
    return query.order_by(model.created_at.desc(), model.id.desc())


def transactions(
    session: Session,
    principal: Principal,
    params: PageParams,
    *,
    lane: int | None = None,
    status: str | None = None,
    plate: str | None = None,
) -> Page[LaneTransaction]:
    query = scoped(select(LaneTransaction), LaneTransaction, principal)
    if lane is not None:
        query = query.where(LaneTransaction.lane == lane)
    if status:
        query = query.where(LaneTransaction.status == status)
    if plate:
        query = query.where(LaneTransaction.plate_read.like(f"%{plate}%"))
    ordered = query.order_by(LaneTransaction.started_at.desc(), LaneTransaction.id.desc())
    return paginate_query(session, ordered, params)


def between(
    session: Session, principal: Principal, start: datetime, end: datetime
) -> list[LaneTransaction]:
    query = scoped(select(LaneTransaction), LaneTransaction, principal).where(
        LaneTransaction.started_at >= start, LaneTransaction.started_at < end
    )
    return list(session.scalars(query.order_by(LaneTransaction.started_at)))


def latest_start(session: Session, principal: Principal) -> datetime | None:
    query = scoped(select(func.max(LaneTransaction.started_at)), LaneTransaction, principal)
    found: datetime | None = session.scalar(query)
    return found


def vehicle_by(session: Session, *, etag: str | None, plate: str) -> Vehicle | None:
    """The tag identifies the vehicle first; the camera's plate only when there is no tag.
    A deactivated vehicle is still found, so the rules can say why it is held."""
    column = Vehicle.etag == etag if etag else Vehicle.plate == plate
    return session.scalar(select(Vehicle).where(column))


def driver_by_hash(session: Session, document_hash: str) -> Driver | None:
    return session.scalar(select(Driver).where(Driver.document_hash == document_hash))


def border_record_for(
    session: Session, vehicle_id: str, driver_id: str, direction: str, day: date
) -> BorderRecord | None:
    return session.scalar(
        select(BorderRecord)
        .where(
            BorderRecord.vehicle_id == vehicle_id,
            BorderRecord.driver_id == driver_id,
            BorderRecord.direction == direction,
            BorderRecord.trip_date == day,
        )
        .limit(1)
    )


def attempts_since(session: Session, plate: str, since: datetime, until: datetime) -> int:
    return int(
        session.scalar(
            select(func.count()).where(
                LaneTransaction.plate_read == plate,
                LaneTransaction.started_at >= since,
                LaneTransaction.started_at <= until,
            )
        )
        or 0
    )


def declarations_on(session: Session, day: date) -> int:
    return int(session.scalar(select(func.count()).where(Declaration.trip_date == day)) or 0)
