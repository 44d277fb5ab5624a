"""Every p05 query. The registry and submitted proposals are public; drafts are seen by
maritime safety officers only; an assessment is seen by the enterprise that asked for it and by
the officers, and answers 404 to everyone else, exactly like a missing one."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal, visibility
from ftz.core.auth.scoping import get_owned, scoped
from ftz.core.kit.errors import not_found
from ftz.core.kit.pagination import Page, PageParams, paginate_query
from ftz.practices.cargo_rules.models import (
    Assessment,
    Cargo,
    CargoVersion,
    Proposal,
    ProposalDocument,
    SignOff,
    StatusChange,
)
from ftz.practices.cargo_rules.permissions import DEPARTMENTS

CANDIDATES = 300


def is_officer(principal: Principal) -> bool:
    return visibility(principal, DEPARTMENTS) == "all"


def cargo(session: Session, key: str, *, lock: bool = False) -> Cargo:
    """A cargo by registry code (any case) or id."""
    query = select(Cargo).where(or_(Cargo.code == key.upper(), Cargo.id == key))
    found = session.scalar(query.with_for_update() if lock else query)
    if found is None:
        raise not_found("cargo")
    return found


def cargo_query(filters: dict[str, str]) -> Select[Any]:
    query = select(Cargo)
    for name in ("regime", "imsbc_group", "status", "imdg_class"):
        if filters.get(name):
            query = query.where(getattr(Cargo, name) == filters[name])
    if filters.get("q"):
        like = f"%{filters['q']}%"
        query = query.where(
            or_(
                Cargo.name_zh.like(like),
                Cargo.name_en.ilike(like),
                Cargo.code.ilike(like),
                Cargo.un_number == filters["q"],
            )
        )
    return query.order_by(Cargo.regime, Cargo.name_en, Cargo.id)


def cargo_page(session: Session, filters: dict[str, str], params: PageParams) -> Page[Cargo]:
    return paginate_query(session, cargo_query(filters), params)


def cargo_rows(session: Session, filters: dict[str, str]) -> list[Cargo]:
    return list(session.scalars(cargo_query(filters)))


def candidates(session: Session, words: Iterable[str], query: str) -> list[Cargo]:
    """Cargoes having one of `words` as a token or token prefix, or `query` in a name."""
    like = f"%{query.strip()}%"
    tests = [Cargo.search_text.like(f"% {w}%") for w in words]
    tests += [Cargo.name_zh.like(like), Cargo.name_en.ilike(like)]
    return list(session.scalars(select(Cargo).where(or_(*tests)).limit(CANDIDATES)))


def by_un_number(session: Session, un: str) -> list[Cargo]:
    """Cargoes with this UN number now, or formerly (their tokens keep old numbers)."""
    query = select(Cargo).where(or_(Cargo.un_number == un, Cargo.search_text.like(f"% un{un} %")))
    return list(session.scalars(query.order_by(Cargo.name_en).limit(CANDIDATES)))


def all_cargoes(session: Session) -> list[Cargo]:
    return list(session.scalars(select(Cargo).order_by(Cargo.name_en)))


def versions(session: Session, cargo_id: str) -> list[CargoVersion]:
    query = select(CargoVersion).where(CargoVersion.cargo_id == cargo_id)
    return list(session.scalars(query.order_by(CargoVersion.effective_from, CargoVersion.id)))


def status_changes(session: Session, cargo_id: str) -> list[StatusChange]:
    query = select(StatusChange).where(StatusChange.cargo_id == cargo_id)
    return list(session.scalars(query.order_by(StatusChange.at, StatusChange.id)))


def _proposals(principal: Principal) -> Select[Any]:
    query = select(Proposal)
    return query if is_officer(principal) else query.where(Proposal.status != "draft")


def proposal_query(principal: Principal, filters: dict[str, str]) -> Select[Any]:
    query = _proposals(principal)
    for name in ("status", "instrument"):
        if filters.get(name):
            query = query.where(getattr(Proposal, name) == filters[name])
    if filters.get("q"):
        like = f"%{filters['q']}%"
        query = query.where(
            or_(
                Proposal.number.ilike(like),
                Proposal.title_zh.like(like),
                Proposal.title_en.ilike(like),
            )
        )
    return query.order_by(Proposal.number.desc())


def proposal(session: Session, principal: Principal, key: str, *, lock: bool = False) -> Proposal:
    query = _proposals(principal).where(or_(Proposal.id == key, Proposal.number == key.upper()))
    found: Proposal | None = session.scalar(query.with_for_update() if lock else query)
    if found is None:
        raise not_found("proposal")
    return found


def proposals_of(session: Session, principal: Principal, cargo_id: str) -> list[Proposal]:
    query = _proposals(principal).where(Proposal.cargo_id == cargo_id)
    return list(session.scalars(query.order_by(Proposal.number)))


def documents(session: Session, proposal_id: str) -> list[ProposalDocument]:
    query = select(ProposalDocument).where(ProposalDocument.proposal_id == proposal_id)
    return list(session.scalars(query.order_by(ProposalDocument.dated, ProposalDocument.symbol)))


def assessment_query(principal: Principal, filters: dict[str, str]) -> Select[Any]:
    query = scoped(select(Assessment), Assessment, principal, DEPARTMENTS)
    for name in ("status", "mode"):
        if filters.get(name):
            query = query.where(getattr(Assessment, name) == filters[name])
    if filters.get("q"):
        like = f"%{filters['q']}%"
        query = query.where(
            or_(
                Assessment.number.ilike(like),
                Assessment.goods_zh.like(like),
                Assessment.goods_en.ilike(like),
            )
        )
    return query.order_by(Assessment.created_at.desc(), Assessment.id.desc())


def assessment(
    session: Session, principal: Principal, key: str, *, lock: bool = False
) -> Assessment:
    found = None
    if key.upper().startswith("CA-"):  # a number such as CA-2024-0012, else an id
        found = session.scalar(select(Assessment.id).where(Assessment.number == key.upper()))
    return get_owned(
        session, principal, Assessment, found or key, DEPARTMENTS, what="assessment", lock=lock
    )


def sign_offs(session: Session, assessment_id: str) -> list[SignOff]:
    query = select(SignOff).where(SignOff.assessment_id == assessment_id)
    return list(session.scalars(query.order_by(SignOff.signed_on, SignOff.role)))


def page(session: Session, query: Select[Any], params: PageParams) -> Page[Any]:
    return paginate_query(session, query, params)


def next_number(session: Session, model: Any, prefix: str) -> str:
    """The next free "<prefix>-NNNN" (unique constraint still guards a race: 409)."""
    taken = session.scalar(select(func.count()).where(model.number.like(f"{prefix}-%"))) or 0
    return f"{prefix}-{taken + 1:04d}"


def counts(session: Session, column: Any) -> dict[str, int]:
    rows = session.execute(select(column, func.count()).group_by(column))
    return {str(key): int(n) for key, n in rows}


def assessment_counts(session: Session, principal: Principal) -> dict[str, int]:
    counted = cast(Select[Any], select(Assessment.status, func.count()))
    query = scoped(counted, Assessment, principal, DEPARTMENTS)
    return {str(k): int(n) for k, n in session.execute(query.group_by(Assessment.status))}


def signed_by_authority(session: Session) -> dict[str, int]:
    query = select(Assessment.authority, func.count()).where(Assessment.status == "agreed")
    return {str(k): int(n) for k, n in session.execute(query.group_by(Assessment.authority))}


def proposals_by_proposer(session: Session) -> dict[str, dict[str, int]]:
    """Submitted (anything past draft) and adopted proposals of each proposer."""
    rows = session.execute(
        select(Proposal.proposer, Proposal.status, func.count()).group_by(
            Proposal.proposer, Proposal.status
        )
    )
    found: dict[str, dict[str, int]] = {}
    for proposer, status, n in rows:
        slot = found.setdefault(str(proposer), {"submitted": 0, "adopted": 0})
        if status != "draft":
            slot["submitted"] += int(n)
        if status == "adopted":
            slot["adopted"] += int(n)
    return found
