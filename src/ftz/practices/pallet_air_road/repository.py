"""Every p09 query. A forwarder sees the ULDs it built, a ground handler those it handles and a
trucking company those on its trailers; customs and airport-security officers see all; other
agencies none. Another party's ULD answers 404, exactly like a missing one."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, false, func, or_, select
from sqlalchemy.orm import Session

from ftz.core.audit.models import AuditEvent
from ftz.core.auth.principal import Principal, visibility
from ftz.core.kit.errors import not_found
from ftz.core.kit.pagination import Page, PageParams, paginate_query
from ftz.practices.pallet_air_road.models import Trailer, Uld, UldEvent, UldRoadLeg
from ftz.practices.pallet_air_road.permissions import DEPARTMENTS

EXPORT_LIMIT = 50_000
ON_TRAILER = ("loading", "loaded", "on_road")


def scoped(query: Select[Any], model: Any, principal: Principal) -> Select[Any]:
    seen = visibility(principal, DEPARTMENTS)
    if seen == "own" and model is Uld:
        mine = principal.org_id
        # Every trucker of a broken-down ULD's road legs is a party of the ULD too.
        on_legs = select(UldRoadLeg.uld_id).where(UldRoadLeg.trucker_org_id == mine)
        return query.where(
            or_(Uld.org_id == mine, Uld.handler_org_id == mine, Uld.trucker_org_id == mine,
                Uld.id.in_(on_legs))
        )  # fmt: skip
    if seen == "own":
        return query.where(model.org_id == principal.org_id)
    return query if seen == "all" else query.where(false())


def get_uld(session: Session, principal: Principal, uld_id: str, *, lock: bool = False) -> Uld:
    query = scoped(select(Uld).where(Uld.id == uld_id), Uld, principal)
    found = session.scalar(query.with_for_update() if lock else query)
    if found is None:
        raise not_found("ULD")
    return found  # type: ignore[no-any-return]


def uld_query(
    principal: Principal, *, status: str | None = None, destination: str | None = None,
    mode: str | None = None, text: str | None = None,
) -> Select[Any]:  # fmt: skip
    query = scoped(select(Uld), Uld, principal)
    if status:
        query = query.where(Uld.status == status)
    if destination:
        query = query.where(Uld.destination == destination)
    if mode:
        query = query.where(Uld.mode == mode)
    if text:
        like = f"%{text.upper().replace(' ', '')}%"
        query = query.where(
            Uld.uld_code.like(like) | Uld.mawb_no.like(like) | Uld.flight_no.like(like)
        )
    return query.order_by(Uld.created_at.desc(), Uld.id.desc())


def page(session: Session, query: Select[Any], params: PageParams) -> Page[Any]:
    return paginate_query(session, query, params)


def rows(session: Session, query: Select[Any]) -> list[Any]:
    return list(session.scalars(query.limit(EXPORT_LIMIT)))


def events(session: Session, uld_id: str) -> list[UldEvent]:
    query = select(UldEvent).where(UldEvent.uld_id == uld_id).order_by(UldEvent.seq)
    return list(session.scalars(query))


def same_trip(session: Session, uld_code: str, flight_no: str, flight_date: str) -> str | None:
    """Unscoped on purpose: one ULD flies once per flight, whoever built it."""
    query = select(Uld.id).where(
        Uld.uld_code == uld_code, Uld.flight_no == flight_no, Uld.flight_date == flight_date
    )
    return session.scalar(query)


def trailer_by_plate(session: Session, plate: str, *, lock: bool = False) -> Trailer | None:
    """Unscoped on purpose: the ground handler names the trucking company's trailer at the dock.
    `lock`: held until commit, so two ULDs loaded at once cannot both take its last position."""
    query = select(Trailer).where(Trailer.plate == plate)
    return session.scalar(query.with_for_update() if lock else query)


def trailer_query(principal: Principal) -> Select[Any]:
    return scoped(select(Trailer), Trailer, principal).order_by(Trailer.plate)


def used_positions(session: Session, trailer_id: str) -> int:
    """Whole ULDs on the trailer, and loose-cargo road legs (one position each) not delivered."""
    ulds = select(func.count()).where(Uld.trailer_id == trailer_id, Uld.status.in_(ON_TRAILER))
    legs = select(func.count()).where(
        UldRoadLeg.trailer_id == trailer_id, UldRoadLeg.status.in_(ON_TRAILER)
    )
    return int(session.scalar(ulds) or 0) + int(session.scalar(legs) or 0)


def road_legs(session: Session, uld_id: str) -> list[UldRoadLeg]:
    query = select(UldRoadLeg).where(UldRoadLeg.uld_id == uld_id)
    return list(session.scalars(query.order_by(UldRoadLeg.gross_kg.desc(), UldRoadLeg.destination)))


def history(session: Session, uld: Uld, limit: int = 200) -> list[AuditEvent]:
    """The audit trail of the ULD, its events and its road legs. Unscoped on purpose: the
    caller has already found `uld` through `get_uld`, so the principal is one of its parties
    (builder, handler, trucker, or an officer of the departments); the audit service's own
    filter keeps an enterprise to its own organization's entities, which would hide the ULD's
    trail from its handler and trucker."""
    ids = [uld.id]
    ids += list(session.scalars(select(UldEvent.id).where(UldEvent.uld_id == uld.id)))
    ids += list(session.scalars(select(UldRoadLeg.id).where(UldRoadLeg.uld_id == uld.id)))
    query = select(AuditEvent).where(AuditEvent.entity_id.in_(ids))
    return list(session.scalars(query.order_by(AuditEvent.id.desc()).limit(limit)))


def delivered(session: Session, principal: Principal) -> list[Uld]:
    query = scoped(select(Uld).where(Uld.status == "delivered"), Uld, principal)
    return list(session.scalars(query.limit(EXPORT_LIMIT)))
