"""Every p16 query. Owners and clubs see their own yachts, sailings and tracks, and the transfer
cases they file or sell in; maritime, border and transport officers see all; other agencies see
none. Passengers' names are read only by the sailing's owner and the border check."""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Select, false, func, or_, select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal, visibility
from ftz.core.kit.errors import not_found
from ftz.core.kit.pagination import Page, PageParams, paginate_query
from ftz.practices.yacht_services.models import Passenger, Sailing, Track, Transfer, Yacht
from ftz.practices.yacht_services.permissions import BORDER, DEPARTMENTS

Owned = TypeVar("Owned", Yacht, Transfer, Sailing, Track)
EXPORT_LIMIT = 50_000


def scoped(query: Select[Any], model: Any, principal: Principal) -> Select[Any]:
    seen = visibility(principal, DEPARTMENTS)
    if seen == "own" and model is Transfer:
        return query.where(
            or_(Transfer.org_id == principal.org_id, Transfer.seller_org_id == principal.org_id)
        )
    if seen == "own":
        return query.where(model.org_id == principal.org_id)
    return query if seen == "all" else query.where(false())


def get(session: Session, principal: Principal, model: type[Owned], id_: str) -> Owned:
    found = session.scalar(scoped(select(model).where(model.id == id_), model, principal))
    if found is None:
        raise not_found(model.__tablename__.removeprefix("yacht_services_"))
    return found  # type: ignore[no-any-return]


def yacht_by_registration(session: Session, registration_no: str) -> Yacht | None:
    """Unscoped on purpose: a buyer names the yacht he is buying by its registration number."""
    return session.scalar(select(Yacht).where(Yacht.registration_no == registration_no))


def name_taken(session: Session, name_zh: str, except_id: str | None = None) -> bool:
    query = select(Yacht.id).where(Yacht.name_zh == name_zh)
    if except_id:
        query = query.where(Yacht.id != except_id)
    return session.scalar(query.limit(1)) is not None


def yacht_query(
    principal: Principal, *, text: str | None = None, usage: str | None = None,
    home_port: str | None = None, status: str | None = None,
) -> Select[Any]:  # fmt: skip
    query = scoped(select(Yacht), Yacht, principal)
    if text:
        like = f"%{text}%"
        query = query.where(
            Yacht.name_zh.like(like) | Yacht.name_en.like(like) | Yacht.hull_id.like(like)
            | Yacht.registration_no.like(like) | Yacht.owner_name.like(like)
        )  # fmt: skip
    if usage:
        query = query.where(Yacht.usage == usage)
    if home_port:
        query = query.where(Yacht.home_port == home_port)
    if status:
        query = query.where(Yacht.status == status)
    return query.order_by(Yacht.name_zh, Yacht.id)


def transfer_query(
    principal: Principal, *, status: str | None = None, sla: str | None = None,
    text: str | None = None, accepted_before: datetime | None = None,
) -> Select[Any]:  # fmt: skip
    """`sla` filters completed cases by their final verdict; open cases past the limit are
    those accepted before `accepted_before` (computed from the working-day calendar)."""
    query = scoped(select(Transfer), Transfer, principal)
    if status:
        query = query.where(Transfer.status == status)
    if sla in ("met", "missed"):
        query = query.where(Transfer.sla == sla)
    if accepted_before is not None:
        query = query.where(Transfer.status == "accepted", Transfer.accepted_at < accepted_before)
    if text:
        like = f"%{text}%"
        query = query.where(
            Transfer.number.like(like) | Transfer.new_name_zh.like(like)
            | Transfer.new_owner_name.like(like)
        )  # fmt: skip
    return query.order_by(Transfer.submitted_at.desc(), Transfer.id.desc())


def sailing_query(
    principal: Principal, *, status: str | None = None, flagged: bool | None = None,
    period: str | None = None, marina: str | None = None, yacht_id: str | None = None,
    since: datetime | None = None, until: datetime | None = None, text: str | None = None,
) -> Select[Any]:  # fmt: skip
    query = scoped(select(Sailing), Sailing, principal)
    conditions: list[Any] = []
    if status:
        conditions.append(Sailing.status == status)
    if flagged is not None:
        conditions.append(Sailing.flagged.is_(flagged))
    if period:
        conditions.append(Sailing.period == period)
    if marina:
        conditions.append(Sailing.marina == marina)
    if yacht_id:
        conditions.append(Sailing.yacht_id == yacht_id)
    if since:
        conditions.append(Sailing.depart_at >= since)
    if until:
        conditions.append(Sailing.depart_at < until)
    if text:
        like = f"%{text}%"
        conditions.append(Sailing.number.like(like) | Sailing.captain_name.like(like))
    return query.where(*conditions).order_by(Sailing.depart_at.desc(), Sailing.id.desc())


def page(session: Session, query: Select[Any], params: PageParams) -> Page[Any]:
    return paginate_query(session, query, params)


def rows(session: Session, query: Select[Any]) -> list[Any]:
    return list(session.scalars(query.limit(EXPORT_LIMIT)))


def yachts_by_id(session: Session, ids: set[str]) -> dict[str, Yacht]:
    if not ids:
        return {}
    return {y.id: y for y in session.scalars(select(Yacht).where(Yacht.id.in_(ids)))}


def passengers(session: Session, principal: Principal, sailing: Sailing) -> list[Passenger] | None:
    """The declared passengers, or None when this principal may not read them."""
    own = principal.is_enterprise and principal.org_id == sailing.org_id
    border = principal.department == BORDER and visibility(principal, DEPARTMENTS) == "all"
    if not (own or border or principal.is_admin):
        return None
    query = select(Passenger).where(Passenger.sailing_id == sailing.id).order_by(Passenger.name)
    return list(session.scalars(query))


def track_of(session: Session, sailing_id: str) -> Track | None:
    return session.scalar(select(Track).where(Track.sailing_id == sailing_id))


def count_numbers(session: Session, model: Any, prefix: str) -> int:
    query = select(func.count()).select_from(model).where(model.number.like(f"{prefix}%"))
    return int(session.scalar(query) or 0)
