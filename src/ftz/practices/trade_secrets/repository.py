"""Every p27 query; enterprises see their own organization's records only."""

from __future__ import annotations

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import not_found
from ftz.core.kit.pagination import Page, PageParams, paginate_query
from ftz.practices.trade_secrets.models import Batch, Certification, Project, Record


def _own(query: Select[Record], principal: Principal) -> Select[Record]:
    if principal.is_enterprise:
        return query.where(Record.org_id == principal.org_id)
    return query


def get_record(session: Session, principal: Principal, record_id: str) -> Record:
    record = session.scalar(_own(select(Record).where(Record.id == record_id), principal))
    if record is None:
        raise not_found("record")
    return record


def list_records(
    session: Session,
    principal: Principal,
    params: PageParams,
    *,
    project_id: str | None = None,
    text: str | None = None,
    contributor: str | None = None,
) -> Page[Record]:
    query = _own(select(Record), principal)
    if project_id:
        query = query.where(Record.project_id == project_id)
    if text:
        like = f"%{text}%"
        query = query.where(Record.title.like(like) | (Record.sha256 == text.lower()))
    records = query.order_by(Record.ledger_index.desc())
    if contributor:
        # Contributors are a short JSON list; filter in Python over the organization's records.
        matching = [r for r in session.scalars(records) if contributor in r.contributors["names"]]
        start = params.offset
        return Page(
            items=matching[start : start + params.size],
            total=len(matching),
            page=params.page,
            size=params.size,
        )
    return paginate_query(session, records, params)


def records_of(
    session: Session,
    principal: Principal,
    *,
    project_id: str | None = None,
    batch_id: str | None = None,
    ids: list[str] | None = None,
) -> list[Record]:
    query = _own(select(Record), principal)
    if project_id:
        query = query.where(Record.project_id == project_id)
    if batch_id:
        query = query.where(Record.batch_id == batch_id)
    if ids is not None:
        query = query.where(Record.id.in_(ids))
    return list(session.scalars(query.order_by(Record.ledger_index)))


def find_by_hash(session: Session, sha256: str) -> Record | None:
    return session.scalar(
        select(Record).where(Record.sha256 == sha256).order_by(Record.ledger_index).limit(1)
    )


def existing_hashes(session: Session, org_id: str, hashes: list[str]) -> dict[str, Record]:
    found: dict[str, Record] = {}
    for start in range(0, len(hashes), 500):
        chunk = hashes[start : start + 500]
        query = select(Record).where(Record.org_id == org_id, Record.sha256.in_(chunk))
        for record in session.scalars(query):
            found.setdefault(record.sha256, record)
    return found


def project_by_name(session: Session, org_id: str, name: str) -> Project | None:
    return session.scalar(select(Project).where(Project.org_id == org_id, Project.name == name))


def projects(session: Session, principal: Principal) -> list[tuple[Project, int]]:
    query = (
        select(Project, func.count(Record.id))
        .outerjoin(Record, Record.project_id == Project.id)
        .group_by(Project.id)
        .order_by(Project.name)
    )
    if principal.is_enterprise:
        query = query.where(Project.org_id == principal.org_id)
    return [(p, int(n)) for p, n in session.execute(query)]


def get_batch(session: Session, principal: Principal, batch_id: str) -> Batch:
    batch = session.get(Batch, batch_id)
    if batch is None or (principal.is_enterprise and batch.org_id != principal.org_id):
        raise not_found("batch")
    return batch


def counts(session: Session, principal: Principal) -> dict[str, int]:
    def scalar(query: Select[int]) -> int:
        return int(session.scalar(query) or 0)

    records = select(func.count(Record.id))
    enterprises = select(func.count(func.distinct(Record.org_id)))
    batches = select(func.count(Batch.id))
    certified = select(func.count(func.distinct(Certification.org_id))).where(
        Certification.status == "certified"
    )
    if principal.is_enterprise:
        records = records.where(Record.org_id == principal.org_id)
        enterprises = enterprises.where(Record.org_id == principal.org_id)
        batches = batches.where(Batch.org_id == principal.org_id)
        certified = certified.where(Certification.org_id == principal.org_id)
    return {
        "records": scalar(records),
        "enterprises": scalar(enterprises),
        "batches": scalar(batches),
        "certified_enterprises": scalar(certified),
    }
