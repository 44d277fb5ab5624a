"""The province's leisure fishery figures beside the seed's: output and visitors by year and by
city or county (sums of the monitored rows), growth against the year before, and what the
registry holds (vessels against the 500 planned, licences, flagged reports, key projects)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.practices.leisure_fishery import reference, repository
from ftz.practices.leisure_fishery.models import (
    AnnualStatistic,
    CatchReport,
    DemonstrationBase,
    Licence,
    Vessel,
)


def _growth(now: int, before: int) -> float | None:
    return round((now - before) / before * 100, 2) if before else None


def annual(session: Session) -> list[dict[str, Any]]:
    rows = session.execute(
        select(
            AnnualStatistic.year,
            func.sum(AnnualStatistic.output_wan),
            func.sum(AnnualStatistic.visitors),
            func.count(),
        )
        .group_by(AnnualStatistic.year)
        .order_by(AnnualStatistic.year)
    ).all()
    years: list[dict[str, Any]] = []
    for year, output, visitors, areas in rows:
        previous = years[-1] if years and years[-1]["year"] == year - 1 else None
        years.append(
            {
                "year": int(year),
                "output_wan": int(output),
                "visitors": int(visitors),
                "areas": int(areas),
                "output_growth_pct": _growth(int(output), previous["output_wan"])
                if previous
                else None,
                "visitors_growth_pct": (
                    _growth(int(visitors), previous["visitors"]) if previous else None
                ),
            }
        )
    return years


def by_area(session: Session, year: int) -> list[dict[str, Any]]:
    query = select(AnnualStatistic).where(AnnualStatistic.year == year)
    rows = {r.area_code: r for r in session.scalars(query)}
    return [
        {
            "area_code": a["code"],
            "name_zh": a["name_zh"],
            "name_en": a["name_en"],
            "output_wan": rows[a["code"]].output_wan if a["code"] in rows else None,
            "visitors": rows[a["code"]].visitors if a["code"] in rows else None,
            "source": rows[a["code"]].source if a["code"] in rows else "",
        }
        for a in reference.areas()
    ]


def _counts(session: Session, column: Any) -> dict[str, int]:
    rows = session.execute(select(column, func.count()).group_by(column))
    return {str(key): int(n) for key, n in rows}


def registry(session: Session, principal: Principal) -> dict[str, Any]:
    """Counts over what the principal may see (officers: the province; operators: their own)."""
    today = reference.today()
    vessels = repository.scoped(select(Vessel), Vessel, principal).subquery()
    by_status = _counts(session, vessels.c.status)
    by_class = _counts(session, vessels.c.vessel_class)
    licences = repository.scoped(select(func.count()).select_from(Licence), Licence, principal)
    active = session.scalar(
        licences.where(
            Licence.status == "active", Licence.valid_from <= today, Licence.valid_to >= today
        )
    )
    reports = repository.scoped(
        select(func.count()).select_from(CatchReport), CatchReport, principal
    )
    bases = session.execute(
        select(func.count(), func.coalesce(func.sum(DemonstrationBase.investment_wan), 0)).where(
            DemonstrationBase.key_project.is_(True)
        )
    ).one()
    return {
        "vessels": sum(by_status.values()),
        "vessels_by_status": by_status,
        "vessels_by_class": by_class,
        "active_licences": int(active or 0),
        "catch_reports": int(session.scalar(reports) or 0),
        "flagged_reports": int(session.scalar(reports.where(CatchReport.flagged.is_(True))) or 0),
        "awaiting_review": int(
            session.scalar(
                reports.where(CatchReport.flagged.is_(True), CatchReport.status == "filed")
            )
            or 0
        ),
        "key_projects": int(bases[0]),
        "key_projects_investment_wan": int(bases[1]),
    }


def board(session: Session, principal: Principal, year: int | None = None) -> dict[str, Any]:
    years = annual(session)
    chosen = year or (years[-1]["year"] if years else reference.today().year)
    current = next((y for y in years if y["year"] == chosen), None)
    seed = reference.seed()
    return {
        "year": chosen,
        "years": years,
        "current": current,
        "by_area": by_area(session, chosen),
        "registry": registry(session, principal),
        "seed": seed,
    }
