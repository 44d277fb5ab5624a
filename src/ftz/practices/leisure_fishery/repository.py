"""Every p17 query, scoped: an operator sees its own vessels and everything about them, fishery
officers and the association all, officers of other agencies none; another operator's record
answers 404 like a missing one. `lock=True` takes a row lock (FOR UPDATE on PostgreSQL; SQLite's
BEGIN IMMEDIATE already queues writers)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, TypeVar

from sqlalchemy import Select, and_, exists, or_, select
from sqlalchemy.orm import Session

from ftz.core.auth import scoping
from ftz.core.auth.models import Organization
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import not_found
from ftz.practices.leisure_fishery.models import (
    CatchReport,
    Inspection,
    Insurance,
    Licence,
    SafetyOfficer,
    Vessel,
)
from ftz.practices.leisure_fishery.permissions import DEPARTMENTS

Row = TypeVar("Row")


def scoped(query: Select[Any], model: Any, principal: Principal) -> Select[Any]:
    return scoping.scoped(query, model, principal, DEPARTMENTS)


def get(
    session: Session,
    principal: Principal,
    model: type[Row],
    id_: str,
    what: str,
    *,
    lock: bool = False,
) -> Row:
    query = scoped(select(model).where(model.id == id_), model, principal)  # type: ignore[attr-defined]
    found = session.scalar(query.with_for_update() if lock else query)
    if found is None:
        raise not_found(what)
    return found  # type: ignore[no-any-return]


def children(session: Session, model: type[Row], vessel_id: str, order: Any) -> list[Row]:
    query = select(model).where(model.vessel_id == vessel_id).order_by(order)  # type: ignore[attr-defined]
    return list(session.scalars(query))


def operator(session: Session, code: str) -> Organization | None:
    return session.scalar(select(Organization).where(Organization.code == code))


# Facts about a vessel on a day, as SQL so lists can filter on them.
def licensed_on(on: date) -> Any:
    return exists().where(
        Licence.vessel_id == Vessel.id,
        Licence.status == "active",
        Licence.valid_from <= on,
        Licence.valid_to >= on,
    )


def insured_on(on: date) -> Any:
    return exists().where(
        Insurance.vessel_id == Vessel.id,
        Insurance.cover == "passenger_accident",
        Insurance.starts_on <= on,
        Insurance.expires_on >= on,
    )


def officer_on(on: date) -> Any:
    return exists().where(
        SafetyOfficer.vessel_id == Vessel.id,
        SafetyOfficer.active.is_(True),
        SafetyOfficer.valid_from <= on,
        SafetyOfficer.valid_to >= on,
    )


def latest_inspection(column: Any) -> Any:
    """The column of the vessel's latest inspection (by date, then recording time)."""
    return (
        select(column)
        .where(Inspection.vessel_id == Vessel.id)
        .order_by(Inspection.inspected_on.desc(), Inspection.created_at.desc())
        .limit(1)
        .correlate(Vessel)
        .scalar_subquery()
    )


def inspection_overdue(on: date) -> Any:
    due = latest_inspection(Inspection.next_due)
    return or_(due.is_(None), due < on, latest_inspection(Inspection.result) == "fail")


def vessels_query(
    principal: Principal,
    *,
    q: str = "",
    area: str = "",
    status: str = "",
    vessel_class: str = "",
    problem: str = "",
    on: date,
) -> Select[Any]:
    query = scoped(select(Vessel), Vessel, principal)
    if q:
        like = f"%{q}%"
        query = query.where(
            or_(
                Vessel.name.like(like),
                Vessel.registration_no.like(like),
                Vessel.home_port.like(like),
            )
        )
    for column, value in (
        (Vessel.area_code, area),
        (Vessel.status, status),
        (Vessel.vessel_class, vessel_class),
    ):
        if value:
            query = query.where(column == value)
    conditions = {
        "inspection_overdue": inspection_overdue(on),
        "uninsured": ~insured_on(on),
        "no_safety_officer": ~officer_on(on),
        "unlicensed": ~licensed_on(on),
    }
    if problem in conditions:
        query = query.where(Vessel.status == "in_service", conditions[problem])
    return query.order_by(Vessel.area_code, Vessel.name)


def licences_query(
    principal: Principal,
    *,
    q: str = "",
    status: str = "",
    area: str = "",
    on: date,
    expiring_within: int = 0,
) -> Select[Any]:
    query = scoped(select(Licence), Licence, principal).join(Vessel, Vessel.id == Licence.vessel_id)
    if q:
        like = f"%{q}%"
        query = query.where(
            or_(
                Licence.number.like(like), Vessel.name.like(like), Vessel.registration_no.like(like)
            )
        )
    if area:
        query = query.where(Licence.area_code == area)
    if status == "active":
        query = query.where(Licence.status == "active", Licence.valid_to >= on)
    elif status == "expired":
        query = query.where(Licence.status == "active", Licence.valid_to < on)
    elif status == "revoked":
        query = query.where(Licence.status == "revoked")
    if expiring_within:
        query = query.where(
            Licence.status == "active",
            Licence.valid_to >= on,
            Licence.valid_to <= on + timedelta(days=expiring_within),
        )
    return query.order_by(Licence.valid_to, Licence.number)


def reports_query(
    principal: Principal,
    *,
    q: str = "",
    status: str = "",
    flagged: str = "",
    flag: str = "",
    vessel_id: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
) -> Select[Any]:
    query = scoped(select(CatchReport), CatchReport, principal)
    query = query.join(Vessel, Vessel.id == CatchReport.vessel_id)
    if q:
        like = f"%{q}%"
        query = query.where(or_(Vessel.name.like(like), Vessel.registration_no.like(like)))
    if status:
        query = query.where(CatchReport.status == status)
    if flagged in ("yes", "no"):
        query = query.where(CatchReport.flagged.is_(flagged == "yes"))
    if flag:
        query = query.where(CatchReport.flags.like(f"%{flag}%"))
    if vessel_id:
        query = query.where(CatchReport.vessel_id == vessel_id)
    if date_from:
        query = query.where(CatchReport.trip_date >= date_from)
    if date_to:
        query = query.where(CatchReport.trip_date <= date_to)
    return query.order_by(CatchReport.trip_date.desc(), CatchReport.created_at.desc())


def expiring(
    session: Session,
    principal: Principal,
    model: Any,
    column: Any,
    on: date,
    days: int,
    *extra: Any,
) -> list[Any]:
    """Rows of `model` whose `column` date falls in [on, on + days] (the reminder window)."""
    query = scoped(select(model), model, principal).where(
        and_(column >= on, column <= on + timedelta(days=days), *extra)
    )
    return list(session.scalars(query.order_by(column)))


def vessel_names(session: Session, ids: set[str]) -> dict[str, Vessel]:
    if not ids:
        return {}
    return {v.id: v for v in session.scalars(select(Vessel).where(Vessel.id.in_(ids)))}


def get_org(session: Session, org_id: str) -> Organization | None:
    return session.get(Organization, org_id)
