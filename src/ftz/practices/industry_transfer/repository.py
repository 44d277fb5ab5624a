"""Every p23 query, narrowed to what the caller may see (`access.Scope`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from ftz.core.kit.errors import not_found
from ftz.core.kit.pagination import Page, PageParams, paginate_query
from ftz.practices.industry_transfer.access import (
    Scope,
    agreements_condition,
    projects_condition,
)
from ftz.practices.industry_transfer.models import (
    CooperationAgreement,
    EnclaveArrangement,
    IndicatorReport,
    TransferPark,
    TransferProject,
)

EXPORT_LIMIT = 50_000


def _like(text: str) -> str:
    return f"%{text.strip()}%"


# Parks: a directory of public facts (name, region, operator); every reader with a scope sees it.


def parks_query(scope: Scope, *filters: Any) -> Select[TransferPark]:
    query = select(TransferPark).where(*filters)
    if scope.kind == "none":
        query = query.where(TransferPark.id.is_(None))
    return query.order_by(TransferPark.province_code, TransferPark.code)


def park_filters(q: str = "", role: str = "", province: str = "") -> list[Any]:
    filters: list[Any] = []
    if q:
        like = _like(q)
        filters.append(
            or_(
                TransferPark.code.like(like),
                TransferPark.name_zh.like(like),
                TransferPark.name_en.like(like),
                TransferPark.city.like(like),
                TransferPark.operator.like(like),
            )
        )
    if role:
        filters.append(TransferPark.role == role)
    if province:
        filters.append(TransferPark.province_code == province)
    return filters


def parks(session: Session, scope: Scope, *filters: Any) -> list[TransferPark]:
    return list(session.scalars(parks_query(scope, *filters)))


def park_page(
    session: Session, scope: Scope, params: PageParams, *filters: Any
) -> Page[TransferPark]:
    return paginate_query(session, parks_query(scope, *filters), params)


def park_by_code(session: Session, scope: Scope, code: str, field: str = "park") -> TransferPark:
    found = session.scalar(parks_query(scope, TransferPark.code == code))
    if found is None:
        raise not_found(f"{field} {code}")
    return found


def park_by_id(session: Session, scope: Scope, park_id: str) -> TransferPark:
    found = session.scalar(parks_query(scope, TransferPark.id == park_id))
    if found is None:
        raise not_found("park")
    return found


# Agreements and arrangements: visible when one of the two parks is within reach.


def agreements_query(scope: Scope, *filters: Any) -> Select[CooperationAgreement]:
    query = select(CooperationAgreement).where(agreements_condition(scope), *filters)
    return query.order_by(CooperationAgreement.signed_on.desc(), CooperationAgreement.number)


def agreement_filters(q: str = "", status: str = "", park_id: str = "") -> list[Any]:
    filters: list[Any] = []
    if q:
        like = _like(q)
        filters.append(
            or_(
                CooperationAgreement.number.like(like),
                CooperationAgreement.title.like(like),
                CooperationAgreement.sponsor_signatory.like(like),
                CooperationAgreement.receiving_signatory.like(like),
            )
        )
    if status:
        filters.append(CooperationAgreement.status == status)
    if park_id:
        filters.append(or_(CooperationAgreement.sponsor_park_id == park_id,
                           CooperationAgreement.receiving_park_id == park_id))  # fmt: skip
    return filters


def agreements(session: Session, scope: Scope, *filters: Any) -> list[CooperationAgreement]:
    return list(session.scalars(agreements_query(scope, *filters)))


def agreement_page(
    session: Session, scope: Scope, params: PageParams, *filters: Any
) -> Page[CooperationAgreement]:
    return paginate_query(session, agreements_query(scope, *filters), params)


def agreement_by_number(session: Session, scope: Scope, number: str) -> CooperationAgreement:
    found = session.scalar(agreements_query(scope, CooperationAgreement.number == number))
    if found is None:
        raise not_found(f"agreement {number}")
    return found


def arrangements(session: Session, agreement_ids: Iterable[str]) -> list[EnclaveArrangement]:
    query = select(EnclaveArrangement).where(
        EnclaveArrangement.agreement_id.in_(list(agreement_ids))
    )
    return list(
        session.scalars(query.order_by(EnclaveArrangement.starts_on, EnclaveArrangement.name_zh))
    )


def visible_arrangements(session: Session, scope: Scope) -> list[EnclaveArrangement]:
    visible = select(CooperationAgreement.id).where(agreements_condition(scope))
    query = select(EnclaveArrangement).where(EnclaveArrangement.agreement_id.in_(visible))
    return list(
        session.scalars(query.order_by(EnclaveArrangement.starts_on, EnclaveArrangement.name_zh))
    )


def arrangement_in_scope(session: Session, scope: Scope, arrangement_id: str) -> EnclaveArrangement:
    visible = select(CooperationAgreement.id).where(agreements_condition(scope))
    query = select(EnclaveArrangement).where(
        EnclaveArrangement.id == arrangement_id, EnclaveArrangement.agreement_id.in_(visible)
    )
    found = session.scalar(query)
    if found is None:
        raise not_found("arrangement")
    return found


# Projects.


def projects_query(scope: Scope, *filters: Any) -> Select[TransferProject]:
    query = select(TransferProject).where(projects_condition(scope), *filters)
    return query.order_by(TransferProject.code)


def project_filters(
    q: str = "",
    stage: str = "",
    park_id: str = "",
    receiving_park_id: str = "",
    sponsor_park_id: str = "",
    section: str = "",
    arrangement_id: str = "",
    stages: Iterable[str] = (),
    agreement_id: str = "",
) -> list[Any]:
    filters: list[Any] = []
    if q:
        like = _like(q)
        filters.append(or_(TransferProject.code.like(like), TransferProject.name.like(like),
                           TransferProject.enterprise.like(like)))  # fmt: skip
    if stage:
        filters.append(TransferProject.stage == stage)
    if stages:
        filters.append(TransferProject.stage.in_(list(stages)))
    if park_id:
        filters.append(or_(TransferProject.sponsor_park_id == park_id,
                           TransferProject.receiving_park_id == park_id))  # fmt: skip
    if receiving_park_id:
        filters.append(TransferProject.receiving_park_id == receiving_park_id)
    if sponsor_park_id:
        filters.append(TransferProject.sponsor_park_id == sponsor_park_id)
    if section:
        filters.append(TransferProject.industry_code.like(f"{section}%"))
    if arrangement_id:
        filters.append(TransferProject.arrangement_id == arrangement_id)
    if agreement_id:
        filters.append(TransferProject.agreement_id == agreement_id)
    return filters


def project_page(
    session: Session, scope: Scope, params: PageParams, *filters: Any
) -> Page[TransferProject]:
    return paginate_query(session, projects_query(scope, *filters), params)


def export_projects(session: Session, scope: Scope, *filters: Any) -> list[TransferProject]:
    return list(session.scalars(projects_query(scope, *filters).limit(EXPORT_LIMIT)))


def project_by_code(session: Session, scope: Scope, code: str) -> TransferProject:
    found = session.scalar(projects_query(scope, TransferProject.code == code))
    if found is None:
        raise not_found(f"project {code}")
    return found


def code_taken(session: Session, model: Any, column: Any, value: str) -> bool:
    return session.scalar(select(func.count()).select_from(model).where(column == value)) != 0


# Indicator reports.


def reports_of(session: Session, project_id: str) -> list[IndicatorReport]:
    query = select(IndicatorReport).where(IndicatorReport.project_id == project_id)
    return list(session.scalars(query.order_by(IndicatorReport.period.desc())))


def report_for(
    session: Session, project_id: str, period: str, *, lock: bool = False
) -> IndicatorReport | None:
    query = select(IndicatorReport).where(
        IndicatorReport.project_id == project_id, IndicatorReport.period == period
    )
    return session.scalar(query.with_for_update() if lock else query)


def reports_for_projects(
    session: Session, project_ids: list[str], first: str | None, last: str | None
) -> list[IndicatorReport]:
    """Reports of these projects in the period range ("2025-Q1" strings sort as quarters)."""
    if not project_ids:
        return []
    query = select(IndicatorReport).where(IndicatorReport.project_id.in_(project_ids))
    if first:
        query = query.where(IndicatorReport.period >= first)
    if last:
        query = query.where(IndicatorReport.period <= last)
    return list(session.scalars(query.order_by(IndicatorReport.period)))


def statistics_projects(
    session: Session, scope: Scope, stages: Iterable[str]
) -> list[TransferProject]:
    return list(session.scalars(projects_query(scope, TransferProject.stage.in_(list(stages)))))


def stage_totals(session: Session, scope: Scope) -> list[tuple[str, str, int, Any, Any]]:
    """(receiving park id, stage, projects, planned, actual) within reach."""
    query = (
        select(
            TransferProject.receiving_park_id,
            TransferProject.stage,
            func.count(),
            func.sum(TransferProject.planned_investment),
            func.sum(TransferProject.actual_investment),
        )
        .where(projects_condition(scope))
        .group_by(TransferProject.receiving_park_id, TransferProject.stage)
    )
    return [(str(p), str(s), int(n), pl, ac) for p, s, n, pl, ac in session.execute(query)]


def agreement_by_id(session: Session, scope: Scope, agreement_id: str) -> CooperationAgreement:
    found = session.scalar(agreements_query(scope, CooperationAgreement.id == agreement_id))
    if found is None:
        raise not_found("agreement")
    return found


def totals_by(
    session: Session, scope: Scope, column: Any, stages: Iterable[str]
) -> list[tuple[str, int, Any, Any]]:
    """(key, projects, planned, actual) of the projects at these stages, grouped by `column`."""
    query = (
        select(column, func.count(), func.sum(TransferProject.planned_investment),
               func.sum(TransferProject.actual_investment))
        .where(projects_condition(scope), TransferProject.stage.in_(list(stages)))
        .group_by(column)
    )  # fmt: skip
    return [(str(k), int(n), pl, ac) for k, n, pl, ac in session.execute(query)]


def parks_by_id(session: Session, ids: Iterable[str]) -> dict[str, TransferPark]:
    wanted = list(set(ids))
    if not wanted:
        return {}
    return {
        p.id: p for p in session.scalars(select(TransferPark).where(TransferPark.id.in_(wanted)))
    }
