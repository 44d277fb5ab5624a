"""Every p01 query; an enterprise sees its own filings, batches and findings; the cyberspace
administration sees all; other agencies see none."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from ftz.core.auth import scoping
from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import Page, PageParams, paginate_query
from ftz.practices.data_export.models import AuditRun, Batch, Filing, Finding, PreAssessment
from ftz.practices.data_export.permissions import DEPARTMENTS

Owned = TypeVar("Owned", Filing, Batch, Finding, AuditRun, PreAssessment)


def scoped(query: Select[Any], model: type[Owned], principal: Principal) -> Select[Any]:
    return scoping.scoped(query, model, principal, DEPARTMENTS)


def get_owned(session: Session, principal: Principal, model: type[Owned], id_: str) -> Owned:
    return scoping.get_owned(session, principal, model, id_, DEPARTMENTS)


def list_filings(
    session: Session,
    principal: Principal,
    params: PageParams,
    *,
    status: str | None = None,
    text: str | None = None,
    current_only: bool = True,
) -> Page[Filing]:
    query = scoped(select(Filing), Filing, principal)
    if status:
        query = query.where(Filing.status == status)
    if current_only:
        query = query.where(Filing.status.not_in(("superseded",)))
    if text:
        like = f"%{text}%"
        query = query.where(
            Filing.number.like(like) | Filing.recipient.like(like) | Filing.scenario.like(like)
        )
    ordered = query.order_by(Filing.created_at.desc(), Filing.id.desc())
    return paginate_query(session, ordered, params)


def versions(session: Session, principal: Principal, number: str) -> list[Filing]:
    query = scoped(select(Filing).where(Filing.number == number), Filing, principal)
    return list(session.scalars(query.order_by(Filing.version)))


def list_batches(
    session: Session, principal: Principal, params: PageParams, *, filing_id: str | None = None
) -> Page[Batch]:
    query = scoped(select(Batch), Batch, principal)
    if filing_id:
        query = query.where(Batch.filing_id == filing_id)
    ordered = query.order_by(Batch.exported_at.desc(), Batch.id.desc())
    return paginate_query(session, ordered, params)


def org_batches(session: Session, org_id: str) -> list[Batch]:
    return list(
        session.scalars(select(Batch).where(Batch.org_id == org_id).order_by(Batch.exported_at))
    )


def org_filings(session: Session, org_id: str) -> list[Filing]:
    return list(session.scalars(select(Filing).where(Filing.org_id == org_id)))


def findings(session: Session, principal: Principal, run_id: str | None = None) -> list[Finding]:
    query = scoped(select(Finding), Finding, principal)
    if run_id:
        query = query.where(Finding.run_id == run_id)
    return list(session.scalars(query.order_by(Finding.created_at.desc(), Finding.id).limit(500)))


def dashboard(session: Session, principal: Principal) -> dict[str, Any]:
    """Counts for the officers' dashboard, from the records (current versions only)."""
    filings = scoped(select(Filing), Filing, principal).where(Filing.status != "superseded")
    table = filings.subquery()

    def grouped(column: Any) -> dict[str, int]:
        rows = session.execute(select(column, func.count()).group_by(column)).all()
        return {str(key): int(count) for key, count in rows}

    batches = scoped(select(Batch), Batch, principal).subquery()
    return {
        "by_status": grouped(table.c.status),
        "by_sector": grouped(table.c.sector),
        "by_country": grouped(table.c.country),
        "by_mechanism": grouped(table.c.mechanism),
        "batches": int(session.scalar(select(func.count()).select_from(batches)) or 0),
        "individuals_exported": int(
            session.scalar(select(func.coalesce(func.sum(batches.c.individuals), 0))) or 0
        ),
    }
