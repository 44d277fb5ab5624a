"""Every p24 query. Carriers and the railway see their own trucks, permits, loads, trips and
applications; customs and transport officers see all; other agencies see none."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from ftz.core.auth import scoping
from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import Page, PageParams, paginate_query
from ftz.practices.china_vietnam_transport.models import (
    Load,
    Multimodal,
    Permit,
    RefusedTrip,
    Trip,
    Truck,
)
from ftz.practices.china_vietnam_transport.permissions import DEPARTMENTS

Owned = TypeVar("Owned", Truck, Permit, Load, Trip, Multimodal, RefusedTrip)
EXPORT_LIMIT = 50_000


def scoped(query: Select[Any], model: Any, principal: Principal) -> Select[Any]:
    return scoping.scoped(query, model, principal, DEPARTMENTS)


def get(session: Session, principal: Principal, model: type[Owned], id_: str) -> Owned:
    what = model.__tablename__.removeprefix("china_vietnam_transport_")
    return scoping.get_owned(session, principal, model, id_, DEPARTMENTS, what=what)


def _like(query: Select[Any], text: str | None, *columns: Any) -> Select[Any]:
    if not text:
        return query
    like = f"%{text}%"
    condition = columns[0].like(like)
    for column in columns[1:]:
        condition = condition | column.like(like)
    return query.where(condition)


def truck_query(principal: Principal, *, text: str | None = None) -> Select[Any]:
    query = _like(scoped(select(Truck), Truck, principal), text, Truck.plate, Truck.driver)
    return query.order_by(Truck.plate)


def permit_query(
    principal: Principal,
    *,
    truck_id: str | None = None,
    route_code: str | None = None,
    text: str | None = None,
) -> Select[Any]:
    query = _like(scoped(select(Permit), Permit, principal), text, Permit.number)
    if truck_id:
        query = query.where(Permit.truck_id == truck_id)
    if route_code:
        query = query.where(Permit.route_code == route_code)
    return query.order_by(Permit.valid_to.desc(), Permit.number)


def load_query(
    principal: Principal,
    *,
    status: str | None = None,
    direction: str | None = None,
    route_code: str | None = None,
    text: str | None = None,
) -> Select[Any]:
    query = _like(
        scoped(select(Load), Load, principal), text, Load.number, Load.cargo, Load.shipper
    )
    if status:
        query = query.where(Load.status == status)
    if direction:
        query = query.where(Load.direction == direction)
    if route_code:
        query = query.where(Load.route_code == route_code)
    return query.order_by(Load.ready_at, Load.number)


def trip_query(
    principal: Principal,
    *,
    status: str | None = None,
    route_code: str | None = None,
    direction: str | None = None,
    green: bool | None = None,
    truck_id: str | None = None,
    text: str | None = None,
) -> Select[Any]:
    query = _like(scoped(select(Trip), Trip, principal), text, Trip.number, Trip.seal_origin)
    for column, value in (
        (Trip.status, status),
        (Trip.route_code, route_code),
        (Trip.direction, direction),
        (Trip.truck_id, truck_id),
    ):
        if value:
            query = query.where(column == value)
    if green is not None:
        query = query.where(Trip.green_channel.is_(green))
    return query.order_by(Trip.depart_at.desc(), Trip.number.desc())


def refused_query(
    principal: Principal,
    *,
    route_code: str | None = None,
    truck_id: str | None = None,
    text: str | None = None,
) -> Select[Any]:
    """Refused trip attempts: a carrier sees its own organization's, officers all."""
    query = _like(
        scoped(select(RefusedTrip), RefusedTrip, principal),
        text,
        RefusedTrip.plate,
        RefusedTrip.actor,
        RefusedTrip.route_code,
    )
    if route_code:
        query = query.where(RefusedTrip.route_code == route_code)
    if truck_id:
        query = query.where(RefusedTrip.truck_id == truck_id)
    return query.order_by(RefusedTrip.created_at.desc(), RefusedTrip.id.desc())


def multimodal_query(
    principal: Principal, *, status: str | None = None, text: str | None = None
) -> Select[Any]:
    query = _like(
        scoped(select(Multimodal), Multimodal, principal),
        text,
        Multimodal.number,
        Multimodal.container_no,
        Multimodal.cargo,
    )
    if status:
        query = query.where(Multimodal.status == status)
    return query.order_by(Multimodal.created_at.desc(), Multimodal.number.desc())


def page(session: Session, query: Select[Any], params: PageParams) -> Page[Any]:
    return paginate_query(session, query, params)


def rows(session: Session, query: Select[Any]) -> list[Any]:
    return list(session.scalars(query.limit(EXPORT_LIMIT)))


def permits_of(session: Session, truck_id: str, route_code: str) -> list[Permit]:
    query = select(Permit).where(Permit.truck_id == truck_id, Permit.route_code == route_code)
    return list(session.scalars(query.order_by(Permit.valid_to.desc())))


def by_id(session: Session, model: type[Owned], ids: set[str]) -> dict[str, Owned]:
    if not ids:
        return {}
    return {r.id: r for r in session.scalars(select(model).where(model.id.in_(ids)))}


def next_number(session: Session, model: Any, prefix: str) -> str:
    query = select(func.count()).select_from(model).where(model.number.like(f"{prefix}%"))
    return f"{prefix}{int(session.scalar(query) or 0) + 1:04d}"
