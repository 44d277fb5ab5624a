"""Every p07 query, scoped. A rating is seen by the carrier that asked and the shipper it was
delivered to; a grain call by its filer, the terminal and the shipping company named on it;
an arrival plan by its filer and the terminal and company of its grain call. Maritime officers
(department msa) and admins see everything, other officers nothing. A record outside the
caller's scope answers 404, exactly like a missing one."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import Select, false, func, or_, select
from sqlalchemy.orm import Session

from ftz.core.auth.models import Organization, OrgKind
from ftz.core.auth.principal import Principal, visibility
from ftz.core.kit.errors import not_found
from ftz.core.kit.pagination import Page, PageParams, paginate_query
from ftz.domain.vessels.models import Ship
from ftz.practices.ship_selection.models import (
    Arrival,
    Berth,
    Escort,
    GrainCall,
    GrainComment,
    GrainDocument,
    Rating,
)
from ftz.practices.ship_selection.permissions import DEPARTMENTS


def _scope(query: Select[Any], principal: Principal, *org_columns: Any) -> Select[Any]:
    seen = visibility(principal, DEPARTMENTS)
    if seen == "all":
        return query
    if seen == "own":
        return query.where(or_(*(column == principal.org_id for column in org_columns)))
    return query.where(false())


def rating_scope(query: Select[Any], principal: Principal) -> Select[Any]:
    return _scope(query, principal, Rating.org_id, Rating.shipper_org_id)


def call_scope(query: Select[Any], principal: Principal) -> Select[Any]:
    return _scope(
        query, principal, GrainCall.org_id, GrainCall.terminal_org_id, GrainCall.company_org_id
    )


def arrival_scope(query: Select[Any], principal: Principal) -> Select[Any]:
    """The filer, and the terminal and company named on the plan's grain call."""
    named = select(GrainCall.id).where(
        or_(GrainCall.terminal_org_id == principal.org_id,
            GrainCall.company_org_id == principal.org_id)
    )  # fmt: skip
    seen = visibility(principal, DEPARTMENTS)
    if seen == "own":
        return query.where(
            or_(Arrival.org_id == principal.org_id, Arrival.grain_call_id.in_(named))
        )
    return _scope(query, principal, Arrival.org_id)


def get_rating(session: Session, principal: Principal, rating_id: str) -> Rating:
    found = session.scalar(rating_scope(select(Rating).where(Rating.id == rating_id), principal))
    if found is None:
        raise not_found("rating")
    return found  # type: ignore[no-any-return]


def ratings(
    session: Session,
    principal: Principal,
    params: PageParams,
    *,
    rating: str | None = None,
    status: str | None = None,
    text: str | None = None,
    ship_id: str | None = None,
) -> Page[Rating]:
    query = rating_scope(select(Rating).join(Ship, Ship.id == Rating.ship_id), principal)
    if rating:
        query = query.where(Rating.rating == rating)
    if status:
        query = query.where(Rating.status == status)
    if ship_id:
        query = query.where(Rating.ship_id == ship_id)
    if text:
        like = f"%{text.strip()}%"
        query = query.where(
            or_(
                Ship.name.ilike(like),
                Ship.name_zh.like(like),
                Ship.imo_number.like(like),
                Rating.voyage.like(like),
            )
        )
    return paginate_query(
        session, query.order_by(Rating.created_at.desc(), Rating.id.desc()), params
    )


def latest_rating(session: Session, ship_id: str) -> Rating | None:
    query = select(Rating).where(Rating.ship_id == ship_id)
    return session.scalar(query.order_by(Rating.created_at.desc(), Rating.id.desc()).limit(1))


def rating_counts(session: Session, principal: Principal) -> dict[str, dict[str, int]]:
    query = rating_scope(
        cast(Select[Any], select(Rating.rating, Rating.status, func.count())), principal
    )
    counts: dict[str, dict[str, int]] = {}
    for rating, status, n in session.execute(query.group_by(Rating.rating, Rating.status)):
        counts.setdefault(str(rating), {})[str(status)] = int(n)
    return counts


def get_call(
    session: Session, principal: Principal, call_id: str, *, lock: bool = False
) -> GrainCall:
    query = call_scope(select(GrainCall).where(GrainCall.id == call_id), principal)
    found = session.scalar(query.with_for_update() if lock else query)
    if found is None:
        raise not_found("grain call")
    return found  # type: ignore[no-any-return]


def call_by_number(session: Session, principal: Principal, number: str) -> GrainCall:
    found = session.scalar(
        call_scope(select(GrainCall).where(GrainCall.number == number), principal)
    )
    if found is None:
        raise not_found("grain call")
    return found  # type: ignore[no-any-return]


def calls(
    session: Session,
    principal: Principal,
    params: PageParams,
    *,
    status: str | None = None,
    port: str | None = None,
    text: str | None = None,
) -> Page[GrainCall]:
    query = call_scope(select(GrainCall).join(Ship, Ship.id == GrainCall.ship_id), principal)
    return _by_ship_page(session, query, GrainCall, params, status=status, port=port, text=text)


def _by_ship_page(
    session: Session,
    query: Select[Any],
    model: type[GrainCall] | type[Arrival],
    params: PageParams,
    *,
    status: str | None,
    port: str | None,
    text: str | None,
) -> Page[Any]:
    """Grain calls and arrival plans list alike: by status and port, text over the ship's names,
    IMO number and the record's number, newest ETA first (the query is already scoped)."""
    if status:
        query = query.where(model.status == status)
    if port:
        query = query.where(model.port == port)
    if text:
        like = f"%{text.strip()}%"
        query = query.where(
            or_(
                Ship.name.ilike(like),
                Ship.name_zh.like(like),
                Ship.imo_number.like(like),
                model.number.like(like),
            )
        )
    ordered = query.order_by(model.eta.desc(), model.id.desc())
    return paginate_query(session, ordered, params)


def documents(session: Session, call_id: str) -> list[GrainDocument]:
    query = select(GrainDocument).where(GrainDocument.call_id == call_id)
    return list(session.scalars(query.order_by(GrainDocument.created_at, GrainDocument.id)))


def get_document(session: Session, call_id: str, document_id: str) -> GrainDocument:
    found = session.get(GrainDocument, document_id)
    if found is None or found.call_id != call_id:
        raise not_found("document")
    return found


def comments(session: Session, call_id: str) -> list[GrainComment]:
    query = select(GrainComment).where(GrainComment.call_id == call_id)
    return list(session.scalars(query.order_by(GrainComment.created_at, GrainComment.id)))


def completed_calls(
    session: Session, *, ship_id: str | None = None, org_id: str | None = None
) -> int:
    """Calls that went through the channel to departure (the experience the trimming rule reads)."""
    query = select(func.count()).where(Arrival.status == "departed")
    if ship_id:
        query = query.where(Arrival.ship_id == ship_id)
    if org_id:
        query = query.where(Arrival.org_id == org_id)
    return int(session.scalar(query) or 0)


def berths(session: Session, port: str | None = None) -> list[Berth]:
    query = select(Berth)
    if port:
        query = query.where(Berth.port == port)
    return list(session.scalars(query.order_by(Berth.port, Berth.code)))


def berth_by_code(session: Session, code: str) -> Berth | None:
    return session.scalar(select(Berth).where(Berth.code == code))


def get_arrival(session: Session, principal: Principal, arrival_id: str) -> Arrival:
    found = session.scalar(
        arrival_scope(select(Arrival).where(Arrival.id == arrival_id), principal)
    )
    if found is None:
        raise not_found("arrival plan")
    return found  # type: ignore[no-any-return]


def arrivals(
    session: Session,
    principal: Principal,
    params: PageParams,
    *,
    status: str | None = None,
    port: str | None = None,
    text: str | None = None,
) -> Page[Arrival]:
    query = arrival_scope(select(Arrival).join(Ship, Ship.id == Arrival.ship_id), principal)
    return _by_ship_page(session, query, Arrival, params, status=status, port=port, text=text)


def berth_conflict(
    session: Session, berth_id: str, eta: datetime, etd: datetime, own_id: str
) -> Arrival | None:
    """Another confirmed or running call holding the berth in an overlapping window."""
    query = select(Arrival).where(
        Arrival.berth_id == berth_id,
        Arrival.id != own_id,
        Arrival.status.in_(("confirmed", "arrived", "berthed")),
        Arrival.eta < etd,
        Arrival.etd > eta,
    )
    return session.scalar(query.limit(1))


def escorts(session: Session, arrival_id: str) -> list[Escort]:
    query = select(Escort).where(Escort.arrival_id == arrival_id)
    return list(session.scalars(query.order_by(Escort.created_at, Escort.id)))


def get_escort(session: Session, escort_id: str) -> Escort:
    found = session.get(Escort, escort_id)
    if found is None:
        raise not_found("escort request")
    return found


def arrival_totals(session: Session, principal: Principal) -> dict[str, Any]:
    query = arrival_scope(
        cast(
            Select[Any],
            select(
                func.count(),
                func.sum(Arrival.hours_saved),
                func.sum(Arrival.cost_saved_cny),
                func.sum(Arrival.waiting_hours),
            ).where(Arrival.status == "departed"),
        ),
        principal,
    )
    n, hours, cost, waiting = session.execute(query).one()
    by_status = arrival_scope(cast(Select[Any], select(Arrival.status, func.count())), principal)
    return {
        "completed": int(n or 0),
        "hours_saved": hours or 0,
        "cost_saved_cny": cost or 0,
        "waiting_hours": waiting or 0,
        "by_status": {
            str(s): int(c) for s, c in session.execute(by_status.group_by(Arrival.status))
        },
    }


def enterprises(session: Session, exclude: str | None = None) -> list[Organization]:
    """Enterprises a rating can be delivered to (every enterprise but the asker)."""
    query = select(Organization).where(Organization.kind == OrgKind.ENTERPRISE.value)
    if exclude:
        query = query.where(Organization.id != exclude)
    return list(session.scalars(query.order_by(Organization.code)))


def org_names(session: Session, ids: set[str]) -> dict[str, Organization]:
    if not ids:
        return {}
    return {o.id: o for o in session.scalars(select(Organization).where(Organization.id.in_(ids)))}
