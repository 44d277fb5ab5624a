"""Statistics computed from the application records (never typed in): enterprises served,
trade value covered by certificates, success rate, days from submission to certificate, SLA
compliance, cost per application against the traditional path (the seed's −40 %), per scheme;
beside them the seed's reference figures (paths.yaml) so the page shows both."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.practices.certification_one_stop import reference, repository, sla
from ftz.practices.certification_one_stop.models import ExportApplication

DECIDED = ("issued", "failed", "refused")
CENT = Decimal("0.01")


def _pct(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _summary(rows: list[ExportApplication], today: date) -> dict[str, Any]:
    statuses = Counter(a.status for a in rows)
    issued = [a for a in rows if a.status == "issued"]
    decided = sum(statuses[s] for s in DECIDED)
    days = [(a.closed_on - a.submitted_on).days for a in issued if a.closed_on and a.submitted_on]
    sla_states = Counter(sla.status(a, today)["status"] for a in rows)
    fees = [a.fee_cny for a in rows if a.status in DECIDED]
    cost = (sum(fees, Decimal(0)) / len(fees)).quantize(CENT, ROUND_HALF_UP) if fees else None
    cut = Decimal(reference.seed()["cost_reduction_pct"]) / 100
    return {
        "applications": len(rows),
        "enterprises": len({a.org_id for a in rows}),
        "statuses": dict(statuses),
        "issued": len(issued),
        "decided": decided,
        "success_rate_pct": _pct(len(issued), decided),
        "trade_value_cny": str(sum((a.trade_value_cny for a in issued), Decimal(0))),
        "average_days": round(sum(days) / len(days), 1) if days else None,
        "max_days": max(days) if days else None,
        "sla": dict(sla_states),
        "on_time_pct": _pct(sla_states["met"], sla_states["met"] + sla_states["missed"]),
        "overdue": sla_states["overdue"],
        "average_cost_cny": str(cost) if cost is not None else None,
        # The seed: testing cost down 40 %, so the traditional path cost cost / (1 − 0.40).
        "traditional_cost_cny": str((cost / (1 - cut)).quantize(CENT)) if cost else None,
    }


def overview(
    session: Session, *, principal: Principal, today: date | None = None
) -> dict[str, Any]:
    day = today or date.today()
    rows = repository.application_stats_rows(session, principal)
    per_scheme: dict[str, list[ExportApplication]] = defaultdict(list)
    for row in rows:
        per_scheme[row.scheme].append(row)
    figures = reference.seed()
    return {
        "as_of": day.isoformat(),
        "all": _summary(rows, day),
        "schemes": {code: _summary(found, day) for code, found in sorted(per_scheme.items())},
        "seed": figures,
        "steps": {
            "before": len(reference.paths()["before"]),
            "after": len(reference.paths()["after"]),
        },
    }
