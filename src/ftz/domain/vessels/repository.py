"""Every query on ships and their records. Ships are the maritime administration's records, not
an enterprise's: the practices decide who reads them; nothing here is scoped by organization."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Select, exists, func, or_, select
from sqlalchemy.orm import Session

from ftz.core.kit.errors import not_found
from ftz.core.kit.pagination import Page, PageParams, paginate_query
from ftz.domain.vessels.models import (
    Accident,
    Certificate,
    Company,
    Inspection,
    Manning,
    Penalty,
    Ship,
    Watch,
)


def get_ship(session: Session, ship_id: str) -> Ship:
    found = session.get(Ship, ship_id)
    if found is None:
        raise not_found("ship")
    return found


def ships_by_id(session: Session, ids: set[str]) -> dict[str, Ship]:
    return {s.id: s for s in session.scalars(select(Ship).where(Ship.id.in_(ids)))} if ids else {}


def ship_by_imo(session: Session, imo_number: str) -> Ship | None:
    return session.scalar(select(Ship).where(Ship.imo_number == imo_number))


def ship_by_mmsi(session: Session, mmsi: str) -> Ship | None:
    return session.scalar(select(Ship).where(Ship.mmsi == mmsi))


def company_by_imo(session: Session, number: str) -> Company | None:
    return session.scalar(select(Company).where(Company.imo_company_number == number))


def get_company(session: Session, company_id: str) -> Company:
    found = session.get(Company, company_id)
    if found is None:
        raise not_found("company")
    return found


@dataclass
class ShipFilter:
    text: str | None = None
    ship_type: str | None = None
    flag: str | None = None
    watch: str | None = None  # key_tracking / assistance_investigation: open watches only
    company_id: str | None = None
    ids: list[str] = field(default_factory=list)


def open_watch_clause(kind: str) -> Any:
    return exists().where(Watch.ship_id == Ship.id, Watch.kind == kind, Watch.closed_on.is_(None))


def ship_query(filters: ShipFilter) -> Select[Ship]:
    query = select(Ship)
    if filters.text:
        like = f"%{filters.text.strip()}%"
        query = query.where(
            or_(Ship.name.ilike(like), Ship.name_zh.like(like), Ship.imo_number.like(like),
                Ship.mmsi.like(like), Ship.call_sign.ilike(like))
        )  # fmt: skip
    if filters.ship_type:
        query = query.where(Ship.ship_type == filters.ship_type)
    if filters.flag:
        query = query.where(Ship.flag == filters.flag.upper())
    if filters.watch:
        query = query.where(open_watch_clause(filters.watch))
    if filters.company_id:
        query = query.where(Ship.company_id == filters.company_id)
    if filters.ids:
        query = query.where(Ship.id.in_(filters.ids))
    return query.order_by(Ship.name, Ship.id)


def search_ships(session: Session, filters: ShipFilter, params: PageParams) -> Page[Ship]:
    return paginate_query(session, ship_query(filters), params)


def all_ships(session: Session, filters: ShipFilter) -> list[Ship]:
    return list(session.scalars(ship_query(filters)))


def companies(session: Session) -> list[Company]:
    return list(session.scalars(select(Company).order_by(Company.name)))


def certificates(session: Session, ship_id: str) -> list[Certificate]:
    query = select(Certificate).where(Certificate.ship_id == ship_id)
    return list(session.scalars(query.order_by(Certificate.kind, Certificate.issued_on.desc())))


def manning(session: Session, ship_id: str) -> list[Manning]:
    query = select(Manning).where(Manning.ship_id == ship_id)
    return list(session.scalars(query.order_by(Manning.checked_on.desc())))


def inspections(session: Session, ship_id: str) -> list[Inspection]:
    query = select(Inspection).where(Inspection.ship_id == ship_id)
    return list(session.scalars(query.order_by(Inspection.inspected_on.desc())))


def accidents(session: Session, ship_id: str) -> list[Accident]:
    query = select(Accident).where(Accident.ship_id == ship_id)
    return list(session.scalars(query.order_by(Accident.occurred_on.desc())))


def penalties(session: Session, ship_id: str) -> list[Penalty]:
    query = select(Penalty).where(Penalty.ship_id == ship_id)
    return list(session.scalars(query.order_by(Penalty.decided_on.desc())))


def watches(session: Session, ship_id: str) -> list[Watch]:
    query = select(Watch).where(Watch.ship_id == ship_id)
    return list(session.scalars(query.order_by(Watch.opened_on.desc())))


def get_watch(session: Session, ship_id: str, watch_id: str) -> Watch:
    found = session.get(Watch, watch_id)
    if found is None or found.ship_id != ship_id:
        raise not_found("watch")
    return found


def fleet_inspections(session: Session, company_id: str, since: date) -> list[Inspection]:
    """The PSC inspections of every ship the company manages, since `since`."""
    query = (
        select(Inspection)
        .join(Ship, Ship.id == Inspection.ship_id)
        .where(Ship.company_id == company_id, Inspection.inspected_on >= since)
    )
    return list(session.scalars(query))


def fleet_size(session: Session, company_id: str) -> int:
    query = select(func.count()).where(Ship.company_id == company_id)
    return int(session.scalar(query) or 0)


def counts(session: Session) -> dict[str, int]:
    """How many ships, and how many are on each watch list now."""
    return {
        "ships": int(session.scalar(select(func.count(Ship.id))) or 0),
        "companies": int(session.scalar(select(func.count(Company.id))) or 0),
        "key_tracking": int(
            session.scalar(select(func.count(Ship.id)).where(open_watch_clause("key_tracking")))
            or 0
        ),
        "assistance_investigation": int(
            session.scalar(
                select(func.count(Ship.id)).where(open_watch_clause("assistance_investigation"))
            )
            or 0
        ),
    }
