"""The association's side ("government supervision + self-regulation + insurance + rescue"):
self-regulation records with credit points from rules/credit_points.json and each operator's
credit level (rules/credit_level.json); demonstration bases and key projects; and the annual
statistics by city or county that the association monitors (the seed's 监测统计 power)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from ftz.core.auth.models import Organization, OrgKind
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import conflict, forbidden, not_found, validation_error
from ftz.practices.leisure_fishery import reference, repository
from ftz.practices.leisure_fishery.models import (
    AnnualStatistic,
    AssociationRecord,
    DemonstrationBase,
    Vessel,
)
from ftz.practices.leisure_fishery.schemas import (
    AssociationRecordIn,
    BaseIn,
    BaseUpdate,
    StatisticIn,
)
from ftz.practices.leisure_fishery.service import is_association, is_fishery_officer


def _association(principal: Principal) -> None:
    if not is_association(principal):
        raise forbidden("only the leisure fishery association keeps self-regulation records")


def add_record(
    session: Session, *, principal: Principal, data: AssociationRecordIn
) -> AssociationRecord:
    _association(principal)
    if data.vessel_id:
        vessel = repository.get(session, principal, Vessel, data.vessel_id, "vessel")
        org_id = vessel.org_id
    elif data.operator_code:
        org = repository.operator(session, data.operator_code)
        if org is None or org.kind != OrgKind.ENTERPRISE:
            raise validation_error("operator_code", f"no operator {data.operator_code!r}")
        org_id = org.id
    else:
        raise validation_error("vessel_id", "name the vessel or the operator concerned")
    if data.occurred_on > reference.today():
        raise validation_error("occurred_on", "cannot record something that has not happened")
    result, why = reference.evaluate(
        "credit_points.json", {"kind": data.kind, "severity": data.severity}
    )
    record = AssociationRecord(
        org_id=org_id,
        vessel_id=data.vessel_id,
        kind=data.kind,
        severity=data.severity,
        occurred_on=data.occurred_on,
        description=data.description,
        points=int(result["points"]),
        why=why,
        recorded_by=principal.username,
    )
    session.add(record)
    session.flush()
    return record


def records_query(
    principal: Principal, *, kind: str = "", org_id: str = "", q: str = ""
) -> Select[Any]:
    query = repository.scoped(select(AssociationRecord), AssociationRecord, principal)
    if kind:
        query = query.where(AssociationRecord.kind == kind)
    if org_id:
        query = query.where(AssociationRecord.org_id == org_id)
    if q:
        query = query.where(AssociationRecord.description.like(f"%{q}%"))
    return query.order_by(AssociationRecord.occurred_on.desc(), AssociationRecord.created_at.desc())


def credit(session: Session, *, principal: Principal) -> list[dict[str, Any]]:
    """Each operator's score: the base plus the points of the past 12 months' records (a sum of
    the records, never a stored counter), with its level and the row that set it."""
    since = reference.today() - timedelta(days=365)
    base = reference.setting("credit_base_points")
    seen = repository.scoped(select(AssociationRecord), AssociationRecord, principal)
    recent = seen.where(AssociationRecord.occurred_on >= since).subquery()
    totals = select(recent.c.org_id, func.sum(recent.c.points)).group_by(recent.c.org_id)
    points: dict[str, int] = {str(o): int(p or 0) for o, p in session.execute(totals)}
    operators = select(Organization).where(
        Organization.id.in_(repository.scoped(select(Vessel.org_id), Vessel, principal))
    )
    rows = []
    for org in session.scalars(operators.order_by(Organization.name_zh)):
        score = base + points.get(org.id, 0)
        result, why = reference.evaluate("credit_level.json", {"score": score})
        rows.append(
            {
                "org_id": org.id,
                "name_zh": org.name_zh,
                "name_en": org.name_en,
                "score": score,
                "level": result["level"],
                "why": why,
            }
        )
    return rows


def _bases_writer(principal: Principal) -> None:
    if not is_fishery_officer(principal):
        raise forbidden("only fishery officers recognise demonstration bases")


def _facilities(facilities: list[str]) -> list[str]:
    for n, code in enumerate(facilities):
        if code not in reference.FACILITIES:
            raise validation_error(f"facilities.{n}", f"unknown facility {code!r}")
    return list(dict.fromkeys(facilities))


def _area(code: str) -> None:
    if code not in reference.area_names():
        raise validation_error("area_code", f"{code} is not a city or county of Hainan")


def create_base(session: Session, *, principal: Principal, data: BaseIn) -> DemonstrationBase:
    _bases_writer(principal)
    _area(data.area_code)
    if session.scalar(select(DemonstrationBase.id).where(DemonstrationBase.name == data.name)):
        raise conflict(f"a base named {data.name} exists")
    values = data.model_dump()
    values["facilities"] = _facilities(data.facilities)
    base = DemonstrationBase(**values)
    session.add(base)
    session.flush()
    return base


def get_base(session: Session, base_id: str, *, lock: bool = False) -> DemonstrationBase:
    query = select(DemonstrationBase).where(DemonstrationBase.id == base_id)
    found = session.scalar(query.with_for_update() if lock else query)
    if found is None:
        raise not_found("base")
    return found


def update_base(
    session: Session, *, principal: Principal, base_id: str, data: BaseUpdate
) -> DemonstrationBase:
    _bases_writer(principal)
    base = get_base(session, base_id, lock=True)
    changes = data.model_dump(exclude_unset=True)
    if "area_code" in changes:
        _area(changes["area_code"])
    if "facilities" in changes:
        changes["facilities"] = _facilities(changes["facilities"] or [])
    if changes.get("name") and changes["name"] != base.name:
        taken = select(DemonstrationBase.id).where(DemonstrationBase.name == changes["name"])
        if session.scalar(taken):
            raise conflict(f"a base named {changes['name']} exists")
    for key, value in changes.items():
        if value is not None or key == "recognised_on":
            setattr(base, key, value)
    session.flush()
    return base


def bases_query(
    *, q: str = "", kind: str = "", level: str = "", area: str = "", key_project: str = ""
) -> Select[Any]:
    query = select(DemonstrationBase)
    if q:
        like = f"%{q}%"
        query = query.where(
            or_(DemonstrationBase.name.like(like), DemonstrationBase.description.like(like))
        )
    for column, value in (
        (DemonstrationBase.kind, kind),
        (DemonstrationBase.level, level),
        (DemonstrationBase.area_code, area),
    ):
        if value:
            query = query.where(column == value)
    if key_project in ("yes", "no"):
        query = query.where(DemonstrationBase.key_project.is_(key_project == "yes"))
    return query.order_by(DemonstrationBase.area_code, DemonstrationBase.name)


def record_statistic(
    session: Session, *, principal: Principal, data: StatisticIn
) -> AnnualStatistic:
    """Insert or correct one area's figures for a year (the audit trail keeps the old ones)."""
    if not (is_association(principal) or is_fishery_officer(principal)):
        raise forbidden("statistics are reported by the association or the fishery department")
    _area(data.area_code)
    if data.year > reference.today().year:
        raise validation_error("year", "cannot report a year that has not begun")
    query = select(AnnualStatistic).where(
        AnnualStatistic.area_code == data.area_code, AnnualStatistic.year == data.year
    )
    row = session.scalar(query.with_for_update())
    if row is None:
        row = AnnualStatistic(**data.model_dump())
        session.add(row)
    else:
        row.output_wan, row.visitors, row.source = data.output_wan, data.visitors, data.source
    session.flush()
    return row
