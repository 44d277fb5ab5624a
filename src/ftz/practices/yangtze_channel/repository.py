"""p29 queries, scoped. An enterprise reads the orders it takes part in (shipper, booked
operator, port on the route) and its own offers; the channel administration reads everything;
officers of other agencies read nothing. The public board lists open orders and offers of all,
as summaries. Another organization's record answers 404 like a missing one."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Select, Text, cast, false, or_, select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal, visibility
from ftz.core.auth.scoping import get_owned, scoped
from ftz.core.kit.errors import not_found
from ftz.practices.yangtze_channel.models import (
    FixedService,
    Offer,
    Operator,
    Order,
    OrderParty,
    TrackingEvent,
)
from ftz.practices.yangtze_channel.permissions import DEPARTMENTS


def _orders_seen(query: Select[Any], principal: Principal) -> Select[Any]:
    seen = visibility(principal, DEPARTMENTS)
    if seen == "own":
        mine = select(OrderParty.order_id).where(OrderParty.org_id == principal.org_id)
        return query.where(Order.id.in_(mine))
    return query if seen == "all" else query.where(false())


def orders_query(
    principal: Principal,
    *,
    q: str = "",
    status: str = "",
    sub_channel: str = "",
    ready_from: date | None = None,
    ready_to: date | None = None,
) -> Select[Any]:
    query = _orders_seen(select(Order), principal)
    if q:
        like = f"%{q}%"
        query = query.where(
            or_(Order.number.ilike(like), Order.origin.ilike(like), Order.destination.ilike(like))
        )
    if status:
        query = query.where(Order.status == status)
    if sub_channel:
        # JSON arrays differ between the databases; the codes are short and unique as text.
        query = query.where(cast(Order.sub_channels, Text).contains(f'"{sub_channel}"'))
    if ready_from:
        query = query.where(Order.ready_on >= ready_from)
    if ready_to:
        query = query.where(Order.ready_on <= ready_to)
    return query.order_by(Order.ready_on.desc(), Order.number.desc())


def get_order(session: Session, principal: Principal, order_id: str, lock: bool = False) -> Order:
    query = _orders_seen(select(Order).where(Order.id == order_id), principal)
    found = session.scalar(query.with_for_update() if lock else query)
    if found is None:
        raise not_found("order")
    return found  # type: ignore[no-any-return]


def party_of(session: Session, principal: Principal, order: Order) -> str:
    """The principal's part in the order: shipper, operator, port, or administration."""
    if not principal.is_enterprise:
        return "administration"
    role = session.scalar(
        select(OrderParty.role).where(
            OrderParty.order_id == order.id, OrderParty.org_id == principal.org_id
        )
    )
    return role or "none"


def offers_query(
    principal: Principal, *, status: str = "", q: str = "", board: bool = False
) -> Select[Any]:
    query = select(Offer)
    if not board:
        query = scoped(query, Offer, principal, DEPARTMENTS)
    else:  # the public board shows only what can still be booked: active operators and services
        active_operators = select(Operator.id).where(Operator.active.is_(True))
        inactive_services = select(FixedService.id).where(FixedService.active.is_(False))
        query = query.where(
            Offer.operator_id.in_(active_operators),
            or_(Offer.service_id.is_(None), Offer.service_id.not_in(inactive_services)),
        )
    if status:
        query = query.where(Offer.status == status)
    if q:
        like = f"%{q}%"
        query = query.where(
            or_(Offer.number.ilike(like), Offer.origin.ilike(like), Offer.destination.ilike(like))
        )
    return query.order_by(Offer.departs_on, Offer.number)


def get_offer(session: Session, principal: Principal, offer_id: str, lock: bool = False) -> Offer:
    return get_owned(session, principal, Offer, offer_id, DEPARTMENTS, what="offer", lock=lock)


def board_orders(q: str = "") -> Select[Any]:
    """Posted orders their shippers listed on the public board."""
    query = select(Order).where(Order.status == "posted", Order.listed.is_(True))
    if q:
        like = f"%{q}%"
        query = query.where(or_(Order.origin.ilike(like), Order.destination.ilike(like)))
    return query.order_by(Order.ready_on, Order.number)


def operators(session: Session) -> list[Operator]:
    return list(session.scalars(select(Operator).order_by(Operator.code)))


def operator_of_org(session: Session, org_id: str | None) -> Operator | None:
    if org_id is None:
        return None
    return session.scalar(select(Operator).where(Operator.org_id == org_id))


def operator_by_code(session: Session, code: str) -> Operator | None:
    return session.scalar(select(Operator).where(Operator.code == code))


def operator_names(session: Session, ids: set[str]) -> dict[str, Operator]:
    if not ids:
        return {}
    return {o.id: o for o in session.scalars(select(Operator).where(Operator.id.in_(ids)))}


def services(session: Session, sub_channel: str = "") -> list[FixedService]:
    query = select(FixedService).order_by(FixedService.sub_channel, FixedService.code)
    if sub_channel:
        query = query.where(FixedService.sub_channel == sub_channel)
    return list(session.scalars(query))


def service_by_code(session: Session, code: str) -> FixedService | None:
    return session.scalar(select(FixedService).where(FixedService.code == code))


def events(session: Session, order_id: str) -> list[TrackingEvent]:
    query = select(TrackingEvent).where(TrackingEvent.order_id == order_id)
    return list(session.scalars(query.order_by(TrackingEvent.occurred_at, TrackingEvent.id)))
