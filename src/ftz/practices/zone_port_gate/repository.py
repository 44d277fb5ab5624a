"""Every p11 query. Enterprises see their own declarations, manifests and gate transactions;
customs and airport officers see all; officers of other agencies see none."""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from ftz.core.auth import scoping
from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import Page, PageParams, paginate_query
from ftz.practices.zone_port_gate.models import (
    DailyVolume,
    Declaration,
    GateTransaction,
    Manifest,
)
from ftz.practices.zone_port_gate.permissions import DEPARTMENTS

Owned = TypeVar("Owned", Declaration, Manifest, GateTransaction)


def scoped(query: Select[Any], model: type[Owned], principal: Principal) -> Select[Any]:
    return scoping.scoped(query, model, principal, DEPARTMENTS)


def get_owned(session: Session, principal: Principal, model: type[Owned], id_: str) -> Owned:
    return scoping.get_owned(session, principal, model, id_, DEPARTMENTS)


def declaration_by_number(session: Session, number: str) -> Declaration | None:
    return session.scalar(select(Declaration).where(Declaration.number == number))


def manifest_for(session: Session, declaration_number: str) -> Manifest | None:
    query = select(Manifest).where(Manifest.declaration_number == declaration_number)
    return session.scalar(query.order_by(Manifest.created_at.desc()).limit(1))


def manifests_of(session: Session, principal: Principal, declaration_number: str) -> list[Manifest]:
    query = select(Manifest).where(Manifest.declaration_number == declaration_number)
    return list(session.scalars(scoped(query, Manifest, principal).order_by(Manifest.created_at)))


def list_declarations(
    session: Session,
    principal: Principal,
    params: PageParams,
    *,
    status: str | None = None,
    direction: str | None = None,
    text: str | None = None,
) -> Page[Declaration]:
    query = scoped(select(Declaration), Declaration, principal)
    if status:
        query = query.where(Declaration.status == status)
    if direction:
        query = query.where(Declaration.direction == direction)
    if text:
        like = f"%{text.upper()}%"
        query = query.where(Declaration.number.like(like) | Declaration.plate.like(like))
    ordered = query.order_by(Declaration.created_at.desc(), Declaration.id.desc())
    return paginate_query(session, ordered, params)


def manifests_query(principal: Principal, *, text: str | None = None) -> Select[Any]:
    """Manifests newest first; `text` matches the manifest, declaration or flight number."""
    query = scoped(select(Manifest), Manifest, principal)
    if text:
        like = f"%{text.replace(' ', '').upper()}%"
        query = query.where(
            Manifest.number.like(like)
            | Manifest.declaration_number.like(like)
            | Manifest.flight.like(like)
        )
    return query.order_by(Manifest.created_at.desc(), Manifest.id.desc())


def volumes_query(since: date | None = None, until: date | None = None) -> Select[Any]:
    """The airport's daily volumes, latest day first (airport statistics: no owner to scope)."""
    query = select(DailyVolume)
    if since:
        query = query.where(DailyVolume.day >= since)
    if until:
        query = query.where(DailyVolume.day <= until)
    return query.order_by(DailyVolume.day.desc())


def transactions_query(
    principal: Principal,
    *,
    status: str | None = None,
    verdict: str | None = None,
    day: date | None = None,
    text: str | None = None,
) -> Select[Any]:
    query = scoped(select(GateTransaction), GateTransaction, principal)
    if status:
        query = query.where(GateTransaction.status == status)
    if verdict:
        query = query.where(GateTransaction.verdict == verdict)
    if day:
        query = query.where(GateTransaction.day == day)
    if text:
        like = f"%{text.upper()}%"
        query = query.where(
            GateTransaction.plate.like(like) | GateTransaction.declaration_number.like(like)
        )
    return query.order_by(GateTransaction.passed_at.desc(), GateTransaction.id.desc())


def declaration_transactions(
    session: Session, principal: Principal, declaration_id: str
) -> list[GateTransaction]:
    query = scoped(select(GateTransaction), GateTransaction, principal).where(
        GateTransaction.declaration_id == declaration_id
    )
    return list(session.scalars(query.order_by(GateTransaction.passed_at)))
