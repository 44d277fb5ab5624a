"""Every p18 query. Who sees a case: the court that registered it, the notary office it was
handed to, the registration authority (officers of `real_estate`), the parties whose account is
on it, and admins; anyone else gets 404, exactly as for a missing case. `lock=True` takes the
case's row lock (SELECT … FOR UPDATE on PostgreSQL; SQLite's BEGIN IMMEDIATE already queues
writers), and every write to a case, money above all, takes it first."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, false, func, or_, select
from sqlalchemy.orm import Session

from ftz.core.auth.models import Organization, Role
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import not_found
from ftz.core.kit.pagination import Page, PageParams, paginate_query
from ftz.practices.sealed_transfer.models import (
    CaseParty,
    CaseStep,
    EscrowMovement,
    PropertySeal,
    TransferCase,
)
from ftz.practices.sealed_transfer.permissions import DEPARTMENTS


def _seen(principal: Principal) -> ColumnElement[bool] | None:
    """None: everything; otherwise the condition on TransferCase for this principal."""
    if principal.is_admin or (
        Role.OFFICER in principal.roles and principal.department in DEPARTMENTS
    ):
        return None
    if principal.org_id is None:
        return false()
    conditions: list[ColumnElement[bool]] = []
    if Role.COURT in principal.roles:
        conditions.append(TransferCase.court_org_id == principal.org_id)
    if Role.NOTARY in principal.roles:
        conditions.append(TransferCase.notary_org_id == principal.org_id)
    if Role.ENTERPRISE in principal.roles:
        parties = select(CaseParty.case_id).where(CaseParty.org_id == principal.org_id)
        conditions.append(TransferCase.id.in_(parties))
    return or_(*conditions) if conditions else false()


def scoped(query: Select[Any], principal: Principal) -> Select[Any]:
    seen = _seen(principal)
    return query if seen is None else query.where(seen)


def get_case(
    session: Session, principal: Principal, case_id: str, *, lock: bool = False
) -> TransferCase:
    query = scoped(select(TransferCase).where(TransferCase.id == case_id), principal)
    found = session.scalar(query.with_for_update() if lock else query)
    if found is None:
        raise not_found("case")
    return found  # type: ignore[no-any-return]


def number_taken(session: Session, number: str, except_id: str | None = None) -> bool:
    query = select(TransferCase.id).where(TransferCase.number == number)
    if except_id:
        query = query.where(TransferCase.id != except_id)
    return session.scalar(query) is not None


def search(
    session: Session, principal: Principal, params: PageParams, *, status: str = "", q: str = ""
) -> Page[TransferCase]:
    return paginate_query(session, filtered(principal, status=status, q=q), params)


def filtered(principal: Principal, *, status: str = "", q: str = "") -> Select[Any]:
    query = scoped(select(TransferCase), principal)
    if status:
        query = query.where(TransferCase.status == status)
    if q:
        like = f"%{q}%"
        named = select(CaseParty.case_id).where(CaseParty.name.like(like))
        query = query.where(
            or_(
                TransferCase.number.like(like),
                TransferCase.address.like(like),
                TransferCase.certificate_no.like(like),
                TransferCase.id.in_(named),
            )
        )
    return query.order_by(TransferCase.updated_at.desc(), TransferCase.id.desc())


def parties(session: Session, case_id: str) -> list[CaseParty]:
    query = select(CaseParty).where(CaseParty.case_id == case_id)
    return list(
        session.scalars(
            query.order_by(CaseParty.priority.is_(None), CaseParty.priority, CaseParty.id)
        )
    )


def seals(session: Session, case_id: str) -> list[PropertySeal]:
    return list(
        session.scalars(
            select(PropertySeal).where(PropertySeal.case_id == case_id).order_by(PropertySeal.rank)
        )
    )


def movements(session: Session, case_id: str) -> list[EscrowMovement]:
    query = select(EscrowMovement).where(EscrowMovement.case_id == case_id)
    return list(session.scalars(query.order_by(EscrowMovement.step_seq)))


def steps(session: Session, case_id: str) -> list[CaseStep]:
    return list(
        session.scalars(select(CaseStep).where(CaseStep.case_id == case_id).order_by(CaseStep.seq))
    )


def org(session: Session, org_id: str | None) -> Organization | None:
    return session.get(Organization, org_id) if org_id else None


def notary_offices(session: Session) -> list[Organization]:
    query = select(Organization).where(Organization.department == "notary")
    return list(session.scalars(query.order_by(Organization.code)))


def counts_by_status(session: Session, principal: Principal) -> dict[str, int]:
    table = scoped(select(TransferCase), principal).subquery()
    rows = session.execute(select(table.c.status, func.count()).group_by(table.c.status)).all()
    return {str(s): int(n) for s, n in rows}


def visible_cases(session: Session, principal: Principal) -> list[TransferCase]:
    return list(
        session.scalars(
            scoped(select(TransferCase), principal).order_by(TransferCase.registered_on)
        )
    )


def steps_of(session: Session, case_ids: list[str]) -> list[CaseStep]:
    if not case_ids:
        return []
    return list(session.scalars(select(CaseStep).where(CaseStep.case_id.in_(case_ids))))


def movements_of(session: Session, case_ids: list[str]) -> list[EscrowMovement]:
    if not case_ids:
        return []
    return list(session.scalars(select(EscrowMovement).where(EscrowMovement.case_id.in_(case_ids))))


def find_case(session: Session, principal: Principal, ref: str) -> TransferCase:
    """A case by its id or its number (案号), as the CLI accepts either."""
    query = scoped(
        select(TransferCase).where(or_(TransferCase.id == ref, TransferCase.number == ref)),
        principal,
    )
    found = session.scalar(query)
    if found is None:
        raise not_found("case")
    return found  # type: ignore[no-any-return]
