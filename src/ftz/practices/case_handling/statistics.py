"""Statistics computed from the records (never stored): for a period, the FTZ-enterprise cases
filed and concluded, their average handling days (filing to closing) against the other cases
concluded in the period and how much faster they are, the mediation-and-withdrawal rate, the
tracks, and the satisfaction rate per year from the recorded surveys — each beside the seed's
figure (data/seed_figures.yaml)."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import Any

import yaml
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import validation_error
from ftz.practices.case_handling import repository
from ftz.practices.case_handling.common import HERE


@cache
def seed_figures() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(
        (HERE / "data" / "seed_figures.yaml").read_text("utf-8")
    )
    return loaded


def _round(value: Decimal | None) -> float | None:
    return None if value is None else float(value.quantize(Decimal("0.01"), ROUND_HALF_UP))


def _average(days: list[int]) -> Decimal | None:
    return Decimal(sum(days)) / len(days) if days else None


def compute(
    session: Session, *, principal: Principal, start: date | None = None, end: date | None = None
) -> dict[str, Any]:
    period = seed_figures()["period"]
    start = start or period["from"]
    end = end or period["to"]
    if start > end:
        raise validation_error("from", "after the end of the period")
    cases = repository.cases_for_stats(session, principal)
    concluded = [c for c in cases if c.closed_on is not None and start <= c.closed_on <= end]
    ftz_days = [
        (c.closed_on - c.filed_on).days for c in concluded if c.ftz_enterprise and c.closed_on
    ]
    other_days = [
        (c.closed_on - c.filed_on).days for c in concluded if not c.ftz_enterprise and c.closed_on
    ]
    ftz_avg, other_avg = _average(ftz_days), _average(other_days)
    faster = (1 - ftz_avg / other_avg) * 100 if ftz_avg is not None and other_avg else None
    ftz_concluded = [c for c in concluded if c.ftz_enterprise]
    settled = [c for c in ftz_concluded if c.outcome in ("mediated", "withdrawn")]
    filed = [c for c in cases if c.ftz_enterprise and start <= c.filed_on <= end]
    open_cases = [c for c in cases if c.status != "closed"]
    years: dict[int, list[int]] = {}
    for survey in repository.surveys(session, principal):
        totals = years.setdefault(survey.year, [0, 0])
        totals[0] += survey.respondents
        totals[1] += survey.satisfied
    return {
        "period": {"from": start.isoformat(), "to": end.isoformat()},
        "ftz_filed": len(filed),
        "ftz_concluded": len(ftz_concluded),
        "ftz_average_days": _round(ftz_avg),
        "other_concluded": len(other_days),
        "other_average_days": _round(other_avg),
        "faster_pct": _round(faster),
        "mediation_withdrawal_pct": _round(Decimal(len(settled) * 100) / len(ftz_concluded))
        if ftz_concluded
        else None,
        "open_by_track": {t: sum(1 for c in open_cases if c.track == t) for t in ("fast", "full")},
        "open_by_status": {
            s: sum(1 for c in open_cases if c.status == s)
            for s in ("open", "report_final", "approved")
        },
        "satisfaction": [
            {"year": y, "respondents": r, "satisfied": s, "rate_pct": _round(Decimal(s * 100) / r)}
            for y, (r, s) in sorted(years.items())
        ],
        "seed": seed_figures(),
    }
