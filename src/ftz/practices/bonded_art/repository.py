"""Every p04 query. Enterprises see their own artworks and exhibitions; customs officers see all
(any district may be asked as destination); officers of other agencies see none."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from ftz.core.auth import scoping
from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import Page, PageParams, paginate_query
from ftz.practices.bonded_art.models import Artwork, Exhibition
from ftz.practices.bonded_art.permissions import DEPARTMENTS

Owned = TypeVar("Owned", Artwork, Exhibition)


def scoped(query: Select[Any], model: type[Owned], principal: Principal) -> Select[Any]:
    return scoping.scoped(query, model, principal, DEPARTMENTS)


def get_owned(session: Session, principal: Principal, model: type[Owned], id_: str) -> Owned:
    return scoping.get_owned(session, principal, model, id_, DEPARTMENTS)


def list_artworks(session: Session, principal: Principal, params: PageParams) -> Page[Artwork]:
    query = scoped(select(Artwork), Artwork, principal)
    return paginate_query(session, query.order_by(Artwork.created_at.desc()), params)


def exhibitions_query(principal: Principal, *, status: str | None = None) -> Select[Any]:
    query = scoped(select(Exhibition), Exhibition, principal)
    if status:
        query = query.where(Exhibition.status == status)
    return query.order_by(Exhibition.created_at.desc(), Exhibition.id.desc())


def list_exhibitions(
    session: Session, principal: Principal, params: PageParams, *, status: str | None = None
) -> Page[Exhibition]:
    return paginate_query(session, exhibitions_query(principal, status=status), params)
