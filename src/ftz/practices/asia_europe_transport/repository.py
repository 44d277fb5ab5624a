"""Every p14 query. Shippers see their own bills; the land-port operator sees all; a bank sees
the bills offered or pledged to it (and nothing else); other agencies see none. Reefer plans:
the operator sees all, everyone else their organization's."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, false, func, or_, select
from sqlalchemy.orm import Session

from ftz.core.auth.models import Role
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import not_found
from ftz.core.kit.pagination import Page, PageParams, paginate_query
from ftz.practices.asia_europe_transport.models import Bill, ReeferPlan, TrackingEvent
from ftz.practices.asia_europe_transport.permissions import BANK, LANDPORT

EXPORT_LIMIT = 50_000


def _officer_of(principal: Principal, department: str) -> bool:
    return Role.OFFICER in principal.roles and principal.department == department


def scoped_bills(query: Select[Any], principal: Principal) -> Select[Any]:
    if principal.is_admin or _officer_of(principal, LANDPORT):
        return query
    if principal.is_enterprise:
        return query.where(Bill.org_id == principal.org_id)
    if _officer_of(principal, BANK):
        return query.where(Bill.pledgee_org_id == principal.org_id)
    return query.where(false())


def bill(session: Session, principal: Principal, bill_id: str) -> Bill:
    """By id, or by number (the CLI names bills as people do)."""
    match = or_(Bill.id == bill_id, Bill.number == bill_id)
    found: Bill | None = session.scalar(scoped_bills(select(Bill).where(match), principal))
    if found is None:
        raise not_found("bill")
    return found


def bill_query(
    principal: Principal, *, status: str | None = None, corridor: str | None = None,
    pledge: str | None = None, text: str | None = None,
) -> Select[Any]:  # fmt: skip
    query = scoped_bills(select(Bill), principal)
    if status:
        query = query.where(Bill.status == status)
    if corridor:
        query = query.where(Bill.corridor == corridor)
    if pledge:
        query = query.where(Bill.pledge == pledge)
    if text:
        like = f"%{text}%"
        query = query.where(
            or_(Bill.number.like(like), Bill.shipper.like(like), Bill.consignee.like(like),
                Bill.goods.like(like), Bill.hs_code.like(like))
        )  # fmt: skip
    return query.order_by(Bill.created_at.desc(), Bill.id.desc())


def events(session: Session, bill_id: str) -> list[TrackingEvent]:
    query = select(TrackingEvent).where(TrackingEvent.bill_id == bill_id)
    return list(session.scalars(query.order_by(TrackingEvent.occurred_at, TrackingEvent.id)))


def scoped_plans(query: Select[Any], principal: Principal) -> Select[Any]:
    if principal.is_admin or _officer_of(principal, LANDPORT):
        return query
    return query.where(ReeferPlan.org_id == principal.org_id)


def plan(session: Session, principal: Principal, plan_id: str) -> ReeferPlan:
    query = scoped_plans(select(ReeferPlan).where(ReeferPlan.id == plan_id), principal)
    found: ReeferPlan | None = session.scalar(query)
    if found is None:
        raise not_found("reefer plan")
    return found


def plan_query(principal: Principal) -> Select[Any]:
    query = scoped_plans(select(ReeferPlan), principal)
    return query.order_by(ReeferPlan.created_at.desc(), ReeferPlan.id.desc())


def page(session: Session, query: Select[Any], params: PageParams) -> Page[Any]:
    return paginate_query(session, query, params)


def rows(session: Session, query: Select[Any]) -> list[Any]:
    return list(session.scalars(query.limit(EXPORT_LIMIT)))


def count_numbers(session: Session, model: Any, prefix: str) -> int:
    query = select(func.count()).select_from(model).where(model.number.like(f"{prefix}%"))
    return int(session.scalar(query) or 0)
