"""Every p02 query. Enterprises see their own shipments and containers; customs, terminal and
barge officers see all; other agencies none; another organization's record answers 404."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar, cast

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from ftz.core.auth import scoping
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import not_found
from ftz.core.kit.pagination import Page, PageParams, paginate_query
from ftz.practices.linked_unloading.models import Container, Shipment
from ftz.practices.linked_unloading.permissions import DEPARTMENTS

Owned = TypeVar("Owned", Shipment, Container)


@dataclass(frozen=True)
class ContainerFilter:
    status: str | None = None
    direction: str | None = None
    port: str | None = None
    text: str | None = None  # container number, shipment number or bill of lading


@dataclass(frozen=True)
class ShipmentFilter:
    direction: str | None = None
    port: str | None = None
    status: str | None = None  # shipments with at least one container in this status
    text: str | None = None  # shipment number, bill of lading, consignee or vessel


def scoped(query: Select[Any], model: type[Owned], principal: Principal) -> Select[Any]:
    return scoping.scoped(query, model, principal, DEPARTMENTS)


def get_owned(
    session: Session, principal: Principal, model: type[Owned], id_: str, *, lock: bool = False
) -> Owned:
    """The record if the principal may see it; `lock` holds its row until the transaction ends
    (PostgreSQL; SQLite's BEGIN IMMEDIATE already serialises writers)."""
    query = scoped(select(model).where(model.id == id_), model, principal)
    found = session.scalar(query.with_for_update() if lock else query)
    if found is None:
        raise not_found(model.__name__.lower())
    return found  # type: ignore[no-any-return]


def _containers(principal: Principal, where: ContainerFilter) -> Select[Any]:
    query = scoped(select(Container), Container, principal)
    if where.status:
        query = query.where(Container.status == where.status)
    if where.direction:
        query = query.where(Container.direction == where.direction)
    if where.port:
        query = query.where(Container.port_code == where.port.upper())
    if where.text:
        like = f"%{where.text.strip().upper()}%"
        shipments = select(Shipment.id).where(
            Shipment.number.like(like) | func.upper(Shipment.bill_of_lading).like(like)
        )
        query = query.where(Container.number.like(like) | Container.shipment_id.in_(shipments))
    return query


def list_containers(
    session: Session, principal: Principal, params: PageParams, where: ContainerFilter
) -> Page[Container]:
    ordered = _containers(principal, where).order_by(
        Container.last_event_at.desc(), Container.id.desc()
    )
    return paginate_query(session, ordered, params)


def all_containers(session: Session, principal: Principal, where: ContainerFilter) -> list[Any]:
    """Every matching container (CSV export), oldest first."""
    query = _containers(principal, where).order_by(Container.filed_at, Container.id)
    return list(session.scalars(query))


def _shipments(principal: Principal, where: ShipmentFilter) -> Select[Any]:
    query = scoped(select(Shipment), Shipment, principal)
    if where.direction:
        query = query.where(Shipment.direction == where.direction)
    if where.port:
        query = query.where(Shipment.port_code == where.port.upper())
    if where.status:
        boxes = select(Container.shipment_id).where(Container.status == where.status)
        query = query.where(Shipment.id.in_(boxes))
    if where.text:
        like = f"%{where.text.strip().upper()}%"
        query = query.where(
            Shipment.number.like(like)
            | func.upper(Shipment.bill_of_lading).like(like)
            | func.upper(Shipment.consignee).like(like)
            | func.upper(Shipment.vessel).like(like)
        )
    return query


def list_shipments(
    session: Session, principal: Principal, params: PageParams, where: ShipmentFilter
) -> Page[Shipment]:
    query = _shipments(principal, where).order_by(Shipment.created_at.desc(), Shipment.id.desc())
    return paginate_query(session, query, params)


def all_shipments(session: Session, principal: Principal, where: ShipmentFilter) -> list[Shipment]:
    """Every matching shipment (CSV export), oldest first."""
    query = _shipments(principal, where).order_by(Shipment.created_at, Shipment.id)
    return list(session.scalars(query))


def count_shipments(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Shipment)) or 0)


def stats_rows(session: Session, principal: Principal) -> list[Any]:
    """(port, direction, status, filed_at, transit_hours, size_ft) of every visible container."""
    columns = cast(
        Select[Any],
        select(
            Container.port_code,
            Container.direction,
            Container.status,
            Container.filed_at,
            Container.transit_hours,
            Container.size_ft,
        ),
    )
    query = scoped(columns, Container, principal)
    return list(session.execute(query).all())
