"""Every p06 query. Batches: importers see their own organization's, inspection officers all,
other agencies none; another organization's batch answers 404. Risk records, cases and imports
are the inspectors' reference data (the service checks who asks)."""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from ftz.core.auth import scoping
from ftz.core.auth.models import Organization
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import not_found
from ftz.core.kit.pagination import Page, PageParams, paginate_query
from ftz.practices.hs_inspection.models import HsBatch, HsImport, HsRiskCase, HsRiskRecord
from ftz.practices.hs_inspection.permissions import DEPARTMENTS

EXPORT_LIMIT = 50_000


def scoped(query: Select[Any], principal: Principal) -> Select[Any]:
    return scoping.scoped(query, HsBatch, principal, DEPARTMENTS)


def get_batch(session: Session, principal: Principal, id_: str, *, lock: bool = False) -> HsBatch:
    return scoping.get_owned(session, principal, HsBatch, id_, DEPARTMENTS, what="batch", lock=lock)


def batch_search(text: str) -> Any:
    """`text` in the batch or declaration number, the HS code, product, brand or importer."""
    like = f"%{text.strip()}%"
    orgs = select(Organization.id).where(
        or_(Organization.name_zh.like(like), Organization.name_en.like(like))
    )
    return or_(
        HsBatch.number.like(like),
        HsBatch.declaration_no.like(like),
        HsBatch.hs_code.like(f"{text.strip()}%"),
        HsBatch.product.like(like),
        HsBatch.brand.like(like),
        HsBatch.org_id.in_(orgs),
    )


def _batches(principal: Principal, filters: tuple[Any, ...]) -> Select[Any]:
    query = scoped(select(HsBatch), principal).where(*filters)
    return query.order_by(HsBatch.arrival_date.desc(), HsBatch.number.desc())


def batch_page(
    session: Session, principal: Principal, params: PageParams, *filters: Any
) -> Page[HsBatch]:
    return paginate_query(session, _batches(principal, filters), params)


def batch_rows(session: Session, principal: Principal, *filters: Any) -> list[HsBatch]:
    return list(session.scalars(_batches(principal, filters).limit(EXPORT_LIMIT)))


def pending(session: Session, principal: Principal, on: date | None, limit: int) -> list[HsBatch]:
    """Batches waiting for inspection, the day's first (arrival date `on` if given)."""
    query = scoped(select(HsBatch), principal).where(HsBatch.status == "pending")
    if on is not None:
        query = query.where(HsBatch.arrival_date == on)
    return list(session.scalars(query.order_by(HsBatch.arrival_date, HsBatch.number).limit(limit)))


def batch_counts(session: Session, principal: Principal) -> dict[str, int]:
    grouped = cast(
        Select[Any],
        select(HsBatch.status, HsBatch.result, func.count()).group_by(
            HsBatch.status, HsBatch.result
        ),
    )
    query = scoped(grouped, principal)
    out: dict[str, int] = {"pending": 0, "inspected": 0, "nonconforming": 0}
    for status, result, n in session.execute(query):
        out[str(status)] = out.get(str(status), 0) + int(n)
        if result == "nonconforming":
            out["nonconforming"] += int(n)
    return out


def next_batch_number(session: Session, year: int) -> str:
    prefix = f"SY{year}-"
    count = session.scalar(
        select(func.count()).select_from(HsBatch).where(HsBatch.number.like(f"{prefix}%"))
    )
    return f"{prefix}{int(count or 0) + 1:06d}"


def next_case_number(session: Session, year: int) -> str:
    prefix = f"RC{year}-"
    count = session.scalar(
        select(func.count()).select_from(HsRiskCase).where(HsRiskCase.number.like(f"{prefix}%"))
    )
    return f"{prefix}{int(count or 0) + 1:05d}"


def under(column: Any, code: str) -> Any:
    """Rows coded at `code` or below it (a heading covers its subheadings)."""
    return column.like(f"{code}%")


def records_under(session: Session, code: str, source: str, limit: int) -> list[HsRiskRecord]:
    query = (
        select(HsRiskRecord)
        .where(under(HsRiskRecord.hs_code, code), HsRiskRecord.source == source)
        .order_by(HsRiskRecord.record_date.desc(), HsRiskRecord.ref)
        .limit(limit)
    )
    return list(session.scalars(query))


def source_counts(session: Session, code: str) -> dict[str, int]:
    query = (
        select(HsRiskRecord.source, func.count())
        .where(under(HsRiskRecord.hs_code, code))
        .group_by(HsRiskRecord.source)
    )
    return {str(s): int(n) for s, n in session.execute(query)}


def risk_types_under(session: Session, code: str) -> dict[str, tuple[int | None, int]]:
    """Risk type → (highest recorded severity, records) of the records under `code`."""
    query = (
        select(HsRiskRecord.risk_type, func.max(HsRiskRecord.severity), func.count())
        .where(under(HsRiskRecord.hs_code, code))
        .group_by(HsRiskRecord.risk_type)
    )
    return {str(t): (None if s is None else int(s), int(n)) for t, s, n in session.execute(query)}


def case_types_under(session: Session, code: str) -> dict[str, tuple[int, int]]:
    query = (
        select(HsRiskCase.risk_type, func.max(HsRiskCase.severity), func.count())
        .where(under(HsRiskCase.hs_code, code))
        .group_by(HsRiskCase.risk_type)
    )
    return {str(t): (int(s), int(n)) for t, s, n in session.execute(query)}


def inspected_under(session: Session, code: str) -> tuple[int, int]:
    """(batches inspected, nonconforming) under `code`, over all importers."""
    query = select(func.count(), func.count().filter(HsBatch.result == "nonconforming")).where(
        under(HsBatch.hs_code, code), HsBatch.status == "inspected"
    )
    row = session.execute(query).one()
    return int(row[0]), int(row[1])


def cases_under(session: Session, code: str, limit: int = 100_000) -> list[HsRiskCase]:
    query = (
        select(HsRiskCase)
        .where(under(HsRiskCase.hs_code, code))
        .order_by(HsRiskCase.created_at.desc(), HsRiskCase.number.desc())
        .limit(limit)
    )
    return list(session.scalars(query))


def record_search(text: str) -> Any:
    like = f"%{text.strip()}%"
    return or_(
        HsRiskRecord.ref.like(like),
        HsRiskRecord.hs_code.like(f"{text.strip()}%"),
        HsRiskRecord.product.like(like),
        HsRiskRecord.brand.like(like),
        HsRiskRecord.model.like(like),
        HsRiskRecord.barcode.like(like),
    )


def record_page(session: Session, params: PageParams, *filters: Any) -> Page[HsRiskRecord]:
    query = select(HsRiskRecord).where(*filters)
    query = query.order_by(HsRiskRecord.record_date.desc(), HsRiskRecord.id.desc())
    return paginate_query(session, query, params)


def record_rows(session: Session, *filters: Any) -> list[HsRiskRecord]:
    query = select(HsRiskRecord).where(*filters)
    return list(session.scalars(query.order_by(HsRiskRecord.record_date.desc(), HsRiskRecord.id)))


def get_record(session: Session, id_: str) -> HsRiskRecord:
    found = session.get(HsRiskRecord, id_)
    if found is None:
        raise not_found("risk record")
    return found


def record_by_batch(session: Session, batch_id: str) -> HsRiskRecord | None:
    return session.scalar(select(HsRiskRecord).where(HsRiskRecord.batch_id == batch_id))


def existing_refs(session: Session, source: str, refs: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(refs), 500):
        chunk = refs[start : start + 500]
        query = select(HsRiskRecord.ref).where(
            HsRiskRecord.source == source, HsRiskRecord.ref.in_(chunk)
        )
        found.update(session.scalars(query))
    return found


def record_totals(session: Session) -> dict[str, int]:
    query = select(HsRiskRecord.source, func.count()).group_by(HsRiskRecord.source)
    return {str(s): int(n) for s, n in session.execute(query)}


def imports(session: Session, limit: int = 50) -> list[HsImport]:
    query = select(HsImport).order_by(HsImport.created_at.desc(), HsImport.id.desc())
    return list(session.scalars(query.limit(limit)))


def case_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(HsRiskCase)) or 0)


def org_names(session: Session, org_ids: set[str]) -> dict[str, Organization]:
    if not org_ids:
        return {}
    query = select(Organization).where(Organization.id.in_(org_ids))
    return {org.id: org for org in session.scalars(query)}
